// Webhook deliveries: the signature a receiver verifies, the retry schedule, and one POST that
// reaches only the addresses the operator allows (README "Watches and notifications").
import { createHmac, timingSafeEqual } from "node:crypto";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { BadUserInputError } from "../errors.js";

export interface WebhookSettings {
  /** Loopback, private and link-local addresses allowed (tests, a receiver beside the server). */
  allowPrivate: boolean;
  /** An attempt's whole time. */
  timeoutMs: number;
  /** The first retry's delay; each next one doubles it, up to maxDelayMs, with jitter. */
  retryBaseMs: number;
  maxDelayMs: number;
  /** Attempts before a delivery is given up (FAILED; redelivered on request). */
  maxAttempts: number;
}

export const SIGNATURE_HEADER = "x-umr-signature";
export const DELIVERY_HEADER = "x-umr-delivery";
export const EVENT_HEADER = "x-umr-event";
export const ATTEMPT_HEADER = "x-umr-attempt";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the watch's secret>`. */
export function sign(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** A receiver's check (what the README shows): the signature matches and is at most toleranceSeconds old. */
export function verify(secret: string, body: string, header: string, toleranceSeconds = 300, now: Date = new Date()): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const want = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  const got = Buffer.from(parts.v1, "hex");
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The delay before retry n (1 for the first retry): exponential, capped, with "equal jitter". */
export function retryDelayMs(n: number, s: Pick<WebhookSettings, "retryBaseMs" | "maxDelayMs">, random = Math.random): number {
  const full = Math.min(s.maxDelayMs, s.retryBaseMs * 2 ** (n - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

const PRIVATE = new net.BlockList();
for (const [net4, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  PRIVATE.addSubnet(net4, bits, "ipv4");
for (const [net6, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["::ffff:0:0", 96],
] as const)
  PRIVATE.addSubnet(net6, bits, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (!family) return false;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Refuses a webhook URL that is not http(s), or names a private address when those are not allowed. */
export function checkWebhookUrl(url: string, s: Pick<WebhookSettings, "allowPrivate">): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BadUserInputError(`webhookUrl: expected an http or https URL, found ${JSON.stringify(url)}`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new BadUserInputError(`webhookUrl: expected an http or https URL, found the scheme ${u.protocol}`);
  if (u.username || u.password)
    throw new BadUserInputError("webhookUrl: credentials in the URL are refused; the signature proves the sender");
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (!s.allowPrivate && (isPrivateAddress(host) || host === "localhost"))
    throw new BadUserInputError(
      `webhookUrl: ${host} is a loopback or private address; the server refuses those (UMR_WEBHOOK_ALLOW_PRIVATE=true allows them)`,
    );
  return u;
}

export interface AttemptResult {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  ok: boolean;
}

/**
 * One POST of a delivery. Redirects are not followed, and the address a name resolves to is
 * checked when the connection is made (a name that resolves to a private address is refused too).
 */
export async function post(url: string, body: string, headers: Record<string, string>, s: WebhookSettings): Promise<AttemptResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): AttemptResult => ({
    statusCode,
    error,
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
    latencyMs: Math.round(performance.now() - started),
  });
  let u: URL;
  try {
    u = checkWebhookUrl(url, s);
  } catch (err) {
    return done(null, (err as Error).message);
  }
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: false }, (err, address, family) => {
      if (err) return callback(err, "", 0);
      if (!s.allowPrivate && isPrivateAddress(address))
        return callback(new Error(`${hostname} resolves to the private address ${address}, which the server refuses`), "", 0);
      callback(null, address, family);
    });
  };
  return new Promise<AttemptResult>((resolve) => {
    const req = (u.protocol === "https:" ? https : http).request(
      u,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body).toString(),
          "user-agent": "umr-graph-webhooks",
          ...headers,
        },
        lookup,
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve(done(res.statusCode ?? null, res.statusCode && res.statusCode < 300 ? null : `answered ${res.statusCode}`)),
        );
        res.on("error", (err) => resolve(done(res.statusCode ?? null, err.message)));
      },
    );
    // One deadline for the whole attempt (connecting, sending, the answer).
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${s.timeoutMs} ms`)), s.timeoutMs);
    req.on("close", () => clearTimeout(timer));
    req.on("error", (err) => resolve(done(null, err.message)));
    req.end(body);
  });
}
