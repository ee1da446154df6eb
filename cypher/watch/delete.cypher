// Deletes a watch and its notifications (those still queued are not delivered).
// Parameters: $id, $org, $all. Returns: deleted (how many watches: 0 or 1).
MATCH (w:Watch {id: $id})
WHERE $all OR w.org = $org OR (w.org IS NULL AND $org IS NULL)
OPTIONAL MATCH (w)-[:NOTIFIED]->(n:Notification)
DETACH DELETE n
WITH DISTINCT w
DETACH DELETE w
RETURN count(*) AS deleted
