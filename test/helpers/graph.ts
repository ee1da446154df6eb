// Reading the graph back, independently of the services: a canonical dump for comparisons.
import type { Executor } from "../../src/neo4j/executor.js";

export interface Dump {
  nodes: string[];
  edges: string[];
  advisories: string[];
}

async function rows(db: Executor, query: string, params: Record<string, unknown> = {}) {
  const session = db.driver.session();
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/**
 * Every node, edge and advisory link as sorted text, without ingestion times; not the edges'
 * history (WAS_*: what moved when, which depends on the order records arrived in).
 */
export async function canonicalDump(db: Executor): Promise<Dump> {
  const nodes = await rows(db, "MATCH (a:Asset) RETURN a.key AS key, [l IN labels(a) | l] AS labels, properties(a) AS props");
  const edges = await rows(
    db,
    "MATCH (a:Asset)-[e]->(b:Asset) WHERE NOT type(e) STARTS WITH 'WAS_' RETURN a.key AS from, type(e) AS type, properties(e) AS props, b.key AS to",
  );
  const adv = await rows(
    db,
    "MATCH (v:Advisory) OPTIONAL MATCH (v)-[:AFFECTS]->(a:Asset) WITH v, collect(a.key) AS keys RETURN properties(v) AS props, keys",
  );
  const clean = (p: Record<string, unknown>) => {
    const { ingestedAt: _i, publishedAt: _p, ...rest } = p;
    return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))));
  };
  return {
    nodes: nodes.map((n) => `${n.key} ${(n.labels as string[]).sort().join(":")} ${clean(n.props as Record<string, unknown>)}`).sort(),
    edges: edges.map((e) => `${e.from} -${e.type}-> ${e.to} ${clean(e.props as Record<string, unknown>)}`).sort(),
    advisories: adv.map((a) => `${clean(a.props as Record<string, unknown>)} -> ${(a.keys as string[]).sort().join(",")}`).sort(),
  };
}

export async function count(db: Executor, query: string, params: Record<string, unknown> = {}): Promise<number> {
  const r = await rows(db, query, params);
  return r[0]!.n as number;
}

/**
 * The graph as a format round trip compares it: every asset as "key kind [placeholder]" and every
 * lineage edge as "from -TYPE:relation[ constraint]-> to", sorted.
 */
export async function lineageText(db: Executor): Promise<{ nodes: string[]; edges: string[] }> {
  const nodes = await rows(
    db,
    "MATCH (a:Asset) RETURN a.key + ' ' + a.kind + CASE WHEN a.placeholder THEN ' placeholder' ELSE '' END AS n",
  );
  const edges = await rows(
    db,
    "MATCH (a:Asset)-[e:TRAINED_ON|DERIVED_FROM]->(b:Asset) RETURN a.key + ' -' + type(e) + ':' + e.relation + coalesce(' ' + e.constraint, '') + '-> ' + b.key AS e",
  );
  return { nodes: nodes.map((r) => r.n as string).sort(), edges: edges.map((r) => r.e as string).sort() };
}

export { rows };
