import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
