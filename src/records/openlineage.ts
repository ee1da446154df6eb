// OpenLineage RunEvents → records. A COMPLETE run's outputs become records whose upstream is
// every input of the run (inputs × outputs: OpenLineage does not say which input fed which
// output, so the edges are marked as inferred from the run); an output whose datasetType facet
// says it is a model is trained_on its inputs, any other output derived_from them. START,
// RUNNING, ABORT, FAIL and OTHER events are read and write nothing. Ids: ol:<namespace>/<name>.
// A record's content is its job, its output and its sorted inputs, so that the same job run
// again over the same inputs changes nothing (the first run that recorded it is kept).
import { qualify } from "../model/ids.js";
import type { AssetKindName } from "../model/asset.js";
import type { Relation } from "../model/vocab.js";
import { parseJsonDocument, textOf } from "./json-document.js";
import { canonicalJson, sha256, type AssetRecord, type Problem, type RecordReference } from "./record.js";
import { describeValue, jsonPath } from "./validate.js";
import type { RecordInput } from "./umr.js";

type Json = Record<string, unknown>;
export const OL_EVENT_TYPES = ["START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"] as const;
export const OL_VERSION = "1.0.0";

export function looksLikeOpenLineage(input: RecordInput): boolean {
  const head = textOf(input.content).slice(0, 8192);
  return /\.(json|jsonl|ndjson)$/i.test(input.source) && /"eventType"\s*:/.test(head) && /"run"\s*:/.test(head) && /"job"\s*:/.test(head);
}

/** ol:<namespace>/<name>, with what an id cannot hold (spaces, "@") as "-". */
export function olId(namespace: string, name: string): string {
  return qualify("ol", `${namespace}/${name}`.replace(/[^A-Za-z0-9._/:+-]+/g, "-").replace(/^[-/]+/, "") || "unnamed");
}

function isModel(d: Json): boolean {
  const facets = (d.facets ?? {}) as Json;
  const type = (facets.datasetType as Json | undefined)?.datasetType ?? (facets.datasetType as Json | undefined)?.subType;
  return typeof type === "string" && /model/i.test(type);
}

interface Converted {
  records: AssetRecord[];
  problems: Problem[];
  rejected: number;
  stats: { events: number; complete: number; outputs: number; edges: number };
}

/** The events a document holds: one JSON RunEvent, or one a line (.jsonl, .ndjson). */
function eventsOf(input: RecordInput): { events: { event: Json; at: string; line?: number }[]; problems: Problem[] } {
  const { source } = input;
  if (/\.(jsonl|ndjson)$/i.test(source)) {
    const events: { event: Json; at: string; line?: number }[] = [];
    const problems: Problem[] = [];
    textOf(input.content)
      .split("\n")
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          events.push({ event: JSON.parse(line) as Json, at: `$[${i}]`, line: i + 1 });
        } catch (err) {
          problems.push({
            source,
            path: `$[${i}]`,
            line: i + 1,
            severity: "error",
            message: `line ${i + 1}: malformed JSON: ${(err as Error).message}`,
          });
        }
      });
    return { events, problems };
  }
  const parsed = parseJsonDocument(source, input.content);
  if ("problem" in parsed) return { events: [], problems: [parsed.problem] };
  return { events: [{ event: parsed.data as Json, at: "$" }], problems: [] };
}

/** What is wrong with an event's shape (the RunEvent fields the import reads), or nothing. */
function shapeProblems(source: string, e: Json, at: string, line?: number): Problem[] {
  const out: Problem[] = [];
  const where = (p: (string | number)[]) => (at === "$" ? jsonPath(p) : `${at}${jsonPath(p).slice(1)}`);
  const bad = (p: (string | number)[], message: string) =>
    out.push({ source, path: where(p), severity: "error", message, ...(line ? { line } : {}) });
  if (!e || typeof e !== "object" || Array.isArray(e)) {
    bad([], `expected a RunEvent (an object), found ${describeValue(e)}`);
    return out;
  }
  if (!(OL_EVENT_TYPES as readonly string[]).includes(String(e.eventType)))
    bad(["eventType"], `expected one of ${OL_EVENT_TYPES.join(", ")}, found ${describeValue(e.eventType)}`);
  if (typeof (e.run as Json | undefined)?.runId !== "string")
    bad(["run", "runId"], `expected the run's id (a UUID), found ${describeValue((e.run as Json | undefined)?.runId)}`);
  for (const f of ["namespace", "name"])
    if (typeof (e.job as Json | undefined)?.[f] !== "string")
      bad(["job", f], `expected a string, found ${describeValue((e.job as Json | undefined)?.[f])}`);
  for (const side of ["inputs", "outputs"]) {
    const list = e[side];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      bad([side], `expected a list of datasets, found ${describeValue(list)}`);
      continue;
    }
    list.forEach((d: Json, i) => {
      for (const f of ["namespace", "name"])
        if (typeof d?.[f] !== "string") bad([side, i, f], `expected a string, found ${describeValue(d?.[f])}`);
    });
  }
  return out;
}

export function convertOpenLineage(inputs: readonly RecordInput[]): Converted {
  const out: Converted = { records: [], problems: [], rejected: 0, stats: { events: 0, complete: 0, outputs: 0, edges: 0 } };
  const byKey = new Map<string, AssetRecord>();
  for (const input of inputs) {
    const { events, problems } = eventsOf(input);
    out.problems.push(...problems);
    out.rejected += problems.length;
    for (const { event: e, at, line } of events) {
      const shape = shapeProblems(input.source, e, at, line);
      if (shape.length) {
        out.problems.push(...shape);
        out.rejected++;
        continue;
      }
      out.stats.events++;
      if (e.eventType !== "COMPLETE") continue;
      out.stats.complete++;
      const job = e.job as Json;
      const run = e.run as Json;
      const ins = ((e.inputs ?? []) as Json[]).map((d) => ({
        id: olId(String(d.namespace), String(d.name)),
        name: `${String(d.namespace)}/${String(d.name)}`,
      }));
      for (const o of (e.outputs ?? []) as Json[]) {
        const id = olId(String(o.namespace), String(o.name));
        const kind: AssetKindName = isModel(o) ? "model" : "dataset";
        const relation: Relation = kind === "model" ? "trained_on" : "derived_from";
        const note = `inferred from OpenLineage run ${String(run.runId)} of job ${String(job.namespace)}/${String(job.name)} (inputs × outputs)`;
        const upstream: RecordReference[] = [];
        for (const i of ins) {
          if (i.id === id || upstream.some((u) => u.id === i.id)) continue;
          upstream.push({
            id: i.id,
            constraint: null,
            range: "*",
            pinned: false,
            declaredRelation: relation,
            note,
            index: upstream.length,
            placeholderName: i.name,
          });
        }
        const document = canonicalJson({
          job: { namespace: job.namespace, name: job.name },
          output: { namespace: o.namespace, name: o.name, kind },
          inputs: upstream.map((u) => u.id).sort(),
        });
        const record: AssetRecord = {
          id,
          version: OL_VERSION,
          key: `${id}@${OL_VERSION}`,
          kind,
          name: `${String(o.namespace)}/${String(o.name)}`,
          publisher: null,
          license: null,
          releaseDate: typeof e.eventTime === "string" ? e.eventTime.slice(0, 10) : null,
          description: null,
          refs: [],
          owner: null,
          contacts: [],
          visibility: "public",
          upstream,
          risks: [],
          extra: {
            openlineage: {
              job: { namespace: job.namespace, name: job.name },
              run: { runId: run.runId, eventTime: e.eventTime ?? null },
              producer: e.producer ?? null,
              inferred: "inputs × outputs of a COMPLETE run",
            },
          },
          source: `openlineage:${input.source}`,
          document,
          contentHash: sha256(document),
        };
        // The same output twice in one batch: the later event's lineage wins only if it differs (then it is a conflict at ingest).
        const seen = byKey.get(record.key);
        if (seen && seen.contentHash === record.contentHash) continue;
        byKey.set(record.key, record);
        out.records.push(record);
        out.stats.outputs++;
        out.stats.edges += upstream.length;
      }
    }
  }
  return out;
}
