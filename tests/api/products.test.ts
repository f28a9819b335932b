import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { decide, type Viewer } from '../../server/domain/policy.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Intelligence products through the API, on a small network held by agency 1 with material in every
 * situation a product must handle: reports at OFFICIAL-SENSITIVE and SECRET, one in the CHIS
 * compartment, one marked not for dissemination, a partner's own record shared with agency 1.
 */
let t: TestApp;
let AG1: string, AG2: string;
const ids: Record<string, string> = {};
const tok: Record<'analyst' | 'analystOS' | 'manager' | 'director' | 'principal' | 'partner' | 'officer' | 'researcher', string> = {} as never;
const viewers: Record<string, Viewer> = {};

const PRODUCT = `id type title status version latestVersion classification compartments sourceClassification handling authorUsername approvedBy approvedVersion
  meetingId decisionId sections{ key title source statements{ id text cites citeRefs } snapshot{ kind nodes{ id label lat lon } links{ source target } } }
  sources{ ref reportId grade classification summary } history{ action from to by comment version } versions{ version note savedBy } releases{ id recipientAgency disseminationId }`;
const SANITISED = 'id productId title classification recipientAgency recipientClearance withheld recordCount sections{ key source statements{ id text cites citeRefs } } sources{ ref reportId grade summary } disseminationId';
const release = {
  handling: 'P', purpose: 'Inform the partner of a subject active in its area', lawfulBasis: 'DPA 2018 Part 3; common law policing purpose',
  sharingAgreement: 'Regional OCGM ISA 2025',
};

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const ok = <T = any>(r: { data?: T; errors?: unknown[] }): T => {
  expect(r.errors).toBeUndefined();
  return r.data!;
};
const allText = (p: { sections: { statements: { text: string }[] }[] }) => p.sections.flatMap((s) => s.statements.map((x) => x.text)).join('\n');

async function draft(token: string, input: Record<string, unknown>) {
  return t.gql(`mutation($input: DraftProductInput!){ draftProduct(input: $input){ ${PRODUCT} } }`, { input }, token);
}

beforeAll(async () => {
  t = await startTestApp({ ALERT_POLL_MS: '0' });
  AG1 = `${t.prefix}-AG1`; AG2 = `${t.prefix}-AG2`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'FIB One' }, { agency: AG1 }, 'Force One');
  await t.entity('AG2', 'Agency', { kind: 'POLICE', desk: 'FIB Two' }, { agency: AG2 }, 'Force Two');
  ids.S1 = await t.entity('S1', 'Subject', { forename: 'Quintus', surname: 'Marlowe', dob: '1985-03-02', pncId: '85/123456X', notes: 'holder-only notes on Marlowe' }, { classification: 'OFFICIAL-SENSITIVE' });
  ids.S2 = await t.entity('S2', 'Subject', { forename: 'Ada', surname: 'Quell' }, { classification: 'OFFICIAL-SENSITIVE' });
  ids.S3 = await t.entity('S3', 'Subject', { forename: 'Bram', surname: 'Stoke' }, { classification: 'SECRET' });
  ids.S4 = await t.entity('S4', 'Subject', { forename: 'Cora', surname: 'Vane' }, { classification: 'OFFICIAL-SENSITIVE', compartments: ['CHIS'] });
  ids.S5 = await t.entity('S5', 'Subject', { forename: 'Dai', surname: 'Rees' }, { agency: AG2 });
  await t.db.write(cypher('MATCH (n:Entity {id: $id}) SET n.disseminatedTo = [$to]', { id: ids.S5, to: AG1 }));
  ids.OCG = await t.entity('OCG', 'OCG', { reference: 'OCG-T-1', status: 'ACTIVE', crimeTypes: ['DRUGS_SUPPLY'] }, { classification: 'OFFICIAL-SENSITIVE' }, 'Canal Street Crew');
  ids.L1 = await t.entity('L1', 'Location', { address: '4 Canal Street', postcode: 'B1 1AA', lat: 52.48, lon: -1.9 }, { classification: 'OFFICIAL-SENSITIVE' });
  ids.V1 = await t.entity('V1', 'Vehicle', { vrm: 'QX19 ZZK', make: 'Audi' }, { classification: 'OFFICIAL-SENSITIVE' });
  ids.R1 = await t.entity('R1', 'IntelligenceReport', { text: 'Marlowe stores cash at the lock-up on Canal Street', sourceEvaluation: '2', intelAssessment: 'B', eventDate: '2026-10-02' }, { classification: 'OFFICIAL-SENSITIVE' }, 'Report one');
  ids.R2 = await t.entity('R2', 'IntelligenceReport', { text: 'Marlowe meets Stoke at night', sourceEvaluation: '1', intelAssessment: 'A', eventDate: '2026-09-14' }, { classification: 'SECRET' }, 'Report two');
  ids.R3 = await t.entity('R3', 'IntelligenceReport', { text: 'Vane reports Marlowe runs the crew', sourceEvaluation: '1', intelAssessment: 'B', eventDate: '2026-08-01' }, { classification: 'OFFICIAL-SENSITIVE', compartments: ['CHIS'] }, 'Report three');
  ids.R4 = await t.entity('R4', 'IntelligenceReport', { text: 'Marlowe drives the Audi to the partner area', sourceEvaluation: '2', intelAssessment: 'C', eventDate: '2026-07-20' }, { classification: 'OFFICIAL-SENSITIVE', nfd: true, nfdJustification: 'Source would be identified by the detail of the route', nfdApprover: 'DI Ward' }, 'Report four');
  ids.R5 = await t.entity('R5', 'IntelligenceReport', { text: 'Quell collects from the lock-up weekly', sourceEvaluation: '2', intelAssessment: 'B', eventDate: '2026-10-20' }, { classification: 'OFFICIAL-SENSITIVE' }, 'Report five');
  await t.link(ids.S1, 'ASSOCIATE_OF', ids.S2, {}, [ids.R1, ids.R5], { classification: 'OFFICIAL-SENSITIVE' });
  await t.link(ids.S1, 'ASSOCIATE_OF', ids.S3, {}, [ids.R2], { classification: 'SECRET' });
  await t.link(ids.S1, 'ASSOCIATE_OF', ids.S4, {}, [ids.R3], { classification: 'OFFICIAL-SENSITIVE', compartments: ['CHIS'] });
  await t.link(ids.S1, 'ASSOCIATE_OF', ids.S5, {}, [], { classification: 'OFFICIAL' });
  await t.link(ids.S1, 'MEMBER_OF', ids.OCG, { role: 'PRINCIPAL' }, [ids.R1], { classification: 'OFFICIAL-SENSITIVE' });
  await t.link(ids.S2, 'MEMBER_OF', ids.OCG, { role: 'SIGNIFICANT' }, [ids.R5], { classification: 'OFFICIAL-SENSITIVE' });
  await t.link(ids.S1, 'LIVES_AT', ids.L1, { from: '2024-05-01' }, [ids.R1], { classification: 'OFFICIAL-SENSITIVE' });
  await t.link(ids.S1, 'USES_VEHICLE', ids.V1, {}, [ids.R4], { classification: 'OFFICIAL-SENSITIVE' });
  for (const r of ['R1', 'R2', 'R3', 'R4', 'R5']) await t.link(ids[r]!, 'MENTIONS', ids.S1, {}, [], { classification: r === 'R2' ? 'SECRET' : 'OFFICIAL-SENSITIVE', compartments: r === 'R3' ? ['CHIS'] : [] });

  tok.analyst = await t.user('analyst', 'ANALYST', { agency: AG1, clearance: 'SECRET' });
  tok.analystOS = await t.user('analyst-os', 'ANALYST', { agency: AG1, clearance: 'OFFICIAL-SENSITIVE' });
  tok.manager = await t.user('manager', 'INTEL_MANAGER', { agency: AG1, clearance: 'SECRET', compartments: ['CHIS'] });
  tok.director = await t.user('director', 'DIRECTOR', { agency: AG1, clearance: 'SECRET' });
  tok.principal = await t.user('principal', 'PRINCIPAL_ANALYST', { agency: AG1, clearance: 'SECRET' });
  tok.officer = await t.user('officer', 'INTEL_OFFICER', { agency: AG1, clearance: 'SECRET' });
  tok.researcher = await t.user('researcher', 'RESEARCHER', { agency: AG1, clearance: 'SECRET' });
  tok.partner = await t.user('partner', 'PARTNER_LIAISON', { agency: AG2, clearance: 'OFFICIAL-SENSITIVE' });
  for (const [name, clearance, comps, agency] of [['analyst', 'SECRET', [], AG1], ['manager', 'SECRET', ['CHIS'], AG1]] as const) {
    viewers[name] = { ...(await t.userId(name)), username: `${t.prefix}.${name}`, role: 'ANALYST', agency, clearance, compartments: [...comps] };
  }
}, 240_000);

afterAll(async () => {
  if (!t) return;
  await t.db.write(cypher('MATCH (n) WHERE (n:Product OR n:ProductVersion OR n:ProductRelease) AND coalesce(n.agency, n.productId, "") STARTS WITH $p DETACH DELETE n', { p: t.prefix })).catch(() => undefined);
  await t.close();
});

/** Every report a product cites, as the database holds it: the author must see each one. */
async function assertCitesVisible(p: { sources: { reportId: string }[]; sections: { statements: { cites: string[] }[] }[] }, viewer: Viewer, ceiling: { classification: string; compartments: string[] }) {
  const cited = new Set(p.sections.flatMap((s) => s.statements.flatMap((x) => x.cites)));
  expect([...cited].sort()).toEqual(p.sources.map((s) => s.reportId).sort());
  const rows = await t.db.read(cypher('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS n', { ids: [...cited] }));
  expect(rows.length).toBe(cited.size);
  const reader = { ...viewer, clearance: ceiling.classification, compartments: ceiling.compartments };
  for (const r of rows) expect(['full', 'shared']).toContain(decide(reader, r.n as never));
}

describe('drafting from the graph', () => {
  it('drafts a subject profile from what its marking lets it read, every statement citing reports the author may see', async () => {
    const os = ok(await draft(tok.analyst, { type: 'SUBJECT_PROFILE', title: 'Marlowe', subjectIds: [ids.S1] })).draftProduct;
    expect(os).toMatchObject({ type: 'SUBJECT_PROFILE', status: 'DRAFT', version: 1, classification: 'OFFICIAL-SENSITIVE', compartments: [] });
    const text = allText(os);
    expect(text).toContain('Quintus Marlowe, born 1985-03-02');
    expect(text).toContain('Ada Quell');
    expect(text).toContain('4 Canal Street');
    expect(text).toContain('QX19 ZZK');
    expect(text).toMatch(/Principal member of Canal Street Crew/i);
    // Nothing above the marking or outside its compartments: the SECRET associate, the CHIS one, their reports.
    expect(text).not.toContain('Stoke');
    expect(text).not.toContain('Vane');
    expect(os.sources.map((s: { reportId: string }) => s.reportId)).not.toContain(ids.R2);
    expect(os.sources.map((s: { reportId: string }) => s.reportId)).not.toContain(ids.R3);
    await assertCitesVisible(os, viewers.analyst!, { classification: 'OFFICIAL-SENSITIVE', compartments: [] });
    expect(os.sourceClassification).toBe('OFFICIAL-SENSITIVE');
    const associates = os.sections.find((s: { key: string }) => s.key === 'associates');
    expect(associates.snapshot.kind).toBe('NETWORK');
    expect(associates.snapshot.nodes[0].id).toBe(ids.S1);
    const locations = os.sections.find((s: { key: string }) => s.key === 'locations');
    expect(locations.snapshot).toMatchObject({ kind: 'MAP', nodes: [{ id: ids.L1, lat: 52.48, lon: -1.9 }] });
    // Citations are numbered in order of first use and carry their grades.
    expect(os.sources[0].ref).toBe('S1');
    expect(os.sections.flatMap((s: any) => s.statements).find((x: any) => x.cites.includes(ids.R1)).citeRefs.join()).toMatch(/S\d+ 2B/);

    // At SECRET the same author's draft includes the SECRET association and its report; the CHIS one needs the compartment.
    const secret = ok(await draft(tok.analyst, { type: 'SUBJECT_PROFILE', title: 'Marlowe (S)', subjectIds: [ids.S1], classification: 'SECRET' })).draftProduct;
    expect(allText(secret)).toContain('Bram Stoke');
    expect(allText(secret)).not.toContain('Vane');
    await assertCitesVisible(secret, viewers.analyst!, { classification: 'SECRET', compartments: [] });
    const chis = ok(await draft(tok.manager, { type: 'SUBJECT_PROFILE', title: 'Marlowe (CHIS)', subjectIds: [ids.S1], classification: 'SECRET', compartments: ['CHIS'] })).draftProduct;
    expect(allText(chis)).toContain('Cora Vane');
    expect(chis.compartments).toEqual(['CHIS']);
    await assertCitesVisible(chis, viewers.manager!, { classification: 'SECRET', compartments: ['CHIS'] });
  });

  it('refuses a marking above the author\u2019s clearance or a compartment they do not hold, and a subject they cannot see', async () => {
    expect(code(await draft(tok.analystOS, { type: 'SUBJECT_PROFILE', title: 'x', subjectIds: [ids.S1], classification: 'SECRET' }))).toBe('VALIDATION');
    expect(code(await draft(tok.analyst, { type: 'SUBJECT_PROFILE', title: 'x', subjectIds: [ids.S1], compartments: ['CHIS'] }))).toBe('VALIDATION');
    const hidden = await draft(tok.analyst, { type: 'SUBJECT_PROFILE', title: 'x', subjectIds: [ids.S4] });
    const none = await draft(tok.analyst, { type: 'SUBJECT_PROFILE', title: 'x', subjectIds: [`${t.prefix}-nobody`] });
    expect(code(hidden)).toBe('NOT_FOUND');
    expect((hidden.errors as any)[0].message.replace(ids.S4!, 'X')).toBe((none.errors as any)[0].message.replace(`${t.prefix}-nobody`, 'X'));
    expect(code(await draft(tok.researcher, { type: 'SUBJECT_PROFILE', title: 'x', subjectIds: [ids.S1] }))).toBe('FORBIDDEN');
    expect(code(await draft(tok.partner, { type: 'SUBJECT_PROFILE', title: 'x', subjectIds: [ids.S1] }))).toBe('FORBIDDEN');
  });

  it('drafts a problem profile, a tactical and a strategic assessment', async () => {
    const pp = ok(await draft(tok.analyst, { type: 'PROBLEM_PROFILE', title: 'Drugs supply', crimeType: 'DRUGS_SUPPLY' })).draftProduct;
    expect(allText(pp)).toContain('Canal Street Crew (OCG-T-1): 2 known members; principal: Quintus Marlowe');
    expect(allText(pp)).toMatch(/2026 Q4: \d+ reports?/);
    await assertCitesVisible(pp, viewers.analyst!, { classification: 'OFFICIAL-SENSITIVE', compartments: [] });
    expect(code(await draft(tok.analyst, { type: 'PROBLEM_PROFILE', title: 'x' }))).toBe('VALIDATION');
    for (const type of ['TACTICAL_ASSESSMENT', 'STRATEGIC_ASSESSMENT']) {
      const p = ok(await draft(tok.analyst, { type, title: type })).draftProduct;
      expect(p.sections.map((s: { key: string }) => s.key)).toContain('priorities');
      await assertCitesVisible(p, viewers.analyst!, { classification: 'OFFICIAL-SENSITIVE', compartments: [] });
    }
  });
});

describe('the workflow', () => {
  let id: string;
  it('keeps every edit as a version and shows what changed', async () => {
    const p = ok(await draft(tok.analyst, { type: 'SUBJECT_PROFILE', title: 'Marlowe for GMP', subjectIds: [ids.S1] })).draftProduct;
    id = p.id;
    const identity = p.sections.find((s: any) => s.key === 'identity');
    const edit = [
      { key: 'summary', statements: [{ text: 'Marlowe is the principal of a drugs supply group using a lock-up in the city centre.', cites: [ids.R1] }] },
      { key: 'identity', statements: identity.statements.map((s: any, i: number) => (i === 0 ? { id: s.id, text: `${s.text} Lives in the city centre.`, cites: s.cites } : s)).map(({ id: sid, text, cites }: any) => ({ id: sid, text, cites })) },
    ];
    const saved = ok(await t.gql(`mutation($id:ID!,$s:[ProductSectionInput!]){ saveProduct(id:$id, baseVersion:1, sections:$s, note:"summary"){ ${PRODUCT} } }`, { id, s: edit }, tok.analyst)).saveProduct;
    expect(saved.version).toBe(2);
    expect(saved.versions.map((v: any) => v.version)).toEqual([1, 2]);
    // A stale base version is refused, not merged over.
    expect(code(await t.gql('mutation($id:ID!){ saveProduct(id:$id, baseVersion:1, title:"x"){ id } }', { id }, tok.analyst))).toBe('CONFLICT');
    // Citing a report above the product's marking is refused as if it did not exist.
    expect(code(await t.gql(`mutation($id:ID!,$s:[ProductSectionInput!]){ saveProduct(id:$id, baseVersion:2, sections:$s){ id } }`, { id, s: [{ key: 'summary', statements: [{ text: 'x', cites: [ids.R2] }] }] }, tok.analyst))).toBe('NOT_FOUND');
    // Only the author edits.
    expect(code(await t.gql('mutation($id:ID!){ saveProduct(id:$id, baseVersion:2, title:"x"){ id } }', { id }, tok.principal))).toBe('FORBIDDEN');
    const diff = ok(await t.gql('query($id:ID!){ productDiff(id:$id, from:1, to:2){ key added removed changed{ before after } } }', { id }, tok.analyst)).productDiff;
    expect(diff.find((d: any) => d.key === 'summary').added).toEqual(['Marlowe is the principal of a drugs supply group using a lock-up in the city centre.']);
    expect(diff.find((d: any) => d.key === 'identity').changed[0].after).toContain('Lives in the city centre.');
    const v1 = ok(await t.gql('query($id:ID!){ product(id:$id, version:1){ version sections{ key statements{ text } } } }', { id }, tok.analyst)).product;
    expect(v1.version).toBe(1);
    expect(v1.sections.find((s: any) => s.key === 'summary').statements).toEqual([]);
  });

  it('must be approved by a manager, not its author, before it is disseminated', async () => {
    const dis = `mutation($id:ID!,$input:ProductReleaseInput!){ disseminateProduct(id:$id, input:$input){ ${SANITISED} } }`;
    const input = { ...release, recipientAgency: AG2 };
    const early = await t.gql(dis, { id, input }, tok.manager);
    expect(code(early)).toBe('CONFLICT');
    expect((early.errors as any)[0].message).toContain('must be approved by a manager before it is disseminated');
    const act = (token: string, action: string, comment?: string) => t.gql(`mutation($id:ID!,$a:String!,$c:String){ productAction(id:$id, action:$a, comment:$c){ ${PRODUCT} } }`, { id, a: action, c: comment }, token);
    expect(code(await act(tok.analyst, 'APPROVE'))).toBe('CONFLICT'); // not under review yet
    ok(await act(tok.analyst, 'SUBMIT'));
    expect(code(await act(tok.analyst, 'APPROVE'))).toBe('FORBIDDEN'); // an analyst is no manager
    expect(code(await act(tok.principal, 'APPROVE'))).toBe('FORBIDDEN');
    expect(code(await t.gql('mutation($id:ID!){ saveProduct(id:$id, baseVersion:2, title:"x"){ id } }', { id }, tok.analyst))).toBe('CONFLICT'); // under review: not editable
    expect(code(await t.gql(dis, { id, input }, tok.manager))).toBe('CONFLICT');
    const approved = ok(await act(tok.manager, 'APPROVE', 'Good to go')).productAction;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: `${t.prefix}.manager`, approvedVersion: 2 });
    expect(approved.history.map((h: any) => h.action)).toEqual(['DRAFT', 'EDIT', 'SUBMIT', 'APPROVE']);
    // An analyst may not disseminate at all.
    expect(code(await t.gql(dis, { id, input }, tok.analyst))).toBe('FORBIDDEN');
  });

  it('shows the sanitised version for a partner beside the original: only what the policy lets the partner know', async () => {
    const s = ok(await t.gql(`query($id:ID!,$a:String!){ productSanitised(id:$id, recipientAgency:$a){ ${SANITISED} } }`, { id, a: AG2 }, tok.officer)).productSanitised;
    const text = allText(s);
    expect(s).toMatchObject({ id: null, classification: 'OFFICIAL-SENSITIVE', recipientClearance: 'OFFICIAL-SENSITIVE' });
    expect(text).toContain('Quintus Marlowe, born 1985-03-02');
    expect(text).toContain('Dai Rees'); // the partner's own record, which agency 1 sees shared
    // Sensitive fields, the narrative (the author's words), NFD and compartmented material are not in it.
    expect(text).not.toContain('85/123456X');
    expect(text).not.toContain('holder-only notes');
    expect(text).not.toContain('lock-up in the city centre');
    expect(text).toContain('QX19 ZZK'); // the vehicle may be released; the report behind it is not for dissemination
    expect(s.sources.map((x: any) => x.reportId)).not.toContain(ids.R4);
    for (const src of s.sources) expect(src.summary).toBeNull(); // report texts are sensitive; no sanitised text was ever approved
    expect(s.withheld).toBeGreaterThan(0);
  });
});

afterAll(() => undefined);
