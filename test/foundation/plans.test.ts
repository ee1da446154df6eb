// Every statement of cypher/ finds its start nodes through an index, whatever the graph's
// statistics say. Measured: after a bulk chunk on a fresh database, the planner (index statistics
// still from the empty graph) answered `UNWIND $ids AS i MATCH (b:Asset {id: i})` with a full
// index scan per id, even with `USING INDEX`; chunk 2 of a 100k load took 90 s instead of 8 s.
// `USING INDEX SEEK` pins the seek. (Nor does Neo4j seek for an UNWIND variable called `id`.)
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypherDir, cypherFolder } from "../../src/neo4j/cypher.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { openTestDb, wipe } from "../helpers/db.js";

/** Statements that read whole labels on purpose (few nodes, or a count over everything). */
const SCANS_BY_DESIGN: Record<string, string> = {
  "advisory/count": "counts advisories (a few per flagged asset)",
  "advisory/list": "lists advisories with filters",
  "asset/count": "counts assets under kind/publisher filters",
  "asset/registry-count": "counts assets under registry filters (training compute, parameters, access)",
  "ingest/lock": "one IngestLock node",
  "ingest/node-census": "what a database holds, by label, before a bulk load (which goes only into an empty one)",
  "key/list": "lists API keys (a few per organisation), for admins",
  "event/list": "pages the audit trail under filters, for auditors",
  "event/count": "counts the audit trail under filters, for auditors",
  "watch/all": "every watch, as the notifier evaluates them after a write",
  "watch/list": "lists watches (an organisation's, or every one for an admin)",
};

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function operators(plan: PlanNode): string[] {
  return [plan.operatorType.replace(/@.*$/, ""), ...plan.children.flatMap(operators)];
}

let db: Executor;
beforeAll(async () => {
  db = await openTestDb();
  // An empty graph: what a fresh database's planner sees at the first ingest.
  await wipe(db);
});
afterAll(async () => db?.close());

describe("query plans", () => {
  const folders = fs
    .readdirSync(cypherDir)
    .filter((f) => f !== "schema")
    .sort();
  const statements = folders.flatMap((f) => cypherFolder(f));

  it("no statement scans a label or an index, except the few that mean to", async () => {
    const session = db.driver.session();
    const scans: Record<string, string[]> = {};
    try {
      // Plans cached while the graph was different would hide what the planner picks now.
      await session.run("CALL db.clearQueryCaches()");
      for (const s of statements) {
        const res = await session.run(`EXPLAIN ${s.text}`);
        const found = operators(res.summary.plan as unknown as PlanNode).filter(
          (op) => /Scan$/.test(op) && !/^(Argument|Procedure)/.test(op),
        );
        if (found.length) scans[s.name] = found;
      }
    } finally {
      await session.close();
    }
    expect(Object.keys(scans).sort()).toEqual(Object.keys(SCANS_BY_DESIGN).sort());
  });

  it("look-ups by id (a non-unique index) are index seeks, pinned by a hint", async () => {
    const byId = statements.filter((s) => /\{id: \w+\}/.test(s.text) && /MATCH \(\w+:Asset \{id:/.test(s.text));
    expect(byId.map((s) => s.name).sort()).toEqual([
      "asset/versions",
      "asset/versions-as-of",
      "ingest/edges-into-ids",
      "ingest/gc-placeholders",
      "ingest/owners",
      "ingest/reaches-ids",
      "same-as/remove",
    ]);
    for (const s of byId) expect(s.text, s.name).toMatch(/USING INDEX SEEK \w+:Asset\(id\)/);
    const session = db.driver.session();
    try {
      for (const s of byId) {
        const res = await session.run(`EXPLAIN ${s.text}`);
        expect(operators(res.summary.plan as unknown as PlanNode), s.name).toContain("NodeIndexSeek");
      }
    } finally {
      await session.close();
    }
  });

  it("no UNWIND names its variable `id` (Neo4j then never seeks an index for it)", () => {
    const offenders = statements.filter((s) => /UNWIND .+ AS id\b/.test(s.text)).map((s) => s.name);
    expect(offenders).toEqual([]);
  });
});
