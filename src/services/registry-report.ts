// The registry report: what AI model registries ask of each model that matches registry
// filters (every model above 10^25 FLOP trained on LAION-5B), as rows for CSV or JSON.
import { MAX_PAGE_SIZE } from "./paging.js";
import type { AssetFilterInput, AssetService } from "./asset.service.js";
import type { Viewer } from "../model/viewer.js";
import type { Evaluation } from "../records/registry-fields.js";
import { BadUserInputError } from "../errors.js";
import { ACCESS_KINDS, ASSET_KINDS, type AssetKindName } from "../model/vocab.js";

/** A registry filter from text (query parameters, CLI options), each value checked. */
export function registryFilterOf(t: {
  kind?: string | null;
  publisher?: string | null;
  minTrainingFlop?: string | null;
  minParameterCount?: string | null;
  access?: string | null;
  trainedOn?: string | null;
}): AssetFilterInput {
  const number = (name: string, v: string | null | undefined) => {
    if (v === null || v === undefined || v === "") return null;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new BadUserInputError(`${name}: expected a number such as 1e25, found ${JSON.stringify(v)}`);
    return n;
  };
  const kind = (t.kind ?? "model").toLowerCase();
  if (!(ASSET_KINDS as readonly string[]).includes(kind))
    throw new BadUserInputError(`kind: expected one of ${ASSET_KINDS.join(", ")}, found ${JSON.stringify(t.kind)}`);
  const access = t.access ? t.access.toUpperCase() : null;
  if (access && !(ACCESS_KINDS as readonly string[]).includes(access))
    throw new BadUserInputError(`access: expected one of ${ACCESS_KINDS.join(", ")}, found ${JSON.stringify(t.access)}`);
  return {
    kind: kind as AssetKindName,
    publisher: t.publisher || null,
    minTrainingFlop: number("minTrainingFlop", t.minTrainingFlop),
    minParameterCount: number("minParameterCount", t.minParameterCount),
    access,
    trainedOn: t.trainedOn || null,
  };
}

export const REGISTRY_COLUMNS = [
  "key",
  "name",
  "kind",
  "publisher",
  "license",
  "releaseDate",
  "architecture",
  "parameterCount",
  "trainingFlop",
  "trainingData",
  "access",
  "evaluations",
] as const;

export interface RegistryRow {
  key: string;
  name: string;
  kind: string;
  publisher: string | null;
  license: string | null;
  releaseDate: string | null;
  architecture: string | null;
  parameterCount: number | null;
  trainingFlop: number | null;
  trainingData: string | null;
  access: string | null;
  evaluations: Evaluation[];
}

/** Every asset the filter matches (all pages, in key order), as registry rows. */
export async function registryReport(assets: AssetService, filter: AssetFilterInput, viewer: Viewer): Promise<RegistryRow[]> {
  const out: RegistryRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await assets.list(filter, MAX_PAGE_SIZE, after, viewer);
    const models = await assets.byKeys(page.items.map((i) => i.node));
    for (const m of models) {
      if (!m) continue;
      out.push({
        key: m.key,
        name: m.name,
        kind: m.kind,
        publisher: m.publisher,
        license: m.license,
        releaseDate: m.releaseDate,
        architecture: m.architecture ?? null,
        parameterCount: m.parameterCount ?? null,
        trainingFlop: m.trainingFlop ?? null,
        trainingData: m.trainingData ?? null,
        access: m.access ?? null,
        evaluations: m.evaluations ? (JSON.parse(m.evaluations) as Evaluation[]) : [],
      });
    }
    if (!page.hasNextPage) return out;
    after = page.endCursor;
  }
}
