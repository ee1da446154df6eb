// CycloneDX BOMs (JSON, spec 1.4–1.7) → records, advisories and VEX statements. Each document is
// validated against the official schema of its specVersion first.
//   components of type machine-learning-model, data and application → records (model, dataset,
//     application); nested components too; every other type (libraries, ...) is left out, counted;
//   modelCard.modelParameters.datasets (inline, or {ref} to a data component) → trained_on;
//   pedigree.ancestors and pedigree.variants → derived_from; dependencies between imported
//     components → references whose relation comes from the kinds (model→dataset trained_on,
//     application→model uses, otherwise derived_from);
//   vulnerabilities[] → SECURITY advisories on what they affect; analysis.state not_affected or
//     false_positive → a NOT_AFFECTED statement, resolved → FIXED (exemptions).
// Ids (data-model.md §5): a component described here is cdx:<purl without version>, or
// cdx:[<group>/]<name>; one that names a Hugging Face model or dataset (a pkg:huggingface purl, a
// huggingface.co URL) is also declared the same as hf:<org>/<name> (hf:datasets/<org>/<name>).
// A reference to something the BOM does not describe (an inline dataset, an ancestor) takes the
// Hugging Face id where it names one.
import semver from "semver";
import { parse as parseYaml } from "yaml";
import { qualify } from "../model/ids.js";
import type { AssetKindName } from "../model/asset.js";
import { ASSET_KINDS, RELATIONS, type Relation, type SeverityName } from "../model/vocab.js";
import { parseReference } from "./reference.js";
import { hfDatasetId, hfIdOfUrl, hfModelId } from "./hf-card.js";
import { parseJsonDocument, textOf, type JsonDocument } from "./json-document.js";
import {
  canonicalJson,
  sha256,
  type AssetRecord,
  type ImportedAdvisory,
  type ImportedExemption,
  type Problem,
  type RecordReference,
} from "./record.js";
import { compact, parseAccess, parseQuantity, type Evaluation, type RegistryFields } from "./registry-fields.js";
import { CYCLONEDX_VERSIONS, cycloneDxValidator } from "./cyclonedx-schema.js";
import { jsonPath, schemaProblems } from "./validate.js";
import type { RecordInput } from "./umr.js";

type Json = Record<string, unknown>;
const KINDS: Record<string, AssetKindName> = { "machine-learning-model": "model", data: "dataset", application: "application" };
/** Record versions: a component's version when it is SemVer, else 1.0.0 (its own kept in extra). */
export const CDX_DEFAULT_VERSION = "1.0.0";

export interface CycloneDxStats {
  documents: number;
  components: number;
  /** Components of other types (libraries, frameworks, ...), not imported. */
  skipped: number;
  vulnerabilities: number;
  exemptions: number;
}

export function looksLikeCycloneDx(input: RecordInput): boolean {
  return /\.json$/i.test(input.source) && /"bomFormat"\s*:\s*"CycloneDX"/.test(textOf(input.content).slice(0, 4096));
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** The umr:* properties umr-graph's own export writes (src/export/formats/cyclonedx.ts). */
function umrProps(c: Json): { id?: string; version?: string; kind?: AssetKindName; placeholder: boolean; upstream: string[] } {
  const props = Array.isArray(c.properties) ? (c.properties as Json[]) : [];
  const one = (name: string) => str(props.find((p) => p.name === name)?.value);
  const kind = one("umr:kind");
  return {
    ...(one("umr:id") ? { id: one("umr:id")! } : {}),
    ...(one("umr:version") ? { version: one("umr:version")! } : {}),
    ...(kind && (ASSET_KINDS as readonly string[]).includes(kind) ? { kind: kind as AssetKindName } : {}),
    placeholder: one("umr:placeholder") === "true",
    upstream: props.filter((p) => p.name === "umr:upstream").map((p) => String(p.value)),
  };
}

const kindOf = (c: Json): AssetKindName | undefined => umrProps(c).kind ?? KINDS[String(c.type)];

/** A name as an id's name: runs of other characters become "-". */
function idName(text: string): string {
  return (
    text
      .trim()
      .replace(/[^A-Za-z0-9._/:+-]+/g, "-")
      .replace(/^[-/]+|[-/]+$/g, "") || "unnamed"
  );
}

/** The id of a purl: pkg:huggingface/org/name → hf:org/name; others cdx:pkg:type/ns/name. */
function idOfPurl(purl: string, kind: AssetKindName): string {
  const bare = purl.replace(/[?#].*$/, "").replace(/@[^/]*$/, "");
  const hf = /^pkg:huggingface\/(.+\/.+)$/.exec(bare);
  if (hf) return kind === "dataset" ? hfDatasetId(hf[1]!) : hfModelId(hf[1]!);
  return qualify("cdx", idName(decodeURIComponent(bare)));
}

/** The Hugging Face id a component names by its purl or a huggingface.co URL, or null. */
export function hfIdOf(c: Json, kind: AssetKindName): string | null {
  if (typeof c.purl === "string") return /^pkg:huggingface\//.test(c.purl) ? idOfPurl(c.purl, kind) : null;
  const urls = [
    ...(Array.isArray(c.externalReferences) ? (c.externalReferences as Json[]).map((r) => r.url) : []),
    (c.contents as Json | undefined)?.url,
    ...(Array.isArray(c.data) ? (c.data as Json[]).map((d) => (d.contents as Json | undefined)?.url) : []),
  ];
  for (const u of urls) {
    const hf = hfIdOfUrl(u, kind);
    if (hf) return hf;
  }
  return null;
}

/** A component's own id in the cdx: namespace (by purl, else group and name). */
export function ownId(c: Json): string {
  if (typeof c.purl === "string" && !/^pkg:huggingface\//.test(c.purl)) return idOfPurl(c.purl, "model");
  const name = str(c.name) ?? str(c["bom-ref"]) ?? "unnamed";
  const group = str(c.group);
  return qualify("cdx", idName(group ? `${group}/${name}` : name));
}

/**
 * The id a reference to something this BOM does not describe takes (an inline dataset, a
 * pedigree ancestor): the Hugging Face id where it names one, else its own.
 */
export function componentId(c: Json, kind: AssetKindName): string {
  return hfIdOf(c, kind) ?? ownId(c);
}

function licenseOf(c: Json): string | null {
  if (!Array.isArray(c.licenses)) return null;
  const parts = (c.licenses as Json[])
    .map((l) => str(l.expression) ?? str((l.license as Json | undefined)?.id) ?? str((l.license as Json | undefined)?.name))
    .filter((x): x is string => x !== null);
  return parts.length ? parts.join(" AND ") : null;
}

function registryOf(c: Json): RegistryFields {
  const card = (c.modelCard ?? {}) as Json;
  const params = (card.modelParameters ?? {}) as Json;
  const metrics = (((card.quantitativeAnalysis ?? {}) as Json).performanceMetrics ?? []) as Json[];
  const evaluations: Evaluation[] = (Array.isArray(metrics) ? metrics : []).map((m) => ({
    name: str(m.slice) ?? "performance",
    metric: str(m.type),
    value: parseQuantity(m.value),
    date: null,
  }));
  const properties = Array.isArray(c.properties) ? (c.properties as Json[]) : [];
  const prop = (...names: string[]) => properties.find((p) => names.includes(String(p.name).toLowerCase()))?.value;
  return compact({
    architecture: str(params.modelArchitecture) ?? str(params.architectureFamily),
    parameterCount: parseQuantity(prop("parametercount", "parameters", "parameter_count")),
    trainingFlop: parseQuantity(prop("trainingflop", "training_flop", "training_compute_flop")),
    evaluations,
    access: parseAccess(prop("umr:access", "access")),
  });
}

const SEVERITY: Record<string, SeverityName> = { critical: "CRITICAL", high: "HIGH", medium: "MEDIUM", low: "LOW" };
const RANK: SeverityName[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
const JUSTIFICATION: Record<string, string> = {
  code_not_present: "vulnerable_code_not_present",
  code_not_reachable: "vulnerable_code_not_in_execute_path",
  requires_configuration: "vulnerable_code_cannot_be_controlled_by_adversary",
  requires_dependency: "component_not_present",
  requires_environment: "vulnerable_code_cannot_be_controlled_by_adversary",
  protected_by_compiler: "inline_mitigations_already_exist",
  protected_at_runtime: "inline_mitigations_already_exist",
  protected_at_perimeter: "inline_mitigations_already_exist",
  protected_by_mitigating_control: "inline_mitigations_already_exist",
};

interface Converted {
  records: AssetRecord[];
  advisories: ImportedAdvisory[];
  exemptions: ImportedExemption[];
  problems: Problem[];
  rejected: number;
  stats: CycloneDxStats;
}

export function convertCycloneDx(inputs: readonly RecordInput[], opts: { lenient?: boolean } = {}): Converted {
  const out: Converted = {
    records: [],
    advisories: [],
    exemptions: [],
    problems: [],
    rejected: 0,
    stats: { documents: 0, components: 0, skipped: 0, vulnerabilities: 0, exemptions: 0 },
  };
  for (const input of inputs) {
    const doc = readBom(input, Boolean(opts.lenient));
    out.problems.push(...doc.problems);
    if (!doc.bom) {
      out.rejected++;
      continue;
    }
    out.stats.documents++;
    const converted = convertBom(input.source, doc.bom, doc.lineAt);
    out.problems.push(...converted.problems);
    if (converted.problems.some((p) => p.severity === "error")) {
      out.rejected++;
      continue;
    }
    out.records.push(...converted.records);
    out.advisories.push(...converted.advisories);
    out.exemptions.push(...converted.exemptions);
    out.stats.components += converted.records.length;
    out.stats.skipped += converted.skipped;
    out.stats.vulnerabilities += converted.advisories.length;
    out.stats.exemptions += converted.exemptions.length;
  }
  return out;
}

function readBom(input: RecordInput, lenient: boolean): { bom?: Json; lineAt: JsonDocument["lineAt"]; problems: Problem[] } {
  const { source } = input;
  const none = () => undefined;
  let parsed = parseJsonDocument(source, input.content);
  const problems: Problem[] = [];
  if ("problem" in parsed) {
    // Lenient: JSON's one common slip, the trailing comma, means one thing; YAML's flow syntax reads it.
    if (!lenient || !/trailing comma/.test(parsed.problem.message)) return { lineAt: none, problems: [parsed.problem] };
    problems.push({ ...parsed.problem, severity: "warning", message: `${parsed.problem.message} (accepted: lenient)` });
    const data: unknown = parseYaml(textOf(input.content));
    parsed = { data, lineAt: none };
  }
  const bom = parsed.data as Json;
  if (!bom || typeof bom !== "object" || Array.isArray(bom) || bom.bomFormat !== "CycloneDX")
    return {
      lineAt: parsed.lineAt,
      problems: [...problems, { source, path: "$.bomFormat", severity: "error", message: 'expected "CycloneDX"' }],
    };
  const spec = String(bom.specVersion);
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(spec)) {
    return {
      lineAt: parsed.lineAt,
      problems: [
        ...problems,
        {
          source,
          path: "$.specVersion",
          line: parsed.lineAt(["specVersion"]),
          severity: "error",
          message: `expected one of ${CYCLONEDX_VERSIONS.join(", ")}, found ${JSON.stringify(bom.specVersion)}`,
        },
      ],
    };
  }
  const validate = cycloneDxValidator(spec as (typeof CYCLONEDX_VERSIONS)[number]);
  if (!validate(bom)) {
    const found = schemaProblems(source, validate.errors ?? [], bom, parsed.lineAt, { deepestOnly: true }).map((p) => ({
      ...p,
      message: `${p.message} (CycloneDX ${spec} schema)`,
    }));
    if (!lenient) return { lineAt: parsed.lineAt, problems: [...problems, ...found] };
    problems.push(...found.map((p) => ({ ...p, severity: "warning" as const, message: `${p.message}; accepted: lenient` })));
  }
  return { bom, lineAt: parsed.lineAt, problems };
}

function convertBom(
  source: string,
  bom: Json,
  lineAt: JsonDocument["lineAt"],
): { records: AssetRecord[]; advisories: ImportedAdvisory[]; exemptions: ImportedExemption[]; problems: Problem[]; skipped: number } {
  const problems: Problem[] = [];
  const err = (segments: (string | number)[], message: string) =>
    problems.push({ source, path: jsonPath(segments), severity: "error", message, line: lineAt(segments) });
  // Every component with where it sits, nested ones too.
  const all: { c: Json; at: (string | number)[] }[] = [];
  const walk = (list: unknown, at: (string | number)[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((c: Json, i) => {
      all.push({ c, at: [...at, i] });
      walk(c.components, [...at, i, "components"]);
    });
  };
  const meta = (bom.metadata ?? {}) as Json;
  if (meta.component) {
    all.push({ c: meta.component as Json, at: ["metadata", "component"] });
    walk((meta.component as Json).components, ["metadata", "component", "components"]);
  }
  walk(bom.components, ["components"]);
  const described = all.filter(({ c }) => kindOf(c));
  const idByRef = new Map<string, { id: string; kind: AssetKindName }>();
  for (const { c } of described) {
    const kind = kindOf(c)!;
    if (typeof c["bom-ref"] === "string") idByRef.set(c["bom-ref"], { id: umrProps(c).id ?? ownId(c), kind });
  }
  // A placeholder of umr-graph's own export is named by references, not a record.
  const imported = described.filter(({ c }) => !umrProps(c).placeholder);
  const serial = str(bom.serialNumber)?.replace(/^urn:uuid:/, "") ?? null;
  /** A bom-ref, or a BOM-Link into this BOM, or one into another: the id it names. */
  const resolveRef = (ref: string): { id: string; kind: AssetKindName } | null => {
    const link = /^urn:cdx:([^/]+)\/\d+#(.+)$/.exec(ref);
    const local = link ? (link[1] === serial ? decodeURIComponent(link[2]!) : null) : ref;
    if (local !== null) return idByRef.get(local) ?? null;
    const fragment = decodeURIComponent(link![2]!);
    return { id: fragment.startsWith("pkg:") ? idOfPurl(fragment, "model") : qualify("cdx", idName(fragment)), kind: "model" };
  };

  const records: AssetRecord[] = [];
  const byId = new Map<string, AssetRecord>();
  const componentOf = new Map<AssetRecord, Json>();
  for (const { c, at } of imported) {
    const own = umrProps(c);
    const kind = kindOf(c)!;
    // A component described here keeps its own id; the Hugging Face model or dataset it names is
    // the same thing under another source's id (a sameAs statement), so the two never conflict.
    const id = own.id ?? ownId(c);
    const twin = own.id ? null : hfIdOf(c, kind);
    const upstream: RecordReference[] = [];
    const add = (target: string, relation: Relation | null, name: string, where: (string | number)[]) => {
      if (target === id) return err(where, `self-reference: ${id} names itself`);
      if (upstream.some((u) => u.id === target)) return;
      upstream.push({
        id: target,
        constraint: null,
        range: "*",
        pinned: false,
        declaredRelation: relation,
        note: null,
        index: upstream.length,
        placeholderName: name,
      });
    };
    const params = ((own.id ? {} : (c.modelCard as Json | undefined)?.modelParameters) ?? {}) as Json;
    // umr-graph's own BOMs say each link exactly: relation, target id, constraint.
    own.upstream.forEach((text, i) => {
      const [relation, ...rest] = text.split(" ");
      const ref = parseReference(rest.join(""));
      const where = [...at, "properties"];
      if (!(RELATIONS as readonly string[]).includes(relation!) || "error" in ref)
        return err(where, `umr:upstream ${i + 1}: expected "<relation> <id>[<constraint>]", found ${JSON.stringify(text)}`);
      if (!upstream.some((u) => u.id === ref.id))
        upstream.push({ ...ref, declaredRelation: relation as Relation, note: null, index: upstream.length });
    });
    (Array.isArray(params.datasets) ? (params.datasets as Json[]) : []).forEach((d, i) => {
      const where = [...at, "modelCard", "modelParameters", "datasets", i];
      if (typeof d.ref === "string") {
        const target = idByRef.get(d.ref);
        if (!target) return err([...where, "ref"], `expected the bom-ref of a data component of this BOM, found ${JSON.stringify(d.ref)}`);
        add(target.id, "trained_on", d.ref, where);
      } else add(componentId(d, "dataset"), "trained_on", str(d.name) ?? "dataset", where);
    });
    const pedigree = (own.id ? {} : (c.pedigree ?? {})) as Json;
    for (const field of ["ancestors", "variants"] as const)
      (Array.isArray(pedigree[field]) ? (pedigree[field] as Json[]) : []).forEach((a, i) =>
        add(componentId(a, KINDS[String(a.type)] ?? kind), "derived_from", str(a.name) ?? field, [...at, "pedigree", field, i]),
      );
    const version =
      own.version ?? (typeof c.version === "string" && semver.valid(c.version) === c.version ? c.version : CDX_DEFAULT_VERSION);
    const record: AssetRecord = {
      id,
      version,
      key: `${id}@${version}`,
      kind,
      name: str(c.name) ?? id,
      publisher: str(c.publisher) ?? str((c.supplier as Json | undefined)?.name) ?? str((c.manufacturer as Json | undefined)?.name),
      license: licenseOf(c),
      releaseDate: null,
      description: str(c.description),
      refs: Array.isArray(c.externalReferences) ? (c.externalReferences as Json[]).map((r) => String(r.url)).filter(Boolean) : [],
      owner: null,
      contacts: [],
      visibility: "public",
      upstream,
      risks: [],
      registry: registryOf(c),
      ...(twin ? { sameAs: [twin] } : {}),
      extra: {
        cyclonedx: Object.fromEntries(
          Object.entries({
            type: c.type,
            "bom-ref": c["bom-ref"],
            version: c.version,
            tags: c.tags,
            purl: c.purl,
            serialNumber: bom.serialNumber,
          }).filter(([, v]) => v !== undefined),
        ),
      },
      source: `cyclonedx:${source}`,
      document: "",
      contentHash: "",
    };
    componentOf.set(record, c);
    if (byId.has(id)) {
      problems.push({
        source,
        path: jsonPath(at),
        severity: "warning",
        message: `${id} is described twice in this BOM: the first description is kept`,
      });
      continue;
    }
    byId.set(id, record);
    records.push(record);
  }
  // Dependencies between imported components: references, their relation from the kinds.
  (Array.isArray(bom.dependencies) ? (bom.dependencies as Json[]) : []).forEach((d) => {
    const from = typeof d.ref === "string" ? idByRef.get(d.ref) : undefined;
    const record = from ? byId.get(from.id) : undefined;
    if (!record || umrProps(componentOf.get(record)!).id) return;
    for (const to of Array.isArray(d.dependsOn) ? (d.dependsOn as string[]) : []) {
      const target = idByRef.get(to);
      if (!target || target.id === record.id || record.upstream.some((u) => u.id === target.id)) continue;
      record.upstream.push({
        id: target.id,
        constraint: null,
        range: "*",
        pinned: false,
        declaredRelation: null,
        note: null,
        index: record.upstream.length,
      });
    }
  });

  // A record's content: its component and what it depends on in this BOM (a changed dependency is a change).
  for (const r of records) {
    r.document = canonicalJson({ bom: serial, component: componentOf.get(r), upstream: r.upstream.map((u) => [u.id, u.declaredRelation]) });
    r.contentHash = sha256(r.document);
  }

  const advisories: ImportedAdvisory[] = [];
  const exemptions: ImportedExemption[] = [];
  (Array.isArray(bom.vulnerabilities) ? (bom.vulnerabilities as Json[]) : []).forEach((v, i) => {
    const vulnId = str(v.id) ?? `vulnerability-${i + 1}`;
    const ratings = Array.isArray(v.ratings) ? (v.ratings as Json[]) : [];
    const severity =
      ratings.map((r) => SEVERITY[String(r.severity).toLowerCase()] ?? "LOW").sort((a, b) => RANK.indexOf(b) - RANK.indexOf(a))[0] ??
      "MEDIUM";
    const references = [
      str((v.source as Json | undefined)?.url),
      ...(Array.isArray(v.references) ? (v.references as Json[]).map((r) => str((r.source as Json | undefined)?.url)) : []),
      ...(Array.isArray(v.advisories) ? (v.advisories as Json[]).map((a) => str(a.url)) : []),
    ].filter((x): x is string => x !== null);
    const analysis = (v.analysis ?? {}) as Json;
    const state = String(analysis.state ?? "");
    (Array.isArray(v.affects) ? (v.affects as Json[]) : []).forEach((a, k) => {
      const target = typeof a.ref === "string" ? resolveRef(a.ref) : null;
      if (!target)
        return err(
          ["vulnerabilities", i, "affects", k, "ref"],
          `expected the bom-ref of a component of this BOM (or a BOM-Link), found ${JSON.stringify(a.ref)}`,
        );
      const id = `${vulnId.replace(/[^A-Za-z0-9._:-]+/g, "-").slice(0, 80)}:${sha256(target.id).slice(0, 8)}`;
      advisories.push({
        id,
        category: "SECURITY",
        severity,
        summary: (str(v.description)?.split("\n")[0] ?? vulnId).slice(0, 500),
        references: [...new Set(references)],
        affectsId: target.id,
        affectsRange: "*",
        source: `cyclonedx:${source}`,
        sourceId: vulnId,
      });
      if (["not_affected", "false_positive", "resolved", "resolved_with_pedigree"].includes(state))
        exemptions.push({
          advisoryId: id,
          assetId: target.id,
          status: state.startsWith("resolved") ? "FIXED" : "NOT_AFFECTED",
          justification: str(analysis.detail) ?? str(analysis.justification) ?? state,
          justificationCode: JUSTIFICATION[String(analysis.justification)] ?? null,
        });
    });
  });
  return { records, advisories, exemptions, problems, skipped: all.length - imported.length };
}
