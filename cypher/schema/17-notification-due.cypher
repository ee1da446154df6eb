CREATE INDEX notification_due IF NOT EXISTS FOR (n:Notification) ON (n.status, n.nextAttemptAt)
