import { ukDate } from '../ui/evidence.js';
import type { TimeRange } from '../workspace/visibility.js';
import type { TimelineItem } from '../workspace/types.js';

/**
 * The sequence (theme-line) view's geometry, as pure functions: which entities get a line, where
 * each dated report, event or link sits along the shared time axis, the axis ticks, and how items
 * of the same date are spread so that no two marks on a line overlap.
 *
 * Placement: items go in date order (then id). Each date has an anchor on the axis, at least its
 * place on a linear scale and always right of every item of the dates before it, so x follows date
 * order across the whole view. An item occupies its mark's width on every line from its top line to
 * its bottom line (its connector crosses the lines between), and is pushed right of anything
 * already on those lines. The axis runs through the anchors, so it bends where dates are crowded.
 */

export const DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date or date-time's calendar day; undefined when not a date. */
export function dayOf(iso: string | null | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  // 2024-02-31 is not a day.
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined;
  return Math.round(t / DAY);
}

export const isoOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

// ---- lines ----

export interface LaneChoice {
  /** Entity ids, one line each, in order. */
  ids: string[];
  /** Where they came from: the selected entities, or (nothing selected) the chart's. */
  source: 'selection' | 'chart';
  /** Entities left off by the cap. */
  omitted: number;
}

/** The most lines drawn at once: beyond this a line is too thin to read at 1366x768. */
export const MAX_LANES = 12;

/**
 * The lines to draw: the selected entities (with the ends of selected links), else the chart's
 * shown entities; stubs have no timeline and are left out; capped at `cap`, in the order given.
 */
export function chooseLanes(
  selected: Iterable<string>,
  chart: { entity(id: string): { restricted: boolean } | undefined; linkEnds(id: string): [string, string] | undefined; shown: Iterable<string> },
  cap = MAX_LANES,
): LaneChoice {
  const real = (id: string) => { const n = chart.entity(id); return !!n && !n.restricted; };
  const picked: string[] = [];
  const add = (id: string) => { if (real(id) && !picked.includes(id)) picked.push(id); };
  for (const id of selected) {
    if (chart.entity(id)) add(id);
    else chart.linkEnds(id)?.forEach(add);
  }
  let source: LaneChoice['source'] = 'selection';
  if (!picked.length) {
    source = 'chart';
    for (const id of chart.shown) add(id);
  }
  return { ids: picked.slice(0, cap), source, omitted: Math.max(0, picked.length - cap) };
}

// ---- axis ----

export type TickUnit = 'day' | 'month' | 'year';
export interface Tick { day: number; unit: TickUnit; label: string }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Steps the axis may use, finest first: days, weeks, months, quarters, half-years, years. */
const STEPS: { unit: TickUnit; n: number; days: number }[] = [
  { unit: 'day', n: 1, days: 1 }, { unit: 'day', n: 2, days: 2 }, { unit: 'day', n: 7, days: 7 }, { unit: 'day', n: 14, days: 14 },
  { unit: 'month', n: 1, days: 30.44 }, { unit: 'month', n: 2, days: 60.9 }, { unit: 'month', n: 3, days: 91.3 }, { unit: 'month', n: 6, days: 182.6 },
  { unit: 'year', n: 1, days: 365.25 }, { unit: 'year', n: 2, days: 730.5 }, { unit: 'year', n: 5, days: 1826 }, { unit: 'year', n: 10, days: 3652 },
  { unit: 'year', n: 25, days: 9131 }, { unit: 'year', n: 50, days: 18262 }, { unit: 'year', n: 100, days: 36525 },
];

/** A tick's words: a day as dd/mm/yyyy, a month as "Mar 2024", a year as "2024". */
export function tickLabel(day: number, unit: TickUnit): string {
  const d = new Date(day * DAY);
  if (unit === 'day') return ukDate(isoOfDay(day));
  if (unit === 'month') return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return String(d.getUTCFullYear());
}

/**
 * Ticks over [from, to] (days, inclusive) with at most `maxTicks` of them: the finest step that
 * fits, days for a span of weeks, months for a span of a year or two, years beyond. Ticks fall on
 * whole days, the first of a month, the first of January.
 */
export function axisTicks(from: number, to: number, maxTicks: number): Tick[] {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const most = Math.max(2, Math.floor(maxTicks));
  const span = Math.max(1, hi - lo);
  const step = STEPS.find((s) => span / s.days <= most - 1) ?? STEPS[STEPS.length - 1]!;
  const out: Tick[] = [];
  if (step.unit === 'day') {
    // Weekly ticks on Mondays (1970-01-01 was a Thursday), others on every n-th day from the start.
    let d = step.n === 1 || step.n === 2 ? lo : lo + ((7 - ((lo + 3) % 7)) % 7);
    for (; d <= hi; d += step.n) out.push({ day: d, unit: 'day', label: tickLabel(d, 'day') });
    return out;
  }
  const start = new Date(lo * DAY);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  if (step.unit === 'month') {
    m = Math.ceil(m / step.n) * step.n;
    if (Date.UTC(y, m, 1) / DAY < lo) m += step.n;
  } else {
    m = 0;
    y = Math.ceil(y / step.n) * step.n;
    if (Date.UTC(y, 0, 1) / DAY < lo) y += step.n;
  }
  for (;;) {
    const d = Math.round(Date.UTC(y, m, 1) / DAY);
    if (d > hi) break;
    out.push({ day: d, unit: step.unit, label: tickLabel(d, step.unit) });
    if (step.unit === 'month') m += step.n;
    else y += step.n;
  }
  return out;
}

// ---- placement ----

export interface SequenceGeometry {
  /** Left and right padding of the plot, px. */
  pad: number;
  /** Width the plot should fill when nothing is crowded, px. */
  width: number;
  /** A mark's width on a line (its label box), px. */
  markWidth: number;
  /** Space between two marks on a line, px. */
  gap: number;
  /** Least distance between the anchors of two successive dates, px. */
  dateStep: number;
  /** Height of one line's band, px. */
  laneHeight: number;
  /** Height of the axis above the first line, px. */
  axisHeight: number;
  /** Least distance between two tick labels' left edges, px. */
  tickWidth: number;
}

export const DEFAULT_GEOMETRY: SequenceGeometry = {
  pad: 16, width: 900, markWidth: 150, gap: 8, dateStep: 12, laneHeight: 44, axisHeight: 30, tickWidth: 86,
};

export interface Mark {
  item: TimelineItem;
  day: number;
  /** Left edge of the mark, px. */
  x: number;
  /** Indexes of the lines the item involves, ascending. */
  lanes: number[];
  /** First and last line it spans (its connector joins them). */
  top: number;
  bottom: number;
}

export interface PlacedTick extends Tick { x: number }

export interface SequenceLayout {
  marks: Mark[];
  /** Items without a date (or with one that is not a date), in the order given. */
  undated: TimelineItem[];
  /** Dated items outside the time range, not drawn. */
  outside: number;
  /** Items involving none of the lines. */
  unplaced: number;
  ticks: PlacedTick[];
  /** Date anchors along the axis: [day, x] ascending. */
  anchors: [number, number][];
  width: number;
  height: number;
}

/** x of a day on the bent axis through the anchors (linear between them, and beyond at the end slopes). */
export function xOfDay(anchors: readonly [number, number][], day: number, pxPerDay: number): number {
  if (!anchors.length) return 0;
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (day <= first[0]) return first[1] - (first[0] - day) * pxPerDay;
  if (day >= last[0]) return last[1] + (day - last[0]) * pxPerDay;
  let i = 1;
  while (anchors[i]![0] < day) i++;
  const [d1, x1] = anchors[i]!;
  const [d0, x0] = anchors[i - 1]!;
  return x0 + ((day - d0) / (d1 - d0)) * (x1 - x0);
}

/**
 * Places the items on the lines. Items are taken in date order (then id) whatever order they come
 * in; those outside `range` are counted, not drawn; undated ones are listed apart.
 */
export function layoutSequence(
  items: readonly TimelineItem[],
  laneIds: readonly string[],
  range: TimeRange | null = null,
  g: SequenceGeometry = DEFAULT_GEOMETRY,
): SequenceLayout {
  const laneOf = new Map(laneIds.map((id, i) => [id, i]));
  const undated: TimelineItem[] = [];
  const dated: { item: TimelineItem; day: number; lanes: number[] }[] = [];
  let outside = 0;
  let unplaced = 0;
  const lo = range ? dayOf(range.from) : undefined;
  const hi = range ? dayOf(range.to) : undefined;
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) continue; // an item is one mark, however often it is listed
    seen.add(item.id);
    const lanes = [...new Set(item.entityIds.map((id) => laneOf.get(id)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
    if (!lanes.length) {
      unplaced++;
      continue;
    }
    const day = dayOf(item.date);
    if (day === undefined) {
      undated.push(item);
      continue;
    }
    if ((lo !== undefined && day < lo) || (hi !== undefined && day > hi)) {
      outside++;
      continue;
    }
    dated.push({ item, day, lanes });
  }
  dated.sort((a, b) => a.day - b.day || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));

  const first = dated[0]?.day ?? lo ?? 0;
  const last = dated.at(-1)?.day ?? hi ?? first;
  const span = Math.max(1, last - first);
  // Items pushed aside by crowding widen the view; the scale is narrowed (a few times at most) so
  // that the view still fits its width where it can, and scrolls only when it cannot.
  const full = Math.max(1, g.width - 2 * g.pad - g.markWidth);
  let usable = full;
  let placed = place(dated, first, usable / span, laneIds.length, g);
  // Never below 60% of the full scale: beyond that the axis says too little about the spacing of dates.
  for (let i = 0; i < 4 && placed.right > g.width - g.pad && usable > full * 0.6; i++) {
    usable = Math.max(full * 0.6, usable - (placed.right - (g.width - g.pad)));
    placed = place(dated, first, usable / span, laneIds.length, g);
  }
  const { marks, anchors, pxPerDay } = placed;

  const width = Math.max(g.width, placed.right + g.pad);
  const ticks: PlacedTick[] = [];
  if (marks.length) {
    const tickDays = axisTicks(first - (last === first ? 1 : 0), last + (last === first ? 1 : 0), Math.max(2, Math.floor(usable / g.tickWidth) + 1));
    for (const t of tickDays) {
      const x = xOfDay(anchors, t.day, pxPerDay);
      if (x < 0 || x > width - g.tickWidth / 2) continue;
      // Where dates are crowded the axis bends tight: a tick too close to the last one kept is left out.
      if (ticks.length && x - ticks[ticks.length - 1]!.x < g.tickWidth) continue;
      ticks.push({ ...t, x });
    }
  }
  return { marks, undated, outside, unplaced, ticks, anchors, width, height: g.axisHeight + laneIds.length * g.laneHeight };
}

/** One placement of the dated items (in date order) at a scale; `right` is the right edge of the last mark. */
function place(dated: readonly { item: TimelineItem; day: number; lanes: number[] }[], first: number, pxPerDay: number, laneCount: number, g: SequenceGeometry) {
  const linear = (day: number) => g.pad + (day - first) * pxPerDay;

  const free = new Array<number>(laneCount).fill(-Infinity);
  const marks: Mark[] = [];
  const anchors: [number, number][] = [];
  let furthestBefore = -Infinity; // the rightmost mark of the dates already placed
  let furthest = -Infinity;
  let currentDay: number | undefined;
  let anchor = 0;
  for (const d of dated) {
    if (d.day !== currentDay) {
      furthestBefore = furthest;
      anchor = Math.max(linear(d.day), furthestBefore + g.dateStep);
      anchors.push([d.day, anchor]);
      currentDay = d.day;
    }
    const top = d.lanes[0]!;
    const bottom = d.lanes[d.lanes.length - 1]!;
    let x = anchor;
    for (let l = top; l <= bottom; l++) x = Math.max(x, free[l]!);
    for (let l = top; l <= bottom; l++) free[l] = x + g.markWidth + g.gap;
    furthest = Math.max(furthest, x);
    marks.push({ item: d.item, day: d.day, x, lanes: d.lanes, top, bottom });
  }
  return { marks, anchors, pxPerDay, right: marks.length ? Math.max(...marks.map((m) => m.x)) + g.markWidth : 0 };
}

/** Centre y of a line. */
export const laneY = (lane: number, g: SequenceGeometry = DEFAULT_GEOMETRY): number => g.axisHeight + lane * g.laneHeight + g.laneHeight / 2;

// ---- words ----

const KIND_TITLES: Record<string, string> = { report: 'Report', event: 'Event', link: 'Link' };
export const kindTitle = (kind: string): string => KIND_TITLES[kind] ?? kind;

/** A label that fits a mark: at most `max` characters, cut at a word where it can be. */
export function shortTitle(label: string, max = 20): string {
  const s = label.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  if (s.charAt(max - 1) === ' ') return `${cut.trimEnd()}…`; // the cut falls at the end of a word
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The hover text of an item: what it is, its date, grade and who it involves. */
export function itemSummary(item: TimelineItem, name: (id: string) => string, typeTitle: (item: TimelineItem) => string): string {
  const lines = [
    `${typeTitle(item)}: ${item.label}`,
    item.date && dayOf(item.date) !== undefined ? `Date: ${ukDate(item.date.slice(0, 10))}` : 'Undated',
  ];
  if (item.grade) lines.push(`Grade: ${item.grade}`);
  if (item.entityIds.length) lines.push(`Involves: ${item.entityIds.map(name).join(', ')}`);
  return lines.join('\n');
}
