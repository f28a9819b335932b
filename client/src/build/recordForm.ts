import { CLASSIFICATIONS, COMPARTMENTS, HANDLING_CONDITIONS, INTEL_ASSESSMENT, SOURCE_EVALUATION } from '../../../server/domain/codes.js';
import { ENTITY_TYPES, LINK_TYPES, isDirected, linkAllowed, propDefs, type LinkType, type PropDef, type PropKind } from '../../../server/domain/model.js';
import { coerceProp, validateEntity, validateMarkings, type MarkingsInput } from '../../../server/domain/validate.js';
import { humanCode, propName } from '../ui/format.js';
import { parseUkDate, ukDate, ukDateTime } from '../ui/evidence.js';
import type { GraphNode, Markings } from '../workspace/types.js';

/**
 * Forms for building a chart by hand, generated from the model: one field per property of an
 * entity or link type (its kind, whether it is required, its allowed values), the markings every
 * record carries, and the reading of what was typed into what the API takes. The same checks as
 * the server's (its own coercion functions), so the analyst is told at once and on the right field;
 * what only the server can know (access, ownership) comes back as an error on its field too.
 */
export interface FieldSpec {
  name: string;
  title: string;
  kind: PropKind;
  required: boolean;
  /** Allowed values of an enum or enum list, with their wording. */
  options?: { value: string; label: string }[];
  /** How to type it (dates in UK form, lists separated by commas). */
  hint?: string;
  multiline: boolean;
}

/** What a form holds: text as typed; the chosen values of a multiple choice. */
export type FormValues = Record<string, string | string[]>;
/** Messages by form key: a property's name, `label`, `marking.<name>` or `form` (no one field). */
export type FormErrors = Record<string, string>;

export const LABEL_KEY = 'label';
export const FORM_KEY = 'form';
export const markingKey = (name: string) => `marking.${name}`;

/** Wording of a code where the model's codes carry one (3x5x2 grading), else the code in words. */
const OPTION_WORDS: Record<string, Record<string, string>> = { sourceEvaluation: SOURCE_EVALUATION, intelAssessment: INTEL_ASSESSMENT };

const HINTS: Partial<Record<PropKind, string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  stringList: 'separate with commas',
  int: 'a whole number',
  float: 'a number',
};

function specOf(name: string, def: PropDef): FieldSpec {
  const words = OPTION_WORDS[name];
  const range = def.min !== undefined && def.max !== undefined ? `${def.min} to ${def.max}` : undefined;
  return {
    name,
    title: propName(name),
    kind: def.kind,
    required: !!def.required,
    options: def.values?.map((v) => ({ value: v, label: words?.[v] ? `${v}: ${words[v]}` : humanCode(v) })),
    hint: range && (def.kind === 'int' || def.kind === 'float') ? `${HINTS[def.kind]}, ${range}` : HINTS[def.kind],
    multiline: def.kind === 'text',
  };
}

/**
 * The fields of an entity or link type, required ones first, in the model's order otherwise;
 * `only` keeps those named (in that order).
 */
export function fieldsFor(kind: 'entity' | 'link', type: string, only?: readonly string[]): FieldSpec[] {
  const defs = propDefs(kind, type);
  if (only) return only.filter((n) => Object.hasOwn(defs, n)).map((n) => specOf(n, defs[n]!));
  const all = Object.entries(defs).map(([n, d]) => specOf(n, d));
  return [...all.filter((f) => f.required), ...all.filter((f) => !f.required)];
}

/** The fields of a report written while drawing a link: its text, its 3x5x2 grade and how it came in. */
export const REPORT_FIELDS = ['text', 'sourceEvaluation', 'intelAssessment', 'eventDate', 'howObtained', 'purpose'] as const;

export function blankValues(fields: readonly FieldSpec[]): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.kind === 'enumList' ? [] : '']));
}

/** A record's stored properties as the form shows them (dates in UK form, lists with commas). */
export function valuesOf(fields: readonly FieldSpec[], props: Record<string, unknown>): FormValues {
  const out = blankValues(fields);
  for (const f of fields) {
    const v = props[f.name];
    if (v === undefined || v === null) continue;
    if (f.kind === 'enumList') out[f.name] = Array.isArray(v) ? v.map(String) : [String(v)];
    else if (f.kind === 'stringList') out[f.name] = Array.isArray(v) ? v.map(String).join(', ') : String(v);
    else if (f.kind === 'date') out[f.name] = ukDate(String(v));
    else if (f.kind === 'datetime') out[f.name] = ukDateTime(String(v));
    else out[f.name] = String(v);
  }
  return out;
}

/** Dates in messages read in UK form, as everywhere else the analyst sees one. */
export const ukMessage = (msg: string): string => msg.replace(/\b(\d{4}-\d{2}-\d{2})(?:T[\d:.]+Z)?\b/g, (_, d: string) => ukDate(d));

/** The message of a refusal by the model's rules, without the field name it starts with. */
function refusal(name: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return ukMessage(msg.startsWith(`${name}: `) ? msg.slice(name.length + 2) : msg);
}

/** UK local time (Europe/London) of a wall-clock moment, as an ISO instant. */
function londonInstant(y: number, mo: number, d: number, h: number, mi: number): string {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(guess).reduce<Record<string, number>>((a, p) => (p.type === 'literal' ? a : { ...a, [p.type]: Number(p.value) }), {});
  const shown = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return new Date(guess - (shown - guess)).toISOString();
}

/** A typed date or date-time as the ISO text the model takes; null when it is not one. */
export function isoOfTyped(kind: 'date' | 'datetime', text: string): string | null {
  const s = text.trim();
  if (!s) return '';
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s; // ISO typed or pasted: the model checks it
  const m = /^(\S+)(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  const day = m ? parseUkDate(m[1]!) : null;
  if (!m || !day) return null;
  if (kind === 'date') return m[2] ? null : day;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const h = m[2] ? Number(m[2]) : 0;
  const mi = m[3] ? Number(m[3]) : 0;
  if (h > 23 || mi > 59) return null;
  return londonInstant(y, mo, d, h, mi);
}

/** One field's typed value as the model takes it: undefined when empty; throws the model's refusal. */
function readField(f: FieldSpec, def: PropDef, raw: string | string[] | undefined, today: string): unknown {
  if (raw === undefined) return undefined;
  let value: unknown = raw;
  if (f.kind === 'date' || f.kind === 'datetime') {
    const iso = isoOfTyped(f.kind, String(raw));
    if (iso === null) throw new Error(`expected a date as ${f.kind === 'date' ? 'dd/mm/yyyy' : 'dd/mm/yyyy hh:mm'}, got ${JSON.stringify(String(raw).trim())}`);
    value = iso;
  } else if (f.kind === 'stringList') {
    value = String(raw).split(/[,;|]/);
  }
  const v = coerceProp(f.name, def, value, today);
  return Array.isArray(v) && !v.length ? undefined : v;
}

/**
 * Reads a form's properties. A new record (`partial` false) sends what was filled in and needs
 * every required field; an edit sends only the changes against `current`, null clearing one.
 */
export function readProps(
  kind: 'entity' | 'link', type: string, fields: readonly FieldSpec[], values: FormValues,
  opts: { today: string; current?: Record<string, unknown> },
): { props: Record<string, unknown>; errors: FormErrors } {
  const defs = propDefs(kind, type);
  const props: Record<string, unknown> = {};
  const errors: FormErrors = {};
  for (const f of fields) {
    const def = defs[f.name];
    if (!def) continue;
    let v: unknown;
    try {
      v = readField(f, def, values[f.name], opts.today);
    } catch (e) {
      errors[f.name] = refusal(f.name, e);
      continue;
    }
    if (v === undefined && f.required) {
      errors[f.name] = `${f.title} is required`;
      continue;
    }
    if (!opts.current) {
      if (v !== undefined) props[f.name] = v;
      continue;
    }
    const was = opts.current[f.name];
    if (v === undefined) {
      if (was !== undefined && was !== null && was !== '') props[f.name] = null;
    } else if (JSON.stringify(v) !== JSON.stringify(was)) {
      props[f.name] = v;
    }
  }
  return { props, errors };
}

// ---- markings ----

export interface MarkingsForm {
  classification: string;
  handling: 'P' | 'C';
  handlingConditions: string[];
  handlingNotes: string;
  compartments: string[];
}

/** A new record's markings: OFFICIAL, handling P, no compartments. */
export const defaultMarkings = (): MarkingsForm => ({ classification: 'OFFICIAL', handling: 'P', handlingConditions: [], handlingNotes: '', compartments: [] });

export function markingsOf(m: Markings | null | undefined): MarkingsForm {
  if (!m) return defaultMarkings();
  return {
    classification: m.classification,
    handling: m.handling === 'C' ? 'C' : 'P',
    handlingConditions: [...(m.handlingConditions ?? [])],
    handlingNotes: m.handlingNotes ?? '',
    compartments: [...(m.compartments ?? [])],
  };
}

export const CLASSIFICATION_CHOICES = CLASSIFICATIONS;
export const COMPARTMENT_CHOICES = COMPARTMENTS;
export const CONDITION_CHOICES = Object.entries(HANDLING_CONDITIONS).map(([code, meaning]) => ({ code, meaning }));

/**
 * The markings as the API takes them, checked as the server checks them (a C handling code needs
 * its conditions written down). The owner is the writer's agency: the server sets it.
 */
export function readMarkings(form: MarkingsForm, agency: string): { markings: MarkingsInput; errors: FormErrors } {
  const markings: MarkingsInput = {
    classification: form.classification,
    compartments: form.compartments,
    handling: form.handling,
    handlingConditions: form.handling === 'C' ? form.handlingConditions : [],
    handlingNotes: form.handling === 'C' ? form.handlingNotes.trim() : '',
  };
  const errors: FormErrors = {};
  try {
    validateMarkings(markings, { agency });
  } catch (e) {
    const field = (e as { field?: string }).field ?? 'handling';
    errors[markingKey(field)] = field === 'handlingConditions'
      ? 'Handling code C needs its conditions: choose a condition code or write them down'
      : refusal(field, e);
  }
  return { markings, errors };
}

export const sameMarkings = (a: MarkingsForm, b: MarkingsForm): boolean => JSON.stringify(readMarkings(a, 'x').markings) === JSON.stringify(readMarkings(b, 'x').markings);

// ---- whole records ----

/** Types whose record needs a label typed when its properties do not give one. */
export function labelHint(type: string): string {
  const from = (ENTITY_TYPES as Record<string, { labelFrom?: string }>)[type]?.labelFrom;
  if (from) return `optional: the ${propName(from)} when left empty`;
  if (type === 'Subject') return 'optional: forename and surname when left empty';
  if (type === 'Location') return 'optional: the address when left empty';
  if (type === 'Source') return 'optional: the reference when left empty';
  if (type === 'IntelligenceReport') return 'optional: the grade when left empty';
  return 'required';
}

export interface EntityDraft { type: string; label?: string; props: Record<string, unknown>; markings: MarkingsInput }

/** A new entity from its form: the input for createEntity, or the messages by field. */
export function readNewEntity(
  type: string, label: string, values: FormValues, markingsForm: MarkingsForm, ctx: { agency: string; today: string; only?: readonly string[] },
): { draft: EntityDraft; errors: FormErrors } {
  const fields = fieldsFor('entity', type, ctx.only);
  const { props, errors } = readProps('entity', type, fields, values, { today: ctx.today });
  const m = readMarkings(markingsForm, ctx.agency);
  Object.assign(errors, m.errors);
  const draft: EntityDraft = { type, ...(label.trim() ? { label: label.trim() } : {}), props, markings: m.markings };
  if (!Object.keys(errors).length) {
    // The server's own check of the whole record: here it finds a label that cannot be made.
    try {
      validateEntity({ ...draft, markings: { ...draft.markings, agency: ctx.agency } }, { today: ctx.today, newId: () => 'new' });
    } catch (e) {
      const field = (e as { field?: string }).field ?? FORM_KEY;
      errors[formKeyOf(field, fields)] = field === 'label' ? `A ${propName(type).toLowerCase()} needs a label here (its properties do not give one)` : refusal(field, e);
    }
  }
  return { draft, errors };
}

/** An edit of an entity: only what changed (an empty patch changes nothing), or the messages by field. */
export function readEntityEdit(
  node: GraphNode, label: string, values: FormValues, markingsForm: MarkingsForm, ctx: { agency: string; today: string },
): { patch: { label?: string; props?: Record<string, unknown>; markings?: MarkingsInput }; errors: FormErrors } {
  const fields = fieldsFor('entity', node.type);
  const { props, errors } = readProps('entity', node.type, fields, values, { today: ctx.today, current: node.props });
  const m = readMarkings(markingsForm, ctx.agency);
  Object.assign(errors, m.errors);
  const patch: { label?: string; props?: Record<string, unknown>; markings?: MarkingsInput } = {};
  if (label.trim() && label.trim() !== node.label) patch.label = label.trim();
  if (!label.trim()) errors[LABEL_KEY] = 'The label cannot be empty';
  if (Object.keys(props).length) patch.props = props;
  if (!sameMarkings(markingsForm, markingsOf(node.markings))) patch.markings = m.markings;
  return { patch, errors };
}

/** Where the server's error about `field` is shown: on that field of the form, or above it. */
export function formKeyOf(field: string | undefined, fields: readonly FieldSpec[]): string {
  if (!field) return FORM_KEY;
  if (field === 'label') return LABEL_KEY;
  if (fields.some((f) => f.name === field)) return field;
  if (['classification', 'compartments', 'handling', 'handlingConditions', 'handlingNotes'].includes(field)) return markingKey(field);
  return FORM_KEY;
}

/** The messages left once a field is changed (its own message goes; it is checked again on saving). */
export function afterEdit(errors: FormErrors, key: string): FormErrors {
  const gone = key === 'markings' ? Object.keys(errors).filter((k) => k.startsWith('marking.')) : [key];
  if (!gone.some((k) => k in errors)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !gone.includes(k)));
}

/** The form's keys in the order they are laid out, for moving focus to the first one at fault. */
export function firstInvalid(order: readonly string[], errors: FormErrors): string | undefined {
  return order.find((k) => errors[k]) ?? (errors[FORM_KEY] ? FORM_KEY : Object.keys(errors)[0]);
}

// ---- links ----

export interface LinkChoice {
  type: LinkType;
  title: string;
  /** The entity the link starts from ('a' as selected first, or 'b': flipped to fit the model). */
  from: 'a' | 'b';
  directed: boolean;
}

/**
 * The link types the model allows between two entity types, either way round: a type allowed
 * only from b to a is offered flipped.
 */
export function linkChoices(aType: string, bType: string): LinkChoice[] {
  const out: LinkChoice[] = [];
  for (const type of Object.keys(LINK_TYPES) as LinkType[]) {
    const def = LINK_TYPES[type];
    const from = linkAllowed(type, aType, bType) ? 'a' : linkAllowed(type, bType, aType) ? 'b' : null;
    if (from) out.push({ type, title: def.title, from, directed: isDirected(type) });
  }
  return out;
}
