// A large batch of record files is parsed on worker threads, in slices, with exactly the answer
// of one parse on one thread: records, problems and counts in file order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFiles, parseInputs, readInputs } from "../../src/records/load.js";
import { loadFiles } from "../../src/records/parallel-load.js";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "umr-parallel-load-"));
  for (let i = 0; i < 700; i++) {
    const id = `m-${i}`;
    const upstream = i > 0 ? [{ ref: `m-${i - 1}`, relation: "finetune" }] : [];
    const doc = { mr: { type: "model", metadata: { name: id.toUpperCase(), publisher: `org-${i % 7}` }, relations: { upstream } } };
    const folder = path.join(dir, String(i % 3));
    fs.mkdirSync(folder, { recursive: true });
    // Every 50th file is broken in its own way: malformed JSON, a self-reference, an unknown type.
    const text =
      i % 50 === 7
        ? "{ not json"
        : i % 50 === 19
          ? JSON.stringify({ mr: { ...doc.mr, relations: { upstream: [{ ref: id }] } } })
          : i % 50 === 31
            ? JSON.stringify({ mr: { ...doc.mr, type: "spaceship" } })
            : JSON.stringify(doc);
    if (i % 10 === 3) fs.writeFileSync(path.join(folder, `${id}-1.0.0.yaml`), `mr:\n  type: model\n  metadata:\n    name: ${id}\n`);
    else fs.writeFileSync(path.join(folder, `${id}-1.0.0.json`), text);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("record files on worker threads", () => {
  it("give exactly the one-thread parse: records, problems and counts in file order", async () => {
    const files = collectFiles([dir]);
    const one = parseInputs(readInputs(files, dir), "auto");
    const progress: number[] = [];
    const spread = await loadFiles(files, "auto", {
      base: dir,
      parallelFrom: 0,
      sliceSize: 64,
      threads: 2,
      onProgress: (e) => progress.push(e.done),
    });
    expect(spread).toEqual(one);
    expect([one.records.length, one.rejected, one.problems.length]).toEqual([658, 42, 42]);
    expect(progress.sort((a, b) => a - b).at(-1)).toBe(700);
    expect(progress.length).toBe(Math.ceil(700 / 64));
  }, 60_000);

  it("send a batch that is not all UMR back to one thread (another format's importer reads its documents together)", async () => {
    const bom = path.join(dir, "0", "bom.json");
    fs.writeFileSync(bom, JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [] }));
    try {
      const files = collectFiles([dir]);
      const one = parseInputs(readInputs(files, dir), "auto");
      expect(one.format).not.toBe("umr");
      expect(await loadFiles(files, "auto", { base: dir, parallelFrom: 0, sliceSize: 64, threads: 2 })).toEqual(one);
    } finally {
      fs.rmSync(bom);
    }
  }, 60_000);
});
