// The HTTP face: /graphql (Apollo; subscriptions over WebSocket), /healthz (the process is alive), /readyz (Neo4j answers).
import http from "node:http";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createContext } from "../graphql/context.js";
import { createApollo } from "../graphql/server.js";
import { lineageRoutes } from "./lineage.routes.js";
import { exportRoutes } from "./export.routes.js";
import { recordRoutes } from "./records.routes.js";
import { ideRedirect, webRoutes } from "./web.routes.js";
import { PageRenderer } from "../publish/renderer.js";
import cors from "cors";
import { rateLimit, ipKeyGenerator } from "express-rate-limit";
import helmet from "helmet";
import { loadNotifySettings, loadSecurity, type CacheSettings, type NotifySettings, type SecuritySettings } from "../config.js";
import { IdentityService } from "../services/identity.service.js";
import { finalHandlers, send } from "./errors.js";
import { identity } from "./identity.js";
import { requestId } from "./request-id.js";
import { BOOKMARK_HEADER } from "../neo4j/bookmarks.js";
import type { Logger } from "../log.js";
import type { Executor } from "../neo4j/executor.js";
import { Services } from "../services/services.js";
import { refreshWalkIndex } from "../services/walk-in-neo4j.js";
import { startSubscriptions } from "./subscriptions.js";

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  db: Executor;
  log: Logger;
  port: number;
  host?: string;
  /** Credentials, CORS, limits; the environment's (config.ts) when not given. */
  security?: SecuritySettings;
  /** Where the built explorer is (dist/web by default). */
  webDir?: string;
  /** The answers kept for their next pages (the environment's, config.ts, when not given). */
  cache?: CacheSettings;
  /** Watches' notifications and webhooks (the environment's, config.ts, when not given). */
  notify?: NotifySettings;
}

export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const { db, log } = opts;
  const security = opts.security ?? loadSecurity();
  const services = new Services(db, log, undefined, opts.cache, opts.notify ?? loadNotifySettings());
  const identityService = new IdentityService(services.keys, security);
  const renderer = new PageRenderer({ budgetMs: security.renderBudgetMs });
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(requestId(security.requestBudgetMs));
  // Standard security headers; the explorer and the GraphQL IDE are same-origin bundles.
  app.use(
    helmet({
      // The explorer is often reached over plain HTTP inside a network (or on localhost):
      // upgrading its own requests to HTTPS would break it. TLS is the proxy's job.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  if (security.corsOrigins.length)
    app.use(
      cors({
        origin: security.corsOrigins,
        allowedHeaders: ["content-type", "authorization", "x-request-id", BOOKMARK_HEADER],
        exposedHeaders: ["x-request-id", BOOKMARK_HEADER, "retry-after"],
      }),
    );
  const httpServer = http.createServer(app);
  const apollo = await createApollo(log, [ApolloServerPluginDrainHttpServer({ httpServer })], { introspection: security.introspection });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (req, res) => {
    try {
      await db.driver.getServerInfo(db.database ? { database: db.database } : {});
      res.json({ status: "ready" });
    } catch (err) {
      log.warn({ err, requestId: req.requestId }, "readiness check: Neo4j does not answer");
      res.status(503).json({ status: "unavailable", reason: "Neo4j does not answer", requestId: req.requestId });
    }
  });
  // Who asks, then how often: per credential, and per address for anonymous callers.
  app.use(identity(identityService, log));
  app.use(
    rateLimit({
      windowMs: 60_000,
      limit: security.rateLimitPerMinute,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      keyGenerator: (req) =>
        req.viewer.credentialId ? `credential:${req.viewer.credentialId}` : `address:${ipKeyGenerator(req.ip ?? "")}`,
      handler: (req, res) =>
        send(req, res, "RATE_LIMITED", `more than ${security.rateLimitPerMinute} requests a minute; wait for Retry-After seconds`),
    }),
  );
  // GraphQL first: most requests are its, and each route before it is a match tried and failed.
  app.use(
    "/graphql",
    ideRedirect,
    express.json({ limit: security.bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext({ db, log, services, requestId: req.requestId, viewer: req.viewer }),
    }),
  );
  exportRoutes(app, services, log);
  lineageRoutes(app, services, log, security.bodyLimitBytes);
  recordRoutes(app, services, renderer, log);
  webRoutes(app, log, opts.webDir);
  app.use(...finalHandlers(log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve());
  });
  const subscriptions = await startSubscriptions({ httpServer, db, log, services, identity: identityService });
  services.notifier.start();
  // After a write, the lineage index of the new graph starts building inside Neo4j (where the procedure is).
  const stopRefreshing = db.onGraphChange(() => void refreshWalkIndex(db, log));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  const url = `http://localhost:${port}/graphql`;
  log.info({ url }, "GraphQL API listening");
  return {
    url,
    port,
    close: async () => {
      stopRefreshing();
      await services.notifier.stop();
      await subscriptions.close();
      await apollo.stop(); // drains and closes the HTTP server
      await renderer.close();
    },
  };
}
