// The services, built once per process on one executor; the CLI and GraphQL share them.
import { IngestService } from "../ingest/ingest.service.js";
import type { Logger } from "../log.js";
import type { Executor } from "../neo4j/executor.js";
import { AdvisoryService } from "./advisory.service.js";
import { AssetService } from "./asset.service.js";
import { EventService } from "./events.service.js";
import { ExportService } from "./export.service.js";
import { KeyService } from "./keys.service.js";
import { LineageService } from "./lineage.service.js";
import { loadPolicy, type Policy } from "./policy.js";
import { RiskService } from "./risk.service.js";
import { AnswerCache } from "./answer-cache.js";
import { ChangeService } from "./changes.service.js";
import { SameAsService } from "./same-as.service.js";
import { readGraphVersion } from "../neo4j/graph-version.js";
import { loadCacheSettings, loadNotifySettings, type CacheSettings, type NotifySettings } from "../config.js";
import { WatchService } from "./watch.service.js";
import { Notifier } from "./notifier.js";

export class Services {
  readonly assets: AssetService;
  readonly ingest: IngestService;
  readonly advisories: AdvisoryService;
  readonly lineage: LineageService;
  readonly risk: RiskService;
  readonly exports: ExportService;
  readonly keys: KeyService;
  readonly events: EventService;
  readonly changes: ChangeService;
  readonly sameAs: SameAsService;
  readonly watches: WatchService;
  /** Follows writes and notifies watches; started by the server (startHttpServer), idle elsewhere. */
  readonly notifier: Notifier;
  /** Big answers kept for their next pages, while the graph's version stands. */
  readonly cache: AnswerCache;
  constructor(
    readonly db: Executor,
    readonly log: Logger,
    readonly policy: Policy = loadPolicy(),
    cache: CacheSettings = loadCacheSettings(),
    notify: NotifySettings = loadNotifySettings(),
  ) {
    this.cache = new AnswerCache(cache, () => readGraphVersion(db));
    this.assets = new AssetService(db);
    this.ingest = new IngestService(db, log);
    this.advisories = new AdvisoryService(db, this.assets);
    this.events = new EventService(db);
    this.lineage = new LineageService(db, this.assets, this.events, this.cache);
    this.risk = new RiskService(db, this.assets, this.advisories, policy, this.events, this.cache);
    this.exports = new ExportService(db, this.assets, this.events);
    this.keys = new KeyService(db);
    this.changes = new ChangeService(db, this.assets);
    this.sameAs = new SameAsService(db);
    this.watches = new WatchService(db, this.assets, this.risk, notify.webhooks);
    this.notifier = new Notifier(db, this.assets, this.advisories, this.watches, notify, log);
  }
}
