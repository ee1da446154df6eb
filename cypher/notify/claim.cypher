// Claims due deliveries for one worker for $leaseSeconds: each is locked first, then checked
// again, so two workers never hold one. Parameters: $worker, $limit, $leaseSeconds.
// Returns: id, payload, attempts, url, secret.
MATCH (x:Notification)
WHERE x.status = 'PENDING' AND x.nextAttemptAt <= datetime()
  AND (x.claimedUntil IS NULL OR x.claimedUntil < datetime())
WITH x
ORDER BY x.nextAttemptAt
LIMIT $limit
SET x.locking = true
REMOVE x.locking
WITH x
WHERE x.status = 'PENDING' AND (x.claimedUntil IS NULL OR x.claimedUntil < datetime())
SET x.claimedUntil = datetime() + duration({seconds: $leaseSeconds}), x.claimedBy = $worker
WITH x
MATCH (w:Watch)-[:NOTIFIED]->(x)
RETURN x.id AS id, x.payload AS payload, x.attempts AS attempts, w.webhookUrl AS url, w.secret AS secret
