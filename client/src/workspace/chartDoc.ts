import { aroundAnchor, estimatedBox, placeClear, PLACEMENT_GAP, type NodeBox } from './placement.js';
import type { GraphEdge, GraphNode, GraphSlice } from './types.js';

/**
 * The chart document: what is drawn and where. Immutable values: every change makes a new
 * document (sharing unchanged records), so undo keeps old documents and the renderer diffs
 * records by identity.
 */
export interface Position { x: number; y: number }

export interface ChartNode {
  readonly data: GraphNode;
  readonly position?: Position;
  readonly pinned: boolean;
  readonly hidden: boolean;
}

export interface ChartEdge {
  readonly data: GraphEdge;
  readonly hidden: boolean;
}

export interface ChartDoc {
  readonly nodes: ReadonlyMap<string, ChartNode>;
  readonly edges: ReadonlyMap<string, ChartEdge>;
}

export const emptyDoc = (): ChartDoc => ({ nodes: new Map(), edges: new Map() });

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Adds a slice: new records are added, known ones refreshed; edges need both ends on the chart. */
export function mergeSlice(doc: ChartDoc, slice: Pick<GraphSlice, 'nodes' | 'edges'>): { doc: ChartDoc; added: string[] } {
  const nodes = new Map(doc.nodes);
  const edges = new Map(doc.edges);
  const added: string[] = [];
  let changed = false;
  for (const n of slice.nodes) {
    const cur = nodes.get(n.id);
    if (!cur) {
      nodes.set(n.id, { data: n, pinned: false, hidden: false });
      added.push(n.id);
    } else if (!sameJson(cur.data, n)) {
      nodes.set(n.id, { ...cur, data: n });
      changed = true;
    }
  }
  for (const e of slice.edges) {
    if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
    const cur = edges.get(e.id);
    if (!cur) {
      edges.set(e.id, { data: e, hidden: false });
      added.push(e.id);
    } else if (!sameJson(cur.data, e)) {
      edges.set(e.id, { ...cur, data: e });
      changed = true;
    }
  }
  return { doc: added.length || changed ? { nodes, edges } : doc, added };
}

/**
 * Brings the chart in line with a fresh read of some entities (`read`: the ids asked for; the
 * slice: what the server holds now). Asked-for records no longer there or archived leave with
 * their links; links among asked-for records that the read no longer has leave; the rest is
 * refreshed or added as by mergeSlice. A truncated read removes no link (its absence proves nothing).
 */
export function refreshFromRead(doc: ChartDoc, read: readonly string[], slice: Pick<GraphSlice, 'nodes' | 'edges' | 'truncated'>): ChartDoc {
  const asked = new Set(read);
  const live = new Map(slice.nodes.filter((n) => !n.archived).map((n) => [n.id, n]));
  const held = new Set(slice.edges.map((e) => e.id));
  const gone: string[] = [];
  for (const id of doc.nodes.keys()) if (asked.has(id) && !live.has(id)) gone.push(id);
  if (!slice.truncated) {
    for (const [id, e] of doc.edges) if (asked.has(e.data.source) && asked.has(e.data.target) && !held.has(id)) gone.push(id);
  }
  return mergeSlice(removeElements(doc, gone), { nodes: [...live.values()], edges: slice.edges }).doc;
}

/** Removes nodes (with their links) and links. */
export function removeElements(doc: ChartDoc, ids: Iterable<string>): ChartDoc {
  const gone = new Set(ids);
  if (!gone.size) return doc;
  const nodes = new Map([...doc.nodes].filter(([id]) => !gone.has(id)));
  const edges = new Map([...doc.edges].filter(([id, e]) => !gone.has(id) && nodes.has(e.data.source) && nodes.has(e.data.target)));
  return nodes.size === doc.nodes.size && edges.size === doc.edges.size ? doc : { nodes, edges };
}

/** Changes some records' flags; unknown ids are ignored. */
export function updateNodes(doc: ChartDoc, ids: Iterable<string>, change: (n: ChartNode) => ChartNode): ChartDoc {
  let nodes: Map<string, ChartNode> | undefined;
  for (const id of ids) {
    const cur = doc.nodes.get(id);
    if (!cur) continue;
    const next = change(cur);
    if (next === cur) continue;
    nodes ??= new Map(doc.nodes);
    nodes.set(id, next);
  }
  return nodes ? { nodes, edges: doc.edges } : doc;
}

export function updateEdges(doc: ChartDoc, ids: Iterable<string>, change: (e: ChartEdge) => ChartEdge): ChartDoc {
  let edges: Map<string, ChartEdge> | undefined;
  for (const id of ids) {
    const cur = doc.edges.get(id);
    if (!cur) continue;
    const next = change(cur);
    if (next === cur) continue;
    edges ??= new Map(doc.edges);
    edges.set(id, next);
  }
  return edges ? { nodes: doc.nodes, edges } : doc;
}

export function setPositions(doc: ChartDoc, positions: ReadonlyMap<string, Position> | Record<string, Position>): ChartDoc {
  const map = positions instanceof Map ? positions : new Map(Object.entries(positions));
  return updateNodes(doc, map.keys(), (n) => {
    const p = map.get(n.data.id)!;
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return n;
    // A tenth of a pixel is plenty; rounding keeps saved charts and undo snapshots identical.
    const x = Math.round(p.x * 10) / 10;
    const y = Math.round(p.y * 10) / 10;
    if (n.position && n.position.x === x && n.position.y === y) return n;
    return { ...n, position: { x, y } };
  });
}

/** Ids of nodes adjacent to these (through any link on the chart). */
export function neighbourIds(doc: ChartDoc, ids: Iterable<string>): Set<string> {
  const from = new Set(ids);
  const out = new Set<string>();
  for (const e of doc.edges.values()) {
    if (from.has(e.data.source)) out.add(e.data.target);
    if (from.has(e.data.target)) out.add(e.data.source);
  }
  return out;
}

/**
 * Gives unplaced nodes a position: round a placed neighbour (preferring the anchors, e.g. the
 * node that was expanded; see aroundAnchor), else in a block beside what is already drawn. Each goes to
 * the free spot nearest that, so it covers no node (label included) already drawn or placed.
 */
export function placeUnplaced(doc: ChartDoc, anchors: readonly string[] = []): ChartDoc {
  const unplaced = [...doc.nodes.values()].filter((n) => !n.position).map((n) => n.data.id);
  if (!unplaced.length) return doc;
  const pos = new Map<string, Position>();
  for (const n of doc.nodes.values()) if (n.position) pos.set(n.data.id, n.position);
  const placed = [...pos].map(([id, at]) => ({ at, box: estimatedBox(doc.nodes.get(id)!.data.label) }));
  const boxes = new Map(unplaced.map((id) => [id, estimatedBox(doc.nodes.get(id)!.data.label)]));
  const adj = new Map<string, string[]>();
  for (const e of doc.edges.values()) {
    (adj.get(e.data.source) ?? adj.set(e.data.source, []).get(e.data.source)!).push(e.data.target);
    (adj.get(e.data.target) ?? adj.set(e.data.target, []).get(e.data.target)!).push(e.data.source);
  }
  const anchorSet = new Set(anchors);
  const groups = new Map<string, string[]>();
  const loose: string[] = [];
  for (const id of unplaced) {
    const around = (adj.get(id) ?? []).filter((m) => pos.has(m));
    const anchor = around.find((m) => anchorSet.has(m)) ?? around[0];
    if (anchor) (groups.get(anchor) ?? groups.set(anchor, []).get(anchor)!).push(id);
    else loose.push(id);
  }
  for (const [anchor, ids] of groups) {
    const cell = cellOf(ids, boxes);
    ids.forEach((id, i) => pos.set(id, aroundAnchor(pos.get(anchor)!, i, ids.length, cell.w, cell.h)));
  }
  if (loose.length) {
    // Beside the existing drawing (or centred on an empty chart), in a block of cells.
    const drawn = [...pos.values()];
    const { w: cellW, h: cellH } = cellOf(loose, boxes);
    const cols = Math.max(1, Math.round(Math.sqrt((loose.length * cellH) / cellW)));
    const rows = Math.ceil(loose.length / cols);
    const x0 = drawn.length ? Math.max(...drawn.map((p) => p.x)) + 160 : (-(cols - 1) * cellW) / 2;
    const y0 = (drawn.length ? drawn.reduce((s, p) => s + p.y, 0) / drawn.length : 0) - ((rows - 1) * cellH) / 2;
    loose.forEach((id, i) => pos.set(id, { x: x0 + (i % cols) * cellW, y: y0 + Math.floor(i / cols) * cellH }));
  }
  const wanted = [...groups.values(), loose].flat().map((id) => ({ id, at: pos.get(id)!, box: boxes.get(id)! }));
  return setPositions(doc, placeClear(wanted, placed));
}

/** A cell wide and tall enough for the largest of these nodes' boxes and the gap between (and a pixel more, against rounding). */
function cellOf(ids: readonly string[], boxes: ReadonlyMap<string, NodeBox>): { w: number; h: number } {
  let w = 0;
  let h = 0;
  for (const id of ids) {
    const b = boxes.get(id)!;
    w = Math.max(w, b.left + b.right);
    h = Math.max(h, b.top + b.bottom);
  }
  return { w: w + PLACEMENT_GAP + 1, h: h + PLACEMENT_GAP + 1 };
}

/** Highest protective marking among what is drawn (for the banner and exports). */
export function highestClassification(doc: ChartDoc, order: readonly string[]): string | undefined {
  let best = -1;
  const rank = (c: string | undefined) => (c ? order.indexOf(c) : -1);
  for (const n of doc.nodes.values()) best = Math.max(best, rank(n.data.markings?.classification));
  for (const e of doc.edges.values()) best = Math.max(best, rank(e.data.markings?.classification));
  return best >= 0 ? order[best] : undefined;
}
