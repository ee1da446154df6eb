// Which answer of umr.walk the installed procedure gives (fails where it is not installed): the
// API walks in Neo4j only when this matches its own (WALK_PROTOCOL in src/services/walk-in-neo4j.ts).
// Parameters: none. Returns: protocol.
RETURN umr.walkProtocol() AS protocol
