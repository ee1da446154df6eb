// Queues a notification again (same id: the receiver's idempotency key), due now.
// Parameters: $id, $org, $all. Returns: notification, as it now stands (none when there is no
// such notification the caller may see).
MATCH (w:Watch)-[:NOTIFIED]->(x:Notification {id: $id})
WHERE $all OR w.org = $org OR (w.org IS NULL AND $org IS NULL)
SET x.status = CASE WHEN w.webhookUrl IS NULL THEN 'RECORDED' ELSE 'PENDING' END,
    x.nextAttemptAt = datetime(), x.claimedUntil = null, x.claimedBy = null,
    x.redeliveries = coalesce(x.redeliveries, 0) + 1
RETURN x {.id, .watchId, .payload, .status, .attempts, .log, createdAt: toString(x.createdAt),
          nextAttemptAt: toString(x.nextAttemptAt), deliveredAt: toString(x.deliveredAt)} AS notification
