// `umr ingest --bulk`: a first load built by Neo4j's offline importer leaves exactly the graph a
// transactional ingest of the same records leaves in an empty database (nodes with their labels
// and properties, edges with theirs, placeholders and their kinds, advisories and what they
// flag, sameAs links, one trail event and the graph version), on 10,000 generated records plus
// records with what CSV makes hard (quotes, commas, newlines, large numbers, private records,
// placeholders, sameAs). It goes only into an empty, stopped database, and writes nothing
// when it refuses.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.js";
import { bulkIngest, type BulkOptions } from "../../src/ingest/bulk.js";
import { IngestService } from "../../src/ingest/ingest.service.js";
import { silentLogger } from "../../src/log.js";
import { cliViewer } from "../../src/model/viewer.js";
import { connect, Executor } from "../../src/neo4j/executor.js";
import { startLocalNeo4j } from "../../src/neo4j/local.js";
import { collectFiles, parseInputs, readInputs, type LoadedRecords } from "../../src/records/load.js";
import type { RecordInput } from "../../src/records/umr.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { canonicalDump, rows, type Dump } from "../helpers/graph.js";
import { umr } from "../helpers/ingest.js";
import { runCli } from "../helpers/spawn.js";

let db: Executor;
let tmp: string;
/** What the first test's bulk load left (the second checks that refusals leave it so). */
let loadedDump: Dump | undefined;
const viewer = cliViewer("acme");

/** Records that exercise the CSV: every kind of value a record node or edge can hold. */
function awkward(): RecordInput[] {
  return [
    umr("odd-data", "1.0.0", "dataset", [], {
      metadata: {
        description: 'Quotes ("), commas, a\nnewline, a tab\t, a unit separator \u001f and emoji 🧪',
        refs: ["https://example.org/a,b", 'say "hi"'],
        publisher: "",
      },
      contacts: ["a@example.org", "b@example.org"],
      risk: { privacy: true, license: true },
      same_as: ["hf:example/odd-data"],
    }),
    umr(
      "odd-model",
      "1.0.0",
      "model",
      [
        { ref: "odd-data", relation: "trained_on", note: 'a "note", with commas' },
        "missing-base",
        { ref: "missing-set", relation: "trained_on" },
      ],
      {
        metadata: { description: "" },
        visibility: "private",
        owner: "team@acme.example",
        registry: {
          training_flop: 3.2e25,
          parameters: 7241732096,
          architecture: "transformer",
          evaluations: [{ name: "mmlu", metric: "accuracy", value: 0.641, date: "2024-01-02" }],
        },
      },
    ),
    umr("odd-model", "1.1.0", "model", ["odd-data^1.0.0", "missing-family"], {}),
    umr("odd-app", "2.0.0", "application", ["odd-model~1.0.0", { ref: "missing-family", relation: "member_of" }]),
  ];
}

function load(dir: string): LoadedRecords {
  return parseInputs([...readInputs(collectFiles([dir]), dir), ...awkward()], "umr");
}

function options(home: string): BulkOptions {
  return { home, heap: "1g", pagecache: "256m", port: 0, startTimeoutMs: 180_000, log: silentLogger, viewer };
}

/** The canonical dump (and the trail and version) of a local data folder's database. */
async function dumpOf(home: string): Promise<{ dump: Dump; events: unknown[]; version: unknown[] }> {
  const local = await startLocalNeo4j({ ...options(home), announce: false });
  try {
    const other = new Executor(
      await connect({ uri: local.uri, user: "neo4j", password: local.password }, { retries: 3, log: silentLogger }),
      undefined,
      silentLogger,
    );
    try {
      return { dump: await canonicalDump(other), ...(await trail(other)) };
    } finally {
      await other.close();
    }
  } finally {
    await local.stop();
  }
}

async function trail(on: Executor) {
  return {
    events: await rows(
      on,
      "MATCH (e:Event) RETURN e.operation AS operation, e.subject AS subject, e.org AS org, size(e.keys) AS keys, e.inputHash AS inputHash, e.outcome AS outcome",
    ),
    version: await rows(on, "MATCH (m:GraphVersion) RETURN m.version AS version"),
  };
}

beforeAll(async () => {
  db = await openTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "umr-bulk-test-"));
  generate({ assets: 10_000, seed: 11, out: path.join(tmp, "records") });
});

afterAll(async () => {
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("umr ingest --bulk", () => {
  it("leaves the graph a transactional ingest of the same 10,000 records leaves", async () => {
    const loaded = load(path.join(tmp, "records"));
    expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);

    await wipe(db);
    const transactional = await new IngestService(db, silentLogger).ingest(loaded, { viewer });
    expect(transactional.written).toBe(true);
    const expected = { dump: await canonicalDump(db), ...(await trail(db)) };

    const home = path.join(tmp, "bulk-home");
    const report = await bulkIngest(loaded, options(home));
    expect(report.written).toBe(true);
    for (const k of ["accepted", "placeholders", "placeholderIds", "edgesWritten", "rejected"] as const)
      expect(report[k]).toEqual(transactional[k]);
    expect(report.placeholderIds).toEqual(["missing-base", "missing-family", "missing-set"]);
    expect(Object.keys(report.seconds)).toEqual(["screen", "csv", "import", "start", "indexes", "finish", "stop"]);
    // The CSV folder is gone; the store is there.
    expect(fs.readdirSync(home).filter((f) => f.startsWith("bulk-"))).toEqual([]);

    const got = await dumpOf(home);
    loadedDump = got.dump;
    expect(got.dump.nodes.length).toBe(expected.dump.nodes.length);
    expect(got.dump.nodes).toEqual(expected.dump.nodes);
    expect(got.dump.edges).toEqual(expected.dump.edges);
    expect(got.dump.advisories).toEqual(expected.dump.advisories);
    expect(got.events).toEqual(expected.events);
    expect(got.version).toEqual([{ version: 1 }]);
    // What is hard for CSV came through as it was.
    const odd = got.dump.nodes.find((n) => n.startsWith("odd-data@1.0.0 "))!;
    expect(odd).toContain(JSON.stringify('Quotes ("), commas, a\nnewline, a tab\t, a unit separator \u001f and emoji 🧪').slice(1, -1));
    expect(got.dump.nodes.find((n) => n.startsWith("missing-family "))).toMatch(/^missing-family Asset:Family:Placeholder /);
  }, 300_000);

  it("goes only into an empty database that no Neo4j runs on, and writes nothing when it refuses", async () => {
    const home = path.join(tmp, "bulk-home");
    expect(loadedDump).toBeDefined();
    const assets = loadedDump!.nodes.length;
    const loaded = parseInputs(awkward(), "umr");
    await expect(bulkIngest(loaded, options(home))).rejects.toThrow(
      new RegExp(
        `the local database of ${home} is not empty \\(Advisory \\d+, Application \\d+, Asset ${assets}, .*, SameAs 1\\): a bulk load builds a new store and goes only into an empty one`,
      ),
    );
    const running = await startLocalNeo4j({ ...options(home), announce: true });
    try {
      await expect(bulkIngest(loaded, options(home))).rejects.toThrow(
        new RegExp(`the local Neo4j of .* is running \\(pid ${running.pid}\\): a bulk load builds its store offline`),
      );
    } finally {
      await running.stop();
    }
    // A batch with an error: refused before anything is touched (a new folder stays without a store).
    const fresh = path.join(tmp, "bulk-refused");
    const bad = parseInputs([...awkward(), { source: "broken/broken-1.0.0.json", content: "{" }], "umr");
    const refused = await bulkIngest(bad, options(fresh));
    expect(refused.written).toBe(false);
    expect(refused.problems.at(-1)!.message).toBe(
      "nothing was written: 1 record is invalid, and an ingest is all or nothing (accept the 4 valid records with --partial / partial: true)",
    );
    expect(fs.existsSync(path.join(fresh, "data"))).toBe(false);
    expect((await dumpOf(home)).dump).toEqual(loadedDump);
  }, 300_000);

  it("is `umr ingest --bulk <dir>` on the command line: the 88 example records into a new data folder", async () => {
    const data = path.join(tmp, "cli-data");
    const env = { UMR_DATA_DIR: data, NEO4J_URI: undefined, UMR_NEO4J_HEAP: "1g", UMR_NEO4J_PAGECACHE: "256m", UMR_NEO4J_PORT: "0" };
    const first = await runCli(["ingest", "--bulk", "examples/umr"], env);
    expect(first.stderr).toBe("");
    const [summary, timing] = first.stdout.trim().split("\n");
    expect(summary).toBe("accepted 88, unchanged 0, rejected 0, placeholders 0, 0 warnings");
    expect(timing).toMatch(
      /^bulk load: screen [\d.]+ s, csv [\d.]+ s, import [\d.]+ s, start [\d.]+ s, indexes [\d.]+ s, finish [\d.]+ s, stop [\d.]+ s$/,
    );
    expect(first.status).toBe(0);
    // The same folder through the transactional path: all there, unchanged.
    const again = await runCli(["ingest", "examples/umr"], env);
    expect(again.stdout.trim()).toBe("accepted 0, unchanged 88, rejected 0, placeholders 0, 0 warnings (nothing written)");
    const refused = await runCli(["ingest", "--bulk", "--dry-run", "examples/umr"], env);
    expect([refused.status, refused.stderr.trim()]).toEqual([
      1,
      "umr: --bulk and --dry-run do not go together: a bulk load writes everything or nothing, at once",
    ]);
  }, 300_000);
});
