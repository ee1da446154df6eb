// The record formats. A new format is one file in formats/ and one line below: the GraphQL
// `RecordFormat` enum, the CLI's `--format` choices and auto-detection all read this list.
import { BadUserInputError } from "../errors.js";
import { ecosystemGraphsImporter } from "./formats/ecosystem-graphs.js";
import { umrImporter } from "./formats/umr.js";
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
      "Detected from the documents: the format whose detector recognises every one of them (Ecosystem Graphs: YAML lists of assets); UMR when none does.",
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

export function allImporters(): Importer[] {
  return [...importers.values()];
}

/** The CLI's `--format` choices. */
export function recordFormatChoices(): string[] {
  return ["auto", ...importers.keys()];
}

/** The importer a format names, or the one auto-detection finds for these inputs. */
export function importerFor(format: string, inputs: readonly RecordInput[]): Importer {
  if (format === "auto") {
    const claiming = allImporters().filter((i) => i.claims(inputs));
    if (claiming.length > 1) {
      throw new BadUserInputError(
        `format: these documents look like ${claiming.map((i) => i.name).join(" and ")}; say which with --format / format`,
      );
    }
    return claiming[0] ?? umrImporter;
  }
  const importer = importers.get(format);
  if (!importer)
    throw new BadUserInputError(`format: expected one of ${recordFormatChoices().join(", ")}, found ${JSON.stringify(format)}`);
  return importer;
}
