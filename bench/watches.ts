// The watches bench: what 1,000 watches add to a write, and to today's queries. N generated
// records (bench/formats.ts's fine-tune tree over 50 datasets) in an empty database, served by the
// real HTTP server with its notifier; the same writes (a batch of new fine-tunes, an advisory
// published on a dataset) and the same risk reports measured with no watch and then with W
// watches (each on a random model), side by side. A write's time is its request's; the
// notifier's work after it (every watched answer it may change computed again, notifications
// queued) is reported apart, as "settled". Rounds: a warm-up (not reported), without watches,
// with them, and without again; ratios are against the mean of the two rounds without.
import { loadNotifySettings, loadSecurity } from "../src/config.js";
import { startHttpServer } from "../src/http/server.js";
import type { Logger } from "../src/log.js";
import type { Executor } from "../src/neo4j/executor.js";
import { IngestService } from "../src/ingest/ingest.service.js";
import { parseInputs } from "../src/records/load.js";
import { cardsJsonl } from "./formats.js";

const ADMIN = "bench-admin-token-0123456789-abcdef";
const WRITES = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! : 0;
}

export async function watchesBench(db: Executor, log: Logger, assets: number, watches: number) {
  const { umr } = cardsJsonl(assets);
  const t0 = performance.now();
  // Committed 20,000 records at a time, as the main bench loads its corpus.
  const report = await new IngestService(db, log).ingest(parseInputs(umr, "auto"), { commitEvery: 20_000 });
  if (!report.written) throw new Error(`the watches bench corpus was refused: ${report.problems[0]?.message}`);
  const ingestMs = Math.round(performance.now() - t0);
  const server = await startHttpServer({
    db,
    log,
    port: 0,
    security: { ...loadSecurity({ UMR_ADMIN_TOKEN: ADMIN }), rateLimitPerMinute: 1_000_000 },
    notify: { ...loadNotifySettings({}), pollMs: 200 },
  });
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors) throw new Error(`bench: ${body.errors[0]!.message}`);
    return body.data;
  };
  const untaken = async () => {
    const s = db.driver.session(db.database ? { database: db.database } : {});
    try {
      const r = await s.run(
        "MATCH (e:Event) WHERE e.at > datetime() - duration('PT1H') AND e.operation IN ['ingest', 'advisory.publish'] AND NOT EXISTS { MATCH (:Notified {eventId: e.id}) } RETURN count(e) AS n",
      );
      return Number(r.records[0]!.get("n"));
    } finally {
      await s.close();
    }
  };
  let x = 777;
  const rand = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % k);
  let next = assets;
  const sample = Array.from({ length: 100 }, () => `model-${rand(assets)}`);

  const round = async (withWatches: boolean) => {
    const ingests: number[] = [];
    const publishes: number[] = [];
    const settled: number[] = [];
    const reports: number[] = [];
    const waitSettled = async (since: number) => {
      if (!withWatches) return;
      while ((await untaken()) > 0) await new Promise((r) => setTimeout(r, 20));
      settled.push(Math.round(performance.now() - since));
    };
    for (let i = 0; i < WRITES; i++) {
      // A batch of 100 new fine-tunes of random models.
      const batch = Array.from({ length: 100 }, () => {
        const id = next++;
        return {
          source: `model-${id}/model-${id}-1.0.0.json`,
          content: JSON.stringify({
            mr: {
              type: "model",
              metadata: { name: `bench/model-${id}` },
              relations: { upstream: [{ ref: `model-${rand(assets)}`, relation: "finetune" }] },
            },
          }),
        };
      });
      let t = performance.now();
      await gql(`mutation($r: [RecordDocument!]!) { ingestRecords(input: {documents: $r}) { accepted } }`, { r: batch });
      ingests.push(performance.now() - t);
      await waitSettled(t);
      t = performance.now();
      await gql(
        `mutation($d: String!) { publishAdvisory(input: {affectsId: $d, category: LICENSE, severity: MEDIUM, summary: "bench advisory"}) { id } }`,
        { d: `data-bench-data-set-${rand(50)}` },
      );
      publishes.push(performance.now() - t);
      await waitSettled(t);
    }
    for (const key of sample) {
      const t = performance.now();
      await gql(`query($k: ID!) { riskReport(key: $k) { highestSeverity risks { depth } } }`, { k: key });
      reports.push(performance.now() - t);
    }
    return {
      ingest100Ms: Math.round(median(ingests)),
      publishMs: Math.round(median(publishes)),
      settledMs: settled.length ? Math.round(median(settled)) : null,
      riskReportP50Ms: Math.round(median(reports) * 10) / 10,
      riskReportP95Ms: Math.round(p95(reports) * 10) / 10,
    };
  };

  try {
    // A first round warms the JIT, the page cache and the plan cache; it is not reported.
    await round(false);
    const without = await round(false);
    const t = performance.now();
    for (let i = 0; i < watches; i++)
      await gql(`mutation($k: String!) { createWatch(input: {keys: [$k]}) { id } }`, { k: `model-${rand(assets)}` });
    const createMs = Math.round(performance.now() - t);
    const withW = await round(true);
    // And without again, the watches deleted: the baseline is the mean of the rounds either side,
    // so that a machine warming up (or slowing down) over the run does not count for or against them.
    for (const w of (await gql(`{ watches { id } }`)).watches as { id: string }[])
      await gql(`mutation($id: ID!) { deleteWatch(id: $id) }`, { id: w.id });
    const after = await round(false);
    const ratio = (a: number, b: number, c: number) => Math.round((a / ((b + c) / 2)) * 100) / 100;
    return {
      assets,
      watches,
      ingestMs,
      createWatchesMs: createMs,
      without,
      with: withW,
      withoutAgain: after,
      ratios: {
        ingest100: ratio(withW.ingest100Ms, without.ingest100Ms, after.ingest100Ms),
        publish: ratio(withW.publishMs, without.publishMs, after.publishMs),
        riskReportP50: ratio(withW.riskReportP50Ms, without.riskReportP50Ms, after.riskReportP50Ms),
      },
    };
  } finally {
    await server.close();
  }
}
