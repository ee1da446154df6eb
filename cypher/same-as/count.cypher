// How many sameAs statements the graph holds (from the count store: no scan). Writes skip
// linking when there are none. Parameters: none. Returns: statements.
MATCH (s:SameAs)
RETURN count(s) AS statements
