// Every setting the service and the CLI read from the environment, read here with its default.
// (The logger, at the ground floor, reads LOG_LEVEL and LOG_FORMAT itself; the launcher finds
// Java through JAVA_HOME; the CLI honours npm's INIT_CWD.)
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (dist/src/... or src/... both resolve to it). */
export const projectRoot = (() => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const parts = here.split(path.sep);
  const distAt = parts.lastIndexOf("dist");
  if (distAt >= 0) return parts.slice(0, distAt).join(path.sep) || path.sep;
  return path.resolve(here, "..");
})();

export interface Neo4jCredentials {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface LocalNeo4jSettings {
  /** Bolt port for `npm start`; tests always take a free one. */
  port: number;
  dataDir: string;
  heap: string;
  pagecache: string;
  startTimeoutMs: number;
}

export interface Config {
  port: number;
  /** Interface the HTTP server binds to (0.0.0.0 in a container). */
  host: string;
  external?: Neo4jCredentials;
  useDocker: boolean;
  local: LocalNeo4jSettings;
  connectRetries: number;
  seedDemo: boolean;
  logLevel: string;
  security: SecuritySettings;
}

export interface OidcSettings {
  issuer: string;
  audience: string;
  /** A JWKS URL, or a file holding a JWKS. */
  jwks: string;
  /** The claim that names the caller's organisation. */
  orgClaim: string;
  /** The claim that lists the caller's roles (a list, or a space-separated text). */
  rolesClaim: string;
}

export interface SecuritySettings {
  /** An admin credential from the environment (first start, CI, docker-compose). */
  adminToken: string | null;
  /** What callers without a credential may do: read public data, or nothing. */
  anonymous: "read" | "none";
  oidc: OidcSettings | null;
  /** Origins a browser may call the API from (CORS); none when empty. */
  corsOrigins: string[];
  introspection: boolean;
  /** The largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Requests a minute, per credential and per address. */
  rateLimitPerMinute: number;
  /** The time one request may take: its Neo4j transactions are cancelled by then (LIMIT_EXCEEDED). */
  requestBudgetMs: number;
  /** The time a record page (PDF, SVG, HTML) may take to render in its worker thread. */
  renderBudgetMs: number;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`environment variable ${name}: expected a whole number >= 0, found ${JSON.stringify(raw)}`);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`environment variable ${name}: expected true or false, found ${JSON.stringify(raw)}`);
}

export function loadConfig(env: Env = process.env): Config {
  const uri = env.NEO4J_URI?.trim();
  return {
    port: int(env, "PORT", 4000),
    host: env.HOST ?? "127.0.0.1",
    external: uri
      ? {
          uri,
          user: env.NEO4J_USER ?? "neo4j",
          password: env.NEO4J_PASSWORD ?? "",
          ...(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {}),
        }
      : undefined,
    useDocker: bool(env, "UMR_USE_DOCKER", false),
    local: {
      port: int(env, "UMR_NEO4J_PORT", 7687),
      dataDir: path.resolve(env.UMR_DATA_DIR ?? path.join(projectRoot, ".data")),
      heap: env.UMR_NEO4J_HEAP ?? machineShare(0.25, 512, 8192),
      pagecache: env.UMR_NEO4J_PAGECACHE ?? machineShare(0.1, 256, 4096),
      startTimeoutMs: int(env, "UMR_NEO4J_START_TIMEOUT_MS", 180_000),
    },
    connectRetries: int(env, "UMR_CONNECT_RETRIES", 6),
    seedDemo: bool(env, "UMR_SEED_DEMO", true),
    logLevel: env.LOG_LEVEL ?? "info",
    security: loadSecurity(env),
  };
}

export function loadSecurity(env: Env = process.env): SecuritySettings {
  const anonymous = env.UMR_ANONYMOUS ?? "read";
  if (anonymous !== "read" && anonymous !== "none") {
    throw new Error(`environment variable UMR_ANONYMOUS: expected read or none, found ${JSON.stringify(anonymous)}`);
  }
  const adminToken = env.UMR_ADMIN_TOKEN?.trim() || null;
  if (adminToken !== null && adminToken.length < 24) {
    throw new Error("environment variable UMR_ADMIN_TOKEN: expected a secret of at least 24 characters (e.g. `openssl rand -base64 32`)");
  }
  const oidcVars = ["UMR_OIDC_ISSUER", "UMR_OIDC_AUDIENCE", "UMR_OIDC_JWKS"].filter((v) => env[v]);
  if (oidcVars.length && oidcVars.length < 3) {
    throw new Error(`OIDC needs UMR_OIDC_ISSUER, UMR_OIDC_AUDIENCE and UMR_OIDC_JWKS together; only ${oidcVars.join(", ")} set`);
  }
  return {
    adminToken,
    anonymous,
    oidc: oidcVars.length
      ? {
          issuer: env.UMR_OIDC_ISSUER!,
          audience: env.UMR_OIDC_AUDIENCE!,
          jwks: env.UMR_OIDC_JWKS!,
          orgClaim: env.UMR_OIDC_ORG_CLAIM ?? "org",
          rolesClaim: env.UMR_OIDC_ROLES_CLAIM ?? "roles",
        }
      : null,
    corsOrigins: (env.UMR_CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    introspection: bool(env, "UMR_INTROSPECTION", true),
    bodyLimitBytes: int(env, "UMR_BODY_LIMIT_BYTES", 2 * 1024 * 1024),
    rateLimitPerMinute: int(env, "UMR_RATE_LIMIT_PER_MINUTE", 1200),
    requestBudgetMs: int(env, "UMR_REQUEST_BUDGET_MS", 30_000),
    renderBudgetMs: int(env, "UMR_RENDER_BUDGET_MS", 10_000),
  };
}

/** Limits an operator may move (the README's "Limits" table); read once, at load. */
export interface Limits {
  /** Assets one traversal may reach before it stops and says so. */
  maxReached: number;
  /** Time a shallow traversal may take before it stops and says so. */
  traversalBudgetMs: number;
  /** The largest subgraph one export holds. */
  maxExportNodes: number;
  /** The propagation policy file, or null for config/propagation-policy.yaml. */
  policyFile: string | null;
  /**
   * The secret hidden records' opaque ids are made with (UMR_REDACTION_SECRET): set it so that
   * several API processes show the same ids; null makes a random one per process.
   */
  redactionSecret: string | null;
  /**
   * Where a hub's walk runs (UMR_WALK): "auto" inside Neo4j where the project's procedure is
   * installed (src/services/walk-in-neo4j.ts), in Node elsewhere; "node" always in Node.
   */
  walkEngine: "auto" | "node";
}

export function loadLimits(env: Env = process.env): Limits {
  return {
    maxReached: int(env, "UMR_MAX_REACHED", 2_000_000),
    traversalBudgetMs: int(env, "UMR_TRAVERSAL_BUDGET_MS", 20_000),
    maxExportNodes: int(env, "UMR_MAX_EXPORT_NODES", 50_000),
    policyFile: env.UMR_POLICY_FILE ? path.resolve(env.UMR_POLICY_FILE) : null,
    redactionSecret: env.UMR_REDACTION_SECRET?.trim() || null,
    walkEngine: walkEngineOf(env.UMR_WALK),
  };
}

function walkEngineOf(value: string | undefined): "auto" | "node" {
  const v = value?.trim().toLowerCase() || "auto";
  if (v === "auto" || v === "node") return v;
  throw new Error(`UMR_WALK: expected auto or node, found ${JSON.stringify(value)}`);
}

export const limits: Limits = loadLimits();

export interface CacheSettings {
  /** The memory the kept answers may take, in bytes; 0 turns keeping off. */
  maxBytes: number;
  /** Answers reaching fewer assets are not kept (they are cheap to compute again). */
  minNodes: number;
}

/** UMR_CACHE_MB (256) and UMR_CACHE_MIN_NODES (1000): the answers kept for their next pages. */
export function loadCacheSettings(env: Env = process.env): CacheSettings {
  return { maxBytes: int(env, "UMR_CACHE_MB", 256) * 1024 * 1024, minNodes: int(env, "UMR_CACHE_MIN_NODES", 1000) };
}

/**
 * A share of this machine's memory, in MB between a floor and a ceiling ("6144m"): the local
 * Neo4j's default heap (a quarter) and page cache (a tenth). A fixed 512 MB heap died under a
 * 20,000-record batch and under 25 aliased exports; Neo4j lets a transaction take up to 70 % of it.
 */
export function machineShare(share: number, floorMb: number, ceilingMb: number, totalBytes = os.totalmem()): string {
  const mb = Math.floor((totalBytes * share) / (1024 * 1024));
  return `${Math.min(ceilingMb, Math.max(floorMb, mb))}m`;
}

export interface NotifySettings {
  /** Whether this process follows writes and delivers notifications (UMR_NOTIFY). */
  enabled: boolean;
  /** How often it looks for writes by other processes (the CLI, other replicas). */
  pollMs: number;
  webhooks: {
    allowPrivate: boolean;
    timeoutMs: number;
    retryBaseMs: number;
    maxDelayMs: number;
    maxAttempts: number;
  };
}

/**
 * UMR_NOTIFY (true), UMR_NOTIFY_POLL_MS (500), UMR_WEBHOOK_ALLOW_PRIVATE (false),
 * UMR_WEBHOOK_TIMEOUT_MS (10000), UMR_WEBHOOK_RETRY_BASE_MS (5000), UMR_WEBHOOK_MAX_DELAY_MS
 * (3600000), UMR_WEBHOOK_MAX_ATTEMPTS (10): watches' notifications (README "Watches and notifications").
 */
export function loadNotifySettings(env: Env = process.env): NotifySettings {
  return {
    enabled: bool(env, "UMR_NOTIFY", true),
    pollMs: int(env, "UMR_NOTIFY_POLL_MS", 500),
    webhooks: {
      allowPrivate: bool(env, "UMR_WEBHOOK_ALLOW_PRIVATE", false),
      timeoutMs: int(env, "UMR_WEBHOOK_TIMEOUT_MS", 10_000),
      retryBaseMs: int(env, "UMR_WEBHOOK_RETRY_BASE_MS", 5_000),
      maxDelayMs: int(env, "UMR_WEBHOOK_MAX_DELAY_MS", 3_600_000),
      maxAttempts: int(env, "UMR_WEBHOOK_MAX_ATTEMPTS", 10),
    },
  };
}
