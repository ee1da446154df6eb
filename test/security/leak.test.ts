// The leak test: a private record whose key, name, description, extra, contacts, owner and
// publisher each carry a marker, asked for by every query of the contract, every HTTP route and
// every export format, as anonymous and as another organisation's reader: the marker appears in
// no body, header or error, and the counts add up; risk still travels through the hidden step.
// As its owner and as an auditor the record is visible (the auditor's read is in the trail).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSecurity } from "../../src/config.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/log.js";
import { cliViewer } from "../../src/model/viewer.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { publishSite } from "../../src/publish/site.js";
import { Services } from "../../src/services/services.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

const MARK = /zqxmark/i;
const ADMIN = "leak-test-admin-token-0123456789";
let db: Executor;
let server: HttpServer;
const tokens: Record<string, string> = {};

async function post(query: string, token?: string) {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  return { text: text + JSON.stringify([...res.headers.entries()]), json: JSON.parse(text) as { data?: any; errors?: any[] } };
}

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  // public flagged dataset ← secretco's private fine-tune ← acme's public app
  await ingestInputs(db, [umr("pub-data", "1.0.0", "dataset", [], { risk: { csam: true } })]);
  await ingestInputs(
    db,
    [
      umr("zqxmark-finetune", "1.0.0", "model", ["pub-data"], {
        metadata: { name: "ZQXMARK name", description: "ZQXMARK description", publisher: "ZQXMARK publisher" },
        owner: "ZQXMARK owner",
        contacts: ["zqxmark-contact@secret.example"],
        visibility: "private",
        notes: { secret: "ZQXMARK extra" },
      }),
    ],
    { viewer: cliViewer("secretco") },
  );
  await ingestInputs(db, [umr("acme-app", "1.0.0", "application", ["zqxmark-finetune"], { contacts: ["ops@acme.example"] })], {
    viewer: cliViewer("acme"),
  });
  server = await startHttpServer({ db, log: silentLogger, port: 0, security: loadSecurity({ UMR_ADMIN_TOKEN: ADMIN }) });
  for (const [name, org, role] of [
    ["acmeReader", "acme", "READER"],
    ["owner", "secretco", "READER"],
    ["auditor", "audit-firm", "AUDITOR"],
  ] as const) {
    const r = await post(`mutation { createApiKey(input: {org: "${org}", role: ${role}}) { token } }`, ADMIN);
    tokens[name] = r.json.data.createApiKey.token as string;
  }
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const QUERIES: Record<string, string> = {
  asset: `{ asset(key: "zqxmark-finetune@1.0.0") { key name } }`,
  assetById: `{ asset(key: "zqxmark-finetune") { key } }`,
  assets: `{ assets(first: 100) { totalCount edges { node { key name description publisher owner contacts extra } } } }`,
  search: `{ assets(filter: {text: "zqxmark"}) { totalCount edges { node { key } } } }`,
  upstreamEdges: `{ asset(key: "acme-app") { upstream { relation constraint to { key id name kind publisher owner contacts extra redacted upstream { to { key } } } } } }`,
  downstreamEdges: `{ asset(key: "pub-data") { downstream { totalCount edges { node { from { key name owner contacts redacted } } } } } }`,
  lineageUp: `{ lineage(key: "acme-app", direction: UPSTREAM) { totalCount hiddenCount edges { node { redacted depth asset { key name publisher owner contacts extra } path { from { key } to { key name } } } } } }`,
  lineageDown: `{ lineage(key: "pub-data", direction: DOWNSTREAM) { totalCount hiddenCount edges { node { redacted asset { key name } path { from { key } to { key } } } } } }`,
  paths: `{ paths(from: "acme-app", to: "pub-data") { from { key name } to { key name } } }`,
  blastWhatIf: `{ blastRadius(key: "pub-data") { totalCount hiddenCount contacts byPublisher { key count } byKind { key count } edges { node { redacted asset { key name owner contacts } path { from { key } to { key } } } } } }`,
  blastAdvisory: `{ blastRadius(advisoryId: "record:pub-data@1.0.0:csam") { totalCount hiddenCount contacts edges { node { asset { key } } } } }`,
  riskReport: `{ riskReport(key: "acme-app") { highestSeverity risks { advisory { id affectsId summary } depth redacted path { from { key name } to { key name } } } } }`,
  audit: `{ audit(keys: ["acme-app"]) { unknown audited highestSeverity findings { advisory { id affectsId } reaches { asset { key } path { from { key } to { key } } } } } }`,
  advisories: `{ advisories { totalCount edges { node { id affectsId summary } } } }`,
  ...Object.fromEntries(
    ["JSON", "GRAPHML", "DOT", "CSV", "CYPHER"].map((f) => [
      `export${f}`,
      `{ up: exportSubgraph(roots: ["acme-app"], direction: UPSTREAM, format: ${f}) { content nodeCount } down: exportSubgraph(roots: ["pub-data"], direction: DOWNSTREAM, format: ${f}) { content nodeCount } }`,
    ]),
  ),
};

const ROUTES = [
  "/export?roots=acme-app&direction=UPSTREAM&format=JSON",
  "/export?roots=pub-data&direction=DOWNSTREAM&format=CSV",
  "/export/bundle?roots=pub-data&direction=DOWNSTREAM",
  "/records/",
  "/records/acme-app@1.0.0.html",
  "/records/acme-app@1.0.0.md",
  "/records/acme-app@1.0.0.tex",
  "/records/acme-app@1.0.0.svg",
  "/records/acme-app@1.0.0.dot",
  "/records/pub-data@1.0.0.md",
];

/**
 * Asked by its key or id, the private record answers exactly as a key that names nothing: the
 * same answer, but for the caller's own words echoed back (and the request id).
 */
const NAMING_IT: Record<string, string> = {
  asset: `{ asset(key: "zqxmark-finetune@1.0.0") { key name } }`,
  lineage: `{ lineage(key: "zqxmark-finetune", direction: UPSTREAM) { totalCount } }`,
  riskReport: `{ riskReport(key: "zqxmark-finetune@1.0.0") { highestSeverity } }`,
  blastRadius: `{ blastRadius(key: "zqxmark-finetune") { totalCount } }`,
  paths: `{ paths(from: "zqxmark-finetune", to: "pub-data") { from { key } } }`,
  audit: `{ audit(keys: ["acme-app", "zqxmark-finetune", "zqxmark-finetune@1.0.0"]) { unknown audited highestSeverity } }`,
  export: `{ exportSubgraph(roots: ["zqxmark-finetune"], direction: UPSTREAM, format: JSON) { nodeCount } }`,
};
const NAMING_ROUTES = [
  "/export?roots=zqxmark-finetune&direction=UPSTREAM&format=JSON",
  "/records/zqxmark-finetune@1.0.0.html",
  "/records/zqxmark-finetune.md",
];
const asUnknown = (text: string) => text.replace(/zqxmark/g, "nosuchthing");
const comparable = (text: string) => text.replace(/"requestId":"[^"]*"/g, '"requestId":"…"');

describe.each(["anonymous", "acmeReader"])("as %s, the private record never shows", (who) => {
  const token = () => (who === "anonymous" ? undefined : tokens[who]);

  it.each(Object.keys(QUERIES))("GraphQL %s", async (name) => {
    const r = await post(QUERIES[name]!, token());
    expect(r.text).not.toMatch(MARK);
  });

  it.each(ROUTES)("GET %s", async (route) => {
    const res = await fetch(`http://127.0.0.1:${server.port}${route}`, { headers: token() ? { authorization: `Bearer ${token()}` } : {} });
    const body = Buffer.from(await res.arrayBuffer()).toString("latin1");
    expect(body + JSON.stringify([...res.headers.entries()])).not.toMatch(MARK);
  });

  it.each(Object.keys(NAMING_IT))("GraphQL %s naming it answers as for an unknown key", async (name) => {
    const q = NAMING_IT[name]!;
    const hidden = await post(q, token());
    const unknown = await post(asUnknown(q), token());
    expect(comparable(asUnknown(JSON.stringify(hidden.json)))).toBe(comparable(JSON.stringify(unknown.json)));
  });

  it.each(NAMING_ROUTES)("GET %s answers as for an unknown key", async (route) => {
    const get = async (r: string) => {
      const res = await fetch(`http://127.0.0.1:${server.port}${r}`, { headers: token() ? { authorization: `Bearer ${token()}` } : {} });
      return `${res.status} ${comparable(await res.text())}`;
    };
    expect(asUnknown(await get(route))).toBe(await get(asUnknown(route)));
  });

  it("the counts add up, and risk travels through the hidden step", async () => {
    const up = (await post(QUERIES.lineageUp!, token())).json.data.lineage;
    expect([up.totalCount, up.hiddenCount, up.edges.map((e: any) => [e.node.depth, e.node.redacted, e.node.asset.name])]).toEqual([
      2,
      1,
      [
        [1, true, "(hidden)"],
        [2, false, "PUB-DATA"],
      ],
    ]);
    const blast = (await post(QUERIES.blastWhatIf!, token())).json.data.blastRadius;
    expect([blast.totalCount, blast.hiddenCount, blast.contacts, blast.byPublisher]).toEqual([
      3,
      1,
      ["ops@acme.example"],
      [
        { key: "(unknown)", count: 2 },
        { key: "(hidden)", count: 1 },
      ],
    ]);
    const risk = (await post(QUERIES.riskReport!, token())).json.data.riskReport;
    expect(risk.highestSeverity).toBe("CRITICAL");
    expect(risk.risks[0].depth).toBe(2);
    expect(risk.risks[0].path[0].to.name).toBe("(hidden)");
    expect(risk.risks[0].path[0].to.key).toMatch(/^hidden:[0-9a-f]{16}$/);
    const audit = (await post(QUERIES.audit!, token())).json.data.audit;
    expect([audit.unknown, audit.audited, audit.highestSeverity]).toEqual([[], ["acme-app@1.0.0"], "CRITICAL"]);
  });

  it("the static site (public records only) holds no trace of it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "umr-leak-site-"));
    try {
      await publishSite(new Services(db, silentLogger), dir);
      const files = fs.readdirSync(dir);
      expect(files.some((f) => MARK.test(f))).toBe(false);
      for (const f of files.filter((x) => !x.endsWith(".pdf"))) expect(fs.readFileSync(path.join(dir, f), "latin1"), f).not.toMatch(MARK);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("its owner and auditors see it", () => {
  it("the owner's organisation sees its own private record", async () => {
    const r = await post(QUERIES.asset!, tokens.owner);
    expect(r.json.data.asset).toEqual({ key: "zqxmark-finetune@1.0.0", name: "ZQXMARK name" });
    const up = (await post(QUERIES.lineageUp!, tokens.owner)).json.data.lineage;
    expect([up.hiddenCount, up.edges[0].node.asset.name]).toEqual([0, "ZQXMARK name"]);
  });

  it("an auditor sees it, and the read is in the trail", async () => {
    const up = (await post(QUERIES.lineageUp!, tokens.auditor)).json.data.lineage;
    expect([up.hiddenCount, up.edges[0].node.asset.key]).toEqual([0, "zqxmark-finetune@1.0.0"]);
    const events = (await post(`{ events(filter: {operation: "private.read"}) { edges { node { org keys outcome } } } }`, tokens.auditor))
      .json.data.events;
    expect(events.edges.map((e: any) => e.node)).toContainEqual({ org: "audit-firm", keys: ["zqxmark-finetune@1.0.0"], outcome: "read" });
  });
});
