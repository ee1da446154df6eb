// The explorer at / and the GraphQL IDE at /graphiql, in headless Chromium against a real server
// holding the demo (the 88 public UMR records and the case study's 4) and a 5,000-fan-out
// fixture. Screenshots are kept in test-results/explorer/ and checked to be non-blank.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSecurity, projectRoot } from "../../src/config.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/log.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { seedDemo } from "../../src/services/demo.js";
import { Services } from "../../src/services/services.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs, umr } from "../helpers/ingest.js";

const require = createRequire(import.meta.url);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = fs.existsSync(chromiumPath);
if (!hasChromium) console.warn(`explorer: the browser tests are skipped, no Chromium at ${chromiumPath} (apt-get install chromium)`);
const shots = path.join(projectRoot, "test-results", "explorer");
const ADMIN = "explorer-test-admin-token-0123456789";

let db: Executor;
let server: HttpServer;
let browser: Browser;
let base: string;

/** The built explorer, built again when a source file is newer than the build (as npm start does). */
function ensureBuilt() {
  execFileSync(process.execPath, [path.join(projectRoot, "scripts", "web-build.mjs"), "--if-stale"], { cwd: projectRoot, stdio: "ignore" });
}

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: any; errors?: unknown[] };
}

/** A page that may reach this server only: any other request fails, and is counted. */
async function offlinePage(): Promise<{ context: BrowserContext; page: Page; elsewhere: string[]; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const elsewhere: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" && url.port === String(server.port)) return route.continue();
    if (url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    elsewhere.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return { context, page, elsewhere, errors };
}

/** axe-core in the page: the serious and critical violations (none expected). */
async function axe(page: Page): Promise<string[]> {
  // Evaluated (not a <script> tag): the page's CSP stays on and would refuse an inline script.
  await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>(
    `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } })`,
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A screenshot kept as an artifact; non-blank means many distinct colours. */
async function screenshot(page: Page, name: string): Promise<number> {
  fs.mkdirSync(shots, { recursive: true });
  const file = path.join(shots, `${name}.png`);
  const png = await page.screenshot({ path: file, fullPage: false });
  // Counted in the browser (a canvas decodes the PNG): every 7th pixel's colour.
  const colours = await page.evaluate<number>(`(async () => {
    const img = new Image();
    img.src = "data:image/png;base64,${png.toString("base64")}";
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 28) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  })()`);
  return colours;
}

describe.skipIf(!hasChromium)("the explorer, in Chromium", () => {
  beforeAll(async () => {
    ensureBuilt();
    db = await openTestDb();
    await wipe(db);
    const services = new Services(db, silentLogger);
    await seedDemo(services, silentLogger);
    const fan = Array.from({ length: 5000 }, (_, i) => umr(`fan-model-${String(i).padStart(4, "0")}`, "1.0.0", "model", ["fan-hub"]));
    await ingestInputs(db, [umr("fan-hub", "1.0.0", "dataset"), ...fan]);
    server = await startHttpServer({ db, log: silentLogger, port: 0, security: loadSecurity({ UMR_ADMIN_TOKEN: ADMIN }) });
    base = `http://127.0.0.1:${server.port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it("search 'plip' (keyboard), open it, expand upstream to laion-5b's own source: the graph shows those nodes", async () => {
    const { context, page, elsewhere, errors } = await offlinePage();
    try {
      await page.goto(`${base}/`);
      // Keyboard first: the search box has the focus as the page opens.
      await page.locator("#q:focus").waitFor();
      await page.locator("#results tbody tr").first().waitFor();
      expect(await axe(page)).toEqual([]);
      await page.keyboard.type("plip");
      await page.locator("#results tbody tr", { hasText: "plip@1.0.0" }).first().waitFor();
      // The first result is the active one; Enter opens it.
      await expect.poll(() => page.locator("#results tbody tr.active").first().textContent()).toContain("plip@1.0.0");
      await page.keyboard.press("Enter");
      await page.waitForURL(`${base}/assets/plip%401.0.0`);
      await page.locator('.react-flow__node[data-id="laion-5b@1.0.0"]').waitFor();
      await page.getByRole("button", { name: "Expand upstream of laion-5b@1.0.0" }).click();
      await page.locator('.react-flow__node[data-id="laion@1.0.0"], .react-flow__node[data-id^="laion@"]').first().waitFor();
      const drawn = await page.locator(".react-flow__node").evaluateAll((ns) => ns.map((n) => n.getAttribute("data-id")).sort());
      expect(drawn).toEqual(expect.arrayContaining(["plip@1.0.0", "laion-5b@1.0.0", "clip@1.0.0", "pathology-twitter@1.0.0"]));
      expect(drawn.some((k) => k?.startsWith("laion@"))).toBe(true);
      await page.waitForTimeout(400); // the fit-view animation
      expect(await screenshot(page, "plip-lineage")).toBeGreaterThan(20);
      expect(await axe(page)).toEqual([]);
      expect([elsewhere, errors]).toEqual([[], []]);
    } finally {
      await context.close();
    }
  });

  it("the blast radius of laion-5b lists plip and rrt-mil with their depths, reloads from its URL, and its CSV holds every affected asset", async () => {
    const api = await gql(`{ blastRadius(key: "laion-5b@1.0.0", first: 500) { totalCount edges { node { depth asset { key } } } } }`);
    const expected = new Map<string, number>(api.data.blastRadius.edges.map((e: any) => [e.node.asset.key, e.node.depth]));
    expect([expected.get("plip@1.0.0"), expected.get("rrt-mil@1.0.0")]).toEqual([1, 2]);
    const { context, page, elsewhere, errors } = await offlinePage();
    try {
      await page.goto(`${base}/assets/laion-5b%401.0.0/blast-radius`);
      await page.reload();
      const row = (key: string) => page.locator(`table.affected tr[data-key="${key}"] td`).first();
      await row("plip@1.0.0").waitFor();
      expect([await row("plip@1.0.0").textContent(), await row("rrt-mil@1.0.0").textContent()]).toEqual(["1", "2"]);
      expect(await page.getByTestId("br-totals").textContent()).toContain(`${api.data.blastRadius.totalCount} affected`);
      // The explanation of rrt-mil: rrt-mil → plip → laion-5b.
      await page.locator('table.affected tr[data-key="rrt-mil@1.0.0"]').getByRole("button", { name: "Explain" }).click();
      expect((await page.locator("tr.explain-row").first().textContent())?.replace(/\s+/g, " ")).toBe(
        "rrt-mil@1.0.0 —derived_from→ plip@1.0.0 —trained_on→ laion-5b@1.0.0",
      );
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /as CSV/ }).click()]);
      const csv = fs
        .readFileSync(await download.path(), "utf8")
        .trim()
        .split("\r\n");
      expect(csv[0]).toBe("depth,key,name,kind,publisher,owner,contacts,effectiveSeverity,advisory,via");
      const fromCsv = new Map(csv.slice(1).map((l) => [l.split(",")[1]!, Number(l.split(",")[0])]));
      expect(fromCsv).toEqual(expected);
      expect(await screenshot(page, "laion-5b-blast-radius")).toBeGreaterThan(20);
      expect(await axe(page)).toEqual([]);
      expect([elsewhere, errors]).toEqual([[], []]);
    } finally {
      await context.close();
    }
  });

  it("rrt-mil's risk explanation shows LEGAL through pathology-twitter to twitter", async () => {
    const { context, page, errors } = await offlinePage();
    try {
      await page.goto(`${base}/assets/rrt-mil%401.0.0`);
      const legal = page.locator("ul.risks li", { hasText: "LEGAL" });
      await legal.first().waitFor();
      const text = (await legal.first().textContent())!.replace(/\s+/g, " ");
      expect(text).toMatch(/via rrt-mil@1\.0\.0 .*pathology-twitter@1\.0\.0 .*twitter@1\.0\.0$/);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a SECURITY key publishes an advisory from the form; it is listed; it is withdrawn; a reader's key is refused with the code", async () => {
    const made = await gql(
      `mutation($i: ApiKeyInput!) { createApiKey(input: $i) { token } }`,
      { i: { org: "explorer-security", role: "SECURITY", name: "explorer test" } },
      ADMIN,
    );
    const token = made.data.createApiKey.token as string;
    const reader = (await gql(`mutation { createApiKey(input: {org: "explorer-readers", role: READER}) { token } }`, {}, ADMIN)).data
      .createApiKey.token as string;
    const { context, page, errors } = await offlinePage();
    try {
      await page.goto(`${base}/advisories`);
      await page.getByLabel("API key").fill(reader);
      await page.getByRole("button", { name: "Use key" }).click();
      await page.getByLabel("Affects (id)").fill("plip");
      await page.getByLabel("Summary").fill("Explorer test: refused");
      await page.getByRole("button", { name: "Publish" }).click();
      await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/^FORBIDDEN /);
      await page.getByRole("button", { name: "Forget key" }).click();
      await page.getByLabel("API key").fill(token);
      await page.getByRole("button", { name: "Use key" }).click();
      await page.getByLabel("Summary").fill("Explorer test advisory on plip");
      await page.getByRole("button", { name: "Publish" }).click();
      await page.waitForURL(/\/advisories\/UMR-/);
      const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
      await page.locator("table.affected tr").nth(1).waitFor();
      expect(await axe(page)).toEqual([]);
      await page.goto(`${base}/advisories`);
      await page.locator(`tr[data-id="${id}"]`).waitFor();
      expect(await page.locator(`tr[data-id="${id}"]`).textContent()).toContain("Explorer test advisory on plip");
      expect(await axe(page)).toEqual([]);
      await page.locator(`tr[data-id="${id}"] a`).click();
      await page.getByLabel("Reason").fill("a test");
      await page.getByRole("button", { name: `Withdraw ${id}` }).click();
      await page.getByRole("row", { name: /Withdrawn/ }).waitFor();
      const after = await gql(`query($id: ID!) { advisory(id: $id) { withdrawnAt withdrawReason } }`, { id });
      expect(after.data.advisory.withdrawReason).toBe("a test");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a 5,000-fan-out node shows 50 and '+4,950 more', which pages", async () => {
    const { context, page, errors } = await offlinePage();
    try {
      await page.goto(`${base}/assets/fan-hub%401.0.0`);
      const more = page.locator(".node-more button");
      await more.waitFor();
      expect(await more.textContent()).toBe("+4,950 more");
      expect(await page.locator(".react-flow__node").count()).toBeLessThanOrEqual(52);
      await more.click();
      await expect.poll(() => more.textContent()).toBe("+4,900 more");
      expect(await page.getByTestId("graph-counts").textContent()).toMatch(
        /^101 nodes drawn: 0 upstream, 100 downstream, 4,900 more not expanded/,
      );
      expect(await screenshot(page, "fan-out")).toBeGreaterThan(20);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the audit view reports a manifest's verdict", async () => {
    const { context, page, errors } = await offlinePage();
    try {
      await page.goto(`${base}/audit`);
      await page.getByLabel(/Manifest/).fill("rrt-mil\nclip@1.0.0\n# a comment\nnope-not-here");
      await page.getByRole("button", { name: /^Audit 3 entries/ }).click();
      const report = page.getByTestId("audit-report");
      await report.waitFor();
      const api = await gql(`{ audit(keys: ["rrt-mil", "clip@1.0.0", "nope-not-here"]) { failed highestSeverity unknown } }`);
      expect(await report.locator(".verdict").textContent()).toBe(
        `${api.data.audit.failed ? "FAILED" : "PASSED"}: highest risk ${api.data.audit.highestSeverity} (fail at HIGH)`,
      );
      expect(await report.locator(".notice").textContent()).toBe(`Not found: ${api.data.audit.unknown.join(", ")}`);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("/graphiql loads with no network, holds the README's examples and runs a query", async () => {
    const { context, page, elsewhere, errors } = await offlinePage();
    try {
      const landing = await fetch(`${base}/graphql`, { headers: { accept: "text/html" }, redirect: "manual" });
      expect([landing.status, landing.headers.get("location")]).toEqual([302, "/graphiql"]);
      await page.goto(`${base}/graphiql`);
      await page.locator(".graphiql-execute-button").waitFor({ timeout: 30_000 });
      // The first tab is the README's first operation (plip's record): once its editor shows it, run it.
      await expect.poll(() => page.locator(".graphiql-query-editor").textContent(), { timeout: 30_000 }).toContain("asset(key");
      await expect
        .poll(
          async () => {
            const text = (await page.locator(".result-window").textContent()) ?? "";
            if (!text.includes("plip@1.0.0")) await page.locator(".graphiql-execute-button").click();
            return text;
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toContain("plip@1.0.0");
      expect(await page.locator(".graphiql-tab").count()).toBeGreaterThan(5);
      expect(await screenshot(page, "graphiql")).toBeGreaterThan(20);
      expect([elsewhere, errors]).toEqual([[], []]);
    } finally {
      await context.close();
    }
  });
});
