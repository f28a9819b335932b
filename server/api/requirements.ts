import { randomUUID } from 'node:crypto';
import { Arg, Ctx as C, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import {
  actionOverdue, assessCoverage, DEFAULT_REVIEW_PERIOD_DAYS, entityWindow, isOpenTask, rankGaps, rollUp, SEVERITY, taskFlags,
  validateAction, validateCollectionTask, validateDate, validateDecision, validateMeeting, required, type CoverageState, type Gap,
  ACTION_STATUS,
} from '../domain/coverage.js';
import { DomainError, forbidden, invalid, notFound } from '../domain/errors.js';
import { can, decide, type Viewer } from '../domain/policy.js';
import { todayIso, validateEntity, validateLink, type EntityRecord, type LinkRecord } from '../domain/validate.js';
import {
  collectionTasks, concernedEntities, planWithRequirements, questionEvidence, rawEntities, requirementStructure, setTaskStatus,
  taskById, taskingRecord, timeline, updateAction as updateActionRow, writeTaskingRecord, writeTask, type CollectionTaskRow, type TaskingLabel,
} from '../graph/requirements.js';
import { redactNode, type RawRecord } from '../graph/slice.js';
import { writeEntities, writeLinks } from '../graph/write.js';
import { requireViewer, type Ctx } from './context.js';
import { recordMarkings } from '../domain/coverage.js';
import { GraphNode, MarkingsInput } from './types.js';
import { TASK_STATUS } from '../domain/codes.js';

/**
 * Direction, collection and tasking: the requirement board with coverage per question, the gap
 * overlay for the chart, collection plans and tasks, what to collect next, and the tasking and
 * coordination record (meetings, decisions, actions, operational reviews) as a timeline. Coverage
 * is computed only from intelligence the viewer may see.
 */

export enum CoverageStateEnum { NONE = 'NONE', WEAK = 'WEAK', STALE = 'STALE', COVERED = 'COVERED' }
registerEnumType(CoverageStateEnum, {
  name: 'CoverageState',
  description: 'NONE: no intelligence; WEAK: only weak (source 3, assessment D/E) or a single uncorroborated source; STALE: nothing within the review period; COVERED',
});

// ---------------------------------------------------------------------------------------------
// Types

@ObjectType('QuestionCoverage', { simpleResolvers: true })
class QuestionCoverage {
  @Field(() => GraphNode) question!: GraphNode;
  @Field(() => CoverageStateEnum) state!: string;
  @Field(() => String) reason!: string;
  @Field(() => Int, { description: 'Visible reports that answer it or mention what it concerns' }) reportCount!: number;
  @Field(() => Int) recentCount!: number;
  @Field(() => Int, { description: 'Independent sources among recent reports that are not weak' }) sourceCount!: number;
  @Field(() => String, { nullable: true }) latestReportDate?: string | null;
  @Field(() => Int) reviewPeriodDays!: number;
}

@ObjectType('RequirementCard', { simpleResolvers: true })
class RequirementCard {
  @Field(() => GraphNode) requirement!: GraphNode;
  @Field(() => String, { nullable: true }) kind?: string | null;
  @Field(() => String, { nullable: true }) reviewDate?: string | null;
  @Field(() => Boolean) reviewOverdue!: boolean;
  @Field(() => CoverageStateEnum, { description: 'Worst of its questions' }) state!: string;
  @Field(() => Float, { description: 'Share of its questions COVERED, 0..1' }) coveredProportion!: number;
  @Field(() => [QuestionCoverage]) questions!: QuestionCoverage[];
}

@ObjectType('PriorityCard', { simpleResolvers: true })
class PriorityCard {
  @Field(() => GraphNode, { nullable: true, description: 'Null for requirements not linked to a priority the viewer may see' }) priority?: GraphNode | null;
  @Field(() => Int, { nullable: true }) rank?: number | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => CoverageStateEnum, { description: 'Worst of its requirements' }) state!: string;
  @Field(() => Float, { description: 'Share of its requirements COVERED, 0..1' }) coveredProportion!: number;
  @Field(() => [RequirementCard]) requirements!: RequirementCard[];
}

@ObjectType('EntityGap', { simpleResolvers: true, description: 'Coverage of an entity a requirement names, for colouring the chart' })
class EntityGap {
  @Field(() => ID) entityId!: string;
  @Field(() => GraphNode) entity!: GraphNode;
  @Field(() => CoverageStateEnum) state!: string;
  @Field(() => String) reason!: string;
  @Field(() => Int) reportCount!: number;
  @Field(() => Int) sourceCount!: number;
  @Field(() => String, { nullable: true }) latestReportDate?: string | null;
  @Field(() => [ID]) questionIds!: string[];
}

@ObjectType('CollectionTask', { simpleResolvers: true })
class CollectionTaskView {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field(() => String) method!: string;
  @Field(() => String) owner!: string;
  @Field(() => String) dueDate!: string;
  @Field(() => String) status!: string;
  @Field(() => String, { nullable: true, description: 'Necessity and proportionality' }) justification?: string | null;
  @Field(() => String, { nullable: true }) authorityRef?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [ID]) questionIds!: string[];
  @Field(() => [ID]) requirementIds!: string[];
  @Field(() => String, { nullable: true }) createdBy?: string | null;
  @Field(() => String, { nullable: true }) createdAt?: string | null;
  @Field(() => Boolean, { description: 'Due date passed and not DONE or CANCELLED' }) overdue!: boolean;
  @Field(() => Boolean, { description: 'No written justification (legacy or imported tasks)' }) unjustified!: boolean;
  @Field(() => Boolean, { description: 'Intrusive method without its authority reference' }) authorityMissing!: boolean;
}

@ObjectType('CollectionPlanDetail', { simpleResolvers: true })
class CollectionPlanDetail {
  @Field(() => GraphNode) plan!: GraphNode;
  @Field(() => [GraphNode]) requirements!: GraphNode[];
  @Field(() => [CollectionTaskView]) tasks!: CollectionTaskView[];
  @Field(() => Int) overdueCount!: number;
  @Field(() => Int) unjustifiedCount!: number;
}

@ObjectType('CollectionGap', { simpleResolvers: true, description: 'An open gap and the collection that addresses it' })
class CollectionGap {
  @Field(() => GraphNode, { nullable: true }) priority?: GraphNode | null;
  @Field(() => Int, { nullable: true }) priorityRank?: number | null;
  @Field(() => GraphNode) requirement!: GraphNode;
  @Field(() => GraphNode) question!: GraphNode;
  @Field(() => CoverageStateEnum) state!: string;
  @Field(() => Int, { description: '3 NONE, 2 WEAK, 1 STALE' }) severity!: number;
  @Field(() => String) reason!: string;
  @Field(() => [CollectionTaskView], { description: 'Tasks linked to the question, or plan-wide tasks for the requirement' }) tasks!: CollectionTaskView[];
  @Field(() => String, { nullable: true, description: 'Set when no open task addresses the gap' }) note?: string | null;
}

@InputType('CollectionTaskInput')
class CollectionTaskInput {
  @Field(() => ID) planId!: string;
  @Field(() => String) method!: string;
  @Field(() => String) owner!: string;
  @Field(() => String) dueDate!: string;
  @Field(() => String, { nullable: true, description: 'Required: why the collection is necessary and proportionate' }) justification?: string;
  @Field(() => String, { nullable: true, description: 'Required for CHIS_TASKING, SURVEILLANCE and COMMS_DATA' }) authorityRef?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => [ID], { nullable: true, description: 'Questions the task addresses; none means the plan\u2019s requirement as a whole' }) questionIds?: string[];
  @Field(() => String, { nullable: true }) status?: string;
}

@InputType('QuestionInput')
class QuestionInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => String, { nullable: true }) label?: string;
  @Field(() => String) text!: string;
  @Field(() => Int, { nullable: true }) reviewPeriodDays?: number;
  @Field(() => [ID], { nullable: true, description: 'Subjects, OCGs, locations or areas it concerns' }) concerns?: string[];
}

@InputType('RequirementInput')
class RequirementInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'STRATEGIC or TACTICAL' }) kind!: string;
  @Field(() => ID, { nullable: true }) priorityId?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String, { nullable: true }) reviewDate?: string;
  @Field(() => String, { nullable: true }) owner?: string;
  @Field(() => [QuestionInput], { nullable: true }) questions?: QuestionInput[];
  @Field(() => MarkingsInput, { nullable: true }) markings?: MarkingsInput;
}

@InputType('MeetingInput')
class MeetingInput {
  @Field(() => String, { description: 'STCG, TTCG, DMM or IU' }) kind!: string;
  @Field(() => String) date!: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) chair?: string;
  @Field(() => String, { nullable: true }) classification?: string;
}

@InputType('DecisionInput')
class DecisionInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true, description: 'Required: why' }) rationale?: string;
  @Field(() => [ID], { nullable: true, description: 'Priorities, requirements or other records it concerns' }) relatedIds?: string[];
}

@InputType('ActionInput')
class ActionInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => ID, { nullable: true }) decisionId?: string;
  @Field(() => String) text!: string;
  @Field(() => String) owner!: string;
  @Field(() => String) dueDate!: string;
  @Field(() => String, { nullable: true }) status?: string;
}

@InputType('ActionUpdate')
class ActionUpdate {
  @Field(() => String, { nullable: true }) status?: string;
  @Field(() => String, { nullable: true }) result?: string;
}

@InputType('OperationalReviewInput')
class OperationalReviewInput {
  @Field(() => String) operation!: string;
  @Field(() => String) date!: string;
  @Field(() => String) summary!: string;
  @Field(() => String, { nullable: true }) findings?: string;
  @Field(() => String, { nullable: true }) lessons?: string;
  @Field(() => ID, { nullable: true, description: 'The meeting that commissioned or received it' }) meetingId?: string;
}

@ObjectType('TimelineEntry', { simpleResolvers: true, description: 'A tasking and coordination record on the decision log' })
class TimelineEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'MEETING, DECISION, ACTION or REVIEW' }) kind!: string;
  @Field(() => String) date!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => String, { nullable: true }) rationale?: string | null;
  @Field(() => String, { nullable: true }) meetingKind?: string | null;
  @Field(() => ID, { nullable: true }) meetingId?: string | null;
  @Field(() => ID, { nullable: true }) decisionId?: string | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => String, { nullable: true }) dueDate?: string | null;
  @Field(() => String, { nullable: true }) status?: string | null;
  @Field(() => String, { nullable: true }) result?: string | null;
  @Field(() => Boolean) overdue!: boolean;
  @Field(() => [ID]) relatedIds!: string[];
  @Field(() => String) recordedBy!: string;
  @Field(() => String) recordedAt!: string;
}

// ---------------------------------------------------------------------------------------------
// Building the board

interface Board {
  cards: PriorityCard[];
  /** Per question: its coverage and where it sits, for collectNext. */
  questions: { q: QuestionCoverage; requirement: GraphNode; requirementId: string; priority: GraphNode | null; priorityRank: number | null; reason: string }[];
}

const numberOr = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

async function buildBoard(ctx: Ctx, viewer: Viewer, requirementIds: string[] | null = null): Promise<Board> {
  const { db, agencies } = ctx.services;
  await agencies.refresh();
  const today = todayIso();
  const { priorities, requirements } = await requirementStructure(db, viewer, requirementIds);
  const evidence = await questionEvidence(db, viewer, [...new Set(requirements.flatMap((r) => r.questions.map((q) => q.id)))]);
  const node = (r: RawRecord) => redactNode(viewer, agencies, r, ctx.seen) as GraphNode;
  const priorityById = new Map(priorities.map((p) => [p.id, p]));
  const questions: Board['questions'] = [];
  const cardsByPriority = new Map<string, RequirementCard[]>();
  for (const r of requirements) {
    const qs: QuestionCoverage[] = r.questions.map((q) => {
      const period = numberOr(q.reviewPeriodDays, DEFAULT_REVIEW_PERIOD_DAYS);
      const c = assessCoverage(evidence.get(q.id) ?? [], period, today);
      return {
        question: node(q), state: c.state, reason: c.reason, reportCount: c.reportCount, recentCount: c.recentCount,
        sourceCount: c.sourceCount, latestReportDate: c.latest, reviewPeriodDays: period,
      };
    }).sort((a, b) => a.question.label.localeCompare(b.question.label));
    const roll = rollUp(qs.map((q) => q.state as CoverageState));
    const reviewDate = (r.requirement.reviewDate as string) ?? null;
    const card: RequirementCard = {
      requirement: node(r.requirement), kind: (r.requirement.kind as string) ?? null, reviewDate,
      reviewOverdue: !!reviewDate && reviewDate < today, state: roll.state, coveredProportion: roll.coveredProportion, questions: qs,
    };
    const pids = r.priorityIds.filter((p) => priorityById.has(p) || requirementIds);
    for (const pid of pids.length ? pids : ['']) (cardsByPriority.get(pid) ?? cardsByPriority.set(pid, []).get(pid)!).push(card);
    const ranks = r.priorityIds.map((p) => priorityById.get(p)).filter((p): p is RawRecord => !!p);
    const best = ranks.sort((a, b) => numberOr(a.rank, 1e9) - numberOr(b.rank, 1e9))[0];
    for (const q of qs) {
      questions.push({
        q, requirement: card.requirement, requirementId: r.requirement.id, priority: best ? node(best) : null,
        priorityRank: best && typeof best.rank === 'number' ? best.rank : null, reason: q.reason,
      });
    }
  }
  const cards: PriorityCard[] = [];
  const ordered = [...priorities].sort((a, b) => numberOr(a.rank, 1e9) - numberOr(b.rank, 1e9) || String(a.label).localeCompare(String(b.label)));
  for (const p of ordered) {
    const reqs = cardsByPriority.get(p.id) ?? [];
    const roll = rollUp(reqs.map((r) => r.state as CoverageState));
    cards.push({ priority: node(p), rank: typeof p.rank === 'number' ? p.rank : null, owner: (p.owner as string) ?? null, state: roll.state, coveredProportion: roll.coveredProportion, requirements: reqs });
  }
  const loose = [...cardsByPriority].filter(([k]) => !priorityById.has(k)).flatMap(([, v]) => v);
  if (loose.length) {
    const roll = rollUp(loose.map((r) => r.state as CoverageState));
    cards.push({ priority: null, rank: null, owner: null, state: roll.state, coveredProportion: roll.coveredProportion, requirements: loose });
  }
  return { cards, questions };
}

function taskView(t: CollectionTaskRow & { requirementIds?: string[] }, today: string): CollectionTaskView {
  return {
    id: t.id, planId: t.planId, method: t.method, owner: t.owner, dueDate: t.dueDate, status: t.status,
    justification: t.justification ?? null, authorityRef: t.authorityRef ?? null, description: t.description ?? null,
    questionIds: t.questionIds ?? [], requirementIds: t.requirementIds ?? [], createdBy: t.createdBy ?? null, createdAt: t.createdAt ?? null,
    ...taskFlags(t, today),
  };
}


/** A tasking record the viewer may change: own agency, seen in full. */
async function ownRecord(ctx: Ctx, viewer: Viewer, label: TaskingLabel, id: string, field: string): Promise<RawRecord> {
  const r = await taskingRecord(ctx.services.db, label, id);
  if (!r || decide(viewer, r as never) !== 'full') throw notFound(label, id, field);
  return r;
}

function requireTasking(ctx: Ctx): Viewer & { displayName: string } {
  const viewer = requireViewer(ctx);
  if (!can(viewer, 'manageRequirements') && !can(viewer, 'write')) throw forbidden(`Your role (${viewer.role}) does not allow updating actions`);
  return viewer;
}

function timelineEntry(kind: TaskingLabel, r: RawRecord, meetings: Map<string, RawRecord>, today: string): TimelineEntry {
  const meeting = r.meetingId ? meetings.get(r.meetingId as string) : undefined;
  const k = { Meeting: 'MEETING', Decision: 'DECISION', Action: 'ACTION', OperationalReview: 'REVIEW' }[kind];
  const title = kind === 'Meeting' ? (r.title as string)
    : kind === 'OperationalReview' ? `Operational review: ${String(r.operation)}`
      : String(r.text).slice(0, 120);
  return {
    id: r.id, kind: k, date: r.date as string, title,
    text: kind === 'OperationalReview' ? ((r.summary as string) ?? null) : kind === 'Meeting' ? null : ((r.text as string) ?? null),
    rationale: (r.rationale as string) ?? null,
    meetingKind: kind === 'Meeting' ? (r.kind as string) : ((meeting?.kind as string) ?? null),
    meetingId: (r.meetingId as string) ?? null, decisionId: (r.decisionId as string) ?? null,
    owner: (r.owner as string) ?? null, dueDate: (r.dueDate as string) ?? null, status: (r.status as string) ?? null,
    result: (r.result as string) ?? ((r.findings as string) ?? null),
    overdue: kind === 'Action' && actionOverdue(r as { dueDate?: string; status?: string }, today),
    relatedIds: (r.relatedIds as string[]) ?? [], recordedBy: (r.recordedBy as string) ?? '', recordedAt: (r.createdAt as string) ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Resolvers

@Resolver()
export class RequirementResolver {
  @Query(() => [PriorityCard], { description: 'Control strategy priorities > requirements > questions, each with its coverage state' })
  async requirementBoard(@C() ctx: Ctx): Promise<PriorityCard[]> {
    const viewer = requireViewer(ctx);
    return (await buildBoard(ctx, viewer)).cards;
  }

  @Query(() => [EntityGap], { description: 'Entities the requirement names (via its questions) with their coverage, for colouring the chart' })
  async gapOverlay(@Arg('requirementId', () => ID) requirementId: string, @C() ctx: Ctx): Promise<EntityGap[]> {
    const viewer = requireViewer(ctx);
    const { db, agencies } = ctx.services;
    await agencies.refresh();
    const [req] = (await rawEntities(db, [requirementId])).values();
    if (!req || req.type !== 'IntelligenceRequirement' || !['full', 'shared'].includes(decide(viewer, req as never))) throw notFound('Requirement', requirementId, 'requirementId');
    ctx.seen.add(req.id);
    const today = todayIso();
    return (await concernedEntities(db, viewer, requirementId)).map((e) => {
      const c = assessCoverage(e.reports, entityWindow(e.periods), today);
      const entity = redactNode(viewer, agencies, e.entity, ctx.seen) as GraphNode;
      const reason = c.state === 'WEAK' && c.sourceCount === 1 ? 'Only one source' : c.reason;
      return { entityId: entity.id, entity, state: c.state, reason, reportCount: c.reportCount, sourceCount: c.sourceCount, latestReportDate: c.latest, questionIds: e.questionIds };
    });
  }

  @Query(() => [CollectionGap], { description: 'What to collect next: open gaps by priority rank and severity, with the tasks that address each' })
  async collectNext(@Arg('limit', () => Int, { defaultValue: 20 }) limit: number, @C() ctx: Ctx): Promise<CollectionGap[]> {
    const viewer = requireViewer(ctx);
    if (limit < 1 || limit > 500) throw invalid('limit', 'limit must be 1 to 500');
    const today = todayIso();
    const board = await buildBoard(ctx, viewer);
    const tasks = await collectionTasks(ctx.services.db, viewer, null);
    for (const t of tasks) ctx.seen.add(t.id);
    const addressing = (qid: string, rid: string) =>
      tasks.filter((t) => (t.questionIds ?? []).includes(qid) || (!(t.questionIds ?? []).length && t.requirementIds.includes(rid)));
    const gaps = board.questions.map((g) => {
      const ts = addressing(g.q.question.id, g.requirementId);
      return { ...g, tasks: ts, priorityRank: g.priorityRank, state: g.q.state as CoverageState, questionId: g.q.question.id, openTasks: ts.filter((t) => isOpenTask(t.status)).length } satisfies Gap & Record<string, unknown>;
    });
    return rankGaps(gaps).slice(0, limit).map((g) => ({
      priority: g.priority, priorityRank: g.priorityRank, requirement: g.requirement, question: g.q.question, state: g.state,
      severity: SEVERITY[g.state], reason: g.reason, tasks: g.tasks.map((t) => taskView(t, today)),
      note: g.openTasks ? null : 'No open collection task addresses this gap',
    }));
  }

  @Mutation(() => RequirementCard, { description: 'Create an intelligence requirement with its priority link and questions in one step' })
  async createRequirement(@Arg('input', () => RequirementInput) input: RequirementInput, @C() ctx: Ctx): Promise<RequirementCard> {
    const viewer = requireViewer(ctx, 'manageRequirements');
    const { db } = ctx.services;
    const newId = (p: string) => () => `${p}-${randomUUID()}`;
    const markings = { ...(input.markings ?? {}) };
    const req = validateEntity(
      { id: input.id, type: 'IntelligenceRequirement', label: input.label, props: { kind: input.kind, description: input.description, reviewDate: input.reviewDate, owner: input.owner }, markings },
      { defaultAgency: viewer.agency, newId: newId('IR') },
    );
    if (req.markings.agency !== viewer.agency) throw invalid('agency', 'You can only create records owned by your own agency');
    const questions: EntityRecord[] = [];
    const links: LinkRecord[] = [];
    const named = new Set<string>();
    if (input.priorityId) {
      links.push(validateLink({ source: req.id, target: input.priorityId, type: 'SUPPORTS', markings: { agency: viewer.agency } }, {}));
      named.add(input.priorityId);
    }
    (input.questions ?? []).forEach((q, i) => {
      let rec: EntityRecord;
      try {
        rec = validateEntity(
          { id: q.id, type: 'Question', label: q.label || q.text.slice(0, 200), props: { text: q.text, reviewPeriodDays: q.reviewPeriodDays }, markings: { classification: req.markings.classification, agency: viewer.agency } },
          { newId: newId('Q') },
        );
      } catch (e) {
        if (e instanceof DomainError && e.field) throw new DomainError(e.code, e.message, `questions[${i}].${e.field}`);
        throw e;
      }
      questions.push(rec);
      links.push(validateLink({ source: req.id, target: rec.id, type: 'ASKS', markings: { agency: viewer.agency } }, {}));
      for (const c of q.concerns ?? []) {
        links.push(validateLink({ source: rec.id, target: c, type: 'CONCERNS', markings: { agency: viewer.agency } }, {}));
        named.add(c);
      }
    });
    if (questions.length > 100) throw invalid('questions', 'At most 100 questions');
    const seenRaw = await rawEntities(db, [...named]);
    for (const id of named) {
      const r = seenRaw.get(id);
      if (!r || decide(viewer, r as never) !== 'full') throw notFound('Entity', id, 'id');
    }
    await db.writeTx(async (tx) => {
      const now = new Date().toISOString();
      await writeEntities(tx, [req, ...questions], now, { onlyNew: true });
      await writeLinks(tx, links, now);
    });
    const board = await buildBoard(ctx, viewer, [req.id]);
    return board.cards.flatMap((c) => c.requirements).find((r) => r.requirement.id === req.id)!;
  }

  @Query(() => CollectionPlanDetail, { nullable: true, description: 'A collection plan with its requirements and tasks, overdue and unjustified tasks flagged' })
  async collectionPlan(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<CollectionPlanDetail | undefined> {
    const viewer = requireViewer(ctx);
    const { db, agencies } = ctx.services;
    await agencies.refresh();
    const p = await planWithRequirements(db, viewer, id);
    if (!p || !['full', 'shared'].includes(decide(viewer, p.plan as never))) return undefined;
    const today = todayIso();
    const tasks = (await collectionTasks(db, viewer, [id])).map((t) => {
      ctx.seen.add(t.id);
      return taskView(t, today);
    });
    return {
      plan: redactNode(viewer, agencies, p.plan, ctx.seen) as GraphNode,
      requirements: p.requirements.map((r) => redactNode(viewer, agencies, r, ctx.seen) as GraphNode),
      tasks, overdueCount: tasks.filter((t) => t.overdue).length, unjustifiedCount: tasks.filter((t) => t.unjustified).length,
    };
  }

  @Mutation(() => CollectionTaskView, { description: 'Add a task to a collection plan; refused without a necessity and proportionality justification' })
  async addCollectionTask(@Arg('input', () => CollectionTaskInput) input: CollectionTaskInput, @C() ctx: Ctx): Promise<CollectionTaskView> {
    const viewer = requireViewer(ctx, 'write');
    const { db } = ctx.services;
    const fields = validateCollectionTask(input);
    const questionIds = [...new Set(input.questionIds ?? [])];
    if (questionIds.length > 50) throw invalid('questionIds', 'At most 50 questions');
    const found = await rawEntities(db, [input.planId, ...questionIds]);
    const plan = found.get(input.planId);
    if (!plan || plan.type !== 'CollectionPlan' || decide(viewer, plan as never) !== 'full') throw notFound('Collection plan', input.planId, 'planId');
    for (const q of questionIds) {
      const r = found.get(q);
      if (!r || r.type !== 'Question' || !['full', 'shared'].includes(decide(viewer, r as never))) throw notFound('Question', q, 'questionIds');
    }
    const now = new Date().toISOString();
    const row: CollectionTaskRow = {
      id: `CT-${randomUUID()}`, planId: plan.id, questionIds, ...fields, createdBy: viewer.username, createdAt: now, updatedAt: now,
      ...recordMarkings(viewer, plan.classification as string), compartments: (plan.compartments as string[]) ?? [],
    };
    await db.writeTx((tx) => writeTask(tx, row));
    ctx.seen.add(row.id);
    const [withReqs] = await collectionTasks(db, viewer, [plan.id]).then((ts) => ts.filter((t) => t.id === row.id));
    return taskView(withReqs ?? row, todayIso());
  }

  @Mutation(() => CollectionTaskView, { description: 'Move a collection task on (PLANNED, IN_PROGRESS, DONE, CANCELLED)' })
  async setCollectionTaskStatus(@Arg('id', () => ID) id: string, @Arg('status', () => String) status: string, @C() ctx: Ctx): Promise<CollectionTaskView> {
    const viewer = requireViewer(ctx, 'write');
    if (!(TASK_STATUS as readonly string[]).includes(status)) throw invalid('status', `Status must be one of ${TASK_STATUS.join(', ')}`);
    const t = await taskById(ctx.services.db, id);
    if (!t || decide(viewer, t as never) !== 'full') throw notFound('Collection task', id, 'id');
    await setTaskStatus(ctx.services.db, id, status, new Date().toISOString());
    ctx.seen.add(id);
    return taskView({ ...t, status }, todayIso());
  }
}

@Resolver()
export class TaskingResolver {
  @Mutation(() => TimelineEntry, { description: 'Record a tasking and coordination meeting (STCG, TTCG, DMM, IU)' })
  async createMeeting(@Arg('input', () => MeetingInput) input: MeetingInput, @C() ctx: Ctx): Promise<TimelineEntry> {
    const viewer = requireViewer(ctx, 'manageRequirements');
    const m = validateMeeting(input);
    const now = new Date().toISOString();
    const row: RawRecord = { id: `MTG-${randomUUID()}`, ...m, recordedBy: viewer.username, createdAt: now, ...recordMarkings(viewer, input.classification) };
    await writeTaskingRecord(ctx.services.db, 'Meeting', row);
    ctx.seen.add(row.id);
    return timelineEntry('Meeting', row, new Map(), todayIso());
  }

  @Mutation(() => TimelineEntry, { description: 'Record a decision with its rationale at a meeting; decisions are not edited afterwards' })
  async recordDecision(@Arg('input', () => DecisionInput) input: DecisionInput, @C() ctx: Ctx): Promise<TimelineEntry> {
    const viewer = requireViewer(ctx, 'manageRequirements');
    const d = validateDecision(input);
    const meeting = await ownRecord(ctx, viewer, 'Meeting', input.meetingId, 'meetingId');
    const relatedIds = [...new Set(input.relatedIds ?? [])];
    const rel = await rawEntities(ctx.services.db, relatedIds);
    for (const id of relatedIds) if (!rel.get(id) || !['full', 'shared'].includes(decide(viewer, rel.get(id) as never))) throw notFound('Entity', id, 'relatedIds');
    const now = new Date().toISOString();
    const row: RawRecord = {
      id: `DEC-${randomUUID()}`, meetingId: meeting.id, date: meeting.date, ...d, relatedIds, recordedBy: viewer.username, createdAt: now,
      ...recordMarkings(viewer, meeting.classification as string),
    };
    await writeTaskingRecord(ctx.services.db, 'Decision', row);
    ctx.seen.add(row.id);
    return timelineEntry('Decision', row, new Map([[meeting.id, meeting]]), todayIso());
  }

  @Mutation(() => TimelineEntry, { description: 'Raise an action at a meeting (optionally following a decision), with an owner and due date' })
  async addAction(@Arg('input', () => ActionInput) input: ActionInput, @C() ctx: Ctx): Promise<TimelineEntry> {
    const viewer = requireViewer(ctx, 'manageRequirements');
    const a = validateAction(input);
    const meeting = await ownRecord(ctx, viewer, 'Meeting', input.meetingId, 'meetingId');
    if (input.decisionId) {
      const d = await ownRecord(ctx, viewer, 'Decision', input.decisionId, 'decisionId');
      if (d.meetingId !== meeting.id) throw invalid('decisionId', 'That decision was recorded at another meeting');
    }
    const now = new Date().toISOString();
    const row: RawRecord = {
      id: `ACT-${randomUUID()}`, meetingId: meeting.id, decisionId: input.decisionId ?? null, date: meeting.date, ...a,
      recordedBy: viewer.username, createdAt: now, ...recordMarkings(viewer, meeting.classification as string),
    };
    await writeTaskingRecord(ctx.services.db, 'Action', row);
    ctx.seen.add(row.id);
    return timelineEntry('Action', row, new Map([[meeting.id, meeting]]), todayIso());
  }

  @Mutation(() => TimelineEntry, { description: 'Record progress or the result of an action' })
  async updateAction(@Arg('id', () => ID) id: string, @Arg('patch', () => ActionUpdate) patch: ActionUpdate, @C() ctx: Ctx): Promise<TimelineEntry> {
    const viewer = requireTasking(ctx);
    const current = await ownRecord(ctx, viewer, 'Action', id, 'id');
    if (patch.status && !(ACTION_STATUS as readonly string[]).includes(patch.status)) throw invalid('status', `Status must be one of ${ACTION_STATUS.join(', ')}`);
    const result = patch.result?.trim() ? required(patch.result, 'result', 'result') : null;
    if (patch.status === 'DONE' && !result && !current.result) throw invalid('result', 'Record the result when an action is done');
    const now = new Date().toISOString();
    await updateActionRow(ctx.services.db, id, { status: patch.status, result, updatedBy: viewer.username, now });
    ctx.seen.add(id);
    const row = (await taskingRecord(ctx.services.db, 'Action', id))!;
    return timelineEntry('Action', row, new Map(), todayIso());
  }

  @Mutation(() => TimelineEntry, { description: 'Record an operational review' })
  async recordOperationalReview(@Arg('input', () => OperationalReviewInput) input: OperationalReviewInput, @C() ctx: Ctx): Promise<TimelineEntry> {
    const viewer = requireViewer(ctx, 'manageRequirements');
    const meeting = input.meetingId ? await ownRecord(ctx, viewer, 'Meeting', input.meetingId, 'meetingId') : undefined;
    const now = new Date().toISOString();
    const row: RawRecord = {
      id: `OPR-${randomUUID()}`, meetingId: meeting?.id ?? null, operation: required(input.operation, 'operation', 'Name the operation', 200),
      date: validateDate(input.date, 'date'), summary: required(input.summary, 'summary', 'A review needs a summary'),
      findings: input.findings?.trim() || null, lessons: input.lessons?.trim() || null,
      recordedBy: viewer.username, createdAt: now, ...recordMarkings(viewer, meeting?.classification as string | undefined),
    };
    await writeTaskingRecord(ctx.services.db, 'OperationalReview', row);
    ctx.seen.add(row.id);
    return timelineEntry('OperationalReview', row, meeting ? new Map([[meeting.id, meeting]]) : new Map(), todayIso());
  }

  @Query(() => [TimelineEntry], { description: 'Meetings, decisions (with rationale), actions and operational reviews between two dates, oldest first' })
  async decisionLog(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('limit', () => Int, { defaultValue: 500 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<TimelineEntry[]> {
    const viewer = requireViewer(ctx);
    const f = validateDate(from, 'from');
    const t = validateDate(to, 'to');
    if (t < f) throw invalid('to', '`to` is before `from`');
    if (limit < 1 || limit > 2000) throw invalid('limit', 'limit must be 1 to 2000');
    const rows = (await timeline(ctx.services.db, viewer, f, t, limit)).filter((r) => ['full', 'shared'].includes(decide(viewer, r.record as never)));
    const meetings = new Map(rows.filter((r) => r.kind === 'Meeting').map((r) => [r.record.id, r.record]));
    const today = todayIso();
    return rows.map((r) => {
      ctx.seen.add(r.record.id);
      return timelineEntry(r.kind, r.record, meetings, today);
    });
  }
}
