// Joins the nodes of ids that a sameAs statement names: every node (version or placeholder) of
// one id gets a SAME_AS relationship to every node of the other, both ways, so that a
// traversal in either direction crosses it (as one node: the walk does not count it as a hop).
// Run after every write that adds nodes to an id. Parameters: $ids (list of ids whose nodes
// changed). Returns: linked (relationships created).
UNWIND $ids AS i
CALL (i) {
  MATCH (s:SameAs {a: i}) RETURN s
  UNION
  MATCH (s:SameAs {b: i}) RETURN s
}
WITH DISTINCT s
MATCH (x:Asset {id: s.a}) USING INDEX SEEK x:Asset(id)
MATCH (y:Asset {id: s.b}) USING INDEX SEEK y:Asset(id)
MERGE (x)-[f:SAME_AS]->(y)
MERGE (y)-[g:SAME_AS]->(x)
RETURN count(*) AS linked
