// Record files read and parsed: on the calling thread for a small batch, and for a large one in
// slices on worker threads (piscina), one a core, with the same answer. UMR documents are parsed
// one by one, so a batch's parse is its slices' parses one after another: the slices' records and
// problems are joined in file order. A slice that is not all UMR (auto-detection found another
// format, whose importers may read documents together) sends the whole batch back to one thread.
import os from "node:os";
import { Piscina } from "piscina";
import type { ParseOptions } from "./importer.js";
import { parseInputs, readInputs, type LoadedRecords } from "./load.js";

export interface LoadOptions extends ParseOptions {
  /** Source names are file paths relative to this folder (as readInputs names them). */
  base?: string;
  /** Batches of fewer files are parsed on this thread. */
  parallelFrom?: number;
  /** Files a worker parses at a time. */
  sliceSize?: number;
  /** Worker threads (default: one a core). */
  threads?: number;
  onProgress?: (event: { phase: string; done: number; total: number }) => void;
}

/** Below this many files the worker threads cost more to start than they save. */
export const PARALLEL_FROM = 20_000;

const fromSource = import.meta.url.endsWith(".ts");
const WORKER = new URL(`./parse.worker.${fromSource ? "ts" : "js"}`, import.meta.url);

/** Reads and parses record files in a format ("auto" to detect it per document). */
export async function loadFiles(files: readonly string[], format = "auto", opts: LoadOptions = {}): Promise<LoadedRecords> {
  const base = opts.base ?? process.cwd();
  const parseOpts: ParseOptions = opts.lenient === undefined ? {} : { lenient: opts.lenient };
  const threads = opts.threads ?? os.availableParallelism();
  const one = () => parseInputs(readInputs(files, base), format, parseOpts);
  if (files.length < (opts.parallelFrom ?? PARALLEL_FROM) || threads < 2 || (format !== "umr" && format !== "auto")) return one();

  const size = opts.sliceSize ?? 10_000;
  const pool = new Piscina({
    filename: WORKER.href,
    execArgv: fromSource ? ["--import", "tsx"] : [],
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    let done = 0;
    const slices: Promise<LoadedRecords>[] = [];
    for (let from = 0; from < files.length; from += size) {
      const slice = files.slice(from, from + size);
      slices.push(
        (pool.run({ files: slice, base, format, opts: parseOpts }) as Promise<LoadedRecords>).then((batch) => {
          done += slice.length;
          opts.onProgress?.({ phase: "parse", done, total: files.length });
          return batch;
        }),
      );
    }
    const parts = await Promise.all(slices);
    if (parts.some((p) => p.format !== "umr")) return one();
    return {
      format: "umr",
      records: parts.flatMap((p) => p.records),
      problems: parts.flatMap((p) => p.problems),
      rejected: parts.reduce((n, p) => n + p.rejected, 0),
      summary: null,
    };
  } finally {
    await pool.destroy();
  }
}
