// Blast radius (who is affected downstream of a flag), risk reports (which flags reach an
// asset from upstream) and audits (risk reports of a whole deployment), by the policy.
import { BadUserInputError, LimitExceededError } from "../errors.js";
import type { EdgeModel } from "../model/asset.js";
import { asItStood } from "../model/advisory.js";
import type { AssetService } from "./asset.service.js";
import type { AdvisoryModel, AdvisoryService } from "./advisory.service.js";
import type { Executor } from "../neo4j/executor.js";
import { MAX_AUDIT_KEYS, MAX_DEPTH, MAX_REACHED, TRAVERSAL_BUDGET_MS, checkAsOf, checkDepth } from "./limits.js";
import { procedureBroke, walksInNeo4j } from "./procedures.js";
import { walkInNeo4j, type Ordered, type ReachedItem } from "./walk-in-neo4j.js";
import { limits } from "../config.js";
import { counts, type CountModel } from "./counts.js";
import type { TraversalPage } from "./lineage.service.js";
import { pageSortedByDepthKey, sortByDepthKey } from "./paging.js";
import type { AnswerCache } from "./answer-cache.js";
import { effectiveSeverity, policyFor, severityRank, type Policy, type SeverityName } from "./policy.js";
import { explain, redact, traverse, type AssetSummary, type ReachedNode, type TraversalResult } from "./traversal.js";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import type { EventService } from "./events.service.js";
import { unknownKey, Visibility } from "./visibility.js";

export interface AffectedModel {
  key: string;
  advisory: AdvisoryModel;
  depth: number;
  effectiveSeverity: SeverityName;
  /** From the affected asset up to the flagged source. */
  path: EdgeModel[];
  /** What the traversal read of the asset (saves loading it for pages that ask no more). */
  summary?: AssetSummary;
  /** A hidden asset (its key is an opaque id). */
  redacted?: boolean;
}

export type { CountModel };

export interface BlastRadiusModel extends Omit<TraversalPage, "items"> {
  items: { cursor: string; node: AffectedModel }[];
  advisory: AdvisoryModel;
  byKind: CountModel[];
  byPublisher: CountModel[];
  byDepth: CountModel[];
  contacts: string[];
}

export interface BlastRadiusArgs {
  advisoryId?: string | null;
  key?: string | null;
  maxDepth?: number | null;
  relations?: string[] | null;
  /** The graph as it stood then (ISO time); null: now. */
  asOf?: Date | string | null;
}

/** One affected asset as a download lists it (a hidden one: its opaque id and kind only). */
export interface AffectedRow {
  depth: number;
  key: string;
  redacted: boolean;
  name: string | null;
  kind: string;
  publisher: string | null;
  owner: string | null;
  contacts: string[];
  advisory: string;
  effectiveSeverity: SeverityName;
  /** The chain from the asset up to the flagged source, asset side first. */
  path: EdgeModel[];
}

interface BlastRadiusWalk {
  advisory: AdvisoryModel;
  policy: ReturnType<typeof policyFor>;
  /** Every reached asset (the flagged ones at depth 0 first), by depth then (shown) key. */
  ordered: Ordered<ReachedItem>;
  /** The chain from an affected asset up to the flagged source, the asset's side first. */
  pathOf: (item: ReachedItem) => EdgeModel[];
  complete: boolean;
  cutReason: string | null;
  hiddenCount: number;
  /** Whether the walk ran inside Neo4j (its items leave name, publisher, owner and contacts to the loaders). */
  packed: boolean;
  /** Other organisations' private records an auditor read in it: recorded on every answer. */
  privateReads: string[];
  totals: Pick<BlastRadiusModel, "byKind" | "byPublisher" | "byDepth" | "contacts">;
}

export interface RiskReportModel {
  key: string;
  highestSeverity: SeverityName | null;
  risks: AffectedModel[];
}

export interface AuditModel {
  highestSeverity: SeverityName | null;
  failed: boolean;
  bySeverity: CountModel[];
  unknown: string[];
  audited: string[];
  findings: { advisory: AdvisoryModel; reaches: AffectedModel[] }[];
}

/**
 * A blast radius's totals by kind, publisher and depth, and whom to warn, in one pass over its
 * assets, with a turn of the event loop every 100,000 of them.
 */
async function totalsOf(nodes: readonly ReachedNode[]): Promise<Pick<BlastRadiusModel, "byKind" | "byPublisher" | "byDepth" | "contacts">> {
  const kinds: string[] = [];
  const publishers: string[] = [];
  const depths: string[] = [];
  const contacts = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    kinds.push(n.kind.toUpperCase());
    publishers.push(n.redacted ? "(hidden)" : (n.publisher ?? n.owner ?? "(unknown)"));
    depths.push(String(n.depth));
    for (const c of n.contacts ?? []) contacts.add(c);
    if (n.owner) contacts.add(n.owner);
    if (i % 100_000 === 99_999) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return {
    byKind: counts(kinds),
    byPublisher: counts(publishers),
    byDepth: counts(depths).sort((a, b) => Number(a.key) - Number(b.key)),
    contacts: [...contacts].sort(),
  };
}

export class RiskService {
  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
    private readonly advisories: AdvisoryService,
    private readonly policy: Policy,
    private readonly events: EventService,
    private readonly cache: AnswerCache,
    /** Where a blast radius walks (UMR_WALK): inside Neo4j where the procedure is installed, or in Node. */
    readonly walkEngine: "auto" | "node" = limits.walkEngine,
  ) {}

  /** Every relation some category lets through: the widest walk a risk report needs. */
  private carryingRelations(): string[] {
    return [...new Set([...this.policy.default.relations, ...Object.values(this.policy.categories).flatMap((c) => c.relations)])];
  }

  /** One page of a blast radius, with totals by kind, publisher and depth, and whom to warn. */
  async blastRadius(
    args: BlastRadiusArgs & { first?: number | null; after?: string | null },
    viewer: Viewer = ANONYMOUS,
  ): Promise<BlastRadiusModel> {
    const w = await this.walkBlastRadius(args, viewer);
    const { advisory, policy } = w;
    const page = pageSortedByDepthKey("affected", w.ordered, args.first, args.after, {
      complete: w.complete,
      cutReason: w.cutReason,
      hiddenCount: w.hiddenCount,
    });
    // Explanations only for the page: a hub's blast radius has many assets but one page.
    const items = page.items.map((i) => ({
      cursor: i.cursor,
      node: {
        key: i.node.key,
        depth: i.node.depth,
        advisory,
        effectiveSeverity: effectiveSeverity(advisory.severity, i.node.depth, policy.severityDropPerHop),
        path: w.pathOf(i.node),
        summary: i.node,
        redacted: Boolean(i.node.redacted),
      },
    }));
    return { ...page, items, advisory, ...w.totals };
  }

  /**
   * Every affected asset of a blast radius, by depth then key, each with its explanation: what a
   * CSV download streams. Yields in slices, so a hub's 100k rows never hold the event loop long.
   */
  async blastRadiusRows(args: BlastRadiusArgs, viewer: Viewer = ANONYMOUS): Promise<AsyncIterable<AffectedRow[]>> {
    // Walked (or found kept) first: a refusal comes before any row does.
    const w = await this.walkBlastRadius(args, viewer);
    const { advisory, policy } = w;
    const assets = this.assets;
    return (async function* () {
      for (let from = 0; from < w.ordered.length; from += 1000) {
        const slice: ReachedItem[] = [];
        for (let i = from; i < Math.min(from + 1000, w.ordered.length); i++) slice.push(w.ordered.at(i)!);
        // A walk inside Neo4j read no names: each slice's are read in one statement.
        const facts = w.packed ? await assets.byKeys(slice.filter((n) => !n.redacted).map((n) => n.key)) : [];
        const byKey = new Map(facts.filter((a) => a !== null).map((a) => [a.key, a]));
        yield slice.map((n) => {
          const a = w.packed ? byKey.get(n.key) : n;
          return {
            depth: n.depth,
            key: n.key,
            redacted: Boolean(n.redacted),
            name: n.redacted ? null : (a?.name ?? null),
            kind: n.kind,
            publisher: n.redacted ? null : (a?.publisher ?? null),
            owner: n.redacted ? null : (a?.owner ?? null),
            contacts: n.redacted ? [] : (a?.contacts ?? []),
            advisory: advisory.id,
            effectiveSeverity: effectiveSeverity(advisory.severity, n.depth, policy.severityDropPerHop),
            path: w.pathOf(n),
          };
        });
      }
    })();
  }

  /**
   * The whole blast radius — walked, redacted for the viewer, ordered, totalled — or the kept one
   * while the graph has not changed (a hub's next pages, its CSV, another viewer who sees the same).
   */
  private async walkBlastRadius(args: BlastRadiusArgs, viewer: Viewer): Promise<BlastRadiusWalk> {
    const vis = new Visibility(viewer);
    if (Boolean(args.advisoryId) === Boolean(args.key))
      throw new BadUserInputError(
        "blastRadius: give exactly one of advisoryId (a published flag) and key (what if this asset were flagged)",
      );
    const maxDepth = checkDepth(args.maxDepth);
    const asOf = checkAsOf(args.asOf);
    const question = JSON.stringify([
      "blastRadius",
      args.advisoryId ?? null,
      args.key ?? null,
      maxDepth,
      args.relations ?? null,
      vis.seeingClass,
      asOf,
    ]);
    const kept = await this.cache.get<BlastRadiusWalk>(question);
    if (kept) {
      await this.events.recordPrivateRead(viewer, kept.privateReads, "blastRadius");
      return kept;
    }
    let advisory: AdvisoryModel;
    let sources: string[];
    let exempt = new Set<string>();
    let validUntil: number | null = null;
    if (args.advisoryId) {
      advisory = await this.advisories.get(args.advisoryId);
      if (asOf) {
        // As it stood then: what it flagged then, stopped by the exemptions in force then; nothing
        // before it was published or after it was withdrawn.
        const s = await this.advisories.sourcesAsOf(advisory.id, asOf);
        sources = s.inForce ? s.sources : [];
        exempt = new Set(s.exempt);
        advisory = asItStood(advisory, asOf);
      } else {
        const s = await this.advisories.sources(advisory.id);
        sources = advisory.withdrawnAt ? [] : s.sources;
        exempt = new Set(s.exempt);
        validUntil = s.nextExpiryMs;
      }
    } else {
      const asset = await this.assets.resolveAsset(args.key!, "key", asOf);
      const key = asset.key;
      if (!vis.sees(asset)) throw unknownKey(args.key);
      advisory = {
        id: `what-if:${key}`,
        category: "OTHER",
        severity: "CRITICAL",
        summary: `What if ${key} were flagged: everything built from it, by the default policy.`,
        affectsId: asset.id,
        affectsRange: asset.version ?? "*",
        references: [],
        source: "what-if",
        publishedAt: new Date().toISOString(),
        withdrawnAt: null,
      };
      sources = [key];
    }
    const policy = policyFor(this.policy, advisory.category);
    const relations = args.relations ? policy.relations.filter((r) => args.relations!.includes(r)) : policy.relations;
    // Inside Neo4j where the procedure is: only the ordered keys and the totals cross Bolt.
    const packed =
      !asOf && (await walksInNeo4j(this.db, this.walkEngine))
        ? await walkInNeo4j(
            this.db,
            sources,
            {
              direction: "DOWNSTREAM",
              maxDepth,
              relations,
              stop: [...exempt],
              maxReached: MAX_REACHED,
              withVersion: true,
              timeoutMs: TRAVERSAL_BUDGET_MS + 10_000,
            },
            vis,
          ).catch((err: unknown) => {
            if (procedureBroke(this.db, err)) return null;
            throw err;
          })
        : null;
    if (packed) {
      await this.events.recordPrivateRead(viewer, [...vis.privateReads], "blastRadius");
      if (packed.startHidden) advisory = withheld(advisory, vis);
      const w: BlastRadiusWalk = {
        advisory,
        policy,
        ordered: packed.ordered,
        pathOf: (item) => packed.pathOf(item, "DOWNSTREAM"),
        complete: packed.complete,
        cutReason: packed.cutReason,
        hiddenCount: packed.hiddenCount,
        packed: true,
        privateReads: [...vis.privateReads],
        totals: packed.totals,
      };
      if (packed.graphVersion) this.cache.set(question, packed.graphVersion, w, packed.size, validUntil);
      return w;
    }
    const walk = await traverse(this.db, sources, {
      direction: "DOWNSTREAM",
      maxDepth,
      relations,
      stopAt: (n) => exempt.has(n.key),
      versionFor: (n) => this.cache.keeps(n),
      asOf,
      engine: this.walkEngine,
    });
    const result = redact(walk, vis);
    await this.events.recordPrivateRead(viewer, [...vis.privateReads], "blastRadius");
    if ([...walk.nodes.values()].some((n) => n.depth === 0 && !vis.sees(n))) advisory = withheld(advisory, vis);
    const sorted = await sortByDepthKey(result.nodes.values());
    const w: BlastRadiusWalk = {
      advisory,
      policy,
      ordered: sorted,
      pathOf: (item) => explain(result, item.node).reverse(),
      complete: result.complete,
      cutReason: result.cutReason,
      hiddenCount: result.hiddenCount,
      packed: false,
      privateReads: [...vis.privateReads],
      totals: await totalsOf(sorted),
    };
    if (walk.graphVersion) this.cache.set(question, walk.graphVersion, w, sorted.length, validUntil);
    return w;
  }

  async riskReport(input: string, viewer: Viewer = ANONYMOUS, asOfInput: Date | string | null = null): Promise<RiskReportModel> {
    const asOf = checkAsOf(asOfInput);
    // An exact key is tried as it is; a bare id is resolved (or NOT_FOUND answered) only when
    // it names no asset: one statement less per request.
    const cache = new Map<string, AdvisoryModel>();
    const vis = new Visibility(viewer);
    const report =
      (await this.reportOf(input, cache, vis, asOf)) ??
      (await this.reportOf(await this.assets.resolveKey(input, "key", asOf), cache, vis, asOf));
    if (report === "hidden" || !report) throw unknownKey(input);
    await this.events.recordPrivateRead(viewer, [...vis.privateReads], "riskReport");
    return report;
  }

  /** Risk reports of resolved keys, one upstream walk each (keys the viewer may not see are left out). */
  async riskReports(keys: string[], viewer: Viewer = ANONYMOUS, asOf: string | null = null): Promise<RiskReportModel[]> {
    const out: RiskReportModel[] = [];
    const advisoryCache = new Map<string, AdvisoryModel>();
    const vis = new Visibility(viewer);
    for (const key of keys) {
      const report = await this.reportOf(key, advisoryCache, vis, asOf);
      if (report && report !== "hidden") out.push(report);
    }
    await this.events.recordPrivateRead(viewer, [...vis.privateReads], "riskReports");
    return out;
  }

  /** The risk report of one key; null when no asset has that key, "hidden" when the viewer may not see it. */
  private async reportOf(
    key: string,
    advisoryCache: Map<string, AdvisoryModel>,
    vis: Visibility,
    asOf: string | null = null,
  ): Promise<RiskReportModel | null | "hidden"> {
    const relations = this.carryingRelations();
    const walk = await traverse(this.db, [key], {
      direction: "UPSTREAM",
      maxDepth: MAX_DEPTH,
      relations,
      withAdvisories: true,
      keepAllEdges: true,
      asOf,
      engine: this.walkEngine,
    });
    if (!walk.found.length) return null;
    const start = walk.nodes.get(walk.found[0]!);
    if (start && !vis.sees(start)) return "hidden";
    const ids = [...new Set([...walk.nodes.values()].flatMap((n) => n.advisories))];
    // The walk read the advisories with the nodes: no further query.
    for (const id of ids)
      if (!advisoryCache.has(id) && walk.advisories.has(id)) advisoryCache.set(id, walk.advisories.get(id) as unknown as AdvisoryModel);
    const risks: AffectedModel[] = [];
    const childrenCache = new Map<string, Map<string, { node: string; edge: EdgeModel }[]>>();
    for (const id of ids) {
      const advisory = advisoryCache.get(id);
      if (!advisory) continue;
      const policy = policyFor(this.policy, advisory.category);
      const hit = nearestFlag(walk, id, new Set(policy.relations), childrenCache);
      if (!hit) continue;
      // The chain is shown as the viewer may see it: hidden steps as opaque ids, and an advisory
      // whose flagged asset is hidden without what would name it.
      const source = hit.path.length ? hit.path[hit.path.length - 1]!.to : key;
      const hiddenSource = !vis.sees(walk.nodes.get(source)!);
      risks.push({
        key,
        advisory: hiddenSource ? withheld(advisory, vis) : advisory,
        depth: hit.depth,
        effectiveSeverity: effectiveSeverity(advisory.severity, hit.depth, policy.severityDropPerHop),
        path: hit.path.map((e) => ({ ...e, from: shownKey(walk, e.from, vis), to: shownKey(walk, e.to, vis) })),
      });
    }
    risks.sort(
      (a, b) =>
        severityRank(b.effectiveSeverity) - severityRank(a.effectiveSeverity) ||
        a.depth - b.depth ||
        (a.advisory.id < b.advisory.id ? -1 : 1),
    );
    const highest = risks.reduce<SeverityName | null>(
      (h, r) => (severityRank(r.effectiveSeverity) > severityRank(h) ? r.effectiveSeverity : h),
      null,
    );
    return { key, highestSeverity: highest, risks };
  }

  /**
   * The risk reports of what a deployment uses: keys, bare ids (newest version) or
   * id@range (newest matching version). Each advisory once, with every asset it reaches.
   */
  async audit(
    inputs: string[],
    failAt: SeverityName,
    viewer: Viewer = ANONYMOUS,
    asOfInput: Date | string | null = null,
  ): Promise<AuditModel> {
    if (inputs.length > MAX_AUDIT_KEYS) throw new LimitExceededError(`keys: at most ${MAX_AUDIT_KEYS} a request, given ${inputs.length}`);
    const asOf = checkAsOf(asOfInput);
    const vis = new Visibility(viewer);
    // A key the viewer may not see is unknown to it.
    const keys = await this.assets.resolveVisible(inputs, vis, asOf);
    const unknown = inputs.filter((_, i) => keys[i] === null);
    const resolved = keys.filter((k) => k !== null);
    const audited = [...new Set(resolved)];
    const reports = await this.riskReports(audited, viewer, asOf);
    const findings = new Map<string, { advisory: AdvisoryModel; reaches: AffectedModel[] }>();
    for (const r of reports)
      for (const risk of r.risks) {
        const f = findings.get(risk.advisory.id) ?? { advisory: risk.advisory, reaches: [] };
        f.reaches.push(risk);
        findings.set(risk.advisory.id, f);
      }
    const worst = (f: { reaches: AffectedModel[] }) =>
      f.reaches.reduce<SeverityName>((h, r) => (severityRank(r.effectiveSeverity) > severityRank(h) ? r.effectiveSeverity : h), "LOW");
    const list = [...findings.values()].sort(
      (a, b) => severityRank(worst(b)) - severityRank(worst(a)) || (a.advisory.id < b.advisory.id ? -1 : 1),
    );
    const highest = list.length ? worst(list[0]!) : null;
    return {
      highestSeverity: highest,
      failed: highest !== null && severityRank(highest) >= severityRank(failAt),
      bySeverity: counts(list.map(worst)),
      unknown,
      audited,
      findings: list,
    };
  }
}

/** An advisory whose flagged asset the viewer may not see: its id, category and severity, nothing that names the asset. */
function withheld(advisory: AdvisoryModel, vis: Visibility): AdvisoryModel {
  return {
    ...advisory,
    affectsId: vis.opaque(advisory.affectsId),
    summary: "(withheld: the advisory flags an asset you may not see)",
    references: [],
  };
}

function shownKey(walk: TraversalResult, key: string, vis: Visibility): string {
  const n = walk.nodes.get(key);
  return n && !vis.sees(n) ? vis.opaque(key) : key;
}

/** Breadth-first over the edges an upstream walk kept, under one advisory's relations and exemptions. */
function nearestFlag(
  walk: TraversalResult,
  advisoryId: string,
  relations: Set<string>,
  childrenCache: Map<string, Map<string, { node: string; edge: EdgeModel }[]>>,
): { depth: number; path: EdgeModel[] } | null {
  const start = walk.found.length ? walk.nodes.get(walk.found[0]!) : undefined;
  if (!start || start.exemptFrom.includes(advisoryId)) return null;
  // The edges under these relations, by parent: built once per set of relations, not per advisory.
  const cacheKey = [...relations].sort().join("|");
  let children = childrenCache.get(cacheKey);
  if (!children) {
    children = new Map();
    for (const [child, list] of walk.edges)
      for (const { parent, edge } of list) {
        if (edge.type !== "SAME_AS" && !relations.has(edge.relation)) continue;
        const out = children.get(parent);
        if (out) out.push({ node: child, edge });
        else children.set(parent, [{ node: child, edge }]);
      }
    childrenCache.set(cacheKey, children);
  }
  const via = new Map<string, { parent: string; edge: EdgeModel } | null>([[start.node, null]]);
  let frontier = [start.node];
  const reach = (n: string, c: { node: string; edge: EdgeModel }) => {
    if (via.has(c.node)) return false;
    if (walk.nodes.get(c.node)!.exemptFrom.includes(advisoryId)) return false;
    via.set(c.node, { parent: n, edge: c.edge });
    return true;
  };
  for (let depth = 0; frontier.length; depth++) {
    // A SAME_AS link is not a hop: the frontier's twins join it at this depth.
    for (let ring = frontier; ring.length;) {
      const added: string[] = [];
      for (const n of ring) for (const c of children.get(n) ?? []) if (c.edge.type === "SAME_AS" && reach(n, c)) added.push(c.node);
      frontier = [...frontier, ...added];
      ring = added;
    }
    const hit = frontier.find((n) => walk.nodes.get(n)!.advisories.includes(advisoryId));
    if (hit) {
      const path: EdgeModel[] = [];
      for (let cur = via.get(hit); cur; cur = via.get(cur.parent)) path.push(cur.edge);
      return { depth, path: path.reverse() };
    }
    const next: string[] = [];
    for (const n of frontier) for (const c of children.get(n) ?? []) if (c.edge.type !== "SAME_AS" && reach(n, c)) next.push(c.node);
    frontier = next.sort((a, b) => (walk.nodes.get(a)!.key < walk.nodes.get(b)!.key ? -1 : 1));
  }
  return null;
}
