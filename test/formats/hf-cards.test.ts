// Hugging Face model cards: the repository's own examples (README.md cards and a JSONL), every
// refusal precise, and the 30 real cards of ../shared/data/hf-model-cards edge by edge.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { collectFiles, parseInputs, readInputs } from "../../src/records/load.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs } from "../helpers/ingest.js";
import { sharedData, skipMessage } from "../helpers/shared.js";
import { rows } from "../helpers/graph.js";
import { testApi } from "../helpers/graphql.js";

const examples = path.join(projectRoot, "examples", "formats", "hf-cards");
const sharedCards = path.join(sharedData, "hf-model-cards");
const hasCards = fs.existsSync(sharedCards);
skipMessage("Hugging Face cards (shared samples)", hasCards, sharedCards);

let db: Executor;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
});
afterAll(async () => db?.close());

/** Every lineage edge of the graph as "from -relation-> to". */
async function edges(): Promise<string[]> {
  const found = await rows(
    db,
    "MATCH (a:Asset)-[e:TRAINED_ON|DERIVED_FROM]->(b:Asset) RETURN a.key + ' -' + e.relation + '-> ' + b.key AS e",
  );
  return found.map((r) => r.e as string).sort();
}

const card = (folder: string, text: string) => ({ source: `cards/${folder}/README.md`, content: text });

describe("the repository's example cards", () => {
  it("read as the folder and the JSONL say, with the relations the cards give (or their defaults)", async () => {
    const inputs = readInputs(collectFiles([examples]), path.dirname(examples));
    expect(inputs.map((i) => i.source).sort()).toEqual([
      "hf-cards/acme__path-clip-GGUF/README.md",
      "hf-cards/acme__path-clip/README.md",
      "hf-cards/cards.jsonl",
    ]);
    const loaded = parseInputs(inputs);
    expect(loaded.format).toBe("hf-card");
    expect(loaded.problems).toEqual([]);
    const report = await ingestInputs(db, inputs);
    expect([report.accepted, report.rejected, report.written]).toEqual([4, 0, true]);
    expect(await edges()).toEqual([
      "hf:acme/path-clip-GGUF@1.0.0 -quantized-> hf:acme/path-clip@1.0.0",
      "hf:acme/path-clip-lora@1.0.0 -adapter-> hf:acme/path-clip@1.0.0",
      "hf:acme/path-clip-lora@1.0.0 -trained_on-> hf:datasets/acme/path-captions",
      "hf:acme/path-clip-merge@1.0.0 -merge-> hf:acme/path-clip@1.0.0",
      "hf:acme/path-clip-merge@1.0.0 -merge-> hf:openai/clip-vit-large-patch14",
      "hf:acme/path-clip@1.0.0 -finetune-> hf:openai/clip-vit-base-patch32",
      "hf:acme/path-clip@1.0.0 -trained_on-> hf:datasets/acme/path-captions",
    ]);
    const [clip] = await rows(
      db,
      "MATCH (a:Asset {key: 'hf:acme/path-clip@1.0.0'}) RETURN a.name AS name, a.publisher AS publisher, a.license AS license, a.evaluations AS evaluations, a.access AS access, a.refs AS refs",
    );
    expect(clip).toEqual({
      name: "acme/path-clip",
      publisher: "acme",
      license: "mit",
      evaluations: JSON.stringify([{ name: "Kather colon histology", metric: "accuracy", value: 0.874, date: null }]),
      access: "OPEN_WEIGHTS",
      refs: ["https://huggingface.co/acme/path-clip"],
    });
  });

  it("refuses bad cards precisely (file, line, JSON path, expected and found) and writes nothing", async () => {
    const before = await edges();
    const report = await ingestInputs(
      db,
      [
        card("acme__good", "---\nbase_model: acme/path-clip\n---\n"),
        card("acme__bad-type", "---\nlicense: mit\nbase_model:\n  name: x\n---\n"),
        card("acme__bad-relation", "---\nbase_model: acme/path-clip\nbase_model_relation: distilled\n---\n"),
        card("acme__bad-yaml", "---\nlicense: [mit\n---\n"),
        card("no-org-here", "---\nlicense: mit\n---\n"),
        {
          source: "cards/more.jsonl",
          content: '{"id": "acme/ok", "cardData": {}}\n{"id": "acme/broken", "cardData": \n{"id": "not-a-hub-id", "cardData": {}}\n',
        },
      ],
      {},
      "hf-card",
    );
    expect(report.written).toBe(false);
    // In the order of the inputs.
    expect(report.problems.filter((p) => p.source !== "(batch)")).toEqual([
      {
        source: "cards/acme__bad-type/README.md",
        path: "$.base_model",
        line: 4,
        severity: "error",
        message: 'expected a Hub id ("org/name") or a list of them, found a mapping',
      },
      {
        source: "cards/acme__bad-relation/README.md",
        path: "$.base_model_relation",
        line: 3,
        severity: "error",
        message: 'expected one of finetune, adapter, merge, quantized, found "distilled"',
      },
      {
        source: "cards/acme__bad-yaml/README.md",
        path: "$",
        line: 2,
        severity: "error",
        message: "malformed YAML front matter: Flow sequence in block collection must be sufficiently indented and end with a ]",
      },
      {
        source: "cards/no-org-here/README.md",
        path: "$",
        severity: "error",
        message:
          'a card\'s id comes from its folder: expected <org>__<name>/README.md (such as mistralai__Mistral-7B-v0.1/README.md), found the folder "no-org-here"',
      },
      {
        source: "cards/more.jsonl",
        path: "$",
        line: 2,
        severity: "error",
        message: "line 2: malformed JSON: Unexpected end of JSON input",
      },
      {
        source: "cards/more.jsonl",
        path: "$[2].id",
        line: 3,
        severity: "error",
        message: 'expected a Hub id "org/name", found "not-a-hub-id"',
      },
    ]);
    expect(report.problems.at(-1)!.message).toMatch(/^nothing was written: 6 records are invalid/);
    expect(await edges()).toEqual(before);
  });
});

describe("ingestRecords with format HF_CARD", () => {
  it("takes cards over GraphQL, as the CLI does", async () => {
    const api = await testApi(db);
    const r = await api.run(
      `mutation($docs: [RecordDocument!]!) { ingestRecords(input: {format: HF_CARD, documents: $docs}) { accepted rejected problems { message } } }`,
      { docs: [{ source: "cards/acme__gql-card/README.md", content: "---\nbase_model: acme/path-clip\nlicense: mit\n---\n" }] },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.ingestRecords).toEqual({ accepted: 1, rejected: 0, problems: [] });
    expect(await edges()).toContain("hf:acme/gql-card@1.0.0 -finetune-> hf:acme/path-clip@1.0.0");
  });
});

describe.skipIf(!hasCards)("the 30 real cards of ../shared/data/hf-model-cards", () => {
  it("all import, and their lineage is what the cards say, edge by edge", async () => {
    await wipe(db);
    const inputs = readInputs(collectFiles([sharedCards]), sharedCards);
    expect(inputs).toHaveLength(30);
    const report = await ingestInputs(db, inputs);
    expect([report.accepted, report.rejected, report.problems.filter((p) => p.severity === "error")]).toEqual([30, 0, []]);
    const all = await edges();
    const upstreamOf = (hubId: string) =>
      all.filter((e) => e.startsWith(`hf:${hubId}@1.0.0 -`)).map((e) => e.slice(`hf:${hubId}@1.0.0 `.length));
    expect(upstreamOf("teknium/OpenHermes-2.5-Mistral-7B")).toEqual([
      "-finetune-> hf:mistralai/Mistral-7B-v0.1@1.0.0",
      "-trained_on-> hf:datasets/teknium/OpenHermes-2.5",
    ]);
    expect(upstreamOf("OpenPipe/mistral-ft-optimized-1227")).toEqual([
      "-merge-> hf:Intel/neural-chat-7b-v3-3@1.0.0",
      "-merge-> hf:meta-math/MetaMath-Mistral-7B@1.0.0",
      "-merge-> hf:openchat/openchat-3.5-1210@1.0.0",
      "-merge-> hf:teknium/OpenHermes-2.5-Mistral-7B@1.0.0",
    ]);
    expect(upstreamOf("Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp")).toEqual([
      "-merge-> hf:Intel/neural-chat-7b-v3-3@1.0.0",
      "-merge-> hf:teknium/OpenHermes-2.5-Mistral-7B@1.0.0",
    ]);
    expect(upstreamOf("Intel/neural-chat-7b-v3-3")).toEqual(["-finetune-> hf:Intel/neural-chat-7b-v3-1@1.0.0"]);
    expect(upstreamOf("malhajar/meditron-7b-chat")).toEqual([
      "-finetune-> hf:epfl-llm/meditron-7b@1.0.0",
      "-trained_on-> hf:datasets/yahma/alpaca-cleaned",
    ]);
    expect(upstreamOf("epfl-llm/meditron-7b")[0]).toBe("-finetune-> hf:meta-llama/Llama-2-7b");
    // Explicit relations win; without one, one base is a fine-tune and several a merge.
    expect(upstreamOf("minimalcorp/Qwen3-ASR-1.7B-JA-GGUF")).toEqual(["-quantized-> hf:neosophie/Qwen3-ASR-1.7B-JA"]);
    expect(upstreamOf("chaoliangUNSW/Jev-Style-Qwen3.5-2B-Decision-v2-MLX-bf16")).toEqual([
      "-finetune-> hf:chaoliangUNSW/Jev-Style-Qwen3.5-2B-Decision-v2@1.0.0",
    ]);
    expect(upstreamOf("chaoliangUNSW/Jev-Style-Cascade-9B")).toEqual([
      "-merge-> hf:alibiserikbay/JevK5-9B",
      "-merge-> hf:chaoliangUNSW/Jev-Style-2B-Decision-v3@1.0.0",
    ]);
    expect(upstreamOf("QuantFactory/Mistral-7B-OpenOrca-GGUF")).toEqual(["-finetune-> hf:Open-Orca/Mistral-7B-OpenOrca@1.0.0"]);
    for (const root of [
      "mistralai/Mistral-7B-v0.1",
      "Open-Orca/Mistral-7B-OpenOrca",
      "berkeley-nest/Starling-LM-7B-alpha",
      "Heralax/Augmental-ReMM-13b-Merged",
    ])
      expect(
        upstreamOf(root).filter((e) => !e.startsWith("-trained_on->")),
        root,
      ).toEqual([]);
    // The facts measured on the saved front matter (SOURCES.md): 25 cards with base_model, 7 with
    // an explicit relation (4 quantized, 3 finetune), 14 with datasets.
    const cards = [...new Set(all.map((e) => e.split(" ")[0]))];
    const withBase = cards.filter((c) => all.some((e) => e.startsWith(`${c} -`) && !e.includes("-trained_on->")));
    const withData = cards.filter((c) => all.some((e) => e.startsWith(`${c} -trained_on->`)));
    expect([withBase.length, withData.length, all.filter((e) => e.includes("-quantized->")).length]).toEqual([25, 14, 4]);
    const [gemma] = await rows(db, "MATCH (a:Asset {key: 'hf:eaddario/gemma-3-12b-it-pruned-GGUF@1.0.0'}) RETURN a.license AS license");
    expect(gemma!.license).toBe("gemma");
  });
});
