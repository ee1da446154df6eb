// Per-request DataLoaders: every Asset field that reads the graph goes through one of these,
// so a page of N assets costs a constant number of queries, not N.
import DataLoader from "dataloader";
import type { AdvisoryModel } from "../services/advisory.service.js";
import type { AssetModel, EdgeModel, SameAsModel, VersionRow } from "../model/asset.js";
import type { Viewer } from "../model/viewer.js";
import type { Page } from "../services/paging.js";
import type { Services } from "../services/services.js";

export interface DownstreamRequest {
  key: string;
  first?: number | null;
  after?: string | null;
}

export interface Loaders {
  asset: DataLoader<string, AssetModel | null>;
  upstream: DataLoader<string, EdgeModel[]>;
  downstream: DataLoader<DownstreamRequest, Page<EdgeModel>, string>;
  advisories: DataLoader<string, AdvisoryModel[]>;
  /** id → every node of that id (its record versions and its placeholder). */
  versions: DataLoader<string, VersionRow[]>;
  /** id → the sameAs statements naming it that the viewer may see. */
  sameAs: DataLoader<string, SameAsModel[]>;
}

export function createLoaders(services: Services, viewer: Viewer): Loaders {
  return {
    asset: new DataLoader((keys) => services.assets.byKeys(keys)),
    upstream: new DataLoader((keys) => services.assets.upstream(keys)),
    downstream: new DataLoader((reqs) => services.assets.downstreamPages(reqs), {
      cacheKeyFn: (r) => JSON.stringify([r.key, r.first ?? null, r.after ?? null]),
    }),
    advisories: new DataLoader((keys) => services.advisories.onAssets(keys)),
    versions: new DataLoader(async (ids) => {
      const found = await services.assets.versions(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    sameAs: new DataLoader(async (ids) => {
      const found = await services.sameAs.of(ids, viewer);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
