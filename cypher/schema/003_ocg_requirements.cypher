// OCG management, dissemination, collection and tasking records: their own labels (not :Entity),
// unique ids, and the lookups their queries make.
CREATE CONSTRAINT harm_template_version IF NOT EXISTS FOR (t:HarmTemplate) REQUIRE t.version IS UNIQUE;
CREATE CONSTRAINT harm_assessment_id IF NOT EXISTS FOR (h:HarmAssessment) REQUIRE h.id IS UNIQUE;
CREATE CONSTRAINT impact_record_id IF NOT EXISTS FOR (i:ImpactRecord) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT dissemination_id IF NOT EXISTS FOR (d:Dissemination) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT collection_task_id IF NOT EXISTS FOR (t:CollectionTask) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (m:Meeting) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (d:Decision) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT action_id IF NOT EXISTS FOR (a:Action) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT operational_review_id IF NOT EXISTS FOR (o:OperationalReview) REQUIRE o.id IS UNIQUE;
CREATE RANGE INDEX harm_assessment_ocg IF NOT EXISTS FOR (h:HarmAssessment) ON (h.ocgId, h.scoredAt);
CREATE RANGE INDEX impact_record_ocg_area IF NOT EXISTS FOR (i:ImpactRecord) ON (i.ocgId, i.areaId);
CREATE RANGE INDEX impact_record_area IF NOT EXISTS FOR (i:ImpactRecord) ON (i.areaId);
CREATE RANGE INDEX dissemination_recipient IF NOT EXISTS FOR (d:Dissemination) ON (d.recipientAgency);
CREATE RANGE INDEX dissemination_agency IF NOT EXISTS FOR (d:Dissemination) ON (d.agency, d.authorisedAt);
CREATE RANGE INDEX collection_task_plan IF NOT EXISTS FOR (t:CollectionTask) ON (t.planId);
CREATE RANGE INDEX meeting_date IF NOT EXISTS FOR (m:Meeting) ON (m.date);
CREATE RANGE INDEX decision_date IF NOT EXISTS FOR (d:Decision) ON (d.date);
CREATE RANGE INDEX action_date IF NOT EXISTS FOR (a:Action) ON (a.date);
CREATE RANGE INDEX operational_review_date IF NOT EXISTS FOR (o:OperationalReview) ON (o.date);
CREATE RANGE INDEX report_originating_area IF NOT EXISTS FOR (r:IntelligenceReport) ON (r.originatingArea);
CREATE RANGE INDEX ocg_lead_area IF NOT EXISTS FOR (o:OCG) ON (o.leadArea);
