import { doubleMetaphone } from 'double-metaphone';
import { propDefs } from './model.js';

/**
 * Search rules as plain functions over plain data: the keys stored for the full-text index, the
 * matching and scoring of typed text against what one viewer is shown of a record, and the
 * identifiers a restricted stub may be found by.
 */

/** Properties folded into an entity's full-text `search` key, per type. */
export const SEARCH_PROPS: Readonly<Record<string, readonly string[]>> = {
  Subject: ['forename', 'surname', 'aliases', 'dob', 'pncId'],
  OCG: ['reference'],
  Location: ['address', 'postcode'],
  Vehicle: ['vrm', 'make', 'model', 'colour'],
  Phone: ['number', 'imei'],
  Source: ['reference'],
  IntelligenceReport: ['text'],
  Area: ['code'],
  Agency: ['code'],
};

/** Searchable properties a viewer of a disseminated (sanitised) copy is shown: the non-sensitive ones. */
export function sharedSearchProps(type: string): string[] {
  const defs = propDefs('entity', type);
  return (SEARCH_PROPS[type] ?? []).filter((k) => !defs[k]?.sensitive);
}

export const foldAccents = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

export function tokens(s: string): string[] {
  return foldAccents(s).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Phonetic codes (Double Metaphone, both keys) for name-like words. */
export function phoneticCodes(words: string[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    if (!/[a-z]/.test(w) || w.length < 2) continue;
    const [a, b] = doubleMetaphone(w);
    if (a) out.add(`ph${a.toLowerCase()}`);
    if (b) out.add(`ph${b.toLowerCase()}`);
  }
  return [...out];
}

export interface SearchKeys { search: string; phonetic: string }

/**
 * The search and phonetic keys of a record, derived from its label and props. Stored on every
 * entity (from all its props) for the full-text index; computed from the sanitised props for a
 * viewer of a disseminated copy, so that copy is matched and scored on what that viewer is shown.
 */
export function searchKeys(type: string, label: string, props: Record<string, unknown>): SearchKeys {
  const parts: string[] = [label];
  for (const k of SEARCH_PROPS[type] ?? []) {
    const v = props[k];
    if (Array.isArray(v)) parts.push(...v.map(String));
    else if (v !== undefined && v !== null) parts.push(String(v));
  }
  const words = tokens(parts.join(' '));
  // VRMs and numbers are also searched without their spaces ("AB12 CDE" -> "ab12cde").
  if (type === 'Vehicle' && props.vrm) words.push(String(props.vrm).replace(/\s+/g, '').toLowerCase());
  if (type === 'Phone' && props.number) words.push(String(props.number).replace(/\D+/g, ''));
  const nameWords = type === 'Subject' || type === 'OCG' || type === 'Location' ? tokens([label, ...(Array.isArray(props.aliases) ? props.aliases : [])].join(' ')) : [];
  return { search: [...new Set(words)].join(' '), phonetic: phoneticCodes(nameWords).join(' ') };
}

// ---------------------------------------------------------------------------------------------
// Matching and scoring
// ---------------------------------------------------------------------------------------------

/** A UK postcode typed without its space ("sw1a1aa"): outward and inward codes. */
export const POSTCODE = /^([a-z]{1,2}\d[a-z\d]?)(\d[a-z]{2})$/;

/** Edits a word may be away from a stored word and still match it (as the index's fuzzy terms). */
export const fuzzyEdits = (w: string): number => (w.length >= 8 ? 2 : w.length >= 4 ? 1 : 0);

/** What typed text asks for. */
export interface SearchQuery {
  /** At most eight words, folded. */
  words: string[];
  /** Phonetic codes of the alphabetic words (one-letter codes left out: they match half the names). */
  phonetic: string[];
  /** The national significant number typed (no +44 / 0044, no trunk 0), when it has 5 digits or more. */
  digits?: string;
  /** Four digits or more, without a leading 0: matched anywhere inside a phone number. */
  phoneDigits?: string;
}

export function parseSearch(text: string): SearchQuery {
  const words = tokens(text).slice(0, 8);
  const phonetic = phoneticCodes(words.filter((w) => /^[a-z]+$/.test(w))).filter((c) => c.length > 3);
  const international = /^\s*(\+|00)\s*44/.test(text);
  const nsn = text.replace(/\D+/g, '').replace(international ? /^(00)?44/ : /^$/, '').replace(/^0+/, '').slice(0, 20);
  const all = text.replace(/\D+/g, '');
  return {
    words, phonetic,
    ...(nsn.length >= 5 ? { digits: nsn } : {}),
    ...(all.length >= 4 ? { phoneDigits: all.replace(/^0/, '') } : {}),
  };
}

/** Damerau (optimal string alignment) distance, or max + 1 once it is certain to exceed max. */
export function editsWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Points for one typed word against a record's words: exact 3, prefix 2, within the fuzzy edits 1. */
function wordPoints(w: string, words: readonly string[], set: ReadonlySet<string>): number {
  if (set.has(w)) return 3;
  const pc = POSTCODE.exec(w);
  if (pc && set.has(pc[1]!) && set.has(pc[2]!)) return 3;
  let best = 0;
  const edits = fuzzyEdits(w);
  for (const t of words) {
    if (t.startsWith(w)) return 2;
    if (!best && edits && editsWithin(w, t, edits) <= edits) best = 1;
  }
  return best;
}

/** A precise match (every word exact or a prefix, or the digits of a number) ranks above any spelling variant. */
const PRECISE = 100;

/**
 * How well typed text matches a record's keys (as `searchKeys` makes them from what the viewer is
 * shown), or 0 for no match. The same alternatives as the index query: every word exact, a prefix
 * or within its fuzzy edits; or a phonetic code of a name; or the digits of a number anywhere in a
 * stored number. A match where every word is exact or a prefix (or the digits match) ranks above
 * every match through spelling variants alone. Depends on nothing but the query and these keys.
 */
export function matchScore(q: SearchQuery, keys: SearchKeys, phoneNumber?: string): number {
  const words = keys.search ? keys.search.split(' ') : [];
  const set = new Set(words);
  const points = q.words.map((w) => wordPoints(w, words, set));
  const all = points.length > 0 && points.every((p) => p > 0);
  const sum = points.reduce((s, p) => s + p, 0);
  const codes = new Set(keys.phonetic ? keys.phonetic.split(' ') : []);
  const phon = q.phonetic.filter((c) => codes.has(c)).length;
  const digitsInside = !!q.digits && words.some((t) => t.includes(q.digits!));
  const phoneInside = !!q.phoneDigits && !!phoneNumber && phoneNumber.replace(/\D+/g, '').includes(q.phoneDigits);
  if (!all && !phon && !digitsInside && !phoneInside) return 0;
  const precise = (all && points.every((p) => p >= 2)) || digitsInside;
  return (precise ? PRECISE : 0) + (all ? sum : sum / 10) + phon + (digitsInside ? 4 : phoneInside ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Deconfliction identifiers: what a restricted stub may be found by
// ---------------------------------------------------------------------------------------------

/** How an identifier is written down for comparison. */
export type IdentifierForm =
  /** Words, folded (case, accents, punctuation), in order: an address. */
  | 'words'
  /** Letters and digits only, upper case: a VRM or a reference. */
  | 'code'
  /** A UK phone number: its national significant number (no +44 / 0044, no trunk 0), 7 digits or more. */
  | 'phone'
  /** Digits only, 14 or more: an IMEI. */
  | 'imei'
  /** A full name (its words in any order) with a date of birth (ISO or day/month/year). */
  | 'nameAndDob';

export interface StubIdentifier {
  /** What a colleague would quote. */
  name: string;
  /** The properties that together make it up (all must be held). */
  props: readonly string[];
  form: IdentifierForm;
}

/**
 * The identifiers a restricted stub can be found by, per entity type: the ones people hold in
 * their hands when they deconflict (a person's name with date of birth, a VRM, a phone number or
 * IMEI, an address, an OCG reference). Matching is exact after normalising how they are written.
 * Nothing else finds a stub: not report text, aliases, notes, PNC ids, makes or colours, and not a
 * part of an identifier. Types not listed (reports, events, sources, ...) are never found as stubs.
 */
export const STUB_IDENTIFIERS: Readonly<Record<string, readonly StubIdentifier[]>> = {
  Subject: [{ name: 'name and date of birth', props: ['forename', 'surname', 'dob'], form: 'nameAndDob' }],
  Vehicle: [{ name: 'VRM', props: ['vrm'], form: 'code' }],
  Phone: [{ name: 'phone number', props: ['number'], form: 'phone' }, { name: 'IMEI', props: ['imei'], form: 'imei' }],
  Location: [{ name: 'address', props: ['address'], form: 'words' }, { name: 'address and postcode', props: ['address', 'postcode'], form: 'words' }],
  OCG: [{ name: 'OCG reference', props: ['reference'], form: 'code' }],
};

export const STUB_TYPES = Object.keys(STUB_IDENTIFIERS);

/** A date of birth as typed: 1990-01-02, 02/01/1990, 2.1.1990 or 02-01-1990. */
const ISO_DATE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/;
const UK_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
const pad = (s: string) => s.padStart(2, '0');

function dateIn(text: string): { iso: string; rest: string } | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return { iso: `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`, rest: text.replace(iso[0], ' ') };
  const uk = UK_DATE.exec(text);
  if (uk) return { iso: `${uk[3]}-${pad(uk[2]!)}-${pad(uk[1]!)}`, rest: text.replace(uk[0], ' ') };
  return undefined;
}

const nationalNumber = (s: string): string => {
  const international = /^\s*(\+|00)\s*44/.test(s);
  return s.replace(/\D+/g, '').replace(international ? /^(00)?44/ : /^$/, '').replace(/^0+/, '');
};

/** The identifier written in one form, or undefined when the text is not one. */
function normalise(form: IdentifierForm, text: string): string | undefined {
  switch (form) {
    case 'words': {
      const w = tokens(text);
      return w.length ? w.join(' ') : undefined;
    }
    case 'code': {
      const c = foldAccents(text).toUpperCase().replace(/[^A-Z0-9]+/g, '');
      return c.length >= 2 ? c : undefined;
    }
    case 'phone': {
      if (/[a-z]/i.test(text)) return undefined;
      const n = nationalNumber(text);
      return n.length >= 7 ? n : undefined;
    }
    case 'imei': {
      if (/[a-z]/i.test(text)) return undefined;
      const d = text.replace(/\D+/g, '');
      return d.length >= 14 ? d : undefined;
    }
    case 'nameAndDob': {
      const d = dateIn(text);
      const name = d ? tokens(d.rest).sort() : [];
      return d && name.length ? `${name.join(' ')}|${d.iso}` : undefined;
    }
  }
}

/** The identifier keys a record of this type holds (from its stored props), for exact comparison. */
export function identifierKeys(type: string, props: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const id of STUB_IDENTIFIERS[type] ?? []) {
    const values = id.props.map((p) => (typeof props[p] === 'string' ? (props[p] as string).trim() : ''));
    // A name is the forename and surname held (either may be missing); a date of birth is needed.
    const needed = id.form === 'nameAndDob' ? [values[0]! + values[1]!, values[2]] : values;
    if (needed.some((v) => !v)) continue;
    const key = normalise(id.form, values.join(' '));
    if (key) out.push(`${id.form}:${key}`);
  }
  return out;
}

/** The identifier keys typed text could be, in every form. */
export function queryIdentifierKeys(text: string): string[] {
  const forms: IdentifierForm[] = ['words', 'code', 'phone', 'imei', 'nameAndDob'];
  return forms.flatMap((f) => {
    const k = normalise(f, text);
    return k ? [`${f}:${k}`] : [];
  });
}

/** Whether typed text is exactly one of the record's deconfliction identifiers. */
export function matchesIdentifier(type: string, props: Record<string, unknown>, text: string): boolean {
  const keys = new Set(queryIdentifierKeys(text));
  return identifierKeys(type, props).some((k) => keys.has(k));
}

/** The date of birth typed, if any (stub candidates for a name with a date of birth are read by it). */
export const dateOfBirthIn = (text: string): string | undefined => dateIn(text)?.iso;
