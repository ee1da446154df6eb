// Advisories (flags on assets) and exemptions ("not affected" statements).
import { bumpGraphVersion } from "../neo4j/graph-version.js";
import { statement } from "../neo4j/statements.js";
import { randomBytes } from "node:crypto";
import semver from "semver";
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../errors.js";
import { appendEvent } from "../ingest/trail.js";
import { linkSameAs } from "../ingest/same-as.js";
import { authorize, mayWriteFor } from "../model/authz.js";
import type { Viewer } from "../model/viewer.js";
import { isId } from "../model/ids.js";
import { isOneOf, VEX_JUSTIFICATIONS, VEX_STATUSES } from "../model/vocab.js";
import { affectedKeys } from "../ingest/ingest.service.js";
import type { Executor } from "../neo4j/executor.js";
import type { AdvisoryModel } from "../model/advisory.js";

export type { AdvisoryModel };
import type { AssetService } from "./asset.service.js";
import { decodeCursor, pageSize, toPage, type Page } from "./paging.js";
import { CATEGORIES, SEVERITIES } from "./policy.js";

export interface ExemptionInputModel {
  advisoryId: string;
  assetKey: string;
  justification: string;
  status?: string | null;
  justificationCode?: string | null;
  expiresAt?: string | Date | null;
}

export interface AdvisoryInputModel {
  id?: string | null;
  category: string;
  severity: string;
  summary: string;
  affectsId: string;
  affectsRange?: string | null;
  references?: string[] | null;
}

const ADVISORY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function checkRange(range: string, argument = "affectsRange"): string {
  const r = range.trim();
  if (r === "*") return r;
  const valid = semver.validRange(r);
  if (!valid)
    throw new BadUserInputError(
      `${argument}: expected a semver range such as "*", "<1.2.0" or ">=1.0.0 <2.0.0", found ${JSON.stringify(range)}`,
    );
  return r;
}

export class AdvisoryService {
  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
  ) {}

  async byIds(ids: readonly string[]): Promise<(AdvisoryModel | null)[]> {
    const rows = await this.db.read(statement("advisory/by-ids"), { ids: [...new Set(ids)] });
    const found = new Map(rows.map((r) => [r.id, r.advisory]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async get(id: string): Promise<AdvisoryModel> {
    const [a] = await this.byIds([id]);
    if (!a) throw new NotFoundError(`no advisory has the id ${JSON.stringify(id)}`, { advisoryId: id });
    return a;
  }

  async onAssets(keys: readonly string[]): Promise<AdvisoryModel[][]> {
    const rows = await this.db.read(statement("advisory/on-assets"), { keys: [...new Set(keys)] });
    const byKey = new Map(rows.map((r) => [r.key, r.advisories]));
    return keys.map((k) => byKey.get(k) ?? []);
  }

  async list(
    category: string | null | undefined,
    openOnly: boolean,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<AdvisoryModel>> {
    const limit = pageSize(first);
    const cursor = decodeCursor<{ publishedAt: string; id: string }>("advisory", after);
    const [rows, count] = await Promise.all([
      this.db.read(statement("advisory/list"), { category: category ?? null, openOnly, after: cursor, limit: limit + 1 }),
      this.db.read(statement("advisory/count"), { category: category ?? null, openOnly }),
    ]);
    return toPage(
      "advisory",
      rows.map((r) => r.advisory),
      limit,
      count[0]!.totalCount,
      (a) => ({
        publishedAt: a.publishedAt,
        id: a.id,
      }),
    );
  }

  async publish(input: AdvisoryInputModel, viewer: Viewer): Promise<AdvisoryModel> {
    authorize(viewer, "advisory:write");
    if (!(CATEGORIES as readonly string[]).includes(input.category))
      throw new BadUserInputError(`category: expected one of ${CATEGORIES.join(", ")}`);
    if (!(SEVERITIES as readonly string[]).includes(input.severity))
      throw new BadUserInputError(`severity: expected one of ${SEVERITIES.join(", ")}`);
    if (!input.summary.trim()) throw new BadUserInputError("summary: expected a non-empty text");
    const affectsId = input.affectsId.trim();
    if (!isId(affectsId)) {
      throw new BadUserInputError(
        `affectsId: expected a record id such as "laion-5b" or "hf:org/name" (no version), found ${JSON.stringify(input.affectsId)}`,
      );
    }
    const range = checkRange(input.affectsRange ?? "*");
    const id = input.id?.trim() || `UMR-${new Date().getUTCFullYear()}-${randomBytes(4).toString("hex")}`;
    if (!ADVISORY_ID.test(id) || /^(record|what-if):/.test(id)) {
      throw new BadUserInputError(
        `id: expected an advisory id of letters, digits and . _ : - (at most 100, not starting with record: or what-if:), such as "ACME-2026-0001", found ${JSON.stringify(input.id)}`,
      );
    }
    if ((await this.byIds([id]))[0])
      throw new ConflictError(
        `id: an advisory ${JSON.stringify(id)} exists already; advisories are immutable (withdraw it, or publish another id)`,
        { advisoryId: id },
      );
    return this.db.writeTransaction("publish-advisory", async (tx) => {
      await tx.run(statement("ingest/lock"));
      await bumpGraphVersion(tx);
      const [created] = await tx.run(statement("advisory/create"), {
        props: {
          id,
          category: input.category,
          severity: input.severity,
          summary: input.summary.trim(),
          affectsId,
          affectsRange: range,
          references: input.references ?? [],
          publishedBy: viewer.org ?? viewer.subject,
          publishedByOrg: viewer.org,
        },
      });
      let versions = (await tx.run(statement("asset/versions"), { ids: [affectsId] }))[0]?.versions ?? [];
      if (!versions.length && range === "*") {
        // Risk is often known before anyone writes the record: flag the id's placeholder.
        await tx.run(statement("ingest/merge-placeholders"), { rows: [{ id: affectsId, name: affectsId, source: `advisory:${id}` }] });
        versions = [{ key: affectsId, version: null, placeholder: true, kind: "model" }];
        await linkSameAs(tx, [affectsId]);
      }
      const links = affectedKeys(range, versions).map((asset) => ({ advisory: id, asset }));
      if (links.length) await tx.run(statement("advisory/link-affects"), { rows: links });
      await appendEvent(tx, viewer, {
        operation: "advisory.publish",
        keys: links.map((l) => l.asset),
        ids: [id],
        input,
        outcome: "published",
      });
      return created!.advisory;
    });
  }

  /**
   * Withdraws an advisory of the API. Only its publishing organisation (or an admin) may; a
   * record's own flags are not withdrawn here: they change with a new version of the record.
   */
  async withdraw(id: string, reason: string, viewer: Viewer): Promise<AdvisoryModel> {
    authorize(viewer, "advisory:write");
    if (!reason.trim()) throw new BadUserInputError("reason: expected a non-empty text");
    const advisory = await this.get(id);
    if (advisory.source === "record") {
      throw new ForbiddenError(`${id} is a record's own risk flag: it changes with a new version of the record, not through the API`, {
        advisoryId: id,
      });
    }
    if (!mayWriteFor(viewer, advisory.publishedByOrg ?? null)) {
      throw new ForbiddenError(
        `${id} was published by ${advisory.publishedByOrg ?? "no organisation"}; only it (or an admin) may withdraw it`,
        { advisoryId: id },
      );
    }
    return this.db.writeTransaction("withdraw-advisory", async (tx) => {
      await bumpGraphVersion(tx);
      const [row] = await tx.run(statement("advisory/withdraw"), { id, reason: reason.trim(), by: viewer.org ?? viewer.subject });
      await appendEvent(tx, viewer, { operation: "advisory.withdraw", ids: [id], input: { id, reason }, outcome: "withdrawn" });
      return row!.advisory;
    });
  }

  /**
   * A VEX statement about an asset and an advisory (as CycloneDX and OpenVEX define them). Only
   * NOT_AFFECTED and FIXED stop the advisory there, and only until `expiresAt`. Written for
   * assets the caller's organisation owns (or by an admin).
   */
  async exempt(input: ExemptionInputModel, viewer: Viewer): Promise<boolean> {
    authorize(viewer, "exemption:write");
    const justification = input.justification.trim();
    if (!justification) throw new BadUserInputError("justification: expected a non-empty text saying why the asset is not affected");
    const status = input.status ?? "NOT_AFFECTED";
    if (!isOneOf(VEX_STATUSES, status))
      throw new BadUserInputError(`status: expected one of ${VEX_STATUSES.join(", ")}, found ${JSON.stringify(status)}`);
    if (input.justificationCode && !isOneOf(VEX_JUSTIFICATIONS, input.justificationCode)) {
      throw new BadUserInputError(
        `justificationCode: expected one of ${VEX_JUSTIFICATIONS.join(", ")}, found ${JSON.stringify(input.justificationCode)}`,
      );
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && Number.isNaN(expiresAt.getTime()))
      throw new BadUserInputError(`expiresAt: expected an ISO-8601 time, found ${JSON.stringify(input.expiresAt)}`);
    await this.get(input.advisoryId);
    const key = await this.assets.resolveKey(input.assetKey, "assetKey");
    const [asset] = await this.assets.byKeys([key]);
    const owner = asset?.org ?? null;
    if (!mayWriteFor(viewer, owner)) {
      throw new ForbiddenError(
        `${key} belongs to ${owner ?? "no organisation"}; ${viewer.org ?? viewer.subject} may not write exemptions for it`,
        { key },
      );
    }
    return this.db.writeTransaction("exempt", async (tx) => {
      await bumpGraphVersion(tx);
      const [row] = await tx.run(statement("advisory/exempt"), {
        advisoryId: input.advisoryId,
        assetKey: key,
        props: {
          justification,
          status,
          justificationCode: input.justificationCode ?? null,
          author: viewer.org ?? viewer.subject,
          authorSubject: viewer.subject,
          expiresAt: expiresAt?.toISOString() ?? null,
        },
      });
      await appendEvent(tx, viewer, {
        operation: "exemption.write",
        keys: [key],
        ids: [input.advisoryId],
        input,
        outcome: row!.created ? "created" : "unchanged",
      });
      return Boolean(row!.created);
    });
  }

  /** What an advisory flags, who is exempt now, and when the first exemption in force expires (ms, or null). */
  /** What the advisory flagged, and who was exempt, as the graph stood at asOf; inForce: published by then, not withdrawn by then. */
  async sourcesAsOf(id: string, asOf: string): Promise<{ inForce: boolean; sources: string[]; exempt: string[] }> {
    const [row] = await this.db.read(statement("advisory/sources-as-of"), { id, asOf });
    return row ?? { inForce: false, sources: [], exempt: [] };
  }

  async sources(id: string): Promise<{ sources: string[]; exempt: string[]; nextExpiryMs: number | null }> {
    const [row] = await this.db.read(statement("advisory/sources"), { id });
    return {
      sources: row?.sources ?? [],
      exempt: row?.exempt ?? [],
      nextExpiryMs: row?.nextExpiry ? Date.parse(row.nextExpiry) : null,
    };
  }
}
