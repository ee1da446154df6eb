// What a published record page shows, gathered from the services: the asset's metadata, its
// upstream lineage (drawn as an SVG graph), the risks it inherits with their explanations,
// and what was built from it.
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { dotExporter } from "../export/formats/dot.js";
import type { AssetModel, EdgeModel } from "../model/asset.js";
import type { AffectedModel } from "../services/risk.service.js";
import type { Services } from "../services/services.js";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import { unknownKey, Visibility } from "../services/visibility.js";
import type { SeverityName } from "../services/policy.js";

/** Lineage lists on a page stop here (the page says so). */
export const PAGE_LINEAGE_LIMIT = 1000;

export interface PageAsset {
  key: string;
  name: string;
  kind: string;
  depth: number;
  path: EdgeModel[];
}

export interface RecordPage {
  asset: AssetModel;
  extra: unknown;
  upstream: PageAsset[];
  upstreamComplete: boolean;
  downstream: PageAsset[];
  downstreamComplete: boolean;
  risks: AffectedModel[];
  highestSeverity: SeverityName | null;
  dot: string;
  svg: string;
  generatedAt: string;
}

let graphviz: Promise<Graphviz> | undefined;
export function renderSvg(dot: string): Promise<string> {
  graphviz ??= Graphviz.load();
  return graphviz.then((g) => g.dot(dot));
}

/** What a page shows before its drawing is laid out: plain data, so a worker thread can render it. */
export type PageSource = Omit<RecordPage, "svg">;

/** A record's page as a viewer may see it (a record it may not see is NOT_FOUND, as an unknown key). */
export async function buildPage(services: Services, input: string, now = new Date(), viewer: Viewer = ANONYMOUS): Promise<RecordPage> {
  return withSvg(await gatherPage(services, input, now, viewer));
}

/** The page with its lineage drawn (GraphViz, WebAssembly). */
export async function withSvg(source: PageSource): Promise<RecordPage> {
  return { ...source, svg: await renderSvg(source.dot) };
}

/** The page's data, read through the services as the viewer may see it; nothing laid out yet. */
export async function gatherPage(services: Services, input: string, now = new Date(), viewer: Viewer = ANONYMOUS): Promise<PageSource> {
  const key = await services.assets.resolveKey(input);
  const [asset] = await services.assets.byKeys([key]);
  if (!new Visibility(viewer).sees(asset!)) throw unknownKey(input);
  const [up, down, risk, sub] = await Promise.all([
    services.lineage.lineage({ key, direction: "UPSTREAM", first: PAGE_LINEAGE_LIMIT }, viewer),
    services.lineage.lineage({ key, direction: "DOWNSTREAM", first: PAGE_LINEAGE_LIMIT }, viewer),
    services.risk.riskReport(key, viewer),
    services.exports.subgraph([key], "UPSTREAM", null, viewer),
  ]);
  const keys = [...new Set([...up.items, ...down.items].map((i) => i.node.key))];
  const names = new Map((await services.assets.byKeys(keys)).filter((a): a is AssetModel => a !== null).map((a) => [a.key, a]));
  const toPageAsset = (r: { key: string; depth: number; path: EdgeModel[] }): PageAsset => ({
    key: r.key,
    name: names.get(r.key)?.name ?? (r.key.startsWith("hidden:") ? "(hidden)" : r.key),
    kind: names.get(r.key)?.kind ?? "model",
    depth: r.depth,
    path: r.path,
  });
  const dot = dotExporter.render(sub);
  return {
    asset: asset!,
    extra: asset!.extra ? (JSON.parse(asset!.extra) as unknown) : null,
    upstream: up.items.map((i) => toPageAsset(i.node)),
    upstreamComplete: up.complete && !up.hasNextPage,
    downstream: down.items.map((i) => toPageAsset(i.node)),
    downstreamComplete: down.complete && !down.hasNextPage,
    risks: risk.risks,
    highestSeverity: risk.highestSeverity,
    dot,
    generatedAt: now.toISOString(),
  };
}

export function chain(path: EdgeModel[], start: string): string {
  return [start, ...path.map((e) => `${e.relation} → ${e.to === start ? e.from : e.to}`)].join(" ");
}

/** "rrt-mil@1.0.0 → plip@1.0.0 (derived_from) → laion-5b@1.0.0 (trained_on)" */
export function explainRisk(r: AffectedModel, arrow = " → "): string {
  return [r.key, ...r.path.map((e) => `${e.to} (${e.relation})`)].join(arrow);
}

export function metadataRows(p: RecordPage): [string, string][] {
  const a = p.asset;
  const rows: [string, string | null][] = [
    ["Key", a.key],
    ["Kind", a.kind],
    ["Version", a.version],
    ["Publisher", a.publisher],
    ["Owner", a.owner],
    ["License", a.license],
    ["Released", a.releaseDate],
    ["Contacts", a.contacts?.length ? a.contacts.join(", ") : null],
    ["Visibility", a.visibility],
    ["Source", a.source],
    ["Content hash", a.contentHash],
    ["Highest inherited risk", p.highestSeverity],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null && r[1] !== undefined && r[1] !== "");
}
