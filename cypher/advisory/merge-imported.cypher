// Advisories a record format states (CycloneDX vulnerabilities), kept by id: stating one again
// changes nothing. Parameters: $rows (list of {id, category, severity, summary, references,
// affectsId, affectsRange, source, sourceId}), $by (the organisation or subject that imported
// them), $byOrg. Returns: id, created.
UNWIND $rows AS r
OPTIONAL MATCH (old:Advisory {id: r.id})
MERGE (v:Advisory {id: r.id})
ON CREATE SET v.category = r.category, v.severity = r.severity, v.summary = r.summary, v.references = r.references,
              v.affectsId = r.affectsId, v.affectsRange = r.affectsRange, v.source = r.source, v.sourceId = r.sourceId,
              v.publishedBy = $by, v.publishedByOrg = $byOrg, v.publishedAt = datetime()
RETURN v.id AS id, old IS NULL AS created
