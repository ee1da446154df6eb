// A Cypher script that recreates the subgraph in an empty Neo4j.
import { DATETIME_PROPS, type Subgraph } from "../../model/subgraph.js";
import type { Exporter } from "../exporter.js";

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
function toCypher(g: Subgraph): string {
  const lines = ["// umr-graph subgraph export: run in an empty database (cypher-shell -f export.cypher)."];
  for (const n of g.nodes) lines.push(`CREATE (:${n.labels.slice().sort().map(label).join(":")} ${cypherMap(n.props)});`);
  for (const e of g.edges) {
    lines.push(
      `MATCH (a:Asset {key: ${cypherValue("", e.from)}}), (b:Asset {key: ${cypherValue("", e.to)}}) CREATE (a)-[:${label(e.type)} ${cypherMap(e.props)}]->(b);`,
    );
  }
  for (const a of g.advisories) {
    const { affects, ...props } = a as { affects?: string[]; id?: unknown };
    lines.push(`CREATE (:Advisory ${cypherMap(props)});`);
    for (const k of affects ?? [])
      lines.push(
        `MATCH (v:Advisory {id: ${cypherValue("", props.id)}}), (a:Asset {key: ${cypherValue("", k)}}) CREATE (v)-[:AFFECTS]->(a);`,
      );
  }
  for (const x of g.exemptions) {
    const { advisoryId, assetKey, ...props } = x as { advisoryId: string; assetKey: string };
    lines.push(
      `MATCH (v:Advisory {id: ${cypherValue("", advisoryId)}}), (a:Asset {key: ${cypherValue("", assetKey)}}) CREATE (v)-[:EXEMPTS ${cypherMap(props)}]->(a);`,
    );
  }
  return lines.join("\n") + "\n";
}

export const cypherExporter: Exporter = {
  name: "CYPHER",
  description: "A script that recreates the subgraph in an empty Neo4j.",
  extension: "cypher",
  contentType: "application/x-cypher-query",
  render: toCypher,
};
