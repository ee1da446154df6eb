// What every GraphQL request gets: the services, a logger that names the request, the request
// id (answers and logs carry it), and per-request DataLoaders.
import { randomUUID } from "node:crypto";
import type { Logger } from "../log.js";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import type { Executor } from "../neo4j/executor.js";
import { Services } from "../services/services.js";
import { Visibility } from "../services/visibility.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface AppContext {
  db: Executor;
  services: Services;
  log: Logger;
  requestId: string;
  /** Who is asking, made from the request's credential before any resolver runs. */
  viewer: Viewer;
  /** What the viewer may see, for every asset an answer shows (one per request: opaque ids stay stable). */
  visibility: Visibility;
  loaders: Loaders;
}

export interface ContextOptions {
  db: Executor;
  log: Logger;
  services?: Services;
  requestId?: string;
  viewer?: Viewer;
}

export function createContext(opts: ContextOptions): AppContext {
  const services = opts.services ?? new Services(opts.db, opts.log);
  const requestId = opts.requestId ?? randomUUID();
  return {
    db: opts.db,
    services,
    log: opts.log,
    requestId,
    viewer: opts.viewer ?? ANONYMOUS,
    visibility: new Visibility(opts.viewer ?? ANONYMOUS),
    loaders: createLoaders(services, opts.viewer ?? ANONYMOUS),
  };
}
