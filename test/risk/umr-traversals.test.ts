// Lineage, blast radius and risk reports on the 88 UMR records, over GraphQL, each equal to
// an independent breadth-first search over the files; then advisories, exemptions, audits.
import { cliViewer } from "../../src/model/viewer.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { testApi, type TestApi } from "../helpers/graphql.js";
import { ingestInputs, loadInputs, umr } from "../helpers/ingest.js";
import { umrDir } from "../helpers/shared.js";
import { runCli } from "../helpers/spawn.js";
import { bfs, readUmrFiles, type FileGraph } from "../helpers/umr-graph.js";

let db: Executor;
let api: TestApi;
let files: FileGraph;

const asMap = (edges: { node: { asset: { key: string }; depth: number } }[]) => new Map(edges.map((e) => [e.node.asset.key, e.node.depth]));

describe("traversals on the UMR records", () => {
  beforeAll(async () => {
    db = await openTestDb();
    await wipe(db);
    api = await testApi(db);
    files = readUmrFiles();
    const r = await ingestInputs(db, loadInputs(umrDir));
    expect(r.accepted).toBe(88);
  });
  afterAll(async () => db?.close());

  it("lineage equals a breadth-first search over the files, for every asset, both directions", async () => {
    for (const key of files.keys) {
      const res = await api.run(
        `query($k: ID!) {
        up: lineage(key: $k, direction: UPSTREAM, first: 1000) { totalCount complete edges { node { asset { key } depth path { from { key } to { key } } } } }
        down: lineage(key: $k, direction: DOWNSTREAM, first: 1000) { totalCount complete edges { node { asset { key } depth path { from { key } to { key } } } } }
      }`,
        { k: key },
      );
      expect(res.errors).toBeUndefined();
      const { up, down } = res.data as any;
      const expectUp = bfs(files.up, key);
      const expectDown = bfs(files.down, key);
      expect(asMap(up.edges)).toEqual(expectUp);
      expect(asMap(down.edges)).toEqual(expectDown);
      expect([up.totalCount, down.totalCount, up.complete, down.complete]).toEqual([expectUp.size, expectDown.size, true, true]);
      // Each explanation is a chain of real edges of the asset's depth, start side first.
      for (const e of up.edges) {
        expect(e.node.path).toHaveLength(e.node.depth);
        expect(e.node.path[0].from.key).toBe(key);
        expect(e.node.path.at(-1).to.key).toBe(e.node.asset.key);
        for (const step of e.node.path) expect(files.up.get(step.from.key)).toContain(step.to.key);
      }
      // Stable order: depth, then key.
      const order = up.edges.map((e: any) => [e.node.depth, e.node.asset.key]);
      expect(order).toEqual([...order].sort((a: any, b: any) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    }
  });

  it("the blast radius of every asset (what if it were flagged) equals a breadth-first search downstream", async () => {
    for (const key of files.keys) {
      const res = await api.run(
        `query($k: ID!) { blastRadius(key: $k, first: 1000) { totalCount complete byDepth { key count } edges { node { asset { key } depth effectiveSeverity path { from { key } to { key } } } } } }`,
        { k: key },
      );
      expect(res.errors).toBeUndefined();
      const br = (res.data as any).blastRadius;
      const expected = bfs(files.down, key, true);
      expect(asMap(br.edges)).toEqual(expected);
      expect(br.totalCount).toBe(expected.size);
      const byDepth = new Map<string, number>();
      for (const d of expected.values()) byDepth.set(String(d), (byDepth.get(String(d)) ?? 0) + 1);
      expect(br.byDepth).toEqual([...byDepth].map(([k, count]) => ({ key: k, count })).sort((a, b) => Number(a.key) - Number(b.key)));
      for (const e of br.edges) {
        expect(e.node.path).toHaveLength(e.node.depth);
        if (e.node.depth > 0) {
          expect(e.node.path[0].from.key).toBe(e.node.asset.key);
          expect(e.node.path.at(-1).to.key).toBe(key);
        }
      }
    }
  });

  it("every risk report equals a breadth-first search upstream to the flagged records", async () => {
    const flags: [string, string][] = [];
    for (const [k, risks] of files.risks) for (const r of risks) flags.push([k, r.toUpperCase()]);
    expect(flags.sort()).toEqual([
      ["laion-5b@1.0.0", "CSAM"],
      ["laion-5b@1.0.0", "NSFW"],
      ["laion-5b@1.0.0", "VIOLENCE"],
      ["twitter@1.0.0", "LEGAL"],
    ]);
    for (const key of files.keys) {
      const res = await api.run(
        `query($k: ID!) { riskReport(key: $k) { asset { key } highestSeverity risks { advisory { category affectsId } depth } } }`,
        { k: key },
      );
      expect(res.errors).toBeUndefined();
      const report = (res.data as any).riskReport;
      const reach = bfs(files.up, key, true);
      const expected = flags
        .filter(([k]) => reach.has(k))
        .map(([k, c]) => `${c}@${k.split("@")[0]}:${reach.get(k)}`)
        .sort();
      expect(report.risks.map((r: any) => `${r.advisory.category}@${r.advisory.affectsId}:${r.depth}`).sort()).toEqual(expected);
      const highest = expected.some((e) => e.startsWith("CSAM"))
        ? "CRITICAL"
        : expected.some((e) => e.startsWith("LEGAL"))
          ? "HIGH"
          : expected.length
            ? "MEDIUM"
            : null;
      expect(report.highestSeverity).toBe(highest);
    }
  });

  it("riskReport(rrt-mil): CSAM, NSFW, VIOLENCE from laion-5b via plip, LEGAL from twitter via plip and pathology-twitter", async () => {
    const res = await api.run(
      `{ riskReport(key: "rrt-mil") { asset { key } highestSeverity risks { advisory { id category severity source } depth effectiveSeverity path { relation from { key } to { key } } } } }`,
    );
    expect(res.data).toEqual({
      riskReport: {
        asset: { key: "rrt-mil@1.0.0" },
        highestSeverity: "CRITICAL",
        risks: [
          {
            advisory: { id: "record:laion-5b@1.0.0:csam", category: "CSAM", severity: "CRITICAL", source: "record" },
            depth: 2,
            effectiveSeverity: "CRITICAL",
            path: [
              { relation: "derived_from", from: { key: "rrt-mil@1.0.0" }, to: { key: "plip@1.0.0" } },
              { relation: "trained_on", from: { key: "plip@1.0.0" }, to: { key: "laion-5b@1.0.0" } },
            ],
          },
          {
            advisory: { id: "record:twitter@1.0.0:legal", category: "LEGAL", severity: "HIGH", source: "record" },
            depth: 3,
            effectiveSeverity: "HIGH",
            path: [
              { relation: "derived_from", from: { key: "rrt-mil@1.0.0" }, to: { key: "plip@1.0.0" } },
              { relation: "trained_on", from: { key: "plip@1.0.0" }, to: { key: "pathology-twitter@1.0.0" } },
              { relation: "member_of", from: { key: "pathology-twitter@1.0.0" }, to: { key: "twitter@1.0.0" } },
            ],
          },
          {
            advisory: { id: "record:laion-5b@1.0.0:nsfw", category: "NSFW", severity: "MEDIUM", source: "record" },
            depth: 2,
            effectiveSeverity: "MEDIUM",
            path: [
              { relation: "derived_from", from: { key: "rrt-mil@1.0.0" }, to: { key: "plip@1.0.0" } },
              { relation: "trained_on", from: { key: "plip@1.0.0" }, to: { key: "laion-5b@1.0.0" } },
            ],
          },
          {
            advisory: { id: "record:laion-5b@1.0.0:violence", category: "VIOLENCE", severity: "MEDIUM", source: "record" },
            depth: 2,
            effectiveSeverity: "MEDIUM",
            path: [
              { relation: "derived_from", from: { key: "rrt-mil@1.0.0" }, to: { key: "plip@1.0.0" } },
              { relation: "trained_on", from: { key: "plip@1.0.0" }, to: { key: "laion-5b@1.0.0" } },
            ],
          },
        ],
      },
    });
  });

  it("paths(rrt-mil, twitter) gives the shortest explanation", async () => {
    const res = await api.run(`{ paths(from: "rrt-mil", to: "twitter", limit: 5) { relation from { key } to { key } } }`);
    expect(res.data).toEqual({
      paths: [
        [
          { relation: "derived_from", from: { key: "rrt-mil@1.0.0" }, to: { key: "plip@1.0.0" } },
          { relation: "trained_on", from: { key: "plip@1.0.0" }, to: { key: "pathology-twitter@1.0.0" } },
          { relation: "member_of", from: { key: "pathology-twitter@1.0.0" }, to: { key: "twitter@1.0.0" } },
        ],
      ],
    });
  });

  it("umr audit fails at HIGH (CSAM, LEGAL reach rrt-mil); exempting plip from CSAM passes at CRITICAL, keeps LEGAL", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "umr-audit-"));
    const manifest = path.join(dir, "deployment.txt");
    fs.writeFileSync(manifest, "# what our product uses\nrrt-mil\nbert\nno-such-model@^1.0.0\n");
    const c = neo4jCredentials();
    const env = { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password, LOG_LEVEL: "error" };
    const high = await runCli(["audit", manifest, "--fail-at", "HIGH"], env);
    expect(high.status).toBe(1);
    expect(high.stdout).toContain("CRITICAL CSAM      record:laion-5b@1.0.0:csam");
    expect(high.stdout).toContain(
      "    rrt-mil@1.0.0: CRITICAL at depth 2: rrt-mil@1.0.0 -derived_from-> plip@1.0.0 -trained_on-> laion-5b@1.0.0",
    );
    expect(high.stdout).toContain("unknown (no record matches): no-such-model@^1.0.0");
    expect(high.stdout.trim().split("\n").at(-1)).toBe(
      "4 advisories reach 2 audited assets (1 critical, 1 high, 2 medium, 0 low); FAILED: a risk is at or above HIGH",
    );
    expect((await runCli(["audit", manifest, "--fail-at", "CRITICAL"], env)).status).toBe(1);

    const exempt = await api.run(
      `mutation { addExemption(input: { advisoryId: "record:laion-5b@1.0.0:csam", assetKey: "plip", justification: "PLIP's LAION subset was screened for CSAM and re-built" }) }`,
      {},
      cliViewer("stanford"),
    );
    expect(exempt.data).toEqual({ addExemption: true });
    const critical = await runCli(["audit", manifest, "--fail-at", "CRITICAL", "--json"], env);
    expect(critical.status).toBe(0);
    const report = JSON.parse(critical.stdout);
    expect([report.failed, report.highestSeverity, report.unknown, report.audited]).toEqual([
      false,
      "HIGH",
      ["no-such-model@^1.0.0"],
      ["rrt-mil@1.0.0", "bert@1.0.0"],
    ]);
    expect(report.findings.map((f: any) => f.advisory.id)).toEqual([
      "record:twitter@1.0.0:legal",
      "record:laion-5b@1.0.0:nsfw",
      "record:laion-5b@1.0.0:violence",
    ]);

    const rr = await api.run(`{ riskReport(key: "rrt-mil") { risks { advisory { category } } } }`);
    expect((rr.data as any).riskReport.risks.map((r: any) => r.advisory.category)).toEqual(["LEGAL", "NSFW", "VIOLENCE"]);
    const br = await api.run(
      `{ blastRadius(advisoryId: "record:laion-5b@1.0.0:csam", first: 100) { totalCount edges { node { asset { key } } } } }`,
    );
    const keys = (br.data as any).blastRadius.edges.map((e: any) => e.node.asset.key);
    expect(keys).not.toContain("plip@1.0.0");
    expect(keys).not.toContain("rrt-mil@1.0.0");
    expect(keys).toContain("laion-5b@1.0.0");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("withdrawing an advisory empties its blast radius; a record's own flag cannot be withdrawn", async () => {
    const ids = async () =>
      ((await api.run(`{ riskReport(key: "rrt-mil") { risks { advisory { id } } } }`)).data as any).riskReport.risks.map(
        (r: any) => r.advisory.id,
      );
    await api.run(
      `mutation { publishAdvisory(input: { id: "TEST-TWITTER-TERMS", category: LEGAL, severity: HIGH, affectsId: "twitter", summary: "data terms changed" }) { id } }`,
    );
    const reportBefore: string[] = await ids();
    expect(reportBefore).toContain("TEST-TWITTER-TERMS");
    const before = await api.run(`{ blastRadius(advisoryId: "TEST-TWITTER-TERMS") { totalCount } }`);
    expect((before.data as any).blastRadius.totalCount).toBe(bfs(files.down, "twitter@1.0.0", true).size);
    const own = await api.run(`mutation { withdrawAdvisory(id: "record:twitter@1.0.0:legal", reason: "terms clarified") { id } }`);
    expect(own.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      [
        "FORBIDDEN",
        "record:twitter@1.0.0:legal is a record's own risk flag: it changes with a new version of the record, not through the API",
      ],
    ]);
    const w = await api.run(`mutation { withdrawAdvisory(id: "TEST-TWITTER-TERMS", reason: "terms clarified") { id withdrawnAt } }`);
    // As on the wire: DateTime serialises to ISO 8601.
    expect(JSON.parse(JSON.stringify(w.data)).withdrawAdvisory.withdrawnAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    const after = await api.run(
      `{ blastRadius(advisoryId: "TEST-TWITTER-TERMS") { totalCount complete edges { node { asset { key } } } } }`,
    );
    expect(after.data).toEqual({ blastRadius: { totalCount: 0, complete: true, edges: [] } });
    expect(await ids()).toEqual(reportBefore.filter((c) => c !== "TEST-TWITTER-TERMS"));
  });

  it("an advisory on test with range <1.2.0 flags test@1.0.0 and not test@1.2.0, nor a later 1.3.0; 1.1.0 ingested later is flagged", async () => {
    const pub = await api.run(
      `mutation { publishAdvisory(input: { category: SECURITY, severity: HIGH, summary: "backdoor in early test checkpoints", affectsId: "test", affectsRange: "<1.2.0" }) { id affectsRange source } }`,
    );
    const id = (pub.data as any).publishAdvisory.id as string;
    expect(id).toMatch(/^UMR-\d{4}-[0-9a-f]{8}$/);
    const flagged = async () => {
      const r = await api.run(`query($id: ID!) { blastRadius(advisoryId: $id) { edges { node { asset { key } depth } } } }`, { id });
      return (r.data as any).blastRadius.edges.map((e: any) => e.node.asset.key);
    };
    expect(await flagged()).toEqual(["test@1.0.0"]);
    await ingestInputs(db, [umr("test", "1.1.0", "model"), umr("test", "1.3.0", "model")]);
    expect(await flagged()).toEqual(["test@1.0.0", "test@1.1.0"]);
    const bad = await api.run(
      `mutation { publishAdvisory(input: { category: SECURITY, severity: HIGH, summary: "x", affectsId: "test", affectsRange: "soon" }) { id } }`,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.message).toBe('affectsRange: expected a semver range such as "*", "<1.2.0" or ">=1.0.0 <2.0.0", found "soon"');
  });

  it("an advisory on an id with no record flags its placeholder, and moves to the record when it arrives", async () => {
    const pub = await api.run(
      `mutation { publishAdvisory(input: { category: LICENSE, severity: MEDIUM, summary: "outputs of model X may not be used for training", affectsId: "model-x" }) { id } }`,
    );
    const id = (pub.data as any).publishAdvisory.id;
    await ingestInputs(db, [umr("synth-data", "1.0.0", "dataset", ["model-x"]), umr("student", "1.0.0", "model", ["synth-data"])]);
    const before = await api.run(
      `query($id: ID!) { blastRadius(advisoryId: $id) { edges { node { asset { key placeholder } depth } } } }`,
      { id },
    );
    expect((before.data as any).blastRadius.edges).toEqual([
      { node: { asset: { key: "model-x", placeholder: true }, depth: 0 } },
      { node: { asset: { key: "synth-data@1.0.0", placeholder: false }, depth: 1 } },
      { node: { asset: { key: "student@1.0.0", placeholder: false }, depth: 2 } },
    ]);
    await ingestInputs(db, [umr("model-x", "2.0.0", "model")]);
    const after = await api.run(`query($id: ID!) { blastRadius(advisoryId: $id) { edges { node { asset { key } depth } } } }`, { id });
    expect((after.data as any).blastRadius.edges.map((e: any) => `${e.node.asset.key}:${e.node.depth}`)).toEqual([
      "model-x@2.0.0:0",
      "synth-data@1.0.0:1",
      "student@1.0.0:2",
    ]);
  });
});
