import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../server/audit/trail.js';
import { prepareAudit, startApp } from '../../server/app.js';
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from '../../server/auth/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { cypher, Db } from '../../server/db/db.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/db/localNeo4j.js';
import { migrate } from '../../server/db/migrate.js';
import { addDays } from '../../server/domain/harm.js';
import { can, type Role } from '../../server/domain/policy.js';
import { todayIso } from '../../server/domain/validate.js';
import { seedDatabase, type SeedResult } from '../../seed/seed.js';
import { seedProducts } from '../../seed/products.js';
import { seedTasking } from '../../seed/tasking.js';

/**
 * The demo seed's OCG management, end to end: the demo is seeded into a throw-away database of its
 * own (never the shared test database), then read through the API as the demo users sign in.
 */
const root = path.resolve(import.meta.dirname, '../..');
let home: string;
let neo: LocalNeo4j | undefined;
let db: Db;
let app: Awaited<ReturnType<typeof startApp>> | undefined;
let first: SeedResult;
const tokens = new Map<string, string>();
const today = todayIso();

async function gql(query: string, variables: Record<string, unknown>, username: string) {
  const res = await fetch(`${app!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(username)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  expect(body.errors, `${username}: ${JSON.stringify(body.errors)}`).toBeUndefined();
  return body.data;
}

/** Every OCG management record, as stored, in a stable order: a re-seed must leave this unchanged. */
async function snapshot(): Promise<string> {
  const rows = await db.read(cypher(
    `MATCH (n) WHERE n:HarmAssessment OR n:ImpactRecord OR n:Dissemination
     OPTIONAL MATCH (n)-[r]->(m) WITH n, collect(type(r) + '>' + coalesce(m.id, '')) AS out
     RETURN labels(n)[0] AS label, properties(n) AS n, out ORDER BY label, n.id`,
  ));
  return JSON.stringify(rows.map((r) => ({ ...r, out: (r.out as string[]).sort() })));
}

const count = async (q: string) => (await db.read(cypher(q)))[0]!.c as number;
const readers = DEMO_USERS.filter((u) => can({ ...u, userId: u.username, role: u.role as Role }, 'read'));
const MATRIX = 'query{ impactMatrix{ impactId areaId areaName ocgId ocgName band harm status access reviewOverdue } }';

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-seed-impact-'));
  neo = await startLocalNeo4j({ projectRoot: root, home, boltPort: await freePort(), heap: '512m', pagecacheMiB: 96, txTimeoutSeconds: 60, startTimeoutMs: 180000 });
  db = Db.connect(neo.uri, neo.user, neo.password, { queryTimeoutMs: 60000 });
  await migrate(db, path.join(root, 'cypher/schema'));
  prepareAudit(loadConfig({})); // the seed's actions are audited, as when main seeds before the API starts
  first = await seedDatabase(db, { size: 'demo', seed: 1 });
  await ensureDemoUsers(db);
  app = await startApp(db, loadConfig({ PORT: '0', CLIENT_DIR: 'dist/client' }));
  for (const u of DEMO_USERS) {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($u:String!,$p:String!){ signIn(username:$u,password:$p){ token } }', variables: { u: u.username, p: DEMO_PASSWORD } }),
    });
    tokens.set(u.username, ((await res.json()) as { data: { signIn: { token: string } } }).data.signIn.token);
  }
}, 420_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await neo?.stop();
  if (home) fs.rmSync(home, { recursive: true, force: true });
}, 120_000);

describe('the demo seed records OCG management', () => {
  it('assesses the groups, records cross-boundary impact across bands and disseminates some of it', async () => {
    expect(first.impact).toMatchObject({ assessments: expect.any(Number), impacts: expect.any(Number), disseminations: expect.any(Number) });
    const r = first.impact!;
    expect(r.assessments).toBeGreaterThanOrEqual(8);
    expect(r.impacts).toBeGreaterThanOrEqual(5);
    expect(r.disseminations).toBeGreaterThanOrEqual(4);
    expect(await count('MATCH (i:ImpactRecord) RETURN count(i) AS c')).toBe(r.impacts);
    expect(await count('MATCH (d:Dissemination) RETURN count(d) AS c')).toBe(r.disseminations);

    const impacts = (await db.read(cypher(
      `MATCH (i:ImpactRecord)-[:IMPACT_OF]->(o:OCG) MATCH (i)-[:IMPACTS]->(a:Area) MATCH (i)-[:ASSESSED_BY]->(h:HarmAssessment)
       RETURN properties(i) AS i, o.agency AS lead, o.leadArea AS leadArea, a.kind AS kind, h.band AS hBand`,
    ))).map((x) => x as { i: Record<string, any>; lead: string; leadArea: string; kind: string; hBand: string });
    for (const { i, lead, leadArea, kind, hBand } of impacts) {
      // Outside the lead force, at force level, owned by the lead agency, with its assessment and evidence.
      expect(i.areaId).not.toBe(leadArea);
      expect(kind).toBe('FORCE');
      expect(i.agency).toBe(lead);
      expect(i.band).toBe(hBand);
      expect(i.assessedBy).toBe('seed');
    }
    // Evidence is what detection found (an OPERATES_IN finding alone cites no record).
    expect(impacts.filter((x) => x.i.evidenceIds.length > 0).length).toBeGreaterThanOrEqual(impacts.length - 1);
    expect(new Set(impacts.map((x) => x.i.band)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(impacts.map((x) => x.i.areaId)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(impacts.map((x) => x.lead)).size).toBeGreaterThanOrEqual(3);
    const statuses = impacts.map((x) => x.i.status);
    expect(statuses).toContain('DISSEMINATED');
    expect(statuses).toContain('OPEN');
    // Some assessments are past their review date, some not.
    const dues = impacts.map((x) => x.i.reviewDue as string);
    expect(dues.some((d) => d < today)).toBe(true);
    expect(dues.some((d) => d >= today)).toBe(true);
    const overall = await db.read(cypher('MATCH (h:HarmAssessment) WHERE h.areaId IS NULL RETURN h.reviewDue AS due, h.band AS band'));
    expect(overall.some((h) => (h.due as string) < today)).toBe(true);
    expect(overall.some((h) => (h.due as string) >= today)).toBe(true);
    expect(new Set(overall.map((h) => h.band)).size).toBeGreaterThanOrEqual(3);
    // Nothing is dated after today.
    expect(await count(`MATCH (n) WHERE (n:HarmAssessment AND n.scoredAt > '${today}T23:59:59.999Z') OR (n:Dissemination AND n.authorisedAt > '${today}T23:59:59.999Z') RETURN count(n) AS c`)).toBe(0);
  });

  it('audits every action in the unbroken chain', async () => {
    const ops = await db.read(cypher("MATCH (e:AuditEvent {actor: 'seed'}) RETURN e.op AS op, count(*) AS c ORDER BY op"));
    const byOp = Object.fromEntries(ops.map((o) => [o.op, o.c]));
    expect(byOp).toEqual({ assessOcgHarm: first.impact!.assessments, disseminate: first.impact!.disseminations, recordImpact: first.impact!.impacts });
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('every demo user who may read sees a non-empty impact matrix: their own agency\u2019s impacts and those disseminated to it', async () => {
    const visible = await db.read(cypher('MATCH (i:ImpactRecord) RETURN i.id AS id, i.agency AS agency, i.disseminatedTo AS to'));
    expect(readers.map((u) => u.username)).toEqual(expect.arrayContaining(['partner.gmp', 'partner.nca']));
    for (const u of readers) {
      const rows = (await gql(MATRIX, {}, u.username)).impactMatrix as { impactId: string; access: string; status: string; areaName: string }[];
      expect(rows.length, u.username).toBeGreaterThan(0);
      const expected = visible.filter((v) => v.agency === u.agency || (v.to as string[]).includes(u.agency)).map((v) => v.id).sort();
      expect(rows.map((r) => r.impactId).sort(), u.username).toEqual(expected);
      for (const r of rows) {
        if (r.access === 'shared') expect(['DISSEMINATED', 'OPEN']).toContain(r.status);
        expect(r.areaName).not.toMatch(/^Intelligence held by/); // areas are public geography
      }
    }
    const gmp = (await gql(MATRIX, {}, 'partner.gmp')).impactMatrix as { areaId: string; access: string; status: string }[];
    expect(gmp.every((r) => r.access === 'shared' && r.areaId === 'AREA-GMP' && r.status === 'DISSEMINATED')).toBe(true);
    const nca = (await gql(MATRIX, {}, 'partner.nca')).impactMatrix as { access: string }[];
    expect(nca.some((r) => r.access === 'shared')).toBe(true);
  });

  it('a partner\u2019s map draws the home area of a group whose impact was disseminated to it, on the map', async () => {
    const map = (await gql('query{ impactMap{ areas{ id name boundary restricted } flows{ impactId fromAreaId toAreaId } } }', {}, 'partner.gmp')).impactMap as {
      areas: { id: string; name: string; boundary: string | null; restricted: boolean }[]; flows: { fromAreaId: string | null; toAreaId: string }[];
    };
    expect(map.flows.length).toBeGreaterThan(0);
    for (const f of map.flows) {
      expect(f.toAreaId).toBe('AREA-GMP');
      const home = map.areas.find((a) => a.id === f.fromAreaId);
      expect(home, String(f.fromAreaId)).toMatchObject({ restricted: false, boundary: expect.stringContaining('Polygon') });
    }
    expect(map.areas.find((a) => a.id === 'AREA-WMP')).toMatchObject({ name: 'West Midlands' });
    expect(map.areas.every((a) => !a.restricted)).toBe(true);
  });

  it('detection shows the lead force what is left to do: overdue reviews and impacts not yet disseminated', async () => {
    const findings = (await gql('query{ impactDetection{ reasons ocg{ id } area{ id } } }', {}, 'officer')).impactDetection as { reasons: string[] }[];
    const reasons = new Set(findings.flatMap((f) => f.reasons));
    expect(reasons).toContain('REVIEW_OVERDUE');
    expect(reasons).toContain('IMPACT_NOT_DISSEMINATED');
  });
});

describe('the demo seed carries communications data', () => {
  /** The groups given comms data, as the seed chooses them, with their phones and vehicles in id order. */
  async function groups() {
    const rows = await db.read(cypher(
      `MATCH (o:OCG) WHERE o.agency = 'AG-WMP'
       CALL (o) { MATCH (s:Subject)-[:MEMBER_OF]->(o) OPTIONAL MATCH (s)-[:USES_PHONE]->(p:Phone) OPTIONAL MATCH (s)-[:USES_VEHICLE]->(v:Vehicle)
         RETURN collect(DISTINCT p.id) AS phones, collect(DISTINCT v.id) AS vehicles }
       WITH o, phones, vehicles WHERE size(phones) >= 2 AND EXISTS { MATCH (c:CallRecord {callerId: phones[0]}) }
       RETURN o.id AS id, phones, vehicles ORDER BY o.id`,
    ));
    return rows.map((r) => ({ id: r.id as string, phones: [...(r.phones as string[])].sort(), vehicles: [...(r.vehicles as string[])].sort() }));
  }

  it('calls and ANPR reads for the demo groups, with a convoy and a meeting in each that the analyses find', async () => {
    expect(first.comms).toMatchObject({ groups: expect.any(Number), calls: expect.any(Number), reads: expect.any(Number) });
    expect(first.comms!.groups).toBeGreaterThanOrEqual(4);
    expect(first.comms!.calls).toBeGreaterThanOrEqual(60 * first.comms!.groups);
    expect(first.comms!.reads).toBeGreaterThanOrEqual(100);
    expect(first.comms!.convoys).toBeGreaterThanOrEqual(2);
    expect(await count('MATCH (c:CommsRecord) RETURN count(c) AS c')).toBe(first.comms!.calls + first.comms!.reads);
    const wmp = await groups();
    expect(wmp.length).toBeGreaterThanOrEqual(1);
    let convoys = 0;
    for (const g of wmp) {
      const calls = await gql(`query($ids:[ID!]!){ callFrequency(phoneIds:$ids){ pairs{ caller callee calls } slice{ edges{ type props } } } }`, { ids: g.phones }, 'analyst');
      expect(calls.callFrequency.pairs.length).toBeGreaterThan(0);
      expect(calls.callFrequency.slice.edges.some((e: { type: string; props: { count?: number } }) => e.type === 'CALLS' && (e.props.count ?? 0) > 1)).toBe(true);
      const [m1, m2] = [g.phones[g.phones.length - 1]!, g.phones[g.phones.length - 2]!];
      const met = await gql(`query($ids:[ID!]!){ phoneCoLocation(phoneIds:$ids, withinMinutes:10, minPlaces:1){ pairs{ aId bId sightings } } }`, { ids: [m1, m2] }, 'analyst');
      expect(met.phoneCoLocation.pairs).toEqual([expect.objectContaining({ aId: [m1, m2].sort()[0], bId: [m1, m2].sort()[1] })]);
      expect(met.phoneCoLocation.pairs[0].sightings).toBeGreaterThanOrEqual(3);
      if (g.vehicles.length < 2) continue;
      const co = await gql(`query($ids:[ID!]!){ vehicleCoLocation(vehicleIds:$ids, withinMinutes:5, minPlaces:5){ pairs{ aId bId convoy leaderId places } } }`, { ids: [g.vehicles[0]] }, 'analyst');
      expect(co.vehicleCoLocation.pairs).toContainEqual(expect.objectContaining({ convoy: true, leaderId: g.vehicles[0], places: 5 }));
      convoys++;
    }
    expect(convoys).toBeGreaterThanOrEqual(1);
  });
});

describe('the demo seed carries cross-agency traffic', () => {
  const gql = async (username: string, query: string) => {
    const res = await fetch(`${app!.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(username)}` }, body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  it('a request and a receipt from the partner, a deconfliction interest from the NCA, the analyst\u2019s watches', async () => {
    const REQ = 'id kind status holderAgency records{ id restricted } references';
    const gmp = await gql('partner.gmp', `{ informationRequests(direction: SENT){ ${REQ} } disseminationsReceived{ id acknowledgedBy } }`);
    expect(gmp.informationRequests).toEqual([expect.objectContaining({ kind: 'REQUEST', status: 'OPEN', holderAgency: 'AG-WMP', records: [expect.objectContaining({ restricted: true })] })]);
    expect(gmp.disseminationsReceived.filter((d: { acknowledgedBy: string | null }) => d.acknowledgedBy === 'partner.gmp')).toHaveLength(1);
    const nca = await gql('partner.nca', `{ informationRequests(direction: SENT){ ${REQ} } }`);
    expect(nca.informationRequests).toEqual([expect.objectContaining({ kind: 'DECONFLICTION', holderAgency: 'AG-WMP' })]);
    // West Midlands' manager has both in the queue, with the records in full.
    const queue = await gql('manager', `{ informationRequests(direction: RECEIVED){ ${REQ} requestedBy } inboxCounts{ openRequests } }`);
    expect(queue.informationRequests.map((r: { requestedBy: string }) => r.requestedBy).sort()).toEqual(['partner.gmp', 'partner.nca']);
    for (const r of queue.informationRequests) expect(r.records).toEqual([expect.objectContaining({ restricted: false })]);
    expect(queue.inboxCounts.openRequests).toBe(2);
    const analyst = await gql('analyst', '{ watches{ kind target } }');
    expect(analyst.watches.map((w: { kind: string }) => w.kind).sort()).toEqual(['ENTITY', 'SEARCH']);
  });
});

describe('the demo seed carries intelligence products', () => {
  it('an approved subject profile and problem profile, drafted from the graph, each statement citing reports the reader may see', async () => {
    const res = await fetch(`${app!.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get('analyst')}` },
      body: JSON.stringify({ query: '{ products{ id type title status approvedBy classification sections{ key statements{ text cites } } sources{ reportId grade } } }' }),
    });
    const body = (await res.json()) as { data: { products: any[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    const byType = new Map(body.data.products.map((p) => [p.type, p]));
    for (const type of ['SUBJECT_PROFILE', 'PROBLEM_PROFILE']) {
      const p = byType.get(type);
      expect(p).toMatchObject({ status: 'APPROVED', approvedBy: 'manager', classification: 'OFFICIAL-SENSITIVE' });
      const statements = p.sections.flatMap((s: any) => s.statements);
      expect(statements.length).toBeGreaterThan(3);
      expect(p.sections.find((s: any) => s.key === 'summary').statements).toHaveLength(1);
      expect(p.sources.length).toBeGreaterThan(0);
      // Every cited report is one the analyst (OFFICIAL-SENSITIVE) can open.
      const cited = [...new Set(statements.flatMap((s: any) => s.cites))];
      const check = await fetch(`${app!.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get('analyst')}` },
        body: JSON.stringify({ query: 'query($ids:[ID!]!){ graph(ids:$ids){ nodes{ id restricted type } } }', variables: { ids: cited } }),
      });
      const nodes = ((await check.json()) as any).data.graph.nodes;
      expect(nodes.filter((n: any) => !n.restricted && n.type === 'IntelligenceReport').map((n: any) => n.id).sort()).toEqual([...cited].sort());
    }
  });
});

describe('the demo tells its story', () => {
  it('most links of a group\u2019s two-hop network carry a graded report the analyst may read, with varied grades', async () => {
    const [ocg] = await db.read(cypher("MATCH (o:Entity:OCG {id: 'OCG-00000'}) RETURN o.id AS id"));
    const data = await gql('query($ids:[ID!]!){ expand(ids:$ids, hops:2, limit:2000){ nodes{ id type } edges{ id type restricted reportCount strength } } }', { ids: [ocg!.id] }, 'analyst');
    // The network's own links the analyst sees (a report's links to what it mentions, its source and
    // agency, the geography and the requirement side are the record around the evidence; calls are
    // evidenced by their call records; a restricted link is only a marker).
    const facts = (data.expand.edges as { type: string; restricted: boolean; reportCount: number; strength: number | null }[])
      .filter((e) => !e.restricted && !['MENTIONS', 'FROM_SOURCE', 'ORIGINATED_BY', 'LOCATED_IN', 'PART_OF', 'ASKS', 'ANSWERS', 'CONCERNS', 'SUPPORTS', 'PLANS_FOR', 'CALLS'].includes(e.type));
    expect(facts.length).toBeGreaterThan(30);
    const supported = facts.filter((e) => e.reportCount > 0);
    const unsupported = facts.filter((e) => e.reportCount === 0).map((e) => e.type);
    expect(supported.length / facts.length, `without a report: ${unsupported.join(', ')}`).toBeGreaterThan(0.7);
    expect(new Set(supported.map((e) => e.strength)).size).toBeGreaterThan(3);
    const grades = await db.read(cypher("MATCH (r:Entity:IntelligenceReport) WHERE r.agency = 'AG-WMP' AND r.classification <> 'SECRET' RETURN DISTINCT r.sourceEvaluation + r.intelAssessment AS g"));
    expect(grades.length).toBeGreaterThanOrEqual(6);
  });

  it('a decision log of the last two months: meetings, decisions with their rationale, actions with owners and results, one overdue, and a review', async () => {
    const log = (await gql(`query($f:String!,$t:String!){ decisionLog(from:$f, to:$t){ id kind date title text rationale meetingKind owner dueDate status result overdue relatedIds } }`,
      { f: addDays(today, -90), t: addDays(today, 30) }, 'analyst')).decisionLog as Record<string, any>[];
    const of = (kind: string) => log.filter((e) => e.kind === kind);
    expect(new Set(of('MEETING').map((m) => m.meetingKind))).toEqual(new Set(['STCG', 'TTCG', 'DMM']));
    expect(of('DECISION').length).toBeGreaterThanOrEqual(4);
    for (const d of of('DECISION')) expect(d.rationale.length).toBeGreaterThan(40);
    expect(of('DECISION').some((d) => d.relatedIds.includes('CP-1'))).toBe(true);
    const actions = of('ACTION');
    expect(actions.every((a) => a.owner && a.dueDate)).toBe(true);
    expect(actions.filter((a) => a.status === 'DONE').every((a) => a.result)).toBe(true);
    expect(actions.filter((a) => a.overdue)).toHaveLength(1);
    expect(actions.some((a) => a.status === 'OPEN' && !a.overdue)).toBe(true);
    expect(of('REVIEW')).toHaveLength(1);
    // Oldest first, and nothing after today but the due dates.
    expect(log.map((e) => e.date)).toEqual([...log.map((e) => e.date)].sort());
    expect(log.every((e) => e.date <= today)).toBe(true);
  });
});

describe('a seed killed half-way through a product or the decision log', () => {
  it('finishes the decision log on the next run: what is missing is added, nothing is made twice', async () => {
    const ids = async () => (await db.read(cypher('MATCH (n) WHERE n:Meeting OR n:Decision OR n:Action OR n:OperationalReview RETURN n.id AS id ORDER BY id'))).map((r) => r.id as string);
    const before = await ids();
    const actions = async () => db.read(cypher('MATCH (a:Action) RETURN a.id AS id, a.status AS status, a.result AS result ORDER BY id'));
    const done = await actions();
    // As if killed once the first tactical meeting's second decision was written: what came after
    // it is missing, and its action was raised but its result not yet recorded.
    await db.write(cypher(`MATCH (n) WHERE n.id IN ['MTG-DEMO-TTCG-2', 'DEC-DEMO-4', 'ACT-DEMO-5', 'ACT-DEMO-6', 'MTG-DEMO-DMM-1', 'DEC-DEMO-5', 'ACT-DEMO-7', 'OPR-DEMO-1'] DETACH DELETE n`));
    await db.write(cypher("MATCH (a:Action {id: 'ACT-DEMO-4'}) SET a.status = 'OPEN', a.result = null"));
    expect((await seedTasking(db, { today })).records).toBe(8);
    expect(await ids()).toEqual(before);
    expect(await actions()).toEqual(done);
    // Every decision, action and review hangs off its meeting.
    expect(await count("MATCH (n) WHERE (n:Decision OR n:Action OR n:OperationalReview) AND n.id CONTAINS '-DEMO-' AND NOT (n)-[:RECORDED_AT]->(:Meeting) RETURN count(n) AS c")).toBe(0);
    expect((await seedTasking(db, { today: addDays(today, 30) })).records).toBe(0);
  });

  it('finishes it on the next run: the steps it lacks are taken, nothing is made twice', async () => {
    const products = async () => (await db.read(cypher("MATCH (p:Product {agency: 'AG-WMP'}) RETURN p.id AS id, p.status AS status ORDER BY id"))) as { id: string; status: string }[];
    const before = await products();
    // As if killed between the submission and the approval of one product.
    await db.write(cypher('MATCH (p:Product {id: $id}) SET p.status = "REVIEW", p.approvedBy = null', { id: before[0]!.id }));
    expect(await seedProducts(db)).toEqual({ products: 0 });
    expect(await products()).toEqual(before.map((p) => ({ ...p, status: 'APPROVED' })));
  });
});

describe('re-seeding', () => {
  it('changes nothing, on the same day or a later one', async () => {
    const before = await snapshot();
    const events = await count('MATCH (e:AuditEvent) RETURN count(e) AS c');
    const records = await count('MATCH (c:CommsRecord) RETURN count(c) AS c');
    const aggregates = await count("MATCH ()-[r]->() WHERE type(r) IN ['CALLS', 'SEEN_AT', 'USED_CELL'] RETURN count(r) AS c");
    const traffic = await count('MATCH (n) WHERE n:InformationRequest OR n:Watch OR n:Receipt OR n:Product OR n:ProductVersion RETURN count(n) AS c');
    const TASKING = 'MATCH (n) WHERE n:Meeting OR n:Decision OR n:Action OR n:OperationalReview RETURN count(n) AS c';
    const tasking = await count(TASKING);
    expect(tasking).toBeGreaterThan(10);
    const again = await seedDatabase(db, { size: 'demo', seed: 1 });
    expect(again.entities).toMatchObject({ created: 0, updated: 0 });
    expect(again.links).toMatchObject({ created: 0, updated: 0 });
    expect(again.impact).toEqual({ ...first.impact, assessments: 0, impacts: 0, disseminations: 0 });
    const later = await seedDatabase(db, { size: 'demo', seed: 1, today: addDays(today, 45) });
    expect(later.impact).toMatchObject({ assessments: 0, impacts: 0, disseminations: 0 });
    expect(await snapshot()).toBe(before);
    expect(await count('MATCH (e:AuditEvent) RETURN count(e) AS c')).toBe(events);
    expect(await count('MATCH (c:CommsRecord) RETURN count(c) AS c')).toBe(records);
    expect(await count('MATCH (n) WHERE n:InformationRequest OR n:Watch OR n:Receipt OR n:Product OR n:ProductVersion RETURN count(n) AS c')).toBe(traffic);
    expect(await count(TASKING)).toBe(tasking);
    expect(await count("MATCH ()-[r]->() WHERE type(r) IN ['CALLS', 'SEEN_AT', 'USED_CELL'] RETURN count(r) AS c")).toBe(aggregates);
  }, 240_000);
});
