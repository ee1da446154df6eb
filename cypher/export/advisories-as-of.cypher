// export/advisories as the graph stood at $asOf: the advisories published by then that flag the
// given assets (the caller shows a withdrawal that came later as not yet made), and the
// exemptions written by then. Parameters: $keys, $asOf. Returns: advisories, exemptions.
WITH datetime($asOf) AS t
CALL (t) {
  UNWIND $keys AS k
  MATCH (v:Advisory)-[:AFFECTS]->(a:Asset {key: k})
  WHERE v.publishedAt <= t
  WITH v, collect(a.key) AS affects ORDER BY v.id
  RETURN collect(v {.*, affects: affects}) AS advisories
}
CALL (t) {
  UNWIND $keys AS k
  MATCH (v:Advisory)-[x:EXEMPTS]->(a:Asset {key: k})
  WHERE coalesce(x.createdAt, datetime({epochMillis: 0})) <= t
  WITH v, x, a ORDER BY v.id, a.key
  RETURN collect({advisoryId: v.id, assetKey: a.key, props: properties(x)}) AS exemptions
}
RETURN advisories, exemptions
