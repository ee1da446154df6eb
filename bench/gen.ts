// npm run gen -- --assets 1000000 --seed 42 --out <dir>
import { Command } from "commander";
import { generate } from "./generate.js";

const opts = new Command()
  .option("--assets <n>", "how many records", (v) => Number(v), 10000)
  .option("--seed <n>", "random seed", (v) => Number(v), 42)
  .option("--out <dir>", "output folder", "bench/out/generated")
  .parse(process.argv)
  .opts<{ assets: number; seed: number; out: string }>();
const started = Date.now();
const stats = generate({
  ...opts,
  onProgress: (done, total) => process.stderr.write(`\rwriting records: ${done}/${total}`),
});
process.stderr.write("\n");
console.log(JSON.stringify({ ...stats, seconds: (Date.now() - started) / 1000 }, null, 2));
