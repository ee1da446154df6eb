// API keys and audit-trail events as the graph holds them.
import type { Role } from "./vocab.js";

export type Operation =
  | "ingest"
  | "advisory.publish"
  | "advisory.withdraw"
  | "exemption.write"
  | "same-as.declare"
  | "same-as.withdraw"
  | "key.create"
  | "key.revoke"
  | "private.read";

export interface ApiKeyModel {
  id: string;
  org: string;
  role: Role;
  name: string | null;
  createdAt: string;
  createdBy?: string | null;
  revokedAt: string | null;
}

export interface EventModel {
  id: string;
  at: string;
  operation: Operation;
  subject: string;
  org: string | null;
  credentialId: string | null;
  requestId: string | null;
  /** Asset keys it touched. */
  keys: string[];
  /** Other ids it touched (advisories, API keys). */
  ids: string[];
  /** SHA-256 of the operation's input (canonical JSON). */
  inputHash: string;
  outcome: string;
}
