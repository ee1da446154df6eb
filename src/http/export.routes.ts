// HTTP downloads of exports and evidence bundles, with Content-Type and Content-Disposition.
//   GET /export?roots=plip,clip&direction=UPSTREAM&maxDepth=3&format=GRAPHML
//   GET /export/bundle?roots=plip&direction=UPSTREAM
import type { Express, Request, Response } from "express";
import { DomainError } from "../errors.js";
import { buildBundle, BUNDLE_CONTENT_TYPE } from "../export/bundle.js";
import { CONTENT_TYPES, type ExportFormatName } from "../export/formats.js";
import type { Logger } from "../log.js";
import type { Services } from "../services/services.js";
import type { DirectionName } from "../services/traversal.js";

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, LIMIT_EXCEEDED: 413, SERVICE_UNAVAILABLE: 503 };

function params(req: Request) {
  const roots = String(req.query.roots ?? "").split(",").map((r) => r.trim()).filter(Boolean);
  const direction = String(req.query.direction ?? "UPSTREAM").toUpperCase() as DirectionName;
  const maxDepth = req.query.maxDepth ? Number(req.query.maxDepth) : null;
  return { roots, direction, maxDepth };
}

function fail(res: Response, log: Logger, err: unknown) {
  if (err instanceof DomainError) {
    res.status(STATUS[err.code] ?? 400).json({ error: err.message, code: err.code });
    return;
  }
  log.error({ err }, "export failed");
  res.status(500).json({ error: "Internal server error: the error was logged on the server.", code: "INTERNAL_SERVER_ERROR" });
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");

export function exportRoutes(app: Express, services: Services, log: Logger): void {
  app.get("/export", async (req, res) => {
    try {
      const { roots, direction, maxDepth } = params(req);
      const format = String(req.query.format ?? "JSON").toUpperCase() as ExportFormatName;
      if (!roots.length || !(format in CONTENT_TYPES) || !["UPSTREAM", "DOWNSTREAM"].includes(direction)) {
        res.status(400).json({ error: "expected ?roots=<key,...>&direction=UPSTREAM|DOWNSTREAM&format=JSON|GRAPHML|DOT|CSV|CYPHER[&maxDepth=N]", code: "BAD_USER_INPUT" });
        return;
      }
      const result = await services.exports.export(roots, direction, maxDepth, format);
      const ext = { JSON: "json", GRAPHML: "graphml", DOT: "dot", CSV: "csv", CYPHER: "cypher" }[format];
      res.setHeader("Content-Type", `${result.contentType}; charset=utf-8`);
      res.setHeader("Content-Disposition", `attachment; filename="umr-${safe(roots.join("+"))}-${direction.toLowerCase()}.${ext}"`);
      res.send(result.content);
    } catch (err) {
      fail(res, log, err);
    }
  });

  app.get("/export/bundle", async (req, res) => {
    try {
      const { roots, direction, maxDepth } = params(req);
      if (!roots.length || !["UPSTREAM", "DOWNSTREAM"].includes(direction)) {
        res.status(400).json({ error: "expected ?roots=<key,...>&direction=UPSTREAM|DOWNSTREAM[&maxDepth=N]", code: "BAD_USER_INPUT" });
        return;
      }
      const bundle = await buildBundle(services.exports, { roots, direction, maxDepth });
      res.setHeader("Content-Type", BUNDLE_CONTENT_TYPE);
      res.setHeader("Content-Disposition", `attachment; filename="umr-evidence-${safe(roots.join("+"))}-${direction.toLowerCase()}.tar"`);
      res.send(bundle);
    } catch (err) {
      fail(res, log, err);
    }
  });
}
