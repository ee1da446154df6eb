// The graph's version: every write that can change an answer bumps it (meta/bump-graph-version),
// so an answer cached under one version is the answer while the version stands. The epoch is
// made when the version node is, so a wiped and rebuilt graph never reuses an old version.
// Parameters: none. Returns: epoch (null before the first write), version.
OPTIONAL MATCH (m:GraphVersion {id: 'graph'})
RETURN m.epoch AS epoch, coalesce(m.version, 0) AS version
