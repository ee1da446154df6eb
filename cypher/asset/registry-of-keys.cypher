// What the registry filters read of the given assets (a lineage question's answer, filtered
// further). Parameters: $keys. Returns: key, kind, publisher, trainingFlop, parameterCount,
// access, visibility, org.
UNWIND $keys AS k
MATCH (a:Asset {key: k})
RETURN a.key AS key, a.kind AS kind, a.publisher AS publisher, a.trainingFlop AS trainingFlop,
       a.parameterCount AS parameterCount, a.access AS access, a.visibility AS visibility, a.org AS org
