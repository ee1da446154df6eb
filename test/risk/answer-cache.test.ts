// Big answers are kept for their next pages while the graph's version stands: page 2 of a hub's
// blast radius or lineage runs no traversal; any write that can change the answer (an ingest,
// an advisory, an exemption) makes the next question walk again — on this process and on another
// one sharing the database (two API replicas); exemptions that expire end a kept answer too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { Executor, type Params, type Row, type RunOptions, type Tx } from "../../src/neo4j/executor.js";
import type { Statement } from "../../src/neo4j/cypher.js";
import { SYSTEM_VIEWER } from "../../src/model/viewer.js";
import { Services } from "../../src/services/services.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

/** An executor that counts the traversals it runs. */
class Counting extends Executor {
  traversals = 0;
  // The walk in Node is a read transaction named traverse; the procedure's walk, one statement.
  override async readTransaction<T>(name: string, work: (tx: Tx) => Promise<T>, opts?: RunOptions): Promise<T> {
    if (name === "traverse") this.traversals++;
    return super.readTransaction(name, work, opts);
  }
  override read(stmt: Statement, params?: Params, opts?: RunOptions): Promise<Row[]> {
    if (stmt.name === "traverse/walk") this.traversals++;
    return super.read(stmt, params, opts);
  }
}

let db: Executor;
let a: Counting;
let b: Counting;
let replicaA: Services;
let replicaB: Services;
const settings = { maxBytes: 64 * 1024 * 1024, minNodes: 1000 };
const keysOf = (page: { items: { node: { key: string } }[] }) => page.items.map((i) => i.node.key);

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  const creds = neo4jCredentials();
  a = new Counting(db.driver, creds.database, silentLogger);
  b = new Counting(db.driver, creds.database, silentLogger);
  replicaA = new Services(a, silentLogger, undefined, settings);
  replicaB = new Services(b, silentLogger, undefined, settings);
  const models = Array.from({ length: 1500 }, (_, i) => umr(`m-${String(i).padStart(4, "0")}`, "1.0.0", "model", ["hub"]));
  await ingestInputs(db, [umr("hub", "1.0.0", "dataset"), umr("small", "1.0.0", "dataset"), ...models]);
});
afterAll(async () => db?.close());

describe("kept answers", () => {
  it("page 2 of a hub's blast radius runs no traversal; it is exactly the next 50 in (depth, key) order", async () => {
    const before = a.traversals;
    const p1 = await replicaA.risk.blastRadius({ key: "hub", first: 50 });
    const p2 = await replicaA.risk.blastRadius({ key: "hub", first: 50, after: p1.endCursor });
    expect(a.traversals - before).toBe(1);
    expect([p1.totalCount, p2.totalCount]).toEqual([1501, 1501]);
    expect(keysOf(p1).slice(0, 2)).toEqual(["hub@1.0.0", "m-0000@1.0.0"]);
    expect(keysOf(p2)).toEqual(Array.from({ length: 50 }, (_, i) => `m-${String(i + 49).padStart(4, "0")}@1.0.0`));
    // The last page, by its cursor, and nothing after it.
    let page = p2;
    while (page.hasNextPage) page = await replicaA.risk.blastRadius({ key: "hub", first: 50, after: page.endCursor });
    expect([keysOf(page).at(-1), a.traversals - before]).toEqual(["m-1499@1.0.0", 1]);
  });

  it("small answers are not kept: each question walks", async () => {
    const before = a.traversals;
    await replicaA.risk.blastRadius({ key: "small", first: 50 });
    await replicaA.risk.blastRadius({ key: "small", first: 50 });
    expect(a.traversals - before).toBe(2);
  });

  it("an ingest on another replica ends the kept answer on this one: the next page counts the new asset", async () => {
    await replicaA.lineage.lineage({ key: "hub@1.0.0", direction: "DOWNSTREAM", first: 10 });
    const kept = a.traversals;
    expect((await replicaA.lineage.lineage({ key: "hub@1.0.0", direction: "DOWNSTREAM", first: 10 })).totalCount).toBe(1500);
    expect(a.traversals).toBe(kept);
    await ingestInputs(b, [umr("hub", "1.0.0", "dataset")]); // unchanged: nothing written, no new version
    expect((await replicaA.lineage.lineage({ key: "hub@1.0.0", direction: "DOWNSTREAM", first: 10 })).totalCount).toBe(1500);
    expect(a.traversals).toBe(kept);
    await ingestInputs(b, [umr("m-new", "1.0.0", "model", ["hub"])]);
    expect((await replicaA.lineage.lineage({ key: "hub@1.0.0", direction: "DOWNSTREAM", first: 10 })).totalCount).toBe(1501);
    expect(a.traversals).toBe(kept + 1);
  });

  it("publishing an advisory, an exemption and a withdrawal each end kept answers; an expiring exemption ends them when it expires", async () => {
    const adv = await replicaB.advisories.publish(
      { affectsId: "hub", category: "LEGAL", severity: "HIGH", summary: "kept answers test" },
      SYSTEM_VIEWER,
    );
    const total = async () => (await replicaA.risk.blastRadius({ advisoryId: adv.id, first: 5 })).totalCount;
    expect(await total()).toBe(1502);
    const walked = a.traversals;
    expect(await total()).toBe(1502);
    expect(a.traversals).toBe(walked);
    // An exemption on another replica: m-0000 stops it (it has no dependents, so one fewer).
    const soon = new Date(Date.now() + 4000);
    await replicaB.advisories.exempt(
      { advisoryId: adv.id, assetKey: "m-0000@1.0.0", justification: "not affected for 4 s", expiresAt: soon },
      SYSTEM_VIEWER,
    );
    expect(await total()).toBe(1501);
    expect(await total()).toBe(1501);
    expect(a.traversals).toBe(walked + 1);
    // When it expires, no write happens, and the kept answer ends all the same.
    await new Promise((r) => setTimeout(r, Math.max(0, soon.getTime() - Date.now() + 200)));
    expect(await total()).toBe(1502);
    expect(a.traversals).toBe(walked + 2);
    await replicaB.advisories.withdraw(adv.id, "test over", SYSTEM_VIEWER);
    expect(await total()).toBe(0);
  });
});
