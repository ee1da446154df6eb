// What traverse/reach answers, read by the project's procedure umr.reach
// (neo4j-plugin/src/main/java/umr/graph/Reach.java) in one row: the assets a walk from the starts
// may reach within $maxDepth (and one step past it), what each holds, and each one's edges one step
// further under the filters, packed (src/services/traversal.ts reads them). The advisories and
// exemptions of the assets that have any are read here, with the rules of traverse/reach. Used
// where the procedure is installed; elsewhere traverse/reach answers the same.
// Parameters: $keys (start keys), $direction (UPSTREAM or DOWNSTREAM), $maxDepth, $types (edge
// types or null), $relations (or null), $withAdvisories. Returns one row: keys, kinds, names,
// publishers, owners, contacts, visibilities, orgs (one entry per asset), edges, labels, markedAt
// (positions of the assets with advisories or exemptions), advisories and exemptFrom (one list each
// of those, as traverse/reach gives them).
CALL umr.reach($keys, $direction, $maxDepth, $types, $relations, $withAdvisories)
YIELD keys, kinds, names, publishers, owners, contacts, visibilities, orgs, edges, labels, marked, markedAt
RETURN keys, kinds, names, publishers, owners, contacts, visibilities, orgs, edges, labels, markedAt,
       [m IN marked | [(v:Advisory)-[:AFFECTS]->(m) WHERE v.withdrawnAt IS NULL | v {.*}]] AS advisories,
       [m IN marked | [(v:Advisory)-[x:EXEMPTS]->(m) WHERE coalesce(x.status, 'NOT_AFFECTED') IN ['NOT_AFFECTED', 'FIXED'] AND (x.expiresAt IS NULL OR x.expiresAt > datetime()) | v.id]] AS exemptFrom
