// One audit head: with the constraint, the first appends of several writers on a new database
// MERGE the same head instead of each creating one.
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE;
