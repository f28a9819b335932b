// Full-text search over names, aliases, VRMs, numbers, addresses and report text (folded keys),
// plus Double Metaphone codes for spelling variants of names.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.search, n.phonetic]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
CREATE TEXT INDEX phone_number IF NOT EXISTS FOR (p:Phone) ON (p.number);
CREATE TEXT INDEX vehicle_vrm IF NOT EXISTS FOR (v:Vehicle) ON (v.vrm);
CREATE RANGE INDEX subject_dob IF NOT EXISTS FOR (s:Subject) ON (s.dob);
CREATE RANGE INDEX report_grade IF NOT EXISTS FOR (r:IntelligenceReport) ON (r.sourceEvaluation, r.intelAssessment);
CREATE RANGE INDEX report_event_date IF NOT EXISTS FOR (r:IntelligenceReport) ON (r.eventDate);
CREATE RANGE INDEX report_recorded IF NOT EXISTS FOR (r:IntelligenceReport) ON (r.recordedAt);
CREATE RANGE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date);
CREATE POINT INDEX location_point IF NOT EXISTS FOR (l:Location) ON (l.point);
CREATE RANGE INDEX audit_at IF NOT EXISTS FOR (a:AuditEvent) ON (a.at);
CREATE RANGE INDEX session_expires IF NOT EXISTS FOR (s:Session) ON (s.expiresAt);
