CREATE CONSTRAINT notified_event_unique IF NOT EXISTS FOR (n:Notified) REQUIRE n.eventId IS UNIQUE
