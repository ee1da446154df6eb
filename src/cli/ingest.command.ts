// umr ingest / umr validate
import { SingleBar, Presets } from "cli-progress";
import { BadUserInputError } from "../errors.js";
import { cycleProblems, type IngestReport } from "../ingest/ingest.service.js";
import { collectFiles, type LoadedRecords } from "../records/load.js";
import { loadFiles, type LoadOptions } from "../records/parallel-load.js";
import { formatProblem, plural } from "./format.js";
import { cliViewer } from "../model/viewer.js";
import { withServices } from "./session.js";
import { bulkIngest } from "../ingest/bulk.js";
import { loadConfig, type Config } from "../config.js";
import { createLogger } from "../log.js";

interface IngestOpts {
  format: string;
  dryRun: boolean;
  strict: boolean;
  partial: boolean;
  batchSize: number;
  commitEvery?: number;
  json: boolean;
  /** CycloneDX: accept trailing commas and schema errors, as warnings. */
  lenient?: boolean;
  /** The organisation the records are published for (it owns the ids it publishes first). */
  org?: string;
  /** A first load with Neo4j's offline importer, into the empty local database. */
  bulk?: boolean;
}

async function load(paths: string[], format: string, lenient: boolean, onProgress: LoadOptions["onProgress"]): Promise<LoadedRecords> {
  const files = collectFiles(paths, format);
  if (!files.length)
    throw new BadUserInputError(
      `no record files under ${paths.join(", ")} (.yaml, .yml, .json; Hugging Face cards as <org>__<name>/README.md or .jsonl)`,
    );
  return loadFiles(files, format, { lenient, onProgress });
}

function printStats(loaded: LoadedRecords): void {
  if (loaded.summary)
    process.stderr.write(`${loaded.summary}
`);
}

export async function ingestCommand(paths: string[], opts: IngestOpts): Promise<number> {
  const config = opts.bulk ? loadConfig() : null;
  if (config) refuseWithBulk(opts, config);
  const bar =
    process.stderr.isTTY && !opts.json
      ? new SingleBar({ format: " {phase} [{bar}] {value}/{total}", hideCursor: true }, Presets.shades_classic)
      : undefined;
  let started = false;
  const onProgress = ({ phase, done, total }: { phase: string; done: number; total: number }) => {
    if (!bar) return;
    if (!started) {
      bar.start(total, done, { phase });
      started = true;
    }
    bar.setTotal(total);
    bar.update(done, { phase });
  };
  const loaded = await load(paths, opts.format, Boolean(opts.lenient), onProgress);
  if (!opts.json) printStats(loaded);
  if (config) {
    const log = createLogger(process.env.LOG_LEVEL ?? "warn", "umr");
    const report = await bulkIngest(loaded, {
      home: config.local.dataDir,
      heap: config.local.heap,
      pagecache: config.local.pagecache,
      port: config.local.port,
      startTimeoutMs: config.local.startTimeoutMs,
      log,
      viewer: cliViewer(opts.org ?? null),
      partial: opts.partial,
      strict: opts.strict,
      onProgress,
    }).finally(() => bar?.stop());
    if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    else {
      printReport(report);
      if (report.written)
        process.stdout.write(
          `bulk load: ${Object.entries(report.seconds)
            .map(([k, v]) => `${k} ${v} s`)
            .join(", ")}\n`,
        );
    }
    return report.problems.some((p) => p.severity === "error") ? 1 : 0;
  }
  const report = await withServices((services) =>
    services.ingest.ingest(loaded, {
      dryRun: opts.dryRun,
      strict: opts.strict,
      partial: opts.partial,
      batchSize: opts.batchSize,
      viewer: cliViewer(opts.org ?? null),
      ...(opts.commitEvery ? { commitEvery: opts.commitEvery } : {}),
      onProgress,
    }),
  ).finally(() => bar?.stop());
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else printReport(report);
  return report.problems.some((p) => p.severity === "error") ? 1 : 0;
}

/** What --bulk cannot be combined with, said before anything is read. */
function refuseWithBulk(opts: IngestOpts, config: Config): void {
  if (config.external)
    throw new BadUserInputError(
      "--bulk builds the local Neo4j's store with Neo4j's offline importer, and NEO4J_URI names a server of your own: load into it with `umr ingest` (without --bulk), or unset NEO4J_URI",
    );
  for (const [flag, set] of [
    ["--dry-run", opts.dryRun],
    ["--commit-every", opts.commitEvery !== undefined],
  ] as const)
    if (set) throw new BadUserInputError(`--bulk and ${flag} do not go together: a bulk load writes everything or nothing, at once`);
}

function printReport(report: IngestReport): void {
  for (const p of report.problems) process.stderr.write(formatProblem(p) + "\n");
  const warnings = report.problems.filter((p) => p.severity === "warning").length;
  const verb = report.dryRun ? "would accept" : "accepted";
  process.stdout.write(
    `${verb} ${report.accepted}, unchanged ${report.unchanged}, rejected ${report.rejected}, ` +
      `placeholders ${report.placeholders}, ${plural(warnings, "warning")}` +
      (report.dryRun ? " (dry run: nothing written)" : report.written ? "" : " (nothing written)") +
      "\n",
  );
  if (report.placeholderIds.length) process.stdout.write(`placeholders: ${report.placeholderIds.join(", ")}\n`);
}

export async function validateCommand(
  paths: string[],
  opts: { format: string; strict: boolean; lenient?: boolean; json: boolean },
): Promise<number> {
  const loaded = await load(paths, opts.format, Boolean(opts.lenient), undefined);
  const problems = [...loaded.problems];
  for (const { members: _members, ...problem } of cycleProblems(loaded.records, opts.strict)) problems.push(problem);
  const errors = problems.filter((p) => p.severity === "error").length;
  if (opts.json) {
    process.stdout.write(JSON.stringify({ valid: loaded.records.length, rejected: loaded.rejected, problems }, null, 2) + "\n");
  } else {
    printStats(loaded);
    for (const p of problems) process.stderr.write(formatProblem(p) + "\n");
    process.stdout.write(
      `${plural(loaded.records.length, "valid record")}, ${loaded.rejected} rejected, ${plural(errors, "error")}, ${plural(problems.length - errors, "warning")}\n`,
    );
  }
  return errors ? 1 : 0;
}
