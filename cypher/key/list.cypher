// Every API key, oldest first, without hashes (a few per organisation). Parameters: none.
// Returns: key (id, org, role, name, createdAt, createdBy, revokedAt).
MATCH (k:ApiKey)
RETURN k {.id, .org, .role, .name, .createdAt, .createdBy, .revokedAt} AS key
ORDER BY k.createdAt, k.id
