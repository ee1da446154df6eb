// One breadth-first step, in either direction (a direction template: UPSTREAM follows the
// arrows, towards what the frontier was built from; DOWNSTREAM goes against them, towards what
// was built from it). The traversal calls it once per depth with the nodes first reached at the
// previous depth, so it visits each node and edge a bounded number of times and never
// enumerates paths. SAME_AS links (stored both ways) come too, whatever the filters: the walk
// crosses them without counting a hop. Parameters: $frontier (keys), $types (edge types or null), $relations
// (relations or null), $withAdvisories. Returns one row per edge: parent (key), key, type,
// relation, constraint, kind, name, publisher, owner, contacts, visibility, org, advisories (property maps of the
// open advisories flagging the node, with $withAdvisories), exemptFrom.
UNWIND $frontier AS fid
MATCH (p:Asset {key: fid})
MATCH (p)<-?[e:TRAINED_ON|DERIVED_FROM|SAME_AS]-?>(b:Asset)
WHERE type(e) = 'SAME_AS' OR (($types IS NULL OR type(e) IN $types) AND ($relations IS NULL OR e.relation IN $relations))
RETURN fid AS parent, b.key AS key, type(e) AS type, CASE type(e) WHEN 'SAME_AS' THEN 'same_as' ELSE e.relation END AS relation,
       e.constraint AS constraint, b.kind AS kind, b.name AS name, b.publisher AS publisher, b.owner AS owner, b.contacts AS contacts,
       b.visibility AS visibility, b.org AS org,
       CASE WHEN $withAdvisories THEN [(v:Advisory)-[:AFFECTS]->(b) WHERE v.withdrawnAt IS NULL | v {.*}] ELSE [] END AS advisories,
       CASE WHEN $withAdvisories THEN [(v:Advisory)-[x:EXEMPTS]->(b) WHERE coalesce(x.status, 'NOT_AFFECTED') IN ['NOT_AFFECTED', 'FIXED'] AND (x.expiresAt IS NULL OR x.expiresAt > datetime()) | v.id] ELSE [] END AS exemptFrom
