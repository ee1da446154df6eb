// A watch's notifications, newest first. Parameters: $watchId, $limit, $id (one, or null).
// Returns: notification.
MATCH (x:Notification {watchId: $watchId})
WHERE $id IS NULL OR x.id = $id
RETURN x {.id, .watchId, .payload, .status, .attempts, .log, createdAt: toString(x.createdAt),
          nextAttemptAt: toString(x.nextAttemptAt), deliveredAt: toString(x.deliveredAt)} AS notification
ORDER BY x.createdAt DESC, x.id DESC
LIMIT $limit
