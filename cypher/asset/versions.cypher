// Every node (record versions and the placeholder) of each id. Parameters: $ids (list of strings).
// Returns: id, versions (list of {key, version, placeholder, kind}).
UNWIND $ids AS i
MATCH (a:Asset {id: i}) USING INDEX SEEK a:Asset(id)
RETURN i AS id, collect(a {.key, .version, .placeholder, .kind}) AS versions
