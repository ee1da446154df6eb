// What an advisory flags directly, and who is exempt from it. Parameters: $id.
// Returns: sources (keys), exempt (keys of the assets whose VEX statement stops it: NOT_AFFECTED or
// FIXED, not expired; the list is VEX_STOPPING of src/model/vocab.ts, a test checks it), nextExpiry
// (when the first of those stops stopping it, ISO text; null when none expires).
MATCH (v:Advisory {id: $id})
RETURN [(v)-[:AFFECTS]->(a:Asset) | a.key] AS sources, [(v)-[x:EXEMPTS]->(e:Asset) WHERE coalesce(x.status, 'NOT_AFFECTED') IN ['NOT_AFFECTED', 'FIXED'] AND (x.expiresAt IS NULL OR x.expiresAt > datetime()) | e.key] AS exempt,
       toString(reduce(m = null, t IN [(v)-[x:EXEMPTS]->(:Asset) WHERE x.expiresAt > datetime() | x.expiresAt] | CASE WHEN m IS NULL OR t < m THEN t ELSE m END)) AS nextExpiry
