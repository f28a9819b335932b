import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHHELD } from '../../server/audit/read.js';
import { stubId } from '../../server/domain/policy.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Chart exports through the API: the marking every copy carries comes from the records the
 * exporter is shown, the export is refused where a record's handling forbids it (and until the
 * chart is refreshed when it holds records the exporter may no longer see, all alike), and every
 * request is in the audit with what the file contained, as each reader of the trail may know it.
 */
let t: TestApp;
let analyst: string;
let admin: string;
let manager: string;
let researcherNoExport: string;
const ids: Record<string, string> = {};
let linkOS: string;

const EXPORT = `mutation($format: ExportFormat!, $entityIds: [ID!]!, $linkIds: [ID!], $label: String, $consentReference: String){
  chartExport(format: $format, entityIds: $entityIds, linkIds: $linkIds, label: $label, consentReference: $consentReference){
    allowed exportId classification compartments marking handling conditions warnings refusal blockers needsConsent entityCount linkCount stubCount } }`;

const ask = async (token: string, v: Record<string, unknown>) => t.gql(EXPORT, { format: 'PNG', linkIds: [], label: 'Test chart', ...v }, token);

beforeAll(async () => {
  t = await startTestApp();
  ids.open = await t.entity('X-OPEN', 'Subject', { forename: 'Open', surname: 'Export' });
  ids.os = await t.entity('X-OS', 'Subject', { forename: 'Sensitive', surname: 'Export' }, { classification: 'OFFICIAL-SENSITIVE', handling: 'C', handlingConditions: ['C2', 'C4'] });
  ids.secret = await t.entity('X-SECRET', 'Subject', { forename: 'Secret', surname: 'Export' }, { classification: 'SECRET', compartments: ['FINANCIAL'] });
  ids.c5 = await t.entity('X-C5', 'Subject', { forename: 'Sanitised', surname: 'Only' }, { handling: 'C', handlingConditions: ['C5'] });
  ids.c1 = await t.entity('X-C1', 'Subject', { forename: 'Consent', surname: 'Needed' }, { handling: 'C', handlingConditions: ['C1'] });
  ids.chis = await t.entity('X-CHIS', 'Subject', { forename: 'Covert', surname: 'Export' }, { classification: 'SECRET', compartments: ['CHIS'] });
  ids.stubbed = await t.entity('X-TS', 'Subject', { forename: 'Above', surname: 'Clearance' }, { classification: 'SECRET' });
  linkOS = await t.link(ids.open, 'ASSOCIATE_OF', ids.os, {}, [], { classification: 'OFFICIAL-SENSITIVE' });
  analyst = await t.user('exporter', 'ANALYST', { clearance: 'SECRET', compartments: ['FINANCIAL'] });
  manager = await t.user('boss', 'INTEL_MANAGER', { clearance: 'SECRET', compartments: ['FINANCIAL'] });
  admin = await t.user('admin', 'ADMIN', { clearance: 'OFFICIAL' });
  researcherNoExport = await t.user('lowly', 'ANALYST', { clearance: 'OFFICIAL-SENSITIVE' });
}, 120_000);
afterAll(async () => t?.close());

describe('chart export decisions', () => {
  it('marks the export with the most restricted record shown and its compartments, with the conditions in words', async () => {
    const r = await ask(analyst, { entityIds: [ids.open, ids.os, ids.secret], linkIds: [linkOS] });
    expect(r.errors).toBeUndefined();
    const d = r.data.chartExport;
    expect(d).toMatchObject({
      allowed: true, classification: 'SECRET', compartments: ['FINANCIAL'], marking: 'SECRET [FINANCIAL]', handling: 'C', conditions: ['C2', 'C4'],
      refusal: null, blockers: [], entityCount: 3, linkCount: 1, stubCount: 0,
    });
    expect(d.exportId).toMatch(/^EXP-[0-9a-f-]{36}$/);
    expect(d.warnings).toEqual([expect.stringMatching(/^C2: /), expect.stringMatching(/^C4: /)]);
  });

  it('refuses records handled C5, naming them, and asks for the originator’s consent for C1', async () => {
    const c5 = (await ask(analyst, { entityIds: [ids.open, ids.c5] })).data.chartExport;
    expect(c5).toMatchObject({ allowed: false, exportId: null, blockers: [ids.c5], needsConsent: false });
    expect(c5.refusal).toMatch(/C5/);
    const c1 = (await ask(analyst, { entityIds: [ids.open, ids.c1] })).data.chartExport;
    expect(c1).toMatchObject({ allowed: false, needsConsent: true, blockers: [ids.c1] });
    const given = (await ask(analyst, { entityIds: [ids.open, ids.c1], consentReference: 'ORIG/2026/77' })).data.chartExport;
    expect(given).toMatchObject({ allowed: true, handling: 'C', conditions: ['C1'] });
    expect(given.warnings[0]).toContain('ORIG/2026/77');
  });

  it('answers a record the exporter may not see exactly as one that does not exist, and exports a stub as a stub', async () => {
    const hidden = await ask(analyst, { entityIds: [ids.open, ids.chis] });
    const missing = await ask(analyst, { entityIds: [ids.open, `${t.prefix}-NO-SUCH-RECORD`] });
    expect(hidden).toEqual(missing);
    expect(hidden.data.chartExport).toMatchObject({ allowed: false, blockers: [], entityCount: 1 });
    expect(hidden.data.chartExport.refusal).toMatch(/^1 item is on the chart that you may no longer see/);
    // A SECRET record is a stub to an OFFICIAL-SENSITIVE analyst: it is exported as what it says, adding no marking.
    const { userId } = await t.userId('lowly');
    const stub = (await ask(researcherNoExport, { entityIds: [ids.open, stubId({ userId }, ids.stubbed)] })).data.chartExport;
    expect(stub).toMatchObject({ allowed: true, classification: 'OFFICIAL', stubCount: 1, entityCount: 1 });
  });

  it('refuses roles without export, an empty chart and bad consent references', async () => {
    expect((await ask(admin, { entityIds: [ids.open] })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ask(analyst, { entityIds: [] })).errors?.[0]?.message).toMatch(/empty/);
    const bad = (await ask(analyst, { entityIds: [ids.c1], consentReference: 'x' })).data.chartExport;
    expect(bad).toMatchObject({ allowed: false, needsConsent: true });
  });
});

describe('the audit of exports', () => {
  const trail = async (token: string) => (await t.gql<{ auditTrail: { actor: string; op: string; outcome: string; args: string; resultIds: string[]; detail: string }[] }>(
    '{ auditTrail(op: "chartExport", limit: 50){ actor op outcome args resultIds detail } }', {}, token)).data!.auditTrail;

  it('records what each export contained, with its reference and decision; the title only as a hash', async () => {
    const r = (await ask(analyst, { entityIds: [ids.open, ids.secret], linkIds: [linkOS], label: 'Operation Mallard network' })).data.chartExport;
    const events = await trail(manager);
    const e = events.find((x) => x.detail.includes(r.exportId));
    expect(e).toBeDefined();
    expect(e!.actor).toBe(`${t.prefix}.exporter`);
    expect([...e!.resultIds].sort()).toEqual([ids.open, ids.secret, linkOS].sort());
    expect(e!.detail).toContain('2 entities, 1 links, 0 stubs; marked SECRET [FINANCIAL]');
    expect(e!.args).not.toContain('Mallard');
    // Refusals are recorded too.
    await ask(analyst, { entityIds: [ids.c5], label: 'Refused chart' });
    expect((await trail(manager)).some((x) => x.detail.startsWith('export PNG refused') && x.detail.includes('C5'))).toBe(true);
  });

  it('shows an OFFICIAL administrator neither the SECRET records an export held nor its detail', async () => {
    const r = (await ask(analyst, { entityIds: [ids.open, ids.secret], label: 'For the admin' })).data.chartExport;
    expect(r.allowed).toBe(true);
    const mine = (await trail(manager)).find((x) => x.detail.includes(r.exportId))!;
    expect(mine.resultIds).toContain(ids.secret);
    const events = await trail(admin);
    // Who exported and when is shown; the records are shown as the administrator may know them, the rest withheld.
    // Who exported and when, and the records asked for as the administrator may know them (the SECRET
    // one by the administrator's own stub reference); what the exporter was answered is withheld.
    const { userId } = await t.userId('admin');
    const asked = events.filter((x) => x.actor === `${t.prefix}.exporter` && x.args.includes(stubId({ userId }, ids.secret)));
    expect(asked.length).toBeGreaterThan(0);
    for (const e of asked) expect(e).toMatchObject({ outcome: WITHHELD, detail: WITHHELD, resultIds: [] });
    expect(events.every((x) => !x.resultIds.includes(ids.secret) && !x.args.includes(ids.secret) && !x.detail.includes('SECRET'))).toBe(true);
  });
});
