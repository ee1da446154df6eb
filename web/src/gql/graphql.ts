/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How a model is available. */
export const AccessKind = {
  /** Usable through a hosted API; the weights are not published. */
  Api: 'API',
  /** Neither weights nor a public API. */
  Closed: 'CLOSED',
  /** The weights can be downloaded (openly or after accepting terms). */
  OpenWeights: 'OPEN_WEIGHTS'
} as const;

export type AccessKind = typeof AccessKind[keyof typeof AccessKind];
/** A new advisory. */
export type AdvisoryInput = {
  /** The record id it flags (no version); it may have no record yet. */
  affectsId: string;
  /** The semver range of versions it flags ("*": all). */
  affectsRange?: string | null | undefined;
  /** The kind of risk. */
  category: RiskCategory;
  /** The advisory's id when the publisher has one (a CVE or GHSA id, "ACME-2026-0001"): letters, digits and . _ : -, at most 100; otherwise one is made ("UMR-<year>-<8 hex digits>"). */
  id?: string | number | null | undefined;
  /** Links to the evidence. */
  references?: Array<string> | null | undefined;
  /** How bad it is. */
  severity: Severity;
  /** What was found. */
  summary: string;
};

/** Filters for `assets`; all given filters must hold. */
export type AssetFilter = {
  /** Registry filter: this kind of access. */
  access?: AccessKind | null | undefined;
  /** Only assets of this kind. */
  kind?: AssetKind | null | undefined;
  /** Registry filter: at least this many parameters. */
  minParameterCount?: number | null | undefined;
  /** Registry filter: at least this much training compute, in FLOP (1e25). */
  minTrainingFlop?: number | null | undefined;
  /** Only assets of this publisher (exact match). */
  publisher?: string | null | undefined;
  /** Words to find in id, name or description (each word, as a prefix). */
  text?: string | null | undefined;
  /** Only assets built on this id or key ("laion-5b"): its lineage reaches it upstream, at any depth, through any relation but evaluated_on (and across sameAs links). */
  trainedOn?: string | null | undefined;
};

/** What an asset is. */
export const AssetKind = {
  /** A product or application built on models. */
  Application: 'APPLICATION',
  /** A dataset, or a subset or mixture of datasets. */
  Dataset: 'DATASET',
  /** A family of models or datasets, or a data source such as a platform. */
  Family: 'FAMILY',
  /** A trained model (weights), including fine-tunes, adapters, quantizations and merges. */
  Model: 'MODEL'
} as const;

export type AssetKind = typeof AssetKind[keyof typeof AssetKind];
/** Which way a traversal goes. */
export const Direction = {
  /** Towards what was built from the asset (blast radius). */
  Downstream: 'DOWNSTREAM',
  /** Towards what the asset was built from (lineage). */
  Upstream: 'UPSTREAM'
} as const;

export type Direction = typeof Direction[keyof typeof Direction];
/** The relationship types of the graph: the two lineage types point upstream, from what was built to what it was built from; SAME_AS (in answers only) joins two ids of one thing. */
export const EdgeType = {
  /** Every link other than training on a dataset (fine-tune, merge, member of a family, ...). */
  DerivedFrom: 'DERIVED_FROM',
  /** Not a hop: two ids (often from two sources) declared to name the same thing; lineage and risk cross it as within one node. Its relation is same_as. */
  SameAs: 'SAME_AS',
  /** A model trained on a dataset. */
  TrainedOn: 'TRAINED_ON'
} as const;

export type EdgeType = typeof EdgeType[keyof typeof EdgeType];
/** A VEX statement about an asset and an advisory: NOT_AFFECTED (the default) or FIXED stops the advisory at this asset. */
export type ExemptionInput = {
  /** The advisory. */
  advisoryId: string | number;
  /** The asset (key, or bare id for its newest version). */
  assetKey: string | number;
  /** After this time the statement stops nothing. */
  expiresAt?: string | null | undefined;
  /** Why: the free-text justification. */
  justification: string;
  /** The standard justification code (OpenVEX), for NOT_AFFECTED. */
  justificationCode?: VexJustification | null | undefined;
  /** The VEX status; NOT_AFFECTED and FIXED stop the advisory. */
  status?: VexStatus | null | undefined;
};

/** What kind of risk an advisory names; the propagation policy is set per category. */
export const RiskCategory = {
  Bias: 'BIAS',
  Csam: 'CSAM',
  Legal: 'LEGAL',
  License: 'LICENSE',
  Nsfw: 'NSFW',
  Other: 'OTHER',
  Privacy: 'PRIVACY',
  Retracted: 'RETRACTED',
  Security: 'SECURITY',
  Violence: 'VIOLENCE'
} as const;

export type RiskCategory = typeof RiskCategory[keyof typeof RiskCategory];
/** How bad a risk is, from LOW to CRITICAL. */
export const Severity = {
  Critical: 'CRITICAL',
  High: 'HIGH',
  Low: 'LOW',
  Medium: 'MEDIUM'
} as const;

export type Severity = typeof Severity[keyof typeof Severity];
/** OpenVEX's justifications for a NOT_AFFECTED statement. */
export const VexJustification = {
  /** OpenVEX `component_not_present`. */
  ComponentNotPresent: 'COMPONENT_NOT_PRESENT',
  /** OpenVEX `inline_mitigations_already_exist`. */
  InlineMitigationsAlreadyExist: 'INLINE_MITIGATIONS_ALREADY_EXIST',
  /** OpenVEX `vulnerable_code_cannot_be_controlled_by_adversary`. */
  VulnerableCodeCannotBeControlledByAdversary: 'VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY',
  /** OpenVEX `vulnerable_code_not_in_execute_path`. */
  VulnerableCodeNotInExecutePath: 'VULNERABLE_CODE_NOT_IN_EXECUTE_PATH',
  /** OpenVEX `vulnerable_code_not_present`. */
  VulnerableCodeNotPresent: 'VULNERABLE_CODE_NOT_PRESENT'
} as const;

export type VexJustification = typeof VexJustification[keyof typeof VexJustification];
/** The status of a VEX statement. */
export const VexStatus = {
  /** The asset is affected: the statement records it, and the advisory goes on. */
  Affected: 'AFFECTED',
  /** The asset was affected and is fixed: the advisory stops here. */
  Fixed: 'FIXED',
  /** The asset is not affected (the default): the advisory stops here. */
  NotAffected: 'NOT_AFFECTED',
  /** Not known yet: the statement records it, and the advisory goes on. */
  UnderInvestigation: 'UNDER_INVESTIGATION'
} as const;

export type VexStatus = typeof VexStatus[keyof typeof VexStatus];
export type AdvisoryFieldsFragment = { id: string, category: RiskCategory, severity: Severity, summary: string, affectsId: string, affectsRange: string, source: string, publishedAt: string, withdrawnAt: string | null };

export type ChainEdgeFragment = { relation: string, type: EdgeType, from: { key: string, redacted: boolean }, to: { key: string, redacted: boolean } };

export type SearchAssetsQueryVariables = Exact<{
  filter?: AssetFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type SearchAssetsQuery = { assets: { totalCount: number, edges: Array<{ node: { key: string, name: string, kind: AssetKind, publisher: string | null, version: string | null } }> } | null };

export type PublishersQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishersQuery = { assets: { edges: Array<{ node: { publisher: string | null } }> } | null };

export type AssetPageQueryVariables = Exact<{
  key: string | number;
}>;


export type AssetPageQuery = { asset: { key: string, id: string, version: string | null, versions: Array<string>, name: string, kind: AssetKind, publisher: string | null, license: string | null, owner: string | null, contacts: Array<string>, description: string | null, visibility: string | null, placeholder: boolean, releaseDate: string | null, source: string | null, contentHash: string | null, ingestedAt: string | null, refs: Array<string>, extra: unknown, advisories: Array<{ id: string, category: RiskCategory, severity: Severity, summary: string, source: string }> } | null, riskReport: { highestSeverity: Severity | null, risks: Array<{ depth: number, effectiveSeverity: Severity, advisory: { id: string, category: RiskCategory, severity: Severity, summary: string, affectsId: string }, path: Array<{ relation: string, type: EdgeType, from: { key: string, redacted: boolean }, to: { key: string, redacted: boolean } }> }> } | null };

export type NeighboursQueryVariables = Exact<{
  key: string | number;
  direction: Direction;
  edgeTypes?: Array<EdgeType> | EdgeType | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NeighboursQuery = { lineage: { totalCount: number, hiddenCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { redacted: boolean, asset: { key: string, name: string, kind: AssetKind, placeholder: boolean, advisories: Array<{ id: string }> }, path: Array<{ relation: string, type: EdgeType }> } }> } | null };

export type BlastRadiusPageQueryVariables = Exact<{
  key?: string | number | null | undefined;
  advisoryId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BlastRadiusPageQuery = { blastRadius: { totalCount: number, hiddenCount: number, complete: boolean, cutReason: string | null, contacts: Array<string>, advisory: { id: string, summary: string, severity: Severity, category: RiskCategory, source: string }, byKind: Array<{ key: string, count: number }>, byPublisher: Array<{ key: string, count: number }>, byDepth: Array<{ key: string, count: number }>, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { depth: number, effectiveSeverity: Severity, redacted: boolean, asset: { key: string, name: string, kind: AssetKind, publisher: string | null, owner: string | null, contacts: Array<string> }, path: Array<{ relation: string, type: EdgeType, from: { key: string, redacted: boolean }, to: { key: string, redacted: boolean } }> } }> } | null };

export type AdvisoryListQueryVariables = Exact<{
  category?: RiskCategory | null | undefined;
  openOnly?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdvisoryListQuery = { advisories: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, category: RiskCategory, severity: Severity, summary: string, affectsId: string, affectsRange: string, source: string, publishedAt: string, withdrawnAt: string | null } }> } | null };

export type AdvisoryPageQueryVariables = Exact<{
  id: string | number;
}>;


export type AdvisoryPageQuery = { advisory: { references: Array<string>, withdrawReason: string | null, id: string, category: RiskCategory, severity: Severity, summary: string, affectsId: string, affectsRange: string, source: string, publishedAt: string, withdrawnAt: string | null } | null };

export type PublishAdvisoryMutationVariables = Exact<{
  input: AdvisoryInput;
}>;


export type PublishAdvisoryMutation = { publishAdvisory: { id: string } };

export type WithdrawAdvisoryMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WithdrawAdvisoryMutation = { withdrawAdvisory: { id: string, withdrawnAt: string | null } };

export type AddExemptionMutationVariables = Exact<{
  input: ExemptionInput;
}>;


export type AddExemptionMutation = { addExemption: boolean };

export type AuditQueryVariables = Exact<{
  keys: Array<string | number> | string | number;
  failAt?: Severity | null | undefined;
}>;


export type AuditQuery = { audit: { audited: Array<string>, unknown: Array<string>, failed: boolean, highestSeverity: Severity | null, bySeverity: Array<{ key: string, count: number }>, findings: Array<{ advisory: { id: string, category: RiskCategory, severity: Severity, summary: string }, reaches: Array<{ depth: number, effectiveSeverity: Severity, asset: { key: string } }> }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AdvisoryFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"AdvisoryFields"}) as unknown as TypedDocumentString<AdvisoryFieldsFragment, unknown>;
export const ChainEdgeFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"ChainEdge"}) as unknown as TypedDocumentString<ChainEdgeFragment, unknown>;
export const SearchAssetsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SearchAssetsQuery, SearchAssetsQueryVariables>;
export const PublishersDocument = new TypedDocumentString(`
    query Publishers {
  assets(first: 500) {
    edges {
      node {
        publisher
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PublishersQuery, PublishersQueryVariables>;
export const AssetPageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<AssetPageQuery, AssetPageQueryVariables>;
export const NeighboursDocument = new TypedDocumentString(`
    query Neighbours($key: ID!, $direction: Direction!, $edgeTypes: [EdgeType!], $first: Int, $after: String) {
  lineage(
    key: $key
    direction: $direction
    maxDepth: 1
    edgeTypes: $edgeTypes
    first: $first
    after: $after
  ) {
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
    `) as unknown as TypedDocumentString<NeighboursQuery, NeighboursQueryVariables>;
export const BlastRadiusPageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<BlastRadiusPageQuery, BlastRadiusPageQueryVariables>;
export const AdvisoryListDocument = new TypedDocumentString(`
    query AdvisoryList($category: RiskCategory, $openOnly: Boolean, $first: Int, $after: String) {
  advisories(
    category: $category
    openOnly: $openOnly
    first: $first
    after: $after
  ) {
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
}`) as unknown as TypedDocumentString<AdvisoryListQuery, AdvisoryListQueryVariables>;
export const AdvisoryPageDocument = new TypedDocumentString(`
    query AdvisoryPage($id: ID!) {
  advisory(id: $id) {
    ...AdvisoryFields
    references
    withdrawReason
  }
}
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
}`) as unknown as TypedDocumentString<AdvisoryPageQuery, AdvisoryPageQueryVariables>;
export const PublishAdvisoryDocument = new TypedDocumentString(`
    mutation PublishAdvisory($input: AdvisoryInput!) {
  publishAdvisory(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublishAdvisoryMutation, PublishAdvisoryMutationVariables>;
export const WithdrawAdvisoryDocument = new TypedDocumentString(`
    mutation WithdrawAdvisory($id: ID!, $reason: String!) {
  withdrawAdvisory(id: $id, reason: $reason) {
    id
    withdrawnAt
  }
}
    `) as unknown as TypedDocumentString<WithdrawAdvisoryMutation, WithdrawAdvisoryMutationVariables>;
export const AddExemptionDocument = new TypedDocumentString(`
    mutation AddExemption($input: ExemptionInput!) {
  addExemption(input: $input)
}
    `) as unknown as TypedDocumentString<AddExemptionMutation, AddExemptionMutationVariables>;
export const AuditDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AuditQuery, AuditQueryVariables>;