import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { DEFAULT_HARM_TEMPLATE } from '../../server/domain/harm.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { asEach, found, stringsIn, type GqlResult } from '../helpers/viewers.js';

/**
 * OCG mapping and cross-boundary impact on a hand-built world: agency 1 leads a group from force
 * area F1; a member lives in a BCU of F2 (agency 2's force) and a report about the group originated
 * in F3 (agency 3's force). Detection, impact records, dissemination to each partner, what each
 * partner then sees, and not-for-dissemination decisions.
 */
let t: TestApp;
let AG1: string, AG2: string, AG3: string;
const ids: Record<string, string> = {};
const tok: Record<'officer' | 'manager' | 'analyst' | 'partnerA' | 'partnerB' | 'managerB', string> = {} as never;

const ORIGINAL = {
  r1: 'ORIGINAL-R1 the principal stores firearms at the lock-up behind 14 Mill Lane',
  r2: 'ORIGINAL-R2 the courier runs cash to the group every Friday via the M6 services',
  notes: 'ORIGINAL-NOTES informant says the group is planning a reprisal',
  summary: 'ORIGINAL-SUMMARY principal lives in the BCU and recruits children locally',
};
const ORIGINAL_MARKERS = ['ORIGINAL-R1', 'ORIGINAL-R2', 'ORIGINAL-NOTES', 'ORIGINAL-SUMMARY', 'Mill Lane', 'M6 services'];
const SANITISED = {
  impact: 'An organised crime group led from another force has a member living in your area.',
  r1: 'Intelligence indicates a group member has access to weapons.',
  r2: 'Intelligence indicates cash movements linked to an organised crime group.',
};
const d = (r: GqlResult) => r.data as any;
const answers = (v: number) => DEFAULT_HARM_TEMPLATE.criteria.map((c) => ({ criterion: c.id, value: Math.min(v, c.max) }));
const square = (x: number, y: number) => JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });

const DETECT = `query($o:ID){ impactDetection(ocgId:$o){ reasons reviewDue ocg{ id } area{ id label restricted heldBy } leadArea{ id }
  impact{ id status } evidence{ kind entity{ id type } via{ id } area{ id } } } }`;
const RECORD = `mutation($i:RecordImpactInput!){ recordImpact(input:$i){ id status band harm affectedAgency area{ id restricted } leadArea{ id }
  ocg{ id } evidence{ id } summary access templateVersion reviewDue assessedBy } }`;
const DISS = `mutation($i:DisseminationInput!){ disseminate(input:$i){ id access sanitisedText recipientAgency handling handlingConditions{ code meaning }
  riskAssessment authorisedBy recordIds } }`;
const RECEIVED = `query{ disseminationsReceived{ id access sanitisedText originatorAgency recipientAgency handling handlingConditions{ code }
  purpose lawfulBasis sharingAgreement riskAssessment recordIds impactId records{ id type access props } } }`;
const ENTITY = `query($id:ID!){ entity(id:$id){ id type access restricted props } }`;
const MATRIX = `query($f:ImpactFilter){ impactMatrix(filter:$f){ impactId areaId areaName ocgId ocgName crimeTypes harm band assessedAt reviewDue status access } }`;

const baseDiss = { handling: 'P', purpose: 'Inform the affected force of OCG impact', lawfulBasis: 'DPA 2018 Part 3; common law policing purpose', sharingAgreement: 'Regional OCGM ISA 2025' };

async function findings(token: string, ocgId = ids.O1) {
  const r = await t.gql(DETECT, { o: ocgId }, token);
  expect(r.errors).toBeUndefined();
  return r.data.impactDetection as { reasons: string[]; area: { id: string; restricted: boolean; heldBy?: string } | null; impact: { id: string; status: string } | null; evidence: { kind: string; entity: { id: string }; via: { id: string } | null }[] }[];
}

beforeAll(async () => {
  t = await startTestApp();
  AG1 = `${t.prefix}-AG1`; AG2 = `${t.prefix}-AG2`; AG3 = `${t.prefix}-AG3`;
  const own = (a: string) => ({ agency: a });
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'FIB 1' }, own(AG1), 'Force One');
  await t.entity('AG2', 'Agency', { kind: 'POLICE', desk: 'FIB 2' }, own(AG2), 'Force Two');
  await t.entity('AG3', 'Agency', { kind: 'POLICE', desk: 'FIB 3' }, own(AG3), 'Force Three');
  ids.F1 = await t.entity('F1', 'Area', { kind: 'FORCE', boundary: square(0, 50) }, own(AG1), 'Force One area');
  ids.F2 = await t.entity('F2', 'Area', { kind: 'FORCE', boundary: square(1, 50) }, own(AG2), 'Force Two area');
  ids.B2 = await t.entity('B2', 'Area', { kind: 'BCU', boundary: square(1.2, 50.2) }, own(AG2), 'Force Two north BCU');
  ids.F3 = await t.entity('F3', 'Area', { kind: 'FORCE', boundary: square(2, 50) }, own(AG3), 'Force Three area');
  await t.link(ids.B2, 'PART_OF', ids.F2, {}, [], own(AG2));
  await t.link(`${t.prefix}-AG1`, 'RESPONSIBLE_FOR', ids.F1, {}, [], own(AG1));
  await t.link(`${t.prefix}-AG2`, 'RESPONSIBLE_FOR', ids.F2, {}, [], own(AG2));
  await t.link(`${t.prefix}-AG3`, 'RESPONSIBLE_FOR', ids.F3, {}, [], own(AG3));

  ids.O1 = await t.entity('O1', 'OCG', { status: 'ACTIVE', crimeTypes: ['DRUGS_SUPPLY', 'FIREARMS'], leadAgency: AG1, leadArea: ids.F1, notes: ORIGINAL.notes }, {}, 'Northside Crew');
  ids.S1 = await t.entity('S1', 'Subject', { forename: 'Dale', surname: 'Kerrigan' });
  ids.S2 = await t.entity('S2', 'Subject', { forename: 'Ross', surname: 'Pym' });
  ids.L1 = await t.entity('L1', 'Location', { address: '3 North Road' });
  ids.L2 = await t.entity('L2', 'Location', { address: '9 Home Street' });
  await t.link(ids.S1, 'MEMBER_OF', ids.O1, { role: 'PRINCIPAL' });
  await t.link(ids.S2, 'MEMBER_OF', ids.O1, { role: 'PERIPHERAL' });
  await t.link(ids.S1, 'LIVES_AT', ids.L1);
  await t.link(ids.S2, 'LIVES_AT', ids.L2);
  await t.link(ids.L1, 'LOCATED_IN', ids.B2); // a nominal living in another force's BCU
  await t.link(ids.L2, 'LOCATED_IN', ids.F1); // and one at home: not an impact
  ids.R1 = await t.entity('R1', 'IntelligenceReport', { text: ORIGINAL.r1, sourceEvaluation: '1', intelAssessment: 'B', originatingArea: ids.F1 }, {}, 'Report one');
  ids.R2 = await t.entity('R2', 'IntelligenceReport', { text: ORIGINAL.r2, sourceEvaluation: '2', intelAssessment: 'C', originatingArea: ids.F3 }, {}, 'Report two');
  await t.link(ids.R1, 'MENTIONS', ids.S1);
  await t.link(ids.R2, 'MENTIONS', ids.O1); // a report about the group from Force Three's area

  tok.officer = await t.user('officer', 'INTEL_OFFICER', { agency: AG1 });
  tok.manager = await t.user('manager', 'INTEL_MANAGER', { agency: AG1 });
  tok.analyst = await t.user('analyst', 'ANALYST', { agency: AG1 });
  tok.partnerA = await t.user('partner-a', 'PARTNER_LIAISON', { agency: AG2, clearance: 'OFFICIAL-SENSITIVE' });
  tok.partnerB = await t.user('partner-b', 'PARTNER_LIAISON', { agency: AG3, clearance: 'OFFICIAL-SENSITIVE' });
  tok.managerB = await t.user('manager-b', 'INTEL_MANAGER', { agency: AG3 });
});

afterAll(async () => {
  if (!t) return;
  await t.db.write(cypher(
    `MATCH (n) WHERE (n:HarmAssessment OR n:ImpactRecord OR n:Dissemination) AND n.agency STARTS WITH $p DETACH DELETE n`, { p: t.prefix },
  ));
  await t.db.write(cypher('MATCH (n:HarmTemplate) WHERE n.version STARTS WITH $p DETACH DELETE n', { p: t.prefix }));
  await t.close();
});

describe('detection and recording of cross-boundary impact', () => {
  it('finds the group in other forces\u2019 areas, with the evidence, and not in its lead area', async () => {
    const f = await findings(tok.officer);
    expect(f).toHaveLength(2);
    for (const x of f) expect(x.reasons).toEqual(['UNRECORDED_IMPACT']);
    // Other forces own their areas: the lead sees them as stubs that say who holds them.
    const byHolder = new Map(f.map((x) => [x.area!.heldBy, x]));
    expect([...byHolder.keys()].sort()).toEqual(['Force Three', 'Force Two']);
    const f2 = byHolder.get('Force Two')!;
    expect(f2.area!.restricted).toBe(true);
    expect(f2.evidence).toContainEqual(expect.objectContaining({ kind: 'NOMINAL', entity: expect.objectContaining({ id: ids.S1 }), via: { id: ids.L1 } }));
    expect(f2.evidence.map((e) => e.entity.id)).not.toContain(ids.S2);
    const f3 = byHolder.get('Force Three')!;
    expect(f3.evidence).toEqual([expect.objectContaining({ kind: 'REPORT', entity: expect.objectContaining({ id: ids.R2 }) })]);
  });

  it('only those who assess impact may run it or record one', async () => {
    const r = await t.gql(DETECT, { o: ids.O1 }, tok.analyst);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const p = await t.gql(DETECT, { o: ids.O1 }, tok.partnerA);
    expect(p.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records the impact on Force Two (named by the stub id), harm-assessed for that area; detection then asks for dissemination', async () => {
    const f2 = (await findings(tok.officer)).find((x) => x.area?.heldBy === 'Force Two')!;
    const r = await t.gql(RECORD, { i: { ocgId: ids.O1, areaId: f2.area!.id, answers: answers(2), summary: ORIGINAL.summary } }, tok.officer);
    expect(r.errors).toBeUndefined();
    const imp = r.data.recordImpact;
    expect(imp).toMatchObject({
      status: 'OPEN', band: 'B', harm: 50, affectedAgency: AG2, access: 'full', templateVersion: DEFAULT_HARM_TEMPLATE.version,
      area: { id: f2.area!.id, restricted: true }, leadArea: { id: ids.F1 }, ocg: { id: ids.O1 }, summary: ORIGINAL.summary,
    });
    expect(imp.evidence.map((e: { id: string }) => e.id).sort()).toEqual([ids.L1, ids.S1].sort());
    expect(imp.reviewDue > new Date().toISOString().slice(0, 10)).toBe(true);
    ids.IMP2 = imp.id;

    const again = await t.gql(RECORD, { i: { ocgId: ids.O1, areaId: ids.B2, answers: answers(1) } }, tok.officer);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'areaId', impactId: ids.IMP2 });
    const home = await t.gql(RECORD, { i: { ocgId: ids.O1, areaId: ids.F1, answers: answers(1) } }, tok.officer);
    expect(home.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'areaId' });
    const noAnswer = await t.gql(RECORD, { i: { ocgId: ids.O1, areaId: ids.F3, answers: answers(1).slice(1) } }, tok.officer);
    expect(noAnswer.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION' });
    const analyst = await t.gql(RECORD, { i: { ocgId: ids.O1, areaId: ids.F3, answers: answers(1) } }, tok.analyst);
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const after = (await findings(tok.officer)).find((x) => x.area?.heldBy === 'Force Two')!;
    expect(after.reasons).toEqual(['IMPACT_NOT_DISSEMINATED']);
    expect(after.impact).toEqual({ id: ids.IMP2, status: 'OPEN' });
  });

  it('refuses incomplete disseminations with the field at fault', async () => {
    const base = { ...baseDiss, recipientAgency: AG2, impactId: ids.IMP2, sanitisedText: SANITISED.impact };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ handling: 'C' }, 'VALIDATION', 'handlingConditions'],
      [{ handling: 'C', handlingConditions: ['C1'] }, 'VALIDATION', 'riskAssessment'],
      [{ sharingAgreement: ' ' }, 'VALIDATION', 'sharingAgreement'],
      [{ lawfulBasis: '' }, 'VALIDATION', 'lawfulBasis'],
      [{ sanitisedText: `Shared: ${ORIGINAL.summary}` }, 'VALIDATION', 'sanitisedText'],
      [{ recipientAgency: AG1 }, 'VALIDATION', 'recipientAgency'],
      [{ recipientAgency: `${t.prefix}-NOPE` }, 'NOT_FOUND', 'recipientAgency'],
      [{ impactId: undefined }, 'VALIDATION', 'reportIds'],
    ];
    for (const [patch, code, field] of cases) {
      const r = await t.gql(DISS, { i: { ...base, ...patch } }, tok.officer);
      expect(r.errors?.[0]?.extensions, JSON.stringify(patch)).toMatchObject({ code, field });
    }
    const analyst = await t.gql(DISS, { i: base }, tok.analyst);
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const still = (await findings(tok.officer)).find((x) => x.area?.heldBy === 'Force Two')!;
    expect(still.reasons).toEqual(['IMPACT_NOT_DISSEMINATED']);
  });

  it('disseminating the impact to the affected partner closes it; detection no longer reports it', async () => {
    const r = await t.gql(DISS, {
      i: { ...baseDiss, recipientAgency: AG2, impactId: ids.IMP2, sanitisedText: SANITISED.impact, handling: 'C', handlingConditions: ['C1', 'C4'], riskAssessment: 'Source protection: content sanitised; contact before action.' },
    }, tok.officer);
    expect(r.errors).toBeUndefined();
    expect(r.data.disseminate).toMatchObject({ access: 'full', recipientAgency: AG2, handling: 'C', authorisedBy: `${t.prefix}.officer`, sanitisedText: SANITISED.impact });
    expect(r.data.disseminate.recordIds.sort()).toEqual([ids.IMP2, ids.O1].sort());
    expect(r.data.disseminate.handlingConditions.map((c: { code: string }) => c.code)).toEqual(['C1', 'C4']);
    const rec = await t.gql(`query($id:ID!){ impactRecord(id:$id){ status disseminatedTo } }`, { id: ids.IMP2 }, tok.officer);
    expect(rec.data.impactRecord).toEqual({ status: 'DISSEMINATED', disseminatedTo: [AG2] });
    const f = await findings(tok.officer);
    expect(f.map((x) => x.area?.heldBy)).toEqual(['Force Three']);
    // The dissemination is on the audit trail with what it shared.
    const audit = await t.gql(`query($a:String!,$r:String!){ auditTrail(actor:$a, op:"disseminate", recordId:$r){ outcome resultIds } }`,
      { a: `${t.prefix}.officer`, r: ids.IMP2 }, tok.manager);
    expect(audit.data.auditTrail).toEqual([expect.objectContaining({ outcome: 'ok', resultIds: expect.arrayContaining([ids.IMP2, ids.O1, r.data.disseminate.id]) })]);
  });

  it('disseminates one report to each partner, sanitised', async () => {
    const a = await t.gql(DISS, { i: { ...baseDiss, recipientAgency: AG2, reportIds: [ids.R1], sanitisedText: SANITISED.r1 } }, tok.officer);
    expect(a.errors).toBeUndefined();
    const b = await t.gql(DISS, { i: { ...baseDiss, recipientAgency: AG3, reportIds: [ids.R2], sanitisedText: SANITISED.r2 } }, tok.officer);
    expect(b.errors).toBeUndefined();
    // A report has one sanitised version once shared: a different text for another partner is refused.
    const c = await t.gql(DISS, { i: { ...baseDiss, recipientAgency: AG3, reportIds: [ids.R1], sanitisedText: 'Something else entirely about weapons.' } }, tok.officer);
    expect(c.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'sanitisedText' });
  });
});

describe('what each partner sees', () => {
  it('each partner receives exactly what was disseminated to it, sanitised, without the originator\u2019s risk assessment', async () => {
    const r = await asEach(t, { partnerA: tok.partnerA, partnerB: tok.partnerB }, RECEIVED);
    const a = d(r.partnerA).disseminationsReceived as { sanitisedText: string; access: string; riskAssessment: string | null; recordIds: string[]; records: { id: string; access: string; props: Record<string, unknown> }[] }[];
    const b = d(r.partnerB).disseminationsReceived as typeof a;
    expect(a.map((d) => d.sanitisedText).sort()).toEqual([SANITISED.impact, SANITISED.r1].sort());
    expect(b.map((d) => d.sanitisedText)).toEqual([SANITISED.r2]);
    for (const d of [...a, ...b]) {
      expect(d.access).toBe('shared');
      expect(d.riskAssessment).toBeNull();
    }
    const report = a.find((d) => d.recordIds.includes(ids.R1))!.records[0]!;
    expect(report).toMatchObject({ id: ids.R1, access: 'shared' });
    expect(report.props.sanitisedText).toBe(SANITISED.r1);
    expect(report.props.text).toBeUndefined();
    expect(found(r, ORIGINAL_MARKERS)).toEqual([]);
  });

  it('a shared report shows the sanitised version to its recipient and a stub to the other partner', async () => {
    const r1 = await asEach(t, { partnerA: tok.partnerA, partnerB: tok.partnerB }, ENTITY, { id: ids.R1 });
    expect(d(r1.partnerA).entity).toMatchObject({ id: ids.R1, access: 'shared', props: { sanitisedText: SANITISED.r1 } });
    expect(d(r1.partnerB).entity).toMatchObject({ access: 'stub', restricted: true });
    const r2 = await asEach(t, { partnerA: tok.partnerA, partnerB: tok.partnerB }, ENTITY, { id: ids.R2 });
    expect(d(r2.partnerA).entity).toMatchObject({ access: 'stub', restricted: true });
    expect(d(r2.partnerB).entity).toMatchObject({ id: ids.R2, access: 'shared', props: { sanitisedText: SANITISED.r2 } });
    expect(found([r1, r2], ORIGINAL_MARKERS)).toEqual([]);
  });

  it('the impact matrix, map and area view show the disseminated impact to the affected partner only', async () => {
    const m = await asEach(t, { partnerA: tok.partnerA, partnerB: tok.partnerB, officer: tok.officer }, MATRIX, {});
    const rowsA = d(m.partnerA).impactMatrix as Record<string, unknown>[];
    expect(rowsA).toEqual([expect.objectContaining({
      impactId: ids.IMP2, areaId: ids.F2, areaName: 'Force Two area', ocgId: ids.O1, ocgName: 'Northside Crew',
      crimeTypes: ['DRUGS_SUPPLY', 'FIREARMS'], band: 'B', harm: 50, status: 'DISSEMINATED', access: 'shared',
    })]);
    expect(d(m.partnerB).impactMatrix).toEqual([]);
    expect((d(m.officer).impactMatrix as { impactId: string }[]).map((x) => x.impactId)).toEqual([ids.IMP2]);
    const filtered = await t.gql(MATRIX, { f: { band: 'A' } }, tok.partnerA);
    expect(filtered.data.impactMatrix).toEqual([]);
    const byCrime = await t.gql(MATRIX, { f: { crimeType: 'FIREARMS', status: 'DISSEMINATED' } }, tok.partnerA);
    expect(byCrime.data.impactMatrix).toHaveLength(1);

    const map = await t.gql(`query{ impactMap{ areas{ id name kind boundary restricted } flows{ impactId fromAreaId toAreaId ocgId band status } } }`, {}, tok.partnerA);
    expect(map.errors).toBeUndefined();
    const areas = map.data.impactMap.areas as { id: string; boundary: string | null; restricted: boolean }[];
    expect(areas.find((a) => a.id === ids.F2)).toMatchObject({ restricted: false, boundary: square(1, 50) });
    const flow = (map.data.impactMap.flows as Record<string, string>[]).find((f) => f.impactId === ids.IMP2)!;
    expect(flow).toMatchObject({ toAreaId: ids.F2, ocgId: ids.O1, band: 'B', status: 'DISSEMINATED' });
    // The group's lead area is Force One's record, but administrative geography is public reference
    // data: the partner sees its name and boundary, on the map. Only its own areas and the areas its
    // impacts touch are drawn.
    expect(flow.fromAreaId).toBe(ids.F1);
    expect(areas.find((a) => a.id === ids.F1)).toMatchObject({ name: 'Force One area', kind: 'FORCE', restricted: false, boundary: square(0, 50) });
    expect(areas.map((a) => a.id).sort()).toEqual([ids.F1, ids.F2].sort());

    const area = await t.gql(`query($a:ID!){ ocgsImpactingArea(areaId:$a){ relation band harm ocg{ id access props } impact{ id sharedText summary status evidence{ id restricted } } } }`, { a: ids.B2 }, tok.partnerA);
    expect(area.errors).toBeUndefined();
    expect(area.data.ocgsImpactingArea).toEqual([expect.objectContaining({ relation: 'IMPACT', band: 'B', harm: 50 })]);
    const hit = area.data.ocgsImpactingArea[0];
    expect(hit.ocg).toMatchObject({ id: ids.O1, access: 'shared' });
    expect(hit.impact).toMatchObject({ id: ids.IMP2, sharedText: SANITISED.impact, summary: null, status: 'DISSEMINATED' });
    const none = await t.gql(`query($a:ID!){ ocgsImpactingArea(areaId:$a){ relation } }`, { a: ids.F3 }, tok.partnerB);
    expect(none.data.ocgsImpactingArea).toEqual([]);
    expect(found([m, map, area], ORIGINAL_MARKERS)).toEqual([]);
  });

  it('a partner sees nothing of an impact not disseminated to it, not even the areas it touches', async () => {
    const MAP = `query{ impactMap{ areas{ id name boundary restricted } flows{ impactId fromAreaId toAreaId ocgId } } }`;
    const r = await t.gql(MAP, {}, tok.partnerB);
    expect(r.errors).toBeUndefined();
    expect(r.data.impactMap.flows).toEqual([]);
    // Its own force area only: Force One's and Force Two's are no business of this map.
    expect(r.data.impactMap.areas).toEqual([expect.objectContaining({ id: ids.F3, name: 'Force Three area', restricted: false })]);
    const strings = stringsIn(r.data);
    for (const id of [ids.IMP2, ids.O1, ids.F1, ids.F2, ids.B2]) expect(strings.has(id), id).toBe(false);
    expect(found(r, ['Force One area', 'Force Two area', 'Northside Crew', ...ORIGINAL_MARKERS])).toEqual([]);
  });

  it('an area record marked above OFFICIAL is not reference geography: the partner knows it only as restricted', async () => {
    const MAP = `query{ impactMap{ areas{ id name boundary restricted } flows{ impactId fromAreaId toAreaId } } }`;
    await t.db.write(cypher("MATCH (a:Area:Entity {id: $id}) SET a.classification = 'OFFICIAL-SENSITIVE'", { id: ids.F1 }));
    try {
      const r = await t.gql(MAP, {}, tok.partnerA);
      expect(r.errors).toBeUndefined();
      const flow = (r.data.impactMap.flows as { impactId: string; fromAreaId: string }[]).find((f) => f.impactId === ids.IMP2)!;
      expect(flow.fromAreaId).toMatch(/^restricted-/);
      expect((r.data.impactMap.areas as { id: string }[]).find((a) => a.id === flow.fromAreaId)).toMatchObject({ name: 'Intelligence held by Force One', restricted: true, boundary: null });
      expect(stringsIn(r.data).has(ids.F1)).toBe(false);
      expect(found(r, ['Force One area', square(0, 50)])).toEqual([]);
    } finally {
      await t.db.write(cypher("MATCH (a:Area:Entity {id: $id}) SET a.classification = 'OFFICIAL'", { id: ids.F1 }));
    }
  });

  it('the group\u2019s network is shown as far as the partner may see it', async () => {
    const q = `query($o:ID!){ ocgNetwork(ocgId:$o){ nodes{ id type access restricted props } edges{ type restricted } } }`;
    const r = await asEach(t, { partnerA: tok.partnerA, partnerB: tok.partnerB, officer: tok.officer }, q, { o: ids.O1 });
    const nodesA = d(r.partnerA).ocgNetwork.nodes as { id: string; access: string; props: Record<string, unknown> }[];
    expect(nodesA.find((n) => n.id === ids.O1)).toMatchObject({ access: 'shared' });
    expect(nodesA.find((n) => n.id === ids.O1)!.props.notes).toBeUndefined();
    expect(nodesA.filter((n) => n.id !== ids.O1).every((n) => n.access === 'stub')).toBe(true);
    expect(d(r.partnerB).ocgNetwork).toBeNull();
    expect((d(r.officer).ocgNetwork.nodes as { id: string }[]).map((n) => n.id)).toEqual(expect.arrayContaining([ids.S1, ids.S2, ids.R2]));
    expect(found([r.partnerA, r.partnerB], ORIGINAL_MARKERS)).toEqual([]);
  });

  it('a partner never reads the impact\u2019s internal detail, and cannot disseminate or score others\u2019 records', async () => {
    const rec = await t.gql(`query($id:ID!){ impactRecord(id:$id){ id summary sharedText disseminatedTo access markings{ agency } } }`, { id: ids.IMP2 }, tok.partnerA);
    expect(rec.data.impactRecord).toMatchObject({ summary: null, sharedText: SANITISED.impact, disseminatedTo: [], access: 'shared' });
    const other = await t.gql(`query($id:ID!){ impactRecord(id:$id){ id } }`, { id: ids.IMP2 }, tok.partnerB);
    expect(other.data.impactRecord).toBeNull();
    const mgr = await t.gql(DISS, { i: { ...baseDiss, recipientAgency: AG2, reportIds: [ids.R2], sanitisedText: 'x'.repeat(20) } }, tok.managerB);
    expect(mgr.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'reportIds' });
    expect(found([rec, other, mgr], ORIGINAL_MARKERS)).toEqual([]);
  });
});

describe('not for dissemination', () => {
  let imp3: string;
  it('needs the approveNfd permission and a real justification; the approver is the signed-in manager', async () => {
    const f3 = (await findings(tok.officer)).find((x) => x.area?.heldBy === 'Force Three')!;
    const r = await t.gql(RECORD, { i: { ocgId: ids.O1, areaId: f3.area!.id, answers: answers(3) } }, tok.officer);
    expect(r.errors).toBeUndefined();
    imp3 = r.data.recordImpact.id;
    expect(r.data.recordImpact).toMatchObject({ band: 'A', harm: 75, affectedAgency: AG3 });

    const NFD = `mutation($i:NfdInput!){ recordNotForDissemination(input:$i){ id kind justification approver } }`;
    const officer = await t.gql(NFD, { i: { recordId: imp3, justification: 'Live covert operation in Force Three; sharing would compromise it.' } }, tok.officer);
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const short = await t.gql(NFD, { i: { recordId: imp3, justification: 'ops' } }, tok.manager);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'justification' });
    const other = await t.gql(NFD, { i: { recordId: imp3, justification: 'Live covert operation in Force Three; sharing would compromise it.' } }, tok.managerB);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const shared = await t.gql(NFD, { i: { recordId: ids.IMP2, justification: 'Live covert operation in Force Two; sharing would compromise it.' } }, tok.manager);
    expect(shared.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });

    const ok = await t.gql(NFD, { i: { recordId: imp3, justification: 'Live covert operation in Force Three; sharing would compromise it.' } }, tok.manager);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.recordNotForDissemination).toMatchObject({ id: imp3, kind: 'ImpactRecord', approver: `${t.prefix}.manager` });

    const status = await t.gql(`query($id:ID!){ impactRecord(id:$id){ status nfdJustification nfdApprover } }`, { id: imp3 }, tok.officer);
    expect(status.data.impactRecord).toMatchObject({ status: 'NFD', nfdApprover: `${t.prefix}.manager` });
    // The decision closes the impact: detection has nothing left for the group.
    expect(await findings(tok.officer)).toEqual([]);
    const diss = await t.gql(DISS, { i: { ...baseDiss, recipientAgency: AG3, impactId: imp3, sanitisedText: 'An OCG impacts your area.' } }, tok.officer);
    expect(diss.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'impactId' });
    const partner = await t.gql(`query($id:ID!){ impactRecord(id:$id){ id } }`, { id: imp3 }, tok.managerB);
    expect(partner.data.impactRecord).toBeNull();
    // Nor does it reach the affected partner's map: no flow, and the lead force's area is not drawn for it.
    const map = await t.gql(`query{ impactMap{ areas{ id } flows{ impactId } } }`, {}, tok.managerB);
    expect(map.data.impactMap).toEqual({ areas: [{ id: ids.F3 }], flows: [] });
  });

  it('managers see the count and list of not-for-dissemination markings with justification and approver', async () => {
    const Q = `query{ nfdReport{ count items{ id kind label justification approver markedAt } } }`;
    const r = await t.gql(Q, {}, tok.manager);
    expect(r.errors).toBeUndefined();
    expect(r.data.nfdReport.count).toBe(1);
    expect(r.data.nfdReport.items[0]).toMatchObject({ id: imp3, kind: 'ImpactRecord', approver: `${t.prefix}.manager`, justification: expect.stringContaining('covert') });
    const other = await t.gql(Q, {}, tok.managerB);
    expect(other.data.nfdReport.count).toBe(0);
    for (const who of [tok.officer, tok.partnerA]) {
      const denied = await t.gql(Q, {}, who);
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('harm assessments and templates', () => {
  it('scores a group with who, when, template version and review date; overdue reviews are detected', async () => {
    const A = `mutation($i:AssessOcgInput!){ assessOcgHarm(input:$i){ id ocgId templateVersion total band scoredBy reviewDue reviewOverdue answers{ criterion value } } }`;
    const r = await t.gql(A, { i: { ocgId: ids.O1, answers: answers(4), reviewDue: '2099-01-01' } }, tok.officer);
    expect(r.errors).toBeUndefined();
    expect(r.data.assessOcgHarm).toMatchObject({ ocgId: ids.O1, templateVersion: DEFAULT_HARM_TEMPLATE.version, total: 100, band: 'A', scoredBy: `${t.prefix}.officer`, reviewDue: '2099-01-01', reviewOverdue: false });

    const version = `${t.prefix}-T1`;
    const D = `mutation($i:HarmTemplateInput!){ defineHarmTemplate(input:$i){ version builtIn bands{ band minScore } } }`;
    const tpl = {
      version, title: 'Two-band test template', reviewPeriodDays: 30,
      criteria: [
        { id: 'harm', label: 'Harm', dimension: 'HARM', weight: 1, max: 2 },
        { id: 'intent', label: 'Intent', dimension: 'LIKELIHOOD', weight: 1, max: 2 },
        { id: 'reach', label: 'Reach', dimension: 'CAPABILITY', weight: 1, max: 2 },
      ],
      bands: [{ band: 'LOW', minScore: 0 }, { band: 'HIGH', minScore: 60 }],
    };
    const officer = await t.gql(D, { i: tpl }, tok.officer);
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const d = await t.gql(D, { i: tpl }, tok.manager);
    expect(d.errors).toBeUndefined();
    expect(d.data.defineHarmTemplate).toMatchObject({ version, builtIn: false, bands: [{ band: 'HIGH' }, { band: 'LOW' }] });
    const changed = await t.gql(D, { i: { ...tpl, title: 'Changed' } }, tok.manager);
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const s = await t.gql(A, { i: { ocgId: ids.O1, templateVersion: version, answers: [{ criterion: 'harm', value: 2 }, { criterion: 'intent', value: 1 }, { criterion: 'reach', value: 1 }] } }, tok.officer);
    expect(s.data.assessOcgHarm).toMatchObject({ templateVersion: version, total: 66.7, band: 'HIGH' });

    // A group whose last assessment passed its review date (recorded before today, written directly).
    ids.O2 = await t.entity('O2', 'OCG', { status: 'ACTIVE', leadArea: ids.F1 }, {}, 'Quiet Crew');
    await t.db.write(cypher(
      `MATCH (o:OCG {id: $o}) CREATE (h:HarmAssessment {id: $id, ocgId: $o, areaId: null, templateVersion: 'LOCAL-2026.1', answers: '{}', harm: 10, likelihood: 10,
         capability: 10, total: 10, band: 'D', scoredBy: 'someone', scoredAt: '2024-01-01T00:00:00.000Z', reviewDue: '2024-04-01',
         agency: $ag, classification: 'OFFICIAL', compartments: [], handling: 'P', handlingConditions: [], disseminatedTo: [], nfd: false})-[:ASSESSES]->(o)`,
      { o: ids.O2, id: `${t.prefix}-HA-OLD`, ag: AG1 },
    ));
    const f = await findings(tok.officer, ids.O2);
    expect(f).toEqual([expect.objectContaining({ reasons: ['REVIEW_OVERDUE'], area: null })]);
    const list = await t.gql(`query($o:ID!){ harmAssessments(ocgId:$o){ id reviewOverdue } }`, { o: ids.O2 }, tok.officer);
    expect(list.data.harmAssessments).toEqual([{ id: `${t.prefix}-HA-OLD`, reviewOverdue: true }]);
    const partner = await t.gql(`query($o:ID!){ harmAssessments(ocgId:$o){ id } }`, { o: ids.O1 }, tok.partnerB);
    expect(partner.data.harmAssessments).toEqual([]);
  });
});
