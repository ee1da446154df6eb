// GraphML with declared attribute keys (Gephi, yEd, networkx read it).
import type { Subgraph } from "../../model/subgraph.js";
import type { Exporter } from "../exporter.js";
import { escapeMarkup as xml, valueText as text } from "../escape.js";

function graphmlType(values: unknown[]): "boolean" | "long" | "double" | "string" {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === "boolean")) return "boolean";
  if (present.length && present.every((v) => Number.isInteger(v))) return "long";
  if (present.length && present.every((v) => typeof v === "number")) return "double";
  return "string";
}

function toGraphml(g: Subgraph): string {
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
    for (const k of nodeKeys.slice(1))
      if (n.props[k.name] !== null && n.props[k.name] !== undefined)
        lines.push(`      <data key="n_${xml(k.name)}">${xml(text(n.props[k.name]))}</data>`);
    lines.push("    </node>");
  }
  g.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}">`, `      <data key="e_type">${xml(e.type)}</data>`);
    for (const k of edgeKeys.slice(1))
      if (e.props[k.name] !== null && e.props[k.name] !== undefined)
        lines.push(`      <data key="e_${xml(k.name)}">${xml(text(e.props[k.name]))}</data>`);
    lines.push("    </edge>");
  });
  lines.push("  </graph>", "</graphml>");
  return lines.join("\n") + "\n";
}

export const graphmlExporter: Exporter = {
  name: "GRAPHML",
  description: "GraphML with declared attribute keys (Gephi, yEd, networkx).",
  extension: "graphml",
  contentType: "application/graphml+xml",
  render: toGraphml,
};
