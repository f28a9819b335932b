import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareAudit } from '../../server/app.js';
import { createUser } from '../../server/auth/users.js';
import { loadConfig } from '../../server/config.js';
import { auditSeal, eventHash, readHead, type AuditEvent } from '../../server/audit/trail.js';
import { currentCausal, withBookmarks } from '../../server/db/causal.js';
import { cypher, Db } from '../../server/db/db.js';
import { freePort } from '../../server/db/localNeo4j.js';
import { validateEntity } from '../../server/domain/validate.js';
import { writeEntities } from '../../server/graph/write.js';
import { deleteByPrefix, testDb, type TestDb } from '../helpers/db.js';

/**
 * The API keeps no state of its own: two API processes on one Neo4j serve one user as one. A
 * session made on one works on the other; signing out on one ends it on the other within
 * SESSION_CACHE_MS; the audit chain stays one valid chain under writes through both at once; and
 * the sign-in limits, held in each process, bound guessing to the documented per-process allowance.
 */
const root = path.resolve(import.meta.dirname, '../..');
const SESSION_CACHE_MS = 3000;
let t: TestDb;
const P = `mp${randomBytes(3).toString('hex')}`;
const AG = `${P}-AG`;
const procs: { child: ChildProcess; url: string }[] = [];

async function startApi(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...t.env, PORT: String(port), SEED_ON_EMPTY: 'false', ALERT_POLL_MS: '0', SESSION_CACHE_MS: String(SESSION_CACHE_MS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d; });
  child.stderr!.on('data', (d: Buffer) => { out += d; });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${out}`)), 180_000);
    child.stdout!.on('data', () => { if (/ready in/.test(out)) { clearTimeout(timer); resolve(); } });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`API exited (${code}):\n${out}`)); });
  });
  const p = { child, url: `http://127.0.0.1:${port}` };
  procs.push(p);
  return p;
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
}

const SIGN_IN = 'mutation($u: String!, $p: String!){ signIn(username: $u, password: $p){ token } }';
let a: { url: string };
let b: { url: string };

beforeAll(async () => {
  t = await testDb();
  prepareAudit(loadConfig(process.env)); // the key the API processes use (same DATA_DIR or AUDIT_KEY)
  const agency = validateEntity({ id: AG, type: 'Agency', label: `Agency ${P}`, props: { kind: 'POLICE', code: P }, markings: { classification: 'OFFICIAL', agency: AG, handling: 'P' } }, {});
  await t.db.writeTx((tx) => writeEntities(tx, [agency], new Date().toISOString()));
  for (const u of ['one', 'two', 'three']) {
    await createUser(t.db, { username: `${P}-${u}`, password: 'correct-horse-9', role: 'ANALYST', clearance: 'SECRET', agency: AG, compartments: [] });
  }
  [a, b] = await Promise.all([startApi(), startApi()]);
}, 400_000);

afterAll(async () => {
  for (const p of procs) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once('exit', r)))));
  if (t) {
    await t.db.write(cypher('MATCH (u:User) WHERE u.username STARTS WITH $p DETACH DELETE u', { p: P }));
    await deleteByPrefix(t.db, P);
    await t.close();
  }
});

describe('two API processes on one database', { timeout: 180_000 }, () => {
  it('a session made on one works on the other; signing out on one ends it on both within SESSION_CACHE_MS', async () => {
    const signIn = await gql(a.url, SIGN_IN, { u: `${P}-one`, p: 'correct-horse-9' });
    const token = signIn.data!.signIn.token as string;
    const me = await gql(b.url, '{ me { username agency } }', {}, token);
    expect(me.data?.me).toEqual({ username: `${P}-one`, agency: AG });
    // B has now checked (and cached) the session; A ends it.
    expect((await gql(a.url, 'mutation { signOut }', {}, token)).data?.signOut).toBe(true);
    expect((await gql(a.url, '{ me { username } }', {}, token)).data?.me ?? null).toBeNull(); // at once where it was ended
    const ended = Date.now();
    let refusedAfter = -1;
    while (Date.now() - ended < SESSION_CACHE_MS + 5000) {
      const r = await gql(b.url, '{ me { username } }', {}, token);
      if ((r.data?.me ?? null) === null) { refusedAfter = Date.now() - ended; break; }
      await new Promise((r2) => setTimeout(r2, 100));
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(0);
    expect(refusedAfter).toBeLessThanOrEqual(SESSION_CACHE_MS + 1000);
  });

  it('writes through both at once leave one valid audit chain, each event once', async () => {
    const tokenA = (await gql(a.url, SIGN_IN, { u: `${P}-two`, p: 'correct-horse-9' })).data!.signIn.token as string;
    const tokenB = (await gql(b.url, SIGN_IN, { u: `${P}-two`, p: 'correct-horse-9' })).data!.signIn.token as string;
    const [{ before }] = await t.db.read(cypher('MATCH (h:AuditHead) RETURN h.seq AS before'));
    const create = 'mutation($input: EntityInput!){ createEntity(input: $input){ id } }';
    const writes = Array.from({ length: 40 }, (_, i) => {
      const [url, token] = i % 2 ? [b.url, tokenB] : [a.url, tokenA];
      return gql(url, create, { input: { id: `${P}-S${i}`, type: 'Subject', label: `Subject ${i}`, props: {}, markings: { classification: 'OFFICIAL', agency: AG, handling: 'P' } } }, token);
    });
    const results = await Promise.all(writes);
    for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    // The stretch of the chain written meanwhile (other files append too): each event follows the one
    // before it and carries the MAC of its content under the deployment's key, numbered without gaps.
    const head = await readHead(t.db);
    const rows = (await t.db.read(cypher(
      'MATCH (e:AuditEvent) WHERE e.seq >= $before AND e.seq <= $last RETURN properties(e) AS e ORDER BY e.seq', { before, last: head!.seq },
    ))).map((r) => r.e as AuditEvent);
    const seal = auditSeal();
    for (let i = 1; i < rows.length; i++) {
      const { hash, ...rest } = rows[i]!;
      expect(rows[i]!.seq).toBe(rows[i - 1]!.seq + 1);
      expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
      expect(rest.seal).toBe(seal.keyId);
      expect(eventHash(rest, seal.key, head!.chain ?? undefined)).toBe(hash);
    }
    expect(rows.at(-1)!.hash).toBe(head!.hash);
    const created = rows.filter((r) => r.actor === `${P}-two` && /createEntity/.test(String(r.op)) && r.outcome === 'ok');
    expect(created.length).toBeGreaterThanOrEqual(40);
  });

  it('sign-in limits are held per process: guessing one account through both is refused after at most twice one process\u2019s allowance', async () => {
    const wrong = async (url: string) => gql(url, SIGN_IN, { u: `${P}-three`, p: 'wrong-password-1' });
    const accepted = { a: 0, b: 0 };
    for (let i = 0; i < 30; i++) {
      const [name, url] = i % 2 ? ['b', b.url] as const : ['a', a.url] as const;
      const r = await wrong(url);
      const code = r.errors?.[0]?.extensions?.code;
      if (code === 'RATE_LIMITED') continue;
      expect(r.errors?.[0]?.message).toMatch(/wrong username or password/i);
      accepted[name]++;
    }
    // One process allows 5 failures per account and address in its window (auth/rateLimit.ts).
    expect(accepted.a).toBe(5);
    expect(accepted.b).toBe(5);
    // And each process, once limited, refuses even the right password until the window ends.
    for (const url of [a.url, b.url]) {
      const r = await gql(url, SIGN_IN, { u: `${P}-three`, p: 'correct-horse-9' });
      expect(r.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
  });

  it('a list cursor made by one process pages on in the other (cursors are sealed with the deployment\u2019s key)', async () => {
    const token = (await gql(a.url, SIGN_IN, { u: `${P}-one`, p: 'correct-horse-9' })).data!.signIn.token as string;
    const page = 'query($after: String){ entities(type: "Subject", first: 1, after: $after){ items { id } hasNextPage endCursor } }';
    const first = await gql(a.url, page, {}, token);
    expect(first.errors).toBeUndefined();
    expect(first.data.entities.hasNextPage).toBe(true);
    const next = await gql(b.url, page, { after: first.data.entities.endCursor }, token);
    expect(next.errors).toBeUndefined();
    expect(next.data.entities.items[0].id).not.toBe(first.data.entities.items[0].id);
  });

  it('a write\u2019s bookmark goes back with the response and on to the other process, whose reads start after it; a forged one is refused clearly', async () => {
    const token = (await gql(a.url, SIGN_IN, { u: `${P}-two`, p: 'correct-horse-9' })).data!.signIn.token as string;
    const wrote = await gql(a.url, 'mutation($input: EntityInput!){ createEntity(input: $input){ id } }', {
      input: { id: `${P}-BM`, type: 'Subject', label: 'Bookmarked', props: {}, markings: { classification: 'OFFICIAL', agency: AG, handling: 'P' } },
    }, token);
    expect(wrote.errors).toBeUndefined();
    const bookmark = wrote.headers.get('x-graph-bookmark');
    // Sealed: the client never sees Neo4j's bookmark (it would count everyone's writes in between).
    expect(bookmark).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(bookmark).not.toMatch(/^FB/);
    expect(wrote.headers.get('set-cookie')).toMatch(/ig_bm=[A-Za-z0-9_-]+; Path=\/graphql; Max-Age=60; HttpOnly; SameSite=Strict/);
    const read = await gql(b.url, 'query($id: ID!){ entity(id: $id){ id label } }', { id: `${P}-BM` }, token, { 'x-graph-bookmark': bookmark! });
    expect(read.errors).toBeUndefined();
    expect(read.data?.entity).toEqual({ id: `${P}-BM`, label: 'Bookmarked' });
    // Every response seals afresh: two answers to the same reader never show the same token.
    const again = await gql(b.url, 'query($id: ID!){ entity(id: $id){ id } }', { id: `${P}-BM` }, token, { 'x-graph-bookmark': bookmark! });
    expect(again.headers.get('x-graph-bookmark')).not.toBe(read.headers.get('x-graph-bookmark'));
    // One not made by this deployment (forged, or altered by a byte) is refused as a bad request.
    const altered = `${bookmark!.slice(0, -2)}${bookmark!.endsWith('AA') ? 'AB' : 'AA'}`;
    for (const forged of ['FB:kcwQqp2QLoHzSv+wY4Q2F84yXcoABbMtkA==', altered]) {
      const r = await gql(b.url, 'query($id: ID!){ entity(id: $id){ id } }', { id: `${P}-BM` }, token, { 'x-graph-bookmark': forged });
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.message).toMatch(/bookmark .* is not one this platform issued/);
      expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    }
    // A browser's stale cookie is dropped (and cleared), never an error.
    const res = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, cookie: `ig_bm=${altered}` },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { me: { username: string } } }).data.me.username).toBe(`${P}-two`);
    expect(res.headers.get('set-cookie')).toMatch(/ig_bm=; Path=\/graphql; Max-Age=0/);
  });

  it('a routing (neo4j://) URI against the single local instance: reads and writes in their access modes, bookmarks carried between connections', async () => {
    const uri = t.env.NEO4J_URI;
    // The local launcher advertises its own listener; another server's routing table is its own business.
    if (!/^bolt:\/\/127\.0\.0\.1:\d+$/.test(uri)) return;
    const routed = Db.connect(uri.replace('bolt://', 'neo4j://'), t.env.NEO4J_USER, t.env.NEO4J_PASSWORD, { queryTimeoutMs: 30_000 });
    const other = Db.connect(uri.replace('bolt://', 'neo4j://'), t.env.NEO4J_USER, t.env.NEO4J_PASSWORD, { queryTimeoutMs: 30_000 });
    try {
      const [{ servers }] = await routed.read(cypher("CALL dbms.routing.getRoutingTable({}, 'neo4j') YIELD servers RETURN servers"));
      const port = uri.split(':').at(-1);
      for (const role of ['WRITE', 'READ', 'ROUTE']) {
        expect((servers as { role: string; addresses: string[] }[]).find((x) => x.role === role)?.addresses).toEqual([`127.0.0.1:${port}`]);
      }
      // A write in one connection, its bookmark handed to another: the read there starts after it.
      const handed = await withBookmarks([], async () => {
        await routed.write(cypher('MERGE (m:SchemaProbe {id: $id}) SET m.at = $at', { id: `${P}-probe`, at: Date.now() }));
        return currentCausal()!.latest!;
      });
      expect(handed[0]).toMatch(/^FB:/);
      const seen = await withBookmarks(handed, () => other.read(cypher('MATCH (m:SchemaProbe {id: $id}) RETURN count(m) AS n', { id: `${P}-probe` })));
      expect(seen[0]!.n).toBe(1);
      // A read-only connection refuses to write: the access mode is what the routing driver routes on.
      await expect(routed.read(cypher('CREATE (:SchemaProbe {id: $id})', { id: `${P}-nope` }))).rejects.toThrow(/read/i);
    } finally {
      await routed.write(cypher('MATCH (m:SchemaProbe) WHERE m.id STARTS WITH $p DELETE m', { p: P }));
      await routed.close();
      await other.close();
    }
  });
});

