// From the services' plain shapes to the GraphQL object types.
import type { AdvisoryModel } from "../services/advisory.service.js";
import type { AssetModel, EdgeModel } from "../model/asset.js";
import type { AffectedModel } from "../services/risk.service.js";
import type { Page } from "../services/paging.js";
import type { Visibility } from "../services/visibility.js";
import { Asset, Edge } from "./types/asset.type.js";
import type { AssetKind } from "./types/enums.js";
import { Affected, type Advisory } from "./types/risk.type.js";

export function toAsset(m: AssetModel): Asset {
  return Object.assign(new Asset(), {
    ...m,
    kind: m.kind,
    refs: m.refs ?? [],
    contacts: m.contacts ?? [],
    extra: m.extra ? (JSON.parse(m.extra) as unknown) : null,
    architecture: m.architecture ?? null,
    parameterCount: m.parameterCount ?? null,
    trainingFlop: m.trainingFlop ?? null,
    trainingData: m.trainingData ?? null,
    evaluations: m.evaluations ? (JSON.parse(m.evaluations) as unknown[]) : [],
    access: m.access ?? null,
    redacted: false,
  });
}

/** A hidden asset: its opaque id and its kind, nothing else. */
export function toHiddenAsset(opaqueId: string, kind: string | null): Asset {
  return Object.assign(new Asset(), {
    key: opaqueId,
    id: opaqueId,
    version: null,
    kind: (kind ?? "model") as AssetKind,
    name: "(hidden)",
    publisher: null,
    license: null,
    owner: null,
    placeholder: false,
    description: null,
    releaseDate: null,
    refs: [],
    contacts: [],
    visibility: "private",
    contentHash: null,
    source: null,
    ingestedAt: null,
    extra: null,
    architecture: null,
    parameterCount: null,
    trainingFlop: null,
    trainingData: null,
    evaluations: [],
    access: null,
    redacted: true,
  });
}

/** An edge as the viewer may see it: an end it may not see is shown by its opaque id. */
export function toVisibleEdge(m: EdgeModel, vis: Visibility): Edge {
  return toEdge({
    ...m,
    from:
      m.fromVisibility === undefined
        ? m.from
        : vis.shown({ key: m.from, visibility: m.fromVisibility, org: m.fromOrg ?? null, kind: m.fromKind ?? null }),
    to:
      m.toVisibility === undefined
        ? m.to
        : vis.shown({ key: m.to, visibility: m.toVisibility, org: m.toOrg ?? null, kind: m.toKind ?? null }),
  });
}

export function toEdge(m: EdgeModel): Edge {
  return Object.assign(new Edge(), {
    type: m.type,
    relation: m.relation,
    constraint: m.constraint,
    fromKey: m.from,
    toKey: m.to,
  });
}

export function toConnection<T, U>(page: Page<T>, map: (t: T) => U) {
  return {
    totalCount: page.totalCount,
    edges: page.items.map((i) => ({ cursor: i.cursor, node: map(i.node) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}

export function toAdvisory(m: AdvisoryModel): Advisory {
  return {
    id: m.id,
    category: m.category as never,
    severity: m.severity as never,
    summary: m.summary,
    affectsId: m.affectsId,
    affectsRange: m.affectsRange,
    references: m.references ?? [],
    source: m.source,
    publishedAt: new Date(m.publishedAt),
    withdrawnAt: m.withdrawnAt ? new Date(m.withdrawnAt) : null,
    withdrawReason: m.withdrawReason ?? null,
  };
}

export function toAffected(m: AffectedModel): Affected {
  return Object.assign(new Affected(), {
    assetKey: m.key,
    advisory: toAdvisory(m.advisory),
    depth: m.depth,
    effectiveSeverity: m.effectiveSeverity as never,
    path: m.path.map(toEdge),
    summary: m.summary,
    redacted: Boolean(m.redacted),
  });
}
