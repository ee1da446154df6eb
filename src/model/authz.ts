// Authorization in one place: which viewer may do what (the role matrix of src/model/vocab.ts),
// whose ids a viewer may write, and which records a viewer may see.
import { ForbiddenError, UnauthenticatedError } from "../errors.js";
import type { Viewer } from "./viewer.js";
import { ROLE_PERMISSIONS, type Permission } from "./vocab.js";

export function can(viewer: Viewer, permission: Permission): boolean {
  return viewer.roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

const WHAT: Record<Permission, string> = {
  read: "read",
  ingest: "ingest records (role PUBLISHER, SECURITY or ADMIN)",
  "advisory:write": "publish or withdraw advisories (role SECURITY or ADMIN)",
  "exemption:write": "write exemptions (role SECURITY or ADMIN)",
  "private:read-all": "read other organisations' private records (role AUDITOR or ADMIN)",
  "events:read": "read the audit trail (role AUDITOR or ADMIN)",
  "keys:manage": "manage API keys (role ADMIN)",
};

/** Throws UNAUTHENTICATED for an anonymous caller and FORBIDDEN for a known one that may not. */
export function authorize(viewer: Viewer, permission: Permission): void {
  if (can(viewer, permission)) return;
  if (viewer.credentialId === null) {
    throw new UnauthenticatedError(
      `to ${WHAT[permission]} send an API key: Authorization: Bearer <token> (an admin makes one with \`umr keys create --org <org> --role <role>\`)`,
    );
  }
  throw new ForbiddenError(`${viewer.subject} (${viewer.roles.join(", ")}) may not ${WHAT[permission]}`);
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.roles.includes("ADMIN");
}

/** Whether a viewer may write versions of (or exemptions for) an id its owner organisation holds. */
export function mayWriteFor(viewer: Viewer, ownerOrg: string | null | undefined): boolean {
  if (isAdmin(viewer)) return true;
  return ownerOrg !== null && ownerOrg !== undefined && viewer.org === ownerOrg;
}

/** Whether a viewer sees a record: public ones always; private ones for their organisation, auditors and admins. */
export function maySee(viewer: Viewer, record: { visibility?: string | null; org?: string | null }): boolean {
  if (record.visibility !== "private") return true;
  if (can(viewer, "private:read-all")) return true;
  return viewer.org !== null && record.org === viewer.org;
}
