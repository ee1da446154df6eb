// The notifier: follows the audit trail's writes that change answers (whoever made them: this
// process, the CLI, another replica), computes which watched answers changed, and queues one
// notification per watch and change, durably in Neo4j, in the transaction that marks the trail
// events taken (so that exactly one process takes each, and a restart loses none); then delivers
// the queued ones to their webhooks — signed, retried with backoff and jitter, logged — apart from
// any write, so that a dead endpoint never slows one. Subscriptions (graphql-ws) are followed by
// every process for its own subscribers.
import { randomUUID } from "node:crypto";
import { Repeater } from "@graphql-yoga/subscription";
import type { NotifySettings } from "../config.js";
import type { Logger } from "../log.js";
import type { AdvisoryModel } from "../model/advisory.js";
import type { Viewer } from "../model/viewer.js";
import { CHANGE_KIND_OPERATIONS, CHANGE_KINDS, type SeverityName } from "../model/vocab.js";
import type { CauseModel, NotificationPayload, RiskChangeModel, WatchRow } from "../model/watch.js";
import type { Executor } from "../neo4j/executor.js";
import { readGraphVersion } from "../neo4j/graph-version.js";
import { statement } from "../neo4j/statements.js";
import type { AdvisoryService } from "./advisory.service.js";
import type { AssetService } from "./asset.service.js";
import { MAX_DEPTH } from "./limits.js";
import { severityRank } from "./policy.js";
import { traverse } from "./traversal.js";
import { Visibility } from "./visibility.js";
import {
  changesBetween,
  merged,
  watchViewer,
  type KeptAnswer,
  type ReportCache,
  type WatchScope,
  type WatchService,
} from "./watch.service.js";
import { ATTEMPT_HEADER, DELIVERY_HEADER, EVENT_HEADER, post, retryDelayMs, sign, SIGNATURE_HEADER } from "./webhooks.js";

interface TrailEvent {
  id: string;
  at: string;
  operation: string;
  keys: string[];
  ids: string[];
}

/** What a `riskChanged` subscriber receives. */
export interface RiskChangedEvent {
  at: string;
  causes: CauseModel[];
  changes: RiskChangeModel[];
}

interface RiskSubscriber {
  scope: WatchScope;
  viewer: Viewer;
  since: number;
  kept: KeptAnswer;
  push(e: RiskChangedEvent): unknown;
}

interface AdvisorySubscriber {
  minSeverity: SeverityName;
  viewer: Viewer;
  since: number;
  push(a: AdvisoryModel): unknown;
}

const KIND_OF = new Map(CHANGE_KINDS.map((k) => [CHANGE_KIND_OPERATIONS[k], k]));
const OPERATIONS = [...KIND_OF.keys()];
/** How far back the notifier looks for events it has not taken (a write's transaction may commit late). */
const LOOKBACK_MS = 3_600_000;
/** How long stopping waits for work under way. */
const STOP_WAIT_MS = 5000;
/** Deliveries one worker holds at a time. */
const DELIVERY_BATCH = 8;

function causeOf(e: TrailEvent): CauseModel {
  const kind = KIND_OF.get(e.operation)!;
  return { id: e.id, at: e.at, kind, keys: e.keys, hiddenCount: 0, advisoryId: kind === "RECORDS_INGESTED" ? null : (e.ids[0] ?? null) };
}

export class Notifier {
  /** This process's name as a delivery worker (its claims are released when it stops). */
  readonly worker = randomUUID();
  private stopped = false;
  /** Whether this process ever claimed a delivery (then it gives its claims back when it stops). */
  private claimed = false;
  private lastVersion: string | null = null;
  private readonly seen = new Map<string, number>();
  private readonly riskSubscribers = new Set<RiskSubscriber>();
  private readonly advisorySubscribers = new Set<AdvisorySubscriber>();
  private readonly loops: { following: Loop; delivering: Loop };

  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
    private readonly advisories: AdvisoryService,
    private readonly watches: WatchService,
    private readonly settings: NotifySettings,
    private readonly log: Logger,
  ) {
    this.loops = {
      following: new Loop(settings.pollMs, () => this.follow(), log, "notifier: following writes failed; trying again"),
      delivering: new Loop(settings.pollMs, () => this.deliverDue(), log, "notifier: delivering failed; trying again"),
    };
  }

  start(): void {
    if (!this.settings.enabled) return;
    this.loops.following.start();
    this.loops.delivering.start();
  }

  /** A write committed here: look now rather than at the next poll. */
  poke(): void {
    this.loops.following.poke();
    this.loops.delivering.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // Work under way is waited for a while (a database that does not answer is not).
    await Promise.race([
      Promise.all([this.loops.following.stop(), this.loops.delivering.stop()]),
      new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref()),
    ]);
    if (!this.claimed) return;
    try {
      await this.db.write(statement("notify/release"), { worker: this.worker }, { timeoutMs: STOP_WAIT_MS });
    } catch (err) {
      this.log.warn({ err }, "notifier: could not give back this process's claimed deliveries; they are taken again when their lease ends");
    }
  }

  /** Risk changes of the keys (as a watch without a webhook), from now on, for one subscriber. */
  riskChanges(scope: WatchScope, viewer: Viewer): AsyncIterable<RiskChangedEvent> {
    return new Repeater<RiskChangedEvent>(async (push, stop) => {
      const sub: RiskSubscriber = { scope, viewer, since: Date.now(), kept: {}, push };
      const { answer } = await this.watches.answerOf(scope, viewer, null, new Map());
      sub.kept = merged({}, answer, []);
      this.riskSubscribers.add(sub);
      this.loops.following.start();
      await stop;
      this.riskSubscribers.delete(sub);
    });
  }

  /** Advisories published from now on, at or above a severity, that flag something the subscriber sees. */
  advisoriesPublished(minSeverity: SeverityName, viewer: Viewer): AsyncIterable<AdvisoryModel> {
    return new Repeater<AdvisoryModel>(async (push, stop) => {
      const sub: AdvisorySubscriber = { minSeverity, viewer, since: Date.now(), push };
      this.advisorySubscribers.add(sub);
      this.loops.following.start();
      await stop;
      this.advisorySubscribers.delete(sub);
    });
  }

  /** One look at the trail: stored watches (durably, once across processes) and this process's subscribers. */
  async follow(): Promise<void> {
    const v = await readGraphVersion(this.db);
    const version = `${v.epoch}:${v.version}`;
    if (version === this.lastVersion) return;
    const watches = (await this.db.read(statement("watch/all"), {})).map((r) => r.watch);
    const subscribers = [...this.riskSubscribers, ...this.advisorySubscribers];
    if (!watches.length && !subscribers.length) {
      this.lastVersion = version;
      return;
    }
    const [last] = await this.db.read(statement("notify/last-taken"), {});
    const candidates = [
      last?.at ? Date.parse(last.at) - LOOKBACK_MS : Math.min(...watches.map((w) => Date.parse(w.createdAt) - LOOKBACK_MS), Date.now()),
      ...subscribers.map((s) => s.since),
    ];
    const from = new Date(Math.min(...candidates)).toISOString();
    const rows = await this.db.read(statement("notify/events"), { from, operations: OPERATIONS });
    const untaken = watches.length ? rows.filter((r) => !r.taken).map((r) => r.event) : [];
    const since = Math.min(...subscribers.map((s) => s.since), Infinity);
    const fresh = rows.map((r) => r.event).filter((e) => !this.seen.has(e.id) && Date.parse(e.at) >= since);
    if (untaken.length) await this.notifyWatches(watches, untaken);
    if (fresh.length) await this.notifySubscribers(fresh);
    for (const e of fresh) this.seen.set(e.id, Date.parse(e.at));
    for (const [id, at] of this.seen) if (at < Date.now() - 2 * LOOKBACK_MS) this.seen.delete(id);
    this.lastVersion = version;
  }

  /**
   * The assets whose answers each event may have changed (what it touched and everything
   * downstream; null for "any": a walk too big to finish), and their union.
   */
  private async affectedBy(events: TrailEvent[]): Promise<{ each: (Set<string> | null)[]; all: Set<string> | null }> {
    const each: (Set<string> | null)[] = [];
    for (const e of events) {
      const keys = new Set(e.keys);
      if (e.operation !== "ingest") for (const id of e.ids) for (const k of (await this.advisories.sources(id)).sources) keys.add(k);
      if (!keys.size) {
        each.push(keys);
        continue;
      }
      const walk = await traverse(this.db, [...keys], { direction: "DOWNSTREAM", maxDepth: MAX_DEPTH });
      if (!walk.complete) {
        each.push(null);
        continue;
      }
      for (const n of walk.nodes.values()) keys.add(n.key);
      each.push(keys);
    }
    const all = each.some((s) => s === null) ? null : new Set(each.flatMap((s) => [...s!]));
    return { each, all };
  }

  /**
   * The events that explain a watch's changes: made since it was, touching what changed — as the
   * watch's viewer may see them (as the changes feed shows them): the keys it may not see left
   * out and counted, and an event that touched only such keys not shown at all.
   */
  private async causesOf(
    events: TrailEvent[],
    affected: { each: (Set<string> | null)[] },
    changes: { key: string }[],
    since: number,
    viewer: Viewer,
  ): Promise<CauseModel[]> {
    const keys = changes.map((c) => c.key);
    const why = events.filter((e, i) => Date.parse(e.at) >= since && (!affected.each[i] || keys.some((k) => affected.each[i]!.has(k))));
    const chosen = why.length ? why : events;
    const touched = [...new Set(chosen.flatMap((e) => e.keys))];
    const found = await this.assets.byKeys(touched);
    const vis = new Visibility(viewer);
    // A key that names no asset any more (a placeholder replaced by its record) was public.
    const hidden = new Set(touched.filter((k, i) => found[i] && !vis.sees(found[i])));
    return chosen
      .filter((e) => !e.keys.length || e.keys.some((k) => !hidden.has(k)))
      .map((e) => {
        const c = causeOf(e);
        return { ...c, keys: c.keys.filter((k) => !hidden.has(k)), hiddenCount: c.keys.filter((k) => hidden.has(k)).length };
      });
  }

  /** The changes of one watch's answer over the affected assets, and its new kept answer. */
  private async changesOf(
    scope: WatchScope,
    viewer: Viewer,
    kept: KeptAnswer,
    affected: Set<string> | null,
    reports: ReportCache,
    known: Set<string>,
  ): Promise<{ changes: Omit<RiskChangeModel, "notify">[]; kept: KeptAnswer }> {
    const { answer, scope: covered } = await this.watches.answerOf(scope, viewer, affected, reports, known);
    // Looked at: the new answer's assets, the kept ones a write may have changed, and the kept
    // ones the watch no longer covers (a bare id's newest version moved on).
    const looked = new Set([...answer.keys(), ...Object.keys(kept).filter((k) => !affected || affected.has(k) || !covered.has(k))]);
    const changes = changesBetween(kept, answer, looked);
    return { changes, kept: changes.length ? merged(kept, answer, looked) : kept };
  }

  /**
   * Each change with whom it is for (the asset's owner and contacts), and a cleared advisory
   * with when it was withdrawn (the usual reason it cleared).
   */
  private async withRecipients(changes: Omit<RiskChangeModel, "notify">[]): Promise<RiskChangeModel[]> {
    const keys = [...new Set(changes.map((c) => c.key))];
    const found = await this.assets.byKeys(keys);
    const to = new Map(
      keys.map((k, i) => [k, [...new Set([found[i]?.owner, ...(found[i]?.contacts ?? [])].filter((x): x is string => Boolean(x)))]]),
    );
    const cleared = [...new Set(changes.filter((c) => c.type === "CLEARED").map((c) => c.advisory.id))];
    const now = new Map((await this.advisories.byIds(cleared)).filter((a) => a !== null).map((a) => [a.id, a.withdrawnAt]));
    return changes.map((c) => ({
      ...c,
      advisory: c.type === "CLEARED" ? { ...c.advisory, withdrawnAt: now.get(c.advisory.id) ?? c.advisory.withdrawnAt } : c.advisory,
      notify: to.get(c.key) ?? [],
    }));
  }

  private async notifyWatches(watches: WatchRow[], events: TrailEvent[]): Promise<void> {
    const started = performance.now();
    const affected = await this.affectedBy(events);
    const reports: ReportCache = new Map();
    const states: { id: string; state: string }[] = [];
    const notifications: { watchId: string; id: string; payload: string }[] = [];
    // Writes that reached nothing change no watch (the events are taken all the same). A watch
    // whose scope the writes did not reach asks for no risk report (answerOf looks only there).
    const candidates = affected.all && !affected.all.size ? [] : watches;
    const scopes = await this.watches.scopesOf(candidates);
    for (const [i, w] of candidates.entries()) {
      const viewer = watchViewer(w);
      const r = await this.changesOf(w, viewer, JSON.parse(w.state) as KeptAnswer, affected.all, reports, scopes[i]!);
      if (!r.changes.length) continue;
      states.push({ id: w.id, state: JSON.stringify(r.kept) });
      const id = randomUUID();
      const payload: NotificationPayload = {
        id,
        type: "risk.changed",
        at: new Date().toISOString(),
        watch: { id: w.id, name: w.name },
        causes: await this.causesOf(events, affected, r.changes, Date.parse(w.createdAt), viewer),
        changes: await this.withRecipients(r.changes),
      };
      notifications.push({ watchId: w.id, id, payload: JSON.stringify(payload) });
    }
    try {
      await this.db.writeTransaction("notify", async (tx) => {
        await tx.run(statement("notify/take-events"), { events: events.map((e) => ({ id: e.id, at: e.at })) });
        if (states.length) await tx.run(statement("notify/save-states"), { states });
        if (notifications.length) await tx.run(statement("notify/create"), { notifications });
      });
    } catch (err) {
      // Another process took these events first (the Notified constraint): it notifies for them.
      if ((err as { code?: string }).code === "Neo.ClientError.Schema.ConstraintValidationFailed") return;
      throw err;
    }
    this.log.info(
      { events: events.length, watches: watches.length, notifications: notifications.length, ms: Math.round(performance.now() - started) },
      "notifier: watched answers computed again",
    );
    if (notifications.length) this.loops.delivering.poke();
  }

  private async notifySubscribers(events: TrailEvent[]): Promise<void> {
    if (this.riskSubscribers.size) {
      const affected = await this.affectedBy(events);
      const reports: ReportCache = new Map();
      const subscribers = [...this.riskSubscribers];
      const scopes = await this.watches.scopesOf(subscribers.map((s) => s.scope));
      for (const [i, sub] of subscribers.entries()) {
        const r = await this.changesOf(sub.scope, sub.viewer, sub.kept, affected.all, reports, scopes[i]!);
        sub.kept = r.kept;
        if (r.changes.length)
          sub.push({
            at: new Date().toISOString(),
            causes: await this.causesOf(events, affected, r.changes, sub.since, sub.viewer),
            changes: await this.withRecipients(r.changes),
          });
      }
    }
    const published = events.filter((e) => e.operation === CHANGE_KIND_OPERATIONS.ADVISORY_PUBLISHED);
    if (this.advisorySubscribers.size && published.length) {
      const advisories = await this.advisories.byIds(published.map((e) => e.ids[0]!));
      const flagged = await this.assets.byKeys([...new Set(published.flatMap((e) => e.keys))]);
      const byKey = new Map(flagged.filter((a) => a !== null).map((a) => [a.key, a]));
      for (const sub of this.advisorySubscribers) {
        const vis = new Visibility(sub.viewer);
        published.forEach((e, i) => {
          const a = advisories[i];
          if (!a || severityRank(a.severity) < severityRank(sub.minSeverity)) return;
          // An advisory that flags only what the subscriber may not see is not news to it.
          if (e.keys.length && !e.keys.some((k) => !byKey.has(k) || vis.sees(byKey.get(k)!))) return;
          sub.push(a);
        });
      }
    }
  }

  /** Delivers what is due, a batch at a time. */
  async deliverDue(): Promise<void> {
    const s = this.settings.webhooks;
    for (;;) {
      if (this.stopped) return;
      const claimed = await this.db.write(statement("notify/claim"), {
        worker: this.worker,
        limit: DELIVERY_BATCH,
        leaseSeconds: Math.ceil(s.timeoutMs / 1000) + 30,
      });
      if (claimed.length) this.claimed = true;
      await Promise.all(
        claimed.map(async (c) => {
          const attempt = c.attempts + 1;
          const res = await post(
            c.url,
            c.payload,
            {
              [SIGNATURE_HEADER]: sign(c.secret, c.payload),
              [DELIVERY_HEADER]: c.id,
              [EVENT_HEADER]: "risk.changed",
              [ATTEMPT_HEADER]: String(attempt),
            },
            s,
          );
          const status = res.ok ? "DELIVERED" : attempt >= s.maxAttempts ? "FAILED" : "PENDING";
          const retryInMs = status === "PENDING" ? retryDelayMs(attempt, s) : null;
          await this.db.write(statement("notify/attempted"), {
            id: c.id,
            worker: this.worker,
            status,
            retryInMs,
            entry: JSON.stringify({ at: new Date().toISOString(), statusCode: res.statusCode, latencyMs: res.latencyMs, error: res.error }),
          });
          const facts = { notification: c.id, attempt, statusCode: res.statusCode, latencyMs: res.latencyMs, status, retryInMs };
          if (res.ok) this.log.info(facts, "webhook delivered");
          else this.log.warn({ ...facts, error: res.error }, status === "FAILED" ? "webhook given up" : "webhook failed; retrying");
        }),
      );
      if (claimed.length < DELIVERY_BATCH) return;
    }
  }
}

/** A background loop: runs its work every interval (or at once when poked), never twice at a time. */
class Loop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
    private readonly log: Logger,
    private readonly failure: string,
  ) {}

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.schedule(0);
  }

  poke(): void {
    if (!this.started || this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.running = this.work().catch((err: unknown) => this.log.warn({ err }, this.failure));
    await this.running;
    this.running = null;
    const again = this.again;
    this.again = false;
    this.schedule(again ? 0 : this.intervalMs);
  }
}
