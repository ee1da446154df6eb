// Placeholders for ids that references name but no record satisfies (key = the bare id).
// The name is the smallest of the names given, so that it does not depend on arrival order.
// Parameters: $rows (list of {id, name, source}). Returns: key, created (true if new).
UNWIND $rows AS r
OPTIONAL MATCH (old:Asset {key: r.id})
MERGE (p:Asset {key: r.id})
ON CREATE SET p.id = r.id, p.placeholder = true, p.name = r.name, p.source = r.source,
              p.ingestedAt = datetime(), p.kind = 'model', p:Placeholder:Model
ON MATCH SET p.name = CASE WHEN r.name < p.name THEN r.name ELSE p.name END
RETURN p.key AS key, old IS NULL AS created
