// Full-text search over id, name and description, with the kind and publisher filters.
// Only what the viewer may see (a hidden record's words never match for others).
// Parameters: $query (Lucene query built by the service from escaped terms), $kind, $publisher,
// $viewerOrg, $seesAll.
// Returns: key, in key order (the whole match set: the service pages it).
CALL db.index.fulltext.queryNodes('asset_text', $query) YIELD node AS a
WITH a
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($publisher IS NULL OR a.publisher = $publisher)
  AND (a.visibility IS NULL OR a.visibility <> 'private' OR $seesAll OR a.org = $viewerOrg)
RETURN a.key AS key
ORDER BY a.key
LIMIT 10000
