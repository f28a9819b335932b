import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHHELD } from '../../server/audit/read.js';
import { loadAuditSeal } from '../../server/audit/seal.js';
import { appendAudit, auditSeal, eventHash, GENESIS, readAudit, useAuditSeal, verifyAudit, type AuditEvent } from '../../server/audit/trail.js';
import { auditReport, verifyLiveTrail } from '../../server/cli/auditVerify.js';
import { ConfigError } from '../../server/config.js';
import { cypher, run, type Db } from '../../server/db/db.js';
import { stubId } from '../../server/domain/policy.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * The audit cannot be skipped, split or forged, and its readers see only what they may know:
 * root fields are recorded where they run, a mutation's write-ahead event is committed before its
 * resolver runs, only declared variables are kept (bounded), actors are sanitised, anonymous
 * callers are bounded, `auditTrail` goes through the policy, and the chain is keyed with a key and
 * a checkpoint outside the database.
 */
const PASSWORD = 'test-password-123';
let t: TestApp;
let AG: string;
let handler: string; // cleared for CHIS
let admin: string; // OFFICIAL, no compartments
let manager: string; // SECRET, no compartments
let visible: string;
let secret: string;
let chis: string;
const name = (n: string) => `${t.prefix}.${n}`;

beforeAll(async () => {
  t = await startTestApp();
  AG = `${t.prefix}-AG1`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Integrity Desk' }, { agency: AG }, 'Integrity Constabulary');
  visible = await t.entity('S1', 'Subject', { forename: 'Open', surname: 'Ledger' });
  secret = await t.entity('S2', 'Subject', { forename: 'Secret', surname: 'Ledger' }, { classification: 'SECRET' });
  chis = await t.entity('S3', 'Subject', { forename: 'Covert', surname: 'Ledger' }, { classification: 'SECRET', compartments: ['CHIS'] });
  handler = await t.user('handler', 'INTEL_MANAGER', { agency: AG, clearance: 'SECRET', compartments: ['CHIS'] });
  admin = await t.user('admin', 'ADMIN', { agency: AG, clearance: 'OFFICIAL' });
  manager = await t.user('manager', 'INTEL_MANAGER', { agency: AG, clearance: 'SECRET' });
});
afterAll(async () => t?.close());

const entityExists = async (id: string) => (await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN count(n) AS c', { id })))[0]!.c === 1;
const eventsFor = (id: string) => readAudit(t.db, { recordId: id, limit: 20 });
const newest = async () => (await readAudit(t.db, { limit: 1 }))[0]?.seq ?? 0;

describe('what runs is what is recorded', () => {
  it('records a mutation hidden in an inline fragment next to a failing signIn', async () => {
    const id = `${t.prefix}-FRAG-1`;
    const r = await t.gql(
      `mutation($i: EntityInput!, $u: String!, $pw: String!){ ... on Mutation { createEntity(input: $i){ id } } signIn(username: $u, password: $pw){ token } }`,
      { i: { id, type: 'Subject', props: { forename: 'Fragment', surname: 'Write' } }, u: name('handler'), pw: 'wrong-password-1' }, handler,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await entityExists(id)).toBe(true);
    const events = await eventsFor(id);
    const main = events.find((e) => e.outcome !== 'intent');
    expect(main).toMatchObject({ actor: name('handler'), op: 'createEntity,signIn', outcome: 'denied' });
    expect(JSON.stringify(events)).not.toContain('wrong-password-1');
  });

  it('records a mutation hidden in a named fragment, and the write-ahead event comes first', async () => {
    const id = `${t.prefix}-FRAG-2`;
    const before = await newest();
    const r = await t.gql(
      `mutation($i: EntityInput!, $u: String!, $pw: String!){ ...W signIn(username: $u, password: $pw){ token } } fragment W on Mutation { createEntity(input: $i){ id } }`,
      { i: { id, type: 'Subject', props: { forename: 'Named', surname: 'Fragment' } }, u: name('nobody'), pw: 'wrong-password-2' }, handler,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await entityExists(id)).toBe(true);
    const mine = (await readAudit(t.db, { actor: name('handler'), limit: 20 })).filter((e) => e.seq > before);
    const intent = mine.find((e) => e.outcome === 'intent' && e.op === 'createEntity');
    const main = mine.find((e) => e.op === 'createEntity,signIn');
    expect(intent).toBeDefined();
    expect(main).toBeDefined();
    expect(intent!.seq).toBeLessThan(main!.seq);
    expect(main!.detail).toContain(`intent=${intent!.seq}`);
    expect(main!.resultIds).toEqual([id]);
  });

  it('refuses a mutation sent with a deeply nested unused variable before it runs (400, no silent write)', async () => {
    const id = `${t.prefix}-DEEP-1`;
    // Deep enough that JSON.stringify of the arguments would overflow the stack: refused as a request.
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${handler}` },
      body: `{"query":"mutation($i: EntityInput!){ createEntity(input: $i){ id } }","variables":{"i":${JSON.stringify({ id, type: 'Subject', props: { forename: 'Deep', surname: 'Nest' } })},"junk":${deep}}}`,
    });
    expect(res.status).toBe(400);
    expect(await entityExists(id)).toBe(false);
    expect(await eventsFor(id)).toEqual([]);
  });

  it('refuses a mutation whose write-ahead event cannot be written: nothing is committed', async () => {
    const id = `${t.prefix}-NOAUDIT-1`;
    const seal = auditSeal();
    useAuditSeal(undefined as never); // every append of this process now fails
    try {
      const r = await t.gql('mutation($i: EntityInput!){ createEntity(input: $i){ id } }', { i: { id, type: 'Subject', props: { forename: 'Never', surname: 'Written' } } }, handler);
      expect(r.status).toBe(503);
    } finally {
      useAuditSeal(seal);
    }
    expect(await entityExists(id)).toBe(false);
  });
});

describe('what the trail keeps of a request', () => {
  const probe = 'query($id: ID!){ entity(id: $id){ id } }';

  it('keeps only declared variables, bounded, for signed-in and anonymous callers', async () => {
    const filler = `${t.prefix}-FILL-${'x'.repeat(300_000)}`;
    const signed = await t.gql(probe, { id: visible, undeclared: filler }, manager);
    expect(signed.errors).toBeUndefined();
    const anonMarker = `${t.prefix}-anon-undeclared`;
    await t.gql(probe, { id: anonMarker, undeclared: filler });
    // A declared (unused, so invalid) variable with a long value is kept as a hash and a length.
    await t.gql('query($id: ID!, $label: String){ entity(id: $id){ id } }', { id: visible, label: filler }, manager);
    const rows = await t.db.read(cypher('MATCH (a:AuditEvent) WHERE a.args CONTAINS $p RETURN a.args AS args', { p: `${t.prefix}-FILL-` }));
    expect(rows).toEqual([]);
    const mine = await readAudit(t.db, { actor: name('manager'), limit: 10 });
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const e of mine) expect(e.args.length).toBeLessThan(2000);
    const anon = (await readAudit(t.db, { actor: 'anonymous', op: 'entity', limit: 200 })).find((e) => e.args.includes(anonMarker));
    expect(anon).toBeDefined();
    expect(anon!.args.length).toBeLessThan(500);
  });

  it('stores actor names without control characters and bounded in length', async () => {
    const evil = `${t.prefix}\nseq: 1 actor: root\r\u0000\u202e`;
    await t.gql('mutation($u: String!, $pw: String!){ signIn(username: $u, password: $pw){ token } }', { u: evil, pw: 'wrong-password-3' });
    const rows = await t.db.read(cypher('MATCH (a:AuditEvent) WHERE a.actor STARTS WITH $p RETURN a.actor AS actor', { p: t.prefix }));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const { actor } of rows as { actor: string }[]) {
      expect(actor).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
      expect(actor.length).toBeLessThanOrEqual(100);
    }
    const long = await appendAudit(t.db, { actor: `${t.prefix}-${'y'.repeat(5000)}`, op: 'longActor', outcome: 'ok' });
    expect(long.actor.length).toBeLessThanOrEqual(100);
  });

  it('bounds what anonymous callers write: so many events per address per minute, then 429 and one event saying so', async () => {
    const small = await startTestApp({ AUDIT_ANON_PER_MINUTE: '5' });
    try {
      const before = await newest();
      const marker = `${small.prefix}-burst`;
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await small.gql(probe, { id: `${marker}-${i}` })).status);
      expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
      const anon = (await readAudit(t.db, { actor: 'anonymous', limit: 500 })).filter((e) => e.seq > before);
      expect(anon.filter((e) => e.args.includes(marker))).toHaveLength(5);
      expect(anon.filter((e) => e.op === 'rateLimited' && e.args === JSON.stringify({ perMinute: 5 }))).toHaveLength(1);
    } finally {
      await small.close();
    }
  });
});

describe('reading the trail through the policy', () => {
  const q = `query($recordId: String, $actor: String, $limit: Int!){ auditTrail(recordId: $recordId, actor: $actor, limit: $limit){ seq actor op args resultIds detail hash } }`;
  type Entry = { seq: number; actor: string; op: string; args: string; resultIds: string[]; detail: string; hash: string };

  it('shows record ids only as the reader may know them, in results and arguments', async () => {
    const r = await t.gql('query($ids: [ID!]!, $id: ID!){ graph(ids: $ids){ nodes{ id } } entity(id: $id){ id } }', { ids: [visible, secret, chis], id: chis }, handler);
    expect(r.errors).toBeUndefined();
    const [stored] = await readAudit(t.db, { actor: name('handler'), op: 'graph,entity', limit: 1 });
    expect(stored!.resultIds).toEqual(expect.arrayContaining([visible, secret, chis])); // what the handler was shown

    // The administrator (OFFICIAL) cannot see what the CHIS handler could: who did what, when and
    // with which arguments (ids as the administrator may know them); what they were answered, withheld.
    const asAdmin = (await t.gql(q, { actor: name('handler'), limit: 20 }, admin)).data!.auditTrail as (Entry & { outcome?: string })[];
    const e = asAdmin.find((x) => x.seq === stored!.seq)!;
    expect(e).toBeDefined();
    expect(e).toMatchObject({ actor: name('handler'), op: 'graph,entity', detail: WITHHELD, resultIds: [] });
    expect(JSON.stringify(asAdmin)).not.toContain(chis); // the CHIS record: not even its id
    expect(JSON.stringify(asAdmin)).not.toContain(secret); // above the admin's clearance: its stub id only
    expect(JSON.parse(e.args)).toMatchObject({ id: WITHHELD, ids: [visible, stubId(await t.userId('admin'), secret), WITHHELD] });
    expect(e.hash).toBe('');

    // The manager (SECRET, no CHIS) is not in the handler's compartment either: the answer is withheld,
    // the arguments show the secret record in full and not the CHIS one.
    const asManager = (await t.gql(q, { actor: name('handler'), limit: 20 }, manager)).data!.auditTrail as Entry[];
    const m = asManager.find((x) => x.seq === stored!.seq)!;
    expect(m.resultIds).toEqual([]);
    expect(JSON.parse(m.args)).toMatchObject({ ids: [visible, secret, WITHHELD] });
    expect(JSON.stringify(asManager)).not.toContain(chis);

    // An action of the administrator's own (OFFICIAL) is the manager's to know in full: ids as the manager sees them.
    await t.gql('query($ids: [ID!]!){ graph(ids: $ids){ nodes{ id } } }', { ids: [visible, secret, chis] }, admin);
    const [own] = await readAudit(t.db, { actor: name('admin'), op: 'graph', limit: 1 });
    const byManager = ((await t.gql(q, { actor: name('admin'), limit: 20 }, manager)).data!.auditTrail as Entry[]).find((x) => x.seq === own!.seq)!;
    expect(byManager.resultIds.sort()).toEqual([...own!.resultIds].sort());
    expect(byManager.detail).not.toBe(WITHHELD);
  });

  it('answers a record filter for a hidden id exactly as for an id that does not exist', async () => {
    await t.gql('query($id: ID!){ entity(id: $id){ id } }', { id: chis }, handler);
    const hidden = await t.gql(q, { recordId: chis, limit: 50 }, admin);
    const unknown = await t.gql(q, { recordId: `${t.prefix}-S9-NOSUCH`, limit: 50 }, admin);
    expect(hidden).toEqual(unknown);
    expect(hidden.data.auditTrail).toEqual([]);
    // A record the reader sees only as a stub is not found by its real id either.
    expect((await t.gql(q, { recordId: secret, limit: 50 }, admin)).data.auditTrail).toEqual([]);
    // The handler, cleared for it, finds it.
    expect(((await t.gql(q, { recordId: chis, limit: 50 }, handler)).data.auditTrail as Entry[]).length).toBeGreaterThan(0);
  });
});

describe.sequential('the keyed chain and its checkpoint', () => {
  it('keeps the key outside the database: a file made 0600 on first start, or AUDIT_KEY', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-key-'));
    try {
      const a = loadAuditSeal({ dataDir: dir });
      expect(fs.statSync(path.join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
      expect(loadAuditSeal({ dataDir: dir }).keyId).toBe(a.keyId);
      expect(a.checkpointFile).toBe(path.join(dir, 'audit.checkpoint.json'));
      expect(loadAuditSeal({ dataDir: dir, auditKey: 'k'.repeat(40) }).keyId).not.toBe(a.keyId);
      expect(() => loadAuditSeal({ dataDir: dir, auditKey: 'short' })).toThrow(ConfigError);
      fs.chmodSync(path.join(dir, 'audit.key'), 0o644);
      expect(() => loadAuditSeal({ dataDir: dir })).toThrow(/chmod 600/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Events are sealed with the key: the stored hash is not the plain SHA-256 of the content.
    const e = await appendAudit(t.db, { actor: name('sealed'), op: 'sealProbe', outcome: 'ok' });
    const { hash, seal: _s, ...rest } = e;
    expect(e.seal).toBe(auditSeal().keyId);
    expect(hash).not.toBe(eventHash(rest as never));
  });

  /**
   * The attacks are made inside one write transaction holding the head's lock, and verified
   * through that same transaction, which is then rolled back: the shared trail is never left
   * rewritten, and other writers simply wait.
   */
  async function underAttack<T>(attack: (tx: Parameters<Parameters<Db['writeTx']>[0]>[0]) => Promise<void>, check: (db: Db) => Promise<T>): Promise<T> {
    let out: { value: T } | undefined;
    await t.db.writeTx(async (tx) => {
      await run(tx, cypher('MATCH (h:AuditHead {id: 1}) SET h.lock = true'));
      await attack(tx);
      out = { value: await check({ read: (q: Parameters<Db['read']>[0]) => run(tx, q) } as unknown as Db) };
      throw new Error('rolled back'); // never committed
    }).catch((e) => { if (!out) throw e; });
    return out!.value;
  }

  /** Deletes one event, renumbers and re-hashes every later one, and moves the head (as someone with only the database could). */
  const deleteAndRehash = (seq: number, forge: (e: Omit<AuditEvent, 'hash'>) => Omit<AuditEvent, 'hash'> & { hash: string }) =>
    async (tx: Parameters<Parameters<Db['writeTx']>[0]>[0]) => {
      const prev = (await run(tx, cypher('MATCH (a:AuditEvent {seq: $s}) RETURN a.hash AS hash', { s: seq - 1 })))[0]?.hash as string ?? GENESIS;
      await run(tx, cypher('MATCH (a:AuditEvent {seq: $s}) DELETE a', { s: seq }));
      const later = (await run(tx, cypher('MATCH (a:AuditEvent) WHERE a.seq > $s RETURN properties(a) AS a ORDER BY a.seq', { s: seq }))).map((r) => r.a as AuditEvent);
      let prevHash = prev;
      let last = { seq: seq - 1, hash: prev };
      for (const old of later) {
        const { hash: _h, ...rest } = old;
        const forged = forge({ ...rest, seq: old.seq - 1, prevHash });
        await run(tx, cypher('MATCH (a:AuditEvent {seq: $old}) SET a = $e', { old: old.seq, e: forged }));
        prevHash = forged.hash;
        last = { seq: forged.seq, hash: forged.hash };
      }
      await run(tx, cypher('MATCH (h:AuditHead {id: 1}) SET h.seq = $seq, h.hash = $hash, h.lock = false', last));
    };

  const unkeyed = (e: Omit<AuditEvent, 'hash'>) => {
    const { seal: _s, ...plain } = e;
    return { ...plain, hash: eventHash(plain as never) };
  };
  const ownKey = (e: Omit<AuditEvent, 'hash'>) => {
    const mine = loadAuditSeal({ dataDir: os.tmpdir(), auditKey: 'an attacker key of at least 32 chars' });
    const sealed = { ...e, seal: mine.keyId };
    return { ...sealed, hash: eventHash(sealed, mine.key, 'any') };
  };

  it.each([['re-hashed the unkeyed way', unkeyed], ['re-sealed with a key of their own', ownKey]] as const)(
    'detects a deleted event when what follows was %s and the head moved, and audit:verify says so in one line',
    async (_how, forge) => {
      const mine: AuditEvent[] = [];
      for (let i = 0; i < 3; i++) mine.push(await appendAudit(t.db, { actor: name('victim'), op: 'rewriteProbe', outcome: 'ok', detail: `n=${i}` }));
      const target = mine[1]!.seq;
      const { result, report } = await underAttack(deleteAndRehash(target, forge), async (db) => ({
        result: await verifyLiveTrail(db),
        report: await auditReport(db, auditSeal()),
      }));
      expect(result.ok).toBe(false);
      expect(result.firstBadSeq).toBe(target);
      expect(report.code).toBe(1);
      expect(report.lines[0]).toMatch(new RegExp(`^audit trail BROKEN at event ${target}: [^\\n]+$`));
      expect((await verifyLiveTrail(t.db)).ok).toBe(true); // rolled back
    },
  );

  it('detects events cut off the end with the head moved back (the checkpoint outside the database)', async () => {
    const mine: AuditEvent[] = [];
    for (let i = 0; i < 2; i++) mine.push(await appendAudit(t.db, { actor: name('victim'), op: 'truncateProbe', outcome: 'ok', detail: `n=${i}` }));
    const from = mine[0]!.seq;
    const { result, report } = await underAttack(async (tx) => {
      const keep = (await run(tx, cypher('MATCH (a:AuditEvent {seq: $s}) RETURN a.hash AS hash', { s: from - 1 })))[0]!.hash as string;
      await run(tx, cypher('MATCH (a:AuditEvent) WHERE a.seq >= $s DELETE a', { s: from }));
      await run(tx, cypher('MATCH (h:AuditHead {id: 1}) SET h.seq = $seq, h.hash = $hash, h.lock = false', { seq: from - 1, hash: keep }));
    }, async (db) => ({ result: await verifyAudit(db), report: await auditReport(db, auditSeal()) }));
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/checkpoint/);
    expect(report.lines[0]).toMatch(/^audit trail BROKEN at event \d+: .*checkpoint outside the database/);
    expect((await verifyLiveTrail(t.db)).ok).toBe(true);
  });
});
