// HTTP downloads of exports and evidence bundles, with Content-Type and Content-Disposition.
//   GET /export?roots=plip,clip&direction=UPSTREAM&maxDepth=3&format=GRAPHML (&asOf=<ISO time>)
//   GET /export/bundle?roots=plip&direction=UPSTREAM
//   GET /blast-radius.csv?key=laion-5b (or advisoryId=...; maxDepth, relations=a,b): every affected asset, streamed
import type { Express, Request } from "express";
import { buildBundle, BUNDLE_CONTENT_TYPE } from "../export/bundle.js";
import { checkAsOf } from "../services/limits.js";
import { exportSubgraph } from "../export/export.js";
import { allExporters } from "../export/registry.js";
import type { Logger } from "../log.js";
import type { AffectedRow } from "../services/risk.service.js";
import type { Services } from "../services/services.js";
import type { DirectionName } from "../model/vocab.js";
import { csvField } from "../export/formats/csv.js";
import { send, sendError } from "./errors.js";
import { registryFilterOf } from "../services/registry-report.js";
import { registryCsv } from "../export/registry-csv.js";
import { registryReport } from "../services/registry-report.js";

function registryFilter(req: Request) {
  const one = (name: string) => (typeof req.query[name] === "string" ? req.query[name] : null);
  return registryFilterOf({
    kind: one("kind"),
    publisher: one("publisher"),
    minTrainingFlop: one("minTrainingFlop"),
    minParameterCount: one("minParameterCount"),
    access: one("access"),
    trainedOn: one("trainedOn"),
  });
}

function params(req: Request) {
  const roots = String(req.query.roots ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  const direction = String(req.query.direction ?? "UPSTREAM").toUpperCase() as DirectionName;
  const maxDepth = req.query.maxDepth ? Number(req.query.maxDepth) : null;
  const asOf = typeof req.query.asOf === "string" && req.query.asOf ? checkAsOf(req.query.asOf) : null;
  return { roots, direction, maxDepth, asOf };
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");

export function exportRoutes(app: Express, services: Services, log: Logger): void {
  app.get("/export", async (req, res) => {
    try {
      const { roots, direction, maxDepth, asOf } = params(req);
      const format = String(req.query.format ?? "JSON").toUpperCase();
      const names = allExporters().map((e) => e.name);
      if (!roots.length || !names.includes(format) || !["UPSTREAM", "DOWNSTREAM"].includes(direction)) {
        send(req, res, "BAD_USER_INPUT", `expected ?roots=<key,...>&direction=UPSTREAM|DOWNSTREAM&format=${names.join("|")}[&maxDepth=N]`);
        return;
      }
      const result = await exportSubgraph(services.exports, roots, direction, maxDepth, format, req.viewer, asOf);
      const ext = result.extension;
      res.setHeader("Content-Type", `${result.contentType}; charset=utf-8`);
      res.setHeader("Content-Disposition", `attachment; filename="umr-${safe(roots.join("+"))}-${direction.toLowerCase()}.${ext}"`);
      res.send(result.content);
    } catch (err) {
      sendError(req, res, log, err, "export");
    }
  });

  app.get("/export/bundle", async (req, res) => {
    try {
      const { roots, direction, maxDepth, asOf } = params(req);
      if (!roots.length || !["UPSTREAM", "DOWNSTREAM"].includes(direction)) {
        send(req, res, "BAD_USER_INPUT", "expected ?roots=<key,...>&direction=UPSTREAM|DOWNSTREAM[&maxDepth=N]");
        return;
      }
      const bundle = await buildBundle(services.exports, { roots, direction, maxDepth, ...(asOf ? { asOf } : {}) }, new Date(), req.viewer);
      res.setHeader("Content-Type", BUNDLE_CONTENT_TYPE);
      res.setHeader("Content-Disposition", `attachment; filename="umr-evidence-${safe(roots.join("+"))}-${direction.toLowerCase()}.tar"`);
      res.send(bundle);
    } catch (err) {
      sendError(req, res, log, err, "export");
    }
  });

  // The registry report: GET /registry.csv (or .json)?minTrainingFlop=1e25&trainedOn=laion-5b
  // (also minParameterCount, access, publisher, kind; models unless kind says otherwise).
  app.get(["/registry.csv", "/registry.json"], async (req, res) => {
    try {
      const filter = registryFilter(req);
      const rows = await registryReport(services.assets, filter, req.viewer);
      if (req.path.endsWith(".json")) {
        res.json({ filter, count: rows.length, models: rows });
        return;
      }
      res.setHeader("Content-Type", "text/csv; charset=utf-8");
      res.setHeader("Content-Disposition", 'attachment; filename="registry.csv"');
      res.send(registryCsv(rows));
    } catch (err) {
      sendError(req, res, log, err, "registry report");
    }
  });

  app.get("/blast-radius.csv", async (req, res) => {
    const key = typeof req.query.key === "string" ? req.query.key : null;
    const advisoryId = typeof req.query.advisoryId === "string" ? req.query.advisoryId : null;
    const relations = typeof req.query.relations === "string" ? req.query.relations.split(",").filter(Boolean) : null;
    const maxDepth = req.query.maxDepth ? Number(req.query.maxDepth) : null;
    let slices: AsyncIterable<AffectedRow[]>;
    try {
      slices = await services.risk.blastRadiusRows({ key, advisoryId, relations, maxDepth }, req.viewer);
    } catch (err) {
      sendError(req, res, log, err, "blast radius download");
      return;
    }
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="blast-radius-${safe(key ?? advisoryId ?? "")}.csv"`);
    res.write(BLAST_RADIUS_COLUMNS.join(",") + "\r\n");
    // Streamed a slice at a time: after each, other requests get a turn, and a slow client is
    // waited for (drain) instead of buffered.
    for await (const slice of slices) {
      if (res.destroyed) return;
      const flushed = res.write(slice.map(blastRadiusLine).join(""));
      await new Promise((resolve) => (flushed ? setImmediate(resolve) : res.once("drain", resolve)));
    }
    res.end();
  });
}

export const BLAST_RADIUS_COLUMNS = [
  "depth",
  "key",
  "name",
  "kind",
  "publisher",
  "owner",
  "contacts",
  "effectiveSeverity",
  "advisory",
  "via",
];

function blastRadiusLine(r: AffectedRow): string {
  const via = r.path.map((e) => `${e.from} -${e.relation}-> ${e.to}`).join("; ");
  return (
    [r.depth, r.key, r.name, r.kind, r.publisher, r.owner, r.contacts.join(" "), r.effectiveSeverity, r.advisory, via]
      .map(csvField)
      .join(",") + "\r\n"
  );
}
