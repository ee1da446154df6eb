// The breadth-first walk of src/services/traversal.ts run inside Neo4j by the project's procedure
// umr.walk (neo4j-plugin/src/main/java/umr/graph/Walk.java), answering in one row: the reached
// assets in (depth, key) order with the edge that first reached each, their kinds and the totals of
// a blast radius, packed (src/services/walk-in-neo4j.ts reads them). Used where the procedure is
// installed (the local Neo4j registers it; a server of one's own loads its jar); elsewhere the API
// walks in Node with the same answers.
// Parameters: $starts (keys), $direction (UPSTREAM or DOWNSTREAM), $maxDepth, $types (edge types
// or null), $relations (or null), $stop (keys neither reached nor expanded), $maxReached.
// Returns one row: found, keys, depthStarts, packed, labels, kindNames, privates, publishers, contacts,
// cut, cutDepth, and the graph's version the walk saw (epoch, version: as meta/graph-version), so
// that the walk is one statement (one auto-commit round trip) and an answer kept under that version
// is the answer of that version.
CALL umr.walk($starts, $direction, $maxDepth, $types, $relations, $stop, $maxReached)
YIELD found, keys, depthStarts, packed, labels, kindNames, privates, publishers, contacts, cut, cutDepth
OPTIONAL MATCH (m:GraphVersion {id: 'graph'})
RETURN found, keys, depthStarts, packed, labels, kindNames, privates, publishers, contacts, cut, cutDepth,
       m.epoch AS epoch, coalesce(m.version, 0) AS version
