// Answers as the graph stood then (asOf): ingest v1.0.0, pin a time, ingest v1.1.0 that moves a
// floating edge, publish and withdraw an advisory — lineage, paths, riskReport, audit and
// blastRadius asked asOf each moment equal what they answered at that moment (recorded here), and
// today's answers are what they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundle, verifyBundle } from "../../src/export/bundle.js";
import { silentLogger } from "../../src/log.js";
import { SYSTEM_VIEWER } from "../../src/model/viewer.js";
import { Services } from "../../src/services/services.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { testApi, type TestApi } from "../helpers/graphql.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

let db: Executor;
let api: TestApi;

const QUESTIONS = {
  lineage: `query($asOf: DateTime) { lineage(key: "tuned", direction: UPSTREAM, asOf: $asOf) {
      totalCount edges { node { asset { key } depth path { from { key } to { key } type relation constraint } } } } }`,
  downstream: `query($asOf: DateTime) { lineage(key: "base", direction: DOWNSTREAM, asOf: $asOf) { edges { node { asset { key } depth } } } }`,
  paths: `query($asOf: DateTime) { paths(from: "app", to: "base", asOf: $asOf) { from { key } to { key } relation } }`,
  riskReport: `query($asOf: DateTime) { riskReport(key: "app", asOf: $asOf) {
      highestSeverity risks { asset { key } advisory { id summary withdrawnAt } depth effectiveSeverity path { from { key } to { key } } } } }`,
  export: `query($asOf: DateTime) { exportSubgraph(roots: ["app"], direction: UPSTREAM, format: JSON, asOf: $asOf) { content } }`,
  audit: `query($asOf: DateTime) { audit(keys: ["app", "base"], asOf: $asOf) { highestSeverity failed audited unknown findings { advisory { id } reaches { asset { key } } } } }`,
};

type Moment = { at: string; answers: Record<string, unknown> };
const moments: Moment[] = [];
let advisoryId: string;

async function ask(q: string, asOf: string | null = null) {
  const r = await api.run(q, asOf ? { asOf } : {});
  if (r.errors) return { errors: r.errors.map((e) => e.extensions?.code) };
  // An export is compared as the JSON it holds (a node's property order is Neo4j's storage order).
  if (r.data?.exportSubgraph) return { exportSubgraph: JSON.parse(r.data.exportSubgraph.content as string) as unknown };
  return r.data;
}

/** What every question answers now, and the time just after (every write before it committed). */
async function record(label: string): Promise<void> {
  const answers: Record<string, unknown> = {};
  for (const [name, q] of Object.entries(QUESTIONS)) answers[name] = await ask(q);
  if (advisoryId) answers.blastRadius = await ask(blast(advisoryId));
  await new Promise((r) => setTimeout(r, 15));
  moments.push({ at: new Date().toISOString(), answers: { label, ...answers } });
  await new Promise((r) => setTimeout(r, 15));
}

const blast = (id: string) => `query($asOf: DateTime) { blastRadius(advisoryId: "${id}", asOf: $asOf) {
    totalCount advisory { id withdrawnAt } edges { node { asset { key } depth path { from { key } to { key } } } } } }`;

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  api = await testApi(db);
  await new Promise((r) => setTimeout(r, 15));
  moments.push({ at: new Date().toISOString(), answers: { label: "before anything" } });
  await ingestInputs(db, [
    umr("base", "1.0.0", "dataset"),
    umr("tuned", "1.0.0", "model", ["base"]),
    umr("app", "1.0.0", "application", ["tuned"]),
  ]);
  await record("v1.0.0");
  // A new version of base: tuned's floating reference moves to it.
  await ingestInputs(db, [umr("base", "1.1.0", "dataset")]);
  await record("v1.1.0");
  const published = await api.run(
    `mutation { publishAdvisory(input: {affectsId: "base", affectsRange: ">=1.1.0", category: LEGAL, severity: HIGH, summary: "base 1.1 relicensed"}) { id } }`,
    {},
    SYSTEM_VIEWER,
  );
  advisoryId = published.data!.publishAdvisory.id;
  await record("published");
  await api.run(`mutation($a: ID!) { withdrawAdvisory(id: $a, reason: "a mistake") { id } }`, { a: advisoryId }, SYSTEM_VIEWER);
  await record("withdrawn");
});
afterAll(async () => db?.close());

describe("asOf", () => {
  it("the moments differ as they should (the test's own check that it tests something)", () => {
    const [, v10, v11, pub, wd] = moments.map((m) => m.answers as any);
    expect(v10.lineage.lineage.edges.map((e: any) => e.node.asset.key)).toEqual(["base@1.0.0"]);
    expect(v11.lineage.lineage.edges.map((e: any) => e.node.asset.key)).toEqual(["base@1.1.0"]);
    expect(v11.riskReport.riskReport.risks).toEqual([]);
    expect(pub.riskReport.riskReport.risks.map((r: any) => [r.advisory.id, r.depth, r.path.map((e: any) => e.to.key)])).toEqual([
      [advisoryId, 2, ["tuned@1.0.0", "base@1.1.0"]],
    ]);
    expect(pub.blastRadius.blastRadius.totalCount).toBe(3);
    expect(wd.riskReport.riskReport.risks).toEqual([]);
    expect(wd.blastRadius.blastRadius.totalCount).toBe(0);
  });

  it("lineage, paths, riskReport, audit and blastRadius asOf each moment equal what they answered then", async () => {
    for (const m of moments.slice(1)) {
      const { label, ...then } = m.answers;
      // Every answer recorded is an answer, not an error: a broken query would compare equal too.
      for (const [name, a] of Object.entries(then)) expect(a, `${String(label)}: ${name}`).not.toHaveProperty("errors");
      const asked: Record<string, unknown> = {};
      for (const [name, q] of Object.entries(QUESTIONS)) asked[name] = await ask(q, m.at);
      if ("blastRadius" in then) asked.blastRadius = await ask(blast(advisoryId), m.at);
      expect({ label, ...asked }).toEqual({ label, ...then });
    }
  });

  it("an evidence bundle asOf a moment holds that moment's subgraph, and says asOf in its query", async () => {
    const services = new Services(db, silentLogger);
    const m = moments[1]!;
    const bundle = await buildBundle(
      services.exports,
      { roots: ["app"], direction: "UPSTREAM", maxDepth: null, asOf: m.at },
      new Date(),
      SYSTEM_VIEWER,
    );
    const check = await verifyBundle(bundle);
    expect(check.ok).toBe(true);
    expect(check.manifest!.query.parameters).toEqual({ roots: ["app"], direction: "UPSTREAM", maxDepth: null, asOf: m.at });
    // v1.0.0's moment: app, tuned and base@1.0.0 — not base@1.1.0, which came later.
    expect(check.manifest!.counts).toMatchObject({ nodes: 3, edges: 2 });
  });

  it("before the first record, the assets are unknown; the advisory reached nothing before it was published", async () => {
    const before = moments[0]!.at;
    expect(await ask(QUESTIONS.lineage, before)).toEqual({ errors: ["NOT_FOUND"] });
    expect(await ask(QUESTIONS.riskReport, before)).toEqual({ errors: ["NOT_FOUND"] });
    const v11 = moments[2]!.at;
    expect(((await ask(blast(advisoryId), v11)) as any).blastRadius.totalCount).toBe(0);
  });

  it("today's answers are the last moment's, and asOf refuses a time to come", async () => {
    const { label: _label, ...last } = moments.at(-1)!.answers;
    const now: Record<string, unknown> = {};
    for (const [name, q] of Object.entries(QUESTIONS)) now[name] = await ask(q);
    now.blastRadius = await ask(blast(advisoryId));
    expect(now).toEqual(last);
    const r = await api.run(QUESTIONS.lineage, { asOf: "2999-01-01T00:00:00Z" });
    expect(r.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ["BAD_USER_INPUT", "asOf: expected a time that has passed, found 2999-01-01T00:00:00.000Z"],
    ]);
  });
});
