// Advisories that flag, and exemptions held by, the given assets. Parameters: $keys.
// Returns: advisories (list of maps, each with `affects`: keys), exemptions (list of maps).
CALL {
  UNWIND $keys AS k
  MATCH (v:Advisory)-[:AFFECTS]->(a:Asset {key: k})
  WITH v, collect(a.key) AS affects ORDER BY v.id
  RETURN collect(v {.*, affects: affects}) AS advisories
}
CALL {
  UNWIND $keys AS k
  MATCH (v:Advisory)-[x:EXEMPTS]->(a:Asset {key: k})
  WITH v, x, a ORDER BY v.id, a.key
  RETURN collect({advisoryId: v.id, assetKey: a.key, props: properties(x)}) AS exemptions
}
RETURN advisories, exemptions
