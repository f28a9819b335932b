import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../workspace/GraphWorkspace.js';
import { clearAdded, overlappingPairs, rectAt, roundTenth, stretchToAspect, type NodeBox } from '../workspace/placement.js';
import { mulberry32 } from '../../../server/domain/random.js';
import { installFastStyleCache } from './styleCache.js';

/**
 * Layout computed on a headless Cytoscape: positions in, positions out, nothing drawn. Runs in a
 * worker (so a large chart's layout never blocks panning or typing) or, where workers are not
 * available, on the main thread.
 */
cytoscape.use(fcose);
installFastStyleCache();

export interface LayoutNodeInput {
  id: string; x: number; y: number; w: number; h: number; pinned: boolean; level: number; group: string;
  /** How far the node's drawing (body and label) reaches from its position (see clearAdded). */
  box?: NodeBox;
}
export interface LayoutInput {
  name: LayoutName;
  randomize: boolean;
  /** The analyst's n-th "run again" (see LayoutRequest.variant): mixed into the seed. */
  variant?: number;
  nodes: LayoutNodeInput[];
  edges: { id: string; source: string; target: string }[];
  roots?: string[];
  /** Width over height of the space the chart is shown in: the drawing is stretched towards it. */
  aspect?: number;
  /** Nodes just added to the chart: placed clear of every other node, labels included (see clearAdded). */
  added?: string[];
}
export interface LayoutOutput { positions: Record<string, { x: number; y: number }>; ms: number; quality?: string }

/** Above this many elements fcose runs its fast spectral pass only. */
export const DRAFT_ABOVE = 2000;
/**
 * Above this many elements fcose's force-directed pass stops after 500 iterations (instead of
 * 2,500): on charts of a few hundred entities it halves the time, with no more overlaps and the
 * same link lengths.
 */
export const ITERATIONS_ABOVE = 500;

export function computeLayout(input: LayoutInput): LayoutOutput {
  const t0 = performance.now();
  // Elements are added after construction: no initial layout runs (the constructor's would
  // stack every node at the origin, or with "preset" fit the viewport to them, which costs more
  // than a draft fcose run on a large chart). Nodes of one size share one style (no per-node
  // mapping).
  const size = input.nodes.length + input.edges.length;
  // Incremental runs (keeping the mental map) cannot use "draft"; large from-scratch runs do.
  const draft = input.name === 'fcose' && input.randomize && size > DRAFT_ABOVE;
  const w0 = input.nodes[0]?.w;
  const h0 = input.nodes[0]?.h;
  const uniform = input.nodes.every((n) => n.w === w0 && n.h === h0);
  const cy = cytoscape({
    headless: true,
    // A draft (spectral) run places nodes by the links alone, never by their sizes: without a
    // stylesheet the elements are added and read about a third faster.
    styleEnabled: !draft,
    style: [{ selector: 'node', style: uniform && w0 !== undefined ? { width: w0, height: h0! } : { width: 'data(w)', height: 'data(h)' } }],
  });
  cy.add([
    ...input.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h, level: n.level, group: n.group }, position: { x: n.x, y: n.y } })),
    ...input.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
  ]);
  const pinned = input.nodes.filter((n) => n.pinned);
  let quality: string | undefined;
  let options: cytoscape.LayoutOptions;
  const common = { animate: false, fit: false, padding: 30 };
  switch (input.name) {
    case 'fcose': {
      quality = draft ? 'draft' : 'default';
      // "Run again" starts from a scattering of its own, drawn from its seed: with only a new seed
      // for fcose's own start, the browser's chart in tests/e2e/workspace.test.ts came out the same
      // again in 2 of 3 runs.
      let randomize = input.randomize;
      if (input.variant && randomize && !pinned.length) {
        const next = mulberry32(layoutSeed(input));
        const radius = 60 * Math.sqrt(input.nodes.length);
        cy.nodes().forEach((n) => { n.position({ x: (next() * 2 - 1) * radius, y: (next() * 2 - 1) * radius }); });
        randomize = false;
      }
      options = {
        name: 'fcose', ...common, quality, randomize,
        nodeSeparation: 90, idealEdgeLength: () => 90, nodeRepulsion: () => 6500, numIter: size > ITERATIONS_ABOVE ? 500 : 2500,
        packComponents: false, tile: true,
        initialEnergyOnIncremental: 0.25,
        fixedNodeConstraint: pinned.length && pinned.length < input.nodes.length ? pinned.map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } })) : undefined,
      } as unknown as cytoscape.LayoutOptions;
      break;
    }
    case 'concentric':
      options = {
        name: 'concentric', ...common, minNodeSpacing: 30, avoidOverlap: true,
        concentric: (n: cytoscape.NodeSingular) => n.data('level') as number,
        levelWidth: () => 1,
      } as cytoscape.LayoutOptions;
      break;
    case 'breadthfirst': {
      const roots = (input.roots ?? []).filter((id) => cy.getElementById(id).nonempty());
      options = {
        name: 'breadthfirst', ...common, directed: false, spacingFactor: 1.1, avoidOverlap: true, grid: false,
        roots: roots.length ? roots.map((id) => `#${cssEscape(id)}`).join(',') : undefined,
      } as cytoscape.LayoutOptions;
      break;
    }
    default:
      options = { name: 'grid', ...common, avoidOverlap: true, avoidOverlapPadding: 30, condense: false, sort: (a: cytoscape.NodeSingular, b: cytoscape.NodeSingular) => String(a.data('group')).localeCompare(String(b.data('group'))) || (b.data('level') as number) - (a.data('level') as number) } as cytoscape.LayoutOptions;
  }
  if (input.name !== 'fcose') for (const n of pinned) cy.getElementById(n.id).lock();
  // fcose's spectral start and its placement of pruned leaves draw on Math.random: seeded from the
  // chart, so the same network is laid out the same way every time (a picture an analyst can
  // reproduce, not a new one per run). The run is synchronous; the generator is restored after it.
  const random = Math.random;
  Math.random = mulberry32(layoutSeed(input));
  try {
    cy.layout(options).run();
  } finally {
    Math.random = random;
  }
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: roundTenth(p.x), y: roundTenth(p.y) };
  });
  cy.destroy();
  const fixed = new Set(pinned.map((n) => n.id));
  if (quality === 'draft') spreadPiles(positions, fixed);
  else if (input.name === 'fcose') {
    const boxes = new Map(input.nodes.filter((n) => n.box).map((n) => [n.id, n.box!]));
    // Stretching only moves nodes apart, so it comes first: what is cleared stays clear. A drawing
    // made from scratch may first be turned to the canvas's shape.
    if (input.aspect && !fixed.size) {
      if (input.randomize) turnToAspect(positions, boxes, input.aspect);
      stretchToAspect(positions, boxes, input.aspect);
    }
    if (input.added?.length && boxes.size) {
      clearAdded(positions, boxes, input.added);
      // Clearing moves the added nodes out of the way, in any direction, and left the drawing
      // rounder than the canvas (a 49-entity expansion: 0.82 of its shape). Stretched again: a
      // stretch only moves nodes apart, so what was cleared stays clear.
      if (input.aspect && !fixed.size) stretchToAspect(positions, boxes, input.aspect);
    }
  }
  return { positions, ms: performance.now() - t0, quality };
}

/**
 * A seed that follows from the chart: its nodes and links, in order, the layout asked for and, when
 * the analyst asked for it again, which time this is.
 */
export function layoutSeed(input: Pick<LayoutInput, 'name' | 'nodes' | 'edges' | 'variant'>): number {
  // FNV-1a over the ids.
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  mix(input.name);
  mix(String(input.variant ?? 0));
  for (const n of input.nodes) mix(n.id);
  for (const e of input.edges) mix(e.id);
  return h >>> 0;
}

export { MAX_STRETCH, stretchToAspect } from '../workspace/placement.js';

/** A drawing made from scratch is turned by whole steps of this many degrees (see turnToAspect). */
export const TURN_STEP_DEG = 15;
/** Larger drawings are not turned (with more, the layout is a draft run anyway). */
export const TURN_MAX_NODES = 2000;
/** A turn must make the fitted drawing at least this much larger to be worth making. */
const TURN_MIN_GAIN = 1.02;

/**
 * A drawing made from scratch has no orientation the analyst has seen yet, and a force-directed
 * one comes out in any: it is turned (about its centre, by whole TURN_STEP_DEGs) to the angle at
 * which, once stretched (stretchToAspect), it fits the canvas at the largest zoom, so its long
 * side lies along the canvas's. Labels stay upright while the centres turn, so an angle is taken
 * only if no more boxes overlap there than before. Returns the angle turned (degrees, 0 if none).
 */
export function turnToAspect(positions: Record<string, { x: number; y: number }>, boxes: ReadonlyMap<string, NodeBox>, aspect: number): number {
  const ids = Object.keys(positions);
  // Without every node's box (labels included) a turn could make labels meet unseen.
  if (ids.length < 3 || ids.length > TURN_MAX_NODES || !(aspect > 0) || ids.some((id) => !boxes.has(id))) return 0;
  const cx = ids.reduce((t, id) => t + positions[id]!.x, 0) / ids.length;
  const cy = ids.reduce((t, id) => t + positions[id]!.y, 0) / ids.length;
  const turned = (deg: number) => {
    const a = (deg * Math.PI) / 180;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const out: Record<string, { x: number; y: number }> = {};
    for (const id of ids) {
      const p = positions[id]!;
      out[id] = { x: roundTenth(cx + (p.x - cx) * cos - (p.y - cy) * sin), y: roundTenth(cy + (p.x - cx) * sin + (p.y - cy) * cos) };
    }
    return out;
  };
  // How large the drawing is shown once stretched and fitted: the canvas is `aspect` wide and 1 high.
  const fitted = (ps: Record<string, { x: number; y: number }>) => {
    const stretched = { ...ps };
    stretchToAspect(stretched, boxes, aspect);
    const b = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    for (const id of ids) {
      const r = rectAt(stretched[id]!, boxes.get(id)!);
      b.x1 = Math.min(b.x1, r.x1); b.y1 = Math.min(b.y1, r.y1); b.x2 = Math.max(b.x2, r.x2); b.y2 = Math.max(b.y2, r.y2);
    }
    return Math.min(aspect / Math.max(b.x2 - b.x1, 1e-9), 1 / Math.max(b.y2 - b.y1, 1e-9));
  };
  const overlaps = (ps: Record<string, { x: number; y: number }>) => overlappingPairs(ids.map((id) => rectAt(ps[id]!, boxes.get(id)!)));
  const here = fitted(positions);
  const candidates: { deg: number; ps: Record<string, { x: number; y: number }>; fit: number }[] = [];
  for (let deg = TURN_STEP_DEG; deg < 180; deg += TURN_STEP_DEG) {
    const ps = turned(deg);
    const fit = fitted(ps);
    if (fit >= here * TURN_MIN_GAIN) candidates.push({ deg, ps, fit });
  }
  if (!candidates.length) return 0;
  const before = overlaps(positions);
  for (const c of candidates.sort((a, b) => b.fit - a.fit)) {
    if (overlaps(c.ps) > before) continue;
    for (const id of ids) positions[id] = c.ps[id]!;
    return c.deg;
  }
  return 0;
}

/**
 * A draft (spectral) layout puts nodes with the same neighbours (the phones of one subject, the
 * members of one group) on one point. Each such pile is spread on a small sunflower around it, so
 * every node can be seen and picked; pinned nodes stay put.
 */
export function spreadPiles(positions: Record<string, { x: number; y: number }>, fixed: ReadonlySet<string> = new Set()): void {
  const CELL = 30;
  const piles = new Map<string, string[]>();
  for (const [id, p] of Object.entries(positions)) {
    if (fixed.has(id)) continue;
    const key = `${Math.round(p.x / CELL)},${Math.round(p.y / CELL)}`;
    const pile = piles.get(key);
    if (pile) pile.push(id);
    else piles.set(key, [id]);
  }
  for (const ids of piles.values()) {
    if (ids.length < 2) continue;
    let cx = 0;
    let cy = 0;
    for (const id of ids) {
      cx += positions[id]!.x / ids.length;
      cy += positions[id]!.y / ids.length;
    }
    ids.forEach((id, i) => {
      const r = 36 * Math.sqrt(i);
      const a = i * 2.39996;
      positions[id] = { x: roundTenth(cx + r * Math.cos(a)), y: roundTenth(cy + r * Math.sin(a)) };
    });
  }
}

function cssEscape(id: string): string {
  return id.replace(/([^A-Za-z0-9_-])/g, '\\$1');
}
