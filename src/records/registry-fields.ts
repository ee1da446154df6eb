// What AI model registries ask of a model (architecture, parameter count, training compute,
// training data, evaluations, release date, access), as typed fields read from each source:
// UMR's `mr.registry` block (and `metadata.model_type`), Hugging Face cards' `model-index`,
// CycloneDX `modelCard` and SPDX 3 AI package properties.
import { ACCESS_KINDS, type AccessKind } from "../model/vocab.js";

export interface Evaluation {
  /** What was measured on: a benchmark or dataset ("MMLU"). */
  name: string;
  /** The metric ("accuracy", "acc_norm"). */
  metric: string | null;
  value: number | null;
  /** When, as the source gives it (ISO 8601 date), or null. */
  date: string | null;
}

export interface RegistryFields {
  architecture?: string | null;
  parameterCount?: number | null;
  /** Training compute in floating-point operations. */
  trainingFlop?: number | null;
  trainingData?: string | null;
  evaluations?: Evaluation[];
  access?: AccessKind | null;
}

/** A number as sources write it: 7000000000, "7B", "1.2e25", "3.8 x 10^24". */
export function parseQuantity(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value !== "string") return null;
  const s = value.trim().replace(/,/g, "").replace(/_/g, "");
  const pow = /^([\d.]+)\s*[x×*]\s*10\^(\d+)$/i.exec(s);
  if (pow) return Number(pow[1]) * 10 ** Number(pow[2]);
  const suffix = /^([\d.]+(?:e[+-]?\d+)?)\s*([kmbt])?$/i.exec(s);
  if (!suffix) return null;
  const n = Number(suffix[1]);
  if (!Number.isFinite(n)) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[(suffix[2] ?? "").toLowerCase() as "k"] ?? 1;
  return n * scale;
}

export function parseAccess(value: unknown): AccessKind | null {
  if (typeof value !== "string") return null;
  const v = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  const alias: Record<string, AccessKind> = {
    OPEN: "OPEN_WEIGHTS",
    OPEN_WEIGHTS: "OPEN_WEIGHTS",
    WEIGHTS: "OPEN_WEIGHTS",
    API: "API",
    CLOSED: "CLOSED",
    LIMITED: "API",
  };
  const a = alias[v];
  return a && (ACCESS_KINDS as readonly string[]).includes(a) ? a : null;
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** UMR: `mr.registry` {architecture, parameters, training_flop, training_data, evaluations, access}; `metadata.model_type`. */
export function registryFieldsOfUmr(mr: Record<string, unknown>): RegistryFields {
  const r = (mr.registry ?? {}) as Record<string, unknown>;
  const meta = (mr.metadata ?? {}) as Record<string, unknown>;
  const evaluations = Array.isArray(r.evaluations)
    ? (r.evaluations as Record<string, unknown>[]).map((e) => ({
        name: String(e.name),
        metric: str(e.metric),
        value: typeof e.value === "number" ? e.value : parseQuantity(e.value),
        date: e.date instanceof Date ? e.date.toISOString().slice(0, 10) : str(e.date),
      }))
    : [];
  return compact({
    architecture: str(r.architecture) ?? str(meta.model_type),
    parameterCount: parseQuantity(r.parameters),
    trainingFlop: parseQuantity(r.training_flop),
    trainingData: str(r.training_data),
    evaluations,
    access: parseAccess(r.access),
  });
}

/** A Hugging Face card: `model-index` results become evaluations; a card on the Hub is open weights. */
export function registryFieldsOfHfCard(d: Record<string, unknown>): RegistryFields {
  const evaluations: Evaluation[] = [];
  for (const entry of Array.isArray(d["model-index"]) ? (d["model-index"] as Record<string, unknown>[]) : []) {
    for (const result of Array.isArray(entry?.results) ? (entry.results as Record<string, unknown>[]) : []) {
      const dataset = (result?.dataset ?? {}) as Record<string, unknown>;
      const name = str(dataset.name) ?? str(dataset.type) ?? str((result?.task as Record<string, unknown> | undefined)?.type);
      for (const m of Array.isArray(result?.metrics) ? (result.metrics as Record<string, unknown>[]) : []) {
        if (!name) continue;
        evaluations.push({ name, metric: str(m?.type) ?? str(m?.name), value: parseQuantity(m?.value), date: null });
      }
    }
  }
  const datasets = Array.isArray(d.datasets) ? (d.datasets as unknown[]).filter((x) => typeof x === "string") : [];
  return compact({
    evaluations,
    trainingData: datasets.length ? `Hugging Face datasets: ${datasets.join(", ")}` : null,
    access: "OPEN_WEIGHTS",
  });
}

/** Leaves out what a source did not say, so that records carry only what they know. */
export function compact(f: RegistryFields): RegistryFields {
  const out: RegistryFields = {};
  for (const [k, v] of Object.entries(f) as [keyof RegistryFields, unknown][]) {
    if (v === null || v === undefined || (Array.isArray(v) && !v.length)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
