// The one module that touches the driver: connect, run named statements (a single read as an
// auto-commit transaction, everything else in managed transactions retried by the driver on
// transient errors), convert Neo4j values to plain JavaScript at this boundary, and map Neo4j
// errors to domain errors.
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  isDateTime,
  isDate,
  isRetryableError,
  Neo4jError,
} from "neo4j-driver";
import type { Neo4jCredentials } from "../config.js";
import { ConflictError, DomainError, LimitExceededError, ServiceUnavailableError } from "../errors.js";
import { currentRequestId, requestScope, requestTimeLeft, type Logger } from "../log.js";
import type { Statement } from "./cypher.js";
import type { ParamsOf, RowOf, StatementName, TypedStatement } from "./statements.js";

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

export interface RunOptions {
  /** Server-side transaction timeout; exceeding it answers LIMIT_EXCEEDED. */
  timeoutMs?: number;
  /** Rows Neo4j sends per batch (the driver's default is 1000); large answers want more. */
  fetchSize?: number;
}

/** Default timeout for read queries. Traversals are bounded, so this only stops pathological ones. */
export const DEFAULT_READ_TIMEOUT_MS = 30_000;

export function createDriver(creds: Neo4jCredentials): Driver {
  // A server with auth disabled (our local one) accepts any basic token.
  const auth = neo4j.auth.basic(creds.user, creds.password);
  return neo4j.driver(creds.uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    maxTransactionRetryTime: 15_000,
    logging: { level: "error", logger: () => {} },
  });
}

/** Connects with exponential backoff; fails with a message that says what to do. */
export async function connect(creds: Neo4jCredentials, opts: { retries: number; log: Logger; initialDelayMs?: number }): Promise<Driver> {
  const driver = createDriver(creds);
  let delay = opts.initialDelayMs ?? 500;
  for (let attempt = 0; ; attempt++) {
    try {
      await driver.getServerInfo(creds.database ? { database: creds.database } : {});
      return driver;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (attempt >= opts.retries) {
        await driver.close();
        throw new ServiceUnavailableError(
          `cannot reach Neo4j at ${creds.uri} after ${attempt + 1} attempts: ${reason}. ` +
            `What to do: start Neo4j there, or correct NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, ` +
            `or unset NEO4J_URI to let umr-graph start its own local Neo4j.`,
        );
      }
      opts.log.warn({ uri: creds.uri, attempt: attempt + 1, retryInMs: delay, reason }, "Neo4j not reachable yet; retrying");
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }
}

/**
 * Neo4j temporal values become ISO 8601 strings at their full precision (so that exports
 * recreate them exactly); everything else passes through (integers are numbers).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isDateTime(value as never) || isDate(value as never)) return (value as { toString(): string }).toString();
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

/**
 * JavaScript numbers that are whole (and within 2^53) become Neo4j integers (Cypher's LIMIT,
 * SKIP and ranges need them); larger ones, such as a training compute of 3e25 FLOP, stay floats.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === "number") return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) out[k] = toNeo4jParams(v);
  return out;
}

function rows(result: QueryResult): Row[] {
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}

/** Maps a driver error to a domain error, in this one place. */
export function mapNeo4jError(err: unknown, statement?: string): unknown {
  if (err instanceof DomainError) return err;
  if (err instanceof Neo4jError) {
    const code = err.code ?? "";
    if (code.includes("TransactionTimedOut") || code === "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration") {
      return new LimitExceededError(
        "the query ran past its time budget and was stopped. Narrow it (a smaller maxDepth, fewer edge types, a smaller page) and ask again.",
        {},
        `statement ${statement}: ${err.message}`,
      );
    }
    if (code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
      return new ConflictError(
        "the write conflicts with existing data (a key or an id that must be unique)",
        {},
        `statement ${statement}: ${err.message}`,
      );
    }
    if (code === "ServiceUnavailable" || code === "SessionExpired" || code.startsWith("Neo.TransientError.General.DatabaseUnavailable")) {
      return new ServiceUnavailableError("the database is unavailable; try again shortly", {}, `statement ${statement}: ${err.message}`);
    }
    if (code === "Neo.TransientError.General.MemoryPoolOutOfMemoryError" || code.includes("MemoryLimit")) {
      return new LimitExceededError(
        "the query needed more memory than allowed; narrow it and ask again.",
        {},
        `statement ${statement}: ${err.message}`,
      );
    }
  }
  return err;
}

/**
 * One read statement: first as an auto-commit transaction (one round trip: no COMMIT to wait
 * for; README, Performance, "Single reads in one round trip"), and, where that fails with an error the driver would retry
 * (a leader change, a replica going away), again as a managed transaction, which the driver
 * retries for up to maxTransactionRetryTime. A read has no effect, so running it twice is safe.
 */
export async function readOnce<T>(autoCommit: () => Promise<T>, managed: () => Promise<T>): Promise<T> {
  try {
    return await autoCommit();
  } catch (err) {
    if (isRetryableError(err)) return managed();
    throw err;
  }
}

export class Executor {
  /**
   * Every session of this process shares one bookmark manager: a read here waits for the writes
   * made here (in a cluster, a secondary serves it once it has them). Across processes, a caller
   * carries its bookmarks itself (the HTTP header x-umr-bookmark, src/http/request-id.ts).
   */
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
    private readonly log: Logger,
  ) {}

  /** The server's home database, asked once where NEO4J_DATABASE names none (see databaseName). */
  private home: Promise<string | undefined> | undefined;

  /**
   * The database every session names: the configured one, or else the server's home database,
   * asked once. A session that names no database costs the driver a round trip to resolve it each
   * time (measured on the local Neo4j: a one-row read in its own session p50 2.65 → 1.63 ms).
   */
  private databaseName(): Promise<string | undefined> {
    if (this.database) return Promise.resolve(this.database);
    this.home ??= this.driver.executeQuery("RETURN 1", {}, { routing: neo4j.routing.READ, bookmarkManager: null }).then(
      (r) => r.summary.database.name ?? undefined,
      () => {
        // Not known yet (the server is not reachable): sessions resolve it themselves meanwhile.
        this.home = undefined;
        return undefined;
      },
    );
    return this.home;
  }

  private session(mode: "READ" | "WRITE", database: string | undefined, fetchSize?: number) {
    const given = requestScope.getStore()?.bookmarks?.given;
    return this.driver.session({
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
      ...(given?.length ? { bookmarks: given } : {}),
      ...(database ? { database } : {}),
      ...(fetchSize ? { fetchSize } : {}),
    });
  }

  /**
   * A transaction's metadata (the statement and the request it serves, for SHOW TRANSACTIONS)
   * and its timeout: its own, cut to what the request has left of its budget.
   */
  private txConfig(stmt: string, opts?: RunOptions) {
    const left = requestTimeLeft();
    if (left <= 0) {
      throw new LimitExceededError(
        "the request ran past its time budget; ask for less at once (fewer aliases, keys or hops) and ask again",
        {},
        `before ${stmt}`,
      );
    }
    const own = opts?.timeoutMs || Infinity;
    const timeout = Math.min(own, left);
    return {
      metadata: { app: "umr-graph", query: stmt, requestId: currentRequestId() ?? null },
      ...(Number.isFinite(timeout) ? { timeout: Math.max(1, Math.ceil(timeout)) } : {}),
    };
  }

  read<N extends StatementName>(stmt: TypedStatement<N>, params: ParamsOf<N>, opts?: RunOptions): Promise<RowOf<N>[]>;
  read(stmt: Statement, params?: Params, opts?: RunOptions): Promise<Row[]>;
  async read(stmt: Statement, params: Params = {}, opts: RunOptions = {}): Promise<Row[]> {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    const cypherParams = toNeo4jParams(params) as Params;
    return this.inSession("READ", stmt.name, (s) =>
      readOnce(
        () => s.run(stmt.text, cypherParams, this.txConfig(stmt.name, { timeoutMs })).then(rows),
        () => s.executeRead((tx) => tx.run(stmt.text, cypherParams).then(rows), this.txConfig(stmt.name, { timeoutMs })),
      ),
    );
  }

  write<N extends StatementName>(stmt: TypedStatement<N>, params: ParamsOf<N>, opts?: RunOptions): Promise<RowOf<N>[]>;
  write(stmt: Statement, params?: Params, opts?: RunOptions): Promise<Row[]>;
  async write(stmt: Statement, params: Params = {}, opts: RunOptions = {}): Promise<Row[]> {
    return this.inSession("WRITE", stmt.name, (s) =>
      s.executeWrite((tx) => tx.run(stmt.text, toNeo4jParams(params) as Params).then(rows), this.txConfig(stmt.name, opts)),
    );
  }

  /** Several statements in one write transaction: all of them commit, or none. */
  async writeTransaction<T>(name: string, work: (tx: Tx) => Promise<T>, opts: RunOptions = {}): Promise<T> {
    // The attempt that committed says whether the graph changed (the driver may retry the work).
    let last: Tx | undefined;
    const out = await this.inSession("WRITE", name, (s) => s.executeWrite((tx) => work((last = new Tx(tx))), this.txConfig(name, opts)));
    if (last?.changesGraph) for (const listener of this.graphListeners) listener();
    return out;
  }

  private readonly graphListeners = new Set<() => void>();

  /** Calls `listener` after every committed write of this executor that bumped the graph's version; returns how to stop. */
  onGraphChange(listener: () => void): () => void {
    this.graphListeners.add(listener);
    return () => this.graphListeners.delete(listener);
  }

  /** Several statements in one read transaction (a consistent snapshot). */
  async readTransaction<T>(name: string, work: (tx: Tx) => Promise<T>, opts: RunOptions = {}): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    return this.inSession("READ", name, (s) => s.executeRead((tx) => work(new Tx(tx)), this.txConfig(name, { timeoutMs })), opts.fetchSize);
  }

  /**
   * Work that runs one read statement (streamed with Tx.forEachRow, say), in one round trip as
   * `read` does: auto-commit first, again as a managed transaction where the driver would retry
   * the error. `work` may therefore be called twice, and must start from nothing each time; a
   * second statement is refused (it would not share the first one's snapshot).
   */
  async readStatement<T>(name: string, work: (tx: Tx) => Promise<T>, opts: RunOptions = {}): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    return this.inSession(
      "READ",
      name,
      (s) => {
        let ran = false;
        const once: Runner = {
          run: (text, params) => {
            if (ran) throw new Error(`${name} runs one statement (readStatement): use readTransaction for more`);
            ran = true;
            return s.run(text, params, this.txConfig(name, { timeoutMs }));
          },
        };
        return readOnce(
          () => work(new Tx(once)),
          () => s.executeRead((tx) => work(new Tx(tx)), this.txConfig(name, { timeoutMs })),
        );
      },
      opts.fetchSize,
    );
  }

  private async inSession<T>(
    mode: "READ" | "WRITE",
    name: string,
    fn: (s: ReturnType<Executor["session"]>) => Promise<T>,
    fetchSize?: number,
  ): Promise<T> {
    const session = this.session(mode, await this.databaseName(), fetchSize);
    const started = performance.now();
    try {
      return await fn(session);
    } catch (err) {
      throw mapNeo4jError(err, name);
    } finally {
      // A write's bookmarks go back to the caller, who may read next from another replica.
      const scope = mode === "WRITE" ? requestScope.getStore()?.bookmarks : undefined;
      if (scope) scope.written = session.lastBookmarks();
      await session.close();
      this.log.trace({ query: name, ms: Math.round(performance.now() - started) }, "cypher");
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** What runs a Tx's statements: a managed transaction, or one auto-commit statement of a session. */
type Runner = Pick<ManagedTransaction, "run">;

export class Tx {
  /** Set by a write that bumps the graph's version (graph-version.ts): told to the executor's listeners after the commit. */
  changesGraph = false;

  constructor(private readonly tx: Runner) {}
  run<N extends StatementName>(stmt: TypedStatement<N>, params: ParamsOf<N>): Promise<RowOf<N>[]>;
  run(stmt: Statement, params?: Params): Promise<Row[]>;
  async run(stmt: Statement, params: Params = {}): Promise<Row[]> {
    return rows(await this.tx.run(stmt.text, toNeo4jParams(params)));
  }

  /**
   * Calls `each` once per row with a reader of its named columns, values as the driver gives
   * them: for statements that return only strings, numbers, booleans and lists of them
   * (traversals). Skips the generic conversion to plain objects, which cost more than the
   * query itself on a 100k-row answer.
   */
  async forEachRow<K extends string>(
    stmt: Statement,
    columns: readonly K[],
    params: Params,
    each: (get: (column: K) => unknown) => void,
  ): Promise<void> {
    // Rows are handed over as they arrive (subscribe), not collected first: a million-asset
    // answer is never held twice, and the caller's work overlaps with Neo4j producing rows.
    let index: Map<K, number> | null = null;
    let failure: unknown = null;
    await new Promise<void>((resolve, reject) => {
      this.tx.run(stmt.text, toNeo4jParams(params)).subscribe({
        onKeys: (keys) => {
          index = new Map();
          for (const c of columns) {
            const i = keys.indexOf(c);
            if (i < 0) failure ??= new Error(`statement ${stmt.name} returns no column ${c} (it returns ${keys.join(", ")})`);
            index.set(c, i);
          }
        },
        onNext: (record) => {
          if (failure) return;
          try {
            each((column) => record.get(index!.get(column)!));
          } catch (err) {
            failure = err;
          }
        },
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- failure is whatever the row callback threw
        onCompleted: () => (failure ? reject(failure) : resolve()),
        onError: reject,
      });
    });
  }
}
