import { describe, expect, it } from 'vitest';
import type { InformationRequest, Watch } from '../../client/src/inbox/api.js';
import {
  acknowledgementText, answerInput, answerProblems, blankAnswer, chartPlan, gradingOf, inboxTotal, newestFirst,
  referenceText, requestedReportIds, requestStatusText, searchWatchOn, watchKindFor, watchOn,
} from '../../client/src/inbox/model.js';
import { groupStubs, stubGroupTitle } from '../../client/src/workspace/stubGroups.js';
import type { GraphNode, SearchHit } from '../../client/src/workspace/types.js';

const node = (id: string, type: string, extra: Partial<GraphNode> = {}): GraphNode => ({ id, type, label: id, restricted: false, props: {}, ...extra });
const stub = (id: string, heldBy: string, extra: Partial<GraphNode> = {}): GraphNode =>
  node(id, 'Restricted', { restricted: true, access: 'stub', heldBy, contact: `${heldBy} FIB`, label: `Intelligence held by ${heldBy}`, ...extra });
const hit = (n: GraphNode, score = 1): SearchHit => ({ entity: n, score });

describe('the inbox count', () => {
  it('adds receipts to acknowledge, open requests and unread alerts; nothing known is 0', () => {
    expect(inboxTotal({ unacknowledged: 2, openRequests: 1, unreadAlerts: 4 })).toBe(7);
    expect(inboxTotal({ unacknowledged: 0, openRequests: 0, unreadAlerts: 0 })).toBe(0);
    expect(inboxTotal(null)).toBe(0);
    expect(inboxTotal({ unacknowledged: -1, openRequests: 1, unreadAlerts: 0 })).toBe(1);
  });
});

describe('disseminations as read', () => {
  it('lists newest first without changing the list given', () => {
    const list = [{ at: '2026-01-02T10:00:00Z' }, { at: '2026-03-01T09:00:00Z' }, { at: '2025-12-31T23:59:00Z' }];
    expect(newestFirst(list, (x) => x.at).map((x) => x.at)).toEqual(['2026-03-01T09:00:00Z', '2026-01-02T10:00:00Z', '2025-12-31T23:59:00Z']);
    expect(list[0]!.at).toBe('2026-01-02T10:00:00Z');
  });

  it('grades a shared report 3x5x2 with meanings and its handling code; records without grading have none', () => {
    const r = node('R1', 'IntelligenceReport', { props: { sourceEvaluation: '2', intelAssessment: 'B' }, markings: { classification: 'OFFICIAL', handling: 'C', handlingConditions: ['C1'], agency: 'A' } });
    expect(gradingOf(r)).toEqual({ grade: '2B', meaning: 'Untested; Known indirectly to the source but corroborated', handling: 'C' });
    expect(gradingOf(node('S', 'Subject'))).toBeNull();
  });

  it('tells the sender who acknowledged and when (UK time), or that nobody has yet', () => {
    expect(acknowledgementText({ acknowledgedAt: '2026-06-30T17:40:00Z', acknowledgedBy: 'gmp.partner', acknowledgedByName: 'Pat Partner' }))
      .toBe('Acknowledged by Pat Partner at 30/06/2026 18:40');
    expect(acknowledgementText({ acknowledgedAt: '2026-01-15T09:05:00Z', acknowledgedBy: 'gmp.partner', acknowledgedByName: null }))
      .toBe('Acknowledged by gmp.partner at 15/01/2026 09:05');
    expect(acknowledgementText({ acknowledgedAt: null })).toBe('Not yet acknowledged');
  });

  it('puts real records on the chart by id and stubs as they are, each once', () => {
    const s = stub('restricted-1', 'West Midlands Police');
    expect(chartPlan([node('A', 'Subject'), s, node('A', 'Subject'), node('B', 'IntelligenceReport')])).toEqual({ ids: ['A', 'B'], stubs: [s] });
  });
});

describe('watches', () => {
  const watches: Watch[] = [
    { id: 'w1', kind: 'ENTITY', target: 'S1', createdAt: '2026-01-01T00:00:00Z' },
    { id: 'w2', kind: 'OCG', target: 'O1', createdAt: '2026-01-01T00:00:00Z' },
    { id: 'w3', kind: 'SEARCH', target: 'Dale  Kerrigan', createdAt: '2026-01-01T00:00:00Z' },
  ];
  it('watches a group as an OCG and anything else as an entity', () => {
    expect(watchKindFor({ type: 'OCG' })).toBe('OCG');
    expect(watchKindFor({ type: 'Subject' })).toBe('ENTITY');
  });
  it('finds the watch on an entity or a search (case and spacing aside)', () => {
    expect(watchOn(watches, 'S1')?.id).toBe('w1');
    expect(watchOn(watches, 'O1')?.id).toBe('w2');
    expect(watchOn(watches, 'Dale  Kerrigan')).toBeUndefined();
    expect(watchOn(null, 'S1')).toBeUndefined();
    expect(searchWatchOn(watches, ' dale kerrigan ')?.id).toBe('w3');
    expect(searchWatchOn(watches, 'dale')).toBeUndefined();
  });
});

describe('answering a request with a dissemination', () => {
  const request: InformationRequest = {
    id: 'RFI-1', kind: 'REQUEST', status: 'OPEN', requesterAgency: 'GMP', requesterAgencyName: 'Greater Manchester Police', requestedBy: 'p', requestedByName: 'P',
    holderAgency: 'WMP', holderAgencyName: 'West Midlands Police', references: ['R-AAAA'], question: 'Who?', purpose: 'Deconfliction of Op X', lawfulBasis: 'DPA 2018 s.35',
    createdAt: '2026-01-01T00:00:00Z',
    records: [node('R1', 'IntelligenceReport'), node('S1', 'Subject'), stub('restricted-9', 'NCA', { type: 'IntelligenceReport' })],
  };

  it('offers the reports the request names (not its other records, nor stubs), with its purpose and lawful basis', () => {
    expect(requestedReportIds(request)).toEqual(['R1']);
    expect(blankAnswer(request)).toMatchObject({ reportIds: ['R1'], handling: 'P', purpose: 'Deconfliction of Op X', lawfulBasis: 'DPA 2018 s.35' });
  });

  it('names what is missing, and with code C asks for conditions and a risk assessment', () => {
    const f = { ...blankAnswer(request), reportIds: [] };
    expect(Object.keys(answerProblems(f)).sort()).toEqual(['reportIds', 'sanitisedText', 'sharingAgreement']);
    const c = { ...blankAnswer(request), sanitisedText: 'x', sharingAgreement: 'ISA', handling: 'C' as const };
    expect(Object.keys(answerProblems(c)).sort()).toEqual(['handlingConditions', 'riskAssessment']);
    expect(answerProblems({ ...c, handlingConditions: ['C1'], riskAssessment: 'r' })).toEqual({});
  });

  it('sends to the requester\u2019s agency; conditions and risk assessment only with code C', () => {
    const f = { ...blankAnswer(request), sanitisedText: '  Text  ', sharingAgreement: 'ISA', handlingConditions: ['C1'], riskAssessment: 'left over', reportIds: ['R1', 'R1', 'R2'] };
    expect(answerInput(request, f)).toEqual({
      recipientAgency: 'GMP', reportIds: ['R1', 'R2'], sanitisedText: 'Text', handling: 'P', handlingConditions: [], riskAssessment: null,
      purpose: 'Deconfliction of Op X', lawfulBasis: 'DPA 2018 s.35', sharingAgreement: 'ISA',
    });
    expect(answerInput(request, { ...f, handling: 'C' })).toMatchObject({ handling: 'C', handlingConditions: ['C1'], riskAssessment: 'left over' });
  });

  it('shows a named stub by the reference read out on the telephone, whichever form the API gives', () => {
    expect(referenceText('restricted-57t5ryjgtd6fbck2')).toBe('R-57T5-RYJG-TD6F-BCK2');
    expect(referenceText('R-57T5-RYJG-TD6F-BCK2')).toBe('R-57T5-RYJG-TD6F-BCK2');
    expect(referenceText('restricted-short')).toBe('restricted-short');
  });

  it('words the status for both sides', () => {
    expect(requestStatusText({ status: 'OPEN', kind: 'REQUEST' })).toBe('Open');
    expect(requestStatusText({ status: 'OPEN', kind: 'DECONFLICTION' })).toBe('Interest recorded, open');
    expect(requestStatusText({ status: 'ANSWERED', kind: 'REQUEST', answeredAt: '2026-01-15T09:05:00Z', answeredByName: 'M Manager' })).toBe('Answered by M Manager 15/01/2026 09:05');
    expect(requestStatusText({ status: 'REFUSED', kind: 'REQUEST', refusalReason: 'Live operation' })).toBe('Refused: Live operation');
  });
});

describe('search results grouped by holder (a server without the grouped search)', () => {
  it('keeps visible hits in order and gathers stubs into one group per holder, largest first', () => {
    const a = node('A', 'Subject');
    const b = node('B', 'Vehicle');
    const w1 = stub('restricted-w1', 'West Midlands Police', { contactPhone: '0121 000', reference: 'R-1' });
    const w2 = stub('restricted-w2', 'West Midlands Police');
    const n1 = stub('restricted-n1', 'NCA');
    const g = groupStubs([hit(a), hit(n1), hit(w1), hit(b), hit(w2)]);
    expect(g.hits.map((h) => h.entity.id)).toEqual(['A', 'B']);
    expect(g.heldElsewhere.map((x) => [x.heldBy, x.count, x.stubs.map((s) => s.id)])).toEqual([
      ['West Midlands Police', 2, ['restricted-w1', 'restricted-w2']],
      ['NCA', 1, ['restricted-n1']],
    ]);
    expect(g.heldElsewhere[0]).toMatchObject({ contact: 'West Midlands Police FIB', contactPhone: '0121 000' });
    expect(stubGroupTitle(g.heldElsewhere[0]!)).toBe('Held by West Midlands Police: 2 records');
    expect(stubGroupTitle(g.heldElsewhere[1]!)).toBe('Held by NCA: 1 record');
  });
});
