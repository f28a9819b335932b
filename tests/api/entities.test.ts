import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Viewer } from '../../server/domain/policy.js';
import { supportFor } from '../../server/graph/slice.js';
import { viewerStrength } from '../../server/graph/traverse.js';
import { reportMark } from '../../server/graph/write.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let analyst: string;
let officer: string;
let AG: string;

beforeAll(async () => {
  t = await startTestApp();
  AG = `${t.prefix}-AG1`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  // The agency entity must carry the id used as owner by the helpers.
  analyst = await t.user('analyst', 'ANALYST', { agency: AG });
  officer = await t.user('officer', 'INTEL_OFFICER', { agency: AG });
});
afterAll(async () => t?.close());

const CREATE = `mutation($input: EntityInput!){ createEntity(input:$input){ id created changed } }`;
const GET = `query($id: ID!){ entity(id:$id){ id type label restricted access props markings{ classification handling handlingConditions agency } } }`;

describe('entities through GraphQL against the real database', () => {
  it('creates, reads, updates and archives a subject', async () => {
    const id = `${t.prefix}-S1`;
    const c = await t.gql(CREATE, { input: { id, type: 'Subject', props: { forename: 'Zoë', surname: 'Hartley', dob: '1990-04-02', aliases: ['Zo'] } } }, analyst);
    expect(c.errors).toBeUndefined();
    expect(c.data.createEntity).toEqual({ id, created: true, changed: true });

    const g = await t.gql(GET, { id }, analyst);
    expect(g.data.entity).toMatchObject({ id, type: 'Subject', label: 'Zoë Hartley', restricted: false, access: 'full' });
    expect(g.data.entity.props).toMatchObject({ forename: 'Zoë', dob: '1990-04-02', aliases: ['Zo'] });
    expect(g.data.entity.markings).toMatchObject({ classification: 'OFFICIAL', handling: 'P', agency: AG });

    const u = await t.gql(`mutation($id:ID!,$p:EntityPatch!){ updateEntity(id:$id, patch:$p){ changed } }`, { id, p: { props: { surname: 'Hartly', aliases: null } } }, analyst);
    expect(u.data.updateEntity.changed).toBe(true);
    const g2 = await t.gql(GET, { id }, analyst);
    expect(g2.data.entity.props.surname).toBe('Hartly');
    expect(g2.data.entity.props.aliases).toBeUndefined();

    const again = await t.gql(`mutation($id:ID!,$p:EntityPatch!){ updateEntity(id:$id, patch:$p){ changed } }`, { id, p: { props: { surname: 'Hartly' } } }, analyst);
    expect(again.data.updateEntity.changed).toBe(false);

    const a = await t.gql(`mutation($id:ID!){ archiveEntity(id:$id){ changed } }`, { id }, analyst);
    expect(a.data.archiveEntity.changed).toBe(true);
    const list = await t.gql(`query{ entities(type:"Subject", where:[{prop:"surname", op:EQ, value:"Hartly"}]){ totalCount items{ id } } }`.replace('op:EQ', 'op:"EQ"'), {}, analyst);
    expect(list.data.entities.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it.each([
    ['an invalid grade', { type: 'IntelligenceReport', props: { text: 'x', sourceEvaluation: '4', intelAssessment: 'A' } }, 'sourceEvaluation'],
    ['an invalid assessment', { type: 'IntelligenceReport', props: { text: 'x', sourceEvaluation: '1', intelAssessment: 'F' } }, 'intelAssessment'],
    ['a C handling code without conditions', { type: 'IntelligenceReport', props: { text: 'x', sourceEvaluation: '1', intelAssessment: 'A' }, markings: { handling: 'C' } }, 'handlingConditions'],
    ['a date in the future', { type: 'Subject', props: { forename: 'A', dob: '2999-01-01' } }, 'dob'],
    ['a latitude out of range', { type: 'Location', props: { address: '1 High St', lat: 123, lon: 0 } }, 'lat'],
    ['oversized text', { type: 'Subject', props: { forename: 'x'.repeat(5000) } }, 'forename'],
    ['an unknown property', { type: 'Subject', props: { shoeSize: 9 } }, 'shoeSize'],
    ['an unknown type', { type: 'Spaceship', props: {} }, 'type'],
    ['an unknown classification', { type: 'Subject', label: 'X', markings: { classification: 'COSMIC' } }, 'classification'],
    ['nfd without justification', { type: 'Subject', label: 'X', markings: { nfd: true } }, 'nfdJustification'],
  ])('refuses %s with a stable code and the field, writing nothing', async (_what, input, field) => {
    const id = `${t.prefix}-BAD-${field}`;
    const r = await t.gql(CREATE, { input: { id, ...input } }, officer);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field });
    const g = await t.gql(GET, { id }, officer);
    expect(g.data.entity).toBeNull();
  });

  it('changes a report’s grading only for a role that may grade; other fields stay open to writers', async () => {
    const id = `${t.prefix}-GRADED`;
    const UPDATE = `mutation($id:ID!,$p:EntityPatch!){ updateEntity(id:$id, patch:$p){ changed } }`;
    const made = await t.gql(CREATE, { input: { id, type: 'IntelligenceReport', props: { text: 'Seen at the unit', sourceEvaluation: '2', intelAssessment: 'B' } } }, officer);
    expect(made.errors).toBeUndefined();
    // The analyst may write but not grade: neither grade nor assessment moves, alone or with other fields.
    for (const props of [{ sourceEvaluation: '1' }, { intelAssessment: 'A' }, { sanitisedText: 'A sighting', intelAssessment: 'A' }]) {
      const r = await t.gql(UPDATE, { id, p: { props } }, analyst);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.errors?.[0]?.message).toMatch(/grade/);
    }
    const kept = await t.gql(GET, { id }, officer);
    expect(kept.data.entity.props).toMatchObject({ sourceEvaluation: '2', intelAssessment: 'B' });
    expect(kept.data.entity.props.sanitisedText).toBeUndefined();
    // Restating the grading unchanged is not a change to it.
    const open = await t.gql(UPDATE, { id, p: { props: { sanitisedText: 'A sighting', sourceEvaluation: '2' } } }, analyst);
    expect(open.errors).toBeUndefined();
    expect(open.data.updateEntity.changed).toBe(true);
    const graded = await t.gql(UPDATE, { id, p: { props: { sourceEvaluation: '1', intelAssessment: 'A' } } }, officer);
    expect(graded.errors).toBeUndefined();
    const after = await t.gql(GET, { id }, analyst);
    expect(after.data.entity.props).toMatchObject({ sourceEvaluation: '1', intelAssessment: 'A', sanitisedText: 'A sighting' });
  });

  it('refuses markings beyond the writer’s own access, on create and on update', async () => {
    // The officer is cleared to SECRET with no compartments: TOP SECRET or CHIS would hide the record from them.
    const top = await t.gql(CREATE, { input: { id: `${t.prefix}-TS1`, type: 'Subject', props: { forename: 'Too', surname: 'High' }, markings: { classification: 'TOP SECRET' } } }, officer);
    expect(top.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'classification' });
    const chis = await t.gql(CREATE, { input: { id: `${t.prefix}-TS2`, type: 'Subject', props: { forename: 'Not', surname: 'Cleared' }, markings: { compartments: ['CHIS'] } } }, officer);
    expect(chis.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'compartments' });
    expect((await t.gql(GET, { id: `${t.prefix}-TS1` }, officer)).data.entity).toBeNull();
    const id = `${t.prefix}-TS3`;
    await t.gql(CREATE, { input: { id, type: 'Subject', props: { forename: 'Kept', surname: 'Visible' } } }, officer);
    const up = await t.gql(`mutation($id:ID!,$p:EntityPatch!){ updateEntity(id:$id, patch:$p){ changed } }`, { id, p: { markings: { classification: 'TOP SECRET' } } }, officer);
    expect(up.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'classification' });
    expect((await t.gql(GET, { id }, officer)).data.entity.markings.classification).toBe('OFFICIAL');
  });

  it('refuses unknown ids in links and reports, and self-loops', async () => {
    const s = await t.entity('L1', 'Subject', { forename: 'Ann' });
    const r1 = await t.gql(`mutation($i:LinkInput!){ createLink(input:$i){ id } }`, { i: { source: s, target: `${t.prefix}-nope`, type: 'ASSOCIATE_OF' } }, analyst);
    expect(r1.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const r2 = await t.gql(`mutation($i:LinkInput!){ createLink(input:$i){ id } }`, { i: { source: s, target: s, type: 'ASSOCIATE_OF' } }, analyst);
    expect(r2.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'target' });
  });

  it('creates a link with provenance and explains why two entities are linked', async () => {
    const a = await t.entity('P1', 'Subject', { forename: 'Lee', surname: 'Carter' });
    const b = await t.entity('O1', 'OCG', { status: 'ACTIVE' }, {}, 'Carter Firm');
    const src = await t.entity('SRC1', 'Source', { reference: 'SRC-1', sourceType: 'ANPR' });
    const weak = await t.entity('R1', 'IntelligenceReport', { text: 'Seen with the Carter firm', sourceEvaluation: '3', intelAssessment: 'D', sourceId: src });
    const strong = await t.entity('R2', 'IntelligenceReport', { text: 'Directs supply for the Carter firm', sourceEvaluation: '1', intelAssessment: 'A' });
    const c = await t.gql(`mutation($i:LinkInput!){ createLink(input:$i){ id created } }`,
      { i: { source: a, target: b, type: 'MEMBER_OF', props: { role: 'PRINCIPAL' }, reportIds: [weak, strong] } }, analyst);
    expect(c.errors).toBeUndefined();
    const id = c.data.createLink.id;
    const d = await t.gql(`query($id:ID!){ link(id:$id){ link{ type strength reportCount props } sourceNode{ label } targetNode{ label } reports{ grade strength report{ id } } withheldReports } }`, { id }, analyst);
    expect(d.errors).toBeUndefined();
    expect(d.data.link.link).toMatchObject({ type: 'MEMBER_OF', reportCount: 2, props: { role: 'PRINCIPAL' } });
    expect(d.data.link.link.strength).toBe(1); // a 1A report is conclusive
    expect(d.data.link.reports.map((r: { grade: string }) => r.grade)).toEqual(['1A', '3D']);
    expect(d.data.link.sourceNode.label).toBe('Lee Carter');

    const again = await t.gql(`mutation($i:LinkInput!){ createLink(input:$i){ created changed } }`,
      { i: { source: a, target: b, type: 'MEMBER_OF', props: { role: 'PRINCIPAL' }, reportIds: [weak, strong] } }, analyst);
    expect(again.data.createLink).toEqual({ created: false, changed: false });

    const bad = await t.gql(`mutation($i:LinkInput!){ createLink(input:$i){ id } }`, { i: { source: a, target: b, type: 'LIVES_AT' } }, analyst);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'type' });
  });

  it('lists with filters, sorting and cursor pagination', async () => {
    for (let i = 0; i < 5; i++) await t.entity(`V${i}`, 'Vehicle', { vrm: `ZZ${i}0 ABC`, make: t.prefix, colour: i % 2 ? 'Red' : 'Blue' });
    await t.entity('V9', 'Vehicle', { vrm: 'ZZ90 XYZ', make: t.prefix });
    const q = `query($after:String, $make:String!){ entities(type:"Vehicle", where:[{prop:"make",op:"EQ",value:$make},{prop:"vrm",op:"CONTAINS",value:"ABC"}], sortBy:"vrm", first:2, after:$after){ totalCount hasNextPage endCursor items{ id label } } }`;
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const r = await t.gql(q, { after, make: t.prefix }, analyst);
      expect(r.errors).toBeUndefined();
      expect(r.data.entities.totalCount).toBe(5);
      seen.push(...r.data.entities.items.map((i: { label: string }) => i.label));
      if (!r.data.entities.hasNextPage) break;
      after = r.data.entities.endCursor;
    }
    expect(seen).toEqual(['ZZ00 ABC', 'ZZ10 ABC', 'ZZ20 ABC', 'ZZ30 ABC', 'ZZ40 ABC']);
  });

  it('sorts and filters on any column with the same statements (planned once), each answer in that column\'s order', async () => {
    // The vehicles of the test above: vrm ZZ00..ZZ40 ABC and ZZ90 XYZ; colour Blue/Red on the first five.
    const q = `query($sortBy:String!, $where:[PropFilter!]){ entities(type:"Vehicle", where:$where, sortBy:$sortBy, descending:true, first:10){ items{ label props } } }`;
    const spy = vi.spyOn(t.db, 'read');
    const texts: Record<string, string[]> = {};
    const labels: Record<string, string[]> = {};
    for (const [sortBy, prop, value] of [['vrm', 'make', t.prefix], ['colour', 'make', t.prefix], ['updatedAt', 'vrm', 'ZZ']] as const) {
      spy.mockClear();
      const r = await t.gql(q, { sortBy, where: [{ prop, op: 'CONTAINS', value }] }, analyst);
      expect(r.errors).toBeUndefined();
      texts[sortBy] = spy.mock.calls.map(([query]) => query.text).filter((text) => text.includes('MATCH (n:Vehicle)'));
      labels[sortBy] = r.data.entities.items.map((i: { label: string }) => i.label);
    }
    spy.mockRestore();
    expect(texts.vrm).toHaveLength(2); // the count and the page
    expect(texts.colour).toEqual(texts.vrm);
    expect(texts.updatedAt).toEqual(texts.vrm);
    expect(texts.vrm!.join('\n')).not.toMatch(/\bn\.`?(vrm|colour|make|updatedAt)\b/);
    expect(labels.vrm).toEqual(['ZZ90 XYZ', 'ZZ40 ABC', 'ZZ30 ABC', 'ZZ20 ABC', 'ZZ10 ABC', 'ZZ00 ABC']);
    // Descending puts records without the value first, then Red before Blue, each by id descending.
    expect(labels.colour).toEqual(['ZZ90 XYZ', 'ZZ30 ABC', 'ZZ10 ABC', 'ZZ40 ABC', 'ZZ20 ABC', 'ZZ00 ABC']);
    expect(labels.updatedAt).toEqual(['ZZ90 XYZ', 'ZZ40 ABC', 'ZZ30 ABC', 'ZZ20 ABC', 'ZZ10 ABC', 'ZZ00 ABC']);
  });

  it('answers a request with a bounded number of database round trips whatever the selection', async () => {
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await t.entity(`N${i}`, 'Phone', { number: `0770090${String(i).padStart(4, '0')}` }));
    const q = `query($ids:[ID!]!){ graph(ids:$ids){ nodes{ id label markings{ agency } } edges{ id } } }`;
    const spy = vi.spyOn(t.db, 'readTx');
    await t.gql(q, { ids: ids.slice(0, 2) }, analyst);
    const few = spy.mock.calls.length;
    spy.mockClear();
    const r = await t.gql(q, { ids }, analyst);
    const many = spy.mock.calls.length;
    spy.mockRestore();
    expect(r.data.graph.nodes).toHaveLength(30);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(4);
  });
});

/**
 * Derived values: a viewer sorts, filters, pages and filters by grade only over what they are shown.
 * Each case runs the same question in two worlds that differ only in what the viewer may not know
 * (the fields behind a sanitised dissemination, a report hidden behind a visible link) and expects
 * identical answers.
 */
describe('lists and grade filters read only what the viewer is shown', () => {
  let partner: string;
  let AG2: string;
  const R: Record<string, string> = {};
  const LIST = `query($sortBy:String, $where:[PropFilter!], $after:String, $first:Int!, $desc:Boolean){
    entities(type:"IntelligenceReport", sortBy:$sortBy, where:$where, first:$first, after:$after, descending:$desc){ totalCount hasNextPage endCursor items{ id access props } } }`;
  const set = (id: string, props: Record<string, unknown>) =>
    t.db.write({ text: 'MATCH (n:Entity {id: $id}) SET n += $props', params: { id, props } });
  /** Every page, one record at a time, as the partner: ids in order and the totals. */
  async function walk(vars: Record<string, unknown>, token = partner) {
    const out: string[] = [];
    let after: string | undefined;
    let total = -1;
    for (let i = 0; i < 10; i++) {
      const r = await t.gql(LIST, { first: 1, ...vars, after }, token);
      expect(r.errors).toBeUndefined();
      total = r.data.entities.totalCount;
      out.push(...r.data.entities.items.map((x: { id: string }) => x.id));
      if (!r.data.entities.hasNextPage) break;
      after = r.data.entities.endCursor;
    }
    return { ids: out, total };
  }

  beforeAll(async () => {
    AG2 = `${t.prefix}-AG2`;
    await t.entity('AG2', 'Agency', { kind: 'POLICE', desk: 'Partner Desk' }, {}, 'Partner Force');
    partner = await t.user('partner', 'PARTNER_LIAISON', { agency: AG2 });
    // Two reports of AG1 disseminated to AG2 in sanitised form: text and source are not theirs to see.
    R.a = await t.entity('DV-A', 'IntelligenceReport', { text: 'aardvark quayside meeting', sanitisedText: 'A meeting', sourceId: 'CHIS-0001', sourceEvaluation: '2', intelAssessment: 'B' });
    R.b = await t.entity('DV-B', 'IntelligenceReport', { text: 'zebra warehouse delivery', sanitisedText: 'A delivery', sourceId: 'CHIS-9999', sourceEvaluation: '2', intelAssessment: 'B' });
    for (const id of [R.a, R.b]) await set(id, { disseminatedTo: [AG2] });
  });

  it('seals cursors: the keyset values cannot be read from them', async () => {
    const r = await t.gql(`query{ entities(type:"IntelligenceReport", sortBy:"text", first:1){ endCursor } }`, {}, partner);
    expect(r.errors).toBeUndefined();
    const cursor = r.data.entities.endCursor as string;
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    for (const secret of ['aardvark', 'zebra', 'CHIS', R.a, R.b]) expect(decoded).not.toContain(secret);
    // The owner's cursor over the text is sealed too.
    const own = await t.gql(`query{ entities(type:"IntelligenceReport", sortBy:"text", first:1){ endCursor } }`, {}, analyst);
    expect(Buffer.from(own.data.entities.endCursor, 'base64url').toString('latin1')).not.toMatch(/aardvark|zebra/);
  });

  it('refuses a tampered, malformed or foreign cursor with one error', async () => {
    const first = await t.gql(LIST, { sortBy: 'label', first: 1 }, partner);
    const cursor = first.data.entities.endCursor as string;
    const raw = Buffer.from(cursor, 'base64url');
    raw[raw.length - 1] ^= 1;
    const forged = Buffer.from(JSON.stringify(['', ''])).toString('base64url');
    const foreign = (await t.gql(LIST, { sortBy: 'label', first: 1 }, analyst)).data.entities.endCursor;
    const otherQuestion = (await t.gql(LIST, { sortBy: 'id', first: 1 }, partner)).data.entities.endCursor;
    for (const after of [raw.toString('base64url'), 'not-a-cursor', forged, foreign, otherQuestion]) {
      const r = await t.gql(LIST, { sortBy: 'label', first: 1, after }, partner);
      expect(r.errors?.[0]?.message).toBe('Invalid cursor');
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'after' });
    }
  });

  it.each(['text', 'sourceId', 'updatedAt', 'createdAt'])('sorts shared records by %s as if it were absent: the order does not follow the hidden values', async (sortBy) => {
    await set(R.a, { text: 'aardvark quayside meeting', sourceId: 'CHIS-0001', updatedAt: '2020-01-01T00:00:00.000Z', createdAt: '2020-01-01T00:00:00.000Z' });
    await set(R.b, { text: 'zebra warehouse delivery', sourceId: 'CHIS-9999', updatedAt: '2024-01-01T00:00:00.000Z', createdAt: '2024-01-01T00:00:00.000Z' });
    const one = { asc: await walk({ sortBy }), desc: await walk({ sortBy, desc: true }) };
    // The other world: the hidden values swapped (as an edit of the original text would do).
    await set(R.a, { text: 'zebra warehouse delivery', sourceId: 'CHIS-9999', updatedAt: '2024-01-01T00:00:00.000Z', createdAt: '2024-01-01T00:00:00.000Z' });
    await set(R.b, { text: 'aardvark quayside meeting', sourceId: 'CHIS-0001', updatedAt: '2020-01-01T00:00:00.000Z', createdAt: '2020-01-01T00:00:00.000Z' });
    const two = { asc: await walk({ sortBy }), desc: await walk({ sortBy, desc: true }) };
    expect(one.asc.ids).toEqual([R.a, R.b].sort());
    expect(two).toEqual(one);
  });

  it('filters shared records as if their sensitive fields were absent', async () => {
    for (const [prop, op, value] of [['text', 'CONTAINS', 'aardvark'], ['text', 'CONTAINS', 'zebra'], ['sourceId', 'EQ', 'CHIS-0001'], ['sourceId', 'GTE', 'A']]) {
      const r = await t.gql(LIST, { first: 10, where: [{ prop, op, value }] }, partner);
      expect(r.errors).toBeUndefined();
      expect(r.data.entities.totalCount, `${prop} ${op} ${value}`).toBe(0);
      expect(r.data.entities.items).toEqual([]);
    }
    // What they are shown still filters.
    const shown = await t.gql(LIST, { first: 10, where: [{ prop: 'sanitisedText', op: 'CONTAINS', value: 'delivery' }] }, partner);
    expect(shown.data.entities.items.map((i: { id: string }) => i.id)).toEqual([R.b]);
    // The owner filters on the text as before.
    const own = await t.gql(LIST, { first: 10, where: [{ prop: 'text', op: 'CONTAINS', value: 'quayside' }] }, analyst);
    expect(own.data.entities.totalCount).toBe(1);
  });

  it('pages the owner through every record by a sort value some records lack, without repeats or gaps', async () => {
    const ids = [];
    for (const [k, src] of [['PG1', 'S-b'], ['PG2', undefined], ['PG3', 'S-a'], ['PG4', undefined], ['PG5', 'S-c']] as const) {
      ids.push(await t.entity(k, 'IntelligenceReport', { text: `paging ${k}`, sourceEvaluation: '1', intelAssessment: 'A', ...(src ? { sourceId: src } : {}), originatingArea: `${t.prefix}-pg` }));
    }
    const where = [{ prop: 'originatingArea', op: 'EQ', value: `${t.prefix}-pg` }];
    const asc = await walk({ sortBy: 'sourceId', where }, analyst);
    expect(asc).toEqual({ ids: [ids[2], ids[0], ids[4], ids[1], ids[3]], total: 5 });
    const desc = await walk({ sortBy: 'sourceId', where, desc: true }, analyst);
    expect(desc.ids).toEqual([ids[3], ids[1], ids[4], ids[0], ids[2]]);
  });

  it('filters paths and expansions by the grade the viewer is shown, not by reports hidden from them', async () => {
    const a = await t.entity('GF-A', 'Subject', { forename: 'Gradeon', surname: 'Alpha' });
    const b = await t.entity('GF-B', 'Subject', { forename: 'Gradeon', surname: 'Beta' });
    const weak = await t.entity('GF-R1', 'IntelligenceReport', { text: 'weak', sourceEvaluation: '3', intelAssessment: 'D' });
    const chis = await t.entity('GF-R2', 'IntelligenceReport', { text: 'strong', sourceEvaluation: '1', intelAssessment: 'A', sourceId: 'SRC-GF' }, { compartments: ['CHIS'] });
    const PATHS = `query($from:ID!,$to:ID!){ shortestPaths(from:$from, to:$to, minGrade:"2B"){ paths{ edgeIds } } }`;
    const EXPAND = `query($ids:[ID!]!){ expand(ids:$ids, filter:{minGrade:"2B"}){ nodes{ id } edges{ id strength } } }`;
    const ask = async () => ({
      paths: (await t.gql(PATHS, { from: a, to: b }, analyst)).data,
      expand: (await t.gql(EXPAND, { ids: [a] }, analyst)).data,
    });
    // World one: the link rests on a 3D report the analyst sees, and a 1A CHIS report they may not know of.
    await t.link(a, 'ASSOCIATE_OF', b, {}, [weak, chis]);
    const one = await ask();
    // World two: the same link without the hidden report.
    await t.link(a, 'ASSOCIATE_OF', b, {}, [weak]);
    const two = await ask();
    expect(one).toEqual(two);
    expect(one.paths.shortestPaths.paths).toEqual([]);
    expect(one.expand.expand.edges).toEqual([]);
    // A CHIS-cleared colleague of the same agency is shown the 1A report, and the filter lets the link through.
    const cleared = await t.user('chis', 'ANALYST', { agency: AG, compartments: ['CHIS'] });
    await t.link(a, 'ASSOCIATE_OF', b, {}, [weak, chis]);
    const seen = await t.gql(PATHS, { from: a, to: b }, cleared);
    expect(seen.data.shortestPaths.paths).toHaveLength(1);
  });
});

describe('the strength a grade filter compares', () => {
  it('is, in Cypher, exactly the strength the API shows the viewer (supportFor over the report marks)', async () => {
    const mark = fc.record({
      sourceEvaluation: fc.constantFrom('1', '2', '3'),
      intelAssessment: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      sourceId: fc.option(fc.constantFrom('S1', 'S2', 'a","c":"OFFICIAL', 'q\\"x', ',"n":true}'), { nil: null }),
      classification: fc.constantFrom('OFFICIAL', 'SECRET', 'TOP SECRET', 'COSMIC'),
      agency: fc.constantFrom('AG1', 'AG2'),
      compartments: fc.subarray(['CHIS', 'OP-X']),
      nfd: fc.boolean(),
    });
    const viewers = fc.record({
      clearance: fc.constantFrom('OFFICIAL', 'SECRET'), agency: fc.constantFrom('AG1', 'AG2'), compartments: fc.subarray(['CHIS', 'OP-X']),
    });
    await fc.assert(fc.asyncProperty(fc.array(mark, { maxLength: 5 }), viewers, fc.boolean(), async (marks, v, legacy) => {
      const viewer: Viewer = { userId: 'u', username: 'u', role: 'ANALYST', ...v };
      const props = legacy
        ? { agency: 'AG1', strength: 0.5, reportIds: ['r1'] }
        : { agency: 'AG1', strength: 1, reportMarks: marks.map((m, i) => reportMark({ id: `r${i}`, ...m } as never)) };
      const q = viewerStrength(viewer, 'r');
      const [row] = await t.db.read({ text: `WITH $props AS r RETURN ${q.text} AS s`, params: { ...q.params, props } });
      expect(row!.s).toBe(supportFor(viewer, props).strength);
    }), { numRuns: 60 });
  });
});
