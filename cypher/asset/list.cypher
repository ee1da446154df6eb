// One page of assets in key order, with optional kind and publisher filters. $after is the
// last key seen ("" for the first page), so that the key index serves the range in order.
// Only what the viewer may see: $viewerOrg (its organisation or null), $seesAll (auditors, admins).
// Each row carries the asset's public properties as asset/by-keys projects them, so that a page
// needs no second statement to show its assets.
// Parameters: $kind, $publisher (strings or null), $after (string), $limit, $viewerOrg, $seesAll.
// Returns: key, asset (up to $limit rows).
MATCH (a:Asset)
WHERE a.key > $after
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($publisher IS NULL OR a.publisher = $publisher)
  AND (a.visibility IS NULL OR a.visibility <> 'private' OR $seesAll OR a.org = $viewerOrg)
WITH a
ORDER BY a.key
LIMIT $limit
RETURN a.key AS key, a {
  .key, .id, .version, .kind, .name, .publisher, .license, .owner, .placeholder, .description,
  .releaseDate, .refs, .contacts, .visibility, .org, .contentHash, .source, .ingestedAt, .extra,
  .architecture, .parameterCount, .trainingFlop, .trainingData, .evaluations, .access
} AS asset
