// Evidence bundles: a plain tar holding the subgraph in every format, the advisories,
// exemptions and explanation paths involved, the exact query with its parameters, the time,
// the tool's version, and a manifest with the SHA-256 of every file. verifyBundle names any
// file that changed. (Plain tar, not gzip: a changed byte is then found and named by the
// manifest, not lost in a corrupt archive.)
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import tar from "tar-stream";
import { projectRoot } from "../config.js";
import { canonicalJson } from "../records/record.js";
import type { ExportService } from "../services/export.service.js";
import type { DirectionName } from "../model/vocab.js";
import { allExporters } from "./registry.js";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";

export const BUNDLE_CONTENT_TYPE = "application/x-tar";

export function toolVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string }).version;
}

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

export interface BundleQuery {
  roots: string[];
  direction: DirectionName;
  maxDepth: number | null;
  /** The graph as it stood then (ISO time); absent: now. */
  asOf?: string | null;
}

export interface Manifest {
  tool: string;
  version: string;
  createdAt: string;
  query: { operation: "exportSubgraph"; parameters: BundleQuery; resolvedRoots: string[] };
  counts: { nodes: number; edges: number; advisories: number; exemptions: number };
  files: { name: string; sha256: string; bytes: number; contentType: string }[];
  /** SHA-256 of the manifest's canonical JSON without this field. */
  manifestDigest: string;
}

export async function buildBundle(
  exports: ExportService,
  query: BundleQuery,
  now = new Date(),
  viewer: Viewer = ANONYMOUS,
): Promise<Buffer> {
  const g = await exports.subgraph(query.roots, query.direction, query.maxDepth, viewer, query.asOf ?? null);
  const { paths, roots, hiddenCount: _hidden, ...subgraph } = g;
  const files: [string, string, string][] = allExporters().map((e) => [`subgraph.${e.extension}`, e.render(subgraph), e.contentType]);
  files.push([
    "advisories.json",
    JSON.stringify({ advisories: subgraph.advisories, exemptions: subgraph.exemptions }, null, 2) + "\n",
    "application/json",
  ]);
  files.push(["paths.json", JSON.stringify(paths, null, 2) + "\n", "application/json"]);
  files.push([
    "query.json",
    JSON.stringify({ operation: "exportSubgraph", parameters: query, resolvedRoots: roots }, null, 2) + "\n",
    "application/json",
  ]);
  const body: Omit<Manifest, "manifestDigest"> = {
    tool: "umr-graph",
    version: toolVersion(),
    createdAt: now.toISOString(),
    query: { operation: "exportSubgraph", parameters: query, resolvedRoots: roots },
    counts: {
      nodes: subgraph.nodes.length,
      edges: subgraph.edges.length,
      advisories: subgraph.advisories.length,
      exemptions: subgraph.exemptions.length,
    },
    files: files.map(([name, content, contentType]) => ({ name, sha256: sha256(content), bytes: Buffer.byteLength(content), contentType })),
  };
  const manifest: Manifest = { ...body, manifestDigest: sha256(canonicalJson(body)) };
  files.push(["manifest.json", JSON.stringify(manifest, null, 2) + "\n", "application/json"]);

  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on("data", (c: unknown) => void chunks.push(c as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    pack.on("end", () => resolve());
    pack.on("error", reject);
  });
  for (const [name, content] of files) pack.entry({ name, mtime: now, mode: 0o644 }, content);
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export interface Verification {
  ok: boolean;
  /** One line a problem, each naming the file. */
  problems: string[];
  manifest?: Manifest;
}

async function readTar(buf: Buffer): Promise<Map<string, Buffer>> {
  const extract = tar.extract();
  const files = new Map<string, Buffer>();
  const done = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, stream, next) => {
      const parts: Buffer[] = [];
      stream.on("data", (c: unknown) => void parts.push(c as Buffer));
      stream.on("end", () => {
        files.set(header.name, Buffer.concat(parts));
        next();
      });
      stream.resume();
    });
    extract.on("finish", () => resolve());
    extract.on("error", reject);
  });
  extract.end(buf);
  await done;
  return files;
}

export async function verifyBundle(buf: Buffer): Promise<Verification> {
  let files: Map<string, Buffer>;
  try {
    files = await readTar(buf);
  } catch (err) {
    return { ok: false, problems: [`the bundle is not a readable tar archive: ${(err as Error).message}`] };
  }
  const raw = files.get("manifest.json");
  if (!raw) return { ok: false, problems: ["manifest.json: missing"] };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw.toString("utf8")) as Manifest;
  } catch {
    return { ok: false, problems: ["manifest.json: changed (no longer valid JSON)"] };
  }
  const problems: string[] = [];
  const { manifestDigest, ...body } = manifest;
  if (sha256(canonicalJson(body)) !== manifestDigest) problems.push("manifest.json: changed (its digest does not match its contents)");
  for (const f of manifest.files ?? []) {
    const content = files.get(f.name);
    if (!content) problems.push(`${f.name}: missing`);
    else if (sha256(content) !== f.sha256) problems.push(`${f.name}: changed (sha256 ${sha256(content)}, the manifest says ${f.sha256})`);
  }
  for (const name of files.keys()) {
    if (name !== "manifest.json" && !(manifest.files ?? []).some((f) => f.name === name))
      problems.push(`${name}: not listed in the manifest`);
  }
  return { ok: problems.length === 0, problems, manifest };
}
