/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AdvisoryFields on Advisory {\n    id\n    category\n    severity\n    summary\n    affectsId\n    affectsRange\n    source\n    publishedAt\n    withdrawnAt\n  }\n": typeof types.AdvisoryFieldsFragmentDoc,
    "\n  fragment ChainEdge on Edge {\n    relation\n    type\n    from {\n      key\n      redacted\n    }\n    to {\n      key\n      redacted\n    }\n  }\n": typeof types.ChainEdgeFragmentDoc,
    "\n  query SearchAssets($filter: AssetFilter, $first: Int) {\n    assets(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          key\n          name\n          kind\n          publisher\n          version\n        }\n      }\n    }\n  }\n": typeof types.SearchAssetsDocument,
    "\n  query Publishers {\n    assets(first: 500) {\n      edges {\n        node {\n          publisher\n        }\n      }\n    }\n  }\n": typeof types.PublishersDocument,
    "\n  query AssetPage($key: ID!) {\n    asset(key: $key) {\n      key\n      id\n      version\n      versions\n      name\n      kind\n      publisher\n      license\n      owner\n      contacts\n      description\n      visibility\n      placeholder\n      releaseDate\n      source\n      contentHash\n      ingestedAt\n      refs\n      extra\n      advisories {\n        id\n        category\n        severity\n        summary\n        source\n      }\n    }\n    riskReport(key: $key) {\n      highestSeverity\n      risks {\n        depth\n        effectiveSeverity\n        advisory {\n          id\n          category\n          severity\n          summary\n          affectsId\n        }\n        path {\n          ...ChainEdge\n        }\n      }\n    }\n  }\n": typeof types.AssetPageDocument,
    "\n  query Neighbours($key: ID!, $direction: Direction!, $edgeTypes: [EdgeType!], $first: Int, $after: String) {\n    lineage(key: $key, direction: $direction, maxDepth: 1, edgeTypes: $edgeTypes, first: $first, after: $after) {\n      totalCount\n      hiddenCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          redacted\n          asset {\n            key\n            name\n            kind\n            placeholder\n            advisories {\n              id\n            }\n          }\n          path {\n            relation\n            type\n          }\n        }\n      }\n    }\n  }\n": typeof types.NeighboursDocument,
    "\n  query BlastRadiusPage($key: ID, $advisoryId: ID, $first: Int, $after: String) {\n    blastRadius(key: $key, advisoryId: $advisoryId, first: $first, after: $after) {\n      totalCount\n      hiddenCount\n      complete\n      cutReason\n      contacts\n      advisory {\n        id\n        summary\n        severity\n        category\n        source\n      }\n      byKind {\n        key\n        count\n      }\n      byPublisher {\n        key\n        count\n      }\n      byDepth {\n        key\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          depth\n          effectiveSeverity\n          redacted\n          asset {\n            key\n            name\n            kind\n            publisher\n            owner\n            contacts\n          }\n          path {\n            ...ChainEdge\n          }\n        }\n      }\n    }\n  }\n": typeof types.BlastRadiusPageDocument,
    "\n  query AdvisoryList($category: RiskCategory, $openOnly: Boolean, $first: Int, $after: String) {\n    advisories(category: $category, openOnly: $openOnly, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...AdvisoryFields\n        }\n      }\n    }\n  }\n": typeof types.AdvisoryListDocument,
    "\n  query AdvisoryPage($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryFields\n      references\n      withdrawReason\n    }\n  }\n": typeof types.AdvisoryPageDocument,
    "\n  mutation PublishAdvisory($input: AdvisoryInput!) {\n    publishAdvisory(input: $input) {\n      id\n    }\n  }\n": typeof types.PublishAdvisoryDocument,
    "\n  mutation WithdrawAdvisory($id: ID!, $reason: String!) {\n    withdrawAdvisory(id: $id, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n": typeof types.WithdrawAdvisoryDocument,
    "\n  mutation AddExemption($input: ExemptionInput!) {\n    addExemption(input: $input)\n  }\n": typeof types.AddExemptionDocument,
    "\n  query Audit($keys: [ID!]!, $failAt: Severity) {\n    audit(keys: $keys, failAt: $failAt) {\n      audited\n      unknown\n      failed\n      highestSeverity\n      bySeverity {\n        key\n        count\n      }\n      findings {\n        advisory {\n          id\n          category\n          severity\n          summary\n        }\n        reaches {\n          depth\n          effectiveSeverity\n          asset {\n            key\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuditDocument,
};
const documents: Documents = {
    "\n  fragment AdvisoryFields on Advisory {\n    id\n    category\n    severity\n    summary\n    affectsId\n    affectsRange\n    source\n    publishedAt\n    withdrawnAt\n  }\n": types.AdvisoryFieldsFragmentDoc,
    "\n  fragment ChainEdge on Edge {\n    relation\n    type\n    from {\n      key\n      redacted\n    }\n    to {\n      key\n      redacted\n    }\n  }\n": types.ChainEdgeFragmentDoc,
    "\n  query SearchAssets($filter: AssetFilter, $first: Int) {\n    assets(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          key\n          name\n          kind\n          publisher\n          version\n        }\n      }\n    }\n  }\n": types.SearchAssetsDocument,
    "\n  query Publishers {\n    assets(first: 500) {\n      edges {\n        node {\n          publisher\n        }\n      }\n    }\n  }\n": types.PublishersDocument,
    "\n  query AssetPage($key: ID!) {\n    asset(key: $key) {\n      key\n      id\n      version\n      versions\n      name\n      kind\n      publisher\n      license\n      owner\n      contacts\n      description\n      visibility\n      placeholder\n      releaseDate\n      source\n      contentHash\n      ingestedAt\n      refs\n      extra\n      advisories {\n        id\n        category\n        severity\n        summary\n        source\n      }\n    }\n    riskReport(key: $key) {\n      highestSeverity\n      risks {\n        depth\n        effectiveSeverity\n        advisory {\n          id\n          category\n          severity\n          summary\n          affectsId\n        }\n        path {\n          ...ChainEdge\n        }\n      }\n    }\n  }\n": types.AssetPageDocument,
    "\n  query Neighbours($key: ID!, $direction: Direction!, $edgeTypes: [EdgeType!], $first: Int, $after: String) {\n    lineage(key: $key, direction: $direction, maxDepth: 1, edgeTypes: $edgeTypes, first: $first, after: $after) {\n      totalCount\n      hiddenCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          redacted\n          asset {\n            key\n            name\n            kind\n            placeholder\n            advisories {\n              id\n            }\n          }\n          path {\n            relation\n            type\n          }\n        }\n      }\n    }\n  }\n": types.NeighboursDocument,
    "\n  query BlastRadiusPage($key: ID, $advisoryId: ID, $first: Int, $after: String) {\n    blastRadius(key: $key, advisoryId: $advisoryId, first: $first, after: $after) {\n      totalCount\n      hiddenCount\n      complete\n      cutReason\n      contacts\n      advisory {\n        id\n        summary\n        severity\n        category\n        source\n      }\n      byKind {\n        key\n        count\n      }\n      byPublisher {\n        key\n        count\n      }\n      byDepth {\n        key\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          depth\n          effectiveSeverity\n          redacted\n          asset {\n            key\n            name\n            kind\n            publisher\n            owner\n            contacts\n          }\n          path {\n            ...ChainEdge\n          }\n        }\n      }\n    }\n  }\n": types.BlastRadiusPageDocument,
    "\n  query AdvisoryList($category: RiskCategory, $openOnly: Boolean, $first: Int, $after: String) {\n    advisories(category: $category, openOnly: $openOnly, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...AdvisoryFields\n        }\n      }\n    }\n  }\n": types.AdvisoryListDocument,
    "\n  query AdvisoryPage($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryFields\n      references\n      withdrawReason\n    }\n  }\n": types.AdvisoryPageDocument,
    "\n  mutation PublishAdvisory($input: AdvisoryInput!) {\n    publishAdvisory(input: $input) {\n      id\n    }\n  }\n": types.PublishAdvisoryDocument,
    "\n  mutation WithdrawAdvisory($id: ID!, $reason: String!) {\n    withdrawAdvisory(id: $id, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n": types.WithdrawAdvisoryDocument,
    "\n  mutation AddExemption($input: ExemptionInput!) {\n    addExemption(input: $input)\n  }\n": types.AddExemptionDocument,
    "\n  query Audit($keys: [ID!]!, $failAt: Severity) {\n    audit(keys: $keys, failAt: $failAt) {\n      audited\n      unknown\n      failed\n      highestSeverity\n      bySeverity {\n        key\n        count\n      }\n      findings {\n        advisory {\n          id\n          category\n          severity\n          summary\n        }\n        reaches {\n          depth\n          effectiveSeverity\n          asset {\n            key\n          }\n        }\n      }\n    }\n  }\n": types.AuditDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdvisoryFields on Advisory {\n    id\n    category\n    severity\n    summary\n    affectsId\n    affectsRange\n    source\n    publishedAt\n    withdrawnAt\n  }\n"): typeof import('./graphql').AdvisoryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChainEdge on Edge {\n    relation\n    type\n    from {\n      key\n      redacted\n    }\n    to {\n      key\n      redacted\n    }\n  }\n"): typeof import('./graphql').ChainEdgeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchAssets($filter: AssetFilter, $first: Int) {\n    assets(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          key\n          name\n          kind\n          publisher\n          version\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchAssetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Publishers {\n    assets(first: 500) {\n      edges {\n        node {\n          publisher\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PublishersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssetPage($key: ID!) {\n    asset(key: $key) {\n      key\n      id\n      version\n      versions\n      name\n      kind\n      publisher\n      license\n      owner\n      contacts\n      description\n      visibility\n      placeholder\n      releaseDate\n      source\n      contentHash\n      ingestedAt\n      refs\n      extra\n      advisories {\n        id\n        category\n        severity\n        summary\n        source\n      }\n    }\n    riskReport(key: $key) {\n      highestSeverity\n      risks {\n        depth\n        effectiveSeverity\n        advisory {\n          id\n          category\n          severity\n          summary\n          affectsId\n        }\n        path {\n          ...ChainEdge\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AssetPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Neighbours($key: ID!, $direction: Direction!, $edgeTypes: [EdgeType!], $first: Int, $after: String) {\n    lineage(key: $key, direction: $direction, maxDepth: 1, edgeTypes: $edgeTypes, first: $first, after: $after) {\n      totalCount\n      hiddenCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          redacted\n          asset {\n            key\n            name\n            kind\n            placeholder\n            advisories {\n              id\n            }\n          }\n          path {\n            relation\n            type\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').NeighboursDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlastRadiusPage($key: ID, $advisoryId: ID, $first: Int, $after: String) {\n    blastRadius(key: $key, advisoryId: $advisoryId, first: $first, after: $after) {\n      totalCount\n      hiddenCount\n      complete\n      cutReason\n      contacts\n      advisory {\n        id\n        summary\n        severity\n        category\n        source\n      }\n      byKind {\n        key\n        count\n      }\n      byPublisher {\n        key\n        count\n      }\n      byDepth {\n        key\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          depth\n          effectiveSeverity\n          redacted\n          asset {\n            key\n            name\n            kind\n            publisher\n            owner\n            contacts\n          }\n          path {\n            ...ChainEdge\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').BlastRadiusPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdvisoryList($category: RiskCategory, $openOnly: Boolean, $first: Int, $after: String) {\n    advisories(category: $category, openOnly: $openOnly, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...AdvisoryFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdvisoryListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdvisoryPage($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryFields\n      references\n      withdrawReason\n    }\n  }\n"): typeof import('./graphql').AdvisoryPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAdvisory($input: AdvisoryInput!) {\n    publishAdvisory(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').PublishAdvisoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawAdvisory($id: ID!, $reason: String!) {\n    withdrawAdvisory(id: $id, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n"): typeof import('./graphql').WithdrawAdvisoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddExemption($input: ExemptionInput!) {\n    addExemption(input: $input)\n  }\n"): typeof import('./graphql').AddExemptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($keys: [ID!]!, $failAt: Severity) {\n    audit(keys: $keys, failAt: $failAt) {\n      audited\n      unknown\n      failed\n      highestSeverity\n      bySeverity {\n        key\n        count\n      }\n      findings {\n        advisory {\n          id\n          category\n          severity\n          summary\n        }\n        reaches {\n          depth\n          effectiveSeverity\n          asset {\n            key\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
