// A bulk first load (`umr ingest --bulk`): the records' nodes and edges written as CSV in one
// streaming pass, the store built from it by Neo4j's offline importer (no transactions), then
// Neo4j started, its indexes built online, and what an ingest writes after its edges done in one
// transaction (IngestService.completeBulk). Only into the local Neo4j's data folder, only when
// its database is empty, and only while no Neo4j runs on it. The graph it leaves is the one a
// transactional ingest of the same records into an empty database leaves (tested).
import fs from "node:fs";
import path from "node:path";
import { BadUserInputError, ServiceUnavailableError } from "../errors.js";
import type { Logger } from "../log.js";
import { authorize } from "../model/authz.js";
import { SYSTEM_VIEWER, type Viewer } from "../model/viewer.js";
import { connect, Executor } from "../neo4j/executor.js";
import { alive, readInstanceFile, startLocalNeo4j, storeLockHolder } from "../neo4j/local.js";
import { runOfflineImport } from "../neo4j/offline-import.js";
import { applySchema } from "../neo4j/schema.js";
import { statement } from "../neo4j/statements.js";
import type { AssetRecord, IngestInput } from "../records/record.js";
import { CsvFiles, type CsvType } from "../neo4j/import-csv.js";
import {
  assetProps,
  batchHasErrors,
  declaredRefs,
  IngestService,
  nothingWritten,
  screenBatch,
  withoutNulls,
  type IngestReport,
} from "./ingest.service.js";
import { addVersions, planEdges } from "./plan.js";

export interface BulkOptions {
  /** The local Neo4j's data folder (UMR_DATA_DIR). */
  home: string;
  heap: string;
  pagecache: string;
  /** The port the local Neo4j listens on while the load finishes (0: any free one). */
  port: number;
  startTimeoutMs: number;
  log: Logger;
  viewer?: Viewer;
  partial?: boolean;
  strict?: boolean;
  onProgress?: (event: { phase: string; done: number; total: number }) => void;
}

export interface BulkReport extends IngestReport {
  /** Seconds each step took: screen, csv, import, start, indexes, finish, stop. */
  seconds: Record<string, number>;
}

const KIND_LABEL: Record<AssetRecord["kind"], string> = {
  model: "Model",
  dataset: "Dataset",
  family: "Family",
  application: "Application",
};

/** Loads records into the empty database of a local data folder with Neo4j's offline importer. */
export async function bulkIngest(input: IngestInput, opts: BulkOptions): Promise<BulkReport> {
  const viewer = opts.viewer ?? SYSTEM_VIEWER;
  authorize(viewer, "ingest");
  const seconds: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    seconds[name] = Math.round(now - t) / 1000;
    t = now;
  };
  const { records: fresh, report } = screenBatch(input, viewer, { strict: opts.strict });
  if (batchHasErrors(report, opts) && !opts.partial) return { ...nothingWritten(report, fresh.length), seconds };
  if (!fresh.length) return { ...report, seconds };

  refuseWhileRunning(opts.home);
  if (fs.existsSync(path.join(opts.home, "data", "databases", "neo4j"))) await refuseUnlessEmpty(opts);

  fs.mkdirSync(opts.home, { recursive: true });
  const work = fs.mkdtempSync(path.join(opts.home, "bulk-"));
  lap("screen");
  try {
    const files = writeCsv(work, fresh, viewer, opts.onProgress);
    report.placeholderIds = files.placeholders;
    report.placeholders = files.placeholders.length;
    report.edgesWritten = files.edges;
    report.accepted = fresh.length;
    report.acceptedKeys = fresh.map((r) => r.key);
    lap("csv");

    await runOfflineImport({
      home: opts.home,
      heap: opts.heap,
      nodes: files.nodeFiles,
      relationships: files.edgeFiles,
      multiline: files.multilineFiles,
      workDir: work,
      log: opts.log,
      onProgress: (stage, percent) => opts.onProgress?.({ phase: stage.toLowerCase(), done: percent, total: 100 }),
    });
    lap("import");

    await withLocalDb(opts, async (db) => {
      lap("start");
      opts.onProgress?.({ phase: "indexes", done: 0, total: 1 });
      await applySchema(db);
      lap("indexes");
      opts.onProgress?.({ phase: "finishing", done: 0, total: 1 });
      await new IngestService(db, opts.log).completeBulk(input, fresh, report, files.placeholders, files.leftovers, viewer);
      lap("finish");
    });
    lap("stop");
    report.written = true;
    opts.log.info({ accepted: report.accepted, placeholders: report.placeholders, seconds }, "bulk load committed");
    return { ...report, seconds };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function refuseWhileRunning(home: string): void {
  const running = readInstanceFile(home);
  const holder = running && alive(running.jvmPid) ? running.jvmPid : storeLockHolder(home);
  if (holder !== null)
    throw new ServiceUnavailableError(
      `the local Neo4j of ${home} is running (pid ${holder}): a bulk load builds its store offline. What to do: stop it (Ctrl-C in \`npm start\`), then run \`umr ingest --bulk\` again; or add the records to the running server with \`umr ingest\` (without --bulk).`,
    );
}

/** Starts the data folder's Neo4j, runs `work` on it, and stops it (the folder is left as `work` left it). */
async function withLocalDb<T>(opts: BulkOptions, work: (db: Executor) => Promise<T>): Promise<T> {
  const local = await startLocalNeo4j({
    home: opts.home,
    port: opts.port,
    heap: opts.heap,
    pagecache: opts.pagecache,
    startTimeoutMs: opts.startTimeoutMs,
    log: opts.log,
    announce: false,
  });
  try {
    const driver = await connect({ uri: local.uri, user: "neo4j", password: local.password }, { retries: 3, log: opts.log });
    const db = new Executor(driver, undefined, opts.log);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  } finally {
    await local.stop();
  }
}

async function refuseUnlessEmpty(opts: BulkOptions): Promise<void> {
  const census = await withLocalDb(opts, (db) => db.readTransaction("bulk", (tx) => tx.run(statement("ingest/node-census"), {})));
  if (census.length)
    throw new BadUserInputError(
      `the local database of ${opts.home} is not empty (${census.map((c) => `${c.label} ${c.nodes}`).join(", ")}): a bulk load builds a new store and goes only into an empty one. What to do: add these records with \`umr ingest\` (without --bulk), or move ${opts.home} away (or point UMR_DATA_DIR at a new folder, with UMR_SEED_DEMO=0 for npm start) and load again.`,
    );
}

interface CsvOutput {
  nodeFiles: string[];
  edgeFiles: string[];
  /** Those of the files with a line break inside a cell. */
  multilineFiles: string[];
  placeholders: string[];
  edges: number;
  leftovers: { key: string; props: Record<string, unknown> }[];
}

/**
 * The CSV of a batch into an empty graph: its records' nodes as `create-assets` writes them, the
 * placeholders `merge-placeholders` would make (their kinds set afterwards by the same statement
 * as an ingest's), and the edges version resolution plans — against the batch's own versions,
 * which are all an empty graph holds.
 */
function writeCsv(dir: string, fresh: readonly AssetRecord[], viewer: Viewer, onProgress: BulkOptions["onProgress"]): CsvOutput {
  const at = new Date().toISOString();
  const typed: Record<string, CsvType> = { ingestedAt: "datetime" };
  const nodes = new CsvFiles(dir, "nodes", ["key:ID", ":LABEL"]);
  const leftovers: CsvOutput["leftovers"] = [];
  let done = 0;
  for (const r of fresh) {
    // The key is the :ID column, which the importer also stores as the key property.
    const { key: _key, ...props } = assetProps(r, viewer.org);
    const left = nodes.add([r.key, ["Asset", KIND_LABEL[r.kind]]], { ...props, placeholder: false, ingestedAt: at }, typed);
    if (left) leftovers.push({ key: r.key, props: left });
    if (++done % 10_000 === 0) onProgress?.({ phase: "csv", done, total: fresh.length });
  }
  const plan = planEdges(declaredRefs(fresh), addVersions(new Map(), fresh));
  for (const p of plan.placeholders) {
    const props = { id: p.id, placeholder: true, name: p.name, source: p.source, ingestedAt: at, kind: "model" };
    const left = nodes.add([p.id, ["Asset", "Placeholder", "Model"]], props, typed);
    if (left) leftovers.push({ key: p.id, props: left });
  }
  const edges = new CsvFiles(dir, "edges", [":START_ID", ":END_ID", ":TYPE"]);
  for (const e of plan.edges) {
    const left = edges.add([e.from, e.to, e.type], withoutNulls(e.props));
    if (left) throw new Error(`an edge property of ${e.from} -> ${e.to} has no CSV form: ${Object.keys(left).join(", ")}`);
  }
  onProgress?.({ phase: "csv", done: fresh.length, total: fresh.length });
  const nodeFiles = nodes.close();
  const edgeFiles = edges.close();
  return {
    nodeFiles: nodeFiles.map((f) => f.file),
    edgeFiles: edgeFiles.map((f) => f.file),
    multilineFiles: [...nodeFiles, ...edgeFiles].filter((f) => f.multiline).map((f) => f.file),
    placeholders: plan.placeholders.map((p) => p.id).sort(),
    edges: plan.edges.length,
    leftovers,
  };
}
