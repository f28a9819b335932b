// Charts saved on the server: layout and ids only; contents are read through the policy on opening.
CREATE CONSTRAINT saved_chart_id IF NOT EXISTS FOR (c:SavedChart) REQUIRE c.id IS UNIQUE;
CREATE RANGE INDEX saved_chart_owner IF NOT EXISTS FOR (c:SavedChart) ON (c.ownerId);
