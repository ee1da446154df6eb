// Version resolution and bare-id lookups find all versions of an id.
CREATE INDEX asset_id IF NOT EXISTS FOR (a:Asset) ON (a.id)
