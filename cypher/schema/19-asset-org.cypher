// The records an organisation owns (watches with ownedByMyOrg).
CREATE INDEX asset_org IF NOT EXISTS FOR (a:Asset) ON (a.org)
