// The public data in ../shared/data (never copied into this repository). Suites that need it
// skip, with a message, where it is absent.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/config.js";

export const sharedData = path.resolve(projectRoot, "..", "shared", "data");
export const umrDir = path.join(sharedData, "umr");
export const ecosystemGraphsDir = path.join(sharedData, "ecosystem-graphs", "assets");
export const hasShared = fs.existsSync(umrDir) && fs.existsSync(ecosystemGraphsDir);

export function skipMessage(suite: string): void {
  if (!hasShared) console.warn(`${suite}: skipped, ../shared/data is absent (the public UMR and Ecosystem Graphs data)`);
}
