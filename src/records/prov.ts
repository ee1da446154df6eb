// W3C PROV-O JSON-LD (compacted with the prov: prefix, as umr-graph's PROV export writes it) →
// records: every prov:Entity a record, its prov:wasDerivedFrom (and prov:qualifiedDerivation's
// relation and constraint) its upstream. umr:* terms give ids, versions and kinds; an entity
// without them is prov:<its IRI>, a model, version 1.0.0. Placeholders stay references.
import { isId, qualify } from "../model/ids.js";
import { ASSET_KINDS, RELATIONS, type Relation } from "../model/vocab.js";
import type { AssetKindName } from "../model/asset.js";
import { parseJsonDocument, textOf } from "./json-document.js";
import { canonicalJson, sha256, type AssetRecord, type Problem, type RecordReference } from "./record.js";
import { parseReference } from "./reference.js";
import { jsonPath } from "./validate.js";
import type { RecordInput } from "./umr.js";

type Json = Record<string, unknown>;
export function looksLikeProv(input: RecordInput): boolean {
  const head = textOf(input.content).slice(0, 4096);
  return /\.(json|jsonld)$/i.test(input.source) && head.includes("http://www.w3.org/ns/prov#");
}

const refOf = (v: unknown): string | null =>
  typeof v === "string" ? v : v && typeof v === "object" ? (((v as Json)["@id"] as string | undefined) ?? null) : null;
const many = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const types = (e: Json) => many(e["@type"]).map(String);

export function convertProv(inputs: readonly RecordInput[]): { records: AssetRecord[]; problems: Problem[]; rejected: number } {
  const records: AssetRecord[] = [];
  const problems: Problem[] = [];
  let rejected = 0;
  for (const input of inputs) {
    const parsed = parseJsonDocument(input.source, input.content);
    if ("problem" in parsed) {
      problems.push(parsed.problem);
      rejected++;
      continue;
    }
    const graph = many((parsed.data as Json)["@graph"] ?? parsed.data) as Json[];
    const entities = graph.filter((e) => types(e).includes("prov:Entity"));
    const idOf = new Map<string, string>();
    for (const e of entities) {
      const iri = String(e["@id"]);
      const own = typeof e["umr:id"] === "string" ? e["umr:id"] : qualify("prov", iri.replace(/[^A-Za-z0-9._/:+-]+/g, "-"));
      idOf.set(iri, own);
    }
    const before = problems.length;
    const batch: AssetRecord[] = [];
    entities.forEach((e, at) => {
      if (e["umr:placeholder"] === true) return;
      const id = idOf.get(String(e["@id"]))!;
      if (!isId(id)) {
        problems.push({
          source: input.source,
          path: jsonPath(["@graph", at, "umr:id"]),
          severity: "error",
          message: `expected an id, found ${JSON.stringify(id)}`,
        });
        return;
      }
      const kind = (ASSET_KINDS as readonly string[]).includes(String(e["umr:kind"])) ? (e["umr:kind"] as AssetKindName) : "model";
      const version = typeof e["umr:version"] === "string" ? e["umr:version"] : "1.0.0";
      const qualified = many(e["prov:qualifiedDerivation"]) as Json[];
      const upstream: RecordReference[] = [];
      for (const target of many(e["prov:wasDerivedFrom"]).map(refOf)) {
        if (!target) continue;
        const targetId = idOf.get(target) ?? qualify("prov", target.replace(/[^A-Za-z0-9._/:+-]+/g, "-"));
        const q = qualified.find((d) => refOf(d["prov:entity"]) === target);
        const relation = (RELATIONS as readonly string[]).includes(String(q?.["umr:relation"])) ? (q!["umr:relation"] as Relation) : null;
        const parsedRef = parseReference(`${targetId}${typeof q?.["umr:constraint"] === "string" ? q["umr:constraint"] : ""}`);
        const ref = "error" in parsedRef ? { id: targetId, constraint: null, range: "*", pinned: false } : parsedRef;
        if (upstream.some((u) => u.id === ref.id && u.declaredRelation === relation)) continue;
        upstream.push({ ...ref, declaredRelation: relation, note: null, index: upstream.length });
      }
      const document = canonicalJson(e);
      batch.push({
        id,
        version,
        key: `${id}@${version}`,
        kind,
        name: typeof e["rdfs:label"] === "string" ? e["rdfs:label"] : id,
        publisher: null,
        license: typeof e["umr:license"] === "string" ? e["umr:license"] : null,
        releaseDate: null,
        description: null,
        refs: [],
        owner: null,
        contacts: [],
        visibility: "public",
        upstream,
        risks: [],
        extra: { prov: { iri: e["@id"] } },
        source: `prov:${input.source}`,
        document,
        contentHash: sha256(document),
      });
    });
    // Publishers: the agents the entities are attributed to.
    const agents = new Map(
      graph.filter((e) => types(e).includes("prov:Agent")).map((a) => [String(a["@id"]), String(a["rdfs:label"] ?? a["@id"])]),
    );
    for (const r of batch) {
      const e = entities.find((x) => idOf.get(String(x["@id"])) === r.id)!;
      const agent = refOf(e["prov:wasAttributedTo"]);
      if (agent) r.publisher = agents.get(agent) ?? agent;
    }
    if (problems.length > before) rejected++;
    else records.push(...batch);
  }
  return { records, problems, rejected };
}
