// Creates DERIVED_FROM edges. Parameters: $rows (list of {from, to, props: {relation,
// constraint, targetId, range, pinned, declaredRelation, note, refIndex}}). Returns: created.
UNWIND $rows AS r
MATCH (a:Asset {key: r.from}), (b:Asset {key: r.to})
CREATE (a)-[e:DERIVED_FROM]->(b)
SET e = r.props
RETURN count(e) AS created
