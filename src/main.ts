// `npm start`: Neo4j (the local one unless NEO4J_URI is set), the schema, the demo data on an
// empty database, then the GraphQL API. SIGINT/SIGTERM close the HTTP server, the driver and
// the local Neo4j, in that order.
import "reflect-metadata";
import { openDatabase } from "./app.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./log.js";
import { startHttpServer } from "./http/server.js";
import { seedDemo } from "./services/demo.js";
import { Services } from "./services/services.js";
import type { Neo4jTarget } from "./neo4j/provider.js";

/** How often a lost local Neo4j is restarted (backoff from 1 s, doubling) before umr-graph gives up. */
const RESTART_ATTEMPTS = 5;

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  let shuttingDown = false;
  let cleanup: (() => Promise<void>) | undefined;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, "shutting down");
    try {
      await cleanup?.();
      log.info("stopped");
      process.exit(0);
    } catch (err) {
      log.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  /**
   * The local Neo4j is ours to keep alive: when it is lost (a crash, a kill -9), restart it with
   * backoff — /readyz answers 503 meanwhile and the driver reconnects on its own — or, when it
   * cannot be restarted, exit non-zero so that a process manager can.
   */
  const supervise = async (supervision: Neo4jTarget["supervision"]) => {
    if (!supervision) return;
    for (;;) {
      const code = await supervision.lost();
      if (shuttingDown) return;
      log.error({ code }, "the local Neo4j exited unexpectedly; restarting it");
      let restarted = false;
      for (let attempt = 1, delay = 1000; attempt <= RESTART_ATTEMPTS && !shuttingDown; attempt++, delay *= 2) {
        try {
          const r = await supervision.restart();
          log.info({ attempt, jvmPid: r.pid, uri: r.uri }, "local Neo4j restarted; umr-graph is ready again");
          restarted = true;
          break;
        } catch (err) {
          log.error({ attempt, err: err instanceof Error ? err.message : err, retryInMs: delay }, "restarting the local Neo4j failed");
          await new Promise((r) => setTimeout(r, delay));
        }
      }
      if (shuttingDown) return;
      if (!restarted) {
        log.fatal({ attempts: RESTART_ATTEMPTS }, "the local Neo4j could not be restarted; exiting so that a process manager can");
        await cleanup?.().catch(() => {});
        process.exit(1);
      }
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    const database = await openDatabase(config, "start", log);
    cleanup = () => database.close();
    if (config.seedDemo) await seedDemo(new Services(database.db, log), log);
    const http = await startHttpServer({ db: database.db, log, port: config.port, host: config.host });
    cleanup = async () => {
      await http.close();
      await database.close();
    };
    if (shuttingDown) return;
    log.info({ graphql: http.url, neo4j: database.target.uri, neo4jKind: database.target.kind }, "umr-graph is ready");
    void supervise(database.target.supervision);
  } catch (err) {
    log.fatal({ err: err instanceof Error ? err.message : err }, "umr-graph could not start");
    await cleanup?.().catch(() => {});
    process.exitCode = 1;
    // Give pino a moment, then leave even if a handle is still open.
    setTimeout(() => process.exit(1), 100).unref();
  }
}

void main();
