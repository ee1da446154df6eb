// Test access to the run's Neo4j: an executor per test file, and a wipe for files that
// rebuild the whole graph (Neo4j Community has one database, so files take turns).
import { inject } from "vitest";
import { silentLogger } from "../../src/log.js";
import { connect, Executor } from "../../src/neo4j/executor.js";
import { applySchema } from "../../src/neo4j/schema.js";

export function neo4jCredentials() {
  return inject("neo4j");
}

export async function openTestDb(): Promise<Executor> {
  const creds = neo4jCredentials();
  const driver = await connect(creds, { retries: 3, log: silentLogger });
  const db = new Executor(driver, creds.database, silentLogger);
  await applySchema(db);
  return db;
}

/** Removes every node and relationship (the schema stays). */
export async function wipe(db: Executor): Promise<void> {
  const session = db.driver.session(creds());
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
}

function creds() {
  const c = neo4jCredentials();
  return c.database ? { database: c.database } : {};
}
