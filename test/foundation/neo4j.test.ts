// The run's Neo4j: a round trip, the schema bootstrap, and a clean failure when Neo4j is unreachable.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { Neo4jError } from "neo4j-driver";
import { LimitExceededError } from "../../src/errors.js";
import { readOnce, type Executor } from "../../src/neo4j/executor.js";
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

  it("a single read keeps its timeout (it runs as an auto-commit transaction): past it, LIMIT_EXCEEDED", async () => {
    const slow = { name: "test/slow-read", text: "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n" };
    const started = performance.now();
    const err = await db.read(slow, {}, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect([err instanceof LimitExceededError, (err as Error).message]).toEqual([
      true,
      "the query ran past its time budget and was stopped. Narrow it (a smaller maxDepth, fewer edge types, a smaller page) and ask again.",
    ]);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("one streamed statement in one round trip (readStatement): its rows, its timeout, a retried attempt started afresh, and no second statement", async () => {
    const range = { name: "test/range", text: "UNWIND range(1, $n) AS x RETURN x" };
    const seen: number[] = [];
    const count = await db.readStatement("test", async (tx) => {
      let n = 0;
      await tx.forEachRow(range, ["x"], { n: 5 }, (get) => {
        seen.push(Number(get("x")));
        n++;
      });
      return n;
    });
    expect([count, seen]).toEqual([5, [1, 2, 3, 4, 5]]);

    // An error the driver would retry: the work is called again, as a managed transaction.
    let attempts = 0;
    const retried = await db.readStatement("test", async (tx) => {
      if (++attempts === 1) throw new Neo4jError("gone", "ServiceUnavailable", "08000", "error: connection exception");
      return (await tx.run(range, { n: 2 })).map((r) => Number(r.x));
    });
    expect([attempts, retried]).toEqual([2, [1, 2]]);

    const twice = await db
      .readStatement("test/two", async (tx) => {
        await tx.run(range, { n: 1 });
        return tx.run(range, { n: 1 });
      })
      .catch((e: Error) => e.message);
    expect(twice).toBe("test/two runs one statement (readStatement): use readTransaction for more");

    const slow = { name: "test/slow-read", text: "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n" };
    const err = await db.readStatement("test/slow", (tx) => tx.run(slow, {}), { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitExceededError);
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

describe("a single read", () => {
  it("is asked again as a managed (retried) transaction only where the driver would retry its error", async () => {
    const calls: string[] = [];
    const failing = (code: string) => async () => {
      calls.push(`auto ${code}`);
      throw new Neo4jError("gone", code, "50N42", "error: general processing exception");
    };
    const managed = async () => {
      calls.push("managed");
      return ["row"];
    };
    expect(await readOnce(failing("ServiceUnavailable"), managed)).toEqual(["row"]);
    expect(await readOnce(failing("Neo.TransientError.General.DatabaseUnavailable"), managed)).toEqual(["row"]);
    const syntax = await readOnce(failing("Neo.ClientError.Statement.SyntaxError"), managed).catch(
      (e: unknown) => (e as { code: string }).code,
    );
    expect(syntax).toBe("Neo.ClientError.Statement.SyntaxError");
    expect(calls).toEqual([
      "auto ServiceUnavailable",
      "managed",
      "auto Neo.TransientError.General.DatabaseUnavailable",
      "managed",
      "auto Neo.ClientError.Statement.SyntaxError",
    ]);
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
