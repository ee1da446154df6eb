// Advisories by id. Parameters: $ids. Returns: id, advisory (map of its properties).
UNWIND $ids AS i
MATCH (v:Advisory {id: i})
RETURN i AS id, v {.*} AS advisory
