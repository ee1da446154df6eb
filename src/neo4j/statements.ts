// Every statement of cypher/, with its parameters and its row, declared once. `statement(name)`
// gives a statement that the executor runs with exactly those parameters and returns those rows,
// so no caller casts what Neo4j answers. A test checks each entry's parameter names against the
// `$parameters` of its file, and that every file has an entry.
import type { AdvisoryModel } from "../model/advisory.js";
import type { AssetModel, EdgeModel, SameAsModel, VersionRow } from "../model/asset.js";
import type { ApiKeyModel, EventModel } from "../model/trust.js";
import type { WatchModel, WatchRow } from "../model/watch.js";
import { cypher, type Statement } from "./cypher.js";

type Rows = { props: Record<string, unknown> }[];
type Map_ = Record<string, unknown>;
type NotificationRow = {
  id: string;
  watchId: string;
  payload: string;
  status: string;
  attempts: number;
  log: string[];
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};
type NodeFacts = { key: string; kind: string; visibility: string | null; org: string | null };
type VisibilityParams = { viewerOrg: string | null; seesAll: boolean };
type RegistryParams = {
  kind: string | null;
  publisher: string | null;
  minTrainingFlop: number | null;
  minParameterCount: number | null;
  access: string | null;
};
type EventParams = { org: string | null; operation: string | null; key: string | null; since: string | null; until: string | null };

/** What each statement takes and answers (rows as the executor hands them over: plain values). */
export interface Statements {
  "advisory/by-affected-ids": { params: { ids: string[] }; row: { id: string; affectsId: string; affectsRange: string } };
  "advisory/by-ids": { params: { ids: string[] }; row: { id: string; advisory: AdvisoryModel } };
  "advisory/count": { params: { category: string | null; openOnly: boolean }; row: { totalCount: number } };
  "advisory/create": { params: { props: Map_ }; row: { advisory: AdvisoryModel } };
  "advisory/exempt": { params: { advisoryId: string; assetKey: string; props: Map_ }; row: { created: boolean } };
  "advisory/link-affects": { params: { rows: { advisory: string; asset: string }[] }; row: { linked: number } };
  "advisory/list": {
    params: { category: string | null; openOnly: boolean; after: { publishedAt: string; id: string } | null; limit: number };
    row: { advisory: AdvisoryModel };
  };
  "advisory/merge-record-advisories": { params: { rows: Map_[] }; row: { id: string } };
  "advisory/merge-imported": { params: { rows: Map_[]; by: string; byOrg: string | null }; row: { id: string; created: boolean } };
  "advisory/on-assets": { params: { keys: string[] }; row: { key: string; advisories: AdvisoryModel[] } };
  "advisory/sources": { params: { id: string }; row: { sources: string[]; exempt: string[]; nextExpiry: string | null } };
  "advisory/withdraw": { params: { id: string; reason: string; by: string }; row: { advisory: AdvisoryModel } };
  "asset/by-keys": { params: { keys: string[] }; row: { key: string; asset: AssetModel } };
  "asset/count-visible": { params: VisibilityParams; row: { totalCount: number } };
  "asset/count": { params: { kind: string | null; publisher: string | null } & VisibilityParams; row: { totalCount: number } };
  "asset/list": {
    params: { kind: string | null; publisher: string | null; after: string; limit: number } & VisibilityParams;
    row: { key: string; asset: AssetModel };
  };
  "asset/search": { params: { kind: string | null; publisher: string | null; query: string } & VisibilityParams; row: { key: string } };
  "asset/versions": { params: { ids: string[] }; row: { id: string; versions: VersionRow[] } };
  "asset/registry-list": { params: RegistryParams & { after: string; limit: number } & VisibilityParams; row: { key: string } };
  "asset/registry-count": { params: RegistryParams & VisibilityParams; row: { totalCount: number } };
  "asset/registry-of-keys": {
    params: { keys: string[] };
    row: {
      key: string;
      kind: string;
      publisher: string | null;
      trainingFlop: number | null;
      parameterCount: number | null;
      access: string | null;
      visibility: string | null;
      org: string | null;
    };
  };
  "edge/downstream-page": {
    params: { requests: { key: string; first: number; after: string | null }[] };
    row: { key: string; after: string | null; first: number; totalCount: number; edges: (EdgeModel & { sortKey: string })[] };
  };
  "edge/upstream": { params: { keys: string[] }; row: { key: string; edges: EdgeModel[] } };
  "event/append": { params: { props: Map_ }; row: never };
  "event/changes": {
    params: {
      operations: string[];
      from: string;
      until: string | null;
      keys: string[] | null;
      after: { at: string; id: string } | null;
      limit: number;
    };
    row: { event: Pick<EventModel, "id" | "at" | "operation" | "keys" | "ids" | "outcome"> };
  };
  "event/count": { params: EventParams; row: { totalCount: number } };
  "event/list": { params: EventParams & { after: { at: string; id: string } | null; limit: number }; row: { event: EventModel } };
  "export/advisories": { params: { keys: string[] }; row: { advisories: Map_[]; exemptions: Map_[] } };
  "export/edges": { params: { keys: string[] }; row: { from: string; to: string; type: string; props: Map_ } };
  "export/edges-as-of": { params: { keys: string[]; asOf: string }; row: { from: string; to: string; type: string; props: Map_ } };
  "export/advisories-as-of": { params: { keys: string[]; asOf: string }; row: { advisories: Map_[]; exemptions: Map_[] } };
  "export/nodes": { params: { keys: string[] }; row: { key: string; labels: string[]; props: Map_ } };
  "ingest/create-assets": { params: { rows: Rows }; row: { created: number } };
  "ingest/create-edges-derived-from": { params: { rows: { from: string; to: string; props: Map_ }[] }; row: { created: number } };
  "ingest/create-edges-trained-on": { params: { rows: { from: string; to: string; props: Map_ }[] }; row: { created: number } };
  "ingest/delete-edges": { params: { rows: { from: string; to: string; refIndex: number }[] }; row: { deleted: number } };
  "ingest/edges-into-ids": { params: { ids: string[] }; row: { from: string; fromKind: string; to: string; type: string; props: Map_ } };
  "ingest/existing-hashes": { params: { keys: string[] }; row: { key: string; contentHash: string | null; placeholder: boolean } };
  "ingest/gc-placeholders": { params: { ids: string[] }; row: { removed: number } };
  "ingest/lock": { params: Record<string, never>; row: { locked: boolean } };
  "meta/bump-graph-version": { params: Record<string, never>; row: { epoch: string; version: number } };
  "meta/graph-version": { params: Record<string, never>; row: { epoch: string | null; version: number } };
  "ingest/merge-placeholders": { params: { rows: { id: string; name: string; source: string }[] }; row: { key: string; created: boolean } };
  "ingest/owners": { params: { ids: string[] }; row: { id: string; owner: string } };
  "ingest/placeholder-kinds": { params: { keys: string[] }; row: { key: string; kind: string } };
  "ingest/set-properties": { params: { rows: { key: string; props: Map_ }[] }; row: { set: number } };
  "ingest/node-census": { params: Record<string, never>; row: { label: string; nodes: number } };
  "ingest/reaches-ids": { params: { from: string[]; ids: string[] }; row: { from: string; reaches: string[] } };
  "key/by-id": { params: { id: string }; row: { key: ApiKeyModel & { hash: string } } };
  "key/create": { params: { props: Map_ }; row: { key: ApiKeyModel } };
  "key/list": { params: Record<string, never>; row: { key: ApiKeyModel } };
  "key/revoke": { params: { id: string }; row: { key: ApiKeyModel } };
  "load/advisories": {
    params: { advisories: { props: Map_; affects: string[] }[]; exemptions: Map_[] };
    row: { advisories: number; exemptions: number };
  };
  "load/edges": { params: { rows: Map_[] }; row: { created: number } };
  "load/nodes": { params: { rows: { labels: string[]; props: Map_ }[] }; row: { created: number } };
  "advisory/sources-as-of": { params: { id: string; asOf: string }; row: { inForce: boolean; sources: string[]; exempt: string[] } };
  "asset/versions-as-of": { params: { ids: string[]; asOf: string }; row: { id: string; versions: VersionRow[] } };
  "traverse/shortest-paths-as-of": {
    params: { from: string; to: string; maxDepth: number; limit: number; asOf: string };
    row: { edges: EdgeModel[] };
  };
  "watch/create": { params: { props: Map_ }; row: { watch: WatchModel } };
  "watch/list": { params: { org: string | null; all: boolean; id: string | null }; row: { watch: WatchModel } };
  "watch/delete": { params: { id: string; org: string | null; all: boolean }; row: { deleted: number } };
  "watch/all": { params: Record<string, never>; row: { watch: WatchRow } };
  "watch/owned-keys": { params: { org: string }; row: { key: string } };
  "notify/events": {
    params: { from: string; operations: string[] };
    row: { event: { id: string; at: string; operation: string; keys: string[]; ids: string[] }; taken: boolean };
  };
  "notify/last-taken": { params: Record<string, never>; row: { at: string | null } };
  "notify/take-events": { params: { events: { id: string; at: string }[] }; row: never };
  "notify/save-states": { params: { states: { id: string; state: string }[] }; row: never };
  "notify/create": { params: { notifications: { watchId: string; id: string; payload: string }[] }; row: never };
  "notify/claim": {
    params: { worker: string; limit: number; leaseSeconds: number };
    row: { id: string; payload: string; attempts: number; url: string; secret: string };
  };
  "notify/attempted": { params: { id: string; worker: string; status: string; retryInMs: number | null; entry: string }; row: never };
  "notify/release": { params: { worker: string }; row: never };
  "notify/redeliver": { params: { id: string; org: string | null; all: boolean }; row: { notification: NotificationRow } };
  "notify/of-watch": { params: { watchId: string; limit: number; id: string | null }; row: { notification: NotificationRow } };
  "same-as/declare": {
    params: { rows: { key: string; a: string; b: string; by: string | null; source: string; note: string | null }[] };
    row: { key: string; created: boolean };
  };
  "same-as/count": { params: Record<string, never>; row: { statements: number } };
  "same-as/link": { params: { ids: string[] }; row: { linked: number } };
  "same-as/of-ids": { params: { ids: string[] }; row: { statement: SameAsModel; aNodes: NodeFacts[]; bNodes: NodeFacts[] } };
  "same-as/remove": { params: { key: string }; row: { a: string; b: string; removed: number } };
  "schema/await-indexes": { params: { seconds: number }; row: never };
  "traverse/shortest-paths": { params: { from: string; to: string; maxDepth: number; limit: number }; row: { edges: EdgeModel[] } };
  "traverse/walk": {
    params: {
      starts: string[];
      direction: string;
      maxDepth: number;
      types: string[] | null;
      relations: string[] | null;
      stop: string[];
      maxReached: number;
    };
    row: {
      found: string[];
      keys: string;
      depthStarts: number[];
      packed: string;
      labels: [string, string, string | null][];
      kindNames: string[];
      privates: { at: number; org: string | null; publisher: string | null; owner: string | null; contacts: string[] }[];
      publishers: [string, number][];
      contacts: string[];
      cut: "depth" | "size" | null;
      cutDepth: number | null;
      epoch: string | null;
      version: number;
    };
  };
  "traverse/reach-in-neo4j": {
    params: {
      keys: string[];
      direction: string;
      maxDepth: number;
      types: string[] | null;
      relations: string[] | null;
      withAdvisories: boolean;
    };
    row: {
      keys: string;
      kinds: (string | null)[];
      names: (string | null)[];
      publishers: (string | null)[];
      owners: (string | null)[];
      contacts: (string[] | null)[];
      visibilities: (string | null)[];
      orgs: (string | null)[];
      edges: string;
      labels: [string, string | null, string | null][];
      markedAt: number[];
      advisories: Record<string, unknown>[][];
      exemptFrom: string[][];
    };
  };
  "traverse/walk-protocol": { params: Record<string, never>; row: { protocol: number } };
  "traverse/walk-index": {
    params: { action: "status" | "refresh" | "build" | "off" | "auto" };
    row: {
      state: "off" | "none" | "fresh" | "stale";
      version: number | null;
      assets: number | null;
      edges: number | null;
      buildMs: number | null;
    };
  };
}

export type StatementName = keyof Statements;
export type ParamsOf<N extends StatementName> = Statements[N]["params"];
export type RowOf<N extends StatementName> = Statements[N]["row"];

/** A statement whose parameters and rows are those its name declares. */
export interface TypedStatement<N extends StatementName> extends Statement {
  readonly name: N;
}

export function statement<N extends StatementName>(name: N): TypedStatement<N> {
  return cypher(name) as TypedStatement<N>;
}

/** Each statement's parameter names, as its file uses them (`$name`): a test holds them to cypher/. */
export const PARAMETERS: { [N in StatementName]: readonly (keyof ParamsOf<N> & string)[] } = {
  "advisory/by-affected-ids": ["ids"],
  "advisory/by-ids": ["ids"],
  "advisory/count": ["category", "openOnly"],
  "advisory/create": ["props"],
  "advisory/exempt": ["advisoryId", "assetKey", "props"],
  "advisory/link-affects": ["rows"],
  "advisory/list": ["after", "category", "limit", "openOnly"],
  "advisory/merge-record-advisories": ["rows"],
  "advisory/merge-imported": ["by", "byOrg", "rows"],
  "advisory/on-assets": ["keys"],
  "advisory/sources": ["id"],
  "advisory/withdraw": ["by", "id", "reason"],
  "asset/by-keys": ["keys"],
  "asset/count-visible": ["seesAll", "viewerOrg"],
  "asset/count": ["kind", "publisher", "seesAll", "viewerOrg"],
  "asset/list": ["after", "kind", "limit", "publisher", "seesAll", "viewerOrg"],
  "asset/search": ["kind", "publisher", "query", "seesAll", "viewerOrg"],
  "asset/versions": ["ids"],
  "asset/registry-list": ["access", "after", "kind", "limit", "minParameterCount", "minTrainingFlop", "publisher", "seesAll", "viewerOrg"],
  "asset/registry-count": ["access", "kind", "minParameterCount", "minTrainingFlop", "publisher", "seesAll", "viewerOrg"],
  "asset/registry-of-keys": ["keys"],
  "edge/downstream-page": ["requests"],
  "edge/upstream": ["keys"],
  "event/append": ["props"],
  "event/changes": ["operations", "from", "until", "keys", "after", "limit"],
  "event/count": ["key", "operation", "org", "since", "until"],
  "event/list": ["after", "key", "limit", "operation", "org", "since", "until"],
  "export/advisories": ["keys"],
  "export/edges": ["keys"],
  "export/edges-as-of": ["asOf", "keys"],
  "export/advisories-as-of": ["asOf", "keys"],
  "export/nodes": ["keys"],
  "ingest/create-assets": ["rows"],
  "ingest/create-edges-derived-from": ["rows"],
  "ingest/create-edges-trained-on": ["rows"],
  "ingest/delete-edges": ["rows"],
  "ingest/edges-into-ids": ["ids"],
  "ingest/existing-hashes": ["keys"],
  "ingest/gc-placeholders": ["ids"],
  "ingest/lock": [],
  "ingest/set-properties": ["rows"],
  "ingest/node-census": [],
  "meta/bump-graph-version": [],
  "meta/graph-version": [],
  "ingest/merge-placeholders": ["rows"],
  "ingest/owners": ["ids"],
  "ingest/placeholder-kinds": ["keys"],
  "ingest/reaches-ids": ["from", "ids"],
  "key/by-id": ["id"],
  "key/create": ["props"],
  "key/list": [],
  "key/revoke": ["id"],
  "load/advisories": ["advisories", "exemptions"],
  "load/edges": ["rows"],
  "load/nodes": ["rows"],
  "advisory/sources-as-of": ["asOf", "id"],
  "asset/versions-as-of": ["asOf", "ids"],
  "traverse/shortest-paths-as-of": ["asOf", "from", "limit", "maxDepth", "to"],
  "watch/create": ["props"],
  "watch/list": ["all", "id", "org"],
  "watch/delete": ["all", "id", "org"],
  "watch/all": [],
  "watch/owned-keys": ["org"],
  "notify/events": ["from", "operations"],
  "notify/last-taken": [],
  "notify/take-events": ["events"],
  "notify/save-states": ["states"],
  "notify/create": ["notifications"],
  "notify/claim": ["leaseSeconds", "limit", "worker"],
  "notify/attempted": ["entry", "id", "retryInMs", "status", "worker"],
  "notify/release": ["worker"],
  "notify/redeliver": ["all", "id", "org"],
  "notify/of-watch": ["id", "limit", "watchId"],
  "same-as/declare": ["rows"],
  "same-as/count": [],
  "same-as/link": ["ids"],
  "same-as/of-ids": ["ids"],
  "same-as/remove": ["key"],
  "schema/await-indexes": ["seconds"],
  "traverse/shortest-paths": ["from", "limit", "maxDepth", "to"],
  "traverse/walk": ["direction", "maxDepth", "maxReached", "relations", "starts", "stop", "types"],
  "traverse/reach-in-neo4j": ["direction", "keys", "maxDepth", "relations", "types", "withAdvisories"],
  "traverse/walk-protocol": [],
  "traverse/walk-index": ["action"],
};
