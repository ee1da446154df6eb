// Plain shapes of what the graph holds, shared by every layer.
import semver from "semver";

import type { AssetKindName, EdgeTypeName } from "./vocab.js";

export type { AssetKindName, EdgeTypeName };

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
  /** The organisation that owns the id (it published it first); null when written without one. */
  org: string | null;
  contentHash: string | null;
  source: string | null;
  ingestedAt: string | null;
  /** Unknown blocks of the record, as a JSON string. */
  extra: string | null;
  /** Registry fields (what AI model registries ask), where the source gave them. */
  architecture?: string | null;
  parameterCount?: number | null;
  trainingFlop?: number | null;
  trainingData?: string | null;
  /** The evaluations, as a JSON string of [{name, metric, value, date}]. */
  evaluations?: string | null;
  access?: string | null;
}

export interface EdgeModel {
  type: EdgeTypeName;
  relation: string;
  constraint: string | null;
  /** The dependent's key. */
  from: string;
  /** The key of what it was built from. */
  to: string;
  /** What the edges of one asset carry of the asset at their other end, so that a hidden one is shown hidden. */
  fromKind?: string;
  fromVisibility?: string | null;
  fromOrg?: string | null;
  toKind?: string;
  toVisibility?: string | null;
  toOrg?: string | null;
}

/** A statement that two ids name the same thing (data-model.md §5). */
export interface SameAsModel {
  key: string;
  a: string;
  b: string;
  /** The organisation (or subject) that declared it. */
  by: string | null;
  /** Where it was declared: "api", "cli" or "record:<key>". */
  source: string;
  note: string | null;
  at: string;
}

/** One node of an id, as version resolution sees it. */
export interface VersionRow {
  key: string;
  version: string | null;
  placeholder: boolean;
  kind: AssetKindName;
}

/** An id's record versions (not its placeholder), newest first. */
export function recordVersionsNewestFirst(versions: readonly VersionRow[]): VersionRow[] {
  return versions
    .filter((v) => !v.placeholder && v.version && semver.valid(v.version))
    .sort((a, b) => semver.rcompare(a.version!, b.version!));
}

/** The newest record version of an id, or its placeholder when it has none. */
export function newestKey(versions: VersionRow[]): string | null {
  return recordVersionsNewestFirst(versions)[0]?.key ?? versions.find((v) => v.placeholder)?.key ?? null;
}
