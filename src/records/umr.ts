// UMR records (YAML or JSON) → AssetRecord, with every problem reported.
import path from "node:path";
import semver from "semver";
import { LineCounter, parseDocument, visit, type Document } from "yaml";
import type { AssetKindName } from "../model/asset.js";
import { MAX_ID_LENGTH, NATIVE_ID_SOURCE } from "../model/ids.js";
import { canonicalJson, sha256, type AssetRecord, type Problem, type RecordReference } from "./record.js";
import { parseReference, type Relation } from "./reference.js";
import { registryFieldsOfUmr } from "./registry-fields.js";
import { describeValue, jsonPath, lineOf, validateDocument } from "./validate.js";

/** The largest record file accepted. */
export const MAX_RECORD_BYTES = 10 * 1024 * 1024;

const FILE_NAME = /^(.+)-(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\.(ya?ml|json)$/;
// A UMR file name holds a native id: a qualified id ("hf:org/name") has "/" and ":" in it.
const ID = new RegExp(`^${NATIVE_ID_SOURCE}$`);
export { MAX_ID_LENGTH };

export interface RecordInput {
  /** File name or path; the record id and version come from its last part. */
  source: string;
  content: string | Uint8Array;
}

export interface ParseResult {
  record?: AssetRecord;
  problems: Problem[];
}

/** Reads id and version from a file name such as laion-5b-1.0.0.yaml. */
export function idAndVersion(source: string): { id: string; version: string } | { error: string } {
  const base = path.basename(source);
  const m = FILE_NAME.exec(base);
  if (!m || !ID.test(m[1]!)) {
    return {
      error: `file name ${JSON.stringify(base)}: expected <id>-<MAJOR.MINOR.PATCH>.yaml (or .yml, .json), such as laion-5b-1.0.0.yaml`,
    };
  }
  const [id, version] = [m[1]!, m[2]!];
  if (id.length > MAX_ID_LENGTH) {
    return { error: `file name: the id is ${id.length} characters long; an id may have at most ${MAX_ID_LENGTH}` };
  }
  if (version.includes("+")) {
    return {
      error: `file name ${JSON.stringify(base)}: version ${JSON.stringify(version)} carries build metadata (+...), which has no precedence of its own; give the record a version of its own (such as ${version.split("+")[0]!.replace(/\d+$/, (n) => String(Number(n) + 1))})`,
    };
  }
  if (semver.valid(version) !== version) {
    return {
      error: `file name ${JSON.stringify(base)}: version ${JSON.stringify(version)} is not a SemVer 2.0 version (MAJOR.MINOR.PATCH without leading zeros, each part at most ${Number.MAX_SAFE_INTEGER}; a pre-release of dot-separated non-empty identifiers, numeric ones without leading zeros)`,
    };
  }
  return { id, version };
}

function decode(source: string, content: string | Uint8Array): string | Problem {
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  if (size > MAX_RECORD_BYTES) {
    return problem(
      source,
      "$",
      `file is ${(size / 1024 / 1024).toFixed(1)} MiB; a record may be at most ${MAX_RECORD_BYTES / 1024 / 1024} MiB`,
    );
  }
  let text: string;
  if (typeof content === "string") text = content;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    } catch {
      return problem(source, "$", "not a text file: expected UTF-8 YAML or JSON, found bytes that are not UTF-8");
    }
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return problem(source, "$", `not a text file: expected UTF-8 YAML or JSON, found a NUL byte at offset ${nul}`);
  if (text.trim() === "") return problem(source, "$", "empty file: expected a record (a mapping with an `mr` block)");
  return text;
}

function problem(source: string, p: string, message: string, line?: number): Problem {
  return { source, path: p, message, severity: "error", ...(line !== undefined ? { line } : {}) };
}

const KNOWN_MR = new Set(["type", "metadata", "relations", "risk", "owner", "contacts", "visibility", "same_as", "registry"]);
const KNOWN_METADATA = new Set(["name", "refs", "description", "publisher", "release_date", "license"]);

/** The most values (scalars, lists and mappings) a record may expand to through YAML aliases. */
export const MAX_EXPANDED_VALUES = 1_000_000;

function hasAliases(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** Whether a value holds at most `budget` values, counting shared parts each time they occur; stops at the budget. */
function withinValueBudget(value: unknown, budget: number): boolean {
  let left = budget;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (--left < 0) return false;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === "object") for (const x of Object.values(v)) stack.push(x);
  }
  return true;
}

export function parseUmr(input: RecordInput): ParseResult {
  const { source } = input;
  const problems: Problem[] = [];
  const named = idAndVersion(source);
  if ("error" in named) problems.push(problem(source, "$", named.error));

  const text = decode(source, input.content);
  if (typeof text !== "string") return { problems: [...problems, text] };
  let lines: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;

  // Fast path for JSON: parse it natively and build the YAML document (for line numbers) only
  // when there is something to report.
  let data: unknown;
  let fast = false;
  if (/\.json$/i.test(source)) {
    try {
      data = JSON.parse(text);
      fast = data !== null && typeof data === "object" && !Array.isArray(data) && validateDocument(source, data).length === 0;
    } catch {
      fast = false;
    }
  }
  if (!fast) {
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      for (const e of doc.errors) {
        problems.push(
          problem(
            source,
            "$",
            `malformed ${source.endsWith(".json") ? "JSON" : "YAML"}: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
            e.linePos?.[0]?.line,
          ),
        );
      }
      return { problems };
    }
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      return { problems: [...problems, problem(source, "$", `unreadable document: ${(err as Error).message}`)] };
    }
    // An alias costs nothing to parse but everything after (validation, hashing, storing): a
    // small file whose aliases repeat a large anchor would expand to gigabytes.
    if (hasAliases(doc) && !withinValueBudget(data, MAX_EXPANDED_VALUES)) {
      return {
        problems: [
          problem(
            source,
            "$",
            `the document's aliases (*name) expand to more than ${MAX_EXPANDED_VALUES.toLocaleString("en")} values; a record may hold at most that many (write the values out instead of repeating an anchor)`,
          ),
        ],
      };
    }
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      problems.push(problem(source, "$", `expected a mapping with an \`mr\` block at the top level, found ${describeValue(data)}`, 1));
      return { problems };
    }
    problems.push(...validateDocument(source, data, doc, counter));
    lines = { doc, counter };
  }
  if (problems.length || "error" in named) return { problems };

  const mr = (data as { mr: Record<string, unknown> }).mr;
  const metadata = mr.metadata as Record<string, unknown>;
  const kind = mr.type as AssetKindName;
  const upstreamRaw = ((mr.relations as Record<string, unknown> | null)?.upstream as unknown[] | null) ?? [];
  const upstream: RecordReference[] = [];
  upstreamRaw.forEach((item, index) => {
    const at = ["mr", "relations", "upstream", index];
    const obj = typeof item === "string" ? { ref: item } : (item as { ref: string; relation?: Relation; note?: string | null });
    const parsed = parseReference(obj.ref);
    const line = lineOf(lines?.doc, lines?.counter, at);
    if ("error" in parsed) {
      problems.push(problem(source, jsonPath(at), parsed.error, line));
      return;
    }
    if (parsed.id === named.id) {
      problems.push(
        problem(source, jsonPath(at), `self-reference: ${named.id} cannot be built from itself (${JSON.stringify(obj.ref)})`, line),
      );
      return;
    }
    const twice = upstream.find((u) => u.id === parsed.id);
    if (twice) {
      problems.push(
        problem(
          source,
          jsonPath(at),
          `${JSON.stringify(parsed.id)} is named twice (upstream[${twice.index}] and upstream[${index}]): name each upstream asset once`,
          line,
        ),
      );
      return;
    }
    upstream.push({ ...parsed, declaredRelation: obj.relation ?? null, note: obj.note ?? null, index });
  });
  const sameAs = ((mr.same_as as string[] | null | undefined) ?? []).map((s) => s.trim());
  sameAs.forEach((other, index) => {
    if (other === named.id)
      problems.push(
        problem(
          source,
          jsonPath(["mr", "same_as", index]),
          `${named.id} is the same as itself: name another id`,
          lineOf(lines?.doc, lines?.counter, ["mr", "same_as", index]),
        ),
      );
  });
  if (problems.length) return { problems };

  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mr)) if (!KNOWN_MR.has(k)) extra[k] = v;
  const extraMeta = Object.fromEntries(Object.entries(metadata).filter(([k]) => !KNOWN_METADATA.has(k)));
  if (Object.keys(extraMeta).length) extra.metadata = extraMeta;
  const extraRelations = Object.fromEntries(
    Object.entries((mr.relations as Record<string, unknown> | null) ?? {}).filter(([k]) => k !== "upstream"),
  );
  if (Object.keys(extraRelations).length) extra.relations = extraRelations;

  const document = canonicalJson(data);
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const record: AssetRecord = {
    id: named.id,
    version: named.version,
    key: `${named.id}@${named.version}`,
    kind,
    name: String(metadata.name),
    publisher: str(metadata.publisher),
    license: str(metadata.license),
    releaseDate: str(metadata.release_date),
    description: str(metadata.description),
    refs: (metadata.refs as string[] | null) ?? [],
    owner: str(mr.owner),
    contacts: (mr.contacts as string[] | null) ?? [],
    visibility: mr.visibility === "private" ? "private" : "public",
    upstream,
    risks: Object.entries((mr.risk as Record<string, boolean | null> | null) ?? {})
      .filter(([, v]) => v === true)
      .map(([k]) => k)
      .sort(),
    ...(sameAs.length ? { sameAs: [...new Set(sameAs)].sort() } : {}),
    registry: registryFieldsOfUmr(mr),
    extra,
    source,
    document,
    contentHash: sha256(document),
  };
  return { record, problems };
}
