// The generator and the benchmark, at about 1,000 assets, so that neither rots. (Figures are
// not asserted here: performance is measured by `npm run bench`, not by timed tests.)
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.js";
import { runBench, toMarkdown } from "../../bench/run.js";
import { silentLogger } from "../../src/log.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { collectFiles } from "../../src/records/load.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";

function digest(dir: string): string {
  const h = createHash("sha256");
  for (const f of collectFiles([dir])) h.update(path.relative(dir, f)).update(fs.readFileSync(f));
  return h.digest("hex");
}

let db: Executor;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "umr-gen-"));
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the generator", () => {
  it("writes the same files for the same seed, other files for another seed", () => {
    const a = generate({ assets: 1000, seed: 7, out: path.join(tmp, "a") });
    const b = generate({ assets: 1000, seed: 7, out: path.join(tmp, "b") });
    generate({ assets: 1000, seed: 8, out: path.join(tmp, "c") });
    expect(a).toEqual(b);
    expect(digest(path.join(tmp, "a"))).toBe(digest(path.join(tmp, "b")));
    expect(digest(path.join(tmp, "a"))).not.toBe(digest(path.join(tmp, "c")));
    expect(a.records).toBe(1000);
    expect(collectFiles([path.join(tmp, "a")])).toHaveLength(1000);
    expect(a.edges / a.records).toBeGreaterThan(2);
    expect(a.flagged).toEqual(["data-0", "data-1", "data-2"]);
  });
});

describe("the benchmark", () => {
  it("ingests the generated records through the product's path and reports every figure and target", async () => {
    const report = await runBench({
      assets: 1000,
      seed: 42,
      queries: 5,
      genDir: path.join(tmp, "bench"),
      db,
      log: silentLogger,
      naiveCapMs: 2000,
      chunk: 400,
      // The API servers as their own processes, as `npm run bench` runs them.
      neo4j: neo4jCredentials(),
      bulk: { heap: "1g", pagecache: "256m" },
    }).then((r) => r!);
    expect(report.ingest.records).toBe(1000);
    // The bulk first load of the same records, end to end, step by step.
    expect(report.ingest.bulk!.records).toBe(1000);
    expect(report.ingest.bulkRecordsPerSecond).toBe(report.ingest.bulk!.recordsPerSecond);
    expect(Object.keys(report.ingest.bulk!.steps)).toEqual(["parse", "screen", "csv", "import", "start", "indexes", "finish", "stop"]);
    expect(report.graph.nodes).toBe(1000);
    expect(Object.keys(report.latencyMs)).toEqual([
      "lineageUp",
      "lineageDown",
      "blastRadiusRandom",
      "riskReport",
      "pagedRead",
      "assetByKey",
    ]);
    expect(Object.values(report.latencyMs).map((l) => l.n)).toEqual([5, 5, 5, 5, 5, 5]);
    expect(report.hubs.length).toBeGreaterThan(0);
    // The local Neo4j registers the project's procedure: the server walks the hubs inside Neo4j.
    expect(report.hubWalk).toBe(process.env.NEO4J_URI ? report.hubWalk : "neo4j");
    // umr.walk's lineage index of the graph answered the hubs: every asset and edge in it; each hub
    // was also asked with the index off (the first walk after a write reads the store).
    if (report.hubWalk === "neo4j") {
      expect([report.walkIndex?.state, report.walkIndex?.assets, report.walkIndex?.edges]).toEqual(["fresh", 1000, report.graph.edges]);
      for (const h of report.hubs) expect(h.storeWalkMs).toEqual(expect.any(Number));
    }
    // Our answer and both baselines count the same affected assets.
    for (const h of report.hubs) expect([h.affected, h.plainCypherCount, h.error]).toEqual([h.csrCount, h.csrCount, null]);
    // The biggest hub leads; the paging run pages the hub nearest 100,000 affected.
    expect(report.hubs[0]!.csrCount).toBe(Math.max(...report.hubs.map((h) => h.csrCount)));
    expect(report.paging.length).toBeGreaterThan(0);
    // Pages 1 and 2 asked again for the target's medians: page 1 three times, page 2 five.
    const again = report.pagingMedian;
    expect(again && [again.page1Ms.length, again.page2Ms.length]).toEqual(report.paging.length > 1 ? [3, 5] : null);
    if (again) expect(again.page2MedianMs).toBe([...again.page2Ms].sort((a, b) => a - b)[2]);
    expect(report.throughput.map((t) => t.clients)).toEqual([1, 4, 16]);
    // The explorer is measured where Chromium and the built app are, and says why not elsewhere.
    const drawn = report.explorer !== null && "renderMs" in report.explorer;
    if (drawn) expect(report.explorer).toMatchObject({ rows: expect.any(Number) });
    else expect(report.explorer).toMatchObject({ skipped: expect.any(String) });
    expect(report.targets.map((t) => t.target)).toEqual([
      "ingest ≥ 10,000 records/s",
      "bulk ingest ≥ 20,000 records/s",
      "blast radius (totalCount + first page) ≤ 2 s for a hub with ~100,000 affected",
      "largest hub blast radius ≤ 2× the plain Cypher count (b)",
      "largest hub blast radius within 20× the CSR floor",
      ...(report.paging.length > 1 ? ["page 2 ≤ 10 % of page 1"] : []),
      ...(drawn ? ["the explorer draws a hub's first page ≤ 2 s after the API's answer"] : []),
      "lineage p95 ≤ 25 ms",
      "risk report p95 ≤ 25 ms",
      "API overhead ≤ 1.5× plain Cypher (b)",
      "≥ 300 requests/s with 16 clients",
      "API server RSS ≤ 1 GB",
    ]);
    expect(report.memory.serverPeakRssMb).toBeGreaterThan(50);
    // Every target says what limits it; the ingest profile names the statements and the commit.
    for (const t of report.targets) expect(t.why.length, t.target).toBeGreaterThan(20);
    expect(Object.keys(report.ingest.profile)).toEqual(
      expect.arrayContaining(["(commit)", "ingest/create-assets", "ingest/create-edges-derived-from"]),
    );
    expect(toMarkdown(report)).toContain("| target | measured | | what limits it |");
  });
});
