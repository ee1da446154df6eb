// Trail events that may change watched answers, since $from (ISO time), oldest first, each with
// whether a notifier already took it. Parameters: $from, $operations. Returns: event, taken.
MATCH (e:Event)
WHERE e.at >= datetime($from) AND e.operation IN $operations
OPTIONAL MATCH (n:Notified {eventId: e.id})
RETURN e {.id, at: toString(e.at), .operation, .keys, .ids} AS event, n IS NOT NULL AS taken
ORDER BY e.at, e.id
