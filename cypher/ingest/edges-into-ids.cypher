// Every dependency edge that points at a node of the given ids (their versions or their
// placeholder): the edges whose resolution may change when those ids gain a version.
// Parameters: $ids (list of strings). Returns: from, fromKind, to, type, props (edge properties).
UNWIND $ids AS i
MATCH (b:Asset {id: i})<-[e:TRAINED_ON|DERIVED_FROM]-(a:Asset)
USING INDEX SEEK b:Asset(id)
RETURN a.key AS from, a.kind AS fromKind, b.key AS to, type(e) AS type, properties(e) AS props
