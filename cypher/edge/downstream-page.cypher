// Direct dependents of each asset (incoming edges), one page each, keyset-paged by
// (dependent key, edge type). Parameters: $requests (list of {key, first, after}; after is
// the sort key of the last edge seen, or null). Returns: key, after, first, totalCount,
// edges (up to first + 1 of {type, relation, constraint, from, to, sortKey, and the dependent's
// fromKind, fromVisibility, fromOrg}: one extra tells
// whether a next page exists).
UNWIND $requests AS r
MATCH (b:Asset {key: r.key})
CALL (b, r) {
  OPTIONAL MATCH (a:Asset)-[e:TRAINED_ON|DERIVED_FROM]->(b)
  RETURN count(e) AS totalCount
}
CALL (b, r) {
  MATCH (a:Asset)-[e:TRAINED_ON|DERIVED_FROM]->(b)
  WITH a, e, a.key + '|' + type(e) AS sortKey
  WHERE r.after IS NULL OR sortKey > r.after
  WITH a, e, sortKey ORDER BY sortKey
  WITH collect({type: type(e), relation: e.relation, constraint: e.constraint, from: a.key, to: b.key, sortKey: sortKey,
                   fromKind: a.kind, fromVisibility: a.visibility, fromOrg: a.org}) AS all
  RETURN all[0..r.first + 1] AS edges
}
RETURN r.key AS key, r.after AS after, r.first AS first, totalCount, edges
