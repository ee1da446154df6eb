// The one shape every input format becomes before it is written: a record of one asset version.
import { createHash } from "node:crypto";
import canonicalizeModule from "canonicalize";
import type { AssetKindName } from "../model/asset.js";
import type { ParsedReference, Relation } from "./reference.js";
import type { RegistryFields } from "./registry-fields.js";

export interface RecordReference extends ParsedReference {
  /** The relation the record named, or null for a plain reference (the default then depends on kinds). */
  declaredRelation: Relation | null;
  note: string | null;
  /** Position in the record's upstream list. */
  index: number;
  /** A display name for the placeholder this reference creates if it names no record. */
  placeholderName?: string;
}

export interface AssetRecord {
  id: string;
  version: string;
  key: string;
  kind: AssetKindName;
  name: string;
  publisher: string | null;
  license: string | null;
  releaseDate: string | null;
  description: string | null;
  refs: string[];
  owner: string | null;
  contacts: string[];
  visibility: "public" | "private";
  upstream: RecordReference[];
  risks: string[];
  /** Ids of other sources that name the same thing (`mr.same_as`; data-model.md §5). */
  sameAs?: string[];
  /** What model registries ask (architecture, parameters, compute, evaluations, access), as the source says it. */
  registry?: RegistryFields;
  /** Blocks the graph does not interpret, kept as they were. */
  extra: Record<string, unknown>;
  /** Where it came from: a file name, or an importer and its file. */
  source: string;
  /** The whole record as accepted, canonical JSON. */
  document: string;
  contentHash: string;
}

export interface Problem {
  source: string;
  /** JSON path into the document ("$.mr.relations.upstream[2]"), or "$" for the whole file. */
  path: string;
  message: string;
  severity: "error" | "warning";
  line?: number;
  /** CONFLICT for a version that exists with other contents; errors are otherwise BAD_USER_INPUT. */
  code?: "CONFLICT" | "BAD_USER_INPUT" | "FORBIDDEN";
  /**
   * "asset": the error refuses that asset alone and does not stop the batch (the Ecosystem
   * Graphs importer, whose source data is known to be messy); --strict makes it stop the batch.
   */
  scope?: "asset";
}

/**
 * The canonical JSON of a value (RFC 8785, JSON Canonicalization Scheme): object keys sorted at
 * every level, numbers and strings written one way, so that the same content gives the same text.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? "null";
}
// The package is CommonJS (module.exports = serialize) while its types declare a default export.
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** An advisory a format states (a CycloneDX vulnerability), written with the batch's records. */
export interface ImportedAdvisory {
  id: string;
  category: string;
  severity: string;
  summary: string;
  references: string[];
  affectsId: string;
  affectsRange: string;
  /** "cyclonedx:<file>" and the like. */
  source: string;
  /** The id the source gives it (CVE-2020-25649). */
  sourceId: string;
}

/** A VEX statement a format makes (CycloneDX analysis state not_affected, resolved, ...). */
export interface ImportedExemption {
  advisoryId: string;
  /** Every node of this id gets the statement. */
  assetId: string;
  status: "NOT_AFFECTED" | "FIXED";
  justification: string;
  justificationCode: string | null;
}

/** What parsing and converting a batch of inputs gives the ingest. */
export interface IngestInput {
  records: AssetRecord[];
  advisories?: ImportedAdvisory[];
  exemptions?: ImportedExemption[];
  /** Problems found before ingest (parsing, conversion); errors mark rejected sources. */
  problems: Problem[];
  /** How many inputs were rejected before ingest (parse or conversion errors). */
  rejected: number;
}
