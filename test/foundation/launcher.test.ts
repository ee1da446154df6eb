// The local Neo4j launcher never leaves a JVM behind: not after stop(), not after its parent
// is killed with SIGKILL (no chance to clean up).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { connect } from "../../src/neo4j/executor.js";
import { startLocalNeo4j } from "../../src/neo4j/local.js";

const external = Boolean(process.env.NEO4J_URI);
if (external) console.warn("launcher tests skipped: NEO4J_URI is set, so this run starts no local Neo4j");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return !alive(pid);
}

const homes: string[] = [];
afterAll(() => homes.forEach((h) => fs.rmSync(h, { recursive: true, force: true })));

describe.skipIf(external)("local Neo4j launcher", () => {
  it("starts on a free loopback port, answers Bolt, and stop() leaves no JVM", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "umr-neo4j-launch-"));
    homes.push(home);
    const local = await startLocalNeo4j({ port: 0, home, heap: "256m", pagecache: "32m", startTimeoutMs: 120_000, log: silentLogger });
    expect(local.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(alive(local.pid)).toBe(true);
    const driver = await connect({ uri: local.uri, user: "neo4j", password: local.password }, { retries: 2, log: silentLogger });
    const answer = await driver.executeQuery("RETURN 40 + 2 AS n");
    expect(answer.records[0]!.get("n")).toBe(42);
    await driver.close();
    await local.stop();
    expect(alive(local.pid)).toBe(false);
    await local.stop(); // a second stop is harmless
  });

  it("a new folder's password becomes Neo4j's initial one, even one that begins with a dash; a changed file is applied at the next start", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "umr-neo4j-launch-"));
    homes.push(home);
    const opts = { port: 0, home, heap: "256m", pagecache: "32m", startTimeoutMs: 120_000, log: silentLogger };
    const answers = async (password: string) => {
      const local = await startLocalNeo4j(opts);
      try {
        const results: string[] = [];
        for (const pw of [password, "not-the-password-0123"]) {
          const driver = await connect({ uri: local.uri, user: "neo4j", password: pw }, { retries: 0, log: silentLogger }).catch(
            (e: Error) => e,
          );
          if (driver instanceof Error) {
            results.push("refused");
            continue;
          }
          const r = await driver.executeQuery("RETURN 1 AS n").then(
            (x) => `n=${String(x.records[0]!.get("n"))}`,
            () => "refused",
          );
          await driver.close();
          results.push(r);
        }
        return results;
      } finally {
        await local.stop();
      }
    };
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(path.join(home, "bolt-password"), "-starts-with-a-dash-0123456789\n", { mode: 0o600 });
    expect(await answers("-starts-with-a-dash-0123456789")).toEqual(["n=1", "refused"]);
    fs.writeFileSync(path.join(home, "bolt-password"), "another-password-0123456789\n", { mode: 0o600 });
    expect(await answers("another-password-0123456789")).toEqual(["n=1", "refused"]);
  });

  it("the JVM exits by itself when its parent Node process is killed with SIGKILL", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "test/fixtures/hold-local-neo4j.ts")], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`the fixture exited with ${code} before reporting a pid`)));
    });
    const { pid, home } = JSON.parse(line) as { pid: number; home: string };
    homes.push(home);
    expect(alive(pid)).toBe(true);
    child.kill("SIGKILL");
    expect(await waitUntilGone(pid, 30_000)).toBe(true);
  });
});
