// What an export format is: a name, how its files are called and served, and a pure function
// of the subgraph. Each format is one file in formats/, registered in registry.ts.
import type { Subgraph } from "../model/subgraph.js";

export interface Exporter {
  /** The GraphQL `ExportFormat` value, the CLI's `--format` (any case) and the HTTP `format=`. */
  readonly name: string;
  /** Shown in the schema's documentation of the enum value. */
  readonly description: string;
  /** File extension of a download or a bundle entry, without the dot. */
  readonly extension: string;
  readonly contentType: string;
  render(g: Subgraph): string;
}
