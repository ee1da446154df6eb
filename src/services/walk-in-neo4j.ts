// A hub's walk inside Neo4j: the project's procedure umr.walk (neo4j-plugin/) runs the breadth-first
// walk of traversal.ts next to the data and answers in one row — the reached assets in (depth, key)
// order, the edge that first reached each, their kinds and the blast radius's totals — so that a
// 100k-asset answer crosses Bolt as a few packed values instead of 100k rows, and no property is
// read for an asset beyond what the totals need. Who may see what is decided here, as everywhere
// (Visibility): the procedure hands the private assets back apart.
//
// Where the procedure is not installed (a managed Neo4j such as Aura, a server without the jar) or
// UMR_WALK=node, callers walk in Node (traversal.ts) with the same answers; a test compares the two.
import type { Logger } from "../log.js";
import type { EdgeModel, EdgeTypeName } from "../model/asset.js";
import type { Executor } from "../neo4j/executor.js";
import { toGraphVersion, type GraphVersion } from "../neo4j/graph-version.js";
import { statement, type RowOf } from "../neo4j/statements.js";
import { cutReasons, type AssetSummary, type DirectionName } from "./traversal.js";
import type { Visibility } from "./visibility.js";
import { sortCounts, type CountModel } from "./counts.js";
import { walksInNeo4j } from "./procedures.js";

/**
 * After a write, the procedure's lineage index of the new graph begins building at once, in the
 * background inside Neo4j, rather than at the first walk that finds it stale (which reads the
 * store meanwhile). Nothing waits for it; a failure is only logged.
 */
export async function refreshWalkIndex(db: Executor, log: Logger): Promise<void> {
  try {
    if (await walksInNeo4j(db)) await db.read(statement("traverse/walk-index"), { action: "refresh" });
  } catch (err) {
    log.debug({ err: (err as Error).message }, "the lineage index was not refreshed; the next walk will");
  }
}

/** A list read by position: an array, or a packed answer that makes its items when asked. */
export interface Ordered<T> {
  readonly length: number;
  at(i: number): T | undefined;
}

/** An affected asset as a page shows it; the packed walk leaves name, publisher, owner and contacts to the loaders. */
export interface ReachedItem extends AssetSummary {
  /** Its identity in the walk. */
  node: string;
  depth: number;
  redacted?: boolean;
}

export interface WalkInNeo4jOptions {
  direction: DirectionName;
  maxDepth: number;
  types?: EdgeTypeName[] | null;
  relations?: string[] | null;
  /** Keys neither reached nor expanded (exemptions). */
  stop?: readonly string[];
  maxReached: number;
  /** Read the graph's version in the walk's own transaction (answers worth keeping): always, or for answers of a size worth it. */
  withVersion?: boolean | ((size: number) => boolean);
  timeoutMs: number;
}

/** A walk's answer as a viewer may see it: hidden assets by their opaque ids, totals without what they would name. */
export class PackedWalk {
  /** The start keys that name an asset. */
  readonly found: string[];
  readonly size: number;
  /** Each asset's shown key (its own, or a hidden one's opaque id), by position in (depth, key) order of real keys. */
  private readonly shown: string[];
  private readonly depth: Int32Array;
  private readonly parents: Int32Array;
  private readonly vias: Int32Array;
  private readonly kinds: Int32Array;
  private readonly labels: [EdgeTypeName, string, string | null][];
  private readonly kindNames: string[];
  private readonly hidden: Set<number>;
  /** Paging order (by depth, then shown key) where hidden assets moved it; null: the positions' own. */
  private readonly order: Int32Array | null;
  readonly hiddenCount: number;
  readonly complete: boolean;
  readonly cutReason: string | null;
  readonly totals: { byKind: CountModel[]; byPublisher: CountModel[]; byDepth: CountModel[]; contacts: string[] };
  /** Whether a start is hidden from the viewer. */
  readonly startHidden: boolean;

  constructor(
    row: RowOf<"traverse/walk">,
    opts: WalkInNeo4jOptions,
    vis: Visibility,
    readonly graphVersion: GraphVersion | undefined,
  ) {
    const keys = row.keys.length ? row.keys.split("\u0000") : [];
    const n = keys.length;
    this.size = n;
    const bytes = Buffer.from(row.packed, "base64");
    const ints = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    this.parents = ints.subarray(0, n);
    this.vias = ints.subarray(n, 2 * n);
    this.kinds = ints.subarray(2 * n, 3 * n);
    this.depth = new Int32Array(n);
    const starts = [...row.depthStarts, n];
    for (let d = 0; d + 1 < starts.length; d++) this.depth.fill(d, starts[d], starts[d + 1]);
    this.labels = row.labels as [EdgeTypeName, string, string | null][];
    this.kindNames = row.kindNames;
    // Who sees what: the private assets, each judged as every answer judges it.
    this.hidden = new Set();
    this.shown = keys;
    const publishers = new Map(row.publishers.map(([name, count]) => [name, Number(count)]));
    const contacts = new Set(row.contacts);
    for (const p of row.privates) {
      const at = Number(p.at);
      if (!vis.sees({ key: keys[at]!, visibility: "private", org: p.org, kind: this.kindNames[this.kinds[at]!] })) {
        this.hidden.add(at);
        publishers.set("(hidden)", (publishers.get("(hidden)") ?? 0) + 1);
        continue;
      }
      const by = p.publisher ?? p.owner ?? "(unknown)";
      publishers.set(by, (publishers.get(by) ?? 0) + 1);
      for (const c of p.contacts ?? []) contacts.add(c);
      if (p.owner) contacts.add(p.owner);
    }
    this.hiddenCount = this.hidden.size;
    this.startHidden = [...this.hidden].some((at) => this.depth[at] === 0);
    this.order = null;
    if (this.hidden.size) {
      this.shown = keys.slice();
      for (const at of this.hidden) this.shown[at] = vis.opaque(keys[at]!, this.kindNames[this.kinds[at]!]);
      // An opaque id sorts elsewhere than the key it hides: each depth that holds one is sorted again.
      const order = Int32Array.from({ length: n }, (_, i) => i);
      const touched = new Set([...this.hidden].map((at) => this.depth[at]!));
      for (const d of touched) {
        const run = Array.from(order.subarray(starts[d], starts[d + 1]));
        run.sort((a, b) => (this.shown[a]! < this.shown[b]! ? -1 : this.shown[a]! > this.shown[b]! ? 1 : 0));
        order.set(run, starts[d]);
      }
      this.order = order;
    }
    this.found = row.found.map((k) => {
      const at = this.hidden.size ? keys.indexOf(k) : -1;
      return at >= 0 && this.hidden.has(at) ? this.shown[at]! : k;
    });
    this.complete = row.cut === null;
    this.cutReason =
      row.cut === "depth"
        ? cutReasons.depth(opts.maxDepth, opts.direction)
        : row.cut === "size"
          ? cutReasons.size(opts.maxReached, Number(row.cutDepth))
          : null;
    this.totals = {
      byKind: kindTotals(this.kinds, this.kindNames),
      byPublisher: sortCounts(publishers),
      byDepth: row.depthStarts.map((s, d) => ({ key: String(d), count: starts[d + 1]! - s })).filter((c) => c.count > 0),
      contacts: [...contacts].sort(),
    };
  }

  /** The affected assets in (depth, shown key) order: the order pages and downloads list them in. */
  get ordered(): Ordered<ReachedItem> {
    return { length: this.size, at: (i) => (i >= 0 && i < this.size ? this.item(this.order ? this.order[i]! : i) : undefined) };
  }

  private item(at: number): ReachedItem {
    const redacted = this.hidden.has(at);
    return {
      node: String(at),
      key: this.shown[at]!,
      kind: this.kindNames[this.kinds[at]!]!,
      depth: this.depth[at]!,
      // Left to the loaders (one batched read for a page): a hub's 100k names never cross Bolt.
      name: null,
      publisher: null,
      owner: null,
      contacts: null,
      ...(redacted ? { redacted } : {}),
    };
  }

  /** The chain from an asset back to a start, the asset's own edge first (hidden ends by their opaque ids). */
  pathOf(item: ReachedItem, direction: DirectionName): EdgeModel[] {
    const out: EdgeModel[] = [];
    for (let at = Number(item.node); this.parents[at]! >= 0; at = this.parents[at]!) {
      const [type, relation, constraint] = this.labels[this.vias[at]!]!;
      const child = this.shown[at]!;
      const parent = this.shown[this.parents[at]!]!;
      out.push(
        direction === "UPSTREAM"
          ? { type, relation, constraint, from: parent, to: child }
          : { type, relation, constraint, from: child, to: parent },
      );
    }
    return out;
  }
}

/** The assets of each kind (as every answer names kinds: upper case), counted by kind index, not by name. */
function kindTotals(kinds: Int32Array, names: readonly string[]): CountModel[] {
  const tally = new Array<number>(names.length).fill(0);
  for (const k of kinds) tally[k]!++;
  const byName = new Map<string, number>();
  names.forEach((name, k) => {
    const n = tally[k]!;
    if (n) byName.set(name.toUpperCase(), (byName.get(name.toUpperCase()) ?? 0) + n);
  });
  return sortCounts(byName);
}

/** The walk, run by the procedure in one read statement (which also reads the graph's version). */
export async function walkInNeo4j(db: Executor, starts: readonly string[], opts: WalkInNeo4jOptions, vis: Visibility): Promise<PackedWalk> {
  const [row] = await db.read(
    statement("traverse/walk"),
    {
      starts: [...starts],
      direction: opts.direction,
      maxDepth: opts.maxDepth,
      types: opts.types?.length ? opts.types : null,
      relations: opts.relations ?? null,
      stop: [...(opts.stop ?? [])],
      maxReached: opts.maxReached,
    },
    { timeoutMs: opts.timeoutMs },
  );
  // The answer's size, from its packed positions (three int32 an asset), without splitting its keys.
  const size = Buffer.byteLength(row!.packed, "base64") / 12;
  const wanted = typeof opts.withVersion === "function" ? opts.withVersion(size) : opts.withVersion;
  const graphVersion = wanted ? toGraphVersion(row) : undefined;
  return new PackedWalk(row!, opts, vis, graphVersion);
}
