// Starts (or finds) the one Neo4j this test run uses, by the same rule as `npm start`
// (src/neo4j/provider.ts), and hands its credentials to the tests through `inject("neo4j")`.
import type { TestProject } from "vitest/node";
import { loadConfig, type Neo4jCredentials } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { provideNeo4j } from "../../src/neo4j/provider.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Neo4jCredentials & { kind: string; pid: number | null };
  }
}

export default async function setup(project: TestProject) {
  const log = createLogger(process.env.LOG_LEVEL ?? "warn", "test-neo4j");
  const started = Date.now();
  const target = await provideNeo4j(loadConfig(), "test", log);
  process.stderr.write(`[umr-graph tests] Neo4j (${target.kind}) at ${target.uri}, ready in ${Date.now() - started} ms\n`);
  project.provide("neo4j", {
    uri: target.uri,
    user: target.user,
    password: target.password,
    ...(target.database ? { database: target.database } : {}),
    kind: target.kind,
    pid: target.pid ?? null,
  });
  return async () => {
    await target.stop();
  };
}
