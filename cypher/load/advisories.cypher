// Loads exported advisories with the assets they flag, and exemptions.
// Parameters: $advisories (list of {props, affects}), $exemptions (list of {advisoryId,
// assetKey, justification, author, createdAt}). Returns: advisories, exemptions.
CALL {
  UNWIND $advisories AS r
  MERGE (v:Advisory {id: r.props.id})
  SET v = r.props
  SET v.publishedAt = CASE WHEN r.props.publishedAt IS NULL THEN null ELSE datetime(r.props.publishedAt) END,
      v.withdrawnAt = CASE WHEN r.props.withdrawnAt IS NULL THEN null ELSE datetime(r.props.withdrawnAt) END
  WITH v, r
  UNWIND r.affects AS k
  MATCH (a:Asset {key: k})
  MERGE (v)-[:AFFECTS]->(a)
  RETURN count(DISTINCT v) AS advisories
}
CALL {
  UNWIND $exemptions AS x
  MATCH (v:Advisory {id: x.advisoryId}), (a:Asset {key: x.assetKey})
  MERGE (v)-[e:EXEMPTS]->(a)
  SET e.justification = x.justification, e.author = x.author,
      e.createdAt = CASE WHEN x.createdAt IS NULL THEN null ELSE datetime(x.createdAt) END
  RETURN count(e) AS exemptions
}
RETURN advisories, exemptions
