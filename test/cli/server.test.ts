// Which Neo4j the CLI talks to: the server's own (found through the instance file of its data
// folder, and checked by its database id) or NEO4J_URI — never whatever answers on a port; a data
// folder held by another process is one line that names the cause and the fix.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { connect, createDriver } from "../../src/neo4j/executor.js";
import { instanceFileOf, readInstanceFile, startLocalNeo4j, type LocalNeo4j } from "../../src/neo4j/local.js";
import { runCli } from "../helpers/spawn.js";

const external = Boolean(process.env.NEO4J_URI);
if (external) console.warn("CLI server tests skipped: NEO4J_URI is set, so this run starts no local Neo4j");

describe.skipIf(external)("the CLI's Neo4j", () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "umr-cli-home-"));
  const other = fs.mkdtempSync(path.join(os.tmpdir(), "umr-cli-other-"));
  let server: LocalNeo4j;
  beforeAll(async () => {
    server = await startLocalNeo4j({
      port: 0,
      home,
      heap: "256m",
      pagecache: "32m",
      startTimeoutMs: 120_000,
      log: silentLogger,
      announce: true,
    });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    for (const d of [home, other]) fs.rmSync(d, { recursive: true, force: true });
  });
  const env = (dataDir: string) => ({ NEO4J_URI: undefined, UMR_DATA_DIR: dataDir, LOG_LEVEL: "warn" });

  it("the running server of the data folder announces itself, and the CLI writes into it", async () => {
    const file = readInstanceFile(home)!;
    expect([file.uri, file.jvmPid]).toEqual([server.uri, server.pid]);
    const r = await runCli(["ingest", "examples/umr/clip"], env(home));
    expect([r.status, r.stdout.trim()]).toEqual([
      0,
      "accepted 1, unchanged 0, rejected 0, placeholders 1, 0 warnings\nplaceholders: WebImageText",
    ]);
    const driver = await connect({ uri: server.uri, user: "neo4j", password: server.password }, { retries: 1, log: silentLogger });
    try {
      const { records } = await driver.executeQuery("MATCH (a:Asset {key: 'clip@1.0.0'}) RETURN a.name AS name");
      expect(records.map((x) => x.get("name") as string)).toEqual(["CLIP"]);
    } finally {
      await driver.close();
    }
  });

  it("the local Neo4j asks for its generated password, kept in the data folder (0600): a wrong one is refused", async () => {
    const stat = fs.statSync(path.join(home, "bolt-password"));
    expect([stat.mode & 0o777, fs.readFileSync(path.join(home, "bolt-password"), "utf8").trim()]).toEqual([0o600, server.password]);
    for (const password of ["", "wrong"]) {
      const driver = createDriver({ uri: server.uri, user: "neo4j", password });
      await expect(driver.executeQuery("RETURN 1")).rejects.toMatchObject({ code: "Neo.ClientError.Security.Unauthorized" });
      await driver.close();
    }
  });

  it("a server that answers at the announced address but holds another database is refused", async () => {
    fs.writeFileSync(instanceFileOf(other), JSON.stringify({ ...readInstanceFile(home)!, databaseId: "not-this-one" }));
    const r = await runCli(["ingest", "examples/umr/clip"], env(other));
    expect([r.status, r.stderr.trim()]).toEqual([
      1,
      `umr: the server at ${server.uri} is not the local Neo4j of ${other} (its database is another one). What to do: stop whatever took that port, then start umr-graph again, or set NEO4J_URI.`,
    ]);
  });

  it("a data folder that another process holds is one line with the cause and the fix, within 5 s", async () => {
    const file = instanceFileOf(home);
    const saved = fs.readFileSync(file);
    fs.rmSync(file);
    try {
      const started = performance.now();
      const r = await runCli(["ingest", "examples/umr/clip"], env(home));
      const ms = performance.now() - started;
      expect([r.status, r.stderr.trim().split("\n")]).toEqual([
        1,
        [
          `umr: the data folder ${home} is in use by another Neo4j process (pid ${server.pid}). What to do: stop that process, or run the command while \`npm start\` runs (it is used through ${file}), or set UMR_DATA_DIR to another folder.`,
        ],
      ]);
      expect(ms).toBeLessThan(5_000);
    } finally {
      fs.writeFileSync(file, saved);
    }
  });
});
