import { minimumStrength } from '../../../server/domain/grading.js';
import type { ChartDoc } from './chartDoc.js';
import type { GraphEdge, GraphNode } from './types.js';

/**
 * What is shown of the chart: a pure function of the document, the filters and the time range.
 * Filtered elements stay on the chart (and in saved charts and exports of contents); they are
 * only not drawn.
 */
export interface Filters {
  /** Entity types not drawn. */
  hiddenEntityTypes: readonly string[];
  /** Link types not drawn. */
  hiddenLinkTypes: readonly string[];
  /** 3x5x2 grade such as "2B": links weaker than it are not drawn. */
  minGrade: string | null;
  /** With a minimum grade, also draw links that rest on no graded report (structural links). */
  includeUngraded: boolean;
}

export const noFilters = (): Filters => ({ hiddenEntityTypes: [], hiddenLinkTypes: [], minGrade: null, includeUngraded: true });

/** Inclusive ISO dates (yyyy-mm-dd). */
export interface TimeRange { from: string; to: string }

/** An element's dates as an interval; open ends are unbounded. */
export interface Span { start?: string; end?: string }

const day = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

export function nodeSpan(n: GraphNode): Span | undefined {
  const p = n.props ?? {};
  const d = day(p.date) ?? day(p.eventDate) ?? day(p.recordedAt);
  return d ? { start: d, end: d } : undefined;
}

export function edgeSpan(e: GraphEdge): Span | undefined {
  const start = day(e.props?.from);
  const end = day(e.props?.to);
  return start || end ? { start, end } : undefined;
}

export function inRange(span: Span | undefined, range: TimeRange | null): boolean {
  if (!range || !span) return true; // undated records are always shown
  return (span.start ?? '0000-01-01') <= range.to && (span.end ?? '9999-12-31') >= range.from;
}

/** Earliest and latest date on the chart, or null when nothing is dated. */
export function timeExtent(doc: ChartDoc): TimeRange | null {
  let from: string | undefined;
  let to: string | undefined;
  const see = (s: Span | undefined) => {
    for (const d of [s?.start, s?.end]) {
      if (!d) continue;
      if (!from || d < from) from = d;
      if (!to || d > to) to = d;
    }
  };
  for (const n of doc.nodes.values()) see(nodeSpan(n.data));
  for (const e of doc.edges.values()) see(edgeSpan(e.data));
  return from && to ? { from, to } : null;
}

export interface Visible { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }

export function visibleElements(doc: ChartDoc, filters: Filters, range: TimeRange | null): Visible {
  const hiddenTypes = new Set(filters.hiddenEntityTypes);
  const hiddenLinks = new Set(filters.hiddenLinkTypes);
  const min = filters.minGrade ? minimumStrength(filters.minGrade) : 0;
  const nodes = new Set<string>();
  for (const [id, n] of doc.nodes) {
    if (n.hidden || hiddenTypes.has(n.data.type) || !inRange(nodeSpan(n.data), range)) continue;
    nodes.add(id);
  }
  const edges = new Set<string>();
  for (const [id, e] of doc.edges) {
    const d = e.data;
    if (e.hidden || !nodes.has(d.source) || !nodes.has(d.target) || hiddenLinks.has(d.type)) continue;
    if (filters.minGrade) {
      const graded = typeof d.strength === 'number' && d.reportCount > 0;
      if (graded ? d.strength! < min - 1e-9 : !filters.includeUngraded) continue;
    }
    if (!inRange(edgeSpan(d), range)) continue;
    edges.add(id);
  }
  return { nodes, edges };
}
