// The explorer (a single-page app) at /, its deep links (/assets/<key>, /advisories/<id>, /audit),
// and the GraphQL IDE at /graphiql: built by `npm run build` into dist/web, served from here with
// no other origin involved.
import fs from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import { projectRoot } from "../config.js";
import type { Logger } from "../log.js";
import { send } from "./errors.js";

export const WEB_DIR = path.join(projectRoot, "dist", "web");
/** The explorer's own paths: each answers with the app, which shows the view the path names. */
export const EXPLORER_PATHS = ["/", "/assets/*rest", "/advisories", "/advisories/*rest", "/audit"];

export function webRoutes(app: Express, log: Logger, dir = WEB_DIR): void {
  const index = path.join(dir, "index.html");
  const ide = path.join(dir, "graphiql.html");
  if (!fs.existsSync(index)) log.warn({ dir }, "the explorer is not built (npm run build): / and /graphiql answer 503");
  const notBuilt = (req: express.Request, res: express.Response) =>
    send(req, res, "SERVICE_UNAVAILABLE", "the explorer is not built on this server: run npm run build, then start again");
  // Hashed file names: cached for a year; the pages themselves are always asked again.
  app.use("/static", express.static(path.join(dir, "static"), { immutable: true, maxAge: "365d", index: false, fallthrough: false }));
  const page = (file: string) => (req: express.Request, res: express.Response) => {
    if (!fs.existsSync(file)) return notBuilt(req, res);
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(file);
  };
  app.get(EXPLORER_PATHS, page(index));
  app.get(["/graphiql", "/graphiql/"], page(ide));
}

/**
 * Before /graphql's own handler: a browser that opens /graphql gets the IDE (Apollo's landing
 * page, which loads from a CDN, is off).
 */
export function ideRedirect(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (req.method === "GET" && req.accepts(["application/json", "text/html"]) === "text/html" && !req.query.query)
    res.redirect(302, "/graphiql");
  else next();
}
