// CycloneDX: the repository's example BOM (lineage, advisories, a VEX statement), the published
// examples of ../shared/data/cyclonedx (imported, or refused precisely; accepted with --lenient),
// and the CYCLONEDX export: valid against the official 1.6 schema, and read back into an empty
// database as the same graph.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { exportSubgraph } from "../../src/export/export.js";
import { silentLogger } from "../../src/log.js";
import { SYSTEM_VIEWER } from "../../src/model/viewer.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { cycloneDxValidator } from "../../src/records/cyclonedx-schema.js";
import { collectFiles, parseInputs, readInputs } from "../../src/records/load.js";
import { Services } from "../../src/services/services.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { lineageText, rows } from "../helpers/graph.js";
import { ingestInputs, loadInputs } from "../helpers/ingest.js";
import { sharedData, skipMessage, umrDir } from "../helpers/shared.js";

const example = path.join(projectRoot, "examples", "formats", "cyclonedx");
const shared = path.join(sharedData, "cyclonedx");
const hasShared = fs.existsSync(shared);
skipMessage("CycloneDX (shared samples)", hasShared, shared);

let db: Executor;
let services: Services;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  services = new Services(db, silentLogger);
});
afterAll(async () => db?.close());

const graph = () => lineageText(db);

const inputOf = (file: string) => ({ source: path.basename(file), content: fs.readFileSync(file) });

describe("the repository's example BOM", () => {
  it("imports its components, lineage, advisories and VEX statement", async () => {
    const report = await ingestInputs(db, readInputs(collectFiles([example]), path.dirname(example)));
    expect([report.accepted, report.rejected, report.problems]).toEqual([3, 0, []]);
    expect(await graph()).toEqual({
      nodes: [
        "cdx:acme-slide-triage-model@1.0.0 model",
        "cdx:acme-slide-triage@2.1.0 application",
        "cdx:acme-triage-slides@1.0.0 dataset",
        "hf:acme/path-clip model placeholder",
      ],
      edges: [
        "cdx:acme-slide-triage-model@1.0.0 -DERIVED_FROM:derived_from-> hf:acme/path-clip",
        "cdx:acme-slide-triage-model@1.0.0 -TRAINED_ON:trained_on-> cdx:acme-triage-slides@1.0.0",
        "cdx:acme-slide-triage@2.1.0 -DERIVED_FROM:uses-> cdx:acme-slide-triage-model@1.0.0",
      ],
    });
    const risk = await services.risk.riskReport("cdx:acme-slide-triage", SYSTEM_VIEWER);
    expect(risk.risks.map((r) => [r.advisory.id, r.advisory.severity, r.depth])).toEqual([["ACME-2026-0007:2f20b24f", "HIGH", 2]]);
    // The not-affected statement holds the other advisory at the model: nothing reaches the app.
    const [vex] = await rows(
      db,
      "MATCH (v:Advisory {id: 'ACME-2026-0008:cc9eca3f'})-[x:EXEMPTS]->(a:Asset) RETURN a.key AS key, x.status AS status, x.justificationCode AS code, x.justification AS why",
    );
    expect(vex).toEqual({
      key: "cdx:acme-slide-triage-model@1.0.0",
      status: "NOT_AFFECTED",
      code: "vulnerable_code_not_in_execute_path",
      why: "The app loads safetensors only.",
    });
    const [model] = await rows(
      db,
      "MATCH (a:Asset {key: 'cdx:acme-slide-triage-model@1.0.0'}) RETURN a.architecture AS arch, a.evaluations AS ev, a.license AS license",
    );
    expect(model).toEqual({
      arch: "vision transformer",
      ev: JSON.stringify([{ name: "held-out slides", metric: "auroc", value: 0.93, date: null }]),
      license: "MIT",
    });
    // Importing it again changes nothing.
    const again = await ingestInputs(db, readInputs(collectFiles([example]), path.dirname(example)));
    expect([again.accepted, again.unchanged]).toEqual([0, 3]);
  });

  it("refuses vulnerabilities from a caller who may not publish advisories, writing nothing", async () => {
    const text = fs.readFileSync(path.join(example, "acme-triage.cdx.json"), "utf8").replace(/acme-/g, "other-");
    const report = await ingestInputs(db, [{ source: "other.cdx.json", content: text }], {
      viewer: { subject: "pub", org: "other", roles: ["PUBLISHER"], credentialId: "k" },
    });
    expect(report.written).toBe(false);
    expect(report.problems[0]).toMatchObject({ path: "$.vulnerabilities", code: "FORBIDDEN" });
    expect((await graph()).nodes.some((n) => n.startsWith("cdx:other-"))).toBe(false);
  });
});

describe.skipIf(!hasShared)("the published CycloneDX examples", () => {
  it("import, or are refused with the line and column; --lenient accepts the trailing commas", async () => {
    await wipe(db);
    const strict = await ingestInputs(
      db,
      fs
        .readdirSync(shared)
        .sort()
        .map((f) => inputOf(path.join(shared, f))),
      { partial: true },
    );
    const errors = strict.problems.filter((p) => p.severity === "error" && p.source !== "(batch)");
    const comma = {
      path: "$",
      line: 8,
      severity: "error",
      message:
        "malformed JSON: a trailing comma at line 8, column 44 (before the closing } at line 9, column 5); JSON allows none: remove it",
    };
    expect(errors).toEqual([
      { source: "dataset.bom.json", ...comma },
      { source: "opensource.bom.json", ...comma },
      { source: "opensource.pr50.bom.json", ...comma },
    ]);
    const g = await graph();
    expect(g.edges).toEqual([
      "cdx:support-ticket-classifier@1.0.0 -TRAINED_ON:trained_on-> cdx:support-ticket-evaluation-data@1.0.0",
      "cdx:support-ticket-classifier@1.0.0 -TRAINED_ON:trained_on-> cdx:support-ticket-training-data@1.0.0",
      "cdx:support-triage-service@1.0.0 -DERIVED_FROM:uses-> cdx:support-ticket-classifier@1.0.0",
    ]);
    expect(g.nodes).toContain("cdx:gpt-4o@1.0.0 model");
    // vex.json: the jackson-databind advisory, held not affected at its (placeholder) component.
    const [vex] = await rows(
      db,
      "MATCH (v:Advisory)-[x:EXEMPTS]->(a) RETURN v.sourceId AS id, v.severity AS severity, a.key AS key, x.status AS status",
    );
    expect(vex).toEqual({
      id: "CVE-2020-25649",
      severity: "HIGH",
      key: "cdx:pkg:maven/com.fasterxml.jackson.core/jackson-databind",
      status: "NOT_AFFECTED",
    });

    // Lenient: the comma is a warning, and so is what the official schema refuses (a license
    // with both an id and a name).
    const files = ["dataset.bom.json", "opensource.pr50.bom.json"].map((f) => inputOf(path.join(shared, f)));
    const strictSchema = parseInputs(
      files.map((f) => ({ ...f, content: Buffer.from(f.content).toString("utf8").replace(/Z",\n/, 'Z"\n') })),
      "cyclonedx",
    );
    expect(strictSchema.problems.filter((p) => p.severity === "error").map((p) => [p.source, p.path, p.message])).toEqual([
      [
        "dataset.bom.json",
        "$.components[0].licenses[0].license",
        'expected either "id" or "name", found a mapping with both (the schema allows one of them) (CycloneDX 1.6 schema)',
      ],
      [
        "dataset.bom.json",
        "$.components[0].licenses[1].license",
        'expected either "id" or "name", found a mapping with both (the schema allows one of them) (CycloneDX 1.6 schema)',
      ],
      [
        "opensource.pr50.bom.json",
        "$.components[0].licenses[0].license",
        'expected either "id" or "name", found a mapping with both (the schema allows one of them) (CycloneDX 1.6 schema)',
      ],
    ]);
    const lenient = parseInputs(files, "cyclonedx", { lenient: true });
    expect(lenient.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(lenient.problems.filter((p) => p.severity === "warning")).toHaveLength(5);
    const report = await services.ingest.ingest(lenient);
    expect(report.accepted).toBe(2);
    // The BOM's component keeps its own id, declared the same as the Hugging Face model it names.
    const twins = await services.sameAs.of(["cdx:bert-base-cased"], SYSTEM_VIEWER);
    expect(twins.get("cdx:bert-base-cased")!.map((t) => [t.a, t.b, t.source])).toEqual([
      ["cdx:bert-base-cased", "hf:google-bert/bert-base-cased", "record:cdx:bert-base-cased@1.0.0"],
    ]);
    expect((await graph()).edges).toEqual(
      expect.arrayContaining([
        "cdx:bert-base-cased@1.0.0 -TRAINED_ON:trained_on-> hf:datasets/bookcorpus/bookcorpus",
        "cdx:bert-base-cased@1.0.0 -TRAINED_ON:trained_on-> hf:datasets/legacy-datasets/wikipedia",
      ]),
    );
  });
});

describe("the CYCLONEDX export", () => {
  it("is valid against the official CycloneDX 1.6 schema, and reads back as the same graph", async () => {
    await wipe(db);
    await ingestInputs(db, loadInputs(umrDir));
    await ingestInputs(db, readInputs(collectFiles([example]), path.dirname(example)));
    const advisory = await services.advisories.publish(
      { affectsId: "laion-5b", category: "CSAM", severity: "CRITICAL", summary: "round trip" },
      SYSTEM_VIEWER,
    );
    await services.advisories.exempt({ advisoryId: advisory.id, assetKey: "plip", justification: "retrained" }, SYSTEM_VIEWER);
    const roots = ["LLaVA-1.6-Vicuna-13B", "rrt-mil", "bloomz-7b1-mt", "cdx:acme-slide-triage", "test@1.0.0"];
    const before = await graph();
    const exported = await exportSubgraph(services.exports, roots, "UPSTREAM", null, "CYCLONEDX", SYSTEM_VIEWER);
    const bom = JSON.parse(exported.content) as Record<string, unknown>;
    const validate = cycloneDxValidator("1.6");
    expect([validate(bom), validate.errors ?? null]).toEqual([true, null]);
    expect((bom.vulnerabilities as { analysis?: { state: string } }[]).some((v) => v.analysis?.state === "not_affected")).toBe(true);
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
    const back = await ingestInputs(db, [{ source: "export.cdx.json", content: exported.content }]);
    expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(await graph()).toEqual(expected);
  });
});
