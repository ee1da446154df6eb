// Advisories are looked up and merged by id.
CREATE CONSTRAINT advisory_id_unique IF NOT EXISTS FOR (v:Advisory) REQUIRE v.id IS UNIQUE
