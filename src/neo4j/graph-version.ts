// The graph's version (cypher/meta/): bumped in the transaction of every write that can change
// an answer, read by whoever keeps answers (src/services/answer-cache.ts).
import type { Executor, Tx } from "./executor.js";
import { statement } from "./statements.js";

export interface GraphVersion {
  /** Made with the version node; a wiped and rebuilt graph gets another. Null before any write. */
  epoch: string | null;
  version: number;
}

export async function bumpGraphVersion(tx: Tx): Promise<void> {
  await tx.run(statement("meta/bump-graph-version"), {});
  // Once the transaction commits, the executor tells whoever listens (Executor.onGraphChange).
  tx.changesGraph = true;
}

export async function readGraphVersion(db: Executor): Promise<GraphVersion> {
  const [row] = await db.read(statement("meta/graph-version"), {});
  return toGraphVersion(row);
}

/** The version from a statement's epoch and version columns (meta/graph-version, traverse/walk). */
export function toGraphVersion(row: { epoch: string | null; version: number } | undefined): GraphVersion {
  return { epoch: row?.epoch ?? null, version: Number(row?.version ?? 0) };
}
