// What changed answers, and when: the feed a dashboard polls and an investigation reads. Built on
// the audit trail (the events of ingests that wrote, advisories published and withdrawn,
// exemptions written), oldest first, without who did it (that is the trail, for auditors): each
// change names the assets it touched that the viewer may see, and how many it may not; a change
// that touched only records the viewer may not see is left out.
import { CHANGE_KINDS, CHANGE_KIND_OPERATIONS, type ChangeKind } from "../model/vocab.js";
import type { Executor } from "../neo4j/executor.js";
import { statement } from "../neo4j/statements.js";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import type { AssetService } from "./asset.service.js";
import { decodeCursor, encodeCursor, pageSize } from "./paging.js";
import { Visibility } from "./visibility.js";

export interface ChangeModel {
  id: string;
  at: string;
  kind: ChangeKind;
  /** The touched assets the viewer may see. */
  keys: string[];
  /** How many touched assets it may not see. */
  hiddenCount: number;
  /** The advisory it is about, for advisory and exemption changes. */
  advisoryId: string | null;
  outcome: string;
}

export interface ChangeFilter {
  since?: string | null;
  until?: string | null;
  /** Changes that touched any of these keys, or any version of these bare ids (or these advisories). */
  keys?: string[] | null;
}

const KIND_OF = new Map(CHANGE_KINDS.map((k) => [CHANGE_KIND_OPERATIONS[k], k]));

export class ChangeService {
  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
  ) {}

  async changes(
    filter: ChangeFilter,
    first?: number | null,
    after?: string | null,
    viewer: Viewer = ANONYMOUS,
  ): Promise<{ items: { cursor: string; node: ChangeModel }[]; hasNextPage: boolean; endCursor: string | null }> {
    const limit = pageSize(first);
    const cursor = decodeCursor<{ at: string; id: string }>("change", after);
    const starts = [filter.since, cursor?.at].filter((t): t is string => Boolean(t)).sort((a, b) => Date.parse(b) - Date.parse(a));
    const rows = await this.db.read(statement("event/changes"), {
      operations: [...KIND_OF.keys()],
      from: starts[0] ?? "1970-01-01T00:00:00Z",
      until: filter.until ?? null,
      keys: filter.keys?.length ? filter.keys : null,
      after: cursor,
      limit: limit + 1,
    });
    const events = rows.slice(0, limit).map((r) => r.event);
    const vis = new Visibility(viewer);
    const touched = [...new Set(events.flatMap((e) => e.keys))];
    const found = await this.assets.byKeys(touched);
    const assetOf = new Map(touched.map((k, i) => [k, found[i]]));
    // A key that names no asset any more (a placeholder replaced by its record) was public.
    const visible = (k: string) => {
      const m = assetOf.get(k);
      return !m || vis.sees(m);
    };
    const items: { cursor: string; node: ChangeModel }[] = [];
    for (const e of events) {
      const keys = e.keys.filter(visible);
      if (e.keys.length && !keys.length) continue;
      const kind = KIND_OF.get(e.operation)!;
      items.push({
        cursor: encodeCursor("change", { at: e.at, id: e.id }),
        node: {
          id: e.id,
          at: e.at,
          kind,
          keys,
          hiddenCount: e.keys.length - keys.length,
          advisoryId: kind === "RECORDS_INGESTED" ? null : (e.ids[0] ?? null),
          outcome: e.outcome,
        },
      });
    }
    const last = events.at(-1);
    return {
      items,
      hasNextPage: rows.length > limit,
      endCursor: last ? encodeCursor("change", { at: last.at, id: last.id }) : (after ?? null),
    };
  }
}
