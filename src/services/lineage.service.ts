// Lineage (everything an asset was built from, or everything built from it) and paths.
import { statement } from "../neo4j/statements.js";
import { BadUserInputError, LimitExceededError } from "../errors.js";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import type { EventService } from "./events.service.js";
import { assertStartsVisible, unknownKey, Visibility } from "./visibility.js";
import type { Executor } from "../neo4j/executor.js";
import type { EdgeModel, EdgeTypeName } from "../model/asset.js";
import type { AssetService } from "./asset.service.js";
import { MAX_PATHS, MAX_REACHED, TRAVERSAL_BUDGET_MS, checkAsOf, checkDepth } from "./limits.js";
import { limits } from "../config.js";
import { procedureBroke, walksInNeo4j } from "./procedures.js";
import { walkInNeo4j, type Ordered, type PackedWalk, type ReachedItem } from "./walk-in-neo4j.js";
import { pageSize, pageSortedByDepthKey, sortByDepthKey, type Page } from "./paging.js";
import { explain, redact, traverse, type AssetSummary, type DirectionName, type ReachedNode } from "./traversal.js";
import type { AnswerCache } from "./answer-cache.js";
import type { GraphVersion } from "../neo4j/graph-version.js";

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
  reached: Ordered<ReachedNode | ReachedItem>;
  /** The chain from the start to a reached asset, the start's edge first. */
  pathOf(item: ReachedNode | ReachedItem): EdgeModel[];
  complete: boolean;
  cutReason: string | null;
  hiddenCount: number;
  privateReads: string[];
}

/** The assets a packed walk reached past its starts (which lead the (depth, key) order). */
function pastStarts(packed: PackedWalk): Ordered<ReachedItem> {
  const ordered = packed.ordered;
  let starts = 0;
  while (starts < ordered.length && ordered.at(starts)!.depth === 0) starts++;
  return { length: ordered.length - starts, at: (i) => (i >= 0 ? ordered.at(i + starts) : undefined) };
}

interface LineageOptions {
  direction: DirectionName;
  maxDepth: number;
  types: EdgeTypeName[] | null;
  /** Whether an answer of this many assets is worth keeping (its graph version is then read). */
  versionFor: (n: number) => boolean;
  asOf: string | null;
  /** The kept answer's key. */
  question: string;
}

export class LineageService {
  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
    private readonly events: EventService,
    private readonly cache: AnswerCache,
    /** Where a lineage walks (UMR_WALK): inside Neo4j where the procedure is installed, or in Node. */
    readonly walkEngine: "auto" | "node" = limits.walkEngine,
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
    const question = JSON.stringify(["lineage", args.key, args.direction, maxDepth, args.edgeTypes ?? null, vis.seeingClass, asOf]);
    const opts: LineageOptions = {
      direction: args.direction,
      maxDepth,
      types: args.edgeTypes ?? null,
      versionFor: (n: number) => this.cache.keeps(n),
      asOf,
      question,
    };
    let kept = await this.cache.get<LineageWalk>(question);
    if (kept) await this.events.recordPrivateRead(viewer, kept.privateReads, "lineage");
    else {
      kept = (!asOf && (await this.walkInNeo4j(args.key, opts, vis))) || (await this.walkInNode(args.key, opts, vis));
      await this.events.recordPrivateRead(viewer, kept.privateReads, "lineage");
    }
    const walk = kept;
    const page = pageSortedByDepthKey("lineage", walk.reached, args.first, args.after, {
      complete: walk.complete,
      cutReason: walk.cutReason,
      hiddenCount: walk.hiddenCount,
    });
    // Explanations only for the page: a big answer has many assets but one page.
    return {
      ...page,
      items: page.items.map((i) => ({
        cursor: i.cursor,
        node: {
          key: i.node.key,
          depth: i.node.depth,
          path: walk.pathOf(i.node),
          summary: i.node,
          redacted: Boolean(i.node.redacted),
        },
      })),
    };
  }

  /**
   * The lineage walked inside Neo4j by the project's procedure (one statement, however deep),
   * kept when big enough; null where the procedure is not installed or broke (then Node walks).
   */
  private async walkInNeo4j(key: string, opts: LineageOptions, vis: Visibility): Promise<LineageWalk | null> {
    if (!(await walksInNeo4j(this.db, this.walkEngine))) return null;
    const ask = (start: string) =>
      walkInNeo4j(
        this.db,
        [start],
        {
          direction: opts.direction,
          maxDepth: opts.maxDepth,
          types: opts.types,
          relations: null,
          maxReached: MAX_REACHED,
          withVersion: opts.versionFor,
          timeoutMs: TRAVERSAL_BUDGET_MS + 10_000,
        },
        vis,
      );
    try {
      // Most questions name an exact key: try it as the start, and resolve a bare id (or answer
      // NOT_FOUND) only when it names no asset. One statement less per request.
      let packed = await ask(key);
      if (!packed.found.length) packed = await ask(await this.assets.resolveKey(key, "key", null));
      if (packed.startHidden) throw unknownKey(key);
      return this.keep(opts, vis, packed.graphVersion, {
        reached: pastStarts(packed),
        pathOf: (item) => packed.pathOf(item, opts.direction).reverse(),
        complete: packed.complete,
        cutReason: packed.cutReason,
        hiddenCount: packed.hiddenCount,
      });
    } catch (err) {
      if (procedureBroke(this.db, err)) return null;
      throw err;
    }
  }

  /** The lineage walked in Node, a statement a depth (traversal.ts), kept when big enough. */
  private async walkInNode(key: string, opts: LineageOptions, vis: Visibility): Promise<LineageWalk> {
    const how = { ...opts, engine: this.walkEngine };
    let walk = await traverse(this.db, [key], how);
    if (!walk.found.length) walk = await traverse(this.db, [await this.assets.resolveKey(key, "key", opts.asOf)], how);
    assertStartsVisible(walk, vis, key);
    const result = redact(walk, vis);
    return this.keep(opts, vis, walk.graphVersion, {
      reached: await sortByDepthKey([...result.nodes.values()].filter((n) => n.depth > 0)),
      pathOf: (item) => explain(result, item.node),
      complete: result.complete,
      cutReason: result.cutReason,
      hiddenCount: result.hiddenCount,
    });
  }

  /** A walk's answer with the private records it read, kept (when big enough) under the graph version its walk read. */
  private keep(
    opts: LineageOptions,
    vis: Visibility,
    version: GraphVersion | undefined,
    walk: Omit<LineageWalk, "privateReads">,
  ): LineageWalk {
    const kept: LineageWalk = { ...walk, privateReads: [...vis.privateReads] };
    if (version) this.cache.set(opts.question, version, kept, kept.reached.length);
    return kept;
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
