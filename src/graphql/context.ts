// What every request (GraphQL or HTTP) and every CLI command gets: the executor, the
// services built on it, and per-request DataLoaders.
import type { Logger } from "../log.js";
import type { Executor } from "../neo4j/executor.js";
import { Services } from "../services/services.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface AppContext {
  db: Executor;
  services: Services;
  log: Logger;
  /** Who is asking: an organisation name, for visibility and exemptions' authorship. */
  caller: string;
  loaders: Loaders;
}

export function createContext(db: Executor, log: Logger, caller = "anonymous", services = new Services(db, log)): AppContext {
  return { db, services, log, caller, loaders: createLoaders(services) };
}
