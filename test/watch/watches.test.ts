// Watches and their webhooks, end to end on the UMR records: a receiver on 127.0.0.1 is told once,
// signed, with the chain, when an advisory on laion-5b comes to reach rrt-mil (rrt-mil ← plip ←
// laion-5b), and when an exemption on plip stops it; an unrelated write tells it nothing; a
// receiver that fails three times gets the delivery on the fourth try; a delivery queued when the
// server stops is delivered by the next one; a graphql-ws subscriber receives the same change.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNotifySettings, loadSecurity, type NotifySettings } from "../../src/config.js";
import { startHttpServer, type HttpServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/log.js";
import { cliViewer } from "../../src/model/viewer.js";
import type { Executor } from "../../src/neo4j/executor.js";
import { verify } from "../../src/services/webhooks.js";
import { openTestDb, wipe } from "../helpers/db.js";
import { ingestInputs, loadInputs, umr } from "../helpers/ingest.js";
import { umrDir } from "../helpers/shared.js";

const ADMIN = "watch-test-admin-token-0123456789";
const SECRET = "a-webhook-secret-of-lab";
const NOTIFY: NotifySettings = {
  ...loadNotifySettings({}),
  pollMs: 100,
  webhooks: { allowPrivate: true, timeoutMs: 2000, retryBaseMs: 40, maxDelayMs: 300, maxAttempts: 30 },
};

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A webhook receiver: answers 500 while `failing` is above 0 (counting down), 204 otherwise. */
class Receiver {
  received: Received[] = [];
  failing = 0;
  private server: http.Server | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        const answered = this.failing > 0 ? 500 : 204;
        if (this.failing > 0) this.failing--;
        this.received.push({ headers: req.headers, body, answered });
        res.statusCode = answered;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = null;
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hooks/umr`;
  }

  delivered(): { headers: http.IncomingHttpHeaders; payload: any }[] {
    return this.received.filter((r) => r.answered < 300).map((r) => ({ headers: r.headers, payload: JSON.parse(r.body) }));
  }
}

let db: Executor;
let server: HttpServer;
const receiver = new Receiver();
let labToken: string;

async function gql(query: string, variables: Record<string, unknown> = {}, token: string | null = ADMIN, at: HttpServer = server) {
  const res = await fetch(at.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every write that may change answers has been taken by a notifier. */
async function settled(): Promise<void> {
  await until("the notifier to take every write", async () => {
    const s = db.driver.session();
    try {
      const r = await s.run(
        "MATCH (e:Event) WHERE e.operation IN ['ingest', 'advisory.publish', 'advisory.withdraw', 'exemption.write', 'same-as.declare', 'same-as.withdraw'] AND NOT EXISTS { MATCH (:Notified {eventId: e.id}) } RETURN count(e) AS n",
      );
      return Number(r.records[0]!.get("n")) === 0;
    } finally {
      await s.close();
    }
  });
}

async function publish(affectsId: string, summary: string, severity = "CRITICAL"): Promise<string> {
  const r = await gql(
    `mutation($s: String!) { publishAdvisory(input: {affectsId: "${affectsId}", category: CSAM, severity: ${severity}, summary: $s}) { id } }`,
    {
      s: summary,
    },
  );
  expect(r.errors).toBeUndefined();
  return r.data.publishAdvisory.id as string;
}

async function startServer(): Promise<HttpServer> {
  return startHttpServer({ db, log: silentLogger, port: 0, security: loadSecurity({ UMR_ADMIN_TOKEN: ADMIN }), notify: NOTIFY });
}

let watchId: string;
let laionAdvisory: string;

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await ingestInputs(db, loadInputs(umrDir));
  await receiver.start();
  server = await startServer();
  const key = await gql(`mutation { createApiKey(input: {org: "lab", role: READER, name: "pathology lab"}) { token } }`);
  labToken = key.data.createApiKey.token;
});

afterAll(async () => {
  await server?.close();
  await receiver.stop();
  await db?.close();
});

describe("watches", () => {
  it("refuses a watch it could not keep, saying what to give", async () => {
    const codes = async (input: string, token: string | null = labToken) => {
      const r = await gql(`mutation { createWatch(input: ${input}) { id } }`, {}, token);
      return r.errors?.map((e) => [e.extensions.code, e.message]);
    };
    expect(await codes(`{keys: ["rrt-mil"]}`, null)).toEqual([
      ["UNAUTHENTICATED", "to create a watch send an API key: Authorization: Bearer <token> (it notifies for your organisation)"],
    ]);
    expect(await codes(`{keys: ["no-such-model"]}`)).toEqual([["BAD_USER_INPUT", 'keys: no asset you may see has "no-such-model"']]);
    expect(await codes(`{}`)).toEqual([["BAD_USER_INPUT", "createWatch: give keys, or ownedByMyOrg: true, or both"]]);
    expect(await codes(`{keys: ["rrt-mil"], webhookUrl: "${receiver.url}"}`)).toEqual([
      ["BAD_USER_INPUT", "secret: a webhook needs a secret of at least 16 characters to sign its deliveries with (HMAC-SHA256)"],
    ]);
    expect(await codes(`{keys: ["rrt-mil"], webhookUrl: "ftp://example.org/x", secret: "${SECRET}"}`)).toEqual([
      ["BAD_USER_INPUT", "webhookUrl: expected an http or https URL, found the scheme ftp:"],
    ]);
    expect((await gql(`{ watches { id } }`, {}, labToken)).data.watches).toEqual([]);
  });

  it("creates a watch on rrt-mil with a webhook; lists it, without its secret", async () => {
    const r = await gql(
      `mutation($u: String!, $s: String!) { createWatch(input: {name: "rrt-mil in production", keys: ["rrt-mil"], webhookUrl: $u, secret: $s}) { id name org createdBy keys downstreamDepth ownedByMyOrg minSeverity webhookUrl } }`,
      { u: receiver.url, s: SECRET },
      labToken,
    );
    expect(r.errors).toBeUndefined();
    watchId = r.data.createWatch.id;
    expect(r.data.createWatch).toEqual({
      id: watchId,
      name: "rrt-mil in production",
      org: "lab",
      createdBy: "pathology lab",
      keys: ["rrt-mil"],
      downstreamDepth: 0,
      ownedByMyOrg: false,
      minSeverity: "LOW",
      webhookUrl: receiver.url,
    });
    const listed = await gql(`{ watches { id keys } }`, {}, labToken);
    expect(listed.data.watches).toEqual([{ id: watchId, keys: ["rrt-mil"] }]);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
  });

  it("publishing an advisory on laion-5b notifies the watch on rrt-mil exactly once, signed, with the chain", async () => {
    laionAdvisory = await publish("laion-5b", "CSAM found in LAION-5B");
    await until("one delivery", () => receiver.delivered().length === 1);
    await settled();
    await new Promise((r) => setTimeout(r, 300));
    const got = receiver.delivered();
    expect(got).toHaveLength(1);
    const { headers, payload } = got[0]!;
    const raw = receiver.received.find((x) => x.answered < 300)!.body;
    expect(verify(SECRET, raw, headers["x-umr-signature"] as string)).toBe(true);
    expect(verify("another-secret-entirely", raw, headers["x-umr-signature"] as string)).toBe(false);
    expect(headers["x-umr-delivery"]).toBe(payload.id);
    expect(headers["x-umr-event"]).toBe("risk.changed");
    expect(payload.watch).toEqual({ id: watchId, name: "rrt-mil in production" });
    expect(payload.causes.map((c: any) => [c.kind, c.keys, c.advisoryId])).toEqual([
      ["ADVISORY_PUBLISHED", ["laion-5b@1.0.0"], laionAdvisory],
    ]);
    expect(payload.changes).toEqual([
      {
        type: "REACHED",
        key: "rrt-mil@1.0.0",
        advisory: { id: laionAdvisory, category: "CSAM", severity: "CRITICAL", summary: "CSAM found in LAION-5B", withdrawnAt: null },
        effectiveSeverity: "CRITICAL",
        depth: 2,
        path: [
          expect.objectContaining({ from: "rrt-mil@1.0.0", to: "plip@1.0.0", type: "DERIVED_FROM" }),
          expect.objectContaining({ from: "plip@1.0.0", to: "laion-5b@1.0.0", type: "TRAINED_ON" }),
        ],
        notify: [],
      },
    ]);
  });

  it("an exemption on plip notifies that the advisory no longer reaches rrt-mil", async () => {
    const r = await gql(
      `mutation($a: ID!) { addExemption(input: {advisoryId: $a, assetKey: "plip@1.0.0", justification: "filtered before training"}) }`,
      {
        a: laionAdvisory,
      },
    );
    expect(r.errors).toBeUndefined();
    await until("a second delivery", () => receiver.delivered().length === 2);
    const { payload } = receiver.delivered()[1]!;
    expect(payload.causes.map((c: any) => [c.kind, c.keys])).toEqual([["EXEMPTION_WRITTEN", ["plip@1.0.0"]]]);
    expect(payload.changes).toEqual([
      {
        type: "CLEARED",
        key: "rrt-mil@1.0.0",
        advisory: { id: laionAdvisory, category: "CSAM", severity: "CRITICAL", summary: "CSAM found in LAION-5B", withdrawnAt: null },
        effectiveSeverity: null,
        depth: null,
        path: [],
        notify: [],
      },
    ]);
  });

  it("an unrelated ingest, and an advisory on something rrt-mil is not built from, notify nothing", async () => {
    await ingestInputs(db, [umr("unrelated-corpus", "1.0.0", "dataset"), umr("unrelated-model", "1.0.0", "model", ["unrelated-corpus"])]);
    await publish("unrelated-corpus", "not rrt-mil's concern");
    await settled();
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.delivered()).toHaveLength(2);
  });

  it("a receiver that fails three times gets the delivery on the fourth try, same id each time; the log shows every attempt", async () => {
    const before = receiver.received.length;
    receiver.failing = 3;
    const clipAdvisory = await publish("clip", "CLIP's license changed", "HIGH");
    await until("a third delivery", () => receiver.delivered().length === 3);
    const tries = receiver.received.slice(before);
    expect(tries.map((t) => t.answered)).toEqual([500, 500, 500, 204]);
    expect(new Set(tries.map((t) => t.headers["x-umr-delivery"])).size).toBe(1);
    expect(tries.map((t) => t.headers["x-umr-attempt"])).toEqual(["1", "2", "3", "4"]);
    const { payload } = receiver.delivered()[2]!;
    expect(payload.changes.map((c: any) => [c.type, c.key, c.advisory.id, c.path.map((e: any) => e.to)])).toEqual([
      ["REACHED", "rrt-mil@1.0.0", clipAdvisory, ["plip@1.0.0", "clip@1.0.0"]],
    ]);
    const log = await gql(
      `query($id: ID!) { watch(id: $id) { notifications(first: 1) { id status attempts { statusCode error } deliveredAt } } }`,
      { id: watchId },
      labToken,
    );
    const [n] = log.data.watch.notifications;
    expect(n).toMatchObject({ id: payload.id, status: "DELIVERED" });
    expect(n.attempts).toEqual([
      { statusCode: 500, error: "answered 500" },
      { statusCode: 500, error: "answered 500" },
      { statusCode: 500, error: "answered 500" },
      { statusCode: 204, error: null },
    ]);
    // Redelivery on request: the same notification, the same id.
    const again = await gql(`mutation($id: ID!) { redeliverNotification(id: $id) { id status } }`, { id: payload.id }, labToken);
    expect(again.data.redeliverNotification).toEqual({ id: payload.id, status: "PENDING" });
    await until("the redelivery", () => receiver.delivered().length === 4);
    expect(receiver.delivered()[3]!.payload).toEqual(payload);
    // Another organisation neither sees the watch nor may redeliver its notifications.
    const other = (await gql(`mutation { createApiKey(input: {org: "elsewhere", role: READER}) { token } }`)).data.createApiKey.token;
    expect((await gql(`{ watches { id } }`, {}, other)).data.watches).toEqual([]);
    const refused = await gql(`mutation($id: ID!) { redeliverNotification(id: $id) { id } }`, { id: payload.id }, other);
    expect(refused.errors?.map((e) => e.extensions.code)).toEqual(["NOT_FOUND"]);
  });

  it("a delivery queued when the server stops is delivered by the next server", async () => {
    await receiver.stop();
    const port = receiver.port;
    const withdrawn = await gql(`mutation($a: ID!) { withdrawAdvisory(id: $a, reason: "test: queued across a restart") { id } }`, {
      a: laionAdvisory,
    });
    expect(withdrawn.errors).toBeUndefined();
    // The advisory was exempted at plip, so its withdrawal changes nothing for rrt-mil: withdraw
    // the clip one, which reaches it.
    const clip = await gql(`{ advisories(first: 10) { edges { node { id affectsId } } } }`);
    const clipId = clip.data.advisories.edges.map((e: any) => e.node).find((a: any) => a.affectsId === "clip").id;
    await gql(`mutation($a: ID!) { withdrawAdvisory(id: $a, reason: "test: queued across a restart") { id } }`, { a: clipId });
    await until("a queued, failed attempt", async () => {
      const r = await gql(
        `query($id: ID!) { watch(id: $id) { notifications(first: 1) { status attempts { statusCode } changes { type } } } }`,
        { id: watchId },
        labToken,
      );
      const [n] = r.data.watch.notifications;
      return n.changes[0]?.type === "CLEARED" && n.status === "PENDING" && n.attempts.length >= 1;
    });
    await server.close();
    await receiver.start(port);
    const deliveredBefore = receiver.delivered().length;
    server = await startServer();
    await until("the queued delivery after the restart", () => receiver.delivered().length === deliveredBefore + 1);
    const { payload } = receiver.delivered().at(-1)!;
    expect(payload.changes.map((c: any) => [c.type, c.key, c.advisory.id, Boolean(c.advisory.withdrawnAt)])).toEqual([
      ["CLEARED", "rrt-mil@1.0.0", clipId, true],
    ]);
  });

  it("a graphql-ws subscriber to riskChanged(rrt-mil) receives the same change as the webhook", async () => {
    const client = createClient({
      url: server.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${labToken}` },
    });
    const events: any[] = [];
    const advisories: any[] = [];
    let subscribed = 0;
    const offRisk = client.subscribe(
      {
        query: `subscription { riskChanged(keys: ["rrt-mil"]) { causes { kind } changes { type key advisory { id summary } effectiveSeverity depth path { relation } notify } } }`,
      },
      { next: (v) => events.push(v), error: (e) => events.push({ error: e }), complete: () => {} },
    );
    const offAdvisories = client.subscribe(
      { query: `subscription { advisoryPublished(minSeverity: HIGH) { id summary severity } }` },
      { next: (v) => advisories.push(v), error: (e) => advisories.push({ error: e }), complete: () => {} },
    );
    client.on("connected", () => subscribed++);
    try {
      await until("the subscription to be open", () => subscribed > 0 || events.length > 0);
      // Its first answer is computed when it subscribes: let it settle before the write.
      await new Promise((r) => setTimeout(r, 500));
      const deliveredBefore = receiver.delivered().length;
      const id = await publish("laion-5b", "Again: CSAM found in LAION-5B");
      await until("the subscription's event", () => events.length > 0);
      await until("the webhook's delivery", () => receiver.delivered().length === deliveredBefore + 1);
      expect(events[0].errors).toBeUndefined();
      const change = events[0].data.riskChanged;
      expect(change.causes).toEqual([{ kind: "ADVISORY_PUBLISHED" }]);
      expect(change.changes).toEqual([
        {
          type: "REACHED",
          key: "rrt-mil@1.0.0",
          advisory: { id, summary: "Again: CSAM found in LAION-5B" },
          effectiveSeverity: "CRITICAL",
          depth: 2,
          path: [{ relation: "derived_from" }, { relation: "trained_on" }],
          notify: [],
        },
      ]);
      const hook = receiver.delivered().at(-1)!.payload;
      expect(hook.changes.map((c: any) => [c.type, c.key, c.advisory.id, c.effectiveSeverity, c.depth])).toEqual(
        change.changes.map((c: any) => [c.type, c.key, c.advisory.id, c.effectiveSeverity, c.depth]),
      );
      await until("the advisory subscription's event", () => advisories.length > 0);
      expect(advisories).toEqual([{ data: { advisoryPublished: { id, summary: "Again: CSAM found in LAION-5B", severity: "CRITICAL" } } }]);
    } finally {
      offRisk();
      offAdvisories();
      await client.dispose();
    }
  });

  it("a subscription with no credential it accepts is refused", async () => {
    const client = createClient({
      url: server.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: "Bearer not-a-token" },
      retryAttempts: 0,
    });
    const outcome = await new Promise<string>((resolve) => {
      client.subscribe(
        { query: `subscription { advisoryPublished { id } }` },
        { next: () => resolve("next"), error: () => resolve("error"), complete: () => resolve("complete") },
      );
    });
    await client.dispose();
    expect(outcome).toBe("error");
  });

  it("a cause that touched another organisation's private record does not name it", async () => {
    // pub-root ← secretco's private fine-tune ← acme's public app; an advisory on pub-root reaches the app.
    await ingestInputs(db, [umr("pub-root", "1.0.0", "dataset")]);
    await ingestInputs(db, [umr("secret-ft", "1.0.0", "model", ["pub-root"], { visibility: "private" })], {
      viewer: cliViewer("secretco"),
    });
    await ingestInputs(db, [umr("acme-app", "1.0.0", "application", ["secret-ft"])], { viewer: cliViewer("acme") });
    const advisory = await publish("pub-root", "pub-root flagged");
    // The writes so far taken by the notifier before the watch is made (this case is about one write's cause).
    await settled();
    const made = await gql(
      `mutation($u: String!, $s: String!) { createWatch(input: {keys: ["acme-app"], webhookUrl: $u, secret: $s}) { id } }`,
      { u: receiver.url, s: SECRET },
      labToken,
    );
    expect(made.errors).toBeUndefined();
    const before = receiver.delivered().length;
    // secretco's new private version, built on nothing: the app's floating reference moves to it,
    // and the advisory no longer reaches the app.
    await ingestInputs(db, [umr("secret-ft", "1.1.0", "model", [], { visibility: "private" })], { viewer: cliViewer("secretco") });
    await until("the watch's notification", () => receiver.delivered().length === before + 1);
    const got = receiver.delivered().at(-1)!;
    expect(got.payload.causes.map((c: any) => [c.kind, c.keys, c.hiddenCount])).toEqual([["RECORDS_INGESTED", ["acme-app@1.0.0"], 1]]);
    expect(got.payload.changes.map((c: any) => [c.type, c.key, c.advisory.id])).toEqual([["CLEARED", "acme-app@1.0.0", advisory]]);
    expect(JSON.stringify(got.payload)).not.toContain("secret-ft");
    await gql(`mutation($id: ID!) { deleteWatch(id: $id) }`, { id: made.data.createWatch.id }, labToken);
  });

  it("deletes the watch: it is told nothing more", async () => {
    const r = await gql(`mutation($id: ID!) { deleteWatch(id: $id) }`, { id: watchId }, labToken);
    expect(r.data.deleteWatch).toBe(true);
    expect((await gql(`{ watches { id } }`, {}, labToken)).data.watches).toEqual([]);
    const before = receiver.received.length;
    await publish("plip", "PLIP's Twitter data terms changed");
    // With no watch left, nothing takes the write: give the notifier several looks.
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.received.length).toBe(before);
  });
});
