// What a database holds, by label (a bulk load goes only into an empty one).
// Parameters: none. Returns: label, nodes (one row per label with nodes).
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
