// A VEX statement about an asset and an advisory (status NOT_AFFECTED or FIXED stops the
// advisory at the asset, until expiresAt). Parameters: $advisoryId, $assetKey, $props
// (justification, status, justificationCode, author, authorSubject, expiresAt as ISO text or
// null). Returns: created (false when a statement already existed; it is kept as it was).
MATCH (v:Advisory {id: $advisoryId}), (a:Asset {key: $assetKey})
OPTIONAL MATCH (v)-[old:EXEMPTS]->(a)
MERGE (v)-[x:EXEMPTS]->(a)
ON CREATE SET x = $props, x.createdAt = datetime(),
  x.expiresAt = CASE WHEN $props.expiresAt IS NULL THEN null ELSE datetime($props.expiresAt) END
RETURN old IS NULL AS created
