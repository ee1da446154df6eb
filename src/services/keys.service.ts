// API keys: long random secrets that only their holder knows; the graph keeps their SHA-256.
// A token reads `umr_<id>_<secret>`: the id finds the key, the secret proves it.
import { statement } from "../neo4j/statements.js";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { BadUserInputError, NotFoundError } from "../errors.js";
import type { ApiKeyModel } from "../model/trust.js";

export type { ApiKeyModel };
import type { Viewer } from "../model/viewer.js";
import { isOneOf, ROLES } from "../model/vocab.js";
import type { Executor } from "../neo4j/executor.js";
import { appendEvent } from "../ingest/trail.js";
import { authorize } from "../model/authz.js";

export interface ApiKeyInputModel {
  org: string;
  role: string;
  name?: string | null;
}

const TOKEN = /^umr_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const ORG = /^[A-Za-z0-9][A-Za-z0-9 ._&'-]{0,99}$/;
const hash = (secret: string) => createHash("sha256").update(secret).digest();

export class KeyService {
  constructor(private readonly db: Executor) {}

  async create(viewer: Viewer, input: ApiKeyInputModel): Promise<{ token: string; key: ApiKeyModel }> {
    authorize(viewer, "keys:manage");
    const org = input.org.trim();
    if (!ORG.test(org))
      throw new BadUserInputError(
        `org: expected an organisation name (letters, digits, spaces and . _ & ' -, at most 100), found ${JSON.stringify(input.org)}`,
      );
    if (!isOneOf(ROLES, input.role))
      throw new BadUserInputError(`role: expected one of ${ROLES.join(", ")}, found ${JSON.stringify(input.role)}`);
    const id = randomBytes(8).toString("hex");
    const secret = randomBytes(32).toString("base64url");
    const props = {
      id,
      org,
      role: input.role,
      name: input.name?.trim() || null,
      hash: hash(secret).toString("hex"),
      createdBy: viewer.subject,
    };
    const key = await this.db.writeTransaction("key/create", async (tx) => {
      const [row] = await tx.run(statement("key/create"), { props });
      await appendEvent(tx, viewer, {
        operation: "key.create",
        ids: [id],
        input: { org, role: input.role, name: props.name },
        outcome: "created",
      });
      return row!.key;
    });
    return { token: `umr_${id}_${secret}`, key };
  }

  async list(viewer: Viewer): Promise<ApiKeyModel[]> {
    authorize(viewer, "keys:manage");
    return (await this.db.read(statement("key/list"))).map((r) => r.key as ApiKeyModel);
  }

  async revoke(viewer: Viewer, id: string): Promise<ApiKeyModel> {
    authorize(viewer, "keys:manage");
    return this.db.writeTransaction("key/revoke", async (tx) => {
      const [row] = await tx.run(statement("key/revoke"), { id });
      if (!row) throw new NotFoundError(`no API key has the id ${JSON.stringify(id)}`);
      await appendEvent(tx, viewer, { operation: "key.revoke", ids: [id], input: { id }, outcome: "revoked" });
      return row.key;
    });
  }

  /** The viewer a token proves, or null when it is not a valid, unrevoked API key. */
  async verify(token: string): Promise<Viewer | null> {
    const m = TOKEN.exec(token);
    if (!m) return null;
    const [row] = await this.db.read(statement("key/by-id"), { id: m[1] });
    const key = row?.key as (ApiKeyModel & { hash: string }) | undefined;
    if (!key || key.revokedAt) return null;
    const expected = Buffer.from(key.hash, "hex");
    const given = hash(m[2]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return { subject: key.name ?? `key ${key.id}`, org: key.org, roles: [key.role], credentialId: key.id };
  }
}

/** Whether a bearer token has the shape of an API key (as opposed to a JWT). */
export const looksLikeApiKey = (token: string) => token.startsWith("umr_");
