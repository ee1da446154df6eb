// umr audit <manifest>: npm audit, for models. The manifest lists what a deployment or a
// paper uses — one entry a line (# comments), or YAML/JSON: a list, or {assets: [...]} —
// each a key (plip@1.0.0), a bare id (newest version), or an id with a version range
// (clip>=1.0.0, clip@^1.2). Exit code 1 when a risk is at or above --fail-at.
import fs from "node:fs";
import { parse } from "yaml";
import { BadUserInputError } from "../errors.js";
import type { AuditModel } from "../services/risk.service.js";
import { SEVERITIES, type SeverityName } from "../services/policy.js";
import { withServices } from "./session.js";

export function readManifest(file: string): string[] {
  if (!fs.existsSync(file)) throw new BadUserInputError(`${file}: no such file`);
  const text = fs.readFileSync(file, "utf8");
  let entries: unknown;
  try {
    entries = parse(text);
  } catch {
    entries = null;
  }
  if (entries && typeof entries === "object" && !Array.isArray(entries) && "assets" in entries) entries = entries.assets;
  if (!Array.isArray(entries)) {
    entries = text
      .split("\n")
      .map((l) => l.replace(/#.*$/, "").trim())
      .filter(Boolean);
  }
  const list = (entries as unknown[]).map((e, i) => {
    if (typeof e === "string" && e.trim()) return e.trim();
    if (e && typeof e === "object" && typeof (e as { id?: unknown }).id === "string") {
      const { id, range } = e as { id: string; range?: string };
      return range ? `${id}@${range}` : id;
    }
    throw new BadUserInputError(
      `${file}: entry ${i + 1}: expected a key, an id or an id with a version range (or {id, range}), found ${JSON.stringify(e)}`,
    );
  });
  if (!list.length) throw new BadUserInputError(`${file}: the manifest lists no asset`);
  return list;
}

export function formatAudit(report: AuditModel, failAt: SeverityName): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    const a = f.advisory;
    lines.push(`${a.severity.padEnd(8)} ${a.category.padEnd(9)} ${a.id}  ${a.summary}`);
    for (const r of f.reaches) {
      const chain = [r.key, ...r.path.map((e) => `-${e.relation}-> ${e.to}`)].join(" ");
      lines.push(`    ${r.key}: ${r.effectiveSeverity} at depth ${r.depth}: ${chain}`);
    }
  }
  if (report.unknown.length) lines.push(`unknown (no record matches): ${report.unknown.join(", ")}`);
  const summary = SEVERITIES.slice()
    .reverse()
    .map((s) => `${report.bySeverity.find((c) => c.key === s)?.count ?? 0} ${s.toLowerCase()}`)
    .join(", ");
  lines.push(
    `${report.findings.length} advisor${report.findings.length === 1 ? "y" : "ies"} reach ${report.audited.length} audited asset${report.audited.length === 1 ? "" : "s"} (${summary}); ` +
      (report.failed ? `FAILED: a risk is at or above ${failAt}` : `passed: nothing at or above ${failAt}`),
  );
  return lines.join("\n") + "\n";
}

export async function auditCommand(manifest: string, opts: { failAt: string; json: boolean }): Promise<number> {
  const failAt = opts.failAt.toUpperCase() as SeverityName;
  if (!SEVERITIES.includes(failAt))
    throw new BadUserInputError(`--fail-at: expected one of ${SEVERITIES.join(", ")}, found ${opts.failAt}`);
  const keys = readManifest(manifest);
  const report = await withServices((services) => services.risk.audit(keys, failAt));
  process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + "\n" : formatAudit(report, failAt));
  return report.failed ? 1 : 0;
}
