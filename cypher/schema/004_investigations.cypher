// Saved investigations and their version snapshots.
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (i:Investigation) REQUIRE i.id IS UNIQUE;
CREATE RANGE INDEX investigation_version IF NOT EXISTS FOR (v:InvestigationVersion) ON (v.investigationId, v.version);
