// How many advisories match. Parameters: $category (or null), $openOnly. Returns: totalCount.
MATCH (v:Advisory)
WHERE ($category IS NULL OR v.category = $category) AND (NOT $openOnly OR v.withdrawnAt IS NULL)
RETURN count(v) AS totalCount
