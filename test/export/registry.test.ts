// Adding an export format is one file and one registration line: this test is that experiment.
// The "file" is the exporter below; the "line" is registerExporter(tsvExporter). Nothing else
// changes, and the format is then in the schema, the GraphQL enum, the CLI's choices, the HTTP
// download and evidence bundles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import tar from "tar-stream";
import { buildBundle } from "../../src/export/bundle.js";
import type { Exporter } from "../../src/export/exporter.js";
import { exportFormatChoices, registerExporter } from "../../src/export/registry.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { printSchemaSDL } from "../../src/graphql/schema.js";
import { silentLogger } from "../../src/log.js";
import type { Subgraph } from "../../src/model/subgraph.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { Services } from "../../src/services/services.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { testApi } from "../helpers/graphql.js";
import { ingestInputs, loadInputs } from "../helpers/ingest.js";
import { umrDir } from "../helpers/shared.js";

// --- the one file ---
const tsvExporter: Exporter = {
  name: "TSV",
  description: "Edges as tab-separated values: from, relation, to.",
  extension: "tsv",
  contentType: "text/tab-separated-values",
  render: (g: Subgraph) => g.edges.map((e) => `${e.from}\t${String(e.props.relation)}\t${e.to}\n`).join(""),
};
// --- the one line ---
registerExporter(tsvExporter);

const plipEdges = [
  "plip@1.0.0\tderived_from\tclip@1.0.0",
  "plip@1.0.0\ttrained_on\tlaion-5b@1.0.0",
  "plip@1.0.0\ttrained_on\tpathology-twitter@1.0.0",
];

let db: Executor;
let server: HttpServer;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await ingestInputs(db, loadInputs(umrDir));
  server = await startHttpServer({ db, log: silentLogger, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const lines = (text: string) =>
  text
    .split("\n")
    .filter(Boolean)
    .filter((l) => l.startsWith("plip@"))
    .sort();

describe("an export format added with one file and one line", () => {
  it("is an ExportFormat value of the schema, with its description", async () => {
    expect(await printSchemaSDL()).toMatch(/"""Edges as tab-separated values: from, relation, to\."""\n {2}TSV\n/);
  });

  it("answers exportSubgraph over GraphQL", async () => {
    const api = await testApi(db);
    const r = await api.run(
      `{ exportSubgraph(roots: ["plip"], direction: UPSTREAM, maxDepth: 1, format: TSV) { format contentType content } }`,
    );
    expect(r.errors).toBeUndefined();
    const e = r.data!.exportSubgraph;
    expect([e.format, e.contentType, lines(e.content)]).toEqual(["TSV", "text/tab-separated-values", plipEdges]);
  });

  it("is one of the CLI's --format choices", () => {
    expect(exportFormatChoices()).toEqual([
      "json",
      "JSON",
      "graphml",
      "GRAPHML",
      "dot",
      "DOT",
      "csv",
      "CSV",
      "cypher",
      "CYPHER",
      "cyclonedx",
      "CYCLONEDX",
      "spdx3",
      "SPDX3",
      "prov",
      "PROV",
      "tsv",
      "TSV",
    ]);
  });

  it("is served by the HTTP download, named with its extension", async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/export?roots=plip&direction=UPSTREAM&maxDepth=1&format=tsv`);
    expect([res.status, res.headers.get("content-type"), res.headers.get("content-disposition")]).toEqual([
      200,
      "text/tab-separated-values; charset=utf-8",
      'attachment; filename="umr-plip-upstream.tsv"',
    ]);
    expect(lines(await res.text())).toEqual(plipEdges);
  });

  it("is in every evidence bundle", async () => {
    const bundle = await buildBundle(new Services(db, silentLogger).exports, { roots: ["plip"], direction: "UPSTREAM", maxDepth: 1 });
    const names: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const extract = tar.extract();
      extract.on("entry", (header, stream, next) => {
        names.push(header.name);
        stream.on("end", next);
        stream.resume();
      });
      extract.on("finish", resolve);
      extract.on("error", reject);
      extract.end(bundle);
    });
    expect(names).toContain("subgraph.tsv");
  });
});
