// Version resolution as a pure function: given declared references and the nodes that exist
// for each referenced id, where does each edge point, with which type and relation?
// Because the answer depends only on the set of records (never on arrival order), the
// final graph does not depend on the order in which records were ingested.
import type { AssetKindName } from "../model/asset.js";
import type { VersionRow } from "../model/asset.js";
import type { AssetRecord } from "../records/record.js";
import { defaultRelation, edgeTypeOf, resolveVersion } from "../records/reference.js";

/** A reference as the graph keeps it on its edge. */
export interface EdgeProps {
  relation: string;
  constraint: string | null;
  targetId: string;
  range: string;
  pinned: boolean;
  declaredRelation: string | null;
  note: string | null;
  refIndex: number;
}

export interface DeclaredRef {
  from: string;
  fromKind: AssetKindName;
  targetId: string;
  range: string;
  pinned: boolean;
  constraint: string | null;
  declaredRelation: string | null;
  note: string | null;
  refIndex: number;
  placeholderName?: string;
  source: string;
}

export interface PlannedEdge {
  from: string;
  to: string;
  type: "TRAINED_ON" | "DERIVED_FROM";
  props: EdgeProps;
  /** True when `to` is a placeholder (no record satisfies the reference). */
  toPlaceholder: boolean;
}

export interface PlaceholderRow {
  id: string;
  name: string;
  source: string;
}

/** Adds records, as the versions of their ids, to what version resolution looks at. */
export function addVersions(versions: Map<string, VersionRow[]>, records: readonly AssetRecord[]): Map<string, VersionRow[]> {
  for (const r of records) {
    const list = versions.get(r.id) ?? [];
    list.push({ key: r.key, version: r.version, placeholder: false, kind: r.kind });
    versions.set(r.id, list);
  }
  return versions;
}

export function planEdges(
  refs: readonly DeclaredRef[],
  versions: ReadonlyMap<string, readonly VersionRow[]>,
): {
  edges: PlannedEdge[];
  placeholders: PlaceholderRow[];
} {
  const edges: PlannedEdge[] = [];
  const placeholders = new Map<string, PlaceholderRow>();
  for (const ref of refs) {
    const nodes = versions.get(ref.targetId) ?? [];
    const records = nodes.filter((n) => !n.placeholder && n.version !== null);
    const version = resolveVersion(
      ref,
      records.map((r) => r.version!),
    );
    const target = version === null ? null : records.find((r) => r.version === version)!;
    const relation: string = ref.declaredRelation ?? defaultRelation(ref.fromKind, target ? target.kind : null);
    if (!target) {
      const name = ref.placeholderName ?? ref.targetId;
      const seen = placeholders.get(ref.targetId);
      if (!seen) placeholders.set(ref.targetId, { id: ref.targetId, name, source: ref.source });
      else if (name < seen.name) seen.name = name; // the smallest name, whatever the order
    }
    edges.push({
      from: ref.from,
      to: target ? target.key : ref.targetId,
      type: edgeTypeOf(relation),
      toPlaceholder: !target,
      props: {
        relation,
        constraint: ref.constraint,
        targetId: ref.targetId,
        range: ref.range,
        pinned: ref.pinned,
        declaredRelation: ref.declaredRelation,
        note: ref.note,
        refIndex: ref.refIndex,
      },
    });
  }
  return { edges, placeholders: [...placeholders.values()] };
}

/** Strongly connected components with more than one member (Tarjan), for cycle warnings. */
export function cycles(adjacency: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const nodes = [...adjacency.keys()].sort();
  for (const start of nodes) {
    if (idx.has(start)) continue;
    // Iterative DFS: real graphs are deep enough to overflow recursion.
    const work: { v: string; i: number }[] = [{ v: start, i: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const next = adjacency.get(top.v) ?? [];
      if (top.i < next.length) {
        const w = next[top.i++]!;
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(top.v, Math.min(low.get(top.v)!, idx.get(w)!));
        }
      } else {
        work.pop();
        if (work.length) {
          const parent = work[work.length - 1]!.v;
          low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
        }
        if (low.get(top.v) === idx.get(top.v)) {
          const component: string[] = [];
          let w: string;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            component.push(w);
          } while (w !== top.v);
          if (component.length > 1) out.push(component.sort());
        }
      }
    }
  }
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
