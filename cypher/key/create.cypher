// A new API key: only the hash of its secret is stored. Parameters: $props (id, org, role, name,
// hash, createdBy). Returns: key (id, org, role, name, createdAt).
CREATE (k:ApiKey)
SET k = $props, k.createdAt = datetime()
RETURN k {.id, .org, .role, .name, .createdAt, .revokedAt} AS key
