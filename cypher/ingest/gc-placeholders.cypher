// Removes placeholders of the given ids that nothing points at any more, unless they are
// the only node an advisory can flag for their id (no record of the id exists yet). Exemptions
// on a removed placeholder move to the id's records.
// Parameters: $ids (list of strings). Returns: removed (list of keys).
UNWIND $ids AS i
MATCH (p:Asset {key: i, placeholder: true})
WHERE NOT EXISTS { (p)<-[:TRAINED_ON|DERIVED_FROM]-(:Asset) }
  AND (EXISTS { MATCH (r:Asset {id: i}) USING INDEX SEEK r:Asset(id) WHERE r.placeholder = false }
       OR NOT EXISTS { (:Advisory)-[:AFFECTS]->(p) })
// A VEX statement made about the placeholder holds for the records that replace it.
CALL (p) {
  MATCH (v:Advisory)-[x:EXEMPTS]->(p)
  MATCH (r:Asset {id: p.id}) USING INDEX SEEK r:Asset(id)
  WHERE r.placeholder = false
  MERGE (v)-[y:EXEMPTS]->(r)
  ON CREATE SET y = properties(x)
}
WITH p, p.key AS key
DETACH DELETE p
RETURN collect(key) AS removed
