// Waits (up to $seconds) until every index is online. Parameters: seconds. Returns nothing.
CALL db.awaitIndexes($seconds)
