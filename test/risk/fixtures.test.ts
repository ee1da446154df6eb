// Traversals on named fixture graphs: a lattice of 40 stacked diamonds (2^40 paths), a
// 5,000-dependent fan-out, a cycle; and the limits and errors of the API.
import fs from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { LimitExceededError } from "../../src/errors.js";
import { silentLogger } from "../../src/log.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { MAX_DEPTH, MAX_PATHS } from "../../src/services/limits.js";
import { RiskService } from "../../src/services/risk.service.js";
import { Services } from "../../src/services/services.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { testApi, type TestApi } from "../helpers/graphql.js";
import { ingestInputs, umr } from "../helpers/ingest.js";
import { ProfilingExecutor } from "../helpers/profiling.js";

let db: Executor;
let api: TestApi;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  api = await testApi(db, process.env.DEBUG_TESTS ? (await import("../../src/log.js")).createLogger("error") : undefined);
});
afterAll(async () => db?.close());

/** t0 ← l0, r0 ← t1 ← l1, r1 ← t2 … ← t40: 121 assets, 160 edges, 2^40 paths from t40 to t0. */
function lattice(n: number) {
  const records = [umr("t0", "1.0.0", "dataset", [], { risk: { csam: true } })];
  for (let i = 0; i < n; i++) {
    records.push(umr(`l${i}`, "1.0.0", "model", [`t${i}`]), umr(`r${i}`, "1.0.0", "model", [`t${i}`]));
    records.push(umr(`t${i + 1}`, "1.0.0", "model", [`l${i}`, `r${i}`]));
  }
  return records;
}

describe("a lattice of 40 stacked diamonds (2^40 paths)", () => {
  let profiled: ProfilingExecutor;
  let services: Services;
  beforeAll(async () => {
    const r = await ingestInputs(db, lattice(40));
    expect(r.accepted).toBe(121);
    profiled = new ProfilingExecutor(db.driver);
    services = new Services(profiled, silentLogger);
  });

  const NODES = 121;
  const EDGES = 160;
  /** Linear in the graph's size: each node and edge costs a bounded number of db hits. */
  const LINEAR_BOUND = 40 * (NODES + EDGES);

  it("lineage, blast radius and risk report visit each node once, at its shortest depth, in linear db hits", async () => {
    profiled.profiles = [];
    const up = await services.lineage.lineage({ key: "t40", direction: "UPSTREAM", first: 1000 });
    expect([up.totalCount, up.complete]).toEqual([120, true]);
    expect(up.items.at(-1)!.node).toMatchObject({ key: "t0@1.0.0", depth: 80 });
    expect(up.items.at(-1)!.node.path).toHaveLength(80);
    expect(profiled.totalHits()).toBeLessThan(LINEAR_BOUND);

    profiled.profiles = [];
    const br = await services.risk.blastRadius({ advisoryId: "record:t0@1.0.0:csam", first: 1000 });
    expect([br.totalCount, br.complete, br.items.at(-1)!.node.key, br.items.at(-1)!.node.depth]).toEqual([121, true, "t40@1.0.0", 80]);
    expect(profiled.totalHits()).toBeLessThan(LINEAR_BOUND);

    profiled.profiles = [];
    const rr = await services.risk.riskReport("t40");
    expect(rr.risks.map((r) => [r.advisory.id, r.depth, r.path.length])).toEqual([["record:t0@1.0.0:csam", 80, 80]]);
    expect(profiled.totalHits()).toBeLessThan(LINEAR_BOUND);
    // Where the project's procedure is installed it reads the upstream (a breadth-first walk; its
    // db hits are not profiled). Without it, one Cypher statement does, expanding breadth-first.
    profiled.profiles = [];
    const { assets, advisories, policy, events, cache } = services;
    const withoutProcedure = new RiskService(profiled, assets, advisories, policy, events, cache, "node");
    expect(await withoutProcedure.riskReport("t40")).toEqual(rr);
    expect(profiled.totalHits()).toBeLessThan(LINEAR_BOUND);
    const operators = profiled.profiles.flatMap((p) => p.operators);
    expect(operators).toContain("VarLengthExpand(Pruning,BFS,All)");
    expect(operators).not.toContain("VarLengthExpand(All)");
  });

  it("paths returns the shortest chains without enumerating the 2^40 paths", async () => {
    profiled.profiles = [];
    const paths = await services.lineage.paths({ from: "t40", to: "t0", limit: 3 });
    expect(paths.map((p) => p.length)).toEqual([80, 80, 80]);
    expect(new Set(paths.map((p) => p.map((e) => e.to).join(" "))).size).toBe(3);
    const shortest = profiled.profiles.find((p) => p.name === "traverse/shortest-paths")!;
    expect(shortest.operators).toContain("StatefulShortestPath(Into)");
    expect(shortest.dbHits).toBeLessThan(LINEAR_BOUND);
  });

  it("maxDepth cuts the answer and says so", async () => {
    const up = await services.lineage.lineage({ key: "t40", direction: "UPSTREAM", maxDepth: 4 });
    expect(up.totalCount).toBe(6);
    expect(up.complete).toBe(false);
    expect(up.cutReason).toBe("maxDepth 4 reached: more assets lie further upstream");
    const all = await services.lineage.lineage({ key: "t2", direction: "UPSTREAM", maxDepth: 4 });
    expect([all.totalCount, all.complete, all.cutReason]).toEqual([6, true, null]);
  });
});

describe("a fan-out of 5,000 dependents", () => {
  beforeAll(async () => {
    await wipe(db);
    const records = [umr("hub", "1.0.0", "model", [], { risk: { legal: true } })];
    for (let i = 0; i < 5000; i++) records.push(umr(`d${String(i).padStart(4, "0")}`, "1.0.0", "model", ["hub"]));
    const r = await ingestInputs(db, records);
    expect(r.accepted).toBe(5001);
  });

  it("pages every dependent exactly once, and totalCount equals the number returned", async () => {
    for (const [field, args] of [
      ["lineage", 'key: "hub", direction: DOWNSTREAM'],
      ["blastRadius", 'advisoryId: "record:hub@1.0.0:legal"'],
    ] as const) {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const res: any = await api.run(
          `query($after: String) { r: ${field}(${args}, first: 700, after: $after) { totalCount complete edges { node { asset { key } depth } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(res.errors).toBeUndefined();
        total = res.data.r.totalCount;
        seen.push(...res.data.r.edges.map((e: any) => e.node.asset.key));
        if (!res.data.r.pageInfo.hasNextPage) break;
        after = res.data.r.pageInfo.endCursor;
      }
      const expected = field === "lineage" ? 5000 : 5001;
      expect(seen).toHaveLength(expected);
      expect(new Set(seen).size).toBe(expected);
      expect(total).toBe(expected);
    }
  });
});

describe("a cycle", () => {
  it("terminates with each asset once, at its shortest depth", async () => {
    await wipe(db);
    await ingestInputs(db, [
      umr("p", "1.0.0", "model", ["q"]),
      umr("q", "1.0.0", "model", ["r"]),
      umr("r", "1.0.0", "model", ["p", "s"]),
      umr("s", "1.0.0", "dataset", [], { risk: { privacy: true } }),
    ]);
    const res = await api.run(`{
      up: lineage(key: "p", direction: UPSTREAM) { totalCount complete edges { node { asset { key } depth } } }
      down: lineage(key: "p", direction: DOWNSTREAM) { totalCount edges { node { asset { key } depth } } }
      risk: riskReport(key: "q") { risks { advisory { category } depth path { from { key } to { key } } } }
      br: blastRadius(advisoryId: "record:s@1.0.0:privacy") { totalCount byDepth { key count } }
    }`);
    expect(res.data).toEqual({
      up: {
        totalCount: 3,
        complete: true,
        edges: [
          { node: { asset: { key: "q@1.0.0" }, depth: 1 } },
          { node: { asset: { key: "r@1.0.0" }, depth: 2 } },
          { node: { asset: { key: "s@1.0.0" }, depth: 3 } },
        ],
      },
      down: {
        totalCount: 2,
        edges: [{ node: { asset: { key: "r@1.0.0" }, depth: 1 } }, { node: { asset: { key: "q@1.0.0" }, depth: 2 } }],
      },
      risk: {
        risks: [
          {
            advisory: { category: "PRIVACY" },
            depth: 2,
            path: [
              { from: { key: "q@1.0.0" }, to: { key: "r@1.0.0" } },
              { from: { key: "r@1.0.0" }, to: { key: "s@1.0.0" } },
            ],
          },
        ],
      },
      br: {
        totalCount: 4,
        byDepth: [
          { key: "0", count: 1 },
          { key: "1", count: 1 },
          { key: "2", count: 1 },
          { key: "3", count: 1 },
        ],
      },
    });
  });
});

describe("limits and errors", () => {
  it("the depth ceiling and the path limit in cypher/ are the code's constants", () => {
    const text = fs.readFileSync(path.join(projectRoot, "cypher/traverse/shortest-paths.cypher"), "utf8");
    expect(/\{1,(\d+)\}/.exec(text)![1]).toBe(String(MAX_DEPTH));
    expect(/SHORTEST (\d+)/.exec(text)![1]).toBe(String(MAX_PATHS));
    const reach = fs.readFileSync(path.join(projectRoot, "cypher/traverse/reach.cypher"), "utf8");
    expect(/\*1\.\.(\d+)\]/.exec(reach)![1]).toBe(String(MAX_DEPTH));
  });

  it("answers LIMIT_EXCEEDED, NOT_FOUND and BAD_USER_INPUT as the contract lists", async () => {
    const queries = {
      deep: `lineage(key: "p", direction: UPSTREAM, maxDepth: 101) { totalCount }`,
      page: `lineage(key: "p", direction: UPSTREAM, first: 1001) { totalCount }`,
      gone: `lineage(key: "nothing-here", direction: UPSTREAM) { totalCount }`,
      manyPaths: `paths(from: "p", to: "s", limit: 26) { relation }`,
      both: `blastRadius(key: "p", advisoryId: "x") { totalCount }`,
      noAdvisory: `blastRadius(advisoryId: "no-such-advisory") { totalCount }`,
      cursor: `lineage(key: "p", direction: UPSTREAM, after: "bm90IGEgY3Vyc29y") { totalCount }`,
    };
    const codes: Record<string, [unknown, string]> = {};
    for (const [name, q] of Object.entries(queries)) {
      const res = await api.run(`{ ${q} }`);
      expect(res.errors).toHaveLength(1);
      codes[name] = [res.errors![0]!.extensions!.code, res.errors![0]!.message];
    }
    expect(codes).toEqual({
      deep: ["LIMIT_EXCEEDED", "maxDepth: at most 100 hops, asked for 101; leave it out to traverse up to the ceiling"],
      page: ["LIMIT_EXCEEDED", "first: at most 1000 items a page, asked for 1001; page with `after` instead"],
      gone: ["NOT_FOUND", 'key: no asset has the key or id "nothing-here"'],
      manyPaths: ["LIMIT_EXCEEDED", "limit: at most 25 paths, asked for 26"],
      both: ["BAD_USER_INPUT", "blastRadius: give exactly one of advisoryId (a published flag) and key (what if this asset were flagged)"],
      noAdvisory: ["NOT_FOUND", 'no advisory has the id "no-such-advisory"'],
      cursor: ["BAD_USER_INPUT", 'after: "bm90IGEgY3Vyc29y" is not a cursor of this list (use an endCursor this list returned)'],
    });
  });

  it("refuses operations nested too deep or too costly, before running them", async () => {
    const nest = (n: number): string => (n === 0 ? "key" : `upstream { to { ${nest(n - 1)} } }`);
    const deep = await api.run(`{ asset(key: "p") { ${nest(8)} } }`);
    expect(deep.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(deep.errors?.[0]?.message).toBe(
      "the operation nests 18 fields deep; at most 15 are allowed. Ask for less at once, or split it into several operations.",
    );
    expect(api.statements).toEqual([]);
    const costly = await api.run(
      `{ assets(first: 1000) { edges { node { downstream(first: 1000) { edges { node { from { key } } } } } } } }`,
    );
    expect(costly.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(costly.errors?.[0]?.message).toMatch(/^the operation's estimated cost is \d+; at most 100000 is allowed/);
  });

  it("a Neo4j transaction timeout answers LIMIT_EXCEEDED with advice instead of hanging", async () => {
    const slow = { name: "test/slow", text: "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n" };
    const err = await db.read(slow, {}, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitExceededError);
    expect((err as Error).message).toBe(
      "the query ran past its time budget and was stopped. Narrow it (a smaller maxDepth, fewer edge types, a smaller page) and ask again.",
    );
    // The statement's name is for the logs (and the CLI), not for the answer.
    expect((err as LimitExceededError).internal).toMatch(/^statement test\/slow: /);
  });

  it("masks unknown errors as INTERNAL_SERVER_ERROR and logs them", async () => {
    const logged: string[] = [];
    const logger = pino({ level: "error" }, { write: (line: string) => void logged.push(line) });
    const broken = Object.create(db) as Executor;
    broken.read = async () => {
      throw new Error("disk on fire: /var/lib/neo4j");
    };
    const failing = await testApi(broken, logger);
    const res = await failing.run(`{ assets { totalCount } }`);
    expect(res.errors).toEqual([
      {
        message: "Internal server error: the error was logged on the server.",
        path: ["assets"],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      },
    ]);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({
      msg: "unexpected error while answering a GraphQL request",
      path: ["assets"],
      err: { message: "disk on fire: /var/lib/neo4j" },
    });
  });
});
