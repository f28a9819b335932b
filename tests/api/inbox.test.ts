import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubId, stubReference } from '../../server/domain/policy.js';
import { cypher } from '../../server/db/db.js';
import { Agencies } from '../../server/graph/agencies.js';
import { deliverOnce } from '../../server/graph/watches.js';
import { startTestApp, testDatabase, type TestApp } from '../helpers/app.js';

/**
 * Working across agencies: stub references that work on the telephone, grouped stubs in search,
 * the dissemination inbox and its acknowledgement, requests for information (answered and refused),
 * deconfliction interests, watch-lists and alerts decided by the policy at delivery.
 * Agency 1 holds the intelligence; agency 2 is a partner force.
 */
let t: TestApp;
let AG1: string, AG2: string, AG3: string;
const ids: Record<string, string> = {};
const tok: Record<'officer' | 'manager' | 'analyst' | 'partner' | 'partner2' | 'managerB' | 'chis', string> = {} as never;

const STUB = 'id type restricted heldBy contact contactPhone contactEmail reference props';
const DISS = 'id access sanitisedText recipientAgency handling purpose acknowledgedAt acknowledgedBy acknowledgedByName recordIds records{ id access }';
const REQ = `id kind status requesterAgency requestedBy holderAgency holderAgencyName holderContact holderPhone holderEmail references
  records{ id access restricted type } question purpose lawfulBasis answeredBy refusalReason dissemination{ id sanitisedText recordIds access }`;
const ALERT = 'id watchId watchKind summary at read added{ id label restricted heldBy access } addedLinks{ id type restricted } changed{ id } changedLinks{ id } removed';
const baseDiss = {
  handling: 'P', purpose: 'Inform the partner force of a subject in its area', lawfulBasis: 'DPA 2018 Part 3; common law policing purpose',
  sharingAgreement: 'Regional OCGM ISA 2025',
};

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const ok = <T>(r: { data?: T; errors?: unknown[] }): T => {
  expect(r.errors).toBeUndefined();
  return r.data!;
};

beforeAll(async () => {
  t = await startTestApp({ ALERT_POLL_MS: '0' });
  AG1 = `${t.prefix}-AG1`; AG2 = `${t.prefix}-AG2`; AG3 = `${t.prefix}-AG3`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'FIB One', deskPhone: '0121 496 0001', deskEmail: 'fib@one.example' }, { agency: AG1 }, 'Force One');
  await t.entity('AG2', 'Agency', { kind: 'POLICE', desk: 'FIB Two' }, { agency: AG2 }, 'Force Two');
  await t.entity('AG3', 'Agency', { kind: 'POLICE', desk: 'FIB Three' }, { agency: AG3 }, 'Force Three');
  ids.S1 = await t.entity('S1', 'Subject', { forename: 'Thaddeus', surname: 'Wraxall', dob: '1985-03-02', notes: 'holder-only notes' });
  ids.S2 = await t.entity('S2', 'Subject', { forename: 'Thaddeus', surname: 'Wraxall', dob: '1985-03-02' });
  ids.V1 = await t.entity('V1', 'Vehicle', { vrm: 'QX19 ZZK', make: 'Audi' });
  ids.R1 = await t.entity('R1', 'IntelligenceReport', { text: 'Wraxall stores cash at a lock-up on Canal Street', sourceEvaluation: '2', intelAssessment: 'B' }, {}, 'Report one');
  ids.R2 = await t.entity('R2', 'IntelligenceReport', { text: 'Wraxall drives the Audi to meetings in the partner area', sourceEvaluation: '1', intelAssessment: 'B' }, {}, 'Report two');
  await t.link(ids.S1, 'ASSOCIATE_OF', ids.S2, {}, [ids.R1]);
  await t.link(ids.S1, 'USES_VEHICLE', ids.V1);
  // The partner's own subject, which both agencies will watch.
  ids.P1 = await t.entity('P1', 'Subject', { forename: 'Ophelia', surname: 'Trent' }, { agency: AG2 });

  tok.officer = await t.user('officer', 'INTEL_OFFICER', { agency: AG1 });
  tok.manager = await t.user('manager', 'INTEL_MANAGER', { agency: AG1 });
  tok.analyst = await t.user('analyst', 'ANALYST', { agency: AG1 });
  tok.chis = await t.user('chis', 'INTEL_OFFICER', { agency: AG1, compartments: ['CHIS'] });
  tok.partner = await t.user('partner', 'PARTNER_LIAISON', { agency: AG2, clearance: 'OFFICIAL-SENSITIVE' });
  tok.partner2 = await t.user('partner2', 'PARTNER_LIAISON', { agency: AG2, clearance: 'OFFICIAL-SENSITIVE' });
  tok.managerB = await t.user('manager-b', 'INTEL_MANAGER', { agency: AG3 });
});

afterAll(async () => {
  if (t) await t.close();
});

describe('stub references', () => {
  it('are the same every time a viewer meets the record, different for each viewer, and carry the desk\u2019s contact details', async () => {
    const q = `query($id:ID!){ entity(id:$id){ ${STUB} } graph(ids:[$id]){ nodes{ ${STUB} } } }`;
    const a1 = ok(await t.gql(q, { id: ids.S1 }, tok.partner)) as any;
    const a2 = ok(await t.gql(q, { id: ids.S1 }, tok.partner)) as any;
    const b = ok(await t.gql(q, { id: ids.S1 }, tok.partner2)) as any;
    expect(a1.entity).toEqual(a2.entity);
    expect(a1.graph.nodes[0]).toEqual(a1.entity);
    expect(a1.entity).toMatchObject({
      restricted: true, heldBy: 'Force One', contact: 'FIB One', contactPhone: '0121 496 0001', contactEmail: 'fib@one.example', props: {},
      reference: expect.stringMatching(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    });
    expect(a1.entity.id).toBe(stubId(await t.userId('partner'), ids.S1));
    // A colleague in the same agency is given another reference: one cannot tell the two are the same record.
    expect(b.entity.id).not.toBe(a1.entity.id);
    expect(b.entity.reference).not.toBe(a1.entity.reference);
    // The search finds it by its identifiers under the same reference.
    const s = ok(await t.gql('query{ searchGrouped(text:"Thaddeus Wraxall 1985-03-02"){ hits{ entity{ id } } heldElsewhere{ heldBy count contact contactPhone stubs{ id reference } } } }', {}, tok.partner)) as any;
    expect(s.searchGrouped.hits).toEqual([]);
    expect(s.searchGrouped.heldElsewhere).toEqual([{
      heldBy: 'Force One', count: 2, contact: 'FIB One', contactPhone: '0121 496 0001',
      stubs: expect.arrayContaining([{ id: a1.entity.id, reference: a1.entity.reference }]),
    }]);
    const refs = s.searchGrouped.heldElsewhere[0].stubs.map((x: { id: string }) => x.id);
    expect(refs).toEqual([...refs].sort());
  });

  it('one viewer\u2019s reference means nothing to another: a request naming it is refused as if it did not exist', async () => {
    const mine = stubId(await t.userId('partner'), ids.S1);
    const input = (references: string[]) => ({ input: { kind: 'REQUEST', references, question: 'Who is he?', purpose: 'Deconfliction of an operation', lawfulBasis: 'DPA 2018 s.35' } });
    const q = `mutation($input:InformationRequestInput!){ requestInformation(input:$input){ id } }`;
    const foreign = await t.gql(q, input([mine]), tok.partner2);
    const invented = await t.gql(q, input(['restricted-0000000000000000']), tok.partner2);
    expect(code(foreign)).toBe('NOT_FOUND');
    expect(code(invented)).toBe('NOT_FOUND');
    expect(foreign.errors![0]!.message.replace(mine, 'X')).toBe(invented.errors![0]!.message.replace('restricted-0000000000000000', 'X'));
  });
});

describe('the dissemination inbox', () => {
  let dis: string;
  it('shows the partner what was sent, with its conditions; acknowledging is recorded and the sender sees it', async () => {
    const sent = ok(await t.gql(`mutation($i:DisseminationInput!){ disseminate(input:$i){ ${DISS} } }`, {
      i: { ...baseDiss, recipientAgency: AG2, reportIds: [ids.R2], sanitisedText: 'A subject of interest uses a vehicle in your area.' },
    }, tok.officer)) as any;
    dis = sent.disseminate.id;
    expect(sent.disseminate.acknowledgedAt).toBeNull();
    const counts = ok(await t.gql('{ inboxCounts{ unacknowledged openRequests unreadAlerts } }', {}, tok.partner)) as any;
    expect(counts.inboxCounts.unacknowledged).toBe(1);
    const inbox = ok(await t.gql(`{ disseminationsReceived{ ${DISS} } }`, {}, tok.partner)) as any;
    expect(inbox.disseminationsReceived).toEqual([expect.objectContaining({ id: dis, access: 'shared', sanitisedText: 'A subject of interest uses a vehicle in your area.', acknowledgedAt: null })]);

    // Only the recipient acknowledges: the sender and a third agency are told it does not exist.
    expect(code(await t.gql('mutation($id:ID!){ acknowledgeDissemination(id:$id){ id } }', { id: dis }, tok.officer))).toBe('NOT_FOUND');
    expect(code(await t.gql('mutation($id:ID!){ acknowledgeDissemination(id:$id){ id } }', { id: dis }, tok.managerB))).toBe('NOT_FOUND');
    const ack = ok(await t.gql(`mutation($id:ID!){ acknowledgeDissemination(id:$id){ ${DISS} } }`, { id: dis }, tok.partner)) as any;
    expect(ack.acknowledgeDissemination).toMatchObject({ acknowledgedBy: `${t.prefix}.partner`, acknowledgedAt: expect.any(String) });
    // Acknowledging again keeps the first receipt.
    const again = ok(await t.gql(`mutation($id:ID!){ acknowledgeDissemination(id:$id){ ${DISS} } }`, { id: dis }, tok.partner2)) as any;
    expect(again.acknowledgeDissemination.acknowledgedBy).toBe(`${t.prefix}.partner`);
    const after = ok(await t.gql('{ inboxCounts{ unacknowledged } }', {}, tok.partner)) as any;
    expect(after.inboxCounts.unacknowledged).toBe(0);
    const out = ok(await t.gql(`{ disseminationsSent{ ${DISS} } }`, {}, tok.officer)) as any;
    expect(out.disseminationsSent.find((d: { id: string }) => d.id === dis)).toMatchObject({ acknowledgedBy: `${t.prefix}.partner`, acknowledgedAt: ack.acknowledgeDissemination.acknowledgedAt });
  });

  it('a partner asks for more about a dissemination; the request goes to the sender\u2019s agency', async () => {
    const r = ok(await t.gql(`mutation($i:InformationRequestInput!){ requestInformation(input:$i){ ${REQ} } }`, {
      i: { disseminationId: dis, question: 'Where are the meetings?', purpose: 'Plan a disruption', lawfulBasis: 'DPA 2018 s.35' },
    }, tok.partner)) as any;
    expect(r.requestInformation).toMatchObject({ status: 'OPEN', holderAgency: AG1, references: [], records: [{ id: ids.R2, access: 'shared', restricted: false, type: 'IntelligenceReport' }] });
    // The sender cannot ask itself, and a third agency cannot name a dissemination it never received.
    expect(code(await t.gql('mutation($i:InformationRequestInput!){ requestInformation(input:$i){ id } }', {
      i: { disseminationId: dis, question: 'x', purpose: 'y', lawfulBasis: 'z' },
    }, tok.managerB))).toBe('NOT_FOUND');
  });
});

describe('requests for information', () => {
  let reqId: string;
  let ref: string;
  it('a partner raises a request from a stub; the holder\u2019s managers see it in their queue with the real records', async () => {
    ref = ((ok(await t.gql(`query($id:ID!){ entity(id:$id){ reference } }`, { id: ids.R1 }, tok.partner)) as any).entity.reference);
    const r = ok(await t.gql(`mutation($i:InformationRequestInput!){ requestInformation(input:$i){ ${REQ} } }`, {
      i: { references: [ref.toLowerCase().replace(/-/g, ' ')], question: 'What is held on this report?', purpose: 'A linked investigation in our area', lawfulBasis: 'DPA 2018 s.35' },
    }, tok.partner)) as any;
    const req = r.requestInformation;
    reqId = req.id;
    expect(req).toMatchObject({
      status: 'OPEN', kind: 'REQUEST', holderAgency: AG1, holderAgencyName: 'Force One', holderContact: 'FIB One', holderPhone: '0121 496 0001',
      references: [stubReference(stubId(await t.userId('partner'), ids.R1))], records: [{ id: stubId(await t.userId('partner'), ids.R1), restricted: true }],
    });
    expect(JSON.stringify(r)).not.toContain(ids.R1);
    expect(JSON.stringify(r)).not.toContain('Canal Street');

    const queue = ok(await t.gql(`{ informationRequests(direction: RECEIVED, status: OPEN){ ${REQ} } }`, {}, tok.manager)) as any;
    const mine = queue.informationRequests.find((x: { id: string }) => x.id === reqId);
    expect(mine).toMatchObject({ requestedBy: `${t.prefix}.partner`, requesterAgency: AG2, references: [], records: [{ id: ids.R1, access: 'full' }] });
    // Analysts do not answer for the agency; another agency's manager does not see the queue.
    expect(code(await t.gql('{ informationRequests(direction: RECEIVED){ id } }', {}, tok.analyst))).toBe('FORBIDDEN');
    const other = ok(await t.gql('{ informationRequests(direction: RECEIVED){ id } }', {}, tok.managerB)) as any;
    expect(other.informationRequests.map((x: { id: string }) => x.id)).not.toContain(reqId);
    expect((ok(await t.gql('{ inboxCounts{ openRequests } }', {}, tok.manager)) as any).inboxCounts.openRequests).toBeGreaterThanOrEqual(1);
  });

  it('the holder answers with a dissemination: the partner sees the outcome and the new material', async () => {
    expect(code(await t.gql(`mutation($id:ID!,$d:DisseminationInput!){ answerInformationRequest(id:$id, dissemination:$d){ id } }`, {
      id: reqId, d: { ...baseDiss, recipientAgency: AG2, sanitisedText: 'Cash is held by the subject.' },
    }, tok.managerB))).toBe('NOT_FOUND');
    const a = ok(await t.gql(`mutation($id:ID!,$d:DisseminationInput!){ answerInformationRequest(id:$id, dissemination:$d){ ${REQ} } }`, {
      id: reqId, d: { ...baseDiss, recipientAgency: AG2, sanitisedText: 'The subject is believed to hold cash for the group.' },
    }, tok.manager)) as any;
    expect(a.answerInformationRequest).toMatchObject({ status: 'ANSWERED', answeredBy: `${t.prefix}.manager`, dissemination: { recordIds: [ids.R1], access: 'full' } });
    const twice = await t.gql(`mutation($id:ID!){ refuseInformationRequest(id:$id, reason:"changed our mind entirely"){ id } }`, { id: reqId }, tok.manager);
    expect(code(twice)).toBe('CONFLICT');

    const sent = ok(await t.gql(`{ informationRequests(direction: SENT){ ${REQ} } }`, {}, tok.partner)) as any;
    const mine = sent.informationRequests.find((x: { id: string }) => x.id === reqId);
    expect(mine).toMatchObject({ status: 'ANSWERED', dissemination: { sanitisedText: 'The subject is believed to hold cash for the group.', access: 'shared' } });
    // The report is now shared with the partner: its own id, the sanitised copy.
    expect(mine.records).toEqual([expect.objectContaining({ id: ids.R1, access: 'shared', restricted: false })]);
    // A colleague's requests are theirs.
    const colleague = ok(await t.gql('{ informationRequests(direction: SENT){ id } }', {}, tok.partner2)) as any;
    expect(colleague.informationRequests).toEqual([]);
  });

  it('a refusal needs reasons, and the requester reads them; a deconfliction interest needs no lawful basis', async () => {
    const ref2 = ((ok(await t.gql(`query($id:ID!){ entity(id:$id){ reference } }`, { id: ids.V1 }, tok.partner)) as any).entity.reference);
    const interest = ok(await t.gql(`mutation($i:InformationRequestInput!){ requestInformation(input:$i){ ${REQ} } }`, {
      i: { kind: 'DECONFLICTION', references: [ref2], purpose: 'Our surveillance team is following this vehicle' },
    }, tok.partner)) as any;
    expect(interest.requestInformation).toMatchObject({ kind: 'DECONFLICTION', status: 'OPEN', lawfulBasis: null });
    const id = interest.requestInformation.id;
    expect(code(await t.gql('mutation($id:ID!){ refuseInformationRequest(id:$id, reason:"no"){ id } }', { id }, tok.manager))).toBe('VALIDATION');
    const refused = ok(await t.gql(`mutation($id:ID!){ refuseInformationRequest(id:$id, reason:"A live operation: call the desk to deconflict"){ ${REQ} } }`, { id }, tok.manager)) as any;
    expect(refused.refuseInformationRequest).toMatchObject({ status: 'REFUSED', refusalReason: 'A live operation: call the desk to deconflict' });
    const sent = ok(await t.gql(`{ informationRequests(direction: SENT, status: REFUSED){ ${REQ} } }`, {}, tok.partner)) as any;
    expect(sent.informationRequests.map((x: { id: string }) => x.id)).toEqual([id]);
    // A request for information proper states its lawful basis.
    const noBasis = await t.gql('mutation($i:InformationRequestInput!){ requestInformation(input:$i){ id } }', { i: { references: [ref2], question: 'Who drives it?', purpose: 'x' } }, tok.partner);
    expect(code(noBasis)).toBe('VALIDATION');
  });
});

describe('watches and alerts', () => {
  const WATCH = 'mutation($k:WatchKind!,$t:String!){ watch(kind:$k, target:$t){ id kind target label } }';
  const alerts = async (token: string) => ((ok(await t.gql(`{ alerts{ ${ALERT} } }`, {}, token)) as any).alerts as any[]);

  it('an analyst watching a subject is alerted to a new report and link; a burst of writes is one digest', async () => {
    const w = ok(await t.gql(WATCH, { k: 'ENTITY', t: ids.S1 }, tok.analyst)) as any;
    expect(w.watch).toMatchObject({ kind: 'ENTITY', target: ids.S1, label: 'Subject Thaddeus Wraxall' });
    // Watching twice is one watch.
    expect((ok(await t.gql(WATCH, { k: 'ENTITY', t: ids.S1 }, tok.analyst)) as any).watch.id).toBe(w.watch.id);
    await t.flushAlerts();
    expect(await alerts(tok.analyst)).toEqual([]);

    ids.R3 = await t.entity('R3', 'IntelligenceReport', { text: 'Wraxall seen with a new associate', sourceEvaluation: '2', intelAssessment: 'C' }, {}, 'Report three');
    ids.S3 = await t.entity('S3', 'Subject', { forename: 'Cassius', surname: 'Vane' });
    await t.link(ids.S3, 'ASSOCIATE_OF', ids.S1, {}, [ids.R3]);
    for (let i = 0; i < 20; i++) await t.entity('S3', 'Subject', { forename: 'Cassius', surname: 'Vane', notes: `sighting ${i}` });
    await t.flushAlerts();
    const list = await alerts(tok.analyst);
    expect(list).toHaveLength(1);
    const a = list[0];
    expect(a).toMatchObject({ watchId: w.watch.id, watchKind: 'ENTITY', read: false });
    expect(a.added.map((n: { id: string }) => n.id)).toEqual([ids.S3]);
    expect(a.addedLinks).toHaveLength(1);
    expect(a.summary).toContain('Cassius Vane');
    expect((ok(await t.gql('{ inboxCounts{ unreadAlerts } }', {}, tok.analyst)) as any).inboxCounts.unreadAlerts).toBe(1);

    expect((ok(await t.gql('mutation{ markAlertsRead }', {}, tok.analyst)) as any).markAlertsRead).toBe(1);
    await t.entity('S3', 'Subject', { forename: 'Cassius', surname: 'Vane', notes: 'moved house' });
    await t.flushAlerts();
    const next = await alerts(tok.analyst);
    expect(next).toHaveLength(2);
    expect(next[0]).toMatchObject({ read: false, added: [], changed: [{ id: ids.S3 }] });
  });

  it('a partner watching a subject gets only what the policy allows: a stub alert, or nothing for hidden material', async () => {
    const partnerWatch = ok(await t.gql(WATCH, { k: 'ENTITY', t: ids.P1 }, tok.partner)) as any;
    const analystWatchP1 = await t.gql(WATCH, { k: 'ENTITY', t: ids.P1 }, tok.analyst);
    expect(code(analystWatchP1)).toBe('NOT_FOUND'); // a stub to agency 1: its network is not theirs to watch
    // A stub may not be watched either by its id: the holder's network is the holder's.
    expect(code(await t.gql(WATCH, { k: 'ENTITY', t: stubId(await t.userId('partner'), ids.S1) }, tok.partner))).toBe('NOT_FOUND');
    await t.flushAlerts();

    // Agency 1 links its own report to the partner's subject: the partner may know something is held.
    ids.R4 = await t.entity('R4', 'IntelligenceReport', { text: 'Trent collects for the group', sourceEvaluation: '2', intelAssessment: 'B' }, {}, 'Report four');
    await t.link(ids.R4, 'MENTIONS', ids.P1);
    await t.flushAlerts();
    let got = await alerts(tok.partner);
    expect(got).toHaveLength(1);
    expect(got[0].watchId).toBe(partnerWatch.watch.id);
    expect(got[0].added).toEqual([{ id: stubId(await t.userId('partner'), ids.R4), label: 'Intelligence held by Force One', restricted: true, heldBy: 'Force One', access: 'stub' }]);
    expect(got[0].summary).toContain('new intelligence held by Force One');
    expect(JSON.stringify(got)).not.toContain('collects for the group');
    await t.gql('mutation{ markAlertsRead }', {}, tok.partner);

    // Edits of the holder's report change nothing the partner may know: no alert.
    await t.entity('R4', 'IntelligenceReport', { text: 'Trent collects for the group weekly', sourceEvaluation: '1', intelAssessment: 'A' }, {}, 'Report four');
    // A CHIS-compartment record linked to the partner's subject is hidden from them: no alert either.
    ids.C1 = await t.entity('C1', 'IntelligenceReport', { text: 'covert source says', sourceEvaluation: '1', intelAssessment: 'A' }, { compartments: ['CHIS'] }, 'Source report');
    await t.link(ids.C1, 'MENTIONS', ids.P1, {}, [], { compartments: ['CHIS'] });
    await t.flushAlerts();
    got = await alerts(tok.partner);
    expect(got.filter((a) => !a.read)).toEqual([]);
  });

  it('two colleagues watching one subject with different clearance are each told what they may know, from the same delivery', async () => {
    const junior = await t.user('junior', 'ANALYST', { agency: AG1, clearance: 'OFFICIAL-SENSITIVE' });
    await t.gql(WATCH, { k: 'ENTITY', t: ids.S2 }, tok.analyst);
    await t.gql(WATCH, { k: 'ENTITY', t: ids.S2 }, junior);
    await t.flushAlerts();
    await t.gql('mutation{ markAlertsRead }', {}, tok.analyst);
    ids.R5 = await t.entity('R5', 'IntelligenceReport', { text: 'Secret surveillance log on Wraxall', sourceEvaluation: '1', intelAssessment: 'B' }, { classification: 'SECRET' }, 'Surveillance log');
    await t.link(ids.R5, 'MENTIONS', ids.S2, {}, [], { classification: 'SECRET' });
    await t.flushAlerts();
    const mine = (await alerts(tok.analyst)).filter((a) => !a.read);
    expect(mine).toHaveLength(1);
    expect(mine[0].added).toEqual([expect.objectContaining({ id: ids.R5, restricted: false, label: 'Surveillance log' })]);
    const theirs = (await alerts(junior)).filter((a) => !a.read);
    expect(theirs).toHaveLength(1);
    // Held by their own agency but above their clearance: a stub, and the link to it a stub too.
    expect(theirs[0].added).toEqual([expect.objectContaining({ restricted: true, id: stubId(await t.userId('junior'), ids.R5) })]);
    expect(JSON.stringify(theirs)).not.toContain('Surveillance log');
    expect(JSON.stringify(theirs)).not.toContain(ids.R5);
    await t.gql('mutation{ markAlertsRead }', {}, tok.analyst);
  });

  it('a watched search alerts when a new record matches it, and says nothing about records the watcher cannot see', async () => {
    await t.gql(WATCH, { k: 'SEARCH', t: 'Zebulon' }, tok.analyst);
    await t.gql(WATCH, { k: 'SEARCH', t: 'Zebulon' }, tok.partner);
    await t.flushAlerts();
    await t.gql('mutation{ markAlertsRead }', {}, tok.analyst);
    ids.Z1 = await t.entity('Z1', 'Subject', { forename: 'Zebulon', surname: 'Crane' });
    await t.flushAlerts();
    const mine = (await alerts(tok.analyst)).filter((a) => !a.read && a.watchKind === 'SEARCH');
    expect(mine).toHaveLength(1);
    expect(mine[0].added.map((n: { id: string }) => n.id)).toEqual([ids.Z1]);
    // The partner may not find agency 1's subject by a forename (a stub is found only by a full identifier).
    const theirs = (await alerts(tok.partner)).filter((a) => !a.read && a.watchKind === 'SEARCH');
    expect(theirs).toEqual([]);
  });

  it('changes written while no process delivers are delivered later (the feed is in the database)', async () => {
    await t.gql('mutation{ markAlertsRead }', {}, tok.analyst);
    await t.entity('S2', 'Subject', { forename: 'Thaddeus', surname: 'Wraxall', dob: '1985-03-02', notes: 'new address' });
    await t.flushAlerts();
    // Watched directly, and as the associate of a watched subject: both watches say it changed.
    const a = (await alerts(tok.analyst)).filter((x) => !x.read);
    expect(a.map((x) => x.watchId).length).toBe(2);
    for (const x of a) expect(x.changed.map((n: { id: string }) => n.id)).toEqual([ids.S2]);
  });

  it('two processes delivering at once deliver each change once: one alert per change, never a second copy', async () => {
    // Two API processes on one database, each with its own connection, race for every round.
    const other = testDatabase();
    const dirs = [new Agencies(t.db), new Agencies(other)];
    try {
      await t.gql('mutation{ markAlertsRead }', {}, tok.analyst);
      const watch = ok(await t.gql(WATCH, { k: 'ENTITY', t: ids.S2 }, tok.analyst)) as any;
      const unreadOfWatch = async () => (await t.db.read(cypher(
        'MATCH (a:Alert {watchId: $w}) WHERE NOT a.read RETURN a.changes AS changes, a.content AS content', { w: watch.watch.id },
      ))).map((r) => ({ changes: r.changes as number, changed: (JSON.parse(r.content as string).changed as { id: string }[]).map((n) => n.id) }));
      for (let i = 0; i < 6; i++) {
        await t.entity('S2', 'Subject', { forename: 'Thaddeus', surname: 'Wraxall', dob: '1985-03-02', notes: `race ${i}` });
        const rounds = await Promise.all([deliverOnce(t.db, dirs[0]!), deliverOnce(other, dirs[1]!)]);
        // At most one of the two took the change (a third process of another test may take it first).
        expect(rounds.filter((r) => r.changes > 0).length).toBeLessThanOrEqual(1);
        await t.flushAlerts();
        expect(await unreadOfWatch()).toEqual([{ changes: 1, changed: [ids.S2] }]);
        await t.gql('mutation{ markAlertsRead }', {}, tok.analyst);
      }
      // Nothing delivered late after being read: no second copy of an earlier round appears.
      await t.flushAlerts();
      expect(await unreadOfWatch()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
