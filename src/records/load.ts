// From paths or documents to an ingest input: read, detect the format, parse, convert.
import fs from "node:fs";
import path from "node:path";
import type { IngestInput } from "../ingest/ingest.service.js";
import { BadUserInputError } from "../errors.js";
import { convertEcosystemGraphs, type EcosystemGraphsStats } from "./ecosystem-graphs.js";
import type { AssetRecord, Problem } from "./record.js";
import { parseUmr, type RecordInput } from "./umr.js";

export type Format = "umr" | "ecosystem-graphs";
export const FORMATS: readonly Format[] = ["umr", "ecosystem-graphs"];
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

/** Ecosystem Graphs files are YAML lists of assets; UMR records are mappings with an `mr` block. */
export function detectFormat(inputs: readonly RecordInput[]): Format {
  const looksLikeList = (i: RecordInput) => {
    const head = (typeof i.content === "string" ? i.content : Buffer.from(i.content.subarray(0, 4096)).toString("utf8"))
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "" && !l.startsWith("#") && l !== "---");
    return head?.startsWith("- ") ?? false;
  };
  return inputs.length > 0 && inputs.every(looksLikeList) ? "ecosystem-graphs" : "umr";
}

export interface LoadedRecords extends IngestInput {
  format: Format;
  ecosystemGraphs?: EcosystemGraphsStats;
}

export function parseInputs(inputs: readonly RecordInput[], format: Format | "auto" = "auto"): LoadedRecords {
  const fmt = format === "auto" ? detectFormat(inputs) : format;
  if (fmt === "ecosystem-graphs") {
    const converted = convertEcosystemGraphs(inputs);
    return { format: fmt, records: converted.records, problems: converted.problems, rejected: converted.rejected, ecosystemGraphs: converted.stats };
  }
  const records: AssetRecord[] = [];
  const problems: Problem[] = [];
  let rejected = 0;
  for (const input of inputs) {
    const r = parseUmr(input);
    problems.push(...r.problems);
    if (r.record) records.push(r.record);
    else rejected++;
  }
  return { format: fmt, records, problems, rejected };
}
