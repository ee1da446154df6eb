// Records that two ids name the same thing (data-model.md §5). The statement is kept by its
// pair of ids (a < b); declaring it again changes nothing. Parameters: $rows (list of {key, a, b,
// by, source, note}). Returns: key, created (true if new).
UNWIND $rows AS r
OPTIONAL MATCH (old:SameAs {key: r.key})
MERGE (s:SameAs {key: r.key})
ON CREATE SET s.a = r.a, s.b = r.b, s.by = r.by, s.source = r.source, s.note = r.note, s.at = datetime()
RETURN s.key AS key, old IS NULL AS created
