// Reading assets and their direct edges. Batch-shaped (lists of keys in, lists out, in order)
// so that the per-request DataLoaders can call them directly.
import { statement } from "../neo4j/statements.js";
import semver from "semver";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import { unknownKey, Visibility } from "./visibility.js";
import { parseReference, resolveVersion, type ParsedReference } from "../records/reference.js";
import type { Executor } from "../neo4j/executor.js";
import { BadUserInputError } from "../errors.js";
import { newestKey, type AssetKindName, type AssetModel, type EdgeModel, type VersionRow } from "../model/asset.js";
import { decodeCursor, pageSize, toPage, type Page } from "./paging.js";

export interface AssetFilterInput {
  kind?: AssetKindName | null;
  publisher?: string | null;
  text?: string | null;
}

function luceneQuery(text: string): string {
  const terms = text
    .split(/\s+/)
    .filter(Boolean)
    // Lower case: the index's analyzer lowers what it stores but not wildcard terms, and
    // AND, OR, NOT and TO would otherwise be Lucene's operators.
    .map((t) => t.toLowerCase().replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&"));
  if (!terms.length) throw new BadUserInputError("filter.text: expected at least one word");
  return terms.map((t) => `(${t} OR ${t}*)`).join(" AND ");
}

export class AssetService {
  constructor(private readonly db: Executor) {}

  async byKeys(keys: readonly string[]): Promise<(AssetModel | null)[]> {
    const rows = await this.db.read(statement("asset/by-keys"), { keys: [...new Set(keys)] });
    const found = new Map(rows.map((r) => [r.key, r.asset]));
    return keys.map((k) => found.get(k) ?? null);
  }

  async versions(ids: readonly string[]): Promise<Map<string, VersionRow[]>> {
    const rows = await this.db.read(statement("asset/versions"), { ids: [...new Set(ids)] });
    return new Map(rows.map((r) => [r.id, r.versions]));
  }

  /**
   * The one key resolver: what a caller typed → a key, null where nothing matches. An exact key
   * ("plip@1.0.0") is itself; a bare id ("plip") is its newest version, or its placeholder when
   * it has no record. With `ranges` (audits), an id with a pin or a range also resolves — id@1.2.0,
   * id-1.2.0, id>=1.0.0, id@^1.2: the newest matching version — and placeholders resolve to null.
   * Two statements whatever the number of inputs.
   */
  async resolveKeys(input: readonly string[], opts: { ranges?: boolean } = {}): Promise<(string | null)[]> {
    const texts = input.map((t) => t.trim());
    const exact = await this.byKeys(texts);
    const refs = texts.map((t, i) => (exact[i] ? null : referenceOf(t, Boolean(opts.ranges))));
    const ids = [...new Set(refs.filter((r) => r !== null).map((r) => r.id))];
    const versions = ids.length ? await this.versions(ids) : new Map<string, VersionRow[]>();
    return texts.map((_, i) => {
      const found = exact[i];
      if (found) return opts.ranges && found.placeholder ? null : found.key;
      const ref = refs[i];
      if (!ref) return null;
      const nodes = versions.get(ref.id) ?? [];
      if (!opts.ranges) return newestKey(nodes);
      const records = nodes.filter((v) => !v.placeholder && v.version).map((v) => v.version!);
      const version = resolveVersion(ref, records);
      return version ? `${ref.id}@${version}` : null;
    });
  }

  async resolveKey(input: string, argument = "key"): Promise<string> {
    const [key] = await this.resolveKeys([input]);
    if (!key) throw unknownKey(input, argument);
    return key;
  }

  async upstream(keys: readonly string[]): Promise<EdgeModel[][]> {
    const rows = await this.db.read(statement("edge/upstream"), { keys: [...new Set(keys)] });
    const byKey = new Map(rows.map((r) => [r.key, r.edges]));
    return keys.map((k) => byKey.get(k) ?? []);
  }

  async downstreamPages(requests: readonly { key: string; first?: number | null; after?: string | null }[]): Promise<Page<EdgeModel>[]> {
    const normalized = requests.map((r) => ({
      key: r.key,
      first: pageSize(r.first),
      after: decodeCursor<string>("edge", r.after),
    }));
    const rows = await this.db.read(statement("edge/downstream-page"), { requests: normalized });
    const byRequest = new Map(rows.map((r) => [JSON.stringify([r.key, r.first, r.after]), r]));
    return normalized.map((n) => {
      const row = byRequest.get(JSON.stringify([n.key, n.first, n.after]));
      const edges = row?.edges ?? [];
      return toPage("edge", edges.map(stripSortKey), n.first, row?.totalCount ?? 0, (e) => `${e.from}|${e.type}`);
    });
  }

  /** Assets the viewer may see, in key order, filtered and paged (another organisation's private records are left out). */
  async list(filter: AssetFilterInput, first?: number | null, after?: string | null, viewer: Viewer = ANONYMOUS): Promise<Page<string>> {
    const limit = pageSize(first);
    const afterKey = decodeCursor<string>("asset", after);
    const vis = new Visibility(viewer).params;
    const params = { kind: filter.kind ?? null, publisher: filter.publisher ?? null, ...vis };
    if (filter.text) {
      const rows = await this.db.read(statement("asset/search"), { ...params, query: luceneQuery(filter.text) });
      const keys = rows.map((r) => r.key);
      const rest = afterKey === null ? keys : keys.filter((k) => k > afterKey);
      return toPage("asset", rest.slice(0, limit + 1), limit, keys.length, (k) => k);
    }
    const unfiltered = params.kind === null && params.publisher === null;
    const [rows, total] = await Promise.all([
      this.db.read(statement("asset/list"), { ...params, after: afterKey ?? "", limit: limit + 1 }),
      unfiltered ? this.visibleTotal(vis) : this.db.read(statement("asset/count"), params).then((c) => c[0]!.totalCount),
    ]);
    return toPage(
      "asset",
      rows.map((r) => r.key),
      limit,
      total,
      (k) => k,
    );
  }

  /** Every asset the viewer may see: the count store's total less the private records hidden from it. */
  private async visibleTotal(vis: { viewerOrg: string | null; seesAll: boolean }): Promise<number> {
    const [all, hidden] = await Promise.all([
      this.db.read(statement("asset/count-all")),
      vis.seesAll ? Promise.resolve([{ hiddenCount: 0 }]) : this.db.read(statement("asset/count-hidden"), { viewerOrg: vis.viewerOrg }),
    ]);
    return (all[0]!.totalCount as number) - hidden[0]!.hiddenCount;
  }
}

function stripSortKey(e: EdgeModel & { sortKey?: string }): EdgeModel {
  const { sortKey: _ignored, ...edge } = e;
  return edge;
}

/**
 * What a typed reference names: without ranges, a bare id (anything with "@" that is not a key
 * names nothing); with ranges, any reference form, "id@<range>" included.
 */
function referenceOf(text: string, ranges: boolean): ParsedReference | null {
  if (!ranges) return text.includes("@") ? null : { id: text, constraint: null, range: "*", pinned: false };
  const at = /^([A-Za-z0-9][A-Za-z0-9._-]*)@(.+)$/.exec(text);
  const ref = at && !semver.valid(at[2]) ? parseReference(`${at[1]}${/^[<>=^~]/.test(at[2]!) ? "" : "="}${at[2]}`) : parseReference(text);
  if ("error" in ref) throw new BadUserInputError(`keys: ${ref.error}`);
  return ref;
}
