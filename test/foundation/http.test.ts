// The HTTP face, over real HTTP: health, readiness (and its 503 when Neo4j does not answer), GraphQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { createDriver, Executor } from "../../src/neo4j/executor.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { openTestDb } from "../helpers/db.js";

let db: Executor;
let server: HttpServer;
beforeAll(async () => {
  db = await openTestDb();
  server = await startHttpServer({ db, log: silentLogger, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const base = () => `http://127.0.0.1:${server.port}`;

describe("HTTP endpoints", () => {
  it("GET /healthz answers 200 while the process lives", async () => {
    const res = await fetch(`${base()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz answers 200 when Neo4j answers", async () => {
    const res = await fetch(`${base()}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
  });

  it("GET /readyz answers 503 with a reason when Neo4j does not answer", async () => {
    const dead = new Executor(createDriver({ uri: "bolt://127.0.0.1:9", user: "neo4j", password: "" }), undefined, silentLogger);
    const other = await startHttpServer({ db: dead, log: silentLogger, port: 0 });
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; reason: string };
      expect(body.status).toBe("unavailable");
      expect(body.reason).toMatch(/^Neo4j does not answer: /);
    } finally {
      await other.close();
      await dead.close();
    }
  });

  it("POST /graphql answers a query", async () => {
    const res = await fetch(`${base()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ asset(key: "no-such-asset-anywhere") { key } }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { asset: null } });
  });
});
