// Published record pages, served: GET /records/ (the index) and /records/<key>.<html|md|tex|pdf|svg|dot>.
import type { Express } from "express";
import type { Logger } from "../log.js";
import { gatherPage } from "../publish/page.js";
import { fileStem, fromFileStem } from "../model/ids.js";
import { PAGE_TYPES, type PageFormat } from "../publish/render.js";
import type { PageRenderer } from "../publish/renderer.js";
import { indexEntries, indexHtml } from "../publish/site.js";
import type { Services } from "../services/services.js";
import { send, sendError } from "./errors.js";

export function recordRoutes(app: Express, services: Services, renderer: PageRenderer, log: Logger): void {
  // The index links its pages relatively (as the static site does): without the slash they would
  // resolve against /, so /records moves to /records/.
  app.get("/records", (req, res, next) => {
    if (req.path === "/records") res.redirect(301, "/records/");
    else next();
  });
  app.get(["/records/", "/records/index.html"], async (req, res) => {
    try {
      res.type("html").send(indexHtml(await indexEntries(services, req.viewer), new Date().toISOString()));
    } catch (err) {
      sendError(req, res, log, err, "records index");
    }
  });

  app.get("/records/:file", async (req, res) => {
    const m = /^(.+)\.(html|md|tex|pdf|svg|dot)$/.exec(req.params.file);
    if (!m) {
      send(req, res, "NOT_FOUND", `expected /records/<key>.<${Object.keys(PAGE_TYPES).join("|")}>`);
      return;
    }
    const [, stem, ext] = m as unknown as [string, string, PageFormat];
    // Pages link to each other by file stem (a qualified id's "/" and ":" escaped), as the static site names its files.
    const key = fromFileStem(stem);
    try {
      // Gathered here (Neo4j), laid out and rendered in a worker thread within its budget.
      const page = await gatherPage(services, key, new Date(), req.viewer);
      const body = await renderer.render(page, ext);
      res.setHeader("Content-Type", PAGE_TYPES[ext]);
      if (ext === "pdf" || ext === "tex") res.setHeader("Content-Disposition", `inline; filename="${fileStem(page.asset.key)}.${ext}"`);
      res.send(body);
    } catch (err) {
      sendError(req, res, log, err, "record page");
    }
  });
}
