// Full-text search over id, name and description, with the kind and publisher filters.
// Parameters: $query (Lucene query built by the service from escaped terms), $kind, $publisher.
// Returns: key, in key order (the whole match set: the service pages it).
CALL db.index.fulltext.queryNodes('asset_text', $query) YIELD node AS a
WITH a
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($publisher IS NULL OR a.publisher = $publisher)
RETURN a.key AS key
ORDER BY a.key
LIMIT 10000
