// Validation against schemas/umr-record.schema.json (ajv, every error reported), with errors
// turned into problems that name the file, the JSON path, the line, what was expected and
// what was found.
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import type { Document, LineCounter } from "yaml";
import type { Problem } from "./record.js";
import { REFERENCE_FORMS } from "./reference.js";
import { recordSchema } from "./schema.js";

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateRecord = ajv.compile(recordSchema());

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return value.length > 80 ? `${JSON.stringify(value.slice(0, 77))}…` : JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
}

/** "/mr/relations/upstream/2" → "$.mr.relations.upstream[2]" */
export function jsonPath(segments: readonly (string | number)[]): string {
  return (
    "$" +
    segments
      .map((s) => (typeof s === "number" ? `[${s}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`))
      .join("")
  );
}

function segmentsOf(instancePath: string, data: unknown): (string | number)[] {
  if (!instancePath) return [];
  const out: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of instancePath.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const seg = Array.isArray(cur) && /^\d+$/.test(key) ? Number(key) : key;
    out.push(seg);
    cur = cur && typeof cur === "object" ? (cur as Record<string | number, unknown>)[seg] : undefined;
  }
  return out;
}

function valueAt(data: unknown, segments: readonly (string | number)[]): unknown {
  let cur = data;
  for (const s of segments) cur = cur && typeof cur === "object" ? (cur as Record<string | number, unknown>)[s] : undefined;
  return cur;
}

/** The 1-based line of the node at a path (or of its nearest existing parent). */
export function lineOf(
  doc: Document | undefined,
  counter: LineCounter | undefined,
  segments: readonly (string | number)[],
): number | undefined {
  if (!doc || !counter) return undefined;
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return counter.linePos(range[0]).line;
  }
  return undefined;
}

const TYPE_NAMES: Record<string, string> = {
  array: "a list",
  object: "a mapping",
  string: "a string",
  number: "a number",
  boolean: "true or false",
  null: "null",
};

function message(e: ErrorObject, value: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type":
      return `expected ${([] as string[])
        .concat(p.type as string)
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(" or ")}, found ${describeValue(value)}`;
    case "enum":
      return `expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}, found ${describeValue(value)}`;
    case "required":
      return `required field "${String(p.missingProperty)}" is missing`;
    case "minLength":
      return `expected a non-empty string, found ${describeValue(value)}`;
    case "pattern":
      return e.schemaPath.includes("reference")
        ? `expected a reference (${REFERENCE_FORMS}), found ${describeValue(value)}`
        : `expected text matching ${String(p.pattern)}, found ${describeValue(value)}`;
    case "additionalProperties":
      return e.schemaPath.includes("upstreamItem")
        ? `unexpected field "${String(p.additionalProperty)}" (allowed: ref, relation, note)`
        : `unexpected field "${String(p.additionalProperty)}"`;
    case "const":
      return `expected ${JSON.stringify(p.allowedValue)}, found ${describeValue(value)}`;
    case "oneOf": {
      if (e.schemaPath.includes("upstreamItem"))
        return `expected a reference string or a mapping {ref, relation, note}, found ${describeValue(value)}`;
      const passing = Array.isArray(p.passingSchemas) ? p.passingSchemas.length : 0;
      if (passing > 1 && value && typeof value === "object" && "id" in value && "name" in value)
        return `expected either "id" or "name", found a mapping with both (the schema allows one of them)`;
      return passing > 1
        ? `expected exactly one of the schema's alternatives to match, found ${describeValue(value)} that matches ${passing} of them`
        : `expected one of the schema's alternatives, found ${describeValue(value)} that matches none`;
    }
    default:
      return `${e.message ?? "invalid"}, found ${describeValue(value)}`;
  }
}

/** Validates a parsed document; every error, condensed, as problems. */
export function validateDocument(source: string, data: unknown, doc?: Document, counter?: LineCounter): Problem[] {
  if (validateRecord(data)) return [];
  return schemaProblems(source, validateRecord.errors ?? [], data, (segments) => lineOf(doc, counter, segments));
}

/**
 * A JSON Schema validator's errors (ajv), condensed, as problems that name the file, the JSON
 * path, the line (where `lineAt` knows it), what was expected and what was found.
 */
export function schemaProblems(
  source: string,
  allErrors: readonly ErrorObject[],
  data: unknown,
  lineAt: (segments: readonly (string | number)[]) => number | undefined = () => undefined,
  opts: { limit?: number; deepestOnly?: boolean } = {},
): Problem[] {
  const limit = opts.limit ?? 50;
  let errors = [...allErrors];
  // Large schemas (CycloneDX, SPDX) report every alternative they tried along a path: the error
  // deepest in the document says what is wrong; those above it repeat it.
  if (opts.deepestOnly) errors = errors.filter((e) => !allErrors.some((o) => o.instancePath.startsWith(e.instancePath + "/")));
  // A oneOf reports every branch: at its path, drop the branches' type mismatches; keep the
  // oneOf itself only where nothing more precise explains the value.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath));
  const below = (e: ErrorObject, p: string) => e.instancePath === p || e.instancePath.startsWith(p + "/");
  errors = errors.filter((e) => !(e.keyword === "type" && oneOfPaths.has(e.instancePath)));
  errors = errors.filter((e) => e.keyword !== "oneOf" || !errors.some((o) => o !== e && o.keyword !== "oneOf" && below(o, e.instancePath)));
  // propertyNames: report the offending name, with the allowed names of its inner enum error.
  const nameErrors = errors.filter((e) => e.keyword === "propertyNames");
  errors = errors.filter((e) => !(e.schemaPath.includes("/propertyNames/") && nameErrors.some((n) => n.instancePath === e.instancePath)));
  const allowedNames = allErrors.find((e) => e.schemaPath.includes("/propertyNames/") && e.keyword === "enum")?.params as
    { allowedValues?: unknown[] } | undefined;
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of errors) {
    let segments = segmentsOf(e.instancePath, data);
    const p = e.params as Record<string, unknown>;
    if (e.keyword === "required") segments = [...segments, String(p.missingProperty)];
    if (e.keyword === "additionalProperties") segments = [...segments, String(p.additionalProperty)];
    if (p.propertyName !== undefined) segments = [...segments, String(p.propertyName)];
    const value =
      p.propertyName !== undefined ? p.propertyName : valueAt(data, e.keyword === "required" ? segments.slice(0, -1) : segments);
    let text = message(e, value);
    if (e.keyword === "propertyNames") {
      text = `unknown risk flag ${JSON.stringify(p.propertyName)}: expected one of ${(allowedNames?.allowedValues ?? []).join(", ")}`;
    }
    const problem: Problem = { source, path: jsonPath(segments), message: text, severity: "error" };
    const line = lineAt(e.keyword === "required" ? segments.slice(0, -1) : segments);
    if (line !== undefined) problem.line = line;
    const dedupe = `${problem.path}|${problem.message}`;
    if (!seen.has(dedupe)) {
      seen.add(dedupe);
      problems.push(problem);
    }
  }
  if (problems.length > limit) {
    const left = problems.length - limit;
    return [
      ...problems.slice(0, limit),
      { source, path: "$", severity: "error", message: `${left} more schema error${left === 1 ? "" : "s"} not listed` },
    ];
  }
  return problems;
}
