import { describe, expect, it } from 'vitest';
import type { Alert, Dissemination, InformationRequest, Watch } from '../../client/src/inbox/api.js';
import {
  acknowledgementText, answerInput, answerProblems, blankAnswer, chartPlan, gradingOf, inboxTotal, newestFirst,
  referenceText, requestedReportIds, requestStatusText, searchWatchOn, watchKindFor, watchOn,
} from '../../client/src/inbox/model.js';
import {
  EMPTY_TEXT, emptySections, impactsOnMyArea, myRequests, openQueue, waitingReceipts, watchDigests,
} from '../../client/src/inbox/myDay.js';
import { bandScale, requestable, type MatrixRow } from '../../client/src/impact/model.js';
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

describe('my day', () => {
  const diss = (id: string, at: string, ack?: string): Dissemination => ({
    id, access: 'shared', originatorAgency: 'WMP', originatorName: 'West Midlands Police', originatorDesk: 'FIB', recipientAgency: 'GMP',
    recipientAgencyName: 'Greater Manchester Police', recordIds: [], sanitisedText: id, handling: 'P', handlingConditions: [], purpose: 'p',
    lawfulBasis: 'l', sharingAgreement: 's', authorisedBy: 'o', authorisedByName: 'O', authorisedAt: at, classification: 'OFFICIAL',
    acknowledgedAt: ack ?? null, records: [],
  });
  const req = (id: string, at: string, status: InformationRequest['status']): InformationRequest => ({
    id, kind: 'REQUEST', status, requesterAgency: 'GMP', requesterAgencyName: 'GMP', requestedBy: 'p', requestedByName: 'P', holderAgency: 'WMP',
    holderAgencyName: 'WMP', references: [], records: [], question: 'q', purpose: 'p', createdAt: at,
  });

  it('lists the disseminations waiting to be acknowledged, newest five, with how many wait', () => {
    const list = [
      diss('d1', '2026-01-01T10:00:00Z'), diss('d2', '2026-01-03T10:00:00Z', '2026-01-03T11:00:00Z'), diss('d3', '2026-01-02T10:00:00Z'),
      ...['04', '05', '06', '07', '08'].map((d) => diss(`d${d}`, `2026-01-${d}T10:00:00Z`)),
    ];
    const w = waitingReceipts(list);
    expect(w.total).toBe(7);
    expect(w.newest.map((d) => d.id)).toEqual(['d08', 'd07', 'd06', 'd05', 'd04']);
    expect(waitingReceipts([diss('a', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z')])).toEqual({ total: 0, newest: [] });
  });

  it('counts my requests by status and keeps only open ones in the queue to my agency', () => {
    const list = [req('r1', '2026-01-01T00:00:00Z', 'OPEN'), req('r2', '2026-01-03T00:00:00Z', 'ANSWERED'), req('r3', '2026-01-02T00:00:00Z', 'REFUSED'), req('r4', '2026-01-04T00:00:00Z', 'OPEN')];
    expect(myRequests(list)).toMatchObject({ total: 4, open: 2, answered: 1, refused: 1 });
    expect(myRequests(list, 2).newest.map((r) => r.id)).toEqual(['r4', 'r2']);
    expect(openQueue(list)).toEqual({ total: 2, newest: [list[3], list[0]] });
  });

  it('lists the impact on my area by band (the template\u2019s scale), then harm, then group; others\u2019 areas left out', () => {
    const scale = bandScale([{ bands: [{ band: 'A', minScore: 70, label: 'Critical' }, { band: 'B', minScore: 45, label: 'High' }, { band: 'D', minScore: 0, label: 'Low' }] }]);
    const row = (impactId: string, band: string, harm: number, ocgName: string, affectedAgency = 'GMP', access = 'shared'): MatrixRow => ({
      impactId, areaId: 'F2', areaName: 'Force Two', ocgId: `O-${impactId}`, ocgName, crimeTypes: [], harm, band, assessedAt: '2026-01-01T00:00:00Z',
      reviewDue: '2026-07-01', reviewOverdue: false, status: 'DISSEMINATED', access, affectedAgency,
    });
    const rows = [
      row('i1', 'D', 30, 'Eastgate'), row('i2', 'B', 50, 'Northside'), row('i3', 'A', 72, 'Quarry'), row('i4', 'B', 60, 'Bridge'),
      row('i5', 'B', 50, 'Alder'), row('i6', 'A', 90, 'Ours elsewhere', 'WMP', 'full'),
    ];
    expect(impactsOnMyArea(rows, 'GMP', scale).map((r) => r.impactId)).toEqual(['i3', 'i4', 'i5', 'i2', 'i1']);
    expect(impactsOnMyArea(rows, 'WMP', scale).map((r) => r.impactId)).toEqual(['i6']);
    expect(impactsOnMyArea(rows, 'NCA', scale)).toEqual([]);
    // A row without the affected agency (an older server) is nobody's area.
    expect(impactsOnMyArea([{ ...row('i7', 'A', 80, 'X'), affectedAgency: undefined }], 'GMP', scale)).toEqual([]);
    // The list given is not reordered.
    expect(rows[0]!.impactId).toBe('i1');
  });

  it('offers a request only for an impact the viewer\u2019s agency does not hold', () => {
    expect(requestable({ access: 'shared' })).toBe(true);
    expect(requestable({ access: 'stub' })).toBe(true);
    expect(requestable({ access: 'full' })).toBe(false);
    expect(requestable({})).toBe(false);
  });

  it('shows each watch with its unread alerts and latest summary, unread first', () => {
    const watch = (id: string, label: string): Watch => ({ id, kind: 'ENTITY', target: `T-${id}`, label, createdAt: '2026-01-01T00:00:00Z' });
    const alert = (id: string, watchId: string, at: string, read: boolean): Alert => ({
      id, watchId, watchKind: 'ENTITY', target: 't', firstAt: at, at, summary: `summary ${id}`, added: [], changed: [], removed: [], read,
    });
    const watches = [watch('w1', 'Quiet'), watch('w2', 'Busy'), watch('w3', 'Read')];
    const alerts = [
      alert('a1', 'w2', '2026-01-02T00:00:00Z', false), alert('a2', 'w2', '2026-01-05T00:00:00Z', false), alert('a3', 'w2', '2026-01-01T00:00:00Z', true),
      alert('a4', 'w3', '2026-01-09T00:00:00Z', true), alert('a5', 'other', '2026-01-09T00:00:00Z', false),
    ];
    const d = watchDigests(watches, alerts);
    expect(d.map((x) => [x.watch.id, x.unread, x.latest?.id ?? null])).toEqual([['w2', 2, 'a2'], ['w3', 0, 'a4'], ['w1', 0, null]]);
    expect(watchDigests([], alerts)).toEqual([]);
  });

  it('says which sections are empty; one still loading is not', () => {
    expect(emptySections({ received: 0, requests: 2, queue: undefined, impact: 0, watches: null })).toEqual(['received', 'impact']);
    expect(emptySections({})).toEqual([]);
    for (const text of Object.values(EMPTY_TEXT)) expect(text.length).toBeGreaterThan(10);
  });
});
