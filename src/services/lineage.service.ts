// Lineage (everything an asset was built from, or everything built from it) and paths.
import { BadUserInputError, LimitExceededError } from "../errors.js";
import { cypher } from "../neo4j/cypher.js";
import type { Executor } from "../neo4j/executor.js";
import type { EdgeModel, EdgeTypeName } from "../model/asset.js";
import type { AssetService } from "./asset.service.js";
import { MAX_PATHS, checkDepth } from "./limits.js";
import { pageByDepthKey, pageSize, type Page } from "./paging.js";
import { explain, traverse, type AssetSummary, type DirectionName } from "./traversal.js";

export interface ReachedModel {
  key: string;
  depth: number;
  path: EdgeModel[];
  /** What the traversal read of the asset (saves loading it for pages that ask no more). */
  summary?: AssetSummary;
}

export interface TraversalPage extends Page<ReachedModel> {
  complete: boolean;
  cutReason: string | null;
}

export class LineageService {
  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
  ) {}

  async lineage(args: {
    key: string;
    direction: DirectionName;
    maxDepth?: number | null;
    edgeTypes?: EdgeTypeName[] | null;
    first?: number | null;
    after?: string | null;
  }): Promise<TraversalPage> {
    const maxDepth = checkDepth(args.maxDepth);
    pageSize(args.first);
    const opts = { direction: args.direction, maxDepth, types: args.edgeTypes ?? null };
    // Most questions name an exact key: try it as the start, and resolve a bare id (or answer
    // NOT_FOUND) only when it names no asset. One statement less per request.
    let result = await traverse(this.db, [args.key], opts);
    if (!result.found.length) result = await traverse(this.db, [await this.assets.resolveKey(args.key)], opts);
    const reached = [...result.nodes.values()].filter((n) => n.depth > 0);
    const page = pageByDepthKey("lineage", reached, args.first, args.after, { complete: result.complete, cutReason: result.cutReason });
    // Explanations only for the page: a big answer has many assets but one page.
    return {
      ...page,
      items: page.items.map((i) => ({
        cursor: i.cursor,
        node: { key: i.node.key, depth: i.node.depth, path: explain(result, i.node.node), summary: i.node },
      })),
    };
  }

  async paths(args: { from: string; to: string; maxDepth?: number | null; limit?: number | null }): Promise<EdgeModel[][]> {
    const maxDepth = checkDepth(args.maxDepth);
    const limit = args.limit ?? 5;
    if (!Number.isInteger(limit) || limit < 1) throw new BadUserInputError(`limit: expected a whole number >= 1, found ${limit}`);
    if (limit > MAX_PATHS) throw new LimitExceededError(`limit: at most ${MAX_PATHS} paths, asked for ${limit}`);
    const from = await this.assets.resolveKey(args.from, "from");
    const to = await this.assets.resolveKey(args.to, "to");
    if (from === to) return [];
    const rows = await this.db.read(cypher("traverse/shortest-paths"), { from, to, maxDepth, limit });
    return rows.map((r) => r.edges as EdgeModel[]);
  }
}
