// Every operation the explorer sends, typed by graphql-codegen from schema.graphql
// (`npm run codegen` writes web/src/gql/; a test fails when it is stale).
import { graphql } from "./gql";

/** What the advisory list and an advisory's page both show of it. */
export const AdvisoryFieldsFragment = graphql(`
  fragment AdvisoryFields on Advisory {
    id
    category
    severity
    summary
    affectsId
    affectsRange
    source
    publishedAt
    withdrawnAt
  }
`);

/** One edge of an explanation chain, as the Chain component draws it. */
export const ChainEdgeFields = graphql(`
  fragment ChainEdge on Edge {
    relation
    type
    from {
      key
      redacted
    }
    to {
      key
      redacted
    }
  }
`);

export const SearchAssets = graphql(`
  query SearchAssets($filter: AssetFilter, $first: Int) {
    assets(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          key
          name
          kind
          publisher
          version
        }
      }
    }
  }
`);

export const Publishers = graphql(`
  query Publishers {
    assets(first: 500) {
      edges {
        node {
          publisher
        }
      }
    }
  }
`);

export const AssetPage = graphql(`
  query AssetPage($key: ID!) {
    asset(key: $key) {
      key
      id
      version
      versions
      name
      kind
      publisher
      license
      owner
      contacts
      description
      visibility
      placeholder
      releaseDate
      source
      contentHash
      ingestedAt
      refs
      extra
      advisories {
        id
        category
        severity
        summary
        source
      }
    }
    riskReport(key: $key) {
      highestSeverity
      risks {
        depth
        effectiveSeverity
        advisory {
          id
          category
          severity
          summary
          affectsId
        }
        path {
          ...ChainEdge
        }
      }
    }
  }
`);

export const Neighbours = graphql(`
  query Neighbours($key: ID!, $direction: Direction!, $edgeTypes: [EdgeType!], $first: Int, $after: String) {
    lineage(key: $key, direction: $direction, maxDepth: 1, edgeTypes: $edgeTypes, first: $first, after: $after) {
      totalCount
      hiddenCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          redacted
          asset {
            key
            name
            kind
            placeholder
            advisories {
              id
            }
          }
          path {
            relation
            type
          }
        }
      }
    }
  }
`);

export const BlastRadiusPage = graphql(`
  query BlastRadiusPage($key: ID, $advisoryId: ID, $first: Int, $after: String) {
    blastRadius(key: $key, advisoryId: $advisoryId, first: $first, after: $after) {
      totalCount
      hiddenCount
      complete
      cutReason
      contacts
      advisory {
        id
        summary
        severity
        category
        source
      }
      byKind {
        key
        count
      }
      byPublisher {
        key
        count
      }
      byDepth {
        key
        count
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          depth
          effectiveSeverity
          redacted
          asset {
            key
            name
            kind
            publisher
            owner
            contacts
          }
          path {
            ...ChainEdge
          }
        }
      }
    }
  }
`);

export const AdvisoryList = graphql(`
  query AdvisoryList($category: RiskCategory, $openOnly: Boolean, $first: Int, $after: String) {
    advisories(category: $category, openOnly: $openOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          ...AdvisoryFields
        }
      }
    }
  }
`);

export const AdvisoryPage = graphql(`
  query AdvisoryPage($id: ID!) {
    advisory(id: $id) {
      ...AdvisoryFields
      references
      withdrawReason
    }
  }
`);

export const PublishAdvisory = graphql(`
  mutation PublishAdvisory($input: AdvisoryInput!) {
    publishAdvisory(input: $input) {
      id
    }
  }
`);

export const WithdrawAdvisory = graphql(`
  mutation WithdrawAdvisory($id: ID!, $reason: String!) {
    withdrawAdvisory(id: $id, reason: $reason) {
      id
      withdrawnAt
    }
  }
`);

export const AddExemption = graphql(`
  mutation AddExemption($input: ExemptionInput!) {
    addExemption(input: $input)
  }
`);

export const Audit = graphql(`
  query Audit($keys: [ID!]!, $failAt: Severity) {
    audit(keys: $keys, failAt: $failAt) {
      audited
      unknown
      failed
      highestSeverity
      bySeverity {
        key
        count
      }
      findings {
        advisory {
          id
          category
          severity
          summary
        }
        reaches {
          depth
          effectiveSeverity
          asset {
            key
          }
        }
      }
    }
  }
`);
