// Subgraph exports: JSON, GraphML, GraphViz DOT, CSV (RFC 4180) and a Cypher script.
// Pure functions of the subgraph; the export service gathers it.

export interface SubgraphNode {
  key: string;
  labels: string[];
  props: Record<string, unknown>;
}
export interface SubgraphEdge {
  from: string;
  to: string;
  type: string;
  props: Record<string, unknown>;
}
export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  advisories: Record<string, unknown>[];
  exemptions: Record<string, unknown>[];
}

/** Properties stored as Neo4j datetimes (exports carry them as ISO 8601 text). */
export const DATETIME_PROPS = new Set(["ingestedAt", "publishedAt", "withdrawnAt", "createdAt"]);

export function toJson(g: Subgraph): string {
  return JSON.stringify(g, null, 2) + "\n";
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

function graphmlType(values: unknown[]): "boolean" | "long" | "double" | "string" {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === "boolean")) return "boolean";
  if (present.length && present.every((v) => Number.isInteger(v))) return "long";
  if (present.length && present.every((v) => typeof v === "number")) return "double";
  return "string";
}

function text(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function toGraphml(g: Subgraph): string {
  const keysOf = (items: { props: Record<string, unknown> }[]) => {
    const names = [...new Set(items.flatMap((i) => Object.keys(i.props)))].sort();
    return names.map((n) => ({ name: n, type: graphmlType(items.map((i) => i.props[n])) }));
  };
  const nodeKeys = [{ name: "labels", type: "string" as const }, ...keysOf(g.nodes).filter((k) => k.name !== "labels")];
  const edgeKeys = [{ name: "type", type: "string" as const }, ...keysOf(g.edges).filter((k) => k.name !== "type")];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map((k) => `  <key id="n_${xml(k.name)}" for="node" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`),
    ...edgeKeys.map((k) => `  <key id="e_${xml(k.name)}" for="edge" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`),
    '  <graph id="umr" edgedefault="directed">',
  ];
  for (const n of g.nodes) {
    lines.push(`    <node id="${xml(n.key)}">`, `      <data key="n_labels">${xml(n.labels.slice().sort().join(":"))}</data>`);
    for (const k of nodeKeys.slice(1)) if (n.props[k.name] !== null && n.props[k.name] !== undefined) lines.push(`      <data key="n_${xml(k.name)}">${xml(text(n.props[k.name]))}</data>`);
    lines.push("    </node>");
  }
  g.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}">`, `      <data key="e_type">${xml(e.type)}</data>`);
    for (const k of edgeKeys.slice(1)) if (e.props[k.name] !== null && e.props[k.name] !== undefined) lines.push(`      <data key="e_${xml(k.name)}">${xml(text(e.props[k.name]))}</data>`);
    lines.push("    </edge>");
  });
  lines.push("  </graph>", "</graphml>");
  return lines.join("\n") + "\n";
}

const dotId = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
const SHAPES: Record<string, string> = { model: "box", dataset: "cylinder", family: "house", application: "component" };

/** GraphViz, drawn as UMR draws records: models as boxes, datasets as cylinders, families as houses. */
export function toDot(g: Subgraph): string {
  const flagged = new Set(g.advisories.filter((a) => !a.withdrawnAt).flatMap((a) => (a.affects as string[]) ?? []));
  const lines = ["digraph umr {", "  rankdir=BT;", '  node [fontname="Helvetica", style=filled, fillcolor="#ffffff"];', '  edge [fontname="Helvetica", fontsize=10];'];
  for (const n of g.nodes) {
    const kind = String(n.props.kind ?? "model");
    const attrs = [`label=${dotId(`${String(n.props.name ?? n.key)}\n${n.key}`)}`, `shape=${SHAPES[kind] ?? "ellipse"}`];
    if (n.props.placeholder) attrs.push("style=\"filled,dashed\"");
    if (flagged.has(n.key)) attrs.push('fillcolor="#f8d7da"', 'color="#b02a37"', "penwidth=2");
    lines.push(`  ${dotId(n.key)} [${attrs.join(", ")}];`);
  }
  for (const e of g.edges) lines.push(`  ${dotId(e.from)} -> ${dotId(e.to)} [label=${dotId(String(e.props.relation ?? e.type))}];`);
  lines.push("}");
  return lines.join("\n") + "\n";
}

/** One RFC 4180 field. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_NODE_COLUMNS = ["key", "id", "version", "kind", "name", "publisher", "license", "owner", "placeholder", "contentHash", "source"];
export const CSV_EDGE_COLUMNS = ["from", "to", "type", "relation", "constraint"];

/** Two RFC 4180 tables, nodes then edges, separated by one empty line. */
export function toCsv(g: Subgraph): string {
  const row = (cells: unknown[]) => cells.map(csvField).join(",") + "\r\n";
  let out = row(CSV_NODE_COLUMNS);
  for (const n of g.nodes) out += row(CSV_NODE_COLUMNS.map((c) => (c === "key" ? n.key : n.props[c])));
  out += "\r\n" + row(CSV_EDGE_COLUMNS);
  for (const e of g.edges) out += row([e.from, e.to, e.type, e.props.relation, e.props.constraint]);
  return out;
}

function cypherValue(name: string, v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (DATETIME_PROPS.has(name) && typeof v === "string") return `datetime(${JSON.stringify(v)})`;
  if (Array.isArray(v)) return `[${v.map((x) => cypherValue("", x)).join(", ")}]`;
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r")}'`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return cypherValue("", JSON.stringify(v));
}
const cypherMap = (props: Record<string, unknown>) =>
  `{${Object.keys(props)
    .sort()
    .filter((k) => props[k] !== null && props[k] !== undefined)
    .map((k) => `\`${k.replace(/`/g, "``")}\`: ${cypherValue(k, props[k])}`)
    .join(", ")}}`;
const label = (l: string) => `\`${l.replace(/`/g, "``")}\``;

/** A script that recreates the subgraph (nodes, edges, advisories, exemptions) in an empty Neo4j. */
export function toCypher(g: Subgraph): string {
  const lines = ["// umr-graph subgraph export: run in an empty database (cypher-shell -f export.cypher)."];
  for (const n of g.nodes) lines.push(`CREATE (:${n.labels.slice().sort().map(label).join(":")} ${cypherMap(n.props)});`);
  for (const e of g.edges) {
    lines.push(`MATCH (a:Asset {key: ${cypherValue("", e.from)}}), (b:Asset {key: ${cypherValue("", e.to)}}) CREATE (a)-[:${label(e.type)} ${cypherMap(e.props)}]->(b);`);
  }
  for (const a of g.advisories) {
    const { affects, ...props } = a as { affects?: string[]; id?: unknown };
    lines.push(`CREATE (:Advisory ${cypherMap(props)});`);
    for (const k of affects ?? []) lines.push(`MATCH (v:Advisory {id: ${cypherValue("", props.id)}}), (a:Asset {key: ${cypherValue("", k)}}) CREATE (v)-[:AFFECTS]->(a);`);
  }
  for (const x of g.exemptions) {
    const { advisoryId, assetKey, ...props } = x as { advisoryId: string; assetKey: string };
    lines.push(`MATCH (v:Advisory {id: ${cypherValue("", advisoryId)}}), (a:Asset {key: ${cypherValue("", assetKey)}}) CREATE (v)-[:EXEMPTS ${cypherMap(props)}]->(a);`);
  }
  return lines.join("\n") + "\n";
}

export const CONTENT_TYPES = {
  JSON: "application/json",
  GRAPHML: "application/graphml+xml",
  DOT: "text/vnd.graphviz",
  CSV: "text/csv",
  CYPHER: "application/x-cypher-query",
} as const;
export type ExportFormatName = keyof typeof CONTENT_TYPES;

export function render(g: Subgraph, format: ExportFormatName): string {
  switch (format) {
    case "JSON":
      return toJson(g);
    case "GRAPHML":
      return toGraphml(g);
    case "DOT":
      return toDot(g);
    case "CSV":
      return toCsv(g);
    case "CYPHER":
      return toCypher(g);
  }
}
