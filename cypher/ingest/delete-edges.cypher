// Deletes dependency edges, named by dependent, target and the reference's index in the
// dependent's record. Parameters: $rows (list of {from, to, refIndex}). Returns: deleted.
UNWIND $rows AS r
MATCH (a:Asset {key: r.from})-[e:TRAINED_ON|DERIVED_FROM]->(b:Asset {key: r.to})
WHERE e.refIndex = r.refIndex
DELETE e
RETURN count(*) AS deleted
