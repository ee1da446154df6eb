// Big answers, kept for their next pages: a hub's blast radius or lineage is walked once and
// paged from memory until the graph changes. An entry is keyed by the question (and who may see
// what: the viewer's visibility class) and holds the graph version it was computed at; every
// write that can change an answer bumps that version (cypher/meta/), so an entry is used only
// while its version stands — the same rule on every API replica, which agree because the
// version lives in the database. Bounded by size (lru-cache, least recently used evicted first).
import { LRUCache } from "lru-cache";
import type { GraphVersion } from "../neo4j/graph-version.js";

interface Entry {
  version: GraphVersion;
  /** Epoch ms after which the answer may be wrong without a write (an exemption expires), or null. */
  validUntil: number | null;
  value: unknown;
  bytes: number;
}

export interface AnswerCacheOptions {
  /** The memory the cache may hold, in bytes (estimated); 0 turns it off. */
  maxBytes: number;
  /** Answers that reach fewer assets are not kept: they are cheaper to compute than to look up. */
  minNodes: number;
}

/** Bytes an answer of n reached assets holds, about (its node records, maps and page order). */
const bytesPerNode = 600;

export class AnswerCache {
  private readonly lru: LRUCache<string, Entry> | null;

  constructor(
    readonly opts: AnswerCacheOptions,
    /** The graph's version now (read only when there is an entry to check). */
    private readonly currentVersion: () => Promise<GraphVersion>,
  ) {
    this.lru =
      opts.maxBytes > 0 ? new LRUCache<string, Entry>({ maxSize: opts.maxBytes, sizeCalculation: (e) => Math.max(1, e.bytes) }) : null;
  }

  /** Whether an answer of this many assets is worth keeping (and its version worth reading). */
  keeps(nodes: number): boolean {
    return this.lru !== null && nodes >= this.opts.minNodes && nodes * bytesPerNode <= this.opts.maxBytes;
  }

  /**
   * The kept answer to a question, if its graph version is the current one (read only when there
   * is an entry to check, so questions never asked big pay nothing).
   */
  async get<T>(question: string): Promise<T | undefined> {
    const e = this.lru?.get(question);
    if (!e) return undefined;
    const now = await this.currentVersion();
    if (now.epoch !== e.version.epoch || now.version !== e.version.version || (e.validUntil !== null && Date.now() >= e.validUntil)) {
      this.lru!.delete(question);
      return undefined;
    }
    return e.value as T;
  }

  set(question: string, version: GraphVersion, value: unknown, nodes: number, validUntil: number | null = null): void {
    if (!this.keeps(nodes)) return;
    this.lru!.set(question, { version, value, validUntil, bytes: nodes * bytesPerNode });
  }
}
