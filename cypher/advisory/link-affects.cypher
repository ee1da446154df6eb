// Links advisories to the asset versions their range matches.
// Parameters: $rows (list of {advisory, asset}). Returns: linked.
UNWIND $rows AS r
MATCH (v:Advisory {id: r.advisory}), (a:Asset {key: r.asset})
MERGE (v)-[:AFFECTS]->(a)
RETURN count(*) AS linked
