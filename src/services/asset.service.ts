// Reading assets and their direct edges. Batch-shaped (lists of keys in, lists out, in order)
// so that the per-request DataLoaders can call them directly.
import { statement } from "../neo4j/statements.js";
import semver from "semver";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import { ID_SOURCE } from "../model/ids.js";
import { RELATIONS } from "../model/vocab.js";
import { traverse } from "./traversal.js";
import { MAX_DEPTH } from "./limits.js";
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
  /** Registry filters: at least this much training compute (FLOP) / this many parameters; this access. */
  minTrainingFlop?: number | null;
  minParameterCount?: number | null;
  access?: string | null;
  /** Assets whose lineage reaches this id or key upstream (any depth, any relation but evaluated_on). */
  trainedOn?: string | null;
}

/** The relations along which "built on" holds: every one but evaluation. */
const BUILT_ON = RELATIONS.filter((r) => r !== "evaluated_on");

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

/** A page of asset keys, with the assets themselves where the listing read them (asset/list). */
export type AssetPage = Page<string> & { assets?: ReadonlyMap<string, AssetModel> };

export class AssetService {
  constructor(private readonly db: Executor) {}

  async byKeys(keys: readonly string[]): Promise<(AssetModel | null)[]> {
    const rows = await this.db.read(statement("asset/by-keys"), { keys: [...new Set(keys)] });
    const found = new Map(rows.map((r) => [r.key, r.asset]));
    return keys.map((k) => found.get(k) ?? null);
  }

  /** Each id's nodes (as they stood at asOf: those ingested by then). */
  async versions(ids: readonly string[], asOf: string | null = null): Promise<Map<string, VersionRow[]>> {
    const rows = asOf
      ? await this.db.read(statement("asset/versions-as-of"), { ids: [...new Set(ids)], asOf })
      : await this.db.read(statement("asset/versions"), { ids: [...new Set(ids)] });
    return new Map(rows.map((r) => [r.id, r.versions]));
  }

  /**
   * The one key resolver: what a caller typed → a key, null where nothing matches. An exact key
   * ("plip@1.0.0") is itself; a bare id ("plip") is its newest version, or its placeholder when
   * it has no record. With `ranges` (audits), an id with a pin or a range also resolves — id@1.2.0,
   * id-1.2.0, id>=1.0.0, id@^1.2: the newest matching version — and placeholders resolve to null.
   * Two statements whatever the number of inputs.
   */
  async resolveKeys(input: readonly string[], opts: { ranges?: boolean; asOf?: string | null } = {}): Promise<(string | null)[]> {
    return (await this.resolve(input, opts)).map((r) => r.key);
  }

  /** resolveKeys, with the asset itself where the input was its exact key (read by the same statement). */
  private async resolve(
    input: readonly string[],
    opts: { ranges?: boolean; asOf?: string | null },
  ): Promise<{ key: string | null; asset: AssetModel | null }[]> {
    const texts = input.map((t) => t.trim());
    const asOf = opts.asOf ?? null;
    // As of a time, a key ingested later names nothing yet, and a bare id its newest version then.
    const exact = (await this.byKeys(texts)).map((a) =>
      a && asOf && a.ingestedAt && Date.parse(a.ingestedAt) > Date.parse(asOf) ? null : a,
    );
    const refs = texts.map((t, i) => (exact[i] ? null : referenceOf(t, Boolean(opts.ranges))));
    const ids = [...new Set(refs.filter((r) => r !== null).map((r) => r.id))];
    const versions = ids.length ? await this.versions(ids, asOf) : new Map<string, VersionRow[]>();
    return texts.map((_, i) => {
      const found = exact[i];
      if (found) return opts.ranges && found.placeholder ? { key: null, asset: null } : { key: found.key, asset: found };
      const ref = refs[i];
      if (!ref) return { key: null, asset: null };
      const nodes = versions.get(ref.id) ?? [];
      if (!opts.ranges) return { key: newestKey(nodes), asset: null };
      const records = nodes.filter((v) => !v.placeholder && v.version).map((v) => v.version!);
      const version = resolveVersion(ref, records);
      return { key: version ? `${ref.id}@${version}` : null, asset: null };
    });
  }

  /**
   * resolveKeys with ranges, as a viewer sees the answer: a key it may not see resolves to null
   * (unknown to it), as for one that names nothing. What audits and watches take.
   */
  async resolveVisible(input: readonly string[], vis: Visibility, asOf: string | null = null): Promise<(string | null)[]> {
    const found = await this.resolveKeys(input, { ranges: true, asOf });
    const facts = await this.byKeys(found.filter((k) => k !== null));
    const seen = new Set(facts.filter((a) => a !== null && vis.sees(a)).map((a) => a!.key));
    return found.map((k) => (k !== null && seen.has(k) ? k : null));
  }

  async resolveKey(input: string, argument = "key", asOf: string | null = null): Promise<string> {
    const [key] = await this.resolveKeys([input], { asOf });
    if (!key) throw unknownKey(input, argument);
    return key;
  }

  /** The asset a typed key names (resolveKey): one statement for an exact key, three for a bare id. */
  async resolveAsset(input: string, argument = "key", asOf: string | null = null): Promise<AssetModel> {
    const [r] = await this.resolve([input], { asOf });
    if (!r?.key) throw unknownKey(input, argument);
    const asset = r.asset ?? (await this.byKeys([r.key]))[0];
    if (!asset) throw unknownKey(input, argument);
    return asset;
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

  /**
   * Assets the viewer may see, in key order, filtered and paged (another organisation's private
   * records are left out). Where the statement that listed them also read them, `assets` holds
   * what it read, for the caller to show without asking again.
   */
  async list(filter: AssetFilterInput, first?: number | null, after?: string | null, viewer: Viewer = ANONYMOUS): Promise<AssetPage> {
    const limit = pageSize(first);
    const afterKey = decodeCursor<string>("asset", after);
    const vis = new Visibility(viewer).params;
    const params = { kind: filter.kind ?? null, publisher: filter.publisher ?? null, ...vis };
    const registry = {
      minTrainingFlop: filter.minTrainingFlop ?? null,
      minParameterCount: filter.minParameterCount ?? null,
      access: filter.access ?? null,
    };
    if (filter.trainedOn) return this.listBuiltOn(filter.trainedOn, { ...params, ...registry }, afterKey, limit, viewer);
    if (Object.values(registry).some((v) => v !== null) && !filter.text) {
      const [rows, total] = await Promise.all([
        this.db.read(statement("asset/registry-list"), { ...params, ...registry, after: afterKey ?? "", limit: limit + 1 }),
        this.db.read(statement("asset/registry-count"), { ...params, ...registry }).then((c) => c[0]!.totalCount),
      ]);
      return toPage(
        "asset",
        rows.map((r) => r.key),
        limit,
        total,
        (k) => k,
      );
    }
    if (filter.text) {
      const rows = await this.db.read(statement("asset/search"), { ...params, query: luceneQuery(filter.text) });
      let keys = rows.map((r) => r.key);
      if (Object.values(registry).some((v) => v !== null)) {
        const facts = new Map((await this.db.read(statement("asset/registry-of-keys"), { keys })).map((r) => [r.key, r]));
        keys = keys.filter((k) => meetsRegistry(facts.get(k), registry));
      }
      const rest = afterKey === null ? keys : keys.filter((k) => k > afterKey);
      return toPage("asset", rest.slice(0, limit + 1), limit, keys.length, (k) => k);
    }
    const unfiltered = params.kind === null && params.publisher === null;
    const [rows, [counted]] = await Promise.all([
      this.db.read(statement("asset/list"), { ...params, after: afterKey ?? "", limit: limit + 1 }),
      unfiltered ? this.db.read(statement("asset/count-visible"), vis) : this.db.read(statement("asset/count"), params),
    ]);
    const page = toPage(
      "asset",
      rows.map((r) => r.key),
      limit,
      counted!.totalCount,
      (k) => k,
    );
    // The statement read one row past the page (to know whether another follows): not kept.
    return { ...page, assets: new Map(rows.slice(0, limit).map((r) => [r.key, r.asset])) };
  }

  /**
   * Assets built on an id (every version of it, and its twins): what a downstream walk reaches,
   * under the other filters, in key order.
   */
  private async listBuiltOn(
    trainedOn: string,
    filter: {
      kind: string | null;
      publisher: string | null;
      minTrainingFlop: number | null;
      minParameterCount: number | null;
      access: string | null;
    },
    afterKey: string | null,
    limit: number,
    viewer: Viewer,
  ): Promise<Page<string>> {
    const text = trainedOn.trim();
    const exact = (await this.byKeys([text]))[0];
    const starts = exact ? [exact.key] : (recordsAndPlaceholder(await this.versions([text])).get(text) ?? []);
    if (!starts.length) throw new BadUserInputError(`filter.trainedOn: no asset has the key or id ${JSON.stringify(trainedOn)}`);
    const walk = await traverse(this.db, starts, { direction: "DOWNSTREAM", maxDepth: MAX_DEPTH, relations: [...BUILT_ON] });
    const reached = [...walk.nodes.values()].filter((n) => n.depth > 0).map((n) => n.key);
    const vis = new Visibility(viewer);
    const rows = await this.db.read(statement("asset/registry-of-keys"), { keys: reached });
    const keys = rows
      .filter(
        (r) =>
          vis.sees(r) &&
          (filter.kind === null || r.kind === filter.kind) &&
          (filter.publisher === null || r.publisher === filter.publisher) &&
          meetsRegistry(r, filter),
      )
      .map((r) => r.key)
      .sort();
    const rest = afterKey === null ? keys : keys.filter((k) => k > afterKey);
    return toPage("asset", rest.slice(0, limit + 1), limit, keys.length, (k) => k);
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
  const at = new RegExp(`^(${ID_SOURCE})@(.+)$`).exec(text);
  const ref = at && !semver.valid(at[2]) ? parseReference(`${at[1]}${/^[<>=^~]/.test(at[2]!) ? "" : "="}${at[2]}`) : parseReference(text);
  if ("error" in ref) throw new BadUserInputError(`keys: ${ref.error}`);
  return ref;
}

/** Every node key of each id (record versions and placeholder). */
function recordsAndPlaceholder(versions: Map<string, VersionRow[]>): Map<string, string[]> {
  return new Map([...versions].map(([id, rows]) => [id, rows.map((r) => r.key)]));
}

function meetsRegistry(
  r: { trainingFlop: number | null; parameterCount: number | null; access: string | null } | undefined,
  f: { minTrainingFlop: number | null; minParameterCount: number | null; access: string | null },
): boolean {
  if (!r) return false;
  return (
    (f.minTrainingFlop === null || (r.trainingFlop ?? -Infinity) >= f.minTrainingFlop) &&
    (f.minParameterCount === null || (r.parameterCount ?? -Infinity) >= f.minParameterCount) &&
    (f.access === null || r.access === f.access)
  );
}
