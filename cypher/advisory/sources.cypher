// What an advisory flags directly, and who is exempt from it. Parameters: $id.
// Returns: sources (keys), exempt (keys).
MATCH (v:Advisory {id: $id})
RETURN [(v)-[:AFFECTS]->(a:Asset) | a.key] AS sources, [(v)-[:EXEMPTS]->(x:Asset) | x.key] AS exempt
