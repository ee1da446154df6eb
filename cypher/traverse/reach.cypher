// Everything reachable from the starts in one direction (a direction template: UPSTREAM, what the
// starts were built from; DOWNSTREAM, what was built from them), in one statement: one row per
// node (the starts too), with what it holds and its edges one step further that way. The reachable
// set comes from a variable-length pattern collected as DISTINCT nodes, which Neo4j runs as a pruning
// breadth-first expand (VarLengthExpand(Pruning,BFS)): each node is visited once, no path
// is enumerated. The caller then walks the returned edges breadth-first for depths,
// explanation paths, policy relations and exemptions. SAME_AS links (stored both ways) are
// followed too, whatever the filters: the walk crosses them without counting a hop. One row per node, not per edge: a
// node's properties cross the wire once (measured on a 99k-asset blast radius: 1.6 s
// instead of 1.9 s in the driver). The upper bound is the hard depth ceiling (MAX_DEPTH in
// src/services/limits.ts; a test checks that they match).
// Parameters: $keys (start keys), $types (edge types or null), $relations (or null),
// $withAdvisories. Returns one row per node: key, kind, name, publisher, owner, contacts, visibility, org,
// advisories (property maps of the open advisories flagging it, with $withAdvisories),
// exemptFrom, next (list of [key, type, relation, constraint], one per edge).
UNWIND $keys AS k
MATCH (s:Asset {key: k})
CALL (s) {
  MATCH (s)<-?[:TRAINED_ON|DERIVED_FROM|SAME_AS*1..100]-?>(x)
  RETURN collect(DISTINCT x) AS reached
}
UNWIND [s] + reached AS n
WITH DISTINCT n
RETURN n.key AS key, n.kind AS kind, n.name AS name, n.publisher AS publisher, n.owner AS owner, n.contacts AS contacts,
       n.visibility AS visibility, n.org AS org,
       CASE WHEN $withAdvisories THEN [(v:Advisory)-[:AFFECTS]->(n) WHERE v.withdrawnAt IS NULL | v {.*}] ELSE [] END AS advisories,
       CASE WHEN $withAdvisories THEN [(v:Advisory)-[x:EXEMPTS]->(n) WHERE coalesce(x.status, 'NOT_AFFECTED') IN ['NOT_AFFECTED', 'FIXED'] AND (x.expiresAt IS NULL OR x.expiresAt > datetime()) | v.id] ELSE [] END AS exemptFrom,
       [(n)<-?[e:TRAINED_ON|DERIVED_FROM|SAME_AS]-?>(m)
        WHERE type(e) = 'SAME_AS' OR (($types IS NULL OR type(e) IN $types) AND ($relations IS NULL OR e.relation IN $relations))
        | [m.key, type(e), CASE type(e) WHEN 'SAME_AS' THEN 'same_as' ELSE e.relation END, e.constraint]] AS next
