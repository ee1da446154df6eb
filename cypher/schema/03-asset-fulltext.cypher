// Free-text search over assets (AssetFilter.text).
CREATE FULLTEXT INDEX asset_text IF NOT EXISTS FOR (a:Asset) ON EACH [a.id, a.name, a.description]
