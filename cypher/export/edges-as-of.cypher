// export/edges as the graph stood at $asOf: today's edges between assets both ingested by then,
// and the moved-away edges (WAS_*) that stood then, shown by their lineage type. Parameters:
// $keys, $asOf. Returns: from, to, type, props (the history's with its since and until).
WITH datetime($asOf) AS t
UNWIND $keys AS k
MATCH (a:Asset {key: k})-[e:TRAINED_ON|DERIVED_FROM|WAS_TRAINED_ON|WAS_DERIVED_FROM]->(b:Asset)
WHERE b.key IN $keys
  AND coalesce(a.ingestedAt, datetime({epochMillis: 0})) <= t AND coalesce(b.ingestedAt, datetime({epochMillis: 0})) <= t
  AND (NOT type(e) STARTS WITH 'WAS_' OR (e.since <= t AND e.until > t))
RETURN a.key AS from, b.key AS to, replace(type(e), 'WAS_', '') AS type, properties(e) AS props
ORDER BY from, to, e.refIndex
