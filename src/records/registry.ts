// The record formats. A new format is one file in formats/ and one line below: the GraphQL
// `RecordFormat` enum, the CLI's `--format` choices and auto-detection all read this list.
import { BadUserInputError } from "../errors.js";
import { ecosystemGraphsImporter } from "./formats/ecosystem-graphs.js";
import { umrImporter } from "./formats/umr.js";
import { hfCardImporter } from "./formats/hf-card.js";
import { cycloneDxImporter } from "./formats/cyclonedx.js";
import { spdx3Importer } from "./formats/spdx3.js";
import { openLineageImporter } from "./formats/openlineage.js";
import { provImporter } from "./formats/prov.js";
import type { Importer } from "./importer.js";
import type { RecordInput } from "./umr.js";

const importers = new Map<string, Importer>();

/**
 * The GraphQL enum's values (AUTO and one per importer), filled by registerImporter: type-graphql
 * reads this object when a schema is built.
 */
export const RECORD_FORMAT_ENUM: Record<string, string> = { AUTO: "auto" };
export const RECORD_FORMAT_DESCRIPTIONS: Record<string, { description: string }> = {
  AUTO: {
    description:
      "Detected per document: the format whose detector recognises it (Ecosystem Graphs: YAML lists of assets; Hugging Face: README.md with front matter in an <org>__<name> folder, or a JSONL of {id, cardData}; ...); UMR when none does. One batch may mix formats.",
  },
};

export function registerImporter(importer: Importer): void {
  if (!/^[a-z][a-z0-9-]*$/.test(importer.name))
    throw new Error(`record format ${JSON.stringify(importer.name)}: expected a lower-case name`);
  if (importers.has(importer.name) || importer.name === "auto") throw new Error(`record format ${importer.name} is registered twice`);
  importers.set(importer.name, importer);
  RECORD_FORMAT_ENUM[importer.graphqlName] = importer.name;
  RECORD_FORMAT_DESCRIPTIONS[importer.graphqlName] = { description: importer.description };
}

registerImporter(umrImporter);
registerImporter(ecosystemGraphsImporter);
registerImporter(hfCardImporter);
registerImporter(cycloneDxImporter);
registerImporter(spdx3Importer);
registerImporter(openLineageImporter);
registerImporter(provImporter);

export function allImporters(): Importer[] {
  return [...importers.values()];
}

/** The files a walk of folders reads for a format ("auto": those of every format). */
export function walkedFiles(format: string): RegExp[] {
  const formats = format === "auto" ? allImporters() : allImporters().filter((i) => i.name === format);
  return formats.flatMap((i) => (i.files ? [i.files] : []));
}

/** The CLI's `--format` choices. */
export function recordFormatChoices(): string[] {
  return ["auto", ...importers.keys()];
}

/** The importer a format names. */
export function importerNamed(format: string): Importer {
  const importer = importers.get(format);
  if (!importer)
    throw new BadUserInputError(`format: expected one of ${recordFormatChoices().join(", ")}, found ${JSON.stringify(format)}`);
  return importer;
}

/**
 * The importer of each document: the one a format names, or, for "auto", the one importer that
 * recognises the document (UMR when none does). A batch may mix formats (a folder of UMR
 * records beside Hugging Face cards); a document two importers recognise must be named.
 */
export function importersFor(format: string, inputs: readonly RecordInput[]): { importer: Importer; inputs: RecordInput[] }[] {
  if (format !== "auto") return [{ importer: importerNamed(format), inputs: [...inputs] }];
  const groups = new Map<Importer, RecordInput[]>();
  for (const input of inputs) {
    const claiming = allImporters().filter((i) => i.claims([input]));
    if (claiming.length > 1) {
      throw new BadUserInputError(
        `format: ${input.source} looks like ${claiming.map((i) => i.name).join(" and ")}; say which with --format / format`,
      );
    }
    const importer = claiming[0] ?? umrImporter;
    const list = groups.get(importer);
    if (list) list.push(input);
    else groups.set(importer, [input]);
  }
  return [...groups].map(([importer, list]) => ({ importer, inputs: list }));
}
