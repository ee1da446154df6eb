// Serialises ingests: every ingest transaction first takes the write lock of this one node,
// so that version resolution always sees the versions committed before it.
// Parameters: none. Returns: locked (true).
MERGE (l:IngestLock {id: 'ingest'})
SET l.lockedAt = datetime()
RETURN true AS locked
