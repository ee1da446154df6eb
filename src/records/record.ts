// The one shape every input format becomes before it is written: a record of one asset version.
import { createHash } from "node:crypto";
import type { AssetKindName } from "../model/asset.js";
import type { ParsedReference, Relation } from "./reference.js";

export interface RecordReference extends ParsedReference {
  /** The relation the record named, or null for a plain reference (the default then depends on kinds). */
  declaredRelation: Relation | null;
  note: string | null;
  /** Position in the record's upstream list. */
  index: number;
  /** A display name for the placeholder this reference creates if it names no record. */
  placeholderName?: string;
}

export interface RiskFlag {
  category: string; // csam, nsfw, ... (lower case, as records write them)
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
  code?: "CONFLICT" | "BAD_USER_INPUT";
  /**
   * "asset": the error refuses that asset alone and does not stop the batch (the Ecosystem
   * Graphs importer, whose source data is known to be messy); --strict makes it stop the batch.
   */
  scope?: "asset";
}

/** JSON with object keys sorted at every level: the same content gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** What parsing and converting a batch of inputs gives the ingest. */
export interface IngestInput {
  records: AssetRecord[];
  /** Problems found before ingest (parsing, conversion); errors mark rejected sources. */
  problems: Problem[];
  /** How many inputs were rejected before ingest (parse or conversion errors). */
  rejected: number;
}
