// One page of assets in key order under registry filters (training compute, parameters,
// access) as well as kind and publisher; only what the viewer may see. Parameters: $kind,
// $publisher, $minTrainingFlop, $minParameterCount, $access (each or null), $after (string),
// $limit, $viewerOrg, $seesAll. Returns: key (up to $limit rows).
MATCH (a:Asset)
WHERE a.key > $after
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($publisher IS NULL OR a.publisher = $publisher)
  AND ($minTrainingFlop IS NULL OR a.trainingFlop >= $minTrainingFlop)
  AND ($minParameterCount IS NULL OR a.parameterCount >= $minParameterCount)
  AND ($access IS NULL OR a.access = $access)
  AND (a.visibility IS NULL OR a.visibility <> 'private' OR $seesAll OR a.org = $viewerOrg)
RETURN a.key AS key
ORDER BY a.key
LIMIT $limit
