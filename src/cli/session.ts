// A CLI command's database session: the same rule as `npm start` (NEO4J_URI, a running local
// Neo4j, or a new local one), closed when the command ends.
import { openDatabase, type OpenDatabase } from "../app.js";
import { loadConfig } from "../config.js";
import { createLogger, type Logger } from "../log.js";
import { Services } from "../services/services.js";

export async function withServices<T>(fn: (services: Services, log: Logger) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? "warn", "umr");
  const database: OpenDatabase = await openDatabase(config, "cli", log);
  try {
    return await fn(new Services(database.db, log), log);
  } finally {
    await database.close();
  }
}
