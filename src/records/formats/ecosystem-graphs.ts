// Stanford CRFM Ecosystem Graphs asset files (assets/<org>.yaml): YAML lists of assets.
import { convertEcosystemGraphs } from "../ecosystem-graphs.js";
import type { Importer } from "../importer.js";
import type { RecordInput } from "../umr.js";

/** The first line that says something: a YAML list item opens an Ecosystem Graphs file. */
function opensWithListItem(input: RecordInput): boolean {
  const text = typeof input.content === "string" ? input.content : Buffer.from(input.content.subarray(0, 4096)).toString("utf8");
  const head = text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l !== "" && !l.startsWith("#") && l !== "---");
  return head?.startsWith("- ") ?? false;
}

export const ecosystemGraphsImporter: Importer = {
  name: "ecosystem-graphs",
  graphqlName: "ECOSYSTEM_GRAPHS",
  description: "Stanford CRFM Ecosystem Graphs asset files (assets/<org>.yaml), all given together.",
  claims: (inputs) => inputs.length > 0 && inputs.every(opensWithListItem),
  parse(inputs) {
    const { records, problems, rejected, stats: s } = convertEcosystemGraphs(inputs);
    const summary =
      `Ecosystem Graphs: ${s.entries} entries, ${s.assets} distinct assets (${s.duplicateNames.length} duplicate names merged); ` +
      `${s.mentions} dependency mentions: ${s.exact} by exact name, ${s.ignoringCase} only ignoring case, ${s.unresolved} to no asset ` +
      `(${s.placeholderIds.length} placeholders); ${s.selfReferences.length} self-references`;
    return { records, problems, rejected, summary, stats: { ...s } };
  },
};
