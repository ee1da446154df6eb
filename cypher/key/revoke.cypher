// Revokes an API key (kept, marked): the next request with it is refused. Parameters: $id.
// Returns: key (id, org, role, name, createdAt, revokedAt).
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k {.id, .org, .role, .name, .createdAt, .revokedAt} AS key
