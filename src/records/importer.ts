// What a record format is: a name, a detector for auto-detection, and a conversion of a batch
// of documents into records. Each format is one file in formats/, registered in registry.ts.
import type { IngestInput } from "./record.js";
import type { RecordInput } from "./umr.js";

export interface ParsedBatch extends IngestInput {
  /** One line for people about what the conversion found (the CLI prints it), or null. */
  summary: string | null;
  /** The format's own counts, kept in the JSON report. */
  stats?: Record<string, unknown>;
}

export interface ParseOptions {
  /**
   * Interchange formats only: accept what strict parsing refuses but means one thing (JSON with
   * trailing commas), and report schema errors as warnings instead of refusing the document.
   */
  lenient?: boolean;
}

export interface Importer {
  /** The CLI's `--format` value ("ecosystem-graphs"). */
  readonly name: string;
  /** The GraphQL `RecordFormat` value ("ECOSYSTEM_GRAPHS"). */
  readonly graphqlName: string;
  readonly description: string;
  /**
   * The files of a walked folder this format reads (beside .yaml, .yml and .json, which every
   * walk takes): Hugging Face cards are README.md files in <org>__<name> folders.
   */
  readonly files?: RegExp;
  /**
   * Whether every document of a batch looks like this format. Auto-detection takes the one
   * importer that claims the batch; none claiming it means UMR, two claiming it is an error.
   */
  claims(inputs: readonly RecordInput[]): boolean;
  parse(inputs: readonly RecordInput[], opts?: ParseOptions): ParsedBatch;
}
