// Breadth-first traversal over node sets: one Cypher statement per depth expands the whole
// frontier (cypher/traverse/*-hop.cypher), each node is kept once, at its first (shortest)
// depth, with the edge that reached it; an explanation path is the chain of those edges.
// Cost: each node and edge is read a bounded number of times; no path is ever enumerated,
// so a lattice with 2^40 paths costs as much as its 121 nodes.
import { cypher } from "../neo4j/cypher.js";
import type { Executor, Tx } from "../neo4j/executor.js";
import type { EdgeModel, EdgeTypeName } from "./asset.model.js";
import { MAX_REACHED, TRAVERSAL_BUDGET_MS } from "./limits.js";

export type DirectionName = "UPSTREAM" | "DOWNSTREAM";

/** From this maxDepth on, a traversal fetches the reachable subgraph in one statement. */
export const REACH_MIN_DEPTH = 5;

export interface NodeInfo {
  node: string;
  key: string;
  kind: string;
  publisher: string | null;
  owner: string | null;
  contacts: string[] | null;
  advisories: string[];
  exemptFrom: string[];
}

export interface ReachedNode extends NodeInfo {
  depth: number;
  /** The edge that first reached this node, from the node one step nearer the start; null at depth 0. */
  via: { parent: string; edge: EdgeModel } | null;
}

export interface TraversalOptions {
  direction: DirectionName;
  maxDepth: number;
  types?: EdgeTypeName[] | null;
  relations?: string[] | null;
  /** Nodes that are neither reached nor expanded (exemptions). */
  stopAt?: (n: NodeInfo) => boolean;
  /** Fetch the advisories and exemptions of every node (risk reports). */
  withAdvisories?: boolean;
  /** Keep every edge between reached nodes, not only the first (risk reports re-walk them). */
  keepAllEdges?: boolean;
  maxReached?: number;
  budgetMs?: number;
}

export interface TraversalResult {
  /** Every node reached, the starts at depth 0 first, then by depth. */
  nodes: Map<string, ReachedNode>;
  /** With keepAllEdges: every edge seen, as child → [{parent, edge}]. */
  edges: Map<string, { parent: string; edge: EdgeModel }[]>;
  complete: boolean;
  cutReason: string | null;
  /** Cypher statements run (one per depth, plus the start). */
  statements: number;
}

interface HopRow extends NodeInfo {
  parent: string;
  type: EdgeTypeName;
  relation: string;
  constraint: string | null;
}

export async function traverse(db: Executor, startKeys: readonly string[], opts: TraversalOptions): Promise<TraversalResult> {
  // One read transaction for all the steps: one consistent snapshot, and no session or
  // transaction set-up per depth.
  const budgetMs = opts.budgetMs ?? TRAVERSAL_BUDGET_MS;
  return db.readTransaction("traverse", (tx) => walk(tx, startKeys, opts), { timeoutMs: budgetMs + 10_000 });
}

async function walk(tx: Tx, startKeys: readonly string[], opts: TraversalOptions): Promise<TraversalResult> {
  const started = performance.now();
  const maxReached = opts.maxReached ?? MAX_REACHED;
  const nodes = new Map<string, ReachedNode>();
  const edges = new Map<string, { parent: string; edge: EdgeModel }[]>();
  let statements = 1;
  const budgetMs = opts.budgetMs ?? TRAVERSAL_BUDGET_MS;
  const starts = (await tx.run(cypher("traverse/start"), { keys: [...startKeys] })) as unknown as NodeInfo[];
  for (const s of starts) if (!opts.stopAt?.(s)) nodes.set(s.node, { ...s, depth: 0, via: null });

  const params = { types: opts.types?.length ? opts.types : null, relations: opts.relations ?? null, withAdvisories: Boolean(opts.withAdvisories) };
  // Two ways to get a depth's edges, with the same answer: deep questions fetch the whole
  // reachable subgraph in one statement (a pruning breadth-first expand inside Neo4j) and walk
  // it here; shallow ones ask Neo4j one depth at a time, reading no further than they need.
  let expand: (frontier: string[]) => Promise<HopRow[]>;
  if (opts.maxDepth >= REACH_MIN_DEPTH) {
    const rows = (await tx.run(cypher(`traverse/${opts.direction === "DOWNSTREAM" ? "downstream" : "upstream"}-reach`), { keys: starts.map((s) => s.key), ...params })) as unknown as HopRow[];
    statements++;
    const byParent = new Map<string, HopRow[]>();
    for (const r of rows) {
      const list = byParent.get(r.parent);
      if (list) list.push(r);
      else byParent.set(r.parent, [r]);
    }
    expand = async (frontier) => frontier.flatMap((f) => byParent.get(f) ?? []);
  } else {
    const hop = cypher(opts.direction === "DOWNSTREAM" ? "traverse/downstream-hop" : "traverse/upstream-hop");
    expand = async (frontier) => {
      statements++;
      return (await tx.run(hop, { frontier, ...params })) as unknown as HopRow[];
    };
  }
  let frontier = [...nodes.keys()];
  let depth = 0;
  let cutReason: string | null = null;
  // One step past maxDepth tells whether the depth limit cut anything off.
  while (frontier.length) {
    if (depth >= opts.maxDepth + 1) break;
    if (performance.now() - started > budgetMs) {
      cutReason = `time budget of ${budgetMs} ms used up at depth ${depth}; narrow the question (a smaller maxDepth, fewer edge types) and ask again`;
      break;
    }
    const rows = await expand(frontier);
    const next: string[] = [];
    const edgeOf = (r: HopRow): EdgeModel => {
      const parentKey = nodes.get(r.parent)!.key;
      return opts.direction === "UPSTREAM"
        ? { type: r.type, relation: r.relation, constraint: r.constraint, from: parentKey, to: r.key }
        : { type: r.type, relation: r.relation, constraint: r.constraint, from: r.key, to: parentKey };
    };
    for (const r of rows) {
      if (opts.stopAt?.(r)) continue;
      if (depth === opts.maxDepth) {
        if (!nodes.has(r.node)) {
          cutReason = `maxDepth ${opts.maxDepth} reached: more assets lie further ${opts.direction === "UPSTREAM" ? "upstream" : "downstream"}`;
          break;
        }
        continue;
      }
      if (opts.keepAllEdges) {
        const list = edges.get(r.node) ?? [];
        list.push({ parent: r.parent, edge: edgeOf(r) });
        edges.set(r.node, list);
      }
      if (nodes.has(r.node)) continue;
      if (nodes.size >= maxReached) {
        cutReason = `size budget of ${maxReached} assets reached at depth ${depth + 1}; narrow the question and ask again`;
        break;
      }
      const { parent: _p, type: _t, relation: _r, constraint: _c, ...info } = r;
      nodes.set(r.node, { ...info, depth: depth + 1, via: { parent: r.parent, edge: edgeOf(r) } });
      next.push(r.node);
    }
    if (cutReason) break;
    frontier = next;
    depth++;
  }
  return { nodes, edges, complete: cutReason === null, cutReason, statements };
}

/** The chain of edges from a reached node back to the start (start-side edge last for UPSTREAM). */
export function explain(result: TraversalResult, node: string): EdgeModel[] {
  const out: EdgeModel[] = [];
  let cur = result.nodes.get(node);
  while (cur?.via) {
    out.push(cur.via.edge);
    cur = result.nodes.get(cur.via.parent);
  }
  return out.reverse();
}
