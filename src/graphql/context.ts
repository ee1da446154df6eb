// What every GraphQL request gets: the services, a logger that names the request, the request
// id (answers and logs carry it), and per-request DataLoaders.
import { randomUUID } from "node:crypto";
import type { Logger } from "../log.js";
import type { Executor } from "../neo4j/executor.js";
import { Services } from "../services/services.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface AppContext {
  db: Executor;
  services: Services;
  log: Logger;
  requestId: string;
  /** Who is asking: an organisation name, for exemptions' authorship. */
  caller: string;
  loaders: Loaders;
}

export interface ContextOptions {
  db: Executor;
  log: Logger;
  services?: Services;
  requestId?: string;
  caller?: string;
}

export function createContext(opts: ContextOptions): AppContext {
  const services = opts.services ?? new Services(opts.db, opts.log);
  const requestId = opts.requestId ?? randomUUID();
  return {
    db: opts.db,
    services,
    log: opts.log,
    requestId,
    caller: opts.caller ?? "anonymous",
    loaders: createLoaders(services),
  };
}
