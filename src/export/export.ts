// An export of a subgraph in one registered format: what the GraphQL field, the HTTP download
// and `umr export` answer.
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import type { DirectionName } from "../model/vocab.js";
import type { ExportService } from "../services/export.service.js";
import { exporterOf } from "./registry.js";

export interface ExportModel {
  format: string;
  contentType: string;
  /** The file extension a download of it takes. */
  extension: string;
  content: string;
  nodeCount: number;
  edgeCount: number;
}

export async function exportSubgraph(
  exports: ExportService,
  roots: string[],
  direction: DirectionName,
  maxDepth: number | null | undefined,
  format: string,
  viewer: Viewer = ANONYMOUS,
  asOf: Date | string | null = null,
): Promise<ExportModel> {
  const exporter = exporterOf(format);
  const { paths: _paths, roots: _roots, hiddenCount: _hidden, ...g } = await exports.subgraph(roots, direction, maxDepth, viewer, asOf);
  return {
    format: exporter.name,
    contentType: exporter.contentType,
    extension: exporter.extension,
    content: exporter.render(g),
    nodeCount: g.nodes.length,
    edgeCount: g.edges.length,
  };
}
