// Unified Model Records, YAML or JSON, one document a record (the native format).
import type { Importer, ParsedBatch } from "../importer.js";
import type { AssetRecord, Problem } from "../record.js";
import { parseUmr, type RecordInput } from "../umr.js";

function parse(inputs: readonly RecordInput[]): ParsedBatch {
  const records: AssetRecord[] = [];
  const problems: Problem[] = [];
  let rejected = 0;
  for (const input of inputs) {
    const r = parseUmr(input);
    problems.push(...r.problems);
    if (r.record) records.push(r.record);
    else rejected++;
  }
  return { records, problems, rejected, summary: null };
}

export const umrImporter: Importer = {
  name: "umr",
  graphqlName: "UMR",
  description: "Unified Model Records, YAML or JSON; the source names the file <id>-<version>.yaml.",
  // The fallback of auto-detection: it claims nothing itself.
  claims: () => false,
  parse,
};
