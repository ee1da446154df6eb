// An executor that runs every read statement under PROFILE and keeps what Neo4j reports:
// db hits and the operators of each plan. Used to check that no query enumerates paths.
import type { Driver, QueryResult } from "neo4j-driver";
import { silentLogger } from "../../src/log.js";
import type { Statement } from "../../src/neo4j/cypher.js";
import { Executor, Tx, toNeo4jParams, toPlain, type Params, type Row, type RunOptions } from "../../src/neo4j/executor.js";

export interface Profiled {
  name: string;
  dbHits: number;
  rows: number;
  operators: string[];
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  children: PlanNode[];
}

function walk(p: PlanNode, out: { hits: number; ops: string[] }) {
  out.hits += p.dbHits;
  out.ops.push(p.operatorType.replace(/@.*$/, ""));
  for (const c of p.children) walk(c, out);
}

export class ProfilingExecutor extends Executor {
  profiles: Profiled[] = [];
  constructor(driver: Driver) {
    super(driver, undefined, silentLogger);
  }
  private async profiledResult(
    run: (text: string, params: Params) => Promise<QueryResult>,
    stmt: Statement,
    params: Params,
  ): Promise<QueryResult> {
    const res = await run(`PROFILE ${stmt.text}`, toNeo4jParams(params) as Params);
    const acc = { hits: 0, ops: [] as string[] };
    walk(res.summary.profile as unknown as PlanNode, acc);
    this.profiles.push({ name: stmt.name, dbHits: acc.hits, rows: res.records.length, operators: acc.ops });
    return res;
  }

  private async profiled(run: (text: string, params: Params) => Promise<QueryResult>, stmt: Statement, params: Params): Promise<Row[]> {
    const res = await this.profiledResult(run, stmt, params);
    return res.records.map((r) => toPlain(r.toObject()) as Row);
  }

  override async read(stmt: Statement, params: Params = {}): Promise<Row[]> {
    const session = this.driver.session({ defaultAccessMode: "READ" });
    try {
      return await this.profiled((t, p) => session.run(t, p), stmt, params);
    } finally {
      await session.close();
    }
  }

  override async readTransaction<T>(_name: string, work: (tx: Tx) => Promise<T>, _opts?: RunOptions): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: "READ" });
    try {
      return await session.executeRead((managed) => {
        const tx = new Tx(managed);
        tx.run = (stmt: Statement, params: Params = {}) => this.profiled((t, p) => managed.run(t, p), stmt, params);
        tx.forEachRow = async <K extends string>(
          stmt: Statement,
          _columns: readonly K[],
          params: Params,
          each: (get: (column: K) => unknown) => void,
        ) => {
          const res = await this.profiledResult((t, p) => managed.run(t, p), stmt, params);
          for (const record of res.records) each((column) => record.get(column));
        };
        return work(tx);
      });
    } finally {
      await session.close();
    }
  }
  /** A single statement is profiled as any other: in a managed transaction. */
  override readStatement<T>(name: string, work: (tx: Tx) => Promise<T>, opts?: RunOptions): Promise<T> {
    return this.readTransaction(name, work, opts);
  }

  totalHits(): number {
    return this.profiles.reduce((n, p) => n + p.dbHits, 0);
  }
}
