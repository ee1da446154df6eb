// How many assets the viewer may see match the registry filters of asset/registry-list.
// Parameters: $kind, $publisher, $minTrainingFlop, $minParameterCount, $access, $viewerOrg,
// $seesAll. Returns: totalCount.
MATCH (a:Asset)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($publisher IS NULL OR a.publisher = $publisher)
  AND ($minTrainingFlop IS NULL OR a.trainingFlop >= $minTrainingFlop)
  AND ($minParameterCount IS NULL OR a.parameterCount >= $minParameterCount)
  AND ($access IS NULL OR a.access = $access)
  AND (a.visibility IS NULL OR a.visibility <> 'private' OR $seesAll OR a.org = $viewerOrg)
RETURN count(a) AS totalCount
