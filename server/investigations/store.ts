import { randomUUID } from 'node:crypto';
import { cypher, run, type Db } from '../db/db.js';
import { DomainError, forbidden, invalid, notFound } from '../domain/errors.js';
import type { Viewer } from '../domain/policy.js';
import { parseDefault, PARAM_TYPES, type ParamDef, type ParamType, type Returns } from './library.js';

/**
 * Users' saved investigations. Stored outside the intelligence graph (no :Entity label, so no
 * investigation, free-form or library, can read them):
 *
 *   (:Investigation {id, owner, name, description, cypher, params (JSON of ParamDef[]), returns,
 *                    columns, version, sharedWith: [usernames], approved, approvedBy, approvedAt,
 *                    createdAt, updatedAt})
 *     -[:HAS_VERSION]->(:InvestigationVersion {investigationId, version, name, description, cypher,
 *                    params, returns, columns, savedBy, savedAt})   one snapshot per save
 *
 * Who sees one: its owner, the colleagues it is shared with, and, once a principal analyst has
 * approved it into the shared library, every user who may run Cypher. Approval shares a query; it
 * does not widen what the query can read: saved investigations always run as free-form queries,
 * inside the visibility guard. Saving a new version withdraws the approval (what was reviewed
 * is no longer what runs).
 */
export interface SavedInvestigation {
  id: string;
  owner: string;
  name: string;
  description: string;
  cypher: string;
  params: ParamDef[];
  returns: Returns;
  columns: string[];
  version: number;
  sharedWith: string[];
  approved: boolean;
  approvedBy: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InvestigationVersion {
  version: number;
  name: string;
  description: string;
  cypher: string;
  params: ParamDef[];
  returns: Returns;
  columns: string[];
  savedBy: string;
  savedAt: string;
}

export interface InvestigationDraft {
  id?: string | null;
  name: string;
  description?: string | null;
  cypher: string;
  returns?: string | null;
  columns?: string[] | null;
  params?: { name: string; type: string; default?: string | null; description?: string | null }[] | null;
  /** Optimistic concurrency: the version the editor started from. */
  expectedVersion?: number | null;
}

const MAX_SHARES = 100;

function fromRow(r: Record<string, unknown>): SavedInvestigation {
  return {
    id: r.id as string,
    owner: r.owner as string,
    name: r.name as string,
    description: (r.description as string) ?? '',
    cypher: r.cypher as string,
    params: JSON.parse((r.params as string) || '[]') as ParamDef[],
    returns: (r.returns as Returns) ?? 'graph',
    columns: (r.columns as string[]) ?? [],
    version: (r.version as number) ?? 1,
    sharedWith: (r.sharedWith as string[]) ?? [],
    approved: !!r.approved,
    approvedBy: (r.approvedBy as string) ?? null,
    approvedAt: (r.approvedAt as string) ?? null,
    createdAt: r.createdAt as string,
    updatedAt: r.updatedAt as string,
  };
}

export function canSee(viewer: Viewer, inv: SavedInvestigation): boolean {
  return inv.owner === viewer.username || inv.sharedWith.includes(viewer.username) || inv.approved;
}

/** Checks a draft's fields (not its query: see run.prepare) and normalises them. */
export function validateDraft(d: InvestigationDraft): Omit<SavedInvestigation, 'id' | 'owner' | 'version' | 'sharedWith' | 'approved' | 'approvedBy' | 'approvedAt' | 'createdAt' | 'updatedAt'> {
  const name = (d.name ?? '').trim();
  if (!name || name.length > 120) throw invalid('name', 'A name of 1 to 120 characters is required');
  const description = (d.description ?? '').trim();
  if (description.length > 2000) throw invalid('description', 'The description is at most 2000 characters');
  if (!d.cypher?.trim()) throw invalid('cypher', 'The query is empty');
  const returns = (d.returns ?? 'graph') as Returns;
  if (returns !== 'graph' && returns !== 'table') throw invalid('returns', 'returns is graph or table');
  const columns = (d.columns ?? []).map((c) => c.trim()).filter(Boolean);
  if (columns.length > 50 || columns.some((c) => c.length > 100)) throw invalid('columns', 'At most 50 column names of up to 100 characters');
  const params: ParamDef[] = [];
  (d.params ?? []).forEach((p, i) => {
    const field = `params[${i}]`;
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(p.name ?? '') || /^pv_/i.test(p.name)) throw invalid(`${field}.name`, `Parameter names are letters, digits and _ and do not start with pv_ (${JSON.stringify(p.name)})`);
    if (params.some((x) => x.name === p.name)) throw invalid(`${field}.name`, `Parameter ${p.name} is declared twice`);
    if (!(PARAM_TYPES as readonly string[]).includes(p.type)) throw invalid(`${field}.type`, `Type is one of ${PARAM_TYPES.join(', ')}`);
    const def: ParamDef = { name: p.name, type: p.type as ParamType };
    if (p.default !== undefined && p.default !== null) {
      try {
        def.default = parseDefault(def.type, p.default);
      } catch (e) {
        throw invalid(`${field}.default`, `Default for ${p.name}: ${(e as Error).message}`);
      }
    }
    if (p.description) def.description = p.description.slice(0, 500);
    params.push(def);
  });
  if (params.length > 30) throw invalid('params', 'At most 30 parameters');
  return { name, description, cypher: d.cypher, params, returns, columns };
}

export async function getInvestigation(db: Db, id: string): Promise<SavedInvestigation | undefined> {
  const rows = await db.read(cypher('MATCH (i:Investigation {id: $id}) RETURN properties(i) AS i', { id }));
  return rows[0] ? fromRow(rows[0].i as Record<string, unknown>) : undefined;
}

/** The saved investigation with this id if the viewer may see it; NOT_FOUND otherwise (unknown and private read the same). */
export async function visibleInvestigation(db: Db, viewer: Viewer, id: string): Promise<SavedInvestigation> {
  const inv = await getInvestigation(db, id);
  if (!inv || !canSee(viewer, inv)) throw notFound('Investigation', id);
  return inv;
}

/** Own, shared with the viewer, and approved ones, newest first. */
export async function listInvestigations(db: Db, viewer: Viewer, limit = 500): Promise<SavedInvestigation[]> {
  const rows = await db.read(cypher(
    `MATCH (i:Investigation) WHERE i.owner = $me OR $me IN i.sharedWith OR i.approved = true
     RETURN properties(i) AS i ORDER BY i.updatedAt DESC, i.id LIMIT $limit`,
    { me: viewer.username, limit },
  ));
  return rows.map((r) => fromRow(r.i as Record<string, unknown>));
}

export async function versionsOf(db: Db, id: string): Promise<InvestigationVersion[]> {
  const rows = await db.read(cypher(
    'MATCH (:Investigation {id: $id})-[:HAS_VERSION]->(v:InvestigationVersion) RETURN properties(v) AS v ORDER BY v.version DESC',
    { id },
  ));
  return rows.map((r) => {
    const v = r.v as Record<string, unknown>;
    return {
      version: v.version as number, name: v.name as string, description: (v.description as string) ?? '', cypher: v.cypher as string,
      params: JSON.parse((v.params as string) || '[]') as ParamDef[], returns: v.returns as Returns, columns: (v.columns as string[]) ?? [],
      savedBy: v.savedBy as string, savedAt: v.savedAt as string,
    };
  });
}

/**
 * The checks a query must pass to be stored or approved: the same as running it (run.prepare),
 * given by the caller so that no path can store a query without them.
 */
export type QueryCheck = (cypher: string, params: readonly ParamDef[]) => Promise<void>;

/** Creates (no id) or updates (owner only) a saved investigation, snapshotting the new version. */
export async function saveInvestigation(db: Db, viewer: Viewer, draft: InvestigationDraft, check: QueryCheck, now = new Date().toISOString()): Promise<SavedInvestigation> {
  const d = validateDraft(draft);
  await check(d.cypher, d.params);
  const fields = { ...d, params: JSON.stringify(d.params) };
  if (!draft.id) {
    const id = `INV-${randomUUID()}`;
    const rows = await db.write(cypher(
      `CREATE (i:Investigation {id: $id, owner: $me, version: 1, sharedWith: [], approved: false, createdAt: $now, updatedAt: $now})
       SET i += $fields
       CREATE (i)-[:HAS_VERSION]->(v:InvestigationVersion {investigationId: $id, version: 1, savedBy: $me, savedAt: $now})
       SET v += $fields
       RETURN properties(i) AS i`,
      { id, me: viewer.username, now, fields },
    ));
    return fromRow(rows[0]!.i as Record<string, unknown>);
  }
  const current = await visibleInvestigation(db, viewer, draft.id);
  if (current.owner !== viewer.username) throw forbidden('Only the owner can change a saved investigation; save a copy instead');
  if (draft.expectedVersion != null && draft.expectedVersion !== current.version) {
    throw new DomainError('CONFLICT', `The investigation is at version ${current.version}, not ${draft.expectedVersion}: reload it first`, 'expectedVersion');
  }
  const rows = await db.write(cypher(
    `MATCH (i:Investigation {id: $id}) WHERE i.owner = $me
     SET i += $fields, i.version = i.version + 1, i.updatedAt = $now, i.approved = false, i.approvedBy = null, i.approvedAt = null
     CREATE (i)-[:HAS_VERSION]->(v:InvestigationVersion {investigationId: $id, version: i.version, savedBy: $me, savedAt: $now})
     SET v += $fields
     RETURN properties(i) AS i`,
    { id: draft.id, me: viewer.username, now, fields },
  ));
  if (!rows[0]) throw notFound('Investigation', draft.id);
  return fromRow(rows[0].i as Record<string, unknown>);
}

/** Sets who the investigation is shared with (replacing the list); every name must be a user. */
export async function shareInvestigation(db: Db, viewer: Viewer, id: string, usernames: string[], now = new Date().toISOString()): Promise<SavedInvestigation> {
  const inv = await visibleInvestigation(db, viewer, id);
  if (inv.owner !== viewer.username) throw forbidden('Only the owner can share a saved investigation');
  const names = [...new Set(usernames.map((u) => u.trim()).filter(Boolean))].filter((u) => u !== viewer.username);
  if (names.length > MAX_SHARES) throw invalid('usernames', `Share with at most ${MAX_SHARES} colleagues`);
  const known = new Set((await db.read(cypher('MATCH (u:User) WHERE u.username IN $names RETURN u.username AS u', { names }))).map((r) => r.u as string));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) throw new DomainError('NOT_FOUND', `Unknown user${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, 'usernames');
  const rows = await db.write(cypher(
    'MATCH (i:Investigation {id: $id}) WHERE i.owner = $me SET i.sharedWith = $names, i.updatedAt = $now RETURN properties(i) AS i',
    { id, me: viewer.username, names, now },
  ));
  return fromRow(rows[0]!.i as Record<string, unknown>);
}

/**
 * Approves the current version into the shared library, after the query passes every check as it
 * stands today (it may have been saved under older, weaker checks).
 */
export async function approveInvestigation(db: Db, viewer: Viewer, id: string, check: QueryCheck, now = new Date().toISOString()): Promise<SavedInvestigation> {
  const inv = await visibleInvestigation(db, viewer, id);
  await check(inv.cypher, inv.params);
  const version = inv.version;
  const rows = await db.writeTx((tx) => run(tx, cypher(
    `MATCH (i:Investigation {id: $id}) WHERE i.version = $version
     SET i.approved = true, i.approvedBy = $me, i.approvedAt = $now
     RETURN properties(i) AS i`,
    { id, version, me: viewer.username, now },
  )));
  if (!rows[0]) throw new DomainError('CONFLICT', 'The investigation changed while it was being approved: review it again', 'id');
  return fromRow(rows[0].i as Record<string, unknown>);
}
