// The records an organisation owns (placeholders are nobody's). Parameters: $org. Returns: key.
MATCH (a:Asset)
WHERE a.org = $org AND NOT coalesce(a.placeholder, false)
RETURN a.key AS key
