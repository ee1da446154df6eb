// Stanford CRFM Ecosystem Graphs (assets/<org>.yaml: lists of assets whose `dependencies`
// name other assets) → records. Real-world mess is expected and reported:
//   - names that match an asset only ignoring case resolve, with a warning;
//   - duplicate names merge into one asset, with a warning;
//   - names that match nothing become placeholders, listed;
//   - a self-reference is an error for that asset only (the rest imports);
//   - cycles are found by the ingest (warnings, or errors with --strict).
import path from "node:path";
import { parseAllDocuments } from "yaml";
import type { AssetKindName } from "../model/asset.js";
import { qualify } from "../model/ids.js";
import { canonicalJson, sha256, type AssetRecord, type Problem, type RecordReference } from "./record.js";
import type { RecordInput } from "./umr.js";
import { validateDocument } from "./validate.js";

export const EG_VERSION = "1.0.0";
const KINDS: Record<string, AssetKindName> = { model: "model", dataset: "dataset", application: "application" };

export interface EcosystemGraphsStats {
  /** Asset entries in the files. */
  entries: number;
  /** Distinct asset names (after merging duplicates). */
  assets: number;
  duplicateNames: string[];
  /** Dependency mentions, and how they resolved. */
  mentions: number;
  exact: number;
  ignoringCase: number;
  unresolved: number;
  /** Distinct placeholder ids the unresolved names become. */
  placeholderIds: string[];
  selfReferences: string[];
}

export interface ConversionResult {
  records: AssetRecord[];
  problems: Problem[];
  rejected: number;
  stats: EcosystemGraphsStats;
}

/** A stable id from a name: lower case, "+" as "plus", other runs of symbols as "-". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/\+/g, "-plus")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function valueOf(field: unknown): unknown {
  // Many fields are {explanation, value}.
  if (field && typeof field === "object" && !Array.isArray(field) && "value" in field) return field.value;
  return field;
}

function text(field: unknown): string | null {
  const v = valueOf(field);
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  return s === "" || s === "none" || s === "unknown" ? null : s;
}

interface Entry {
  name: string;
  type: string;
  fields: Record<string, unknown>;
  dependencies: string[];
  sources: string[];
}

export function convertEcosystemGraphs(files: readonly RecordInput[]): ConversionResult {
  const problems: Problem[] = [];
  let rejected = 0;
  const entries: Entry[] = [];
  const byName = new Map<string, Entry>();
  /** Every dependency mention as written, duplicates' included: for the statistics. */
  const mentions: string[] = [];
  const stats: EcosystemGraphsStats = {
    entries: 0,
    assets: 0,
    duplicateNames: [],
    mentions: 0,
    exact: 0,
    ignoringCase: 0,
    unresolved: 0,
    placeholderIds: [],
    selfReferences: [],
  };

  for (const file of [...files].sort((a, b) => a.source.localeCompare(b.source))) {
    const source = `ecosystem-graphs:${path.basename(file.source)}`;
    const content = typeof file.content === "string" ? file.content : Buffer.from(file.content).toString("utf8");
    const docs = parseAllDocuments(content, { prettyErrors: true });
    const list = Array.isArray(docs) ? docs : [];
    const errors = list.flatMap((d) => d.errors);
    if (!Array.isArray(docs) || errors.length) {
      problems.push({
        source,
        path: "$",
        severity: "error",
        message: `malformed YAML: ${errors[0]?.message.split("\n")[0] ?? "unreadable"}`,
        ...(errors[0]?.linePos ? { line: errors[0].linePos[0].line } : {}),
      });
      rejected++;
      continue;
    }
    list.forEach((doc) => {
      const items = doc.toJS() as unknown;
      if (items === null || items === undefined) return;
      if (!Array.isArray(items)) {
        problems.push({ source, path: "$", severity: "error", message: "expected a list of assets" });
        rejected++;
        return;
      }
      items.forEach((item: unknown, i) => {
        stats.entries++;
        const at = `$[${i}]`;
        const a = item as Record<string, unknown>;
        if (!a || typeof a !== "object" || typeof a.name !== "string" || !a.name.trim()) {
          problems.push({ source, path: `${at}.name`, severity: "error", scope: "asset", message: "expected an asset with a name" });
          rejected++;
          return;
        }
        const type = String(a.type ?? "");
        if (!KINDS[type]) {
          problems.push({
            source,
            path: `${at}.type`,
            severity: "error",
            scope: "asset",
            message: `expected one of model, dataset, application, found ${JSON.stringify(a.type)}`,
          });
          rejected++;
          return;
        }
        const deps = valueOf(a.dependencies);
        const dependencies = (Array.isArray(deps) ? deps : [])
          .filter((d): d is string => typeof d === "string")
          .map((d) => d.trim())
          .filter(Boolean);
        const name = a.name.trim();
        const seen = byName.get(name);
        if (seen) {
          problems.push({
            source,
            path: `${at}.name`,
            severity: "warning",
            message: `duplicate asset name ${JSON.stringify(name)} (also in ${seen.sources.join(", ")}): merged into one asset`,
          });
          if (!stats.duplicateNames.includes(name)) stats.duplicateNames.push(name);
          for (const d of dependencies) if (!seen.dependencies.includes(d)) seen.dependencies.push(d);
          for (const [k, v] of Object.entries(a)) if (seen.fields[k] === undefined || seen.fields[k] === null) seen.fields[k] = v;
          seen.sources.push(source);
          mentions.push(...dependencies);
          return;
        }
        const entry: Entry = { name, type, fields: a, dependencies: [...new Set(dependencies)], sources: [source] };
        mentions.push(...dependencies);
        byName.set(name, entry);
        entries.push(entry);
      });
    });
  }
  stats.assets = entries.length;

  // Ids: slugs in the eg: namespace (data-model.md §5), made unique in name order.
  const idOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const e of [...entries].sort((x, y) => x.name.localeCompare(y.name))) {
    let id = slugify(e.name) || "asset";
    for (let n = 2; taken.has(id); n++) id = `${slugify(e.name)}-${n}`;
    taken.add(id);
    idOf.set(e.name, qualify("eg", id));
  }
  const byLower = new Map<string, string[]>();
  for (const e of entries) byLower.set(e.name.toLowerCase(), [...(byLower.get(e.name.toLowerCase()) ?? []), e.name]);

  const classify = (dep: string): "exact" | "ignoringCase" | "unresolved" =>
    idOf.has(dep) ? "exact" : byLower.get(dep.toLowerCase())?.length === 1 ? "ignoringCase" : "unresolved";
  stats.mentions = mentions.length;
  for (const m of mentions) stats[classify(m)]++;

  const placeholders = new Set<string>();
  const records: AssetRecord[] = [];
  for (const e of entries) {
    const id = idOf.get(e.name)!;
    const source = e.sources[0]!;
    const upstream: RecordReference[] = [];
    let selfRef = false;
    for (const dep of e.dependencies) {
      let target: string;
      let name = dep;
      if (idOf.has(dep)) {
        target = idOf.get(dep)!;
      } else if (byLower.get(dep.toLowerCase())?.length === 1) {
        name = byLower.get(dep.toLowerCase())![0]!;
        target = idOf.get(name)!;
        problems.push({
          source,
          path: `$[${JSON.stringify(e.name)}].dependencies`,
          severity: "warning",
          message: `dependency ${JSON.stringify(dep)} matches the asset ${JSON.stringify(name)} only ignoring case`,
        });
      } else {
        target = qualify("eg", slugify(dep) || dep);
        placeholders.add(target);
      }
      if (target === id) {
        selfRef = true;
        continue;
      }
      if (upstream.some((u) => u.id === target)) continue;
      upstream.push({
        id: target,
        constraint: null,
        range: "*",
        pinned: false,
        declaredRelation: null,
        note: null,
        index: upstream.length,
        ...(idOf.has(name) ? {} : { placeholderName: dep }),
      });
    }
    if (selfRef) {
      stats.selfReferences.push(e.name);
      problems.push({
        source,
        path: `$[${JSON.stringify(e.name)}].dependencies`,
        severity: "error",
        scope: "asset",
        message: `self-reference: ${JSON.stringify(e.name)} lists itself as a dependency; this asset is not imported (the others are)`,
      });
      rejected++;
      continue;
    }
    const f = e.fields;
    const metadata: Record<string, unknown> = {
      name: e.name,
      description: text(f.description),
      publisher: text(f.organization),
      release_date: text(f.created_date),
      license: text(f.license),
      refs: text(f.url) ? [text(f.url)] : null,
    };
    const document = {
      mr: {
        type: KINDS[e.type],
        metadata,
        relations: { upstream: upstream.map((u) => u.id) },
        ecosystem_graphs: Object.fromEntries(
          Object.entries(f)
            .filter(([k]) => !["name", "type", "dependencies"].includes(k))
            .map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v]),
        ),
      },
    };
    const json = JSON.parse(JSON.stringify(document)) as unknown; // dates and undefined out
    const schemaProblems = validateDocument(source, json);
    if (schemaProblems.length) {
      problems.push(...schemaProblems);
      rejected++;
      continue;
    }
    const canonical = canonicalJson(json);
    records.push({
      id,
      version: EG_VERSION,
      key: `${id}@${EG_VERSION}`,
      kind: KINDS[e.type]!,
      name: e.name,
      publisher: metadata.publisher as string | null,
      license: metadata.license as string | null,
      releaseDate: metadata.release_date as string | null,
      description: metadata.description as string | null,
      refs: (metadata.refs as string[] | null) ?? [],
      owner: metadata.publisher as string | null,
      contacts: [],
      visibility: "public",
      upstream,
      risks: [],
      extra: { ecosystem_graphs: (json as { mr: { ecosystem_graphs: unknown } }).mr.ecosystem_graphs },
      source,
      document: canonical,
      contentHash: sha256(canonical),
    });
  }
  stats.placeholderIds = [...placeholders].sort();
  return { records, problems, rejected, stats };
}
