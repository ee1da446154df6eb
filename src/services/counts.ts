// Totals by one field, as every answer lists them: the most frequent first, then by key.

export interface CountModel {
  key: string;
  count: number;
}

/** The counts of a map of key → count, most frequent first, ties by key. */
export function sortCounts(m: ReadonlyMap<string, number>): CountModel[] {
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** How often each value occurs, most frequent first, ties by key. */
export function counts(values: readonly string[]): CountModel[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return sortCounts(m);
}
