// advisory/sources as the graph stood at $asOf: whether the advisory was in force then
// (published by then, not withdrawn by then), what it flagged then (records ingested by then),
// and the exemptions in force then. Parameters: $id, $asOf. Returns: inForce, sources, exempt.
WITH datetime($asOf) AS t
MATCH (v:Advisory {id: $id})
RETURN v.publishedAt <= t AND (v.withdrawnAt IS NULL OR v.withdrawnAt > t) AS inForce,
       [(v)-[:AFFECTS]->(a:Asset) WHERE coalesce(a.ingestedAt, datetime({epochMillis: 0})) <= t | a.key] AS sources,
       [(v)-[x:EXEMPTS]->(e:Asset) WHERE coalesce(x.status, 'NOT_AFFECTED') IN ['NOT_AFFECTED', 'FIXED'] AND coalesce(x.createdAt, datetime({epochMillis: 0})) <= t AND (x.expiresAt IS NULL OR x.expiresAt > t) | e.key] AS exempt
