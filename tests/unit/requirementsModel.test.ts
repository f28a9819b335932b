import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api.js';
import {
  addDaysIso, countStates, coveredText, evidenceFacts, fieldError, meetingLevel, methodTitle, requirementsOf, type PriorityCard,
} from '../../client/src/requirements/model.js';

/** The requirement views' shared wording and rules, as plain functions. */
describe('requirement view rules', () => {
  it.each<[number, number, string, string]>([
    [1, 4, 'question', '1 of 4 questions covered (25%)'],
    [0, 1, 'requirement', '0 of 1 requirement covered (0%)'],
    [2, 3, 'question', '2 of 3 questions covered (67%)'],
    [0, 0, 'question', 'no questions'],
  ])('%i of %i %s: %s', (covered, total, noun, text) => {
    expect(coveredText(covered, total, noun)).toBe(text);
  });

  it('counts states for the roll-up bar', () => {
    expect(countStates(['NONE', 'WEAK', 'NONE', 'COVERED'])).toEqual({ NONE: 2, WEAK: 1, STALE: 0, COVERED: 1 });
  });

  it('states the evidence behind a question in numbers', () => {
    expect(evidenceFacts({ reportCount: 0, recentCount: 0, sourceCount: 0, latestReportDate: null, reviewPeriodDays: 28 }))
      .toBe('No reports you may see · 28-day review period');
    expect(evidenceFacts({ reportCount: 2, recentCount: 0, sourceCount: 0, latestReportDate: '2020-02-01', reviewPeriodDays: 28 }))
      .toBe('2 reports · 0 within 28 days · 0 independent good sources · latest 2020-02-01');
    expect(evidenceFacts({ reportCount: 1, recentCount: 1, sourceCount: 1, latestReportDate: null, reviewPeriodDays: 90 }))
      .toBe('1 report · 1 within 90 days · 1 independent good source');
  });

  it('adds days across month and year ends (UTC, no time-zone drift)', () => {
    expect(addDaysIso('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDaysIso('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('names methods and meeting levels in words', () => {
    expect(methodTitle('COMMS_DATA')).toBe('Communications data');
    expect(methodTitle('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect([meetingLevel('STCG'), meetingLevel('TTCG'), meetingLevel(null)]).toEqual(['Strategic', 'Tactical', '']);
  });

  it('keeps the field the server named in a refusal', () => {
    expect(fieldError(new ApiError('Write down why', 'VALIDATION', 'justification'))).toEqual({ message: 'Write down why', field: 'justification', code: 'VALIDATION' });
    expect(fieldError(new Error('boom'))).toEqual({ message: 'boom', field: null, code: 'ERROR' });
  });

  it('lists each requirement once, in board order, even when it supports two priorities', () => {
    const req = (id: string) => ({ requirement: { id, type: 'IntelligenceRequirement', label: id, restricted: false, props: {} }, kind: null, reviewDate: null, reviewOverdue: false, state: 'NONE' as const, coveredProportion: 0, questions: [] });
    const board: PriorityCard[] = [
      { priority: null, rank: 1, owner: null, state: 'NONE', coveredProportion: 0, requirements: [req('A'), req('B')] },
      { priority: null, rank: 2, owner: null, state: 'NONE', coveredProportion: 0, requirements: [req('B'), req('C')] },
    ];
    expect(requirementsOf(board).map((r) => r.requirement.id)).toEqual(['A', 'B', 'C']);
  });
});
