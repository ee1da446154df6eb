// Everything reachable downstream from the starts (what was built from the starts), and every edge
// leaving those nodes in that direction, in one statement. The reachable set comes from a
// variable-length pattern collected as DISTINCT nodes, which Neo4j runs as a pruning
// breadth-first expand (VarLengthExpand(Pruning,BFS)): each node is visited once, no path
// is enumerated. The caller then walks the returned edges breadth-first for depths,
// explanation paths, policy relations and exemptions. The upper bound is the hard depth
// ceiling (MAX_DEPTH in src/services/limits.ts; a test checks that they match).
// Parameters: $keys (start keys), $types (edge types or null), $relations (or null),
// $withAdvisories. Returns one row per edge: parent, node (elementIds), key, type, relation,
// constraint, kind, publisher, owner, contacts, advisories, exemptFrom.
UNWIND $keys AS k
MATCH (s:Asset {key: k})
CALL (s) {
  MATCH (s)<-[:TRAINED_ON|DERIVED_FROM*1..100]-(x)
  RETURN collect(DISTINCT x) AS reached
}
UNWIND [s] + reached AS n
WITH DISTINCT n
MATCH (n)<-[e:TRAINED_ON|DERIVED_FROM]-(m:Asset)
WHERE ($types IS NULL OR type(e) IN $types) AND ($relations IS NULL OR e.relation IN $relations)
RETURN elementId(n) AS parent, elementId(m) AS node, m.key AS key, type(e) AS type, e.relation AS relation,
       e.constraint AS constraint, m.kind AS kind, m.publisher AS publisher, m.owner AS owner, m.contacts AS contacts,
       CASE WHEN $withAdvisories THEN [(v:Advisory)-[:AFFECTS]->(m) WHERE v.withdrawnAt IS NULL | v.id] ELSE [] END AS advisories,
       CASE WHEN $withAdvisories THEN [(v:Advisory)-[:EXEMPTS]->(m) | v.id] ELSE [] END AS exemptFrom
