// One API key by its public id, with its secret's hash (for checking a token). Parameters: $id.
// Returns: key (id, org, role, name, hash, revokedAt).
MATCH (k:ApiKey {id: $id})
RETURN k {.id, .org, .role, .name, .hash, .revokedAt} AS key
