// GraphViz DOT, drawn as UMR draws records (record pages draw their lineage with it too).
import type { Subgraph } from "../../model/subgraph.js";
import type { Exporter } from "../exporter.js";
import { valueText as text } from "../escape.js";

const dotId = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
const SHAPES: Record<string, string> = { model: "box", dataset: "cylinder", family: "house", application: "component" };

/** GraphViz, drawn as UMR draws records: models as boxes, datasets as cylinders, families as houses. */
export function toDot(g: Subgraph): string {
  const flagged = new Set(g.advisories.filter((a) => !a.withdrawnAt).flatMap((a) => (a.affects as string[]) ?? []));
  const lines = [
    "digraph umr {",
    "  rankdir=BT;",
    '  node [fontname="Helvetica", style=filled, fillcolor="#ffffff"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const n of g.nodes) {
    const kind = text(n.props.kind ?? "model");
    const attrs = [`label=${dotId(`${text(n.props.name ?? n.key)}\n${n.key}`)}`, `shape=${SHAPES[kind] ?? "ellipse"}`];
    if (n.props.placeholder) attrs.push('style="filled,dashed"');
    if (flagged.has(n.key)) attrs.push('fillcolor="#f8d7da"', 'color="#b02a37"', "penwidth=2");
    lines.push(`  ${dotId(n.key)} [${attrs.join(", ")}];`);
  }
  for (const e of g.edges) lines.push(`  ${dotId(e.from)} -> ${dotId(e.to)} [label=${dotId(text(e.props.relation ?? e.type))}];`);
  lines.push("}");
  return lines.join("\n") + "\n";
}

export const dotExporter: Exporter = {
  name: "DOT",
  description: "GraphViz: models as boxes, datasets as cylinders, families as houses; flagged assets highlighted.",
  extension: "dot",
  contentType: "text/vnd.graphviz",
  render: toDot,
};
