import { doubleMetaphone } from 'double-metaphone';

/** Properties folded into an entity's full-text `search` key, per type. */
const SEARCH_PROPS: Record<string, string[]> = {
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

/** The search and phonetic keys stored on every entity, derived from its label and props. */
export function searchKeys(type: string, label: string, props: Record<string, unknown>): { search: string; phonetic: string } {
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
