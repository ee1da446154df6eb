// The changes feed: trail events that changed answers, oldest first. Parameters: $operations
// (list), $from (ISO time: the later of since and the cursor's time; the epoch when neither, so
// the walk is always a range seek on Event(at) in index order, stopped by the LIMIT), $until (ISO
// time or null), $keys (keys or bare ids, or null), $after ({at, id} of the last one seen, or
// null), $limit. Returns: event (map).
MATCH (e:Event)
WHERE e.at >= datetime($from)
  AND e.operation IN $operations
  AND ($until IS NULL OR e.at < datetime($until))
  AND ($keys IS NULL OR any(k IN e.keys WHERE k IN $keys OR split(k, '@')[0] IN $keys) OR any(i IN e.ids WHERE i IN $keys))
  AND ($after IS NULL OR e.at > datetime($after.at) OR (e.at = datetime($after.at) AND e.id > $after.id))
RETURN e {.id, .at, .operation, .keys, .ids, .outcome} AS event
ORDER BY e.at, e.id
LIMIT $limit
