// HTTP downloads of exports and evidence bundles, with Content-Type and Content-Disposition.
//   GET /export?roots=plip,clip&direction=UPSTREAM&maxDepth=3&format=GRAPHML
//   GET /export/bundle?roots=plip&direction=UPSTREAM
import type { Express, Request } from "express";
import { buildBundle, BUNDLE_CONTENT_TYPE } from "../export/bundle.js";
import { exportSubgraph } from "../export/export.js";
import { allExporters } from "../export/registry.js";
import type { Logger } from "../log.js";
import type { Services } from "../services/services.js";
import type { DirectionName } from "../model/vocab.js";
import { send, sendError } from "./errors.js";

function params(req: Request) {
  const roots = String(req.query.roots ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  const direction = String(req.query.direction ?? "UPSTREAM").toUpperCase() as DirectionName;
  const maxDepth = req.query.maxDepth ? Number(req.query.maxDepth) : null;
  return { roots, direction, maxDepth };
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");

export function exportRoutes(app: Express, services: Services, log: Logger): void {
  app.get("/export", async (req, res) => {
    try {
      const { roots, direction, maxDepth } = params(req);
      const format = String(req.query.format ?? "JSON").toUpperCase();
      const names = allExporters().map((e) => e.name);
      if (!roots.length || !names.includes(format) || !["UPSTREAM", "DOWNSTREAM"].includes(direction)) {
        send(req, res, "BAD_USER_INPUT", `expected ?roots=<key,...>&direction=UPSTREAM|DOWNSTREAM&format=${names.join("|")}[&maxDepth=N]`);
        return;
      }
      const result = await exportSubgraph(services.exports, roots, direction, maxDepth, format, req.viewer);
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
      const { roots, direction, maxDepth } = params(req);
      if (!roots.length || !["UPSTREAM", "DOWNSTREAM"].includes(direction)) {
        send(req, res, "BAD_USER_INPUT", "expected ?roots=<key,...>&direction=UPSTREAM|DOWNSTREAM[&maxDepth=N]");
        return;
      }
      const bundle = await buildBundle(services.exports, { roots, direction, maxDepth }, new Date(), req.viewer);
      res.setHeader("Content-Type", BUNDLE_CONTENT_TYPE);
      res.setHeader("Content-Disposition", `attachment; filename="umr-evidence-${safe(roots.join("+"))}-${direction.toLowerCase()}.tar"`);
      res.send(bundle);
    } catch (err) {
      sendError(req, res, log, err, "export");
    }
  });
}
