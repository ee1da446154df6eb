// Opens the database the way `npm start`, the CLI and the tests all do: pick the Neo4j
// (provider.ts), connect with backoff, apply the schema.
import type { Config } from "./config.js";
import type { Logger } from "./log.js";
import { connect, Executor } from "./neo4j/executor.js";
import { provideNeo4j, type Neo4jTarget, type Purpose } from "./neo4j/provider.js";
import { applySchema } from "./neo4j/schema.js";

export interface OpenDatabase {
  target: Neo4jTarget;
  db: Executor;
  /** Closes the driver, then stops the Neo4j we started (if any). */
  close(): Promise<void>;
}

export async function openDatabase(config: Config, purpose: Purpose, log: Logger): Promise<OpenDatabase> {
  const target = await provideNeo4j(config, purpose, log);
  try {
    const driver = await connect(target, { retries: config.connectRetries, log });
    const db = new Executor(driver, target.database, log);
    const schema = await applySchema(db);
    log.debug(schema, "schema applied");
    return {
      target,
      db,
      close: async () => {
        await db.close();
        await target.stop();
      },
    };
  } catch (err) {
    await target.stop();
    throw err;
  }
}
