// asset/versions as the graph stood at $asOf: the nodes of each id ingested by then.
// Parameters: $ids, $asOf. Returns: id, versions (list of {key, version, placeholder, kind}).
WITH datetime($asOf) AS t
UNWIND $ids AS i
MATCH (a:Asset {id: i}) USING INDEX SEEK a:Asset(id)
WHERE coalesce(a.ingestedAt, datetime({epochMillis: 0})) <= t
RETURN i AS id, collect(a {.key, .version, .placeholder, .kind}) AS versions
