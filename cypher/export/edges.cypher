// Every dependency edge between the given assets, with all its properties. Parameters: $keys.
// Returns: from, to, type, props.
UNWIND $keys AS k
MATCH (a:Asset {key: k})-[e:TRAINED_ON|DERIVED_FROM]->(b:Asset)
WHERE b.key IN $keys
RETURN a.key AS from, b.key AS to, type(e) AS type, properties(e) AS props
ORDER BY from, to, e.refIndex
