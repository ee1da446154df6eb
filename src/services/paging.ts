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

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Sorts by (depth, key), the order traversal answers are paged in: grouped by depth, each group
 * sorted by key, with a turn of the event loop after each big group, so a hub's 1M-asset answer
 * never holds other requests for its whole sort.
 */
export async function sortByDepthKey<T extends { depth: number; key: string }>(all: Iterable<T>): Promise<T[]> {
  const groups: T[][] = [];
  for (const x of all) (groups[x.depth] ??= []).push(x);
  const out: T[] = [];
  for (const group of groups) {
    if (!group) continue;
    group.sort(byKey);
    for (const x of group) out.push(x);
    if (group.length >= 10_000) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/**
 * The page after the cursor of a list already in (depth, key) order: a binary search for the
 * cursor and a slice, so page k of a kept 100k answer costs what page 1 does.
 */
export function pageSortedByDepthKey<T extends { depth: number; key: string }, X extends object>(
  kind: string,
  sorted: { readonly length: number; at(i: number): T | undefined },
  first: number | null | undefined,
  cursor: string | null | undefined,
  extra: X,
) {
  const limit = pageSize(first);
  const from = decodeCursor<Position>(kind, cursor);
  let lo = 0;
  if (from) {
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = sorted.at(mid)!;
      if (after([x.depth, x.key], from)) hi = mid;
      else lo = mid + 1;
    }
  }
  const fetched: T[] = [];
  for (let i = lo; i < Math.min(sorted.length, lo + limit + 1); i++) fetched.push(sorted.at(i)!);
  return { ...toPage(kind, fetched, limit, sorted.length, (x) => [x.depth, x.key] as Position), ...extra };
}
