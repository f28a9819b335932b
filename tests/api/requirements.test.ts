import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Requirements, collection and tasking on hand-built cases: one question per coverage state, a
 * report the viewer may not see (it must not count), collection tasks (justification, authority,
 * overdue, legacy), what to collect next, and the decision log.
 */
let t: TestApp;
let AG1: string, AG2: string;
const ids: Record<string, string> = {};
let manager: string, analyst: string, otherManager: string;

const daysAgo = (n: number) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
const BOARD = `query{ requirementBoard{ priority{ id } rank state coveredProportion requirements{ requirement{ id } state coveredProportion
  questions{ question{ id } state reason reportCount sourceCount reviewPeriodDays } } } }`;
const TASK = `mutation($i:CollectionTaskInput!){ addCollectionTask(input:$i){ id method status overdue unjustified authorityMissing questionIds requirementIds } }`;

beforeAll(async () => {
  t = await startTestApp();
  AG1 = `${t.prefix}-AG1`;
  AG2 = `${t.prefix}-AG2`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE' }, { agency: AG1 }, 'Force One');
  await t.entity('AG2', 'Agency', { kind: 'POLICE' }, { agency: AG2 }, 'Force Two');
  manager = await t.user('manager', 'INTEL_MANAGER', { agency: AG1 });
  analyst = await t.user('analyst', 'ANALYST', { agency: AG1 });
  otherManager = await t.user('manager-b', 'INTEL_MANAGER', { agency: AG2 });

  ids.P1 = await t.entity('P1', 'Priority', { rank: 1, owner: 'ACC Crime' }, {}, 'County lines');
  ids.P2 = await t.entity('P2', 'Priority', { rank: 2, owner: 'Det Supt' }, {}, 'Fraud');
  ids.SUBJ_NONE = await t.entity('SN', 'Subject', { forename: 'Nobody', surname: 'Known' });
  ids.SUBJ_ONE = await t.entity('SO', 'Subject', { forename: 'Single', surname: 'Source' });
  ids.OCG = await t.entity('OCG', 'OCG', { status: 'ACTIVE' }, {}, 'Eastside Firm');
  ids.AREA = await t.entity('AREA', 'Area', { kind: 'BCU' }, {}, 'East BCU');
  ids.CP = await t.entity('CP', 'CollectionPlan', { owner: 'DS Collection' }, {}, 'Plan: county lines');
});

afterAll(async () => {
  if (!t) return;
  await t.db.write(cypher(
    'MATCH (n) WHERE (n:CollectionTask OR n:Meeting OR n:Decision OR n:Action OR n:OperationalReview) AND n.agency STARTS WITH $p DETACH DELETE n', { p: t.prefix },
  ));
  await t.close();
});

describe('requirements and coverage', () => {
  it('creates a requirement with its priority and questions in one step (managers only)', async () => {
    const CREATE = `mutation($i:RequirementInput!){ createRequirement(input:$i){ requirement{ id label } kind state questions{ question{ id } state } } }`;
    const q = (key: string, text: string, reviewPeriodDays: number, concerns: string[] = []) => ({ id: `${t.prefix}-${key}`, text, reviewPeriodDays, concerns });
    const input = {
      id: `${t.prefix}-IR1`, label: 'Tactical requirement: Eastside county line', kind: 'TACTICAL', priorityId: ids.P1, reviewDate: '2099-01-01',
      questions: [
        q('QN', 'Where does the unknown courier live?', 28, [ids.SUBJ_NONE]),
        q('QW', 'Who supplies the line?', 28, [ids.SUBJ_ONE]),
        q('QS', 'Where is the stash house?', 28),
        q('QC', 'Who directs the group?', 28, [ids.OCG, ids.AREA]),
      ],
    };
    const denied = await t.gql(CREATE, { i: input }, analyst);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(CREATE, { i: { ...input, id: `${t.prefix}-IRX`, kind: 'WHIMSICAL', questions: [] } }, manager);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    const r = await t.gql(CREATE, { i: input }, manager);
    expect(r.errors).toBeUndefined();
    expect(r.data.createRequirement).toMatchObject({ requirement: { id: `${t.prefix}-IR1` }, kind: 'TACTICAL', state: 'NONE' });
    expect(r.data.createRequirement.questions).toHaveLength(4);
    Object.assign(ids, { IR1: `${t.prefix}-IR1`, QN: `${t.prefix}-QN`, QW: `${t.prefix}-QW`, QS: `${t.prefix}-QS`, QC: `${t.prefix}-QC` });

    const r2 = await t.gql(CREATE, { i: { id: `${t.prefix}-IR2`, label: 'Fraud requirement', kind: 'STRATEGIC', priorityId: ids.P2, questions: [q('QF', 'Which accounts launder the proceeds?', 90)] } }, manager);
    expect(r2.errors).toBeUndefined();
    ids.IR2 = `${t.prefix}-IR2`;
    ids.QF = `${t.prefix}-QF`;

    // The intelligence: one case per coverage state.
    const rep = (key: string, grade: string, when: string, sourceId: string) =>
      t.entity(key, 'IntelligenceReport', { text: `Report ${key}`, sourceEvaluation: grade[0], intelAssessment: grade[1], eventDate: when, sourceId: `${t.prefix}-${sourceId}` }, {}, `Report ${key}`);
    await t.link(await rep('RW', '3D', daysAgo(2), 'SRC-W'), 'ANSWERS', ids.QW);
    await t.link(await rep('RS', '1A', '2020-01-01', 'SRC-S'), 'ANSWERS', ids.QS);
    await t.link(await rep('RS2', '1A', '2020-02-01', 'SRC-S2'), 'ANSWERS', ids.QS);
    await t.link(await rep('RC1', '1A', daysAgo(3), 'SRC-1'), 'MENTIONS', ids.OCG);
    await t.link(await rep('RC2', '2C', daysAgo(5), 'SRC-2'), 'MENTIONS', ids.OCG);
    await t.link(await rep('RO', '1A', daysAgo(1), 'SRC-3'), 'MENTIONS', ids.SUBJ_ONE);
    // Agency two's strong reports answer the unanswered question, but agency one may not see them.
    for (const k of ['H1', 'H2']) {
      const hid = await t.entity(k, 'IntelligenceReport', { text: 'Held by force two', sourceEvaluation: '1', intelAssessment: 'A', eventDate: daysAgo(1), sourceId: `${t.prefix}-${k}` }, { agency: AG2 });
      await t.link(hid, 'ANSWERS', ids.QN, {}, [], { agency: AG2 });
    }
  });

  it('the board shows each question\u2019s coverage from visible intelligence only, rolled up worst-of', async () => {
    const r = await t.gql(BOARD, {}, manager);
    expect(r.errors).toBeUndefined();
    const cards = r.data.requirementBoard as { priority: { id: string } | null; rank: number; state: string; requirements: { requirement: { id: string }; state: string; coveredProportion: number; questions: { question: { id: string }; state: string; reason: string; reportCount: number }[] }[] }[];
    expect(cards.map((c) => c.priority?.id)).toEqual([ids.P1, ids.P2]);
    const req = cards[0]!.requirements.find((x) => x.requirement.id === ids.IR1)!;
    const state = Object.fromEntries(req.questions.map((q) => [q.question.id, q.state]));
    expect(state).toEqual({ [ids.QN]: 'NONE', [ids.QW]: 'WEAK', [ids.QS]: 'STALE', [ids.QC]: 'COVERED' });
    expect(req.questions.find((q) => q.question.id === ids.QN)!.reportCount).toBe(0);
    expect(req).toMatchObject({ state: 'NONE', coveredProportion: 0.25 });
    expect(cards[0]).toMatchObject({ state: 'NONE', rank: 1 });
    expect(cards[1]!.requirements.map((x) => x.requirement.id)).toEqual([ids.IR2]);

    // Agency two's manager sees none of agency one's requirements.
    const other = await t.gql(BOARD, {}, otherManager);
    expect(JSON.stringify(other.data)).not.toContain(ids.IR1);
  });

  it('the gap overlay colours the entities the requirement names', async () => {
    const r = await t.gql(`query($id:ID!){ gapOverlay(requirementId:$id){ entityId state reason sourceCount questionIds } }`, { id: ids.IR1 }, manager);
    expect(r.errors).toBeUndefined();
    const byId = Object.fromEntries((r.data.gapOverlay as { entityId: string; state: string; reason: string }[]).map((g) => [g.entityId, g]));
    expect(Object.keys(byId).sort()).toEqual([ids.SUBJ_NONE, ids.SUBJ_ONE, ids.OCG, ids.AREA].sort());
    expect(byId[ids.SUBJ_NONE]).toMatchObject({ state: 'NONE' });
    expect(byId[ids.SUBJ_ONE]).toMatchObject({ state: 'WEAK', reason: 'Only one source' });
    expect(byId[ids.OCG]).toMatchObject({ state: 'COVERED', sourceCount: 2 });
    expect(byId[ids.AREA]).toMatchObject({ state: 'NONE' });
    const other = await t.gql(`query($id:ID!){ gapOverlay(requirementId:$id){ entityId } }`, { id: ids.IR1 }, otherManager);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('collection plans and tasks', () => {
  it('refuses a task without a necessity and proportionality justification, and intrusive tasks without authority', async () => {
    await t.link(ids.CP, 'PLANS_FOR', ids.IR1);
    const base = { planId: ids.CP, method: 'ANPR', owner: 'DS Collection', dueDate: '2099-01-01', questionIds: [ids.QN] };
    const none = await t.gql(TASK, { i: base }, analyst);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'justification' });
    const blank = await t.gql(TASK, { i: { ...base, justification: '   ' } }, analyst);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'justification' });
    const chis = await t.gql(TASK, { i: { ...base, method: 'CHIS_TASKING', justification: 'Only a CHIS can identify the courier.' } }, analyst);
    expect(chis.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'authorityRef' });
    const comms = await t.gql(TASK, { i: { ...base, method: 'COMMS_DATA', justification: 'Subscriber checks on the deal line.' } }, analyst);
    expect(comms.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'authorityRef' });
    const plan = await t.gql(`query($id:ID!){ collectionPlan(id:$id){ tasks{ id } } }`, { id: ids.CP }, analyst);
    expect(plan.data.collectionPlan.tasks).toEqual([]);
  });

  it('adds justified tasks and flags overdue and unjustified legacy ones', async () => {
    const ok = await t.gql(TASK, {
      i: { planId: ids.CP, method: 'ANPR', owner: 'DS Collection', dueDate: '2020-01-01', questionIds: [ids.QN], justification: 'ANPR on the courier vehicle is the least intrusive way to find the address.' },
    }, analyst);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.addCollectionTask).toMatchObject({ status: 'PLANNED', overdue: true, unjustified: false, authorityMissing: false, questionIds: [ids.QN], requirementIds: [ids.IR1] });
    ids.T1 = ok.data.addCollectionTask.id;
    const comms = await t.gql(TASK, {
      i: { planId: ids.CP, method: 'COMMS_DATA', owner: 'SPoC', dueDate: '2099-01-01', authorityRef: 'OCDA/2026/0042', justification: 'Subscriber checks on the deal line are necessary and proportionate.' },
    }, analyst);
    expect(comms.data.addCollectionTask).toMatchObject({ overdue: false, authorityMissing: false, questionIds: [] });

    // A task imported before justifications were required.
    await t.db.write(cypher(
      `MATCH (p:CollectionPlan {id: $plan}) CREATE (p)-[:HAS_TASK]->(:CollectionTask {id: $id, planId: $plan, questionIds: [$q], method: 'SURVEILLANCE',
         owner: 'Legacy', dueDate: '2099-01-01', status: 'IN_PROGRESS', agency: $ag, classification: 'OFFICIAL', compartments: [], disseminatedTo: []})`,
      { plan: ids.CP, id: `${t.prefix}-LEGACY`, q: ids.QS, ag: AG1 },
    ));
    const plan = await t.gql(`query($id:ID!){ collectionPlan(id:$id){ plan{ id } requirements{ id } overdueCount unjustifiedCount tasks{ id overdue unjustified authorityMissing } } }`, { id: ids.CP }, analyst);
    expect(plan.errors).toBeUndefined();
    expect(plan.data.collectionPlan).toMatchObject({ plan: { id: ids.CP }, requirements: [{ id: ids.IR1 }], overdueCount: 1, unjustifiedCount: 1 });
    expect(plan.data.collectionPlan.tasks.find((x: { id: string }) => x.id === `${t.prefix}-LEGACY`)).toMatchObject({ unjustified: true, authorityMissing: true, overdue: false });
    const other = await t.gql(`query($id:ID!){ collectionPlan(id:$id){ tasks{ id } } }`, { id: ids.CP }, otherManager);
    expect(other.data.collectionPlan).toBeNull();
  });

  it('what to collect next: gaps by priority rank and severity, with the tasks that address them', async () => {
    const Q = `query{ collectNext(limit: 10){ priorityRank requirement{ id } question{ id } state severity note tasks{ id status } } }`;
    const r = await t.gql(Q, {}, manager);
    expect(r.errors).toBeUndefined();
    const gaps = r.data.collectNext as { question: { id: string }; state: string; note: string | null; tasks: { id: string }[]; priorityRank: number }[];
    expect(gaps.map((g) => [g.question.id, g.state])).toEqual([[ids.QN, 'NONE'], [ids.QW, 'WEAK'], [ids.QS, 'STALE'], [ids.QF, 'NONE']]);
    const qn = gaps[0]!;
    expect(qn.tasks.map((x) => x.id)).toContain(ids.T1);
    expect(qn.note).toBeNull();
    // QW is addressed only by the plan-wide communications data task.
    expect(gaps[1]!.tasks).toHaveLength(1);
    expect(gaps[3]).toMatchObject({ priorityRank: 2, note: 'No open collection task addresses this gap', tasks: [] });

    const done = await t.gql(`mutation($id:ID!){ setCollectionTaskStatus(id:$id, status:"DONE"){ status overdue } }`, { id: ids.T1 }, analyst);
    expect(done.data.setCollectionTaskStatus).toEqual({ status: 'DONE', overdue: false });
  });
});

describe('tasking and coordination', () => {
  it('records a meeting, decisions with rationale, actions and a review, and returns them as a timeline', async () => {
    const M = `mutation($i:MeetingInput!){ createMeeting(input:$i){ id kind meetingKind date title } }`;
    const denied = await t.gql(M, { i: { kind: 'TTCG', date: '2026-01-05' } }, analyst);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const m = await t.gql(M, { i: { kind: 'TTCG', date: '2026-01-05', chair: 'Supt Ops' } }, manager);
    expect(m.errors).toBeUndefined();
    const meetingId = m.data.createMeeting.id;
    expect(m.data.createMeeting).toMatchObject({ kind: 'MEETING', meetingKind: 'TTCG', date: '2026-01-05' });

    const D = `mutation($i:DecisionInput!){ recordDecision(input:$i){ id kind rationale meetingKind } }`;
    const noWhy = await t.gql(D, { i: { meetingId, text: 'Adopt the Eastside problem profile' } }, manager);
    expect(noWhy.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'rationale' });
    const d = await t.gql(D, { i: { meetingId, text: 'Adopt the Eastside problem profile', rationale: 'Harm to children exploited on the line', relatedIds: [ids.IR1] } }, manager);
    expect(d.errors).toBeUndefined();
    expect(d.data.recordDecision).toMatchObject({ kind: 'DECISION', meetingKind: 'TTCG' });

    const A = `mutation($i:ActionInput!){ addAction(input:$i){ id kind owner dueDate status overdue } }`;
    const a = await t.gql(A, { i: { meetingId, decisionId: d.data.recordDecision.id, text: 'Commission a subject profile', owner: 'DI Intel', dueDate: '2026-01-19' } }, manager);
    expect(a.errors).toBeUndefined();
    expect(a.data.addAction).toMatchObject({ status: 'OPEN', overdue: true });
    const U = `mutation($id:ID!,$p:ActionUpdate!){ updateAction(id:$id, patch:$p){ status result overdue } }`;
    const noResult = await t.gql(U, { id: a.data.addAction.id, p: { status: 'DONE' } }, analyst);
    expect(noResult.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'result' });
    const u = await t.gql(U, { id: a.data.addAction.id, p: { status: 'DONE', result: 'Profile delivered 2026-01-17' } }, analyst);
    expect(u.data.updateAction).toEqual({ status: 'DONE', result: 'Profile delivered 2026-01-17', overdue: false });

    const R = `mutation($i:OperationalReviewInput!){ recordOperationalReview(input:$i){ id kind } }`;
    const rv = await t.gql(R, { i: { operation: 'Op Kestrel', date: '2026-02-01', summary: 'Two arrests; line disrupted', meetingId } }, manager);
    expect(rv.errors).toBeUndefined();

    const LOG = `query($f:String!,$t:String!){ decisionLog(from:$f, to:$t){ kind date title rationale status result } }`;
    const log = await t.gql(LOG, { f: '2026-01-01', t: '2026-02-28' }, manager);
    expect(log.errors).toBeUndefined();
    expect(log.data.decisionLog.map((e: { kind: string }) => e.kind)).toEqual(['MEETING', 'DECISION', 'ACTION', 'REVIEW']);
    expect(log.data.decisionLog[1]).toMatchObject({ rationale: 'Harm to children exploited on the line' });
    const narrow = await t.gql(LOG, { f: '2026-01-06', t: '2026-02-28' }, manager);
    expect(narrow.data.decisionLog.map((e: { kind: string }) => e.kind)).toEqual(['REVIEW']);
    const other = await t.gql(LOG, { f: '2026-01-01', t: '2026-02-28' }, otherManager);
    expect(other.data.decisionLog).toEqual([]);
  });
});
