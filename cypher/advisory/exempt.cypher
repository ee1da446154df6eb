// A "not affected" statement: the asset holds an exemption from the advisory, which stops
// the advisory there. Parameters: $advisoryId, $assetKey, $justification, $author.
// Returns: created (false when the exemption already existed).
MATCH (v:Advisory {id: $advisoryId}), (a:Asset {key: $assetKey})
OPTIONAL MATCH (v)-[old:EXEMPTS]->(a)
MERGE (v)-[x:EXEMPTS]->(a)
ON CREATE SET x.justification = $justification, x.author = $author, x.createdAt = datetime()
RETURN old IS NULL AS created
