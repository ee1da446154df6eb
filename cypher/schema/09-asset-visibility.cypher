// Private records are found by their visibility (counting what a viewer may not see).
CREATE INDEX asset_visibility IF NOT EXISTS FOR (a:Asset) ON (a.visibility)
