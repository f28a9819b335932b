import { ENTITY_TYPES, LINK_TYPES } from '../../../server/domain/model.js';

/** Display wording for codes and values. */
export const entityTitle = (t: string): string =>
  t === 'Restricted' ? 'Restricted' : ((ENTITY_TYPES as Record<string, { title: string }>)[t]?.title ?? t);
export const linkTitle = (t: string): string =>
  t === 'RESTRICTED' ? 'Restricted link' : ((LINK_TYPES as Record<string, { title: string }>)[t]?.title ?? t);

export const ENTITY_TYPE_NAMES = Object.keys(ENTITY_TYPES);
export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES);

const WORDS: Record<string, string> = { dob: 'Date of birth', vrm: 'VRM', imei: 'IMEI', pncId: 'PNC ID', ocg: 'OCG' };
export function propName(k: string): string {
  if (WORDS[k]) return WORDS[k]!;
  const s = k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

export function propValue(v: unknown, names?: (id: string) => string | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => propValue(x, names)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  const text = String(v);
  // A code of the model (ORGANISED_ACQUISITIVE) reads as words; a record's id as its name where known.
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(text)) return humanCode(text);
  return names?.(text) ?? text;
}

export const strengthText = (s: number | null | undefined): string =>
  typeof s === 'number' ? `${Math.round(s * 100)}%` : 'ungraded';

export function humanCode(c: string): string {
  return c.charAt(0) + c.slice(1).toLowerCase().replace(/_/g, ' ');
}
