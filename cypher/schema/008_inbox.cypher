// Acknowledgements of disseminations, requests for information, watches, alerts and the change
// feed that alerts are delivered from.
CREATE CONSTRAINT receipt_id IF NOT EXISTS FOR (r:Receipt) REQUIRE r.id IS UNIQUE;
CREATE INDEX receipt_dissemination IF NOT EXISTS FOR (r:Receipt) ON (r.disseminationId);
CREATE CONSTRAINT information_request_id IF NOT EXISTS FOR (r:InformationRequest) REQUIRE r.id IS UNIQUE;
CREATE INDEX information_request_holder IF NOT EXISTS FOR (r:InformationRequest) ON (r.holderAgency);
CREATE INDEX information_request_requester IF NOT EXISTS FOR (r:InformationRequest) ON (r.requesterId);
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (w:Watch) REQUIRE w.id IS UNIQUE;
CREATE INDEX watch_target IF NOT EXISTS FOR (w:Watch) ON (w.target);
CREATE INDEX watch_owner IF NOT EXISTS FOR (w:Watch) ON (w.ownerId);
CREATE INDEX watch_kind IF NOT EXISTS FOR (w:Watch) ON (w.kind);
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (a:Alert) REQUIRE a.id IS UNIQUE;
CREATE INDEX alert_owner IF NOT EXISTS FOR (a:Alert) ON (a.ownerId);
CREATE INDEX alert_watch IF NOT EXISTS FOR (a:Alert) ON (a.watchId);
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
// One delivery lock: a round of alert delivery holds it while it claims its changes, so two API
// processes never both deliver one change (a concurrent DELETE of a deleted node succeeds silently).
CREATE CONSTRAINT alert_delivery_id IF NOT EXISTS FOR (d:AlertDelivery) REQUIRE d.id IS UNIQUE;
