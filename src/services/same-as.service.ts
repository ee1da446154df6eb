// Declaring that two ids name one thing, and reading such statements (data-model.md §5).
import { statement } from "../neo4j/statements.js";
import type { Executor } from "../neo4j/executor.js";
import { authorize, mayWriteFor } from "../model/authz.js";
import type { Viewer } from "../model/viewer.js";
import type { SameAsModel } from "../model/asset.js";
import { bumpGraphVersion } from "../neo4j/graph-version.js";
import { appendEvent } from "../ingest/trail.js";
import { checkSameAs, declareSameAs, sameAsRow } from "../ingest/same-as.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import { Visibility } from "./visibility.js";

export class SameAsService {
  constructor(private readonly db: Executor) {}

  /**
   * Declares that ids a and b name one thing (idempotent: declaring it again returns the first
   * statement). Lineage and risk then cross between their nodes as within one node. Either id
   * may have no record yet: the statement joins its nodes when they arrive.
   */
  async declare(
    a: string,
    b: string,
    note: string | null,
    viewer: Viewer,
    source: "api" | "cli" = "api",
  ): Promise<{ statement: SameAsModel; created: boolean }> {
    authorize(viewer, "ingest");
    checkSameAs(a.trim(), b.trim());
    const row = sameAsRow(a.trim(), b.trim(), viewer.org ?? viewer.subject, source, note?.trim() || null);
    return this.db.writeTransaction("same-as-declare", async (tx) => {
      await tx.run(statement("ingest/lock"));
      const created = (await declareSameAs(tx, [row])).length > 0;
      const [found] = await tx
        .run(statement("same-as/of-ids"), { ids: [row.a] })
        .then((rows) => rows.filter((r) => r.statement.key === row.key));
      if (created) {
        await bumpGraphVersion(tx);
        await appendEvent(tx, viewer, {
          operation: "same-as.declare",
          keys: [...found!.aNodes, ...found!.bNodes].map((n) => n.key),
          ids: [row.a, row.b],
          input: { a: row.a, b: row.b, note: row.note },
          outcome: "declared",
        });
      }
      return { statement: found!.statement, created };
    });
  }

  /** Withdraws a statement: its two ids are apart again. Only its author's organisation (or an admin) may. */
  async withdraw(a: string, b: string, viewer: Viewer): Promise<SameAsModel> {
    authorize(viewer, "ingest");
    checkSameAs(a.trim(), b.trim());
    const row = sameAsRow(a.trim(), b.trim(), null, "api");
    return this.db.writeTransaction("same-as-withdraw", async (tx) => {
      await tx.run(statement("ingest/lock"));
      const [found] = (await tx.run(statement("same-as/of-ids"), { ids: [row.a] })).filter((r) => r.statement.key === row.key);
      if (!found) throw new NotFoundError(`no sameAs statement joins ${row.a} and ${row.b}`);
      if (!mayWriteFor(viewer, found.statement.by))
        throw new ForbiddenError(
          `the statement that ${row.a} is ${row.b} was made by ${found.statement.by ?? "no organisation"}; only it (or an admin) may withdraw it`,
        );
      await tx.run(statement("same-as/remove"), { key: row.key });
      await bumpGraphVersion(tx);
      await appendEvent(tx, viewer, {
        operation: "same-as.withdraw",
        keys: [...found.aNodes, ...found.bNodes].map((n) => n.key),
        ids: [row.a, row.b],
        input: { a: row.a, b: row.b },
        outcome: "withdrawn",
      });
      return found.statement;
    });
  }

  /**
   * The statements naming each id, as the viewer may see them: one whose other id the viewer
   * sees no node of (another organisation's private records) is left out.
   */
  async of(ids: readonly string[], viewer: Viewer): Promise<Map<string, SameAsModel[]>> {
    const vis = new Visibility(viewer);
    const out = new Map<string, SameAsModel[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    for (const r of await this.db.read(statement("same-as/of-ids"), { ids: [...new Set(ids)] })) {
      for (const [own, otherNodes] of [
        [r.statement.a, r.bNodes],
        [r.statement.b, r.aNodes],
      ] as const) {
        if (!out.has(own)) continue;
        if (otherNodes.length && !otherNodes.some((n) => vis.sees(n))) continue;
        out.get(own)!.push(r.statement);
      }
    }
    return out;
  }
}
