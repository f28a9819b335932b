import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../server/audit/trail.js';
import { cypher } from '../../server/db/db.js';
import { stubId } from '../../server/domain/policy.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Charts saved on the server: owned by one analyst, shared with colleagues of the same agency,
 * and opened by each through their own access — records a colleague may not know of vanish with
 * their positions; records they see only as "intelligence held" come back as stubs in place.
 */
let t: TestApp;
let owner: string; // SECRET, CHIS compartment
let colleague: string; // SECRET, no compartments
let junior: string; // OFFICIAL-SENSITIVE
let partner: string; // another agency
let ids: { s1: string; s2: string; h: string };
let chartId: string;

const FIELDS = 'id name ownerName mine nodeCount edgeCount sharedWith{ username }';
const SAVE = `mutation($n:String!,$l:String!,$id:ID){ saveChart(name:$n, layout:$l, id:$id){ ${FIELDS} } }`;
const OPEN = `query($id:ID!){ chart(id:$id){ ${FIELDS} layout withheld graph{ nodes{ id label restricted heldBy } edges{ id source target } } } }`;
const LIST = `{ charts{ ${FIELDS} } }`;
const SHARE = `mutation($id:ID!,$u:[String!]!){ shareChart(id:$id, usernames:$u){ ${FIELDS} } }`;
const DELETE = `mutation($id:ID!){ deleteChart(id:$id) }`;

beforeAll(async () => {
  t = await startTestApp();
  await t.entity('AG1', 'Agency', { kind: 'POLICE' }, {}, 'Test Force');
  await t.entity('AG2', 'Agency', { kind: 'POLICE' }, { agency: `${t.prefix}-AG2` }, 'Partner Force');
  owner = await t.user('owner', 'ANALYST', { compartments: ['CHIS'] });
  colleague = await t.user('colleague', 'ANALYST');
  junior = await t.user('junior', 'ANALYST', { clearance: 'OFFICIAL-SENSITIVE' });
  partner = await t.user('partner', 'ANALYST', { agency: `${t.prefix}-AG2` });
  ids = {
    s1: await t.entity('S1', 'Subject', { forename: 'Open', surname: 'Record' }),
    s2: await t.entity('S2', 'Subject', { forename: 'Secret', surname: 'Record' }, { classification: 'SECRET' }),
    h: await t.entity('H', 'Subject', { forename: 'Covert', surname: 'Source' }, { compartments: ['CHIS'] }),
  };
  await t.link(ids.s1, 'ASSOCIATE_OF', ids.s2, { kind: 'FAMILY' });
  await t.link(ids.s1, 'ASSOCIATE_OF', ids.h, { kind: 'ASSOCIATE' }, [], { compartments: ['CHIS'] });
});
afterAll(async () => {
  await t?.db.write(cypher('MATCH (u:User) WHERE u.username STARTS WITH $p MATCH (c:SavedChart {ownerId: u.id}) DETACH DELETE c', { p: `${t.prefix}.` }));
  await t?.close();
});

const layout = (extra: Record<string, unknown> = {}) => JSON.stringify({
  version: 1, edgeCount: 2,
  entityIds: [ids.s1, ids.s2, ids.h],
  positions: { [ids.s1]: { x: 10, y: 20 }, [ids.s2]: { x: 30, y: 40 }, [ids.h]: { x: 50, y: 60 } },
  pinned: [ids.h, ids.s2], hidden: [], hiddenLinks: [], stubs: [], stubLinks: [],
  filters: null, timeRange: { from: '2024-01-01', to: '2024-12-31' },
  ...extra,
});
const ok = async (query: string, vars: Record<string, unknown>, token: string) => {
  const r = await t.gql(query, vars, token);
  expect(r.errors).toBeUndefined();
  return r.data;
};

describe('saved charts on the server', () => {
  it('saves a chart and reopens it as the owner saw it', async () => {
    const saved = (await ok(SAVE, { n: 'Operation Larch', l: layout() }, owner)).saveChart;
    chartId = saved.id;
    expect(saved).toMatchObject({ name: 'Operation Larch', mine: true, nodeCount: 3, edgeCount: 2, sharedWith: [] });
    const opened = (await ok(OPEN, { id: chartId }, owner)).chart;
    expect(opened.withheld).toBe(0);
    expect(opened.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ids.h, ids.s1, ids.s2].sort());
    expect(opened.graph.edges).toHaveLength(2);
    const l = JSON.parse(opened.layout);
    expect(l.positions[ids.h]).toEqual({ x: 50, y: 60 });
    expect(l.timeRange).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect((await ok(LIST, {}, owner)).charts.map((c: { id: string }) => c.id)).toContain(chartId);
  });

  it('overwrites in place when saved again under its id, and keeps one record', async () => {
    const again = (await ok(SAVE, { n: 'Operation Larch v2', l: layout(), id: chartId }, owner)).saveChart;
    expect(again).toMatchObject({ id: chartId, name: 'Operation Larch v2' });
    const n = await t.db.read(cypher('MATCH (c:SavedChart {id: $id}) RETURN count(c) AS n', { id: chartId }));
    expect(n[0]!.n).toBe(1);
  });

  it('shares only with colleagues of the same agency, answering other agencies like unknown users', async () => {
    const toPartner = await t.gql(SHARE, { id: chartId, u: [`${t.prefix}.partner`] }, owner);
    const toNobody = await t.gql(SHARE, { id: chartId, u: [`${t.prefix}.nobody`] }, owner);
    expect(toPartner.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'usernames' });
    expect(toPartner.errors![0]!.message.replace('partner', 'X')).toBe(toNobody.errors![0]!.message.replace('nobody', 'X'));
    const shared = (await ok(SHARE, { id: chartId, u: [`${t.prefix}.colleague`, `${t.prefix}.junior`] }, owner)).shareChart;
    expect(shared.sharedWith.map((u: { username: string }) => u.username)).toEqual([`${t.prefix}.colleague`, `${t.prefix}.junior`]);
    // Only the owner may share it on.
    const reshare = await t.gql(SHARE, { id: chartId, u: [`${t.prefix}.junior`] }, colleague);
    expect(reshare.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a colleague without the compartment never learns the covert record was on the chart', async () => {
    const listed = (await ok(LIST, {}, colleague)).charts.find((c: { id: string }) => c.id === chartId);
    expect(listed).toMatchObject({ mine: false, name: 'Operation Larch v2', sharedWith: [] });
    const r = await t.gql(OPEN, { id: chartId }, colleague);
    expect(r.errors).toBeUndefined();
    const opened = r.data.chart;
    expect(opened.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ids.s1, ids.s2].sort());
    expect(opened.graph.edges).toHaveLength(1);
    expect(opened.withheld).toBe(1);
    const l = JSON.parse(opened.layout);
    expect(l.entityIds.sort()).toEqual([ids.s1, ids.s2].sort());
    expect(l.pinned).toEqual([ids.s2]);
    expect(l.positions[ids.s1]).toEqual({ x: 10, y: 20 });
    // Not its id, not its position, not its stub id, anywhere in the answer.
    const text = JSON.stringify(r);
    expect(text).not.toContain(ids.h);
    expect(text).not.toContain(stubId(ids.h));
    expect(text).not.toContain('Covert');
  });

  it('a colleague with lower clearance gets the SECRET record as a stub, where it was', async () => {
    const r = await t.gql(OPEN, { id: chartId }, junior);
    expect(r.errors).toBeUndefined();
    const opened = r.data.chart;
    const stub = opened.graph.nodes.find((n: { restricted: boolean }) => n.restricted);
    expect(stub).toMatchObject({ id: stubId(ids.s2), restricted: true });
    expect(opened.graph.nodes.find((n: { id: string }) => n.id === ids.s1)).toMatchObject({ restricted: false });
    const l = JSON.parse(opened.layout);
    expect(l.positions[stubId(ids.s2)]).toEqual({ x: 30, y: 40 });
    expect(l.pinned).toEqual([stubId(ids.s2)]);
    expect(l.entityIds).toEqual([ids.s1]);
    expect(JSON.stringify(r)).not.toContain(ids.s2);
    expect(JSON.stringify(r)).not.toContain('Secret');
  });

  it('another agency cannot list, open, overwrite or delete it', async () => {
    expect((await ok(LIST, {}, partner)).charts.map((c: { id: string }) => c.id)).not.toContain(chartId);
    for (const [q, v] of [[OPEN, { id: chartId }], [DELETE, { id: chartId }], [SAVE, { n: 'Mine now', l: layout(), id: chartId }]] as const) {
      const r = await t.gql(q, v, partner);
      expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('a colleague cannot overwrite it but can save a copy of their own, under their access', async () => {
    const over = await t.gql(SAVE, { n: 'Hijack', l: layout(), id: chartId }, colleague);
    expect(over.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const name = (await t.db.read(cypher('MATCH (c:SavedChart {id: $id}) RETURN c.name AS n', { id: chartId })))[0]!.n;
    expect(name).toBe('Operation Larch v2');
    const opened = JSON.parse((await ok(OPEN, { id: chartId }, colleague)).chart.layout);
    const copy = (await ok(SAVE, { n: 'My copy', l: JSON.stringify({ ...opened, edgeCount: 1 }) }, colleague)).saveChart;
    expect(copy).toMatchObject({ mine: true, nodeCount: 2 });
    expect(copy.id).not.toBe(chartId);
  });

  it('rejects bad input with a field a user can act on, and writes nothing', async () => {
    const before = (await ok(LIST, {}, owner)).charts.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ n: '  ', l: layout() }, 'name'],
      [{ n: 'x'.repeat(201), l: layout() }, 'name'],
      [{ n: 'Bad', l: '{not json' }, 'layout'],
      [{ n: 'Bad', l: '[]' }, 'layout'],
      [{ n: 'Bad', l: layout({ version: 2 }) }, 'layout.version'],
      [{ n: 'Bad', l: layout({ entityIds: [1, 2] }) }, 'layout.entityIds'],
      [{ n: 'Bad', l: layout({ positions: { a: { x: 'left', y: 0 } } }) }, 'layout.positions'],
    ];
    for (const [vars, field] of cases) {
      const r = await t.gql(SAVE, vars, owner);
      expect(r.errors?.[0]?.extensions, JSON.stringify(vars).slice(0, 80)).toMatchObject({ code: 'VALIDATION', field });
    }
    expect((await ok(LIST, {}, owner)).charts.length).toBe(before);
  });

  it('audits opening and sharing', async () => {
    const events = await readAudit(t.db, { actor: `${t.prefix}.junior`, op: 'chart', limit: 5 });
    expect(events[0]?.detail, JSON.stringify(events[0])).toContain(`chart ${chartId} withheld=1`);
    const shares = await readAudit(t.db, { actor: `${t.prefix}.owner`, op: 'shareChart', limit: 5 });
    expect(shares.some((e) => e.detail?.includes(`${t.prefix}.colleague`))).toBe(true);
  });

  it('a colleague removes it from their list; the owner deletes it for everyone', async () => {
    expect((await ok(DELETE, { id: chartId }, colleague)).deleteChart).toBe(true);
    expect((await ok(LIST, {}, colleague)).charts.map((c: { id: string }) => c.id)).not.toContain(chartId);
    expect((await ok(LIST, {}, junior)).charts.map((c: { id: string }) => c.id)).toContain(chartId);
    expect((await ok(DELETE, { id: chartId }, owner)).deleteChart).toBe(true);
    expect((await ok(LIST, {}, junior)).charts.map((c: { id: string }) => c.id)).not.toContain(chartId);
    expect((await t.gql(OPEN, { id: chartId }, junior)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
