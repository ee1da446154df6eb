// One page of assets in key order, with optional kind and publisher filters. $after is the
// last key seen ("" for the first page), so that the key index serves the range in order.
// Parameters: $kind, $publisher (strings or null), $after (string), $limit.
// Returns: key (up to $limit rows).
MATCH (a:Asset)
WHERE a.key > $after
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($publisher IS NULL OR a.publisher = $publisher)
RETURN a.key AS key
ORDER BY a.key
LIMIT $limit
