// Loading the asset a field names, asking Neo4j only when the selection needs more than what is
// already known (its key, or a traversal's summary of it). Every resolver that returns an Asset
// by key goes through here.
import { Kind, type GraphQLResolveInfo } from "graphql";
import type { AssetSummary } from "../services/traversal.js";
import type { AppContext } from "./context.js";
import { toAsset, toHiddenAsset } from "./mappers.js";
import { Asset } from "./types/asset.type.js";
import type { AssetKind } from "./types/enums.js";

/** Asset fields a traversal's summary answers. */
const SUMMARY_FIELDS = new Set(["__typename", "key", "kind", "name", "publisher", "owner", "contacts"]);
const KEY_FIELDS = new Set(["__typename", "key"]);
const KIND_FIELDS = new Set(["__typename", "key", "kind"]);

/**
 * The asset of a key. A selection of `key` alone needs no query; with a traversal's summary,
 * a selection of summary fields only (`asset { key kind }`, the usual page) is answered from
 * the summary: no query either.
 */
export async function loadAsset(
  ctx: AppContext,
  key: string,
  summary?: AssetSummary & { redacted?: boolean },
  info?: GraphQLResolveInfo,
): Promise<Asset> {
  // A hidden asset is its opaque id and its kind: nothing to load, nothing more to show.
  if (summary?.redacted || key.startsWith("hidden:")) return toHiddenAsset(key, summary?.kind ?? ctx.visibility.kindOf(key));
  // An edge's ends are known by key (`to { key }`): nothing to load.
  if (info && asksOnly(info, KEY_FIELDS)) return Object.assign(new Asset(), { key });
  // A walk inside Neo4j knows each asset's kind but leaves its name to this loader: `asset { key kind }` needs neither.
  if (summary?.kind && info && asksOnly(info, KIND_FIELDS))
    return Object.assign(new Asset(), { key: summary.key, kind: summary.kind as AssetKind });
  if (summary && summary.name !== null && info && asksOnly(info, SUMMARY_FIELDS)) {
    return Object.assign(new Asset(), {
      key: summary.key,
      kind: summary.kind as AssetKind,
      name: summary.name,
      publisher: summary.publisher,
      owner: summary.owner,
      contacts: summary.contacts ?? [],
      redacted: false,
    });
  }
  const m = await ctx.loaders.asset.load(key);
  if (!m) throw new Error(`asset ${key} vanished while the request was answered`);
  if (!ctx.visibility.sees(m)) return toHiddenAsset(ctx.visibility.opaque(m.key, m.kind), m.kind);
  return toAsset(m);
}

/** True when the field's selection holds only plain fields of the given names (no fragments, no directives). */
function asksOnly(info: GraphQLResolveInfo, names: ReadonlySet<string>): boolean {
  return info.fieldNodes.every((f) =>
    (f.selectionSet?.selections ?? []).every((s) => s.kind === Kind.FIELD && names.has(s.name.value) && !s.directives?.length),
  );
}
