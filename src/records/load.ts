// From paths or documents to an ingest input: read, detect the format, parse, convert.
import fs from "node:fs";
import path from "node:path";
import { BadUserInputError } from "../errors.js";
import type { ParsedBatch } from "./importer.js";
import { importerFor } from "./registry.js";
import type { RecordInput } from "./umr.js";

const RECORD_FILE = /\.(ya?ml|json)$/i;

/** Files below the given paths (directories walked), in a stable order. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new BadUserInputError(`${p}: no such file or directory`);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.startsWith(".") || name === "node_modules") continue;
        const child = path.join(p, name);
        if (fs.statSync(child).isDirectory() || RECORD_FILE.test(name)) walk(child);
      }
    } else out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

export function readInputs(files: readonly string[], base = process.cwd()): RecordInput[] {
  return files.map((f) => ({ source: path.relative(base, f) || f, content: fs.readFileSync(f) }));
}

export interface LoadedRecords extends ParsedBatch {
  /** The format the documents were read as (after auto-detection). */
  format: string;
}

/** Parses documents in a format (a registered name, or "auto" to detect it). */
export function parseInputs(inputs: readonly RecordInput[], format = "auto"): LoadedRecords {
  const importer = importerFor(format, inputs);
  return { format: importer.name, ...importer.parse(inputs) };
}
