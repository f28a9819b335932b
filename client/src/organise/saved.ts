import type { Annotation, AnnotationKind, ChartGroup, Comparison, Condition, Organise, RuleEffect, StyleRule } from './model.js';
import { ANNOTATION_DEFAULTS } from './model.js';

/**
 * The organisation as saved with a chart (plain JSON in the chart's layout) and read back. Reading
 * is forgiving: a malformed entry is dropped on its own and everything valid is kept, so one bad
 * rule never costs the analyst the rest of the chart. `readOrganise(saveOrganise(o))` equals `o`.
 */
export interface SavedOrganise {
  groups: ChartGroup[];
  annotations: Annotation[];
  rules: StyleRule[];
}

export function saveOrganise(o: Organise): SavedOrganise {
  return JSON.parse(JSON.stringify({ groups: o.groups, annotations: o.annotations, rules: o.rules })) as SavedOrganise;
}

type Raw = Record<string, unknown>;
const obj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const pos = (v: unknown) => (obj(v) && num(v.x) && num(v.y) ? { x: v.x, y: v.y } : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function readGroup(v: unknown): ChartGroup | undefined {
  if (!obj(v) || !str(v.id) || !v.id.startsWith('group:') || !str(v.label)) return undefined;
  const members = list(v.members).filter(str);
  const position = pos(v.position);
  if (!members.length || !position || (v.kind !== 'group' && v.kind !== 'ocg')) return undefined;
  return { id: v.id, kind: v.kind, label: v.label, members, position, ...(str(v.ocg) ? { ocg: v.ocg } : {}) };
}

function readAnnotation(v: unknown): Annotation | undefined {
  if (!obj(v) || !str(v.id) || !v.id.startsWith('note:')) return undefined;
  const kind = v.kind as AnnotationKind;
  if (!(kind in ANNOTATION_DEFAULTS)) return undefined;
  const position = pos(v.position);
  if (!position) return undefined;
  const d = ANNOTATION_DEFAULTS[kind];
  return {
    id: v.id, kind, text: str(v.text) ? v.text : '', position,
    width: num(v.width) && v.width > 0 ? v.width : d.width, height: num(v.height) && v.height > 0 ? v.height : d.height,
    colour: str(v.colour) && /^#[0-9a-f]{6}$/i.test(v.colour) ? v.colour : d.colour,
  };
}

const COMPARISONS: Comparison[] = ['equals', 'contains', 'gt', 'lt'];

function readCondition(v: unknown): Condition | undefined {
  if (!obj(v)) return undefined;
  switch (v.kind) {
    case 'type': return str(v.type) ? { kind: 'type', type: v.type } : undefined;
    case 'marking': return str(v.classification) ? { kind: 'marking', classification: v.classification } : undefined;
    case 'role': return str(v.role) ? { kind: 'role', role: v.role } : undefined;
    case 'degree': return num(v.value) && (v.op === 'gt' || v.op === 'lt' || v.op === 'equals') ? { kind: 'degree', op: v.op, value: v.value } : undefined;
    case 'property': return str(v.key) && str(v.value) && COMPARISONS.includes(v.op as Comparison) ? { kind: 'property', key: v.key, op: v.op as Comparison, value: v.value } : undefined;
    default: return undefined;
  }
}

function readEffect(v: unknown): RuleEffect | undefined {
  if (!obj(v)) return undefined;
  const e: RuleEffect = {};
  if (str(v.colour) && /^#[0-9a-f]{6}$/i.test(v.colour)) e.colour = v.colour;
  if (num(v.size) && v.size > 0) e.size = v.size;
  if (str(v.badge) && v.badge) e.badge = v.badge;
  return e.colour || e.size || e.badge ? e : undefined;
}

function readRule(v: unknown): StyleRule | undefined {
  if (!obj(v) || !str(v.id)) return undefined;
  const when = readCondition(v.when);
  const then = readEffect(v.then);
  return when && then ? { id: v.id, enabled: v.enabled !== false, when, then } : undefined;
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;
const unique = <T extends { id: string }>(xs: T[]) => xs.filter((x, i) => xs.findIndex((y) => y.id === x.id) === i);

/** Reads a saved organisation (absent in charts saved before it existed: an empty one). */
export function readOrganise(v: unknown): Organise {
  if (!obj(v)) return { groups: [], annotations: [], rules: [] };
  return {
    groups: unique(list(v.groups).map(readGroup).filter(defined)),
    annotations: unique(list(v.annotations).map(readAnnotation).filter(defined)),
    rules: unique(list(v.rules).map(readRule).filter(defined)),
  };
}
