import type { ChartDoc } from './chartDoc.js';
import type { NodeMetrics } from './types.js';

/** Facts derived from the chart for drawing: not stored, recomputed from the document. */

const ROLE_RANK: Record<string, number> = { PRINCIPAL: 3, SIGNIFICANT: 2, PERIPHERAL: 1, UNKNOWN: 0 };

/** Each subject's most senior OCG role among the MEMBER_OF links on the chart. */
export function ocgRoles(doc: ChartDoc): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of doc.edges.values()) {
    if (e.data.type !== 'MEMBER_OF') continue;
    const role = String(e.data.props?.role ?? 'UNKNOWN');
    const cur = out.get(e.data.source);
    if (!cur || (ROLE_RANK[role] ?? 0) > (ROLE_RANK[cur] ?? 0)) out.set(e.data.source, role);
  }
  return out;
}

/** Number of links each node has on the chart. */
export function chartDegrees(doc: ChartDoc): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of doc.edges.values()) {
    out.set(e.data.source, (out.get(e.data.source) ?? 0) + 1);
    out.set(e.data.target, (out.get(e.data.target) ?? 0) + 1);
  }
  return out;
}

/** Values scaled to 0..1 by the largest (all zero stays zero). */
export function normalise(values: Map<string, number>): Map<string, number> {
  let max = 0;
  for (const v of values.values()) if (v > max) max = v;
  const out = new Map<string, number>();
  for (const [k, v] of values) out.set(k, max > 0 ? v / max : 0);
  return out;
}

export interface CommunityEntry {
  community: number;
  /** Its members among the entities counted. */
  members: number;
  /** The member with the most links in the analysed network (then betweenness, then id): the one to name it by. */
  hub: string;
}

export interface CommunityLegend {
  /** Largest first (ties by community number). */
  communities: CommunityEntry[];
  /** Entities counted with no community: restricted markers, or added since the analysis. */
  unassigned: number;
}

/**
 * The communities among the given entities (those drawn), from the per-entity community of the
 * last network analysis: each community's size and most connected member.
 */
export function communityLegend(ids: Iterable<string>, metrics: ReadonlyMap<string, NodeMetrics>): CommunityLegend {
  const byCommunity = new Map<number, { members: number; hub: NodeMetrics }>();
  let unassigned = 0;
  for (const id of ids) {
    const m = metrics.get(id);
    if (typeof m?.community !== 'number') {
      unassigned++;
      continue;
    }
    const c = byCommunity.get(m.community);
    if (!c) byCommunity.set(m.community, { members: 1, hub: m });
    else {
      c.members++;
      if (centralFirst(m, c.hub) < 0) c.hub = m;
    }
  }
  const communities = [...byCommunity].map(([community, c]) => ({ community, members: c.members, hub: c.hub.id }));
  communities.sort((a, b) => b.members - a.members || a.community - b.community);
  return { communities, unassigned };
}

const centralFirst = (a: NodeMetrics, b: NodeMetrics) =>
  b.degree - a.degree || b.betweenness - a.betweenness || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
