// Moves dependency edges away, named by dependent, target and the reference's index in the
// dependent's record: each is kept as history (WAS_TRAINED_ON / WAS_DERIVED_FROM, with the
// interval it stood: since the later of its ends was ingested, until now) for answers as of a
// past time; edges to placeholders (which go away) are not kept. Parameters: $rows (list of
// {from, to, refIndex}). Returns: deleted.
UNWIND $rows AS r
MATCH (a:Asset {key: r.from})-[e:TRAINED_ON|DERIVED_FROM]->(b:Asset {key: r.to})
WHERE e.refIndex = r.refIndex
WITH a, b, e, NOT coalesce(b.placeholder, false) AS kept,
     CASE WHEN coalesce(a.ingestedAt, datetime({epochMillis: 0})) > coalesce(b.ingestedAt, datetime({epochMillis: 0})) THEN a.ingestedAt ELSE b.ingestedAt END AS since
FOREACH (_ IN CASE WHEN kept AND type(e) = 'TRAINED_ON' THEN [1] ELSE [] END |
  CREATE (a)-[h:WAS_TRAINED_ON]->(b) SET h = properties(e), h.since = since, h.until = datetime())
FOREACH (_ IN CASE WHEN kept AND type(e) = 'DERIVED_FROM' THEN [1] ELSE [] END |
  CREATE (a)-[h:WAS_DERIVED_FROM]->(b) SET h = properties(e), h.since = since, h.until = datetime())
DELETE e
RETURN count(*) AS deleted
