// Who a request is, from its credential, in one place: the admin token from the environment, an
// API key, or an OIDC bearer JWT (verified against the issuer's JWKS with jose). No credential is
// the anonymous viewer, where anonymous reads are allowed.
import fs from "node:fs";
import { timingSafeEqual } from "node:crypto";
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { SecuritySettings } from "../config.js";
import { UnauthenticatedError } from "../errors.js";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import { isOneOf, ROLES, type Role } from "../model/vocab.js";
import { looksLikeApiKey, type KeyService } from "./keys.service.js";

const REFUSED = "the credential was refused (unknown, revoked, expired or wrongly signed); send a valid `Authorization: Bearer <token>`";

export class IdentityService {
  private jwks: JWTVerifyGetKey | null = null;

  constructor(
    private readonly keys: KeyService,
    private readonly settings: SecuritySettings,
  ) {}

  /** The viewer of an Authorization header (or of its absence); UNAUTHENTICATED when it proves nothing. */
  async identify(authorization: string | undefined): Promise<Viewer> {
    if (!authorization) {
      if (this.settings.anonymous === "read") return ANONYMOUS;
      throw new UnauthenticatedError("this server answers only callers with a credential: send `Authorization: Bearer <token>`");
    }
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw new UnauthenticatedError("expected `Authorization: Bearer <token>`");
    const token = m[1]!;
    if (this.settings.adminToken && sameSecret(token, this.settings.adminToken)) {
      return { subject: "admin", org: null, roles: ["ADMIN"], credentialId: "admin-token" };
    }
    if (looksLikeApiKey(token)) {
      const viewer = await this.keys.verify(token);
      if (!viewer) throw new UnauthenticatedError(REFUSED);
      return viewer;
    }
    if (this.settings.oidc && token.split(".").length === 3) return this.fromJwt(token);
    throw new UnauthenticatedError(REFUSED);
  }

  private async fromJwt(token: string): Promise<Viewer> {
    const oidc = this.settings.oidc!;
    this.jwks ??= /^https?:\/\//.test(oidc.jwks)
      ? createRemoteJWKSet(new URL(oidc.jwks))
      : createLocalJWKSet(JSON.parse(fs.readFileSync(oidc.jwks, "utf8")) as Parameters<typeof createLocalJWKSet>[0]);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, { issuer: oidc.issuer, audience: oidc.audience }));
    } catch {
      throw new UnauthenticatedError(REFUSED);
    }
    const org = payload[oidc.orgClaim];
    const claimed = payload[oidc.rolesClaim];
    const list = Array.isArray(claimed) ? claimed : typeof claimed === "string" ? claimed.split(/\s+/) : [];
    const roles = list.map((r) => String(r).toUpperCase()).filter((r): r is Role => isOneOf(ROLES, r));
    return {
      subject: payload.sub ?? "oidc",
      org: typeof org === "string" && org ? org : null,
      roles: roles.length ? roles : ["READER"],
      credentialId: `oidc:${oidc.issuer}`,
    };
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
