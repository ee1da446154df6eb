// The demo for `npm start` on an empty database: the 88 public UMR records (examples/umr) and the
// UMR paper's case study written around them (demo/).
import path from "node:path";
import { projectRoot } from "../config.js";
import type { Logger } from "../log.js";
import { collectFiles, parseInputs, readInputs } from "../records/load.js";
import type { Services } from "./services.js";

export const examplesDir = path.join(projectRoot, "examples", "umr");
export const demoDir = path.join(projectRoot, "demo");

/** Ingests the demo records when the graph holds no asset; returns how many were accepted. */
export async function seedDemo(services: Services, log: Logger): Promise<number> {
  const page = await services.assets.list({}, 0);
  if (page.totalCount > 0) {
    log.info({ assets: page.totalCount }, "the graph is not empty: no demo data seeded");
    return 0;
  }
  const started = performance.now();
  const inputs = [
    ...readInputs(collectFiles([examplesDir]), path.dirname(examplesDir)),
    ...readInputs(collectFiles([demoDir]), projectRoot),
  ];
  log.info({ records: inputs.length }, "seeding the demo records (UMR_SEED_DEMO=false turns this off)");
  let lastPhase = "";
  const report = await services.ingest.ingest(parseInputs(inputs, "umr"), {
    onProgress: ({ phase, done, total }) => {
      if (phase === lastPhase && done < total) return;
      lastPhase = phase;
      log.info({ phase, done, total }, "seeding the demo records");
    },
  });
  if (!report.written) throw new Error(`the demo records were refused: ${report.problems.map((p) => p.message).join("; ")}`);
  log.info(
    { accepted: report.accepted, ms: Math.round(performance.now() - started) },
    "seeded the demo records (the 88 public UMR records and the UMR paper's case study)",
  );
  return report.accepted;
}
