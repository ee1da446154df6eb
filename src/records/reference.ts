// Upstream references, as records write them (data-model.md §1):
//   id | id@1.2.0 | id-1.2.0 | id followed by a constraint (>=1.0.0, ==1.0.0, <=2.0.0, ^1.2, ~1.2.3)
// where id is native ("laion-5b") or qualified by its source ("hf:mistralai/Mistral-7B-v0.1").
import semver from "semver";

import { ID_SOURCE, NATIVE_ID_SOURCE } from "../model/ids.js";
import { RELATIONS, type Relation } from "../model/vocab.js";

export { RELATIONS, type Relation };

export interface ParsedReference {
  id: string;
  /** What the record wrote after the id (">=1.0.0"), normalised for pins to "==1.2.0"; null for a bare id. */
  constraint: string | null;
  /** The node-semver range the constraint means ("*" for a bare id). */
  range: string;
  /** An exact pin never moves to a newer version. */
  pinned: boolean;
}

const ID = ID_SOURCE;
const SEMVER = "v?\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?";
const PIN_AT = new RegExp(`^(${ID})@(${SEMVER})$`);
// id-1.2.0 is the UMR file-name form: native ids only (a qualified name such as
// "hf:org/model-1.0.0" is a name, not a pin).
const PIN_DASH = new RegExp(`^(${NATIVE_ID_SOURCE})-(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)$`);
const BARE = new RegExp(`^${ID}$`);
const WITH_CONSTRAINT = new RegExp(`^((?:${ID})?)\\s*((?:>=|<=|==|=|>|<|\\^|~).*)$`);
const COMPARATOR = /^(>=|<=|==|=|>|<|\^|~)\s*(v?\d+(?:\.(?:\d+|[xX*])){0,2}(?:-[0-9A-Za-z.-]+)?)$/;

/** The reference grammar as the record JSON Schema's pattern (schemas/umr-record.schema.json). */
export const REFERENCE_PATTERN = `^${ID_SOURCE}(@v?[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?|(\\s*,?\\s*(>=|<=|==|=|>|<|\\^|~)\\s*v?[0-9]+(\\.([0-9]+|[xX*])){0,2}(-[0-9A-Za-z.-]+)?)+)?$`;

export const REFERENCE_FORMS = "id, id@1.2.0, id-1.2.0, or id followed by a constraint such as >=1.0.0, ==1.0.0, <=2.0.0, ^1.2 or ~1.2.3";

/** Parses a reference, or returns the reason it is malformed. */
/** The longest reference accepted (an id of at most 200 characters and a constraint). */
export const MAX_REFERENCE_LENGTH = 300;

export function parseReference(text: string): ParsedReference | { error: string } {
  const s = text.trim();
  if (s.length > MAX_REFERENCE_LENGTH) {
    return {
      error: `reference of ${s.length} characters: expected at most ${MAX_REFERENCE_LENGTH} (an id of at most 200 and a constraint)`,
    };
  }
  let m = PIN_AT.exec(s);
  if (m) return pin(m[1]!, m[2]!);
  m = WITH_CONSTRAINT.exec(s);
  if (m && m[1]) {
    const parts = m[2]!.split(/\s*,\s*|\s+(?=[<>=^~])/).filter(Boolean);
    const ranges: string[] = [];
    for (const p of parts) {
      const c = COMPARATOR.exec(p.trim());
      if (!c)
        return { error: `malformed version constraint ${JSON.stringify(m[2])} in ${JSON.stringify(text)}: expected ${REFERENCE_FORMS}` };
      ranges.push(`${c[1] === "==" ? "=" : c[1]}${c[2]}`);
    }
    const range = semver.validRange(ranges.join(" "));
    if (!range) return { error: `malformed version constraint ${JSON.stringify(m[2])} in ${JSON.stringify(text)}: not a semver range` };
    return { id: m[1], constraint: m[2]!.trim(), range, pinned: false };
  }
  m = PIN_DASH.exec(s);
  if (m) return pin(m[1]!, m[2]!);
  if (BARE.test(s))
    return s.length > 200
      ? { error: `reference of ${s.length} characters: an id may have at most 200` }
      : { id: s, constraint: null, range: "*", pinned: false };
  return { error: `malformed reference ${JSON.stringify(text)}: expected ${REFERENCE_FORMS}` };
}

function pin(id: string, version: string): ParsedReference {
  const v = semver.valid(version)!;
  return { id, constraint: `==${v}`, range: v, pinned: true };
}

/** The default relation of a plain reference, by the kinds it joins (data-model.md §1). */
export function defaultRelation(fromKind: string, toKind: string | null): Relation {
  if (toKind === "family") return "member_of";
  if (fromKind === "model" && toKind === "dataset") return "trained_on";
  if (fromKind === "application" && toKind === "model") return "uses";
  return "derived_from";
}

/** TRAINED_ON for training on a dataset; DERIVED_FROM for every other link. */
export function edgeTypeOf(relation: string): "TRAINED_ON" | "DERIVED_FROM" {
  return relation === "trained_on" ? "TRAINED_ON" : "DERIVED_FROM";
}

/**
 * Picks the version a reference resolves to among the known record versions of its id:
 * the newest that satisfies it (a bare id: the newest of all); null when none does.
 */
export function resolveVersion(ref: Pick<ParsedReference, "range" | "pinned" | "constraint">, versions: readonly string[]): string | null {
  if (ref.pinned) return versions.find((v) => semver.eq(v, ref.range)) ?? null;
  if (ref.constraint === null) return versions.length ? semver.rsort([...versions])[0]! : null;
  return semver.maxSatisfying([...versions], ref.range);
}
