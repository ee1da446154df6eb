// Every asset version has one node: key is "<id>@<version>" (a placeholder's key is its bare id).
CREATE CONSTRAINT asset_key_unique IF NOT EXISTS FOR (a:Asset) REQUIRE a.key IS UNIQUE
