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
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ok = (r: { data?: unknown; errors?: unknown[] }): any => {
  expect(r.errors).toBeUndefined();
  return r.data;
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
    // A title or note given as null keeps the title.
    const v3 = ok(await t.gql('mutation($id:ID!){ saveProduct(id:$id, baseVersion:2, title:null, note:null){ version title } }', { id }, tok.analyst)).saveProduct;
    expect(v3).toEqual({ version: 3, title: 'Marlowe for GMP' });
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
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: `${t.prefix}.manager`, approvedVersion: 3 });
    expect(approved.history.map((h: any) => h.action)).toEqual(['DRAFT', 'EDIT', 'EDIT', 'SUBMIT', 'APPROVE']);
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

describe('dissemination and what the partner receives', () => {
  let productId: string;
  let releaseId: string;
  beforeAll(async () => {
    const p = ok(await draft(tok.analyst, { type: 'SUBJECT_PROFILE', title: 'Marlowe: release', subjectIds: [ids.S1] })).draftProduct;
    productId = p.id;
    ok(await t.gql('mutation($id:ID!){ productAction(id:$id, action:"SUBMIT"){ id } }', { id: productId }, tok.analyst));
    ok(await t.gql('mutation($id:ID!){ productAction(id:$id, action:"APPROVE"){ id } }', { id: productId }, tok.director));
  });

  it('releases the sanitised version through the dissemination flow; the partner reads it and may now see exactly its records', async () => {
    const before = ok(await t.gql('query($id:ID!){ entity(id:$id){ restricted access } }', { id: ids.S2 }, tok.partner)).entity;
    expect(before.restricted).toBe(true);
    const dis = `mutation($id:ID!,$input:ProductReleaseInput!){ disseminateProduct(id:$id, input:$input){ ${SANITISED} } }`;
    // The author's narrative for the recipient is checked like any sanitised text: an original cannot be pasted in.
    const pasted = await t.gql(dis, { id: productId, input: { ...release, recipientAgency: AG2, narrative: [{ key: 'summary', statements: [{ text: 'Marlowe stores cash at the lock-up on Canal Street' }] }] } }, tok.officer);
    expect(code(pasted)).toBe('VALIDATION');
    const r = ok(await t.gql(dis, { id: productId, input: { ...release, recipientAgency: AG2, narrative: [{ key: 'summary', statements: [{ text: 'A principal of a drugs supply group active in your area.' }] }] } }, tok.officer)).disseminateProduct;
    releaseId = r.id;
    expect(r.id).toMatch(/^REL-/);
    expect(r.disseminationId).toMatch(/^DIS-/);
    expect(allText(r)).toContain('A principal of a drugs supply group active in your area.');
    const product = ok(await t.gql(`query($id:ID!){ product(id:$id){ ${PRODUCT} } }`, { id: productId }, tok.analyst)).product;
    expect(product.status).toBe('DISSEMINATED');
    expect(product.releases).toEqual([{ id: r.id, recipientAgency: AG2, disseminationId: r.disseminationId }]);

    // The partner: the release in its products and its inbox, with the records now shared (never the original or what was withheld).
    const got = ok(await t.gql(`query{ productsReceived{ ${SANITISED} } }`, {}, tok.partner)).productsReceived;
    expect(got.map((x: any) => x.id)).toEqual([r.id]);
    expect(got[0].sections).toEqual(r.sections);
    const inbox = ok(await t.gql('query{ disseminationsReceived{ id productReleaseId sanitisedText records{ id access } } }', {}, tok.partner)).disseminationsReceived;
    const d = inbox.find((x: any) => x.id === r.disseminationId);
    expect(d.productReleaseId).toBe(r.id);
    // Shared: every record of agency 1 the release was drafted from, and nothing it could not be.
    expect(d.records.map((x: any) => x.id)).toEqual(expect.arrayContaining([ids.S1, ids.S2, ids.OCG, ids.L1, ids.V1, ids.R1, ids.R5]));
    for (const never of [ids.S3, ids.S4, ids.R2, ids.R3, ids.R4, ids.S5]) expect(d.records.map((x: any) => x.id)).not.toContain(never);
    for (const x of d.records) expect(x.access).toBe('shared');
    expect(d.sanitisedText).toContain('OFFICIAL-SENSITIVE');
    expect(d.sanitisedText).toContain('Quintus Marlowe, born 1985-03-02');
    expect(d.sanitisedText).not.toContain('85/123456X');
    const after = ok(await t.gql('query($id:ID!){ entity(id:$id){ restricted access label props } }', { id: ids.S2 }, tok.partner)).entity;
    expect(after).toMatchObject({ restricted: false, access: 'shared', label: 'Ada Quell' });
    const s1 = ok(await t.gql('query($id:ID!){ entity(id:$id){ access props } }', { id: ids.S1 }, tok.partner)).entity;
    expect(s1.access).toBe('shared');
    expect(s1.props.pncId).toBeUndefined();
    // What the release did not draw from stays as it was: the SECRET associate, the CHIS one, the NFD report.
    expect(ok(await t.gql('query($id:ID!){ entity(id:$id){ restricted } }', { id: ids.S3 }, tok.partner)).entity.restricted).toBe(true);
    for (const hidden of [ids.S4, ids.R4]) expect(ok(await t.gql('query($id:ID!){ entity(id:$id){ id } }', { id: hidden }, tok.partner)).entity).toBeNull();
    // The partner cannot open the original product, nor another agency's release.
    expect(code(await t.gql('query($id:ID!){ product(id:$id){ id } }', { id: productId }, tok.partner))).toBe('NOT_FOUND');
  });

  it('prints the product and the release with the marking in header and footer, references, sources and page numbers; the export is audited', async () => {
    const answer = ok(await t.gql('query($id:ID!){ productDocument(id:$id, format: HTML){ filename mimeType content classification } product(id:$id){ sources{ reportId } } }', { id: productId }, tok.analyst));
    const html = { ...answer.productDocument, sources: answer.product.sources.map((x: any) => x.reportId) };
    expect(html.mimeType).toBe('text/html');
    expect(html.content).toMatch(/data-marking="header">OFFICIAL-SENSITIVE</);
    expect(html.content).toMatch(/data-marking="footer">OFFICIAL-SENSITIVE</);
    expect(html.content).toMatch(/\[S1 \d[A-E]/);
    expect(html.content).toContain('Appendix: sources');
    const pdf = ok(await t.gql('query($id:ID!){ productDocument(id:$id, format: PDF){ filename mimeType content pages classification } }', { id: productId }, tok.analyst)).productDocument;
    expect(pdf.mimeType).toBe('application/pdf');
    const bytes = Buffer.from(pdf.content, 'base64').toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    const text = pdfText(bytes);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    // The marking twice on every page (header and footer) and "Page i of n" on each.
    expect(text.split('OFFICIAL-SENSITIVE').length - 1).toBeGreaterThanOrEqual(2 * pdf.pages);
    for (let i = 1; i <= pdf.pages; i++) expect(text).toContain(`Page ${i} of ${pdf.pages}`);
    const rel = ok(await t.gql('query($id:ID!){ productDocument(id:$id, format: HTML){ content } }', { id: releaseId }, tok.partner)).productDocument;
    expect(rel.content).toContain('Sanitised for');
    expect(rel.content).not.toContain('85/123456X');
    const trail = ok(await t.gql('query($a:String!){ auditTrail(actor:$a, limit: 50){ op detail resultIds } }', { a: `${t.prefix}.analyst` }, tok.manager)).auditTrail;
    const exported = trail.find((e: any) => e.detail === `export PDF of ${productId}`);
    expect(exported, JSON.stringify(trail.slice(0, 3))).toBeDefined();
    expect(exported.resultIds).toEqual(expect.arrayContaining(html.sources));
  });
});

describe('templates and tasking', () => {
  it('are data: principal analysts save new versions, drafts use the latest, older versions remain', async () => {
    const base = ok(await t.gql('query{ productTemplates{ type version title sections{ key title source } } }', {}, tok.analyst)).productTemplates;
    const sp = base.find((x: any) => x.type === 'PROBLEM_PROFILE');
    // Templates are shared by every agency: this run's section key is its own, and the version is removed afterwards.
    const key = `enf-${t.prefix.toLowerCase().replace(/[^a-z0-9]/g, '').slice(-12)}`;
    const sections = [...sp.sections.filter((x: any) => !x.key.startsWith('enf-')), { key, title: 'Enforcement opportunities', source: 'NARRATIVE', guidance: 'Options for the TT&CG' }];
    const save = 'mutation($s:[TemplateSectionInput!]!){ saveProductTemplate(type: PROBLEM_PROFILE, title: "Problem profile (regional)", sections: $s){ version title sections{ key } } }';
    expect(code(await t.gql(save, { s: sections }, tok.analyst))).toBe('FORBIDDEN');
    expect(code(await t.gql(save, { s: [{ key: 'x', title: 'X', source: 'IDENTITY' }] }, tok.principal))).toBe('VALIDATION'); // identity cannot fill a problem profile
    const saved = ok(await t.gql(save, { s: sections }, tok.principal)).saveProductTemplate;
    expect(saved.version).toBe(sp.version + 1);
    const versions = ok(await t.gql('query{ productTemplateVersions(type: PROBLEM_PROFILE){ version } }', {}, tok.analyst)).productTemplateVersions;
    expect(versions.map((v: any) => v.version)).toContain(1);
    const p = ok(await draft(tok.analyst, { type: 'PROBLEM_PROFILE', title: 'With the new template', crimeType: 'DRUGS_SUPPLY' })).draftProduct;
    expect(p.sections.map((x: any) => x.key)).toContain(key);
    // Another agency's templates are its own.
    const theirs = ok(await t.gql('query{ productTemplates{ type version sections{ key } } }', {}, tok.partner)).productTemplates;
    expect(theirs.find((x: any) => x.type === 'PROBLEM_PROFILE').sections.map((x: any) => x.key)).not.toContain(key);
    await t.db.write(cypher('MATCH (t:ProductTemplate {type: "PROBLEM_PROFILE", version: $v, savedBy: $by}) DELETE t', { v: saved.version, by: `${t.prefix}.principal` }));
  });

  it('links a product to the meeting and decision it informed', async () => {
    const meetingId = `${t.prefix}-MTG`;
    const decisionId = `${t.prefix}-DEC`;
    const marks = { agency: AG1, classification: 'OFFICIAL', compartments: [], disseminatedTo: [], nfd: false };
    await t.db.write(cypher('CREATE (m:Meeting) SET m = $m', { m: { id: meetingId, kind: 'TTCG', title: 'TT&CG 3 December', date: '2026-12-03', ...marks } }));
    await t.db.write(cypher('CREATE (d:Decision) SET d = $d', { d: { id: decisionId, meetingId, text: 'Adopt the Canal Street Crew as a priority', date: '2026-12-03', ...marks } }));
    const p = ok(await draft(tok.analyst, { type: 'TACTICAL_ASSESSMENT', title: 'Tactical assessment December' })).draftProduct;
    const linked = ok(await t.gql('mutation($id:ID!,$m:ID!,$d:ID){ linkProductToDecision(id:$id, meetingId:$m, decisionId:$d){ meetingId decisionId history{ action comment } } }', { id: p.id, m: meetingId, d: decisionId }, tok.analyst)).linkProductToDecision;
    expect(linked).toMatchObject({ meetingId, decisionId });
    expect(linked.history.at(-1).comment).toContain('TT&CG 3 December');
    expect(code(await t.gql('mutation($id:ID!){ linkProductToDecision(id:$id, meetingId:"nope"){ id } }', { id: p.id }, tok.analyst))).toBe('NOT_FOUND');
    await t.db.write(cypher('MATCH (n) WHERE n.id IN [$a, $b] DETACH DELETE n', { a: meetingId, b: decisionId }));
  });
});

/** The text a PDF shows: pdfkit writes each run as a hex string of glyph codes (standard fonts, WinAnsi). */
function pdfText(pdf: string): string {
  const out: string[] = [];
  for (const m of pdf.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    out.push([...m[1]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
  }
  for (const m of pdf.matchAll(/<([0-9a-fA-F]+)>\s*Tj/g)) out.push(Buffer.from(m[1]!, 'hex').toString('latin1'));
  return out.join('\n');
}
