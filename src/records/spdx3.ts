// SPDX 3.0.1 JSON-LD documents (AI and Dataset profiles) → records, advisories and VEX
// statements, each document validated against the SPDX 3.0.1 JSON Schema first.
//   ai_AIPackage → model; dataset_DatasetPackage → dataset; software_Package by its primary
//   purpose (model, data; application or none → application; libraries and the rest are left
//   out, counted). Files: a relationship that names a file is lifted to the package that
//   contains it (model.bin trainedOn train.txt → the AI package trainedOn the dataset package).
//   Relationships (from → to):        edge (dependent → upstream), relation
//     trainedOn                       from → to, trained_on
//     testedOn                        from → to, evaluated_on
//     dependsOn                       from → to, by kinds (model→dataset trained_on, ...)
//     descendantOf, variantOf         from → to, derived_from
//     ancestorOf, generates           to → from, derived_from
//     hasDeclaredLicense (or hasConcludedLicense)   the package's license
//   security_Vulnerability + Vex*VulnAssessmentRelationship → SECURITY advisories on what they
//   affect; VexNotAffected → NOT_AFFECTED, VexFixed → FIXED exemptions.
// Ids: spdx:<name>; a package whose download location or purl names a Hugging Face model or
// dataset is also declared the same as its hf: id.
import fs from "node:fs";
import path from "node:path";
import semver from "semver";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { projectRoot } from "../config.js";
import { qualify } from "../model/ids.js";
import type { AssetKindName } from "../model/asset.js";
import { ASSET_KINDS, RELATIONS, type Relation } from "../model/vocab.js";
import { parseReference } from "./reference.js";
import { hfDatasetId, hfIdOfUrl, hfModelId } from "./hf-card.js";
import { parseJsonDocument, textOf } from "./json-document.js";
import {
  canonicalJson,
  sha256,
  type AssetRecord,
  type ImportedAdvisory,
  type ImportedExemption,
  type Problem,
  type RecordReference,
} from "./record.js";
import { compact, parseQuantity, type RegistryFields } from "./registry-fields.js";
import { jsonPath, schemaProblems } from "./validate.js";
import type { RecordInput } from "./umr.js";

type Json = Record<string, unknown>;
export const SPDX_CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
export const SPDX_SCHEMA_PATH = path.join(projectRoot, "schemas", "vendor", "spdx-3.0.1.schema.json");
export const SPDX_DEFAULT_VERSION = "1.0.0";

let validator: ValidateFunction | undefined;
/** The SPDX 3.0.1 JSON Schema's validator (compiled once). */
export function spdxValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
    validator = ajv.compile(JSON.parse(fs.readFileSync(SPDX_SCHEMA_PATH, "utf8")) as object);
  }
  return validator;
}

export function looksLikeSpdx3(input: RecordInput): boolean {
  return /\.(json|jsonld)$/i.test(input.source) && textOf(input.content).slice(0, 4096).includes("spdx.org/rdf/3.");
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);

/** The umr: external identifier umr-graph's own export writes (id, version, kind), if any. */
function umrOf(e: Json): { id?: string; version?: string; kind?: AssetKindName } {
  const ids = Array.isArray(e.externalIdentifier) ? (e.externalIdentifier as Json[]) : [];
  const text = ids.map((x) => String(x.identifier ?? "")).find((t) => t.startsWith("umr:"));
  if (!text) return {};
  const q = new URLSearchParams(text.slice(4));
  const kind = q.get("kind");
  return {
    ...(q.get("id") ? { id: q.get("id")! } : {}),
    ...(q.get("version") ? { version: q.get("version")! } : {}),
    ...(kind && (ASSET_KINDS as readonly string[]).includes(kind) ? { kind: kind as AssetKindName } : {}),
  };
}

function kindOf(e: Json): AssetKindName | null {
  const own = umrOf(e).kind;
  if (own) return own;
  if (e.type === "ai_AIPackage") return "model";
  if (e.type === "dataset_DatasetPackage") return "dataset";
  if (e.type !== "software_Package") return null;
  const purpose = String(e.software_primaryPurpose ?? "");
  if (purpose === "model") return "model";
  if (purpose === "data") return "dataset";
  if (purpose === "" || purpose === "application") return "application";
  return null;
}

/** The Hugging Face id a package names (a pkg:huggingface purl, a huggingface.co download location), or null. */
function hfIdOf(e: Json, kind: AssetKindName): string | null {
  const purl = str(e.software_packageUrl);
  const hfPurl = purl ? /^pkg:huggingface\/([^@?#]+\/[^@?#]+)/.exec(purl) : null;
  if (hfPurl) return kind === "dataset" ? hfDatasetId(hfPurl[1]!) : hfModelId(hfPurl[1]!);
  return hfIdOfUrl(e.software_downloadLocation, kind);
}

/** A package's own id: spdx:<name> (umr-graph's own documents say theirs). */
function idOf(e: Json): string {
  const own = umrOf(e).id;
  if (own) return own;
  const name = str(e.name) ?? String(e.spdxId);
  return qualify(
    "spdx",
    name
      .replace(/[^A-Za-z0-9._/+-]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^[-/]+|[-/]+$/g, "") || "unnamed",
  );
}

/**
 * Where each relationship type puts the edge: [the dependent end, the relation (null: by kinds),
 * whether a file at either end stands for the package that contains it]. Only training and
 * testing are lifted from files: a script in a model's package that generates a dataset's files
 * does not make the dataset derived from the model.
 */
const EDGES: Record<string, ["from" | "to", Relation | null, boolean]> = {
  trainedOn: ["from", "trained_on", true],
  testedOn: ["from", "evaluated_on", true],
  dependsOn: ["from", null, false],
  descendantOf: ["from", "derived_from", false],
  variantOf: ["from", "derived_from", false],
  ancestorOf: ["to", "derived_from", false],
  generates: ["to", "derived_from", false],
};
export const SPDX_RELATIONSHIP_TYPES = Object.keys(EDGES);

function registryOf(e: Json): RegistryFields {
  const metrics = Array.isArray(e.ai_metric) ? (e.ai_metric as Json[]) : [];
  const types = list(e.ai_typeOfModel);
  return compact({
    architecture: types.length ? types.join("; ") : null,
    evaluations: metrics.map((m) => ({ name: "metric", metric: str(m.key), value: parseQuantity(m.value), date: null })),
    trainingData: str(e.ai_informationAboutTraining),
    parameterCount: null,
  });
}

interface Converted {
  records: AssetRecord[];
  advisories: ImportedAdvisory[];
  exemptions: ImportedExemption[];
  problems: Problem[];
  rejected: number;
  stats: { documents: number; packages: number; skipped: number; relationships: number };
}

export function convertSpdx3(inputs: readonly RecordInput[]): Converted {
  const out: Converted = {
    records: [],
    advisories: [],
    exemptions: [],
    problems: [],
    rejected: 0,
    stats: { documents: 0, packages: 0, skipped: 0, relationships: 0 },
  };
  for (const input of inputs) {
    const { source } = input;
    const parsed = parseJsonDocument(source, input.content);
    if ("problem" in parsed) {
      out.problems.push(parsed.problem);
      out.rejected++;
      continue;
    }
    const validate = spdxValidator();
    if (!validate(parsed.data)) {
      out.problems.push(
        ...schemaProblems(source, validate.errors ?? [], parsed.data, parsed.lineAt, { deepestOnly: true }).map((p) => ({
          ...p,
          message: `${p.message} (SPDX 3.0.1 schema)`,
        })),
      );
      out.rejected++;
      continue;
    }
    const r = convertDocument(source, parsed.data as Json, parsed.lineAt);
    out.problems.push(...r.problems);
    if (r.problems.some((p) => p.severity === "error")) {
      out.rejected++;
      continue;
    }
    out.stats.documents++;
    out.stats.packages += r.records.length;
    out.stats.skipped += r.skipped;
    out.stats.relationships += r.edges;
    out.records.push(...r.records);
    out.advisories.push(...r.advisories);
    out.exemptions.push(...r.exemptions);
  }
  return out;
}

function convertDocument(source: string, doc: Json, lineAt: (s: readonly (string | number)[]) => number | undefined) {
  const problems: Problem[] = [];
  const graph = (Array.isArray(doc["@graph"]) ? doc["@graph"] : [doc]) as Json[];
  const byId = new Map<string, Json>();
  for (const e of graph) if (typeof e.spdxId === "string") byId.set(e.spdxId, e);
  // What each file (or directory) sits in: lifted to the package that contains it.
  const container = new Map<string, string>();
  for (const e of graph) if (e.relationshipType === "contains") for (const to of list(e.to)) container.set(to, String(e.from));
  const packages = new Map<string, { e: Json; kind: AssetKindName; id: string; at: number }>();
  let skipped = 0;
  graph.forEach((e, at) => {
    if (!String(e.type).endsWith("Package")) return;
    const kind = kindOf(e);
    if (!kind) {
      skipped++;
      return;
    }
    packages.set(String(e.spdxId), { e, kind, id: idOf(e), at });
  });
  const packageOf = (spdxId: string): string | null => {
    for (let cur: string | undefined = spdxId, hops = 0; cur && hops < 100; cur = container.get(cur), hops++)
      if (packages.has(cur)) return cur;
    return null;
  };
  const upstream = new Map<string, RecordReference[]>([...packages.keys()].map((k) => [k, []]));
  const licenses = new Map<string, string[]>();
  let edges = 0;
  const licenseText = (ref: string): string | null => {
    const m = /^https:\/\/spdx\.org\/licenses\/(.+)$/.exec(ref);
    if (m) return m[1]!;
    const el = byId.get(ref);
    return str(el?.simplelicensing_licenseExpression) ?? str(el?.name) ?? null;
  };
  for (const r of graph) {
    const type = String(r.relationshipType ?? "");
    if (type === "hasDeclaredLicense" || type === "hasConcludedLicense") {
      const pkg = packages.has(String(r.from)) ? String(r.from) : null;
      if (pkg && (type === "hasDeclaredLicense" || !licenses.has(pkg)))
        licenses.set(
          pkg,
          list(r.to)
            .map(licenseText)
            .filter((x): x is string => x !== null),
        );
      continue;
    }
    const rule = EDGES[type];
    if (!rule) continue;
    for (const to of list(r.to)) {
      const [dependentEnd, relation, lift] = rule;
      const end = (spdxId: string) => (lift ? packageOf(spdxId) : packages.has(spdxId) ? spdxId : null);
      const dependent = end(dependentEnd === "from" ? String(r.from) : to);
      const upstreamEnd = end(dependentEnd === "from" ? to : String(r.from));
      if (!dependent || !upstreamEnd || dependent === upstreamEnd) continue;
      const target = packages.get(upstreamEnd)!;
      const refs = upstream.get(dependent)!;
      // A model may be trained and tested on one dataset: one reference per target and relation.
      // umr-graph's own documents say the relation and constraint in the comment.
      const said = typeof r.comment === "string" && r.comment.startsWith("umr:") ? new URLSearchParams(r.comment.slice(4)) : null;
      const own = said?.get("relation");
      const rel = own && (RELATIONS as readonly string[]).includes(own) ? (own as Relation) : relation;
      if (refs.some((u) => u.id === target.id && u.declaredRelation === rel)) continue;
      const parsed = parseReference(`${target.id}${said?.get("constraint") ?? ""}`);
      const ref = "error" in parsed ? { id: target.id, constraint: null, range: "*", pinned: false } : parsed;
      refs.push({ ...ref, declaredRelation: rel, note: null, index: refs.length });
      edges++;
    }
  }
  const records: AssetRecord[] = [];
  // Packages of one id (a software_Package and the ai_AIPackage that describes the same model):
  // one record, described by the most specific element, with the relationships of all of them.
  const groups = new Map<string, string[]>();
  for (const [spdxId, p] of packages) groups.set(p.id, [...(groups.get(p.id) ?? []), spdxId]);
  // A package that names a Hugging Face model or dataset is the same thing under that id.
  const twins = (members: string[]) => [
    ...new Set(
      members
        .map((m) => (umrOf(packages.get(m)!.e).id ? null : hfIdOf(packages.get(m)!.e, packages.get(m)!.kind)))
        .filter((x): x is string => x !== null),
    ),
  ];
  const specific = (spdxId: string) => (packages.get(spdxId)!.e.type === "software_Package" ? 1 : 0);
  for (const members of groups.values()) {
    const [spdxId, ...others] = [...members].sort((a, b) => specific(a) - specific(b) || packages.get(a)!.at - packages.get(b)!.at);
    const p = packages.get(spdxId!)!;
    for (const other of others) {
      const o = packages.get(other)!;
      problems.push({
        source,
        path: jsonPath(["@graph", o.at]),
        severity: "warning",
        line: lineAt(["@graph", o.at]),
        message: `${p.id} is described twice (${spdxId} and ${other}): ${spdxId} describes it, with the relationships of both`,
      });
    }
    const e = p.e;
    const v = str(e.software_packageVersion);
    const version = umrOf(e).version ?? (v && semver.valid(v) === v ? v : SPDX_DEFAULT_VERSION);
    const refs: RecordReference[] = [];
    for (const m of members)
      for (const u of upstream.get(m)!)
        if (u.id !== p.id && !refs.some((x) => x.id === u.id && x.declaredRelation === u.declaredRelation))
          refs.push({ ...u, index: refs.length });
    const license = members.map((m) => licenses.get(m)).find((l) => l?.length) ?? [];
    const document = canonicalJson({ element: e, upstream: refs.map((u) => [u.id, u.declaredRelation]), license });
    const supplier = byId.get(String(e.suppliedBy ?? ""));
    records.push({
      id: p.id,
      version,
      key: `${p.id}@${version}`,
      kind: p.kind,
      name: str(e.name) ?? p.id,
      publisher: str(supplier?.name) ?? (typeof e.suppliedBy === "string" && /^https?:/.test(e.suppliedBy) ? null : str(e.suppliedBy)),
      license: license.join(" AND ") || null,
      releaseDate: str(e.releaseTime)?.slice(0, 10) ?? null,
      description: str(e.description) ?? str(e.summary) ?? str(e.comment),
      refs: [str(e.software_downloadLocation), str(e.software_homePage)].filter((x): x is string => x !== null),
      owner: null,
      contacts: [],
      visibility: "public",
      upstream: refs,
      risks: [],
      registry: registryOf(e),
      ...(twins(members).length ? { sameAs: twins(members) } : {}),
      extra: { spdx: { spdxId, type: e.type, ...(v ? { packageVersion: v } : {}) } },
      source: `spdx3:${source}`,
      document,
      contentHash: sha256(document),
    });
  }
  const { advisories, exemptions } = vulnerabilities(source, graph, byId, (ref) => {
    const pkg = packages.has(ref) ? ref : packageOf(ref);
    return pkg ? packages.get(pkg)!.id : null;
  });
  return { records, advisories, exemptions, problems, skipped, edges };
}

const VEX_JUSTIFICATION: Record<string, string> = {
  componentNotPresent: "component_not_present",
  vulnerableCodeNotPresent: "vulnerable_code_not_present",
  vulnerableCodeNotInExecutePath: "vulnerable_code_not_in_execute_path",
  vulnerableCodeCannotBeControlledByAdversary: "vulnerable_code_cannot_be_controlled_by_adversary",
  inlineMitigationsAlreadyExist: "inline_mitigations_already_exist",
};

function vulnerabilities(source: string, graph: Json[], byId: Map<string, Json>, assetOf: (spdxId: string) => string | null) {
  const advisories = new Map<string, ImportedAdvisory>();
  const exemptions: ImportedExemption[] = [];
  for (const r of graph) {
    if (!String(r.type).startsWith("security_Vex")) continue;
    const vuln = byId.get(String(r.from));
    const vulnId = str(vuln?.name) ?? String(r.from).replace(/^.*[/#]/, "");
    for (const to of list(r.to)) {
      const asset = assetOf(to);
      if (!asset) continue;
      const id = `${vulnId.replace(/[^A-Za-z0-9._:-]+/g, "-").slice(0, 80)}:${sha256(asset).slice(0, 8)}`;
      if (!advisories.has(id))
        advisories.set(id, {
          id,
          category: "SECURITY",
          severity: "MEDIUM",
          summary: (str(vuln?.summary) ?? str(vuln?.description) ?? vulnId).slice(0, 500),
          references: [],
          affectsId: asset,
          affectsRange: "*",
          source: `spdx3:${source}`,
          sourceId: vulnId,
        });
      const fixed = r.type === "security_VexFixedVulnAssessmentRelationship";
      if (fixed || r.type === "security_VexNotAffectedVulnAssessmentRelationship")
        exemptions.push({
          advisoryId: id,
          assetId: asset,
          status: fixed ? "FIXED" : "NOT_AFFECTED",
          justification: str(r.security_impactStatement) ?? str(r.security_justificationType) ?? (fixed ? "fixed" : "not affected"),
          justificationCode: VEX_JUSTIFICATION[String(r.security_justificationType)] ?? null,
        });
    }
  }
  return { advisories: [...advisories.values()], exemptions };
}
