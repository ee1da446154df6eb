// GraphQL in-process (Apollo's executeOperation), against a real Neo4j, counting the Cypher
// statements each operation runs.
import { createContext } from "../../src/graphql/context.js";
import { createApollo } from "../../src/graphql/server.js";
import { silentLogger, type Logger } from "../../src/log.js";
import type { Statement } from "../../src/neo4j/cypher.js";
import type { Executor, Params, RunOptions, Tx } from "../../src/neo4j/executor.js";
import { SYSTEM_VIEWER, type Viewer } from "../../src/model/viewer.js";

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResult<T>>;
  /** Cypher statements run by the last operation, by name. */
  statements: string[];
}

export async function testApi(db: Executor, logger: Logger = silentLogger): Promise<TestApi> {
  const server = await createApollo(logger);
  const api: TestApi = {
    statements: [],
    async run(query, variables, viewer = SYSTEM_VIEWER) {
      api.statements = [];
      const counting = Object.create(db) as Executor;
      counting.read = (stmt: Statement, params?: Params, opts?: RunOptions) => {
        api.statements.push(stmt.name);
        return db.read(stmt, params, opts);
      };
      counting.readTransaction = (name, work, opts) =>
        db.readTransaction(
          name,
          (tx) => {
            const counted = Object.create(tx) as Tx;
            counted.run = (stmt: Statement, params?: Params) => {
              api.statements.push(stmt.name);
              return tx.run(stmt, params);
            };
            counted.forEachRow = (stmt, columns, params, each) => {
              api.statements.push(stmt.name);
              return tx.forEachRow(stmt, columns, params, each);
            };
            return work(counted);
          },
          opts,
        );
      const res = await server.executeOperation(
        { query, variables: variables ?? {} },
        { contextValue: createContext({ db: counting, log: logger, viewer }) },
      );
      if (res.body.kind !== "single") throw new Error("expected a single result");
      return res.body.singleResult as GraphQLResult<any>;
    },
  };
  return api;
}
