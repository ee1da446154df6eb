// Exports of the UMR graph: GraphML that a real XML parser reads, DOT that GraphViz renders,
// CSV that parses back, JSON and Cypher that rebuild the graph exactly, and evidence bundles
// that name any file that changed.
import { cliViewer } from "../../src/model/viewer.js";
import { exportSubgraph } from "../../src/export/export.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundle, verifyBundle } from "../../src/export/bundle.js";
import { loadJsonExport } from "../../src/export/load.js";
import { silentLogger } from "../../src/log.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { LimitExceededError } from "../../src/errors.js";
import { ExportService } from "../../src/services/export.service.js";
import { Services } from "../../src/services/services.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { neo4jCredentials, openTestDb, wipe } from "../helpers/db.js";
import { canonicalDump } from "../helpers/graph.js";
import { ingestInputs, loadInputs } from "../helpers/ingest.js";
import { umrDir } from "../helpers/shared.js";
import { runCli } from "../helpers/spawn.js";

let db: Executor;
let services: Services;
let allKeys: string[];

async function rebuild(load: () => Promise<void>) {
  await wipe(db);
  await load();
  return canonicalDump(db);
}

/** Where each member's content starts in a plain tar. */
function tarMembers(buf: Buffer): { name: string; offset: number; size: number }[] {
  const out = [];
  for (let at = 0; at + 512 <= buf.length;) {
    const name = buf
      .subarray(at, at + 100)
      .toString("utf8")
      .replace(/\0.*$/s, "");
    if (!name) break;
    const size = parseInt(
      buf
        .subarray(at + 124, at + 136)
        .toString("utf8")
        .replace(/\0.*$/s, "")
        .trim(),
      8,
    );
    out.push({ name, offset: at + 512, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe("exports of the UMR graph", () => {
  beforeAll(async () => {
    db = await openTestDb();
    await wipe(db);
    services = new Services(db, silentLogger);
    await ingestInputs(db, loadInputs(umrDir));
    await services.advisories.exempt(
      { advisoryId: "record:laion-5b@1.0.0:csam", assetKey: "plip", justification: "screened subset" },
      cliViewer("stanford"),
    );
    allKeys = (await services.assets.list({}, 1000)).items.map((i) => i.node);
    expect(allKeys).toHaveLength(88);
  });
  afterAll(async () => db?.close());

  it("GraphML parses with a real XML parser: 88 nodes, 85 edges, every data key declared", async () => {
    const e = await exportSubgraph(services.exports, allKeys, "UPSTREAM", null, "GRAPHML");
    expect([e.nodeCount, e.edgeCount, e.contentType]).toEqual([88, 85, "application/graphml+xml"]);
    expect(XMLValidator.validate(e.content)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => ["key", "node", "edge", "data"].includes(n) }).parse(e.content);
    const graph = doc.graphml.graph;
    expect([graph.node.length, graph.edge.length, graph["@_edgedefault"]]).toEqual([88, 85, "directed"]);
    const declared = new Set(doc.graphml.key.map((k: any) => k["@_id"]));
    const used = new Set([...graph.node, ...graph.edge].flatMap((x: any) => x.data.map((d: any) => d["@_key"])));
    expect([...used].filter((k) => !declared.has(k))).toEqual([]);
    const plip = graph.node.find((n: any) => n["@_id"] === "plip@1.0.0");
    expect(plip.data.find((d: any) => d["@_key"] === "n_labels")["#text"]).toBe("Asset:Model");
  });

  it("DOT renders to SVG with GraphViz (WebAssembly): boxes, cylinders, houses, flagged assets red", async () => {
    const e = await exportSubgraph(services.exports, allKeys, "UPSTREAM", null, "DOT");
    expect(e.content).toContain('"plip@1.0.0" [label="PLIP\\nplip@1.0.0", shape=box];');
    expect(e.content).toContain(
      '"laion-5b@1.0.0" [label="LAION 5B\\nlaion-5b@1.0.0", shape=cylinder, fillcolor="#f8d7da", color="#b02a37", penwidth=2];',
    );
    expect(e.content).toContain(
      '"twitter@1.0.0" [label="Twitter\\ntwitter@1.0.0", shape=house, fillcolor="#f8d7da", color="#b02a37", penwidth=2];',
    );
    expect(e.content).toContain('"plip@1.0.0" -> "laion-5b@1.0.0" [label="trained_on"];');
    const graphviz = await Graphviz.load();
    const svg = graphviz.dot(e.content);
    expect(svg.startsWith("<?xml")).toBe(true);
    expect(svg.match(/<g id="node\d+" class="node">/g)).toHaveLength(88);
    expect(svg.match(/<g id="edge\d+" class="edge">/g)).toHaveLength(85);
  });

  it("CSV parses back to 88 node rows and 85 edge rows (RFC 4180)", async () => {
    const e = await exportSubgraph(services.exports, allKeys, "UPSTREAM", null, "CSV");
    const [nodesCsv, edgesCsv] = e.content.split("\r\n\r\n");
    const nodes = parseCsv(nodesCsv!, { columns: true });
    const edges = parseCsv(edgesCsv!, { columns: true });
    expect([nodes.length, edges.length]).toEqual([88, 85]);
    expect(nodes.find((n: any) => n.key === "pathology-twitter@1.0.0")).toMatchObject({
      kind: "dataset",
      name: "Pathology twitter",
      placeholder: "false",
    });
    expect(edges.filter((x: any) => x.constraint === ">=1.0.0")).toHaveLength(32);
  });

  it("round trip: the JSON export and the Cypher export each rebuild the original graph exactly", async () => {
    const original = await canonicalDump(db);
    const json = (await exportSubgraph(services.exports, allKeys, "UPSTREAM", null, "JSON")).content;
    const script = (await exportSubgraph(services.exports, allKeys, "UPSTREAM", null, "CYPHER")).content;
    expect(original.advisories.some((a) => a.includes("record:laion-5b@1.0.0:csam"))).toBe(true);

    expect(await rebuild(async () => void (await loadJsonExport(db, json)))).toEqual(original);
    const fromScript = await rebuild(async () => {
      const session = db.driver.session();
      try {
        for (const line of script.split("\n")) if (line.trim() && !line.startsWith("//")) await session.run(line);
      } finally {
        await session.close();
      }
    });
    expect(fromScript).toEqual(original);
    // And the exemption came back with them.
    const rr = await services.risk.riskReport("rrt-mil");
    expect(rr.risks.map((r) => r.advisory.category)).toEqual(["LEGAL", "NSFW", "VIOLENCE"]);
  });

  it("an evidence bundle verifies; one changed byte in any file fails it and names the file", async () => {
    const bundle = await buildBundle(
      services.exports,
      { roots: ["rrt-mil"], direction: "UPSTREAM", maxDepth: null },
      new Date("2026-11-23T12:00:00Z"),
    );
    const ok = await verifyBundle(bundle);
    expect([ok.ok, ok.problems]).toEqual([true, []]);
    expect(ok.manifest!.counts).toEqual({ nodes: 8, edges: 7, advisories: 4, exemptions: 1 });
    expect(ok.manifest!.query).toEqual({
      operation: "exportSubgraph",
      parameters: { roots: ["rrt-mil"], direction: "UPSTREAM", maxDepth: null },
      resolvedRoots: ["rrt-mil@1.0.0"],
    });
    const members = tarMembers(bundle);
    expect(members.map((m) => m.name)).toEqual([
      "subgraph.json",
      "subgraph.graphml",
      "subgraph.dot",
      "subgraph.csv",
      "subgraph.cypher",
      "subgraph.cdx.json",
      "subgraph.spdx3.json",
      "subgraph.prov.jsonld",
      "advisories.json",
      "paths.json",
      "query.json",
      "manifest.json",
    ]);
    for (const m of members) {
      const tampered = Buffer.from(bundle);
      const at = m.offset + Math.floor(m.size / 2);
      tampered[at] = tampered[at]! ^ 0x01;
      const result = await verifyBundle(tampered);
      expect(result.ok).toBe(false);
      // A changed manifest may also garble the entries it lists; it is named first.
      if (m.name !== "manifest.json") expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.startsWith(`${m.name}: changed`)).toBe(true);
    }
  });

  it("HTTP downloads carry the right Content-Type and Content-Disposition", async () => {
    const server: HttpServer = await startHttpServer({ db, log: silentLogger, port: 0 });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const graphml = await fetch(`${base}/export?roots=plip&direction=UPSTREAM&format=GRAPHML`);
      expect(graphml.status).toBe(200);
      expect(graphml.headers.get("content-type")).toBe("application/graphml+xml; charset=utf-8");
      expect(graphml.headers.get("content-disposition")).toBe('attachment; filename="umr-plip-upstream.graphml"');
      expect(XMLValidator.validate(await graphml.text())).toBe(true);
      const bundle = await fetch(`${base}/export/bundle?roots=plip`);
      expect(bundle.headers.get("content-type")).toBe("application/x-tar");
      expect(bundle.headers.get("content-disposition")).toBe('attachment; filename="umr-evidence-plip-upstream.tar"');
      expect((await verifyBundle(Buffer.from(await bundle.arrayBuffer()))).ok).toBe(true);
      const missing = await fetch(`${base}/export?roots=nope&format=JSON`);
      expect([missing.status, await missing.json()]).toEqual([
        404,
        { error: 'roots: no asset has the key or id "nope"', code: "NOT_FOUND", requestId: missing.headers.get("x-request-id") },
      ]);
    } finally {
      await server.close();
    }
  });

  it("a subgraph over the size limit answers LIMIT_EXCEEDED with advice instead of exhausting memory", async () => {
    const small = new ExportService(db, services.assets, services.events, 5);
    await expect(exportSubgraph(small, ["plip"], "UPSTREAM", null, "JSON")).rejects.toThrow(
      new LimitExceededError("the subgraph holds more than 5 assets; export it in parts (a smaller maxDepth, or several roots at a time)"),
    );
    expect((await exportSubgraph(small, ["plip"], "UPSTREAM", 1, "JSON")).nodeCount).toBe(4);
  });

  it("umr export --bundle and umr verify-bundle, as a user runs them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "umr-bundle-"));
    const c = neo4jCredentials();
    const env = { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password, LOG_LEVEL: "error" };
    const file = path.join(dir, "evidence.tar");
    const made = await runCli(["export", "plip", "--bundle", file], env);
    expect(made.status).toBe(0);
    expect(made.stderr).toContain(`wrote ${file}: 7 assets, 6 edges, 12 files`);
    const good = await runCli(["verify-bundle", file], env);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/verified — 11 files and the manifest match/);
    const bytes = fs.readFileSync(file);
    const dot = tarMembers(bytes).find((m) => m.name === "subgraph.dot")!;
    bytes[dot.offset + 3] = bytes[dot.offset + 3]! ^ 0x20;
    fs.writeFileSync(file, bytes);
    const bad = await runCli(["verify-bundle", file], env);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`${file}: subgraph.dot: changed (sha256 `);
    expect(bad.stdout).toContain(`${file}: NOT verified — 1 problem`);
    const dotOut = await runCli(["export", "plip", "--format", "dot"], env);
    expect(dotOut.stdout.startsWith("digraph umr {")).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
