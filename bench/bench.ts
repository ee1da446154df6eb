// npm run bench -- --assets 100000 [--seed 42] [--queries 200] [--out bench/results]
// Generates (or reuses) the records, starts a throw-away local Neo4j (sized for the run),
// ingests, measures, and writes <out>/<size>-<date>.json and .md: bench/out/results/ (not kept
// by git) unless --out names the folder (bench/results/ holds the runs the README quotes).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { loadConfig, projectRoot } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { connect, Executor } from "../src/neo4j/executor.js";
import { provideNeo4j } from "../src/neo4j/provider.js";
import { measureBulk, runBench, toMarkdown } from "./run.js";
import { generate } from "./generate.js";
import { collectFiles } from "../src/records/load.js";
import { formatsBench } from "./formats.js";
import { watchesBench } from "./watches.js";

const opts = new Command()
  .option("--assets <n>", "records to generate", (v) => Number(v), 10000)
  .option("--seed <n>", "generator seed", (v) => Number(v), 42)
  .option("--queries <n>", "samples per query kind", (v) => Number(v), 200)
  .option("--naive-cap <seconds>", "time cap of the naive baseline", (v) => Number(v), 10)
  .option("--chunk <n>", "records per committed chunk", (v) => Number(v), 20000)
  .option("--out <dir>", "where to write the results (default bench/out/results, not kept by git)")
  .option("--mix-only", "run the query mix only and print its p50/p95 as JSON (to compare two builds side by side)")
  .option("--formats <n>", "only the import bench of the field's formats: a JSONL of n Hugging Face cards against n UMR records", (v) =>
    Number(v),
  )
  .option("--bulk-only", "only the bulk first load (umr ingest --bulk) of the generated --assets records, as JSON")
  .option("--watches <n>", "only the watches bench: what n watches add to a write and to risk reports, on --assets records", (v) =>
    Number(v),
  )
  .parse(process.argv)
  .opts<{
    assets: number;
    seed: number;
    queries: number;
    naiveCap: number;
    chunk: number;
    out?: string;
    mixOnly?: boolean;
    formats?: number;
    watches?: number;
    bulkOnly?: boolean;
  }>();

if (process.env.NEO4J_URI) {
  console.error("bench: NEO4J_URI is set; the benchmark wipes its database, so it only runs on its own local Neo4j. Unset NEO4J_URI.");
  process.exit(2);
}
const sizeGb = opts.assets >= 500_000 ? 4 : opts.assets >= 50_000 ? 2 : 1;
process.env.UMR_NEO4J_HEAP ??= `${sizeGb}g`;
process.env.UMR_NEO4J_PAGECACHE ??= `${sizeGb}g`;
const log = createLogger(process.env.LOG_LEVEL ?? "warn", "bench");
const genDir = path.join(projectRoot, "bench", "out", `gen-${opts.assets}-${opts.seed}`);
const bulkSizes = { heap: process.env.UMR_NEO4J_HEAP, pagecache: sizeGb >= 4 ? "2g" : process.env.UMR_NEO4J_PAGECACHE };
if (opts.bulkOnly) {
  const started = Date.now();
  const phase = (t: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${t}\n`);
  if (!fs.existsSync(path.join(genDir, ".generated.json"))) {
    phase(`generating ${opts.assets} records (seed ${opts.seed})`);
    generate({ assets: opts.assets, seed: opts.seed, out: genDir });
  }
  const run = await measureBulk(collectFiles([genDir]), genDir, bulkSizes, log, phase);
  process.stdout.write(JSON.stringify({ date: new Date().toISOString(), assets: opts.assets, seed: opts.seed, bulk: run }, null, 2) + "\n");
  process.exit(0);
}
const target = await provideNeo4j(loadConfig(), "test", log);
const driver = await connect(target, { retries: 3, log });
const db = new Executor(driver, target.database, log);
const started = Date.now();
if (opts.formats || opts.watches) {
  try {
    const wipe = async () => {
      const session = driver.session(target.database ? { database: target.database } : {});
      try {
        await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
      } finally {
        await session.close();
      }
    };
    const { applySchema } = await import("../src/neo4j/schema.js");
    await applySchema(db);
    await wipe();
    const result = opts.watches
      ? await watchesBench(db, log, opts.assets, opts.watches)
      : { cards: opts.formats, ...(await formatsBench(db, log, opts.formats!, wipe)) };
    process.stdout.write(JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2) + "\n");
  } finally {
    await db.close();
    await target.stop();
  }
  process.exit(0);
}
try {
  const report = await runBench({
    assets: opts.assets,
    seed: opts.seed,
    queries: opts.queries,
    genDir,
    db,
    jvmPid: target.pid ?? null,
    neo4j: target,
    log,
    naiveCapMs: opts.naiveCap * 1000,
    chunk: opts.chunk,
    onPhase: (t) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${t}\n`),
    mixOnly: Boolean(opts.mixOnly),
    bulk: bulkSizes,
    onMix: (latency, cpu) => process.stdout.write(`${JSON.stringify({ ...latency, cpu })}\n`),
  });
  if (report) {
    // Relative to where the caller stands (npm run sets INIT_CWD to it).
    const dir = opts.out
      ? path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.out)
      : path.join(projectRoot, "bench", "out", "results");
    fs.mkdirSync(dir, { recursive: true });
    const base = path.join(dir, `${opts.assets}-${report.date.slice(0, 10)}`);
    fs.writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + os.EOL);
    fs.writeFileSync(`${base}.md`, toMarkdown(report));
    process.stdout.write(toMarkdown(report));
    process.stderr.write(`wrote ${path.relative(process.cwd(), base)}.json and .md\n`);
  }
} finally {
  await db.close();
  await target.stop();
}
