// A page of advisories, newest first then by id. Parameters: $category (or null),
// $openOnly, $after ({publishedAt, id} of the last one seen, or null), $limit.
// Returns: advisory (map).
MATCH (v:Advisory)
WHERE ($category IS NULL OR v.category = $category)
  AND (NOT $openOnly OR v.withdrawnAt IS NULL)
  AND ($after IS NULL OR v.publishedAt < datetime($after.publishedAt)
       OR (v.publishedAt = datetime($after.publishedAt) AND v.id > $after.id))
RETURN v {.*} AS advisory
ORDER BY v.publishedAt DESC, v.id
LIMIT $limit
