// umr export <roots…> and umr verify-bundle <file>
import fs from "node:fs";
import { buildBundle, verifyBundle } from "../export/bundle.js";
import { checkAsOf } from "../services/limits.js";
import { exportSubgraph } from "../export/export.js";
import type { DirectionName } from "../model/vocab.js";
import { cliViewer } from "../model/viewer.js";
import { withServices } from "./session.js";

export async function exportCommand(
  roots: string[],
  opts: { direction: string; maxDepth?: number; format: string; out?: string; bundle?: string; asOf?: string },
): Promise<number> {
  const direction = opts.direction.toUpperCase() as DirectionName;
  if (opts.bundle) {
    const bundle = await withServices((s) =>
      buildBundle(
        s.exports,
        { roots, direction, maxDepth: opts.maxDepth ?? null, ...(opts.asOf ? { asOf: checkAsOf(opts.asOf) } : {}) },
        new Date(),
        cliViewer(null),
      ),
    );
    fs.writeFileSync(opts.bundle, bundle);
    const check = await verifyBundle(bundle);
    process.stderr.write(
      `wrote ${opts.bundle}: ${check.manifest!.counts.nodes} assets, ${check.manifest!.counts.edges} edges, ${check.manifest!.files.length + 1} files (check it with \`umr verify-bundle ${opts.bundle}\`)\n`,
    );
    return 0;
  }
  const result = await withServices((s) =>
    exportSubgraph(
      s.exports,
      roots,
      direction,
      opts.maxDepth ?? null,
      opts.format,
      cliViewer(null),
      opts.asOf ? checkAsOf(opts.asOf) : null,
    ),
  );
  if (opts.out) {
    fs.writeFileSync(opts.out, result.content);
    process.stderr.write(`wrote ${opts.out}: ${result.nodeCount} assets, ${result.edgeCount} edges (${result.contentType})\n`);
  } else process.stdout.write(result.content);
  return 0;
}

export async function verifyBundleCommand(file: string): Promise<number> {
  const result = await verifyBundle(fs.readFileSync(file));
  if (result.ok) {
    const m = result.manifest!;
    process.stdout.write(
      `${file}: verified — ${m.files.length} files and the manifest match (umr-graph ${m.version}, made ${m.createdAt}, roots ${m.query.resolvedRoots.join(", ")})\n`,
    );
    return 0;
  }
  for (const p of result.problems) process.stdout.write(`${file}: ${p}\n`);
  process.stdout.write(`${file}: NOT verified — ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}\n`);
  return 1;
}
