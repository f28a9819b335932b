import { CLASSIFICATIONS, classificationRank } from './codes.js';
import { DomainError, invalid } from './errors.js';
import type { Role, Viewer } from './policy.js';

/**
 * Intelligence products (NIM): subject and problem profiles, tactical and strategic assessments.
 * A product is drafted from the graph as its declared marking allows, edited, reviewed, approved by
 * a manager, then disseminated (as a sanitised version for a named agency) or filed. The rules here
 * are pure: templates, the workflow, the marking, differences between versions, the text rendering.
 */
export const PRODUCT_TYPES = ['SUBJECT_PROFILE', 'PROBLEM_PROFILE', 'TACTICAL_ASSESSMENT', 'STRATEGIC_ASSESSMENT'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];
export const PRODUCT_TYPE_TITLES: Record<ProductType, string> = {
  SUBJECT_PROFILE: 'Subject profile',
  PROBLEM_PROFILE: 'Problem profile',
  TACTICAL_ASSESSMENT: 'Tactical assessment',
  STRATEGIC_ASSESSMENT: 'Strategic assessment',
};

export const PRODUCT_STATUSES = ['DRAFT', 'REVIEW', 'APPROVED', 'DISSEMINATED', 'FILED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/**
 * Where a template section's statements come from. NARRATIVE sections start empty: the author writes
 * them (summary, assessment, recommendations).
 */
export const SECTION_SOURCES = {
  NARRATIVE: { title: 'Written by the author', types: PRODUCT_TYPES },
  IDENTITY: { title: 'Identity and description', types: ['SUBJECT_PROFILE'] },
  ASSOCIATES: { title: 'Associates ranked by betweenness in the network', types: ['SUBJECT_PROFILE'] },
  ROLES: { title: 'Group memberships and roles', types: ['SUBJECT_PROFILE'] },
  LOCATIONS: { title: 'Locations and areas', types: ['SUBJECT_PROFILE'] },
  OBJECTS: { title: 'Vehicles and phones', types: ['SUBJECT_PROFILE'] },
  OFFENDING: { title: 'Offending pattern: crime types and events', types: ['SUBJECT_PROFILE'] },
  SEQUENCE: { title: 'Sequence of events and reports', types: ['SUBJECT_PROFILE'] },
  REQUIREMENT: { title: 'Requirement questions answered', types: ['SUBJECT_PROFILE', 'PROBLEM_PROFILE', 'TACTICAL_ASSESSMENT', 'STRATEGIC_ASSESSMENT'] },
  GAPS: { title: 'Intelligence gaps', types: ['SUBJECT_PROFILE', 'PROBLEM_PROFILE', 'TACTICAL_ASSESSMENT', 'STRATEGIC_ASSESSMENT'] },
  HARM: { title: 'Harm and threat (OCGM assessment)', types: ['SUBJECT_PROFILE', 'PROBLEM_PROFILE', 'TACTICAL_ASSESSMENT', 'STRATEGIC_ASSESSMENT'] },
  IMPACT: { title: 'Cross-boundary impact', types: ['SUBJECT_PROFILE', 'PROBLEM_PROFILE', 'STRATEGIC_ASSESSMENT'] },
  NETWORKS: { title: 'Groups involved', types: ['PROBLEM_PROFILE'] },
  HOTSPOTS: { title: 'Hotspots', types: ['PROBLEM_PROFILE'] },
  TRENDS: { title: 'Trend of reporting by quarter', types: ['PROBLEM_PROFILE', 'STRATEGIC_ASSESSMENT'] },
  PRIORITIES: { title: 'Control strategy priorities', types: ['TACTICAL_ASSESSMENT', 'STRATEGIC_ASSESSMENT'] },
  RECENT: { title: 'Intelligence of the last 28 days', types: ['TACTICAL_ASSESSMENT'] },
  DECISIONS: { title: 'Recent tasking decisions', types: ['TACTICAL_ASSESSMENT', 'STRATEGIC_ASSESSMENT'] },
} as const satisfies Record<string, { title: string; types: readonly ProductType[] }>;
export type SectionSource = keyof typeof SECTION_SOURCES;
export const SECTION_SOURCE_NAMES = Object.keys(SECTION_SOURCES) as SectionSource[];

export interface TemplateSection { key: string; title: string; source: SectionSource; guidance: string | null }
export interface ProductTemplate { type: ProductType; version: number; title: string; sections: TemplateSection[]; savedBy: string | null; savedAt: string | null }

const s = (key: string, title: string, source: SectionSource, guidance: string | null = null): TemplateSection => ({ key, title, source, guidance });

/** The templates every installation starts with (version 1); principal analysts save new versions. */
export const DEFAULT_TEMPLATES: Record<ProductType, ProductTemplate> = {
  SUBJECT_PROFILE: {
    type: 'SUBJECT_PROFILE', version: 1, title: 'Subject profile', savedBy: null, savedAt: null,
    sections: [
      s('summary', 'Summary', 'NARRATIVE', 'The bottom line: who, what threat, what is recommended.'),
      s('identity', 'Identity', 'IDENTITY'),
      s('associates', 'Associates', 'ASSOCIATES', 'Ranked by betweenness: who connects the network.'),
      s('roles', 'Roles in organised crime', 'ROLES'),
      s('locations', 'Locations', 'LOCATIONS'),
      s('objects', 'Vehicles and phones', 'OBJECTS'),
      s('offending', 'Offending pattern', 'OFFENDING'),
      s('sequence', 'Timeline', 'SEQUENCE'),
      s('harm', 'Harm and threat', 'HARM'),
      s('impact', 'Cross-boundary impact', 'IMPACT'),
      s('requirement', 'Requirement questions answered', 'REQUIREMENT'),
      s('gaps', 'Intelligence gaps', 'GAPS', 'What is not known; recommend collection against each gap.'),
      s('recommendations', 'Recommendations', 'NARRATIVE'),
    ],
  },
  PROBLEM_PROFILE: {
    type: 'PROBLEM_PROFILE', version: 1, title: 'Problem profile', savedBy: null, savedAt: null,
    sections: [
      s('summary', 'Summary', 'NARRATIVE'),
      s('trends', 'Trends', 'TRENDS'),
      s('hotspots', 'Hotspots', 'HOTSPOTS'),
      s('networks', 'Networks involved', 'NETWORKS'),
      s('harm', 'Harm', 'HARM'),
      s('impact', 'Cross-boundary impact', 'IMPACT'),
      s('gaps', 'Intelligence gaps', 'GAPS'),
      s('recommendations', 'Recommendations', 'NARRATIVE'),
    ],
  },
  TACTICAL_ASSESSMENT: {
    type: 'TACTICAL_ASSESSMENT', version: 1, title: 'Tactical assessment', savedBy: null, savedAt: null,
    sections: [
      s('summary', 'Summary', 'NARRATIVE'),
      s('priorities', 'Control strategy priorities', 'PRIORITIES'),
      s('harm', 'Groups by harm', 'HARM'),
      s('recent', 'Intelligence of the last 28 days', 'RECENT'),
      s('requirement', 'Requirement coverage', 'REQUIREMENT'),
      s('gaps', 'Gaps to task', 'GAPS'),
      s('decisions', 'Recent tasking decisions', 'DECISIONS'),
      s('recommendations', 'Recommendations to the TT&CG', 'NARRATIVE'),
    ],
  },
  STRATEGIC_ASSESSMENT: {
    type: 'STRATEGIC_ASSESSMENT', version: 1, title: 'Strategic assessment', savedBy: null, savedAt: null,
    sections: [
      s('summary', 'Summary', 'NARRATIVE'),
      s('priorities', 'Control strategy', 'PRIORITIES'),
      s('harm', 'Organised crime groups by band', 'HARM'),
      s('impact', 'Cross-boundary impact', 'IMPACT'),
      s('trends', 'Trends', 'TRENDS'),
      s('requirement', 'Requirement coverage', 'REQUIREMENT'),
      s('gaps', 'Intelligence gaps', 'GAPS'),
      s('decisions', 'Decisions of the last year', 'DECISIONS'),
      s('recommendations', 'Recommendations to the ST&CG', 'NARRATIVE'),
    ],
  },
};

export const isProductType = (t: unknown): t is ProductType => typeof t === 'string' && (PRODUCT_TYPES as readonly string[]).includes(t);

/** A template a principal analyst saves: checked section by section. */
export function validateTemplate(type: string, title: unknown, sections: readonly { key?: unknown; title?: unknown; source?: unknown; guidance?: unknown }[]): { title: string; sections: TemplateSection[] } {
  if (!isProductType(type)) throw invalid('type', `Unknown product type ${JSON.stringify(type)}`);
  const t = typeof title === 'string' ? title.trim() : '';
  if (!t || t.length > 200) throw invalid('title', 'Give the template a title (at most 200 characters)');
  if (!sections.length || sections.length > 30) throw invalid('sections', 'A template has 1 to 30 sections');
  const keys = new Set<string>();
  const out = sections.map((x, i) => {
    const key = typeof x.key === 'string' ? x.key.trim() : '';
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(key)) throw invalid('sections', `Section ${i + 1}: the key is 1-40 lower-case letters, digits or hyphens`);
    if (keys.has(key)) throw invalid('sections', `Section ${i + 1}: the key ${key} is used twice`);
    keys.add(key);
    const st = typeof x.title === 'string' ? x.title.trim() : '';
    if (!st || st.length > 200) throw invalid('sections', `Section ${i + 1}: give it a title`);
    const source = x.source as SectionSource;
    if (!Object.hasOwn(SECTION_SOURCES, source)) throw invalid('sections', `Section ${i + 1}: unknown source ${JSON.stringify(x.source)}`);
    if (!(SECTION_SOURCES[source].types as readonly string[]).includes(type)) {
      throw invalid('sections', `Section ${i + 1}: ${source} cannot fill a ${PRODUCT_TYPE_TITLES[type].toLowerCase()}`);
    }
    const guidance = typeof x.guidance === 'string' && x.guidance.trim() ? x.guidance.trim().slice(0, 2000) : null;
    return { key, title: st, source, guidance };
  });
  return { title: t, sections: out };
}

// ---------------------------------------------------------------------------------------------
// Content

export interface Statement { id: string; text: string; cites: string[] }
export interface SnapshotNode { id: string; label: string; type: string; x: number; y: number; lat: number | null; lon: number | null }
export interface SnapshotLink { source: string; target: string; type: string }
export interface Snapshot { kind: 'NETWORK' | 'MAP'; nodes: SnapshotNode[]; links: SnapshotLink[] }
export interface Section { key: string; title: string; source: SectionSource; guidance: string | null; statements: Statement[]; snapshot: Snapshot | null }
export interface ProductSource {
  ref: string; reportId: string; grade: string; handling: string; classification: string; agency: string;
  date: string | null; summary: string | null;
}
export interface Content { sections: Section[]; sources: ProductSource[] }

/** Reports in order of first citation, numbered S1, S2...; sources no statement cites are dropped. */
export function numberSources(sections: readonly Section[], known: ReadonlyMap<string, Omit<ProductSource, 'ref'>>): ProductSource[] {
  const out: ProductSource[] = [];
  const seen = new Set<string>();
  for (const sec of sections) for (const st of sec.statements) for (const id of st.cites) {
    const src = known.get(id);
    if (!src || seen.has(id)) continue;
    seen.add(id);
    out.push({ ...src, ref: `S${out.length + 1}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Marking and workflow

export const PRODUCT_ROLES: Record<'draft' | 'approve' | 'templates', readonly Role[]> = {
  draft: ['ANALYST', 'PRINCIPAL_ANALYST', 'INTEL_OFFICER', 'INTEL_MANAGER'],
  approve: ['INTEL_MANAGER', 'DIRECTOR'],
  templates: ['PRINCIPAL_ANALYST'],
};

/**
 * The marking a draft is declared at: never above what the author holds. The draft reads only
 * records at or below it, so the product's marking is at least that of its most restricted source,
 * and everyone cleared for the marking in the author's agency sees exactly what it was made from.
 */
export function validateMarking(viewer: Viewer, classification: unknown, compartments: readonly unknown[] | null | undefined): { classification: string; compartments: string[] } {
  const c = typeof classification === 'string' && classification ? classification : 'OFFICIAL-SENSITIVE';
  if (!(CLASSIFICATIONS as readonly string[]).includes(c) || c === 'TOP SECRET') throw invalid('classification', 'Mark the product OFFICIAL, OFFICIAL-SENSITIVE or SECRET');
  if (classificationRank(c) > classificationRank(viewer.clearance)) throw invalid('classification', `You are cleared to ${viewer.clearance}: a product cannot be marked above it`);
  const comps = [...new Set((compartments ?? []).map(String))].sort();
  for (const x of comps) if (!viewer.compartments.includes(x)) throw invalid('compartments', `You do not hold the ${x} compartment`);
  return { classification: c, compartments: comps };
}

/** The reader a draft is made as: the author's agency, at the product's marking. */
export function draftReader(viewer: Viewer, m: { classification: string; compartments: readonly string[] }): Viewer {
  const clearance = classificationRank(m.classification) <= classificationRank(viewer.clearance) ? m.classification : viewer.clearance;
  return { userId: viewer.userId, username: viewer.username, role: viewer.role, agency: viewer.agency, clearance, compartments: m.compartments.filter((c) => viewer.compartments.includes(c)) };
}

/** The recipient agency as a reader, at the clearance the release is made for, without compartments. */
export function recipientReader(agency: string, clearance: string): Viewer {
  return { userId: `recipient:${agency}`, username: `recipient:${agency}`, role: 'PARTNER_LIAISON', agency, clearance, compartments: [] };
}

export function lowerOf(a: string, b: string): string {
  return classificationRank(a) <= classificationRank(b) ? a : b;
}

export type ProductAction = 'SUBMIT' | 'RETURN' | 'APPROVE' | 'FILE' | 'DISSEMINATE' | 'REOPEN';
const TRANSITIONS: Record<ProductAction, { from: readonly ProductStatus[]; to: ProductStatus }> = {
  SUBMIT: { from: ['DRAFT'], to: 'REVIEW' },
  RETURN: { from: ['REVIEW'], to: 'DRAFT' },
  REOPEN: { from: ['APPROVED'], to: 'DRAFT' },
  APPROVE: { from: ['REVIEW'], to: 'APPROVED' },
  FILE: { from: ['APPROVED', 'DISSEMINATED'], to: 'FILED' },
  DISSEMINATE: { from: ['APPROVED', 'DISSEMINATED'], to: 'DISSEMINATED' },
};
const HOW: Record<ProductAction, string> = {
  SUBMIT: 'Only a draft can be submitted for review',
  RETURN: 'Only a product under review can be returned to its author',
  REOPEN: 'Only an approved product can be reopened for editing',
  APPROVE: 'Submit the product for review first: only a product under review can be approved',
  FILE: 'Only an approved or disseminated product can be filed',
  DISSEMINATE: 'A product must be approved by a manager before it is disseminated',
};

/** The status after an action, or a CONFLICT saying what must happen first. */
export function transition(status: string, action: ProductAction, who: { isAuthor: boolean; role: Role }): ProductStatus {
  const t = TRANSITIONS[action];
  if (!(t.from as readonly string[]).includes(status)) throw new DomainError('CONFLICT', `${HOW[action]} (it is ${status.toLowerCase()})`, 'status');
  if (action === 'APPROVE') {
    if (!PRODUCT_ROLES.approve.includes(who.role)) throw new DomainError('FORBIDDEN', 'A manager (intelligence manager or director) approves products');
    if (who.isAuthor) throw new DomainError('FORBIDDEN', 'An author cannot approve their own product: ask a manager');
  }
  if (action === 'SUBMIT' && !who.isAuthor) throw new DomainError('FORBIDDEN', 'Only the author submits a product for review');
  if ((action === 'RETURN' || action === 'REOPEN') && !who.isAuthor && !PRODUCT_ROLES.approve.includes(who.role)) {
    throw new DomainError('FORBIDDEN', 'Only the author or a manager can return a product to draft');
  }
  return t.to;
}

// ---------------------------------------------------------------------------------------------
// Differences between versions

export interface SectionDiff { key: string; title: string; added: string[]; removed: string[]; changed: { before: string; after: string }[] }

/** What changed from one version to another, section by section (statements matched by id). */
export function diffVersions(before: readonly Section[], after: readonly Section[]): SectionDiff[] {
  const out: SectionDiff[] = [];
  const keys = [...new Set([...before.map((x) => x.key), ...after.map((x) => x.key)])];
  for (const key of keys) {
    const a = before.find((x) => x.key === key);
    const b = after.find((x) => x.key === key);
    const am = new Map((a?.statements ?? []).map((st) => [st.id, st]));
    const bm = new Map((b?.statements ?? []).map((st) => [st.id, st]));
    const d: SectionDiff = { key, title: (b ?? a)!.title, added: [], removed: [], changed: [] };
    for (const [id, st] of bm) {
      const old = am.get(id);
      if (!old) d.added.push(st.text);
      else if (old.text !== st.text || old.cites.join() !== st.cites.join()) d.changed.push({ before: old.text, after: st.text });
    }
    for (const [id, st] of am) if (!bm.has(id)) d.removed.push(st.text);
    if (d.added.length || d.removed.length || d.changed.length) out.push(d);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text

/** The whole product as plain text: the dissemination record keeps exactly what was sent. */
export function renderText(p: { title: string; typeTitle: string; classification: string; handling: string; sections: readonly Section[]; sources: readonly ProductSource[] }): string {
  const refs = new Map(p.sources.map((x) => [x.reportId, x]));
  const lines = [`${p.classification}`, `${p.typeTitle}: ${p.title}`, ''];
  for (const sec of p.sections) {
    if (!sec.statements.length) continue;
    lines.push(sec.title.toUpperCase());
    for (const st of sec.statements) {
      const cites = st.cites.map((c) => refs.get(c)).filter(Boolean).map((x) => `${x!.ref} ${x!.grade}`);
      lines.push(`- ${st.text}${cites.length ? ` [${cites.join('; ')}]` : ''}`);
    }
    lines.push('');
  }
  if (p.sources.length) {
    lines.push('SOURCES');
    for (const x of p.sources) lines.push(`${x.ref}: intelligence report graded ${x.grade}${x.handling ? ` (handling ${x.handling})` : ''}${x.date ? `, ${x.date}` : ''}`);
  }
  lines.push('', p.classification);
  return lines.join('\n');
}

export const MAX_STATEMENT = 4000;
export const MAX_STATEMENTS_PER_SECTION = 200;
