// Growing into a cluster: neo4j:// routing URIs work against the local server; a write answers
// with its causal bookmarks (x-umr-bookmark) and a read that sends them back waits for that
// write on whichever API process answers; two API processes on one database give identical
// answers, also while one of them ingests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSecurity } from "../../src/config.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/log.js";
import { decodeBookmarks } from "../../src/neo4j/bookmarks.js";
import { connect, Executor } from "../../src/neo4j/executor.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { statement } from "../../src/neo4j/statements.js";
import { walksInNeo4j } from "../../src/services/procedures.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

const ADMIN = "cluster-test-admin-token-0123456789";
let db: Executor;
let routed: Executor;
let a: HttpServer;
let b: HttpServer;

async function gql(server: HttpServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, bookmark: res.headers.get("x-umr-bookmark"), body: (await res.json()) as { data?: any; errors?: any[] } };
}

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await ingestInputs(db, [umr("base", "1.0.0", "dataset"), umr("tuned", "1.0.0", "model", ["base"])]);
  const creds = neo4jCredentials();
  // The same server through a routing URI: the driver asks it for its routing table first.
  routed = new Executor(
    await connect({ ...creds, uri: creds.uri.replace(/^bolt:/, "neo4j:") }, { retries: 2, log: silentLogger }),
    creds.database,
    silentLogger,
  );
  const security = loadSecurity({ UMR_ADMIN_TOKEN: ADMIN });
  a = await startHttpServer({ db, log: silentLogger, port: 0, security });
  b = await startHttpServer({ db: routed, log: silentLogger, port: 0, security });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await routed?.close();
  await db?.close();
});

const LINEAGE = `{ lineage(key: "base", direction: DOWNSTREAM) { totalCount edges { node { asset { key } depth } } } }`;

describe("a cluster to grow into", () => {
  it("neo4j:// routing URIs work: the routed API answers as the direct one", async () => {
    expect(neo4jCredentials().uri).toMatch(/^bolt:/);
    const [viaBolt, viaRouting] = [await gql(a, LINEAGE), await gql(b, LINEAGE)];
    expect(viaRouting.body).toEqual(viaBolt.body);
    expect(viaBolt.body.data.lineage.totalCount).toBe(1);
  });

  it("a write answers with its bookmarks; a read on the other API process that sends them sees the write; a forged header is refused", async () => {
    const wrote = await gql(
      a,
      `mutation { ingestRecords(input: {documents: [{source: "tuned-2/tuned-2-1.0.0.yaml", content: "mr: {type: model, metadata: {name: T2}, relations: {upstream: [base]}}"}]}) { accepted } }`,
    );
    expect(wrote.body.data.ingestRecords.accepted).toBe(1);
    expect(wrote.bookmark).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeBookmarks(wrote.bookmark!)!.length).toBeGreaterThan(0);
    // A read makes no bookmark of its own.
    expect((await gql(b, LINEAGE)).bookmark).toBeNull();
    const read = await gql(b, LINEAGE, {}, { "x-umr-bookmark": wrote.bookmark! });
    expect([read.status, read.body.data.lineage.totalCount]).toEqual([200, 2]);
    const forged = await fetch(b.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-umr-bookmark": "not a bookmark!" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect([forged.status, ((await forged.json()) as { code: string }).code]).toEqual([400, "BAD_USER_INPUT"]);
  });

  it("two API processes give identical answers while one of them ingests, and after it", async () => {
    const before = (await gql(a, LINEAGE)).body;
    const batch = Array.from({ length: 1500 }, (_, i) => ({
      source: `wave-${i}/wave-${i}-1.0.0.yaml`,
      content: `mr: {type: model, metadata: {name: W${i}}, relations: {upstream: [base]}}`,
    }));
    let done = false;
    const ingest = gql(a, `mutation($d: [RecordDocument!]!) { ingestRecords(input: {documents: $d}) { accepted } }`, { d: batch }).then(
      (r) => {
        done = true;
        return r;
      },
    );
    const seen = new Set<number>();
    while (!done) {
      const [fromA, fromB] = [await gql(a, LINEAGE), await gql(b, LINEAGE)];
      seen.add(fromA.body.data.lineage.totalCount);
      seen.add(fromB.body.data.lineage.totalCount);
    }
    const wrote = await ingest;
    expect(wrote.body.data.ingestRecords.accepted).toBe(1500);
    // Meanwhile every answer was the whole graph before the batch or after it, never a part.
    expect([...seen].every((n) => n === before.data.lineage.totalCount || n === before.data.lineage.totalCount + 1500)).toBe(true);
    const fromA = (await gql(a, LINEAGE)).body;
    const fromB = (await gql(b, LINEAGE, {}, { "x-umr-bookmark": wrote.bookmark! })).body;
    expect(fromB).toEqual(fromA);
    expect(fromA.data.lineage.totalCount).toBe(before.data.lineage.totalCount + 1500);
  });

  it("an executor given no database asks the server's home database once and names it in every session (no resolution per session)", async () => {
    const creds = neo4jCredentials();
    const driver = await connect(creds, { retries: 2, log: silentLogger });
    const named: (string | undefined)[] = [];
    const session = driver.session.bind(driver);
    driver.session = (config) => {
      named.push(config?.database);
      return session(config);
    };
    const plain = new Executor(driver, undefined, silentLogger);
    try {
      const [first, second] = await Promise.all([
        plain.read({ name: "test", text: "RETURN 1 AS n" }, {}),
        plain.read({ name: "test", text: "RETURN 2 AS n" }, {}),
      ]);
      await plain.writeTransaction("test", (tx) => tx.run({ name: "test", text: "RETURN 3 AS n" }, {}));
      expect([first, second]).toEqual([[{ n: 1 }], [{ n: 2 }]]);
      // The local Neo4j's home database is neo4j; a server given NEO4J_DATABASE is asked for that one.
      const home = creds.database ?? "neo4j";
      expect(named).toEqual([home, home, home]);
    } finally {
      await plain.close();
    }
  });

  it("after a write through the API, the lineage index of the new graph builds inside Neo4j without waiting for a walk", async () => {
    if (!(await walksInNeo4j(db))) return console.warn("cluster: skipped, the server has no umr.walk procedure");
    const index = async (action: "status" | "build") => (await db.read(statement("traverse/walk-index"), { action }))[0]!;
    const before = await index("build");
    expect(before.state).toBe("fresh");
    const wrote = await gql(
      a,
      `mutation { ingestRecords(input: {documents: [{source: "late/late-1.0.0.yaml", content: "mr: {type: model, metadata: {name: Late}, relations: {upstream: [base]}}"}]}) { accepted } }`,
    );
    expect(wrote.body.data.ingestRecords.accepted).toBe(1);
    // No walk is asked: the write's commit began the build.
    const deadline = Date.now() + 30_000;
    let now = await index("status");
    while ((now.state !== "fresh" || Number(now.version) === Number(before.version)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      now = await index("status");
    }
    expect([now.state, Number(now.version), Number(now.assets)]).toEqual(["fresh", Number(before.version) + 1, Number(before.assets) + 1]);
  });
});
