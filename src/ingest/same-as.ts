// Identity across sources (data-model.md §5): a sameAs statement says that two ids name one
// thing. It is kept as a (:SameAs) node for the pair, and materialised as SAME_AS relationships,
// both ways, between every node of one id and every node of the other, so that a traversal
// crosses it without a look-up of its own. Every write that adds nodes to an id re-links it.
import { statement } from "../neo4j/statements.js";
import type { Tx } from "../neo4j/executor.js";
import { ID_FORMS, isId } from "../model/ids.js";
import { BadUserInputError } from "../errors.js";

export interface SameAsRow {
  key: string;
  a: string;
  b: string;
  by: string | null;
  source: string;
  note: string | null;
}

/** The statement of a pair of ids, the same whichever way round they are named. */
export function sameAsRow(x: string, y: string, by: string | null, source: string, note: string | null = null): SameAsRow {
  const [a, b] = x < y ? [x, y] : [y, x];
  return { key: `${a} ${b}`, a, b, by, source, note };
}

/** Why a pair of ids cannot be declared the same, or null. */
export function sameAsProblem(a: string, b: string): string | null {
  for (const id of [a, b]) if (!isId(id)) return `expected ${ID_FORMS}, found ${JSON.stringify(id)}`;
  if (a === b) return `an id is the same as itself: name two different ids (found ${JSON.stringify(a)} twice)`;
  return null;
}

export function checkSameAs(a: string, b: string, field = "sameAs"): void {
  const problem = sameAsProblem(a, b);
  if (problem) throw new BadUserInputError(`${field}: ${problem}`);
}

const CHUNK = 1000;

/** Writes statements (idempotent) and links the nodes of their ids. Returns the new ones' keys. */
export async function declareSameAs(tx: Tx, rows: readonly SameAsRow[]): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    for (const r of await tx.run(statement("same-as/declare"), { rows: rows.slice(i, i + CHUNK) })) if (r.created) created.push(r.key);
  }
  await linkSameAs(
    tx,
    rows.flatMap((r) => [r.a, r.b]),
  );
  return created;
}

/** Links every node of these ids to the nodes of the ids their statements join them to. */
export async function linkSameAs(tx: Tx, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  // Most graphs hold no statement: the count store says so at once (measured: linking 10,000
  // new ids costs ~8 % of their ingest otherwise).
  const [count] = await tx.run(statement("same-as/count"));
  if (!count?.statements) return;
  for (let i = 0; i < unique.length; i += CHUNK) await tx.run(statement("same-as/link"), { ids: unique.slice(i, i + CHUNK) });
}
