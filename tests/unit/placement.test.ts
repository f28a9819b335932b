import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STRETCH, TURN_MAX_NODES, computeLayout, layoutSeed, stretchToAspect, turnToAspect } from '../../client/src/graph/layoutEngine.js';
import { LABEL_FONT_PX, LABEL_SCALE, LINK_LABEL_FONT_PX, MIN_LINK_LABEL_PX, chartStyle, labelScale } from '../../client/src/graph/style.js';
import { emptyDoc, mergeSlice, placeUnplaced, setPositions, type ChartDoc } from '../../client/src/workspace/chartDoc.js';
import {
  Occupancy, PLACEMENT_GAP, aroundAnchor, clearAdded, estimatedBox, freeSpot, overlappingPairs, placeClear, rectAt, rectsClash, type NodeBox,
} from '../../client/src/workspace/placement.js';
import type { GraphEdge, GraphNode } from '../../client/src/workspace/types.js';

/**
 * Readability of the chart as pure functions: where added entities go (clear of what is drawn,
 * labels included), how a layout keeps labels apart and takes the canvas's shape, and how large
 * labels are drawn at a zoom.
 */
const markings = { classification: 'OFFICIAL', handling: 'P', handlingConditions: [], agency: 'FORCE-A', compartments: [], nfd: false };
const node = (id: string, label = `Subject ${id}`): GraphNode => ({ id, type: 'Subject', label, restricted: false, access: 'full', props: {}, markings });
const edge = (source: string, target: string): GraphEdge =>
  ({ id: `ASSOCIATE_OF-${source}-${target}`, source, target, type: 'ASSOCIATE_OF', restricted: false, strength: null, reportCount: 0, props: {}, markings });

const box: NodeBox = { left: 50, right: 50, top: 20, bottom: 45 };

/** Pairs of nodes whose estimated boxes clash. */
function clashesIn(doc: ChartDoc, gap = 0): [string, string][] {
  const rects = [...doc.nodes.values()].map((n) => ({ id: n.data.id, r: rectAt(n.position!, estimatedBox(n.data.label)) }));
  const out: [string, string][] = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) if (rectsClash(rects[i]!.r, rects[j]!.r, gap)) out.push([rects[i]!.id, rects[j]!.id]);
  }
  return out;
}

describe('where a new node goes', () => {
  it('estimates a node box from its label: the label hangs below the body and is cut short', () => {
    const short = estimatedBox('Ann');
    const long = estimatedBox('Marguerite Okonkwo-Blythe of Eastport');
    const huge = estimatedBox('x'.repeat(500));
    expect(short.left).toBe(short.right);
    expect(short.bottom).toBeGreaterThan(short.top);
    expect(long.left).toBeGreaterThan(short.left);
    expect(huge.left).toBe(estimatedBox('y'.repeat(900)).left);
    // Larger labels (a zoomed-out chart) take more room.
    expect(estimatedBox('Dana Quarrie', 2).left).toBeGreaterThan(estimatedBox('Dana Quarrie', 1).left);
  });

  it('is where it is wanted when that is free, else the nearest spot clear of everything', () => {
    const taken = new Occupancy();
    expect(freeSpot({ x: 0, y: 0 }, box, taken)).toEqual({ x: 0, y: 0 });
    taken.add(rectAt({ x: 0, y: 0 }, box));
    const p = freeSpot({ x: 0, y: 0 }, box, taken);
    expect(rectsClash(rectAt(p, box), rectAt({ x: 0, y: 0 }, box), PLACEMENT_GAP)).toBe(false);
    // The nearest: no further than one box and its gap away.
    expect(Math.hypot(p.x, p.y)).toBeLessThan(box.top + box.bottom + PLACEMENT_GAP + 20);
  });

  it('keeps every node placed together clear of the others and of what was there (any wanted spots)', () => {
    const point = fc.record({ x: fc.integer({ min: -300, max: 300 }), y: fc.integer({ min: -300, max: 300 }) });
    fc.assert(fc.property(fc.array(point, { maxLength: 12 }), fc.array(point, { minLength: 1, maxLength: 12 }), (there, wanted) => {
      const placed = there.map((at) => ({ at, box }));
      const out = placeClear(wanted.map((at, i) => ({ id: `n${i}`, at, box })), placed);
      const newRects = [...out.values()].map((p) => rectAt(p, box));
      // The nodes already there may overlap each other; the new ones clash with nothing.
      const oldRects = placed.map((p) => rectAt(p.at, box));
      newRects.forEach((r, i) => {
        for (const o of oldRects) expect(rectsClash(r, o)).toBe(false);
        for (const q of newRects.slice(i + 1)) expect(rectsClash(r, q)).toBe(false);
      });
    }), { numRuns: 150 });
  });

  it('places an expansion round the expanded node, clear of the nodes drawn near it and of each other', () => {
    // A drawn hub with neighbours close round it; the expansion adds twelve more to one of them.
    let doc = mergeSlice(emptyDoc(), {
      nodes: [node('hub', 'Harrow Street Crew'), ...Array.from({ length: 6 }, (_, i) => node(`m${i}`, `Member number ${i}`))],
      edges: Array.from({ length: 6 }, (_, i) => edge('hub', `m${i}`)),
    }).doc;
    doc = setPositions(doc, Object.fromEntries([['hub', { x: 0, y: 0 }], ...Array.from({ length: 6 }, (_, i) => [`m${i}`, { x: 160 * Math.cos(i), y: 120 * Math.sin(i) }])]));
    const drawn = clashesIn(doc);
    const fresh = Array.from({ length: 12 }, (_, i) => node(`p${i}`, `07700 900${100 + i}`));
    doc = placeUnplaced(mergeSlice(doc, { nodes: fresh, edges: fresh.map((f) => edge('m0', f.id)) }).doc, ['m0']);
    const m0 = doc.nodes.get('m0')!.position!;
    for (const f of fresh) {
      const p = doc.nodes.get(f.id)!.position!;
      expect(Math.hypot(p.x - m0.x, p.y - m0.y)).toBeLessThan(500);
    }
    expect(clashesIn(doc)).toEqual(drawn);
  });

  it('places a large fan-out on a disc round the expanded node, not on one huge ring', () => {
    let doc = setPositions(mergeSlice(emptyDoc(), { nodes: [node('hub')], edges: [] }).doc, { hub: { x: 0, y: 0 } });
    const fresh = Array.from({ length: 100 }, (_, i) => node(`p${i}`, `Phone number ${i}`));
    doc = placeUnplaced(mergeSlice(doc, { nodes: fresh, edges: fresh.map((f) => edge('hub', f.id)) }).doc, ['hub']);
    const far = Math.max(...fresh.map((f) => Math.hypot(doc.nodes.get(f.id)!.position!.x, doc.nodes.get(f.id)!.position!.y)));
    expect(far).toBeLessThan(900);
    expect(clashesIn(doc)).toEqual([]);
    // A few go on a ring, evenly round.
    const ring = Array.from({ length: 4 }, (_, i) => aroundAnchor({ x: 0, y: 0 }, i, 4, 120, 70));
    expect(new Set(ring.map((p) => Math.round(Math.hypot(p.x, p.y)))).size).toBe(1);
  });

  it('places entities with no link to the chart beside it, clear of it and of each other', () => {
    let doc = mergeSlice(emptyDoc(), { nodes: [node('a'), node('b')], edges: [edge('a', 'b')] }).doc;
    doc = setPositions(doc, { a: { x: 0, y: 0 }, b: { x: 60, y: 0 } });
    const before = clashesIn(doc);
    const loose = ['Marguerite Okonkwo-Blythe', 'Alexander Fitzwilliam', 'Unknown Courier', 'Eastport Supply Line', '7 Quay Row, Eastport'];
    doc = placeUnplaced(mergeSlice(doc, { nodes: loose.map((l, i) => node(`n${i}`, l)), edges: [] }).doc);
    expect(clashesIn(doc)).toEqual(before);
    for (let i = 0; i < loose.length; i++) expect(doc.nodes.get(`n${i}`)!.position!.x).toBeGreaterThan(0);
  });

  it('places entities added to an empty chart apart from each other', () => {
    const doc = placeUnplaced(mergeSlice(emptyDoc(), { nodes: Array.from({ length: 8 }, (_, i) => node(`n${i}`, `Named entity ${i}`)), edges: [] }).doc);
    expect(clashesIn(doc, PLACEMENT_GAP - 0.5)).toEqual([]);
  });

  it('places a large addition quickly', () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => node(`n${i}`, `Subject number ${i}`));
    const edges = nodes.slice(1).map((n, i) => edge(`n${Math.floor(i / 5)}`, n.id));
    const t0 = performance.now();
    const doc = placeUnplaced(mergeSlice(emptyDoc(), { nodes, edges }).doc);
    const ms = performance.now() - t0;
    expect([...doc.nodes.values()].every((n) => n.position)).toBe(true);
    expect(ms).toBeLessThan(1500);
  });
});

describe('a layout leaves nodes just added clear of the others', () => {
  const boxes = (ids: string[]) => new Map(ids.map((id) => [id, box]));
  const clash = (p: { x: number; y: number }, q: { x: number; y: number }) => rectsClash(rectAt(p, box), rectAt(q, box));

  it('moves an added node off the nodes it covers, to the nearest clear spot; the others stay', () => {
    const positions: Record<string, { x: number; y: number }> = { a: { x: 0, y: 0 }, b: { x: 40, y: 10 }, c: { x: 400, y: 0 }, new1: { x: 20, y: 0 }, new2: { x: 20, y: 5 } };
    clearAdded(positions, boxes(Object.keys(positions)), ['new1', 'new2']);
    // The nodes that were there keep their place, even overlapping each other.
    expect(positions.a).toEqual({ x: 0, y: 0 });
    expect(positions.b).toEqual({ x: 40, y: 10 });
    for (const n of ['new1', 'new2']) for (const o of ['a', 'b', 'c']) expect(clash(positions[n]!, positions[o]!)).toBe(false);
    expect(clash(positions.new1!, positions.new2!)).toBe(false);
    expect(Math.hypot(positions.new1!.x - 20, positions.new1!.y)).toBeLessThan(200);
  });

  it('leaves an added node that covers nothing where the layout put it', () => {
    const positions = { a: { x: 0, y: 0 }, n: { x: 300, y: 0 } };
    clearAdded(positions, boxes(['a', 'n']), ['n']);
    expect(positions.n).toEqual({ x: 300, y: 0 });
  });

  it('clears any crowd of added nodes (none overlaps another node afterwards)', () => {
    const point = fc.record({ x: fc.integer({ min: -150, max: 150 }), y: fc.integer({ min: -150, max: 150 }) });
    fc.assert(fc.property(fc.array(point, { maxLength: 15 }), fc.array(point, { minLength: 1, maxLength: 15 }), (old, fresh) => {
      const positions = Object.fromEntries([...old.map((p, i) => [`o${i}`, { ...p }]), ...fresh.map((p, i) => [`n${i}`, { ...p }])]);
      const added = fresh.map((_, i) => `n${i}`);
      clearAdded(positions, boxes(Object.keys(positions)), added);
      for (const n of added) for (const id of Object.keys(positions)) if (id !== n) expect(clash(positions[n]!, positions[id]!)).toBe(false);
    }), { numRuns: 100 });
  });

  it('is run after an fcose layout on the nodes it is told were added', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, x: i * 5, y: 0, w: 60, h: 60, pinned: false, level: 1, group: 'Subject', box }));
    const out = computeLayout({ name: 'fcose', randomize: false, nodes, edges: [], added: ['a', 'b', 'c', 'd'] });
    const ps = Object.values(out.positions);
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) expect(clash(ps[i]!, ps[j]!)).toBe(false);
  });
});

describe('a layout from scratch is reproducible', () => {
  // A network of hubs and leaves: fcose's spectral start and its placement of pruned leaves are
  // where its random choices are made.
  const network = (n: number, name = 'n') => {
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `${name}${i}`, x: 0, y: 0, w: 40, h: 40, pinned: false, level: 1, group: 'Subject' }));
    const edges = nodes.slice(1).map((m, i) => ({ id: `e${i}`, source: `${name}${Math.floor(i / 4)}`, target: m.id }));
    return { nodes, edges };
  };

  it('draws the same network the same way every time, and leaves Math.random as it was', () => {
    const random = Math.random;
    for (const size of [12, 49, 120]) {
      const { nodes, edges } = network(size);
      const a = computeLayout({ name: 'fcose', randomize: true, nodes, edges, aspect: 1.3 }).positions;
      Math.random(); // whatever the page drew in between
      const b = computeLayout({ name: 'fcose', randomize: true, nodes, edges, aspect: 1.3 }).positions;
      expect(b).toEqual(a);
      expect(Math.random).toBe(random);
    }
  });

  it('is seeded by the network itself: another network, or another layout, starts elsewhere', () => {
    const one = network(49);
    const other = network(49, 'm');
    expect(layoutSeed({ name: 'fcose', ...one })).toBe(layoutSeed({ name: 'fcose', ...network(49) }));
    expect(layoutSeed({ name: 'fcose', ...other })).not.toBe(layoutSeed({ name: 'fcose', ...one }));
    expect(layoutSeed({ name: 'concentric', ...one })).not.toBe(layoutSeed({ name: 'fcose', ...one }));
    // Run again by the analyst: another arrangement each time, each one reproducible.
    expect(layoutSeed({ name: 'fcose', variant: 1, ...one })).not.toBe(layoutSeed({ name: 'fcose', ...one }));
    expect(layoutSeed({ name: 'fcose', variant: 2, ...one })).not.toBe(layoutSeed({ name: 'fcose', variant: 1, ...one }));
    const again = computeLayout({ name: 'fcose', randomize: true, variant: 1, ...one }).positions;
    expect(computeLayout({ name: 'fcose', randomize: true, variant: 1, ...one }).positions).toEqual(again);
    expect(again).not.toEqual(computeLayout({ name: 'fcose', randomize: true, ...one }).positions);
    const a = computeLayout({ name: 'fcose', randomize: true, ...one }).positions;
    const b = computeLayout({ name: 'fcose', randomize: true, ...other }).positions;
    // The same shape, but not the same random start: the drawings differ.
    expect(Object.values(b)).not.toEqual(Object.values(a));
  });

  it('runs again another way each time, each way reproducible, for small networks too', () => {
    // Each entity's place relative to the drawing's centre; how far the furthest moved between two drawings.
    const shape = (ps: Record<string, { x: number; y: number }>) => {
      const v = Object.values(ps);
      const cx = v.reduce((t, p) => t + p.x, 0) / v.length;
      const cy = v.reduce((t, p) => t + p.y, 0) / v.length;
      return Object.fromEntries(Object.entries(ps).map(([id, p]) => [id, { x: p.x - cx, y: p.y - cy }]));
    };
    const apart = (a: Record<string, { x: number; y: number }>, b: Record<string, { x: number; y: number }>) =>
      Math.max(...Object.keys(a).map((id) => Math.hypot(a[id]!.x - b[id]!.x, a[id]!.y - b[id]!.y)));
    for (const size of [6, 12, 20]) {
      const { nodes, edges } = network(size, `s${size}-`);
      const run = (variant?: number) => shape(computeLayout({ name: 'fcose', randomize: true, nodes, edges, aspect: 1.3, ...(variant ? { variant } : {}) }).positions);
      const plain = run();
      const one = run(1);
      const two = run(2);
      expect(run(1)).toEqual(one);
      expect(apart(one, plain)).toBeGreaterThan(20);
      expect(apart(two, one)).toBeGreaterThan(20);
      expect(apart(two, plain)).toBeGreaterThan(20);
    }
  });
});

describe('a drawing made from scratch is turned to the canvas\'s shape', () => {
  type Ps = Record<string, { x: number; y: number }>;
  const label: NodeBox = { left: 45, right: 45, top: 20, bottom: 32 };
  /** How large the drawing is shown, stretched and fitted to a canvas `aspect` wide and 1 high. */
  const shown = (ps: Ps, boxes: ReadonlyMap<string, NodeBox>, aspect: number) => {
    const s = structuredClone(ps);
    stretchToAspect(s, boxes, aspect);
    const rs = Object.keys(s).map((id) => rectAt(s[id]!, boxes.get(id)!));
    const w = Math.max(...rs.map((r) => r.x2)) - Math.min(...rs.map((r) => r.x1));
    const h = Math.max(...rs.map((r) => r.y2)) - Math.min(...rs.map((r) => r.y1));
    return Math.min(aspect / w, 1 / h);
  };
  const overlaps = (ps: Ps, boxes: ReadonlyMap<string, NodeBox>) => {
    const rs = Object.keys(ps).map((id) => rectAt(ps[id]!, boxes.get(id)!));
    let n = 0;
    for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) if (rectsClash(rs[i]!, rs[j]!)) n++;
    return n;
  };

  it('counts overlapping labels by grid cell exactly as pair by pair', () => {
    const rect = fc.record({ x: fc.integer({ min: -700, max: 700 }), y: fc.integer({ min: -700, max: 700 }), w: fc.integer({ min: 1, max: 450 }), h: fc.integer({ min: 1, max: 120 }) })
      .map(({ x, y, w, h }) => ({ x1: x, y1: y, x2: x + w, y2: y + h }));
    fc.assert(fc.property(fc.array(rect, { maxLength: 60 }), fc.constantFrom(50, 200, 1000), (rs, cell) => {
      let pairs = 0;
      for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) if (rectsClash(rs[i]!, rs[j]!)) pairs++;
      expect(overlappingPairs(rs, cell)).toBe(pairs);
    }), { numRuns: 300 });
  });

  it('lays a tall drawing along a wide canvas, which then shows it larger', () => {
    // A diagonal band, three times as tall as wide, well spaced.
    const ps: Ps = {};
    for (let i = 0; i < 30; i++) ps[`n${i}`] = { x: (i % 3) * 150 + i * 10, y: i * 120 };
    const boxes = new Map(Object.keys(ps).map((id) => [id, label]));
    const before = structuredClone(ps);
    const deg = turnToAspect(ps, boxes, 16 / 9);
    expect(deg).toBeGreaterThan(0);
    const span = (p: Ps, k: 'x' | 'y') => Math.max(...Object.values(p).map((q) => q[k])) - Math.min(...Object.values(p).map((q) => q[k]));
    expect(span(ps, 'x')).toBeGreaterThan(span(ps, 'y'));
    expect(shown(ps, boxes, 16 / 9)).toBeGreaterThan(shown(before, boxes, 16 / 9) * 1.5);
  });

  it('never shows a drawing smaller, overlaps no more labels, and only turns it (no distance changes)', () => {
    const point = fc.record({ x: fc.integer({ min: -900, max: 900 }), y: fc.integer({ min: -900, max: 900 }) });
    fc.assert(fc.property(fc.array(point, { minLength: 3, maxLength: 40 }), fc.constantFrom(0.6, 1, 1.3, 16 / 9, 2.2), (pts, aspect) => {
      const ps: Ps = Object.fromEntries(pts.map((p, i) => [`n${i}`, { ...p }]));
      const boxes = new Map(Object.keys(ps).map((id) => [id, label]));
      const before = structuredClone(ps);
      const deg = turnToAspect(ps, boxes, aspect);
      expect(shown(ps, boxes, aspect)).toBeGreaterThanOrEqual(shown(before, boxes, aspect) * (deg ? 1.02 : 1) - 1e-12);
      expect(overlaps(ps, boxes)).toBeLessThanOrEqual(overlaps(before, boxes));
      const ids = Object.keys(ps);
      for (let i = 1; i < ids.length; i++) {
        const d = (p: Ps) => Math.hypot(p[ids[i]!]!.x - p[ids[0]!]!.x, p[ids[i]!]!.y - p[ids[0]!]!.y);
        expect(Math.abs(d(ps) - d(before))).toBeLessThan(0.2);
      }
    }), { numRuns: 150 });
  });

  it('through the layout: a chain of entities (a path found between two subjects) fills a wide canvas across and down', () => {
    // Stretched only (at most 1.5x), such drawings filled a 1.29-wide canvas's other direction by a
    // median 81% of what it could, a tenth of them under 29%.
    for (const n of [12, 18, 25, 31]) {
      const nodes = Array.from({ length: n }, (_, i) => ({ id: `c${n}-${i}`, x: 0, y: 0, w: 38, h: 38, pinned: false, level: 1, group: 'Subject', box: estimatedBox(`Subject ${i} of the chain`) }));
      const edges = nodes.slice(1).map((m, i) => ({ id: `c${n}-e${i}`, source: nodes[i]!.id, target: m.id }));
      const aspect = 814 / 629;
      const { positions } = computeLayout({ name: 'fcose', randomize: true, nodes, edges, aspect });
      const rs = nodes.map((m) => rectAt(positions[m.id]!, m.box));
      const w = Math.max(...rs.map((r) => r.x2)) - Math.min(...rs.map((r) => r.x1));
      const h = Math.max(...rs.map((r) => r.y2)) - Math.min(...rs.map((r) => r.y1));
      // 1 when the drawing has the canvas's shape.
      expect(Math.min(w / (aspect * h), (aspect * h) / w)).toBeGreaterThan(0.9);
    }
  });

  it('leaves a drawing that already has the canvas\'s shape, a chart too large to check and one without every label box as they are', () => {
    const ps: Ps = {};
    for (let i = 0; i < 20; i++) ps[`n${i}`] = { x: (i % 5) * 200, y: Math.floor(i / 5) * 150 };
    const boxes = new Map(Object.keys(ps).map((id) => [id, label]));
    expect(turnToAspect(ps, boxes, 1000 / 450)).toBe(0);
    const big: Ps = {};
    for (let i = 0; i <= TURN_MAX_NODES; i++) big[`n${i}`] = { x: i % 10, y: i * 100 };
    const copy = structuredClone(big);
    expect(turnToAspect(big, new Map(Object.keys(big).map((id) => [id, label])), 16 / 9)).toBe(0);
    expect(big).toEqual(copy);
    // Nor a drawing whose label boxes are not all known: a turn could make labels meet unseen.
    const tall: Ps = {};
    for (let i = 0; i < 30; i++) tall[`n${i}`] = { x: (i % 3) * 150 + i * 10, y: i * 120 };
    const someBoxes = new Map(Object.keys(tall).slice(1).map((id) => [id, label]));
    expect(turnToAspect(tall, someBoxes, 16 / 9)).toBe(0);
    expect(turnToAspect(tall, new Map([...someBoxes, ['n0', label]]), 16 / 9)).toBeGreaterThan(0);
  });
});

describe('a layout takes the shape of the canvas', () => {
  const span = (ps: Record<string, { x: number; y: number }>, k: 'x' | 'y') => Math.max(...Object.values(ps).map((p) => p[k])) - Math.min(...Object.values(ps).map((p) => p[k]));

  it('stretches a round drawing along the wide canvas until it has its shape', () => {
    const positions: Record<string, { x: number; y: number }> = {};
    for (let i = 0; i < 24; i++) positions[`n${i}`] = { x: 200 * Math.cos(i), y: 200 * Math.sin(i) };
    const before = structuredClone(positions);
    stretchToAspect(positions, new Map(), 1.3);
    expect(span(before, 'x') / span(before, 'y')).toBeCloseTo(1, 1);
    expect(span(positions, 'x') / span(positions, 'y')).toBeCloseTo(1.3, 2);
    expect(span(positions, 'y')).toBe(span(before, 'y'));
    // Only stretched: every two nodes are at least as far apart as before.
    const ids = Object.keys(positions);
    for (const a of ids) for (const b of ids) {
      expect(Math.hypot(positions[a]!.x - positions[b]!.x, positions[a]!.y - positions[b]!.y))
        .toBeGreaterThanOrEqual(Math.hypot(before[a]!.x - before[b]!.x, before[a]!.y - before[b]!.y) - 0.2);
    }
  });

  it('through the layout: an expansion (a group, its members and their phones, added at their members) fills a wide canvas, its added nodes clear', () => {
    // Clearing the added nodes (after the stretch) left such drawings at 0.82 of the canvas's shape.
    const aspect = (814 - 80) / (629 - 80);
    const nodes: { id: string; x: number; y: number; w: number; h: number; pinned: boolean; level: number; group: string; box: NodeBox }[] = [];
    const edges: { id: string; source: string; target: string }[] = [];
    const added: string[] = [];
    const put = (id: string, label: string, x: number, y: number) => nodes.push({ id, x, y, w: 62, h: 62, pinned: false, level: 1, group: 'Subject', box: estimatedBox(label) });
    put('ocg', 'Harrow Street crew', 0, 0);
    for (let m = 0; m < 8; m++) {
      const a = (m / 8) * Math.PI * 2;
      put(`m${m}`, `Member number ${m}`, 180 * Math.cos(a), 180 * Math.sin(a));
      edges.push({ id: `e${m}`, source: 'ocg', target: `m${m}` });
      for (let j = 0; j < 5; j++) {
        put(`m${m}-${j}`, `Phone 07700 90${m}${j}`, 180 * Math.cos(a), 180 * Math.sin(a));
        edges.push({ id: `e${m}-${j}`, source: `m${m}`, target: `m${m}-${j}` });
        added.push(`m${m}-${j}`);
      }
    }
    const { positions } = computeLayout({ name: 'fcose', randomize: false, nodes, edges, added, aspect });
    const rs = nodes.map((n) => ({ id: n.id, r: rectAt(positions[n.id]!, n.box) }));
    const w = Math.max(...rs.map((x) => x.r.x2)) - Math.min(...rs.map((x) => x.r.x1));
    const h = Math.max(...rs.map((x) => x.r.y2)) - Math.min(...rs.map((x) => x.r.y1));
    expect(Math.min(w / (aspect * h), (aspect * h) / w)).toBeGreaterThan(0.95);
    const isNew = new Set(added);
    for (const a of rs) for (const b of rs) {
      if (a.id < b.id && (isNew.has(a.id) || isNew.has(b.id))) expect(rectsClash(a.r, b.r, 0), `${a.id} and ${b.id}`).toBe(false);
    }
  });

  it('stretches a tall drawing at most MAX_STRETCH times, and a drawing of the right shape not at all', () => {
    const tall = { a: { x: 0, y: 0 }, b: { x: 10, y: 400 }, c: { x: 20, y: 800 } };
    stretchToAspect(tall, new Map(), 1.5);
    expect(span(tall, 'x')).toBeCloseTo(20 * MAX_STRETCH, 0);
    const right = { a: { x: 0, y: 0 }, b: { x: 300, y: 200 } };
    stretchToAspect(right, new Map(), 1.5);
    expect(right).toEqual({ a: { x: 0, y: 0 }, b: { x: 300, y: 200 } });
    // A wide drawing on a tall canvas is stretched upwards.
    const wide = { a: { x: 0, y: 0 }, b: { x: 400, y: 100 }, c: { x: 800, y: 200 } };
    stretchToAspect(wide, new Map(), 0.8);
    expect(span(wide, 'y')).toBeCloseTo(200 * MAX_STRETCH, 0);
  });

  it('counts the labels in the drawing\'s shape', () => {
    // Square by their centres, but wide with their labels: barely stretched, and not sideways.
    const square = () => ({ a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 0, y: 200 }, d: { x: 200, y: 200 } });
    const wideLabel = { left: 100, right: 100, top: 20, bottom: 40 };
    const labelled = square();
    stretchToAspect(labelled, new Map(Object.keys(labelled).map((id) => [id, wideLabel])), 1.5);
    expect(span(labelled, 'x')).toBe(200);
    expect(span(labelled, 'y')).toBeLessThan(210);
    const bare = square();
    stretchToAspect(bare, new Map(), 1.5);
    expect(span(bare, 'x')).toBeCloseTo(300, 5);
  });
});

describe('labels at a zoom', () => {
  it('are drawn at their own size at 100% and closer', () => {
    for (const z of [1, 1.6, 5]) expect(labelScale(z)).toBe(1);
  });

  it('are drawn larger zoomed out, never under the readable size on screen, down to the largest scale', () => {
    const lowest = LABEL_SCALE.screenPx / (LABEL_FONT_PX * LABEL_SCALE.max);
    for (let z = lowest; z < 1; z += 0.0137) {
      expect(LABEL_FONT_PX * labelScale(z) * z).toBeGreaterThanOrEqual(LABEL_SCALE.screenPx - 1e-9);
      // By steps, and no larger than a step beyond what is needed.
      expect(Math.round(labelScale(z) / LABEL_SCALE.step) * LABEL_SCALE.step).toBeCloseTo(labelScale(z), 9);
      expect(LABEL_FONT_PX * labelScale(z) * z).toBeLessThan(LABEL_SCALE.screenPx + LABEL_FONT_PX * LABEL_SCALE.step);
    }
  });

  it('take link labels with them: drawn (at or above their smallest size on screen) at every zoom entity labels are scaled for', () => {
    const display = { colourBy: 'type' as const, sizeBy: 'none' as const, edgeLabels: true };
    const edge = (zoom: number) => (chartStyle(display, { labelScale: labelScale(zoom) }) as { selector: string; style: Record<string, unknown> }[]).find((r) => r.selector === 'edge')!.style;
    const lowest = LABEL_SCALE.screenPx / (LABEL_FONT_PX * LABEL_SCALE.max);
    for (let z = lowest; z <= 1.5; z += 0.0137) {
      const style = edge(z);
      expect(style['font-size']).toBe(LINK_LABEL_FONT_PX * labelScale(z));
      expect(style['min-zoomed-font-size']).toBe(MIN_LINK_LABEL_PX);
      // Cytoscape skips a label whose on-screen size is under min-zoomed-font-size.
      expect((style['font-size'] as number) * z).toBeGreaterThanOrEqual(MIN_LINK_LABEL_PX);
    }
    // Far out (past the largest scale) they are not drawn, as before.
    expect((edge(0.2)['font-size'] as number) * 0.2).toBeLessThan(MIN_LINK_LABEL_PX);
  });

  it('stop growing at the largest scale, and grow as the zoom falls', () => {
    expect(labelScale(0.1)).toBe(LABEL_SCALE.max);
    expect(labelScale(0)).toBe(1);
    let last = 1;
    for (let z = 1; z > 0.05; z -= 0.01) {
      expect(labelScale(z)).toBeGreaterThanOrEqual(last);
      last = labelScale(z);
    }
  });

  it('go into the stylesheet: entity labels larger, showing the same text', () => {
    const display = { colourBy: 'type' as const, sizeBy: 'none' as const, edgeLabels: true };
    const rule = (scale: number | undefined, selector: string) =>
      (chartStyle(display, { labelScale: scale, organised: true }) as { selector: string; style: Record<string, unknown> }[]).find((r) => r.selector === selector)!.style;
    expect(rule(undefined, 'node')['font-size']).toBe(LABEL_FONT_PX);
    expect(rule(1.5, 'node')['font-size']).toBeCloseTo(LABEL_FONT_PX * 1.5, 9);
    expect(rule(1.5, 'node')['text-max-width']).toBe('210px');
    expect(rule(1.5, 'node[?restricted]')['text-max-width']).toBe('195px');
    expect(rule(1.5, 'node.org-group')['text-max-width']).toBe('270px');
    // Link labels grow with them; annotations keep their size.
    expect(rule(1.5, 'edge')['font-size']).toBeCloseTo((rule(1, 'edge')['font-size'] as number) * 1.5, 9);
    expect(rule(1.5, 'node.org-note')['font-size']).toBe(rule(1, 'node.org-note')['font-size']);
  });
});
