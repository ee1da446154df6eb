// Applies cypher/schema/*.cypher (all IF NOT EXISTS, so idempotent) and waits for indexes.
import { cypher, cypherFolder } from "./cypher.js";
import type { Executor } from "./executor.js";

export async function applySchema(db: Executor): Promise<{ statements: number; ms: number }> {
  const started = performance.now();
  const statements = cypherFolder("schema").filter((s) => !s.name.endsWith("await-indexes"));
  // Schema statements cannot share a transaction with each other or with data writes.
  for (const s of statements) await db.write(s);
  await db.read(cypher("schema/await-indexes"), { seconds: 300 }, { timeoutMs: 310_000 });
  return { statements: statements.length, ms: Math.round(performance.now() - started) };
}
