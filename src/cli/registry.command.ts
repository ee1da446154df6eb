// umr registry: the registry report (what AI model registries ask of each model) under registry filters.
import { cliViewer } from "../model/viewer.js";
import { registryFilterOf, registryReport } from "../services/registry-report.js";
import { registryCsv } from "../export/registry-csv.js";
import { withServices } from "./session.js";

export async function registryCommand(opts: {
  minTrainingFlop?: string;
  minParameterCount?: string;
  access?: string;
  trainedOn?: string;
  publisher?: string;
  kind?: string;
  json: boolean;
}): Promise<number> {
  const filter = registryFilterOf(opts);
  const rows = await withServices((s) => registryReport(s.assets, filter, cliViewer(null)));
  process.stdout.write(opts.json ? JSON.stringify({ filter, count: rows.length, models: rows }, null, 2) + "\n" : registryCsv(rows));
  process.stderr.write(`${rows.length} ${rows.length === 1 ? "asset" : "assets"} match\n`);
  return 0;
}
