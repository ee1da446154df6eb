// Who is asking: made once per request (or CLI run) before anything else runs, and handed to
// every service. Nothing below the HTTP layer reads a header.
import type { Role } from "./vocab.js";

export interface Viewer {
  /** Who: an API key's name, a token's subject, "admin" for UMR_ADMIN_TOKEN, "cli", or "anonymous". */
  subject: string;
  /** The organisation it acts for; null for anonymous callers and organisation-less admins. */
  org: string | null;
  roles: readonly Role[];
  /** The credential that proved it (an API key id, "oidc:<issuer>", "admin-token"); null when none. */
  credentialId: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({
  subject: "anonymous",
  org: null,
  roles: Object.freeze(["READER"] as Role[]),
  credentialId: null,
});

/** The CLI: it has the database itself, so it acts as an admin, for the organisation it names. */
export function cliViewer(org: string | null): Viewer {
  return { subject: "cli", org, roles: ["ADMIN"], credentialId: "cli" };
}

/** The service itself (the demo seed, benchmarks, tests of internals): an admin of no organisation. */
export const SYSTEM_VIEWER: Viewer = Object.freeze({
  subject: "system",
  org: null,
  roles: Object.freeze(["ADMIN"] as Role[]),
  credentialId: "system",
});
