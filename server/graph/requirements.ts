import { cypher, run, type Db, type Tx } from '../db/db.js';
import type { EvidenceReport } from '../domain/coverage.js';
import { visibleFilter, type Viewer } from '../domain/policy.js';
import { live, visibleAll } from './ocg.js';
import type { RawRecord } from './slice.js';

/**
 * Cypher for direction and collection: the requirement structure (priorities, requirements,
 * questions), the intelligence that bears on each question or named entity, collection tasks, and
 * tasking and coordination records (meetings, decisions, actions, operational reviews). Only what
 * the viewer may see is read: coverage computed from these rows cannot count hidden intelligence.
 */
const REPORT_FIELDS = 'r {.id, .sourceEvaluation, .intelAssessment, .sourceId, .eventDate, .recordedAt, .createdAt}';

export interface RequirementRow {
  requirement: RawRecord;
  priorityIds: string[];
  questions: RawRecord[];
}

export async function requirementStructure(db: Db, viewer: Viewer, requirementIds: string[] | null = null): Promise<{ priorities: RawRecord[]; requirements: RequirementRow[] }> {
  const vp = visibleFilter(viewer, 'p');
  const vr = visibleAll(viewer, ['req']);
  const vs = visibleAll(viewer, ['s', 'p']);
  const vq = visibleAll(viewer, ['a', 'q']);
  return db.readTx(async (tx) => {
    const priorities = requirementIds
      ? []
      : (await run(tx, cypher(`MATCH (p:Priority:Entity) WHERE ${vp.text} AND ${live('p')} RETURN properties(p) AS p LIMIT 1000`, vp.params))).map((r) => r.p as RawRecord);
    const rows = await run(tx, cypher(
      `MATCH (req:IntelligenceRequirement:Entity) WHERE ${vr.text} AND ${live('req')} AND ($ids IS NULL OR req.id IN $ids)
       RETURN properties(req) AS req,
         COLLECT { MATCH (req)-[s:SUPPORTS]->(p:Priority) WHERE ${vs.text} AND ${live('s', 'p')} RETURN p.id } AS priorityIds,
         COLLECT { MATCH (req)-[a:ASKS]->(q:Question) WHERE ${vq.text} AND ${live('a', 'q')} RETURN properties(q) } AS questions
       ORDER BY req.label LIMIT 2000`,
      { ...vr.params, ids: requirementIds },
    ));
    return {
      priorities,
      requirements: rows.map((r) => ({ requirement: r.req as RawRecord, priorityIds: r.priorityIds as string[], questions: r.questions as RawRecord[] })),
    };
  });
}

/** Visible reports that ANSWER each question or MENTION what it CONCERNS. */
export async function questionEvidence(db: Db, viewer: Viewer, questionIds: string[]): Promise<Map<string, EvidenceReport[]>> {
  if (!questionIds.length) return new Map();
  const va = visibleAll(viewer, ['r', 'a']);
  const vm = visibleAll(viewer, ['c', 'r', 'm']);
  const rows = await db.read(cypher(
    `UNWIND $ids AS qid MATCH (q:Question:Entity {id: qid})
     RETURN qid,
       COLLECT {
         MATCH (r:IntelligenceReport)-[a:ANSWERS]->(q) WHERE ${va.text} AND ${live('r', 'a')} RETURN ${REPORT_FIELDS} AS rep
         UNION
         MATCH (q)-[c:CONCERNS]->(:Entity)<-[m:MENTIONS]-(r:IntelligenceReport) WHERE ${vm.text} AND ${live('c', 'r', 'm')} RETURN ${REPORT_FIELDS} AS rep
       } AS reports`,
    { ...va.params, ids: questionIds },
  ));
  return new Map(rows.map((r) => [r.qid as string, r.reports as EvidenceReport[]]));
}

export interface ConcernedEntity {
  entity: RawRecord;
  questionIds: string[];
  periods: (number | null)[];
  reports: EvidenceReport[];
}

/** Entities the requirement's questions name, with the visible reports that mention them. */
export async function concernedEntities(db: Db, viewer: Viewer, requirementId: string): Promise<ConcernedEntity[]> {
  const v = visibleAll(viewer, ['a', 'q', 'c', 'e']);
  const vr = visibleAll(viewer, ['r', 'm']);
  const rows = await db.read(cypher(
    `MATCH (req:IntelligenceRequirement:Entity {id: $id})-[a:ASKS]->(q:Question)-[c:CONCERNS]->(e:Entity)
     WHERE ${v.text} AND ${live('a', 'q', 'c', 'e')}
     WITH e, collect(DISTINCT q.id) AS qids, collect(q.reviewPeriodDays) AS periods
     RETURN properties(e) AS e, qids, periods,
       COLLECT { MATCH (r:IntelligenceReport)-[m:MENTIONS]->(e) WHERE ${vr.text} AND ${live('r', 'm')} RETURN ${REPORT_FIELDS} } AS reports
     ORDER BY e.id LIMIT 2000`,
    { ...v.params, id: requirementId },
  ));
  return rows.map((r) => ({ entity: r.e as RawRecord, questionIds: r.qids as string[], periods: r.periods as (number | null)[], reports: r.reports as EvidenceReport[] }));
}

// ---------------------------------------------------------------------------------------------
// Collection plans and tasks

export interface CollectionTaskRow extends RawRecord {
  planId: string;
  questionIds: string[];
  method: string;
  owner: string;
  dueDate: string;
  status: string;
  justification: string | null;
  authorityRef: string | null;
  description: string | null;
  createdBy: string;
  createdAt: string;
}

export async function planWithRequirements(db: Db, viewer: Viewer, planId: string): Promise<{ plan: RawRecord; requirements: RawRecord[] } | undefined> {
  const v = visibleAll(viewer, ['pf', 'req']);
  const rows = await db.read(cypher(
    `MATCH (plan:CollectionPlan:Entity {id: $id})
     RETURN properties(plan) AS plan,
       COLLECT { MATCH (plan)-[pf:PLANS_FOR]->(req:IntelligenceRequirement) WHERE ${v.text} AND ${live('pf', 'req')} RETURN properties(req) } AS reqs`,
    { ...v.params, id: planId },
  ));
  const r = rows[0];
  return r ? { plan: r.plan as RawRecord, requirements: r.reqs as RawRecord[] } : undefined;
}

/** Visible tasks of some plans, or of every plan when none are named, with the requirements their plan serves. */
export async function collectionTasks(db: Db, viewer: Viewer, planIds: string[] | null): Promise<(CollectionTaskRow & { requirementIds: string[] })[]> {
  const v = visibleFilter(viewer, 't');
  const rows = await db.read(cypher(
    `MATCH (t:CollectionTask) WHERE ${v.text} AND ($planIds IS NULL OR t.planId IN $planIds)
     RETURN properties(t) AS t,
       COLLECT { MATCH (:CollectionPlan:Entity {id: t.planId})-[:PLANS_FOR]->(req:IntelligenceRequirement) RETURN req.id } AS requirementIds
     ORDER BY t.dueDate, t.id LIMIT 5000`,
    { ...v.params, planIds },
  ));
  return rows.map((r) => ({ ...(r.t as CollectionTaskRow), requirementIds: r.requirementIds as string[] }));
}

export async function writeTask(tx: Tx, row: CollectionTaskRow): Promise<void> {
  await run(tx, cypher(
    `MATCH (plan:CollectionPlan:Entity {id: $row.planId})
     CREATE (t:CollectionTask) SET t = $row CREATE (plan)-[:HAS_TASK]->(t)
     WITH t UNWIND $row.questionIds AS qid MATCH (q:Question:Entity {id: qid}) CREATE (t)-[:ADDRESSES]->(q)`,
    { row },
  ));
}

export async function taskById(db: Db | Tx, id: string): Promise<CollectionTaskRow | undefined> {
  const q = cypher('MATCH (t:CollectionTask {id: $id}) RETURN properties(t) AS t', { id });
  const rows = 'read' in db ? await db.read(q) : await run(db, q);
  return rows[0]?.t as CollectionTaskRow | undefined;
}

export async function setTaskStatus(db: Db, id: string, status: string, now: string): Promise<void> {
  await db.write(cypher('MATCH (t:CollectionTask {id: $id}) SET t.status = $status, t.updatedAt = $now', { id, status, now }));
}

/** Entities by id, raw: used to check what a request names before it links to it. */
export async function rawEntities(db: Db | Tx, ids: string[]): Promise<Map<string, RawRecord>> {
  if (!ids.length) return new Map();
  const q = cypher('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS n', { ids });
  const rows = 'read' in db ? await db.read(q) : await run(db, q);
  return new Map(rows.map((r) => [(r.n as RawRecord).id, r.n as RawRecord]));
}

// ---------------------------------------------------------------------------------------------
// Tasking and coordination

export const TASKING_LABELS = ['Meeting', 'Decision', 'Action', 'OperationalReview'] as const;
export type TaskingLabel = (typeof TASKING_LABELS)[number];

export async function taskingRecord(db: Db | Tx, label: TaskingLabel, id: string): Promise<RawRecord | undefined> {
  if (!TASKING_LABELS.includes(label)) throw new Error('bad label');
  const q = cypher(`MATCH (n:${label} {id: $id}) RETURN properties(n) AS n`, { id });
  const rows = 'read' in db ? await db.read(q) : await run(db, q);
  return rows[0]?.n as RawRecord | undefined;
}

/** Creates a tasking record; decisions, actions and reviews hang off their meeting (and an action off its decision). */
export async function writeTaskingRecord(db: Db, label: TaskingLabel, row: RawRecord): Promise<void> {
  if (!TASKING_LABELS.includes(label)) throw new Error('bad label');
  await db.writeTx(async (tx) => {
    await run(tx, cypher(`CREATE (n:${label}) SET n = $row`, { row }));
    if (row.meetingId) {
      await run(tx, cypher(`MATCH (n:${label} {id: $id}) MATCH (m:Meeting {id: $mid}) CREATE (n)-[:RECORDED_AT]->(m)`, { id: row.id, mid: row.meetingId }));
    }
    if (label === 'Action' && row.decisionId) {
      await run(tx, cypher('MATCH (n:Action {id: $id}) MATCH (d:Decision {id: $did}) CREATE (n)-[:FOLLOWS]->(d)', { id: row.id, did: row.decisionId }));
    }
    const related = (row.relatedIds as string[] | undefined) ?? [];
    if (related.length) {
      await run(tx, cypher(`MATCH (n:${label} {id: $id}) UNWIND $related AS rid MATCH (e:Entity {id: rid}) CREATE (n)-[:CONCERNS_RECORD]->(e)`, { id: row.id, related }));
    }
  });
}

export async function updateAction(db: Db, id: string, patch: { status?: string; result?: string | null; updatedBy: string; now: string }): Promise<void> {
  await db.write(cypher(
    `MATCH (n:Action {id: $id})
     SET n.status = coalesce($status, n.status), n.result = coalesce($result, n.result), n.updatedBy = $by, n.updatedAt = $now,
         n.resultAt = CASE WHEN $result IS NULL THEN n.resultAt ELSE $now END`,
    { id, status: patch.status ?? null, result: patch.result ?? null, by: patch.updatedBy, now: patch.now },
  ));
}

/** Meetings, decisions, actions and reviews dated within [from, to], oldest first. */
export async function timeline(db: Db, viewer: Viewer, from: string, to: string, limit: number): Promise<{ kind: TaskingLabel; record: RawRecord }[]> {
  const v = visibleFilter(viewer, 'n');
  const branch = (label: TaskingLabel) => `MATCH (n:${label}) WHERE n.date >= $from AND n.date <= $to AND ${v.text} RETURN '${label}' AS kind, properties(n) AS record`;
  const rows = await db.read(cypher(
    `CALL () { ${TASKING_LABELS.map(branch).join(' UNION ALL ')} }
     RETURN kind, record ORDER BY record.date, CASE kind WHEN 'Meeting' THEN 0 WHEN 'Decision' THEN 1 WHEN 'Action' THEN 2 ELSE 3 END, record.createdAt
     LIMIT $limit`,
    { ...v.params, from, to, limit },
  ));
  return rows.map((r) => ({ kind: r.kind as TaskingLabel, record: r.record as RawRecord }));
}
