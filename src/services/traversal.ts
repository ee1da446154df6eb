// Breadth-first traversal over node sets: one Cypher statement per depth expands the whole
// frontier (cypher/traverse/hop.cypher), each node is kept once, at its first (shortest)
// depth, with the edge that reached it; an explanation path is the chain of those edges.
// Cost: each node and edge is read a bounded number of times; no path is ever enumerated,
// so a lattice with 2^40 paths costs as much as its 121 nodes.
import { cypher, directedCypher } from "../neo4j/cypher.js";
import { toPlain, type Executor, type Tx } from "../neo4j/executor.js";
import type { EdgeModel, EdgeTypeName } from "../model/asset.js";
import { SAME_AS_RELATION, type DirectionName } from "../model/vocab.js";
import { MAX_REACHED, TRAVERSAL_BUDGET_MS } from "./limits.js";
import type { Visibility } from "./visibility.js";
import { statement, type RowOf } from "../neo4j/statements.js";
import { procedureBroke, walksInNeo4j } from "./procedures.js";
import type { GraphVersion } from "../neo4j/graph-version.js";

export type { DirectionName };

/** From this maxDepth on, a traversal fetches the reachable subgraph in one statement. */
export const REACH_MIN_DEPTH = 5;

/** What a traversal knows of an asset: enough for the fields most pages ask (key, kind, name, ...). */
export interface AssetSummary {
  key: string;
  kind: string;
  name: string | null;
  publisher: string | null;
  owner: string | null;
  contacts: string[] | null;
}

export interface NodeInfo extends AssetSummary {
  /** The node's identity in a traversal (its key). */
  node: string;
  advisories: string[];
  exemptFrom: string[];
  visibility: string | null;
  /** The organisation that owns it. */
  org: string | null;
  /** A hidden node: `key` and `node` are its opaque id, the rest of what it holds withheld. */
  redacted?: boolean;
}

export interface ReachedNode extends NodeInfo {
  depth: number;
  /**
   * The edge that first reached this node, from the node one step nearer the start (the
   * parent's key, the edge's type, relation and constraint); null at depth 0. Kept flat: a
   * hub's blast radius reaches 100k nodes, and explain() builds edges only for one page.
   */
  via: [parent: string, type: EdgeTypeName, relation: string, constraint: string | null] | null;
}

export interface TraversalOptions {
  direction: DirectionName;
  maxDepth: number;
  types?: EdgeTypeName[] | null;
  relations?: string[] | null;
  /**
   * Whether to read the graph's version in the walk's own transaction (the snapshot the answer
   * was read at), given how many assets it reached: answers worth caching need it.
   */
  versionFor?: (reached: number) => boolean;
  /** Nodes that are neither reached nor expanded (exemptions). */
  stopAt?: (n: NodeInfo) => boolean;
  /** Fetch the advisories and exemptions of every node (risk reports). */
  withAdvisories?: boolean;
  /** Keep every edge between reached nodes, not only the first (risk reports re-walk them). */
  keepAllEdges?: boolean;
  maxReached?: number;
  budgetMs?: number;
  /**
   * Walk the graph as it stood then (ISO time): records ingested by then, edges as they were
   * resolved then, advisories and exemptions in force then. Always one depth at a time.
   */
  asOf?: string | null;
  /** Whether a walk in memory may read its subgraph with the project's procedure (UMR_WALK by default). */
  engine?: "auto" | "node";
}

export interface TraversalResult {
  direction: DirectionName;
  /** With versionFor: the graph's version at the walk's snapshot. */
  graphVersion?: GraphVersion;
  /** With withAdvisories: the open advisories on the nodes read, by id (their properties). */
  advisories: Map<string, Record<string, unknown>>;
  /** The start keys that name an asset (the others are unknown). */
  found: string[];
  /** Every node reached, the starts at depth 0 first, then by depth. */
  nodes: Map<string, ReachedNode>;
  /** With keepAllEdges: every edge seen, as child → [{parent, edge}]. */
  edges: Map<string, { parent: string; edge: EdgeModel }[]>;
  complete: boolean;
  cutReason: string | null;
}

/** One edge of a step: from `parent` (nearer the start) to `child`, with what the child holds. */
interface Step {
  parent: string;
  child: NodeInfo;
  type: EdgeTypeName;
  relation: string;
  constraint: string | null;
}

const INFO_COLUMNS = ["key", "kind", "name", "publisher", "owner", "contacts", "visibility", "org", "advisories", "exemptFrom"] as const;

/**
 * A node of a traversal's rows. The advisories come as property maps: their ids go on the node,
 * the maps (converted once) into `advisories`, so that a risk report needs no further query.
 */
function nodeInfo(get: (column: (typeof INFO_COLUMNS)[number]) => unknown, advisories: Map<string, Record<string, unknown>>): NodeInfo {
  const key = get("key") as string;
  const flags = get("advisories") as Record<string, unknown>[];
  for (const v of flags) if (!advisories.has(v.id as string)) advisories.set(v.id as string, toPlain(v) as Record<string, unknown>);
  return {
    node: key,
    key,
    kind: get("kind") as string,
    name: (get("name") as string | null) ?? null,
    publisher: (get("publisher") as string | null) ?? null,
    owner: (get("owner") as string | null) ?? null,
    contacts: (get("contacts") as string[] | null) ?? null,
    advisories: flags.map((v) => v.id as string),
    exemptFrom: get("exemptFrom") as string[],
    visibility: (get("visibility") as string | null) ?? null,
    org: (get("org") as string | null) ?? null,
  };
}

/**
 * The answer of umr.reach as the rows of traverse/reach: `take` is called once per asset with a
 * reader of the columns that statement returns.
 */
function unpackReach(
  row: RowOf<"traverse/reach-in-neo4j">,
  take: (get: (column: (typeof INFO_COLUMNS)[number] | "next") => unknown) => void,
): void {
  const keys = row.kinds.length ? row.keys.split("\u0000") : [];
  const bytes = Buffer.from(row.edges, "base64");
  const packed = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const m = packed.length / 3;
  const next: [string, EdgeTypeName, string, string | null][][] = keys.map(() => []);
  for (let e = 0; e < m; e++) {
    const [type, relation, constraint] = row.labels[packed[2 * m + e]!]!;
    next[packed[e]!]!.push([keys[packed[m + e]!]!, type as EdgeTypeName, relation as string, constraint]);
  }
  const marks = new Map(row.markedAt.map((at, i) => [Number(at), i]));
  const none: never[] = [];
  keys.forEach((key, i) => {
    const mark = marks.get(i);
    const columns = {
      key,
      kind: row.kinds[i],
      name: row.names[i],
      publisher: row.publishers[i],
      owner: row.owners[i],
      contacts: row.contacts[i],
      visibility: row.visibilities[i],
      org: row.orgs[i],
      advisories: mark === undefined ? none : row.advisories[mark],
      exemptFrom: mark === undefined ? none : row.exemptFrom[mark],
      next: next[i],
    };
    take((column) => columns[column]);
  });
}

/** Why a walk stopped short, in the words every traversal answer uses. */
export const cutReasons = {
  size: (maxReached: number, depth: number) =>
    `size budget of ${maxReached} assets reached at depth ${depth}; narrow the question and ask again`,
  depth: (maxDepth: number, direction: DirectionName) =>
    `maxDepth ${maxDepth} reached: more assets lie further ${direction === "UPSTREAM" ? "upstream" : "downstream"}`,
};

/** Edges a walk visits between two turns of the event loop. */
const YIELD_EVERY = 20_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function traverse(db: Executor, startKeys: readonly string[], opts: TraversalOptions): Promise<TraversalResult> {
  // One read transaction for all the steps: one consistent snapshot, and no session or
  // transaction set-up per depth.
  const budgetMs = opts.budgetMs ?? TRAVERSAL_BUDGET_MS;
  const run = { timeoutMs: budgetMs + 10_000, fetchSize: 10_000 };
  // The reachable subgraph of a walk in memory comes from the procedure where it is installed.
  const reach = walksInMemory(opts) && (await walksInNeo4j(db, opts.engine)) ? "procedure" : "cypher";
  const go = (tx: Tx, how: Reach) => walk(tx, startKeys, opts, how);
  try {
    // A walk in memory that keeps no version is one statement: one round trip.
    if (walksInMemory(opts) && !opts.versionFor) return await db.readStatement("traverse", (tx) => go(tx, reach), run);
    return await db.readTransaction("traverse", (tx) => go(tx, reach), run);
  } catch (err) {
    if (reach === "procedure" && procedureBroke(db, err)) return traverse(db, startKeys, opts);
    throw err;
  }
}

/** Where a walk in memory reads its reachable subgraph: umr.reach, or traverse/reach. */
type Reach = "procedure" | "cypher";

/** Whether the walk reads the whole reachable subgraph in one statement and walks it in memory. */
const walksInMemory = (opts: TraversalOptions) => opts.maxDepth >= REACH_MIN_DEPTH && !opts.asOf;

async function walk(tx: Tx, startKeys: readonly string[], opts: TraversalOptions, reach: Reach): Promise<TraversalResult> {
  const started = performance.now();
  const maxReached = opts.maxReached ?? MAX_REACHED;
  const nodes = new Map<string, ReachedNode>();
  const edges = new Map<string, { parent: string; edge: EdgeModel }[]>();
  const budgetMs = opts.budgetMs ?? TRAVERSAL_BUDGET_MS;
  const starts: NodeInfo[] = [];
  const advisories = new Map<string, Record<string, unknown>>();

  const params = {
    types: opts.types?.length ? opts.types : null,
    relations: opts.relations ?? null,
    withAdvisories: Boolean(opts.withAdvisories),
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
  };
  const direction = opts.direction;
  // Two ways to get a depth's edges, with the same answer: deep questions fetch the whole
  // reachable subgraph in one statement (a pruning breadth-first expand inside Neo4j) and walk
  // it here; shallow ones ask Neo4j one depth at a time, reading no further than they need.
  // expand(frontier, visit) calls visit once per edge leaving the frontier; visit answers false to stop.
  type Visit = (parent: string, child: NodeInfo, type: EdgeTypeName, relation: string, constraint: string | null) => boolean;
  let expand: (frontier: string[], visit: Visit) => Promise<void>;
  // twinsOf(frontier) gives the nodes SAME_AS joins to the frontier's (data-model.md §5): the
  // walk reaches them at the frontier's own depth, before any lineage edge of that depth.
  let twinsOf: (frontier: string[]) => Promise<[parent: string, twin: NodeInfo][]>;
  const inMemory = walksInMemory(opts);
  if (inMemory) {
    const info = new Map<string, NodeInfo>();
    const next = new Map<string, [string, EdgeTypeName, string, string | null][]>();
    const twins = new Map<string, string[]>();
    // One asset of the reachable subgraph and its edges one step further.
    const take = (get: (column: (typeof INFO_COLUMNS)[number] | "next") => unknown) => {
      const n = nodeInfo(get, advisories);
      info.set(n.key, n);
      const edges = get("next") as [string, EdgeTypeName, string, string | null][];
      if (edges.some((e) => e[1] === "SAME_AS")) {
        twins.set(
          n.key,
          edges.filter((e) => e[1] === "SAME_AS").map((e) => e[0]),
        );
        next.set(
          n.key,
          edges.filter((e) => e[1] !== "SAME_AS"),
        );
      } else next.set(n.key, edges);
    };
    // The reach rows hold the starts too: no separate statement for them.
    if (reach === "procedure") {
      const [row] = await tx.run(statement("traverse/reach-in-neo4j"), {
        keys: [...startKeys],
        direction,
        maxDepth: opts.maxDepth,
        types: params.types,
        relations: params.relations,
        withAdvisories: params.withAdvisories,
      });
      if (row) unpackReach(row, take);
    } else
      await tx.forEachRow(
        directedCypher("traverse/reach", direction),
        [...INFO_COLUMNS, "next"],
        { keys: [...startKeys], ...params },
        take,
      );
    for (const k of new Set(startKeys)) {
      const s = info.get(k);
      if (s) starts.push({ ...s });
    }
    expand = async (frontier, visit) => {
      // A hub's walk visits millions of edges: it lets other requests run every YIELD_EVERY of them.
      let visited = 0;
      for (const parent of frontier) {
        for (const [key, type, relation, constraint] of next.get(parent) ?? []) {
          if (!visit(parent, info.get(key)!, type, relation, constraint)) return;
          if (++visited % YIELD_EVERY === 0) await yieldToEventLoop();
        }
      }
    };
    twinsOf = async (frontier) =>
      twins.size ? frontier.flatMap((p) => (twins.get(p) ?? []).map((k) => [p, info.get(k)!] as [string, NodeInfo])) : [];
  } else {
    await tx.forEachRow(
      cypher(opts.asOf ? "traverse/start-as-of" : "traverse/start"),
      INFO_COLUMNS,
      { keys: [...startKeys], ...(opts.asOf ? { asOf: opts.asOf } : {}) },
      (get) => starts.push(nodeInfo(get, advisories)),
    );
    const hop = directedCypher(opts.asOf ? "traverse/hop-as-of" : "traverse/hop", direction);
    // One statement per depth answers both questions (the lineage edges and the twins of its
    // nodes); a node's rows are fetched once and handed out as asked.
    const lineage = new Map<string, Step[]>();
    const twins = new Map<string, NodeInfo[]>();
    const fetch = async (frontier: string[]) => {
      const missing = frontier.filter((k) => !lineage.has(k));
      if (!missing.length) return;
      for (const k of missing) lineage.set(k, []);
      await tx.forEachRow(hop, [...INFO_COLUMNS, "parent", "type", "relation", "constraint"], { frontier: missing, ...params }, (get) => {
        const parent = get("parent") as string;
        const type = get("type") as EdgeTypeName;
        const child = nodeInfo(get, advisories);
        if (type === "SAME_AS") {
          const list = twins.get(parent);
          if (list) list.push(child);
          else twins.set(parent, [child]);
          return;
        }
        lineage
          .get(parent)!
          .push({ parent, child, type, relation: get("relation") as string, constraint: (get("constraint") as string | null) ?? null });
      });
    };
    expand = async (frontier, visit) => {
      await fetch(frontier);
      for (const parent of frontier) {
        const steps = lineage.get(parent) ?? [];
        lineage.set(parent, []); // expanded once: let the rows go
        for (const r of steps) if (!visit(r.parent, r.child, r.type, r.relation, r.constraint)) return;
      }
    };
    twinsOf = async (frontier) => {
      await fetch(frontier);
      return frontier.flatMap((p) => (twins.get(p) ?? []).map((t) => [p, t] as [string, NodeInfo]));
    };
  }
  for (const s of starts) if (!opts.stopAt?.(s)) nodes.set(s.node, { ...s, depth: 0, via: null });
  const upstream = opts.direction === "UPSTREAM";
  const edgeOf = (parent: string, child: string, type: EdgeTypeName, relation: string, constraint: string | null): EdgeModel =>
    upstream ? { type, relation, constraint, from: parent, to: child } : { type, relation, constraint, from: child, to: parent };
  let frontier = [...nodes.keys()];
  let depth = 0;
  let cutReason: string | null = null;
  // One step past maxDepth tells whether the depth limit cut anything off.
  while (frontier.length) {
    if (depth >= opts.maxDepth + 1) break;
    // The budget bounds the statements; walking rows already in memory is not cut short (the
    // reach statement itself is bounded by the transaction timeout).
    if (!inMemory && performance.now() - started > budgetMs) {
      cutReason = `time budget of ${budgetMs} ms used up at depth ${depth}; narrow the question (a smaller maxDepth, fewer edge types) and ask again`;
      break;
    }
    // The frontier's twins first: they sit at its depth (a SAME_AS link is not a hop).
    for (let ring = frontier; ring.length && !cutReason;) {
      const added: string[] = [];
      for (const [parent, twin] of await twinsOf(ring)) {
        if (opts.stopAt?.(twin)) continue;
        if (opts.keepAllEdges) {
          const item = { parent, edge: edgeOf(parent, twin.key, "SAME_AS", SAME_AS_RELATION, null) };
          const list = edges.get(twin.node);
          if (list) list.push(item);
          else edges.set(twin.node, [item]);
        }
        if (nodes.has(twin.node)) continue;
        if (nodes.size >= maxReached) {
          cutReason = cutReasons.size(maxReached, depth);
          break;
        }
        const reached = twin as ReachedNode;
        reached.depth = depth;
        reached.via = [parent, "SAME_AS", SAME_AS_RELATION, null];
        nodes.set(twin.node, reached);
        added.push(twin.node);
      }
      frontier = [...frontier, ...added];
      ring = added;
    }
    if (cutReason) break;
    const next: string[] = [];
    await expand(frontier, (parent, child, type, relation, constraint) => {
      if (opts.stopAt?.(child)) return true;
      const node = child.node;
      if (depth === opts.maxDepth) {
        if (nodes.has(node)) return true;
        cutReason = cutReasons.depth(opts.maxDepth, direction);
        return false;
      }
      if (opts.keepAllEdges) {
        const list = edges.get(node);
        const item = { parent, edge: edgeOf(parent, child.key, type, relation, constraint) };
        if (list) list.push(item);
        else edges.set(node, [item]);
      }
      if (nodes.has(node)) return true;
      if (nodes.size >= maxReached) {
        cutReason = cutReasons.size(maxReached, depth + 1);
        return false;
      }
      // Node keys are the identities here, so parent is the parent's key.
      const reached = child as ReachedNode;
      reached.depth = depth + 1;
      reached.via = [parent, type, relation, constraint];
      nodes.set(node, reached);
      next.push(node);
      return true;
    });
    if (cutReason) break;
    frontier = next;
    depth++;
  }
  const version = opts.versionFor?.(nodes.size) ? (await tx.run(statement("meta/graph-version"), {}))[0] : undefined;
  const graphVersion = version ? { epoch: version.epoch, version: Number(version.version) } : undefined;
  return {
    direction: opts.direction,
    graphVersion,
    advisories,
    found: starts.map((s) => s.key),
    nodes,
    edges,
    complete: cutReason === null,
    cutReason,
  };
}

/** The chain of edges from a reached node back to the start (start-side edge last for UPSTREAM). */
export function explain(result: TraversalResult, node: string): EdgeModel[] {
  const out: EdgeModel[] = [];
  let cur = result.nodes.get(node);
  while (cur?.via) {
    const [parent, type, relation, constraint] = cur.via;
    out.push(
      result.direction === "UPSTREAM"
        ? { type, relation, constraint, from: parent, to: cur.key }
        : { type, relation, constraint, from: cur.key, to: parent },
    );
    cur = result.nodes.get(parent);
  }
  return out.reverse();
}

/**
 * The traversal as a viewer may see it: every node it may not see becomes a hidden node (its
 * opaque id for key and identity, its kind, nothing else), in the nodes, the explanation links
 * and the kept edges, so that depths, chains, totals and risk are those of the whole graph.
 * `hidden` maps each hidden key to its opaque id.
 */
export function redact(
  result: TraversalResult,
  vis: Visibility,
): TraversalResult & { hiddenCount: number; hidden: ReadonlyMap<string, string> } {
  const hidden = new Map<string, string>();
  for (const n of result.nodes.values()) if (!vis.sees(n)) hidden.set(n.key, vis.opaque(n.key, n.kind));
  if (!hidden.size) return { ...result, hiddenCount: 0, hidden };
  const shown = (k: string) => hidden.get(k) ?? k;
  const nodes = new Map<string, ReachedNode>();
  for (const n of result.nodes.values()) {
    const via: ReachedNode["via"] = n.via ? [shown(n.via[0]), n.via[1], n.via[2], n.via[3]] : null;
    const id = hidden.get(n.key);
    nodes.set(
      id ?? n.node,
      id
        ? { ...n, key: id, node: id, name: null, publisher: null, owner: null, contacts: null, org: null, redacted: true, via }
        : n.via && hidden.has(n.via[0])
          ? { ...n, via }
          : n,
    );
  }
  const edges = new Map<string, { parent: string; edge: EdgeModel }[]>();
  for (const [child, list] of result.edges) {
    edges.set(
      shown(child),
      list.map(({ parent, edge }) => ({ parent: shown(parent), edge: { ...edge, from: shown(edge.from), to: shown(edge.to) } })),
    );
  }
  return { ...result, found: result.found.map(shown), nodes, edges, hiddenCount: hidden.size, hidden };
}
