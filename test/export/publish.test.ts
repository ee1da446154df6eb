// Record publishing: a valid PDF whose text holds the lineage and the risks, pages in every
// format from the server, and a static site whose pages show the lineage SVG in Chromium.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PDFParse } from "pdf-parse";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/log.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { buildPage } from "../../src/publish/page.js";
import { toMarkdown, toPdf } from "../../src/publish/render.js";
import { publishSite } from "../../src/publish/site.js";
import { Services } from "../../src/services/services.js";
import { loadSecurity } from "../../src/config.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs, loadInputs, umr } from "../helpers/ingest.js";
import { umrDir } from "../helpers/shared.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = fs.existsSync(chromiumPath);
if (!hasChromium)
  console.warn(`record publishing: the browser check is skipped, no Chromium at ${chromiumPath} (apt-get install chromium)`);

let db: Executor;
let services: Services;

describe("record publishing", () => {
  beforeAll(async () => {
    db = await openTestDb();
    await wipe(db);
    services = new Services(db, silentLogger);
    await ingestInputs(db, loadInputs(umrDir));
  });
  afterAll(async () => db?.close());

  it("the PDF of plip@1.0.0 is a valid PDF whose text holds PLIP, LAION-5B and the CSAM risk", async () => {
    const pdf = await toPdf(await buildPage(services, "plip@1.0.0"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text, total } = await parser.getText();
    await parser.destroy();
    expect(total).toBeGreaterThanOrEqual(1);
    expect(text).toContain("PLIP");
    expect(text).toMatch(/LAION[- ]5B/);
    expect(text).toContain("laion-5b@1.0.0");
    expect(text).toContain("CRITICAL CSAM");
    expect(text).toContain("record:laion-5b@1.0.0:csam via plip@1.0.0 -> laion-5b@1.0.0 (trained_on)");
  });

  it("the Markdown page lists metadata, risks with explanations, lineage and dependents", async () => {
    const text = toMarkdown(await buildPage(services, "plip", new Date("2026-11-23T00:00:00Z")));
    expect(text.split("\n").slice(0, 3)).toEqual(["# PLIP", "", "| Field | Value |"]);
    expect(text).toContain(
      "- **CRITICAL CSAM** — The record laion-5b@1.0.0 \\(LAION 5B\\) flags csam. (`record:laion-5b@1.0.0:csam`): plip@1.0.0 → laion-5b@1.0.0 \\(trained\\_on\\)",
    );
    expect(text).toContain("| 1 | [rrt-mil@1.0.0](rrt-mil%401.0.0.md) | RRT-MIL | model |");
    expect(text).toContain("![Upstream lineage of plip@1.0.0](plip%401.0.0.svg)");
  });

  it("the server serves every format with its Content-Type", async () => {
    const server: HttpServer = await startHttpServer({ db, log: silentLogger, port: 0 });
    try {
      const base = `http://127.0.0.1:${server.port}/records`;
      const expected: Record<string, string> = {
        html: "text/html; charset=utf-8",
        md: "text/markdown; charset=utf-8",
        tex: "application/x-tex; charset=utf-8",
        pdf: "application/pdf",
        svg: "image/svg+xml; charset=utf-8",
        dot: "text/vnd.graphviz; charset=utf-8",
      };
      for (const [ext, type] of Object.entries(expected)) {
        const res = await fetch(`${base}/plip@1.0.0.${ext}`);
        expect([ext, res.status, res.headers.get("content-type")]).toEqual([ext, 200, type]);
      }
      expect(await (await fetch(`${base}/plip.tex`)).text()).toContain("\\title{PLIP}");
      const missing = await fetch(`${base}/nope@1.0.0.html`);
      expect(missing.status).toBe(404);
      const index = await (await fetch(`${base}/`)).text();
      expect(index.match(/<tr data-search=/g)).toHaveLength(88);
      // Each row shows the record's highest inherited risk, as the static site does.
      const risk = (key: string) =>
        new RegExp(`>${key.replace(/[.@]/g, "\\$&")}</a></td>(?:<td>[^<]*</td>){3}<td>([A-Z]*)</td>`).exec(index)?.[1];
      expect([risk("rrt-mil@1.0.0"), risk("twitter@1.0.0"), risk("clip@1.0.0")]).toEqual(["CRITICAL", "HIGH", ""]);
      // Without the slash the index moves to /records/, so that its relative links resolve.
      const bare = await fetch(base, { redirect: "manual" });
      expect([bare.status, bare.headers.get("location")]).toEqual([301, "/records/"]);
      expect((await (await fetch(base)).text()).match(/<tr data-search=/g)).toHaveLength(88);
    } finally {
      await server.close();
    }
  });

  it.skipIf(!hasChromium)(
    "umr publish writes a site that works from disk: the page shows the lineage SVG, the index searches",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "umr-site-"));
      const result = await publishSite(services, dir);
      expect(result).toEqual({ records: 88, files: 88 * 6 + 1 });
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      try {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(path.join(dir, "plip@1.0.0.html")).href);
        expect(await page.title()).toBe("PLIP (plip@1.0.0) — umr-graph");
        const svg = page.locator("#lineage svg");
        expect(await svg.isVisible()).toBe(true);
        const box = await svg.boundingBox();
        expect(box!.width).toBeGreaterThan(100);
        expect(await page.locator("#lineage svg g.node").count()).toBe(7);
        expect(await page.locator("#lineage svg g.node title").allTextContents()).toEqual(
          expect.arrayContaining(["plip@1.0.0", "laion-5b@1.0.0", "pathology-twitter@1.0.0", "twitter@1.0.0", "clip@1.0.0"]),
        );
        await page.screenshot({ path: path.join(dir, "plip.png") });

        await page.goto(pathToFileURL(path.join(dir, "index.html")).href);
        expect(await page.locator("#records tbody tr").count()).toBe(88);
        await page.fill("#search", "pathology twitter");
        expect(await page.locator("#records tbody tr:visible").allTextContents()).toEqual([
          expect.stringContaining("pathology-twitter@1.0.0"),
        ]);
      } finally {
        await browser.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("a record with a 100 KB unbroken description gets a bounded PDF (the Markdown page keeps all of it)", async () => {
    const word = "x".repeat(100_000);
    await ingestInputs(db, [umr("long-word", "1.0.0", "model", [], { metadata: { description: word } })]);
    const page = await buildPage(services, "long-word@1.0.0");
    const started = performance.now();
    const pdf = await toPdf(page);
    const ms = performance.now() - started;
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text.replace(/\s+/g, " ")).toContain("(98000 more characters: see the HTML or Markdown page)");
    expect(text.replace(/\s/g, "")).not.toContain("x".repeat(2001));
    expect(toMarkdown(page)).toContain(word);
    console.log(`PDF of a 100 KB description: ${Math.round(ms)} ms`);
  });

  describe("pages render off the request path", () => {
    // A record built from 600 datasets: its drawing takes GraphViz a while to lay out.
    const wide = async () => {
      const sources = Array.from({ length: 600 }, (_, i) => umr(`wide-src-${i}`, "1.0.0", "dataset"));
      await ingestInputs(db, [
        ...sources,
        umr(
          "wide",
          "1.0.0",
          "model",
          sources.map((_, i) => `wide-src-${i}`),
        ),
      ]);
    };

    it("/healthz answers within 50 ms (p95) while a heavy page renders", async () => {
      await wide();
      const server = await startHttpServer({ db, log: silentLogger, port: 0 });
      try {
        const base = `http://127.0.0.1:${server.port}`;
        await fetch(`${base}/records/plip@1.0.0.pdf`); // the worker thread started
        let rendering = true;
        const pdf = fetch(`${base}/records/wide@1.0.0.pdf`).then(async (r) => {
          rendering = false;
          return [r.status, (await r.arrayBuffer()).byteLength > 10_000];
        });
        const started = performance.now();
        const health: number[] = [];
        while (rendering) {
          const t = performance.now();
          expect((await fetch(`${base}/healthz`)).status).toBe(200);
          health.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 20));
        }
        expect(await pdf).toEqual([200, true]);
        const renderMs = performance.now() - started;
        console.log(
          `the wide page rendered in ${Math.round(renderMs)} ms; /healthz meanwhile: ${health.length} answers, slowest ${Math.round(Math.max(...health))} ms`,
        );
        // The page is heavy enough that rendering it on the server's loop would have held
        // /healthz for the whole render; off it, /healthz answers at once (p95 under 50 ms; the
        // slowest under 150 ms on a busy 2-core machine, where Neo4j and the test share the cores).
        expect(renderMs).toBeGreaterThan(500);
        const sorted = [...health].sort((a, b) => a - b);
        expect(sorted[Math.floor(0.95 * (sorted.length - 1))]).toBeLessThan(50);
        expect(sorted.at(-1)).toBeLessThan(150);
      } finally {
        await server.close();
      }
    });

    it("a page past its render budget is stopped and answers LIMIT_EXCEEDED (400) with what to ask for instead", async () => {
      const server = await startHttpServer({ db, log: silentLogger, port: 0, security: { ...loadSecurity({}), renderBudgetMs: 50 } });
      try {
        const res = await fetch(`http://127.0.0.1:${server.port}/records/wide@1.0.0.pdf`);
        const body = (await res.json()) as { error: string; code: string; requestId: string };
        expect([res.status, body.code, body.error]).toEqual([
          400,
          "LIMIT_EXCEEDED",
          "the pdf page of wide@1.0.0 took longer than 50 ms to render; ask for its HTML or Markdown page, or narrow the record",
        ]);
        expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
        // The server goes on; the stopped thread is replaced on the next page.
        expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
      } finally {
        await server.close();
      }
    });
  });
});
