// Direct dependencies of each asset (outgoing edges). Parameters: $keys (list of strings).
// Returns: key, edges (list of {type, relation, constraint, from, to, and the target's toKind,
// toVisibility, toOrg}), ordered by target key.
UNWIND $keys AS k
MATCH (a:Asset {key: k})
OPTIONAL MATCH (a)-[e:TRAINED_ON|DERIVED_FROM]->(b:Asset)
WITH k, e, b ORDER BY b.key, type(e)
RETURN k AS key,
       [x IN collect(CASE WHEN e IS NULL THEN null ELSE {type: type(e), relation: e.relation, constraint: e.constraint, from: k, to: b.key, toKind: b.kind, toVisibility: b.visibility, toOrg: b.org} END) WHERE x IS NOT NULL] AS edges
