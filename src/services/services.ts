// The services, built once per process on one executor; the CLI and GraphQL share them.
import { IngestService } from "../ingest/ingest.service.js";
import type { Logger } from "../log.js";
import type { Executor } from "../neo4j/executor.js";
import { AssetService } from "./asset.service.js";

export class Services {
  readonly assets: AssetService;
  readonly ingest: IngestService;
  constructor(
    readonly db: Executor,
    readonly log: Logger,
  ) {
    this.assets = new AssetService(db);
    this.ingest = new IngestService(db, log);
  }
}
