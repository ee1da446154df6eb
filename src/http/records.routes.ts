// Published record pages, served: GET /records/ (the index) and /records/<key>.<html|md|tex|pdf|svg|dot>.
import type { Express } from "express";
import type { Logger } from "../log.js";
import { buildPage } from "../publish/page.js";
import { PAGE_TYPES, renderPage, type PageFormat } from "../publish/render.js";
import { allKeys, indexHtml } from "../publish/site.js";
import type { Services } from "../services/services.js";
import { sendError } from "./errors.js";

export function recordRoutes(app: Express, services: Services, log: Logger): void {
  app.get(["/records", "/records/", "/records/index.html"], async (_req, res) => {
    try {
      const keys = await allKeys(services);
      const assets = await services.assets.byKeys(keys);
      const entries = assets
        .filter((a) => a !== null)
        .map((a) => ({ key: a.key, name: a.name, kind: a.kind, publisher: a.publisher, highestSeverity: null }));
      res.type("html").send(indexHtml(entries, new Date().toISOString()));
    } catch (err) {
      sendError(res, log, err, "records index");
    }
  });

  app.get("/records/:file", async (req, res) => {
    const m = /^(.+)\.(html|md|tex|pdf|svg|dot)$/.exec(req.params.file);
    if (!m) {
      res.status(404).json({ error: `expected /records/<key>.<${Object.keys(PAGE_TYPES).join("|")}>`, code: "NOT_FOUND" });
      return;
    }
    const [, key, ext] = m as unknown as [string, string, PageFormat];
    try {
      const page = await buildPage(services, key);
      const body = await renderPage(page, ext);
      res.setHeader("Content-Type", PAGE_TYPES[ext]);
      if (ext === "pdf" || ext === "tex") res.setHeader("Content-Disposition", `inline; filename="${page.asset.key}.${ext}"`);
      res.send(body);
    } catch (err) {
      sendError(res, log, err, "record page");
    }
  });
}
