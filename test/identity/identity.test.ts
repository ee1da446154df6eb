// One identity across sources (data-model.md §5): ids live in their source's namespace, so two
// sources that use one name for different things neither conflict nor bind to each other; a
// sameAs statement joins two ids, and lineage and risk cross it as within one node (not a hop).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { testApi, type TestApi } from "../helpers/graphql.js";
import { ingestInputs, umr } from "../helpers/ingest.js";
import type { RecordInput } from "../../src/records/umr.js";
import { createLogger, silentLogger } from "../../src/log.js";
import { Services } from "../../src/services/services.js";
import { registryFilterOf, registryReport } from "../../src/services/registry-report.js";
import { registryCsv } from "../../src/export/registry-csv.js";
import { SYSTEM_VIEWER } from "../../src/model/viewer.js";
import { exportSubgraph } from "../../src/export/export.js";
import { loadJsonExport } from "../../src/export/load.js";

let db: Executor;
let api: TestApi;

const card = (hubId: string, frontMatter: string): RecordInput => ({
  source: `cards/${hubId.replace("/", "__")}/README.md`,
  content: `---\n${frontMatter}\n---\n\n# ${hubId}\n`,
});

async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await api.run<T>(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data!;
}

const BLAST = `query($key: ID, $advisoryId: ID) { blastRadius(key: $key, advisoryId: $advisoryId, first: 50) {
  totalCount edges { node { asset { key } depth path { type relation from { key } to { key } } } } } }`;
type Blast = { blastRadius: { totalCount: number; edges: { node: { asset: { key: string }; depth: number; path: unknown[] } }[] } };
/** The blast radius of an advisory (ids with a "-" and digits, as published) or of an asset key. */
const blast = async (keyOrAdvisory: string) =>
  (await gql<Blast>(BLAST, /^UMR-\d{4}-/.test(keyOrAdvisory) ? { advisoryId: keyOrAdvisory } : { key: keyOrAdvisory })).blastRadius;

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  api = await testApi(db, createLogger("silent", "test"));
});
afterAll(async () => db?.close());

describe("namespaces", () => {
  it("two sources that name different things alike do not conflict, and references stay in their source", async () => {
    const eg: RecordInput = {
      source: "ecosystem-graphs:stanford.yaml",
      content: [
        "- type: model",
        "  name: Alpaca",
        "  organization: Stanford",
        "  dependencies: [LLaMA]",
        "- type: application",
        "  name: Alpaca demo",
        "  organization: Stanford",
        "  dependencies: [Alpaca]",
        "",
      ].join("\n"),
    };
    const report = await ingestInputs(db, [umr("alpaca", "1.0.0", "dataset"), eg]);
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect([report.accepted, report.rejected, report.written]).toEqual([3, 0, true]);
    const data = await gql(
      `{ a: asset(key: "alpaca") { key kind } b: asset(key: "eg:alpaca") { key kind downstream { edges { node { from { key } } } } } }`,
    );
    expect(data.a).toEqual({ key: "alpaca@1.0.0", kind: "DATASET" });
    expect(data.b.key).toBe("eg:alpaca@1.0.0");
    expect(data.b.kind).toBe("MODEL");
    // The demo's dependency "Alpaca" is the Ecosystem Graphs model, never the UMR dataset.
    expect(data.b.downstream.edges.map((e: { node: { from: { key: string } } }) => e.node.from.key)).toEqual(["eg:alpaca-demo@1.0.0"]);
    // What if the UMR dataset were flagged: it alone (the Ecosystem Graphs model is another thing).
    expect((await blast("alpaca")).edges.map((e) => e.node.asset.key)).toEqual(["alpaca@1.0.0"]);
  });

  it("a UMR record names an asset of another source by its qualified id", async () => {
    const report = await ingestInputs(db, [
      umr("path-vlm", "1.0.0", "model", [{ ref: "hf:acme/clip-ft", relation: "finetune" }]),
      card("acme/clip-ft", "base_model: openai/clip-vit-base\ndatasets:\n- laion/laion5b\nlicense: mit"),
    ]);
    expect([report.accepted, report.rejected]).toEqual([2, 0]);
    const data = await gql(`{ asset(key: "hf:acme/clip-ft") { key license upstream { type relation to { key kind placeholder } } } }`);
    expect(data.asset).toEqual({
      key: "hf:acme/clip-ft@1.0.0",
      license: "mit",
      upstream: [
        { type: "TRAINED_ON", relation: "trained_on", to: { key: "hf:datasets/laion/laion5b", kind: "DATASET", placeholder: true } },
        { type: "DERIVED_FROM", relation: "finetune", to: { key: "hf:openai/clip-vit-base", kind: "MODEL", placeholder: true } },
      ],
    });
  });
});

describe("sameAs", () => {
  let advisoryId: string;
  beforeAll(async () => {
    await ingestInputs(db, [umr("laion-5b", "1.0.0", "dataset"), umr("plip", "1.0.0", "model", ["laion-5b"])]);
    advisoryId = (
      await gql(
        `mutation { publishAdvisory(input: {affectsId: "laion-5b", category: CSAM, severity: CRITICAL, summary: "sameAs test"}) { id } }`,
      )
    ).publishAdvisory.id;
  });

  it("without a statement, a risk in one source does not reach the other", async () => {
    const b = await blast(advisoryId);
    expect(b.edges.map((e) => [e.node.asset.key, e.node.depth])).toEqual([
      ["laion-5b@1.0.0", 0],
      ["plip@1.0.0", 1],
    ]);
  });

  it("a declared sameAs carries it across as through one node, and its withdrawal takes it back", async () => {
    const declared = await gql(
      `mutation { declareSameAs(a: "laion-5b", b: "hf:datasets/laion/laion5b", note: "the Hub copy") { a b source note by } }`,
    );
    expect(declared.declareSameAs).toEqual({
      a: "hf:datasets/laion/laion5b",
      b: "laion-5b",
      source: "api",
      note: "the Hub copy",
      by: "system",
    });
    const b = await blast(advisoryId);
    expect(b.edges.map((e) => [e.node.asset.key, e.node.depth])).toEqual([
      ["hf:datasets/laion/laion5b", 0],
      ["laion-5b@1.0.0", 0],
      ["hf:acme/clip-ft@1.0.0", 1],
      ["plip@1.0.0", 1],
      ["path-vlm@1.0.0", 2],
    ]);
    const clip = b.edges.find((e) => e.node.asset.key === "hf:acme/clip-ft@1.0.0")!.node;
    expect(clip.path).toEqual([
      { type: "TRAINED_ON", relation: "trained_on", from: { key: "hf:acme/clip-ft@1.0.0" }, to: { key: "hf:datasets/laion/laion5b" } },
      { type: "SAME_AS", relation: "same_as", from: { key: "hf:datasets/laion/laion5b" }, to: { key: "laion-5b@1.0.0" } },
    ]);
    const risk = await gql(
      `{ riskReport(key: "path-vlm") { risks { advisory { id } depth effectiveSeverity path { type from { key } to { key } } } } }`,
    );
    expect(risk.riskReport.risks).toEqual([
      {
        advisory: { id: advisoryId },
        depth: 2,
        effectiveSeverity: "CRITICAL",
        path: [
          { type: "DERIVED_FROM", from: { key: "path-vlm@1.0.0" }, to: { key: "hf:acme/clip-ft@1.0.0" } },
          { type: "TRAINED_ON", from: { key: "hf:acme/clip-ft@1.0.0" }, to: { key: "hf:datasets/laion/laion5b" } },
          { type: "SAME_AS", from: { key: "hf:datasets/laion/laion5b" }, to: { key: "laion-5b@1.0.0" } },
        ],
      },
    ]);
    const up = await gql(`{ lineage(key: "path-vlm", direction: UPSTREAM) { edges { node { asset { key } depth } } } }`);
    expect(up.lineage.edges.map((e: { node: { asset: { key: string }; depth: number } }) => [e.node.asset.key, e.node.depth])).toEqual([
      ["hf:acme/clip-ft@1.0.0", 1],
      ["hf:datasets/laion/laion5b", 2],
      ["hf:openai/clip-vit-base", 2],
      ["laion-5b@1.0.0", 2],
    ]);
    // A shallow question walks one depth per statement: the same answer.
    const shallow = await gql(`{ lineage(key: "path-vlm", direction: UPSTREAM, maxDepth: 2) { edges { node { asset { key } depth } } } }`);
    expect(shallow.lineage.edges).toEqual(up.lineage.edges);
    const paths = await gql(`{ paths(from: "path-vlm", to: "laion-5b") { type from { key } to { key } } }`);
    expect(paths.paths.map((p: { type: string }[]) => p.map((e) => e.type))).toEqual([["DERIVED_FROM", "TRAINED_ON", "SAME_AS"]]);
    const twins = await gql(`{ asset(key: "laion-5b") { sameAs { a b } } }`);
    expect(twins.asset.sameAs).toEqual([{ a: "hf:datasets/laion/laion5b", b: "laion-5b" }]);

    // Declaring it again changes nothing.
    const again = await api.run(`mutation { declareSameAs(a: "hf:datasets/laion/laion5b", b: "laion-5b") { note } }`);
    expect(again.data!.declareSameAs).toEqual({ note: "the Hub copy" });

    await gql(`mutation { withdrawSameAs(a: "laion-5b", b: "hf:datasets/laion/laion5b") { a } }`);
    expect((await blast(advisoryId)).edges.map((e) => e.node.asset.key)).toEqual(["laion-5b@1.0.0", "plip@1.0.0"]);
  });

  it("a record's same_as joins ids whichever arrives first, and an exemption still stops the risk", async () => {
    // The statement comes with the record of one side; the other side arrives later.
    await ingestInputs(db, [umr("clip", "1.0.0", "model", ["laion-5b"], { same_as: ["hf:openai/clip-vit-base"] })]);
    const b = await blast(advisoryId);
    expect(b.edges.map((e) => [e.node.asset.key, e.node.depth])).toEqual([
      ["laion-5b@1.0.0", 0],
      ["clip@1.0.0", 1],
      ["hf:openai/clip-vit-base", 1],
      ["plip@1.0.0", 1],
      ["hf:acme/clip-ft@1.0.0", 2],
      ["path-vlm@1.0.0", 3],
    ]);
    await ingestInputs(db, [card("openai/clip-vit-base", "license: mit")]);
    expect((await blast(advisoryId)).edges.map((e) => e.node.asset.key)).toContain("hf:openai/clip-vit-base@1.0.0");
    await gql(
      `mutation($a: ID!) { addExemption(input: {advisoryId: $a, assetKey: "hf:acme/clip-ft@1.0.0", justification: "retrained"}) }`,
      {
        a: advisoryId,
      },
    );
    const after = await blast(advisoryId);
    expect(after.edges.map((e) => e.node.asset.key)).not.toContain("path-vlm@1.0.0");
  });

  it("refuses a statement that names one id twice or something that is not an id", async () => {
    const r = await api.run(`mutation { declareSameAs(a: "plip", b: "plip") { a } }`);
    expect(r.errors?.[0]?.message).toBe('sameAs: an id is the same as itself: name two different ids (found "plip" twice)');
    const bad = await api.run(`mutation { declareSameAs(a: "plip", b: "not an id") { a } }`);
    expect(bad.errors?.[0]?.message).toMatch(/^sameAs: expected a native id .* found "not an id"$/);
  });
});

describe("registry fields", () => {
  it("are typed, and filter: every model above 10^25 FLOP trained on LAION-5B", async () => {
    await ingestInputs(db, [
      umr("big-vlm", "1.0.0", "model", ["clip"], {
        registry: {
          architecture: "decoder-only transformer",
          parameters: "70B",
          training_flop: 3e25,
          access: "api",
          evaluations: [{ name: "MMMU", metric: "accuracy", value: 0.61, date: "2025-01-10" }],
        },
      }),
      umr("small-vlm", "1.0.0", "model", ["clip"], { registry: { training_flop: "2e23" } }),
      umr("big-other", "1.0.0", "model", [], { registry: { training_flop: 5e25 } }),
    ]);
    const data = await gql(`{
      hits: assets(filter: {minTrainingFlop: 1e25, trainedOn: "laion-5b"}) { totalCount edges { node { key architecture parameterCount trainingFlop access evaluations { name metric value date } } } }
      big: assets(filter: {minTrainingFlop: 1e25}) { totalCount edges { node { key } } }
    }`);
    expect(data.hits).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            key: "big-vlm@1.0.0",
            architecture: "decoder-only transformer",
            parameterCount: 7e10,
            trainingFlop: 3e25,
            access: "API",
            evaluations: [{ name: "MMMU", metric: "accuracy", value: 0.61, date: "2025-01-10" }],
          },
        },
      ],
    });
    expect(data.big.edges.map((e: { node: { key: string } }) => e.node.key)).toEqual(["big-other@1.0.0", "big-vlm@1.0.0"]);
    expect(data.big.totalCount).toBe(2);

    // The registry report: the same question, as registries ask it, in CSV.
    const services = new Services(db, silentLogger);
    const report = await registryReport(
      services.assets,
      registryFilterOf({ minTrainingFlop: "1e25", trainedOn: "laion-5b" }),
      SYSTEM_VIEWER,
    );
    expect(registryCsv(report)).toBe(
      "key,name,kind,publisher,license,releaseDate,architecture,parameterCount,trainingFlop,trainingData,access,evaluations\r\n" +
        'big-vlm@1.0.0,BIG-VLM,model,,,,decoder-only transformer,70000000000,3e+25,,API,"[{""name"":""MMMU"",""metric"":""accuracy"",""value"":0.61,""date"":""2025-01-10""}]"\r\n',
    );
    expect(() => registryFilterOf({ minTrainingFlop: "lots" })).toThrow('minTrainingFlop: expected a number such as 1e25, found "lots"');
  });
});

describe("exports", () => {
  it("a JSON export carries the sameAs statements between its ids, and loading it restores them", async () => {
    const services = new Services(db, silentLogger);
    const g = await services.exports.subgraph(["hf:acme/clip-ft"], "UPSTREAM", null, SYSTEM_VIEWER);
    expect(g.sameAs).toEqual([{ a: "clip", b: "hf:openai/clip-vit-base", by: null, source: "record:clip@1.0.0", note: null }]);
    const content = (await exportSubgraph(services.exports, ["hf:acme/clip-ft"], "UPSTREAM", null, "JSON", SYSTEM_VIEWER)).content;
    await wipe(db);
    await loadJsonExport(db, content);
    const twins = await services.sameAs.of(["clip"], SYSTEM_VIEWER);
    expect(twins.get("clip")!.map((t) => [t.a, t.b])).toEqual([["clip", "hf:openai/clip-vit-base"]]);
    const up = await gql(`{ lineage(key: "hf:acme/clip-ft", direction: UPSTREAM) { edges { node { asset { key } depth } } } }`);
    expect(
      up.lineage.edges.map((e: { node: { asset: { key: string }; depth: number } }) => [e.node.asset.key, e.node.depth]),
    ).toContainEqual(["clip@1.0.0", 1]);
  });
});
