import { describe, expect, it } from 'vitest';
import {
  assessCoverage, entityWindow, isWeak, rankGaps, reportDate, rollUp, taskFlags, validateAction, validateCollectionTask,
  validateDecision, validateMeeting, worst, type CoverageState, type EvidenceReport,
} from '../../server/domain/coverage.js';

const TODAY = '2026-06-30';
let n = 0;
/** A report: grade like '1A', days before today, source id. */
const r = (grade: string, daysAgo: number | null, sourceId: string | null = null): EvidenceReport => {
  const d = daysAgo === null ? null : new Date(Date.parse(`${TODAY}T00:00:00Z`) - daysAgo * 86400000).toISOString().slice(0, 10);
  return { id: `R${++n}`, sourceEvaluation: grade[0], intelAssessment: grade[1], sourceId, eventDate: d };
};

describe('coverage of a question', () => {
  it.each<[string, EvidenceReport[], CoverageState, string]>([
    ['no reports', [], 'NONE', 'No intelligence'],
    ['one old strong report', [r('1A', 100, 'S1')], 'STALE', 'outside the 28-day'],
    ['old reports from two sources', [r('1A', 60, 'S1'), r('2B', 45, 'S2')], 'STALE', 'outside'],
    ['only undated reports', [r('1A', null, 'S1'), r('1B', null, 'S2')], 'STALE', ''],
    ['a recent unreliable source (3)', [r('3A', 1, 'S1')], 'WEAK', 'Only weak'],
    ['a recent D assessment', [r('1D', 1, 'S1')], 'WEAK', 'Only weak'],
    ['a recent E assessment', [r('2E', 1, 'S1'), r('1E', 2, 'S2')], 'WEAK', 'Only weak'],
    ['a single source, even graded A', [r('1A', 1, 'S1')], 'WEAK', 'single uncorroborated'],
    ['two reports from the same source', [r('1A', 1, 'S1'), r('2C', 3, 'S1')], 'WEAK', 'single uncorroborated'],
    ['a single source graded B (corroborated)', [r('2B', 5, 'S1')], 'COVERED', 'Corroborated'],
    ['two independent sources', [r('1A', 1, 'S1'), r('2C', 10, 'S2')], 'COVERED', '2 independent sources'],
    ['reports with no recorded source count as independent', [r('1C', 1), r('2C', 2)], 'COVERED', '2 independent'],
    ['a second source that is weak does not corroborate', [r('1A', 1, 'S1'), r('3A', 1, 'S2')], 'WEAK', 'single uncorroborated'],
    ['recent weak beside old strong is weak, not stale', [r('1A', 90, 'S1'), r('2B', 90, 'S2'), r('3D', 2, 'S3')], 'WEAK', 'Only weak'],
    ['one recent strong pair among old ones', [r('1A', 300, 'S1'), r('1C', 27, 'S2'), r('2C', 0, 'S3')], 'COVERED', ''],
  ])('%s: %s', (_what, reports, state, reason) => {
    const c = assessCoverage(reports, 28, TODAY);
    expect(c.state).toBe(state);
    expect(c.reason).toContain(reason);
    expect(c.reportCount).toBe(reports.length);
  });

  it('the review period is the question\u2019s: the same report is covered or stale by period', () => {
    const reports = [r('1A', 20, 'S1'), r('1A', 20, 'S2')];
    expect(assessCoverage(reports, 28, TODAY).state).toBe('COVERED');
    expect(assessCoverage(reports, 14, TODAY).state).toBe('STALE');
  });

  it('a report exactly at the edge of the period is recent', () => {
    expect(assessCoverage([r('1A', 28, 'S1'), r('1A', 28, 'S2')], 28, TODAY).state).toBe('COVERED');
    expect(assessCoverage([r('1A', 29, 'S1'), r('1A', 29, 'S2')], 28, TODAY).state).toBe('STALE');
  });

  it.each([
    ['1A', false], ['2C', false], ['2B', false], ['3A', true], ['1D', true], ['1E', true], ['XA', true], ['1Z', true],
  ])('grade %s is weak: %s', (g, weak) => {
    expect(isWeak({ id: 'x', sourceEvaluation: g[0], intelAssessment: g[1] })).toBe(weak);
  });

  it('dates a report by its events, else by when it was recorded', () => {
    expect(reportDate({ id: 'x', eventDate: '2026-01-02', recordedAt: '2026-03-01T10:00:00Z' })).toBe('2026-01-02');
    expect(reportDate({ id: 'x', recordedAt: '2026-03-01T10:00:00Z' })).toBe('2026-03-01');
    expect(reportDate({ id: 'x' })).toBeNull();
  });
});

describe('roll-up (worst of, with the proportion covered)', () => {
  it.each<[CoverageState[], CoverageState, number]>([
    [[], 'NONE', 0],
    [['COVERED'], 'COVERED', 1],
    [['COVERED', 'STALE'], 'STALE', 0.5],
    [['COVERED', 'STALE', 'WEAK'], 'WEAK', 0.333],
    [['COVERED', 'COVERED', 'COVERED', 'NONE'], 'NONE', 0.75],
    [['STALE', 'WEAK', 'STALE'], 'WEAK', 0],
  ])('%j rolls up to %s (%d covered)', (states, state, proportion) => {
    const u = rollUp(states);
    expect(u.state).toBe(state);
    expect(u.coveredProportion).toBe(proportion);
    expect(Object.values(u.counts).reduce((a, b) => a + b, 0)).toBe(states.length);
  });

  it('orders severity NONE > WEAK > STALE > COVERED', () => {
    expect(worst(['STALE', 'WEAK'])).toBe('WEAK');
    expect(worst(['COVERED', 'STALE'])).toBe('STALE');
    expect(worst(['WEAK', 'NONE', 'COVERED'])).toBe('NONE');
  });

  it.each([
    [[], 90], [[null, undefined], 90], [[28], 28], [[90, 14, null], 14],
  ])('an entity named by questions with periods %j is judged over %d days', (periods, days) => {
    expect(entityWindow(periods as number[])).toBe(days);
  });
});

describe('what to collect next', () => {
  const g = (requirementId: string, questionId: string, priorityRank: number | null, state: CoverageState, openTasks = 0) =>
    ({ requirementId, questionId, priorityRank, state, openTasks });
  it('ranks open gaps by priority rank, then severity, then gaps nobody collects against; drops covered ones', () => {
    const ranked = rankGaps([
      g('R3', 'Q1', null, 'NONE'),
      g('R2', 'Q2', 2, 'STALE'),
      g('R1', 'Q3', 1, 'STALE'),
      g('R1', 'Q4', 1, 'NONE', 1),
      g('R1', 'Q5', 1, 'COVERED'),
      g('R2', 'Q6', 2, 'NONE', 2),
      g('R2', 'Q7', 2, 'NONE', 0),
      g('R1', 'Q8', 1, 'WEAK'),
    ]);
    expect(ranked.map((x) => x.questionId)).toEqual(['Q4', 'Q8', 'Q3', 'Q7', 'Q6', 'Q2', 'Q1']);
  });
});

describe('collection tasks', () => {
  const ok = { method: 'ANPR', owner: 'DS Collection', dueDate: '2026-07-01', justification: 'Necessary to locate the principal; least intrusive means available.' };
  it.each([
    ['no justification', { ...ok, justification: undefined }, 'justification'],
    ['a token justification', { ...ok, justification: 'n/a' }, 'justification'],
    ['an unknown method', { ...ok, method: 'TELEPATHY' }, 'method'],
    ['no owner', { ...ok, owner: ' ' }, 'owner'],
    ['a bad due date', { ...ok, dueDate: '01/07/2026' }, 'dueDate'],
    ['an unknown status', { ...ok, status: 'MAYBE' }, 'status'],
    ['CHIS tasking without an authority', { ...ok, method: 'CHIS_TASKING' }, 'authorityRef'],
    ['surveillance without an authority', { ...ok, method: 'SURVEILLANCE' }, 'authorityRef'],
    ['communications data without an authorisation', { ...ok, method: 'COMMS_DATA' }, 'authorityRef'],
  ])('refuses %s', (_what, input, field) => {
    expect(() => validateCollectionTask(input)).toThrow(expect.objectContaining({ code: 'VALIDATION', field }));
  });

  it('accepts a justified task, and intrusive ones with their authority', () => {
    expect(validateCollectionTask(ok)).toMatchObject({ method: 'ANPR', status: 'PLANNED', authorityRef: null });
    expect(validateCollectionTask({ ...ok, method: 'COMMS_DATA', authorityRef: 'OCDA/2026/0042' })).toMatchObject({ authorityRef: 'OCDA/2026/0042' });
  });

  it.each([
    [{ dueDate: '2026-06-29', status: 'PLANNED', justification: ok.justification }, { overdue: true, unjustified: false, authorityMissing: false }],
    [{ dueDate: '2026-06-29', status: 'DONE', justification: ok.justification }, { overdue: false, unjustified: false, authorityMissing: false }],
    [{ dueDate: '2026-06-29', status: 'CANCELLED', justification: ok.justification }, { overdue: false, unjustified: false, authorityMissing: false }],
    [{ dueDate: '2026-06-30', status: 'IN_PROGRESS', justification: ok.justification }, { overdue: false, unjustified: false, authorityMissing: false }],
    [{ dueDate: '2026-07-30', status: 'PLANNED', justification: null }, { overdue: false, unjustified: true, authorityMissing: false }],
    [{ method: 'SURVEILLANCE', dueDate: '2026-01-01', status: 'PLANNED', justification: '' }, { overdue: true, unjustified: true, authorityMissing: true }],
  ])('flags %j as %j', (task, flags) => {
    expect(taskFlags(task, TODAY)).toEqual(flags);
  });
});

describe('tasking records', () => {
  it('a decision needs its rationale', () => {
    expect(() => validateDecision({ text: 'Adopt the county lines problem profile' })).toThrow(expect.objectContaining({ field: 'rationale' }));
    expect(validateDecision({ text: 'Adopt', rationale: 'Harm to children' })).toEqual({ text: 'Adopt', rationale: 'Harm to children' });
  });
  it.each([
    [{ kind: 'COFFEE', date: '2026-01-01' }, 'kind'],
    [{ kind: 'TTCG', date: 'tomorrow' }, 'date'],
  ])('refuses the meeting %j', (m, field) => {
    expect(() => validateMeeting(m)).toThrow(expect.objectContaining({ field }));
  });
  it('an action needs an owner and a due date', () => {
    expect(() => validateAction({ text: 'Do it', dueDate: '2026-01-01' })).toThrow(expect.objectContaining({ field: 'owner' }));
    expect(() => validateAction({ text: 'Do it', owner: 'DI Smith' })).toThrow(expect.objectContaining({ field: 'dueDate' }));
    expect(validateAction({ text: 'Do it', owner: 'DI Smith', dueDate: '2026-01-01' })).toMatchObject({ status: 'OPEN' });
  });
});
