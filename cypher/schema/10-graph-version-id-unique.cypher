// The one graph version node (cypher/meta/) is found by its id: a seek, and one node at most.
CREATE CONSTRAINT graph_version_id_unique IF NOT EXISTS FOR (m:GraphVersion) REQUIRE m.id IS UNIQUE
