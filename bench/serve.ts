// One API server as its own process, so that the bench measures it apart from itself (its peak
// RSS, its CPU): connects to NEO4J_URI, prints {"url"} as one JSON line on stdout, and closes on
// SIGTERM. The bench lifts the per-address rate limit (UMR_RATE_LIMIT_PER_MINUTE) and sets the
// kept answers (UMR_CACHE_MB) in its environment.
import { loadCacheSettings, loadSecurity } from "../src/config.js";
import { startHttpServer } from "../src/http/server.js";
import { createLogger } from "../src/log.js";
import { connect, Executor } from "../src/neo4j/executor.js";

// Served as `npm start` serves it (compiled, no source maps): tsx maps every stack trace to the
// TypeScript source, which the Neo4j driver makes one of for every result.
process.setSourceMapsEnabled(false);
const env = process.env;
const log = createLogger(env.LOG_LEVEL ?? "warn", "bench-server");
const creds = { uri: env.NEO4J_URI!, user: env.NEO4J_USER ?? "neo4j", password: env.NEO4J_PASSWORD ?? "" };
const driver = await connect(creds, { retries: 3, log });
const db = new Executor(driver, env.NEO4J_DATABASE || undefined, log);
const server = await startHttpServer({ db, log, port: 0, security: loadSecurity(), cache: loadCacheSettings() });
process.stdout.write(JSON.stringify({ url: server.url }) + "\n");
process.once("SIGTERM", () => {
  void server
    .close()
    .then(() => db.close())
    .finally(() => process.exit(0));
});
