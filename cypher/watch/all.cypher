// Every watch as the notifier evaluates it. Parameters: none. Returns: watch (with its last answer, state).
MATCH (w:Watch)
RETURN w {.id, .org, .subject, .roles, .keys, .downstreamDepth, .ownedByMyOrg, .minSeverity, .state, .name, hasWebhook: w.webhookUrl IS NOT NULL, createdAt: toString(w.createdAt)} AS watch
ORDER BY w.id
