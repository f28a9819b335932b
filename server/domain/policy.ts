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

export interface AgencyDirectory {
  desk(agencyId: string | null | undefined): { name: string; desk: string };
}

/** Stub ids are opaque so they leak nothing about the record beyond its existence. */
export function stubId(id: string): string {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return `restricted-${(h >>> 0).toString(36)}`;
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
