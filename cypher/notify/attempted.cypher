// Records one delivery attempt: DELIVERED, PENDING again after $retryInMs, or FAILED (given up).
// Only the claim's holder records (a worker whose lease ran out and was taken over does not).
// Parameters: $id, $worker, $status, $retryInMs (or null), $entry (the attempt, JSON text).
MATCH (x:Notification {id: $id})
WHERE x.claimedBy = $worker OR x.claimedBy IS NULL
SET x.attempts = x.attempts + 1,
    x.log = x.log + $entry,
    x.status = $status,
    x.nextAttemptAt = CASE WHEN $retryInMs IS NULL THEN x.nextAttemptAt ELSE datetime() + duration({milliseconds: $retryInMs}) END,
    x.deliveredAt = CASE WHEN $status = 'DELIVERED' THEN datetime() ELSE x.deliveredAt END,
    x.claimedUntil = null,
    x.claimedBy = null
