// Who sees which records (data-model.md §4), applied to every answer that lists assets. For a
// viewer who may not see a private record, it is a hidden node: an opaque id that the server's
// secret alone derives from its key (stable, so chains stay chains), its kind, and nothing else.
// Risk still travels through hidden nodes: only their identity is withheld.
import { createHmac, randomBytes } from "node:crypto";
import { limits } from "../config.js";
import { maySee, can } from "../model/authz.js";
import type { Viewer } from "../model/viewer.js";
import { NotFoundError } from "../errors.js";

const processSecret = limits.redactionSecret ? Buffer.from(limits.redactionSecret) : randomBytes(32);

export interface VisibilityFacts {
  key: string;
  visibility?: string | null;
  org?: string | null;
  kind?: string | null;
}

export class Visibility {
  /** Keys of other organisations' private records this viewer saw by reading everything (recorded). */
  readonly privateReads = new Set<string>();
  private readonly opaqueIds = new Map<string, string>();

  constructor(
    readonly viewer: Viewer,
    private readonly secret: Buffer = processSecret,
  ) {}

  /** Whether the viewer sees the record; notes the reads an auditor makes of others' private records. */
  sees(r: VisibilityFacts): boolean {
    if (!maySee(this.viewer, r)) return false;
    if (r.visibility === "private" && r.org !== this.viewer.org && can(this.viewer, "private:read-all")) this.privateReads.add(r.key);
    return true;
  }

  /**
   * Viewers that see exactly the same records share this class: every one of
   * the organisation's viewers, or everyone who reads all (auditors, admins). An answer computed
   * for one of them is the answer for all of them (src/services/answer-cache.ts).
   */
  get seeingClass(): string {
    return can(this.viewer, "private:read-all") ? "all" : `org:${this.viewer.org ?? ""}`;
  }

  /** The key shown for a record: its own, or the opaque id of a hidden one. */
  shown(r: VisibilityFacts): string {
    return this.sees(r) ? r.key : this.opaque(r.key, r.kind);
  }

  /** The kind of a hidden node shown by its opaque id (the one thing shown of it). */
  kindOf(opaqueId: string): string | null {
    return this.hiddenKinds.get(opaqueId) ?? null;
  }
  private readonly hiddenKinds = new Map<string, string>();

  opaque(key: string, kind?: string | null): string {
    let id = this.opaqueIds.get(key);
    if (!id) {
      id = `hidden:${createHmac("sha256", this.secret).update(key).digest("hex").slice(0, 16)}`;
      this.opaqueIds.set(key, id);
    }
    if (kind) this.hiddenKinds.set(id, kind);
    return id;
  }

  /** The parameters by which a statement filters what this viewer may list. */
  get params(): { viewerOrg: string | null; seesAll: boolean } {
    return { viewerOrg: this.viewer.org, seesAll: can(this.viewer, "private:read-all") };
  }
}

/** A start the viewer may not see answers exactly as a key that names nothing. */
export function assertStartsVisible(
  walk: { found: readonly string[]; nodes: ReadonlyMap<string, VisibilityFacts> },
  vis: Visibility,
  input: string,
  argument = "key",
): void {
  for (const k of walk.found) {
    const n = walk.nodes.get(k);
    if (n && !vis.sees(n)) throw unknownKey(input, argument);
  }
}

/** What a key that names nothing answers — and a key the caller may not see, exactly alike. */
export function unknownKey(input: string | null | undefined, argument = "key"): NotFoundError {
  return new NotFoundError(`${argument}: no asset has the key or id ${JSON.stringify(input)}`, { key: input });
}
