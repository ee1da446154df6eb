// Bumps the graph's version, in the transaction of a write that can change answers (ingest,
// advisories, exemptions, loading an export). Parameters: none. Returns: epoch, version.
MERGE (m:GraphVersion {id: 'graph'})
  ON CREATE SET m.epoch = randomUUID(), m.version = 0
SET m.version = m.version + 1, m.at = datetime()
RETURN m.epoch AS epoch, m.version AS version
