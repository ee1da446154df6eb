// The UMR repository's lineage computed here, from the YAML files, with a plain parser and a
// plain breadth-first search: the independent answer the product's traversals must equal.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { umrDir } from "./shared.js";

export interface FileGraph {
  keys: string[];
  /** dependent key → upstream keys */
  up: Map<string, string[]>;
  /** upstream key → dependent keys */
  down: Map<string, string[]>;
  risks: Map<string, string[]>;
}

export function readUmrFiles(): FileGraph {
  const docs = new Map<string, { refs: string[]; risk: string[] }>();
  for (const dir of fs.readdirSync(umrDir)) {
    const full = path.join(umrDir, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const f of fs.readdirSync(full)) {
      const m = /^(.+)-(\d+\.\d+\.\d+)\.yaml$/.exec(f)!;
      const doc = parse(fs.readFileSync(path.join(full, f), "utf8")) as {
        mr: { relations?: { upstream?: string[] | null } | null; risk?: Record<string, boolean> };
      };
      docs.set(`${m[1]}@${m[2]}`, {
        refs: (doc.mr.relations?.upstream ?? []).map((r) => r.split(">=")[0]!),
        risk: Object.entries(doc.mr.risk ?? {})
          .filter(([, v]) => v)
          .map(([k]) => k),
      });
    }
  }
  const keys = [...docs.keys()].sort();
  const newest = (id: string) => keys.filter((k) => k.startsWith(`${id}@`)).at(-1)!;
  const up = new Map<string, string[]>(keys.map((k) => [k, []]));
  const down = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const [k, d] of docs)
    for (const id of d.refs) {
      up.get(k)!.push(newest(id));
      down.get(newest(id))!.push(k);
    }
  return { keys, up, down, risks: new Map([...docs].map(([k, d]) => [k, d.risk])) };
}

/** key → depth of everything reachable from start (start excluded unless includeStart). */
export function bfs(adj: Map<string, string[]>, start: string, includeStart = false): Map<string, number> {
  const depth = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier)
      for (const m of adj.get(n) ?? [])
        if (!depth.has(m)) {
          depth.set(m, d);
          next.push(m);
        }
    frontier = next;
  }
  if (!includeStart) depth.delete(start);
  return depth;
}
