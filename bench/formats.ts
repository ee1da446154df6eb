// The import bench of the field's formats: a JSONL of N Hugging Face cards ({id, cardData}, the
// Hub API's shape) imported through `ingestRecords`' path (parse, convert, one atomic ingest),
// against the same lineage written as N UMR JSON records, each into an empty database, side by side.
import type { Executor } from "../src/neo4j/executor.js";
import type { Logger } from "../src/log.js";
import { IngestService } from "../src/ingest/ingest.service.js";
import { parseInputs } from "../src/records/load.js";
import type { RecordInput } from "../src/records/umr.js";

export interface FormatRun {
  format: string;
  records: number;
  parseMs: number;
  ingestMs: number;
  recordsPerSecond: number;
}

/** N cards: fine-tunes and merges of earlier cards (deterministic), each trained on one of 50 datasets. */
export function cardsJsonl(n: number): { jsonl: string; umr: RecordInput[] } {
  const lines: string[] = [];
  const umr: RecordInput[] = [];
  let x = 12345;
  const rand = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % k);
  for (let i = 0; i < n; i++) {
    const bases = i === 0 ? [] : i % 10 === 0 && i > 1 ? [rand(i), rand(i)].filter((b, k, a) => a.indexOf(b) === k) : [rand(i)];
    const dataset = `bench-data/set-${rand(50)}`;
    lines.push(
      JSON.stringify({
        id: `bench/model-${i}`,
        cardData: { base_model: bases.map((b) => `bench/model-${b}`), datasets: [dataset], license: "apache-2.0" },
      }),
    );
    umr.push({
      source: `model-${i}/model-${i}-1.0.0.json`,
      content: JSON.stringify({
        mr: {
          type: "model",
          metadata: { name: `bench/model-${i}`, license: "apache-2.0" },
          relations: {
            upstream: [
              ...bases.map((b) => ({ ref: `model-${b}`, relation: bases.length > 1 ? "merge" : "finetune" })),
              { ref: `data-${dataset.replace(/\W/g, "-")}`, relation: "trained_on" },
            ],
          },
        },
      }),
    });
  }
  return { jsonl: lines.join("\n") + "\n", umr };
}

async function timed(db: Executor, log: Logger, format: string, inputs: RecordInput[], wipe: () => Promise<void>): Promise<FormatRun> {
  await wipe();
  const t0 = performance.now();
  const loaded = parseInputs(inputs, format);
  const t1 = performance.now();
  const report = await new IngestService(db, log).ingest(loaded);
  const t2 = performance.now();
  if (!report.written) throw new Error(`the ${format} bench batch was refused: ${report.problems[0]?.message}`);
  return {
    format,
    records: report.accepted,
    parseMs: Math.round(t1 - t0),
    ingestMs: Math.round(t2 - t1),
    recordsPerSecond: Math.round(report.accepted / ((t2 - t0) / 1000)),
  };
}

export async function formatsBench(
  db: Executor,
  log: Logger,
  n: number,
  wipe: () => Promise<void>,
): Promise<{ runs: FormatRun[]; ratio: number }> {
  const { jsonl, umr } = cardsJsonl(n);
  const runs: FormatRun[] = [];
  // Alternately, twice each: the better of two runs of each, on one warm database.
  for (let round = 0; round < 2; round++) {
    runs.push(await timed(db, log, "hf-card", [{ source: "cards.jsonl", content: jsonl }], wipe));
    runs.push(await timed(db, log, "umr", umr, wipe));
  }
  const best = (f: string) => Math.max(...runs.filter((r) => r.format === f).map((r) => r.recordsPerSecond));
  return { runs, ratio: Math.round((best("hf-card") / best("umr")) * 100) / 100 };
}
