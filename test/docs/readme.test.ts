// The README's examples, run as a newcomer runs them on a fresh clone: every GraphQL operation
// (```graphql blocks) against a server holding the demo, and every `npm run umr -- ...` line
// (```sh blocks) as a command run where the user stands, in the order the README gives them.
// A line's comment may say what it prints ("# prints: <text>") and that it "exits 1"; otherwise
// it must exit 0, and every operation must answer without errors. The token that a
// `umr keys create` line prints is sent with every operation after it, as the README says. Not run here: the quick
// start's own commands (CI runs them), `npm run gen` / `npm run bench` (the bench test runs them
// at 1,000 assets) and `docker compose` (no Docker engine on these machines).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, print, Kind, type DefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/log.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { seedDemo } from "../../src/services/demo.js";
import { Services } from "../../src/services/services.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { runCli } from "../helpers/spawn.js";

type Step =
  { kind: "graphql"; line: number; operation: string } | { kind: "cli"; line: number; args: string[]; prints: string | null; exit: number };

/** The runnable examples of a Markdown text, in order. */
export function readmeSteps(markdown: string): Step[] {
  const steps: Step[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith("```")) end++;
    const body = lines.slice(start, end);
    if (open[1] === "graphql") {
      const doc = parse(body.join("\n"));
      const fragments = doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
      for (const d of doc.definitions.filter((x): x is DefinitionNode => x.kind === Kind.OPERATION_DEFINITION)) {
        steps.push({
          kind: "graphql",
          line: start + 1 + (d.loc?.startToken.line ?? 1) - 1,
          operation: [d, ...fragments].map((x) => print(x)).join("\n"),
        });
      }
    } else if (open[1] === "sh") {
      body.forEach((text, k) => {
        const m = /^\s*(?:\$\s+)?npm run umr -- (.+?)(?:\s+#\s*(.*))?$/.exec(text);
        if (!m) return;
        const comment = m[2] ?? "";
        steps.push({
          kind: "cli",
          line: start + 1 + k,
          args: m[1]!.trim().split(/\s+/),
          prints: /prints: (.*)$/.exec(comment)?.[1]?.trim() ?? null,
          exit: /exits 1/.test(comment) ? 1 : 0,
        });
      });
    }
    i = end;
  }
  return steps;
}

const steps = readmeSteps(fs.readFileSync(path.join(projectRoot, "README.md"), "utf8"));

let db: Executor;
let server: HttpServer;
let token: string | null = null;
// Where the user stands: a folder with the repository's examples beside it, as a clone has them.
const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "umr-readme-"));
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await seedDemo(new Services(db, silentLogger), silentLogger);
  server = await startHttpServer({ db, log: silentLogger, port: 0 });
  for (const dir of ["examples", "demo"]) fs.symlinkSync(path.join(projectRoot, dir), path.join(cwd, dir));
}, 120_000);
afterAll(async () => {
  await server?.close();
  await db?.close();
  fs.rmSync(cwd, { recursive: true, force: true });
});

describe("the README's examples", () => {
  it("are found: GraphQL operations and CLI lines of every section", () => {
    expect(steps.filter((s) => s.kind === "graphql").length).toBeGreaterThanOrEqual(12);
    expect(steps.filter((s) => s.kind === "cli").length).toBeGreaterThanOrEqual(8);
  });

  for (const step of steps) {
    const title =
      step.kind === "graphql"
        ? `README line ${step.line}: ${step.operation.replace(/\s+/g, " ").slice(0, 90)}`
        : `README line ${step.line}: umr ${step.args.join(" ")}`;
    it(title, async () => {
      if (step.kind === "graphql") {
        const res = await fetch(server.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query: step.operation }),
        });
        const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
        expect({ status: res.status, errors: body.errors ?? [] }).toEqual({ status: 200, errors: [] });
        expect(body.data).toBeTruthy();
      } else {
        const c = neo4jCredentials();
        const r = await runCli(step.args, {
          NEO4J_URI: c.uri,
          NEO4J_USER: c.user,
          NEO4J_PASSWORD: c.password,
          INIT_CWD: cwd,
          npm_lifecycle_event: "umr",
          LOG_LEVEL: "error",
        });
        expect({ exit: r.status, stderr: r.status === step.exit ? "" : r.stderr }).toEqual({ exit: step.exit, stderr: "" });
        if (step.prints) expect(r.stdout + r.stderr).toContain(step.prints);
        if (step.args[0] === "keys" && step.args[1] === "create") token = r.stdout.trim();
      }
    });
  }
});
