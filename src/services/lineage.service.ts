// Lineage (everything an asset was built from, or everything built from it) and paths.
import { statement } from "../neo4j/statements.js";
import { BadUserInputError, LimitExceededError } from "../errors.js";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import type { EventService } from "./events.service.js";
import { assertStartsVisible, unknownKey, Visibility } from "./visibility.js";
import type { Executor } from "../neo4j/executor.js";
import type { EdgeModel, EdgeTypeName } from "../model/asset.js";
import type { AssetService } from "./asset.service.js";
import { MAX_PATHS, checkAsOf, checkDepth } from "./limits.js";
import { pageSize, pageSortedByDepthKey, sortByDepthKey, type Page } from "./paging.js";
import { explain, redact, traverse, type AssetSummary, type DirectionName, type ReachedNode } from "./traversal.js";
import type { AnswerCache } from "./answer-cache.js";

export interface ReachedModel {
  key: string;
  depth: number;
  path: EdgeModel[];
  /** What the traversal read of the asset (saves loading it for pages that ask no more). */
  summary?: AssetSummary;
  /** A hidden asset: its key is an opaque id, and nothing else of it is shown. */
  redacted?: boolean;
}

export interface TraversalPage extends Page<ReachedModel> {
  complete: boolean;
  cutReason: string | null;
  /** Assets reached that the viewer may not see (counted in totalCount, shown as hidden nodes). */
  hiddenCount: number;
}

/** A lineage walked whole and redacted for its viewers, its reached assets by depth then key. */
interface LineageWalk {
  result: ReturnType<typeof redact>;
  reached: ReachedNode[];
  privateReads: string[];
}

export class LineageService {
  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
    private readonly events: EventService,
    private readonly cache: AnswerCache,
  ) {}

  async lineage(
    args: {
      key: string;
      direction: DirectionName;
      maxDepth?: number | null;
      edgeTypes?: EdgeTypeName[] | null;
      first?: number | null;
      after?: string | null;
      /** The graph as it stood then (ISO time); null: now. */
      asOf?: Date | string | null;
    },
    viewer: Viewer = ANONYMOUS,
  ): Promise<TraversalPage> {
    const maxDepth = checkDepth(args.maxDepth);
    const asOf = checkAsOf(args.asOf);
    pageSize(args.first);
    const vis = new Visibility(viewer);
    const opts = {
      direction: args.direction,
      maxDepth,
      types: args.edgeTypes ?? null,
      versionFor: (n: number) => this.cache.keeps(n),
      asOf,
    };
    const question = JSON.stringify(["lineage", args.key, args.direction, maxDepth, args.edgeTypes ?? null, vis.seeingClass, asOf]);
    let kept = await this.cache.get<LineageWalk>(question);
    if (kept) await this.events.recordPrivateRead(viewer, kept.privateReads, "lineage");
    else {
      // Most questions name an exact key: try it as the start, and resolve a bare id (or answer
      // NOT_FOUND) only when it names no asset. One statement less per request.
      let walk = await traverse(this.db, [args.key], opts);
      if (!walk.found.length) walk = await traverse(this.db, [await this.assets.resolveKey(args.key, "key", asOf)], opts);
      assertStartsVisible(walk, vis, args.key);
      const result = redact(walk, vis);
      await this.events.recordPrivateRead(viewer, [...vis.privateReads], "lineage");
      kept = {
        result,
        reached: await sortByDepthKey([...result.nodes.values()].filter((n) => n.depth > 0)),
        privateReads: [...vis.privateReads],
      };
      if (walk.graphVersion) this.cache.set(question, walk.graphVersion, kept, kept.reached.length);
    }
    const { result } = kept;
    const page = pageSortedByDepthKey("lineage", kept.reached, args.first, args.after, {
      complete: result.complete,
      cutReason: result.cutReason,
      hiddenCount: result.hiddenCount,
    });
    // Explanations only for the page: a big answer has many assets but one page.
    return {
      ...page,
      items: page.items.map((i) => ({
        cursor: i.cursor,
        node: {
          key: i.node.key,
          depth: i.node.depth,
          path: explain(result, i.node.node),
          summary: i.node,
          redacted: Boolean(i.node.redacted),
        },
      })),
    };
  }

  async paths(
    args: { from: string; to: string; maxDepth?: number | null; limit?: number | null; asOf?: Date | string | null },
    viewer: Viewer = ANONYMOUS,
  ): Promise<EdgeModel[][]> {
    const maxDepth = checkDepth(args.maxDepth);
    const asOf = checkAsOf(args.asOf);
    const limit = args.limit ?? 5;
    if (!Number.isInteger(limit) || limit < 1) throw new BadUserInputError(`limit: expected a whole number >= 1, found ${limit}`);
    if (limit > MAX_PATHS) throw new LimitExceededError(`limit: at most ${MAX_PATHS} paths, asked for ${limit}`);
    const from = await this.assets.resolveKey(args.from, "from", asOf);
    const to = await this.assets.resolveKey(args.to, "to", asOf);
    const vis = new Visibility(viewer);
    const ends = await this.assets.byKeys([from, to]);
    if (!vis.sees(ends[0]!)) throw unknownKey(args.from, "from");
    if (!vis.sees(ends[1]!)) throw unknownKey(args.to, "to");
    if (from === to) return [];
    const rows = asOf
      ? await this.db.read(statement("traverse/shortest-paths-as-of"), { from, to, maxDepth, limit, asOf })
      : await this.db.read(statement("traverse/shortest-paths"), { from, to, maxDepth, limit });
    const paths = rows.map((r) => r.edges);
    // Steps through assets the viewer may not see are shown by their opaque ids.
    const keys = [...new Set(paths.flat().flatMap((e) => [e.from, e.to]))];
    const facts = new Map((await this.assets.byKeys(keys)).filter((a) => a !== null).map((a) => [a.key, a]));
    const shown = (k: string) => (facts.has(k) ? vis.shown(facts.get(k)!) : k);
    await this.events.recordPrivateRead(viewer, [...vis.privateReads], "paths");
    return paths.map((p) => p.map((e) => ({ ...e, from: shown(e.from), to: shown(e.to) })));
  }
}
