// `umr ingest` and `umr validate` as a user runs them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { count } from "../helpers/graph.js";
import { umrDir } from "../helpers/shared.js";
import { runCli } from "../helpers/spawn.js";

let db: Executor;
let env: Record<string, string>;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  const c = neo4jCredentials();
  env = { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password, LOG_LEVEL: "error" };
});
afterAll(async () => db?.close());

describe("umr ingest", () => {
  it("ingests a directory and prints the summary; again: all unchanged", async () => {
    const first = await runCli(["ingest", umrDir], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe("accepted 88, unchanged 0, rejected 0, placeholders 0, 0 warnings\n");
    const again = await runCli(["ingest", umrDir], env);
    expect(again.stdout).toBe("accepted 0, unchanged 88, rejected 0, placeholders 0, 0 warnings (nothing written)\n");
    expect(await count(db, "MATCH (a:Asset) RETURN count(a) AS n")).toBe(88);
  });

  it("exits non-zero on a bad file, names the file, the line and the field, and writes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "umr-cli-"));
    fs.mkdirSync(path.join(dir, "good"));
    fs.writeFileSync(path.join(dir, "good", "good-1.0.0.yaml"), "mr:\n  type: model\n  metadata: {name: Good}\n");
    fs.writeFileSync(
      path.join(dir, "bad-1.0.0.yaml"),
      "mr:\n  type: model\n  metadata:\n    name: Bad\n  relations:\n    upstream: ['plip>=one']\n",
    );
    const before = await count(db, "MATCH (a:Asset) RETURN count(a) AS n");
    const r = await runCli(["ingest", dir], { ...env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `error: ${path.relative(process.cwd(), path.join(dir, "bad-1.0.0.yaml"))}:6 $.mr.relations.upstream[0]: expected a reference (id, id@1.2.0, id-1.2.0, or id followed by a constraint such as >=1.0.0, ==1.0.0, <=2.0.0, ^1.2 or ~1.2.3), found "plip>=one"`,
    );
    expect(r.stdout).toBe("accepted 0, unchanged 0, rejected 1, placeholders 0, 0 warnings (nothing written)\n");
    expect(await count(db, "MATCH (a:Asset) RETURN count(a) AS n")).toBe(before);
    const partial = await runCli(["ingest", "--partial", dir], env);
    expect(partial.status).toBe(1);
    expect(partial.stdout).toBe("accepted 1, unchanged 0, rejected 1, placeholders 0, 0 warnings\n");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("umr validate checks without a database", async () => {
    const r = await runCli(["validate", umrDir], { NEO4J_URI: "bolt://127.0.0.1:9" });
    expect([r.status, r.stdout]).toEqual([0, "88 valid records, 0 rejected, 0 errors, 0 warnings\n"]);
  });
});
