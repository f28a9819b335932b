import { randomUUID } from 'node:crypto';
import { cypher, run, type Db, type Query, type Tx } from '../db/db.js';
import { CLASSIFICATIONS } from '../domain/codes.js';
import { highestClassification } from '../domain/dissemination.js';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import { DEFAULT_HARM_TEMPLATE, reviewDue, scoreOcg, validateTemplate, type HarmScore, type HarmTemplate } from '../domain/harm.js';
import { decide, hiddenFilter, parseStubReference, stubId, visibleFilter, type Viewer } from '../domain/policy.js';
import { validateId } from '../domain/validate.js';
import type { RawRecord } from './slice.js';

/**
 * Cypher for OCG management: harm templates and assessments, impact records, detection of
 * unrecorded cross-boundary impact, and the partner views (matrix, map). Records that are not graph
 * entities (HarmAssessment, ImpactRecord) are their own labels and carry the same markings as
 * entities; callers pass every record through the policy before returning it.
 */

/** The policy's visibility predicate over several aliases (nodes or relationships) at once. */
export function visibleAll(viewer: Viewer, aliases: readonly string[]): Query {
  const parts = aliases.map((a) => visibleFilter(viewer, a));
  return { text: parts.map((p) => p.text).join(' AND '), params: parts[0]!.params };
}

export const live = (...aliases: string[]) => aliases.map((a) => `NOT coalesce(${a}.archived,false)`).join(' AND ');

/** Force-level area of `a` (itself when it is a force or sits under none), as a Cypher subquery returning `<out>`. */
const forceOf = (a: string, out: string) =>
  `CALL (${a}) { OPTIONAL MATCH (${a})-[:PART_OF*0..4]->(f:Area {kind: 'FORCE'}) RETURN coalesce(f.id, ${a}.id) AS ${out} ORDER BY CASE WHEN f IS NULL THEN 1 ELSE 0 END LIMIT 1 }`;

// ---------------------------------------------------------------------------------------------
// Harm templates

export interface StoredTemplate extends HarmTemplate {
  createdBy: string | null;
  createdAt: string | null;
  builtIn: boolean;
}

export async function loadTemplate(db: Db | Tx, version?: string | null): Promise<StoredTemplate> {
  if (!version || version === DEFAULT_HARM_TEMPLATE.version) return { ...DEFAULT_HARM_TEMPLATE, createdBy: null, createdAt: null, builtIn: true };
  const q = cypher('MATCH (t:HarmTemplate {version: $version}) RETURN t.definition AS d, t.createdBy AS by, t.createdAt AS at', { version });
  const rows = 'read' in db ? await db.read(q) : await run(db, q);
  const r = rows[0];
  if (!r) throw notFound('Harm template', version, 'templateVersion');
  return { ...(JSON.parse(r.d as string) as HarmTemplate), createdBy: r.by as string, createdAt: r.at as string, builtIn: false };
}

export async function listTemplates(db: Db): Promise<StoredTemplate[]> {
  const rows = await db.read(cypher('MATCH (t:HarmTemplate) RETURN t.definition AS d, t.createdBy AS by, t.createdAt AS at ORDER BY t.createdAt'));
  return [
    { ...DEFAULT_HARM_TEMPLATE, createdBy: null, createdAt: null, builtIn: true },
    ...rows.map((r) => ({ ...(JSON.parse(r.d as string) as HarmTemplate), createdBy: r.by as string, createdAt: r.at as string, builtIn: false })),
  ];
}

/** Templates are immutable per version: redefining a version with different content is a conflict. */
export async function saveTemplate(db: Db, template: HarmTemplate, by: string, agency: string, now: string): Promise<{ created: boolean }> {
  validateTemplate(template);
  if (template.version === DEFAULT_HARM_TEMPLATE.version) throw new DomainError('CONFLICT', 'That version is the built-in template', 'version');
  const definition = JSON.stringify(template);
  return db.writeTx(async (tx) => {
    const [old] = await run(tx, cypher('MATCH (t:HarmTemplate {version: $v}) RETURN t.definition AS d', { v: template.version }));
    if (old) {
      if (old.d !== definition) throw new DomainError('CONFLICT', `Template ${template.version} already exists; define a new version instead`, 'version');
      return { created: false };
    }
    await run(tx, cypher(
      'CREATE (t:HarmTemplate {version: $v, title: $title, definition: $definition, createdBy: $by, agency: $agency, createdAt: $now})',
      { v: template.version, title: template.title, definition, by, agency, now },
    ));
    return { created: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Harm assessments

export interface HarmAssessmentRecord extends RawRecord {
  ocgId: string;
  areaId: string | null;
  impactId: string | null;
  templateVersion: string;
  answers: string;
  harm: number;
  likelihood: number;
  capability: number;
  total: number;
  band: string;
  scoredBy: string;
  scoredAt: string;
  reviewDue: string;
}

export function harmAssessmentRow(
  id: string, ocg: RawRecord, score: HarmScore,
  who: { username: string; agency: string }, at: { now: string; reviewDue: string },
  extra: { areaId?: string | null; impactId?: string | null } = {},
): HarmAssessmentRecord {
  return {
    id, ocgId: ocg.id, areaId: extra.areaId ?? null, impactId: extra.impactId ?? null,
    templateVersion: score.templateVersion, answers: JSON.stringify(score.answers),
    harm: score.harm, likelihood: score.likelihood, capability: score.capability, total: score.total, band: score.band,
    scoredBy: who.username, scoredAt: at.now, reviewDue: at.reviewDue,
    // An assessment is about the group: it carries the group's markings, owned by the assessor's agency.
    agency: who.agency, classification: (ocg.classification as string) ?? 'OFFICIAL', compartments: (ocg.compartments as string[]) ?? [],
    handling: 'P', handlingConditions: [], disseminatedTo: [], nfd: false,
  };
}

export async function writeHarmAssessment(tx: Tx, row: HarmAssessmentRecord): Promise<void> {
  await run(tx, cypher(
    'MATCH (o:OCG {id: $row.ocgId}) CREATE (h:HarmAssessment) SET h = $row CREATE (h)-[:ASSESSES]->(o)',
    { row },
  ));
}

/** Assessments of one group (overall and per area), newest first; the caller applies the policy. */
export async function harmAssessmentsOf(db: Db, viewer: Viewer, ocgId: string): Promise<HarmAssessmentRecord[]> {
  const v = visibleFilter(viewer, 'h');
  const rows = await db.read(cypher(
    `MATCH (h:HarmAssessment {ocgId: $ocgId}) WHERE ${v.text} RETURN properties(h) AS h ORDER BY h.scoredAt DESC LIMIT 200`,
    { ...v.params, ocgId },
  ));
  return rows.map((r) => r.h as HarmAssessmentRecord);
}

/** Latest overall (not area-specific) assessment per group, for groups the viewer may see. */
export async function latestOverall(db: Db, viewer: Viewer, ocgIds: string[]): Promise<Map<string, HarmAssessmentRecord>> {
  if (!ocgIds.length) return new Map();
  const v = visibleFilter(viewer, 'h');
  const rows = await db.read(cypher(
    `UNWIND $ids AS oid CALL (oid) { MATCH (h:HarmAssessment {ocgId: oid}) WHERE h.areaId IS NULL AND ${v.text} RETURN h ORDER BY h.scoredAt DESC LIMIT 1 }
     RETURN oid, properties(h) AS h`,
    { ...v.params, ids: ocgIds },
  ));
  return new Map(rows.map((r) => [r.oid as string, r.h as HarmAssessmentRecord]));
}

// ---------------------------------------------------------------------------------------------
// OCGs and areas

export async function ocgById(db: Db | Tx, id: string): Promise<RawRecord | undefined> {
  const q = cypher('MATCH (o:OCG:Entity {id: $id}) RETURN properties(o) AS o', { id });
  const rows = 'read' in db ? await db.read(q) : await run(db, q);
  return rows[0]?.o as RawRecord | undefined;
}

export interface AreaRow extends RawRecord {
  forceId: string;
  parentId: string | null;
  responsibleAgencies: string[];
}

/**
 * Areas the viewer may know exist (full, shared or stub), each with its force-level area, parent and
 * the agencies responsible for it. Which agency polices an area is not protected information (like
 * the agency directory), so RESPONSIBLE_FOR is read without the policy.
 */
export async function areas(db: Db | Tx, viewer: Viewer, opts: { ids?: string[]; kinds?: string[] } = {}): Promise<AreaRow[]> {
  const h = hiddenFilter(viewer, 'a');
  const q = cypher(
    `MATCH (a:Area:Entity) WHERE NOT ${h.text} AND ${live('a')} AND ($ids IS NULL OR a.id IN $ids) AND ($kinds IS NULL OR a.kind IN $kinds)
     ${forceOf('a', 'forceId')}
     OPTIONAL MATCH (a)-[:PART_OF]->(p:Area)
     CALL (a, forceId) {
       OPTIONAL MATCH (ag:Agency)-[:RESPONSIBLE_FOR]->(x:Area) WHERE x.id = a.id OR x.id = forceId
       RETURN collect(DISTINCT ag.id) AS responsibleAgencies
     }
     RETURN properties(a) AS a, forceId, head(collect(p.id)) AS parentId, responsibleAgencies LIMIT 5000`,
    { ...h.params, ids: opts.ids ?? null, kinds: opts.kinds ?? null },
  );
  const rows = 'read' in db ? await db.read(q) : await run(db, q);
  return rows.map((r) => ({ ...(r.a as RawRecord), forceId: r.forceId as string, parentId: (r.parentId as string) ?? null, responsibleAgencies: r.responsibleAgencies as string[] }));
}

/**
 * An area named by its id or by the opaque stub id the viewer was shown (another force's area is
 * often a stub to the lead partner; it can still record an impact there without learning more).
 */
export async function resolveArea(db: Db | Tx, viewer: Viewer, ref: string, field = 'areaId'): Promise<AreaRow> {
  const direct = await areas(db, viewer, { ids: [ref] });
  if (direct[0]) return direct[0];
  const stub = parseStubReference(ref);
  if (stub) {
    const all = await areas(db, viewer);
    const hit = all.find((a) => stubId(viewer, a.id) === stub);
    if (hit) return hit;
  }
  throw notFound('Area', ref, field);
}

// ---------------------------------------------------------------------------------------------
// Impact records

export interface ImpactRecordRow extends RawRecord {
  ocgId: string;
  areaId: string;
  leadAreaId: string | null;
  affectedAgency: string;
  summary: string | null;
  evidenceIds: string[];
  assessmentId: string;
  templateVersion: string;
  harm: number;
  band: string;
  assessedBy: string;
  assessedAt: string;
  reviewDue: string;
  status: string;
}

export async function impactFor(db: Db | Tx, ocgId: string, areaId: string): Promise<ImpactRecordRow | undefined> {
  const q = cypher('MATCH (i:ImpactRecord {ocgId: $ocgId, areaId: $areaId}) RETURN properties(i) AS i LIMIT 1', { ocgId, areaId });
  const rows = 'read' in db ? await db.read(q) : await run(db, q);
  return rows[0]?.i as ImpactRecordRow | undefined;
}

export async function impactById(db: Db | Tx, id: string): Promise<ImpactRecordRow | undefined> {
  const q = cypher('MATCH (i:ImpactRecord {id: $id}) RETURN properties(i) AS i', { id });
  const rows = 'read' in db ? await db.read(q) : await run(db, q);
  return rows[0]?.i as ImpactRecordRow | undefined;
}

export async function writeImpact(tx: Tx, row: ImpactRecordRow, assessment: HarmAssessmentRecord): Promise<void> {
  await writeHarmAssessment(tx, assessment);
  await run(tx, cypher(
    `MATCH (o:OCG {id: $row.ocgId}) MATCH (a:Area:Entity {id: $row.areaId}) MATCH (h:HarmAssessment {id: $row.assessmentId})
     CREATE (i:ImpactRecord) SET i = $row
     CREATE (i)-[:IMPACT_OF]->(o) CREATE (i)-[:IMPACTS]->(a) CREATE (i)-[:ASSESSED_BY]->(h)`,
    { row },
  ));
}

/** A new harm assessment for an impact: the impact shows the latest. */
export async function reassessImpact(tx: Tx, impactId: string, assessment: HarmAssessmentRecord): Promise<void> {
  await writeHarmAssessment(tx, assessment);
  await run(tx, cypher(
    `MATCH (i:ImpactRecord {id: $id}) MATCH (h:HarmAssessment {id: $h.id})
     SET i.assessmentId = h.id, i.templateVersion = h.templateVersion, i.harm = h.total, i.band = h.band,
         i.assessedBy = h.scoredBy, i.assessedAt = h.scoredAt, i.reviewDue = h.reviewDue, i.updatedAt = h.scoredAt
     CREATE (i)-[:ASSESSED_BY]->(h)`,
    { id: impactId, h: assessment },
  ));
}

export interface ImpactFilter {
  band?: string | null;
  crimeType?: string | null;
  status?: string | null;
  areaIds?: string[] | null;
  ocgId?: string | null;
}

/** Impact records the viewer may see (own or disseminated to it), with their group, filtered. */
export async function impacts(db: Db, viewer: Viewer, f: ImpactFilter, limit = 2000): Promise<{ impact: ImpactRecordRow; ocg: RawRecord }[]> {
  const v = visibleFilter(viewer, 'i');
  const rows = await db.read(cypher(
    `MATCH (i:ImpactRecord) WHERE ${v.text}
       AND ($band IS NULL OR i.band = $band) AND ($status IS NULL OR i.status = $status)
       AND ($areaIds IS NULL OR i.areaId IN $areaIds) AND ($ocgId IS NULL OR i.ocgId = $ocgId)
     MATCH (o:OCG:Entity {id: i.ocgId}) WHERE ($crimeType IS NULL OR $crimeType IN coalesce(o.crimeTypes, []))
     RETURN properties(i) AS i, properties(o) AS o ORDER BY i.harm DESC, i.id LIMIT $limit`,
    { ...v.params, band: f.band ?? null, status: f.status ?? null, areaIds: f.areaIds ?? null, ocgId: f.ocgId ?? null, crimeType: f.crimeType ?? null, limit },
  ));
  return rows.map((r) => ({ impact: r.i as ImpactRecordRow, ocg: r.o as RawRecord }));
}

/** The area and everything nested in it or containing it (a force's impact covers its BCUs and vice versa). */
export async function areaFamily(db: Db, areaId: string): Promise<string[]> {
  const rows = await db.read(cypher(
    `MATCH (a:Area:Entity {id: $id})
     OPTIONAL MATCH (d:Area)-[:PART_OF*1..4]->(a)
     OPTIONAL MATCH (a)-[:PART_OF*1..4]->(u:Area)
     RETURN a.id AS id, collect(DISTINCT d.id) AS down, collect(DISTINCT u.id) AS up`,
    { id: areaId },
  ));
  const r = rows[0];
  return r ? [r.id as string, ...(r.down as string[]), ...(r.up as string[])] : [];
}

/** Groups the viewer may see whose lead area is in the given areas (they impact it as its lead). */
export async function ocgsLedIn(db: Db, viewer: Viewer, areaIds: string[], crimeType?: string | null): Promise<RawRecord[]> {
  const v = visibleFilter(viewer, 'o');
  const rows = await db.read(cypher(
    `MATCH (o:OCG:Entity) WHERE o.leadArea IN $areaIds AND ${v.text} AND ${live('o')}
       AND ($crimeType IS NULL OR $crimeType IN coalesce(o.crimeTypes, []))
     RETURN properties(o) AS o ORDER BY o.label LIMIT 1000`,
    { ...v.params, areaIds, crimeType: crimeType ?? null },
  ));
  return rows.map((r) => r.o as RawRecord);
}

// ---------------------------------------------------------------------------------------------
// Detection of cross-boundary impact

export interface EvidenceRow {
  kind: 'NOMINAL' | 'LOCATION' | 'EVENT' | 'OPERATES_IN' | 'REPORT';
  id: string;
  via: string | null;
  areaId: string;
}

export interface ImpactCandidate {
  ocg: RawRecord;
  homeForceId: string | null;
  areaId: string;
  evidence: EvidenceRow[];
}

/** One kind of evidence that places a group (`o`) in an `area`: the pattern and the aliases the policy must clear. */
interface EvidenceBranch {
  kind: EvidenceRow['kind'];
  match: string;
  aliases: string[];
  id: string;
  via: string;
}

const MEMBER = 'MATCH (s:Subject)-[m:MEMBER_OF]->(o) ';
const EVIDENCE: EvidenceBranch[] = [
  { kind: 'NOMINAL', match: `${MEMBER}MATCH (s)-[la:LIVES_AT]->(l:Location)-[li:LOCATED_IN]->(area:Area)`, aliases: ['s', 'm', 'la', 'l', 'li'], id: 's.id', via: 'l.id' },
  { kind: 'LOCATION', match: `${MEMBER}MATCH (s)-[fr:FREQUENTS]->(l:Location)-[li:LOCATED_IN]->(area:Area)`, aliases: ['s', 'm', 'fr', 'l', 'li'], id: 'l.id', via: 's.id' },
  { kind: 'LOCATION', match: 'MATCH (o)-[fr:FREQUENTS]->(l:Location)-[li:LOCATED_IN]->(area:Area)', aliases: ['fr', 'l', 'li'], id: 'l.id', via: 'null' },
  { kind: 'EVENT', match: 'MATCH (o)-[inv:INVOLVED_IN]->(e:Event)-[li:LOCATED_IN]->(area:Area)', aliases: ['inv', 'e', 'li'], id: 'e.id', via: 'null' },
  { kind: 'EVENT', match: `${MEMBER}MATCH (s)-[inv:INVOLVED_IN]->(e:Event)-[li:LOCATED_IN]->(area:Area)`, aliases: ['s', 'm', 'inv', 'e', 'li'], id: 'e.id', via: 's.id' },
  { kind: 'OPERATES_IN', match: 'MATCH (o)-[op:OPERATES_IN]->(area:Area)', aliases: ['op'], id: 'area.id', via: 'null' },
  { kind: 'REPORT', match: 'MATCH (r:IntelligenceReport)-[mn:MENTIONS]->(o) MATCH (area:Area:Entity {id: r.originatingArea})', aliases: ['r', 'mn'], id: 'r.id', via: 'null' },
  { kind: 'REPORT', match: `${MEMBER}MATCH (r:IntelligenceReport)-[mn:MENTIONS]->(s) MATCH (area:Area:Entity {id: r.originatingArea})`, aliases: ['s', 'm', 'r', 'mn'], id: 'r.id', via: 's.id' },
];

/** The viewer's own groups (optionally one) with their lead area resolved to force level. */
export function ownOcgsQuery(viewer: Viewer, ocgId: string | null): Query {
  const v = visibleFilter(viewer, 'o');
  return {
    text:
      `MATCH (o:OCG:Entity) WHERE o.agency = $pv_agency AND ${v.text} AND ${live('o')} AND ($ocgId IS NULL OR o.id = $ocgId)
       CALL (o) {
         OPTIONAL MATCH (home:Area:Entity {id: o.leadArea})
         OPTIONAL MATCH (home)-[:PART_OF*0..4]->(hf:Area {kind: 'FORCE'})
         RETURN coalesce(hf.id, home.id) AS homeForce ORDER BY CASE WHEN hf IS NULL THEN 1 ELSE 0 END LIMIT 1
       }
       RETURN properties(o) AS o, homeForce ORDER BY o.id LIMIT 2000`,
    params: { ...v.params, ocgId },
  };
}

/** One branch of the evidence search, for a batch of groups. Separate small queries keep planning cheap. */
export function evidenceQuery(viewer: Viewer, b: EvidenceBranch, ocgIds: string[]): Query {
  const h = hiddenFilter(viewer, 'area');
  const v = visibleAll(viewer, b.aliases);
  return {
    text:
      `UNWIND $ocgIds AS oid MATCH (o:OCG:Entity {id: oid}) ${b.match}
       WHERE ${v.text} AND ${live(...b.aliases)} AND NOT ${h.text} AND ${live('area')}
       RETURN DISTINCT o.id AS ocgId, ${b.id} AS id, ${b.via} AS via, area.id AS areaId LIMIT 20000`,
    params: { ...h.params, ocgIds },
  };
}

/**
 * Where each of the viewer's own groups shows up outside its lead area, at force level: members
 * living or frequenting places there, places the group uses, events it or its members were involved
 * in, areas it is recorded as operating in, and reports about it or its members that originated
 * there. Only what the viewer may see counts as evidence.
 */
export async function impactCandidates(db: Db, viewer: Viewer, ocgId: string | null): Promise<ImpactCandidate[]> {
  return db.readTx(async (tx) => {
    const ocgs = (await run(tx, ownOcgsQuery(viewer, ocgId))).map((r) => ({ ocg: r.o as RawRecord, homeForceId: (r.homeForce as string) ?? null }));
    if (!ocgs.length) return [];
    const ocgIds = ocgs.map((o) => o.ocg.id);
    const found: (EvidenceRow & { ocgId: string })[] = [];
    for (const b of EVIDENCE) {
      for (const r of await run(tx, evidenceQuery(viewer, b, ocgIds))) found.push({ ...(r as unknown as EvidenceRow & { ocgId: string }), kind: b.kind });
    }
    const areaIds = [...new Set(found.map((e) => e.areaId))];
    const forces = new Map((await run(tx, cypher(
      `UNWIND $ids AS aid MATCH (area:Area:Entity {id: aid}) ${forceOf('area', 'force')} RETURN aid, force`, { ids: areaIds },
    ))).map((r) => [r.aid as string, r.force as string]));
    const out = new Map<string, ImpactCandidate>();
    for (const o of ocgs) {
      for (const e of found) {
        if (e.ocgId !== o.ocg.id) continue;
        const force = forces.get(e.areaId);
        if (!force || (o.homeForceId && force === o.homeForceId)) continue;
        const key = `${o.ocg.id}\u0000${force}`;
        const c = out.get(key) ?? out.set(key, { ocg: o.ocg, homeForceId: o.homeForceId, areaId: force, evidence: [] }).get(key)!;
        if (c.evidence.length < 50 && !c.evidence.some((x) => x.kind === e.kind && x.id === e.id && x.via === e.via)) {
          c.evidence.push({ kind: e.kind, id: e.id, via: e.via ?? null, areaId: e.areaId });
        }
      }
    }
    return [...out.values()];
  });
}

/** The records detection found that an impact record cites as its evidence (an OPERATES_IN finding is a link, not a record). */
export function evidenceIdsOf(candidate: ImpactCandidate | undefined): string[] {
  return [...new Set((candidate?.evidence ?? []).flatMap((e) => (e.kind === 'OPERATES_IN' ? [] : [e.id, e.via])).filter((x): x is string => !!x))];
}

/** The viewer's own impact records and latest overall assessments, for the detection's second half. */
export async function ownImpacts(db: Db, viewer: Viewer, ocgId: string | null): Promise<ImpactRecordRow[]> {
  const v = visibleFilter(viewer, 'i');
  const rows = await db.read(cypher(
    `MATCH (i:ImpactRecord) WHERE i.agency = $pv_agency AND ${v.text} AND ($ocgId IS NULL OR i.ocgId = $ocgId) RETURN properties(i) AS i LIMIT 5000`,
    { ...v.params, ocgId },
  ));
  return rows.map((r) => r.i as ImpactRecordRow);
}

export async function ownOcgsWithOverdueReview(db: Db, viewer: Viewer, ocgId: string | null, today: string): Promise<{ ocg: RawRecord; assessment: HarmAssessmentRecord }[]> {
  const v = visibleAll(viewer, ['o', 'h']);
  const rows = await db.read(cypher(
    `MATCH (o:OCG:Entity) WHERE o.agency = $pv_agency AND ($ocgId IS NULL OR o.id = $ocgId) AND ${live('o')}
     CALL (o) { MATCH (h:HarmAssessment {ocgId: o.id}) WHERE h.areaId IS NULL RETURN h ORDER BY h.scoredAt DESC LIMIT 1 }
     WITH o, h WHERE h.reviewDue < $today AND ${v.text}
     RETURN properties(o) AS o, properties(h) AS h LIMIT 2000`,
    { ...v.params, ocgId, today },
  ));
  return rows.map((r) => ({ ocg: r.o as RawRecord, assessment: r.h as HarmAssessmentRecord }));
}

/** Evidence ids must be entities the assessor sees in full. */
export async function assertEvidence(db: Db | Tx, viewer: Viewer, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const q = cypher('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS n', { ids });
  const rows = 'read' in db ? await db.read(q) : await run(db, q);
  const found = new Map(rows.map((r) => [(r.n as RawRecord).id, r.n as RawRecord]));
  for (const id of ids) {
    const n = found.get(id);
    if (!n || decide(viewer, n as never) !== 'full') throw notFound('Evidence entity', id, 'evidenceIds');
  }
}

export function assertOwnOcg(viewer: Viewer, ocg: RawRecord | undefined, id: string): RawRecord {
  if (!ocg || decide(viewer, ocg as never) !== 'full') throw notFound('OCG', id, 'ocgId');
  if (ocg.archived) throw invalid('ocgId', 'That group is archived');
  return ocg;
}

// ---------------------------------------------------------------------------------------------
// The assessor's actions, with their rules: the API's mutations and the demo seed both call these.

/** When an action happens and the ids it creates (the API leaves them to the defaults; the seed fixes them). */
export interface ActionOptions {
  id?: string;
  assessmentId?: string;
  /** ISO timestamp of the action; the review date is counted from its day. */
  now?: string;
}

export interface AssessOcgInput {
  ocgId: string;
  answers: Record<string, number>;
  templateVersion?: string | null;
  reviewDue?: string | null;
}

/** Scores one of the viewer's own groups against a template (overall, not area-specific). */
export async function assessOcg(db: Db, viewer: Viewer, input: AssessOcgInput, opts: ActionOptions = {}): Promise<HarmAssessmentRecord> {
  const ocg = assertOwnOcg(viewer, await ocgById(db, input.ocgId), input.ocgId);
  const template = await loadTemplate(db, input.templateVersion);
  const score = scoreOcg(template, input.answers);
  const now = opts.now ?? new Date().toISOString();
  const row = harmAssessmentRow(opts.id ?? `HA-${randomUUID()}`, ocg, score, viewer, { now, reviewDue: reviewDue(template, now.slice(0, 10), input.reviewDue) });
  await db.writeTx((tx) => writeHarmAssessment(tx, row));
  return row;
}

export interface RecordImpactInput {
  ocgId: string;
  /** The area's id or the restricted id the viewer was shown; recorded at force level. */
  areaId: string;
  answers: Record<string, number>;
  templateVersion?: string | null;
  reviewDue?: string | null;
  summary?: string | null;
  /** Defaults to the evidence detection finds in that area. */
  evidenceIds?: string[] | null;
  /** Defaults to the agency responsible for the area. */
  affectedAgency?: string | null;
  classification?: string | null;
}

/**
 * Records a group's impact on an area outside its lead force, harm-assessed for that area. The group
 * must be the viewer's own and live; the area is taken at force level and may not be the lead force;
 * one record per group and area; evidence must be records the assessor sees in full.
 */
export async function recordImpact(
  db: Db, viewer: Viewer, input: RecordImpactInput, opts: ActionOptions = {},
): Promise<{ impact: ImpactRecordRow; assessment: HarmAssessmentRecord }> {
  const ocg = assertOwnOcg(viewer, await ocgById(db, input.ocgId), input.ocgId);
  const given = await resolveArea(db, viewer, input.areaId);
  const [area] = given.forceId === given.id ? [given] : await areas(db, viewer, { ids: [given.forceId] });
  if (!area) throw notFound('Area', input.areaId, 'areaId');
  const lead = ocg.leadArea ? (await areas(db, viewer, { ids: [ocg.leadArea as string] }))[0] : undefined;
  if (lead && lead.forceId === area.id) throw invalid('areaId', 'That is the group\u2019s lead area: record impact on other partners\u2019 areas');
  const existing = await impactFor(db, ocg.id, area.id);
  if (existing) throw new DomainError('CONFLICT', 'An impact on that area is already recorded for this group; reassess it instead', 'areaId', { impactId: existing.id });
  const affectedAgency = input.affectedAgency ? validateId(input.affectedAgency, 'affectedAgency') : (area.responsibleAgencies[0] ?? (area.agency as string));
  if (!affectedAgency) throw invalid('affectedAgency', 'No agency is recorded as responsible for that area: name the affected partner');
  const template = await loadTemplate(db, input.templateVersion);
  const score = scoreOcg(template, input.answers);
  let evidenceIds = [...new Set(input.evidenceIds ?? [])];
  if (!input.evidenceIds) evidenceIds = evidenceIdsOf((await impactCandidates(db, viewer, ocg.id)).find((c) => c.areaId === area.id));
  if (evidenceIds.length > 200) throw invalid('evidenceIds', 'At most 200 evidence records');
  await assertEvidence(db, viewer, evidenceIds);
  const now = opts.now ?? new Date().toISOString();
  const due = reviewDue(template, now.slice(0, 10), input.reviewDue);
  const id = opts.id ?? `IMP-${randomUUID()}`;
  const assessment = harmAssessmentRow(opts.assessmentId ?? `HA-${randomUUID()}`, ocg, score, viewer, { now, reviewDue: due }, { areaId: area.id, impactId: id });
  const summary = input.summary?.trim().slice(0, 20000) || null;
  if (input.classification && !(CLASSIFICATIONS as readonly string[]).includes(input.classification)) {
    throw invalid('classification', `Classification must be one of ${CLASSIFICATIONS.join(', ')}`);
  }
  const classification = highestClassification([ocg.classification as string, input.classification]);
  const impact: ImpactRecordRow = {
    id, ocgId: ocg.id, areaId: area.id, leadAreaId: lead?.forceId ?? null, affectedAgency, summary, evidenceIds,
    assessmentId: assessment.id, templateVersion: score.templateVersion, harm: score.total, band: score.band,
    assessedBy: viewer.username, assessedAt: now, reviewDue: due, status: 'OPEN', createdAt: now, updatedAt: now,
    agency: viewer.agency, classification, compartments: (ocg.compartments as string[]) ?? [], handling: 'P', handlingConditions: [],
    disseminatedTo: [], nfd: false,
  };
  await db.writeTx(async (tx) => {
    // Two assessors recording the same impact at once: the second finds the first.
    if (await impactFor(tx, ocg.id, area.id)) throw new DomainError('CONFLICT', 'An impact on that area is already recorded for this group', 'areaId');
    await writeImpact(tx, impact, assessment);
  });
  return { impact, assessment };
}
