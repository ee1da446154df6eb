// The start nodes of a traversal, with what each holds. Parameters: $keys (list of strings).
// Returns: key, kind, name, publisher, owner, contacts, visibility, org, advisories (the open advisories
// flagging it, each a map of its properties), exemptFrom (ids of advisories it is exempt from).
UNWIND $keys AS k
MATCH (a:Asset {key: k})
RETURN a.key AS key, a.kind AS kind, a.name AS name, a.publisher AS publisher, a.owner AS owner,
       a.contacts AS contacts, a.visibility AS visibility, a.org AS org,
       [(v:Advisory)-[:AFFECTS]->(a) WHERE v.withdrawnAt IS NULL | v {.*}] AS advisories,
       [(v:Advisory)-[x:EXEMPTS]->(a) WHERE coalesce(x.status, 'NOT_AFFECTED') IN ['NOT_AFFECTED', 'FIXED'] AND (x.expiresAt IS NULL OR x.expiresAt > datetime()) | v.id] AS exemptFrom
