// Watches (who must know, when an answer changes) and what the notifier sends: shapes shared by
// the watch service, the notifier, GraphQL and the CLI.
import type { EdgeModel } from "./asset.js";
import type { Role, SeverityName } from "./vocab.js";

export interface WatchModel {
  id: string;
  /** The organisation it notifies for (the creator's); null for an organisation-less admin. */
  org: string | null;
  /** Who made it. */
  subject: string;
  name: string | null;
  /** Keys, bare ids (newest version) or id@range, as an audit takes them. */
  keys: string[];
  /** Also everything within this many hops downstream of the keys (0: the keys only). */
  downstreamDepth: number;
  /** Also every record the organisation owns. */
  ownedByMyOrg: boolean;
  minSeverity: SeverityName;
  webhookUrl: string | null;
  createdAt: string;
}

/** A watch as the notifier evaluates it: who it sees as, and its last answer. */
export interface WatchRow extends Pick<
  WatchModel,
  "id" | "org" | "subject" | "name" | "keys" | "downstreamDepth" | "ownedByMyOrg" | "minSeverity"
> {
  roles: Role[];
  /** The last answer (src/services/watch.service.ts KeptAnswer), as JSON text. */
  state: string;
  hasWebhook: boolean;
  createdAt: string;
}

export const RISK_CHANGE_TYPES = ["REACHED", "PATH_CHANGED", "CLEARED"] as const;
export type RiskChangeType = (typeof RISK_CHANGE_TYPES)[number];
export const RISK_CHANGE_DESCRIPTIONS: Record<RiskChangeType, string> = {
  REACHED: "An advisory now reaches the asset (newly published, through a new record or version, or an exemption ended).",
  PATH_CHANGED: "An advisory still reaches the asset, by another chain or at another severity (a floating reference moved).",
  CLEARED: "An advisory no longer reaches the asset (withdrawn, exempted, or its chain is gone).",
};

/** One change of a watched answer, with its explanation. */
export interface RiskChangeModel {
  type: RiskChangeType;
  /** The watched asset whose answer changed. */
  key: string;
  advisory: { id: string; category: string; severity: SeverityName; summary: string; withdrawnAt: string | null };
  /** The advisory's severity at the asset, for REACHED and PATH_CHANGED; null when CLEARED. */
  effectiveSeverity: SeverityName | null;
  depth: number | null;
  /** From the asset up to the flagged source (empty when CLEARED). */
  path: EdgeModel[];
  /** Whom to tell: the asset's owner and contacts. */
  notify: string[];
}

/** What caused a notification: the trail events it follows. */
export interface CauseModel {
  id: string;
  at: string;
  kind: string;
  /** The keys it touched that the watch's viewer may see. */
  keys: string[];
  /** How many it touched that the viewer may not see. */
  hiddenCount: number;
  advisoryId: string | null;
}

/** What a webhook receives (and a subscription, and `Watch.notifications`). */
export interface NotificationPayload {
  /** The idempotency key: a redelivery carries the same. */
  id: string;
  type: "risk.changed";
  at: string;
  watch: { id: string; name: string | null };
  causes: CauseModel[];
  changes: RiskChangeModel[];
}

export const NOTIFICATION_STATUSES = ["PENDING", "DELIVERED", "FAILED", "RECORDED"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const NOTIFICATION_STATUS_DESCRIPTIONS: Record<NotificationStatus, string> = {
  PENDING: "Queued for its webhook: not yet delivered (retried with backoff).",
  DELIVERED: "Its webhook answered 2xx.",
  FAILED: "Given up after the last retry (redeliver it on request).",
  RECORDED: "The watch has no webhook: kept for `Watch.notifications` and subscriptions.",
};

/** One delivery attempt, as the delivery log keeps it. */
export interface AttemptModel {
  at: string;
  /** The HTTP status answered; null when none came (refused, timed out). */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

export interface NotificationModel {
  id: string;
  watchId: string;
  status: NotificationStatus;
  payload: NotificationPayload;
  attempts: AttemptModel[];
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}
