import type { ChartDoc, Position } from '../workspace/chartDoc.js';
import { nextId, type ChartGroup } from './model.js';

/**
 * Groups as a view of the chart: the document is never changed. Members of a group are not drawn;
 * the group is drawn as one node, and links to its members are drawn to the group, one line per
 * pair of drawn ends with the number of links it stands for. Ungrouping removes the group, so
 * what is drawn is again exactly the document (elements and positions).
 */
export interface DrawnGroup { id: string; kind: ChartGroup['kind']; label: string; count: number; position: Position; members: string[] }
export interface DrawnLink { id: string; source: string; target: string; count: number; types: string[]; links: string[] }

export interface GroupedView {
  /** Drawn member -> its group. */
  memberOf: Map<string, string>;
  groups: DrawnGroup[];
  /** Links drawn through a group (instead of the members' own links). */
  links: DrawnLink[];
  /** Links of the document not drawn themselves: inside a group, or drawn as part of a DrawnLink. */
  absorbed: Set<string>;
}

/** The groups' members on the chart, each in its first group only. */
function membership(doc: ChartDoc, groups: readonly ChartGroup[]): Map<string, string> {
  const memberOf = new Map<string, string>();
  for (const g of groups) for (const m of g.members) if (doc.nodes.has(m) && !memberOf.has(m)) memberOf.set(m, g.id);
  return memberOf;
}

/**
 * What is drawn for these groups. `visible` (node and link ids shown after filters) limits the
 * links drawn through groups; a group whose members are all filtered out is not drawn.
 */
export function groupedView(doc: ChartDoc, groups: readonly ChartGroup[], visible?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }): GroupedView {
  const memberOf = membership(doc, groups);
  const drawn: DrawnGroup[] = [];
  const shownGroups = new Set<string>();
  for (const g of groups) {
    const members = g.members.filter((m) => memberOf.get(m) === g.id);
    if (!members.length) continue;
    if (visible && !members.some((m) => visible.nodes.has(m))) continue;
    shownGroups.add(g.id);
    drawn.push({ id: g.id, kind: g.kind, label: g.label, count: members.length, position: g.position, members });
  }
  const links = new Map<string, DrawnLink>();
  const absorbed = new Set<string>();
  if (memberOf.size) {
    for (const [id, e] of doc.edges) {
      const gs = memberOf.get(e.data.source);
      const gt = memberOf.get(e.data.target);
      if (!gs && !gt) continue;
      absorbed.add(id);
      if (visible && !visible.edges.has(id)) continue;
      const a = gs ?? e.data.source;
      const b = gt ?? e.data.target;
      if (a === b) continue; // inside one group
      if ((gs && !shownGroups.has(gs)) || (gt && !shownGroups.has(gt))) continue;
      const [x, y] = a < b ? [a, b] : [b, a];
      const key = `agg:${x}|${y}`;
      const cur = links.get(key);
      if (cur) {
        cur.count++;
        cur.links.push(id);
        if (!cur.types.includes(e.data.type)) cur.types.push(e.data.type);
      } else links.set(key, { id: key, source: x, target: y, count: 1, types: [e.data.type], links: [id] });
    }
  }
  return { memberOf, groups: drawn, links: [...links.values()], absorbed };
}

export class GroupingError extends Error {
  constructor(readonly code: 'TOO_FEW' | 'ALREADY_GROUPED' | 'NOT_AN_OCG', message: string) {
    super(message);
  }
}

const centroid = (doc: ChartDoc, ids: readonly string[]): Position => {
  const ps = ids.map((id) => doc.nodes.get(id)?.position).filter((p): p is Position => !!p);
  if (!ps.length) return { x: 0, y: 0 };
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x: r(ps.reduce((s, p) => s + p.x, 0) / ps.length), y: r(ps.reduce((s, p) => s + p.y, 0) / ps.length) };
};

/** Combines these entities (at least two, none already in a group) into a new group. */
export function groupItems(doc: ChartDoc, groups: readonly ChartGroup[], ids: Iterable<string>, label?: string): { groups: ChartGroup[]; group: ChartGroup } {
  const members = [...new Set(ids)].filter((id) => doc.nodes.has(id));
  if (members.length < 2) throw new GroupingError('TOO_FEW', 'Select at least two entities to group');
  const taken = membership(doc, groups);
  const inGroup = members.filter((m) => taken.has(m));
  if (inGroup.length) throw new GroupingError('ALREADY_GROUPED', `${inGroup.length === 1 ? 'One of them is' : `${inGroup.length} of them are`} already in a group: ungroup first`);
  const group: ChartGroup = {
    id: nextId('group:', groups.map((g) => g.id)), kind: 'group',
    label: label?.trim() || `Group of ${members.length}`, members, position: centroid(doc, members),
  };
  return { groups: [...groups, group], group };
}

/** The subjects linked to an OCG by membership on the chart. */
export function ocgMembers(doc: ChartDoc, ocg: string): string[] {
  const out: string[] = [];
  for (const e of doc.edges.values()) {
    if (e.data.type !== 'MEMBER_OF') continue;
    if (e.data.target === ocg && e.data.source !== ocg && !out.includes(e.data.source)) out.push(e.data.source);
  }
  return out;
}

/** Collapses an OCG with its members (those not already in a group) into one node where the OCG is. */
export function collapseOcg(doc: ChartDoc, groups: readonly ChartGroup[], ocg: string): { groups: ChartGroup[]; group: ChartGroup } {
  const n = doc.nodes.get(ocg);
  if (!n || n.data.type !== 'OCG' || n.data.restricted) throw new GroupingError('NOT_AN_OCG', 'Choose an organised crime group on the chart to collapse');
  const taken = membership(doc, groups);
  if (taken.has(ocg)) throw new GroupingError('ALREADY_GROUPED', `${n.data.label} is already collapsed or grouped`);
  const members = [ocg, ...ocgMembers(doc, ocg).filter((m) => !taken.has(m))];
  const group: ChartGroup = {
    id: nextId('group:', groups.map((g) => g.id)), kind: 'ocg', label: n.data.label, members,
    position: n.position ? { ...n.position } : centroid(doc, members), ocg,
  };
  return { groups: [...groups, group], group };
}

/** Removes groups (ungroup / expand): their members are drawn again where they were. */
export function ungroup(groups: readonly ChartGroup[], ids: Iterable<string>): ChartGroup[] {
  const gone = new Set(ids);
  return groups.filter((g) => !gone.has(g.id));
}

export function renameGroup(groups: readonly ChartGroup[], id: string, label: string): ChartGroup[] {
  const text = label.trim();
  return groups.map((g) => (g.id === id && text && g.label !== text ? { ...g, label: text } : g));
}

export function moveGroups(groups: readonly ChartGroup[], positions: ReadonlyMap<string, Position>): ChartGroup[] {
  return groups.map((g) => {
    const p = positions.get(g.id);
    return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { ...g, position: { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 } } : g;
  });
}
