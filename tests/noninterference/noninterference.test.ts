import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { ENTITY_TYPES, LINK_TYPE_NAMES, ENTITY_TYPE_NAMES, LINK_TYPES, MARKING_KEYS, SYSTEM_KEYS } from '../../server/domain/model.js';
import { decide, stubId, type Role, type Viewer } from '../../server/domain/policy.js';
import { library } from '../../server/investigations/library.js';
import { linkId } from '../../server/graph/write.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { introspect, operationFor, runOperation, walkOperations, type ArgPool, type GqlResult, type Operation } from '../helpers/viewers.js';
import {
  agencyId, clearWorld, entityId, policyMarkings, releasable, shareReleasable, twin, unshare, vocabulary, worldArb, worldTexts, writeAgencies, writeWorld,
  type AgencyKey, type World,
} from '../helpers/worlds.js';

/**
 * Need-to-know, as a property: for every viewer, two worlds that differ only in what that viewer may
 * not know give that viewer identical answers. fast-check draws a world and the choices that make its
 * twin (tests/helpers/worlds.ts); both are written in turn to the real database and the same
 * operations run as the viewer through the real API in each: every query field found by
 * introspection with generated arguments, lists sorted and filtered on every property and paged
 * through by cursor, searches for every word and identifier of both worlds, every id of both worlds,
 * links and their provenance, expansions, paths, metrics, timeline, free-form Cypher projecting every
 * property and function, and the viewer's audit trail. Any difference in any answer is a leak; the
 * failure names the operation and shows both answers.
 *
 * The file runs after every other test file (its own vitest project), so nothing else changes the
 * database between the two worlds of a pair. NI_RUNS and NI_SEED override the runs and the seed
 * (`npm run test:ni -- --runs 40` runs a larger search).
 */
const SEED = Number(process.env.NI_SEED ?? 20_261_205);
const RUNS = Number(process.env.NI_RUNS ?? 2);

interface ViewerSpec { name: string; role: Role; agency: AgencyKey; clearance: string; compartments: string[] }

/** One viewer per role that reads intelligence, a partner agency's liaison and a CHIS-cleared manager. */
const VIEWERS: ViewerSpec[] = [
  { name: 'analyst', role: 'ANALYST', agency: 'V', clearance: 'SECRET', compartments: [] },
  { name: 'partner', role: 'PARTNER_LIAISON', agency: 'P', clearance: 'OFFICIAL-SENSITIVE', compartments: [] },
  { name: 'researcher', role: 'RESEARCHER', agency: 'V', clearance: 'SECRET', compartments: [] },
  { name: 'principal', role: 'PRINCIPAL_ANALYST', agency: 'V', clearance: 'SECRET', compartments: ['OP-NIGHTJAR'] },
  { name: 'admin', role: 'ADMIN', agency: 'V', clearance: 'OFFICIAL', compartments: [] },
  { name: 'manager', role: 'INTEL_MANAGER', agency: 'V', clearance: 'SECRET', compartments: ['CHIS'] },
  { name: 'director', role: 'DIRECTOR', agency: 'X', clearance: 'SECRET', compartments: ['FINANCIAL'] },
];

let t: TestApp;
let P: string;
let schema: GraphQLSchema;
const tokens = new Map<string, string>();
const viewers = new Map<string, Viewer>();

beforeAll(async () => {
  // Several calls run at once for one user: allow them all (the per-user limit is tested on its own).
  // Alerts are delivered when the run flushes them, never by the process's timer in the middle of
  // writing a world: when a round runs is timing (documented as not hidden), not content.
  t = await startTestApp({ MAX_CONCURRENT_QUERIES_PER_USER: String(CONCURRENCY + 2), ALERT_POLL_MS: '0' });
  P = t.prefix;
  await writeAgencies(t.db, P);
  for (const v of VIEWERS) {
    tokens.set(v.name, await t.user(v.name, v.role, { agency: agencyId(P, v.agency), clearance: v.clearance, compartments: v.compartments }));
    const { userId } = await t.userId(v.name);
    viewers.set(v.name, { userId, username: `${P}.${v.name}`, role: v.role, agency: agencyId(P, v.agency), clearance: v.clearance, compartments: v.compartments });
  }
  // Colleagues whose products the viewers may or may not read: an author cleared for everything the
  // worlds hold but TOP SECRET, and a manager who approves and disseminates what the author writes.
  tokens.set('writer', await t.user('writer', 'ANALYST', { agency: agencyId(P, 'V'), clearance: 'SECRET', compartments: ['CHIS', 'OP-NIGHTJAR'] }));
  tokens.set('boss', await t.user('boss', 'INTEL_MANAGER', { agency: agencyId(P, 'V'), clearance: 'SECRET', compartments: ['CHIS', 'OP-NIGHTJAR'] }));
  schema = await introspect(t, tokens.get('analyst')!);
}, 240_000);

afterAll(async () => {
  if (!t) return;
  await clearCharts().catch(() => undefined);
  await clearProducts();
  await t.close();
});

// ---------------------------------------------------------------------------------------------
// The operations a viewer runs in both worlds

/** Every property key a free-form query could name: the model's, markings, system and stored aggregates. */
const ALL_KEYS = [...new Set([
  ...Object.values(ENTITY_TYPES).flatMap((d) => Object.keys(d.props)),
  ...Object.values(LINK_TYPES).flatMap((d) => Object.keys(d.props)),
  ...MARKING_KEYS, ...SYSTEM_KEYS, 'disseminatedTo', 'reportIds', 'reportMarks', 'strength', 'search', 'phonetic', 'contentHash', 'point',
])];

/** Free-form Cypher that reads every property, whole records and derived values in every way we know. */
export function cypherCorpus(words: string[]): string[] {
  const q: string[] = [];
  for (const k of ALL_KEYS) {
    q.push(`MATCH (n:Entity) RETURN n.${k} AS v ORDER BY toString(v) LIMIT 50`);
    q.push(`MATCH ()-[r]->() RETURN r.${k} AS v ORDER BY toString(v) LIMIT 50`);
  }
  q.push(
    'MATCH (n:Entity) RETURN properties(n) AS p ORDER BY n.id',
    'MATCH ()-[r]->() RETURN `properties`(coalesce(r)) AS p',
    'MATCH (n:Entity) RETURN `PROPERTIES`(n) AS p',
    'MATCH (n:Entity) RETURN keys(n) AS k ORDER BY n.id',
    'MATCH ()-[r]->() RETURN keys(r) AS k',
    'MATCH (n:Entity) RETURN n{.*} AS p ORDER BY n.id',
    "MATCH (n:Entity) RETURN n['text'] AS p ORDER BY n.id",
    'MATCH (n:Entity) RETURN id(n) AS i ORDER BY i',
    'MATCH (n:Entity) RETURN elementId(n) AS i ORDER BY i',
    'MATCH ()-[r]->() RETURN id(r) AS i ORDER BY i',
    'MATCH (n:Entity) RETURN count(n) AS c',
    'MATCH ()-[r]->() RETURN count(r) AS c, sum(r.strength) AS s',
    'MATCH (n:Entity) RETURN labels(n) AS l, count(*) AS c ORDER BY toString(l)',
    'MATCH (n:Entity) RETURN n ORDER BY n.id',
    'MATCH (a:Entity)-[r]->(b:Entity) RETURN a, r, b ORDER BY r.id',
    'MATCH (a:Entity) RETURN a.id AS id, COUNT { (a)--() } AS degree ORDER BY id',
    // A pattern comprehension's list follows storage order (a documented limit): counted, not listed.
    'MATCH (a:Entity) RETURN a.id AS id, size([(a)-[r]-(b) | b.id]) AS ns ORDER BY id',
    'CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey',
    'CALL db.labels() YIELD label RETURN label ORDER BY label',
    'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType',
  );
  for (const w of words.slice(0, 6)) {
    q.push(`MATCH (n:Entity) WHERE n.text CONTAINS '${w}' RETURN count(n) AS c`);
    q.push(`MATCH (n:Entity) WHERE toLower(toString(n.notes)) CONTAINS '${w}' RETURN n.id AS id ORDER BY id`);
  }
  return q;
}

interface Pair { a: World; b: World }

/** Ids and texts drawn from both worlds, so both runs ask exactly the same things. */
function poolFor(pair: Pair, viewer: Viewer): ArgPool & { words: string[] } {
  const both = [...pair.a.entities, ...pair.b.entities];
  const visible = new Set<string>();
  const restricted = new Set<string>();
  for (const e of both) {
    const a = decide(viewer, policyMarkings(P, e.markings));
    (a === 'full' || a === 'shared' ? visible : restricted).add(entityId(P, e.key));
  }
  for (const id of visible) restricted.delete(id);
  const idsByType: Record<string, string[]> = {};
  for (const e of both) (idsByType[e.type] ??= []).includes(entityId(P, e.key)) || idsByType[e.type]!.push(entityId(P, e.key));
  const linkIds = [...new Set([...pair.a.links, ...pair.b.links].map((l) => linkId(entityId(P, l.source), l.type, entityId(P, l.target))))].sort();
  const words = vocabulary(P);
  const texts = [...new Set([...words, ...worldTexts(pair.a), ...worldTexts(pair.b)])].sort();
  return {
    visibleIds: [...visible].sort(), restrictedIds: [...restricted].sort(), linkIds, texts: texts.slice(0, 40), words,
    entityTypes: [...ENTITY_TYPE_NAMES], linkTypes: [...LINK_TYPE_NAMES], agencies: ['V', 'P', 'X', 'Y'].map((k) => agencyId(P, k as AgencyKey)),
    idsByType, usernames: VIEWERS.map((v) => `${P}.${v.name}`), statements: cypherCorpus(words).slice(0, 4),
  };
}

const field = (root: 'query' | 'mutation', name: string) => {
  const type = root === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  return type.getFields()[name];
};

/** One named call: the selection set comes from introspection, so every field of the answer is compared. */
function call(name: string, args: Record<string, unknown>, pool: ArgPool, depth = 3): Operation | undefined {
  const f = field('query', name);
  return f ? operationFor('query', f, args, pool, depth) : undefined;
}

/** The operations one viewer runs in each world of a pair. */
function operations(spec: ViewerSpec, pool: ReturnType<typeof poolFor>, pair: Pair): Operation[] {
  const ops: (Operation | undefined)[] = [];
  const ids = [...pool.visibleIds, ...pool.restrictedIds];
  // Every id of both worlds, alone and together.
  for (const id of ids) ops.push(call('entity', { id }, pool));
  ops.push(call('graph', { ids }, pool), call('neighbours', { ids, limit: 5 }, pool), call('neighbours', { ids: pool.visibleIds, limit: 100 }, pool));
  for (const id of pool.linkIds) ops.push(call('link', { id }, pool));
  ops.push(call('networkMetrics', { ids }, pool), call('timeline', { ids }, pool), call('expand', { ids: pool.visibleIds.slice(0, 3), hops: 2 }, pool));
  const v = pool.visibleIds;
  for (let i = 0; i + 1 < Math.min(v.length, 6); i++) {
    ops.push(call('shortestPaths', { from: v[i], to: v[i + 1], k: 2 }, pool), call('shortestPaths', { from: v[i], to: v[i + 1], minGrade: '2B' }, pool));
    ops.push(call('allPaths', { from: v[i], to: v[v.length - 1 - i], maxHops: 3 }, pool));
  }
  // Weighted metrics (counts of the aggregate links the viewer sees) and the communications analyses,
  // on every phone and vehicle of both worlds, hidden ones included.
  ops.push(call('networkMetrics', { ids, weighting: 'COUNT_AS_STRENGTH' }, pool), call('networkMetrics', { ids, weighting: 'COUNT_AS_DISTANCE' }, pool));
  const phones = pool.idsByType?.Phone ?? [];
  const vehicles = pool.idsByType?.Vehicle ?? [];
  ops.push(call('callFrequency', { phoneIds: phones }, pool), call('callFrequency', { phoneIds: phones, from: '2025-11-03T08:30:00Z', to: '2025-11-03T09:00:00Z' }, pool));
  for (let i = 0; i + 1 < phones.length; i += 2) ops.push(call('commonContacts', { phoneIds: phones.slice(i, i + 3) }, pool));
  for (const id of phones) ops.push(call('phoneCoLocation', { phoneIds: [id], withinMinutes: 30, minPlaces: 1 }, pool));
  for (const id of vehicles) ops.push(call('vehicleCoLocation', { vehicleIds: [id], withinMinutes: 30, minPlaces: 1 }, pool));
  if (vehicles.length >= 2) ops.push(call('vehicleCoLocation', { vehicleIds: vehicles.slice(0, 2), withinMinutes: 90, minPlaces: 1 }, pool));
  // Lists: every sortable and filterable property, both directions, paged by cursor (pages are chained at run time).
  const types = [...new Set([...pair.a.entities, ...pair.b.entities].map((e) => e.type))].sort();
  for (const type of types) {
    const props = ['label', 'id', 'updatedAt', 'createdAt', ...Object.keys(ENTITY_TYPES[type as keyof typeof ENTITY_TYPES].props)];
    for (const sortBy of props) for (const descending of [false, true]) ops.push(call('entities', { type, sortBy, descending, first: 2 }, pool));
    // Every property filtered through the viewer's view of it, by containing the word and by
    // ordering against it. Equality and "at or below" go through the same filtering and would
    // only tell a hidden change apart from these two when a hidden value moves between equal to
    // the word and above it while still containing it; they cost half the run's list calls.
    for (const prop of props) {
      for (const op of ['CONTAINS', 'GTE']) ops.push(call('entities', { type, where: [{ prop, op, value: pool.words[1]!.slice(0, 8) }], first: 50 }, pool));
    }
  }
  // Searches: every word and identifier of both worlds (hidden text included).
  for (const text of pool.texts) ops.push(call('search', { text, limit: 20 }, pool));
  for (const w of pool.words) ops.push(call('search', { text: w.slice(0, -1), limit: 5 }, pool));
  // Free-form Cypher for those who may run it.
  if (spec.role === 'RESEARCHER' || spec.role === 'PRINCIPAL_ANALYST') {
    for (const cy of cypherCorpus(pool.words)) ops.push(call('runCypher', { cypher: cy }, pool));
  }
  // Chart exports: the marking, the decision and the counts, for the whole of both worlds (hidden
  // ids and links among them), for what the viewer is shown with stubs by their references, and
  // with a consent reference given; the audit of each is compared with the viewer's trail.
  const viewer = viewers.get(spec.name)!;
  const stubs = pool.restrictedIds.map((id) => stubId(viewer, id));
  for (const format of ['PNG', 'PDF']) ops.push(mutation('chartExport', { format, entityIds: ids, linkIds: pool.linkIds, label: 'World chart' }, pool));
  ops.push(mutation('chartExport', { format: 'SVG', entityIds: [...pool.visibleIds, ...stubs], linkIds: pool.linkIds }, pool));
  ops.push(mutation('chartExport', { format: 'GRAPHML', entityIds: [...pool.visibleIds, ...stubs], linkIds: [] }, pool));
  ops.push(mutation('chartExport', { format: 'CSV', entityIds: pool.visibleIds, linkIds: pool.linkIds, consentReference: 'CONS/2026/1' }, pool));
  // Every query field, generated arguments (the walk covers what was added since this list was written).
  ops.push(...walkOperations(schema, 'query', pool, { depth: 3, maxVariants: 6, skip: (f) => f === 'auditTrail' }));
  const skip = new Set((process.env.NI_SKIP ?? '').split(',').filter(Boolean));
  return ops.filter((o): o is Operation => !!o && !skip.has(o.field));
}

// ---------------------------------------------------------------------------------------------
// Running and comparing

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const TIME_INSIDE = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const VOLATILE_KEY = /^(elapsedMs|tookMs|durationMs|ms|ranAt|at|seq|hash|prevHash|expiresAt|savedAt)$/;

/**
 * A transcript entry made comparable: values the server makes fresh per request (times of now,
 * random ids, cursors, run times) are renamed in order of first appearance, consistently within a
 * world's transcript, so two runs compare equal exactly when they say the same things.
 */
function normaliser() {
  const names = new Map<string, string>();
  const rename = (kind: string, s: string) => {
    const k = `${kind}:${s}`;
    if (!names.has(k)) names.set(k, `<${kind}#${names.size}>`);
    return names.get(k)!;
  };
  const walk = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') {
      if (/cursor/i.test(key)) return rename('cursor', v);
      // A cursor the viewer sent, as their audit trail records it (sealed afresh in each world).
      const text = key === 'args' ? v.replace(/"after":"[^"]*"/g, '"after":"<cursor>"') : v;
      if (TIME.test(text) && !text.startsWith('2026-01-15T10:00')) return '<now>';
      // Times of now also travel inside strings (an audit event's arguments).
      return text.replace(UUID, (u) => rename('uuid', u)).replace(TIME_INSIDE, (x) => (x.startsWith('2026-01-15T10:00') ? x : '<now>'));
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = VOLATILE_KEY.test(k) ? '<volatile>' : walk(x, k);
      return out;
    }
    return v;
  };
  return walk;
}

interface Entry { op: Operation; result: unknown }

async function transcript(ops: Operation[], token: string, pool: ArgPool): Promise<Entry[]> {
  // Several calls at once (answers do not depend on the order reads arrive in); each answer is
  // normalised in the order of the operations, so renamed values line up between the worlds.
  const raw: { op: Operation; result: GqlResult }[][] = new Array(ops.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ops.length; i = next++) raw[i] = await runWithPages(ops[i]!, token, pool);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const norm = normaliser();
  return raw.flat().map(({ op, result }) => ({ op, result: norm(strip(result)) }));
}

const CONCURRENCY = 6;

/** One call, and for a list every further page by its cursor (each page is compared). */
async function runWithPages(op: Operation, token: string, pool: ArgPool): Promise<{ op: Operation; result: GqlResult }[]> {
  const first = await runOperation(t, schema, op, pool, token);
  const out = [{ op, result: first.result }];
  let result = first.result;
  let pages = 0;
  const list = field('query', 'entities')!;
  while (op.field === 'entities' && result.data?.entities?.hasNextPage && pages++ < 8) {
    // The next page's call declares `after` (a variable the document does not declare is ignored).
    const next = operationFor('query', list, { ...first.op.variables, after: result.data.entities.endCursor }, pool, 3);
    result = await t.gql(next.query, next.variables, token);
    out.push({ op: { ...next, variables: { ...next.variables, after: `<page ${pages}>` } }, result });
  }
  return out;
}

/** The parts of an answer that are the viewer's to compare (the HTTP status included). */
function strip(r: GqlResult): unknown {
  return { status: r.status, data: r.data ?? null, errors: (r.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code, field: e.extensions?.field })) };
}

const READS_AUDIT = ['ADMIN', 'INTEL_MANAGER', 'DIRECTOR'];

/**
 * Audit trails as the viewer reads them: their own, and that of a colleague cleared for CHIS who
 * read every record of the world (what that colleague saw differs between the worlds; what the
 * reader is told of it must not).
 */
async function auditOf(spec: ViewerSpec, since: string, token: string): Promise<unknown> {
  if (!READS_AUDIT.includes(spec.role)) return null;
  const f = field('query', 'auditTrail');
  if (!f) return null;
  const none: ArgPool = { visibleIds: [], restrictedIds: [], linkIds: [], texts: [], entityTypes: [], linkTypes: [], agencies: [] };
  const out: unknown[] = [];
  for (const actor of [spec.name, BACKGROUND]) {
    // The whole trail since the run began, page by page (a viewer's run can exceed one page, and
    // which events fill a single page would then follow the order the concurrent calls ran in).
    const first = operationFor('query', f, { actor: `${P}.${actor}`, from: since, limit: 1000 }, none, 2);
    let r = await t.gql(first.query, first.variables, token);
    for (let page = r; (page.data?.auditTrail?.length ?? 0) === 1000;) {
      const before = Math.min(...(page.data.auditTrail as { seq: string | number }[]).map((e) => Number(e.seq)));
      const op = operationFor('query', f, { actor: `${P}.${actor}`, from: since, limit: 1000, beforeSeq: before }, none, 2);
      page = await t.gql(op.query, op.variables, token);
      const errors = [...(r.errors ?? []), ...(page.errors ?? [])];
      r = { ...r, data: { auditTrail: [...r.data.auditTrail, ...(page.data?.auditTrail ?? [])] }, ...(errors.length ? { errors } : {}) };
    }
    // The calls ran several at a time, so the trail's order is theirs: compare the events as a set.
    // Random ids (a release's dissemination) are named by first appearance, and the trail's order is
    // the calls' order: within a trail compared as a set they are all one name.
    const n = JSON.parse(JSON.stringify(normaliser()(strip(r))).replace(/<uuid#\d+>/g, '<uuid>')) as { data: { auditTrail?: unknown[] } | null };
    // The page boundary a reader gave (a sequence number of that world's trail) is per world.
    for (const e of (n.data?.auditTrail ?? []) as { args?: unknown; detail?: unknown }[]) {
      if (typeof e.args === 'string') e.args = e.args.replace(/"beforeSeq":\d+/g, '"beforeSeq":"<seq>"');
      // A mutation's event names its write-ahead intent by sequence number (a position in the whole trail, like seq).
      if (typeof e.detail === 'string') e.detail = e.detail.replace(/intent=\d+/g, 'intent=<seq>');
    }
    n.data?.auditTrail?.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    out.push(n);
  }
  return out;
}

/** The colleague whose reads fill the trail an audit reader is shown. */
const BACKGROUND = 'manager';

/** What the background colleague does in each world before an audit reader looks. */
function backgroundOps(pool: ArgPool): Operation[] {
  const ids = [...pool.visibleIds, ...pool.restrictedIds];
  return [
    ...ids.map((id) => call('entity', { id }, pool)),
    ...pool.linkIds.map((id) => call('link', { id }, pool)),
    call('graph', { ids }, pool), call('neighbours', { ids, limit: 3 }, pool),
    ...pool.texts.slice(0, 10).map((text) => call('search', { text, limit: 5 }, pool)),
  ].filter((o): o is Operation => !!o);
}

/** The two texts around the first character where they differ. */
function around(x: string, y: string): [string, string] {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const from = Math.max(0, i - 700);
  const cut = (s: string) => `${from ? '...' : ''}${s.slice(from, i + 500)}${s.length > i + 500 ? '...' : ''}`;
  return [cut(x), cut(y)];
}

/** The events one world's trail shows and the other's does not (the trails are compared as sets). */
function auditDifference(a: unknown, b: unknown): string {
  const events = (x: unknown) => ((x as { data: { auditTrail?: unknown[] } | null }[] | null) ?? []).flatMap((r) => r.data?.auditTrail ?? []).map((e) => JSON.stringify(e));
  const ea = events(a);
  const eb = events(b);
  const minus = (x: string[], y: string[]) => {
    const left = [...y];
    return x.filter((e) => { const i = left.indexOf(e); if (i < 0) return true; left.splice(i, 1); return false; });
  };
  const onlyA = minus(ea, eb);
  const onlyB = minus(eb, ea);
  if (!onlyA.length && !onlyB.length) return around(JSON.stringify(a), JSON.stringify(b)).map((x, i) => `answer in world ${'AB'[i]}: ${x}`).join('\n  ');
  return `only in world A (${onlyA.length}): ${onlyA.slice(0, 3).join('\n    ')}\n  only in world B (${onlyB.length}): ${onlyB.slice(0, 3).join('\n    ')}`;
}

function firstDifference(a: Entry[], b: Entry[]): string | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = JSON.stringify(a[i]?.result) ?? '';
    const y = JSON.stringify(b[i]?.result) ?? '';
    if (x !== y) {
      const op = a[i]?.op ?? b[i]!.op;
      const [ax, by] = around(x, y);
      return `operation ${op.field} ${JSON.stringify(op.variables).slice(0, 400)}\n  answer in world A: ${ax}\n  answer in world B: ${by}`;
    }
  }
  return undefined;
}

/** A mutation the viewer makes in both worlds (its answer is compared like any other). */
function mutation(name: string, args: Record<string, unknown>, pool: ArgPool): Operation | undefined {
  const f = field('mutation', name);
  return f ? operationFor('mutation', f, args, pool, 3) : undefined;
}

/**
 * What the viewer does once the early part of the world is written: watch every record they see
 * (and a few searches and an investigation), ask the holder about every record they meet as a stub
 * (by the reference they would be shown), and record an interest in one. The late part of the world
 * then arrives through the write path, and the alerts it causes are delivered.
 */
function setupOps(spec: ViewerSpec, pool: ReturnType<typeof poolFor>, pair: Pair): Operation[] {
  const viewer = viewers.get(spec.name)!;
  const types = new Map([...pair.a.entities, ...pair.b.entities].map((e) => [entityId(P, e.key), e.type]));
  const ops: (Operation | undefined)[] = [];
  for (const id of pool.visibleIds) {
    ops.push(mutation('watch', { kind: 'ENTITY', target: id }, pool));
    if (types.get(id) === 'OCG') ops.push(mutation('watch', { kind: 'OCG', target: id }, pool));
  }
  for (const text of [...pool.words.slice(0, 3), ...pool.texts.slice(0, 3)]) ops.push(mutation('watch', { kind: 'SEARCH', target: text }, pool));
  if (spec.role === 'RESEARCHER' || spec.role === 'PRINCIPAL_ANALYST') ops.push(mutation('watch', { kind: 'INVESTIGATION', target: library()[0]!.id }, pool));
  const request = { question: 'What is held?', purpose: 'A linked operation', lawfulBasis: 'DPA 2018 s.35' };
  for (const id of pool.restrictedIds) ops.push(mutation('requestInformation', { input: { ...request, references: [stubId(viewer, id)] } }, pool));
  if (pool.restrictedIds[0]) {
    ops.push(mutation('requestInformation', { input: { kind: 'DECONFLICTION', purpose: 'Surveillance', references: [stubId(viewer, pool.restrictedIds[0])] } }, pool));
  }
  return ops.filter((o): o is Operation => !!o);
}

async function runWorld(w: World & { release?: boolean }, spec: ViewerSpec, ops: Operation[], pool: ReturnType<typeof poolFor>, pair: Pair): Promise<{ entries: Entry[]; audit: unknown }> {
  await clearWorld(t.db, P);
  await clearProducts();
  await clearCharts();
  await writeWorld(t.db, P, w, 'early');
  const since = new Date().toISOString();
  const token = tokens.get(spec.name)!;
  // Watches several at a time (they are listed by what they watch); requests one at a time (they
  // are listed newest first). Answers are normalised in the order of the operations.
  const setupList = setupOps(spec, pool, pair);
  const raw: GqlResult[] = new Array(setupList.length);
  const watches = setupList.map((op, i) => ({ op, i })).filter((x) => x.op.field === 'watch');
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let k = next++; k < watches.length; k = next++) raw[watches[k]!.i] = (await runOperation(t, schema, watches[k]!.op, pool, token)).result;
  }));
  for (const [i, op] of setupList.entries()) if (op.field !== 'watch') raw[i] = (await runOperation(t, schema, op, pool, token)).result;
  const norm = normaliser();
  const setup: Entry[] = setupList.map((op, i) => ({ op, result: norm(strip(raw[i]!)) }));
  await writeWorld(t.db, P, w, 'late');
  await colleaguesProducts(spec, pool, pair, w.release);
  // Acknowledge everything received (the sender's view of it is then part of what is compared).
  const received = await t.gql('{ disseminationsReceived(limit: 1000){ id } }', {}, token);
  for (const d of (received.data?.disseminationsReceived ?? []) as { id: string }[]) {
    const op = mutation('acknowledgeDissemination', { id: d.id }, pool);
    if (op) setup.push({ op, result: norm(strip((await runOperation(t, schema, op, pool, token)).result)) });
  }
  setup.push(...await ownProducts(spec, pool, pair, token, norm));
  setup.push(...await charts(spec, pool, token, norm));
  await t.flushAlerts();
  if (READS_AUDIT.includes(spec.role) && spec.name !== BACKGROUND) await transcript(backgroundOps(pool), tokens.get(BACKGROUND)!, pool);
  const entries = await transcript(ops, token, pool);
  const audit = await auditOf(spec, since, token);
  return { entries: [...setup, ...entries], audit };
}

// ---------------------------------------------------------------------------------------------
// Intelligence products

const DRAFTS = ['ANALYST', 'PRINCIPAL_ANALYST', 'INTEL_OFFICER', 'INTEL_MANAGER'];
const PRODUCT_FIELDS = `id type title status version classification compartments sourceClassification
  sections{ key title source statements{ id text cites citeRefs } snapshot{ kind nodes{ id label type x y lat lon } links{ source target type } } }
  sources{ ref reportId grade handling classification agency date summary } history{ action from to by comment version }`;
const SANITISED_FIELDS = `id title classification recipientAgency recipientClearance withheld recordCount
  sections{ key source statements{ id text cites citeRefs } snapshot{ kind nodes{ id label lat lon } } } sources{ ref reportId grade summary }`;
const RELEASE_INPUT = { handling: 'P', purpose: 'Inform the partner', lawfulBasis: 'DPA 2018 s.35', sharingAgreement: 'World ISA' };

async function clearProducts(): Promise<void> {
  await t.db.write(cypher('MATCH (n) WHERE (n:Product OR n:ProductRelease) AND n.agency STARTS WITH $p DETACH DELETE n', { p: P }));
  await t.db.write(cypher('MATCH (n:ProductVersion) WHERE n.savedBy STARTS WITH $p DETACH DELETE n', { p: P }));
}

/**
 * The first subjects and groups the viewer sees (the same in both worlds of a pair), and, when an
 * author is named, that the author may read too (decided on markings, which the pair shares for
 * every record the viewer sees).
 */
function profiled(pool: ReturnType<typeof poolFor>, pair: Pair, n: number, author?: Viewer): string[] {
  const byId = new Map(pair.a.entities.map((e) => [entityId(P, e.key), e]));
  return pool.visibleIds.filter((id) => {
    const e = byId.get(id);
    if (!e || (e.type !== 'Subject' && e.type !== 'OCG')) return false;
    return !author || ['full', 'shared'].includes(decide(author, policyMarkings(P, e.markings)));
  }).slice(0, n);
}

const WRITER = (): Viewer => ({ userId: 'writer', username: `${P}.writer`, role: 'ANALYST', agency: agencyId(P, 'V'), clearance: 'SECRET', compartments: ['CHIS', 'OP-NIGHTJAR'] });

const gqlAs = async (who: string, query: string, variables: Record<string, unknown>) => {
  const r = await t.gql(query, variables, tokens.get(who)!);
  if (process.env.NI_VERBOSE && r.errors) console.log(`${who}: ${JSON.stringify(variables).slice(0, 200)} -> ${JSON.stringify(r.errors).slice(0, 300)}`);
  return r;
};

/**
 * Products colleagues of the viewers' agency make in the late part of each world: a profile of the
 * viewer's first subject at several markings (a viewer reads exactly those their clearance and
 * compartments cover, and what those say must be what the viewer may know), approved and, in a
 * release pair, disseminated to the viewer's agency.
 */
async function colleaguesProducts(spec: ViewerSpec, pool: ReturnType<typeof poolFor>, pair: Pair, release = false): Promise<void> {
  // A subject the viewer sees, or in a release pair one the release could tell the viewer's agency about.
  const writer = WRITER();
  const sees = (m: Parameters<typeof policyMarkings>[1]) => ['full', 'shared'].includes(decide(writer, policyMarkings(P, m)));
  const viewer = viewers.get(spec.name)!;
  const [subject] = pair.a.entities
    .filter((e) => (e.type === 'Subject' || e.type === 'OCG') && sees(e.markings)
      && (['full', 'shared'].includes(decide(viewer, policyMarkings(P, e.markings))) || (release && releasable(e.markings, spec.agency))))
    .map((e) => entityId(P, e.key)).sort();
  const draft = 'mutation($input: DraftProductInput!){ draftProduct(input: $input){ id } }';
  // The viewers' agency reads its colleagues' products as their markings allow (so every marking is
  // drafted); another agency only ever receives what is released to it.
  const markings = spec.agency === 'V'
    ? [['OFFICIAL-SENSITIVE', []], ['SECRET', []], ['SECRET', ['CHIS']], ['OFFICIAL', ['OP-NIGHTJAR']]] as const
    : [['OFFICIAL-SENSITIVE', []]] as const;
  const made: string[] = [];
  for (const [classification, compartments] of subject ? markings : []) {
    const r = await gqlAs('writer', draft, { input: { type: 'SUBJECT_PROFILE', title: `Profile at ${classification}`, subjectIds: [subject], classification, compartments } });
    if (r.data?.draftProduct) made.push(r.data.draftProduct.id);
  }
  const profile = subject ? made[0] : undefined;
  if (process.env.NI_VERBOSE) console.log(`colleagues: subject ${subject} products ${made.length} release ${release}`);
  const problem = await gqlAs('writer', draft, { input: { type: 'PROBLEM_PROFILE', title: 'Drugs supply', crimeType: 'DRUGS_SUPPLY' } });
  if (problem.data?.draftProduct) made.push(problem.data.draftProduct.id);
  // The profile at OFFICIAL-SENSITIVE and the problem profile go through review and approval (the others stay drafts).
  for (const id of [profile, problem.data?.draftProduct?.id].filter((x): x is string => !!x)) {
    await gqlAs('writer', 'mutation($id: ID!){ productAction(id: $id, action: "SUBMIT"){ id } }', { id });
    await gqlAs('boss', 'mutation($id: ID!){ productAction(id: $id, action: "APPROVE", comment: "Approved"){ id } }', { id });
  }
  // The viewers' own agency sees what it released to the partner; another agency's viewer receives a release in a release pair.
  const to = spec.agency === 'V' ? 'P' : release ? spec.agency : null;
  if (!to) return;
  for (const id of [profile, problem.data?.draftProduct?.id].filter(Boolean)) {
    await gqlAs('boss', 'mutation($id: ID!, $input: ProductReleaseInput!){ disseminateProduct(id: $id, input: $input){ id } }', {
      id, input: { ...RELEASE_INPUT, recipientAgency: agencyId(P, to), recipientClearance: to === 'P' ? 'OFFICIAL-SENSITIVE' : spec.clearance },
    });
  }
}

/** The viewers' and colleagues' saved charts. */
const clearCharts = () => t.db.write(cypher('MATCH (u:User) WHERE u.username STARTS WITH $p MATCH (c:SavedChart {ownerId: u.id}) DETACH DELETE c', { p: `${P}.` }));

/**
 * Saved charts over every id of both worlds, organised (a group of everything, a group of the
 * records hidden from the viewer alone, a collapsed OCG, a note and a rule), with positions, pins
 * and hidden items: a colleague's chart shared with the viewer (same agency), and the viewer's own
 * saved and reopened. The list and each chart as opened are compared.
 */
async function charts(spec: ViewerSpec, pool: ReturnType<typeof poolFor>, token: string, norm: (v: unknown) => unknown): Promise<Entry[]> {
  const out: Entry[] = [];
  const ids = [...pool.visibleIds, ...pool.restrictedIds];
  const ocg = pool.idsByType?.OCG?.[0];
  const layout = JSON.stringify({
    version: 1, edgeCount: pool.linkIds.length, entityIds: ids,
    positions: Object.fromEntries(ids.map((id, i) => [id, { x: i * 10, y: i * 3 }])),
    pinned: ids.filter((_, i) => i % 2 === 0), hidden: ids.filter((_, i) => i % 3 === 0), hiddenLinks: pool.linkIds.filter((_, i) => i % 2 === 0),
    stubs: [], stubLinks: [], filters: null, timeRange: null,
    organise: {
      groups: [
        { id: 'group:1', kind: 'group', label: 'Everything', members: ids, position: { x: 1, y: 1 } },
        ...(pool.restrictedIds.length ? [{ id: 'group:2', kind: 'group', label: 'Held back', members: pool.restrictedIds, position: { x: 2, y: 2 } }] : []),
        ...(ocg ? [{ id: 'group:3', kind: 'ocg', label: 'Collapsed', ocg, members: [ocg, ...ids.filter((x) => x !== ocg)], position: { x: 3, y: 3 } }] : []),
      ],
      annotations: [{ id: 'note:1', kind: 'note', text: 'Note', position: { x: 0, y: 0 }, width: 180, height: 70, colour: '#fef9c3' }],
      rules: [{ id: 'rule:1', enabled: true, when: { kind: 'type', type: 'Subject' }, then: { colour: '#7c3aed' } }],
    },
  });
  const SAVE = 'mutation($n: String!, $l: String!){ saveChart(name: $n, layout: $l){ id } }';
  const shared = await gqlAs('writer', SAVE, { n: 'Colleague chart', l: layout });
  if (spec.agency === 'V' && shared.data?.saveChart) {
    await gqlAs('writer', 'mutation($id: ID!, $u: [String!]!){ shareChart(id: $id, usernames: $u){ id } }', { id: shared.data.saveChart.id, u: [`${P}.${spec.name}`] });
  }
  const run = async (query: string, variables: Record<string, unknown>) => {
    const o = { field: query.match(/\{\s*(\w+)/)![1]!, query, variables } as Operation;
    const result = await t.gql(query, variables, token);
    out.push({ op: o, result: norm(strip(result)) });
    return result;
  };
  await run(SAVE, { n: 'My chart', l: layout });
  const listed = await run('query{ charts{ id name ownerName mine nodeCount edgeCount sharedWith{ username } } }', {});
  for (const c of (listed.data?.charts ?? []) as { id: string }[]) {
    await run('query($id: ID!){ chart(id: $id){ id name mine nodeCount edgeCount withheld layout graph{ nodes{ id type label restricted heldBy props } edges{ id source target type restricted strength reportCount } truncated omitted } } }', { id: c.id });
  }
  return out;
}

/**
 * The viewer's own products, if their role drafts: a profile of their first subject at their own
 * clearance and compartments, the three other types, a submission, and (for roles that disseminate)
 * sanitised versions of their profile and of a colleague's product for the two other agencies.
 */
async function ownProducts(spec: ViewerSpec, pool: ReturnType<typeof poolFor>, pair: Pair, token: string, norm: (v: unknown) => unknown): Promise<Entry[]> {
  const out: Entry[] = [];
  const op = (query: string, variables: Record<string, unknown>): Operation => ({ field: query.match(/\{\s*(\w+)/)![1]!, query, variables } as Operation);
  const runOp = async (o: Operation) => {
    const result = await t.gql(o.query, o.variables, token);
    out.push({ op: o, result: norm(strip(result)) });
    return result;
  };
  // Received products: the list (walked too) and each one's document.
  const received = await runOp(op(`query{ productsReceived{ ${SANITISED_FIELDS} } }`, {}));
  for (const r of (received.data?.productsReceived ?? []) as { id: string }[]) {
    await runOp(op(`query($id: ID!){ productRelease(id: $id){ ${SANITISED_FIELDS} } }`, { id: r.id }));
  }
  const all = await runOp(op(`query{ products(limit: 100){ ${PRODUCT_FIELDS} } }`, {}));
  const readable = ((all.data?.products ?? []) as { id: string }[]).map((p) => p.id);
  if (!DRAFTS.includes(spec.role)) return out;
  const ids: string[] = [];
  const draft = async (input: Record<string, unknown>) => {
    const r = await runOp(op(`mutation($input: DraftProductInput!){ draftProduct(input: $input){ ${PRODUCT_FIELDS} } }`, { input }));
    if (r.data?.draftProduct) ids.push(r.data.draftProduct.id);
  };
  for (const subject of profiled(pool, pair, 1)) {
    await draft({ type: 'SUBJECT_PROFILE', title: 'Mine', subjectIds: [subject], classification: spec.clearance, compartments: spec.compartments });
  }
  await draft({ type: 'PROBLEM_PROFILE', title: 'Drugs', crimeType: 'DRUGS_SUPPLY', classification: spec.clearance, compartments: spec.compartments });
  await draft({ type: 'TACTICAL_ASSESSMENT', title: 'Tactical', classification: spec.clearance });
  await draft({ type: 'STRATEGIC_ASSESSMENT', title: 'Strategic', classification: spec.clearance, compartments: spec.compartments });
  if (ids[0]) await runOp(op(`mutation($id: ID!){ productAction(id: $id, action: "SUBMIT"){ ${PRODUCT_FIELDS} } }`, { id: ids[0] }));
  if (['INTEL_OFFICER', 'INTEL_MANAGER', 'DIRECTOR'].includes(spec.role)) {
    // The viewer's own profile and the first colleague's product they may read, for the two other agencies.
    for (const id of [ids[0], readable.find((r) => !ids.includes(r))].filter((x): x is string => !!x)) {
      for (const to of ['P', 'X'] as const) {
        await runOp(op(`query($id: ID!, $to: String!){ productSanitised(id: $id, recipientAgency: $to){ ${SANITISED_FIELDS} } }`, { id, to: agencyId(P, to) }));
      }
    }
  }
  return out;
}

describe('noninterference: what a viewer may not know changes nothing they see', () => {
  for (const spec of VIEWERS) {
    it(`${spec.name} (${spec.role}, ${spec.clearance}${spec.compartments.length ? ` + ${spec.compartments.join(',')}` : ''})`, async () => {
      const viewer = viewers.get(spec.name)!;
      let pairs = 0;
      await fc.assert(fc.asyncProperty(worldArb(P), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (a, seed) => {
        // For a viewer of another agency, every other pair has products released to it: its twin
        // may then differ only in what it may not know even after a release.
        const release = spec.agency !== 'V' && pairs++ % 2 === 0;
        const base = release ? shareReleasable(a, spec.agency) : undefined;
        const b = base ? unshare(twin(base.world, viewer, P, seed), spec.agency, base.added) : twin(a, viewer, P, seed);
        const pair = { a: Object.assign({}, a, { release }), b: Object.assign({}, b, { release }) };
        const pool = poolFor(pair, viewer);
        const ops = operations(spec, pool, pair);
        if (process.env.NI_VERBOSE) console.log(`${spec.name}: ${ops.length} operations per world`);
        const ra = await runWorld(pair.a, spec, ops, pool, pair);
        const rb = await runWorld(pair.b, spec, ops, pool, pair);
        if (process.env.NI_DUMP) {
          // Both transcripts, one answer per line, for a diff tool.
          const fs = await import('node:fs');
          for (const [w, r] of [['a', ra], ['b', rb]] as const) {
            fs.writeFileSync(`${process.env.NI_DUMP}/${spec.name}-${w}.jsonl`, r.entries.map((e) => JSON.stringify({ op: e.op.field, v: e.op.variables, r: e.result })).join('\n'));
          }
        }
        const diff = firstDifference(ra.entries, rb.entries)
          ?? (JSON.stringify(ra.audit) !== JSON.stringify(rb.audit) ? `their audit trail\n  ${auditDifference(ra.audit, rb.audit)}` : undefined);
        if (diff) {
          throw new Error(`${spec.name} tells the worlds apart${release ? ' (a release pair)' : ''} by ${diff}\n  world A: ${JSON.stringify(a)}\n  world B: ${JSON.stringify(b)}`);
        }
        // The answers were not all errors: the operations reached the data.
        expect(ra.entries.filter((e) => (e.result as { data: unknown }).data).length).toBeGreaterThan(0);
      }), { seed: SEED + VIEWERS.indexOf(spec), numRuns: RUNS, endOnFailure: !process.env.NI_SHRINK });
      await clearWorld(t.db, P);
    }, 900_000);
  }
});
