// How many assets the graph holds (answered from Neo4j's count store). Parameters: none.
// Returns: totalCount.
MATCH (a:Asset)
RETURN count(a) AS totalCount
