// Hugging Face model cards → records. A card is a repository's README.md, its metadata a YAML
// block at the top between two lines of `---`; a batch is a folder of `<org>__<name>/README.md`
// (the id comes from the folder: cards do not name themselves) or a JSONL of {id, cardData}
// (the Hub API's shape). Ids are qualified by the hf: namespace (data-model.md §5): models as
// hf:<org>/<name>, datasets as hf:datasets/<org>/<name> (the Hub keeps the two apart, and one
// name may be both).
//   base_model (one id or a list) → upstream, with base_model_relation (finetune, adapter, merge,
//     quantized); absent: finetune for one base, merge for several;
//   datasets → trained_on;  license (a list joins with AND);  every other field kept in extra.hf.
import path from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";
import { qualify } from "../model/ids.js";
import type { AssetKindName } from "../model/asset.js";
import type { Relation } from "../model/vocab.js";
import { canonicalJson, sha256, type AssetRecord, type Problem, type RecordReference } from "./record.js";
import { describeValue, jsonPath, lineOf } from "./validate.js";
import type { RecordInput } from "./umr.js";
import { registryFieldsOfHfCard } from "./registry-fields.js";

/** Cards have no record versions: each card is version 1.0.0 of its id. */
export const HF_VERSION = "1.0.0";
export const HF_RELATIONS = ["finetune", "adapter", "merge", "quantized"] as const satisfies readonly Relation[];
const HF_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A card's folder: <org>__<name>. */
const CARD_FOLDER = /^([A-Za-z0-9][A-Za-z0-9._-]*?)__([A-Za-z0-9][A-Za-z0-9._-]*)$/;
const MAPPED = new Set(["base_model", "base_model_relation", "datasets", "license"]);

export const hfModelId = (hubId: string) => qualify("hf", hubId);
export const hfDatasetId = (hubId: string) => `hf:datasets/${hubId}`;

/** The Hugging Face id a huggingface.co URL names (a model, or a dataset by its path or its kind), or null. */
export function hfIdOfUrl(url: unknown, kind: AssetKindName): string | null {
  const m = typeof url === "string" ? /^https?:\/\/huggingface\.co\/(datasets\/)?([^/?#\s]+\/[^/?#\s]+)/.exec(url) : null;
  if (!m) return null;
  return m[1] || kind === "dataset" ? hfDatasetId(m[2]!) : hfModelId(m[2]!);
}

/** A Hub id as cards write it: "org/name", or a huggingface.co URL of one. */
function hubId(text: string): string {
  return text
    .trim()
    .replace(/^https?:\/\/huggingface\.co\/(?:datasets\/)?/, "")
    .replace(/\/+$/, "");
}

export interface CardInput {
  /** Where it came from, as problems name it ("cards/org__name/README.md", "cards.jsonl:3"). */
  source: string;
  hubId: string;
  cardData: Record<string, unknown>;
  /** For YAML cards: line numbers of fields (1-based, in the file). */
  lineAt?: (segments: readonly (string | number)[]) => number | undefined;
}

function problem(source: string, p: string, message: string, line?: number, severity: Problem["severity"] = "error"): Problem {
  return { source, path: p, message, severity, ...(line !== undefined ? { line } : {}) };
}

function text(input: RecordInput): string {
  return typeof input.content === "string" ? input.content : Buffer.from(input.content).toString("utf8");
}

/** Whether a document looks like a model card (front matter first) or a JSONL of cards. */
export function looksLikeCard(input: RecordInput): boolean {
  const head = text(input).slice(0, 4096);
  if (/\.jsonl$/i.test(input.source)) return /^\s*\{[^\n]*"cardData"\s*:/.test(head);
  return path.basename(input.source).toLowerCase() === "readme.md" && /^\uFEFF?---\r?\n/.test(head);
}

/** The cards a document holds, or the problems that refuse it. */
export function readCards(input: RecordInput): { cards: CardInput[]; problems: Problem[] } {
  const body = text(input);
  if (/\.jsonl$/i.test(input.source)) return readJsonl(input.source, body);
  const folder = path.basename(path.dirname(input.source));
  const m = CARD_FOLDER.exec(folder);
  if (!m) {
    return {
      cards: [],
      problems: [
        problem(
          input.source,
          "$",
          `a card's id comes from its folder: expected <org>__<name>/README.md (such as mistralai__Mistral-7B-v0.1/README.md), found the folder ${JSON.stringify(folder)}`,
        ),
      ],
    };
  }
  const id = `${m[1]}/${m[2]}`;
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(body) ?? /^\uFEFF?---\r?\n()---[ \t]*(?:\r?\n|$)/.exec(body);
  if (!fm) {
    return {
      cards: [],
      problems: [problem(input.source, "$", "expected YAML front matter: a first line `---`, the metadata, and a closing line `---`", 1)],
    };
  }
  const counter = new LineCounter();
  const doc: Document = parseDocument(fm[1]!, { lineCounter: counter, uniqueKeys: true });
  // The front matter starts on the file's second line.
  const fileLine = (l: number | undefined) => (l === undefined ? undefined : l + 1);
  if (doc.errors.length) {
    return {
      cards: [],
      problems: doc.errors.map((e) =>
        problem(
          input.source,
          "$",
          `malformed YAML front matter: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
          fileLine(e.linePos?.[0]?.line),
        ),
      ),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      cards: [],
      problems: [problem(input.source, "$", `expected the front matter to be a mapping, found ${describeValue(data)}`, 2)],
    };
  }
  return {
    cards: [
      {
        source: input.source,
        hubId: id,
        cardData: data as Record<string, unknown>,
        lineAt: (segments) => fileLine(lineOf(doc, counter, segments)),
      },
    ],
    problems: [],
  };
}

function readJsonl(source: string, body: string): { cards: CardInput[]; problems: Problem[] } {
  const cards: CardInput[] = [];
  const problems: Problem[] = [];
  body.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (err) {
      problems.push(problem(source, "$", `line ${i + 1}: malformed JSON: ${(err as Error).message}`, i + 1));
      return;
    }
    const r = row as { id?: unknown; modelId?: unknown; cardData?: unknown };
    const id = r.id ?? r.modelId;
    if (typeof id !== "string" || !HF_ID.test(hubId(id))) {
      problems.push(problem(source, `$[${i}].id`, `expected a Hub id "org/name", found ${describeValue(id)}`, i + 1));
      return;
    }
    const cardData = r.cardData ?? {};
    if (cardData === null || typeof cardData !== "object" || Array.isArray(cardData)) {
      problems.push(
        problem(source, `$[${i}].cardData`, `expected the card's metadata as an object, found ${describeValue(cardData)}`, i + 1),
      );
      return;
    }
    cards.push({ source: where, hubId: hubId(id), cardData: cardData as Record<string, unknown>, lineAt: () => i + 1 });
  });
  return { cards, problems };
}

/** A string or a list of strings, as card fields often are. */
function stringList(value: unknown): string[] | null {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  return null;
}

/** One card → one record, or the problems that refuse it. */
export function convertCard(card: CardInput): { record?: AssetRecord; problems: Problem[] } {
  const { source, cardData: d } = card;
  const problems: Problem[] = [];
  const err = (segments: (string | number)[], message: string) =>
    problems.push(problem(source, jsonPath(segments), message, card.lineAt?.(segments)));
  const id = hfModelId(card.hubId);

  const bases: string[] = [];
  if (d.base_model !== undefined && d.base_model !== null) {
    const list = stringList(d.base_model);
    if (!list) err(["base_model"], `expected a Hub id ("org/name") or a list of them, found ${describeValue(d.base_model)}`);
    else
      list.forEach((b, i) => {
        const h = hubId(b);
        if (!HF_ID.test(h))
          err(Array.isArray(d.base_model) ? ["base_model", i] : ["base_model"], `expected a Hub id "org/name", found ${JSON.stringify(b)}`);
        else if (h === card.hubId) err(["base_model"], `self-reference: ${card.hubId} names itself as its base model`);
        else if (!bases.includes(h)) bases.push(h);
      });
  }
  let relation: Relation = bases.length > 1 ? "merge" : "finetune";
  if (d.base_model_relation !== undefined && d.base_model_relation !== null) {
    if (typeof d.base_model_relation !== "string" || !(HF_RELATIONS as readonly string[]).includes(d.base_model_relation))
      err(["base_model_relation"], `expected one of ${HF_RELATIONS.join(", ")}, found ${describeValue(d.base_model_relation)}`);
    else relation = d.base_model_relation as Relation;
  }
  const datasets: string[] = [];
  if (d.datasets !== undefined && d.datasets !== null) {
    const list = stringList(d.datasets);
    if (!list) err(["datasets"], `expected a list of Hub dataset ids ("org/name"), found ${describeValue(d.datasets)}`);
    else
      for (const ds of list) {
        const h = hubId(ds);
        if (h && !datasets.includes(h)) datasets.push(h);
      }
  }
  let license: string | null = null;
  if (d.license !== undefined && d.license !== null) {
    const list = stringList(d.license);
    if (!list) err(["license"], `expected a license id (such as apache-2.0) or a list of them, found ${describeValue(d.license)}`);
    else license = list.join(" AND ");
  }
  if (problems.length) return { problems };

  const named: { id: string; declaredRelation: Relation; placeholderName: string }[] = [
    ...bases.map((b) => ({ id: hfModelId(b), declaredRelation: relation, placeholderName: b })),
    ...datasets.map((ds) => ({ id: hfDatasetId(ds), declaredRelation: "trained_on" as const, placeholderName: ds })),
  ];
  const upstream: RecordReference[] = named.map((u, index) => ({ ...u, constraint: null, range: "*", pinned: false, note: null, index }));

  const hf = Object.fromEntries(Object.entries(d).filter(([k]) => !MAPPED.has(k)));
  const document = canonicalJson({ id: card.hubId, cardData: d });
  const [org] = card.hubId.split("/");
  // The Hub id is the name people know; model-index names are often stale (OpenHermes-2.5's says OpenHermes-2).
  const name = typeof d.model_name === "string" && d.model_name.trim() ? d.model_name.trim() : card.hubId;
  const record: AssetRecord = {
    id,
    version: HF_VERSION,
    key: `${id}@${HF_VERSION}`,
    kind: "model",
    name,
    publisher: org ?? null,
    license,
    releaseDate: null,
    description: null,
    refs: [`https://huggingface.co/${card.hubId}`],
    owner: null,
    contacts: [],
    visibility: "public",
    upstream,
    risks: [],
    registry: registryFieldsOfHfCard(d),
    extra: { hf },
    source: `hf-card:${source}`,
    document,
    contentHash: sha256(document),
  };
  return { record, problems };
}
