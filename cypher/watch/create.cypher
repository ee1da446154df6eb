// Creates a watch with its first answer. Parameters: $props (id, org, subject, roles, keys,
// downstreamDepth, ownedByMyOrg, minSeverity, webhookUrl, secret, name, state). Returns: watch.
CREATE (w:Watch)
SET w = $props, w.createdAt = datetime()
RETURN w {.id, .org, .subject, .name, .keys, .downstreamDepth, .ownedByMyOrg, .minSeverity, .webhookUrl, createdAt: toString(w.createdAt)} AS watch
