// Strict mode's cycle check across batches: which of $ids each id of $from reaches by following
// edges upstream in the graph as it stands. The reachable set is collected as DISTINCT nodes (a
// pruning breadth-first expand: no path is enumerated), bounded by the depth ceiling.
// Parameters: $from (ids), $ids (ids). Returns one row per id of $from that reaches some: from, reaches (ids).
UNWIND $from AS f
MATCH (s:Asset {id: f})
USING INDEX SEEK s:Asset(id)
CALL (s) {
  MATCH (s)-[:TRAINED_ON|DERIVED_FROM*1..100]->(x)
  RETURN collect(DISTINCT x) AS reached
}
UNWIND reached AS x
WITH f, x.id AS r
WHERE r IN $ids
RETURN f AS from, collect(DISTINCT r) AS reaches
