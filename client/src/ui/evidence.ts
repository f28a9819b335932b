import { linkCount } from '../graph/style.js';

/**
 * Counts and dates as analysts read them: dates in UK form (dd/mm/yyyy, UK time), durations in
 * hours, minutes and seconds, and what a link's count counts (calls, meetings, sightings).
 */
const UK_ZONE = 'Europe/London';

const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: UK_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** A bare date (YYYY-MM-DD) is a calendar day: shown as it is, not moved by a time zone. */
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** dd/mm/yyyy of an ISO date or date-time (UK time); the text itself when it is not a date. */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const bare = BARE_DATE.exec(iso);
  if (bare) return `${bare[3]}/${bare[2]}/${bare[1]}`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateFmt.format(t);
}

/** dd/mm/yyyy hh:mm of an ISO date-time (UK time); a bare date stays a date. */
export function ukDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  if (BARE_DATE.test(iso)) return ukDate(iso);
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTimeFmt.format(t).replace(',', '');
}

/**
 * A date typed in UK form (d/m/yyyy, also with dashes or dots) as YYYY-MM-DD; '' for an empty
 * field; null when it is not a real date.
 */
export function parseUkDate(text: string): string | null {
  const s = text.trim();
  if (!s) return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const when = new Date(Date.UTC(y, mo - 1, d));
  if (when.getUTCFullYear() !== y || when.getUTCMonth() !== mo - 1 || when.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Seconds as "1 h 02 min", "3 min 05 s" or "40 s". */
export function durationText(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m) return `${m} min ${String(r).padStart(2, '0')} s`;
  return `${r} s`;
}

const COUNTED: Record<string, [string, string]> = {
  CALLS: ['call', 'calls'],
  ASSOCIATE_OF: ['meeting', 'meetings'],
  SEEN_AT: ['sighting', 'sightings'],
  USED_CELL: ['call on this cell site', 'calls on this cell site'],
};

/** "40 calls", "1 meeting": what a link type's count counts. */
export function countText(type: string, count: number): string {
  const [one, many] = COUNTED[type] ?? ['contact', 'contacts'];
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** The evidence props a weighted link carries (see the registry's `evidence` props). */
export const EVIDENCE_KEYS = ['count', 'totalDuration', 'firstSeen', 'lastSeen'] as const;

export interface LinkEvidence { count?: number; totalDuration?: number; firstSeen?: string; lastSeen?: string }

export function linkEvidence(props: Record<string, unknown> | null | undefined): LinkEvidence | null {
  if (!props) return null;
  const count = linkCount(props);
  const totalDuration = typeof props.totalDuration === 'number' ? props.totalDuration : undefined;
  const firstSeen = typeof props.firstSeen === 'string' ? props.firstSeen : undefined;
  const lastSeen = typeof props.lastSeen === 'string' ? props.lastSeen : undefined;
  if (count === undefined && totalDuration === undefined && !firstSeen && !lastSeen) return null;
  return { count, totalDuration, firstSeen, lastSeen };
}

/** One line for a link's hover text: "40 calls · total 1 h 02 min · first 01/03/2024 09:15 · last …". */
export function evidenceSummary(type: string, props: Record<string, unknown> | null | undefined): string {
  const ev = linkEvidence(props);
  if (!ev) return '';
  const parts: string[] = [];
  if (ev.count !== undefined) parts.push(countText(type, ev.count));
  if (ev.totalDuration !== undefined) parts.push(`total ${durationText(ev.totalDuration)}`);
  if (ev.firstSeen) parts.push(`first ${ukDateTime(ev.firstSeen)}`);
  if (ev.lastSeen) parts.push(`last ${ukDateTime(ev.lastSeen)}`);
  return parts.join(' · ');
}
