// The CSV of a bulk load, file by file: rows split by shape, and rows with a line break inside a
// cell in files of their own (the only ones the importer is told may hold multi-line fields).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CsvFiles } from "../../src/neo4j/import-csv.js";

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe("CsvFiles", () => {
  it("puts rows with a line break inside a cell in files of their own, and says which", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "umr-csv-"));
    const nodes = new CsvFiles(dir, "nodes", ["key:ID", ":LABEL"]);
    expect(nodes.add(["a@1.0.0", ["Asset", "Model"]], { name: "A", size: 3 })).toBeNull();
    expect(nodes.add(["b@1.0.0", ["Asset", "Model"]], { name: "two\nlines", size: 4 })).toBeNull();
    expect(nodes.add(["c@1.0.0", ["Asset", "Dataset"]], { name: 'C "q"', size: 5 })).toBeNull();
    expect(nodes.add(["d@1.0.0", ["Asset", "Model"]], { name: "carriage\rreturn", size: 1.5, gone: null })).toBeNull();
    expect(nodes.add(["e@1.0.0", ["Asset", "Model"]], { name: "E", nested: { x: 1 } })).toEqual({ nested: { x: 1 } });
    const files = nodes.close();
    const read = (f: string) => fs.readFileSync(f, "utf8");
    expect(files.map((f) => ({ name: path.basename(f.file), multiline: f.multiline, text: read(f.file) }))).toEqual([
      {
        name: "nodes-0.csv",
        multiline: false,
        text: 'key:ID,:LABEL,name:string,size:long\n"a@1.0.0","Asset\u001fModel","A",3\n"c@1.0.0","Asset\u001fDataset","C ""q""",5\n',
      },
      { name: "nodes-1.csv", multiline: true, text: 'key:ID,:LABEL,name:string,size:long\n"b@1.0.0","Asset\u001fModel","two\nlines",4\n' },
      {
        name: "nodes-2.csv",
        multiline: true,
        text: 'key:ID,:LABEL,name:string,size:double\n"d@1.0.0","Asset\u001fModel","carriage\rreturn",1.5\n',
      },
      { name: "nodes-3.csv", multiline: false, text: 'key:ID,:LABEL,name:string\n"e@1.0.0","Asset\u001fModel","E"\n' },
    ]);
  });
});
