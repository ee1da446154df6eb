// OpenLineage: RunEvents from files and from POST /api/v1/lineage (the endpoint OpenLineage
// clients send to). A COMPLETE run's inputs × outputs become edges marked as inferred from the
// run; other events write nothing; the same run again changes nothing.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/log.js";
import { SYSTEM_VIEWER } from "../../src/model/viewer.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { collectFiles, readInputs } from "../../src/records/load.js";
import { Services } from "../../src/services/services.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { rows } from "../helpers/graph.js";
import { ingestInputs } from "../helpers/ingest.js";
import { sharedData, skipMessage } from "../helpers/shared.js";

const example = path.join(projectRoot, "examples", "formats", "openlineage");
const shared = path.join(sharedData, "openlineage");
const hasShared = fs.existsSync(shared);
skipMessage("OpenLineage (shared samples)", hasShared, shared);

let db: Executor;
let server: HttpServer;
let token: string;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  server = await startHttpServer({ db, log: silentLogger, port: 0 });
  token = (await new Services(db, silentLogger).keys.create(SYSTEM_VIEWER, { org: "acme", role: "PUBLISHER", name: "ol" })).token;
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

async function edges(): Promise<string[]> {
  const found = await rows(
    db,
    "MATCH (a:Asset)-[e:TRAINED_ON|DERIVED_FROM]->(b:Asset) RETURN a.key + ' -' + e.relation + '-> ' + b.key + ' | ' + coalesce(e.note, '') AS e",
  );
  return found.map((r) => r.e as string).sort();
}

type Answer = Record<string, any>;
const json = async (res: Response): Promise<Answer> => (await res.json()) as Answer;
const post = (body: unknown, auth = true) =>
  fetch(`http://127.0.0.1:${server.port}/api/v1/lineage`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe("OpenLineage files", () => {
  it("a COMPLETE training run: the model output trained on every input, marked as inferred", async () => {
    const report = await ingestInputs(db, readInputs(collectFiles([example]), path.dirname(example)));
    expect([report.accepted, report.placeholders, report.problems]).toEqual([1, 2, []]);
    const note =
      "inferred from OpenLineage run 0d6f3c5e-8a51-4c1e-9d7e-2b5f1a0c9e44 of job acme-training/train-path-vlm (inputs × outputs)";
    expect(await edges()).toEqual([
      `ol:s3://acme-models/path-vlm/v3@1.0.0 -trained_on-> ol:s3://acme-data/captions/2026-10 | ${note}`,
      `ol:s3://acme-models/path-vlm/v3@1.0.0 -trained_on-> ol:s3://acme-data/slides/2026-10 | ${note}`,
    ]);
    const [m] = await rows(db, "MATCH (a:Asset {key: 'ol:s3://acme-models/path-vlm/v3@1.0.0'}) RETURN a.kind AS kind, a.extra AS extra");
    expect(m!.kind).toBe("model");
    expect(JSON.parse(m!.extra as string).openlineage.job).toEqual({ namespace: "acme-training", name: "train-path-vlm" });
  });

  it.skipIf(!hasShared)("the OpenLineage project's events: COMPLETE runs become edges, START events write nothing", async () => {
    await wipe(db);
    const files = fs.readdirSync(shared).sort();
    const report = await ingestInputs(
      db,
      files.map((f) => ({ source: f, content: fs.readFileSync(path.join(shared, f)) })),
    );
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect((await edges()).map((e) => e.split(" | ")[0])).toEqual([
      "ol:my-namespace/my-output@1.0.0 -derived_from-> ol:my-namespace/my-input",
    ]);
    // The Python client's run reads and writes one table: the table is recorded, with no edge to itself.
    const assets = await rows(db, "MATCH (a:Asset {placeholder: false}) RETURN a.key AS key ORDER BY key");
    expect(assets.map((a) => a.key)).toEqual(["ol:my-datasource-namespace/instance.schema.table@1.0.0", "ol:my-namespace/my-output@1.0.0"]);
  });
});

describe("POST /api/v1/lineage", () => {
  const event = JSON.parse(fs.readFileSync(path.join(example, "train-path-vlm.json"), "utf8")) as Record<string, any>;

  it("takes a RunEvent from a client with a key, and the same job run again over the same inputs changes nothing", async () => {
    await wipe(db);
    token = (await new Services(db, silentLogger).keys.create(SYSTEM_VIEWER, { org: "acme", role: "PUBLISHER", name: "ol" })).token;
    const start = await post({ ...event, eventType: "START", outputs: [] });
    expect([start.status, (await json(start)).accepted]).toEqual([201, 0]);
    const res = await post(event);
    const body = await json(res);
    expect([res.status, body.accepted, body.keys]).toEqual([201, 1, ["ol:s3://acme-models/path-vlm/v3@1.0.0"]]);
    const again = await post({ ...event, run: { runId: "7f1c2a9e-1111-4d2b-8c3d-5e6f7a8b9c0d" } });
    expect([again.status, (await json(again)).unchanged]).toEqual([201, 1]);
    expect(await edges()).toHaveLength(2);
  });

  it("refuses an anonymous client, and a malformed event naming the field", async () => {
    const anon = await post(event, false);
    expect([anon.status, (await json(anon)).code]).toEqual([401, "UNAUTHENTICATED"]);
    const bad = await post({ ...event, eventType: "DONE", job: { namespace: "x" } });
    const body = await json(bad);
    expect([bad.status, body.code, body.error]).toEqual([
      400,
      "BAD_USER_INPUT",
      '$.eventType: expected one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER, found "DONE"; $.job.name: expected a string, found null; $: nothing was written: 1 record is invalid, and an ingest is all or nothing (accept the 0 valid records with --partial / partial: true)',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/\/work\/|at .*\.ts/);
  });
});
