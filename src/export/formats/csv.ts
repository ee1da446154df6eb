// CSV: two RFC 4180 tables, nodes then edges, separated by one empty line.
import type { Subgraph } from "../../model/subgraph.js";
import type { Exporter } from "../exporter.js";

/**
 * One RFC 4180 field. A text that a spreadsheet would run as a formula (it starts with =, +, -,
 * @, a tab or a carriage return) gets a leading apostrophe, as OWASP advises against CSV
 * injection: a record's license `=HYPERLINK(...)` must not become a link in an auditor's sheet.
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "string" ? v : JSON.stringify(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_NODE_COLUMNS = [
  "key",
  "id",
  "version",
  "kind",
  "name",
  "publisher",
  "license",
  "owner",
  "placeholder",
  "contentHash",
  "source",
];
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

export const csvExporter: Exporter = {
  name: "CSV",
  description: "Two RFC 4180 tables, nodes then edges, separated by an empty line.",
  extension: "csv",
  contentType: "text/csv",
  render: toCsv,
};
