// Whether the project's procedures (neo4j-plugin/: umr.walk, umr.reach, umr.walkIndex) answer on
// this database, in the protocol this API reads. Where they do not (a managed Neo4j such as Aura,
// a server without the jar, a plugin of another protocol) or UMR_WALK=node, every walk is made by
// Cypher and Node, with the same answers (test/risk/walk-in-neo4j.test.ts compares the two).
import { limits } from "../config.js";
import type { Executor } from "../neo4j/executor.js";
import { statement } from "../neo4j/statements.js";

/** The answer shape this API reads; the procedure's umr.walkProtocol() must give the same. */
export const WALK_PROTOCOL = 2;

const available = new WeakMap<Executor, Promise<boolean>>();

/** Whether this database has the procedures, in this API's protocol (asked once per executor). */
export function walksInNeo4j(db: Executor, engine: "auto" | "node" = limits.walkEngine): Promise<boolean> {
  if (engine === "node") return Promise.resolve(false);
  const known = available.get(db);
  if (!known) {
    const asked = db.read(statement("traverse/walk-protocol"), {}).then(
      ([row]) => Number(row?.protocol) === WALK_PROTOCOL,
      (err: Error) => {
        // Not installed is an answer; a lost connection is not: that one is asked again next time.
        if (!/unknown function|not found|no function/i.test(err.message)) available.delete(db);
        return false;
      },
    );
    available.set(db, asked);
    return asked;
  }
  return known;
}

/**
 * Whether an error says a procedure itself failed or went missing (a Neo4j whose version the
 * plugin does not fit, a jar removed): walks are then made in Node from now on, with the same
 * answer. Any other error (a timeout, a lost connection) is the caller's, as for any statement.
 */
export function procedureBroke(db: Executor, err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? "";
  if (code !== "Neo.ClientError.Procedure.ProcedureCallFailed" && code !== "Neo.ClientError.Procedure.ProcedureNotFound") return false;
  available.set(db, Promise.resolve(false));
  return true;
}
