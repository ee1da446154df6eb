// From the services' plain shapes to the GraphQL object types.
import type { AssetModel, EdgeModel } from "../services/asset.model.js";
import type { Page } from "../services/paging.js";
import { Asset, Edge } from "./types/asset.type.js";
import { AssetKind, EdgeType } from "./types/enums.js";

export function toAsset(m: AssetModel): Asset {
  return Object.assign(new Asset(), {
    ...m,
    kind: m.kind as AssetKind,
    refs: m.refs ?? [],
    contacts: m.contacts ?? [],
    extra: m.extra ? (JSON.parse(m.extra) as unknown) : null,
  });
}

export function toEdge(m: EdgeModel): Edge {
  return Object.assign(new Edge(), {
    type: m.type as EdgeType,
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
