// Gathers a subgraph (the roots and everything reached from them) for export.
import { limits } from "../config.js";
import { LimitExceededError } from "../errors.js";
import type { Subgraph, SubgraphEdge, SubgraphNode } from "../model/subgraph.js";
import { cypher } from "../neo4j/cypher.js";
import type { Executor } from "../neo4j/executor.js";
import type { AssetService } from "./asset.service.js";
import { checkDepth } from "./limits.js";
import { explain, traverse, type DirectionName } from "./traversal.js";

/** How each exported asset was reached from the roots: the explanation an auditor keeps. */
export interface ExportPath {
  key: string;
  depth: number;
  path: { type: string; relation: string; constraint: string | null; from: string; to: string }[];
}

/** The largest subgraph one export holds; larger ones answer LIMIT_EXCEEDED with advice. */
export const MAX_EXPORT_NODES = limits.maxExportNodes;

export class ExportService {
  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
    private readonly maxNodes = MAX_EXPORT_NODES,
  ) {}

  async subgraph(
    roots: string[],
    direction: DirectionName,
    maxDepth?: number | null,
  ): Promise<Subgraph & { paths: ExportPath[]; roots: string[] }> {
    const depth = checkDepth(maxDepth);
    const keys: string[] = [];
    for (const r of roots) keys.push(await this.assets.resolveKey(r, "roots"));
    const walk = await traverse(this.db, keys, { direction, maxDepth: depth, maxReached: this.maxNodes + 1 });
    if (walk.nodes.size > this.maxNodes) {
      throw new LimitExceededError(
        `the subgraph holds more than ${this.maxNodes} assets; export it in parts (a smaller maxDepth, or several roots at a time)`,
      );
    }
    const nodeKeys = [...walk.nodes.values()].map((n) => n.key).sort();
    const nodes = (await this.db.read(cypher("export/nodes"), { keys: nodeKeys })) as unknown as SubgraphNode[];
    const edges = (await this.db.read(cypher("export/edges"), { keys: nodeKeys })) as unknown as SubgraphEdge[];
    const [extra] = await this.db.read(cypher("export/advisories"), { keys: nodeKeys });
    nodes.sort((a, b) => (a.key < b.key ? -1 : 1));
    const paths = [...walk.nodes.values()]
      .map((n) => ({ key: n.key, depth: n.depth, path: explain(walk, n.node) }))
      .sort((a, b) => a.depth - b.depth || (a.key < b.key ? -1 : 1));
    return {
      roots: keys,
      paths,
      nodes: nodes.map((n) => ({ ...n, labels: n.labels.slice().sort() })),
      edges,
      advisories: (extra?.advisories as Record<string, unknown>[]) ?? [],
      exemptions: (extra?.exemptions as Record<string, unknown>[]) ?? [],
    };
  }
}
