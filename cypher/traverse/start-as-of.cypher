// The start nodes of a traversal as the graph stood at $asOf: only records ingested by then,
// with the advisories in force then (published by then, not withdrawn by then) and the
// exemptions in force then (written by then, not expired by then). Parameters: $keys, $asOf (ISO
// time). Returns: as traverse/start.
WITH datetime($asOf) AS t
UNWIND $keys AS k
MATCH (a:Asset {key: k})
WHERE coalesce(a.ingestedAt, datetime({epochMillis: 0})) <= t
RETURN a.key AS key, a.kind AS kind, a.name AS name, a.publisher AS publisher, a.owner AS owner,
       a.contacts AS contacts, a.visibility AS visibility, a.org AS org,
       [(v:Advisory)-[:AFFECTS]->(a) WHERE v.publishedAt <= t AND (v.withdrawnAt IS NULL OR v.withdrawnAt > t) | v {.*, withdrawnAt: null, withdrawReason: null}] AS advisories,
       [(v:Advisory)-[x:EXEMPTS]->(a) WHERE coalesce(x.status, 'NOT_AFFECTED') IN ['NOT_AFFECTED', 'FIXED'] AND coalesce(x.createdAt, datetime({epochMillis: 0})) <= t AND (x.expiresAt IS NULL OR x.expiresAt > t) | v.id] AS exemptFrom
