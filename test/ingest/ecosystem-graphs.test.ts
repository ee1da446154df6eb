// The Stanford Ecosystem Graphs import: its counts match what the files hold, and the mess
// in them (duplicates, case-only matches, unknown names, cycles, a self-reference) is reported.
import type { EcosystemGraphsStats } from "../../src/records/ecosystem-graphs.js";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { Executor } from "../../src/neo4j/executor.js";
import { parseInputs } from "../../src/records/load.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { count } from "../helpers/graph.js";
import { ingestInputs, loadInputs } from "../helpers/ingest.js";
import { ecosystemGraphsDir, hasEcosystemGraphs, skipMessage } from "../helpers/shared.js";

skipMessage(
  "Ecosystem Graphs import",
  hasEcosystemGraphs,
  "../shared/data/ecosystem-graphs (Stanford CRFM data, no license to ship it here)",
);

/** What the files hold, counted here with a plain YAML parser. */
function fromFiles() {
  const entries: { name: string; deps: string[] }[] = [];
  for (const f of fs.readdirSync(ecosystemGraphsDir).sort()) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(ecosystemGraphsDir, f), "utf8")) as unknown as { toJS(): unknown }[]) {
      for (const a of (doc.toJS() as { name: string; dependencies?: unknown }[] | null) ?? []) {
        const d = a.dependencies;
        const list = Array.isArray(d) ? d : ((d as { value?: unknown[] } | undefined)?.value ?? []);
        entries.push({ name: a.name.trim(), deps: (list as string[]).map((x) => x.trim()) });
      }
    }
  }
  const names = new Set(entries.map((e) => e.name));
  const lower = new Map<string, string[]>();
  for (const n of names) lower.set(n.toLowerCase(), [...(lower.get(n.toLowerCase()) ?? []), n]);
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/\+/g, "-plus")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const mentions = entries.flatMap((e) => e.deps);
  const resolve = (d: string) => (names.has(d) ? d : lower.get(d.toLowerCase())?.length === 1 ? lower.get(d.toLowerCase())![0]! : null);
  const merged = new Map<string, Set<string>>();
  for (const e of entries) for (const d of e.deps) merged.set(e.name, (merged.get(e.name) ?? new Set()).add(d));
  const selfRefs = [...merged].filter(([n, deps]) => [...deps].some((d) => resolve(d) === n)).map(([n]) => n);
  const imported = [...names].filter((n) => !selfRefs.includes(n));
  let edges = 0;
  const placeholders = new Set<string>();
  for (const n of imported) {
    const targets = new Set<string>();
    for (const d of merged.get(n) ?? []) {
      const r = resolve(d);
      const target = r && !selfRefs.includes(r) ? `asset:${r}` : `ph:${slug(r ?? d)}`;
      if (target.startsWith("ph:")) placeholders.add(target);
      targets.add(target);
    }
    edges += targets.size;
  }
  return {
    entries: entries.length,
    names: names.size,
    mentions: mentions.length,
    exact: mentions.filter((d) => names.has(d)).length,
    ignoringCase: mentions.filter((d) => !names.has(d) && resolve(d)).length,
    unresolved: mentions.filter((d) => !resolve(d)).length,
    selfRefs,
    imported: imported.length,
    edges,
    placeholders: placeholders.size,
  };
}

describe.skipIf(!hasEcosystemGraphs)("importing Stanford's Ecosystem Graphs", () => {
  let db: Executor;
  beforeAll(async () => {
    db = await openTestDb();
    await wipe(db);
  });
  afterAll(async () => db?.close());

  it("reports counts that match what the files hold, and writes exactly that graph", async () => {
    const expected = fromFiles();
    // The facts measured on these files (../shared/data/SOURCES.md).
    expect([expected.entries, expected.mentions, expected.exact, expected.ignoringCase, expected.unresolved]).toEqual([
      639, 816, 507, 14, 295,
    ]);
    expect(expected.selfRefs).toEqual(["VIMA dataset"]);

    const inputs = loadInputs(ecosystemGraphsDir);
    const loaded = parseInputs(inputs);
    expect(loaded.format).toBe("ecosystem-graphs");
    const stats = loaded.stats as unknown as EcosystemGraphsStats;
    expect([stats.entries, stats.assets, stats.mentions, stats.exact, stats.ignoringCase, stats.unresolved]).toEqual([
      expected.entries,
      expected.names,
      expected.mentions,
      expected.exact,
      expected.ignoringCase,
      expected.unresolved,
    ]);
    expect(stats.duplicateNames.sort()).toEqual(["ChatGLM", "Dragonfly", "GPT-4o", "Imagen 3", "InternLM"]);
    expect(stats.selfReferences).toEqual(["VIMA dataset"]);

    const report = await ingestInputs(db, inputs);
    expect([report.accepted, report.rejected, report.written]).toEqual([expected.imported, 1, true]);
    const errors = report.problems.filter((p) => p.severity === "error");
    expect(errors).toEqual([
      {
        source: "ecosystem-graphs:nvidia.yaml",
        path: '$["VIMA dataset"].dependencies',
        severity: "error",
        scope: "asset",
        message: 'self-reference: "VIMA dataset" lists itself as a dependency; this asset is not imported (the others are)',
      },
    ]);
    const warnings = report.problems.filter((p) => p.severity === "warning").map((p) => p.message);
    expect(warnings.filter((w) => w.includes("only ignoring case"))).toHaveLength(expected.ignoringCase);
    expect(warnings.filter((w) => w.startsWith("duplicate asset name"))).toHaveLength(5);
    expect(warnings).toContain(
      "dependency cycle: eg:anthropic-harmlessness-dataset → eg:anthropic-helpfulness-dataset → eg:anthropic-human-feedback-interface → eg:anthropic-rlhf-models → eg:anthropic-harmlessness-dataset",
    );

    expect(await count(db, "MATCH (a:Asset {placeholder: false}) RETURN count(a) AS n")).toBe(expected.imported);
    expect(await count(db, "MATCH (a:Asset {placeholder: true}) RETURN count(a) AS n")).toBe(expected.placeholders);
    expect(await count(db, "MATCH (:Asset)-[e:TRAINED_ON|DERIVED_FROM]->(:Asset) RETURN count(e) AS n")).toBe(expected.edges);
    expect(report.placeholders).toBe(expected.placeholders);
  });
});
