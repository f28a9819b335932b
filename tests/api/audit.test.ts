import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, hashArg, readAudit, verifyAudit, type AuditEvent, type VerifyResult } from '../../server/audit/trail.js';
import { verifyLiveTrail } from '../../server/cli/auditVerify.js';
import { cypher, Db } from '../../server/db/db.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * The audit trail: every operation leaves an event (who, what, arguments with secrets removed or
 * hashed, the ids shown); managers can read and filter it; tampering is detected, by
 * `verifyAudit` and by `npm run audit:verify`. The chain is global in the shared database, so
 * tamper tests change one event at a time and restore it exactly in `finally`.
 */
const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'test-password-123'; // the password tests/helpers/app.ts gives its users

let t: TestApp;
let AG: string;
let analyst: string;
let manager: string;
let director: string;
let admin: string;
let visible: string;
let stubbed: string;
const name = (n: string) => `${t.prefix}.${n}`;

beforeAll(async () => {
  t = await startTestApp();
  AG = `${t.prefix}-AG1`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Audit Desk' }, { agency: AG }, 'Audit Constabulary');
  visible = await t.entity('S1', 'Subject', { forename: 'Audrey', surname: 'Trailwood' });
  stubbed = await t.entity('S2', 'Subject', { forename: 'Secret', surname: 'Trailwood' }, { classification: 'SECRET' });
  analyst = await t.user('analyst', 'ANALYST', { agency: AG, clearance: 'OFFICIAL-SENSITIVE' });
  manager = await t.user('manager', 'INTEL_MANAGER', { agency: AG });
  director = await t.user('director', 'DIRECTOR', { agency: AG });
  admin = await t.user('admin', 'ADMIN', { agency: AG, clearance: 'OFFICIAL' });
});
afterAll(async () => t?.close());

/** The newest events of one actor (and op), read straight from the trail. */
async function latest(actor: string, op?: string, limit = 20): Promise<(AuditEvent & { parsed: Record<string, unknown> })[]> {
  const rows = await readAudit(t.db, { actor, op, limit });
  return rows.map((e) => ({ ...e, parsed: JSON.parse(e.args) as Record<string, unknown> }));
}

/**
 * Other test files append while the trail is read, and verifyAudit reads the head after the events
 * (see the race test below): intact-chain checks use the CLI's live-trail check, which reads the
 * head first.
 */
const verifyLive = (db: Db): Promise<VerifyResult> => verifyLiveTrail(db);

describe('every operation leaves an audit event', () => {
  it('records who, the operation, its arguments and the ids returned', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
      body: JSON.stringify({
        query: 'query AuditProbe($id: ID!, $ids: [ID!]!){ entity(id: $id){ id } graph(ids: $ids){ nodes{ id } } }',
        operationName: 'AuditProbe', variables: { id: visible, ids: [visible, stubbed] },
      }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    const [e] = await latest(name('analyst'), 'entity,graph');
    expect(e).toBeDefined();
    expect(e).toMatchObject({ actor: name('analyst'), agency: AG, outcome: 'ok', detail: '' });
    // Variables that hold record ids are kept as ids (named in `@ids`), so that a reader of the trail
    // can be shown each through the policy (audit/read.ts); they used to be hashed when in a list.
    expect(e!.parsed).toEqual({ operationName: 'AuditProbe', id: visible, ids: [visible, stubbed], '@ids': ['id', 'ids'] });
    // The ids the viewer was shown in full; a stub shows nothing of its record.
    expect(e!.resultIds).toEqual([visible]);
    expect(Date.now() - Date.parse(e!.at)).toBeLessThan(60_000);
  });

  it('hashes sensitive arguments (search text, inputs) and never keeps them in clear', async () => {
    const text = `Trailwood ${t.prefix} sensitive-term`;
    const r = await t.gql('query($text: String!){ search(text: $text){ entity{ id } } }', { text }, analyst);
    expect(r.errors).toBeUndefined();
    const [e] = await latest(name('analyst'), 'search');
    expect(e!.parsed.text).toBe(hashArg(text));
    expect(e!.args).not.toContain('sensitive-term');
    expect(e!.resultIds).toContain(visible);
    expect(e!.resultIds).not.toContain(stubbed);

    const id = `${t.prefix}-AUD-C1`;
    const c = await t.gql('mutation($i: EntityInput!){ createEntity(input: $i){ id } }', { i: { id, type: 'Subject', props: { forename: 'Inputname', notes: 'confidential note' } } }, analyst);
    expect(c.errors).toBeUndefined();
    const [w] = await latest(name('analyst'), 'createEntity');
    expect(w!.parsed.i).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(w!.args).not.toMatch(/Inputname|confidential/);
    expect(w!.resultIds).toEqual([id]);
  });

  it('records refusals, anonymous calls and malformed requests', async () => {
    await t.gql('{ auditTrail(limit: 1){ seq } }', {}, analyst);
    const [denied] = await latest(name('analyst'), 'auditTrail');
    expect(denied).toMatchObject({ outcome: 'denied', detail: 'FORBIDDEN', resultIds: [] });

    const marker = `${t.prefix}-anon`;
    await t.gql('query($id: ID!){ entity(id: $id){ id } }', { id: marker });
    const anon = (await latest('anonymous', 'entity', 50)).find((e) => e.parsed.id === marker);
    expect(anon).toMatchObject({ outcome: 'denied', detail: 'UNAUTHENTICATED' });

    const before = (await readAudit(t.db, { limit: 1 }))[0]!.seq;
    await t.gql('{ entity(id: ', {}, analyst);
    const bad = (await readAudit(t.db, { actor: name('analyst'), limit: 5 })).filter((e) => e.seq > before);
    expect(bad.map((e) => [e.op, e.outcome, e.detail])).toContainEqual(['invalid-request', 'error', 'GRAPHQL_PARSE_FAILED']);
  });

  it('records sign-in successes and failures, and never a password', async () => {
    const wrong = `wrong-${t.prefix}-Pw`;
    await t.user('signer', 'ANALYST', { agency: AG });
    const ok = await t.gql('mutation($u: String!, $pw: String!){ signIn(username: $u, password: $pw){ token } }', { u: name('signer'), pw: PASSWORD });
    expect(ok.errors).toBeUndefined();
    const bad = await t.gql('mutation($u: String!, $pw: String!){ signIn(username: $u, password: $pw){ token } }', { u: name('signer'), pw: wrong });
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await t.gql('mutation($u: String!, $pw: String!){ signIn(username: $u, password: $pw){ token } }', { u: name('ghost'), pw: wrong });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const events = await latest(name('signer'), 'signIn');
    expect(events.map((e) => e.outcome)).toEqual(expect.arrayContaining(['ok', 'denied']));
    expect(events.find((e) => e.outcome === 'ok')).toMatchObject({ agency: AG });
    expect(await latest(name('ghost'), 'signIn')).toEqual([expect.objectContaining({ outcome: 'denied', detail: 'wrong username or password' })]);

    // A password bound to a variable of any name, in a request that fails before the resolver runs.
    await t.gql(`mutation($u: String!, $p: String!){ signIn(username: $u, password: $p){ token nosuchfield } }`, { u: name('signer'), p: wrong });
    await t.gql(`mutation($u: String!, $p: String!){ signIn(username: $u, password: $p){ token }`, { u: name('signer'), p: wrong });
    const leaked = await t.db.read(cypher(
      'MATCH (a:AuditEvent) WHERE a.args CONTAINS $a OR a.args CONTAINS $b OR a.detail CONTAINS $a OR a.detail CONTAINS $b RETURN a.seq AS seq, a.op AS op, a.args AS args',
      { a: PASSWORD, b: wrong },
    ));
    expect(leaked).toEqual([]);
  });

  it('audits every field of an operation that also signs in', async () => {
    // signIn audits itself; that must not silence the audit of the other fields it travels with.
    const id = `${t.prefix}-AUD-SIGNIN`;
    const r = await t.gql(
      `mutation($i: EntityInput!, $u: String!, $pw: String!){ createEntity(input: $i){ id } signIn(username: $u, password: $pw){ token } }`,
      { i: { id, type: 'Subject', props: { forename: 'Hidden', surname: 'Write' } }, u: name('signer'), pw: PASSWORD }, analyst,
    );
    expect(r.data?.createEntity?.id ?? (await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.id AS id', { id })))[0]?.id).toBe(id);
    const events = await readAudit(t.db, { recordId: id, limit: 10 });
    expect(events.map((e) => e.actor)).toContain(name('analyst'));
  });
});

describe('reading the trail (auditTrail)', () => {
  it('lets managers, directors and administrators read it, and nobody else', async () => {
    for (const token of [manager, director, admin]) {
      const r = await t.gql('{ auditTrail(limit: 3){ seq at actor op outcome args resultIds detail hash } }', {}, token);
      expect(r.errors).toBeUndefined();
      expect(r.data.auditTrail).toHaveLength(3);
    }
    const r = await t.gql('{ auditTrail(limit: 3){ seq } }', {}, analyst);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.data ?? null).toBeNull();
  });

  it('filters by actor, operation, record, time and sequence, newest first', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    await t.gql('query($id: ID!){ entity(id: $id){ id } }', { id: visible }, analyst);
    await t.gql('query($id: ID!){ entity(id: $id){ id } }', { id: visible }, analyst);
    const q = `query($actor: String, $op: String, $recordId: String, $from: String, $to: String, $beforeSeq: Int, $limit: Int!){
      auditTrail(actor: $actor, op: $op, recordId: $recordId, from: $from, to: $to, beforeSeq: $beforeSeq, limit: $limit){ seq at actor op resultIds } }`;
    const all = (await t.gql(q, { actor: name('analyst'), op: 'entity', limit: 50 }, manager)).data.auditTrail as { seq: number; at: string; actor: string; op: string; resultIds: string[] }[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const e of all) expect(e).toMatchObject({ actor: name('analyst'), op: 'entity' });
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));

    const byRecord = (await t.gql(q, { recordId: visible, limit: 100 }, manager)).data.auditTrail as { resultIds: string[] }[];
    expect(byRecord.length).toBeGreaterThanOrEqual(2);
    for (const e of byRecord) expect(e.resultIds).toContain(visible);

    const recent = (await t.gql(q, { actor: name('analyst'), from, to: new Date(Date.now() + 1000).toISOString(), limit: 50 }, manager)).data.auditTrail as { at: string }[];
    expect(recent.length).toBeGreaterThanOrEqual(2);
    for (const e of recent) expect(e.at >= from).toBe(true);

    const page = (await t.gql(q, { actor: name('analyst'), beforeSeq: all[0]!.seq, limit: 1 }, manager)).data.auditTrail as { seq: number }[];
    expect(page).toEqual([expect.objectContaining({ seq: all[1]!.seq })]);

    const bad = await t.gql(q, { limit: 0 }, manager);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'limit' });
  });

  it('reading the trail is itself audited', async () => {
    const r = await t.gql('query($limit: Int!){ auditTrail(limit: $limit){ seq } }', { limit: 2 }, manager);
    const [e] = await latest(name('manager'), 'auditTrail');
    expect(e).toMatchObject({ outcome: 'ok' });
    expect(e!.parsed.limit).toBe(2);
    // The ids an auditor was shown are the events' own records, not the audited records.
    expect(r.data.auditTrail).toHaveLength(2);
  });
});

/** Runs `npm run audit:verify` (the script's command) as a child process against the test database. */
function runCli(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/cli/auditVerify.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

describe.sequential('tamper evidence (on the shared trail, each change restored)', () => {
  /** Appends events of this file and returns them (they are the ones tampered with). */
  async function ownEvents(n: number): Promise<AuditEvent[]> {
    const out: AuditEvent[] = [];
    for (let i = 0; i < n; i++) out.push(await appendAudit(t.db, { actor: name('tamper'), op: 'tamperProbe', outcome: 'ok', args: { i }, resultIds: [`${t.prefix}-R${i}`] }));
    return out;
  }
  const props = async (seq: number) => (await t.db.read(cypher('MATCH (a:AuditEvent {seq: $seq}) RETURN properties(a) AS p', { seq })))[0]!.p as Record<string, unknown>;
  const restore = (p: Record<string, unknown>) => t.db.write(cypher('MERGE (a:AuditEvent {seq: $p.seq}) SET a = $p', { p }));

  it('verifies an intact chain', async () => {
    await ownEvents(2);
    const r = await verifyLive(t.db);
    expect(r).toMatchObject({ ok: true });
    expect(r.events).toBeGreaterThanOrEqual(2);
  });

  it('appends concurrent events in one order: every caller gets its own committed event, the chain stays whole', async () => {
    const actor = `${t.prefix}.burst`;
    const events = await Promise.all(Array.from({ length: 120 }, (_, i) => appendAudit(t.db, { actor, op: 'burst', outcome: 'ok', detail: `n=${i}` })));
    // Each caller got its own event, with a distinct place in the chain.
    expect(new Set(events.map((e) => e.seq)).size).toBe(120);
    expect(events.map((e) => e.detail)).toEqual(Array.from({ length: 120 }, (_, i) => `n=${i}`));
    // In the order they arrived, each following the one before (other files may append in between).
    for (let i = 1; i < events.length; i++) expect(events[i]!.seq).toBeGreaterThan(events[i - 1]!.seq);
    const stored = await readAudit(t.db, { actor, op: 'burst', limit: 200 });
    expect(stored.map((e) => e.hash).sort()).toEqual(events.map((e) => e.hash).sort());
    expect(await verifyLive(t.db)).toMatchObject({ ok: true });
  });

  it('keeps one whole chain when two API instances append at once (each writer falls back when the other moved the head)', async () => {
    // A second connection pool is a second writer, as another API instance would be.
    const other = new Db(t.db.driver, t.db.options);
    const actor = `${t.prefix}.twin`;
    const rounds = await Promise.all([t.db, other].map(async (db, w) => {
      const mine: AuditEvent[] = [];
      for (let i = 0; i < 15; i++) {
        mine.push(...(await Promise.all([0, 1, 2].map((k) => appendAudit(db, { actor, op: 'twin', outcome: 'ok', detail: `w${w}-${i}-${k}` })))));
      }
      return mine;
    }));
    const all = rounds.flat();
    expect(new Set(all.map((e) => e.seq)).size).toBe(90);
    const stored = await readAudit(t.db, { actor, op: 'twin', limit: 200 });
    expect(stored.map((e) => e.hash).sort()).toEqual(all.map((e) => e.hash).sort());
    expect(await verifyLive(t.db)).toMatchObject({ ok: true });
  });

  it.each([
    ['actor', 'mallory'],
    ['resultIds', []],
    ['args', '{}'],
    ['at', '2001-01-01T00:00:00.000Z'],
    ['outcome', 'ok '],
  ])('detects an edited field (%s)', async (field, value) => {
    const [e] = await ownEvents(1);
    const original = await props(e!.seq);
    try {
      await t.db.write(cypher(`MATCH (a:AuditEvent {seq: $seq}) SET a.\`${field}\` = $value`, { seq: e!.seq, value }));
      const r = await verifyAudit(t.db);
      expect(r).toMatchObject({ ok: false, firstBadSeq: e!.seq });
      expect(r.problem).toMatch(/altered/);
    } finally {
      await restore(original);
    }
    expect(await props(e!.seq)).toEqual(original);
  });

  it('detects an edited hash (the next event no longer follows it)', async () => {
    const [e] = await ownEvents(2);
    const original = await props(e!.seq);
    try {
      // Recomputing the edited event's own hash is not enough: the next event names the old one.
      await t.db.write(cypher('MATCH (a:AuditEvent {seq: $seq}) SET a.hash = $h', { seq: e!.seq, h: 'f'.repeat(64) }));
      const r = await verifyAudit(t.db);
      expect(r).toMatchObject({ ok: false, firstBadSeq: e!.seq });
    } finally {
      await restore(original);
    }
  });

  it('detects a deleted middle event', async () => {
    const [e] = await ownEvents(3);
    const original = await props(e!.seq);
    try {
      await t.db.write(cypher('MATCH (a:AuditEvent {seq: $seq}) DELETE a', { seq: e!.seq }));
      const r = await verifyAudit(t.db);
      expect(r).toMatchObject({ ok: false, firstBadSeq: e!.seq });
      expect(r.problem).toMatch(/missing/);
    } finally {
      await restore(original);
    }
    expect((await verifyLive(t.db)).ok).toBe(true);
  });

  it('detects deleted last events', async () => {
    await ownEvents(2);
    // Whatever is last when we look: others may append meanwhile, which must not hide the gap.
    const last = (await t.db.read(cypher('MATCH (h:AuditHead {id: 1}) RETURN h.seq AS seq')))[0]!.seq as number;
    const removed = [await props(last - 1), await props(last)];
    try {
      await t.db.write(cypher('MATCH (a:AuditEvent) WHERE a.seq IN $seqs DELETE a', { seqs: [last - 1, last] }));
      const r = await verifyAudit(t.db);
      expect(r).toMatchObject({ ok: false, firstBadSeq: last - 1 });
      expect(r.problem).toMatch(/removed from the end|missing/);
    } finally {
      for (const p of removed) await restore(p);
    }
    expect((await verifyLive(t.db)).ok).toBe(true);
  });

  it('is not fooled by an event appended while it verifies (no false alarm on a live trail)', async () => {
    // The server appends continuously; an append between reading the events and reading the
    // head must not be reported as events removed from the end.
    let appended = false;
    const racing = {
      read: async (q: Parameters<Db['read']>[0], ms?: number) => {
        if (!appended && q.text.includes('MATCH (h:AuditHead')) {
          appended = true;
          await appendAudit(t.db, { actor: name('tamper'), op: 'concurrentAppend', outcome: 'ok' });
        }
        return t.db.read(q, ms);
      },
    } as unknown as Db;
    const r = await verifyAudit(racing);
    expect(appended).toBe(true);
    expect(r).toMatchObject({ ok: true });
  });

  it('the live-trail check of audit:verify tolerates concurrent appends but not removed or rewritten last events', async () => {
    // The first head read is the live check's own; the second is verifyAudit's, after its walk.
    let headReads = 0;
    let appended = false;
    const racing = {
      read: async (q: Parameters<Db['read']>[0], ms?: number) => {
        if (q.text.includes('MATCH (h:AuditHead') && headReads++ === 1) {
          appended = true;
          await appendAudit(t.db, { actor: name('tamper'), op: 'concurrentAppend', outcome: 'ok' });
        }
        return t.db.read(q, ms);
      },
    } as unknown as Db;
    expect(await verifyLiveTrail(racing)).toMatchObject({ ok: true });
    expect(appended).toBe(true);

    await ownEvents(1);
    const last = (await t.db.read(cypher('MATCH (h:AuditHead {id: 1}) RETURN h.seq AS seq')))[0]!.seq as number;
    const original = await props(last);
    try {
      // The last event rewritten with a self-consistent hash: only the head can tell.
      // Without the key the forger can only hash it the unkeyed way (or seal it with a key of their own).
      const forged = { ...original, actor: 'mallory' } as Record<string, unknown>;
      const { eventHash } = await import('../../server/audit/trail.js');
      const { hash: _h, seal: _s, ...rest } = forged;
      delete forged.seal;
      forged.hash = eventHash(rest as never);
      await restore(forged);
      const r = await verifyLiveTrail(t.db);
      expect(r.ok).toBe(false);
      expect([last, last + 1]).toContain(r.firstBadSeq); // last, or the event appended after it by someone else
    } finally {
      await restore(original);
    }
    expect((await verifyLive(t.db)).ok).toBe(true);
  });

  it('npm run audit:verify prints "audit trail intact: N events" and exits 0', async () => {
    const head = (await t.db.read(cypher('MATCH (h:AuditHead {id: 1}) RETURN h.seq AS seq')))[0]!.seq as number;
    const r = await runCli();
    expect(r.stdout, r.stderr).toMatch(/^audit trail intact: \d+ events$/m);
    expect(r.code).toBe(0);
    expect(Number(/intact: (\d+)/.exec(r.stdout)![1])).toBeGreaterThanOrEqual(head);
  }, 150_000);

  it('npm run audit:verify prints the first bad event and exits 1', async () => {
    const [e] = await ownEvents(1);
    const original = await props(e!.seq);
    try {
      await t.db.write(cypher('MATCH (a:AuditEvent {seq: $seq}) SET a.detail = $d', { seq: e!.seq, d: 'edited afterwards' }));
      const r = await runCli();
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`audit trail BROKEN at event ${e!.seq}: event ${e!.seq} was altered`);
      expect(r.stdout).toContain('edited afterwards');
      expect(r.stdout).toContain(name('tamper'));
    } finally {
      await restore(original);
    }
    expect((await verifyLive(t.db)).ok).toBe(true);
  }, 150_000);
});
