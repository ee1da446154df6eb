// How many private records the viewer may not see (the unfiltered total is the count store's
// less these). Parameters: $viewerOrg (its organisation or null). Returns: hiddenCount.
MATCH (a:Asset)
WHERE a.visibility = 'private' AND ($viewerOrg IS NULL OR a.org IS NULL OR a.org <> $viewerOrg)
RETURN count(a) AS hiddenCount
