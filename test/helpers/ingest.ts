// Ingesting fixtures and public data in tests, through the product's own path.
import { silentLogger } from "../../src/log.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { IngestService, type IngestOptions, type IngestReport } from "../../src/ingest/ingest.service.js";
import { collectFiles, parseInputs, readInputs } from "../../src/records/load.js";
import type { RecordInput } from "../../src/records/umr.js";

export function loadInputs(dir: string): RecordInput[] {
  return readInputs(collectFiles([dir]), dir);
}

export async function ingestInputs(db: Executor, inputs: RecordInput[], opts: IngestOptions = {}, format = "auto"): Promise<IngestReport> {
  return new IngestService(db, silentLogger).ingest(parseInputs(inputs, format), opts);
}

/** A UMR record document from a compact description. */
export function umr(id: string, version: string, kind: string, upstream: unknown[] = [], extra: Record<string, unknown> = {}): RecordInput {
  const { metadata, ...mr } = extra as { metadata?: Record<string, unknown> };
  return {
    source: `${id}/${id}-${version}.yaml`,
    content: JSON.stringify({
      mr: { type: kind, metadata: { name: id.toUpperCase(), ...(metadata ?? {}) }, relations: { upstream }, ...mr },
    }),
  };
}
