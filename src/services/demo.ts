// The demo records (demo/: the UMR paper's case study) for `npm start` on an empty database.
import path from "node:path";
import { projectRoot } from "../config.js";
import type { Logger } from "../log.js";
import { collectFiles, parseInputs, readInputs } from "../records/load.js";
import type { Services } from "./services.js";

export const demoDir = path.join(projectRoot, "demo");

/** Ingests the demo records when the graph holds no asset; returns how many were accepted. */
export async function seedDemo(services: Services, log: Logger): Promise<number> {
  const page = await services.assets.list({}, 0);
  if (page.totalCount > 0) {
    log.info({ assets: page.totalCount }, "the graph is not empty: no demo data seeded");
    return 0;
  }
  const loaded = parseInputs(readInputs(collectFiles([demoDir]), demoDir), "umr");
  const report = await services.ingest.ingest(loaded);
  if (!report.written) throw new Error(`the demo records were refused: ${report.problems.map((p) => p.message).join("; ")}`);
  log.info({ accepted: report.accepted }, "seeded the demo records (the UMR paper's case study; UMR_SEED_DEMO=false turns this off)");
  return report.accepted;
}
