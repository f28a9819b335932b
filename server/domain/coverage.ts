import { COLLECTION_METHODS, TASK_STATUS } from './codes.js';
import { invalid } from './errors.js';
import { addDays } from './harm.js';
import { validateMarkings } from './validate.js';

/**
 * The collection side of the cycle as pure rules: how well a question (or an entity a requirement
 * names) is covered by intelligence, how coverage rolls up, what to collect next, and what a
 * collection task or a tasking record must hold. Callers pass only the reports the viewer may see,
 * so no state or count here can reveal intelligence the viewer does not know exists.
 */

// ---------------------------------------------------------------------------------------------
// Coverage

export const COVERAGE_STATES = ['NONE', 'WEAK', 'STALE', 'COVERED'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

/**
 * How bad a gap is, for worst-of roll-ups and ranking. Nothing at all is worst; recent but weak or
 * single-source intelligence is worse than good intelligence that has gone out of date, because the
 * latter at least once answered the question to a standard.
 */
export const SEVERITY: Record<CoverageState, number> = { NONE: 3, WEAK: 2, STALE: 1, COVERED: 0 };

export interface EvidenceReport {
  id: string;
  sourceEvaluation?: string | null;
  intelAssessment?: string | null;
  sourceId?: string | null;
  eventDate?: string | null;
  recordedAt?: string | null;
  createdAt?: string | null;
}

export interface Coverage {
  state: CoverageState;
  reason: string;
  reportCount: number;
  recentCount: number;
  /** Independent sources among recent reports that are not weak. */
  sourceCount: number;
  latest: string | null;
}

/** Weak: an unreliable source (3) or intelligence not known / suspected false (D, E); an unknown grade counts as weak. */
export function isWeak(r: EvidenceReport): boolean {
  const se = r.sourceEvaluation ?? '';
  const ia = r.intelAssessment ?? '';
  return !['1', '2'].includes(se) || !['A', 'B', 'C'].includes(ia);
}

/** When the intelligence speaks of: the date of the events when known, else when it was recorded. */
export function reportDate(r: EvidenceReport): string | null {
  const d = r.eventDate ?? r.recordedAt ?? r.createdAt ?? null;
  return d ? d.slice(0, 10) : null;
}

/**
 * The coverage rule, in order:
 * - NONE: no report answers the question or mentions what it concerns;
 * - STALE: reports exist but none falls within the review period (undated reports are not recent);
 * - WEAK: every recent report is weak, or the recent reports that are not weak come from a single
 *   source and none of them is graded B (B means corroborated); reports with no recorded source
 *   count as independent, as in `linkStrength`;
 * - COVERED: otherwise.
 */
export function assessCoverage(reports: readonly EvidenceReport[], reviewPeriodDays: number, today: string): Coverage {
  const dates = reports.map(reportDate).filter((d): d is string => !!d).sort();
  const latest = dates[dates.length - 1] ?? null;
  const base = { reportCount: reports.length, latest };
  if (!reports.length) return { ...base, state: 'NONE', reason: 'No intelligence answers this', recentCount: 0, sourceCount: 0 };
  const cutoff = addDays(today, -reviewPeriodDays);
  const recent = reports.filter((r) => (reportDate(r) ?? '') >= cutoff);
  if (!recent.length) {
    return {
      ...base, state: 'STALE', recentCount: 0, sourceCount: 0,
      reason: latest ? `Nothing since ${latest}, outside the ${reviewPeriodDays}-day review period` : 'No dated intelligence within the review period',
    };
  }
  const strong = recent.filter((r) => !isWeak(r));
  const sources = new Set(strong.map((r, i) => r.sourceId ?? `unknown-${r.id ?? i}`));
  const counts = { ...base, recentCount: recent.length, sourceCount: sources.size };
  if (!strong.length) return { ...counts, state: 'WEAK', reason: 'Only weak intelligence (source 3, or assessment D or E)' };
  if (sources.size === 1 && !strong.some((r) => r.intelAssessment === 'B')) {
    return { ...counts, state: 'WEAK', reason: 'A single uncorroborated source' };
  }
  return { ...counts, state: 'COVERED', reason: `${sources.size === 1 ? 'Corroborated' : `${sources.size} independent sources`} within the review period` };
}

export const worst = (states: readonly CoverageState[]): CoverageState =>
  states.reduce<CoverageState>((w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w), 'COVERED');

export interface RollUp {
  state: CoverageState;
  /** Share of the parts that are COVERED, 0..1 (0 when there are none). */
  coveredProportion: number;
  counts: Record<CoverageState, number>;
}

/**
 * Roll-up of questions into a requirement and of requirements into a priority: the state is the
 * worst of its parts (a requirement is only as answered as its least answered question), and the
 * proportion covered is given beside it to show progress. Nothing to roll up is NONE: a requirement
 * with no questions asks nothing that collection could answer.
 */
export function rollUp(states: readonly CoverageState[]): RollUp {
  const counts = { NONE: 0, WEAK: 0, STALE: 0, COVERED: 0 } as Record<CoverageState, number>;
  for (const s of states) counts[s]++;
  if (!states.length) return { state: 'NONE', coveredProportion: 0, counts };
  return { state: worst(states), coveredProportion: Math.round((counts.COVERED / states.length) * 1000) / 1000, counts };
}

/** Review period used for an entity named by several questions: the shortest; 90 days when none is set. */
export const DEFAULT_REVIEW_PERIOD_DAYS = 90;
export function entityWindow(periods: readonly (number | null | undefined)[]): number {
  const known = periods.filter((p): p is number => typeof p === 'number' && p > 0);
  return known.length ? Math.min(...known) : DEFAULT_REVIEW_PERIOD_DAYS;
}

// ---------------------------------------------------------------------------------------------
// What to collect next

export interface Gap {
  priorityRank: number | null;
  state: CoverageState;
  requirementId: string;
  questionId: string;
  /** Tasks that address the gap and are still open. */
  openTasks: number;
}

/**
 * Open gaps (anything not COVERED), most urgent first: by control-strategy priority rank (1 first,
 * unranked last), then severity, then gaps nobody is collecting against, then ids for a stable order.
 */
export function rankGaps<T extends Gap>(gaps: readonly T[]): T[] {
  const rank = (g: Gap) => g.priorityRank ?? Number.POSITIVE_INFINITY;
  return gaps
    .filter((g) => g.state !== 'COVERED')
    .sort((a, b) =>
      rank(a) - rank(b) ||
      SEVERITY[b.state] - SEVERITY[a.state] ||
      Number(a.openTasks > 0) - Number(b.openTasks > 0) ||
      a.requirementId.localeCompare(b.requirementId) ||
      a.questionId.localeCompare(b.questionId));
}

// ---------------------------------------------------------------------------------------------
// Collection tasks

export type CollectionMethod = (typeof COLLECTION_METHODS)[number];
export type TaskStatus = (typeof TASK_STATUS)[number];

/** Intrusive methods and the authority each needs recorded before it is tasked. */
export const AUTHORITY_REQUIRED: Partial<Record<CollectionMethod, string>> = {
  CHIS_TASKING: 'a CHIS authorisation reference',
  SURVEILLANCE: 'a surveillance authority reference',
  COMMS_DATA: 'a communications data authorisation reference',
};

export interface CollectionTaskInput {
  method?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  status?: string | null;
  justification?: string | null;
  authorityRef?: string | null;
  description?: string | null;
}

export interface CollectionTaskFields {
  method: CollectionMethod;
  owner: string;
  dueDate: string;
  status: TaskStatus;
  justification: string;
  authorityRef: string | null;
  description: string | null;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.normalize('NFC').trim().slice(0, max) : '');

export const MIN_JUSTIFICATION = 10;

/** A task needs a method, an owner, a due date and a written necessity and proportionality justification. */
export function validateCollectionTask(input: CollectionTaskInput): CollectionTaskFields {
  const method = text(input.method, 40) as CollectionMethod;
  if (!(COLLECTION_METHODS as readonly string[]).includes(method)) throw invalid('method', `Method must be one of ${COLLECTION_METHODS.join(', ')}`);
  const owner = text(input.owner, 200);
  if (!owner) throw invalid('owner', 'A collection task needs an owner');
  const dueDate = text(input.dueDate, 10);
  if (!DATE_RE.test(dueDate) || Number.isNaN(Date.parse(dueDate))) throw invalid('dueDate', 'A due date is YYYY-MM-DD');
  const status = (text(input.status, 20) || 'PLANNED') as TaskStatus;
  if (!(TASK_STATUS as readonly string[]).includes(status)) throw invalid('status', `Status must be one of ${TASK_STATUS.join(', ')}`);
  const justification = text(input.justification, 4000);
  if (justification.length < MIN_JUSTIFICATION) {
    throw invalid('justification', 'Write down why this collection is necessary and proportionate');
  }
  const authorityRef = text(input.authorityRef, 100) || null;
  const needs = AUTHORITY_REQUIRED[method];
  if (needs && !authorityRef) throw invalid('authorityRef', `${method} needs ${needs}`);
  return { method, owner, dueDate, status, justification, authorityRef, description: text(input.description, 4000) || null };
}

export interface TaskFlags {
  overdue: boolean;
  /** Legacy or imported tasks recorded without a justification. */
  unjustified: boolean;
  /** Intrusive tasks recorded without their authority reference. */
  authorityMissing: boolean;
}

export const isOpenTask = (status: string | null | undefined) => status !== 'DONE' && status !== 'CANCELLED';

export function taskFlags(t: { method?: string | null; dueDate?: string | null; status?: string | null; justification?: string | null; authorityRef?: string | null }, today: string): TaskFlags {
  return {
    overdue: !!t.dueDate && t.dueDate.slice(0, 10) < today && isOpenTask(t.status),
    unjustified: (t.justification ?? '').trim().length < MIN_JUSTIFICATION,
    authorityMissing: !!AUTHORITY_REQUIRED[t.method as CollectionMethod] && !(t.authorityRef ?? '').trim(),
  };
}

// ---------------------------------------------------------------------------------------------
// Tasking and coordination records

export const MEETING_KINDS = {
  STCG: 'Strategic tasking and coordination group',
  TTCG: 'Tactical tasking and coordination group',
  DMM: 'Daily management meeting',
  IU: 'Intelligence unit meeting',
} as const;
export type MeetingKind = keyof typeof MEETING_KINDS;
export const ACTION_STATUS = ['OPEN', 'IN_PROGRESS', 'DONE', 'ESCALATED', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUS)[number];

export function validateDate(v: unknown, field: string): string {
  const s = text(v, 10);
  if (!DATE_RE.test(s) || Number.isNaN(Date.parse(s))) throw invalid(field, `${field} is a date as YYYY-MM-DD`);
  return s;
}

export function required(v: unknown, field: string, what: string, max = 4000): string {
  const s = text(v, max + 1);
  if (!s) throw invalid(field, what);
  if (s.length > max) throw invalid(field, `${field}: at most ${max} characters`);
  return s;
}

export function validateMeeting(m: { kind?: string | null; date?: string | null; title?: string | null; chair?: string | null }) {
  const kind = text(m.kind, 10) as MeetingKind;
  if (!Object.hasOwn(MEETING_KINDS, kind)) throw invalid('kind', `Meeting kind must be one of ${Object.keys(MEETING_KINDS).join(', ')}`);
  const date = validateDate(m.date, 'date');
  const title = text(m.title, 200) || `${MEETING_KINDS[kind]} ${date}`;
  return { kind, date, title, chair: text(m.chair, 200) || null };
}

/** A decision is an auditable record: what was decided and why. */
export function validateDecision(d: { text?: string | null; rationale?: string | null }) {
  return {
    text: required(d.text, 'text', 'A decision needs its text'),
    rationale: required(d.rationale, 'rationale', 'A decision needs its rationale: record why it was made'),
  };
}

export function validateAction(a: { text?: string | null; owner?: string | null; dueDate?: string | null; status?: string | null; result?: string | null }) {
  const status = (text(a.status, 20) || 'OPEN') as ActionStatus;
  if (!(ACTION_STATUS as readonly string[]).includes(status)) throw invalid('status', `Status must be one of ${ACTION_STATUS.join(', ')}`);
  return {
    text: required(a.text, 'text', 'An action needs its text'),
    owner: required(a.owner, 'owner', 'An action needs an owner', 200),
    dueDate: validateDate(a.dueDate, 'dueDate'),
    status,
    result: text(a.result, 4000) || null,
  };
}

export function actionOverdue(a: { dueDate?: string | null; status?: string | null }, today: string): boolean {
  return !!a.dueDate && a.dueDate < today && !['DONE', 'CANCELLED'].includes(a.status ?? '');
}

/** The markings of a tasking record (meeting, decision, action, review, task): the recorder's agency, at the classification given. */
export function recordMarkings(viewer: { agency: string }, classification?: string | null) {
  const m = validateMarkings({ classification: classification ?? undefined }, { agency: viewer.agency });
  return { ...m, disseminatedTo: [] as string[], nfd: false };
}
