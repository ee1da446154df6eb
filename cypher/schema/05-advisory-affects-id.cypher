// Advisories are matched to asset versions by the id they affect.
CREATE INDEX advisory_affects_id IF NOT EXISTS FOR (v:Advisory) ON (v.affectsId)
