// Communications records (calls, ANPR reads): one node each, outside the entity graph, found by
// the entity at either end and time, or by place and time (co-location).
CREATE CONSTRAINT comms_record_id IF NOT EXISTS FOR (r:CommsRecord) REQUIRE r.id IS UNIQUE;
CREATE INDEX call_caller_start IF NOT EXISTS FOR (c:CallRecord) ON (c.callerId, c.start);
CREATE INDEX call_callee_start IF NOT EXISTS FOR (c:CallRecord) ON (c.calleeId, c.start);
CREATE INDEX call_cell_start IF NOT EXISTS FOR (c:CallRecord) ON (c.cellId, c.start);
CREATE INDEX call_callee_cell_start IF NOT EXISTS FOR (c:CallRecord) ON (c.calleeCellId, c.start);
CREATE INDEX sighting_vehicle_time IF NOT EXISTS FOR (s:Sighting) ON (s.vehicleId, s.time);
CREATE INDEX sighting_camera_time IF NOT EXISTS FOR (s:Sighting) ON (s.cameraId, s.time);
// A composite index serves only queries that name all its properties: the aggregates of a pair
// (caller and callee, vehicle and camera) find their records by one end.
CREATE INDEX call_caller IF NOT EXISTS FOR (c:CallRecord) ON (c.callerId);
CREATE INDEX call_callee IF NOT EXISTS FOR (c:CallRecord) ON (c.calleeId);
CREATE INDEX sighting_vehicle IF NOT EXISTS FOR (s:Sighting) ON (s.vehicleId);
// Saved column mappings (import specifications), one name per agency.
CREATE CONSTRAINT import_mapping_key IF NOT EXISTS FOR (m:ImportMapping) REQUIRE m.key IS UNIQUE;
CREATE INDEX import_mapping_agency IF NOT EXISTS FOR (m:ImportMapping) ON (m.agency);
