// Loads exported dependency edges. Parameters: $rows (list of {from, to, type, props}).
// Returns: created.
UNWIND $rows AS r
MATCH (a:Asset {key: r.from}), (b:Asset {key: r.to})
FOREACH (_ IN CASE WHEN r.type = 'TRAINED_ON' THEN [1] ELSE [] END | CREATE (a)-[e:TRAINED_ON]->(b) SET e = r.props)
FOREACH (_ IN CASE WHEN r.type = 'DERIVED_FROM' THEN [1] ELSE [] END | CREATE (a)-[e:DERIVED_FROM]->(b) SET e = r.props)
RETURN count(*) AS created
