// Queues notifications: PENDING when the watch has a webhook (due now), RECORDED when it has
// none. Parameters: $notifications ([{watchId, id, payload}]).
UNWIND $notifications AS n
MATCH (w:Watch {id: n.watchId})
CREATE (w)-[:NOTIFIED]->(x:Notification {id: n.id, watchId: n.watchId, payload: n.payload, attempts: 0, log: []})
SET x.createdAt = datetime(), x.nextAttemptAt = datetime(),
    x.status = CASE WHEN w.webhookUrl IS NULL THEN 'RECORDED' ELSE 'PENDING' END
