// The sameAs statements that name any of the ids, with what the nodes of each side are (for
// visibility). Parameters: $ids (list of ids). Returns: one row per statement: statement (map of
// key, a, b, by, source, note, at), aNodes, bNodes (lists of {key, kind, visibility, org}).
UNWIND $ids AS i
CALL (i) {
  MATCH (s:SameAs {a: i}) RETURN s
  UNION
  MATCH (s:SameAs {b: i}) RETURN s
}
WITH DISTINCT s
RETURN s {.key, .a, .b, .by, .source, .note, at: toString(s.at)} AS statement,
       COLLECT { MATCH (x:Asset {id: s.a}) RETURN x {.key, .kind, .visibility, .org} } AS aNodes,
       COLLECT { MATCH (x:Asset {id: s.b}) RETURN x {.key, .kind, .visibility, .org} } AS bNodes
ORDER BY s.key
