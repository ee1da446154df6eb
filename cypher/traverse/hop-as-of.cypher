// One breadth-first step as the graph stood at $asOf (a direction template, as traverse/hop):
// an edge of today counts when both its ends were ingested by then (it was made when the later
// of them was); an edge that a later version moved away (WAS_TRAINED_ON, WAS_DERIVED_FROM, with
// since and until) counts while it stood. Nodes, advisories and exemptions as traverse/start-as-of.
// Parameters: $frontier, $types, $relations, $withAdvisories, $asOf (ISO time). Returns: as traverse/hop.
WITH datetime($asOf) AS t
UNWIND $frontier AS fid
MATCH (p:Asset {key: fid})
MATCH (p)<-?[e:TRAINED_ON|DERIVED_FROM|SAME_AS|WAS_TRAINED_ON|WAS_DERIVED_FROM]-?>(b:Asset)
WITH t, fid, e, b, replace(type(e), 'WAS_', '') AS edgeType
WHERE coalesce(b.ingestedAt, datetime({epochMillis: 0})) <= t
  AND (NOT type(e) STARTS WITH 'WAS_' OR (e.since <= t AND e.until > t))
  AND (edgeType = 'SAME_AS' OR (($types IS NULL OR edgeType IN $types) AND ($relations IS NULL OR e.relation IN $relations)))
RETURN fid AS parent, b.key AS key, edgeType AS type, CASE edgeType WHEN 'SAME_AS' THEN 'same_as' ELSE e.relation END AS relation,
       e.constraint AS constraint, b.kind AS kind, b.name AS name, b.publisher AS publisher, b.owner AS owner, b.contacts AS contacts,
       b.visibility AS visibility, b.org AS org,
       CASE WHEN $withAdvisories THEN [(v:Advisory)-[:AFFECTS]->(b) WHERE v.publishedAt <= t AND (v.withdrawnAt IS NULL OR v.withdrawnAt > t) | v {.*, withdrawnAt: null, withdrawReason: null}] ELSE [] END AS advisories,
       CASE WHEN $withAdvisories THEN [(v:Advisory)-[x:EXEMPTS]->(b) WHERE coalesce(x.status, 'NOT_AFFECTED') IN ['NOT_AFFECTED', 'FIXED'] AND coalesce(x.createdAt, datetime({epochMillis: 0})) <= t AND (x.expiresAt IS NULL OR x.expiresAt > t) | v.id] ELSE [] END AS exemptFrom
