// From paths or documents to an ingest input: read, detect the format, parse, convert.
import fs from "node:fs";
import path from "node:path";
import { BadUserInputError } from "../errors.js";
import type { ParsedBatch, ParseOptions } from "./importer.js";
import { importerNamed, importersFor, walkedFiles } from "./registry.js";
import type { RecordInput } from "./umr.js";

const RECORD_FILE = /\.(ya?ml|json)$/i;

/**
 * Files below the given paths (directories walked for record files, and for the files the
 * format reads besides), in a stable order. A path named directly is always taken.
 */
export function collectFiles(paths: readonly string[], format = "auto"): string[] {
  const extra = walkedFiles(format);
  const wanted = (file: string) => RECORD_FILE.test(file) || extra.some((re) => re.test(file));
  const out: string[] = [];
  // Directory entries say what they are: no stat per file (a million-record folder has a million).
  const walkDir = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = path.join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(child, { throwIfNoEntry: false })?.isDirectory());
      if (isDir) walkDir(child);
      else if (wanted(child)) out.push(child);
    }
  };
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new BadUserInputError(`${p}: no such file or directory`);
    if (stat.isDirectory()) walkDir(p);
    else out.push(p);
  }
  return out;
}

export function readInputs(files: readonly string[], base = process.cwd()): RecordInput[] {
  return files.map((f) => ({ source: path.relative(base, f) || f, content: fs.readFileSync(f) }));
}

export interface LoadedRecords extends ParsedBatch {
  /** The format the documents were read as (after auto-detection). */
  format: string;
}

/** Parses documents in a format (a registered name, or "auto" to detect it per document). */
export function parseInputs(inputs: readonly RecordInput[], format = "auto", opts: ParseOptions = {}): LoadedRecords {
  const groups = importersFor(format, inputs);
  if (groups.length <= 1) {
    const { importer, inputs: docs } = groups[0] ?? { importer: importerNamed("umr"), inputs: [] };
    return { format: importer.name, ...importer.parse(docs, opts) };
  }
  const parts = groups.map((g) => ({ name: g.importer.name, batch: g.importer.parse(g.inputs, opts) }));
  return {
    format: parts.map((p) => p.name).join("+"),
    records: parts.flatMap((p) => p.batch.records),
    advisories: parts.flatMap((p) => p.batch.advisories ?? []),
    exemptions: parts.flatMap((p) => p.batch.exemptions ?? []),
    problems: parts.flatMap((p) => p.batch.problems),
    rejected: parts.reduce((n, p) => n + p.batch.rejected, 0),
    summary:
      parts
        .map((p) => p.batch.summary)
        .filter(Boolean)
        .join("; ") || null,
    stats: Object.fromEntries(parts.map((p) => [p.name, p.batch.stats ?? {}])),
  };
}
