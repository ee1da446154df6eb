// The blast radius walked inside Neo4j (the project's procedure umr.walk, neo4j-plugin/) answers
// exactly what the walk in Node answers: on a random graph of public and two organisations'
// private records, with SAME_AS links, exemptions, floating references and relations the policy
// stops, every question — what-if and advisory, each viewer, depth limits, narrowed relations —
// gets the same page (keys, depths, paths, severities, cursors), totals, hidden counts, cut reasons
// and CSV rows from both; paging by cursor gives the same pages; the size budget cuts alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { Executor, type Row, type RunOptions, type Tx } from "../../src/neo4j/executor.js";
import type { Statement } from "../../src/neo4j/cypher.js";
import { ANONYMOUS, SYSTEM_VIEWER, cliViewer, type Viewer } from "../../src/model/viewer.js";
import { AnswerCache } from "../../src/services/answer-cache.js";
import { RiskService, type BlastRadiusArgs } from "../../src/services/risk.service.js";
import { LineageService } from "../../src/services/lineage.service.js";
import { Services } from "../../src/services/services.js";
import { traverse } from "../../src/services/traversal.js";
import { Visibility } from "../../src/services/visibility.js";
import { walkInNeo4j } from "../../src/services/walk-in-neo4j.js";
import { walksInNeo4j } from "../../src/services/procedures.js";
import { statement } from "../../src/neo4j/statements.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs, umr } from "../helpers/ingest.js";
import type { RecordInput } from "../../src/records/umr.js";
import type { AdvisoryModel } from "../../src/services/advisory.service.js";

let db: Executor;
let services: Services;
let inNeo4j: RiskService;
let inNode: RiskService;
let installed = false;

/** mulberry32: the same graph on every run. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const N = 220;
const r = rng(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const ids = Array.from({ length: N }, (_, i) => `n${String(i).padStart(3, "0")}`);
const kindOf = (i: number) => (i < 30 ? "dataset" : i % 17 === 0 ? "application" : "model");
const owners: Record<string, "public" | "a" | "b"> = {};
const flagged: string[] = [];
const batches: Record<"public" | "a" | "b", RecordInput[]> = { public: [], a: [], b: [] };
for (let i = 0; i < N; i++) {
  const id = ids[i]!;
  const kind = kindOf(i);
  const upstream: unknown[] = [];
  if (i >= 4) {
    const parents = new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => Math.floor(r() * i)));
    for (const p of parents) {
      const up = ids[p]!;
      const upKind = kindOf(p);
      if (kind === "model" && upKind === "dataset" && r() < 0.2) upstream.push({ ref: up, relation: "evaluated_on" });
      else if (kind === "model" && upKind === "model" && r() < 0.5)
        upstream.push({ ref: up, relation: pick(["finetune", "quantized", "adapter", "merge"]) });
      else if (r() < 0.15) upstream.push(`${up}>=1.0.0`);
      else upstream.push(up);
    }
  }
  const owner: "public" | "a" | "b" = i > 10 && r() < 0.18 ? (r() < 0.5 ? "a" : "b") : "public";
  owners[id] = owner;
  const risky = r() < 0.06 || i === 0;
  if (risky) flagged.push(id);
  const extra: Record<string, unknown> = {
    metadata: { publisher: i % 5 === 0 ? undefined : pick(["pub-x", "pub-y", "pub-z"]) },
    owner: r() < 0.5 ? pick(["team-1", "team-2"]) : undefined,
    contacts: r() < 0.4 ? [pick(["x@example.org", "y@example.org", "z@example.org"])] : undefined,
    ...(owner === "public" ? {} : { visibility: "private" }),
    ...(risky ? { risk: { csam: true } } : {}),
  };
  batches[owner].push(umr(id, "1.0.0", kind, upstream, JSON.parse(JSON.stringify(extra))));
  // A second version of some: floating references move to it.
  if (i % 23 === 5) batches[owner].push(umr(id, "1.1.0", kind, upstream, JSON.parse(JSON.stringify(extra))));
}

const viewers: [string, Viewer][] = [
  ["anonymous", ANONYMOUS],
  ["a reader", { subject: "reader-a", org: "a", roles: ["READER"], credentialId: "key-a" }],
  ["an auditor", { subject: "auditor", org: "audit", roles: ["AUDITOR"], credentialId: "key-audit" }],
];

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await ingestInputs(db, batches.public);
  await ingestInputs(db, batches.a, { viewer: cliViewer("a") });
  await ingestInputs(db, batches.b, { viewer: cliViewer("b") });
  services = new Services(db, silentLogger);
  // SAME_AS links: crossed without counting a hop.
  for (const [x, y] of [
    [40, 3],
    [90, 12],
    [150, 60],
  ] as const)
    await services.sameAs.declare(ids[x]!, ids[y]!, null, SYSTEM_VIEWER);
  // Exemptions stop an advisory at the exempt asset.
  const children = (await db.read(
    { name: "test", text: "MATCH (c:Asset)-[]->(:Asset {id: $id}) RETURN c.key AS key LIMIT 3" },
    {
      id: ids[0]!,
    },
  )) as { key: string }[];
  for (const c of children)
    await services.advisories.exempt(
      { advisoryId: `record:${ids[0]}@1.0.0:csam`, assetKey: c.key, justification: "filtered" },
      SYSTEM_VIEWER,
    );
  const off = { maxBytes: 0, minNodes: 0 };
  const cache = () => new AnswerCache(off, async () => ({ epoch: null, version: 0 }));
  inNeo4j = new RiskService(db, services.assets, services.advisories, services.policy, services.events, cache(), "auto");
  inNode = new RiskService(db, services.assets, services.advisories, services.policy, services.events, cache(), "node");
  installed = await walksInNeo4j(db, "auto");
}, 120_000);
afterAll(async () => db?.close());

/** An answer as both engines must give it (a page's summaries: the walk in Neo4j leaves names to the loaders). */
// A what-if's flag is made when asked: its time is left out.
const flag = (v: AdvisoryModel) => ({ ...v, publishedAt: v.source === "what-if" ? "(now)" : v.publishedAt });
const comparable = (a: Awaited<ReturnType<RiskService["blastRadius"]>>) => ({
  ...a,
  advisory: flag(a.advisory),
  items: a.items.map((i) => ({
    ...i,
    node: { ...i.node, advisory: flag(i.node.advisory), summary: { key: i.node.summary?.key, kind: i.node.summary?.kind } },
  })),
});

/** umr.walkIndex: the procedure's in-memory lineage index of the graph (status, build, off, auto). */
const walkIndex = async (action: "status" | "build" | "off" | "auto") => {
  const [row] = await db.read(statement("traverse/walk-index"), { action });
  return {
    state: row!.state,
    assets: row!.assets === null ? null : Number(row!.assets),
    edges: row!.edges === null ? null : Number(row!.edges),
  };
};

const rows = async (risk: RiskService, args: BlastRadiusArgs, viewer: Viewer) => {
  const out = [];
  for await (const slice of await risk.blastRadiusRows(args, viewer)) out.push(...slice);
  return out;
};

describe("the blast radius inside Neo4j", () => {
  it("runs where the local Neo4j registered the procedure (NEO4J_URI unset)", async () => {
    if (process.env.NEO4J_URI) return console.warn("walk-in-neo4j: NEO4J_URI is set; whether that server has the procedure is its own");
    expect(installed).toBe(true);
  });

  it("answers every question exactly as the walk in Node, from the store and from its lineage index", async () => {
    if (!installed) return console.warn("walk-in-neo4j: skipped, the server has no umr.walk procedure");
    const questions: BlastRadiusArgs[] = [];
    for (const id of [...flagged, ...ids.filter((_, i) => i % 9 === 0)]) {
      questions.push({ key: id }, { key: id, maxDepth: 1 }, { key: id, maxDepth: 3, relations: ["trained_on", "finetune", "same_as"] });
    }
    for (const id of flagged)
      questions.push({ advisoryId: `record:${id}@1.0.0:csam` }, { advisoryId: `record:${id}@1.0.0:csam`, maxDepth: 2 });
    const ask = (risk: RiskService, q: BlastRadiusArgs, viewer: Viewer) =>
      risk.blastRadius({ ...q, first: 1000 }, viewer).then(comparable, (e: Error) => e.message);
    const expected = new Map<string, Awaited<ReturnType<typeof ask>>>();
    for (const [name, viewer] of viewers)
      for (const q of questions) expected.set(`${name} ${JSON.stringify(q)}`, await ask(inNode, q, viewer));
    const count = async (text: string) => Number(((await db.read({ name: "test", text }, {})) as { n: number }[])[0]!.n);
    const assets = await count("MATCH (a:Asset) RETURN count(a) AS n");
    const edges = await count("MATCH (:Asset)-[e:DERIVED_FROM|TRAINED_ON]->(:Asset) RETURN count(e) AS n");
    for (const [action, state] of [
      ["off", "off"],
      ["build", "fresh"],
    ] as const) {
      const status = await walkIndex(action);
      expect(status.state).toBe(state);
      if (action === "build") expect([status.assets, status.edges]).toEqual([assets, edges]);
      let compared = 0;
      let hidden = 0;
      let cut = 0;
      for (const [name, viewer] of viewers)
        for (const q of questions) {
          const mine = await ask(inNeo4j, q, viewer);
          expect(mine, `${action}: ${JSON.stringify(q)}`).toEqual(expected.get(`${name} ${JSON.stringify(q)}`));
          if (typeof mine !== "string") {
            compared++;
            hidden += mine.hiddenCount;
            if (!mine.complete) cut++;
          }
        }
      // The questions covered what they must: answers, hidden assets, and walks the depth limit cut.
      expect(compared).toBeGreaterThan(300);
      expect(hidden).toBeGreaterThan(0);
      expect(cut).toBeGreaterThan(0);
    }
    expect((await walkIndex("auto")).state).toBe("fresh");
  }, 240_000);

  it("walks lineages, up and down, exactly as the walk in Node, from the store and from its lineage index", async () => {
    if (!installed) return;
    const off = () => new AnswerCache({ maxBytes: 0, minNodes: 0 }, async () => ({ epoch: null, version: 0 }));
    const lineage = (engine: "auto" | "node") => new LineageService(db, services.assets, services.events, off(), engine);
    const [mine, theirs] = [lineage("auto"), lineage("node")];
    type Args = Parameters<LineageService["lineage"]>[0];
    const questions: Args[] = [];
    for (const id of ids.filter((_, i) => i % 3 === 0))
      for (const direction of ["UPSTREAM", "DOWNSTREAM"] as const)
        questions.push(
          { key: id, direction },
          { key: id, direction, maxDepth: 2 },
          { key: `${id}@1.0.0`, direction, edgeTypes: ["TRAINED_ON"] },
        );
    // A page's summaries: the walk in Neo4j leaves names to the loaders.
    const ask = (l: LineageService, q: Args, viewer: Viewer) =>
      l.lineage({ ...q, first: 1000 }, viewer).then(
        (p) => ({
          ...p,
          items: p.items.map((i) => ({ ...i, node: { ...i.node, summary: { key: i.node.summary?.key, kind: i.node.summary?.kind } } })),
        }),
        (e: Error) => e.message,
      );
    const expected = new Map<string, Awaited<ReturnType<typeof ask>>>();
    for (const [name, viewer] of viewers)
      for (const q of questions) expected.set(`${name} ${JSON.stringify(q)}`, await ask(theirs, q, viewer));
    for (const action of ["off", "build"] as const) {
      await walkIndex(action);
      let reached = 0;
      let hidden = 0;
      let missing = 0;
      for (const [name, viewer] of viewers)
        for (const q of questions) {
          const got = await ask(mine, q, viewer);
          expect(got, `${action} ${name}: ${JSON.stringify(q)}`).toEqual(expected.get(`${name} ${JSON.stringify(q)}`));
          if (typeof got === "string") missing++;
          else {
            reached += got.totalCount;
            hidden += got.hiddenCount;
          }
        }
      // Deep answers, hidden assets, and starts a viewer may not see (NOT_FOUND, as for a key that names nothing).
      expect(reached).toBeGreaterThan(5000);
      expect(hidden).toBeGreaterThan(0);
      expect(missing).toBeGreaterThan(0);
    }
    await walkIndex("auto");
  }, 240_000);

  it("pages alike by cursor, and downloads the same rows", async () => {
    if (!installed) return;
    for (const [, viewer] of viewers) {
      const q = { key: ids[0]! };
      let [a, b] = await Promise.all([inNeo4j.blastRadius({ ...q, first: 7 }, viewer), inNode.blastRadius({ ...q, first: 7 }, viewer)]);
      let pages = 1;
      while (true) {
        expect(comparable(a)).toEqual(comparable(b));
        if (!a.hasNextPage) break;
        [a, b] = await Promise.all([
          inNeo4j.blastRadius({ ...q, first: 7, after: a.endCursor }, viewer),
          inNode.blastRadius({ ...q, first: 7, after: b.endCursor }, viewer),
        ]);
        pages++;
      }
      expect(pages).toBeGreaterThan(3);
      const [x, y] = await Promise.all([rows(inNeo4j, q, viewer), rows(inNode, q, viewer)]);
      expect(x.length).toBeGreaterThan(20);
      expect(x).toEqual(y);
    }
  }, 120_000);

  it("walks in Node, with the same answer, once the procedure fails (a Neo4j it does not fit), and stays there", async () => {
    if (!installed) return;
    /** An executor whose walk statement fails as a procedure that cannot run on this Neo4j does. */
    class Broken extends Executor {
      calls = 0;
      override read(stmt: Statement, params?: Record<string, unknown>, opts?: RunOptions): Promise<Row[]> {
        if (stmt.name !== "traverse/walk") return super.read(stmt, params, opts);
        this.calls++;
        return Promise.reject(
          Object.assign(new Error("Failed to invoke procedure `umr.walk`: java.lang.NoSuchMethodError"), {
            code: "Neo.ClientError.Procedure.ProcedureCallFailed",
          }),
        );
      }
    }
    const broken = new Broken(db.driver, neo4jCredentials().database, silentLogger);
    const off = new AnswerCache({ maxBytes: 0, minNodes: 0 }, async () => ({ epoch: null, version: 0 }));
    const risk = new RiskService(broken, services.assets, services.advisories, services.policy, services.events, off, "auto");
    const q = { key: ids[0]!, first: 1000 };
    const expected = comparable(await inNode.blastRadius(q, SYSTEM_VIEWER));
    expect(comparable(await risk.blastRadius(q, SYSTEM_VIEWER))).toEqual(expected);
    expect(comparable(await risk.blastRadius(q, SYSTEM_VIEWER))).toEqual(expected);
    expect([broken.calls, await walksInNeo4j(broken, "auto")]).toEqual([1, false]);
    expect(expected.totalCount).toBeGreaterThan(20);
  });

  it("reads every walk's reachable subgraph with umr.reach exactly as with traverse/reach: nodes, depths, first and all edges, advisories, cuts", async () => {
    if (!installed) return;
    const plain = (t: Awaited<ReturnType<typeof traverse>>) => ({
      ...t,
      nodes: [...t.nodes.entries()],
      edges: [...t.edges.entries()],
      advisories: [...t.advisories.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    });
    let compared = 0;
    for (const direction of ["UPSTREAM", "DOWNSTREAM"] as const)
      for (const shape of [
        { maxDepth: 100, withAdvisories: true, keepAllEdges: true },
        { maxDepth: 6, relations: ["finetune", "merge", "trained_on", "derived_from"], keepAllEdges: true },
        { maxDepth: 3, types: ["DERIVED_FROM" as const] },
        { maxDepth: 100, maxReached: 40 },
      ])
        for (const id of ids.filter((_, i) => i % 9 === 0)) {
          const opts = { direction, ...shape };
          const byProcedure = await traverse(db, [`${id}@1.0.0`, `${ids[(ids.indexOf(id) + 40) % N]}@1.0.0`], { ...opts, engine: "auto" });
          const byCypher = await traverse(db, [`${id}@1.0.0`, `${ids[(ids.indexOf(id) + 40) % N]}@1.0.0`], { ...opts, engine: "node" });
          expect(plain(byProcedure)).toEqual(plain(byCypher));
          compared += byProcedure.nodes.size;
        }
    expect(compared).toBeGreaterThan(2000);
    // Had umr.reach failed, the walks would have gone on in Node, and said so from then on.
    expect(await walksInNeo4j(db, "auto")).toBe(true);
  });

  it("a risk report walks upstream in one statement (one round trip), answering as the same walk in a managed transaction does", async () => {
    /** Records how each traversal reads; with `managed`, runs a single statement as a managed transaction instead. */
    class Counting extends Executor {
      reads: string[] = [];
      managed = false;
      override readStatement<T>(name: string, work: (tx: Tx) => Promise<T>, opts?: RunOptions): Promise<T> {
        this.reads.push(`statement ${name}`);
        return this.managed ? super.readTransaction(name, work, opts) : super.readStatement(name, work, opts);
      }
      override readTransaction<T>(name: string, work: (tx: Tx) => Promise<T>, opts?: RunOptions): Promise<T> {
        this.reads.push(`transaction ${name}`);
        return super.readTransaction(name, work, opts);
      }
    }
    const counting = new Counting(db.driver, neo4jCredentials().database, silentLogger);
    const off = new AnswerCache({ maxBytes: 0, minNodes: 0 }, async () => ({ epoch: null, version: 0 }));
    const risk = new RiskService(counting, services.assets, services.advisories, services.policy, services.events, off, "node");
    const keys = ids.slice(150, 170).map((id) => `${id}@1.0.0`);
    let risks = 0;
    for (const [, viewer] of viewers)
      for (const key of keys) {
        counting.managed = false;
        counting.reads = [];
        const once = await risk.riskReport(key, viewer).catch((e: { code?: string }) => e.code);
        expect(counting.reads).toEqual(["statement traverse"]);
        counting.managed = true;
        expect(await risk.riskReport(key, viewer).catch((e: { code?: string }) => e.code)).toEqual(once);
        if (typeof once === "object") risks += once.risks.length;
      }
    expect(risks).toBeGreaterThan(20);
  });

  it("stops at the size budget as the walk in Node does", async () => {
    if (!installed) return;
    const vis = new Visibility(SYSTEM_VIEWER);
    const opts = { direction: "DOWNSTREAM" as const, maxDepth: 100, maxReached: 25 };
    const start = `${ids[0]}@1.0.0`;
    const packed = await walkInNeo4j(db, [start], { ...opts, timeoutMs: 30_000 }, vis);
    const node = await traverse(db, [start], opts);
    const depths = (ds: number[]) => ds.sort((x, y) => x - y).join(",");
    expect([packed.size, packed.complete, packed.cutReason]).toEqual([node.nodes.size, node.complete, node.cutReason]);
    expect(packed.size).toBe(25);
    const items = Array.from({ length: packed.size }, (_, i) => packed.ordered.at(i)!);
    expect(depths(items.map((i) => i.depth))).toBe(depths([...node.nodes.values()].map((n) => n.depth)));
  });

  it("answers for the graph as it is: after a write, from the store until the index of the new version is built, then from it", async () => {
    if (!installed) return;
    expect((await walkIndex("build")).state).toBe("fresh");
    const q = { key: ids[0]!, first: 1000 };
    const before = comparable(await inNeo4j.blastRadius(q, SYSTEM_VIEWER));
    // A new model trained on the start: the write bumps the graph's version.
    await ingestInputs(db, [umr("late-model", "1.0.0", "model", [{ ref: ids[0]!, relation: "finetune" }])]);
    expect((await walkIndex("status")).state).toBe("stale");
    const fromStore = comparable(await inNeo4j.blastRadius(q, SYSTEM_VIEWER));
    expect(fromStore).toEqual(comparable(await inNode.blastRadius(q, SYSTEM_VIEWER)));
    expect(fromStore.totalCount).toBe(before.totalCount + 1);
    expect(fromStore.items.map((i) => i.node.summary?.key)).toContain("late-model@1.0.0");
    // That walk began the new version's build, in the background.
    const deadline = Date.now() + 30_000;
    while ((await walkIndex("status")).state !== "fresh" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await walkIndex("status")).state).toBe("fresh");
    expect(comparable(await inNeo4j.blastRadius(q, SYSTEM_VIEWER))).toEqual(fromStore);
  });
});
