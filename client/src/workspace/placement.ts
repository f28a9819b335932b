import type { Position } from './chartDoc.js';

/**
 * Where on the chart a node may go without covering another: each node takes a box (its body
 * and the label hanging below it), and a new node is put at the nearest spot, from where it is
 * wanted, whose box is clear of every box already there.
 */

/** How far a node's drawing reaches from its position, each way. */
export interface NodeBox { left: number; right: number; top: number; bottom: number }

export interface Rect { x1: number; y1: number; x2: number; y2: number }

export function rectAt(p: Position, b: NodeBox): Rect {
  return { x1: p.x - b.left, y1: p.y - b.top, x2: p.x + b.right, y2: p.y + b.bottom };
}

/** The two rectangles overlap, or come closer than `gap`. */
export function rectsClash(a: Rect, b: Rect, gap = 0): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

/**
 * What the chart's stylesheet draws: a 34 px body with its border, and below it (4 px down) a label
 * in 11 px type, about 0.6 of the type size a character, cut short at 140 px.
 */
const LOOK = { body: 38, font: 11, charWidth: 0.6, lineHeight: 1.3, labelGap: 4, labelMax: 140, padding: 4 } as const;

/**
 * Zoomed out, labels are drawn larger (graph/style.ts, labelScale): about 1.5 times at the zoom
 * that fits a network of some dozens of entities to a laptop screen. Estimates assume that.
 */
export const ASSUMED_LABEL_SCALE = 1.5;

/** The box a node will be drawn with, estimated from its label before it is drawn. */
export function estimatedBox(label: string, scale = ASSUMED_LABEL_SCALE): NodeBox {
  const font = LOOK.font * scale;
  const text = Math.min(LOOK.labelMax * scale, label.length * font * LOOK.charWidth) + LOOK.padding;
  const half = Math.max(LOOK.body, text) / 2;
  const top = LOOK.body / 2;
  return { left: half, right: half, top, bottom: top + LOOK.labelGap + font * LOOK.lineHeight + LOOK.padding };
}

/** Space kept between two nodes' boxes. */
export const PLACEMENT_GAP = 10;

/** Rectangles by grid cell, so a clash test looks only at what is near. */
export class Occupancy {
  private readonly cells = new Map<string, Rect[]>();

  constructor(private readonly cell = 200) {}

  add(r: Rect): void {
    this.forCells(r, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(r);
      else this.cells.set(key, [r]);
    });
  }

  clashes(r: Rect, gap = PLACEMENT_GAP): boolean {
    let hit = false;
    this.forCells({ x1: r.x1 - gap, y1: r.y1 - gap, x2: r.x2 + gap, y2: r.y2 + gap }, (key) => {
      if (!hit) hit = !!this.cells.get(key)?.some((o) => rectsClash(r, o, gap));
    });
    return hit;
  }

  private forCells(r: Rect, fn: (key: string) => void): void {
    const c = this.cell;
    for (let i = Math.floor(r.x1 / c); i <= Math.floor(r.x2 / c); i++) {
      for (let j = Math.floor(r.y1 / c); j <= Math.floor(r.y2 / c); j++) fn(`${i},${j}`);
    }
  }
}

/**
 * How many pairs of the rectangles overlap, looking only at rectangles in the same cell of a grid
 * (as Occupancy does): a pair is counted in the one cell holding the top-left corner of where they
 * overlap.
 */
export function overlappingPairs(rects: readonly Rect[], cell = 200): number {
  const grid = new Map<string, number[]>();
  rects.forEach((r, i) => {
    for (let x = Math.floor(r.x1 / cell); x <= Math.floor(r.x2 / cell); x++) {
      for (let y = Math.floor(r.y1 / cell); y <= Math.floor(r.y2 / cell); y++) {
        const key = `${x},${y}`;
        const list = grid.get(key);
        if (list) list.push(i);
        else grid.set(key, [i]);
      }
    }
  });
  let n = 0;
  for (const [key, list] of grid) {
    const [cx, cy] = key.split(',').map(Number) as [number, number];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = rects[list[i]!]!;
        const b = rects[list[j]!]!;
        if (rectsClash(a, b) && Math.floor(Math.max(a.x1, b.x1) / cell) === cx && Math.floor(Math.max(a.y1, b.y1) / cell) === cy) n++;
      }
    }
  }
  return n;
}

/** A ring round an anchor is at least this far out, and at most RING_MAX: more nodes fill a disc. */
const RING_MIN = 90;
const RING_MAX = 400;

/**
 * Where the i-th of n nodes added round an anchor at `c` is wanted, each needing a cell of
 * `cellW` by `cellH`: on a ring wide enough to hold them side by side, or when that ring would
 * be larger than RING_MAX, spread evenly over a disc round the anchor, filling outwards.
 */
export function aroundAnchor(c: Position, i: number, n: number, cellW: number, cellH: number): Position {
  const ring = Math.max(RING_MIN + n * 6, (n * cellW) / (2 * Math.PI));
  if (ring <= RING_MAX) {
    const a = (2 * Math.PI * i) / n - Math.PI / 2;
    return { x: c.x + ring * Math.cos(a), y: c.y + ring * Math.sin(a) };
  }
  // Each node takes one cell's area of the disc beyond the inner circle.
  const inner = RING_MIN + cellH;
  const r = Math.sqrt(inner * inner + (i * cellW * cellH) / Math.PI);
  const a = i * GOLDEN_ANGLE - Math.PI / 2;
  return { x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) };
}

/** Points tried around the wanted one: a sunflower spiral, nearest first, about this far apart. */
const SPIRAL_STEP = 14;
const SPIRAL_TRIES = 4000;
const GOLDEN_ANGLE = 2.39996;

/**
 * The nearest point to `want` (along a spiral round it) where a node with this box is clear of
 * everything in `taken`; `want` itself when nothing near is free.
 */
export function freeSpot(want: Position, box: NodeBox, taken: Occupancy, gap = PLACEMENT_GAP): Position {
  for (let i = 0; i < SPIRAL_TRIES; i++) {
    const r = SPIRAL_STEP * Math.sqrt(i);
    const a = i * GOLDEN_ANGLE;
    const p = { x: want.x + r * Math.cos(a), y: want.y + r * Math.sin(a) };
    if (!taken.clashes(rectAt(p, box), gap)) return p;
  }
  return want;
}

/**
 * Places nodes one after another at the free spot nearest where each is wanted, clear of the
 * nodes already placed (`placed`) and of each other.
 */
export function placeClear(
  wanted: readonly { id: string; at: Position; box: NodeBox }[],
  placed: readonly { at: Position; box: NodeBox }[],
  gap = PLACEMENT_GAP,
): Map<string, Position> {
  const taken = new Occupancy();
  for (const p of placed) taken.add(rectAt(p.at, p.box));
  const out = new Map<string, Position>();
  for (const w of wanted) {
    const p = freeSpot(w.at, w.box, taken, gap);
    taken.add(rectAt(p, w.box));
    out.set(w.id, p);
  }
  return out;
}

/**
 * A force-directed layout keeps node bodies apart, not their labels (wider than the bodies,
 * hanging below them). Each node just added that covers another node's box (body and label) is
 * moved to the nearest spot clear of every other, in turn; the nodes that were there already stay
 * where they are.
 */
export function clearAdded(positions: Record<string, { x: number; y: number }>, boxes: ReadonlyMap<string, NodeBox>, added: readonly string[]): void {
  const mine = [...new Set(added)].filter((id) => positions[id] && boxes.has(id));
  const isMine = new Set(mine);
  const others = Object.keys(positions).filter((id) => !isMine.has(id) && boxes.has(id)).map((id) => ({ at: positions[id]!, box: boxes.get(id)! }));
  const placed = placeClear(mine.map((id) => ({ id, at: positions[id]!, box: boxes.get(id)! })), others);
  for (const [id, p] of placed) positions[id] = { x: roundTenth(p.x), y: roundTenth(p.y) };
}

/** The most a drawing is stretched along one axis to match the screen's shape. */
export const MAX_STRETCH = 1.5;

/**
 * A force-directed drawing comes out about round; the chart is shown on a wide (or tall) canvas.
 * The drawing is stretched along the canvas's long side, at most MAX_STRETCH times, until its
 * width over height (boxes included) is the canvas's. Only ever stretched: nodes move apart,
 * never closer, so nothing comes to overlap.
 */
export function stretchToAspect(positions: Record<string, { x: number; y: number }>, boxes: ReadonlyMap<string, NodeBox>, aspect: number): void {
  const ids = Object.keys(positions);
  if (ids.length < 2 || !(aspect > 0)) return;
  const xs = ids.map((id) => positions[id]!.x);
  const ys = ids.map((id) => positions[id]!.y);
  const centres = { x1: Math.min(...xs), x2: Math.max(...xs), y1: Math.min(...ys), y2: Math.max(...ys) };
  const outer = { ...centres };
  for (const id of ids) {
    const b = boxes.get(id);
    if (!b) continue;
    const r = rectAt(positions[id]!, b);
    outer.x1 = Math.min(outer.x1, r.x1);
    outer.x2 = Math.max(outer.x2, r.x2);
    outer.y1 = Math.min(outer.y1, r.y1);
    outer.y2 = Math.max(outer.y2, r.y2);
  }
  const w = outer.x2 - outer.x1;
  const h = outer.y2 - outer.y1;
  if (!(w > 0 && h > 0)) return;
  // The boxes' reach past the outermost centres does not stretch: only the span of centres does.
  const wide = w / h < aspect;
  const span = wide ? centres.x2 - centres.x1 : centres.y2 - centres.y1;
  if (!(span > 0)) return;
  const want = wide ? aspect * h : w / aspect;
  const have = wide ? w : h;
  const k = Math.min(MAX_STRETCH, 1 + (want - have) / span);
  if (k <= 1.01) return;
  const mid = wide ? (centres.x1 + centres.x2) / 2 : (centres.y1 + centres.y2) / 2;
  for (const id of ids) {
    const p = positions[id]!;
    positions[id] = wide ? { x: roundTenth(mid + (p.x - mid) * k), y: p.y } : { x: p.x, y: roundTenth(mid + (p.y - mid) * k) };
  }
}

/** Positions are kept to a tenth of a pixel: the same drawing compares equal however it was reached. */
export const roundTenth = (v: number) => Math.round(v * 10) / 10;
