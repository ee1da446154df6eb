// asset, assets, Asset.upstream / downstream and ingestRecords over GraphQL, on a real Neo4j.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/neo4j/executor.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs, umr } from "../helpers/ingest.js";
import { testApi, type TestApi } from "../helpers/graphql.js";
import { walksInNeo4j } from "../../src/services/procedures.js";
import { Services } from "../../src/services/services.js";
import { silentLogger } from "../../src/log.js";

let db: Executor;
let api: TestApi;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  api = await testApi(db);
  // A hub with 120 dependents (60 fine-tunes, 60 datasets it trained... no: 60 models and
  // 60 applications), two versions of the hub, and a placeholder.
  const inputs = [
    umr("hub", "1.0.0", "model", [], { metadata: { publisher: "Acme", description: "the hub model" } }),
    umr("hub", "1.1.0", "model", ["corpus", "ghost"], { metadata: { publisher: "Acme" }, tags: ["x"] }),
    umr("corpus", "1.0.0", "dataset"),
    ...Array.from({ length: 60 }, (_, i) =>
      umr(`ft${String(i).padStart(2, "0")}`, "1.0.0", "model", ["hub>=1.0.0"], { metadata: { publisher: i % 2 ? "Odd" : "Even" } }),
    ),
    ...Array.from({ length: 60 }, (_, i) => umr(`app${String(i).padStart(2, "0")}`, "1.0.0", "application", ["hub@1.1.0"])),
  ];
  const r = await ingestInputs(db, inputs);
  expect(r.accepted).toBe(123);
});
afterAll(async () => db?.close());

describe("asset", () => {
  it("by bare id answers the newest version; by key exactly that version; unknown: null", async () => {
    const res = await api.run(`{
      newest: asset(key: "hub") { key id version kind name publisher placeholder extra upstream { type relation constraint from { key } to { key placeholder } } }
      old: asset(key: "hub@1.0.0") { key description }
      ghost: asset(key: "ghost") { key version placeholder kind name }
      none: asset(key: "nope") { key }
      noVersion: asset(key: "hub@9.9.9") { key }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      newest: {
        key: "hub@1.1.0",
        id: "hub",
        version: "1.1.0",
        kind: "MODEL",
        name: "HUB",
        publisher: "Acme",
        placeholder: false,
        extra: { tags: ["x"] },
        upstream: [
          {
            type: "TRAINED_ON",
            relation: "trained_on",
            constraint: null,
            from: { key: "hub@1.1.0" },
            to: { key: "corpus@1.0.0", placeholder: false },
          },
          {
            type: "DERIVED_FROM",
            relation: "derived_from",
            constraint: null,
            from: { key: "hub@1.1.0" },
            to: { key: "ghost", placeholder: true },
          },
        ],
      },
      old: { key: "hub@1.0.0", description: "the hub model" },
      ghost: { key: "ghost", version: null, placeholder: true, kind: "MODEL", name: "ghost" },
      none: null,
      noVersion: null,
    });
  });
});

describe("assets", () => {
  it("pages in key order with filters and totalCount; every asset exactly once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const res: any = await api.run(
        `query($after: String) { assets(filter: {kind: MODEL}, first: 25, after: $after) { totalCount edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      total = res.data.assets.totalCount;
      seen.push(...res.data.assets.edges.map((e: any) => e.node.key));
      if (!res.data.assets.pageInfo.hasNextPage) break;
      after = res.data.assets.pageInfo.endCursor;
    }
    const expected = [
      "ghost",
      "hub@1.0.0",
      "hub@1.1.0",
      ...Array.from({ length: 60 }, (_, i) => `ft${String(i).padStart(2, "0")}@1.0.0`),
    ].sort();
    expect(seen).toEqual(expected);
    expect(total).toBe(63);
  });

  it("filters by publisher and by text", async () => {
    const res = await api.run(`{
      odd: assets(filter: {publisher: "Odd"}, first: 2) { totalCount edges { node { key } } }
      text: assets(filter: {text: "hub model"}) { totalCount edges { node { key } } }
    }`);
    expect(res.data).toEqual({
      odd: { totalCount: 30, edges: [{ node: { key: "ft01@1.0.0" } }, { node: { key: "ft03@1.0.0" } }] },
      text: { totalCount: 1, edges: [{ node: { key: "hub@1.0.0" } }] },
    });
  });

  it("a page of 50 assets with their edges costs a constant number of queries", async () => {
    const query = `query($n: Int) { assets(first: $n) { edges { node { key upstream { to { key name } } downstream(first: 5) { totalCount edges { node { from { key } } } } } } } }`;
    await api.run(query, { n: 5 });
    const few = api.statements.length;
    const res: any = await api.run(query, { n: 50 });
    expect(res.errors).toBeUndefined();
    expect(res.data.assets.edges).toHaveLength(50);
    expect(api.statements.length).toBe(few);
    expect([...api.statements].sort()).toEqual(
      ["asset/by-keys", "asset/count-visible", "asset/list", "edge/downstream-page", "edge/upstream"].sort(),
    );
  });

  it("a listed page carries each asset exactly as a lookup by key reads it", async () => {
    const services = new Services(db, silentLogger);
    const page = await services.assets.list({}, 10);
    const keys = page.items.map((i) => i.node);
    expect(keys).toEqual([
      "app00@1.0.0",
      "app01@1.0.0",
      "app02@1.0.0",
      "app03@1.0.0",
      "app04@1.0.0",
      "app05@1.0.0",
      "app06@1.0.0",
      "app07@1.0.0",
      "app08@1.0.0",
      "app09@1.0.0",
    ]);
    const listed = keys.map((k) => page.assets?.get(k));
    expect(listed).toEqual(await services.assets.byKeys(keys));
    // Every property a lookup projects, the listing projects too (the hub has a description and extra).
    const hub = await services.assets.list({ publisher: "Acme" }, 1);
    expect(hub.assets?.get("hub@1.0.0")).toEqual((await services.assets.byKeys(["hub@1.0.0"]))[0]);
    expect(hub.assets?.get("hub@1.0.0")?.description).toBe("the hub model");
  });

  it("rejects a page larger than the maximum with LIMIT_EXCEEDED and a foreign cursor with BAD_USER_INPUT", async () => {
    const big = await api.run(`{ assets(first: 5000) { totalCount } }`);
    expect(big.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(big.errors?.[0]?.message).toBe("first: at most 1000 items a page, asked for 5000; page with `after` instead");
    const bad = await api.run(`{ assets(after: "garbage") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("Asset.downstream", () => {
  it("pages the 120 direct dependents of hub@1.1.0 exactly once each", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await api.run(
        `query($after: String) { asset(key: "hub") { downstream(first: 50, after: $after) { totalCount edges { node { type relation from { key } } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const conn = res.data.asset.downstream;
      expect(conn.totalCount).toBe(120);
      seen.push(...conn.edges.map((e: any) => `${e.node.from.key}:${e.node.relation}`));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe("app00@1.0.0:uses");
    expect(seen[119]).toBe("ft59@1.0.0:derived_from");
  });
});

describe("blastRadius by key", () => {
  it("reads the asset an exact key names once (one statement, then the walk); a bare id resolves to its newest version first", async () => {
    // What reads assets, whichever engine walks (the procedure or the walk in Node).
    const assetReads = () => api.statements.filter((s) => s.startsWith("asset/"));
    const query = `query($k: ID!) { blastRadius(key: $k, first: 2) { totalCount edges { node { asset { key } depth } } } }`;
    const exact: any = await api.run(query, { k: "hub@1.1.0" });
    expect(exact.errors).toBeUndefined();
    expect(exact.data.blastRadius).toEqual({
      totalCount: 121,
      edges: [{ node: { asset: { key: "hub@1.1.0" }, depth: 0 } }, { node: { asset: { key: "app00@1.0.0" }, depth: 1 } }],
    });
    expect(assetReads()).toEqual(["asset/by-keys"]);
    const bare: any = await api.run(query, { k: "corpus" });
    expect(bare.errors).toBeUndefined();
    expect(bare.data.blastRadius.totalCount).toBe(122);
    expect(assetReads()).toEqual(["asset/by-keys", "asset/versions", "asset/by-keys"]);
  });
});

describe("ingestRecords", () => {
  it("registers a fine-tune (the publisher's example) and re-ingesting it is unchanged", async () => {
    const mutation = `mutation($c: String!) { ingestRecords(input: { documents: [{ source: "acme-path-vlm/acme-path-vlm-1.0.0.yaml", content: $c }] }) {
      accepted unchanged rejected placeholders acceptedKeys problems { source path message severity code line } } }`;
    const content =
      "mr:\n  type: model\n  metadata: {name: ACME Pathology VLM, publisher: ACME}\n  relations:\n    upstream:\n      - {ref: hub>=1.0.0, relation: finetune}\n";
    const first = await api.run(mutation, { c: content });
    expect(first.data).toEqual({
      ingestRecords: { accepted: 1, unchanged: 0, rejected: 0, placeholders: 0, acceptedKeys: ["acme-path-vlm@1.0.0"], problems: [] },
    });
    const again = await api.run(mutation, { c: content });
    expect(again.data).toEqual({
      ingestRecords: { accepted: 0, unchanged: 1, rejected: 0, placeholders: 0, acceptedKeys: [], problems: [] },
    });
    const up = await api.run(`{ asset(key: "acme-path-vlm") { upstream { relation constraint to { key } } } }`);
    expect(up.data).toEqual({ asset: { upstream: [{ relation: "finetune", constraint: ">=1.0.0", to: { key: "hub@1.1.0" } }] } });
  });

  it("reports a conflict with code CONFLICT and every problem of a bad document", async () => {
    const res = await api.run(`mutation { ingestRecords(input: { documents: [
      { source: "hub/hub-1.0.0.yaml", content: "mr: {type: model, metadata: {name: Other}}" },
      { source: "bad/bad-1.0.0.yaml", content: "mr:\\n  type: gizmo\\n  metadata: {}\\n" }
    ] }) { accepted rejected problems { source path message severity code line } } }`);
    expect(res.data).toEqual({
      ingestRecords: {
        accepted: 0,
        rejected: 2,
        problems: [
          {
            source: "bad/bad-1.0.0.yaml",
            path: "$.mr.type",
            message: 'expected one of "model", "dataset", "family", "application", found "gizmo"',
            severity: "error",
            code: "BAD_USER_INPUT",
            line: 2,
          },
          {
            source: "bad/bad-1.0.0.yaml",
            path: "$.mr.metadata.name",
            message: 'required field "name" is missing',
            severity: "error",
            code: "BAD_USER_INPUT",
            line: 3,
          },
          {
            source: "hub/hub-1.0.0.yaml",
            path: "$",
            message: expect.stringMatching(
              /^CONFLICT: hub@1\.0\.0 is already in the graph with other contents \(hash [0-9a-f]{12}…, this file [0-9a-f]{12}…\); versions are immutable: publish a new version instead$/,
            ),
            severity: "error",
            code: "CONFLICT",
            line: null,
          },
          {
            source: "(batch)",
            path: "$",
            message:
              "nothing was written: 2 records are invalid, and an ingest is all or nothing (accept the 0 valid records with --partial / partial: true)",
            severity: "error",
            code: "BAD_USER_INPUT",
            line: null,
          },
        ],
      },
    });
  });
});

describe("Reached.asset", () => {
  const lineage = (fields: string) =>
    `{ lineage(key: "app00@1.0.0", direction: UPSTREAM, first: 10) { totalCount edges { node { depth asset { ${fields} } } } } }`;
  // Where the project's procedure is installed (the local Neo4j registers it) the lineage is walked
  // by it — after asking its protocol, once per executor — and knows each asset's key and kind,
  // leaving the rest to one batched load for the page; the walk in Node reads its rows' summaries.
  const walked = async () => ((await walksInNeo4j(db)) ? ["traverse/walk-protocol", "traverse/walk"] : ["traverse/reach.UPSTREAM"]);

  it("answers key and kind from the walk itself (one statement); name and publisher from the Node walk's rows too, else one load for the page", async () => {
    const res = await api.run(lineage("__typename key kind name publisher"));
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      lineage: {
        totalCount: 3,
        edges: [
          { node: { depth: 1, asset: { __typename: "Asset", key: "hub@1.1.0", kind: "MODEL", name: "HUB", publisher: "Acme" } } },
          { node: { depth: 2, asset: { __typename: "Asset", key: "corpus@1.0.0", kind: "DATASET", name: "CORPUS", publisher: null } } },
          { node: { depth: 2, asset: { __typename: "Asset", key: "ghost", kind: "MODEL", name: "ghost", publisher: null } } },
        ],
      },
    });
    const walk = await walked();
    expect(api.statements).toEqual(walk.length > 1 ? [...walk, "asset/by-keys"] : walk);
    const kinds = await api.run(lineage("key kind"));
    expect((kinds.data as any).lineage.edges.map((e: any) => e.node.asset)).toEqual([
      { key: "hub@1.1.0", kind: "MODEL" },
      { key: "corpus@1.0.0", kind: "DATASET" },
      { key: "ghost", kind: "MODEL" },
    ]);
    expect(api.statements).toEqual(walk);
  });

  it("loads the assets (one more statement for the whole page) when other fields are asked", async () => {
    const res = await api.run(lineage("key name placeholder version"));
    expect(res.errors).toBeUndefined();
    expect((res.data as any).lineage.edges.map((e: any) => e.node.asset)).toEqual([
      { key: "hub@1.1.0", name: "HUB", placeholder: false, version: "1.1.0" },
      { key: "corpus@1.0.0", name: "CORPUS", placeholder: false, version: "1.0.0" },
      { key: "ghost", name: "ghost", placeholder: true, version: null },
    ]);
    expect(api.statements).toEqual([...(await walked()), "asset/by-keys"]);
  });
});

describe("Edge.from / Edge.to", () => {
  it("answer `{ key }` from the edge itself, and load the asset only for other fields", async () => {
    const keysOnly = await api.run(`{ asset(key: "hub@1.1.0") { upstream { from { key } to { __typename key } } } }`);
    expect(keysOnly.data).toEqual({
      asset: {
        upstream: [
          { from: { key: "hub@1.1.0" }, to: { __typename: "Asset", key: "corpus@1.0.0" } },
          { from: { key: "hub@1.1.0" }, to: { __typename: "Asset", key: "ghost" } },
        ],
      },
    });
    expect(api.statements).toEqual(["asset/by-keys", "edge/upstream"]);
    const more = await api.run(`{ asset(key: "hub@1.1.0") { upstream { to { key kind } } } }`);
    expect(more.data).toEqual({
      asset: { upstream: [{ to: { key: "corpus@1.0.0", kind: "DATASET" } }, { to: { key: "ghost", kind: "MODEL" } }] },
    });
    expect(api.statements).toEqual(["asset/by-keys", "edge/upstream", "asset/by-keys"]);
  });
});
