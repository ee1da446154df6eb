// Advisories by id. Parameters: $ids. Returns: id, advisory (map of its properties).
UNWIND $ids AS id
MATCH (v:Advisory {id: id})
RETURN id, v {.*} AS advisory
