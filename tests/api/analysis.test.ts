import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { validateEntity, validateLink, type MarkingsInput } from '../../server/domain/validate.js';
import { linkId, writeEntities, writeLinks } from '../../server/graph/write.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { LES_MISERABLES_BETWEENNESS, LES_MISERABLES_EDGES, LES_MISERABLES_WEIGHTED_BETWEENNESS } from '../fixtures/lesmis.js';

/**
 * Link analysis against the real database, on small hand-built graphs whose answers are known.
 * Every id carries this file's prefix; AG1 is the analysts' agency, AG2 another agency whose
 * records AG1 sees only as stubs, and CHIS-compartment records are hidden from all of them.
 */
let t: TestApp;
let analyst: string;
let researcher: string;
let outsider: string;
let AG1: string;
let AG2: string;
const P = () => t.prefix;
const id = (s: string) => `${P()}-${s}`;

const SLICE = 'nodes{ id type label restricted access props } edges{ id source target type restricted strength reportCount } truncated omitted';
const OTHER: MarkingsInput = { agency: '', classification: 'SECRET' };
const CHIS: MarkingsInput = { compartments: ['CHIS'] };

async function subject(name: string, forename: string, surname: string, props: Record<string, unknown> = {}, markings: MarkingsInput = {}) {
  return t.entity(name, 'Subject', { forename, surname, ...props }, markings.agency === '' ? { ...markings, agency: AG2 } : markings);
}
async function report(name: string, grade: string, props: Record<string, unknown> = {}, markings: MarkingsInput = {}) {
  return t.entity(name, 'IntelligenceReport', { text: `Report ${name}`, sourceEvaluation: grade[0], intelAssessment: grade[1], ...props }, markings.agency === '' ? { ...markings, agency: AG2 } : markings);
}

/** Many entities and links in two transactions (the supernode). */
async function bulk(entities: { id: string; type: string; props: Record<string, unknown>; markings?: MarkingsInput }[], links: { source: string; type: string; target: string; markings?: MarkingsInput }[]) {
  const now = new Date().toISOString();
  const recs = entities.map((e) => validateEntity({ id: id(e.id), type: e.type, props: e.props, markings: { agency: AG1, ...e.markings } }, {}));
  await t.db.writeTx((tx) => writeEntities(tx, recs, now));
  const lrecs = links.map((l) => validateLink({ source: l.source, target: l.target, type: l.type, props: {}, reportIds: [], markings: { agency: AG1, ...l.markings } }, {}));
  for (let i = 0; i < lrecs.length; i += 1000) await t.db.writeTx((tx) => writeLinks(tx, lrecs.slice(i, i + 1000), now));
}

beforeAll(async () => {
  t = await startTestApp();
  AG1 = `${t.prefix}-AG1`;
  AG2 = `${t.prefix}-AG2`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  await t.entity('AG2', 'Agency', { kind: 'NCA', desk: 'NCA Intelligence Desk' }, { agency: AG2 }, 'Other Agency');
  analyst = await t.user('analyst', 'ANALYST', { agency: AG1, clearance: 'OFFICIAL-SENSITIVE' });
  researcher = await t.user('researcher', 'RESEARCHER', { agency: AG1 });
  outsider = await t.user('outsider', 'ANALYST', { agency: AG2 });
});

afterAll(async () => {
  if (!t) return;
  await t.db.write(cypher('MATCH (m:MergeRecord) WHERE m.keepId STARTS WITH $p OR m.mergeId STARTS WITH $p DETACH DELETE m', { p: t.prefix }));
  await t.close();
});

describe('expand', () => {
  let X: string, A1: string, A2: string, A3: string, A4: string, A5: string, B1: string, C1: string, PH: string, LOC: string, R: string, H: string;
  beforeAll(async () => {
    X = await subject('X', 'Xavier', 'Centre');
    A1 = await subject('A1', 'Alan', 'Strong');
    A2 = await subject('A2', 'Amy', 'Weak');
    A3 = await subject('A3', 'Abe', 'Unsourced');
    A4 = await subject('A4', 'Ann', 'Past');
    A5 = await subject('A5', 'Ali', 'Recent');
    B1 = await subject('B1', 'Ben', 'Second');
    C1 = await subject('C1', 'Cal', 'Third');
    PH = await t.entity('PH', 'Phone', { number: '07700 900001' });
    LOC = await t.entity('LOC', 'Location', { address: '1 Expansion Street', postcode: 'EX1 1XX' });
    R = await subject('R', 'Rita', 'Restricted', { dob: '1970-07-07' }, OTHER);
    H = await subject('H', 'Hugo', 'Hidden', {}, CHIS);
    const strong = await report('RA1', '1A');
    const weak = await report('RA2', '3D');
    await t.link(X, 'ASSOCIATE_OF', A1, {}, [strong]);
    await t.link(X, 'ASSOCIATE_OF', A2, {}, [weak]);
    await t.link(X, 'ASSOCIATE_OF', A3);
    await t.link(X, 'ASSOCIATE_OF', A4, { from: '2020-01-01', to: '2020-12-31' });
    await t.link(X, 'ASSOCIATE_OF', A5, { from: '2023-01-01' });
    await t.link(X, 'USES_PHONE', PH);
    await t.link(X, 'LIVES_AT', LOC);
    await t.link(X, 'ASSOCIATE_OF', R);
    await t.link(X, 'ASSOCIATE_OF', H);
    await t.link(A1, 'ASSOCIATE_OF', B1);
    await t.link(B1, 'ASSOCIATE_OF', C1);
    await t.link(R, 'ASSOCIATE_OF', C1); // beyond a stub: not reached through it
  });

  const EXPAND = `query($ids:[ID!]!,$hops:Int,$f:ExpandFilter,$limit:Int){ expand(ids:$ids,hops:$hops,filter:$f,limit:$limit){ ${SLICE} } }`;
  const ids = (s: { nodes: { id: string }[] }) => s.nodes.map((n) => n.id).sort();

  it('returns one hop with a stub for the restricted neighbour and nothing of the hidden one', async () => {
    const r = await t.gql(EXPAND, { ids: [X] }, analyst);
    expect(r.errors).toBeUndefined();
    const s = r.data.expand;
    const real = s.nodes.filter((n: { restricted: boolean }) => !n.restricted).map((n: { id: string }) => n.id).sort();
    expect(real).toEqual([X, A1, A2, A3, A4, A5, PH, LOC].sort());
    const stubs = s.nodes.filter((n: { restricted: boolean }) => n.restricted);
    expect(stubs).toHaveLength(1);
    expect(stubs[0].id).toMatch(/^restricted-/);
    expect(s.edges).toHaveLength(8);
    expect(s).toMatchObject({ truncated: false, omitted: 0 });
    const json = JSON.stringify(r.data);
    for (const leak of [R, H, 'Rita', 'Hugo', '1970-07-07']) expect(json).not.toContain(leak);
  });

  it('goes further with more hops, but not through a stub', async () => {
    const two = (await t.gql(EXPAND, { ids: [X], hops: 2 }, analyst)).data.expand;
    expect(ids(two)).toContain(B1);
    expect(ids(two)).not.toContain(C1);
    const three = (await t.gql(EXPAND, { ids: [X], hops: 3 }, analyst)).data.expand;
    expect(ids(three)).toContain(C1);
    expect(three.edges.map((e: { id: string }) => e.id)).toContain(linkId(B1, 'ASSOCIATE_OF', C1));
    const four = await t.gql(EXPAND, { ids: [X], hops: 4 }, analyst);
    expect(four.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'hops' });
  });

  it('filters by entity type, link type, grade, dates and restriction', async () => {
    const run = async (f: Record<string, unknown>) => {
      const r = await t.gql(EXPAND, { ids: [X], f }, analyst);
      expect(r.errors).toBeUndefined();
      return r.data.expand;
    };
    expect(ids(await run({ entityTypes: ['Subject'] }))).toEqual([X, A1, A2, A3, A4, A5].sort());
    expect(ids(await run({ linkTypes: ['USES_PHONE'] }))).toEqual([X, PH].sort());
    const graded = await run({ minGrade: '2B' });
    expect(ids(graded)).toEqual([X, A1].sort());
    expect(graded.edges[0].strength).toBe(1);
    expect(ids(await run({ minGrade: '3E' }))).toEqual([X, A1, A2].sort());
    const recent = ids(await run({ from: '2021-01-01' }));
    expect(recent).toContain(A5);
    expect(recent).not.toContain(A4);
    expect(recent).toContain(A3); // undated: nothing places it outside the range
    const old = ids(await run({ from: '2020-03-01', to: '2020-04-01' }));
    expect(old).toContain(A4);
    expect(old).not.toContain(A5);
    const clean = await run({ excludeRestricted: true });
    expect(clean.nodes.some((n: { restricted: boolean }) => n.restricted)).toBe(false);
    expect(clean.nodes).toHaveLength(8);
    const bad = await t.gql(EXPAND, { ids: [X], f: { minGrade: '9Z' } }, analyst);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'minGrade' });
  });

  it('caps the result and says honestly how much was left out (never counting hidden records)', async () => {
    const r = (await t.gql(EXPAND, { ids: [X], limit: 4 }, analyst)).data.expand;
    expect(r.nodes).toHaveLength(4);
    expect(r.truncated).toBe(true);
    expect(r.omitted).toBe(5); // 8 neighbours the analyst may know of, 3 shown; the CHIS one is not counted
    expect(ids(r)).toContain(A1); // strongest evidence first
  });

  it('reads the records a capped hop keeps exactly as an uncapped hop returns them (stubs included)', async () => {
    const whole = (await t.gql(EXPAND, { ids: [X] }, analyst)).data.expand;
    expect(whole.truncated).toBe(false);
    const byId = new Map(whole.nodes.map((n: { id: string }) => [n.id, n]));
    for (const limit of [2, 4, 6]) {
      const capped = (await t.gql(EXPAND, { ids: [X], limit }, analyst)).data.expand;
      expect(capped.truncated).toBe(true);
      expect(capped.nodes).toHaveLength(limit);
      for (const n of capped.nodes) expect(n).toEqual(byId.get(n.id));
    }
  });
});

describe('neighbourPage on a supernode', () => {
  const N = 3000;
  let HUB: string;
  beforeAll(async () => {
    HUB = id('HUB');
    const entities = [{ id: 'HUB', type: 'Location', props: { address: 'HMP Supernode', kind: 'PRISON' } }];
    const links: { source: string; type: string; target: string; markings?: MarkingsInput }[] = [];
    for (let i = 0; i < N; i++) {
      const sid = `SN${String(i).padStart(5, '0')}`;
      entities.push({ id: sid, type: 'Subject', props: { forename: 'Inmate', surname: `No${i}` } } as never);
      links.push({ source: id(sid), type: 'LIVES_AT', target: HUB });
      if (i < 7) links.push({ source: id(sid), type: 'FREQUENTS', target: HUB });
    }
    for (let i = 0; i < 5; i++) {
      entities.push({ id: `SR${i}`, type: 'Subject', props: { forename: 'Secret', surname: `Resident${i}` }, markings: { agency: AG2, classification: 'SECRET' } } as never);
      links.push({ source: id(`SR${i}`), type: 'LIVES_AT', target: HUB });
    }
    for (let i = 0; i < 3; i++) {
      entities.push({ id: `SH${i}`, type: 'Subject', props: { forename: 'Covert', surname: `Resident${i}` }, markings: { compartments: ['CHIS'] } } as never);
      links.push({ source: id(`SH${i}`), type: 'LIVES_AT', target: HUB });
    }
    await bulk(entities, links);
  }, 120_000);

  const PAGE = `query($id:ID!,$lt:String,$et:String,$first:Int,$after:String){ neighbourPage(id:$id,linkType:$lt,entityType:$et,first:$first,after:$after){
    counts{ linkType entityType count } endCursor hasNextPage slice{ nodes{ id restricted label } edges{ id type source target } truncated omitted } } }`;

  it('counts every neighbour by link and entity type without fetching them', async () => {
    const r = await t.gql(PAGE, { id: HUB, first: 1 }, analyst);
    expect(r.errors).toBeUndefined();
    expect(r.data.neighbourPage.counts).toEqual([
      { linkType: 'FREQUENTS', entityType: 'Subject', count: 7 },
      { linkType: 'LIVES_AT', entityType: 'Restricted', count: 5 },
      { linkType: 'LIVES_AT', entityType: 'Subject', count: N },
    ]);
    expect(r.data.neighbourPage.hasNextPage).toBe(true);
  });

  it('pages through all of them exactly once, in id order, stubs last and opaque', async () => {
    const seen: string[] = [];
    let edges = 0;
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const r = await t.gql(PAGE, { id: HUB, first: 500, after }, analyst);
      expect(r.errors).toBeUndefined();
      const p = r.data.neighbourPage;
      const nodes = p.slice.nodes.filter((n: { id: string }) => n.id !== HUB);
      expect(nodes.length).toBeLessThanOrEqual(500);
      seen.push(...nodes.map((n: { id: string }) => n.id));
      edges += p.slice.edges.length;
      pages++;
      if (!p.hasNextPage) break;
      after = p.endCursor;
      expect(pages).toBeLessThan(20);
    }
    expect(seen).toHaveLength(N + 5);
    expect(new Set(seen).size).toBe(N + 5);
    const visible = seen.slice(0, N);
    expect(visible).toEqual([...visible].sort());
    expect(seen.slice(N).every((s) => s.startsWith('restricted-'))).toBe(true);
    expect(edges).toBe(N + 7 + 5);
    expect(pages).toBe(Math.ceil((N + 5) / 500));
  });

  it('pages one bucket at a time', async () => {
    const f = (await t.gql(PAGE, { id: HUB, lt: 'FREQUENTS', first: 50 }, analyst)).data.neighbourPage;
    expect(f.counts).toEqual([{ linkType: 'FREQUENTS', entityType: 'Subject', count: 7 }]);
    expect(f.slice.nodes).toHaveLength(8);
    expect(f.slice.edges.every((e: { type: string }) => e.type === 'FREQUENTS')).toBe(true);
    expect(f.hasNextPage).toBe(false);
    const s = (await t.gql(PAGE, { id: HUB, et: 'Restricted', first: 3 }, analyst)).data.neighbourPage;
    expect(s.slice.nodes.filter((n: { restricted: boolean }) => n.restricted)).toHaveLength(3);
    expect(s.hasNextPage).toBe(true);
    const s2 = (await t.gql(PAGE, { id: HUB, et: 'Restricted', first: 3, after: s.endCursor }, analyst)).data.neighbourPage;
    expect(s2.slice.nodes.filter((n: { restricted: boolean }) => n.restricted)).toHaveLength(2);
    expect(s2.hasNextPage).toBe(false);
    const json = JSON.stringify([s, s2]);
    expect(json).not.toContain('Secret');
    expect(json).not.toContain(id('SR'));
  });

  it('refuses bad cursors and knows nothing of what the viewer may not see', async () => {
    const bad = await t.gql(PAGE, { id: HUB, after: 'nonsense' }, analyst);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'after' });
    const hidden = await t.gql(PAGE, { id: id('SH0') }, analyst);
    expect(hidden.data.neighbourPage).toBeNull();
  });
});

describe('paths', () => {
  let PA: string, PB: string, M1: string, S1: string, S2: string, T1: string;
  let QA: string, QB: string, QR: string, WA: string, WB: string, WC: string;
  beforeAll(async () => {
    PA = await subject('PA', 'Paul', 'Start');
    PB = await subject('PB', 'Pete', 'End');
    M1 = await subject('M1', 'Mick', 'Middle');
    S1 = await subject('S1', 'Sid', 'Solid');
    S2 = await subject('S2', 'Sue', 'Solid');
    T1 = await subject('T1', 'Tom', 'Long');
    const T2 = await subject('T2', 'Tim', 'Long');
    const T3 = await subject('T3', 'Ted', 'Long');
    const weak = await report('PW', '3D');
    const strong = await report('PS', '1A');
    await t.link(PA, 'ASSOCIATE_OF', M1, {}, [weak]);
    await t.link(M1, 'ASSOCIATE_OF', PB, {}, [weak]);
    await t.link(PA, 'ASSOCIATE_OF', S1, {}, [strong]);
    await t.link(S1, 'ASSOCIATE_OF', S2, {}, [strong]);
    await t.link(S2, 'ASSOCIATE_OF', PB, {}, [strong]);
    await t.link(PA, 'ASSOCIATE_OF', T1);
    await t.link(T1, 'ASSOCIATE_OF', T2);
    await t.link(T2, 'ASSOCIATE_OF', T3);
    await t.link(T3, 'ASSOCIATE_OF', PB);

    QA = await subject('QA', 'Quinn', 'Left');
    QB = await subject('QB', 'Quentin', 'Right');
    QR = await subject('QR', 'Rosalind', 'Secretworth', { dob: '1961-02-03', nationality: 'Narnian' }, OTHER);
    await t.link(QA, 'ASSOCIATE_OF', QR);
    await t.link(QR, 'ASSOCIATE_OF', QB);

    WA = await subject('WA', 'Walter', 'West');
    WB = await subject('WB', 'Wendy', 'East');
    WC = await subject('WC', 'Covert', 'Human', {}, CHIS);
    await t.link(WA, 'ASSOCIATE_OF', WC);
    await t.link(WC, 'ASSOCIATE_OF', WB);
  });

  const SHORTEST = `query($from:ID!,$to:ID!,$k:Int,$g:String,$h:Int){ shortestPaths(from:$from,to:$to,k:$k,minGrade:$g,maxHops:$h){ paths{ nodeIds edgeIds length strength } truncated slice{ ${SLICE} } } }`;
  const ALL = `query($from:ID!,$to:ID!,$limit:Int,$h:Int){ allPaths(from:$from,to:$to,limit:$limit,maxHops:$h){ paths{ nodeIds length } truncated slice{ truncated } } }`;

  it('finds the shortest path', async () => {
    const r = await t.gql(SHORTEST, { from: PA, to: PB }, analyst);
    expect(r.errors).toBeUndefined();
    expect(r.data.shortestPaths.paths).toHaveLength(1);
    const p = r.data.shortestPaths.paths[0];
    expect(p).toMatchObject({ nodeIds: [PA, M1, PB], length: 2 });
    expect(p.edgeIds).toEqual([linkId(PA, 'ASSOCIATE_OF', M1), linkId(M1, 'ASSOCIATE_OF', PB)]);
    expect(p.strength).toBeCloseTo(0.06, 6); // the weakest link: 3D
    expect(r.data.shortestPaths.slice.nodes).toHaveLength(3);
  });

  it('finds the k shortest, each different', async () => {
    const r = await t.gql(SHORTEST, { from: PA, to: PB, k: 5 }, analyst);
    const paths = r.data.shortestPaths.paths;
    expect(paths.map((p: { length: number }) => p.length)).toEqual([2, 3, 4]);
    expect(new Set(paths.map((p: { nodeIds: string[] }) => p.nodeIds.join())).size).toBe(3);
    expect(paths[2].strength).toBeNull(); // no provenance on the long route
  });

  it('with a minimum grade avoids the weak path and finds the strong detour', async () => {
    const r = await t.gql(SHORTEST, { from: PA, to: PB, g: '2B' }, analyst);
    expect(r.data.shortestPaths.paths).toEqual([{ nodeIds: [PA, S1, S2, PB], edgeIds: expect.any(Array), length: 3, strength: 1 }]);
    const short = await t.gql(SHORTEST, { from: PA, to: PB, g: '2B', h: 2 }, analyst);
    expect(short.data.shortestPaths.paths).toEqual([]);
  });

  it('lists all simple paths, capped', async () => {
    const all = (await t.gql(ALL, { from: PA, to: PB }, analyst)).data.allPaths;
    expect(all.paths.map((p: { length: number }) => p.length)).toEqual([2, 3, 4]);
    expect(all.truncated).toBe(false);
    const capped = (await t.gql(ALL, { from: PA, to: PB, limit: 2 }, analyst)).data.allPaths;
    expect(capped.paths.map((p: { length: number }) => p.length)).toEqual([2, 3]);
    expect(capped.truncated).toBe(true);
    expect(capped.slice.truncated).toBe(true);
    const near = (await t.gql(ALL, { from: PA, to: PB, h: 3 }, analyst)).data.allPaths;
    expect(near.paths).toHaveLength(2);
  });

  it('shows a restricted entity in the middle of a path as a stub, with no content', async () => {
    const r = await t.gql(SHORTEST, { from: QA, to: QB }, analyst);
    expect(r.errors).toBeUndefined();
    const [p] = r.data.shortestPaths.paths;
    expect(p.length).toBe(2);
    expect(p.nodeIds[0]).toBe(QA);
    expect(p.nodeIds[1]).toMatch(/^restricted-/);
    const stub = r.data.shortestPaths.slice.nodes.find((n: { id: string }) => n.id === p.nodeIds[1]);
    expect(stub).toMatchObject({ type: 'Restricted', restricted: true, access: 'stub', props: {}, label: 'Intelligence held by Other Agency' });
    const json = JSON.stringify(r);
    for (const leak of [QR, 'Rosalind', 'Secretworth', '1961-02-03', 'Narnian', 'SECRET']) expect(json).not.toContain(leak);
    // The owning agency sees it in full.
    const own = await t.gql(SHORTEST, { from: QA, to: QB }, outsider);
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' }); // QA belongs to AG1: a stub to them
  });

  it('drops a path through a CHIS-compartment record entirely', async () => {
    const r = await t.gql(SHORTEST, { from: WA, to: WB, k: 3 }, analyst);
    expect(r.errors).toBeUndefined();
    expect(r.data.shortestPaths.paths).toEqual([]);
    expect(r.data.shortestPaths.slice.nodes).toEqual([]);
    const json = JSON.stringify(r);
    expect(json).not.toContain(WC);
    expect(json).not.toContain('restricted-');
  });

  it('refuses endpoints the viewer cannot see, as if unknown', async () => {
    const hidden = await t.gql(SHORTEST, { from: WA, to: WC }, analyst);
    const unknown = await t.gql(SHORTEST, { from: WA, to: id('nobody') }, analyst);
    expect(hidden.errors?.[0]?.extensions).toEqual(unknown.errors?.[0]?.extensions);
    expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'to' });
    expect(hidden.errors?.[0]?.message.replace(WC, 'X')).toBe(unknown.errors?.[0]?.message.replace(id('nobody'), 'X'));
  });
});

describe('connectEntities', () => {
  it('joins three entities with a small tree', async () => {
    const K1 = await subject('K1', 'Kim', 'One');
    const K2 = await subject('K2', 'Kit', 'Two');
    const K3 = await subject('K3', 'Kay', 'Three');
    const KH = await subject('KH', 'Hal', 'Hub');
    const KH2 = await subject('KH2', 'Hew', 'Hub');
    const Z1 = await subject('Z1', 'Zed', 'Detour');
    const Z2 = await subject('Z2', 'Zak', 'Detour');
    await t.link(K1, 'ASSOCIATE_OF', KH);
    await t.link(KH, 'ASSOCIATE_OF', K2);
    await t.link(KH, 'ASSOCIATE_OF', KH2);
    await t.link(KH2, 'ASSOCIATE_OF', K3);
    await t.link(K1, 'ASSOCIATE_OF', Z1);
    await t.link(Z1, 'ASSOCIATE_OF', Z2);
    await t.link(Z2, 'ASSOCIATE_OF', K2);
    const r = await t.gql(`query($ids:[ID!]!){ connectEntities(ids:$ids){ ${SLICE} } }`, { ids: [K1, K2, K3] }, analyst);
    expect(r.errors).toBeUndefined();
    const s = r.data.connectEntities;
    expect(s.nodes.map((n: { id: string }) => n.id).sort()).toEqual([K1, K2, K3, KH, KH2].sort());
    expect(s.edges).toHaveLength(4);
    const few = await t.gql(`query($ids:[ID!]!){ connectEntities(ids:$ids){ nodes{ id } } }`, { ids: [K1] }, analyst);
    expect(few.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'ids' });
  });
});

describe('timeline', () => {
  it('lists reports, events and dated links in date order, without stubs', async () => {
    const E = await subject('TE', 'Tara', 'Timeline');
    const R1 = await report('TR1', '1A', { eventDate: '2021-03-01' });
    const R2 = await report('TR2', '2B', { eventDate: '2020-01-01' });
    const R3 = await report('TR3', '1A', { eventDate: '2020-02-02', text: 'Other agency content' }, OTHER);
    const R4 = await report('TR4', '1A', { eventDate: '2020-02-03', text: 'Covert content' }, CHIS);
    const EV = await t.entity('TEV', 'Event', { eventType: 'Robbery', date: '2020-06-01' }, {}, 'Robbery at the bank');
    const L = await t.entity('TL', 'Location', { address: '9 Timeline Terrace' });
    for (const rep of [R1, R2, R3, R4]) await t.link(rep, 'MENTIONS', E);
    await t.link(E, 'INVOLVED_IN', EV);
    await t.link(E, 'LIVES_AT', L, { from: '2019-05-01' });
    const Q = `query($ids:[ID!]!,$from:String,$to:String){ timeline(ids:$ids,from:$from,to:$to){ id kind type label date grade entityIds } }`;
    const r = await t.gql(Q, { ids: [E] }, analyst);
    expect(r.errors).toBeUndefined();
    const items = r.data.timeline;
    expect(items.map((i: { kind: string; date: string }) => `${i.kind} ${i.date}`)).toEqual([
      'link 2019-05-01', 'report 2020-01-01', 'event 2020-06-01', 'report 2021-03-01',
    ]);
    expect(items[0]).toMatchObject({ type: 'LIVES_AT', label: 'Lives at: Tara Timeline – 9 Timeline Terrace', entityIds: [E, L] });
    expect(items[1]).toMatchObject({ id: R2, grade: '2B', entityIds: [E] });
    expect(items[2]).toMatchObject({ id: EV, label: 'Robbery at the bank', grade: null });
    const json = JSON.stringify(r);
    for (const leak of [R3, R4, 'Other agency', 'Covert']) expect(json).not.toContain(leak);
    const later = await t.gql(Q, { ids: [E], from: '2020-03-01' }, analyst);
    expect(later.data.timeline.map((i: { id: string }) => i.id)).toEqual([EV, R1]);
  });
});

describe('networkMetrics', () => {
  it('computes centrality on a star, counting stubs but not hidden records', async () => {
    const C = await subject('MC', 'Centre', 'Star');
    const leaves = [];
    for (let i = 0; i < 4; i++) leaves.push(await subject(`ML${i}`, 'Leaf', `No${i}`));
    const stub = await subject('MLS', 'Leaf', 'Secret', {}, OTHER);
    const hidden = await subject('MLH', 'Leaf', 'Covert', {}, CHIS);
    const edges = [];
    for (const l of [...leaves, stub, hidden]) edges.push(await t.link(C, 'ASSOCIATE_OF', l));
    const r = await t.gql(`query($ids:[ID!]!){ networkMetrics(ids:$ids){ nodes{ id degree degreeCentrality betweenness closeness eigenvector pagerank community component } modularity components brokers bridges } }`,
      { ids: [C, ...leaves, stub, hidden] }, analyst);
    expect(r.errors).toBeUndefined();
    const m = r.data.networkMetrics;
    expect(m.nodes).toHaveLength(6);
    const centre = m.nodes.find((n: { id: string }) => n.id === C);
    expect(centre).toMatchObject({ degree: 5, degreeCentrality: 1, betweenness: 1, closeness: 1 });
    for (const n of m.nodes.filter((x: { id: string }) => x.id !== C)) expect(n).toMatchObject({ degree: 1, betweenness: 0 });
    expect(m.nodes.filter((n: { id: string }) => n.id.startsWith('restricted-'))).toHaveLength(1);
    expect(m.components).toBe(1);
    expect(m.brokers).toEqual([C]);
    expect(m.bridges).toHaveLength(5);
    expect(m.bridges).toEqual(expect.arrayContaining(edges.slice(0, 4)));
    const json = JSON.stringify(m);
    expect(json).not.toContain(hidden);
    expect(json).not.toContain(stub);
  });

  it('finds Louvain communities with a seed, whatever the order of the ids; parallel links are one connection and never a bridge', async () => {
    // Two triangles joined by one link; a home both lived at and frequented by s1 (two links).
    const s = [];
    for (let i = 1; i <= 6; i++) s.push(await subject(`NC${i}`, 'Community', `Member${i}`));
    const home = await t.entity('NCL', 'Location', { address: '2 Community Road', postcode: 'CM1 1CM' });
    for (const [a, b] of [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5], [5, 3]]) await t.link(s[a], 'ASSOCIATE_OF', s[b]);
    const joining = await t.link(s[2], 'ASSOCIATE_OF', s[3]);
    await t.link(s[0], 'LIVES_AT', home);
    await t.link(s[0], 'FREQUENTS', home);
    const ids = [...s, home];
    const q = `query($ids:[ID!]!,$seed:Int){ networkMetrics(ids:$ids, seed:$seed){ nodes{ id degree betweenness community component } modularity communityCount components brokers bridges } }`;
    const run = async (order: string[], seed?: number) => {
      const r = await t.gql(q, seed === undefined ? { ids: order } : { ids: order, seed }, analyst);
      expect(r.errors).toBeUndefined();
      return r.data.networkMetrics;
    };
    const m = await run(ids, 7);
    expect(m.communityCount).toBe(2);
    const community = new Map(m.nodes.map((n: { id: string; community: number }) => [n.id, n.community]));
    expect([s[0], s[1], s[2], home].map((x) => community.get(x))).toEqual([0, 0, 0, 0]);
    expect([s[3], s[4], s[5]].map((x) => community.get(x))).toEqual([1, 1, 1]);
    // 8 connections (the two links to the home count once); Q = 4/8 - (9/16)^2 + 3/8 - (7/16)^2.
    expect(m.modularity).toBeCloseTo(4 / 8 - (9 / 16) ** 2 + 3 / 8 - (7 / 16) ** 2, 12);
    expect(m.nodes.find((n: { id: string }) => n.id === home).degree).toBe(1);
    expect(m.bridges).toEqual([joining]);
    expect(m.brokers).toEqual([s[0], s[2], s[3]]);
    // Same seed, ids in another order (and repeated): the same answer, to the last digit.
    expect(await run([...ids].reverse(), 7)).toEqual(m);
    expect(await run([home, s[3], s[0], s[5], s[1], s[4], s[2], s[0]], 7)).toEqual(m);
    // No seed: the default one, the same every time.
    const byDefault = await run(ids);
    expect(await run([...ids].reverse())).toEqual(byDefault);
    expect(byDefault.communityCount).toBe(2);
  });
});

describe('entity resolution', () => {
  const CANDIDATES = `query{ duplicateCandidates(limit:500){ a{ id label props } b{ id label props } score evidence } }`;
  let D1: string, D2: string, D3: string, D4: string, D5: string, D6: string, D7: string;
  beforeAll(async () => {
    D1 = await subject('D1', 'Steven', 'Dupleton', { dob: '1990-01-02' });
    D2 = await subject('D2', 'Stephen', 'Dupleton', { dob: '1990-01-02' });
    D3 = await subject('D3', 'Mohammed', 'Dupkhan');
    D4 = await subject('D4', 'Muhammad', 'Dupkhan');
    const phone = await t.entity('DPH', 'Phone', { number: '07700 900555' });
    await t.link(D3, 'USES_PHONE', phone);
    await t.link(D4, 'USES_PHONE', phone);
    D5 = await subject('D5', 'Zoe', 'Brownlow', { dob: '1985-03-03' });
    D6 = await subject('D6', 'Tom', 'Greenaway', { dob: '1985-03-03' });
    D7 = await subject('D7', 'Steven', 'Dupleton', { dob: '1990-01-02' }, CHIS);
  });
  const mine = (list: { a: { id: string }; b: { id: string } }[]) => list.filter((c) => c.a.id.startsWith(P()) && c.b.id.startsWith(P()));
  const pair = (list: { a: { id: string }; b: { id: string } }[], x: string, y: string) => list.find((c) => [c.a.id, c.b.id].sort().join() === [x, y].sort().join());

  it('finds likely duplicates with the evidence, and only among records the viewer may see', async () => {
    const r = await t.gql(CANDIDATES, {}, analyst);
    expect(r.errors).toBeUndefined();
    const list = mine(r.data.duplicateCandidates);
    const steven = pair(list, D1, D2) as unknown as { score: number; evidence: string[]; a: { props: Record<string, unknown> } };
    expect(steven).toBeDefined();
    expect(steven.evidence).toEqual(expect.arrayContaining(['same date of birth 1990-01-02', 'names sound alike: Steven/Stephen']));
    expect(steven.a.props.dob).toBe('1990-01-02');
    const khan = pair(list, D3, D4) as unknown as { evidence: string[] };
    expect(khan.evidence).toEqual(expect.arrayContaining(['both use phone 07700 900555', 'names sound alike: Mohammed/Muhammad']));
    expect(pair(list, D5, D6)).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain(D7);
  });

  it('merges and unmerges exactly, keeping provenance', async () => {
    const keep = await subject('MK', 'Steven', 'Mergeton', { dob: '1991-01-01' });
    const gone = await subject('MG', 'Stephen', 'Mergeton', { dob: '1991-01-01' });
    const loc = await t.entity('ML', 'Location', { address: '3 Merge Mews' });
    const ph = await t.entity('MP', 'Phone', { number: '07700 900777' });
    const o1 = await subject('MO1', 'Olly', 'Other');
    const o2 = await subject('MO2', 'Orla', 'Other');
    const r1 = await report('MR1', '2B');
    const r2 = await report('MR2', '1A');
    const r3 = await report('MR3', '3C');
    await t.link(gone, 'LIVES_AT', loc, { from: '2018-01-01' }, [r1]);
    await t.link(keep, 'LIVES_AT', loc, {}, [r3]);
    await t.link(gone, 'USES_PHONE', ph, { from: '2019-02-02' }, [r2]);
    await t.link(gone, 'ASSOCIATE_OF', o1, { kind: 'FAMILY' });
    await t.link(o2, 'ASSOCIATE_OF', gone);
    await t.link(keep, 'ASSOCIATE_OF', gone);
    const snapshot = async () => {
      const rels = await t.db.read(cypher(
        `MATCH (n:Entity)-[r]-(o:Entity) WHERE n.id IN $ids RETURN DISTINCT r.id AS id, type(r) AS type, startNode(r).id AS s, endNode(r).id AS e, properties(r) AS props ORDER BY id`,
        { ids: [keep, gone] },
      ));
      const nodes = await t.db.read(cypher('MATCH (n:Entity) WHERE n.id IN $ids RETURN properties(n) AS n ORDER BY n.id', { ids: [keep, gone] }));
      return { rels, nodes };
    };
    const before = await snapshot();

    const MERGE = `mutation($k:ID!,$m:ID!){ mergeEntities(keepId:$k, mergeId:$m){ id changed } }`;
    const denied = await t.gql(MERGE, { k: keep, m: gone }, researcher);
    expect(denied.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const foreign = await t.gql(MERGE, { k: keep, m: gone }, outsider);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });

    const m = await t.gql(MERGE, { k: keep, m: gone }, analyst);
    expect(m.errors).toBeUndefined();
    expect(m.data.mergeEntities).toEqual({ id: keep, changed: true });

    const live = await t.db.read(cypher(
      `MATCH (k:Entity {id: $k})-[r]-(o:Entity) WHERE NOT coalesce(r.archived,false) RETURN type(r) AS type, o.id AS other, r.reportIds AS reportIds, r.strength AS strength, r.from AS from, r.kind AS kind ORDER BY type, other`,
      { k: keep },
    ));
    expect(live).toEqual([
      // An empty list is stored as no property (graph/write.ts storedProps), as the bulk importer stores it.
      { type: 'ASSOCIATE_OF', other: o1, reportIds: null, strength: null, from: null, kind: 'FAMILY' },
      { type: 'ASSOCIATE_OF', other: o2, reportIds: null, strength: null, from: null, kind: null },
      { type: 'LIVES_AT', other: loc, reportIds: [r1, r3].sort(), strength: expect.any(Number), from: null, kind: null },
      { type: 'USES_PHONE', other: ph, reportIds: [r2], strength: 1, from: '2019-02-02', kind: null },
    ]);
    expect(live[2]!.strength).toBeGreaterThan(0.48); // 2B and 3C from different sources corroborate
    const [merged] = await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.archived AS archived, n.mergedInto AS into', { id: gone }));
    expect(merged).toEqual({ archived: true, into: keep });
    const x = await t.gql(`query($ids:[ID!]!){ expand(ids:$ids){ nodes{ id } } }`, { ids: [keep] }, analyst);
    expect(x.data.expand.nodes.map((n: { id: string }) => n.id).sort()).toEqual([keep, loc, ph, o1, o2].sort());
    const audit = await t.db.read(cypher(`MATCH (a:AuditEvent {op: 'mergeEntities'}) WHERE $k IN a.resultIds AND $m IN a.resultIds RETURN a.outcome AS outcome`, { k: keep, m: gone }));
    expect(audit.map((a) => a.outcome)).toContain('ok');

    const u = await t.gql(`mutation($id:ID!){ unmergeEntity(id:$id){ id changed } }`, { id: gone }, analyst);
    expect(u.errors).toBeUndefined();
    const after = await snapshot();
    expect(after).toEqual(before);
    const again = await t.gql(`mutation($id:ID!){ unmergeEntity(id:$id){ id } }`, { id: gone }, analyst);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('undirected links and weighted metrics', () => {
  it('stores an association given both ways round as one link, and weighs metrics by the counts the viewer sees', async () => {
    const a = await subject('UWA', 'Wanda', 'Caller');
    const b = await subject('UWB', 'Walter', 'Callee');
    const c = await subject('UWC', 'Wendy', 'Third');
    const d = await subject('UWD', 'Wilf', 'Fourth');
    const CREATE = `mutation($input:LinkInput!){ createLink(input:$input){ id created changed } }`;
    const first = await t.gql(CREATE, { input: { source: a, target: b, type: 'ASSOCIATE_OF', props: { count: 3, firstSeen: '2024-01-01T10:00:00Z', lastSeen: '2024-02-01T10:00:00Z' } } }, analyst);
    expect(first.errors).toBeUndefined();
    expect(first.data.createLink.created).toBe(true);
    const reverse = await t.gql(CREATE, { input: { source: b, target: a, type: 'ASSOCIATE_OF', props: { count: 7, totalDuration: 600, firstSeen: '2024-01-01T10:00:00Z', lastSeen: '2024-03-01T10:00:00Z' } } }, analyst);
    expect(reverse.errors).toBeUndefined();
    expect(reverse.data.createLink).toEqual({ id: first.data.createLink.id, created: false, changed: true });
    expect(linkId(b, 'ASSOCIATE_OF', a)).toBe(first.data.createLink.id);
    const stored = await t.db.read(cypher(
      'MATCH (x:Entity)-[r:ASSOCIATE_OF]-(y:Entity) WHERE x.id IN [$a, $b] AND y.id IN [$a, $b] RETURN DISTINCT r.id AS id, r.count AS count, r.totalDuration AS duration, r.lastSeen AS lastSeen',
      { a, b },
    ));
    expect(stored).toEqual([{ id: first.data.createLink.id, count: 7, duration: 600, lastSeen: '2024-03-01T10:00:00.000Z' }]);
    // A directed type keeps both directions apart.
    const p1 = await t.entity('UWP1', 'Phone', { number: '07700 900101' });
    const p2 = await t.entity('UWP2', 'Phone', { number: '07700 900102' });
    expect(await t.link(p1, 'CALLS', p2, { count: 4 })).not.toBe(await t.link(p2, 'CALLS', p1, { count: 2 }));
    // A weight column is refused with the property to use.
    const bad = await t.gql(CREATE, { input: { source: a, target: c, type: 'ASSOCIATE_OF', props: { weight: 2 } } }, analyst);
    expect(bad.errors?.[0]?.message).toMatch(/no property "weight".*"count"/);
    const late = await t.gql(CREATE, { input: { source: a, target: c, type: 'ASSOCIATE_OF', props: { firstSeen: '2024-02-01', lastSeen: '2024-01-01' } } }, analyst);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION' });

    await t.link(c, 'ASSOCIATE_OF', b); // no count: weight 1
    // Held by another agency above the analyst's clearance: a stub, whose count of 100 must not weigh.
    await t.link(b, 'ASSOCIATE_OF', d, { count: 100 }, [], { ...OTHER, agency: AG2 });
    const q = `query($ids:[ID!]!,$w:Weighting){ networkMetrics(ids:$ids, weighting:$w){ nodes{ id degree strength betweenness closeness } } }`;
    const metrics = async (w: string, order = [a, b, c, d]) => {
      const r = await t.gql(q, { ids: order, w }, analyst);
      expect(r.errors).toBeUndefined();
      return new Map(r.data.networkMetrics.nodes.map((n: { id: string }) => [n.id, n])) as Map<string, Record<string, number>>;
    };
    const weighted = await metrics('COUNT_AS_STRENGTH');
    expect([a, b, c, d].map((x) => weighted.get(x)!.strength)).toEqual([7, 9, 1, 1]);
    expect([a, b, c, d].map((x) => weighted.get(x)!.degree)).toEqual([1, 3, 1, 1]);
    const plain = await metrics('NONE');
    expect([a, b, c, d].map((x) => plain.get(x)!.strength)).toEqual([1, 3, 1, 1]);
    // Closeness of a with lengths 1/7 to b, then 1 on to c and d: 3 / (1/7 + 2 * (1 + 1/7)).
    expect(weighted.get(a)!.closeness).toBeCloseTo(3 / (1 / 7 + 2 * (8 / 7)), 12);
    expect(await metrics('COUNT_AS_STRENGTH', [d, c, b, a])).toEqual(weighted);
    // The answer does not depend on the count the analyst may not see.
    await t.link(b, 'ASSOCIATE_OF', d, { count: 5 }, [], { ...OTHER, agency: AG2 });
    expect(await metrics('COUNT_AS_STRENGTH')).toEqual(weighted);
  });

  it('Les Misérables through the API: co-appearances imported as meeting counts give networkx\'s published weighted betweenness', async () => {
    const names = [...new Set(LES_MISERABLES_EDGES.flatMap(([x, y]) => [x, y]))];
    await bulk(names.map((n) => ({ id: `LM-${n}`, type: 'Subject', props: { forename: n, surname: 'Miserables' } })), []);
    const now = new Date().toISOString();
    // Given in the file's order: undirected, so whichever way round, one link per pair.
    const links = LES_MISERABLES_EDGES.map(([x, y, w]) => validateLink({ source: id(`LM-${y}`), target: id(`LM-${x}`), type: 'ASSOCIATE_OF', props: { count: w }, reportIds: [], markings: { agency: AG1 } }, {}));
    await t.db.writeTx((tx) => writeLinks(tx, links, now));
    const q = `query($ids:[ID!]!,$w:Weighting){ networkMetrics(ids:$ids, weighting:$w){ nodes{ id betweenness strength } } }`;
    const run = async (w: string) => {
      const r = await t.gql(q, { ids: names.map((n) => id(`LM-${n}`)), w }, analyst);
      expect(r.errors).toBeUndefined();
      return new Map(r.data.networkMetrics.nodes.map((n: { id: string; betweenness: number; strength: number }) => [n.id, n])) as Map<string, { betweenness: number; strength: number }>;
    };
    for (const [w, want] of [['COUNT_AS_DISTANCE', LES_MISERABLES_WEIGHTED_BETWEENNESS], ['NONE', LES_MISERABLES_BETWEENNESS]] as const) {
      const got = await run(w);
      for (const n of names) expect(Math.abs(got.get(id(`LM-${n}`))!.betweenness - want[n]!), `${w} ${n}`).toBeLessThanOrEqual(0.0005 + 1e-9);
    }
    // Valjean's weighted degree is the sum of his co-appearances.
    const valjean = LES_MISERABLES_EDGES.filter(([x, y]) => x === 'Valjean' || y === 'Valjean').reduce((s, [, , w]) => s + w, 0);
    expect((await run('COUNT_AS_STRENGTH')).get(id('LM-Valjean'))!.strength).toBe(valjean);
  });
});
