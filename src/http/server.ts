// The HTTP face: /graphql (Apollo), /healthz (the process is alive), /readyz (Neo4j answers).
import http from "node:http";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createContext } from "../graphql/context.js";
import { createApollo } from "../graphql/server.js";
import { exportRoutes } from "./export.routes.js";
import { recordRoutes } from "./records.routes.js";
import { finalHandlers } from "./errors.js";
import { requestId } from "./request-id.js";
import type { Logger } from "../log.js";
import type { Executor } from "../neo4j/executor.js";
import { Services } from "../services/services.js";

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(opts: { db: Executor; log: Logger; port: number; host?: string }): Promise<HttpServer> {
  const { db, log } = opts;
  const services = new Services(db, log);
  const app = express();
  app.disable("x-powered-by");
  app.use(requestId);
  const httpServer = http.createServer(app);
  const apollo = await createApollo(log, [ApolloServerPluginDrainHttpServer({ httpServer })]);
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
  exportRoutes(app, services, log);
  recordRoutes(app, services, log);
  app.use(
    "/graphql",
    express.json({ limit: "20mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext({ db, log, services, requestId: req.requestId, caller: req.header("x-umr-org") ?? "anonymous" }),
    }),
  );
  app.use(...finalHandlers(log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  const url = `http://localhost:${port}/graphql`;
  log.info({ url }, "GraphQL API listening");
  return {
    url,
    port,
    close: async () => {
      await apollo.stop(); // drains and closes the HTTP server
    },
  };
}
