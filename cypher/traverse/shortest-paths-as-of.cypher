// traverse/shortest-paths as the graph stood at $asOf: through records ingested by then, over
// today's edges between them and the moved-away edges (WAS_*) that stood then (see
// traverse/hop-as-of). Parameters: $from, $to, $maxDepth, $limit, $asOf. Returns: edges, one row
// per path, shortest first (types without the WAS_ prefix).
WITH datetime($asOf) AS t
MATCH (a:Asset {key: $from}), (b:Asset {key: $to})
WHERE coalesce(a.ingestedAt, datetime({epochMillis: 0})) <= t AND coalesce(b.ingestedAt, datetime({epochMillis: 0})) <= t
MATCH p = SHORTEST 25 (a)(()-[r:TRAINED_ON|DERIVED_FROM|SAME_AS|WAS_TRAINED_ON|WAS_DERIVED_FROM]->(y)
  WHERE coalesce(y.ingestedAt, datetime({epochMillis: 0})) <= t AND (NOT type(r) STARTS WITH 'WAS_' OR (r.since <= t AND r.until > t))){1,100}(b)
WITH p, size([r IN relationships(p) WHERE type(r) <> 'SAME_AS']) AS hops
WHERE hops <= $maxDepth
WITH p, hops ORDER BY hops, length(p) LIMIT $limit
RETURN [r IN relationships(p) | {type: replace(type(r), 'WAS_', ''), relation: coalesce(r.relation, 'same_as'), constraint: r.constraint,
        from: startNode(r).key, to: endNode(r).key}] AS edges
