// Gives back a stopping worker's claims, so that another (or its restart) delivers them at once.
// Parameters: $worker.
MATCH (x:Notification)
WHERE x.status = 'PENDING' AND x.nextAttemptAt IS NOT NULL AND x.claimedBy = $worker
SET x.claimedUntil = null, x.claimedBy = null
