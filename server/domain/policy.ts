import { createHash, createHmac, randomBytes } from 'node:crypto';
import { classificationRank } from './codes.js';
import { propDefs } from './model.js';
import type { Query } from '../db/db.js';

/**
 * The one access policy. Every record returned by the API passes `decide` (in JS) and queries may
 * pre-filter with `hiddenFilter` (the same rule in Cypher, for counts and paging): counts never
 * include what a viewer may not know exists.
 */
export const ROLES = [
  'DIRECTOR', 'INTEL_MANAGER', 'INTEL_OFFICER', 'PRINCIPAL_ANALYST', 'ANALYST', 'RESEARCHER', 'PARTNER_LIAISON', 'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'read', 'write', 'grade', 'disseminate', 'approveNfd', 'readAudit', 'runCypher', 'approveInvestigation',
  'manageUsers', 'import', 'merge', 'export', 'manageRequirements', 'assessImpact',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The permission matrix (documented in the README). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  DIRECTOR: ['read', 'readAudit', 'approveNfd', 'export', 'manageRequirements', 'assessImpact', 'disseminate'],
  INTEL_MANAGER: ['read', 'write', 'grade', 'disseminate', 'approveNfd', 'readAudit', 'export', 'manageRequirements', 'assessImpact', 'merge', 'import'],
  INTEL_OFFICER: ['read', 'write', 'grade', 'disseminate', 'export', 'import', 'assessImpact'],
  PRINCIPAL_ANALYST: ['read', 'write', 'runCypher', 'approveInvestigation', 'export', 'merge', 'manageRequirements', 'assessImpact'],
  ANALYST: ['read', 'write', 'export', 'merge'],
  RESEARCHER: ['read', 'runCypher', 'export'],
  PARTNER_LIAISON: ['read'],
  ADMIN: ['manageUsers', 'readAudit', 'import'],
};

export const can = (viewer: Viewer, p: Permission): boolean => ROLE_PERMISSIONS[viewer.role]?.includes(p) ?? false;

export interface Viewer {
  userId: string;
  username: string;
  role: Role;
  clearance: string;
  agency: string;
  compartments: readonly string[];
}

export interface Markings {
  classification?: string | null;
  agency?: string | null;
  compartments?: readonly string[] | null;
  nfd?: boolean | null;
  disseminatedTo?: readonly string[] | null;
}

/**
 * full: the record as held; shared: a copy disseminated to the viewer's agency (sanitised fields only);
 * stub: existence and owner only ("intelligence held, contact X"); hidden: not even its existence.
 */
export type Access = 'full' | 'shared' | 'stub' | 'hidden';

/** Compartments whose very existence is protected from those outside them. */
export const PROTECTED_COMPARTMENTS = ['CHIS'] as const;

export function decide(viewer: Viewer, m: Markings): Access {
  const compartments = m.compartments ?? [];
  const cleared =
    classificationRank(m.classification ?? 'OFFICIAL') <= classificationRank(viewer.clearance) &&
    compartments.every((c) => viewer.compartments.includes(c));
  const own = !!m.agency && m.agency === viewer.agency;
  const shared = !own && !!m.disseminatedTo?.includes(viewer.agency);
  if (cleared && own) return 'full';
  if (cleared && shared && !m.nfd) return 'shared';
  if (compartments.some((c) => (PROTECTED_COMPARTMENTS as readonly string[]).includes(c))) return 'hidden';
  if (m.nfd && !own) return 'hidden';
  if (classificationRank(m.classification ?? 'OFFICIAL') > classificationRank('SECRET')) return 'hidden';
  return 'stub';
}

/** Cypher predicate true for records the viewer may not even know exist (the `hidden` branch of `decide`). */
export function hiddenFilter(viewer: Viewer, alias: string): Query {
  if (!/^[a-z][A-Za-z0-9]*$/.test(alias)) throw new Error('bad alias');
  const a = alias;
  const cleared = `(coalesce(${a}.classification,'OFFICIAL') IN $pv_classes AND all(c IN coalesce(${a}.compartments,[]) WHERE c IN $pv_compartments))`;
  const own = `(${a}.agency = $pv_agency)`;
  const shared = `($pv_agency IN coalesce(${a}.disseminatedTo,[]) AND NOT coalesce(${a}.nfd,false))`;
  const text =
    `(NOT (${cleared} AND (${own} OR ${shared})) AND (` +
    `any(c IN coalesce(${a}.compartments,[]) WHERE c IN $pv_protected) OR ` +
    `(coalesce(${a}.nfd,false) AND NOT ${own}) OR coalesce(${a}.classification,'OFFICIAL') = 'TOP SECRET' OR ` +
    `NOT coalesce(${a}.classification,'OFFICIAL') IN $pv_known))`;
  return { text, params: policyParams(viewer) };
}

/** Cypher predicate true for records the viewer sees in full or as a disseminated copy. */
export function visibleFilter(viewer: Viewer, alias: string): Query {
  if (!/^[a-z][A-Za-z0-9]*$/.test(alias)) throw new Error('bad alias');
  const a = alias;
  return {
    text:
      `(coalesce(${a}.classification,'OFFICIAL') IN $pv_classes AND all(c IN coalesce(${a}.compartments,[]) WHERE c IN $pv_compartments) ` +
      `AND (${a}.agency = $pv_agency OR ($pv_agency IN coalesce(${a}.disseminatedTo,[]) AND NOT coalesce(${a}.nfd,false))))`,
    params: policyParams(viewer),
  };
}

const KNOWN = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', 'TOP SECRET'];
export function policyParams(viewer: Viewer): Record<string, unknown> {
  return {
    pv_classes: KNOWN.filter((c) => classificationRank(c) <= classificationRank(viewer.clearance)),
    pv_compartments: [...viewer.compartments],
    pv_agency: viewer.agency,
    pv_protected: [...PROTECTED_COMPARTMENTS],
    pv_known: KNOWN,
  };
}

/**
 * Administrative geography is public reference data, not intelligence: the name, kind, code and
 * boundary of a region, force or BCU are published, so a viewer may be shown them for an Area record
 * another agency owns (a stub under `decide`), as the agency directory names every agency. Only while
 * the record is marked as plain reference data (OFFICIAL, no compartments, not NFD): an area held
 * above that stays a stub or hidden. Nothing else about the record (markings, links, disseminations)
 * is shown this way, and `decide` is unchanged for it.
 */
export function isReferenceGeography(type: string | null | undefined, m: Markings): boolean {
  return type === 'Area' && (m.classification ?? 'OFFICIAL') === 'OFFICIAL' && !(m.compartments ?? []).length && !m.nfd;
}

/** What a stub may say: that something is held, by whom, and whom to contact. Nothing else. */
export interface Stub {
  id: string;
  restricted: true;
  heldBy: string;
  contact: string;
}

/** An agency's name and the desk a colleague calls about its records (published reference data). */
export interface AgencyDesk { name: string; desk: string; phone?: string; email?: string }

export interface AgencyDirectory {
  desk(agencyId: string | null | undefined): AgencyDesk;
}

/**
 * A stub's id is its telephone reference for this viewer: an HMAC of the viewer's user id and the
 * record's id under a key kept outside the database (derived from the audit key, so it is the same
 * in every API process and after a restart). The same viewer meets the same reference every time;
 * two viewers' references for one record are unrelated, and nobody can compute one from a record id
 * (so a guessed id confirms nothing). The holder resolves a quoted reference knowing who quoted it
 * (`graph/stubs.resolveStubReference`).
 */
let stubKey: Buffer = randomBytes(32);
export function setStubKey(secret: Buffer | string): void {
  stubKey = createHash('sha256').update('stub-reference\0').update(secret).digest();
}

/** Crockford's base 32: no I, L, O or U, so a reference survives being read aloud and written down. */
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REF_CHARS = 16;

export function stubId(viewer: Pick<Viewer, 'userId'>, id: string): string {
  const h = createHmac('sha256', stubKey).update(viewer.userId).update('\0').update(id).digest();
  let out = '';
  for (let i = 0; i < REF_CHARS; i++) {
    // 5 bits per character from the digest's bit stream.
    const bit = i * 5;
    const v = ((h[bit >> 3]! << 8) | h[(bit >> 3) + 1]!) >> (11 - (bit & 7));
    out += B32[v & 31];
  }
  return `restricted-${out.toLowerCase()}`;
}

/** How a stub id is written and read out: R-XXXX-XXXX-XXXX-XXXX. */
export function stubReference(stub: string): string {
  const body = stub.slice('restricted-'.length).toUpperCase();
  return `R-${body.match(/.{1,4}/g)!.join('-')}`;
}

/** A stub id from anything a person may type for it: the id, or the reference with any spacing, case and O/I/L slips. */
export function parseStubReference(text: string): string | undefined {
  const t = text.trim();
  if (/^restricted-[0-9a-z]{16}$/.test(t)) return t;
  let body = t.toUpperCase().replace(/[-\s]/g, '');
  if (body.length === REF_CHARS + 1 && body.startsWith('R')) body = body.slice(1);
  body = body.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (body.length !== REF_CHARS || [...body].some((c) => !B32.includes(c))) return undefined;
  return `restricted-${body.toLowerCase()}`;
}

const ALWAYS_SHOWN = new Set(['id', 'type', 'label']);
const MARKING_PROPS = new Set(['classification', 'agency', 'compartments', 'handling', 'handlingConditions', 'handlingNotes', 'disseminatedTo', 'nfd']);

/**
 * Properties a viewer may see of a record they can see. A shared (disseminated) copy loses every
 * property marked sensitive in the model and its nfd justification; the full copy loses nothing
 * except internal search keys.
 */
export function visibleProps(kind: 'entity' | 'link', type: string, access: Access, props: Record<string, unknown>): Record<string, unknown> {
  const defs = propDefs(kind, type);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (ALWAYS_SHOWN.has(k) || MARKING_PROPS.has(k) || k === 'search' || k === 'phonetic') continue;
    if (k === 'nfdJustification' || k === 'nfdApprover') { if (access === 'full') out[k] = v; continue; }
    if (access === 'shared' && defs[k]?.sensitive) continue;
    out[k] = v;
  }
  return out;
}

