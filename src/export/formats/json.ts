// JSON: the subgraph as it is, every property kept (loadJsonExport reads it back).
import type { Subgraph } from "../../model/subgraph.js";
import type { Exporter } from "../exporter.js";

export const jsonExporter: Exporter = {
  name: "JSON",
  description: "Nodes and edges with every property, and the advisories and exemptions touching them.",
  extension: "json",
  contentType: "application/json",
  render: (g: Subgraph) => JSON.stringify(g, null, 2) + "\n",
};
