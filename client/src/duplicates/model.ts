import { ukDate } from '../ui/evidence.js';
import type { GraphEdge, GraphNode } from '../workspace/types.js';

/**
 * Candidate duplicates as an analyst reads them: the server's reasons in plain words (UK dates),
 * the two records' fields side by side with what agrees and what differs, which record to keep,
 * and what a merge will do to the links. Plain functions over plain data.
 */

export interface DuplicatePair {
  a: GraphNode;
  b: GraphNode;
  score: number;
  evidence: string[];
}

export interface EvidenceItem {
  text: string;
  /** The reason weighs against the pair being one person. */
  against: boolean;
}

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;
const ukDates = (s: string) => s.replace(ISO_DATE, (d) => ukDate(d));
const pairText = (s: string) => s.split(', ').map((p) => p.split('/').join(' and ')).join('; ');

/** The server's reason phrases, in the words an analyst reads (the unknown ones kept, with UK dates). */
const WORDING: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^same date of birth (.+)$/, (m) => `Same date of birth: ${ukDates(m[1]!)}`],
  [/^same name: (.+)$/, (m) => `Same name: ${m[1]}`],
  [/^names sound alike: (.+)$/, (m) => `Names sound alike: ${pairText(m[1]!)}`],
  [/^names spelt alike: (.+)$/, (m) => `Names spelt alike (a letter or two apart): ${pairText(m[1]!)}`],
  [/^initial matches name: (.+)$/, (m) => `An initial matches a name: ${pairText(m[1]!)}`],
  [/^forename and surname swapped: (.+)$/, (m) => `Forename and surname swapped: ${m[1]!.split('/').join(' and ')}`],
  [/^both use phone (.+)$/, (m) => `Both use phone ${m[1]}`],
  [/^both live at (.+)$/, (m) => `Both live at ${m[1]}`],
  [/^but different dates of birth (.+) and (.+)$/, (m) => `Different dates of birth: ${ukDates(m[1]!)} and ${ukDates(m[2]!)}`],
];

export function evidenceItem(reason: string): EvidenceItem {
  const against = /^but\b/.test(reason);
  for (const [re, word] of WORDING) {
    const m = reason.match(re);
    if (m) return { text: word(m), against };
  }
  const t = ukDates(reason.replace(/^but /, ''));
  return { text: t.charAt(0).toUpperCase() + t.slice(1), against };
}

export const evidenceItems = (reasons: string[]): EvidenceItem[] => reasons.map(evidenceItem);

export type ScoreBand = 'strong' | 'likely' | 'possible';

export function scoreBand(score: number): ScoreBand {
  // Banded on the percentage shown, so the words never disagree with the number.
  const pct = Math.round(score * 100);
  return pct >= 85 ? 'strong' : pct >= 70 ? 'likely' : 'possible';
}

/** "87% — strong match" */
export function scoreText(score: number): string {
  const pct = Math.round(Math.max(0, Math.min(1, score)) * 100);
  return `${pct}% — ${scoreBand(score)} match`;
}

// ---------------------------------------------------------------------------------------------
// Fields side by side
// ---------------------------------------------------------------------------------------------

/** same: identical; alike: equal once case, accents and spacing are set aside, or named alike in the reasons; differ; one: held by one record only. */
export type FieldAgreement = 'same' | 'alike' | 'differ' | 'one';

export interface FieldRow {
  key: string;
  title: string;
  a: string;
  b: string;
  agreement: FieldAgreement;
}

/** A person's fields in reading order; other fields follow in name order. */
const KNOWN_FIELDS: [string, string][] = [
  ['forename', 'Forename'], ['surname', 'Surname'], ['aliases', 'Aliases'], ['dob', 'Date of birth'],
  ['gender', 'Gender'], ['pncId', 'PNC id'], ['nationality', 'Nationality'],
];
/** Free text is shown on the record, not compared. */
const NOT_COMPARED = new Set(['notes', 'text', 'sanitisedText']);

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

function shown(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (Array.isArray(v)) return v.map((x) => shown(key, x)).filter(Boolean).join(', ');
  if (typeof v === 'string') return key === 'dob' || /date/i.test(key) ? ukDate(v) : v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const title = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** Pairs of words the server's reasons call alike ("names sound alike: Steven/Stephen"). */
function namedAlike(evidence: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const r of evidence) {
    const m = r.match(/^(?:names sound alike|names spelt alike|initial matches name): (.+)$/);
    if (!m) continue;
    for (const p of m[1]!.split(', ')) {
      const [x, y] = p.split('/');
      if (x && y) out.push([fold(x), fold(y)]);
    }
  }
  return out;
}

function agreement(a: string, b: string, alike: [string, string][], list: boolean): FieldAgreement {
  if (!a || !b) return 'one';
  if (a === b) return 'same';
  const fa = fold(a);
  const fb = fold(b);
  if (fa === fb) return 'alike';
  if (list) {
    const sa = new Set(fa.split(', '));
    if (fb.split(', ').some((x) => sa.has(x))) return 'alike';
  }
  const named = (x: string, y: string) => x === y || alike.some(([p, q]) => (p === x && q === y) || (p === y && q === x));
  if (named(fa, fb)) return 'alike';
  // A whole name is alike when each of its words is (Steven Dupleton / Stephen Dupleton).
  const wa = fa.split(' ');
  const wb = fb.split(' ');
  if (wa.length > 1 && wa.length === wb.length && wa.every((w, i) => named(w, wb[i]!))) return 'alike';
  return 'differ';
}

/** The two records' fields side by side: the name first, then a person's fields, then the rest. */
export function compareFields(a: GraphNode, b: GraphNode, evidence: string[] = []): FieldRow[] {
  const alike = namedAlike(evidence);
  const pa = a.props ?? {};
  const pb = b.props ?? {};
  const known = new Set(KNOWN_FIELDS.map(([k]) => k));
  const others = [...new Set([...Object.keys(pa), ...Object.keys(pb)])]
    .filter((k) => !known.has(k) && !NOT_COMPARED.has(k))
    .sort()
    .map((k): [string, string] => [k, title(k)]);
  const rows: FieldRow[] = [];
  const nameA = a.label ?? '';
  const nameB = b.label ?? '';
  rows.push({ key: 'label', title: 'Name', a: nameA, b: nameB, agreement: agreement(nameA, nameB, alike, false) });
  for (const [key, t] of [...KNOWN_FIELDS, ...others]) {
    const va = shown(key, pa[key]);
    const vb = shown(key, pb[key]);
    if (!va && !vb) continue;
    rows.push({ key, title: t, a: va, b: vb, agreement: agreement(va, vb, alike, Array.isArray(pa[key]) || Array.isArray(pb[key])) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Which record is kept, and what a merge does
// ---------------------------------------------------------------------------------------------

export interface Support {
  /** Links the viewer sees on the record. */
  links: number;
  /** Intelligence reports behind those links (a report counted once per link). */
  reports: number;
  /** Fields filled in. */
  fields: number;
}

/** How well a record is supported, from the links read around it. */
export function supportOf(node: GraphNode, edges: GraphEdge[]): Support {
  const seen = new Set<string>();
  const own = edges.filter((e) => !e.restricted && (e.source === node.id || e.target === node.id) && !seen.has(e.id) && !!seen.add(e.id));
  const fields = Object.values(node.props ?? {}).filter((v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)).length;
  return { links: own.length, reports: own.reduce((s, e) => s + (e.reportCount ?? 0), 0), fields };
}

/**
 * The record to keep by default: the better supported (more links, then more reports, then more
 * fields filled in); the first of the pair when neither is better. `why` says which told.
 */
export function defaultKept(pair: Pick<DuplicatePair, 'a' | 'b'>, sa: Support | null, sb: Support | null): { keepId: string; why: string } {
  if (sa && sb) {
    for (const [k, what] of [['links', 'links'], ['reports', 'supporting reports'], ['fields', 'details recorded']] as const) {
      if (sa[k] !== sb[k]) {
        const keepA = sa[k] > sb[k];
        return { keepId: keepA ? pair.a.id : pair.b.id, why: `it has more ${what} (${Math.max(sa[k], sb[k])} against ${Math.min(sa[k], sb[k])})` };
      }
    }
    return { keepId: pair.a.id, why: 'both are equally supported: the first is proposed' };
  }
  return { keepId: pair.a.id, why: 'the first is proposed' };
}

export interface MergePlan {
  /** Links of the merged record that move to the kept one. */
  moving: GraphEdge[];
  /** Of those, links the kept record already has (same type, same other end): their reports are combined. */
  combined: GraphEdge[];
  /** Links joining the two records: retired, as they would join the record to itself. */
  between: GraphEdge[];
}

/** What merging `mergeId` into `keepId` does to the links read around them. */
export function mergePlan(keepId: string, mergeId: string, edges: GraphEdge[]): MergePlan {
  const ends = (e: GraphEdge) => [e.source, e.target];
  const touches = (e: GraphEdge, id: string) => ends(e).includes(id);
  const seen = new Set<string>();
  const uniq = edges.filter((e) => !e.restricted && !seen.has(e.id) && seen.add(e.id));
  const between = uniq.filter((e) => touches(e, keepId) && touches(e, mergeId));
  const moving = uniq.filter((e) => touches(e, mergeId) && !touches(e, keepId));
  const other = (e: GraphEdge, id: string) => (e.source === id ? e.target : e.source);
  const keptHas = new Set(uniq.filter((e) => touches(e, keepId) && !touches(e, mergeId)).map((e) => `${e.type}|${other(e, keepId)}`));
  const combined = moving.filter((e) => keptHas.has(`${e.type}|${other(e, mergeId)}`));
  return { moving, combined, between };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The confirmation's account of what the merge will do. */
export function mergeSummary(keep: GraphNode, merge: GraphNode, plan: MergePlan, partial = false): string[] {
  const lines: string[] = [];
  lines.push(`“${merge.label}” (${merge.id}) will be merged into “${keep.label}” (${keep.id}), which is kept.`);
  if (!plan.moving.length) lines.push(`“${merge.label}” has no other links to move.`);
  else {
    const parts = [`${plural(plan.moving.length, 'link')} move${plan.moving.length === 1 ? 's' : ''} across to “${keep.label}” with ${plan.moving.length === 1 ? 'its' : 'their'} supporting reports`];
    if (plan.combined.length) parts.push(`${plural(plan.combined.length, 'is', 'are')} joined with a link “${keep.label}” already has (reports combined)`);
    lines.push(`${parts.join('; ')}.`);
  }
  if (plan.between.length) lines.push(`${plural(plan.between.length, 'link')} between the two records ${plan.between.length === 1 ? 'is' : 'are'} retired.`);
  if (partial) lines.push('Some links could not be counted here (more than were read, or not visible to you): all of them move.');
  lines.push(`“${merge.label}” is then archived. “Undo merge” on this screen puts everything back as it was.`);
  return lines;
}

/** Why this role may not merge, or null. The server's rule: the role's permissions include `merge`. */
export function permissionRefusal(permissions: readonly string[], role: string): string | null {
  return permissions.includes('merge') ? null : `Your role (${role.replace(/_/g, ' ').toLowerCase()}) does not allow merging records: an analyst or intelligence manager can merge them.`;
}

/** Why the merge control is not offered for a pair, or null when it is. Mirrors the server: the merge permission, and full access to both records. */
export function mergeRefusal(permissions: readonly string[], role: string, pair: Pick<DuplicatePair, 'a' | 'b'>): string | null {
  const refused = permissionRefusal(permissions, role);
  if (refused) return refused;
  const partial = [pair.a, pair.b].find((n) => n.access && n.access !== 'full');
  if (partial) return `You hold only a ${partial.access} copy of “${partial.label}”: the owning agency can merge it.`;
  return null;
}

/** A pair's key, the same whichever way round. */
export const pairKey = (p: Pick<DuplicatePair, 'a' | 'b'>) => [p.a.id, p.b.id].sort().join('|');
