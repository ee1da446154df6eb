// A page of the audit trail, newest first. Parameters: $org, $operation, $key (each or null),
// $since, $until (ISO times or null), $after ({at, id} of the last one seen, or null), $limit.
// Returns: event (map).
MATCH (e:Event)
WHERE ($org IS NULL OR e.org = $org) AND ($operation IS NULL OR e.operation = $operation)
  AND ($key IS NULL OR $key IN e.keys OR $key IN e.ids)
  AND ($since IS NULL OR e.at >= datetime($since)) AND ($until IS NULL OR e.at < datetime($until))
  AND ($after IS NULL OR e.at < datetime($after.at) OR (e.at = datetime($after.at) AND e.id > $after.id))
RETURN e {.*} AS event
ORDER BY e.at DESC, e.id
LIMIT $limit
