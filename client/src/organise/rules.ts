import type { ChartDoc } from '../workspace/chartDoc.js';
import { chartDegrees, ocgRoles } from '../workspace/derive.js';
import type { GraphNode } from '../workspace/types.js';
import type { Condition, RuleEffect, StyleRule } from './model.js';

/**
 * Styling rules: a condition on an entity -> a colour, size or badge. Rules are read top to
 * bottom and, for each of colour, size and badge, **the first enabled rule that matches and sets
 * it wins** (later rules fill in only what earlier ones left unset), so the rule list reads as a
 * priority order. Stubs (restricted entities) are never styled by rules: what they hold is not
 * the viewer's to test.
 */
export interface EntityFacts {
  node: GraphNode;
  /** Links on the chart. */
  degree: number;
  /** Most senior OCG role on the chart, if a member of one. */
  role?: string;
}

const norm = (v: unknown) => String(v).trim().toLowerCase();
const asNumber = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** a > b (numbers as numbers, ISO dates as dates; otherwise false). */
function greater(a: unknown, b: unknown): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x > y;
  if (typeof a === 'string' && typeof b === 'string' && ISO_DATE.test(a) && ISO_DATE.test(b)) return a > b;
  return false;
}

function propertyValue(node: GraphNode, key: string): unknown {
  if (key === 'label' || key === 'name') return node.label;
  return node.props?.[key];
}

export function matches(c: Condition, f: EntityFacts): boolean {
  const n = f.node;
  if (n.restricted) return false;
  switch (c.kind) {
    case 'type': return n.type === c.type;
    case 'marking': return n.markings?.classification === c.classification;
    case 'role': return f.role !== undefined && (c.role === 'ANY' || f.role === c.role);
    case 'degree': return c.op === 'gt' ? f.degree > c.value : c.op === 'lt' ? f.degree < c.value : f.degree === c.value;
    case 'property': {
      const v = propertyValue(n, c.key);
      if (v === undefined || v === null) return false;
      const values = Array.isArray(v) ? v : [v];
      return values.some((x) => {
        if (c.op === 'equals') return norm(x) === norm(c.value);
        if (c.op === 'contains') return norm(x).includes(norm(c.value));
        if (c.op === 'gt') return greater(x, c.value);
        return greater(c.value, x);
      });
    }
  }
}

/** The look the rules give one entity (first matching rule per attribute), and which rules matched. */
export function evaluateRules(rules: readonly StyleRule[], f: EntityFacts): RuleEffect & { matched: string[] } {
  const out: RuleEffect & { matched: string[] } = { matched: [] };
  for (const r of rules) {
    if (!r.enabled || !matches(r.when, f)) continue;
    out.matched.push(r.id);
    if (out.colour === undefined && r.then.colour) out.colour = r.then.colour;
    if (out.size === undefined && r.then.size) out.size = r.then.size;
    if (out.badge === undefined && r.then.badge) out.badge = r.then.badge;
  }
  return out;
}

/** The look of every entity some rule styles (entities no rule touches are left out). */
export function ruleStyles(doc: ChartDoc, rules: readonly StyleRule[]): Map<string, RuleEffect> {
  const out = new Map<string, RuleEffect>();
  const active = rules.filter((r) => r.enabled);
  if (!active.length) return out;
  const degrees = active.some((r) => r.when.kind === 'degree') ? chartDegrees(doc) : null;
  const roles = active.some((r) => r.when.kind === 'role') ? ocgRoles(doc) : null;
  for (const [id, n] of doc.nodes) {
    const e = evaluateRules(active, { node: n.data, degree: degrees?.get(id) ?? 0, role: roles?.get(id) });
    if (e.matched.length) out.set(id, { colour: e.colour, size: e.size, badge: e.badge });
  }
  return out;
}

const OPS: Record<string, string> = { equals: 'is', contains: 'contains', gt: 'greater than', lt: 'less than' };

/** The rule as the legend and the editor say it: "Type is Subject → colour, badge ★". */
export function describeCondition(c: Condition, titles: { entity?: (t: string) => string; code?: (c: string) => string } = {}): string {
  const code = titles.code ?? ((x: string) => x);
  switch (c.kind) {
    case 'type': return `Type is ${titles.entity ? titles.entity(c.type) : c.type}`;
    case 'marking': return `Marking is ${c.classification}`;
    case 'role': return c.role === 'ANY' ? 'Has an OCG role' : `OCG role is ${code(c.role)}`;
    case 'degree': return `Links on chart ${c.op === 'equals' ? '=' : c.op === 'gt' ? '>' : '<'} ${c.value}`;
    case 'property': return `${c.key} ${OPS[c.op]} “${c.value}”`;
  }
}

export function describeEffect(e: RuleEffect): string {
  const parts: string[] = [];
  if (e.colour) parts.push(`colour ${e.colour}`);
  if (e.size) parts.push(`size ${e.size}`);
  if (e.badge) parts.push(`badge ${e.badge}`);
  return parts.join(', ') || 'no change';
}

/** A new rule's errors (empty when it can be added). */
export function ruleProblems(r: Pick<StyleRule, 'when' | 'then'>): string[] {
  const p: string[] = [];
  const c = r.when;
  if (c.kind === 'type' && !c.type) p.push('Choose an entity type');
  if (c.kind === 'property') {
    if (!c.key.trim()) p.push('Name the property');
    if (!String(c.value).trim()) p.push('Give a value to compare with');
    if ((c.op === 'gt' || c.op === 'lt') && asNumber(c.value) === undefined && !ISO_DATE.test(c.value)) p.push('Greater / less than compare numbers or dates (yyyy-mm-dd)');
  }
  if (c.kind === 'degree' && !(Number.isInteger(c.value) && c.value >= 0)) p.push('Links must be a whole number, 0 or more');
  if (c.kind === 'marking' && !c.classification) p.push('Choose a marking');
  const e = r.then;
  if (!e.colour && !e.size && !e.badge) p.push('Choose a colour, size or badge');
  if (e.colour && !/^#[0-9a-f]{6}$/i.test(e.colour)) p.push('Colour must be #rrggbb');
  if (e.size !== undefined && !(e.size >= 12 && e.size <= 120)) p.push('Size must be between 12 and 120');
  if (e.badge !== undefined && [...e.badge].length > 2) p.push('A badge is one or two characters');
  return p;
}
