import { ukDate } from './evidence.js';

/**
 * Dates as a UK analyst writes and reads them: dd/mm/yyyy. Browsers draw `<input type="date">` in
 * the browser's own locale (often mm/dd/yyyy), so date fields are text fields that read a UK date
 * (also with '-' or '.', one-digit day or month, or an ISO date pasted in) and hold an ISO date.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-mm-dd -> dd/mm/yyyy ('' stays ''): the workspace's own form (ui/evidence.ukDate). */
export const isoToUk = (iso: string): string => ukDate(iso);

/**
 * A date typed into a date field -> yyyy-mm-dd, or a message saying what is wrong (ui/evidence's
 * parseUkDate only says whether it is a date, and takes no ISO date).
 */
export function readUkDate(text: string): { iso: string } | { error: string } {
  const t = text.trim();
  let d: number, mo: number, y: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [d, mo, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else return { error: 'Write the date as dd/mm/yyyy' };
  if (mo < 1 || mo > 12) return { error: `There is no month ${mo}` };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return { error: `${pad(mo)}/${y} has ${days} days` };
  if (y < 1800 || y > 2200) return { error: 'The year must be between 1800 and 2200' };
  return { iso: `${y}-${pad(mo)}-${pad(d)}` };
}

/** Within the bounds (ISO dates, either may be absent)? Else why not. */
export function outOfRange(iso: string, min?: string, max?: string): string | null {
  if (min && iso < min) return `The earliest date here is ${isoToUk(min)}`;
  if (max && iso > max) return `The latest date here is ${isoToUk(max)}`;
  return null;
}
