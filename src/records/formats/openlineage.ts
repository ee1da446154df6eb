// OpenLineage RunEvents: a COMPLETE run's inputs × outputs as lineage (files, and POST /api/v1/lineage).
import type { Importer } from "../importer.js";
import { convertOpenLineage, looksLikeOpenLineage } from "../openlineage.js";

export const openLineageImporter: Importer = {
  name: "openlineage",
  graphqlName: "OPENLINEAGE",
  description:
    "OpenLineage RunEvents (one JSON event, or one a line in .jsonl/.ndjson; also POST /api/v1/lineage): a COMPLETE run's outputs become records built from its inputs (trained_on for a model output, by its datasetType facet; derived_from otherwise), marked as inferred from the run.",
  files: /\.(jsonl|ndjson)$/i,
  claims: (inputs) => inputs.length > 0 && inputs.every(looksLikeOpenLineage),
  parse(inputs) {
    const { records, problems, rejected, stats: s } = convertOpenLineage(inputs);
    return {
      records,
      problems,
      rejected,
      summary: `OpenLineage: ${s.events} events, ${s.complete} COMPLETE, ${s.outputs} outputs recorded with ${s.edges} inferred edges`,
      stats: { ...s },
    };
  },
};
