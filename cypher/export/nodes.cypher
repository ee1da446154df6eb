// Every property and label of the given assets, for exports. Parameters: $keys.
// Returns: key, labels, props (map of all properties).
UNWIND $keys AS k
MATCH (a:Asset {key: k})
RETURN a.key AS key, labels(a) AS labels, properties(a) AS props
