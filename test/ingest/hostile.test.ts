// Hostile and careless input found by outside probes: each is refused precisely, in milliseconds,
// and writes nothing; what is valid around it keeps its meaning.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import { parseInputs } from "../../src/records/load.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { count } from "../helpers/graph.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

let db: Executor;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.close());
beforeEach(async () => wipe(db));

const assets = () => count(db, "MATCH (a:Asset) RETURN count(a) AS n");
const errors = (inputs: Parameters<typeof parseInputs>[0]) =>
  parseInputs(inputs, "umr")
    .problems.filter((p) => p.severity === "error")
    .map((p) => `${p.path}: ${p.message}`);

describe("versions that are not SemVer 2.0 are refused by validation, not by the write", () => {
  it.each([
    ["01.0.0", "leading zero"],
    ["1.0.0-01", "numeric pre-release with a leading zero"],
    ["1.0.0-alpha..1", "empty pre-release identifier"],
    ["99999999999999999999.0.0", "past the largest safe integer"],
  ])("%s (%s)", async (version) => {
    expect(errors([umr("x", version, "model")])).toEqual([
      `$: file name "x-${version}.yaml": version "${version}" is not a SemVer 2.0 version (MAJOR.MINOR.PATCH without leading zeros, each part at most 9007199254740991; a pre-release of dot-separated non-empty identifiers, numeric ones without leading zeros)`,
    ]);
    const dry = await ingestInputs(db, [umr("x", version, "model")], { dryRun: true });
    expect([dry.accepted, dry.rejected]).toEqual([0, 1]);
  });

  it("build metadata (1.0.0+tampered) is refused: it would be a second 1.0.0", () => {
    expect(errors([umr("x", "1.0.0+tampered", "model")])).toEqual([
      '$: file name "x-1.0.0+tampered.yaml": version "1.0.0+tampered" carries build metadata (+...), which has no precedence of its own; give the record a version of its own (such as 1.0.1)',
    ]);
  });
});

describe("sizes", () => {
  it("a 40,000-character id is refused with its length, and nothing is written", async () => {
    const id = "a".repeat(40_000);
    const report = await ingestInputs(db, [umr(id, "1.0.0", "model"), umr("ok", "1.0.0", "model")]);
    expect(report.problems[0]!.message).toBe("file name: the id is 40000 characters long; an id may have at most 200");
    expect([report.accepted, report.written, await assets()]).toEqual([0, false, 0]);
  });

  it("a reference to a 40,000-character id is refused the same way", () => {
    expect(errors([umr("x", "1.0.0", "model", ["b".repeat(40_000)])])).toEqual([
      "$.mr.relations.upstream[0]: reference of 40000 characters: expected at most 300 (an id of at most 200 and a constraint)",
    ]);
  });

  it("YAML aliases that expand a small file to 90 million values are refused in well under a second", () => {
    const anchor = `  big: &x [${Array.from({ length: 100_000 }, (_, i) => i).join(",")}]\n`;
    const aliases = Array.from({ length: 900 }, (_, i) => `  k${i}: *x`).join("\n");
    const content = `mr:\n  type: model\n  metadata: {name: X}\n  extra:\n  ${anchor}${aliases.replace(/^/gm, "  ")}\n`;
    const started = performance.now();
    const problems = errors([{ source: "x/x-1.0.0.yaml", content }]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems).toEqual([
      "$: the document's aliases (*name) expand to more than 1,000,000 values; a record may hold at most that many (write the values out instead of repeating an anchor)",
    ]);
  });

  it("a few aliases of a small anchor stay accepted", () => {
    const content = "mr:\n  type: model\n  metadata: {name: X}\n  tags: &t [a, b]\n  more: {same: *t}\n";
    expect(errors([{ source: "x/x-1.0.0.yaml", content }])).toEqual([]);
  });
});

describe("references", () => {
  it("a record that names the same upstream twice is refused (it would get two edges)", async () => {
    expect(errors([umr("x", "1.0.0", "model", ["a", { ref: "a>=1.0.0", relation: "finetune" }])])).toEqual([
      '$.mr.relations.upstream[1]: "a" is named twice (upstream[0] and upstream[1]): name each upstream asset once',
    ]);
  });

  it("strict mode refuses a cycle that closes across two batches; without strict it is accepted", async () => {
    expect((await ingestInputs(db, [umr("a", "1.0.0", "model", ["b"]), umr("b", "1.0.0", "model")])).written).toBe(true);
    const closing = umr("c", "1.0.0", "model", ["a"]);
    const bClosing = umr("b", "1.1.0", "model", ["c"]);
    const strict = await ingestInputs(db, [closing, bClosing], { strict: true });
    expect(strict.written).toBe(false);
    expect(strict.problems.map((p) => p.message)).toEqual([
      "dependency cycle with the graph: a → b → c → a (refused in strict mode; the graph already holds part of it)",
      "nothing was written: 2 records are invalid, and an ingest is all or nothing (accept the 0 valid records with --partial / partial: true)",
    ]);
    expect(await assets()).toBe(2);
    const lenient = await ingestInputs(db, [closing, bClosing]);
    expect([lenient.accepted, lenient.written]).toEqual([2, true]);
  });
});
