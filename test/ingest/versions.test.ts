// Version resolution in the graph: floating references move to newer matching versions,
// exact pins never move, placeholders are replaced when their record arrives, and the final
// graph never depends on arrival order.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { canonicalDump, rows } from "../helpers/graph.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

let db: Executor;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.close());
beforeEach(async () => wipe(db));

async function edges(): Promise<string[]> {
  const r = await rows(
    db,
    "MATCH (a:Asset)-[e]->(b:Asset) WHERE NOT type(e) STARTS WITH 'WAS_' RETURN a.key AS a, type(e) AS t, e.relation AS r, b.key AS b ORDER BY a, b",
  );
  return r.map((x) => `${x.a} -${x.t}:${x.r}-> ${x.b}`);
}
/** The edges floating references moved away from, kept for answers as of a past time. */
async function history(): Promise<string[]> {
  const r = await rows(
    db,
    "MATCH (a:Asset)-[e:WAS_DERIVED_FROM|WAS_TRAINED_ON]->(b:Asset) RETURN a.key AS a, type(e) AS t, b.key AS b, e.since <= e.until AS ordered ORDER BY a, b",
  );
  return r.map((x) => `${x.a} -${x.t}-> ${x.b}${x.ordered ? "" : " (until before since!)"}`);
}
async function nodes(): Promise<string[]> {
  const r = await rows(db, "MATCH (a:Asset) RETURN a.key AS k, a.kind AS kind, a.placeholder AS p ORDER BY k");
  return r.map((x) => `${x.k}${x.p ? " (placeholder " + x.kind + ")" : ""}`);
}

const base100 = umr("base", "1.0.0", "model");
const base110 = umr("base", "1.1.0", "model");
const base200 = umr("base", "2.0.0", "model");
const floating = umr("ft", "1.0.0", "model", ["base"]);
const ranged = umr("ranged", "1.0.0", "model", ["base^1.0.0"]);
const pinned = umr("pinned", "1.0.0", "model", ["base@1.0.0"]);
const pinnedDash = umr("pinned2", "1.0.0", "model", ["base-1.1.0"]);

describe("version resolution", () => {
  it("floating references move to the newest matching version; pins stay", async () => {
    await ingestInputs(db, [base100, floating, ranged, pinned, pinnedDash]);
    expect(await edges()).toEqual([
      "ft@1.0.0 -DERIVED_FROM:derived_from-> base@1.0.0",
      "pinned2@1.0.0 -DERIVED_FROM:derived_from-> base",
      "pinned@1.0.0 -DERIVED_FROM:derived_from-> base@1.0.0",
      "ranged@1.0.0 -DERIVED_FROM:derived_from-> base@1.0.0",
    ]);
    expect(await nodes()).toContain("base (placeholder model)");

    const r = await ingestInputs(db, [base110]);
    expect([r.accepted, r.placeholders]).toEqual([1, 0]);
    expect(await edges()).toEqual([
      "ft@1.0.0 -DERIVED_FROM:derived_from-> base@1.1.0",
      "pinned2@1.0.0 -DERIVED_FROM:derived_from-> base@1.1.0",
      "pinned@1.0.0 -DERIVED_FROM:derived_from-> base@1.0.0",
      "ranged@1.0.0 -DERIVED_FROM:derived_from-> base@1.1.0",
    ]);
    expect(await nodes()).toEqual(["base@1.0.0", "base@1.1.0", "ft@1.0.0", "pinned2@1.0.0", "pinned@1.0.0", "ranged@1.0.0"]);
    // What moved is kept as history (not the edge to the placeholder, which is gone).
    expect(await history()).toEqual(["ft@1.0.0 -WAS_DERIVED_FROM-> base@1.0.0", "ranged@1.0.0 -WAS_DERIVED_FROM-> base@1.0.0"]);

    await ingestInputs(db, [base200]);
    expect(await edges()).toEqual([
      "ft@1.0.0 -DERIVED_FROM:derived_from-> base@2.0.0",
      "pinned2@1.0.0 -DERIVED_FROM:derived_from-> base@1.1.0",
      "pinned@1.0.0 -DERIVED_FROM:derived_from-> base@1.0.0",
      "ranged@1.0.0 -DERIVED_FROM:derived_from-> base@1.1.0",
    ]);
    expect(await history()).toEqual([
      "ft@1.0.0 -WAS_DERIVED_FROM-> base@1.0.0",
      "ft@1.0.0 -WAS_DERIVED_FROM-> base@1.1.0",
      "ranged@1.0.0 -WAS_DERIVED_FROM-> base@1.0.0",
    ]);
  });

  it("a placeholder is replaced by its record, which also fixes the default relation", async () => {
    const model = umr("m", "1.0.0", "model", ["data", { ref: "fam", relation: "member_of" }]);
    const r = await ingestInputs(db, [model]);
    expect([r.accepted, r.placeholders, r.placeholderIds]).toEqual([1, 2, ["data", "fam"]]);
    expect(await nodes()).toEqual(["data (placeholder model)", "fam (placeholder family)", "m@1.0.0"]);
    expect(await edges()).toEqual(["m@1.0.0 -DERIVED_FROM:derived_from-> data", "m@1.0.0 -DERIVED_FROM:member_of-> fam"]);

    await ingestInputs(db, [umr("data", "1.0.0", "dataset")]);
    expect(await nodes()).toEqual(["data@1.0.0", "fam (placeholder family)", "m@1.0.0"]);
    expect(await edges()).toEqual(["m@1.0.0 -TRAINED_ON:trained_on-> data@1.0.0", "m@1.0.0 -DERIVED_FROM:member_of-> fam"]);
  });

  it("the final graph does not depend on arrival order", async () => {
    const all = [
      base100,
      base110,
      base200,
      floating,
      ranged,
      pinned,
      pinnedDash,
      umr("data", "1.0.0", "dataset"),
      umr("m", "1.0.0", "model", ["data", "ft"]),
    ];
    await ingestInputs(db, all);
    const reference = await canonicalDump(db);
    for (const order of [[...all].reverse(), [all[3]!, all[8]!, all[6]!, all[0]!, all[7]!, all[4]!, all[2]!, all[5]!, all[1]!]]) {
      await wipe(db);
      for (const input of order) await ingestInputs(db, [input]);
      expect(await canonicalDump(db)).toEqual(reference);
    }
  });

  it("a reference that no version satisfies points at a placeholder beside the records", async () => {
    await ingestInputs(db, [base100, umr("future", "1.0.0", "model", ["base>=3.0.0"])]);
    expect(await edges()).toEqual(["future@1.0.0 -DERIVED_FROM:derived_from-> base"]);
    expect(await nodes()).toEqual(["base (placeholder model)", "base@1.0.0", "future@1.0.0"]);
  });
});
