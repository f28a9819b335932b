import { randomBytes } from 'node:crypto';
import { cypher, type Db } from '../db/db.js';
import type { Role } from '../domain/policy.js';
import { hashPassword } from './passwords.js';
import { createUser } from './users.js';

/** Demo accounts, one per role (demo data only; documented in the README). */
export const DEMO_PASSWORD = 'demo-pass-2026';
export const DEMO_USERS: { username: string; role: Role; clearance: string; agency: string; compartments: string[]; displayName: string }[] = [
  { username: 'director', role: 'DIRECTOR', clearance: 'SECRET', agency: 'AG-WMP', compartments: ['CHIS'], displayName: 'Dir. Helen Price' },
  { username: 'manager', role: 'INTEL_MANAGER', clearance: 'SECRET', agency: 'AG-WMP', compartments: ['CHIS'], displayName: 'DI Raj Patel' },
  { username: 'officer', role: 'INTEL_OFFICER', clearance: 'SECRET', agency: 'AG-WMP', compartments: [], displayName: 'DC Sam Okafor' },
  { username: 'principal', role: 'PRINCIPAL_ANALYST', clearance: 'SECRET', agency: 'AG-WMP', compartments: [], displayName: 'Principal Analyst Jo Reid' },
  { username: 'analyst', role: 'ANALYST', clearance: 'OFFICIAL-SENSITIVE', agency: 'AG-WMP', compartments: [], displayName: 'Analyst Chris Lee' },
  { username: 'researcher', role: 'RESEARCHER', clearance: 'OFFICIAL-SENSITIVE', agency: 'AG-WMP', compartments: [], displayName: 'Researcher Ana Silva' },
  { username: 'partner.gmp', role: 'PARTNER_LIAISON', clearance: 'OFFICIAL-SENSITIVE', agency: 'AG-GMP', compartments: [], displayName: 'GMP Liaison Tom Hart' },
  { username: 'partner.nca', role: 'PARTNER_LIAISON', clearance: 'SECRET', agency: 'AG-NCA', compartments: [], displayName: 'NCA Liaison Priya Shah' },
  { username: 'admin.demo', role: 'ADMIN', clearance: 'OFFICIAL', agency: 'AG-WMP', compartments: [], displayName: 'Demo Administrator' },
];

export async function ensureDemoUsers(db: Db): Promise<number> {
  let created = 0;
  for (const u of DEMO_USERS) {
    const r = await createUser(db, { ...u, password: DEMO_PASSWORD }, { ifAbsent: true });
    if (r.created) created++;
  }
  return created;
}

/**
 * Creates the administrator on first start; the password is returned once and stored only as a
 * hash. Until the caller confirms it was shown (`adminPasswordShown`), a later start gives the
 * account a new password and returns that instead: a start killed between creating the account and
 * printing its password never locks the administrator out.
 */
export async function ensureAdmin(db: Db, agency = 'AG-WMP'): Promise<string | undefined> {
  const rows = await db.read(cypher("MATCH (u:User {username: 'admin'}) RETURN u.initialPasswordShown AS shown"));
  if (rows.length && rows[0]!.shown !== false) return undefined;
  const password = randomBytes(15).toString('base64url');
  if (rows.length) {
    await db.write(cypher(
      "MATCH (u:User {username: 'admin'}) WHERE u.initialPasswordShown = false SET u.passwordHash = $hash",
      { hash: await hashPassword(password) },
    ));
    return password;
  }
  const { created } = await createUser(db, { username: 'admin', password, role: 'ADMIN', clearance: 'OFFICIAL', agency, displayName: 'Administrator' },
    { ifAbsent: true, onCreate: { initialPasswordShown: false } });
  return created ? password : undefined;
}

/** Records that the administrator's first password was shown (see ensureAdmin). */
export async function adminPasswordShown(db: Db): Promise<void> {
  await db.write(cypher("MATCH (u:User {username: 'admin'}) WHERE u.initialPasswordShown = false SET u.initialPasswordShown = true"));
}
