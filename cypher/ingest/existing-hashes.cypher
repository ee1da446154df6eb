// Content hashes of the keys that already exist. Parameters: $keys (list of strings).
// Returns: key, contentHash, placeholder.
UNWIND $keys AS k
MATCH (a:Asset {key: k})
RETURN k AS key, a.contentHash AS contentHash, a.placeholder AS placeholder
