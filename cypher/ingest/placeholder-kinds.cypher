// A placeholder's kind is a guess from the relations that name it (family if any reference
// is member_of; dataset if any is trained_on, evaluated_on or subset; model otherwise),
// recomputed from all of them so that it does not depend on arrival order.
// Parameters: $keys (placeholder keys). Returns: key, kind.
UNWIND $keys AS k
MATCH (p:Asset {key: k, placeholder: true})
OPTIONAL MATCH (p)<-[e:TRAINED_ON|DERIVED_FROM]-(:Asset)
WITH p, collect(e.declaredRelation) AS rels
WITH p, CASE
  WHEN 'member_of' IN rels THEN 'family'
  WHEN any(r IN rels WHERE r IN ['trained_on', 'evaluated_on', 'subset']) THEN 'dataset'
  ELSE 'model' END AS kind
REMOVE p:Model:Dataset:Family:Application
SET p.kind = kind
FOREACH (_ IN CASE WHEN kind = 'model' THEN [1] ELSE [] END | SET p:Model)
FOREACH (_ IN CASE WHEN kind = 'dataset' THEN [1] ELSE [] END | SET p:Dataset)
FOREACH (_ IN CASE WHEN kind = 'family' THEN [1] ELSE [] END | SET p:Family)
RETURN p.key AS key, kind
