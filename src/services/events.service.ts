// The audit trail: every write (ingest, advisories, exemptions, API keys) and every auditor's read
// of private records appends an event, in the transaction of what it records. Append-only: no
// statement of the service changes or deletes an event.
import { statement } from "../neo4j/statements.js";
import { authorize } from "../model/authz.js";
import type { EventModel } from "../model/trust.js";
import { appendEvent, type Operation } from "../ingest/trail.js";
import type { Executor } from "../neo4j/executor.js";
import type { Viewer } from "../model/viewer.js";
import { decodeCursor, pageSize, toPage, type Page } from "./paging.js";

export type { Operation };
export type { EventModel };

export interface EventFilter {
  org?: string | null;
  operation?: string | null;
  key?: string | null;
  since?: string | null;
  until?: string | null;
}

export class EventService {
  constructor(private readonly db: Executor) {}

  /** An auditor's or admin's read of private records of other organisations, recorded. */
  async recordPrivateRead(viewer: Viewer, keys: readonly string[], what: string): Promise<void> {
    if (!keys.length) return;
    await this.db.writeTransaction("event/private-read", (tx) =>
      appendEvent(tx, viewer, { operation: "private.read", keys, input: { what }, outcome: "read" }),
    );
  }

  async list(viewer: Viewer, filter: EventFilter, first?: number | null, after?: string | null): Promise<Page<EventModel>> {
    authorize(viewer, "events:read");
    const limit = pageSize(first);
    const cursor = decodeCursor<{ at: string; id: string }>("event", after);
    const params = {
      org: filter.org ?? null,
      operation: filter.operation ?? null,
      key: filter.key ?? null,
      since: filter.since ?? null,
      until: filter.until ?? null,
    };
    const [rows, count] = await Promise.all([
      this.db.read(statement("event/list"), { ...params, after: cursor, limit: limit + 1 }),
      this.db.read(statement("event/count"), params),
    ]);
    return toPage(
      "event",
      rows.map((r) => r.event),
      limit,
      count[0]!.totalCount,
      (e) => ({ at: e.at, id: e.id }),
    );
  }
}
