// Creates an advisory of source "api". Parameters: $props (id, category, severity, summary,
// affectsId, affectsRange, references, publishedBy). Returns: advisory (map).
CREATE (v:Advisory)
SET v = $props, v.source = 'api', v.publishedAt = datetime()
RETURN v {.*} AS advisory
