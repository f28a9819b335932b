import { randomBytes } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { CLASSIFICATIONS } from '../../server/domain/codes.js';
import { linkStrength, type Grade } from '../../server/domain/grading.js';
import { ENTITY_TYPE_NAMES, LINK_TYPE_NAMES } from '../../server/domain/model.js';
import { decide, hiddenFilter, visibleFilter, type Markings, type Role, type Viewer } from '../../server/domain/policy.js';
import type { MarkingsInput } from '../../server/domain/validate.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import {
  EXPECTED_CODES, found, introspect, runOperation, stringsIn, walkOperations, type ArgPool, type GqlResult, type Operation,
} from '../helpers/viewers.js';

/**
 * The canary test. Restricted records carry unique marker strings in their labels, properties,
 * markings and link properties; every query field of the schema (read by introspection, so fields
 * added later are covered) is called with generated arguments as each non-privileged viewer, and
 * no marker may appear anywhere in any answer. The owners run the same walk and must see every
 * marker, so the test can fail.
 */

type Name = 'managerA' | 'managerB' | 'analyst' | 'researcher' | 'officer' | 'partnerB' | 'partnerC' | 'admin';
type Ag = 'A' | 'B' | 'C';
const PEOPLE: Record<Name, { role: Role; agency: Ag; clearance: string; compartments: string[] }> = {
  managerA: { role: 'INTEL_MANAGER', agency: 'A', clearance: 'SECRET', compartments: ['CHIS'] },
  managerB: { role: 'INTEL_MANAGER', agency: 'B', clearance: 'SECRET', compartments: ['CHIS'] },
  analyst: { role: 'ANALYST', agency: 'A', clearance: 'OFFICIAL-SENSITIVE', compartments: [] },
  researcher: { role: 'RESEARCHER', agency: 'A', clearance: 'OFFICIAL-SENSITIVE', compartments: [] },
  officer: { role: 'INTEL_OFFICER', agency: 'A', clearance: 'SECRET', compartments: [] },
  partnerB: { role: 'PARTNER_LIAISON', agency: 'B', clearance: 'OFFICIAL-SENSITIVE', compartments: [] },
  partnerC: { role: 'PARTNER_LIAISON', agency: 'C', clearance: 'OFFICIAL-SENSITIVE', compartments: [] },
  admin: { role: 'ADMIN', agency: 'A', clearance: 'OFFICIAL', compartments: [] },
};
const PRIVILEGED: Name[] = ['managerA', 'managerB'];
const OTHERS: Name[] = ['analyst', 'researcher', 'officer', 'partnerB', 'partnerC', 'admin'];
const READERS: Name[] = ['managerA', 'managerB', 'analyst', 'researcher', 'officer', 'partnerB', 'partnerC'];

/**
 * Record groups and who may see their content. anchor: agency A OFFICIAL; a: agency B OFFICIAL
 * (stubs for A); b: agency A SECRET; c: agency A SECRET in the CHIS compartment (hidden);
 * d: agency B not-for-dissemination (hidden); e: TOP SECRET (hidden from everyone);
 * f: agency B disseminated to A and C (shared copies); fs: f's sensitive fields (never in a shared copy).
 * dj: d's not-for-dissemination justification and approver, which the API currently returns to nobody
 * (slice.ts drops them before visibleProps could show them to the owner), so the positive control skips them.
 */
type Group = 'anchor' | 'a' | 'b' | 'c' | 'd' | 'dj' | 'e' | 'f' | 'fs';
const SEES: Record<Group, Name[]> = {
  anchor: ['managerA', 'analyst', 'researcher', 'officer'],
  a: ['managerB', 'partnerB'],
  b: ['managerA', 'officer'],
  c: ['managerA'],
  d: ['managerB', 'partnerB'],
  dj: ['managerB', 'partnerB'],
  e: [],
  f: READERS,
  fs: ['managerB', 'partnerB'],
};

let t: TestApp;
let schema: GraphQLSchema;
const tokens = {} as Record<Name, string>;
const viewers = {} as Record<Name, Viewer>;
let AG: Record<Ag, string>;

const needles = new Map<string, Group>(); // lower-case unique strings -> group
const rnd = () => randomBytes(5).toString('hex');
const letters = () => [...randomBytes(9)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
/** A marker string CANARY-<random>; its random part is what is searched for (it survives tokenising). */
function mk(group: Group): string {
  const r = rnd();
  needles.set(r, group);
  return `CANARY-${r}`;
}
/** A name-like word (for spelling-tolerant and phonetic search), also searched for. */
function word(group: Group): string {
  const w = `Qv${letters()}`;
  needles.set(w.toLowerCase(), group);
  return w;
}

interface Rec { key: string; group: Group; id?: string; type: string; label: string; props: Record<string, unknown>; markings: MarkingsInput; raw?: Record<string, unknown> }
interface LinkRec { key: string; group: Group; id?: string; source: string; type: string; target: string; props?: Record<string, unknown>; reports?: string[]; markings: MarkingsInput; raw?: Record<string, unknown> }
const recs = new Map<string, Rec>();
const links = new Map<string, LinkRec>();

const SECRET = { classification: 'SECRET' };
const CHIS = { classification: 'SECRET', compartments: ['CHIS'] };

function defineRecords(): void {
  const A = { agency: AG.A };
  const B = { agency: AG.B };
  const add = (r: Rec) => recs.set(r.key, r);
  const link = (l: LinkRec) => links.set(l.key, l);

  // Visible anchors (agency A, OFFICIAL): what expansions, paths and search start from.
  add({ key: 'V1', group: 'anchor', type: 'Subject', label: `${mk('anchor')} ${word('anchor')}`, props: { forename: word('anchor'), surname: word('anchor'), notes: `${mk('anchor')} hub` }, markings: A });
  add({ key: 'V2', group: 'anchor', type: 'OCG', label: `${mk('anchor')} firm`, props: { status: 'ACTIVE', notes: mk('anchor') }, markings: A });
  add({ key: 'V3', group: 'anchor', type: 'Location', label: `${mk('anchor')} yard`, props: { address: `1 ${word('anchor')} Road`, postcode: 'B1 1AA' }, markings: A });
  add({ key: 'V4', group: 'anchor', type: 'Phone', label: `07700${String(Date.now()).slice(-6)}`, props: { number: `07700${String(Date.now()).slice(-6)}` }, markings: A });
  add({ key: 'V5', group: 'anchor', type: 'IntelligenceReport', label: `${mk('anchor')} report`, props: { text: `${mk('anchor')} seen with ${word('anchor')}`, sourceEvaluation: '2', intelAssessment: 'B' }, markings: A });

  // (a) another agency's OFFICIAL records: stubs for agency A.
  add({ key: 'aSub', group: 'a', type: 'Subject', label: `${mk('a')} ${word('a')}`, props: { forename: word('a'), surname: word('a'), aliases: [mk('a')], notes: `${mk('a')} ${word('a')}`, pncId: mk('a') }, markings: B });
  add({ key: 'aRep', group: 'a', type: 'IntelligenceReport', label: `${mk('a')} report`, props: { text: `${mk('a')} met ${word('a')} at ${word('a')} lane`, sanitisedText: `${mk('a')} sanitised`, sourceEvaluation: '1', intelAssessment: 'A' }, markings: { ...B, handling: 'C', handlingNotes: `${mk('a')} conditions` } });
  // (b) own-agency SECRET records: stubs for OFFICIAL-SENSITIVE viewers.
  add({ key: 'bSub', group: 'b', type: 'Subject', label: `${mk('b')} ${word('b')}`, props: { forename: word('b'), surname: word('b'), notes: `${mk('b')} ${word('b')}`, pncId: mk('b') }, markings: { ...A, ...SECRET } });
  add({ key: 'bRep', group: 'b', type: 'IntelligenceReport', label: `${mk('b')} report`, props: { text: `${mk('b')} met ${word('b')}`, sanitisedText: mk('b'), sourceEvaluation: '3', intelAssessment: 'E' }, markings: { ...A, ...SECRET, handling: 'C', handlingConditions: ['C2'], handlingNotes: mk('b') } });
  // (c) CHIS source and its report: hidden from everyone outside the compartment.
  add({ key: 'cSrc', group: 'c', type: 'Source', label: `${mk('c')} ${word('c')}`, props: { reference: `${mk('c')}`, sourceType: 'CHIS', system: word('c') }, markings: { ...A, ...CHIS } });
  add({ key: 'cRep', group: 'c', type: 'IntelligenceReport', label: `${mk('c')} report`, props: { text: `${mk('c')} says ${word('c')} runs the line`, sanitisedText: mk('c'), sourceEvaluation: '1', intelAssessment: 'A' }, markings: { ...A, ...CHIS } });
  // (d) another agency's not-for-dissemination record: hidden.
  add({ key: 'dSub', group: 'd', type: 'Subject', label: `${mk('d')} ${word('d')}`, props: { forename: word('d'), surname: word('d'), notes: mk('d') }, markings: { ...B, nfd: true, nfdJustification: mk('dj'), nfdApprover: mk('dj') } });
  // (e) TOP SECRET: hidden from every user (no clearance above SECRET exists).
  add({ key: 'eSub', group: 'e', type: 'Subject', label: `${mk('e')} ${word('e')}`, props: { forename: word('e'), surname: word('e'), notes: mk('e') }, markings: { ...A, classification: 'TOP SECRET' } });
  // (f) another agency's records disseminated to A and C: shared copies without sensitive fields.
  add({ key: 'fSub', group: 'f', type: 'Subject', label: `${mk('f')} ${word('f')}`, props: { forename: word('f'), notes: `${mk('fs')} ${word('fs')}`, pncId: mk('fs') }, markings: B, raw: { disseminatedTo: [AG.A, AG.C] } });
  add({ key: 'fRep', group: 'f', type: 'IntelligenceReport', label: `${mk('f')} report`, props: { text: `${mk('fs')} said ${word('fs')}`, sanitisedText: `${mk('f')} sanitised`, sourceId: mk('fs'), sourceEvaluation: '2', intelAssessment: 'A' }, markings: B, raw: { disseminatedTo: [AG.A, AG.C] } });

  // Collection and OCG context: an area, a requirement with questions, groups led from the area.
  const area = `${t.prefix}-AR1`;
  add({ key: 'AR1', group: 'anchor', type: 'Area', label: `${mk('anchor')} area`, props: { kind: 'FORCE', code: `AR-${rnd()}` }, markings: A });
  add({ key: 'REQ1', group: 'anchor', type: 'IntelligenceRequirement', label: `${mk('anchor')} requirement`, props: { kind: 'TACTICAL', description: mk('anchor'), owner: 'DI Test' }, markings: A });
  add({ key: 'Q1', group: 'anchor', type: 'Question', label: `${mk('anchor')} question`, props: { text: `${mk('anchor')} who supplies ${word('anchor')}?` }, markings: A });
  add({ key: 'Qb', group: 'b', type: 'Question', label: `${mk('b')} question`, props: { text: `${mk('b')} is ${word('b')} the supplier?` }, markings: { ...A, ...SECRET } });
  add({ key: 'aOcg', group: 'a', type: 'OCG', label: `${mk('a')} ${word('a')} firm`, props: { status: 'ACTIVE', crimeTypes: ['DRUGS_SUPPLY'], leadArea: area, leadAgency: AG.B, notes: mk('a') }, markings: B });
  add({ key: 'dOcg', group: 'd', type: 'OCG', label: `${mk('d')} ${word('d')} crew`, props: { status: 'ACTIVE', crimeTypes: ['FIREARMS'], leadArea: area, leadAgency: AG.B, notes: mk('d') }, markings: { ...B, nfd: true, nfdJustification: mk('dj'), nfdApprover: mk('dj') } });
  link({ key: 'L-ocg-area', group: 'anchor', source: 'V2', type: 'OPERATES_IN', target: 'AR1', markings: A });
  link({ key: 'L-loc-area', group: 'anchor', source: 'V3', type: 'LOCATED_IN', target: 'AR1', markings: A });
  link({ key: 'L-asks', group: 'anchor', source: 'REQ1', type: 'ASKS', target: 'Q1', markings: A });
  link({ key: 'L-concerns', group: 'anchor', source: 'Q1', type: 'CONCERNS', target: 'V1', markings: A });
  link({ key: 'L-concerns-b', group: 'anchor', source: 'Q1', type: 'CONCERNS', target: 'bSub', markings: A });
  link({ key: 'L-answers', group: 'anchor', source: 'V5', type: 'ANSWERS', target: 'Q1', markings: A });
  link({ key: 'Lb-asks', group: 'b', source: 'REQ1', type: 'ASKS', target: 'Qb', markings: { ...A, ...SECRET } });
  link({ key: 'Lb-answers', group: 'b', source: 'bRep', type: 'ANSWERS', target: 'Q1', markings: { ...A, ...SECRET } });
  link({ key: 'Lc-answers', group: 'c', source: 'cRep', type: 'ANSWERS', target: 'Q1', markings: { ...A, ...CHIS } });
  link({ key: 'La-area', group: 'a', source: 'aOcg', type: 'OPERATES_IN', target: 'AR1', markings: B });
  link({ key: 'Ld-area', group: 'd', source: 'dOcg', type: 'OPERATES_IN', target: 'AR1', markings: { ...B, nfd: true, nfdJustification: 'operational', nfdApprover: 'DCI' } });

  // Anchor links (visible), reaching every restricted record.
  link({ key: 'L-prov', group: 'anchor', source: 'V1', type: 'MEMBER_OF', target: 'V2', props: { role: 'PRINCIPAL' }, reports: ['V5', 'bRep', 'cRep'], markings: A });
  for (const k of ['aSub', 'bSub', 'dSub', 'eSub', 'fSub']) link({ key: `L-${k}`, group: 'anchor', source: 'V1', type: 'ASSOCIATE_OF', target: k, markings: A });
  // Restricted links, with marker strings in properties written by an import (not via the API).
  link({ key: 'La-ment', group: 'a', source: 'aRep', type: 'MENTIONS', target: 'V1', markings: { ...B, handling: 'C', handlingNotes: mk('a') }, raw: { notes: mk('a') } });
  link({ key: 'La-phone', group: 'a', source: 'V1', type: 'USES_PHONE', target: 'V4', markings: B, raw: { notes: mk('a') } });
  link({ key: 'Lb-phone', group: 'b', source: 'bSub', type: 'USES_PHONE', target: 'V4', markings: { ...A, ...SECRET } });
  link({ key: 'Lb-freq', group: 'b', source: 'V1', type: 'FREQUENTS', target: 'V3', markings: { ...A, ...SECRET, handling: 'C', handlingNotes: mk('b') }, raw: { notes: mk('b') } });
  link({ key: 'Lb-ment', group: 'b', source: 'bRep', type: 'MENTIONS', target: 'V2', markings: { ...A, ...SECRET } });
  link({ key: 'Lc-src', group: 'c', source: 'cRep', type: 'FROM_SOURCE', target: 'cSrc', markings: { ...A, ...CHIS } });
  link({ key: 'Lc-ment', group: 'c', source: 'cRep', type: 'MENTIONS', target: 'V1', markings: { ...A, ...CHIS }, raw: { notes: mk('c') } });
  link({ key: 'Lc-freq', group: 'c', source: 'V2', type: 'FREQUENTS', target: 'V3', markings: { ...A, ...CHIS }, raw: { notes: mk('c') } });
  link({ key: 'Lf-ment', group: 'f', source: 'fRep', type: 'MENTIONS', target: 'fSub', markings: B, raw: { disseminatedTo: [AG.A, AG.C] } });
}

async function writeRecords(): Promise<void> {
  for (const r of recs.values()) {
    r.id = await t.entity(r.key, r.type, r.props, r.markings, r.label);
    if (r.raw) await t.db.write(cypher('MATCH (n:Entity {id: $id}) SET n += $raw', { id: r.id, raw: r.raw }));
  }
  for (const l of links.values()) {
    const source = recs.get(l.source)!.id!;
    const target = recs.get(l.target)!.id!;
    l.id = await t.link(source, l.type, target, l.props ?? {}, (l.reports ?? []).map((k) => recs.get(k)!.id!), l.markings);
    if (l.raw) await t.db.write(cypher(`MATCH ()-[r:${l.type} {id: $id}]->() SET r += $raw`, { id: l.id, raw: l.raw }));
  }
}

const markingsOf = (r: Rec | LinkRec): Markings => ({
  classification: r.markings.classification ?? 'OFFICIAL', agency: r.markings.agency, compartments: r.markings.compartments ?? [],
  nfd: r.markings.nfd ?? false, disseminatedTo: (r.raw?.disseminatedTo as string[] | undefined) ?? null,
});
const sees = (name: Name, g: Group) => SEES[g].includes(name);
/** Lower-case strings the viewer must never be shown. */
const forbiddenNeedles = (name: Name) => [...needles].filter(([, g]) => !sees(name, g)).map(([n]) => n);
/**
 * Real ids of records the viewer may not see (a stub carries an opaque id instead), except ids a
 * visible record itself names in its properties (an OCG's lead area is part of the OCG).
 */
function forbiddenIds(name: Name): string[] {
  const named = new Set<string>();
  for (const r of recs.values()) if (sees(name, r.group)) stringsIn(r.props, named);
  return [...recs.values(), ...links.values()].filter((r) => !sees(name, r.group) && !named.has(r.id!)).map((r) => r.id!);
}
const hiddenEntityIds = (name: Name) => [...recs.values()].filter((r) => decide(viewers[name], markingsOf(r)) === 'hidden').map((r) => r.id!);

function pool(name: Name): ArgPool {
  const entityIds = [...recs.values()];
  const visible = entityIds.filter((r) => r.group === 'anchor').map((r) => r.id!);
  const restricted = entityIds.filter((r) => r.group !== 'anchor').map((r) => r.id!);
  const texts: string[] = [];
  // Markers first (every group once), then the name-like words, then the rest.
  const byGroup = new Map<Group, string[]>();
  for (const [n, g] of needles) (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push(n);
  const markerOf = (n: string) => (/^qv/.test(n) ? n : `CANARY-${n}`);
  for (const list of byGroup.values()) texts.push(markerOf(list[0]!));
  for (const list of byGroup.values()) { const w = list.find((n) => /^qv/.test(n)); if (w) texts.push(w); }
  texts.push('CANARY');
  return {
    idsByType: Object.fromEntries(ENTITY_TYPE_NAMES.map((type) => [type, entityIds.filter((r) => r.type === type).sort((x, y) => Number(x.group !== 'anchor') - Number(y.group !== 'anchor')).map((r) => r.id!)])),
    visibleIds: [recs.get('V1')!.id!, recs.get('V4')!.id!, ...visible.filter((i) => i !== recs.get('V1')!.id && i !== recs.get('V4')!.id)],
    restrictedIds: restricted,
    linkIds: [...links.values()].map((l) => l.id!),
    texts,
    entityTypes: [...ENTITY_TYPE_NAMES],
    linkTypes: [...LINK_TYPE_NAMES],
    agencies: [AG.B, AG.A, AG.C],
    usernames: Object.keys(PEOPLE).map((n) => `${t.prefix}.${n.toLowerCase()}`),
    statements: [
      `MATCH (n:Entity) WHERE n.id STARTS WITH '${t.prefix}' RETURN n`,
      `MATCH (n:Entity)-[r]-(m) WHERE n.id STARTS WITH '${t.prefix}' RETURN n, r, m`,
    ],
  };
}

interface Call { name: Name; op: Operation; result: GqlResult }
const walks = new Map<Name, Call[]>();
const stats = new Map<string, Map<string, number>>(); // field -> outcome -> count (and ms)

function note(field: string, result: GqlResult, ms: number): void {
  const outcome = result.errors?.length ? String(result.errors[0]!.extensions?.code ?? 'NO_CODE') : 'ok';
  const m = stats.get(field) ?? stats.set(field, new Map()).get(field)!;
  m.set(outcome, (m.get(outcome) ?? 0) + 1);
  m.set('ms', (m.get('ms') ?? 0) + ms);
}

async function walk(name: Name, root: 'query' | 'mutation', p: ArgPool, skip?: (f: string) => boolean): Promise<Call[]> {
  const calls: Call[] = [];
  for (const op of walkOperations(schema, root, p, { skip, maxVariants: 60 })) {
    const started = Date.now();
    const { op: sent, result } = await runOperation(t, schema, op, p, tokens[name]);
    note(`${root}.${op.field}`, result, Date.now() - started);
    calls.push({ name, op: sent, result });
  }
  return calls;
}

/** Needles and ids the caller typed in are not a leak when echoed. */
function leaksIn(c: Call): string[] {
  const input = JSON.stringify(c.op.variables).toLowerCase();
  const out = found(c.result, forbiddenNeedles(c.name).filter((n) => !input.includes(n))).map((n) => `marker ${n} (${needles.get(n)})`);
  // A restricted id is a leak everywhere, the audit trail included (it shows ids only as the reader may know them).
  const strings = stringsIn(c.result.data);
  for (const id of forbiddenIds(c.name)) if (strings.has(id) && !input.includes(id.toLowerCase())) out.push(`real id ${id}`);
  return out;
}
const describeCall = (c: Call, leaks: string[]) =>
  `${c.name} ${c.op.root}.${c.op.field}(${JSON.stringify(c.op.variables)}) -> ${leaks.join(', ')}`;

beforeAll(async () => {
  t = await startTestApp();
  AG = { A: `${t.prefix}-AG1`, B: `${t.prefix}-AG2`, C: `${t.prefix}-AG3` };
  // Agencies first: the directory that words stubs is loaded on the first request.
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Alpha Intelligence Bureau' }, { agency: AG.A }, 'Alpha Constabulary');
  await t.entity('AG2', 'Agency', { kind: 'NCA', desk: 'Bravo Intelligence Desk' }, { agency: AG.B }, 'Bravo Agency');
  await t.entity('AG3', 'Agency', { kind: 'HMRC', desk: 'Charlie Desk' }, { agency: AG.C }, 'Charlie Revenue');
  defineRecords();
  await writeRecords();
  for (const [name, p] of Object.entries(PEOPLE) as [Name, (typeof PEOPLE)[Name]][]) {
    tokens[name] = await t.user(name.toLowerCase(), p.role, { agency: AG[p.agency], clearance: p.clearance, compartments: p.compartments });
    viewers[name] = { userId: name, username: name, role: p.role, clearance: p.clearance, agency: AG[p.agency], compartments: p.compartments };
  }
  schema = await introspect(t, tokens.managerA);
}, 240_000);

afterAll(async () => {
  if (stats.size) {
    const lines = [...stats].sort().map(([f, m]) => `  ${f}: ${[...m].map(([k, v]) => `${k}=${v}`).join(' ')}`);
    console.log(`[canary] calls per field and outcome:\n${lines.join('\n')}`);
  }
  await t?.db.write(cypher('MATCH (n:PolicyProbe) WHERE n.id STARTS WITH $p DELETE n', { p: t.prefix })).catch(() => {});
  await t?.close();
});

describe('canary: restricted content never reaches a viewer who may not see it', () => {
  it('refuses introspection anonymously and allows it signed in', async () => {
    const anon = await t.gql('{ __schema { queryType { name } } }');
    expect(anon.data ?? null).toBeNull();
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const typeProbe = await t.gql('{ __type(name: "GraphNode") { name } }');
    expect(typeProbe.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const signedIn = await t.gql('{ __schema { queryType { name } } }', {}, tokens.analyst);
    expect(signedIn.data?.__schema.queryType.name).toBe('Query');
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['entity', 'search', 'graph', 'neighbours', 'link']));
  });

  it('the expectations table agrees with the access policy for every record and viewer', () => {
    for (const name of Object.keys(PEOPLE) as Name[]) {
      if (PEOPLE[name].role === 'ADMIN') continue; // no read permission at all
      for (const r of [...recs.values(), ...links.values()]) {
        const access = decide(viewers[name], markingsOf(r));
        expect(access === 'full' || access === 'shared', `${name} / ${r.key}`).toBe(sees(name, r.group));
      }
    }
  });

  it('the owners see every marker through the same walk (positive control)', async () => {
    for (const [name, calls] of await Promise.all(PRIVILEGED.map(async (n) => [n, await walk(n, 'query', pool(n))] as const))) walks.set(name, calls);
    const seen = new Set<string>();
    for (const name of PRIVILEGED) for (const c of walks.get(name)!) for (const n of found(c.result, needles.keys())) seen.add(n);
    const missing = [...needles].filter(([n, g]) => g !== 'e' && g !== 'dj' && !seen.has(n)).map(([n, g]) => `${n} (${g})`);
    expect(missing, 'markers the owners never saw: the walk does not reach them').toEqual([]);
    // TOP SECRET records are seen by no user; they are in the database all the same.
    const ts = await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.label AS label', { id: recs.get('eSub')!.id }));
    expect(ts[0]?.label).toContain('CANARY-');
  }, 900_000);

  it('no marker and no restricted id reaches any other role, through any query field', async () => {
    for (const [name, calls] of await Promise.all(OTHERS.map(async (n) => [n, await walk(n, 'query', pool(n))] as const))) walks.set(name, calls);
    const leaks: string[] = [];
    for (const name of OTHERS) {
      for (const c of walks.get(name)!) {
        const l = leaksIn(c);
        if (l.length) leaks.push(describeCall(c, l));
      }
    }
    expect(leaks.slice(0, 40).join('\n'), `${leaks.length} leaking calls`).toBe('');
    // The walk really exercised the fields: each core field answered someone without error.
    for (const f of ['entity', 'entities', 'search', 'graph', 'neighbours', 'link']) {
      expect(stats.get(`query.${f}`)?.get('ok') ?? 0, f).toBeGreaterThan(0);
    }
  }, 900_000);

  it('answers with no internal errors for generated, well-typed arguments', () => {
    const internal: string[] = [];
    for (const calls of walks.values()) {
      for (const c of calls) {
        for (const e of c.result.errors ?? []) {
          const code = String(e.extensions?.code ?? '');
          if (!EXPECTED_CODES.has(code) && !/limit of \d+ exceeded|Token limit/i.test(e.message)) {
            internal.push(`${c.name} ${c.op.field}(${JSON.stringify(c.op.variables)}): ${code} ${e.message}`);
          }
        }
      }
    }
    expect(internal.slice(0, 20).join('\n'), `${internal.length} unexpected errors`).toBe('');
  });

  it('answers about a hidden record exactly as about a record that does not exist', async () => {
    const differences: string[] = [];
    let n = 0;
    for (const name of ['analyst', 'partnerC'] as Name[]) {
      const hidden = hiddenEntityIds(name);
      for (const c of walks.get(name) ?? []) {
        const vars = JSON.stringify(c.op.variables);
        const used = hidden.filter((h) => vars.includes(`"${h}"`));
        if (used.length !== 1) continue;
        const h = used[0]!;
        const unknown = `${t.prefix}-UNKNOWN-${n++}`;
        const twinVars = JSON.parse(vars.split(`"${h}"`).join(`"${unknown}"`));
        const norm = (r: GqlResult, id: string) => JSON.stringify(r).split(id).join('<ID>');
        const same = async () => {
          const [a, b] = [await t.gql(c.op.query, c.op.variables, tokens[name]), await t.gql(c.op.query, twinVars, tokens[name])];
          return norm(a, h) === norm(b, unknown) ? undefined : `${norm(a, h).slice(0, 300)} <> ${norm(b, unknown).slice(0, 300)}`;
        };
        const diff = (await same()) && (await same()); // twice, to rule out a concurrent write elsewhere
        if (diff) differences.push(`${name} ${c.op.field}(${vars}): ${diff}`);
      }
    }
    expect(differences.slice(0, 20).join('\n'), `${differences.length} differences`).toBe('');
  }, 900_000);

  it('mutations neither echo restricted content nor act on restricted records', async () => {
    const writers: Name[] = ['analyst', 'officer', 'partnerC'];
    const calls: Call[] = [];
    const skip = (f: string) => /^(signIn|signOut)$/.test(f);
    const notFull = new Map<Name, string[]>();
    for (const name of writers) {
      notFull.set(name, [...recs.values(), ...links.values()].filter((r) => decide(viewers[name], markingsOf(r)) !== 'full').map((r) => r.id!));
      const p = { ...pool(name), texts: ['probe text', 'Probe'], idsOnly: notFull.get(name)! };
      calls.push(...(await walk(name, 'mutation', p, skip)));
    }
    const leaks: string[] = [];
    const acted: string[] = [];
    for (const c of calls) {
      const l = leaksIn(c);
      if (l.length) leaks.push(describeCall(c, l));
      // A write that succeeded while naming only records the caller cannot see in full.
      const data = c.result.data?.[c.op.field];
      const restricted = [...stringsIn(c.op.variables)].some((s) => notFull.get(c.name)!.includes(s));
      // An upload answers with a summary rather than an error: it acted only if it wrote something.
      const wroteNothing = c.op.field === 'importGraph' && data && (data.written === false || (data.created === 0 && data.updated === 0));
      // A watch writes only the caller's own watch: on a record they may read (a shared copy, which
      // they cannot write, included) or a search text (any string, an id too). What it answers is
      // checked for leaks above, and its alerts pass the policy as the caller.
      const ownWatch = c.op.field === 'watch';
      // An export decision writes no record, only the caller's audit event (a file is made in the
      // browser from what the caller already holds): what it answers is checked for leaks above,
      // and the noninterference suite compares its answers across worlds.
      const exportDecision = c.op.field === 'chartExport';
      if (data && restricted && !wroteNothing && !ownWatch && !exportDecision) acted.push(describeCall(c, ['succeeded']));
    }
    expect(leaks.slice(0, 20).join('\n'), `${leaks.length} leaking calls`).toBe('');
    expect(acted.slice(0, 20).join('\n'), `${acted.length} writes on restricted records`).toBe('');
    // Nothing restricted was changed by the walk.
    const rows = await t.db.read(cypher(
      'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.label AS label, coalesce(n.archived,false) AS archived',
      { ids: [...recs.values()].map((r) => r.id) },
    ));
    for (const r of rows) {
      const rec = [...recs.values()].find((x) => x.id === r.id)!;
      expect({ id: r.id, label: r.label, archived: r.archived }).toEqual({ id: rec.id, label: rec.label, archived: false });
    }
  }, 900_000);
});

describe('provenance of a visible link', () => {
  it('does not count or weigh supporting reports the viewer may not know exist', async () => {
    const id = links.get('L-prov')!.id!;
    const r = await t.gql(`query($id:ID!){ link(id:$id){ link{ reportCount strength } reports{ report{ id } grade } withheldReports } }`, { id }, tokens.analyst);
    expect(r.errors).toBeUndefined();
    // V5 is visible, bRep (SECRET) is a stub the analyst may know of, cRep (CHIS) is hidden.
    expect(r.data.link.reports.map((x: { report: { id: string } }) => x.report.id)).toEqual([recs.get('V5')!.id]);
    expect.soft(r.data.link.withheldReports, 'withheldReports counts a CHIS report').toBe(1);
    expect.soft(r.data.link.link.reportCount, 'reportCount counts a CHIS report').toBe(2);
    const grade = (k: string): Grade & { sourceId: string } => ({ ...(recs.get(k)!.props as unknown as Grade), sourceId: k });
    expect.soft(r.data.link.link.strength, 'strength rests on a CHIS report').toBeLessThanOrEqual(linkStrength([grade('V5'), grade('bRep')]));
    const m = await t.gql(`query($id:ID!){ link(id:$id){ link{ reportCount } withheldReports } }`, { id }, tokens.managerA);
    expect(m.data.link).toEqual({ link: { reportCount: 3 }, withheldReports: 0 });
  });
});

describe('writing over a link the writer cannot see', () => {
  it.each([
    ['a SECRET link', 'Lb-freq'],
    ['a CHIS-compartment link', 'Lc-freq'],
  ])('createLink on the endpoints of %s neither takes it over nor exposes it', async (_what, key) => {
    const l = links.get(key)!;
    const before = await t.db.read(cypher(`MATCH ()-[r:${l.type} {id: $id}]->() RETURN properties(r) AS p`, { id: l.id }));
    const input = { source: recs.get(l.source)!.id, target: recs.get(l.target)!.id, type: l.type };
    const r = await t.gql(`mutation($i:LinkInput!){ createLink(input:$i){ id created changed } }`, { i: input }, tokens.analyst);
    const after = await t.db.read(cypher(`MATCH ()-[r:${l.type} {id: $id}]->() RETURN properties(r) AS p`, { id: l.id }));
    const keep = (p: Record<string, unknown>) => ({ classification: p.classification, agency: p.agency, compartments: p.compartments, notes: p.notes, reportIds: p.reportIds });
    const read = await t.gql(`query($id:ID!){ link(id:$id){ link{ props markings{ classification } } } }`, { id: l.id }, tokens.analyst);
    const leaked = found(read, forbiddenNeedles('analyst'));
    // Restore before asserting, so later tests see the original link.
    await t.db.write(cypher(`MATCH ()-[r:${l.type} {id: $id}]->() SET r = $p`, { id: l.id, p: before[0]!.p }));
    expect.soft(keep(after[0]!.p as Record<string, unknown>), `createLink answered ${JSON.stringify(r)}`).toEqual(keep(before[0]!.p as Record<string, unknown>));
    expect(leaked).toEqual([]);
  });
});

describe('hiddenFilter and visibleFilter agree with decide', () => {
  it('for every combination of markings, evaluated by the database', async () => {
    const own = `${t.prefix}-AG1`;
    const other = `${t.prefix}-AG2`;
    const classes = [null, ...CLASSIFICATIONS, 'COSMIC'];
    const agencies = [own, other, null];
    const compartmentSets = [[], ['CHIS'], ['OP-NIGHTJAR'], ['CHIS', 'OP-NIGHTJAR']];
    const nfds = [null, false, true];
    const dissem = [null, [own], [other], [own, other]];
    const cases: (Markings & { id: string })[] = [];
    for (const classification of classes) for (const agency of agencies) for (const compartments of compartmentSets) for (const nfd of nfds) for (const disseminatedTo of dissem) {
      cases.push({ id: `${t.prefix}-P${cases.length}`, classification, agency, compartments, nfd, disseminatedTo });
    }
    await t.db.write(cypher(
      `UNWIND $cases AS c CREATE (n:PolicyProbe {id: c.id}) SET n.classification = c.classification, n.agency = c.agency,
         n.compartments = c.compartments, n.nfd = c.nfd, n.disseminatedTo = c.disseminatedTo`,
      { cases },
    ));
    const probeViewers: Viewer[] = [
      { userId: 'v1', username: 'v1', role: 'ANALYST', clearance: 'OFFICIAL-SENSITIVE', agency: own, compartments: [] },
      { userId: 'v2', username: 'v2', role: 'INTEL_MANAGER', clearance: 'SECRET', agency: own, compartments: ['CHIS'] },
      { userId: 'v3', username: 'v3', role: 'PARTNER_LIAISON', clearance: 'OFFICIAL', agency: other, compartments: [] },
      { userId: 'v4', username: 'v4', role: 'INTEL_OFFICER', clearance: 'SECRET', agency: own, compartments: ['OP-NIGHTJAR'] },
      { userId: 'v5', username: 'v5', role: 'PARTNER_LIAISON', clearance: 'SECRET', agency: `${t.prefix}-AG9`, compartments: ['CHIS', 'OP-NIGHTJAR'] },
    ];
    const mismatches: string[] = [];
    for (const v of probeViewers) {
      const hid = hiddenFilter(v, 'n');
      const vis = visibleFilter(v, 'n');
      const rows = await t.db.read(cypher(
        `MATCH (n:PolicyProbe) WHERE n.id STARTS WITH $prefix
         RETURN n.id AS id, coalesce(${hid.text}, 'null') AS hidden, coalesce(${vis.text}, 'null') AS visible`,
        { ...hid.params, ...vis.params, prefix: `${t.prefix}-P` },
      ));
      expect(rows).toHaveLength(cases.length);
      const byId = new Map(cases.map((c) => [c.id, c]));
      for (const r of rows) {
        const c = byId.get(r.id as string)!;
        const access = decide(v, c);
        // Queries use `WHERE NOT hidden`: a null excludes the record just as true does.
        const excluded = r.hidden !== false;
        const listed = r.visible === true;
        const label = `${v.username} ${JSON.stringify({ ...c, id: undefined })}: decide=${access} hidden=${r.hidden} visible=${r.visible}`;
        if (excluded !== (access === 'hidden')) mismatches.push(`hiddenFilter ${label}`);
        if (listed !== (access === 'full' || access === 'shared')) mismatches.push(`visibleFilter ${label}`);
      }
    }
    expect(mismatches.slice(0, 20).join('\n'), `${mismatches.length} mismatches`).toBe('');
  }, 120_000);
});
