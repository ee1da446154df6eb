// The organisation that owns each id that has records (the one that first published it; '' when
// the records were written without one, by the system or an admin). Parameters: $ids. Returns
// one row per id with records: id, owner.
UNWIND $ids AS i
MATCH (a:Asset {id: i})
USING INDEX SEEK a:Asset(id)
WHERE a.placeholder = false
WITH i, a ORDER BY a.ingestedAt
RETURN i AS id, head(collect(coalesce(a.org, ''))) AS owner
