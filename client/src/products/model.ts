import { CLASSIFICATIONS, CRIME_TYPES, classificationRank } from '../../../server/domain/codes.js';
import { basisProblems } from '../inbox/model.js';
import { PRODUCT_ROLES, PRODUCT_STATUSES, PRODUCT_TYPES, PRODUCT_TYPE_TITLES } from '../../../server/domain/products.js';
import { humanCode } from '../ui/format.js';
import { scaleBar, type ScaleBar } from '../impact/geo.js';

export { scaleBar, type ScaleBar };
import type { GraphNode } from '../workspace/types.js';
import type {
  DraftProductInput, KnownAgency, Product, ProductReleaseInput, ProductSection, ProductSnapshot, ProductSource, ProductStatus,
  ProductType, SaveProductInput, SectionDiff, SectionInput, SectionSource, TemplateSection, WorkflowAction,
} from './api.js';

/**
 * Pure rules of the products dialog: who may do what at which status, the author's edits and the
 * save they send, what changed between versions as shown, snapshots fitted to a box with a scale
 * bar, markings a viewer may choose, the release form, template edits, and dates as read in the UK.
 */

export { PRODUCT_TYPES, PRODUCT_STATUSES };
export const typeTitle = (t: string): string => (PRODUCT_TYPE_TITLES as Record<string, string>)[t] ?? humanCode(t);
export const statusTitle = (s: string): string => humanCode(s);
export const crimeTypeTitle = (c: string): string => humanCode(c);
export const CRIME_TYPE_CHOICES: readonly { value: string; title: string }[] = CRIME_TYPES.map((c) => ({ value: c, title: crimeTypeTitle(c) }));

// ---------------------------------------------------------------------------------------------
// Dates: dd Mon yyyy in UK time

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function ukParts(iso: string): { d: string; m: string; y: string; hh: string; mm: string } | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, x.value]));
  return { d: String(p.day).padStart(2, '0'), m: MONTHS[Number(p.month) - 1] ?? '', y: String(p.year), hh: String(p.hour).padStart(2, '0'), mm: String(p.minute).padStart(2, '0') };
}

/** "05 Mar 2026": a calendar day (YYYY-MM-DD) as it is, a moment in UK time; other text unchanged. */
export function ukDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const bare = BARE_DATE.exec(iso);
  if (bare) return `${bare[3]} ${MONTHS[Number(bare[2]) - 1] ?? bare[2]} ${bare[1]}`;
  const p = ukParts(iso);
  return p ? `${p.d} ${p.m} ${p.y}` : iso;
}

/** "05 Mar 2026 14:03" in UK time (a bare date stays a day). */
export function ukDayTime(iso: string | null | undefined): string {
  if (!iso) return '';
  if (BARE_DATE.test(iso)) return ukDay(iso);
  const p = ukParts(iso);
  return p ? `${p.d} ${p.m} ${p.y} ${p.hh}:${p.mm}` : iso;
}

// ---------------------------------------------------------------------------------------------
// Who may do what

export interface ProductViewer { username: string; role: string; permissions: readonly string[] }

const hasRole = (list: readonly string[], role: string) => list.includes(role);
export const canDraft = (v: Pick<ProductViewer, 'role'> | null | undefined): boolean => !!v && hasRole(PRODUCT_ROLES.draft, v.role);
export const canEditTemplates = (v: Pick<ProductViewer, 'role'> | null | undefined): boolean => !!v && hasRole(PRODUCT_ROLES.templates, v.role);
export const isManager = (v: Pick<ProductViewer, 'role'>): boolean => hasRole(PRODUCT_ROLES.approve, v.role);
export const isAuthor = (p: Pick<Product, 'authorUsername'>, v: Pick<ProductViewer, 'username'>): boolean => p.authorUsername === v.username;
export const canDisseminate = (v: Pick<ProductViewer, 'permissions'> | null | undefined): boolean => !!v?.permissions.includes('disseminate');

/** The author edits a draft, at its latest version only. */
export const canEdit = (p: Pick<Product, 'status' | 'authorUsername' | 'version' | 'latestVersion'>, v: ProductViewer): boolean =>
  p.status === 'DRAFT' && isAuthor(p, v) && p.version === p.latestVersion;

/** The author or a manager records the tasking decision a product informed. */
export const canLinkDecision = (p: Pick<Product, 'authorUsername'>, v: ProductViewer): boolean => isAuthor(p, v) || isManager(v);

export interface ActionButton { action: WorkflowAction; label: string; needsComment: boolean; title: string }

const ACTIONS: Record<WorkflowAction, Omit<ActionButton, 'action'>> = {
  SUBMIT: { label: 'Submit for review', needsComment: false, title: 'Send the draft to a manager for review' },
  RETURN: { label: 'Return to draft', needsComment: true, title: 'Send it back to the author to edit (say why)' },
  APPROVE: { label: 'Approve', needsComment: false, title: 'Approve it for dissemination (a manager who is not its author)' },
  REOPEN: { label: 'Reopen', needsComment: true, title: 'Return the approved product to draft (say why)' },
  FILE: { label: 'File', needsComment: false, title: 'File it: no further work or dissemination' },
};

/** The workflow buttons a viewer gets on a product at its status (the server decides again). */
export function workflowActions(p: Pick<Product, 'status' | 'authorUsername'>, v: ProductViewer): ActionButton[] {
  const author = isAuthor(p, v);
  const manager = isManager(v);
  const out: WorkflowAction[] = [];
  if (p.status === 'DRAFT' && author) out.push('SUBMIT');
  if (p.status === 'REVIEW' && manager && !author) out.push('APPROVE');
  if (p.status === 'REVIEW' && (author || manager)) out.push('RETURN');
  if (p.status === 'APPROVED' && (author || manager)) out.push('REOPEN');
  if ((p.status === 'APPROVED' || p.status === 'DISSEMINATED') && (author || manager)) out.push('FILE');
  return out.map((action) => ({ action, ...ACTIONS[action] }));
}

/** Why the viewer has no approve button on a product under review (shown beside the buttons). */
export function approvalNote(p: Pick<Product, 'status' | 'authorUsername'>, v: ProductViewer): string | null {
  if (p.status !== 'REVIEW') return null;
  if (isAuthor(p, v)) return 'Awaiting approval by a manager: an author cannot approve their own product.';
  if (!isManager(v)) return 'Awaiting approval by an intelligence manager or director.';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Markings

/** Classifications a product may be marked at: not above the viewer's clearance, never TOP SECRET. */
export const markingChoices = (clearance: string): string[] =>
  CLASSIFICATIONS.filter((c) => c !== 'TOP SECRET' && classificationRank(c) <= classificationRank(clearance));

/** "OFFICIAL-SENSITIVE [CHIS]" */
export const markingText = (classification: string, compartments: readonly string[] = []): string =>
  `${classification}${compartments.length ? ` [${[...compartments].sort().join(', ')}]` : ''}`;

export const handlingText = (h: string): string => (h === 'C' ? 'C: lawful sharing permitted subject to conditions' : 'P: lawful sharing permitted');

// ---------------------------------------------------------------------------------------------
// Drafting a new product

export interface DraftForm {
  type: ProductType;
  title: string;
  subject: { id: string; label: string } | null;
  crimeType: string;
  area: { id: string; label: string } | null;
  classification: string;
  compartments: string[];
  handling: 'P' | 'C';
}

const SUBJECT_TYPES = ['Subject', 'OCG'];
export const isProfileSubject = (n: Pick<GraphNode, 'type' | 'restricted'>): boolean => !n.restricted && SUBJECT_TYPES.includes(n.type);

/** The first selected chart node a subject profile can be about (a Subject or an OCG). */
export function subjectFromSelection(selected: readonly (GraphNode | undefined)[]): { id: string; label: string } | null {
  const n = selected.find((x): x is GraphNode => !!x && isProfileSubject(x));
  return n ? { id: n.id, label: n.label } : null;
}

export function blankDraft(selected: readonly (GraphNode | undefined)[], clearance: string): DraftForm {
  const subject = subjectFromSelection(selected);
  const choices = markingChoices(clearance);
  return {
    type: 'SUBJECT_PROFILE', title: subject ? `Subject profile: ${subject.label}` : '', subject, crimeType: '', area: null,
    classification: choices.includes('OFFICIAL-SENSITIVE') ? 'OFFICIAL-SENSITIVE' : choices[choices.length - 1] ?? 'OFFICIAL',
    compartments: [], handling: 'P',
  };
}

export function draftProblems(f: DraftForm): Partial<Record<keyof DraftForm, string>> {
  const out: Partial<Record<keyof DraftForm, string>> = {};
  if (!f.title.trim()) out.title = 'Give the product a title';
  else if (f.title.trim().length > 300) out.title = 'At most 300 characters';
  if (f.type === 'SUBJECT_PROFILE' && !f.subject) out.subject = 'Choose the subject or OCG the profile is about';
  if (f.type === 'PROBLEM_PROFILE' && !f.crimeType) out.crimeType = 'Choose the crime type';
  return out;
}

/** What draftProduct is sent: only the fields the product type uses. */
export function draftInput(f: DraftForm): DraftProductInput {
  return {
    type: f.type,
    title: f.title.trim(),
    subjectIds: f.type === 'SUBJECT_PROFILE' && f.subject ? [f.subject.id] : [],
    crimeType: f.type === 'PROBLEM_PROFILE' ? f.crimeType || null : null,
    areaId: f.type === 'PROBLEM_PROFILE' ? f.area?.id ?? null : null,
    classification: f.classification,
    compartments: [...new Set(f.compartments)].sort(),
    handling: f.handling,
  };
}

// ---------------------------------------------------------------------------------------------
// The author's edits

export interface EditStatement {
  /** The stored statement's id; null for one added in this edit. */
  id: string | null;
  /** Stable key for the view while editing. */
  key: string;
  text: string;
  cites: string[];
}
export interface EditSection { key: string; title: string; source: string; statements: EditStatement[] }
export interface ProductEdit { productId: string; baseVersion: number; title: string; sections: EditSection[]; added: number }

export function startEdit(p: Pick<Product, 'id' | 'version' | 'title' | 'sections'>): ProductEdit {
  return {
    productId: p.id, baseVersion: p.version, title: p.title, added: 0,
    sections: p.sections.map((s) => ({ key: s.key, title: s.title, source: s.source, statements: s.statements.map((st) => ({ id: st.id, key: st.id, text: st.text, cites: [...st.cites] })) })),
  };
}

function withSection(e: ProductEdit, key: string, f: (list: EditStatement[]) => EditStatement[]): ProductEdit {
  return { ...e, sections: e.sections.map((s) => (s.key === key ? { ...s, statements: f(s.statements) } : s)) };
}

export const setTitle = (e: ProductEdit, title: string): ProductEdit => ({ ...e, title });

export const editText = (e: ProductEdit, key: string, i: number, text: string): ProductEdit =>
  withSection(e, key, (l) => l.map((st, j) => (j === i ? { ...st, text } : st)));

export const setCitations = (e: ProductEdit, key: string, i: number, cites: readonly string[]): ProductEdit =>
  withSection(e, key, (l) => l.map((st, j) => (j === i ? { ...st, cites: [...new Set(cites)] } : st)));

export const toggleCitation = (e: ProductEdit, key: string, i: number, reportId: string): ProductEdit =>
  withSection(e, key, (l) => l.map((st, j) => (j === i ? { ...st, cites: st.cites.includes(reportId) ? st.cites.filter((c) => c !== reportId) : [...st.cites, reportId] } : st)));

/** A new statement at the end of a section (or after position `after`). */
export function addStatement(e: ProductEdit, key: string, text = '', after?: number): ProductEdit {
  const n = e.added + 1;
  const st: EditStatement = { id: null, key: `new-${n}`, text, cites: [] };
  const next = withSection(e, key, (l) => {
    const at = after === undefined ? l.length : Math.max(0, Math.min(l.length, after + 1));
    return [...l.slice(0, at), st, ...l.slice(at)];
  });
  return { ...next, added: n };
}

export const removeStatement = (e: ProductEdit, key: string, i: number): ProductEdit => withSection(e, key, (l) => l.filter((_, j) => j !== i));

/** Moves a statement up (-1) or down (+1); at either end nothing changes. */
export function moveStatement(e: ProductEdit, key: string, i: number, delta: -1 | 1): ProductEdit {
  return withSection(e, key, (l) => {
    const j = i + delta;
    if (i < 0 || i >= l.length || j < 0 || j >= l.length) return l;
    const out = [...l];
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  });
}

const sameStatements = (a: readonly { id: string | null; text: string; cites: readonly string[] }[], b: readonly { id: string | null; text: string; cites: readonly string[] }[]) =>
  a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.text === b[i]!.text && x.cites.join('\u0000') === b[i]!.cites.join('\u0000'));

/** Keys of the sections the edit changed (text, order, citations, statements added or removed). */
export function changedSections(p: Pick<Product, 'sections'>, e: ProductEdit): string[] {
  return e.sections.filter((s) => {
    const orig = p.sections.find((x) => x.key === s.key);
    return !orig || !sameStatements(orig.statements, s.statements.map((st) => ({ ...st, text: st.text.trim() })));
  }).map((s) => s.key);
}

export const editChanged = (p: Pick<Product, 'sections' | 'title'>, e: ProductEdit): boolean =>
  changedSections(p, e).length > 0 || e.title.trim() !== p.title;

/** What is wrong with the edit, by statement ("Summary: statement 2 is empty"). */
export function editProblems(e: ProductEdit): string[] {
  const out: string[] = [];
  if (!e.title.trim()) out.push('Give the product a title');
  for (const s of e.sections) s.statements.forEach((st, i) => { if (!st.text.trim()) out.push(`${s.title}: statement ${i + 1} is empty (write it or delete it)`); });
  return out;
}

/**
 * saveProduct's arguments: every statement of each changed section in its new order, stored ones
 * keeping their ids, new ones without; the title only when it changed; the note when given.
 */
export function savePayload(p: Pick<Product, 'id' | 'sections' | 'title'>, e: ProductEdit, note?: string): SaveProductInput {
  const changed = new Set(changedSections(p, e));
  const sections: SectionInput[] = e.sections.filter((s) => changed.has(s.key)).map((s) => ({
    key: s.key,
    statements: s.statements.map((st) => ({ ...(st.id ? { id: st.id } : {}), text: st.text.trim(), cites: [...st.cites] })),
  }));
  const out: SaveProductInput = { id: p.id, baseVersion: e.baseVersion, sections };
  if (e.title.trim() !== p.title) out.title = e.title.trim();
  if (note?.trim()) out.note = note.trim();
  return out;
}

/** A refused save because someone saved a newer version: the editor offers to reload. */
export const isStaleVersion = (e: { code?: string; field?: string | null } | null | undefined): boolean =>
  !!e && e.code === 'CONFLICT' && e.field === 'baseVersion';

// ---------------------------------------------------------------------------------------------
// Citations

export const sourceByReport = (sources: readonly ProductSource[]): Map<string, ProductSource> => new Map(sources.map((s) => [s.reportId, s]));

/** "S2 1A" for each cited report the product lists (in the statement's order). */
export function citeLabels(cites: readonly string[], sources: readonly ProductSource[]): { reportId: string; label: string }[] {
  const m = sourceByReport(sources);
  return cites.flatMap((c) => {
    const s = m.get(c);
    return s ? [{ reportId: c, label: `${s.ref} ${s.grade}` }] : [];
  });
}

/** One line about a source: grade, date, handling, marking. */
export const sourceLine = (s: ProductSource): string =>
  [`Graded ${s.grade}`, s.date ? ukDay(s.date) : 'undated', `handling ${s.handling}`, s.classification].join(' · ');

// ---------------------------------------------------------------------------------------------
// What changed between versions

export type DiffRow = { kind: 'changed'; before: string; text: string } | { kind: 'added' | 'removed'; text: string };
export interface DiffSectionView { key: string; title: string; rows: DiffRow[]; counts: string }
export interface DiffView { sections: DiffSectionView[]; totals: { added: number; removed: number; changed: number }; summary: string }

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const countsText = (c: { added: number; removed: number; changed: number }) =>
  [c.changed ? `${c.changed} changed` : '', c.added ? `${c.added} added` : '', c.removed ? `${c.removed} removed` : ''].filter(Boolean).join(', ');

/** The diff as shown: per section, changed then added then removed statements, with counts. */
export function diffView(diff: readonly SectionDiff[]): DiffView {
  const totals = { added: 0, removed: 0, changed: 0 };
  const sections = diff.filter((d) => d.added.length || d.removed.length || d.changed.length).map((d) => {
    totals.added += d.added.length;
    totals.removed += d.removed.length;
    totals.changed += d.changed.length;
    const rows: DiffRow[] = [
      ...d.changed.map((c): DiffRow => ({ kind: 'changed', before: c.before, text: c.after })),
      ...d.added.map((text): DiffRow => ({ kind: 'added', text })),
      ...d.removed.map((text): DiffRow => ({ kind: 'removed', text })),
    ];
    return { key: d.key, title: d.title, rows, counts: countsText({ added: d.added.length, removed: d.removed.length, changed: d.changed.length }) };
  });
  const summary = sections.length ? `${countsText(totals)} in ${plural(sections.length, 'section')}` : 'No differences';
  return { sections, totals, summary };
}

/** The two versions compared by default: the one before the latest, and the latest. */
export function defaultComparison(versions: readonly { version: number }[]): { from: number; to: number } | null {
  const v = [...versions].map((x) => x.version).sort((a, b) => a - b);
  if (v.length < 2) return null;
  return { from: v[v.length - 2]!, to: v[v.length - 1]! };
}

// ---------------------------------------------------------------------------------------------
// Snapshots: a network (x, y in [-1, 1]) or a map (lat/lon) fitted to a box

export interface Box { width: number; height: number; pad: number }
export interface PlacedNode { id: string; label: string; type: string; x: number; y: number }
export interface PlacedLink { source: string; target: string; type: string; x1: number; y1: number; x2: number; y2: number }
export interface Projection { kind: 'NETWORK' | 'MAP'; nodes: PlacedNode[]; links: PlacedLink[]; unplaced: number; scale: ScaleBar | null }

/** Kilometres in one degree of latitude (and of longitude at the equator). */
export const KM_PER_DEGREE = 111.32;
/** The smallest span a map shows (about 1 km), so one place is not drawn at infinite zoom. */
const MIN_SPAN_DEG = 0.01;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Places a snapshot's nodes and links in a box (pixels, y down). */
export function projectSnapshot(s: ProductSnapshot, box: Box): Projection {
  const w = box.width - 2 * box.pad;
  const h = box.height - 2 * box.pad;
  const placed = new Map<string, PlacedNode>();
  let scale: ScaleBar | null = null;
  let unplaced = 0;
  const kind = s.kind === 'MAP' ? 'MAP' : 'NETWORK';
  if (kind === 'NETWORK') {
    for (const n of s.nodes) {
      placed.set(n.id, { id: n.id, label: n.label, type: n.type, x: round1(box.pad + ((clamp(n.x, -1, 1) + 1) / 2) * w), y: round1(box.pad + ((clamp(n.y, -1, 1) + 1) / 2) * h) });
    }
  } else {
    const geo = s.nodes.filter((n) => typeof n.lat === 'number' && typeof n.lon === 'number' && Number.isFinite(n.lat) && Number.isFinite(n.lon));
    unplaced = s.nodes.length - geo.length;
    if (geo.length) {
      const lats = geo.map((n) => n.lat!);
      const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
      const k = Math.cos((lat0 * Math.PI) / 180);
      // Equirectangular about the middle latitude: x in degrees of longitude shortened by cos(lat).
      const xs = geo.map((n) => n.lon! * k);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
      const spanX = Math.max(x1 - x0, MIN_SPAN_DEG);
      const spanY = Math.max(y1 - y0, MIN_SPAN_DEG);
      const pxPerDeg = Math.min(w / spanX, h / spanY);
      const cx = (x0 + x1) / 2;
      const cy = (y0 + y1) / 2;
      for (const n of geo) {
        placed.set(n.id, { id: n.id, label: n.label, type: n.type, x: round1(box.pad + w / 2 + (n.lon! * k - cx) * pxPerDeg), y: round1(box.pad + h / 2 - (n.lat! - cy) * pxPerDeg) });
      }
      scale = scaleBar(KM_PER_DEGREE / pxPerDeg, w / 3);
    }
  }
  const links = s.links.flatMap((l) => {
    const a = placed.get(l.source);
    const b = placed.get(l.target);
    return a && b ? [{ source: l.source, target: l.target, type: l.type, x1: a.x, y1: a.y, x2: b.x, y2: b.y }] : [];
  });
  return { kind, nodes: [...placed.values()], links, unplaced, scale };
}

// ---------------------------------------------------------------------------------------------
// The sanitised version and its release

/** Original and sanitised sections side by side, by key (the original's order). */
export function sideBySide(original: readonly ProductSection[], sanitised: readonly ProductSection[]): { key: string; title: string; source: string; original: ProductSection; sanitised: ProductSection | null }[] {
  const m = new Map(sanitised.map((s) => [s.key, s]));
  return original.map((o) => ({ key: o.key, title: o.title, source: o.source, original: o, sanitised: m.get(o.key) ?? null }));
}

export const withheldText = (n: number | null | undefined): string =>
  !n ? 'No statement of the original is withheld' : `${plural(n, 'statement')} withheld`;

export interface ReleaseForm {
  recipientAgency: string;
  recipientClearance: string;
  recipientPerson: string;
  handling: 'P' | 'C';
  handlingConditions: string[];
  handlingNotes: string;
  purpose: string;
  lawfulBasis: string;
  sharingAgreement: string;
  riskAssessment: string;
  /** Narrative for the recipient, by section key: one statement per paragraph. */
  narrative: Record<string, string>;
}

export const blankRelease = (recipientAgency = ''): ReleaseForm => ({
  recipientAgency, recipientClearance: 'OFFICIAL-SENSITIVE', recipientPerson: '', handling: 'P', handlingConditions: [], handlingNotes: '',
  purpose: '', lawfulBasis: '', sharingAgreement: '', riskAssessment: '', narrative: {},
});

/** Clearances a release may be made for (the recipient's working level). */
export const RECIPIENT_CLEARANCES = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'] as const;

export function releaseProblems(f: ReleaseForm): Partial<Record<keyof ReleaseForm, string>> {
  const out: Partial<Record<keyof ReleaseForm, string>> = {};
  if (!f.recipientAgency.trim()) out.recipientAgency = 'Name the recipient agency';
  return { ...out, ...basisProblems(f) };
}

/** Paragraphs of a text area as statements (blank lines and line breaks separate them). */
export const paragraphs = (text: string): string[] => text.split(/\n+/).map((x) => x.trim()).filter(Boolean);

/** disseminateProduct's input: conditions and risk assessment only with code C; narrative only for NARRATIVE sections written. */
export function releaseInput(f: ReleaseForm, sections: readonly Pick<ProductSection, 'key' | 'source'>[]): ProductReleaseInput {
  const c = f.handling === 'C';
  const narrative = sections
    .filter((s) => s.source === 'NARRATIVE' && paragraphs(f.narrative[s.key] ?? '').length)
    .map((s) => ({ key: s.key, statements: paragraphs(f.narrative[s.key] ?? '').map((text) => ({ text, cites: [] })) }));
  return {
    recipientAgency: f.recipientAgency.trim(),
    recipientClearance: f.recipientClearance,
    recipientPerson: f.recipientPerson.trim() || null,
    handling: f.handling,
    handlingConditions: c ? [...new Set(f.handlingConditions)] : [],
    handlingNotes: f.handlingNotes.trim() || null,
    purpose: f.purpose.trim(),
    lawfulBasis: f.lawfulBasis.trim(),
    sharingAgreement: f.sharingAgreement.trim(),
    riskAssessment: c ? f.riskAssessment.trim() : null,
    narrative,
  };
}

/** Agencies offered for a release: each once, by name, never the viewer's own. */
export function agencyChoices(known: readonly KnownAgency[], own: string): KnownAgency[] {
  const m = new Map<string, KnownAgency>();
  for (const a of known) if (a.id && a.id !== own && !m.has(a.id)) m.set(a.id, a);
  return [...m.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// Lists

/** Products newest first by their last change (ISO strings order as text). */
export const newestFirst = <T extends { updatedAt?: string | null; releasedAt?: string | null }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (b.updatedAt ?? b.releasedAt ?? '').localeCompare(a.updatedAt ?? a.releasedAt ?? ''));

export const statusFilterChoices: readonly { value: ProductStatus | ''; title: string }[] = [
  { value: '', title: 'Any status' },
  ...PRODUCT_STATUSES.map((s) => ({ value: s, title: statusTitle(s) })),
];

// ---------------------------------------------------------------------------------------------
// Templates

const KEY = /^[a-z][a-z0-9-]{0,39}$/;

/** Sources that can fill a section of this product type. */
export const sourcesFor = (type: ProductType, sources: readonly SectionSource[]): SectionSource[] => sources.filter((s) => s.types.includes(type));

export function templateProblems(type: ProductType, title: string, sections: readonly TemplateSection[], sources: readonly SectionSource[]): string[] {
  const out: string[] = [];
  if (!title.trim()) out.push('Give the template a title');
  if (!sections.length) out.push('A template has at least one section');
  if (sections.length > 30) out.push('A template has at most 30 sections');
  const allowed = new Set(sourcesFor(type, sources).map((s) => s.name));
  const seen = new Set<string>();
  sections.forEach((s, i) => {
    const n = i + 1;
    if (!KEY.test(s.key.trim())) out.push(`Section ${n}: the key is 1-40 lower-case letters, digits or hyphens, starting with a letter`);
    else if (seen.has(s.key.trim())) out.push(`Section ${n}: the key ${s.key.trim()} is used twice`);
    seen.add(s.key.trim());
    if (!s.title.trim()) out.push(`Section ${n}: give it a title`);
    if (!allowed.has(s.source)) out.push(`Section ${n}: choose what fills it`);
  });
  return out;
}

export function moveItem<T>(list: readonly T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
