// Watches: who must know when a watched answer changes. A watch names what it watches (keys, bare
// ids or ranges as an audit takes them; optionally everything within N hops downstream of them;
// optionally everything its organisation owns) and the least severity it cares for. Its answer —
// which advisories reach which watched asset, by which chain — is kept with it; the notifier
// (src/services/notifier.ts) computes it again for the assets a write may have changed and sends
// the difference. Each watch sees as its creator did: public records and its organisation's own.
import { randomUUID } from "node:crypto";
import { BadUserInputError, LimitExceededError, NotFoundError, UnauthenticatedError } from "../errors.js";
import { isAdmin } from "../model/authz.js";
import type { EdgeModel } from "../model/asset.js";
import type { Viewer } from "../model/viewer.js";
import { SEVERITIES, type SeverityName } from "../model/vocab.js";
import type {
  AttemptModel,
  NotificationModel,
  NotificationPayload,
  NotificationStatus,
  RiskChangeModel,
  WatchModel,
  WatchRow,
} from "../model/watch.js";
import type { Executor } from "../neo4j/executor.js";
import { statement } from "../neo4j/statements.js";
import type { AssetService } from "./asset.service.js";
import { MAX_AUDIT_KEYS, MAX_DEPTH } from "./limits.js";
import { severityRank } from "./policy.js";
import type { RiskReportModel, RiskService } from "./risk.service.js";
import { traverse } from "./traversal.js";
import { Visibility } from "./visibility.js";
import { checkWebhookUrl, type WebhookSettings } from "./webhooks.js";

export interface WatchInputModel {
  name?: string | null;
  keys?: string[] | null;
  downstreamDepth?: number | null;
  ownedByMyOrg?: boolean | null;
  minSeverity?: SeverityName | null;
  webhookUrl?: string | null;
  secret?: string | null;
}

/** What a watch watches, as the evaluation needs it (a stored watch, or a subscription's). */
export interface WatchScope {
  keys: string[];
  downstreamDepth: number;
  ownedByMyOrg: boolean;
  org: string | null;
  minSeverity: SeverityName;
}

/** What reaches one watched asset: advisory id → what was shown of it, and its chain's signature. */
export interface Finding {
  sig: string;
  advisory: RiskChangeModel["advisory"];
  effectiveSeverity: SeverityName;
  depth: number;
  path: EdgeModel[];
}

/** A watched answer as kept: asset key → advisory id → {sig, advisory}. */
export type KeptAnswer = Record<string, Record<string, { sig: string; advisory: RiskChangeModel["advisory"] }>>;

/** Risk reports computed in one round of evaluation, shared by the watches that see alike. */
export type ReportCache = Map<string, RiskReportModel | null>;

export const MIN_SECRET_LENGTH = 16;
export const MAX_WATCHES_PER_ORG = 10_000;

export function watchViewer(w: Pick<WatchRow, "id" | "org" | "subject" | "roles">): Viewer {
  return { subject: w.subject, org: w.org, roles: w.roles, credentialId: `watch:${w.id}` };
}

const notFound = (id: string) => new NotFoundError(`watch: no watch of your organisation has id ${JSON.stringify(id)}`, { id });

function signature(r: { effectiveSeverity: string; path: EdgeModel[] }): string {
  return `${r.effectiveSeverity}|${r.path.map((e) => `${e.from}>${e.type}:${e.relation}>${e.to}`).join(",")}`;
}

export class WatchService {
  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
    private readonly risk: RiskService,
    private readonly webhooks: WebhookSettings,
  ) {}

  async create(input: WatchInputModel, viewer: Viewer): Promise<WatchModel> {
    if (viewer.credentialId === null)
      throw new UnauthenticatedError(
        "to create a watch send an API key: Authorization: Bearer <token> (it notifies for your organisation)",
      );
    const keys = [...new Set((input.keys ?? []).map((k) => k.trim()))];
    const ownedByMyOrg = Boolean(input.ownedByMyOrg);
    if (keys.some((k) => !k)) throw new BadUserInputError("keys: expected asset keys, bare ids or id@range, found an empty string");
    if (keys.length > MAX_AUDIT_KEYS) throw new LimitExceededError(`keys: at most ${MAX_AUDIT_KEYS} a watch, given ${keys.length}`);
    if (!keys.length && !ownedByMyOrg) throw new BadUserInputError("createWatch: give keys, or ownedByMyOrg: true, or both");
    if (ownedByMyOrg && !viewer.org)
      throw new BadUserInputError("ownedByMyOrg: your credential acts for no organisation; name keys instead");
    const downstreamDepth = input.downstreamDepth ?? 0;
    if (!Number.isInteger(downstreamDepth) || downstreamDepth < 0 || downstreamDepth > MAX_DEPTH)
      throw new BadUserInputError(`downstreamDepth: expected a whole number from 0 to ${MAX_DEPTH}, found ${downstreamDepth}`);
    const minSeverity = input.minSeverity ?? "LOW";
    if (!SEVERITIES.includes(minSeverity))
      throw new BadUserInputError(`minSeverity: expected one of ${SEVERITIES.join(", ")}, found ${minSeverity}`);
    const webhookUrl = input.webhookUrl?.trim() || null;
    if (webhookUrl) {
      checkWebhookUrl(webhookUrl, this.webhooks);
      if (!input.secret || input.secret.length < MIN_SECRET_LENGTH)
        throw new BadUserInputError(
          `secret: a webhook needs a secret of at least ${MIN_SECRET_LENGTH} characters to sign its deliveries with (HMAC-SHA256)`,
        );
    } else if (input.secret) throw new BadUserInputError("secret: only a watch with a webhookUrl signs deliveries; give webhookUrl too");
    // Every key must name something the creator sees: a watch on a typo would watch nothing, silently.
    const found = await this.assets.resolveVisible(keys, new Visibility(viewer));
    const unknown = keys.filter((_, i) => found[i] === null);
    if (unknown.length)
      throw new BadUserInputError(`keys: no asset you may see has ${unknown.map((k) => JSON.stringify(k)).join(", ")}`, { keys: unknown });
    const existing = await this.db.read(statement("watch/list"), { org: viewer.org, all: false, id: null });
    if (existing.length >= MAX_WATCHES_PER_ORG)
      throw new LimitExceededError(`createWatch: an organisation may keep at most ${MAX_WATCHES_PER_ORG} watches; delete some first`);
    const id = randomUUID();
    const scope: WatchScope = { keys, downstreamDepth, ownedByMyOrg, org: viewer.org, minSeverity };
    const row = { id, org: viewer.org, subject: viewer.subject, roles: [...viewer.roles] };
    // Its first answer: what it is told of later is what changes from here.
    const { answer } = await this.answerOf(scope, watchViewer(row), null, new Map());
    const [created] = await this.db.write(statement("watch/create"), {
      props: {
        ...row,
        name: input.name?.trim() || null,
        keys,
        downstreamDepth,
        ownedByMyOrg,
        minSeverity,
        webhookUrl,
        secret: webhookUrl ? input.secret : null,
        state: JSON.stringify(keep(answer)),
      },
    });
    return created!.watch;
  }

  async list(viewer: Viewer): Promise<WatchModel[]> {
    if (viewer.credentialId === null) return [];
    const rows = await this.db.read(statement("watch/list"), { org: viewer.org, all: isAdmin(viewer), id: null });
    return rows.map((r) => r.watch);
  }

  async get(id: string, viewer: Viewer): Promise<WatchModel> {
    const [row] =
      viewer.credentialId === null ? [] : await this.db.read(statement("watch/list"), { org: viewer.org, all: isAdmin(viewer), id });
    if (!row) throw notFound(id);
    return row.watch;
  }

  async delete(id: string, viewer: Viewer): Promise<boolean> {
    const [row] =
      viewer.credentialId === null ? [] : await this.db.write(statement("watch/delete"), { id, org: viewer.org, all: isAdmin(viewer) });
    if (!row?.deleted) throw notFound(id);
    return true;
  }

  async notifications(watchId: string, viewer: Viewer, first = 20, id: string | null = null): Promise<NotificationModel[]> {
    await this.get(watchId, viewer);
    const rows = await this.db.read(statement("notify/of-watch"), { watchId, limit: Math.min(Math.max(first, 1), 100), id });
    return rows.map((r) => toNotification(r.notification));
  }

  /** Queues a notification again (a receiver that lost it, or one given up on). */
  async redeliver(id: string, viewer: Viewer): Promise<NotificationModel> {
    const [row] =
      viewer.credentialId === null ? [] : await this.db.write(statement("notify/redeliver"), { id, org: viewer.org, all: isAdmin(viewer) });
    if (!row) throw new NotFoundError(`notification: no notification of your organisation's watches has id ${JSON.stringify(id)}`, { id });
    return toNotification(row.notification);
  }

  /** The keys a watch covers now: its keys resolved, what lies within its depth downstream, what its organisation owns. */
  async scopeOf(scope: WatchScope): Promise<Set<string>> {
    return (await this.scopesOf([scope]))[0]!;
  }

  /** scopeOf for many watches: their keys resolved together (two statements for all of them). */
  async scopesOf(scopes: readonly WatchScope[]): Promise<Set<string>[]> {
    const all = [...new Set(scopes.flatMap((s) => s.keys))];
    const resolved = all.length ? await this.assets.resolveKeys(all, { ranges: true }) : [];
    const keyOf = new Map(all.map((k, i) => [k, resolved[i] ?? null]));
    const owned = new Map<string, string[]>();
    const out: Set<string>[] = [];
    for (const scope of scopes) {
      const keys = scope.keys.map((k) => keyOf.get(k)).filter((k): k is string => Boolean(k));
      const covered = new Set(keys);
      if (scope.downstreamDepth > 0 && keys.length) {
        const walk = await traverse(this.db, keys, { direction: "DOWNSTREAM", maxDepth: scope.downstreamDepth });
        for (const n of walk.nodes.values()) covered.add(n.key);
      }
      if (scope.ownedByMyOrg && scope.org) {
        if (!owned.has(scope.org))
          owned.set(
            scope.org,
            (await this.db.read(statement("watch/owned-keys"), { org: scope.org })).map((r) => r.key),
          );
        for (const k of owned.get(scope.org)!) covered.add(k);
      }
      out.push(covered);
    }
    return out;
  }

  /**
   * What reaches the watched assets at or above the watch's severity: of all of them, or (`only`)
   * of those a write may have changed. Risk reports are shared through `reports` by the watches
   * that see alike; `known` is the watch's scope when the caller has it (scopesOf).
   */
  async answerOf(
    scope: WatchScope,
    viewer: Viewer,
    only: Set<string> | null,
    reports: ReportCache,
    known: Set<string> | null = null,
  ): Promise<{ answer: Map<string, Map<string, Finding>>; scope: Set<string> }> {
    const covered = known ?? (await this.scopeOf(scope));
    const keys = [...covered].filter((k) => !only || only.has(k)).sort();
    const seeing = new Visibility(viewer).seeingClass;
    const missing = keys.filter((k) => !reports.has(`${seeing} ${k}`));
    if (missing.length) {
      const got = await this.risk.riskReports(missing, viewer);
      const byKey = new Map(got.map((r) => [r.key, r]));
      for (const k of missing) reports.set(`${seeing} ${k}`, byKey.get(k) ?? null);
    }
    const answer = new Map<string, Map<string, Finding>>();
    for (const k of keys) {
      const report = reports.get(`${seeing} ${k}`);
      const found = new Map<string, Finding>();
      for (const r of report?.risks ?? []) {
        if (severityRank(r.effectiveSeverity) < severityRank(scope.minSeverity)) continue;
        const a = r.advisory;
        found.set(a.id, {
          sig: signature(r),
          advisory: {
            id: a.id,
            category: a.category,
            severity: a.severity as SeverityName,
            summary: a.summary,
            withdrawnAt: a.withdrawnAt ?? null,
          },
          effectiveSeverity: r.effectiveSeverity,
          depth: r.depth,
          path: r.path,
        });
      }
      answer.set(k, found);
    }
    return { answer, scope: covered };
  }
}

function toNotification(n: {
  id: string;
  watchId: string;
  payload: string;
  status: string;
  log: string[];
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}): NotificationModel {
  return {
    id: n.id,
    watchId: n.watchId,
    status: n.status as NotificationStatus,
    payload: JSON.parse(n.payload) as NotificationPayload,
    attempts: n.log.map((e) => JSON.parse(e) as AttemptModel),
    createdAt: n.createdAt,
    nextAttemptAt: n.status === "PENDING" ? n.nextAttemptAt : null,
    deliveredAt: n.deliveredAt,
  };
}

/** An answer as a watch keeps it. */
export function keep(answer: Map<string, Map<string, Finding>>): KeptAnswer {
  const out: KeptAnswer = {};
  for (const [key, found] of answer) {
    if (!found.size) continue;
    out[key] = {};
    for (const [id, f] of found) out[key][id] = { sig: f.sig, advisory: f.advisory };
  }
  return out;
}

/**
 * The changes from the kept answer to the new one, over the assets looked at (`looked`: every
 * asset of the new answer, and the kept ones a write may have changed), by asset then advisory.
 */
export function changesBetween(
  kept: KeptAnswer,
  answer: Map<string, Map<string, Finding>>,
  looked: Iterable<string>,
): Omit<RiskChangeModel, "notify">[] {
  const out: Omit<RiskChangeModel, "notify">[] = [];
  for (const key of [...new Set(looked)].sort()) {
    const before = kept[key] ?? {};
    const now = answer.get(key) ?? new Map<string, Finding>();
    const ids = [...new Set([...Object.keys(before), ...now.keys()])].sort();
    for (const id of ids) {
      const b = before[id];
      const n = now.get(id);
      if (n && !b)
        out.push({ type: "REACHED", key, advisory: n.advisory, effectiveSeverity: n.effectiveSeverity, depth: n.depth, path: n.path });
      else if (n && b && n.sig !== b.sig)
        out.push({ type: "PATH_CHANGED", key, advisory: n.advisory, effectiveSeverity: n.effectiveSeverity, depth: n.depth, path: n.path });
      else if (!n && b) out.push({ type: "CLEARED", key, advisory: b.advisory, effectiveSeverity: null, depth: null, path: [] });
    }
  }
  return out;
}

/** The kept answer with the looked-at assets replaced by their new answer. */
export function merged(kept: KeptAnswer, answer: Map<string, Map<string, Finding>>, looked: Iterable<string>): KeptAnswer {
  const out: KeptAnswer = { ...kept };
  for (const k of looked) delete out[k];
  return { ...out, ...keep(answer) };
}
