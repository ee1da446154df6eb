// Advisories of source "record", one per true risk flag of a record version.
// Parameters: $rows (list of {id, category, severity, summary, affectsId, affectsRange, references}).
// Returns: id.
UNWIND $rows AS r
MERGE (v:Advisory {id: r.id})
ON CREATE SET v.category = r.category, v.severity = r.severity, v.summary = r.summary,
              v.affectsId = r.affectsId, v.affectsRange = r.affectsRange, v.references = r.references,
              v.source = 'record', v.publishedAt = datetime()
RETURN v.id AS id
