// Neo4j's offline importer (`neo4j-admin database import full`, from Maven Central with the rest
// of Neo4j) run on the local Neo4j's data folder by neo4j-local/'s Import class: the store is
// built from CSV in one pass, without transactions. The folder's Neo4j must not be running.
import path from "node:path";
import type { Logger } from "../log.js";
import { CSV_DIALECT } from "./import-csv.js";
import { buildLauncher, javaCommand, launcherJava, runCollecting } from "./local.js";

export interface OfflineImport {
  /** The local Neo4j's data folder (UMR_DATA_DIR). */
  home: string;
  heap: string;
  nodes: readonly string[];
  relationships: readonly string[];
  /** The files among them with a line break inside a cell. */
  multiline: readonly string[];
  /** Where the importer writes its report (a folder of the run's own). */
  workDir: string;
  log: Logger;
  /** The importer's stages as it reports them ("Nodes", "Relationships", ...), with its percentage. */
  onProgress?: (stage: string, percent: number) => void;
}

export async function runOfflineImport(opts: OfflineImport): Promise<void> {
  await buildLauncher(opts.log);
  const args = [
    ...launcherJava(opts.heap, "umr.neo4jlocal.Import"),
    "--home",
    opts.home,
    ...opts.nodes.map((f) => `--nodes=${f}`),
    ...opts.relationships.map((f) => `--relationships=${f}`),
    `--delimiter=${CSV_DIALECT.delimiter}`,
    `--quote=${CSV_DIALECT.quote}`,
    `--array-delimiter=${CSV_DIALECT.arrayDelimiter}`,
    // Only the files named may hold multi-line fields (format v2), so that the others are read in
    // parallel; none named, none may.
    ...(opts.multiline.length
      ? ["--multiline-fields-format=v2", `--multiline-fields=${opts.multiline.join(",")}`]
      : ["--multiline-fields=false"]),
    "--id-type=string",
    "--bad-tolerance=0",
    "--skip-bad-relationships=false",
    "--skip-duplicate-nodes=false",
    "--overwrite-destination=true",
    `--report-file=${path.join(opts.workDir, "import.report")}`,
    "neo4j",
  ];
  let stage = "";
  const { code, tail } = await runCollecting(javaCommand(), args, undefined, (line) => {
    opts.log.debug({ importer: line }, "neo4j import");
    const named = /^\s*(Node import|Relationship import|Relationship linking|Post processing|Count store|Flush)/i.exec(line);
    if (named) stage = named[1]!;
    const pct = /(\d+)%/.exec(line);
    if (stage && pct) opts.onProgress?.(stage, Number(pct[1]));
  });
  if (code !== 0) {
    throw new Error(
      `Neo4j's offline importer failed (exit code ${code}) on ${opts.home}. Its last output:\n` +
        tail.map((l) => `  | ${l}`).join("\n") +
        `\nWhat to do: the store was not replaced if the importer stopped before writing; run the same ` +
        `\`umr ingest --bulk\` again, or load the records with \`umr ingest\` (transactional).`,
    );
  }
}
