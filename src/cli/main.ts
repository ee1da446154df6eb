#!/usr/bin/env node
// `umr`: the command line. Every command drives the same services as the API.
import "reflect-metadata";
import { Command, InvalidArgumentError, Option } from "commander";
import { DomainError } from "../errors.js";
import { exportFormatChoices } from "../export/registry.js";
import { DIRECTIONS, ROLES, SEVERITIES } from "../model/vocab.js";
import { changesCommand, eventsCommand, keysCreateCommand, keysListCommand, keysRevokeCommand } from "./trust.command.js";
import { recordFormatChoices } from "../records/registry.js";
import { auditCommand } from "./audit.command.js";
import { exportCommand, verifyBundleCommand } from "./export.command.js";
import { publishCommand } from "./publish.command.js";
import { sameAsCommand } from "./same-as.command.js";
import { watchCreateCommand, watchDeleteCommand, watchListCommand, watchNotificationsCommand } from "./watch.command.js";
import { registryCommand } from "./registry.command.js";
import { ingestCommand, validateCommand } from "./ingest.command.js";

const program = new Command()
  .name("umr")
  .description("umr-graph: Unified Model Records in Neo4j — ingest, lineage, blast radius, risk.")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a whole number > 0");
  return n;
}

/** A vocabulary's terms in both cases, as the CLI accepts them. */
export const anyCase = (terms: readonly string[]) => [...new Set(terms.flatMap((t) => [t.toLowerCase(), t.toUpperCase()]))];

const formatOption = () => new Option("--format <format>", "record format").choices(recordFormatChoices()).default("auto");

program
  .command("ingest")
  .description("validate records and write them into the graph (all or nothing unless --partial)")
  .argument("<paths...>", "record files or directories (walked for .yaml, .yml, .json)")
  .addOption(formatOption())
  .option("--dry-run", "validate and plan, write nothing", false)
  .option("--strict", "treat warnings (dependency cycles) as errors", false)
  .option("--partial", "accept the valid records even when others are invalid", false)
  .option("--lenient", "CycloneDX: accept trailing commas and schema errors (reported as warnings)", false)
  .option("--batch-size <n>", "rows per write statement", positiveInt, 1000)
  .option("--commit-every <n>", "bulk loads: commit every n records (each chunk all or nothing)", positiveInt)
  .option("--bulk", "first load into the empty local database, with Neo4j's offline importer (the local Neo4j must be stopped)", false)
  .option("--json", "print the report as JSON", false)
  .option("--org <org>", "the organisation the records are published for (it owns the ids it publishes first)")
  .action(async (paths: string[], opts: Parameters<typeof ingestCommand>[1]) => {
    process.exitCode = await ingestCommand(paths, opts);
  });

program
  .command("validate")
  .description("check records against the schema and the reference rules, without a database")
  .argument("<paths...>", "record files or directories")
  .addOption(formatOption())
  .option("--strict", "treat warnings (dependency cycles) as errors", false)
  .option("--lenient", "CycloneDX: accept trailing commas and schema errors (reported as warnings)", false)
  .option("--json", "print the problems as JSON", false)
  .action(async (paths: string[], opts: Parameters<typeof validateCommand>[1]) => {
    process.exitCode = await validateCommand(paths, opts);
  });

program
  .command("audit")
  .description("npm audit, for models: the risks reaching everything a manifest lists; exit code 1 at or above --fail-at")
  .argument("<manifest>", "a file listing keys, ids or id+range (one a line, or a YAML/JSON list)")
  .addOption(new Option("--fail-at <severity>", "fail when a risk is at or above this").choices(anyCase(SEVERITIES)).default("HIGH"))
  .option("--json", "print the report as JSON", false)
  .action(async (manifest: string, opts: Parameters<typeof auditCommand>[1]) => {
    process.exitCode = await auditCommand(manifest, opts);
  });

program
  .command("export")
  .description("export the subgraph of roots and everything reached from them, or an evidence bundle of it")
  .argument("<roots...>", "keys, or bare ids for their newest versions")
  .addOption(
    new Option("--direction <direction>", "UPSTREAM: what they were built from; DOWNSTREAM: what was built from them")
      .choices(anyCase(DIRECTIONS))
      .default("upstream"),
  )
  .option("--max-depth <n>", "hops to go at most", positiveInt)
  .addOption(new Option("--format <format>", "export format").choices(exportFormatChoices()).default("json"))
  .option("--out <file>", "write to this file instead of standard output")
  .option("--bundle <file>", "write an evidence bundle (tar: every format, advisories, paths, query, manifest with SHA-256s)")
  .option("--as-of <time>", "the export (or bundle) as the graph stood then (ISO-8601): records, edges, advisories and exemptions of then")
  .action(async (roots: string[], opts: Parameters<typeof exportCommand>[1]) => {
    process.exitCode = await exportCommand(roots, opts);
  });

program
  .command("verify-bundle")
  .description("check an evidence bundle against its manifest; names every file that changed")
  .argument("<file>", "the bundle")
  .action(async (file: string) => {
    process.exitCode = await verifyBundleCommand(file);
  });

const keys = program.command("keys").description("API keys (the CLI has the database itself, so it acts as an admin)");
keys
  .command("create")
  .description("make an API key; prints its token once (the server keeps only a hash)")
  .requiredOption("--org <org>", "the organisation it acts for")
  .addOption(new Option("--role <role>", "what it may do").choices(anyCase(ROLES)).makeOptionMandatory())
  .option("--name <label>", "a label, such as the dashboard that uses it")
  .option("--json", "print the key and its token as JSON", false)
  .action(async (opts: { org: string; role: string; name?: string; json: boolean }) => {
    process.exitCode = await keysCreateCommand(opts);
  });
keys
  .command("list")
  .description("every API key, without secrets")
  .option("--json", "print them as JSON", false)
  .action(async (opts: { json: boolean }) => {
    process.exitCode = await keysListCommand(opts);
  });
keys
  .command("revoke")
  .description("revoke an API key: its next request is refused")
  .argument("<id>", "the key's id")
  .action(async (id: string) => {
    process.exitCode = await keysRevokeCommand(id);
  });

program
  .command("changes")
  .description("what changed answers, oldest first: new versions (and moved references), advisories, withdrawals, exemptions")
  .option("--since <time>", "at or after this ISO-8601 time")
  .option("--until <time>", "before this ISO-8601 time")
  .option("--key <key...>", "changes that touched these keys, bare ids (any version) or advisories")
  .option("--first <n>", "at most this many", positiveInt, 100)
  .option("--after <cursor>", "after this cursor (the one the last call printed)")
  .option("--json", "print them as JSON", false)
  .action(async (opts: Parameters<typeof changesCommand>[0]) => {
    process.exitCode = await changesCommand(opts);
  });

program
  .command("registry")
  .description(
    "the registry report: architecture, parameters, training compute, data, evaluations and access of each model, as CSV (or --json)",
  )
  .option("--min-training-flop <flop>", "at least this much training compute, such as 1e25")
  .option("--min-parameter-count <n>", "at least this many parameters, such as 7e9")
  .option("--access <access>", "OPEN_WEIGHTS, API or CLOSED")
  .option("--trained-on <id>", "built on this id or key (its lineage reaches it), such as laion-5b")
  .option("--publisher <publisher>", "of this publisher")
  .option("--kind <kind>", "assets of this kind", "model")
  .option("--json", "print JSON instead of CSV", false)
  .action(async (opts: Parameters<typeof registryCommand>[0]) => {
    process.exitCode = await registryCommand(opts);
  });

program
  .command("same-as")
  .description("declare that two ids name one thing (e.g. a UMR id and a Hugging Face id): lineage and risk cross between them")
  .argument("<a>", "an id, native (laion-5b) or qualified by its source (hf:org/name)")
  .argument("<b>", "the other id")
  .option("--note <text>", "why they are the same")
  .option("--withdraw", "withdraw the statement instead", false)
  .option("--org <org>", "the organisation that makes the statement")
  .option("--json", "print the statement as JSON", false)
  .action(async (a: string, b: string, opts: Parameters<typeof sameAsCommand>[2]) => {
    process.exitCode = await sameAsCommand(a, b, opts);
  });

const watch = program
  .command("watch")
  .description("watches: be told (by webhook, through the running server) when what reaches some assets changes");
watch
  .command("create")
  .description("watch keys (or a manifest's), what lies downstream of them, or everything an organisation owns")
  .option("--org <org>", "the organisation it notifies for (it sees as that organisation)")
  .option("--key <key...>", "keys, bare ids (newest version) or id@range")
  .option("--manifest <file>", "the keys of a deployment manifest, as `umr audit` reads it")
  .option("--downstream-depth <n>", "also everything within this many hops downstream", positiveInt)
  .option("--owned-by-my-org", "also every record the organisation owns", false)
  .addOption(
    new Option("--min-severity <severity>", "only advisories reaching at this severity or above")
      .choices(anyCase(SEVERITIES))
      .default("LOW"),
  )
  .option("--webhook-url <url>", "where to POST each notification, signed")
  .option("--secret-env <name>", "the environment variable holding the webhook's signing secret", "UMR_WEBHOOK_SECRET")
  .option("--name <label>", "a label, shown in notifications")
  .option("--json", "print the watch as JSON", false)
  .action(async (opts: Parameters<typeof watchCreateCommand>[0]) => {
    process.exitCode = await watchCreateCommand(opts);
  });
watch
  .command("list")
  .description("every watch (or one organisation's), without secrets")
  .option("--org <org>", "one organisation's watches")
  .option("--json", "print them as JSON", false)
  .action(async (opts: Parameters<typeof watchListCommand>[0]) => {
    process.exitCode = await watchListCommand(opts);
  });
watch
  .command("delete")
  .description("delete a watch and its notifications")
  .argument("<id>", "the watch's id")
  .action(async (id: string) => {
    process.exitCode = await watchDeleteCommand(id);
  });
watch
  .command("notifications")
  .description("what a watch was told, newest first, with each delivery's state")
  .argument("<id>", "the watch's id")
  .option("--first <n>", "at most this many", positiveInt, 20)
  .option("--json", "print them as JSON", false)
  .action(async (id: string, opts: { first: number; json: boolean }) => {
    process.exitCode = await watchNotificationsCommand(id, opts);
  });

program
  .command("events")
  .description("the audit trail, newest first: every write and every auditor's read of private records")
  .option("--org <org>", "events of this organisation")
  .option("--operation <operation>", "events of this operation (ingest, advisory.publish, ...)")
  .option("--key <key>", "events that touched this key or id")
  .option("--since <time>", "at or after this ISO-8601 time")
  .option("--until <time>", "before this ISO-8601 time")
  .option("--first <n>", "at most this many", positiveInt, 100)
  .option("--json", "print them as JSON", false)
  .action(async (opts: Parameters<typeof eventsCommand>[0]) => {
    process.exitCode = await eventsCommand(opts);
  });

program
  .command("publish")
  .description("write a static site: an index with search, and every record as HTML, Markdown, LaTeX, PDF, SVG and DOT")
  .argument("<dir>", "where to write it (created if absent)")
  .action(async (dir: string) => {
    process.exitCode = await publishCommand(dir);
  });

// `npm run umr -- ...` runs in the repository root; relative paths mean what they mean where the
// user stands, which npm passes as INIT_CWD.
if (process.env.npm_lifecycle_event === "umr" && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

program.parseAsync(process.argv).catch((err: unknown) => {
  const internal = err instanceof DomainError && err.internal ? ` (${err.internal})` : "";
  process.stderr.write(`umr: ${err instanceof Error ? err.message : String(err)}${internal}\n`);
  process.exitCode = 1;
});
