// Every statement the service runs lives in cypher/<name>.cypher; this loads them by name.
//
// A statement that walks the graph both ways is written once, as a direction template: its
// arrows are spelled `<-?` … `-?>` (`(s)<-?[:TRAINED_ON|DERIVED_FROM]-?>(x)`), and it is loaded as
// `<name>.UPSTREAM` (along the arrows: `-[…]->`) or `<name>.DOWNSTREAM` (against them: `<-[…]-`).
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../config.js";
import type { DirectionName } from "../model/vocab.js";

export const cypherDir = path.join(projectRoot, "cypher");

export interface Statement {
  /** The file's path below cypher/, without `.cypher` (and `.<DIRECTION>` for a template): it names the query in logs and tx metadata. */
  name: string;
  text: string;
}

const cache = new Map<string, Statement>();
const TEMPLATE_ARROW = /<-\?|-\?>/;

function load(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`no Cypher file ${path.relative(projectRoot, file)}`);
  // Header comments are for people. Neo4j re-plans a statement that starts with comment
  // lines on every run (measured: 50 ms instead of 4 ms for a traversal), so they go.
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n")
    .trim();
}

/** A statement by name; `traverse/reach.UPSTREAM` names the upstream form of a direction template. */
export function cypher(name: string): Statement {
  let s = cache.get(name);
  if (!s) {
    const m = /^(.*)\.(UPSTREAM|DOWNSTREAM)$/.exec(name);
    const text = load(path.join(cypherDir, `${m ? m[1] : name}.cypher`));
    if (m && !TEMPLATE_ARROW.test(text)) throw new Error(`cypher/${m[1]}.cypher is not a direction template (no <-? or -?> arrow)`);
    if (!m && TEMPLATE_ARROW.test(text))
      throw new Error(`cypher/${name}.cypher is a direction template: ask for ${name}.UPSTREAM or ${name}.DOWNSTREAM`);
    s = { name, text: m ? directed(text, m[2] as DirectionName) : text };
    cache.set(name, s);
  }
  return s;
}

/** A direction template's statement for one direction. */
export function directedCypher(name: string, direction: DirectionName): Statement {
  return cypher(`${name}.${direction}`);
}

function directed(template: string, direction: DirectionName): string {
  return direction === "UPSTREAM"
    ? template.replace(/<-\?/g, "-").replace(/-\?>/g, "->")
    : template.replace(/<-\?/g, "<-").replace(/-\?>/g, "-");
}

/** Every statement below a folder of cypher/, in name order (a template in both directions). */
export function cypherFolder(folder: string): Statement[] {
  const dir = path.join(cypherDir, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .flatMap((f) => {
      const name = `${folder}/${f.slice(0, -".cypher".length)}`;
      return TEMPLATE_ARROW.test(load(path.join(dir, f))) ? [cypher(`${name}.UPSTREAM`), cypher(`${name}.DOWNSTREAM`)] : [cypher(name)];
    });
}
