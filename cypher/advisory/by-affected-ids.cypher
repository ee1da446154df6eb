// Advisories that name the given ids. Parameters: $ids (list of strings).
// Returns: id, affectsId, affectsRange.
UNWIND $ids AS aid
MATCH (v:Advisory {affectsId: aid}) USING INDEX SEEK v:Advisory(affectsId)
RETURN v.id AS id, v.affectsId AS affectsId, v.affectsRange AS affectsRange
