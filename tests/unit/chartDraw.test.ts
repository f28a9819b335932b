import { describe, expect, it } from 'vitest';
import { bundledEdges, edgeData, nodeData } from '../../client/src/graph/CytoscapeView.js';
import { spreadPiles } from '../../client/src/graph/layoutEngine.js';
import { COMMUNITY_PALETTE, ENTITY_LOOK, LIGHT_STYLE_ABOVE, MIN_LABEL_PX, MIN_LABEL_PX_LIGHT, ROLE_COLOUR, chartStyle, darkGlyph, edgeLook, gapLook, nodeLook, roleRing } from '../../client/src/graph/style.js';
import { mergeSlice, emptyDoc } from '../../client/src/workspace/chartDoc.js';
import type { SavedChart } from '../../client/src/workspace/chartStore.js';
import { GraphWorkspace, type Display } from '../../client/src/workspace/GraphWorkspace.js';
import type { ApiClient, GraphEdge, GraphNode } from '../../client/src/workspace/types.js';
import { noFilters } from '../../client/src/workspace/visibility.js';

/**
 * How large additions reach the chart: laid out before they are first drawn (the workspace asks
 * for that layout together with the change), and the stylesheet's per-type looks as data.
 */
const markings = { classification: 'OFFICIAL', handling: 'P', handlingConditions: [], agency: 'FORCE-A', compartments: [], nfd: false };
const node = (id: string, type = 'Subject'): GraphNode => ({ id, type, label: `${type} ${id}`, restricted: false, access: 'full', props: {}, markings });
const edge = (source: string, target: string, type = 'ASSOCIATE_OF', props: Record<string, unknown> = {}, id = `${type}-${source}-${target}`): GraphEdge =>
  ({ id, source, target, type, restricted: false, strength: null, reportCount: 0, props, markings });

/** n nodes in a chain, ids prefixed. */
function chain(n: number, prefix = 'n') {
  const nodes = Array.from({ length: n }, (_, i) => node(`${prefix}${i}`));
  const edges = nodes.slice(1).map((x, i) => edge(nodes[i]!.id, x.id));
  return { nodes, edges };
}

const api = {} as ApiClient;
const display: Display = { colourBy: 'type', sizeBy: 'none', edgeLabels: true };

describe('a large addition', () => {
  it('arrives together with a layout to run before it is drawn: from scratch and framed on an empty chart', () => {
    const ws = new GraphWorkspace(api);
    const seen: { nodes: number; beforeDraw?: boolean; sameDoc: boolean }[] = [];
    ws.subscribe(() => {
      const s = ws.getState();
      seen.push({ nodes: s.doc.nodes.size, beforeDraw: s.layoutRequest?.beforeDraw, sameDoc: s.layoutRequest?.baseDoc === s.doc });
    });
    ws.addSlice(chain(400), 'Add');
    const req = ws.getState().layoutRequest!;
    expect(req).toMatchObject({ name: 'fcose', beforeDraw: true, randomize: true, fit: true, silent: true });
    expect(req.baseDoc).toBe(ws.getState().doc);
    // The first notice that shows the new elements already carries the request (so a view never draws them unplaced).
    const first = seen.find((x) => x.nodes === 400)!;
    expect(first).toEqual({ nodes: 400, beforeDraw: true, sameDoc: true });
    expect(seen.filter((x) => x.nodes === 400)).toHaveLength(1);

    const positions = Object.fromEntries(chain(400).nodes.map((n, i) => [n.id, { x: i * 10, y: -i }]));
    expect(ws.layoutDone(req.id, positions)).toBe(true);
    expect(ws.getState().layoutRequest).toBeNull();
    expect(ws.getState().doc.nodes.get('n7')!.position).toEqual({ x: 70, y: -7 });
    // One undo step for the addition (the layout is part of it).
    expect(ws.getState().undoLabel).toBe('Add');
    ws.undo();
    expect(ws.getState().doc.nodes.size).toBe(0);
  });

  it('joining a larger chart keeps that chart in place (incremental) and is not framed', () => {
    const ws = new GraphWorkspace(api);
    ws.addSlice(chain(500, 'a'), 'First', { layout: false });
    ws.addSlice({ ...chain(300, 'b'), edges: [...chain(300, 'b').edges, edge('a0', 'b0')] }, 'Second');
    expect(ws.getState().layoutRequest).toMatchObject({ beforeDraw: true, randomize: false, fit: false });
  });

  it('small additions keep the animated incremental layout; no layout when asked for none', () => {
    const ws = new GraphWorkspace(api);
    ws.addSlice(chain(20), 'Small');
    const req = ws.getState().layoutRequest!;
    expect(req.beforeDraw).toBeUndefined();
    expect(req).toMatchObject({ randomize: false, silent: true });
    const ws2 = new GraphWorkspace(api);
    ws2.addSlice(chain(400), 'No layout', { layout: false });
    expect(ws2.getState().layoutRequest).toBeNull();
  });

  it('a result for a chart changed meanwhile is dropped (the held-back elements are then drawn where placed)', () => {
    const ws = new GraphWorkspace(api);
    ws.addSlice(chain(400), 'Add');
    const req = ws.getState().layoutRequest!;
    ws.remove(['n3']);
    expect(ws.layoutDone(req.id, { n1: { x: 5, y: 5 } })).toBe(false);
    expect(ws.getState().layoutRequest).toBeNull();
  });

  it('an opened chart is laid out before drawing only when many entities have no saved position', async () => {
    const { nodes, edges } = chain(400);
    const chart = (positions: SavedChart['positions']): SavedChart => ({
      version: 1, id: 'c1', name: 'Big', savedAt: '2024-01-01T00:00:00Z', nodeCount: nodes.length, edgeCount: edges.length,
      entityIds: nodes.map((n) => n.id), positions, pinned: [], hidden: [], hiddenLinks: [], stubs: [], stubLinks: [],
      filters: noFilters(), timeRange: null, graph: { nodes, edges },
    });
    const ws = new GraphWorkspace(api);
    expect(await ws.restoreChart(chart({}))).toBe(true);
    expect(ws.getState().layoutRequest).toMatchObject({ beforeDraw: true, randomize: true, fit: true });
    expect(ws.getState().layoutRequest!.baseDoc).toBe(ws.getState().doc);

    const ws2 = new GraphWorkspace(api);
    await ws2.restoreChart(chart(Object.fromEntries(nodes.map((n, i) => [n.id, { x: i, y: i }]))));
    expect(ws2.getState().layoutRequest).toBeNull();
  });
});

describe('the stylesheet', () => {
  it('maps per-type looks from element data; unknown types get the neutral look', () => {
    expect(nodeLook('OCG', false)).toMatchObject({ colour: '#b91c1c', shape: 'round-octagon' });
    expect(nodeLook('OCG', false).glyph).toMatch(/^data:image\/svg\+xml/);
    expect(nodeLook('Nothing', false)).toEqual({ colour: '#64748b', shape: 'ellipse', glyph: 'none' });
    expect(nodeLook('Restricted', true).colour).toBe('#e5e7eb');
    expect(edgeLook('MEMBER_OF', 'PRINCIPAL')).toEqual({ colour: '#dc2626', line: 'solid', arrow: 'triangle' });
    expect(edgeLook('ASSOCIATE_OF', undefined)).toEqual({ colour: '#334155', line: 'solid', arrow: 'none' });
    expect(edgeLook('CALLS', undefined).line).toBe('dotted');
    expect(edgeLook('Nothing', undefined)).toEqual({ colour: '#94a3b8', line: 'solid', arrow: 'none' });
    expect(roleRing('UNKNOWN')).toBeUndefined();
    expect(roleRing('SIGNIFICANT')).toBe('#ea580c');
    expect(gapLook('NONE')).toEqual({ gapColour: '#b91c1c', gapRing: 'double', gapWidth: 7 });
    expect(gapLook(undefined)).toBeUndefined();

    const n = nodeData({ data: node('x', 'Phone'), pinned: false, hidden: false });
    expect(n).toMatchObject({ id: 'x', type: 'Phone', colour: '#0e7490', shape: 'round-rectangle' });
    const e = edgeData({ data: edge('a', 'b', 'MEMBER_OF', { role: 'PERIPHERAL' }), hidden: false });
    expect(e).toMatchObject({ role: 'PERIPHERAL', colour: '#ca8a04', arrow: 'triangle', line: 'solid' });
    expect(e.bundle).toBeUndefined();
  });

  it('draws links straight unless their pair has several links (or it is a loop)', () => {
    const doc = mergeSlice(emptyDoc(), {
      nodes: [node('a'), node('b'), node('c')],
      edges: [edge('a', 'b'), edge('b', 'a', 'CALLS'), edge('b', 'c'), edge('c', 'c')],
    }).doc;
    expect([...bundledEdges(doc)].sort()).toEqual(['ASSOCIATE_OF-a-b', 'ASSOCIATE_OF-c-c', 'CALLS-b-a']);
    const sheet = chartStyle(display) as { selector: string; style: Record<string, unknown> }[];
    expect(sheet.find((r) => r.selector === 'edge')!.style['curve-style']).toBe('straight');
    expect(sheet.find((r) => r.selector === 'edge[?bundle]')!.style['curve-style']).toBe('bezier');
  });

  it('has no selector per entity or link type (each would be tested against every element)', () => {
    const sheet = chartStyle(display) as { selector: string }[];
    expect(sheet.filter((r) => /\[type = /.test(r.selector))).toEqual([]);
    expect(sheet.length).toBeLessThan(25);
  });

  it('is lighter for large charts: no label backing, labels from a higher zoom; the encodings stay', () => {
    expect(LIGHT_STYLE_ABOVE).toBeGreaterThanOrEqual(1500);
    const full = chartStyle(display) as { selector: string; style: Record<string, unknown> }[];
    const light = chartStyle(display, { light: true }) as { selector: string; style: Record<string, unknown> }[];
    const base = (s: typeof full, sel: string) => s.find((r) => r.selector === sel)!.style;
    expect(base(full, 'node')['text-background-opacity']).toBe(0.85);
    expect(base(light, 'node')['text-background-opacity']).toBeUndefined();
    expect(base(light, 'edge')['text-background-opacity']).toBeUndefined();
    expect(base(full, 'node')['min-zoomed-font-size']).toBe(MIN_LABEL_PX);
    expect(base(light, 'node')['min-zoomed-font-size']).toBe(MIN_LABEL_PX_LIGHT);
    // Labels are still drawn (from 9px on screen: at zoom 9/11 and closer for 11px labels).
    expect(base(light, 'node').label).toBe('data(label)');
    expect(base(light, 'edge').label).toBe('data(label)');
    for (const key of ['background-color', 'shape', 'background-image']) expect(base(light, 'node')[key]).toBe(base(full, 'node')[key]);
    expect(light.map((r) => r.selector)).toEqual(full.map((r) => r.selector));
  });
});

describe('a draft layout', () => {
  it('spreads nodes piled on one point around it; lone and pinned nodes stay', () => {
    const positions: Record<string, { x: number; y: number }> = { lone: { x: 500, y: 500 }, pinned: { x: 0, y: 0 } };
    for (let i = 0; i < 12; i++) positions[`p${i}`] = { x: 0.5, y: -0.5 };
    spreadPiles(positions, new Set(['pinned']));
    expect(positions.lone).toEqual({ x: 500, y: 500 });
    expect(positions.pinned).toEqual({ x: 0, y: 0 });
    const pile = Array.from({ length: 12 }, (_, i) => positions[`p${i}`]!);
    let closest = Infinity;
    for (let a = 0; a < pile.length; a++) for (let b = a + 1; b < pile.length; b++) closest = Math.min(closest, Math.hypot(pile[a]!.x - pile[b]!.x, pile[a]!.y - pile[b]!.y));
    expect(closest).toBeGreaterThan(30);
    expect(Math.max(...pile.map((p) => Math.hypot(p.x, p.y)))).toBeLessThan(200);
  });
});

/** CIE76 colour difference of two #rrggbb colours (sRGB, D65). */
function deltaE(a: string, b: string): number {
  const lab = (h: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047), y = f(r * 0.2126 + g * 0.7152 + bl * 0.0722), z = f((r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const p = lab(a), q = lab(b);
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
}

describe('colour by community', () => {
  it('uses colours no one could take for an entity type or an OCG role, and distinct from each other', () => {
    const meaningful = [...Object.values(ENTITY_LOOK).map((l) => l.colour), ...Object.values(ROLE_COLOUR)];
    for (const c of COMMUNITY_PALETTE) for (const t of meaningful) expect(deltaE(c, t), `${c} vs ${t}`).toBeGreaterThan(25);
    for (const [i, a] of COMMUNITY_PALETTE.entries()) for (const b of COMMUNITY_PALETTE.slice(i + 1)) expect(deltaE(a, b), `${a} vs ${b}`).toBeGreaterThan(20);
    expect(deltaE('#2563eb', '#2563eb')).toBe(0);
  });

  it('draws community-coloured nodes with a dark glyph', () => {
    const sheet = chartStyle({ colourBy: 'community', sizeBy: 'none', edgeLabels: true }) as { selector: string; style: Record<string, unknown> }[];
    const rule = sheet.find((r) => r.selector === 'node[communityColour]')!;
    expect(rule.style).toEqual(expect.objectContaining({ 'background-color': 'data(communityColour)', 'background-image': 'data(darkGlyph)' }));
    expect(decodeURIComponent(darkGlyph('Subject'))).toContain('#1f2937');
    expect(darkGlyph('Subject')).not.toBe(nodeLook('Subject', false).glyph);
  });
});
