// Test data. The 88 public UMR records ship in examples/umr (MIT). The Ecosystem Graphs corpus has
// no license to redistribute: it is read from ../shared/data, and its suites skip, saying why,
// where that folder is absent. The design contract is read from ../shared/design the same way.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/config.js";

export const umrDir = path.join(projectRoot, "examples", "umr");
export const sharedData = path.resolve(projectRoot, "..", "shared", "data");
export const ecosystemGraphsDir = path.join(sharedData, "ecosystem-graphs", "assets");
export const hasEcosystemGraphs = fs.existsSync(ecosystemGraphsDir);

export function skipMessage(suite: string, present: boolean, what: string): void {
  if (!present) console.warn(`${suite}: skipped, ${what} is absent`);
}
