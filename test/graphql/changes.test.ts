// The changes feed: what changed answers, oldest first — new versions with the dependents whose
// floating references moved to them, advisories published and withdrawn, exemptions — paged by a
// cursor a dashboard polls with, filtered by time and keys; records the viewer may not see are
// left out (or counted), and nothing says who made a change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliViewer, SYSTEM_VIEWER, type Viewer } from "../../src/model/viewer.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { testApi, type TestApi } from "../helpers/graphql.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

let db: Executor;
let api: TestApi;
let advisoryId: string;
let t0: string;
let t1: string;

const FEED = `query($since: DateTime, $until: DateTime, $keys: [ID!], $first: Int, $after: String) {
  changes(since: $since, until: $until, keys: $keys, first: $first, after: $after) {
    edges { node { kind keys hiddenCount advisoryId } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const acmeReader: Viewer = { subject: "r", org: "acme", roles: ["READER"], credentialId: "k1" };
const anonymous: Viewer = { subject: "anonymous", org: null, roles: [], credentialId: null };

async function feed(vars: Record<string, unknown> = {}, viewer: Viewer = anonymous) {
  const r = await api.run(FEED, vars, viewer);
  expect(r.errors).toBeUndefined();
  return r.data!.changes as { edges: { node: Record<string, unknown> }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  api = await testApi(db);
  await ingestInputs(db, [umr("base", "1.0.0", "dataset"), umr("tuned", "1.0.0", "model", ["base"])]);
  t0 = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  // A new version of base: tuned's floating reference moves to it.
  await ingestInputs(db, [umr("base", "1.1.0", "dataset")]);
  // acme's private fine-tune of base.
  await ingestInputs(db, [umr("acme-secret", "1.0.0", "model", ["base"], { visibility: "private" })], { viewer: cliViewer("acme") });
  const published = await api.run(
    `mutation { publishAdvisory(input: {affectsId: "base", category: LEGAL, severity: HIGH, summary: "changes feed test"}) { id } }`,
    {},
    SYSTEM_VIEWER,
  );
  advisoryId = published.data!.publishAdvisory.id;
  await api.run(
    `mutation($a: ID!) { addExemption(input: {advisoryId: $a, assetKey: "tuned@1.0.0", justification: "not affected"}) }`,
    { a: advisoryId },
    SYSTEM_VIEWER,
  );
  await api.run(`mutation($a: ID!) { withdrawAdvisory(id: $a, reason: "test over") { id } }`, { a: advisoryId }, SYSTEM_VIEWER);
  await new Promise((r) => setTimeout(r, 20));
  t1 = new Date().toISOString();
  // A read by an auditor and a key made: trail events that change no answer.
  await api.run(`mutation { createApiKey(input: {org: "acme", role: READER}) { token } }`, {}, SYSTEM_VIEWER);
});
afterAll(async () => db?.close());

describe("changes", () => {
  it("lists, oldest first, what changed answers since a time — and nothing that did not", async () => {
    const page = await feed({ since: t0 });
    expect(page.edges.map((e) => e.node)).toEqual([
      { kind: "RECORDS_INGESTED", keys: ["base@1.1.0", "tuned@1.0.0"], hiddenCount: 0, advisoryId: null },
      { kind: "ADVISORY_PUBLISHED", keys: ["base@1.0.0", "base@1.1.0"], hiddenCount: 0, advisoryId },
      { kind: "EXEMPTION_WRITTEN", keys: ["tuned@1.0.0"], hiddenCount: 0, advisoryId },
      { kind: "ADVISORY_WITHDRAWN", keys: [], hiddenCount: 0, advisoryId },
    ]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it("acme's reader also sees its own private record's ingest; anonymous callers do not", async () => {
    const own = await feed({ since: t0 }, acmeReader);
    expect(own.edges.map((e) => e.node.keys)).toEqual([
      ["base@1.1.0", "tuned@1.0.0"],
      ["acme-secret@1.0.0"],
      ["base@1.0.0", "base@1.1.0"],
      ["tuned@1.0.0"],
      [],
    ]);
    const anon = await feed({ since: t0 });
    expect(JSON.stringify(anon)).not.toContain("acme-secret");
  });

  it("pages by a cursor that a poll continues from; until and keys narrow it", async () => {
    const first = await feed({ first: 2 });
    expect(first.edges.map((e) => e.node.kind)).toEqual(["RECORDS_INGESTED", "RECORDS_INGESTED"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await feed({ after: first.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.kind)).toEqual(["ADVISORY_PUBLISHED", "EXEMPTION_WRITTEN", "ADVISORY_WITHDRAWN"]);
    // Polling again from the end: nothing new, and the cursor stays where it was.
    const again = await feed({ after: rest.pageInfo.endCursor });
    expect([again.edges, again.pageInfo.endCursor]).toEqual([[], rest.pageInfo.endCursor]);
    expect((await feed({ until: t0 })).edges.map((e) => e.node.keys)).toEqual([["base@1.0.0", "tuned@1.0.0"]]);
    // By a bare id (any version), by a key, by an advisory.
    expect((await feed({ keys: ["tuned"] })).edges.map((e) => e.node.kind)).toEqual([
      "RECORDS_INGESTED",
      "RECORDS_INGESTED",
      "EXEMPTION_WRITTEN",
    ]);
    expect((await feed({ keys: ["base@1.0.0"] })).edges.map((e) => e.node.kind)).toEqual(["RECORDS_INGESTED", "ADVISORY_PUBLISHED"]);
    expect((await feed({ keys: [advisoryId], since: t0, until: t1 })).edges.map((e) => e.node.kind)).toEqual([
      "ADVISORY_PUBLISHED",
      "EXEMPTION_WRITTEN",
      "ADVISORY_WITHDRAWN",
    ]);
  });
});
