// Writing the audit trail: every write appends an event in its own transaction, so that the
// trail holds exactly what was committed. Reading it is the events service's.
import { statement } from "../neo4j/statements.js";
import { randomUUID } from "node:crypto";
import { currentRequestId } from "../log.js";
import type { Viewer } from "../model/viewer.js";
import type { Tx } from "../neo4j/executor.js";
import { canonicalJson, sha256 } from "../records/record.js";

import type { Operation } from "../model/trust.js";

export type { Operation };

/** Appends an event within the given transaction. */
export async function appendEvent(
  tx: Tx,
  viewer: Viewer,
  e: { operation: Operation; keys?: readonly string[]; ids?: readonly string[]; input: unknown; outcome: string },
): Promise<void> {
  await tx.run(statement("event/append"), {
    props: {
      id: randomUUID(),
      operation: e.operation,
      subject: viewer.subject,
      org: viewer.org,
      credentialId: viewer.credentialId,
      requestId: currentRequestId() ?? null,
      keys: [...new Set(e.keys ?? [])].sort(),
      ids: [...new Set(e.ids ?? [])].sort(),
      inputHash: sha256(canonicalJson(e.input ?? null)),
      outcome: e.outcome,
    },
  });
}
