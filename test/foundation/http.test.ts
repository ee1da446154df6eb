// The HTTP face, over real HTTP: health, readiness (and its 503 when Neo4j does not answer), GraphQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSecurity } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { createDriver, Executor } from "../../src/neo4j/executor.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { openTestDb, wipe } from "../helpers/db.js";

let db: Executor;
let server: HttpServer;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  server = await startHttpServer({ db, log: silentLogger, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const base = () => `http://127.0.0.1:${server.port}`;

describe("HTTP endpoints", () => {
  it("GET /healthz answers 200 while the process lives", async () => {
    const res = await fetch(`${base()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz answers 200 when Neo4j answers", async () => {
    const res = await fetch(`${base()}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
  });

  it("GET /readyz answers 503 with a reason when Neo4j does not answer", async () => {
    const dead = new Executor(createDriver({ uri: "bolt://127.0.0.1:9", user: "neo4j", password: "" }), undefined, silentLogger);
    const other = await startHttpServer({ db: dead, log: silentLogger, port: 0 });
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; reason: string; requestId: string };
      expect(body).toEqual({ status: "unavailable", reason: "Neo4j does not answer", requestId: res.headers.get("x-request-id") });
    } finally {
      await other.close();
      await dead.close();
    }
  });

  it("POST /graphql answers a query", async () => {
    const res = await fetch(`${base()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ asset(key: "no-such-asset-anywhere") { key } }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { asset: null } });
  });
});

describe("errors over HTTP: JSON, a code and a request id; never a stack trace or a path", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base()}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const noInternals = (text: string) => {
    expect(text).not.toMatch(/stacktrace|node_modules|\/src\/|at [A-Za-z.]+ \(/);
    expect(text).not.toContain(process.cwd());
  };

  it("a body that is not JSON answers 400 BAD_REQUEST in GraphQL's shape", async () => {
    const res = await post("{not json");
    const text = await res.text();
    noInternals(text);
    const id = res.headers.get("x-request-id")!;
    expect([res.status, res.headers.get("content-type")]).toEqual([400, "application/json; charset=utf-8"]);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: "the request body is not valid JSON", extensions: { code: "BAD_REQUEST", requestId: id } }],
    });
  });

  it("parse and validation errors carry no stack trace, and the caller's request id", async () => {
    for (const query of ["{ asset(key: ", "{ nope }"]) {
      const res = await post(JSON.stringify({ query }), { "x-request-id": "req-42" });
      const text = await res.text();
      noInternals(text);
      const body = JSON.parse(text) as { errors: { extensions: Record<string, unknown> }[] };
      expect([res.status, res.headers.get("x-request-id"), body.errors[0]!.extensions.requestId]).toEqual([400, "req-42", "req-42"]);
    }
  });

  it("an unknown enum value in the variables is the caller's error: 400 BAD_USER_INPUT", async () => {
    const res = await post(
      JSON.stringify({ query: "query($k: AssetKind) { assets(filter: {kind: $k}) { totalCount } }", variables: { k: "BOGUS" } }),
    );
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect([res.status, body.errors[0]!.extensions.code, body.errors[0]!.message]).toEqual([
      400,
      "BAD_USER_INPUT",
      'Variable "$k" got invalid value "BOGUS"; Value "BOGUS" does not exist in "AssetKind" enum.',
    ]);
  });

  it("an operation over the depth limit is the caller's error: 400 LIMIT_EXCEEDED", async () => {
    const deep = '{ asset(key: "x") { ' + "upstream { to { ".repeat(8) + "key" + " } }".repeat(8) + " } }";
    const res = await post(JSON.stringify({ query: deep }));
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect([res.status, body.errors[0]!.extensions.code]).toEqual([400, "LIMIT_EXCEEDED"]);
  });

  it("one failing field leaves the others' answers in place", async () => {
    const res = await post(
      JSON.stringify({ query: '{ gone: lineage(key: "no-such-asset", direction: UPSTREAM) { totalCount } advisories { totalCount } }' }),
    );
    const body = (await res.json()) as {
      data: unknown;
      errors: { message: string; path: string[]; extensions: Record<string, unknown> }[];
    };
    expect(body.data).toEqual({ gone: null, advisories: { totalCount: 0 } });
    expect(body.errors.map((e) => [e.path, e.extensions.code, e.message])).toEqual([
      [["gone"], "NOT_FOUND", 'key: no asset has the key or id "no-such-asset"'],
    ]);
  });

  it("search words that are Lucene operators (AND, OR, NOT) are searched for, not obeyed", async () => {
    for (const text of ["AND", "clip OR", "NOT laion", "TO"]) {
      const res = await post(JSON.stringify({ query: `{ assets(filter: {text: ${JSON.stringify(text)}}) { totalCount } }` }));
      expect([text, res.status, await res.json()]).toEqual([text, 200, { data: { assets: { totalCount: 0 } } }]);
    }
  });

  it("a body over the limit (2 MiB) answers 413 PAYLOAD_TOO_LARGE before it is parsed", async () => {
    const res = await post(JSON.stringify({ query: `{ ${"__typename ".repeat(300_000)}}` }));
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect([res.status, body.errors[0]!.extensions.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
  });

  it("answers carry standard security headers", async () => {
    const res = await fetch(`${base()}/healthz`);
    expect([res.headers.get("x-content-type-options"), res.headers.get("x-frame-options"), res.headers.get("x-powered-by")]).toEqual([
      "nosniff",
      "SAMEORIGIN",
      null,
    ]);
  });

  it("GraphQL answers, data and errors alike, may be kept by no cache", async () => {
    const ok = await post(JSON.stringify({ query: "{ __typename }" }));
    const bad = await post(JSON.stringify({ query: "{ noSuchField }" }));
    expect([ok.status, ok.headers.get("cache-control"), bad.status, bad.headers.get("cache-control")]).toEqual([
      200,
      "no-store",
      400,
      "no-store",
    ]);
  });

  it("an unknown route answers 404 in JSON", async () => {
    const res = await fetch(`${base()}/no/such/route`);
    const id = res.headers.get("x-request-id");
    expect([res.status, await res.json()]).toEqual([404, { error: "no route GET /no/such/route", code: "NOT_FOUND", requestId: id }]);
  });
});

describe("the cost limit prices traversals by the work they do", () => {
  const cost = async (query: string) => {
    const res = await fetch(`${base()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: { message: string; extensions: { code: string } }[] };
    return [res.status, body.errors?.[0]?.extensions.code ?? "OK"];
  };
  const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;

  it("1,000 aliased risk reports, 200 aliased blast radii, 25 aliased exports or 100 audits of 1,000 keys are refused before anything runs", async () => {
    expect(await cost(aliases(1000, 'riskReport(key: "x") { highestSeverity }'))).toEqual([400, "LIMIT_EXCEEDED"]);
    expect(await cost(aliases(200, 'blastRadius(key: "x") { totalCount }'))).toEqual([400, "LIMIT_EXCEEDED"]);
    expect(await cost(aliases(25, 'exportSubgraph(roots: ["x"], direction: UPSTREAM, format: JSON) { nodeCount }'))).toEqual([
      400,
      "LIMIT_EXCEEDED",
    ]);
    const keys = JSON.stringify(Array.from({ length: 1000 }, (_, i) => `k${i}`));
    expect(await cost(aliases(100, `audit(keys: ${keys}) { failed }`))).toEqual([400, "LIMIT_EXCEEDED"]);
  });

  it("one document asked again with other page sizes, @include values or keys is priced again by those that change its cost", async () => {
    const ask = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${base()}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { errors?: { extensions: { code: string } }[] };
      return body.errors?.[0]?.extensions.code ?? "OK";
    };
    const paged =
      "query($k: ID!, $n: Int = 20000) { blastRadius(key: $k, first: $n) { totalCount edges { node { asset { key name } depth } } } }";
    const many = `query($k: ID!, $all: Boolean!) { ${Array.from(
      { length: 300 },
      (_, i) => `a${i}: riskReport(key: $k) @include(if: $all) { highestSeverity }`,
    ).join(" ")} }`;
    const answers = [];
    for (const k of ["nope", "other"]) {
      answers.push(
        await ask(paged, { k, n: 50 }),
        await ask(paged, { k }),
        await ask(paged, { k, n: 20000 }),
        await ask(paged, { k, n: 50 }),
      );
      answers.push(await ask(many, { k, all: false }), await ask(many, { k, all: true }), await ask(many, { k, all: false }));
    }
    // A bad value of a variable the cost does not depend on is still refused, on a known document.
    answers.push(await ask(paged, { k: ["not", "an", "id"], n: 50 }));
    const round = ["NOT_FOUND", "LIMIT_EXCEEDED", "LIMIT_EXCEEDED", "NOT_FOUND", "OK", "LIMIT_EXCEEDED", "OK"];
    expect(answers).toEqual([...round, ...round, "BAD_USER_INPUT"]);
  });

  it("an ordinary dashboard operation stays within it", async () => {
    expect(
      await cost(
        '{ r: riskReport(key: "nope") { highestSeverity } b: blastRadius(key: "nope", first: 50) { totalCount edges { node { asset { key name } depth } } } }',
      ),
    ).toEqual([200, "NOT_FOUND"]);
  });
});

describe("every request has a time budget", () => {
  it("a query past the request's budget is cancelled and answers LIMIT_EXCEEDED (here a budget of 0 ms)", async () => {
    const strict = await startHttpServer({ db, log: silentLogger, port: 0, security: { ...loadSecurity({}), requestBudgetMs: 0 } });
    try {
      const res = await fetch(strict.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ lineage(key: "x", direction: UPSTREAM) { totalCount } }' }),
      });
      const body = (await res.json()) as { data: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect([body.data, body.errors.map((e) => [e.extensions.code, e.message])]).toEqual([
        { lineage: null },
        [["LIMIT_EXCEEDED", "the request ran past its time budget; ask for less at once (fewer aliases, keys or hops) and ask again"]],
      ]);
    } finally {
      await strict.close();
    }
  });
});

describe("rate limits", () => {
  it("past its limit a caller gets 429 with Retry-After and the code RATE_LIMITED; another credential and /healthz are not held", async () => {
    const limited = await startHttpServer({
      db,
      log: silentLogger,
      port: 0,
      security: { ...loadSecurity({ UMR_ADMIN_TOKEN: "rate-admin-token-0123456789abcdef" }), rateLimitPerMinute: 3 },
    });
    const ask = (auth?: string) =>
      fetch(limited.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await ask()).status);
      const refused = await ask();
      const body = (await refused.json()) as { error: string; code: string };
      expect([...statuses, refused.status, body.code, body.error]).toEqual([
        200,
        200,
        200,
        429,
        "RATE_LIMITED",
        "more than 3 requests a minute; wait for Retry-After seconds",
      ]);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      // The limit is per credential: the admin's own budget is untouched.
      expect((await ask("rate-admin-token-0123456789abcdef")).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${limited.port}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
