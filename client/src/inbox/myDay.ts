import { byHarm, type BandScale, type MatrixRow } from '../impact/model.js';
import type { Alert, Dissemination, InformationRequest, Watch } from './api.js';
import { newestFirst } from './model.js';

/**
 * The partner's day on one screen, as pure rules: what waits to be acknowledged, where my
 * requests stand, the queue of requests to my agency, the impact on my area, my watches.
 */

/** How many items each section lists (the tabs list them all). */
export const MY_DAY_LIMIT = 5;

export interface Newest<T> { total: number; newest: T[] }

const take = <T>(list: T[], n: number): Newest<T> => ({ total: list.length, newest: list.slice(0, n) });

/** Disseminations received and not yet acknowledged: how many, and the newest few. */
export const waitingReceipts = (list: readonly Dissemination[], n = MY_DAY_LIMIT): Newest<Dissemination> =>
  take(newestFirst(list.filter((d) => !d.acknowledgedAt), (d) => d.authorisedAt), n);

/** Requests to my agency still open: how many, and the newest few. */
export const openQueue = (list: readonly InformationRequest[], n = MY_DAY_LIMIT): Newest<InformationRequest> =>
  take(newestFirst(list.filter((r) => r.status === 'OPEN'), (r) => r.createdAt), n);

/** My requests: the newest few, and how many stand at each status. */
export function myRequests(list: readonly InformationRequest[], n = MY_DAY_LIMIT): Newest<InformationRequest> & { open: number; answered: number; refused: number } {
  const count = (s: InformationRequest['status']) => list.filter((r) => r.status === s).length;
  return { ...take(newestFirst(list, (r) => r.createdAt), n), open: count('OPEN'), answered: count('ANSWERED'), refused: count('REFUSED') };
}

/**
 * The impact on my area: impact records on areas my agency is responsible for, worst first (band
 * by the template's scale, then harm, then group name). Records my own agency assessed about
 * another force's area are that force's impact, not mine.
 */
export const impactsOnMyArea = (rows: readonly MatrixRow[], agency: string, scale: BandScale): MatrixRow[] =>
  rows.filter((r) => r.affectedAgency === agency).sort(byHarm(scale));

export interface WatchDigest { watch: Watch; unread: number; latest: Alert | null }

/** Each watch with its unread alerts and latest alert; watches with unread alerts first, then by latest activity, then by name. */
export function watchDigests(watches: readonly Watch[], alerts: readonly Alert[]): WatchDigest[] {
  const out = watches.map((watch): WatchDigest => {
    const mine = alerts.filter((a) => a.watchId === watch.id);
    return { watch, unread: mine.filter((a) => !a.read).length, latest: newestFirst(mine, (a) => a.at)[0] ?? null };
  });
  const last = (d: WatchDigest) => d.latest?.at ?? d.watch.lastAlertAt ?? '';
  const name = (d: WatchDigest) => d.watch.label || d.watch.target;
  return out.sort((a, b) => Number(b.unread > 0) - Number(a.unread > 0) || last(b).localeCompare(last(a)) || name(a).localeCompare(name(b)));
}

export type MyDaySection = 'received' | 'requests' | 'queue' | 'impact' | 'watches';

/** What each section says when it has nothing to show. */
export const EMPTY_TEXT: Record<MyDaySection, string> = {
  received: 'Nothing waits to be acknowledged: every dissemination to your agency has been acknowledged.',
  requests: 'You have raised no requests for information.',
  queue: 'No open requests to your agency.',
  impact: 'No recorded impact on your area has been shared with your agency.',
  watches: 'You watch nothing yet. Watch an entity from its details, or a search from the search results.',
};

/** The empty sections (in screen order), given what each holds; a section not yet loaded is not empty. */
export function emptySections(counts: Partial<Record<MyDaySection, number | null | undefined>>): MyDaySection[] {
  return (Object.keys(EMPTY_TEXT) as MyDaySection[]).filter((s) => counts[s] === 0);
}
