// The 88 public UMR records, ingested into a real Neo4j: exactly what they say, in any order.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Executor } from "../../src/neo4j/executor.js";
import type { RecordInput } from "../../src/records/umr.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { canonicalDump, count, rows } from "../helpers/graph.js";
import { ingestInputs, loadInputs } from "../helpers/ingest.js";
import { umrDir } from "../helpers/shared.js";

/** What the files say, read here with a plain YAML parser (not the product's). */
function expectedFromFiles() {
  const kinds = new Map<string, string>();
  const refs: { from: string; text: string }[] = [];
  for (const dir of fs.readdirSync(umrDir)) {
    const full = path.join(umrDir, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const f of fs.readdirSync(full)) {
      const m = /^(.+)-(\d+\.\d+\.\d+)\.yaml$/.exec(f)!;
      const doc = parse(fs.readFileSync(path.join(full, f), "utf8")) as {
        mr: { type: string; relations?: { upstream?: string[] | null } | null };
      };
      kinds.set(`${m[1]}@${m[2]}`, doc.mr.type);
      for (const text of doc.mr.relations?.upstream ?? []) refs.push({ from: `${m[1]}@${m[2]}`, text });
    }
  }
  const newest = (id: string) =>
    [...kinds.keys()]
      .filter((k) => k.startsWith(`${id}@`))
      .sort()
      .at(-1)!;
  const edges = refs.map(({ from, text }) => {
    const [id, constraint] = text.includes(">=") ? [text.split(">=")[0]!, `>=${text.split(">=")[1]}`] : [text, null];
    const to = newest(id);
    const fk = kinds.get(from)!;
    const tk = kinds.get(to)!;
    const relation = tk === "family" ? "member_of" : fk === "model" && tk === "dataset" ? "trained_on" : "derived_from";
    return `${from} -${relation === "trained_on" ? "TRAINED_ON" : "DERIVED_FROM"}{${relation},${constraint}}-> ${to}`;
  });
  return { keys: [...kinds.keys()].sort(), edges: edges.sort() };
}

async function graphEdges(db: Executor): Promise<string[]> {
  const r = await rows(
    db,
    "MATCH (a:Asset)-[e:TRAINED_ON|DERIVED_FROM]->(b:Asset) RETURN a.key AS a, type(e) AS t, e.relation AS r, e.constraint AS c, b.key AS b",
  );
  return r.map((x) => `${x.a} -${x.t}{${x.r},${x.c}}-> ${x.b}`).sort();
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("ingesting the 88 UMR records", () => {
  let db: Executor;
  let inputs: RecordInput[];
  beforeAll(async () => {
    db = await openTestDb();
    inputs = loadInputs(umrDir);
  });
  afterAll(async () => db?.close());
  beforeEach(async () => wipe(db));

  it("gives 88 assets, no placeholders, 85 edges (32 with a constraint), exactly the files' lineage", async () => {
    const report = await ingestInputs(db, inputs);
    expect(report.problems).toEqual([]);
    expect([report.accepted, report.unchanged, report.rejected, report.placeholders]).toEqual([88, 0, 0, 0]);
    expect(await count(db, "MATCH (a:Asset) RETURN count(a) AS n")).toBe(88);
    expect(await count(db, "MATCH (a:Asset {placeholder: true}) RETURN count(a) AS n")).toBe(0);
    expect(await count(db, "MATCH ()-[e:TRAINED_ON|DERIVED_FROM]->() RETURN count(e) AS n")).toBe(85);
    expect(await count(db, "MATCH ()-[e:TRAINED_ON|DERIVED_FROM]->() WHERE e.constraint IS NOT NULL RETURN count(e) AS n")).toBe(32);
    const expected = expectedFromFiles();
    expect((await rows(db, "MATCH (a:Asset) RETURN a.key AS k ORDER BY k")).map((r) => r.k)).toEqual(expected.keys);
    expect(await graphEdges(db)).toEqual(expected.edges);
    expect(await graphEdges(db)).toEqual(
      expect.arrayContaining([
        "plip@1.0.0 -TRAINED_ON{trained_on,null}-> laion-5b@1.0.0",
        "pathology-twitter@1.0.0 -DERIVED_FROM{member_of,null}-> twitter@1.0.0",
        "rrt-mil@1.0.0 -DERIVED_FROM{derived_from,null}-> plip@1.0.0",
      ]),
    );
    // Labels, kept blocks and record advisories.
    const plip = (await rows(db, "MATCH (a:Asset {key: 'plip@1.0.0'}) RETURN labels(a) AS l, a.extra AS extra, a.source AS source"))[0]!;
    expect((plip.l as string[]).sort()).toEqual(["Asset", "Model"]);
    expect(JSON.parse(plip.extra as string)).toEqual({ metadata: { model_type: "Contrastive Model" } });
    expect(plip.source).toBe("plip/plip-1.0.0.yaml");
    const advisories = await rows(
      db,
      "MATCH (v:Advisory)-[:AFFECTS]->(a) RETURN v.id AS id, v.category AS c, v.severity AS s, v.source AS src, a.key AS k ORDER BY id",
    );
    expect(advisories).toEqual([
      { id: "record:laion-5b@1.0.0:csam", c: "CSAM", s: "CRITICAL", src: "record", k: "laion-5b@1.0.0" },
      { id: "record:laion-5b@1.0.0:nsfw", c: "NSFW", s: "MEDIUM", src: "record", k: "laion-5b@1.0.0" },
      { id: "record:laion-5b@1.0.0:violence", c: "VIOLENCE", s: "MEDIUM", src: "record", k: "laion-5b@1.0.0" },
      { id: "record:twitter@1.0.0:legal", c: "LEGAL", s: "HIGH", src: "record", k: "twitter@1.0.0" },
    ]);
  });

  it("re-ingesting the same records changes nothing", async () => {
    await ingestInputs(db, inputs);
    const before = await canonicalDump(db);
    const again = await ingestInputs(db, inputs);
    expect([again.accepted, again.unchanged, again.rejected, again.written]).toEqual([0, 88, 0, false]);
    expect(await canonicalDump(db)).toEqual(before);
  });

  it("a version that exists with other contents is refused with CONFLICT, and the graph is untouched", async () => {
    await ingestInputs(db, inputs);
    const before = await canonicalDump(db);
    const changed = { source: "plip/plip-1.0.0.yaml", content: "mr:\n  type: model\n  metadata: {name: PLIP, description: changed}\n" };
    const fresh = {
      source: "new-model/new-model-1.0.0.yaml",
      content: "mr:\n  type: model\n  metadata: {name: New}\n  relations: {upstream: [plip]}\n",
    };
    const report = await ingestInputs(db, [changed, fresh]);
    expect([report.accepted, report.rejected, report.written]).toEqual([0, 1, false]);
    expect(report.problems[0]).toMatchObject({ source: "plip/plip-1.0.0.yaml", code: "CONFLICT", severity: "error" });
    expect(report.problems[0]!.message).toMatch(/^CONFLICT: plip@1\.0\.0 is already in the graph with other contents/);
    expect(await canonicalDump(db)).toEqual(before);
  });

  it("gives identical graphs in several random orders, in one batch or one by one", async () => {
    await ingestInputs(db, inputs);
    const reference = await canonicalDump(db);
    for (const seed of [1, 2]) {
      await wipe(db);
      await ingestInputs(db, shuffled(inputs, seed));
      expect(await canonicalDump(db)).toEqual(reference);
    }
    await wipe(db);
    for (const input of shuffled(inputs, 3)) {
      const r = await ingestInputs(db, [input]);
      expect(r.accepted).toBe(1);
    }
    expect(await canonicalDump(db)).toEqual(reference);
  });
});
