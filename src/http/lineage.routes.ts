// POST /api/v1/lineage: the endpoint OpenLineage clients send RunEvents to (as to Marquez). An
// event goes through the same import and ingest as `umr ingest --format openlineage`: a COMPLETE
// run's outputs become records built from its inputs; other events are read and write nothing.
// Writes need an API key that may ingest (Authorization: Bearer, as OpenLineage's HTTP transport sends it).
import express, { type Express } from "express";
import { authorize } from "../model/authz.js";
import type { Logger } from "../log.js";
import { parseInputs } from "../records/load.js";
import type { Services } from "../services/services.js";
import { send, sendError } from "./errors.js";

export function lineageRoutes(app: Express, services: Services, log: Logger, bodyLimitBytes: number): void {
  app.post("/api/v1/lineage", express.json({ limit: bodyLimitBytes }), async (req, res) => {
    try {
      authorize(req.viewer, "ingest");
      const body = req.body as Record<string, unknown> | undefined;
      if (!body || typeof body !== "object" || Array.isArray(body)) {
        send(req, res, "BAD_USER_INPUT", "expected an OpenLineage RunEvent (a JSON object) as the body");
        return;
      }
      const runId = String((body.run as Record<string, unknown> | undefined)?.runId ?? "event");
      const loaded = parseInputs(
        [{ source: `lineage-${runId.replace(/[^A-Za-z0-9-]/g, "")}.json`, content: JSON.stringify(body) }],
        "openlineage",
      );
      const report = await services.ingest.ingest(loaded, { viewer: req.viewer });
      const errors = report.problems.filter((p) => p.severity === "error");
      if (errors.length) {
        const conflict = errors.some((p) => p.code === "CONFLICT");
        res.status(conflict ? 409 : 400).json({
          error: errors.map((p) => `${p.path}: ${p.message}`).join("; "),
          code: conflict ? "CONFLICT" : "BAD_USER_INPUT",
          requestId: req.requestId,
          problems: report.problems,
        });
        return;
      }
      res.status(201).json({
        accepted: report.accepted,
        unchanged: report.unchanged,
        placeholders: report.placeholders,
        keys: report.acceptedKeys,
        requestId: req.requestId,
      });
    } catch (err) {
      sendError(req, res, log, err, "OpenLineage event");
    }
  });
}
