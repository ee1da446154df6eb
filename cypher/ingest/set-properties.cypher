// Sets properties that a bulk load's CSV could not carry as they are (an empty list, a list
// item holding the CSV's list separator), on the nodes the offline importer made.
// Parameters: $rows (list of {key, props}). Returns: set (count).
UNWIND $rows AS r
MATCH (a:Asset {key: r.key})
SET a += r.props
RETURN count(a) AS set
