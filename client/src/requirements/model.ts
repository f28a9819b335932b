import { ApiError } from '../api.js';

/**
 * The requirement side of the client: the shapes the requirement API answers with, its queries,
 * and the small pure rules the views share (wording, ordering, dates). Views talk to the API only
 * through `Requester.request`, as the investigations panel does.
 */
export interface Requester {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export type CoverageState = 'NONE' | 'WEAK' | 'STALE' | 'COVERED';
export const COVERAGE_ORDER: readonly CoverageState[] = ['NONE', 'WEAK', 'STALE', 'COVERED'];

export interface NodeRef {
  id: string;
  type: string;
  label: string;
  restricted: boolean;
  heldBy?: string | null;
  props: Record<string, unknown>;
}

export interface QuestionCoverage {
  question: NodeRef;
  state: CoverageState;
  reason: string;
  reportCount: number;
  recentCount: number;
  sourceCount: number;
  latestReportDate: string | null;
  reviewPeriodDays: number;
}

export interface RequirementCard {
  requirement: NodeRef;
  kind: string | null;
  reviewDate: string | null;
  reviewOverdue: boolean;
  state: CoverageState;
  coveredProportion: number;
  questions: QuestionCoverage[];
}

export interface PriorityCard {
  priority: NodeRef | null;
  rank: number | null;
  owner: string | null;
  state: CoverageState;
  coveredProportion: number;
  requirements: RequirementCard[];
}

export interface CollectionTask {
  id: string;
  planId: string;
  method: string;
  owner: string;
  dueDate: string;
  status: string;
  justification: string | null;
  authorityRef: string | null;
  description: string | null;
  questionIds: string[];
  requirementIds: string[];
  createdBy: string | null;
  createdAt: string | null;
  overdue: boolean;
  unjustified: boolean;
  authorityMissing: boolean;
}

export interface CollectionGap {
  priority: NodeRef | null;
  priorityRank: number | null;
  requirement: NodeRef;
  question: NodeRef;
  state: CoverageState;
  severity: number;
  reason: string;
  tasks: CollectionTask[];
  note: string | null;
}

export interface CollectionPlanDetail {
  plan: NodeRef;
  requirements: NodeRef[];
  tasks: CollectionTask[];
  overdueCount: number;
  unjustifiedCount: number;
}

export interface EntityGap {
  entityId: string;
  entity: NodeRef;
  state: CoverageState;
  reason: string;
  reportCount: number;
  sourceCount: number;
  latestReportDate: string | null;
  questionIds: string[];
}

export interface TimelineEntry {
  id: string;
  kind: 'MEETING' | 'DECISION' | 'ACTION' | 'REVIEW';
  date: string;
  title: string;
  text: string | null;
  rationale: string | null;
  meetingKind: string | null;
  meetingId: string | null;
  decisionId: string | null;
  owner: string | null;
  dueDate: string | null;
  status: string | null;
  result: string | null;
  overdue: boolean;
  relatedIds: string[];
  recordedBy: string;
  recordedAt: string;
}

export interface NewTask {
  planId: string;
  method: string;
  owner: string;
  dueDate: string;
  justification: string;
  authorityRef: string;
  description: string;
  questionIds: string[];
}

const NODE = 'id type label restricted heldBy props';
const TASK = 'id planId method owner dueDate status justification authorityRef description questionIds requirementIds createdBy createdAt overdue unjustified authorityMissing';

export const Q = {
  board: `query RequirementBoard{ requirementBoard{ priority{ ${NODE} } rank owner state coveredProportion
    requirements{ requirement{ ${NODE} } kind reviewDate reviewOverdue state coveredProportion
      questions{ question{ ${NODE} } state reason reportCount recentCount sourceCount latestReportDate reviewPeriodDays } } } }`,
  requirementList: 'query RequirementList{ requirementBoard{ requirements{ requirement{ id label } } } }',
  collectNext: `query CollectNext($limit:Int!){ collectNext(limit:$limit){ priority{ ${NODE} } priorityRank requirement{ ${NODE} } question{ ${NODE} }
    state severity reason note tasks{ ${TASK} } } }`,
  gapOverlay: `query GapOverlay($id:ID!){ gapOverlay(requirementId:$id){ entityId entity{ ${NODE} } state reason reportCount sourceCount latestReportDate questionIds } }`,
  plansFor: `query PlansFor($id:ID!){ neighbourPage(id:$id, linkType:"PLANS_FOR", entityType:"CollectionPlan", first:50){ slice{ nodes{ ${NODE} } } } }`,
  plan: `query CollectionPlan($id:ID!){ collectionPlan(id:$id){ plan{ ${NODE} } requirements{ ${NODE} } tasks{ ${TASK} } overdueCount unjustifiedCount } }`,
  addTask: `mutation AddCollectionTask($i:CollectionTaskInput!){ addCollectionTask(input:$i){ ${TASK} } }`,
  setTaskStatus: `mutation SetCollectionTaskStatus($id:ID!,$s:String!){ setCollectionTaskStatus(id:$id, status:$s){ ${TASK} } }`,
  createPlan: 'mutation CreatePlan($i:EntityInput!){ createEntity(input:$i){ id } }',
  linkPlan: 'mutation LinkPlan($i:LinkInput!){ createLink(input:$i){ id } }',
  decisionLog: `query DecisionLog($f:String!,$t:String!){ decisionLog(from:$f, to:$t){ id kind date title text rationale meetingKind meetingId decisionId
    owner dueDate status result overdue relatedIds recordedBy recordedAt } }`,
};

// ---------------------------------------------------------------------------------------------
// Wording

export const MEETING_TITLES: Record<string, string> = {
  STCG: 'Strategic tasking and coordination group',
  TTCG: 'Tactical tasking and coordination group',
  DMM: 'Daily management meeting',
  IU: 'Intelligence unit meeting',
};

export const METHOD_TITLES: Record<string, string> = {
  CHIS_TASKING: 'CHIS tasking', ANPR: 'ANPR', OPEN_SOURCE: 'Open-source research', COMMS_DATA: 'Communications data',
  PARTNER_REQUEST: 'Partner request', SURVEILLANCE: 'Surveillance', FINANCIAL: 'Financial enquiry', PRISON_INTEL: 'Prison intelligence',
};
export const methodTitle = (m: string): string => METHOD_TITLES[m] ?? m;
export const statusTitle = (s: string | null | undefined): string => (s ? s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ') : '');

/** Strategic or tactical, as the decision log groups meetings. */
export const meetingLevel = (kind: string | null | undefined): string =>
  kind === 'STCG' ? 'Strategic' : kind === 'TTCG' || kind === 'DMM' ? 'Tactical' : kind === 'IU' ? 'Intelligence unit' : '';

export const ENTRY_TITLES: Record<TimelineEntry['kind'], string> = { MEETING: 'Meeting', DECISION: 'Decision', ACTION: 'Action', REVIEW: 'Operational review' };

export const percent = (p: number): string => `${Math.round(p * 100)}%`;

/** "1 of 4 questions covered (25%)" */
export function coveredText(covered: number, total: number, noun: string): string {
  if (!total) return `no ${noun}s`;
  return `${covered} of ${total} ${noun}${total === 1 ? '' : 's'} covered (${percent(covered / total)})`;
}

export function countStates(states: readonly CoverageState[]): Record<CoverageState, number> {
  const c = { NONE: 0, WEAK: 0, STALE: 0, COVERED: 0 };
  for (const s of states) c[s]++;
  return c;
}

/** What lies behind a question's state, in numbers, beside the server's reason. */
export function evidenceFacts(q: Pick<QuestionCoverage, 'reportCount' | 'recentCount' | 'sourceCount' | 'latestReportDate' | 'reviewPeriodDays'>): string {
  if (!q.reportCount) return `No reports you may see · ${q.reviewPeriodDays}-day review period`;
  const parts = [
    `${q.reportCount} report${q.reportCount === 1 ? '' : 's'}`,
    `${q.recentCount} within ${q.reviewPeriodDays} days`,
    `${q.sourceCount} independent good source${q.sourceCount === 1 ? '' : 's'}`,
  ];
  if (q.latestReportDate) parts.push(`latest ${q.latestReportDate}`);
  return parts.join(' · ');
}

export const questionText = (q: NodeRef): string => (typeof q.props?.text === 'string' && q.props.text ? q.props.text : q.label);

// ---------------------------------------------------------------------------------------------
// Dates

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

export function addDaysIso(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Errors

export interface FieldError { message: string; field: string | null; code: string }

export function fieldError(e: unknown): FieldError {
  if (e instanceof ApiError) return { message: e.message, field: e.field ?? null, code: e.code };
  return { message: e instanceof Error ? e.message : String(e), field: null, code: 'ERROR' };
}

/** All requirements on the board, in board order (priority rank, then label), once each. */
export function requirementsOf(board: readonly PriorityCard[]): RequirementCard[] {
  const seen = new Set<string>();
  const out: RequirementCard[] = [];
  for (const p of board) {
    for (const r of p.requirements) {
      if (seen.has(r.requirement.id)) continue;
      seen.add(r.requirement.id);
      out.push(r);
    }
  }
  return out;
}
