// Advisories placed directly on each asset (open and withdrawn). Parameters: $keys.
// Returns: key, advisories (list of maps), in publication order.
UNWIND $keys AS k
MATCH (a:Asset {key: k})
OPTIONAL MATCH (v:Advisory)-[:AFFECTS]->(a)
WITH k, v ORDER BY v.publishedAt, v.id
RETURN k AS key, [x IN collect(v {.*}) WHERE x IS NOT NULL] AS advisories
