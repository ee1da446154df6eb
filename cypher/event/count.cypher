// How many events match. Parameters: $org, $operation, $key, $since, $until (each or null).
// Returns: totalCount.
MATCH (e:Event)
WHERE ($org IS NULL OR e.org = $org) AND ($operation IS NULL OR e.operation = $operation)
  AND ($key IS NULL OR $key IN e.keys OR $key IN e.ids)
  AND ($since IS NULL OR e.at >= datetime($since)) AND ($until IS NULL OR e.at < datetime($until))
RETURN count(e) AS totalCount
