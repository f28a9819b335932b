import { CLASSIFICATIONS, COMPARTMENTS } from './codes.js';
import { DomainError, invalid } from './errors.js';
import { validateGrading } from './grading.js';
import { ENTITY_TYPES, LINK_TYPES, MARKING_KEYS, SYSTEM_KEYS, isEntityType, isLinkType, linkEnds, propDefs, type PropDef } from './model.js';

export interface MarkingsInput {
  classification?: string;
  agency?: string;
  compartments?: string[];
  handling?: string;
  handlingConditions?: string[];
  handlingNotes?: string;
  nfd?: boolean;
  nfdJustification?: string;
  nfdApprover?: string;
}

export interface EntityRecord {
  id: string;
  type: string;
  label: string;
  props: Record<string, unknown>;
  markings: Required<Pick<MarkingsInput, 'classification' | 'agency' | 'compartments' | 'handling'>> & MarkingsInput;
}

export interface LinkRecord {
  source: string;
  target: string;
  type: string;
  props: Record<string, unknown>;
  reportIds: string[];
  markings: EntityRecord['markings'];
  /** One of several links of a type between the same ends (see `linkId`); written by the platform only. */
  partition?: string;
  /** The ends were given the other way round (an undirected link, stored in canonical order): messages name them as given. */
  reversed?: boolean;
}

/** The role of an end as the caller gave it ("source" or "target"), for messages. */
export const givenEnd = (r: Pick<LinkRecord, 'reversed'>, end: 'source' | 'target'): 'source' | 'target' =>
  r.reversed ? (end === 'source' ? 'target' : 'source') : end;

/** JSON from a caller nests at most this deep (a request body, an uploaded document). */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a parsed JSON value nests deeper than `max`, found without recursion: code that walks
 * values recursively (validation, hashing, JSON.stringify) would exhaust the stack on it.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === 'object') stack.push([x, depth + 1]);
  }
  return false;
}

const SYSTEM_KEY_SET: ReadonlySet<string> = new Set(SYSTEM_KEYS);
const MARKING_KEY_SET: ReadonlySet<string> = new Set(MARKING_KEYS);

export const MAX_ID = 100;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function validateId(id: unknown, field = 'id'): string {
  if (typeof id !== 'string' || !ID_RE.test(id.trim())) {
    throw invalid(field, `An id is 1-100 letters, digits, '_', '.', ':' or '-', starting with a letter or digit; got ${JSON.stringify(id)}`);
  }
  return id.trim();
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A day that exists, YYYY-MM-DD in the Gregorian calendar (Date.parse would roll 1990-02-30 over
 * into March instead of refusing it). Counted, not parsed: bulk loads check millions of dates.
 */
const isRealDay = (day: string) => {
  if (!DATE_RE.test(day)) return false;
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!);
};

/** Coerces and checks one property value against its definition; returns the value to store. */
const badProp = (name: string, msg: string) => invalid(name, `${name}: ${msg}`);

export function coerceProp(name: string, def: PropDef, raw: unknown, today: string): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined;
  switch (def.kind) {
    case 'string':
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw badProp(name, 'expected text');
      const s = String(raw).normalize('NFC').trim();
      const max = def.maxLength ?? (def.kind === 'string' ? 200 : 20000);
      if (s.length > max) throw badProp(name, `at most ${max} characters (got ${s.length})`);
      return s || undefined;
    }
    case 'date':
    case 'datetime': {
      if (typeof raw !== 'string') throw badProp(name, 'expected an ISO date');
      const s = raw.trim();
      const ok = def.kind === 'date' ? DATE_RE.test(s) : !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}/.test(s);
      if (!ok || !isRealDay(s.slice(0, 10))) throw badProp(name, `expected a date as YYYY-MM-DD, got ${JSON.stringify(raw)}`);
      const iso = def.kind === 'date' ? s : new Date(s).toISOString();
      if (!def.future && iso.slice(0, 10) > today) throw badProp(name, `${iso.slice(0, 10)} is in the future`);
      return iso;
    }
    case 'int':
    case 'float': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isFinite(n) || (def.kind === 'int' && !Number.isInteger(n))) throw badProp(name, `expected ${def.kind === 'int' ? 'a whole number' : 'a number'}, got ${JSON.stringify(raw)}`);
      if (def.min !== undefined && n < def.min) throw badProp(name, `must be at least ${def.min} (got ${n})`);
      if (def.max !== undefined && n > def.max) throw badProp(name, `must be at most ${def.max} (got ${n})`);
      return n;
    }
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (/^(true|false)$/i.test(String(raw).trim())) return /^true$/i.test(String(raw).trim());
      throw badProp(name, 'expected true or false');
    case 'enum': {
      const s = String(raw).trim();
      if (!def.values!.includes(s)) throw badProp(name, `expected one of ${def.values!.join(', ')}, got ${JSON.stringify(raw)}`);
      return s;
    }
    case 'enumList':
    case 'stringList': {
      const list = Array.isArray(raw) ? raw : String(raw).split(/[;|]/);
      const out = list.map((x) => String(x).normalize('NFC').trim()).filter(Boolean);
      if (out.length > 50) throw badProp(name, 'at most 50 values');
      for (const v of out) {
        if (v.length > 200) throw badProp(name, 'each value at most 200 characters');
        if (def.kind === 'enumList' && !def.values!.includes(v)) throw badProp(name, `unknown value ${JSON.stringify(v)}; expected ${def.values!.join(', ')}`);
      }
      return [...new Set(out)];
    }
  }
}

/** Markings also arrive untyped (JSON imports, markings given among props): anything else than text is refused. */
const shown = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 80);
function markingText(m: MarkingsInput, field: keyof MarkingsInput): string | undefined {
  const v: unknown = m[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalid(field, `${field} must be text, not ${shown(v)}`);
  return v;
}
function markingList(m: MarkingsInput, field: 'compartments' | 'handlingConditions'): string[] {
  const v: unknown = m[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw invalid(field, `${field} must be a list of codes, not ${shown(v)}`);
  return v;
}

export function validateMarkings(m: MarkingsInput, defaults: { agency?: string }): EntityRecord['markings'] {
  const classification = (markingText(m, 'classification') ?? 'OFFICIAL').trim();
  if (!(CLASSIFICATIONS as readonly string[]).includes(classification)) {
    throw invalid('classification', `Classification must be one of ${CLASSIFICATIONS.join(', ')}`);
  }
  const agency = (markingText(m, 'agency') ?? defaults.agency ?? '').trim();
  if (!agency) throw invalid('agency', 'The originating agency is required');
  validateId(agency, 'agency');
  const compartments = [...new Set(markingList(m, 'compartments').map((c) => c.trim()).filter(Boolean))];
  for (const c of compartments) {
    if (!(COMPARTMENTS as readonly string[]).includes(c)) throw invalid('compartments', `Unknown compartment ${JSON.stringify(c)}`);
  }
  const handling = (markingText(m, 'handling') ?? 'P').trim();
  const handlingConditions = [...new Set(markingList(m, 'handlingConditions'))];
  const handlingNotes = markingText(m, 'handlingNotes');
  validateGrading({ handling, handlingConditions, handlingNotes });
  const out: EntityRecord['markings'] = { classification, agency, compartments, handling, handlingConditions };
  if (handlingNotes?.trim()) out.handlingNotes = handlingNotes.trim().slice(0, 2000);
  if (m.nfd !== undefined && m.nfd !== null && typeof m.nfd !== 'boolean') throw invalid('nfd', `nfd must be true or false, not ${shown(m.nfd)}`);
  if (m.nfd) {
    const nfdJustification = markingText(m, 'nfdJustification')?.trim();
    const nfdApprover = markingText(m, 'nfdApprover')?.trim();
    if (!nfdJustification) throw invalid('nfdJustification', 'Not for dissemination needs a recorded justification');
    if (!nfdApprover) throw invalid('nfdApprover', 'Not for dissemination needs an approver');
    out.nfd = true;
    out.nfdJustification = nfdJustification;
    out.nfdApprover = nfdApprover;
  }
  return out;
}

function splitInput(raw: Record<string, unknown>): { props: Record<string, unknown>; markings: MarkingsInput } {
  // No prototype: a key such as "__proto__" stays a key, and is then refused as unknown.
  const props: Record<string, unknown> = Object.create(null);
  const markings: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(raw)) {
    const v = raw[k];
    if (MARKING_KEY_SET.has(k)) markings[k] = v;
    else props[k] = v;
  }
  return { props, markings: markings as MarkingsInput };
}

export function validateProps(kind: 'entity' | 'link', type: string, raw: Record<string, unknown>, partial: boolean, today: string): Record<string, unknown> {
  const defs = propDefs(kind, type);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(raw)) {
    const v = raw[k];
    if (SYSTEM_KEY_SET.has(k)) throw invalid(k, `${k} is managed by the platform and cannot be set`);
    const def = Object.hasOwn(defs, k) ? defs[k] : undefined; // not "constructor" and the like
    if (!def) {
      // "weight" says nothing of what was counted, so it is not read as a count: the column is named.
      const hint = k === 'weight' && Object.hasOwn(defs, 'count') ? ' (give the number of calls, meetings or sightings as "count")' : '';
      throw invalid(k, `${type} has no property ${JSON.stringify(k)}${hint}; known: ${Object.keys(defs).join(', ') || 'none'}`);
    }
    const val = coerceProp(k, def, v, today);
    if (val !== undefined) out[k] = val;
    else if (partial) out[k] = null; // explicit clear on update
  }
  if (!partial) {
    for (const [k, def] of Object.entries(defs)) {
      if (def.required && out[k] === undefined) throw invalid(k, `${type} needs ${k}`);
    }
  }
  return out;
}

export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);

/** Validates an entity as given by the API or an import row (markings may be mixed into props). */
export function validateEntity(
  input: { id?: unknown; type: unknown; label?: unknown; props?: Record<string, unknown>; markings?: MarkingsInput },
  ctx: { defaultAgency?: string; today?: string; newId?: () => string },
): EntityRecord {
  const type = String(input.type ?? '').trim();
  if (!isEntityType(type)) throw invalid('type', `Unknown entity type ${JSON.stringify(input.type)}; known: ${Object.keys(ENTITY_TYPES).join(', ')}`);
  const today = ctx.today ?? todayIso();
  const split = splitInput(input.props ?? {});
  const props = validateProps('entity', type, split.props, false, today);
  if (type === 'IntelligenceReport') validateGrading(props);
  const markings = validateMarkings({ ...split.markings, ...(input.markings ?? {}) }, { agency: ctx.defaultAgency });
  const id = input.id === undefined || input.id === null || input.id === '' ? ctx.newId?.() : validateId(input.id);
  if (!id) throw invalid('id', 'An id is required');
  const labelFrom = (ENTITY_TYPES[type] as { labelFrom?: string }).labelFrom;
  let label = typeof input.label === 'string' ? input.label.normalize('NFC').trim() : '';
  if (!label) label = defaultLabel(type, props, labelFrom);
  if (!label) throw invalid('label', `${type} needs a label`);
  if (label.length > 200) throw invalid('label', 'A label is at most 200 characters');
  return { id, type, label, props, markings };
}

function defaultLabel(type: string, props: Record<string, unknown>, labelFrom?: string): string {
  if (labelFrom && props[labelFrom]) return String(props[labelFrom]);
  if (type === 'Subject' && (props.forename || props.surname)) return [props.forename, props.surname].filter(Boolean).join(' ');
  if (type === 'Location' && props.address) return String(props.address);
  if (type === 'IntelligenceReport') return `Report ${props.sourceEvaluation ?? ''}${props.intelAssessment ?? ''}`.trim();
  if (type === 'Source' && props.reference) return String(props.reference);
  return '';
}

export function validateLink(
  input: { source: unknown; target: unknown; type: unknown; props?: Record<string, unknown>; reportIds?: unknown; markings?: MarkingsInput },
  ctx: { defaultAgency?: string; today?: string },
): LinkRecord {
  const type = String(input.type ?? '').trim();
  if (!isLinkType(type)) throw invalid('type', `Unknown link type ${JSON.stringify(input.type)}; known: ${Object.keys(LINK_TYPES).join(', ')}`);
  // An undirected link is stored with its ends in canonical order: given either way round, it is one link.
  const given = { source: validateId(input.source, 'source'), target: validateId(input.target, 'target') };
  const { source, target } = linkEnds(type, given.source, given.target);
  if (source === target) throw invalid('target', 'A link cannot join an entity to itself');
  const split = splitInput(input.props ?? {});
  const props = validateProps('link', type, split.props, false, ctx.today ?? todayIso());
  if (typeof props.firstSeen === 'string' && typeof props.lastSeen === 'string' && Date.parse(props.firstSeen) > Date.parse(props.lastSeen)) {
    throw invalid('lastSeen', `lastSeen ${props.lastSeen} is before firstSeen ${props.firstSeen}`);
  }
  const reportList = Array.isArray(input.reportIds)
    ? input.reportIds
    : typeof input.reportIds === 'string' ? input.reportIds.split(/[;|]/) : [];
  const reportIds = [...new Set(reportList.map((r) => validateId(String(r).trim(), 'reportIds')))];
  const markings = validateMarkings({ ...split.markings, ...(input.markings ?? {}) }, { agency: ctx.defaultAgency });
  return { source, target, type, props, reportIds, markings, ...(source !== given.source ? { reversed: true } : {}) };
}

export function assertNotTooMany<T>(items: T[], max: number, field: string): T[] {
  if (items.length > max) throw new DomainError('LIMIT_EXCEEDED', `At most ${max} ${field} per request`, field);
  return items;
}
