// `npm start`'s entry point, end to end: Neo4j, demo seeding, HTTP, clean shutdown.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { canonicalDump, count, rows } from "../helpers/graph.js";
import { umr } from "../helpers/ingest.js";
import type { RecordInput } from "../../src/records/umr.js";
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
      // Outside NODE_ENV=test, Apollo would answer a malformed request with its stack trace (file
      // paths included): the answer says what was wrong, its code and the request id, nothing else.
      const bad = (await gql(url, `query($k: ID!) { __typename }`)) as { errors: { extensions: Record<string, unknown> }[] };
      expect(bad.errors.map((e) => Object.keys(e.extensions).sort())).toEqual([["code", "requestId"]]);
      expect(JSON.stringify(bad)).not.toMatch(/node_modules|\.ts:|\.js:/);
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

describe("kill -9 of the server in the middle of an ingest", () => {
  it("a restart finds none of the killed batch and everything committed before it; the batch then goes in whole", async () => {
    await wipe(db);
    const creds = neo4jCredentials();
    const env = {
      NEO4J_URI: creds.uri,
      NEO4J_USER: creds.user,
      NEO4J_PASSWORD: creds.password,
      UMR_ADMIN_TOKEN: "kill-test-admin-token-0123456789",
    };
    const ingest = (url: string, documents: RecordInput[]) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer kill-test-admin-token-0123456789" },
        body: JSON.stringify({
          query: "mutation($d: [RecordDocument!]!) { ingestRecords(input: {documents: $d}) { accepted unchanged } }",
          variables: { d: documents },
        }),
      }).then((r) => r.json() as Promise<{ data?: { ingestRecords: { accepted: number; unchanged: number } } }>);

    const first = await startMain(env);
    const url = first.ready.graphql as string;
    // The demo is seeded (92), then a committed batch of 20 more.
    const committed = Array.from({ length: 20 }, (_, i) => umr(`kept-${i}`, "1.0.0", "dataset"));
    expect((await ingest(url, committed)).data?.ingestRecords).toEqual({ accepted: 20, unchanged: 0 });
    const before = await canonicalDump(db);
    // A big batch, each record built on the one before: its one write transaction takes seconds.
    const big = Array.from({ length: 8000 }, (_, i) =>
      umr(`doomed-${i}`, "1.0.0", "model", i ? [`doomed-${i - 1}`, `kept-${i % 20}`] : ["kept-0"]),
    );
    void ingest(url, big).catch(() => undefined);
    // Kill the server once Neo4j shows the ingest's transaction running.
    const until = Date.now() + 60_000;
    let seen = false;
    while (!seen && Date.now() < until) {
      const running = await rows(db, "SHOW TRANSACTIONS YIELD metaData WHERE metaData.query = 'ingest' RETURN count(*) AS n");
      seen = Number(running[0]!.n) > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 25));
    }
    first.child.kill("SIGKILL");
    expect(seen).toBe(true);
    await exited(first.child);
    // Neo4j rolls the orphaned transaction back when its connection drops.
    const gone = Date.now() + 60_000;
    while (Date.now() < gone) {
      const running = await rows(db, "SHOW TRANSACTIONS YIELD metaData WHERE metaData.query = 'ingest' RETURN count(*) AS n");
      if (Number(running[0]!.n) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const second = await startMain(env);
    try {
      expect(second.logs.find((l) => l.msg === "the graph is not empty: no demo data seeded")?.assets).toBe(112);
      expect(await count(db, "MATCH (a:Asset) WHERE a.id STARTS WITH 'doomed-' RETURN count(a) AS n")).toBe(0);
      expect(await canonicalDump(db)).toEqual(before);
      expect((await ingest(second.ready.graphql as string, big)).data?.ingestRecords).toEqual({ accepted: 8000, unchanged: 0 });
      expect(await count(db, "MATCH (a:Asset) RETURN count(a) AS n")).toBe(8112);
    } finally {
      second.child.kill("SIGTERM");
      await exited(second.child);
    }
  }, 300_000);
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
