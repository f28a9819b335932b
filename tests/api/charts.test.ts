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
    // The owner's saved counts (three entities, two links) are the owner's: a colleague gets none in the list.
    expect(listed).toMatchObject({ mine: false, name: 'Operation Larch v2', sharedWith: [], nodeCount: null, edgeCount: null });
    const r = await t.gql(OPEN, { id: chartId }, colleague);
    expect(r.errors).toBeUndefined();
    const opened = r.data.chart;
    expect(opened.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ids.s1, ids.s2].sort());
    expect(opened.graph.edges).toHaveLength(1);
    // Not even how many were left out: the counts are those of the chart as this colleague sees it.
    expect(opened.withheld).toBeNull();
    expect(opened).toMatchObject({ nodeCount: 2, edgeCount: 1 });
    const l = JSON.parse(opened.layout);
    expect(l.entityIds.sort()).toEqual([ids.s1, ids.s2].sort());
    expect(l.pinned).toEqual([ids.s2]);
    expect(l.positions[ids.s1]).toEqual({ x: 10, y: 20 });
    // Not its id, not its position, not its stub id, anywhere in the answer.
    const text = JSON.stringify(r);
    expect(text).not.toContain(ids.h);
    expect(text).not.toContain(stubId(await t.userId('colleague'), ids.h));
    expect(text).not.toContain('Covert');
  });

  it('a colleague with lower clearance gets the SECRET record as a stub, where it was', async () => {
    const r = await t.gql(OPEN, { id: chartId }, junior);
    expect(r.errors).toBeUndefined();
    const opened = r.data.chart;
    const stub = opened.graph.nodes.find((n: { restricted: boolean }) => n.restricted);
    const j = await t.userId('junior');
    expect(stub).toMatchObject({ id: stubId(j, ids.s2), restricted: true });
    expect(opened.graph.nodes.find((n: { id: string }) => n.id === ids.s1)).toMatchObject({ restricted: false });
    const l = JSON.parse(opened.layout);
    expect(l.positions[stubId(j, ids.s2)]).toEqual({ x: 30, y: 40 });
    expect(l.pinned).toEqual([stubId(j, ids.s2)]);
    expect(l.entityIds).toEqual([ids.s1]);
    expect(JSON.stringify(r)).not.toContain(ids.s2);
    expect(JSON.stringify(r)).not.toContain('Secret');
  });

  it('keeps the owner\u2019s groups, notes and rules with the chart, each opener getting only the members they are shown', async () => {
    const organise = {
      groups: [
        { id: 'group:1', kind: 'group', label: 'Inner circle', members: [ids.s1, ids.s2, ids.h], position: { x: 5, y: 5 } },
        { id: 'group:2', kind: 'ocg', label: 'Collapsed group', ocg: ids.s2, members: [ids.s2, ids.s1], position: { x: 9, y: 9 } },
        { id: 'group:3', kind: 'group', label: 'Source pair', members: [ids.h], position: { x: 1, y: 1 } },
      ],
      annotations: [{ id: 'note:1', kind: 'note', text: 'Meets on Fridays', position: { x: 0, y: 0 }, width: 180, height: 70, colour: '#fef9c3' }],
      rules: [{ id: 'rule:1', enabled: true, when: { kind: 'type', type: 'Subject' }, then: { colour: '#7c3aed' } }],
    };
    const saved = (await ok(SAVE, { n: 'Organised', l: layout({ organise }) }, owner)).saveChart;
    await ok(SHARE, { id: saved.id, u: [`${t.prefix}.colleague`, `${t.prefix}.junior`] }, owner);
    const open = async (token: string) => JSON.parse((await ok(OPEN, { id: saved.id }, token)).chart.layout).organise;
    // The owner: as saved.
    expect(await open(owner)).toEqual(organise);
    // No compartment: the covert member and the group of it alone are gone.
    const c = await open(colleague);
    expect(c.groups.map((g: { id: string; members: string[] }) => [g.id, g.members])).toEqual([['group:1', [ids.s1, ids.s2]], ['group:2', [ids.s2, ids.s1]]]);
    expect(c.annotations).toEqual(organise.annotations);
    expect(c.rules).toEqual(organise.rules);
    // Lower clearance: the SECRET member as the junior's stub, and the collapsed group it stands for left out with its label.
    const j = stubId(await t.userId('junior'), ids.s2);
    const jr = await open(junior);
    expect(jr.groups.map((g: { id: string; members: string[] }) => [g.id, g.members])).toEqual([['group:1', [ids.s1, j]]]);
    expect(JSON.stringify(jr)).not.toContain(ids.s2);
    await ok(DELETE, { id: saved.id }, owner);
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
      [{ n: 'Bad', l: layout({ organise: [] }) }, 'layout.organise'],
      [{ n: 'Bad', l: layout({ organise: { groups: [{ id: 'x', kind: 'group', label: 'A', members: [], position: { x: 0, y: 0 } }] } }) }, 'layout.organise.groups'],
      [{ n: 'Bad', l: layout({ organise: { groups: [{ id: 'group:1', kind: 'ocg', label: 'A', members: [ids.s1], position: { x: 0, y: 0 } }] } }) }, 'layout.organise.groups'],
      [{ n: 'Bad', l: layout({ organise: { annotations: [{ id: 'note:1', kind: 'note', text: 'x'.repeat(2001), position: { x: 0, y: 0 }, width: 1, height: 1, colour: '#000000' }] } }) }, 'layout.organise.annotations'],
      [{ n: 'Bad', l: layout({ organise: { rules: ['colour'] } }) }, 'layout.organise.rules'],
    ];
    for (const [vars, field] of cases) {
      const r = await t.gql(SAVE, vars, owner);
      expect(r.errors?.[0]?.extensions, JSON.stringify(vars).slice(0, 80)).toMatchObject({ code: 'VALIDATION', field });
    }
    expect((await ok(LIST, {}, owner)).charts.length).toBe(before);
  });

  it('audits opening and sharing', async () => {
    const events = await readAudit(t.db, { actor: `${t.prefix}.junior`, op: 'chart', limit: 5 });
    const opened = events.find((e) => e.detail?.includes(`chart ${chartId} opened`));
    expect(opened, JSON.stringify(events)).toBeDefined();
    for (const e of events) expect(e.detail).not.toMatch(/withheld/);
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

/**
 * Two worlds that differ only in what the colleague may not know of: in one the owner's chart also
 * holds covert (CHIS) records, links to them, and covert links among the records both may see,
 * pinned, hidden and positioned among the rest; in the other those records do not exist. The
 * colleague's list entry and opened chart are the same in both (the save time aside: the owner
 * saving is the owner's act, in either world).
 */
describe('a shared chart tells a colleague nothing of what they may not know', () => {
  let w: TestApp;
  let own: string;
  let col: string;
  const vis: string[] = [];
  const LINKS = 'graph{ nodes{ id type label restricted heldBy props } edges{ id source target type restricted strength reportCount } truncated omitted }';
  const OPEN_W = `query($id:ID!){ chart(id:$id){ ${FIELDS} savedAt layout withheld ${LINKS} } }`;

  beforeAll(async () => {
    // MAX_GRAPH_NODES 10: a chart opens with at most 40 links, fewer than the covert ones below.
    w = await startTestApp({ MAX_GRAPH_NODES: '10' });
    await w.entity('AG1', 'Agency', { kind: 'POLICE' }, {}, 'World Force');
    own = await w.user('owner', 'ANALYST', { compartments: ['CHIS'] });
    col = await w.user('colleague', 'ANALYST');
    for (let i = 0; i < 10; i++) vis.push(await w.entity(`V${i}`, 'Subject', { forename: 'Visible', surname: `Person${i}` }));
    for (let i = 0; i + 1 < vis.length; i++) await w.link(vis[i]!, 'ASSOCIATE_OF', vis[i + 1]!, { kind: 'FAMILY' });
  });
  afterAll(async () => {
    await w?.db.write(cypher('MATCH (u:User) WHERE u.username STARTS WITH $p MATCH (c:SavedChart {ownerId: u.id}) DETACH DELETE c', { p: `${w.prefix}.` }));
    await w?.close();
  });

  /** Builds one world (covert records or none), saves the chart over `id` as the owner, and asks as the colleague. */
  async function world(covert: boolean, id?: string) {
    const hidden: string[] = [];
    const hiddenLinks: string[] = [];
    if (covert) {
      for (let i = 0; i < 3; i++) hidden.push(await w.entity(`H${i}`, 'Subject', { forename: 'Covert', surname: `Source${i}` }, { compartments: ['CHIS'] }));
      hiddenLinks.push(await w.link(vis[0]!, 'ASSOCIATE_OF', hidden[0]!, { kind: 'ASSOCIATE' }, [], { compartments: ['CHIS'] }));
      hiddenLinks.push(await w.link(hidden[1]!, 'ASSOCIATE_OF', hidden[2]!, { kind: 'ASSOCIATE' }, [], { compartments: ['CHIS'] }));
      // 36 covert links among the records the colleague sees (every pair not already associated:
      // an association is one link whichever way round), with the 9 visible ones more than the
      // chart's cap on links.
      for (let i = 2; i < vis.length; i++) for (let j = 0; j < i - 1; j++) hiddenLinks.push(await w.link(vis[i]!, 'ASSOCIATE_OF', vis[j]!, { kind: 'ASSOCIATE' }, [], { compartments: ['CHIS'] }));
    } else {
      await w.db.write(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p AND "CHIS" IN coalesce(n.compartments, []) DETACH DELETE n', { p: `${w.prefix}-H` }));
      await w.db.write(cypher('MATCH (:Entity)-[r]->(:Entity) WHERE r.id IS NOT NULL AND "CHIS" IN coalesce(r.compartments, []) AND startNode(r).id STARTS WITH $p DELETE r', { p: w.prefix }));
    }
    const visibleLink = (await w.db.read(cypher('MATCH (a:Entity {id: $a})-[r]-(:Entity {id: $b}) RETURN r.id AS id', { a: vis[0], b: vis[1] })))[0]!.id as string;
    // The owner's chart: covert records interleaved with the rest, in every list of the layout;
    // the records both may see sit where they sit in either world.
    const H = [0, 1, 2].map((i) => `${w.prefix}-H${i}`);
    const master = [vis[0]!, H[0]!, ...vis.slice(1, 5), H[1]!, ...vis.slice(5), H[2]!];
    const all = covert ? master : master.filter((x) => !H.includes(x));
    const layoutDoc = {
      version: 1, edgeCount: covert ? 9 + hiddenLinks.length : 9,
      entityIds: all,
      positions: Object.fromEntries(all.map((x) => [x, { x: master.indexOf(x) * 10, y: master.indexOf(x) * 7 }])),
      pinned: covert ? [hidden[0]!, vis[1]!] : [vis[1]!],
      hidden: covert ? [hidden[1]!, vis[2]!] : [vis[2]!],
      hiddenLinks: covert ? [hiddenLinks[0]!, visibleLink] : [visibleLink],
      stubs: [], stubLinks: [], filters: null, timeRange: null,
      // Groups over covert and visible records, a group of covert records alone and a collapsed
      // covert group; in the other world the owner grouped only what is there.
      organise: {
        groups: covert
          ? [
            { id: 'group:1', kind: 'group', label: 'Inner circle', members: [vis[0]!, hidden[0]!, vis[1]!], position: { x: 3, y: 4 } },
            { id: 'group:2', kind: 'group', label: 'Covert pair', members: [hidden[1]!, hidden[2]!], position: { x: 5, y: 6 } },
            { id: 'group:3', kind: 'ocg', label: 'Covert network', ocg: hidden[0]!, members: [hidden[0]!, vis[3]!], position: { x: 7, y: 8 } },
          ]
          : [{ id: 'group:1', kind: 'group', label: 'Inner circle', members: [vis[0]!, vis[1]!], position: { x: 3, y: 4 } }],
        annotations: [{ id: 'note:1', kind: 'box', text: '', position: { x: 1, y: 2 }, width: 260, height: 180, colour: '#475569' }],
        rules: [{ id: 'rule:1', enabled: true, when: { kind: 'degree', op: 'gt', value: 1 }, then: { size: 50 } }],
      },
    };
    const saved = (await t2ok(SAVE, { n: 'Operation Rowan', l: JSON.stringify(layoutDoc), ...(id ? { id } : {}) }, own)).saveChart;
    if (!id) await t2ok(SHARE, { id: saved.id, u: [`${w.prefix}.colleague`] }, own);
    const ownerView = (await t2ok(OPEN_W, { id: saved.id }, own)).chart;
    const listed = (await t2ok(LIST, {}, col)).charts.find((c: { id: string }) => c.id === saved.id);
    const opened = (await t2ok(OPEN_W, { id: saved.id }, col)).chart;
    return { id: saved.id as string, ownerView, colleague: { listed, opened }, hidden, hiddenLinks };
  }
  const t2ok = async (query: string, vars: Record<string, unknown>, token: string) => {
    const r = await w.gql(query, vars, token);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  const withoutTime = (x: unknown) => JSON.parse(JSON.stringify(x), (k, v) => (k === 'savedAt' ? undefined : v));

  it('gives the colleague identical answers whether or not the owner holds covert records on it', async () => {
    const a = await world(true);
    const b = await world(false, a.id);
    // The worlds do differ, for the owner.
    expect(a.ownerView.graph.nodes).toHaveLength(13);
    expect(b.ownerView.graph.nodes).toHaveLength(10);
    expect(a.ownerView.nodeCount).toBe(13);
    expect(JSON.parse(a.ownerView.layout).organise.groups).toHaveLength(3);
    expect(JSON.parse(a.colleague.opened.layout).organise.groups).toHaveLength(1);
    // For the colleague they do not: list entry, counts, layout, entities and links.
    expect(withoutTime(a.colleague)).toEqual(withoutTime(b.colleague));
    const o = a.colleague.opened;
    expect(o.withheld).toBeNull();
    expect(o).toMatchObject({ nodeCount: 10, edgeCount: 9 });
    expect(o.graph.edges).toHaveLength(9); // the covert links took none of the 40 places
    expect(o.graph.truncated).toBe(false);
    expect(a.colleague.listed).toMatchObject({ nodeCount: null, edgeCount: null });
    const text = JSON.stringify(a.colleague);
    for (const x of [...a.hidden, ...a.hiddenLinks]) expect(text).not.toContain(x);
  });
});
