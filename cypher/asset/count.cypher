// How many assets the viewer may see match the kind and publisher filters.
// Parameters: $kind, $publisher, $viewerOrg, $seesAll.
// Returns: totalCount.
MATCH (a:Asset)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($publisher IS NULL OR a.publisher = $publisher)
  AND (a.visibility IS NULL OR a.visibility <> 'private' OR $seesAll OR a.org = $viewerOrg)
RETURN count(a) AS totalCount
