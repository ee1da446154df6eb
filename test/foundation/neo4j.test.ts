// The run's Neo4j: a round trip, the schema bootstrap, and a clean failure when Neo4j is unreachable.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { applySchema } from "../../src/neo4j/schema.js";
import { neo4jCredentials, openTestDb } from "../helpers/db.js";

let db: Executor;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.close());

describe("the test run's Neo4j", () => {
  it("uses NEO4J_URI when it is set, and otherwise a local server this run started", () => {
    const creds = neo4jCredentials();
    if (process.env.NEO4J_URI) {
      expect(creds.kind).toBe("external");
      expect(creds.uri).toBe(process.env.NEO4J_URI);
    } else {
      expect(["local", "docker"]).toContain(creds.kind);
    }
  });

  it("writes and reads back a node", async () => {
    const id = `roundtrip-${process.pid}-${Date.now()}`;
    const session = db.driver.session();
    try {
      await session.executeWrite((tx) => tx.run("CREATE (:RoundTrip {id: $id, n: 7, tags: ['a', 'b']})", { id }));
      const res = await session.executeRead((tx) => tx.run("MATCH (r:RoundTrip {id: $id}) RETURN r.n AS n, r.tags AS tags", { id }));
      expect(res.records.map((r) => [r.get("n"), r.get("tags")])).toEqual([[7, ["a", "b"]]]);
      await session.executeWrite((tx) => tx.run("MATCH (r:RoundTrip {id: $id}) DELETE r", { id }));
    } finally {
      await session.close();
    }
  });

  it("has the constraints and indexes of cypher/schema, and applying them again changes nothing", async () => {
    const names = async () => {
      const session = db.driver.session();
      try {
        const c = await session.run(
          "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name",
        );
        const i = await session.run(
          "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state WHERE type <> 'LOOKUP' RETURN name, type, labelsOrTypes, properties, state ORDER BY name",
        );
        return { constraints: c.records.map((r) => r.toObject()), indexes: i.records.map((r) => r.toObject()) };
      } finally {
        await session.close();
      }
    };
    const before = await names();
    expect(before.constraints).toEqual(
      expect.arrayContaining([
        { name: "asset_key_unique", type: "UNIQUENESS", labelsOrTypes: ["Asset"], properties: ["key"] },
        { name: "advisory_id_unique", type: "UNIQUENESS", labelsOrTypes: ["Advisory"], properties: ["id"] },
      ]),
    );
    expect(before.indexes).toEqual(
      expect.arrayContaining([
        { name: "asset_id", type: "RANGE", labelsOrTypes: ["Asset"], properties: ["id"], state: "ONLINE" },
        { name: "asset_text", type: "FULLTEXT", labelsOrTypes: ["Asset"], properties: ["id", "name", "description"], state: "ONLINE" },
      ]),
    );
    await applySchema(db);
    expect(await names()).toEqual(before);
  });
});

describe("start-up without a reachable Neo4j", () => {
  it("retries, then exits with code 1 and a message that says what to do", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(projectRoot, "src/main.ts")], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: "bolt://127.0.0.1:9", UMR_CONNECT_RETRIES: "1", LOG_FORMAT: "json", PORT: "0" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const fatal = r.stderr
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: string })
      .find((e) => e.level === 60);
    expect(fatal?.msg).toBe("umr-graph could not start");
    expect(fatal?.err).toContain("cannot reach Neo4j at bolt://127.0.0.1:9 after 2 attempts");
    expect(fatal?.err).toContain("What to do:");
  });
});
