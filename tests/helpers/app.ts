import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { startApp } from '../../server/app.js';
import { createUser } from '../../server/auth/users.js';
import { loadConfig } from '../../server/config.js';
import { cypher, Db } from '../../server/db/db.js';
import type { Role } from '../../server/domain/policy.js';
import { validateEntity, validateLink, type MarkingsInput } from '../../server/domain/validate.js';
import { writeEntities, writeLinks } from '../../server/graph/write.js';

/**
 * An API server over the shared test database, plus helpers to own test data: every id and
 * username carries a per-file prefix and is removed afterwards, so files run in parallel.
 */
export interface TestApp {
  url: string;
  db: Db;
  prefix: string;
  close(): Promise<void>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[]; status: number }>;
  user(name: string, role: Role, opts?: { clearance?: string; agency?: string; compartments?: string[] }): Promise<string>;
  /** The stored id of a user made by `user` (what per-viewer values such as stub references are keyed on). */
  userId(name: string): Promise<{ userId: string }>;
  /** Delivers the watch alerts pending now (they are otherwise delivered within ALERT_POLL_MS). */
  flushAlerts(): Promise<void>;
  entity(id: string, type: string, props?: Record<string, unknown>, markings?: MarkingsInput, label?: string): Promise<string>;
  link(source: string, type: string, target: string, props?: Record<string, unknown>, reportIds?: string[], markings?: MarkingsInput): Promise<string>;
}

export function testDatabase(): Db {
  const { uri, user, password } = inject('neo4j');
  return Db.connect(uri, user, password, { queryTimeoutMs: 30000 });
}

export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const db = testDatabase();
  const config = loadConfig({ PORT: '0', CLIENT_DIR: 'dist/client', ...overrides });
  const app = await startApp(db, config);
  const password = 'test-password-123';
  const tokens = new Map<string, string>();
  const gql: TestApp['gql'] = async (query, variables, token) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: any[] };
    return { ...body, status: res.status };
  };
  const t: TestApp = {
    url: app.url,
    db,
    prefix,
    gql,
    async user(name, role, opts = {}) {
      const username = `${prefix}.${name}`;
      if (tokens.has(username)) return tokens.get(username)!;
      await createUser(db, { username, password, role, clearance: opts.clearance ?? 'SECRET', agency: opts.agency ?? `${prefix}-AG1`, compartments: opts.compartments ?? [] }, { ifAbsent: true });
      const r = await gql(`mutation($u:String!,$p:String!){ signIn(username:$u,password:$p){ token } }`, { u: username, p: password });
      if (!r.data) throw new Error(`sign-in failed: ${JSON.stringify(r.errors)}`);
      tokens.set(username, r.data.signIn.token);
      return r.data.signIn.token;
    },
    flushAlerts: () => app.services.alerts.flush(),
    async userId(name) {
      const [r] = await db.read(cypher('MATCH (u:User {username: $u}) RETURN u.id AS id', { u: `${prefix}.${name}` }));
      if (!r) throw new Error(`no user ${name}`);
      return { userId: r.id as string };
    },
    async entity(id, type, props = {}, markings = {}, label) {
      const input = { id: `${prefix}-${id}`, type, props, markings: { agency: `${prefix}-AG1`, ...markings } };
      let rec;
      try {
        rec = validateEntity({ ...input, label }, {});
      } catch (e) {
        if ((e as { field?: string }).field !== 'label') throw e;
        rec = validateEntity({ ...input, label: id }, {});
      }
      await db.writeTx((tx) => writeEntities(tx, [rec], new Date().toISOString()));
      return rec.id;
    },
    async link(source, type, target, props = {}, reportIds = [], markings = {}) {
      const rec = validateLink({ source, target, type, props, reportIds, markings: { agency: `${prefix}-AG1`, ...markings } }, {});
      await db.writeTx((tx) => writeLinks(tx, [rec], new Date().toISOString()));
      const { linkId } = await import('../../server/graph/write.js');
      return linkId(source, type, target);
    },
    async close() {
      await app.close();
      await db.write(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p OR n.agency STARTS WITH $p DETACH DELETE n', { p: prefix }));
      await db.write(cypher('MATCH (n) WHERE (n:CommsRecord OR n:ImportMapping) AND n.agency STARTS WITH $p DETACH DELETE n', { p: prefix }));
      await db.write(cypher(
        `MATCH (u:User) WHERE u.username STARTS WITH $p
         CALL (u) { MATCH (x) WHERE (x:Watch OR x:Alert) AND x.ownerId = u.id DETACH DELETE x }`, { p: `${prefix}.` }));
      await db.write(cypher(
        `MATCH (x) WHERE (x:Dissemination AND x.agency STARTS WITH $p) OR (x:Receipt AND x.agency STARTS WITH $p)
           OR (x:InformationRequest AND (x.requesterAgency STARTS WITH $p OR x.holderAgency STARTS WITH $p)) DETACH DELETE x`, { p: prefix }));
      await db.write(cypher('MATCH (u:User) WHERE u.username STARTS WITH $p OPTIONAL MATCH (s:Session {userId: u.id}) DETACH DELETE u, s', { p: `${prefix}.` }));
      await db.close();
    },
  };
  return t;
}
