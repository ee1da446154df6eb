CREATE CONSTRAINT notifier_state_id_unique IF NOT EXISTS FOR (s:NotifierState) REQUIRE s.id IS UNIQUE
