// Appends an event to the audit trail, in the transaction of the write it records. Nothing
// changes or deletes an event. Parameters: $props (id, operation, subject, org, credentialId,
// requestId, keys, ids, inputHash, outcome). Returns nothing.
CREATE (e:Event)
SET e = $props, e.at = datetime()
