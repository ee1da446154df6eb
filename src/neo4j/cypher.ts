// Every statement the service runs lives in cypher/<name>.cypher; this loads them by name.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../config.js";

export const cypherDir = path.join(projectRoot, "cypher");

export interface Statement {
  /** The file's path below cypher/, without `.cypher`: it names the query in logs and tx metadata. */
  name: string;
  text: string;
}

const cache = new Map<string, Statement>();

export function cypher(name: string): Statement {
  let s = cache.get(name);
  if (!s) {
    const file = path.join(cypherDir, `${name}.cypher`);
    if (!fs.existsSync(file)) throw new Error(`no Cypher file ${path.relative(projectRoot, file)} (asked for statement ${name})`);
    // Header comments are for people. Neo4j re-plans a statement that starts with comment
    // lines on every run (measured: 50 ms instead of 4 ms for a traversal), so they go.
    const text = fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => !line.trimStart().startsWith("//"))
      .join("\n")
      .trim();
    s = { name, text };
    cache.set(name, s);
  }
  return s;
}

/** Every statement file below a folder of cypher/, in name order. */
export function cypherFolder(folder: string): Statement[] {
  const dir = path.join(cypherDir, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .map((f) => cypher(`${folder}/${f.slice(0, -".cypher".length)}`));
}
