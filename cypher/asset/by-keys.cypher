// Assets by exact key. Parameters: $keys (list of strings).
// Returns: key, asset (map of the node's public properties); keys with no node are absent.
UNWIND $keys AS k
MATCH (a:Asset {key: k})
RETURN k AS key, a {
  .key, .id, .version, .kind, .name, .publisher, .license, .owner, .placeholder, .description,
  .releaseDate, .refs, .contacts, .visibility, .org, .contentHash, .source, .ingestedAt, .extra,
  .architecture, .parameterCount, .trainingFlop, .trainingData, .evaluations, .access
} AS asset
