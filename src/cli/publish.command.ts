// umr publish <dir>
import path from "node:path";
import { Presets, SingleBar } from "cli-progress";
import { publishSite } from "../publish/site.js";
import { withServices } from "./session.js";

export async function publishCommand(dir: string): Promise<number> {
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: " publishing [{bar}] {value}/{total} records", hideCursor: true }, Presets.shades_classic)
    : undefined;
  let started = false;
  const result = await withServices((s) =>
    publishSite(s, dir, (done, total) => {
      if (!bar) return;
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    }),
  ).finally(() => bar?.stop());
  process.stdout.write(`wrote ${result.files} files for ${result.records} records to ${dir}; open ${path.join(dir, "index.html")}\n`);
  return 0;
}
