// Creates record nodes. Parameters: $rows (list of {props: map of node properties, with kind
// one of model|dataset|family|application}). Returns: created (count).
UNWIND $rows AS r
CREATE (a:Asset)
SET a = r.props, a.placeholder = false, a.ingestedAt = datetime()
FOREACH (_ IN CASE WHEN r.props.kind = 'model' THEN [1] ELSE [] END | SET a:Model)
FOREACH (_ IN CASE WHEN r.props.kind = 'dataset' THEN [1] ELSE [] END | SET a:Dataset)
FOREACH (_ IN CASE WHEN r.props.kind = 'family' THEN [1] ELSE [] END | SET a:Family)
FOREACH (_ IN CASE WHEN r.props.kind = 'application' THEN [1] ELSE [] END | SET a:Application)
RETURN count(a) AS created
