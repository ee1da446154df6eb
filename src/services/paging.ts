// Cursor paging shared by every connection: opaque cursors, one page-size rule.
import { BadUserInputError, LimitExceededError } from "../errors.js";

export const DEFAULT_PAGE_SIZE = 50;
/** The largest page any connection returns; asking for more answers LIMIT_EXCEEDED. */
export const MAX_PAGE_SIZE = 1000;

export function pageSize(first: number | null | undefined, fallback = DEFAULT_PAGE_SIZE): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 0) throw new BadUserInputError(`first: expected a whole number >= 0, found ${first}`);
  if (first > MAX_PAGE_SIZE) {
    throw new LimitExceededError(`first: at most ${MAX_PAGE_SIZE} items a page, asked for ${first}; page with \`after\` instead`);
  }
  return first;
}

export function encodeCursor(kind: string, value: unknown): string {
  return Buffer.from(JSON.stringify([kind, value])).toString("base64url");
}

export function decodeCursor<T>(kind: string, cursor: string | null | undefined): T | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const [k, v] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, T];
    if (k === kind) return v;
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(`after: ${JSON.stringify(cursor)} is not a cursor of this list (use an endCursor this list returned)`);
}

export interface Page<T> {
  totalCount: number;
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Builds a page from up to first + 1 fetched items (the extra one says a next page exists). */
export function toPage<T>(kind: string, fetched: T[], first: number, totalCount: number, cursorOf: (t: T) => unknown): Page<T> {
  const items = fetched.slice(0, first).map((node) => ({ cursor: encodeCursor(kind, cursorOf(node)), node }));
  return {
    totalCount,
    items,
    hasNextPage: fetched.length > first,
    endCursor: items.length ? items[items.length - 1]!.cursor : null,
  };
}

type Position = [number, string];
const after = (a: Position, b: Position) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * The page after the cursor, in (depth, key) order. Only what the page needs is sorted: the
 * assets are grouped by depth, and groups are sorted one at a time until the page (plus one,
 * to tell whether a next page exists) is full — a hub's blast radius has 100k assets, a page 50.
 */
export function pageByDepthKey<T extends { depth: number; key: string }, X extends object>(
  kind: string,
  all: readonly T[],
  first: number | null | undefined,
  cursor: string | null | undefined,
  extra: X,
) {
  const limit = pageSize(first);
  const from = decodeCursor<Position>(kind, cursor);
  const byDepth = new Map<number, T[]>();
  for (const x of all) {
    if (from && x.depth < from[0]) continue;
    const group = byDepth.get(x.depth);
    if (group) group.push(x);
    else byDepth.set(x.depth, [x]);
  }
  const picked: T[] = [];
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const group = byDepth.get(depth)!.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const x of group) {
      if (from && !after([x.depth, x.key], from)) continue;
      picked.push(x);
      if (picked.length > limit) break;
    }
    if (picked.length > limit) break;
  }
  return { ...toPage(kind, picked, limit, all.length, (x) => [x.depth, x.key] as Position), ...extra };
}
