// Plain shapes of what the graph holds, shared by services, GraphQL and exports.

export type AssetKindName = "model" | "dataset" | "family" | "application";
export const ASSET_KINDS: readonly AssetKindName[] = ["model", "dataset", "family", "application"];

export interface AssetModel {
  key: string;
  id: string;
  version: string | null;
  kind: AssetKindName;
  name: string;
  publisher: string | null;
  license: string | null;
  owner: string | null;
  placeholder: boolean;
  description: string | null;
  releaseDate: string | null;
  refs: string[] | null;
  contacts: string[] | null;
  visibility: string | null;
  contentHash: string | null;
  source: string | null;
  ingestedAt: string | null;
  /** Unknown blocks of the record, as a JSON string. */
  extra: string | null;
}

export type EdgeTypeName = "TRAINED_ON" | "DERIVED_FROM";

export interface EdgeModel {
  type: EdgeTypeName;
  relation: string;
  constraint: string | null;
  /** The dependent's key. */
  from: string;
  /** The key of what it was built from. */
  to: string;
}
