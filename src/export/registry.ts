// The export formats. A new format is one file in formats/ and one line below: the GraphQL
// enum, the CLI's choices, the HTTP route and evidence bundles all read this list.
import { BadUserInputError } from "../errors.js";
import type { Exporter } from "./exporter.js";
import { csvExporter } from "./formats/csv.js";
import { cypherExporter } from "./formats/cypher.js";
import { dotExporter } from "./formats/dot.js";
import { graphmlExporter } from "./formats/graphml.js";
import { jsonExporter } from "./formats/json.js";
import { cycloneDxExporter } from "./formats/cyclonedx.js";
import { spdx3Exporter } from "./formats/spdx3.js";
import { provExporter } from "./formats/prov.js";

const exporters = new Map<string, Exporter>();

/** Adds a format (names are upper case: they are GraphQL enum values). */
export function registerExporter(exporter: Exporter): void {
  if (!/^[A-Z][A-Z0-9_]*$/.test(exporter.name))
    throw new Error(`export format ${JSON.stringify(exporter.name)}: expected an upper-case name`);
  if (exporters.has(exporter.name)) throw new Error(`export format ${exporter.name} is registered twice`);
  exporters.set(exporter.name, exporter);
  EXPORT_FORMAT_ENUM[exporter.name] = exporter.name;
  EXPORT_FORMAT_DESCRIPTIONS[exporter.name] = { description: exporter.description };
}

/**
 * The GraphQL enum's values and their descriptions, filled by registerExporter: type-graphql
 * reads these objects when a schema is built, so every format registered by then is in it.
 */
export const EXPORT_FORMAT_ENUM: Record<string, string> = {};
export const EXPORT_FORMAT_DESCRIPTIONS: Record<string, { description: string }> = {};

registerExporter(jsonExporter);
registerExporter(graphmlExporter);
registerExporter(dotExporter);
registerExporter(csvExporter);
registerExporter(cypherExporter);
registerExporter(cycloneDxExporter);
registerExporter(spdx3Exporter);
registerExporter(provExporter);

export function allExporters(): Exporter[] {
  return [...exporters.values()];
}

/** The CLI's `--format` choices: every name, in both cases. */
export function exportFormatChoices(): string[] {
  return allExporters().flatMap((e) => [e.name.toLowerCase(), e.name]);
}

/** The exporter of a format name in any case; BAD_USER_INPUT naming the known ones otherwise. */
export function exporterOf(name: string): Exporter {
  const e = exporters.get(name.toUpperCase());
  if (!e) throw new BadUserInputError(`format: expected one of ${[...exporters.keys()].join(", ")}, found ${JSON.stringify(name)}`);
  return e;
}
