// One page of assets in key order, with optional kind and publisher filters.
// Parameters: $kind, $publisher (strings or null), $after (last key seen, or null), $limit.
// Returns: key (up to $limit rows).
MATCH (a:Asset)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($publisher IS NULL OR a.publisher = $publisher)
  AND ($after IS NULL OR a.key > $after)
RETURN a.key AS key
ORDER BY a.key
LIMIT $limit
