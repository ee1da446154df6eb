// One sameAs statement per pair of ids (key: the two ids, sorted, joined by a space).
CREATE CONSTRAINT same_as_key_unique IF NOT EXISTS FOR (s:SameAs) REQUIRE s.key IS UNIQUE
