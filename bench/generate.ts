// A deterministic generator of realistic provenance graphs, written as UMR records (JSON).
//   npm run gen -- --assets 1000000 --seed 42 --out bench/out/gen-1m
// Shape, after Hugging Face: a few hundred root datasets with heavy-tailed popularity, some
// derived datasets; foundation models trained on several datasets; most assets derived from
// models by preferential attachment (fine-tune chains tens of hops deep, adapters,
// quantizations, distillations), merges of 2-4 parents (diamonds everywhere), families,
// applications on top; several versions for some ids, referenced with floating constraints;
// record risk flags on a few datasets. About three edges per asset. Same seed, same files.
import fs from "node:fs";
import path from "node:path";

export interface GenOptions {
  assets: number;
  seed: number;
  out: string;
  onProgress?: (done: number, total: number) => void;
}

export interface GenStats {
  records: number;
  ids: number;
  edges: number;
  datasets: number;
  models: number;
  families: number;
  applications: number;
  flagged: string[];
  hubs: string[];
  maxDepth: number;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Preferential attachment: picks an index with probability proportional to 1 + its weight. */
class Urn {
  private items: number[] = [];
  add(index: number, copies = 1): void {
    for (let i = 0; i < copies; i++) this.items.push(index);
  }
  pick(r: () => number): number {
    return this.items[Math.floor(r() * this.items.length)]!;
  }
  get size(): number {
    return this.items.length;
  }
}

type Kind = "dataset" | "model" | "family" | "application";
interface Node {
  id: string;
  kind: Kind;
  versions: string[];
  depth: number;
}

export function generate(opts: GenOptions): GenStats {
  const r = rng(opts.seed);
  const n = opts.assets;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
  const nodes: Node[] = [];
  const records: { node: Node; version: string; upstream: unknown[]; risk?: Record<string, boolean>; publisher: string }[] = [];
  const publishers = Array.from({ length: clamp(n / 200, 10, 5000) }, (_, i) => `org-${i}`);
  const pub = () => publishers[Math.floor(Math.pow(r(), 2) * publishers.length)]!;

  const rootCount = clamp(n * 0.0003, 20, 300);
  const derivedDatasetCount = clamp(n * 0.02, 10, 20000);
  const familyCount = clamp(n * 0.002, 5, 2000);
  const foundationCount = clamp(n * 0.0005, 10, 500);
  const applicationCount = clamp(n * 0.03, 5, 30000);

  const datasetUrn = new Urn();
  const modelUrn = new Urn();
  const families: number[] = [];
  let edges = 0;
  const add = (kind: Kind, prefix: string, depth: number): Node => {
    const node: Node = { id: `${prefix}-${nodes.length}`, kind, versions: ["1.0.0"], depth };
    nodes.push(node);
    return node;
  };
  const emit = (node: Node, upstream: unknown[], extra: { risk?: Record<string, boolean> } = {}) => {
    edges += upstream.length;
    for (const v of node.versions) records.push({ node, version: v, upstream, publisher: pub(), ...extra });
  };
  const ref = (target: Node) => {
    if (target.versions.length > 1 && r() < 0.7) return `${target.id}${r() < 0.5 ? ">=1.0.0" : "^1.0.0"}`;
    return target.id;
  };

  const flagged: string[] = [];
  for (let i = 0; i < rootCount; i++) {
    const d = add("dataset", "data", 0);
    const flags: Record<string, boolean> | undefined =
      i < 3 ? ([{ csam: true, nsfw: true }, { legal: true }, { privacy: true }] as Record<string, boolean>[])[i] : undefined;
    if (flags) flagged.push(d.id);
    emit(d, [], flags ? { risk: flags } : {});
    datasetUrn.add(nodes.length - 1, 1 + Math.floor(30 / (i + 1)));
  }
  for (let i = 0; i < familyCount; i++) {
    add("family", "family", 0);
    families.push(nodes.length - 1);
    emit(nodes.at(-1)!, []);
  }
  for (let i = 0; i < derivedDatasetCount; i++) {
    const parents = new Set(Array.from({ length: int(1, 3) }, () => datasetUrn.pick(r)));
    const d = add("dataset", "data", 1 + Math.max(...[...parents].map((p) => nodes[p]!.depth)));
    emit(
      d,
      [...parents].map((p) => ({ ref: ref(nodes[p]!), relation: parents.size > 1 ? "derived_from" : "subset" })),
    );
    datasetUrn.add(nodes.length - 1);
  }
  for (let i = 0; i < foundationCount; i++) {
    const data = new Set(Array.from({ length: int(2, 6) }, () => datasetUrn.pick(r)));
    const m = add("model", "base", 1 + Math.max(...[...data].map((p) => nodes[p]!.depth)));
    if (r() < 0.3) m.versions = ["1.0.0", "1.1.0", "2.0.0"].slice(0, int(2, 3));
    emit(
      m,
      [...data].map((p) => ({ ref: ref(nodes[p]!), relation: "trained_on" })),
    );
    modelUrn.add(nodes.length - 1, 40);
  }
  const derivedCount = Math.max(0, n - records.length - applicationCount);
  let last = nodes.length - 1;
  const relations = [
    "finetune",
    "finetune",
    "finetune",
    "finetune",
    "adapter",
    "quantized",
    "quantized",
    "distill",
    "continued_pretraining",
  ];
  while (records.length < n - applicationCount && derivedCount > 0) {
    const merge = r() < 0.08;
    // Long fine-tune chains: often the newest model is the next one's parent.
    const parents = merge
      ? new Set(Array.from({ length: int(2, 4) }, () => modelUrn.pick(r)))
      : new Set([r() < 0.35 && nodes[last]!.kind === "model" ? last : modelUrn.pick(r)]);
    const m = add("model", "m", 1 + Math.max(...[...parents].map((p) => nodes[p]!.depth)));
    if (r() < 0.02) m.versions = ["1.0.0", "1.1.0"];
    const upstream: unknown[] = [...parents].map((p) => ({
      ref: ref(nodes[p]!),
      relation: merge ? "merge" : relations[Math.floor(r() * relations.length)],
    }));
    if (r() < 0.8)
      for (const d of new Set(Array.from({ length: int(1, 2) }, () => datasetUrn.pick(r))))
        upstream.push({ ref: ref(nodes[d]!), relation: "trained_on" });
    if (r() < 0.4 && families.length)
      upstream.push({ ref: nodes[families[Math.floor(r() * families.length)]!]!.id, relation: "member_of" });
    emit(m, upstream);
    modelUrn.add(nodes.length - 1);
    for (const p of parents) modelUrn.add(p);
    last = nodes.length - 1;
  }
  while (records.length < n) {
    const used = new Set(Array.from({ length: int(1, 3) }, () => modelUrn.pick(r)));
    const a = add("application", "app", 1 + Math.max(...[...used].map((p) => nodes[p]!.depth)));
    emit(
      a,
      [...used].map((p) => ({ ref: ref(nodes[p]!), relation: "uses" })),
    );
  }

  // Write: sharded folders keep directories small; the file name carries id and version.
  fs.rmSync(opts.out, { recursive: true, force: true });
  const shards = new Set<string>();
  records.forEach((rec, i) => {
    const shard = String(Math.floor(i / 10000)).padStart(4, "0");
    const dir = path.join(opts.out, shard);
    if (!shards.has(shard)) {
      fs.mkdirSync(dir, { recursive: true });
      shards.add(shard);
    }
    const doc = {
      mr: {
        type: rec.node.kind,
        metadata: { name: rec.node.id.toUpperCase(), publisher: rec.publisher },
        relations: { upstream: rec.upstream },
        ...(rec.risk ? { risk: rec.risk } : {}),
        owner: rec.publisher,
      },
    };
    fs.writeFileSync(path.join(dir, `${rec.node.id}-${rec.version}.json`), JSON.stringify(doc));
    if (i % 20000 === 0) opts.onProgress?.(i, records.length);
  });
  opts.onProgress?.(records.length, records.length);
  const dependents = new Map<string, number>();
  for (const rec of records)
    for (const u of rec.upstream as ({ ref: string } | string)[]) {
      const id = (typeof u === "string" ? u : u.ref).replace(/[>^=].*$/, "");
      dependents.set(id, (dependents.get(id) ?? 0) + 1);
    }
  const hubs = [...dependents]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id]) => id);
  const stats: GenStats = {
    records: records.length,
    ids: nodes.length,
    edges,
    datasets: nodes.filter((x) => x.kind === "dataset").length,
    models: nodes.filter((x) => x.kind === "model").length,
    families: nodes.filter((x) => x.kind === "family").length,
    applications: nodes.filter((x) => x.kind === "application").length,
    flagged,
    hubs,
    maxDepth: nodes.reduce((m, x) => Math.max(m, x.depth), 0),
  };
  // A dot file: record readers skip it.
  fs.writeFileSync(
    path.join(opts.out, ".generated.json"),
    JSON.stringify({ options: { assets: opts.assets, seed: opts.seed }, stats }, null, 2),
  );
  return stats;
}
