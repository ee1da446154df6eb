// All or nothing: a batch with any invalid record writes nothing (unless partial), a dry run
// writes nothing, and an ingest that dies in the middle leaves nothing half-written.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import type { RecordInput } from "../../src/records/umr.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { canonicalDump, count } from "../helpers/graph.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

let db: Executor;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.close());
beforeEach(async () => wipe(db));

const assets = () => count(db, "MATCH (n) RETURN count(n) AS n");
const valid = [umr("a", "1.0.0", "dataset"), umr("b", "1.0.0", "model", ["a"]), umr("c", "1.0.0", "model", ["b"])];

const bad: [string, RecordInput][] = [
  ["malformed YAML", { source: "x/x-1.0.0.yaml", content: "mr: [unclosed\n" }],
  ["wrong field types", { source: "x/x-1.0.0.yaml", content: "mr:\n  type: model\n  metadata: {name: 5}\n" }],
  ["an unknown type", { source: "x/x-1.0.0.yaml", content: "mr:\n  type: robot\n  metadata: {name: X}\n" }],
  ["a file name without a semver", { source: "x/x.yaml", content: "mr:\n  type: model\n  metadata: {name: X}\n" }],
  ["an empty file", { source: "x/x-1.0.0.yaml", content: "" }],
  ["a 50 MB file", { source: "x/x-1.0.0.yaml", content: new Uint8Array(50 * 1024 * 1024).fill(0x20) }],
  ["a self-reference", umr("x", "1.0.0", "model", ["x"])],
  ["a malformed constraint", umr("x", "1.0.0", "model", ["a>=>1"])],
  ["binary garbage", { source: "x/x-1.0.0.yaml", content: new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]) }],
  ["valid YAML that is not an object", { source: "x/x-1.0.0.yaml", content: "42\n" }],
];

describe("an ingest is all or nothing", () => {
  it.each(bad)("a batch with %s writes nothing, and says why", async (_what, input) => {
    const report = await ingestInputs(db, [...valid, input]);
    expect([report.accepted, report.rejected, report.written]).toEqual([0, 1, false]);
    expect(report.problems.filter((p) => p.severity === "error").map((p) => p.source)).toEqual([input.source, "(batch)"]);
    expect(report.problems.at(-1)!.message).toBe(
      "nothing was written: 1 record is invalid, and an ingest is all or nothing (accept the 3 valid records with --partial / partial: true)",
    );
    expect(await assets()).toBe(0);
  });

  it("partial accepts the valid records and reports the rest", async () => {
    const report = await ingestInputs(db, [...valid, bad[1]![1], bad[6]![1]], { partial: true });
    expect([report.accepted, report.rejected, report.written]).toEqual([3, 2, true]);
    expect(await count(db, "MATCH (a:Asset) RETURN count(a) AS n")).toBe(3);
  });

  it("a dry run reports what it would do and writes nothing", async () => {
    const report = await ingestInputs(db, [...valid, umr("d", "1.0.0", "model", ["nowhere"])], { dryRun: true });
    expect([report.accepted, report.placeholders, report.placeholderIds, report.written, report.dryRun]).toEqual([
      4,
      1,
      ["nowhere"],
      false,
      true,
    ]);
    expect(await assets()).toBe(0);
  });

  it("an ingest that dies in the middle leaves nothing; running it again finishes the job", async () => {
    await ingestInputs(db, [umr("seed", "1.0.0", "dataset")]);
    const before = await canonicalDump(db);
    const many = Array.from({ length: 30 }, (_, i) => umr(`m${i}`, "1.0.0", "model", i > 0 ? ["seed", `m${i - 1}`] : ["seed"]));
    await expect(
      ingestInputs(db, many, {
        batchSize: 5,
        onProgress: ({ phase, done }) => {
          if (phase === "records" && done === 15) throw new Error("simulated crash after 15 of 30 records");
        },
      }),
    ).rejects.toThrow("simulated crash after 15 of 30 records");
    expect(await canonicalDump(db)).toEqual(before);
    const again = await ingestInputs(db, many, { batchSize: 5 });
    expect([again.accepted, again.unchanged]).toEqual([30, 0]);
    expect(await count(db, "MATCH (a:Asset) RETURN count(a) AS n")).toBe(31);
  });

  it("a cycle is a warning, and refused with strict", async () => {
    const cyc = [umr("p", "1.0.0", "model", ["q"]), umr("q", "1.0.0", "model", ["r"]), umr("r", "1.0.0", "model", ["p"])];
    const strict = await ingestInputs(db, cyc, { strict: true });
    expect([strict.accepted, strict.rejected, strict.written]).toEqual([0, 3, false]);
    expect(strict.problems[0]!.message).toBe("dependency cycle: p → q → r → p (refused in strict mode)");
    const lenient = await ingestInputs(db, cyc);
    expect([lenient.accepted, lenient.written]).toEqual([3, true]);
    expect(lenient.problems).toEqual([
      { source: "p/p-1.0.0.yaml", path: "$.mr.relations.upstream", severity: "warning", message: "dependency cycle: p → q → r → p" },
    ]);
    expect(await count(db, "MATCH (:Asset)-[e]->(:Asset) RETURN count(e) AS n")).toBe(3);
  });

  it("two records with one key and different contents in one batch conflict", async () => {
    const a1 = umr("dup", "1.0.0", "model");
    const a2 = { ...umr("dup", "1.0.0", "dataset"), source: "elsewhere/dup-1.0.0.yaml" };
    const report = await ingestInputs(db, [a1, a2]);
    expect(report.problems[0]).toMatchObject({ code: "CONFLICT", source: "elsewhere/dup-1.0.0.yaml" });
    expect(await assets()).toBe(0);
  });
});
