// SPDX 3.0.1 and PROV: the repository's example (an AI package trained and tested on dataset packages),
// the SPDX project's AI and dataset examples of ../shared/data/spdx3, and the SPDX3 export:
// valid against the SPDX 3.0.1 JSON Schema, and read back into an empty database as the same graph;
// the PROV export: PROV-O terms only, read back as the same graph.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { exportSubgraph } from "../../src/export/export.js";
import { silentLogger } from "../../src/log.js";
import { SYSTEM_VIEWER } from "../../src/model/viewer.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { collectFiles, readInputs } from "../../src/records/load.js";
import { spdxValidator } from "../../src/records/spdx3.js";
import { Services } from "../../src/services/services.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { lineageText, rows } from "../helpers/graph.js";
import { ingestInputs, loadInputs } from "../helpers/ingest.js";
import { sharedData, skipMessage, umrDir } from "../helpers/shared.js";

const example = path.join(projectRoot, "examples", "formats", "spdx3");
const shared = path.join(sharedData, "spdx3");
const hasShared = fs.existsSync(shared);
skipMessage("SPDX 3 (shared samples)", hasShared, shared);

let db: Executor;
let services: Services;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  services = new Services(db, silentLogger);
});
afterAll(async () => db?.close());

const graph = () => lineageText(db);

describe("the repository's example document", () => {
  it("imports its packages, trainedOn and testedOn both, and a sameAs for the Hugging Face model", async () => {
    const report = await ingestInputs(db, readInputs(collectFiles([example]), path.dirname(example)));
    expect([report.accepted, report.rejected, report.problems]).toEqual([4, 0, []]);
    expect((await graph()).edges).toEqual([
      "spdx:acme-slide-captioner@1.2.0 -DERIVED_FROM:derived_from-> spdx:path-clip@1.0.0",
      "spdx:acme-slide-captioner@1.2.0 -DERIVED_FROM:evaluated_on-> spdx:acme-slide-captions-test@1.0.0",
      "spdx:acme-slide-captioner@1.2.0 -TRAINED_ON:trained_on-> spdx:acme-slide-captions@1.0.0",
    ]);
    const [m] = await rows(
      db,
      "MATCH (a:Asset {key: 'spdx:acme-slide-captioner@1.2.0'}) RETURN a.license AS license, a.publisher AS publisher, a.architecture AS arch",
    );
    expect(m).toEqual({ license: "Apache-2.0", publisher: "ACME", arch: "vision-language transformer" });
    const twins = await services.sameAs.of(["spdx:path-clip"], SYSTEM_VIEWER);
    expect(twins.get("spdx:path-clip")!.map((t) => [t.a, t.b])).toEqual([["hf:acme/path-clip", "spdx:path-clip"]]);
  });

  it("refuses a document the SPDX 3.0.1 schema refuses, naming the path", async () => {
    const bad = JSON.parse(fs.readFileSync(path.join(example, "acme-captioner.spdx3.json"), "utf8")) as {
      "@graph": Record<string, unknown>[];
    };
    delete bad["@graph"][3]!.dataset_datasetType;
    const report = await ingestInputs(db, [{ source: "bad.spdx3.json", content: JSON.stringify(bad) }]);
    expect(report.written).toBe(false);
    expect(report.problems[0]).toMatchObject({
      source: "bad.spdx3.json",
      severity: "error",
      message: expect.stringContaining("SPDX 3.0.1 schema"),
    });
  });
});

describe.skipIf(!hasShared)("the SPDX project's AI and dataset examples", () => {
  it("import: each AI model trainedOn and testedOn its dataset", async () => {
    await wipe(db);
    const report = await ingestInputs(
      db,
      fs
        .readdirSync(shared)
        .sort()
        .map((f) => ({ source: f, content: fs.readFileSync(path.join(shared, f)) })),
    );
    expect([report.accepted, report.rejected, report.problems.filter((p) => p.severity === "error")]).toEqual([7, 0, []]);
    expect((await graph()).edges).toEqual([
      "spdx:Sentiment-Demo-A-Simple-AI-Application-and-its-AI-BOM-Example@1.0.0 -DERIVED_FROM:evaluated_on-> spdx:Data-after-preprocessing@1.0.0",
      "spdx:Sentiment-Demo-A-Simple-AI-Application-and-its-AI-BOM-Example@1.0.0 -TRAINED_ON:trained_on-> spdx:Data-after-preprocessing@1.0.0",
      "spdx:line-model@1.0.0 -DERIVED_FROM:evaluated_on-> spdx:IAMdataset@1.0.0",
      "spdx:line-model@1.0.0 -TRAINED_ON:trained_on-> spdx:IAMdataset@1.0.0",
      "spdx:word-model@1.0.0 -DERIVED_FROM:evaluated_on-> spdx:IAMdataset@1.0.0",
      "spdx:word-model@1.0.0 -TRAINED_ON:trained_on-> spdx:IAMdataset@1.0.0",
    ]);
    const [co2] = await rows(
      db,
      "MATCH (a:Asset {key: 'spdx:Our-World-in-Data-CO2-and-Greenhouse-Gas-Emissions-dataset@1.0.0'}) RETURN a.kind AS kind, a.license AS license",
    );
    expect(co2).toEqual({ kind: "dataset", license: "CC-BY-4.0" });
  });
});

describe("the SPDX3 export", () => {
  it("is valid against the SPDX 3.0.1 JSON Schema, and reads back as the same graph", async () => {
    await wipe(db);
    await ingestInputs(db, loadInputs(umrDir));
    await ingestInputs(db, readInputs(collectFiles([example]), path.dirname(example)));
    const advisory = await services.advisories.publish(
      { affectsId: "laion-5b", category: "CSAM", severity: "CRITICAL", summary: "round trip" },
      SYSTEM_VIEWER,
    );
    await services.advisories.exempt({ advisoryId: advisory.id, assetKey: "plip", justification: "retrained" }, SYSTEM_VIEWER);
    const roots = ["LLaVA-1.6-Vicuna-13B", "rrt-mil", "bloomz-7b1-mt", "spdx:acme-slide-captioner", "test@1.0.0"];
    const before = await graph();
    const exported = await exportSubgraph(services.exports, roots, "UPSTREAM", null, "SPDX3", SYSTEM_VIEWER);
    const doc = JSON.parse(exported.content) as unknown;
    const validate = spdxValidator();
    expect([validate(doc), validate.errors ?? null]).toEqual([true, null]);
    const subgraph = JSON.parse((await exportSubgraph(services.exports, roots, "UPSTREAM", null, "JSON", SYSTEM_VIEWER)).content) as {
      nodes: { key: string }[];
    };
    const kept = new Set(subgraph.nodes.map((n) => n.key));
    const expected = {
      nodes: before.nodes.filter((n) => kept.has(n.split(" ")[0]!)),
      edges: before.edges.filter((e) => kept.has(e.split(" ")[0]!)),
    };
    expect(expected.edges.length).toBeGreaterThan(20);
    await wipe(db);
    const back = await ingestInputs(db, [{ source: "export.spdx3.json", content: exported.content }]);
    expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(await graph()).toEqual(expected);
  });
});

describe("the PROV export", () => {
  it("uses only PROV-O terms (and umr: ones), and reads back as the same graph", async () => {
    await wipe(db);
    await ingestInputs(db, loadInputs(umrDir));
    const roots = ["LLaVA-1.6-Vicuna-13B", "rrt-mil", "bloomz-7b1-mt", "test@1.0.0"];
    const before = await graph();
    const exported = await exportSubgraph(services.exports, roots, "UPSTREAM", null, "PROV", SYSTEM_VIEWER);
    const doc = JSON.parse(exported.content) as { "@context": Record<string, string>; "@graph": Record<string, unknown>[] };
    expect(doc["@context"].prov).toBe("http://www.w3.org/ns/prov#");
    // PROV-O's own terms, as the W3C recommendation names them.
    const PROV_O = new Set([
      "prov:Entity",
      "prov:Agent",
      "prov:Derivation",
      "prov:wasDerivedFrom",
      "prov:qualifiedDerivation",
      "prov:entity",
      "prov:wasAttributedTo",
    ]);
    const used = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          used.add(k);
          walk(x);
        }
      else if (typeof v === "string" && /^prov:/.test(v)) used.add(v);
    };
    walk(doc["@graph"]);
    expect([...used].filter((t) => t.startsWith("prov:") && !PROV_O.has(t))).toEqual([]);
    const subgraph = JSON.parse((await exportSubgraph(services.exports, roots, "UPSTREAM", null, "JSON", SYSTEM_VIEWER)).content) as {
      nodes: { key: string }[];
    };
    const kept = new Set(subgraph.nodes.map((n) => n.key));
    const expected = {
      nodes: before.nodes.filter((n) => kept.has(n.split(" ")[0]!)),
      edges: before.edges.filter((e) => kept.has(e.split(" ")[0]!)),
    };
    await wipe(db);
    const back = await ingestInputs(db, [{ source: "export.prov.jsonld", content: exported.content }]);
    expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(await graph()).toEqual(expected);
  });
});
