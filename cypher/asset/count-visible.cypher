// How many assets the viewer may see, in one statement: the count store's total less the private
// records hidden from it (found by the visibility index; none for auditors and admins).
// Parameters: $viewerOrg (its organisation or null), $seesAll. Returns: totalCount.
MATCH (a:Asset)
WITH count(a) AS everything
OPTIONAL MATCH (h:Asset)
WHERE h.visibility = 'private' AND NOT $seesAll AND ($viewerOrg IS NULL OR h.org IS NULL OR h.org <> $viewerOrg)
WITH everything, count(h) AS hidden
RETURN everything - hidden AS totalCount
