import { randomUUID } from 'node:crypto';
import { Arg, Ctx as C, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { invalid, notFound } from '../domain/errors.js';
import { CRIME_TYPES, HANDLING_CONDITIONS } from '../domain/codes.js';
import {
  disseminationView, IMPACT_STATUS, validateDissemination, validateNfd,
} from '../domain/dissemination.js';
import { reviewDue, scoreOcg, validateTemplate, type HarmTemplate } from '../domain/harm.js';
import { decide, isReferenceGeography, type Viewer } from '../domain/policy.js';
import { todayIso } from '../domain/validate.js';
import { entitiesById, neighbours } from '../graph/entities.js';
import {
  disseminate, disseminations, markNotForDissemination, nfdRecords, sharedTexts, type DisseminationRecord,
} from '../graph/dissemination.js';
import {
  areaFamily, areas, assessOcg, assertOwnOcg, harmAssessmentRow, harmAssessmentsOf, impactById, impactCandidates,
  impacts, latestOverall, listTemplates, loadTemplate, ocgById, ocgsLedIn, ownImpacts, ownOcgsWithOverdueReview, reassessImpact,
  recordImpact, resolveArea, saveTemplate, type AreaRow, type HarmAssessmentRecord, type ImpactRecordRow,
} from '../graph/ocg.js';
import { receiptsOf } from '../graph/inbox.js';
import { buildSlice, redactNode, type RawRecord } from '../graph/slice.js';
import { requireViewer, type Ctx } from './context.js';
import { AccessLevel, GraphNode, GraphSlice, Markings } from './types.js';

/**
 * OCG mapping and cross-boundary impact: harm templates and scores, impact records, detection of
 * unrecorded impact, partner views (matrix, map, which groups impact my area), dissemination and
 * not-for-dissemination decisions. Every record returned has passed the policy.
 */

export enum ImpactStatusEnum { OPEN = 'OPEN', DISSEMINATED = 'DISSEMINATED', NFD = 'NFD' }
registerEnumType(ImpactStatusEnum, {
  name: 'ImpactStatus',
  description: 'OPEN until disseminated to the affected partner (DISSEMINATED) or recorded as not for dissemination with justification and approver (NFD)',
});

// ---------------------------------------------------------------------------------------------
// Types

@ObjectType('HarmCriterion', { simpleResolvers: true })
class HarmCriterionView {
  @Field(() => String) id!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'HARM, LIKELIHOOD or CAPABILITY' }) dimension!: string;
  @Field(() => Float) weight!: number;
  @Field(() => Int, { description: 'Answers are whole numbers 0..max' }) max!: number;
}

@ObjectType('HarmBand', { simpleResolvers: true })
class HarmBandView {
  @Field(() => String) band!: string;
  @Field(() => Float) minScore!: number;
  @Field(() => String) label!: string;
}

@ObjectType('HarmTemplate', { simpleResolvers: true, description: 'A versioned harm scoring template: weighted criteria and bands' })
class HarmTemplateView {
  @Field(() => String) version!: string;
  @Field(() => String) title!: string;
  @Field(() => Int) reviewPeriodDays!: number;
  @Field(() => Boolean) builtIn!: boolean;
  @Field(() => String, { nullable: true }) createdBy?: string | null;
  @Field(() => String, { nullable: true }) createdAt?: string | null;
  @Field(() => [HarmCriterionView]) criteria!: HarmCriterionView[];
  @Field(() => [HarmBandView], { description: 'Highest band first' }) bands!: HarmBandView[];
}

@InputType('HarmCriterionInput')
class HarmCriterionInput {
  @Field(() => String) id!: string;
  @Field(() => String) label!: string;
  @Field(() => String) dimension!: string;
  @Field(() => Float) weight!: number;
  @Field(() => Int) max!: number;
}

@InputType('HarmBandInput')
class HarmBandInput {
  @Field(() => String) band!: string;
  @Field(() => Float) minScore!: number;
  @Field(() => String, { nullable: true }) label?: string;
}

@InputType('HarmTemplateInput')
class HarmTemplateInput {
  @Field(() => String) version!: string;
  @Field(() => String) title!: string;
  @Field(() => Int, { defaultValue: 90 }) reviewPeriodDays!: number;
  @Field(() => [HarmCriterionInput]) criteria!: HarmCriterionInput[];
  @Field(() => [HarmBandInput]) bands!: HarmBandInput[];
}

@InputType('HarmAnswerInput')
class HarmAnswerInput {
  @Field(() => String) criterion!: string;
  @Field(() => Int) value!: number;
}

@ObjectType('HarmAnswer', { simpleResolvers: true })
class HarmAnswer {
  @Field(() => String) criterion!: string;
  @Field(() => Int) value!: number;
}

@ObjectType('HarmAssessment', { simpleResolvers: true, description: 'A harm score with who scored it, when, the template version and the review date' })
class HarmAssessmentView {
  @Field(() => ID) id!: string;
  @Field(() => ID) ocgId!: string;
  @Field(() => ID, { nullable: true, description: 'Set when the assessment is of the impact on one area' }) areaId?: string | null;
  @Field(() => ID, { nullable: true }) impactId?: string | null;
  @Field(() => String) templateVersion!: string;
  @Field(() => Float) harm!: number;
  @Field(() => Float) likelihood!: number;
  @Field(() => Float) capability!: number;
  @Field(() => Float) total!: number;
  @Field(() => String) band!: string;
  @Field(() => String) scoredBy!: string;
  @Field(() => String) scoredAt!: string;
  @Field(() => String) reviewDue!: string;
  @Field(() => Boolean) reviewOverdue!: boolean;
  @Field(() => [HarmAnswer], { description: 'The answers, for the assessor\u2019s agency only' }) answers!: HarmAnswer[];
  @Field(() => AccessLevel) access!: string;
}

@InputType('AssessOcgInput')
class AssessOcgInput {
  @Field(() => ID) ocgId!: string;
  @Field(() => [HarmAnswerInput]) answers!: HarmAnswerInput[];
  @Field(() => String, { nullable: true, description: 'Defaults to the built-in template' }) templateVersion?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; defaults to the template\u2019s review period' }) reviewDue?: string;
}

@ObjectType('ImpactEvidence', { simpleResolvers: true })
class ImpactEvidence {
  @Field(() => String, { description: 'NOMINAL (lives there), LOCATION (used there), EVENT, OPERATES_IN or REPORT (originated there)' }) kind!: string;
  @Field(() => GraphNode) entity!: GraphNode;
  @Field(() => GraphNode, { nullable: true, description: 'The member or location that ties the evidence to the group' }) via?: GraphNode;
  @Field(() => GraphNode, { nullable: true, description: 'The area the evidence lies in' }) area?: GraphNode;
}

@ObjectType('ImpactRecord', { simpleResolvers: true, description: 'An OCG\u2019s impact on an area outside its lead area' })
class ImpactRecordView {
  @Field(() => ID) id!: string;
  @Field(() => GraphNode) ocg!: GraphNode;
  @Field(() => GraphNode) area!: GraphNode;
  @Field(() => GraphNode, { nullable: true }) leadArea?: GraphNode;
  @Field(() => String) affectedAgency!: string;
  @Field(() => String) affectedAgencyName!: string;
  @Field(() => String, { nullable: true, description: 'The assessor\u2019s summary (own agency only)' }) summary?: string | null;
  @Field(() => String, { nullable: true, description: 'For a shared copy: the sanitised text disseminated to the viewer\u2019s agency' }) sharedText?: string | null;
  @Field(() => Float) harm!: number;
  @Field(() => String) band!: string;
  @Field(() => String) templateVersion!: string;
  @Field(() => String) assessedBy!: string;
  @Field(() => String) assessedAt!: string;
  @Field(() => String) reviewDue!: string;
  @Field(() => Boolean) reviewOverdue!: boolean;
  @Field(() => ImpactStatusEnum) status!: string;
  @Field(() => AccessLevel) access!: string;
  @Field(() => Markings) markings!: Markings;
  @Field(() => [GraphNode], { description: 'Reports, nominals and locations in that area, as the viewer may see them' }) evidence!: GraphNode[];
  @Field(() => [String], { description: 'Agencies it was disseminated to (own agency only)' }) disseminatedTo!: string[];
  @Field(() => String, { nullable: true }) nfdJustification?: string | null;
  @Field(() => String, { nullable: true }) nfdApprover?: string | null;
}

@ObjectType('ImpactFinding', { simpleResolvers: true, description: 'Something the lead partner must do about a group\u2019s impact' })
class ImpactFinding {
  @Field(() => GraphNode) ocg!: GraphNode;
  @Field(() => GraphNode, { nullable: true, description: 'The force-level area impacted; null for the group\u2019s own overdue review' }) area?: GraphNode;
  @Field(() => GraphNode, { nullable: true }) leadArea?: GraphNode;
  @Field(() => [String], { description: 'UNRECORDED_IMPACT, IMPACT_NOT_DISSEMINATED, REVIEW_OVERDUE' }) reasons!: string[];
  @Field(() => ImpactRecordView, { nullable: true }) impact?: ImpactRecordView;
  @Field(() => String, { nullable: true }) reviewDue?: string | null;
  @Field(() => [ImpactEvidence]) evidence!: ImpactEvidence[];
}

@InputType('RecordImpactInput')
class RecordImpactInput {
  @Field(() => ID) ocgId!: string;
  @Field(() => ID, { description: 'The impacted area: its id or the restricted id shown by detection; recorded at force level' }) areaId!: string;
  @Field(() => [HarmAnswerInput], { description: 'Harm assessment for that area' }) answers!: HarmAnswerInput[];
  @Field(() => String, { nullable: true }) templateVersion?: string;
  @Field(() => String, { nullable: true }) reviewDue?: string;
  @Field(() => String, { nullable: true }) summary?: string;
  @Field(() => [ID], { nullable: true, description: 'Defaults to the evidence detection finds in that area' }) evidenceIds?: string[];
  @Field(() => String, { nullable: true, description: 'Defaults to the agency responsible for the area' }) affectedAgency?: string;
  @Field(() => String, { nullable: true, description: 'At least the group\u2019s classification' }) classification?: string;
}

@InputType('ImpactFilter')
class ImpactFilter {
  @Field(() => String, { nullable: true }) band?: string;
  @Field(() => String, { nullable: true }) crimeType?: string;
  @Field(() => ImpactStatusEnum, { nullable: true }) status?: ImpactStatusEnum;
  @Field(() => ID, { nullable: true, description: 'Only impacts on this area (and areas nested in or containing it)' }) areaId?: string;
}

@ObjectType('ImpactMatrixRow', { simpleResolvers: true })
class ImpactMatrixRow {
  @Field(() => ID) impactId!: string;
  @Field(() => ID) areaId!: string;
  @Field(() => String) areaName!: string;
  @Field(() => ID) ocgId!: string;
  @Field(() => String) ocgName!: string;
  @Field(() => [String]) crimeTypes!: string[];
  @Field(() => Float) harm!: number;
  @Field(() => String) band!: string;
  @Field(() => String) assessedAt!: string;
  @Field(() => String) reviewDue!: string;
  @Field(() => Boolean) reviewOverdue!: boolean;
  @Field(() => ImpactStatusEnum) status!: string;
  @Field(() => AccessLevel) access!: string;
  @Field(() => String, { description: 'The agency responsible for the impacted area' }) affectedAgency!: string;
}

@ObjectType('MapArea', {
  simpleResolvers: true,
  description: 'An area on the impact map. Administrative geography (name, kind, boundary) is public reference data, shown whoever owns the area record unless it is marked above OFFICIAL',
})
class MapArea {
  @Field(() => ID, { description: 'The area id, or an opaque restricted id for an area the viewer may only know exists' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) kind?: string | null;
  @Field(() => String, { nullable: true, description: 'GeoJSON geometry as a string' }) boundary?: string | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => Boolean) restricted!: boolean;
}

@ObjectType('ImpactFlow', { simpleResolvers: true })
class ImpactFlow {
  @Field(() => ID) impactId!: string;
  @Field(() => ID, { nullable: true, description: 'The group\u2019s lead area' }) fromAreaId?: string | null;
  @Field(() => ID) toAreaId!: string;
  @Field(() => ID) ocgId!: string;
  @Field(() => String) ocgName!: string;
  @Field(() => String) band!: string;
  @Field(() => Float) harm!: number;
  @Field(() => ImpactStatusEnum) status!: string;
  @Field(() => AccessLevel, { description: 'full: your agency holds the impact record; shared: disseminated to it' }) access!: string;
}

@ObjectType('ImpactMap', { simpleResolvers: true })
class ImpactMap {
  @Field(() => [MapArea]) areas!: MapArea[];
  @Field(() => [ImpactFlow]) flows!: ImpactFlow[];
}

@ObjectType('AreaImpact', { simpleResolvers: true, description: 'A group that impacts an area: led from it, or recorded as impacting it' })
class AreaImpact {
  @Field(() => GraphNode) ocg!: GraphNode;
  @Field(() => String, { description: 'LEAD or IMPACT' }) relation!: string;
  @Field(() => ImpactRecordView, { nullable: true }) impact?: ImpactRecordView;
  @Field(() => String, { nullable: true }) band?: string | null;
  @Field(() => Float, { nullable: true }) harm?: number | null;
  @Field(() => String, { nullable: true }) assessedAt?: string | null;
  @Field(() => String, { nullable: true }) reviewDue?: string | null;
}

@InputType('DisseminationInput')
export class DisseminationInput {
  @Field(() => String) recipientAgency!: string;
  @Field(() => String, { nullable: true, description: 'A person or role at the recipient' }) recipientPerson?: string;
  @Field(() => [ID], { nullable: true }) reportIds?: string[];
  @Field(() => ID, { nullable: true, description: 'An impact record: its group is shared with it' }) impactId?: string;
  @Field(() => String, { description: 'What the recipient will see; never the original' }) sanitisedText!: string;
  @Field(() => String, { description: 'P or C' }) handling!: string;
  @Field(() => [String], { nullable: true }) handlingConditions?: string[];
  @Field(() => String, { nullable: true }) handlingNotes?: string;
  @Field(() => String) purpose!: string;
  @Field(() => String) lawfulBasis!: string;
  @Field(() => String, { description: 'The information sharing agreement or memorandum relied on' }) sharingAgreement!: string;
  @Field(() => String, { nullable: true, description: 'Required with handling code C' }) riskAssessment?: string;
}

@ObjectType('HandlingCondition', { simpleResolvers: true })
class HandlingConditionView {
  @Field(() => String) code!: string;
  @Field(() => String) meaning!: string;
}

@ObjectType('Dissemination', { simpleResolvers: true, description: 'An immutable record of what was shared, with whom, why and under which conditions' })
export class DisseminationView {
  @Field(() => ID) id!: string;
  @Field(() => AccessLevel, { description: 'full for the originator; shared for the recipient' }) access!: string;
  @Field(() => String) originatorAgency!: string;
  @Field(() => String) originatorName!: string;
  @Field(() => String) originatorDesk!: string;
  @Field(() => String) recipientAgency!: string;
  @Field(() => String) recipientAgencyName!: string;
  @Field(() => String, { nullable: true }) recipientPerson?: string | null;
  @Field(() => [ID]) recordIds!: string[];
  @Field(() => ID, { nullable: true }) impactId?: string | null;
  @Field(() => ID, { nullable: true }) ocgId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A product\u2019s sanitised version: open it with productRelease' }) productReleaseId?: string | null;
  @Field(() => String) sanitisedText!: string;
  @Field(() => String) handling!: string;
  @Field(() => [HandlingConditionView]) handlingConditions!: HandlingConditionView[];
  @Field(() => String, { nullable: true }) handlingNotes?: string | null;
  @Field(() => String) purpose!: string;
  @Field(() => String) lawfulBasis!: string;
  @Field(() => String) sharingAgreement!: string;
  @Field(() => String, { nullable: true, description: 'The originator\u2019s handling risk assessment (originator only)' }) riskAssessment?: string | null;
  @Field(() => String) authorisedBy!: string;
  @Field(() => String) authorisedByName!: string;
  @Field(() => String) authorisedAt!: string;
  @Field(() => String) classification!: string;
  @Field(() => [GraphNode], { description: 'The shared reports and group as the viewer may see them' }) records!: GraphNode[];
  @Field(() => String, { nullable: true, description: 'When the recipient agency acknowledged receipt' }) acknowledgedAt?: string | null;
  @Field(() => String, { nullable: true }) acknowledgedBy?: string | null;
  @Field(() => String, { nullable: true }) acknowledgedByName?: string | null;
}

@InputType('NfdInput')
class NfdInput {
  @Field(() => ID, { description: 'An entity (report, group ...) or an impact record of your agency' }) recordId!: string;
  @Field(() => String) justification!: string;
}

@ObjectType('NfdEntry', { simpleResolvers: true })
class NfdEntry {
  @Field(() => ID) id!: string;
  @Field(() => String) kind!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) justification?: string | null;
  @Field(() => String, { nullable: true }) approver?: string | null;
  @Field(() => String, { nullable: true }) markedAt?: string | null;
  @Field(() => String) classification!: string;
}

@ObjectType('NfdReport', { simpleResolvers: true })
class NfdReport {
  @Field(() => Int) count!: number;
  @Field(() => [NfdEntry]) items!: NfdEntry[];
}

// ---------------------------------------------------------------------------------------------
// Shaping records for the viewer

const answersOf = (a: Record<string, number> | string): HarmAnswer[] =>
  Object.entries(typeof a === 'string' ? (JSON.parse(a) as Record<string, number>) : a).map(([criterion, value]) => ({ criterion, value }));
const answerMap = (list: HarmAnswerInput[]) => {
  const out: Record<string, number> = {};
  for (const a of list) {
    if (Object.hasOwn(out, a.criterion)) throw invalid(`answers.${a.criterion}`, `${a.criterion} is answered twice`);
    out[a.criterion] = a.value;
  }
  return out;
};

function markingsOf(r: RawRecord): Markings {
  return {
    classification: (r.classification as string) ?? 'OFFICIAL', handling: (r.handling as string) ?? 'P',
    handlingConditions: (r.handlingConditions as string[]) ?? [], handlingNotes: (r.handlingNotes as string) ?? undefined,
    agency: (r.agency as string) ?? '', compartments: (r.compartments as string[]) ?? [], nfd: !!r.nfd,
  };
}

function assessmentView(viewer: Viewer, h: HarmAssessmentRecord, today: string, ctx: Ctx): HarmAssessmentView | undefined {
  const access = decide(viewer, h as never);
  if (access !== 'full' && access !== 'shared') return undefined;
  ctx.seen.add(h.id);
  return {
    id: h.id, ocgId: h.ocgId, areaId: h.areaId, impactId: h.impactId, templateVersion: h.templateVersion,
    harm: h.harm, likelihood: h.likelihood, capability: h.capability, total: h.total, band: h.band,
    scoredBy: h.scoredBy, scoredAt: h.scoredAt, reviewDue: h.reviewDue, reviewOverdue: h.reviewDue < today,
    answers: access === 'full' ? answersOf(h.answers) : [], access,
  };
}

/** Strips the lookup columns so an area row is redacted like any entity. */
const areaEntity = (a: AreaRow): RawRecord => {
  const { forceId: _f, parentId: _p, responsibleAgencies: _r, ...rest } = a;
  return rest as RawRecord;
};

/**
 * Areas as the map and matrix show them, by real id: each area record under the policy, except that
 * administrative geography another agency owns is reference data (`isReferenceGeography`), named and
 * drawn rather than a stub. An area the viewer may not know exists is left out.
 */
async function geography(ctx: Ctx, viewer: Viewer, ids: (string | null | undefined)[], loaded: AreaRow[] = []): Promise<Map<string, MapArea>> {
  const { db, agencies } = ctx.services;
  await agencies.refresh();
  const have = new Map(loaded.map((a) => [a.id, a]));
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const missing = wanted.filter((id) => !have.has(id));
  for (const a of missing.length ? await areas(db, viewer, { ids: missing }) : []) have.set(a.id, a);
  const out = new Map<string, MapArea>();
  for (const id of wanted) {
    const a = have.get(id);
    if (!a) continue;
    const reference = decide(viewer, a as never) === 'stub' && isReferenceGeography(a.type as string, a as never);
    const n = reference ? undefined : redactNode(viewer, agencies, areaEntity(a), ctx.seen);
    if (reference) ctx.seen.add(a.id);
    else if (!n) continue;
    const props = n ? n.props : a;
    out.set(id, {
      id: n?.id ?? a.id, name: n?.label ?? ((a.label as string) ?? a.id), kind: (props.kind as string) ?? null, boundary: (props.boundary as string) ?? null,
      parentId: null, restricted: n?.restricted ?? false,
    });
  }
  for (const [id, m] of out) {
    const parent = have.get(id)?.parentId;
    if (!m.restricted && parent) m.parentId = out.get(parent)?.id ?? null;
  }
  return out;
}

/** Batch-loads what impact records refer to and shapes them for the viewer (full or shared copy). */
async function impactViews(ctx: Ctx, viewer: Viewer, rows: ImpactRecordRow[]): Promise<ImpactRecordView[]> {
  if (!rows.length) return [];
  const { db, agencies } = ctx.services;
  await agencies.refresh();
  const today = todayIso();
  const visible = rows.filter((r) => ['full', 'shared'].includes(decide(viewer, r as never)));
  const ids = (f: (r: ImpactRecordRow) => (string | null | undefined)[]) => [...new Set(visible.flatMap(f).filter((x): x is string => !!x))];
  const [ents, areaRows, texts] = await Promise.all([
    entitiesById(db, ids((r) => [r.ocgId, ...(r.evidenceIds ?? [])])),
    areas(db, viewer, { ids: ids((r) => [r.areaId, r.leadAreaId]) }),
    sharedTexts(db, viewer, visible.map((r) => r.id)),
  ]);
  const byId = new Map(ents.map((e) => [e.id, e]));
  const areaById = new Map(areaRows.map((a) => [a.id, areaEntity(a)]));
  const out: ImpactRecordView[] = [];
  for (const r of visible) {
    const access = decide(viewer, r as never);
    const ocgRaw = byId.get(r.ocgId);
    const ocg = ocgRaw && redactNode(viewer, agencies, ocgRaw, ctx.seen);
    const areaRaw = areaById.get(r.areaId);
    const area = areaRaw && redactNode(viewer, agencies, areaRaw, ctx.seen);
    if (!ocg || !area) continue; // the group or area is hidden from this viewer: so is the impact
    const leadRaw = r.leadAreaId ? areaById.get(r.leadAreaId) : undefined;
    ctx.seen.add(r.id);
    const full = access === 'full';
    out.push({
      id: r.id, ocg: ocg as GraphNode, area: area as GraphNode,
      leadArea: (leadRaw && redactNode(viewer, agencies, leadRaw, ctx.seen)) as GraphNode | undefined,
      affectedAgency: r.affectedAgency, affectedAgencyName: agencies.desk(r.affectedAgency).name,
      summary: full ? r.summary : null,
      sharedText: full ? null : (texts.get(r.id)?.sanitisedText ?? null),
      harm: r.harm, band: r.band, templateVersion: r.templateVersion, assessedBy: r.assessedBy, assessedAt: r.assessedAt,
      reviewDue: r.reviewDue, reviewOverdue: r.reviewDue < today && r.status !== 'NFD', status: r.status, access,
      markings: markingsOf(r),
      evidence: (r.evidenceIds ?? []).map((id) => byId.get(id)).filter((e): e is RawRecord => !!e)
        .map((e) => redactNode(viewer, agencies, e, ctx.seen)).filter((n): n is NonNullable<typeof n> => !!n) as GraphNode[],
      disseminatedTo: full ? ((r.disseminatedTo as string[]) ?? []) : [],
      nfdJustification: full ? ((r.nfdJustification as string) ?? null) : null,
      nfdApprover: full ? ((r.nfdApprover as string) ?? null) : null,
    });
  }
  return out;
}

export async function disseminationViews(ctx: Ctx, viewer: Viewer, rows: DisseminationRecord[]): Promise<DisseminationView[]> {
  const { db, agencies } = ctx.services;
  await agencies.refresh();
  const ents = new Map((await entitiesById(db, [...new Set(rows.flatMap((d) => d.recordIds))])).map((e) => [e.id, e]));
  const receipts = await receiptsOf(db, rows.map((d) => d.id));
  const out: DisseminationView[] = [];
  for (const d of rows) {
    const access = decide(viewer, d as never);
    if (access !== 'full' && access !== 'shared') continue;
    ctx.seen.add(d.id);
    const v = disseminationView(d, access);
    const origin = agencies.desk(d.agency as string);
    out.push({
      id: d.id, access, originatorAgency: d.agency as string, originatorName: origin.name, originatorDesk: origin.desk,
      recipientAgency: d.recipientAgency, recipientAgencyName: agencies.desk(d.recipientAgency).name, recipientPerson: d.recipientPerson,
      recordIds: d.recordIds, impactId: d.impactId, ocgId: d.ocgId, productReleaseId: (d.productReleaseId as string | undefined) ?? null, sanitisedText: d.sanitisedText, handling: d.handling,
      handlingConditions: (d.handlingConditions ?? []).map((code) => ({ code, meaning: (HANDLING_CONDITIONS as Record<string, string>)[code] ?? code })),
      handlingNotes: d.handlingNotes, purpose: d.purpose, lawfulBasis: d.lawfulBasis, sharingAgreement: d.sharingAgreement,
      riskAssessment: v.riskAssessment, authorisedBy: d.authorisedBy, authorisedByName: d.authorisedByName, authorisedAt: d.authorisedAt,
      classification: (d.classification as string) ?? 'OFFICIAL',
      records: d.recordIds.map((id) => ents.get(id)).filter((e): e is RawRecord => !!e)
        .map((e) => redactNode(viewer, agencies, e, ctx.seen)).filter((n): n is NonNullable<typeof n> => !!n) as GraphNode[],
      acknowledgedAt: receipts.get(d.id)?.at ?? null, acknowledgedBy: receipts.get(d.id)?.by ?? null, acknowledgedByName: receipts.get(d.id)?.byName ?? null,
    });
  }
  return out;
}

function checkLimit(limit: number, max = 1000) {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw invalid('limit', `limit must be 1 to ${max}`);
}

function checkFilter(f: ImpactFilter | undefined) {
  if (f?.crimeType && !(CRIME_TYPES as readonly string[]).includes(f.crimeType)) throw invalid('crimeType', `Unknown crime type ${JSON.stringify(f.crimeType)}`);
  if (f?.band && f.band.length > 10) throw invalid('band', 'Unknown band');
  if (f?.status && !(IMPACT_STATUS as readonly string[]).includes(f.status)) throw invalid('status', 'Unknown status');
}

async function filteredImpacts(ctx: Ctx, viewer: Viewer, filter: ImpactFilter | undefined) {
  checkFilter(filter);
  let areaIds: string[] | null = null;
  if (filter?.areaId) areaIds = await areaFamily(ctx.services.db, (await resolveArea(ctx.services.db, viewer, filter.areaId)).id);
  return impacts(ctx.services.db, viewer, { band: filter?.band, crimeType: filter?.crimeType, status: filter?.status, areaIds });
}

// ---------------------------------------------------------------------------------------------
// Resolvers

@Resolver()
export class OcgResolver {
  @Query(() => [HarmTemplateView], { description: 'Harm scoring templates: the built-in default and every defined version' })
  async harmTemplates(@C() ctx: Ctx): Promise<HarmTemplateView[]> {
    requireViewer(ctx);
    return listTemplates(ctx.services.db);
  }

  @Mutation(() => HarmTemplateView, { description: 'Define a new harm template version (immutable once defined)' })
  async defineHarmTemplate(@Arg('input', () => HarmTemplateInput) input: HarmTemplateInput, @C() ctx: Ctx): Promise<HarmTemplateView> {
    const viewer = requireViewer(ctx, 'manageRequirements');
    const template: HarmTemplate = validateTemplate(input);
    await saveTemplate(ctx.services.db, template, viewer.username, viewer.agency, new Date().toISOString());
    return loadTemplate(ctx.services.db, template.version);
  }

  @Query(() => [HarmAssessmentView], { description: 'Harm assessments of a group (overall and per area), newest first' })
  async harmAssessments(@Arg('ocgId', () => ID) ocgId: string, @C() ctx: Ctx): Promise<HarmAssessmentView[]> {
    const viewer = requireViewer(ctx);
    const ocg = await ocgById(ctx.services.db, ocgId);
    if (!ocg || !['full', 'shared'].includes(decide(viewer, ocg as never))) return [];
    const today = todayIso();
    return (await harmAssessmentsOf(ctx.services.db, viewer, ocgId)).map((h) => assessmentView(viewer, h, today, ctx)).filter((h): h is HarmAssessmentView => !!h);
  }

  @Mutation(() => HarmAssessmentView, { description: 'Score a group for harm against a template; kept with who, when, version and review date' })
  async assessOcgHarm(@Arg('input', () => AssessOcgInput) input: AssessOcgInput, @C() ctx: Ctx): Promise<HarmAssessmentView> {
    const viewer = requireViewer(ctx, 'assessImpact');
    const row = await assessOcg(ctx.services.db, viewer, { ...input, answers: answerMap(input.answers) });
    return assessmentView(viewer, row, todayIso(), ctx)!;
  }

  @Query(() => [ImpactFinding], {
    description: 'Your groups found outside their lead area with no impact record, impacts not yet disseminated, and overdue reviews, with the evidence',
  })
  async impactDetection(@Arg('ocgId', () => ID, { nullable: true }) ocgId: string | undefined, @C() ctx: Ctx): Promise<ImpactFinding[]> {
    const viewer = requireViewer(ctx, 'assessImpact');
    const { db, agencies } = ctx.services;
    await agencies.refresh();
    const today = todayIso();
    const [candidates, recorded, overdue] = await Promise.all([
      impactCandidates(db, viewer, ocgId ?? null), ownImpacts(db, viewer, ocgId ?? null), ownOcgsWithOverdueReview(db, viewer, ocgId ?? null, today),
    ]);
    const key = (o: string, a: string) => `${o}\u0000${a}`;
    const impactByKey = new Map(recorded.map((i) => [key(i.ocgId, i.areaId), i]));
    type Pending = { ocg: RawRecord; areaId: string | null; leadAreaId: string | null; reasons: string[]; impact?: ImpactRecordRow; reviewDue?: string | null; evidence: typeof candidates[number]['evidence'] };
    const pending: Pending[] = [];
    const reasonsFor = (i: ImpactRecordRow | undefined) => {
      if (!i) return ['UNRECORDED_IMPACT'];
      const out: string[] = [];
      if (i.status === 'OPEN') out.push('IMPACT_NOT_DISSEMINATED');
      if (i.status !== 'NFD' && i.reviewDue < today) out.push('REVIEW_OVERDUE');
      return out;
    };
    const covered = new Set<string>();
    for (const c of candidates) {
      const i = impactByKey.get(key(c.ocg.id, c.areaId));
      covered.add(key(c.ocg.id, c.areaId));
      const reasons = reasonsFor(i);
      if (reasons.length) pending.push({ ocg: c.ocg, areaId: c.areaId, leadAreaId: c.homeForceId, reasons, impact: i, reviewDue: i?.reviewDue, evidence: c.evidence });
    }
    const ocgs = new Map((await entitiesById(db, [...new Set(recorded.map((i) => i.ocgId))])).map((o) => [o.id, o]));
    for (const i of recorded) {
      if (covered.has(key(i.ocgId, i.areaId))) continue;
      const reasons = reasonsFor(i);
      const ocg = ocgs.get(i.ocgId);
      if (reasons.length && ocg) pending.push({ ocg, areaId: i.areaId, leadAreaId: i.leadAreaId, reasons, impact: i, reviewDue: i.reviewDue, evidence: [] });
    }
    for (const o of overdue) pending.push({ ocg: o.ocg, areaId: null, leadAreaId: null, reasons: ['REVIEW_OVERDUE'], reviewDue: o.assessment.reviewDue, evidence: [] });

    const entityIds = [...new Set(pending.flatMap((p) => p.evidence.flatMap((e) => [e.id, e.via]).filter((x): x is string => !!x)))];
    const areaIds = [...new Set(pending.flatMap((p) => [p.areaId, p.leadAreaId, ...p.evidence.map((e) => e.areaId)]).filter((x): x is string => !!x))];
    const [ents, areaRows, views] = await Promise.all([
      entitiesById(db, entityIds), areas(db, viewer, { ids: areaIds }), impactViews(ctx, viewer, pending.flatMap((p) => (p.impact ? [p.impact] : []))),
    ]);
    const node = (raw: RawRecord | undefined) => (raw ? (redactNode(viewer, agencies, raw, ctx.seen) as GraphNode | undefined) : undefined);
    const entById = new Map(ents.map((e) => [e.id, e]));
    const areaById = new Map(areaRows.map((a) => [a.id, areaEntity(a)]));
    const viewById = new Map(views.map((v) => [v.id, v]));
    const out: ImpactFinding[] = [];
    for (const p of pending) {
      const ocg = node(p.ocg);
      if (!ocg) continue;
      const area = p.areaId ? node(areaById.get(p.areaId)) : undefined;
      if (p.areaId && !area) continue;
      out.push({
        ocg, area, leadArea: p.leadAreaId ? node(areaById.get(p.leadAreaId)) : undefined, reasons: p.reasons,
        impact: p.impact ? viewById.get(p.impact.id) : undefined, reviewDue: p.reviewDue ?? null,
        evidence: p.evidence.flatMap((e) => {
          const entity = node(entById.get(e.id) ?? areaById.get(e.id));
          return entity ? [{ kind: e.kind, entity, via: e.via ? node(entById.get(e.via)) : undefined, area: node(areaById.get(e.areaId)) }] : [];
        }),
      });
    }
    return out;
  }

  @Mutation(() => ImpactRecordView, { description: 'Record a group\u2019s impact on an area outside its lead area, with a harm assessment for that area' })
  async recordImpact(@Arg('input', () => RecordImpactInput) input: RecordImpactInput, @C() ctx: Ctx): Promise<ImpactRecordView> {
    const viewer = requireViewer(ctx, 'assessImpact');
    const { impact, assessment } = await recordImpact(ctx.services.db, viewer, { ...input, answers: answerMap(input.answers) });
    ctx.seen.add(assessment.id);
    return (await impactViews(ctx, viewer, [impact]))[0]!;
  }

  @Mutation(() => ImpactRecordView, { description: 'A new harm assessment of an impact (for its review); the record shows the latest' })
  async reassessImpact(
    @Arg('impactId', () => ID) impactId: string,
    @Arg('answers', () => [HarmAnswerInput]) answers: HarmAnswerInput[],
    @Arg('templateVersion', () => String, { nullable: true }) templateVersion: string | undefined,
    @Arg('reviewDue', () => String, { nullable: true }) due: string | undefined,
    @C() ctx: Ctx,
  ): Promise<ImpactRecordView> {
    const viewer = requireViewer(ctx, 'assessImpact');
    const { db } = ctx.services;
    const impact = await impactById(db, impactId);
    if (!impact || decide(viewer, impact as never) !== 'full') throw notFound('Impact record', impactId, 'impactId');
    const ocg = assertOwnOcg(viewer, await ocgById(db, impact.ocgId), impact.ocgId);
    const template = await loadTemplate(db, templateVersion);
    const score = scoreOcg(template, answerMap(answers));
    const now = new Date().toISOString();
    const assessment = harmAssessmentRow(`HA-${randomUUID()}`, ocg, score, viewer, { now, reviewDue: reviewDue(template, now.slice(0, 10), due) }, { areaId: impact.areaId, impactId });
    await db.writeTx((tx) => reassessImpact(tx, impactId, assessment));
    ctx.seen.add(assessment.id);
    return (await impactViews(ctx, viewer, [(await impactById(db, impactId))!]))[0]!;
  }

  @Query(() => ImpactRecordView, { nullable: true, description: 'One impact record as the viewer may see it (null when unknown or not visible)' })
  async impactRecord(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<ImpactRecordView | undefined> {
    const viewer = requireViewer(ctx);
    const row = await impactById(ctx.services.db, id);
    return row ? (await impactViews(ctx, viewer, [row]))[0] : undefined;
  }

  @Query(() => [AreaImpact], { description: 'Which groups impact this area (led from it or recorded as impacting it), how badly, as far as the viewer may see' })
  async ocgsImpactingArea(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('crimeType', () => String, { nullable: true }) crimeType: string | undefined,
    @C() ctx: Ctx,
  ): Promise<AreaImpact[]> {
    const viewer = requireViewer(ctx);
    checkFilter({ crimeType });
    const { db, agencies } = ctx.services;
    await agencies.refresh();
    const area = await resolveArea(db, viewer, areaId);
    const family = await areaFamily(db, area.id);
    const [recorded, led] = await Promise.all([impacts(db, viewer, { areaIds: family, crimeType }), ocgsLedIn(db, viewer, family, crimeType)]);
    const views = await impactViews(ctx, viewer, recorded.map((r) => r.impact));
    const out: AreaImpact[] = views.map((v) => ({ ocg: v.ocg, relation: 'IMPACT', impact: v, band: v.band, harm: v.harm, assessedAt: v.assessedAt, reviewDue: v.reviewDue }));
    const overall = await latestOverall(db, viewer, led.map((o) => o.id));
    for (const o of led) {
      const ocg = redactNode(viewer, agencies, o, ctx.seen) as GraphNode | undefined;
      if (!ocg) continue;
      const h = overall.get(o.id);
      if (h) ctx.seen.add(h.id);
      out.push({ ocg, relation: 'LEAD', band: h?.band ?? null, harm: h?.total ?? null, assessedAt: h?.scoredAt ?? null, reviewDue: h?.reviewDue ?? null });
    }
    return out.sort((a, b) => (b.harm ?? -1) - (a.harm ?? -1));
  }

  @Query(() => [ImpactMatrixRow], { description: 'Impact records the viewer may see as matrix rows (area x group), highest harm first' })
  async impactMatrix(@Arg('filter', () => ImpactFilter, { nullable: true }) filter: ImpactFilter | undefined, @C() ctx: Ctx): Promise<ImpactMatrixRow[]> {
    const viewer = requireViewer(ctx);
    const rows = await filteredImpacts(ctx, viewer, filter);
    const views = await impactViews(ctx, viewer, rows.map((r) => r.impact));
    const raw = new Map(rows.map((r) => [r.impact.id, r]));
    const geo = await geography(ctx, viewer, views.map((v) => raw.get(v.id)!.impact.areaId));
    return views.map((v) => {
      const r = raw.get(v.id)!;
      const area = geo.get(r.impact.areaId);
      return {
        impactId: v.id, areaId: area?.id ?? v.area.id, areaName: area?.name ?? v.area.label, ocgId: v.ocg.id, ocgName: v.ocg.label,
        crimeTypes: v.ocg.restricted ? [] : ((r.ocg.crimeTypes as string[]) ?? []), harm: v.harm, band: v.band, assessedAt: v.assessedAt,
        reviewDue: v.reviewDue, reviewOverdue: v.reviewOverdue, status: v.status, access: v.access, affectedAgency: v.affectedAgency,
      };
    });
  }

  @Query(() => ImpactMap, {
    description: 'Areas with their boundaries (GeoJSON): your own, and every area an impact you may see touches; and impact flows from each group\u2019s lead area to the areas it impacts',
  })
  async impactMap(
    @Arg('filter', () => ImpactFilter, { nullable: true }) filter: ImpactFilter | undefined,
    @Arg('areaKinds', () => [String], { nullable: true, description: 'Kinds of your own areas to draw; FORCE by default' }) areaKinds: string[] | undefined,
    @C() ctx: Ctx,
  ): Promise<ImpactMap> {
    const viewer = requireViewer(ctx);
    const { db } = ctx.services;
    const rows = await filteredImpacts(ctx, viewer, filter);
    const views = await impactViews(ctx, viewer, rows.map((r) => r.impact));
    const raw = new Map(rows.map((r) => [r.impact.id, r.impact]));
    const shown = views.map((v) => raw.get(v.id)!);
    const own = (await areas(db, viewer, { kinds: areaKinds?.length ? areaKinds : ['FORCE'] }))
      .filter((a) => ['full', 'shared'].includes(decide(viewer, a as never)));
    const geo = await geography(ctx, viewer, [...own.map((a) => a.id), ...shown.flatMap((i) => [i.areaId, i.leadAreaId])], own);
    const out = new Map<string, MapArea>();
    for (const a of geo.values()) if (!out.has(a.id)) out.set(a.id, a);
    const flows: ImpactFlow[] = views.map((v, k) => {
      const i = shown[k]!;
      return {
        impactId: v.id, fromAreaId: (i.leadAreaId && geo.get(i.leadAreaId)?.id) || null, toAreaId: geo.get(i.areaId)?.id ?? v.area.id,
        ocgId: v.ocg.id, ocgName: v.ocg.label, band: v.band, harm: v.harm, status: v.status, access: v.access,
      };
    });
    return { areas: [...out.values()], flows };
  }

  @Query(() => GraphSlice, { nullable: true, description: 'A group and its direct network, as far as the viewer may see it' })
  async ocgNetwork(@Arg('ocgId', () => ID) ocgId: string, @Arg('limit', () => Int, { defaultValue: 200 }) limit: number, @C() ctx: Ctx): Promise<GraphSlice | undefined> {
    const viewer = requireViewer(ctx);
    checkLimit(limit);
    const { db, agencies } = ctx.services;
    await agencies.refresh();
    const ocg = await ocgById(db, ocgId);
    if (!ocg || !['full', 'shared'].includes(decide(viewer, ocg as never))) return undefined;
    const r = await neighbours(db, viewer, [ocgId], limit);
    return buildSlice(viewer, agencies, r.nodes, r.edges, { truncated: r.omitted > 0, omitted: r.omitted, seen: ctx.seen });
  }
}

@Resolver()
export class DisseminationResolver {
  @Mutation(() => DisseminationView, { description: 'Disseminate reports or an impact record (with its group) to a partner agency, sanitised and under handling conditions' })
  async disseminate(@Arg('input', () => DisseminationInput) input: DisseminationInput, @C() ctx: Ctx): Promise<DisseminationView> {
    const viewer = requireViewer(ctx, 'disseminate');
    const fields = validateDissemination(input, viewer.agency);
    const { record } = await disseminate(ctx.services.db, viewer, fields, `DIS-${randomUUID()}`, new Date().toISOString());
    for (const id of record.recordIds) ctx.seen.add(id);
    return (await disseminationViews(ctx, viewer, [record]))[0]!;
  }

  @Query(() => [DisseminationView], { description: 'What partners disseminated to your agency: sanitised text and conditions, never the original' })
  async disseminationsReceived(
    @Arg('since', () => String, { nullable: true }) since: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<DisseminationView[]> {
    const viewer = requireViewer(ctx);
    checkLimit(limit);
    return disseminationViews(ctx, viewer, await disseminations(ctx.services.db, viewer, { direction: 'received', since, limit }));
  }

  @Query(() => [DisseminationView], { description: 'What your agency disseminated, optionally of one record' })
  async disseminationsSent(
    @Arg('recordId', () => ID, { nullable: true }) recordId: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<DisseminationView[]> {
    const viewer = requireViewer(ctx);
    checkLimit(limit);
    return disseminationViews(ctx, viewer, await disseminations(ctx.services.db, viewer, { direction: 'sent', recordId, limit }));
  }

  @Mutation(() => NfdEntry, { description: 'Record an exceptional not-for-dissemination decision: justification required, the signed-in approver is recorded' })
  async recordNotForDissemination(@Arg('input', () => NfdInput) input: NfdInput, @C() ctx: Ctx): Promise<NfdEntry> {
    const viewer = requireViewer(ctx, 'approveNfd');
    const nfd = validateNfd({ justification: input.justification, approver: viewer.username });
    const row = await markNotForDissemination(ctx.services.db, viewer, input.recordId, nfd, new Date().toISOString());
    ctx.seen.add(row.id);
    return row;
  }

  @Query(() => NfdReport, { description: 'Records your agency holds as not for dissemination, with justification and approver (managers)' })
  async nfdReport(@Arg('limit', () => Int, { defaultValue: 200 }) limit: number, @C() ctx: Ctx): Promise<NfdReport> {
    const viewer = requireViewer(ctx, 'approveNfd');
    checkLimit(limit);
    const r = await nfdRecords(ctx.services.db, viewer, limit);
    for (const i of r.items) ctx.seen.add(i.id);
    return { count: r.total, items: r.items };
  }
}
