// How many assets match the kind and publisher filters. Parameters: $kind, $publisher.
// Returns: totalCount.
MATCH (a:Asset)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($publisher IS NULL OR a.publisher = $publisher)
RETURN count(a) AS totalCount
