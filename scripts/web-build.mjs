// Builds the explorer (web/ → dist/web) with Vite; with --if-stale only when a source file
// (web/, README.md for the IDE's examples, schema.graphql) is newer than the last build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const index = path.join(root, "dist", "web", "index.html");

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newest(path.join(p, e))));
}

const sources = Math.max(newest(path.join(root, "web")), newest(path.join(root, "README.md")), newest(path.join(root, "schema.graphql")));
if (process.argv.includes("--if-stale") && fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) process.exit(0);
process.stderr.write("building the explorer (web/ → dist/web)…\n");
const vite = path.join(root, "node_modules", "vite", "bin", "vite.js");
if (!fs.existsSync(vite)) {
  process.stderr.write("the explorer cannot be built: Vite is not installed (npm ci installs it; it is a development dependency)\n");
  process.exit(fs.existsSync(index) ? 0 : 1);
}
const r = spawnSync(process.execPath, [vite, "build", "--config", path.join(root, "web", "vite.config.ts"), "--logLevel", "warn"], {
  cwd: root,
  stdio: ["ignore", "inherit", "pipe"],
  encoding: "utf8",
});
// GraphiQL's modules carry React Compiler directives that Rollup drops, one warning each: noise.
process.stderr.write(
  (r.stderr ?? "")
    .split("\n")
    .filter((l) => l && !l.includes('"use no memo"'))
    .map((l) => `${l}\n`)
    .join(""),
);
process.exit(r.status ?? 1);
