import 'reflect-metadata'; // server/http.ts pulls in decorated API types without loading it itself
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tokenHash } from '../../server/auth/users.js';
import { cypher } from '../../server/db/db.js';
import { ROLE_PERMISSIONS, ROLES, stubId, type Permission, type Role } from '../../server/domain/policy.js';
import { LIMITS } from '../../server/http.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { asEach } from '../helpers/viewers.js';

/**
 * Sign-in, sessions, the permission matrix, partner isolation and the hardening of the HTTP
 * endpoint, through the real server over the shared test database.
 */
const PASSWORD = 'test-password-123'; // the password tests/helpers/app.ts gives its users
const MAX_BODY = 50_000;

let t: TestApp;
let AG_A: string;
let AG_B: string;

/** Sessions are trusted for this long once checked (the default is 5 s). */
const SESSION_CACHE_MS = 1000;
const pastCacheWindow = () => new Promise((r) => setTimeout(r, SESSION_CACHE_MS + 100));

beforeAll(async () => {
  t = await startTestApp({ MAX_BODY_BYTES: String(MAX_BODY), SESSION_CACHE_MS: String(SESSION_CACHE_MS) });
  AG_A = `${t.prefix}-AG1`;
  AG_B = `${t.prefix}-AG2`;
  // Agencies before the first request: the directory that words stubs is loaded then.
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Alpha Intelligence Bureau' }, { agency: AG_A }, 'Alpha Constabulary');
  await t.entity('AG2', 'Agency', { kind: 'NCA', desk: 'Bravo Intelligence Desk, 0300 000 0000' }, { agency: AG_B }, 'Bravo Agency');
});
afterAll(async () => t?.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const SIGN_IN = 'mutation($u:String!,$pw:String!){ signIn(username:$u, password:$pw){ token expiresAt viewer{ username role agency permissions } } }';
const ME = '{ me { username role agency } }';
const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

/** A user who exists but is not signed in yet (t.user signs in; the session is simply not used). */
async function account(name: string, role: Role = 'ANALYST', agency = AG_A): Promise<string> {
  await t.user(name, role, { agency });
  return `${t.prefix}.${name}`;
}

describe('sign-in and sessions', () => {
  it('signs in: the token works as a bearer and an HttpOnly, SameSite=Strict cookie is set', async () => {
    const username = await account('alice');
    const res = await post({ query: SIGN_IN, variables: { u: username, pw: PASSWORD } });
    const body = (await res.json()) as { data: { signIn: { token: string; expiresAt: string; viewer: { username: string; permissions: string[] } } } };
    expect(res.status).toBe(200);
    const { token, expiresAt, viewer } = body.data.signIn;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    expect(viewer).toMatchObject({ username, permissions: [...ROLE_PERMISSIONS.ANALYST] });

    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ig_session=[^;]+;/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).toContain(encodeURIComponent(token));

    const me = await t.gql(ME, {}, token);
    expect(me.data.me).toEqual({ username, role: 'ANALYST', agency: AG_A });
    const viaCookie = await post({ query: ME }, { cookie: `ig_session=${token}` });
    expect(((await viaCookie.json()) as { data: { me: { username: string } } }).data.me.username).toBe(username);

    // Only the hash of the token is stored.
    const stored = await t.db.read(cypher('MATCH (s:Session {id: $id}) RETURN s.id AS id', { id: tokenHash(token) }));
    expect(stored).toHaveLength(1);
    const raw = await t.db.read(cypher('MATCH (s:Session) WHERE s.id = $token OR any(k IN keys(s) WHERE s[k] = $token) RETURN count(s) AS c', { token }));
    expect(raw[0]!.c).toBe(0);
  });

  it('answers a wrong password exactly like an unknown user', async () => {
    const username = await account('bob');
    const wrong = await t.gql(SIGN_IN, { u: username, pw: 'not-the-password-1' });
    const unknown = await t.gql(SIGN_IN, { u: `${t.prefix}.nobody`, pw: 'not-the-password-1' });
    expect(code(wrong)).toBe('UNAUTHENTICATED');
    expect(code(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(wrong.data ?? null).toBeNull();
  });

  it('refuses an expired session with UNAUTHENTICATED and says it expired', async () => {
    const username = await account('carol');
    const token = (await t.gql(SIGN_IN, { u: username, pw: PASSWORD })).data.signIn.token as string;
    expect((await t.gql(ME, {}, token)).data.me.username).toBe(username);
    await t.db.write(cypher('MATCH (s:Session {id: $id}) SET s.expiresAt = $past', { id: tokenHash(token), past: '2000-01-01T00:00:00.000Z' }));
    // Changed in the database behind the API's back: effective once the checked session is re-read.
    await pastCacheWindow();
    const r = await t.gql('{ entities(type:"Subject", first:1){ totalCount } }', {}, token);
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(r.errors![0]!.message).toMatch(/expired/i);
    expect((await t.gql(ME, {}, token)).data.me).toBeNull();
  });

  it('a disabled account loses its signed-in sessions within the session cache window', async () => {
    const username = await account('dora');
    const token = (await t.gql(SIGN_IN, { u: username, pw: PASSWORD })).data.signIn.token as string;
    expect((await t.gql(ME, {}, token)).data.me.username).toBe(username);
    await t.db.write(cypher('MATCH (u:User {username: $u}) SET u.disabled = true', { u: username }));
    await pastCacheWindow();
    const r = await t.gql('{ entities(type:"Subject", first:1){ totalCount } }', {}, token);
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, token)).data.me).toBeNull();
  });

  it('signing out ends a session at once, even one checked a moment ago', async () => {
    const username = await account('dan');
    const token = (await t.gql(SIGN_IN, { u: username, pw: PASSWORD })).data.signIn.token as string;
    expect((await t.gql(ME, {}, token)).data.me.username).toBe(username);
    expect((await t.gql('mutation { signOut }', {}, token)).data.signOut).toBe(true);
    expect(code(await t.gql('{ entities(type:"Subject", first:1){ totalCount } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('signs out: the token stops working and the cookie is cleared', async () => {
    const username = await account('dave');
    const token = (await t.gql(SIGN_IN, { u: username, pw: PASSWORD })).data.signIn.token as string;
    const res = await post({ query: 'mutation { signOut }' }, { authorization: `Bearer ${token}` });
    expect(((await res.json()) as { data: { signOut: boolean } }).data.signOut).toBe(true);
    expect(res.headers.get('set-cookie') ?? '').toMatch(/ig_session=;.*Expires=Thu, 01 Jan 1970/i);
    const after = await t.gql('{ entities(type:"Subject", first:1){ totalCount } }', {}, token);
    expect(code(after)).toBe('UNAUTHENTICATED');
    expect(after.errors![0]!.message).not.toMatch(/expired/i);
    expect((await t.gql(ME, {}, token)).data.me).toBeNull();
    const stored = await t.db.read(cypher('MATCH (s:Session {id: $id}) RETURN count(s) AS c', { id: tokenHash(token) }));
    expect(stored[0]!.c).toBe(0);
  });

  it('rate-limits sign-in after 5 failures per username and address, with retryAfter', async () => {
    const username = await account('erin');
    for (let i = 0; i < 5; i++) expect(code(await t.gql(SIGN_IN, { u: username, pw: `wrong-password-${i}` }))).toBe('UNAUTHENTICATED');
    const limited = await t.gql(SIGN_IN, { u: username, pw: 'wrong-password-6' });
    expect(code(limited)).toBe('RATE_LIMITED');
    const retryAfter = limited.errors![0]!.extensions!.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(limited.errors![0]!.message).toMatch(/try again in \d+ s/);
    // While limited even the right password is refused, so guessing cannot continue...
    expect(code(await t.gql(SIGN_IN, { u: username, pw: PASSWORD }))).toBe('RATE_LIMITED');
    // ...and the case of the username does not open a new window.
    expect(code(await t.gql(SIGN_IN, { u: username.toUpperCase(), pw: PASSWORD }))).toBe('RATE_LIMITED');
    // Another user from the same address is not affected.
    const other = await account('frank');
    expect((await t.gql(SIGN_IN, { u: other, pw: PASSWORD })).data.signIn.token).toBeTruthy();
  });
});

describe('sign-in limits and the client address', () => {
  type Answer = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  const signInFrom = async (app: TestApp, u: string, pw: string, forwardedFor?: string): Promise<Answer> => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ query: SIGN_IN, variables: { u, pw } }),
    });
    return (await res.json()) as Answer;
  };
  /** What a caller can tell apart: code, message (the username's own text taken out) and extensions. */
  const shape = (r: Answer, username: string) => r.errors?.map((e) => ({ message: e.message.replaceAll(username, 'U').replace(/\d+ s\b/, 'n s'), ...e.extensions, retryAfter: e.extensions?.retryAfter ? 'n' : undefined })) ?? 'ok';

  it('ignores X-Forwarded-For by default: a caller cannot take a fresh address per guess', async () => {
    const username = await account('gina');
    for (let i = 0; i < 5; i++) expect(code(await signInFrom(t, username, `wrong-password-${i}`, `198.51.100.${i}`))).toBe('UNAUTHENTICATED');
    const limited = await signInFrom(t, username, PASSWORD, '198.51.100.99');
    expect(code(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
  });

  it('TRUST_PROXY accepts off, a hop count or proxy addresses, and refuses "true" and nonsense', async () => {
    const { loadConfig, ConfigError } = await import('../../server/config.js');
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    for (const bad of ['true', 'proxy.local', '10.0.0.0/33', '11', '1.2.3.4/8/9']) expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
  });

  describe('behind a trusted proxy (TRUST_PROXY=loopback)', () => {
    let p: TestApp;
    beforeAll(async () => {
      p = await startTestApp({ TRUST_PROXY: 'loopback' });
    });
    afterAll(async () => p?.close());
    const user = async (name: string) => {
      await p.user(name, 'ANALYST');
      return `${p.prefix}.${name}`;
    };

    it('stops guessing at one account spread over many addresses, after 10 failures in 15 minutes', async () => {
      const username = await user('hana');
      for (let i = 0; i < 10; i++) expect(code(await signInFrom(p, username, `wrong-password-${i}`, `203.0.113.${i}`))).toBe('UNAUTHENTICATED');
      const limited = await signInFrom(p, username, 'wrong-password-x', '203.0.113.200');
      expect(code(limited)).toBe('RATE_LIMITED');
      expect(limited.errors![0]!.extensions).toMatchObject({ limit: 'account' });
      expect(limited.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
      expect(limited.errors![0]!.extensions!.retryAfter).toBeLessThanOrEqual(900);
      expect(limited.errors![0]!.message).toMatch(/for this username: try again in \d+ s/);
      // The right password from yet another address is refused too while the account is limited.
      expect(code(await signInFrom(p, username, PASSWORD, '203.0.113.201'))).toBe('RATE_LIMITED');
      // Another account from those addresses is not affected.
      expect((await signInFrom(p, await user('hugo'), PASSWORD, '203.0.113.1')).data.signIn.token).toBeTruthy();
    });

    it('limits an unknown username exactly like a known one: nothing tells whether the account exists', async () => {
      const known = await user('iris');
      const unknown = `${p.prefix}.nobody-here`;
      const run = async (username: string, net: number) => {
        const answers = [];
        for (let i = 0; i < 12; i++) answers.push(shape(await signInFrom(p, username, `wrong-password-${i}`, `192.0.2.${net + i}`), username));
        return answers;
      };
      const a = await run(known, 0);
      const b = await run(unknown, 100);
      expect(a).toEqual(b);
      expect(a.map((x) => (x as Record<string, unknown>[])[0]!.code)).toEqual([...Array(10).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'RATE_LIMITED']);
    });

    it('stops one address spraying many accounts, and a success there does not reset its count', async () => {
      const sprayer = '198.18.0.7';
      const good = await user('jack');
      for (let i = 0; i < 49; i++) expect(code(await signInFrom(p, `${p.prefix}.spray-${i}`, 'common-password-1', sprayer))).toBe('UNAUTHENTICATED');
      // A valid account signed in from the same address takes back only its own attempt.
      expect((await signInFrom(p, good, PASSWORD, sprayer)).data.signIn.token).toBeTruthy();
      expect(code(await signInFrom(p, `${p.prefix}.spray-49`, 'common-password-1', sprayer))).toBe('UNAUTHENTICATED');
      const limited = await signInFrom(p, `${p.prefix}.spray-50`, 'common-password-1', sprayer);
      expect(code(limited)).toBe('RATE_LIMITED');
      expect(limited.errors![0]!.extensions).toMatchObject({ limit: 'address' });
      expect(limited.errors![0]!.message).toMatch(/from this address: try again in \d+ s/);
      expect(code(await signInFrom(p, good, PASSWORD, sprayer))).toBe('RATE_LIMITED');
      // Other addresses are not affected.
      expect((await signInFrom(p, good, PASSWORD, '198.18.0.8')).data.signIn.token).toBeTruthy();
    });

    it('counts attempts sent at the same moment: they cannot all pass the check before any is recorded', async () => {
      const username = await user('kate');
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signInFrom(p, username, `wrong-password-${i}`, `100.64.0.${i}`)));
      const codes = answers.map(code);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(10);
    });
  });
});

describe('the permission matrix (ROLE_PERMISSIONS) is enforced by the API', () => {
  const tokens = {} as Record<Role, string>;
  let visibleId: string;
  beforeAll(async () => {
    visibleId = await t.entity('PERM-S1', 'Subject', { forename: 'Permission', surname: 'Probe' });
    for (const role of ROLES) tokens[role] = await t.user(`role-${role.toLowerCase().replace(/_/g, '-')}`, role, { agency: AG_A, clearance: 'SECRET' });
  });

  const OPERATIONS: { op: string; needs: Permission[]; run: (role: Role) => Promise<{ data?: any; errors?: any[] }> }[] = [
    { op: 'read an entity', needs: ['read'], run: (role) => t.gql('query($id:ID!){ entity(id:$id){ id label } }', { id: visibleId }, tokens[role]) },
    { op: 'search', needs: ['read'], run: (role) => t.gql('{ search(text:"Permission Probe"){ score } }', {}, tokens[role]) },
    {
      op: 'create an entity', needs: ['write'],
      run: (role) => t.gql('mutation($i:EntityInput!){ createEntity(input:$i){ id created } }', { i: { id: `${t.prefix}-W-${role}`, type: 'Subject', props: { forename: 'Written', surname: role } } }, tokens[role]),
    },
    {
      op: 'create an intelligence report', needs: ['write', 'grade'],
      run: (role) => t.gql('mutation($i:EntityInput!){ createEntity(input:$i){ id created } }', { i: { id: `${t.prefix}-G-${role}`, type: 'IntelligenceReport', props: { text: 'Graded report', sourceEvaluation: '2', intelAssessment: 'B' } } }, tokens[role]),
    },
    { op: 'read the audit trail', needs: ['readAudit'], run: (role) => t.gql('{ auditTrail(limit: 1){ seq } }', {}, tokens[role]) },
  ];

  const table = ROLES.flatMap((role) => OPERATIONS.map((o) => [role, o.op, o.needs.every((p) => ROLE_PERMISSIONS[role].includes(p))] as const));
  it.each(table)('%s: %s -> allowed=%s', async (role, op, allowed) => {
    const r = await OPERATIONS.find((o) => o.op === op)!.run(role);
    if (allowed) {
      expect(r.errors).toBeUndefined();
      expect(r.data).toBeTruthy();
    } else {
      expect(code(r)).toBe('FORBIDDEN');
      expect(r.errors![0]!.message).toContain(role);
    }
  });

  it('writes nothing when a write is refused', async () => {
    const rows = await t.db.read(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n.id AS id', { p: `${t.prefix}-W-` }));
    const writers = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('write'));
    expect(rows.map((r) => r.id).sort()).toEqual(writers.map((r) => `${t.prefix}-W-${r}`).sort());
  });

  it('reports each role its own permissions', async () => {
    for (const role of ROLES) {
      const r = await t.gql('{ me { role permissions } }', {}, tokens[role]);
      expect(r.data.me).toEqual({ role, permissions: [...ROLE_PERMISSIONS[role]] });
    }
  });
});

describe('partner isolation between two agencies', () => {
  let recA: string;
  let recB: string;
  let reportB: string;
  const users = {} as Record<'partnerA' | 'partnerB', string>;
  beforeAll(async () => {
    recA = await t.entity('ISO-A', 'Subject', { forename: 'Alphonse', surname: 'Alphacontent', notes: 'alpha-only notes' }, { agency: AG_A });
    recB = await t.entity('ISO-B', 'Subject', { forename: 'Bertram', surname: 'Bravocontent', notes: 'bravo-only notes', pncId: '99/123456B' }, { agency: AG_B });
    reportB = await t.entity('ISO-BR', 'IntelligenceReport', { text: 'Bravocontent supplies the north', sourceEvaluation: '1', intelAssessment: 'A' }, { agency: AG_B });
    await t.link(recA, 'ASSOCIATE_OF', recB, {}, [], { agency: AG_A });
    users.partnerA = await t.user('partner-a', 'PARTNER_LIAISON', { agency: AG_A, clearance: 'OFFICIAL-SENSITIVE' });
    users.partnerB = await t.user('partner-b', 'PARTNER_LIAISON', { agency: AG_B, clearance: 'OFFICIAL-SENSITIVE' });
    pa = await t.userId('partner-a');
    pb = await t.userId('partner-b');
  });
  let pa: { userId: string };
  let pb: { userId: string };

  const NODE = 'id type label restricted access heldBy contact props markings{ agency classification }';

  it('each partner sees its own records in full and the other agency’s as stubs naming holder and contact', async () => {
    const r = await asEach(t, users, `query($ids:[ID!]!){ graph(ids:$ids){ nodes{ ${NODE} } edges{ id source target type restricted props } } }`, { ids: [recA, recB, reportB] });
    const a = r.partnerA.data.graph;
    const own = a.nodes.find((n: { id: string }) => n.id === recA);
    expect(own).toMatchObject({ access: 'full', restricted: false, props: { surname: 'Alphacontent' }, markings: { agency: AG_A } });
    const stubs = a.nodes.filter((n: { restricted: boolean }) => n.restricted);
    expect(stubs).toHaveLength(2);
    for (const s of stubs) {
      expect(s).toEqual({
        id: expect.stringMatching(/^restricted-/), type: 'Restricted', label: 'Intelligence held by Bravo Agency', restricted: true, access: 'stub',
        heldBy: 'Bravo Agency', contact: 'Bravo Intelligence Desk, 0300 000 0000', props: {}, markings: null,
      });
    }
    expect(stubs.map((s: { id: string }) => s.id).sort()).toEqual([stubId(pa, recB), stubId(pa, reportB)].sort());
    // The link is agency A's and joins A's record to the stub (by its opaque id).
    expect(a.edges).toEqual([expect.objectContaining({ source: recA, target: stubId(pa, recB), restricted: false })]);
    const bodyA = JSON.stringify(r.partnerA);
    for (const secret of ['Bravocontent', 'Bertram', 'bravo-only', '99/123456B', 'supplies the north', recB, reportB]) expect(bodyA).not.toContain(secret);

    const b = r.partnerB.data.graph;
    expect(b.nodes.find((n: { id: string }) => n.id === recB)).toMatchObject({ access: 'full', props: { surname: 'Bravocontent', notes: 'bravo-only notes' } });
    expect(b.nodes.find((n: { id: string }) => n.id === stubId(pb, recA))).toMatchObject({ label: 'Intelligence held by Alpha Constabulary', heldBy: 'Alpha Constabulary', contact: 'Alpha Intelligence Bureau', props: {} });
    const bodyB = JSON.stringify(r.partnerB);
    for (const secret of ['Alphacontent', 'Alphonse', 'alpha-only', recA]) expect(bodyB).not.toContain(secret);
    // A's link is A's record: partner B sees at most that a restricted link exists.
    for (const e of b.edges) expect(e).toMatchObject({ restricted: true, type: 'RESTRICTED', props: {} });
  });

  it('search and single reads give the same answers: stubs, never content', async () => {
    const r = await asEach(t, users, `query($id:ID!){ entity(id:$id){ ${NODE} } search(text:"Bravocontent"){ entity{ ${NODE} } } }`, { id: recB });
    expect(r.partnerA.data.entity).toMatchObject({ id: stubId(pa, recB), restricted: true, props: {}, markings: null });
    for (const h of r.partnerA.data.search) expect(h.entity).toMatchObject({ restricted: true, props: {}, heldBy: 'Bravo Agency' });
    expect(JSON.stringify(r.partnerA)).not.toMatch(/Bravocontent"|Bertram|bravo-only|supplies the north/);
    expect(r.partnerB.data.entity).toMatchObject({ id: recB, access: 'full' });
    expect(r.partnerB.data.search.map((h: { entity: { id: string } }) => h.entity.id)).toEqual(expect.arrayContaining([recB, reportB]));
  });

  it('lists never include the other agency’s records, not even as stubs, and counts only what may be seen', async () => {
    const q = `{ entities(type:"Subject", where:[{prop:"label", op:"CONTAINS", value:"content"}]){ totalCount items{ id } } }`;
    const r = await asEach(t, users, q);
    expect(r.partnerA.data.entities.items.map((i: { id: string }) => i.id)).toContain(recA);
    expect(r.partnerA.data.entities.items.map((i: { id: string }) => i.id)).not.toContain(recB);
    expect(r.partnerB.data.entities.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([recB]));
    expect(r.partnerB.data.entities.items.map((i: { id: string }) => i.id)).not.toContain(recA);
    expect(r.partnerA.data.entities.totalCount).toBe(r.partnerA.data.entities.items.length);
  });

  it('stub ids are opaque, stable and distinct, and differ from one viewer to the next', () => {
    expect(stubId(pa, recB)).not.toBe(recB);
    expect(stubId(pa, recB)).not.toContain(recB);
    expect(stubId(pa, recB)).toMatch(/^restricted-[0-9a-z]{16}$/);
    expect(stubId(pa, recB)).toBe(stubId(pa, recB));
    expect(stubId(pa, recB)).not.toBe(stubId(pa, reportB));
    expect(stubId(pa, recB)).not.toBe(stubId(pb, recB));
  });
});

describe('hardening of the GraphQL endpoint', () => {
  let token: string;
  beforeAll(async () => { token = await t.user('hardening', 'ANALYST', { agency: AG_A }); });
  const bearer = () => ({ authorization: `Bearer ${token}` });
  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } });

  it(`refuses a query deeper than ${LIMITS.maxDepth}, accepts one at the limit`, async () => {
    const nest = (n: number) => `{ me { ${'... on ViewerInfo { '.repeat(n - 2)}username${' }'.repeat(n - 2)} } }`;
    const ok = await json(await post({ query: nest(LIMITS.maxDepth) }, bearer()));
    expect(ok.body.errors).toBeUndefined();
    const deep = await json(await post({ query: nest(LIMITS.maxDepth + 1) }, bearer()));
    expect(deep.body.data ?? null).toBeNull();
    expect(deep.body.errors![0]!.message).toMatch(new RegExp(`depth limit of ${LIMITS.maxDepth} exceeded`, 'i'));
    expect(deep.status).toBe(400);
  });

  it(`refuses more than ${LIMITS.maxAliases} aliases`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { username }`).join(' ')} }`;
    expect((await json(await post({ query: aliases(LIMITS.maxAliases) }, bearer()))).body.errors).toBeUndefined();
    const r = await json(await post({ query: aliases(LIMITS.maxAliases + 1) }, bearer()));
    expect(r.body.errors![0]!.message).toMatch(new RegExp(`Aliases limit of ${LIMITS.maxAliases} exceeded`, 'i'));
    expect(r.status).toBe(400);
  });

  it(`refuses a query costing more than ${LIMITS.maxCost}`, async () => {
    const sel = 'items{ id type label restricted access heldBy contact props archived markings{ classification handling handlingConditions agency compartments nfd } } totalCount hasNextPage endCursor';
    const small = await json(await post({ query: `{ entities(type:"Subject", first: 5){ ${sel} } }` }, bearer()));
    expect(small.body.errors).toBeUndefined();
    const r = await json(await post({ query: `{ entities(type:"Subject", first: 500){ ${sel} } }` }, bearer()));
    expect(r.body.errors![0]!.message).toMatch(new RegExp(`Cost limit of ${LIMITS.maxCost} exceeded`, 'i'));
    expect(r.status).toBe(400);
  });

  it(`refuses more than ${LIMITS.maxTokens} tokens`, async () => {
    const r = await json(await post({ query: `{ me { ${'username '.repeat(LIMITS.maxTokens)} } }` }, bearer()));
    expect(r.body.errors![0]!.message).toMatch(new RegExp(`more th(at|an|en) ${LIMITS.maxTokens} tokens|Token limit of ${LIMITS.maxTokens} exceeded`, 'i'));
    expect(r.status).toBe(400);
    // Just under the limit the document parses (and the resolver answers with its own limit on ids).
    const under = await json(await post({ query: `{ graph(ids: [${'"x" '.repeat(LIMITS.maxTokens - 20)}]){ truncated } }` }, bearer()));
    expect(under.body.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('refuses a body over MAX_BODY_BYTES with a JSON 413', async () => {
    const res = await post({ query: `{ me { username } }`, variables: { pad: 'x'.repeat(MAX_BODY + 10) } }, bearer());
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0]!.message).toContain(String(MAX_BODY));
  });

  it('answers malformed JSON with a JSON 400, not an HTML page', async () => {
    const res = await post('{"query": "{ me { username } }"', bearer());
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(JSON.stringify(await res.json())).not.toMatch(/<html|at .*\.js:\d+/i);
  });

  describe('cross-site request forgery', () => {
    it('refuses a GET query without a preflight header', async () => {
      const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`, { headers: { cookie: `ig_session=${token}` } });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/Cross-Site Request Forgery/i);
    });

    it('refuses a form-encoded POST and a text/plain POST', async () => {
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', `query=${encodeURIComponent('mutation { signOut }')}`],
        ['text/plain', JSON.stringify({ query: 'mutation { signOut }' })],
        ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\nmutation { signOut }\r\n--x--'],
      ] as const) {
        const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': type, cookie: `ig_session=${token}` }, body });
        expect(res.status, type).toBe(400);
      }
      // The session survived every attempt.
      expect((await t.gql(ME, {}, token)).data.me).toBeTruthy();
    });

    it('allows a GET query that carries the preflight header (a non-simple request)', async () => {
      const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { me: { username: string } } }).data.me.username).toBe(`${t.prefix}.hardening`);
    });
  });

  it('masks internal errors: no stack trace, no Cypher, no driver message', async () => {
    const leaky = Object.assign(new Error("Invalid input 'RETRN': expected 'RETURN' (line 1) \"UNWIND $ids AS id MATCH (n:Entity {id: id}) RETRN n\"\n    at Neo4jError (/work/node_modules/neo4j-driver-core/error.js:1:1)"), { code: 'Neo.ClientError.Statement.SyntaxError' });
    const original = t.db.read.bind(t.db);
    const spy = vi.spyOn(t.db, 'read').mockImplementation(async (q, ms) => {
      if (q.text.includes('MATCH (n:Entity {id: id}) RETURN properties(n)')) throw leaky;
      return original(q, ms);
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await post({ query: 'query($id:ID!){ entity(id:$id){ id } }', variables: { id: `${t.prefix}-X` } }, bearer());
      const text = await res.text();
      const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0]!.message).toBe('Internal error');
      expect(body.errors[0]!.extensions.code).toBe('INTERNAL');
      expect(text).not.toMatch(/stacktrace|Neo4j|Neo\.|MATCH|UNWIND|RETRN|\.js:\d+|\bat [A-Z]/i);
      expect(log).toHaveBeenCalled(); // logged on the server, not sent
    } finally {
      spy.mockRestore();
      log.mockRestore();
    }
  });

  it('does not suggest field names, and shows no stack for a syntax error', async () => {
    const typo = await json(await post({ query: '{ entitee(id: "x") { id } }' }, bearer()));
    expect(typo.body.errors![0]!.message).not.toMatch(/Did you mean/i);
    const syntax = await post({ query: '{ me { username }' }, bearer());
    const text = await syntax.text();
    expect(syntax.status).toBe(400);
    expect(text).toMatch(/GRAPHQL_PARSE_FAILED/);
    expect(text).not.toMatch(/stacktrace|\.js:\d+/);
  });

  it('sends the security headers', async () => {
    for (const res of [await post({ query: ME }), await fetch(`${t.url}/healthz`)]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBeTruthy();
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBeTruthy();
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses introspection anonymously and allows it signed in', async () => {
    const anon = await json(await post({ query: '{ __schema { types { name } } }' }));
    expect(anon.status).toBe(401);
    expect(anon.body.data ?? null).toBeNull();
    expect(anon.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(anon.body)).not.toContain('GraphNode');
    const signedIn = await json(await post({ query: '{ __schema { types { name } } }' }, bearer()));
    expect(signedIn.body.data.__schema.types.map((x: { name: string }) => x.name)).toContain('GraphNode');
  });
});
