// From the services' plain shapes to the GraphQL object types.
import type { AdvisoryModel } from "../services/advisory.service.js";
import type { AssetModel, EdgeModel } from "../model/asset.js";
import type { AffectedModel } from "../services/risk.service.js";
import type { Page } from "../services/paging.js";
import { Asset, Edge } from "./types/asset.type.js";
import { Affected, type Advisory } from "./types/risk.type.js";

export function toAsset(m: AssetModel): Asset {
  return Object.assign(new Asset(), {
    ...m,
    kind: m.kind,
    refs: m.refs ?? [],
    contacts: m.contacts ?? [],
    extra: m.extra ? (JSON.parse(m.extra) as unknown) : null,
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
  });
}
