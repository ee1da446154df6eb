// Trust over real HTTP and a real Neo4j: every cell of the role × operation matrix, ownership,
// a spoofed organisation header, a revoked key, OIDC tokens (keys made here, a JWKS served on
// 127.0.0.1), and the audit trail that each write leaves.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSecurity } from "../../src/config.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/log.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
let db: Executor;
let server: HttpServer;
let jwks: http.Server;
let signingKey: CryptoKey;
let otherKey: CryptoKey;
const tokens: Record<string, string> = {};

async function gql(query: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
}
const codeOf = (r: Awaited<ReturnType<typeof gql>>) => r.body.errors?.[0]?.extensions.code ?? "OK";

async function createKey(org: string, role: string, name: string): Promise<string> {
  const r = await gql(
    `mutation { createApiKey(input: {org: "${org}", role: ${role}, name: "${name}"}) { token key { id org role name } } }`,
    ADMIN_TOKEN,
  );
  expect(r.body.data.createApiKey.key).toMatchObject({ org, role, name });
  return r.body.data.createApiKey.token as string;
}

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  // A JWKS for OIDC, on loopback.
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair("RS256")).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  jwks = http.createServer((_req, res) => res.setHeader("content-type", "application/json").end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((r) => jwks.listen(0, "127.0.0.1", r));
  const security = loadSecurity({
    UMR_ADMIN_TOKEN: ADMIN_TOKEN,
    UMR_OIDC_ISSUER: "https://idp.test",
    UMR_OIDC_AUDIENCE: "umr-graph",
    UMR_OIDC_JWKS: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
  });
  server = await startHttpServer({ db, log: silentLogger, port: 0, security });
  for (const role of ["READER", "PUBLISHER", "SECURITY", "AUDITOR", "ADMIN"])
    tokens[role] = await createKey("acme", role, `acme ${role.toLowerCase()}`);
  tokens.OTHER_SECURITY = await createKey("other", "SECURITY", "other security");
  // acme owns acme-base (its publisher wrote it); laion-5b was written by the system.
  expect(codeOf(await gql(ingestMutation("acme-base", "1.0.0"), tokens.PUBLISHER))).toBe("OK");
  await ingestInputs(db, [umr("laion-5b", "1.0.0", "dataset", [], { risk: { csam: true } })]);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await db?.close();
  jwks?.close();
});

function ingestMutation(id: string, version: string, upstream: string[] = []) {
  const content = JSON.stringify({ mr: { type: "model", metadata: { name: id }, relations: { upstream } } });
  return `mutation { ingestRecords(input: {documents: [{source: "${id}/${id}-${version}.json", content: ${JSON.stringify(content)}}]}) { accepted rejected problems { code message } } }`;
}

const VIEWERS = ["anonymous", "READER", "PUBLISHER", "SECURITY", "AUDITOR", "ADMIN"] as const;
type ViewerName = (typeof VIEWERS)[number];
const tokenOf = (v: ViewerName) => (v === "anonymous" ? undefined : tokens[v]);
const denied = (v: ViewerName) => (v === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");

// Each operation, and who may run it.
const MATRIX: { op: string; allowed: readonly ViewerName[]; run: (v: ViewerName) => Promise<string> }[] = [
  { op: "read an asset", allowed: VIEWERS, run: async (v) => codeOf(await gql(`{ asset(key: "acme-base") { key } }`, tokenOf(v))) },
  {
    op: "ingest records",
    allowed: ["PUBLISHER", "SECURITY", "ADMIN"],
    run: async (v) => codeOf(await gql(ingestMutation(`acme-${v.toLowerCase()}`, "1.0.0"), tokenOf(v))),
  },
  {
    op: "publish an advisory",
    allowed: ["SECURITY", "ADMIN"],
    run: async (v) =>
      codeOf(
        await gql(
          `mutation { publishAdvisory(input: {id: "P-${v}", category: SECURITY, severity: HIGH, affectsId: "acme-base", summary: "s"}) { id } }`,
          tokenOf(v),
        ),
      ),
  },
  {
    op: "withdraw an advisory",
    allowed: ["SECURITY", "ADMIN"],
    run: async (v) => {
      await gql(
        `mutation { publishAdvisory(input: {id: "W-${v}", category: SECURITY, severity: HIGH, affectsId: "acme-base", summary: "s"}) { id } }`,
        tokens.SECURITY,
      );
      return codeOf(await gql(`mutation { withdrawAdvisory(id: "W-${v}", reason: "r") { id } }`, tokenOf(v)));
    },
  },
  {
    op: "write an exemption",
    allowed: ["SECURITY", "ADMIN"],
    run: async (v) => {
      await gql(
        `mutation { publishAdvisory(input: {id: "X-${v}", category: SECURITY, severity: HIGH, affectsId: "acme-base", summary: "s"}) { id } }`,
        tokens.SECURITY,
      );
      return codeOf(
        await gql(`mutation { addExemption(input: {advisoryId: "X-${v}", assetKey: "acme-base", justification: "j"}) }`, tokenOf(v)),
      );
    },
  },
  {
    op: "read the audit trail",
    allowed: ["AUDITOR", "ADMIN"],
    run: async (v) => codeOf(await gql(`{ events(first: 1) { totalCount } }`, tokenOf(v))),
  },
  { op: "list API keys", allowed: ["ADMIN"], run: async (v) => codeOf(await gql(`{ apiKeys { id } }`, tokenOf(v))) },
  {
    op: "create an API key",
    allowed: ["ADMIN"],
    run: async (v) => codeOf(await gql(`mutation { createApiKey(input: {org: "acme", role: READER}) { token } }`, tokenOf(v))),
  },
];

describe("the role × operation matrix", () => {
  for (const { op, allowed, run } of MATRIX) {
    for (const v of VIEWERS) {
      const expected = allowed.includes(v) ? "OK" : denied(v);
      it(`${op} as ${v}: ${expected}`, async () => {
        expect(await run(v)).toBe(expected);
      });
    }
  }
});

describe("ownership", () => {
  it("a version of an id another organisation owns is FORBIDDEN and writes nothing", async () => {
    const r = await gql(ingestMutation("acme-base", "2.0.0"), tokens.OTHER_SECURITY);
    expect(r.body.data.ingestRecords).toEqual({
      accepted: 0,
      rejected: 1,
      problems: [
        { code: "FORBIDDEN", message: "FORBIDDEN: acme-base belongs to acme; other may not publish versions of it" },
        {
          code: "BAD_USER_INPUT",
          message:
            "nothing was written: 1 record is invalid, and an ingest is all or nothing (accept the 0 valid records with --partial / partial: true)",
        },
      ],
    });
    expect((await gql(`{ asset(key: "acme-base@2.0.0") { key } }`)).body.data.asset).toBeNull();
    expect(codeOf(await gql(ingestMutation("acme-base", "2.0.0"), tokens.PUBLISHER))).toBe("OK");
  });

  it("an id written by the system takes versions from admins only: a 'clean' laion-5b@9.9.9 is refused", async () => {
    const r = await gql(ingestMutation("laion-5b", "9.9.9"), tokens.SECURITY);
    expect(r.body.data.ingestRecords.problems[0].message).toBe(
      "FORBIDDEN: laion-5b belongs to no organisation (only an admin may add its versions); acme may not publish versions of it",
    );
  });

  it("another organisation may not exempt acme's asset, nor withdraw acme's advisory; nobody exempts the flagged source it does not own", async () => {
    await gql(
      `mutation { publishAdvisory(input: {id: "OWN-1", category: LEGAL, severity: HIGH, affectsId: "acme-base", summary: "s"}) { id } }`,
      tokens.SECURITY,
    );
    const exempt = await gql(
      `mutation { addExemption(input: {advisoryId: "OWN-1", assetKey: "acme-base@1.0.0", justification: "j"}) }`,
      tokens.OTHER_SECURITY,
    );
    expect([codeOf(exempt), exempt.body.errors![0]!.message]).toEqual([
      "FORBIDDEN",
      "acme-base@1.0.0 belongs to acme; other may not write exemptions for it",
    ]);
    const withdraw = await gql(`mutation { withdrawAdvisory(id: "OWN-1", reason: "r") { id } }`, tokens.OTHER_SECURITY);
    expect([codeOf(withdraw), withdraw.body.errors![0]!.message]).toEqual([
      "FORBIDDEN",
      "OWN-1 was published by acme; only it (or an admin) may withdraw it",
    ]);
    const flagged = await gql(
      `mutation { addExemption(input: {advisoryId: "record:laion-5b@1.0.0:csam", assetKey: "laion-5b", justification: "clean"}) }`,
      tokens.SECURITY,
    );
    expect(codeOf(flagged)).toBe("FORBIDDEN");
    const radius = await gql(`{ blastRadius(advisoryId: "record:laion-5b@1.0.0:csam") { totalCount } }`);
    expect(radius.body.data.blastRadius.totalCount).toBe(1);
  });

  it("a spoofed x-umr-org changes nothing: anonymous stays anonymous, a key's organisation stays its own", async () => {
    const anon = await gql(`mutation { withdrawAdvisory(id: "record:laion-5b@1.0.0:csam", reason: "r") { id } }`, undefined, {
      "x-umr-org": "X Corp",
    });
    expect(codeOf(anon)).toBe("UNAUTHENTICATED");
    const spoof = await gql(ingestMutation("acme-base", "3.0.0"), tokens.OTHER_SECURITY, { "x-umr-org": "acme" });
    expect(spoof.body.data.ingestRecords.problems[0].code).toBe("FORBIDDEN");
  });
});

describe("credentials", () => {
  it("a revoked key is refused on its next request", async () => {
    const token = await createKey("acme", "READER", "to revoke");
    expect((await gql(`{ asset(key: "acme-base") { key } }`, token)).status).toBe(200);
    const id = token.split("_")[1]!;
    expect(codeOf(await gql(`mutation { revokeApiKey(id: "${id}") { revokedAt } }`, ADMIN_TOKEN))).toBe("OK");
    const after = await gql(`{ asset(key: "acme-base") { key } }`, token);
    expect([after.status, codeOf(after)]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("a token that is not a key at all, or a key with a wrong secret, is refused", async () => {
    for (const bad of ["nonsense", `${tokens.READER!.slice(0, -4)}AAAA`]) {
      const r = await gql(`{ asset(key: "acme-base") { key } }`, bad);
      expect([r.status, codeOf(r)]).toEqual([401, "UNAUTHENTICATED"]);
    }
  });

  const jwt = (claims: Record<string, unknown>, opts: { key?: CryptoKey; audience?: string; expires?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer("https://idp.test")
      .setAudience(opts.audience ?? "umr-graph")
      .setSubject("alice@acme.test")
      .setIssuedAt()
      .setExpirationTime(opts.expires ?? "5m")
      .sign(opts.key ?? signingKey);

  it("an OIDC token of the issuer, for the audience, unexpired, is a viewer with its organisation and roles", async () => {
    const token = await jwt({ org: "acme", roles: ["SECURITY"] });
    const r = await gql(
      `mutation { publishAdvisory(input: {id: "OIDC-1", category: BIAS, severity: LOW, affectsId: "acme-base", summary: "s"}) { id publishedAt } }`,
      token,
    );
    expect(codeOf(r)).toBe("OK");
    const events = await gql(
      `{ events(filter: {key: "OIDC-1"}) { edges { node { operation org subject credentialId } } } }`,
      tokens.AUDITOR,
    );
    expect(events.body.data.events.edges.map((e: any) => e.node)).toEqual([
      { operation: "advisory.publish", org: "acme", subject: "alice@acme.test", credentialId: "oidc:https://idp.test" },
    ]);
  });

  it.each([
    ["expired", () => jwt({ org: "acme", roles: ["ADMIN"] }, { expires: "-1m" })],
    ["for another audience", () => jwt({ org: "acme", roles: ["ADMIN"] }, { audience: "someone-else" })],
    ["signed by another key", () => jwt({ org: "acme", roles: ["ADMIN"] }, { key: otherKey })],
  ])("an OIDC token %s is refused (UNAUTHENTICATED)", async (_what, make) => {
    const r = await gql(`{ apiKeys { id } }`, await make());
    expect([r.status, codeOf(r)]).toEqual([401, "UNAUTHENTICATED"]);
  });
});

describe("the audit trail", () => {
  it("holds each write with who, when, what, the request id and the outcome; it is append-only", async () => {
    const requestId = "trail-test-1";
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens.PUBLISHER}`, "x-request-id": requestId },
      body: JSON.stringify({ query: ingestMutation("acme-trail", "1.0.0") }),
    });
    expect(res.status).toBe(200);
    const r = await gql(
      `{ events(filter: {key: "acme-trail@1.0.0"}) { totalCount edges { node { operation org subject requestId keys outcome at inputHash } } } }`,
      tokens.AUDITOR,
    );
    const [e] = r.body.data.events.edges.map((x: any) => x.node);
    expect(r.body.data.events.totalCount).toBe(1);
    expect({ ...e, at: typeof e.at, inputHash: e.inputHash.length }).toEqual({
      operation: "ingest",
      org: "acme",
      subject: "acme publisher",
      requestId,
      keys: ["acme-trail@1.0.0"],
      outcome: "accepted 1, unchanged 0, placeholders 0",
      at: "string",
      inputHash: 64,
    });
    // No operation of the API changes or deletes an event.
    const mutations = (await gql(`{ __schema { mutationType { fields { name } } } }`)).body.data.__schema.mutationType.fields.map(
      (f: any) => f.name,
    );
    expect(mutations.filter((m: string) => /event/i.test(m))).toEqual([]);
  });
});
