// Up to $limit shortest distinct chains of edges from one asset up to another (arrows point
// upstream: from what was built to what it was built from). Both ends are bound, so Neo4j
// runs one bidirectional breadth-first search (StatefulShortestPath(Into)), whatever the
// number of paths. The quantifier's upper bound is the hard depth ceiling (MAX_DEPTH in
// src/services/limits.ts; a test checks that they match): Cypher cannot take it as a parameter.
// A path may cross SAME_AS links (two ids of one thing); they are shown and not counted as hops.
// Parameters: $from, $to (keys), $maxDepth, $limit. Returns: edges (list of {type, relation,
// constraint, from, to}), one row per path, shortest first.
MATCH (a:Asset {key: $from}), (b:Asset {key: $to})
MATCH p = SHORTEST 25 (a)-[:TRAINED_ON|DERIVED_FROM|SAME_AS]->{1,100}(b)
WITH p, size([r IN relationships(p) WHERE type(r) <> 'SAME_AS']) AS hops
WHERE hops <= $maxDepth
WITH p, hops ORDER BY hops, length(p) LIMIT $limit
RETURN [r IN relationships(p) | {type: type(r), relation: coalesce(r.relation, 'same_as'), constraint: r.constraint,
        from: startNode(r).key, to: endNode(r).key}] AS edges
