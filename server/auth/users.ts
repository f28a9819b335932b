import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { cypher, type Db } from '../db/db.js';
import { CLASSIFICATIONS, COMPARTMENTS } from '../domain/codes.js';
import { DomainError, invalid } from '../domain/errors.js';
import { ROLES, type Role, type Viewer } from '../domain/policy.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.js';

/**
 * Local accounts and sessions. A session token is random; only its SHA-256 is stored, so a copy of
 * the database does not hold usable tokens. Identities could come from OIDC later: the rest of the
 * platform only sees a Viewer.
 */
export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  role: Role;
  clearance: string;
  agency: string;
  compartments?: string[];
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export function validateNewUser(u: NewUser): void {
  if (!/^[a-z0-9._-]{3,40}$/.test(u.username)) throw invalid('username', 'A username is 3-40 lower-case letters, digits, ".", "_" or "-"');
  const weak = checkPasswordStrength(u.password);
  if (weak) throw invalid('password', weak);
  if (!(ROLES as readonly string[]).includes(u.role)) throw invalid('role', `Role must be one of ${ROLES.join(', ')}`);
  if (!(CLASSIFICATIONS as readonly string[]).slice(0, 3).includes(u.clearance)) throw invalid('clearance', 'Clearance must be OFFICIAL, OFFICIAL-SENSITIVE or SECRET');
  for (const c of u.compartments ?? []) if (!(COMPARTMENTS as readonly string[]).includes(c)) throw invalid('compartments', `Unknown compartment ${c}`);
}

export async function createUser(db: Db, u: NewUser, opts: { ifAbsent?: boolean; onCreate?: Record<string, boolean | string> } = {}): Promise<{ id: string; created: boolean }> {
  validateNewUser(u);
  const passwordHash = await hashPassword(u.password);
  const rows = await db.write(cypher(
    `MERGE (x:User {username: $username})
     ON CREATE SET x.id = $id, x.passwordHash = $passwordHash, x.displayName = $displayName, x.role = $role,
       x.clearance = $clearance, x.agency = $agency, x.compartments = $compartments, x.disabled = false,
       x.createdAt = $now, x._created = true, x += $onCreate
     WITH x, coalesce(x._created, false) AS created REMOVE x._created RETURN x.id AS id, created`,
    { ...u, displayName: u.displayName ?? u.username, compartments: u.compartments ?? [], id: randomUUID(), passwordHash, now: new Date().toISOString(), onCreate: opts.onCreate ?? {} },
  ));
  const row = rows[0]!;
  if (!row.created && !opts.ifAbsent) throw new DomainError('CONFLICT', `User ${u.username} already exists`, 'username');
  return { id: row.id as string, created: row.created as boolean };
}

export const viewerOf = (r: Record<string, unknown>): Viewer => ({
  userId: r.id as string,
  username: r.username as string,
  role: r.role as Role,
  clearance: r.clearance as string,
  agency: r.agency as string,
  compartments: (r.compartments as string[]) ?? [],
});

const USER_FIELDS = 'u.id AS id, u.username AS username, u.role AS role, u.clearance AS clearance, u.agency AS agency, u.compartments AS compartments, u.displayName AS displayName';

/** Returns the viewer for valid credentials, else undefined (same answer for unknown user and bad password). */
export async function checkCredentials(db: Db, username: string, password: string): Promise<(Viewer & { displayName: string }) | undefined> {
  const rows = await db.read(cypher(`MATCH (u:User {username: $username}) WHERE NOT coalesce(u.disabled,false) RETURN ${USER_FIELDS}, u.passwordHash AS hash`, { username }));
  const row = rows[0];
  // Verify against a dummy hash when the user is unknown so timing does not reveal usernames.
  const ok = await verifyPassword((row?.hash as string) ?? (await dummyHash()), password);
  return row && ok ? { ...viewerOf(row), displayName: row.displayName as string } : undefined;
}
// Made when the module loads, so that not even the first unknown username takes longer than a wrong password.
const dummy = hashPassword(randomBytes(16).toString('hex'));
const dummyHash = () => dummy;

export async function createSession(db: Db, userId: string, ttlMinutes: number): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMinutes * 60000).toISOString();
  await db.write(cypher(
    'MATCH (u:User {id: $userId}) CREATE (s:Session {id: $id, userId: $userId, createdAt: $now, expiresAt: $expiresAt})',
    { userId, id: tokenHash(token), now: new Date().toISOString(), expiresAt },
  ));
  return { token, expiresAt };
}

type SessionAnswer = { viewer?: Viewer & { displayName: string }; expired: boolean };

/**
 * Recently checked sessions, per database, for `cacheMs` (SESSION_CACHE_MS): most requests then
 * skip the session read. Signing out removes the entry at once; expiry is checked on every request
 * against the stored time; a change made to an account directly in the database (disabled, role,
 * clearance) reaches a cached session within `cacheMs`. Unknown tokens are not cached.
 */
const sessionCaches = new WeakMap<Db, Map<string, { answer: SessionAnswer; expiresAt: string; until: number }>>();
const MAX_CACHED_SESSIONS = 10_000;

export async function sessionViewer(db: Db, token: string, cacheMs = 0): Promise<SessionAnswer> {
  const id = tokenHash(token);
  const cache = sessionCaches.get(db) ?? sessionCaches.set(db, new Map()).get(db)!;
  const hit = cacheMs > 0 ? cache.get(id) : undefined;
  if (hit && hit.until > Date.now()) {
    return hit.expiresAt <= new Date().toISOString() ? { expired: true } : hit.answer;
  }
  const rows = await db.read(cypher(
    `MATCH (s:Session {id: $id}) MATCH (u:User {id: s.userId}) WHERE NOT coalesce(u.disabled,false)
     RETURN ${USER_FIELDS}, s.expiresAt AS expiresAt`,
    { id },
  ));
  const row = rows[0];
  if (!row) { cache.delete(id); return { expired: false }; }
  if ((row.expiresAt as string) <= new Date().toISOString()) { cache.delete(id); return { expired: true }; }
  const answer = { viewer: { ...viewerOf(row), displayName: row.displayName as string }, expired: false };
  if (cacheMs > 0) {
    if (cache.size >= MAX_CACHED_SESSIONS) cache.delete(cache.keys().next().value!);
    cache.set(id, { answer, expiresAt: row.expiresAt as string, until: Date.now() + cacheMs });
  }
  return answer;
}

export async function endSession(db: Db, token: string): Promise<void> {
  sessionCaches.get(db)?.delete(tokenHash(token));
  await db.write(cypher('MATCH (s:Session {id: $id}) DELETE s', { id: tokenHash(token) }));
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.write(cypher('MATCH (s:Session) WHERE s.expiresAt <= $now WITH s LIMIT 10000 DELETE s', { now: new Date().toISOString() }));
}
