// A subgraph as exports carry it: nodes and edges with every property, and the advisories
// and exemptions that touch them.

export interface SubgraphNode {
  key: string;
  labels: string[];
  props: Record<string, unknown>;
}
export interface SubgraphEdge {
  from: string;
  to: string;
  type: string;
  props: Record<string, unknown>;
}
export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  advisories: Record<string, unknown>[];
  exemptions: Record<string, unknown>[];
  /** The sameAs statements between ids of the subgraph (data-model.md §5), when there are any. */
  sameAs?: { a: string; b: string; by: string | null; source: string; note: string | null }[];
}

/** Properties stored as Neo4j datetimes (exports carry them as ISO 8601 text). */
export const DATETIME_PROPS = new Set(["ingestedAt", "publishedAt", "withdrawnAt", "createdAt"]);
