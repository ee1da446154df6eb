// An executor that runs every read statement under PROFILE and keeps what Neo4j reports:
// db hits and the operators of each plan. Used to check that no query enumerates paths.
import type { Driver } from "neo4j-driver";
import { silentLogger } from "../../src/log.js";
import type { Statement } from "../../src/neo4j/cypher.js";
import { Executor, toNeo4jParams, toPlain, type Params, type Row } from "../../src/neo4j/executor.js";

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
  override async read(stmt: Statement, params: Params = {}): Promise<Row[]> {
    const session = this.driver.session({ defaultAccessMode: "READ" });
    try {
      const res = await session.run(`PROFILE ${stmt.text}`, toNeo4jParams(params) as Params);
      const acc = { hits: 0, ops: [] as string[] };
      walk(res.summary.profile as unknown as PlanNode, acc);
      this.profiles.push({ name: stmt.name, dbHits: acc.hits, rows: res.records.length, operators: acc.ops });
      return res.records.map((r) => toPlain(r.toObject()) as Row);
    } finally {
      await session.close();
    }
  }
  totalHits(): number {
    return this.profiles.reduce((n, p) => n + p.dbHits, 0);
  }
}
