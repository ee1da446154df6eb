// Every node (record versions and the placeholder) of each id. Parameters: $ids (list of strings).
// Returns: id, versions (list of {key, version, placeholder, kind}).
UNWIND $ids AS id
MATCH (a:Asset {id: id})
RETURN id, collect(a {.key, .version, .placeholder, .kind}) AS versions
