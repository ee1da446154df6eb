// `umr watch` as a user runs it: a watch made from a deployment manifest, listed, its (empty)
// notifications, deleted; a webhook without its secret in the environment is refused, saying where
// to put it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs, loadInputs } from "../helpers/ingest.js";
import { umrDir } from "../helpers/shared.js";
import { runCli } from "../helpers/spawn.js";

let db: Executor;
let env: Record<string, string>;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await ingestInputs(db, loadInputs(umrDir));
  const c = neo4jCredentials();
  env = { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password, LOG_LEVEL: "error" };
});
afterAll(async () => db?.close());

describe("umr watch", () => {
  it("creates a watch from a manifest, lists it, shows its notifications and deletes it", async () => {
    const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "umr-watch-")), "deployment.txt");
    fs.writeFileSync(manifest, "# what the pathology service runs\nrrt-mil\nplip@1.0.0\n");
    const created = await runCli(
      ["watch", "create", "--org", "lab", "--manifest", manifest, "--min-severity", "high", "--name", "pathology", "--json"],
      env,
    );
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    const w = JSON.parse(created.stdout) as { id: string };
    expect(w).toMatchObject({
      org: "lab",
      name: "pathology",
      keys: ["rrt-mil", "plip@1.0.0"],
      minSeverity: "HIGH",
      downstreamDepth: 0,
      webhookUrl: null,
    });
    const listed = await runCli(["watch", "list", "--org", "lab"], env);
    expect(listed.stdout).toBe(`${w.id}  pathology  rrt-mil, plip@1.0.0  >= HIGH  (no webhook)\n`);
    expect((await runCli(["watch", "notifications", w.id], env)).stdout).toBe("no notifications\n");
    expect((await runCli(["watch", "delete", w.id], env)).stdout).toBe(`deleted: ${w.id}\n`);
    expect((await runCli(["watch", "list"], env)).stdout).toBe("no watches\n");
  });

  it("refuses a webhook whose secret is not in the environment, and an unknown key, exiting 1", async () => {
    const noSecret = await runCli(["watch", "create", "--key", "rrt-mil", "--webhook-url", "https://hooks.example.org/umr"], env);
    expect(noSecret.status).toBe(1);
    expect(noSecret.stderr).toBe(
      "umr: --webhook-url: put the webhook's signing secret in the environment variable UMR_WEBHOOK_SECRET (or name another with --secret-env)\n",
    );
    const unknown = await runCli(["watch", "create", "--key", "no-such-model"], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('umr: keys: no asset you may see has "no-such-model"\n');
  });
});
