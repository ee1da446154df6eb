// Withdraws the sameAs statement of a pair of ids and unlinks their nodes. Parameters: $key
// (the pair's key). Returns: a, b (the ids), removed (SAME_AS relationships deleted).
MATCH (s:SameAs {key: $key})
WITH s, s.a AS a, s.b AS b
DETACH DELETE s
WITH a, b
OPTIONAL MATCH (x:Asset {id: a})-[r:SAME_AS]-(y:Asset {id: b}) USING INDEX SEEK x:Asset(id)
DELETE r
RETURN a, b, count(r) AS removed
