// Loads exported assets (JSON export) into a database. Parameters: $rows (list of {labels,
// props}; datetimes as ISO 8601 text). Returns: created.
UNWIND $rows AS r
CREATE (a:Asset)
SET a = r.props
SET a.ingestedAt = CASE WHEN r.props.ingestedAt IS NULL THEN null ELSE datetime(r.props.ingestedAt) END
FOREACH (_ IN CASE WHEN 'Model' IN r.labels THEN [1] ELSE [] END | SET a:Model)
FOREACH (_ IN CASE WHEN 'Dataset' IN r.labels THEN [1] ELSE [] END | SET a:Dataset)
FOREACH (_ IN CASE WHEN 'Family' IN r.labels THEN [1] ELSE [] END | SET a:Family)
FOREACH (_ IN CASE WHEN 'Application' IN r.labels THEN [1] ELSE [] END | SET a:Application)
FOREACH (_ IN CASE WHEN 'Placeholder' IN r.labels THEN [1] ELSE [] END | SET a:Placeholder)
RETURN count(a) AS created
