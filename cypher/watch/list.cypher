// The watches an organisation owns (every watch for $org null and $all true), oldest first.
// Parameters: $org, $all, $id (one watch, or null). Returns: watch (without its secret).
MATCH (w:Watch)
WHERE ($all OR w.org = $org OR (w.org IS NULL AND $org IS NULL)) AND ($id IS NULL OR w.id = $id)
RETURN w {.id, .org, .subject, .name, .keys, .downstreamDepth, .ownedByMyOrg, .minSeverity, .webhookUrl, createdAt: toString(w.createdAt)} AS watch
ORDER BY w.createdAt, w.id
