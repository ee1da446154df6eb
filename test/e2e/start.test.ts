// `npm start`'s entry point, end to end: Neo4j, demo seeding, HTTP, clean shutdown.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { alive, exited, startMain } from "../helpers/spawn.js";

let db: Executor;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.close());

async function gql(url: string, query: string) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

describe("npm start against the run's Neo4j (NEO4J_URI)", () => {
  it("seeds the demo into an empty graph, serves /readyz and GraphQL, and stops cleanly on SIGTERM", async () => {
    await wipe(db);
    const creds = neo4jCredentials();
    const { child, logs, ready } = await startMain({ NEO4J_URI: creds.uri, NEO4J_USER: creds.user, NEO4J_PASSWORD: creds.password });
    try {
      expect(ready.neo4jKind).toBe("external");
      const url = ready.graphql as string;
      const base = url.replace(/\/graphql$/, "");
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect(logs.some((l) => l.msg.startsWith("seeded the demo records"))).toBe(true);
      // Seeding says what it does while it does it.
      expect(logs.find((l) => l.msg.startsWith("seeding the demo records ("))?.records).toBe(92);
      expect(
        logs.filter((l) => l.msg === "seeding the demo records").map((l) => `${String(l.phase)} ${String(l.done)}/${String(l.total)}`),
      ).toEqual(["records 92/92", "edges 27/89", "edges 89/89"]);
      const answer = await gql(url, `{ asset(key: "plip") { key upstream { relation to { key } } } assets { totalCount } }`);
      expect(answer).toEqual({
        data: {
          asset: {
            key: "plip@1.0.0",
            upstream: [
              { relation: "derived_from", to: { key: "clip@1.0.0" } },
              { relation: "trained_on", to: { key: "laion-5b@1.0.0" } },
              { relation: "trained_on", to: { key: "pathology-twitter@1.0.0" } },
            ],
          },
          assets: { totalCount: 92 },
        },
      });
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited(child)).toBe(0);
    expect(logs.map((l) => l.msg)).toContain("stopped");
  });

  it("does not seed a graph that already holds assets", async () => {
    const creds = neo4jCredentials();
    const { child, logs } = await startMain({ NEO4J_URI: creds.uri, NEO4J_USER: creds.user, NEO4J_PASSWORD: creds.password });
    child.kill("SIGINT");
    expect(await exited(child)).toBe(0);
    expect(logs.find((l) => l.msg === "the graph is not empty: no demo data seeded")?.assets).toBe(92);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(Boolean(process.env.NEO4J_URI))("npm start with its own local Neo4j", () => {
  it("starts the local Neo4j on the configured port and data directory; restarts it after a kill -9; Ctrl-C leaves no java process", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "umr-start-"));
    const boltPort = await freePort();
    const { child, logs, ready } = await startMain({
      NEO4J_URI: undefined,
      UMR_DATA_DIR: dataDir,
      UMR_NEO4J_PORT: String(boltPort),
      UMR_NEO4J_HEAP: "256m",
      UMR_NEO4J_PAGECACHE: "32m",
    });
    const started = logs.find((l) => l.msg === "local Neo4j started")!;
    expect(ready.neo4j).toBe(`bolt://127.0.0.1:${boltPort}`);
    expect(started.home).toBe(dataDir);
    const jvm = started.jvmPid as number;
    expect(alive(jvm)).toBe(true);
    const base = (ready.graphql as string).replace(/\/graphql$/, "");
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    // kill -9 of the JVM: the server restarts it and is ready again, without a human.
    process.kill(jvm, "SIGKILL");
    const until = Date.now() + 150_000;
    while (!logs.some((l) => l.msg === "local Neo4j restarted; umr-graph is ready again") && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(logs.find((l) => l.msg === "the local Neo4j exited unexpectedly; restarting it")).toBeDefined();
    const restarted = logs.find((l) => l.msg === "local Neo4j restarted; umr-graph is ready again")!;
    expect([restarted.uri, restarted.jvmPid === jvm]).toEqual([`bolt://127.0.0.1:${boltPort}`, false]);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const answer = await gql(ready.graphql as string, `{ asset(key: "plip") { key } }`);
    expect(answer).toEqual({ data: { asset: { key: "plip@1.0.0" } } });
    child.kill("SIGINT");
    expect(await exited(child)).toBe(0);
    expect(alive(restarted.jvmPid as number)).toBe(false);
    const order = logs.map((l) => l.msg).filter((m) => ["shutting down", "local Neo4j stopped", "stopped"].includes(m));
    expect(order).toEqual(["shutting down", "local Neo4j stopped", "stopped"]);
    expect(fs.existsSync(path.join(dataDir, "data", "databases", "neo4j"))).toBe(true);
    // A later start of the same data folder: its password is already set, its data still there.
    const again = await startMain({
      NEO4J_URI: undefined,
      UMR_DATA_DIR: dataDir,
      UMR_NEO4J_PORT: String(boltPort),
      UMR_NEO4J_HEAP: "256m",
      UMR_NEO4J_PAGECACHE: "32m",
    });
    expect(again.logs.find((l) => l.msg === "the graph is not empty: no demo data seeded")?.assets).toBe(92);
    again.child.kill("SIGINT");
    expect(await exited(again.child)).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 300_000);
});
