CREATE INDEX notification_watch IF NOT EXISTS FOR (n:Notification) ON (n.watchId)
