import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fallbackConnect, fallbackExpand, fallbackMetrics, fallbackShortestPaths } from '../../client/src/api/fallbacks.js';
import { csvCell, entitiesCsv, linksCsv, toGraphML } from '../../client/src/export/contents.js';
import { toSvg } from '../../client/src/export/svg.js';
import type { ChartDoc } from '../../client/src/workspace/chartDoc.js';
import { LocalChartStore, MemoryStorage } from '../../client/src/workspace/chartStore.js';
import { CONNECT_MAX, GraphWorkspace } from '../../client/src/workspace/GraphWorkspace.js';
import { TRAVERSAL_LIMITS } from '../../server/graph/traverse.js';
import { propValue } from '../../client/src/ui/format.js';
import { CRIME_TYPES, SOURCE_TYPES } from '../../server/domain/codes.js';
import type { ApiClient, ExpandOptions, GraphEdge, GraphNode, GraphSlice, LinkDetail, Viewer } from '../../client/src/workspace/types.js';

/**
 * The workspace driven without a browser, over an in-memory API. The fake answers the basic
 * queries (graph, neighbours) and uses the client's own traversal fallbacks for the rest.
 */
const markings = (classification = 'OFFICIAL', handling = 'P', handlingConditions: string[] = []) =>
  ({ classification, handling, handlingConditions, agency: 'FORCE-A', compartments: [], nfd: false });

const node = (id: string, type: string, label: string, props: Record<string, unknown> = {}, classification?: string): GraphNode =>
  ({ id, type, label, restricted: false, access: 'full', props, markings: markings(classification) });

const stub = (id: string): GraphNode =>
  ({ id, type: 'Restricted', label: 'Intelligence held by Northshire Police', restricted: true, access: 'stub', heldBy: 'Northshire Police', contact: 'Northshire FIB', props: {} });

const edge = (source: string, type: string, target: string, props: Record<string, unknown> = {}, strength: number | null = null, reportCount = 0): GraphEdge =>
  ({ id: `${type}-${source}-${target}`, source, target, type, restricted: false, strength, reportCount, props, markings: markings() });

const VIEWER: Viewer = {
  id: 'u1', username: 'analyst1', displayName: 'Alex Analyst', role: 'ANALYST', clearance: 'SECRET', agency: 'FORCE-A',
  agencyName: 'Force A', compartments: [], permissions: ['read', 'write', 'export'],
};

/**
 *   lee ─MEMBER_OF(principal)─ ocg ─MEMBER_OF(peripheral)─ ravi
 *   lee ─ASSOCIATE_OF(2021..2022, 1A)─ dana ─ASSOCIATE_OF(2024.., 3D)─ kim ─ASSOCIATE_OF─ owen
 *   lee ─LIVES_AT─ mill          dana ─ASSOCIATE_OF─ [stub]         kim ─INVOLVED_IN─ event(2023-05-01)
 */
function network() {
  const nodes = [
    node('lee', 'Subject', 'Lee Carter'), node('dana', 'Subject', 'Dana Moss'), node('kim', 'Subject', 'Kim Shaw'),
    node('owen', 'Subject', 'Owen Hale'), node('ravi', 'Subject', 'Ravi Patel'), node('ocg', 'OCG', 'Carter Firm', {}, 'OFFICIAL-SENSITIVE'),
    node('mill', 'Location', '14 Mill Lane'), node('event', 'Event', 'Robbery', { date: '2023-05-01' }), stub('restricted-x1'),
  ];
  const edges = [
    edge('lee', 'MEMBER_OF', 'ocg', { role: 'PRINCIPAL' }, 1, 2),
    edge('ravi', 'MEMBER_OF', 'ocg', { role: 'PERIPHERAL' }, 0.3, 1),
    edge('lee', 'ASSOCIATE_OF', 'dana', { from: '2021-01-01', to: '2022-06-30' }, 1, 1),
    edge('dana', 'ASSOCIATE_OF', 'kim', { from: '2024-02-01' }, 0.06, 1),
    edge('kim', 'ASSOCIATE_OF', 'owen'),
    edge('lee', 'LIVES_AT', 'mill'),
    edge('dana', 'ASSOCIATE_OF', 'restricted-x1', {}, 0.5, 1),
    edge('kim', 'INVOLVED_IN', 'event'),
  ];
  return { nodes, edges };
}

class FakeApi implements ApiClient {
  calls: string[] = [];
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  constructor(data = network()) {
    this.nodes = new Map(data.nodes.map((n) => [n.id, n]));
    this.edges = data.edges;
  }
  async me() { return VIEWER; }
  async signIn() { return VIEWER; }
  async signOut() {}
  async search(text: string) {
    return [...this.nodes.values()].filter((n) => n.label.toLowerCase().includes(text.toLowerCase())).map((entity) => ({ entity, score: 1 }));
  }
  async graph(ids: string[]): Promise<GraphSlice> {
    this.calls.push(`graph:${ids.length}`);
    const set = new Set(ids);
    return {
      nodes: ids.map((id) => this.nodes.get(id)).filter((n): n is GraphNode => !!n && !n.restricted),
      edges: this.edges.filter((e) => set.has(e.source) && set.has(e.target)), truncated: false, omitted: 0,
    };
  }
  async neighbours(ids: string[], limit: number): Promise<GraphSlice> {
    const out = new Map<string, GraphNode>();
    const edges: GraphEdge[] = [];
    for (const id of ids) {
      out.set(id, this.nodes.get(id)!);
      const mine = this.edges.filter((e) => e.source === id || e.target === id).slice(0, limit);
      for (const e of mine) {
        edges.push(e);
        const other = e.source === id ? e.target : e.source;
        out.set(other, this.nodes.get(other)!);
      }
    }
    return { nodes: [...out.values()], edges, truncated: false, omitted: 0 };
  }
  async expand(ids: string[], opts?: ExpandOptions) { this.calls.push(`expand:${ids.join(',')}`); return fallbackExpand(this, ids, opts ?? {}); }
  async shortestPaths(a: string, b: string, o?: { maxHops?: number; k?: number; minGrade?: string }) { return fallbackShortestPaths(this, a, b, o ?? {}); }
  async connectEntities(ids: string[], o?: { maxHops?: number; minGrade?: string }) { return fallbackConnect(this, ids, o ?? {}); }
  async networkMetrics(ids: string[]) { return fallbackMetrics(this, ids); }
  async link(id: string): Promise<LinkDetail | null> {
    const e = this.edges.find((x) => x.id === id);
    if (!e) return null;
    const report = node('r1', 'IntelligenceReport', 'Report 1', { text: 'Seen together' });
    report.markings = markings('OFFICIAL', 'C', ['C3']);
    return { link: e, sourceNode: this.nodes.get(e.source)!, targetNode: this.nodes.get(e.target)!, reports: [{ grade: '1A', strength: 1, report }], withheldReports: 1 };
  }
}

/** A deep, order-independent picture of a chart document. */
const picture = (doc: ChartDoc) => ({
  nodes: [...doc.nodes.entries()].sort(([a], [b]) => a.localeCompare(b)),
  edges: [...doc.edges.entries()].sort(([a], [b]) => a.localeCompare(b)),
});

let api: FakeApi;
let ws: GraphWorkspace;
let storage: MemoryStorage;

beforeEach(async () => {
  api = new FakeApi();
  storage = new MemoryStorage();
  ws = new GraphWorkspace(api, { charts: (v) => new LocalChartStore(storage, v.username) });
  await ws.restoreSession();
});

const ids = (doc: ChartDoc) => [...doc.nodes.keys()].sort();

describe('GraphWorkspace', () => {
  it('signs in from the existing session and knows what the viewer may do', () => {
    expect(ws.getState().viewer?.username).toBe('analyst1');
    expect(ws.can('export')).toBe(true);
    expect(ws.can('runCypher')).toBe(false);
  });

  it('adds an entity with the links among what is drawn, placed and selected, as one undo step', async () => {
    await ws.add(['lee']);
    await ws.add(['dana']);
    const s = ws.getState();
    expect(ids(s.doc)).toEqual(['dana', 'lee']);
    expect([...s.doc.edges.keys()]).toEqual(['ASSOCIATE_OF-lee-dana']);
    expect(s.doc.nodes.get('dana')!.position).toBeDefined();
    expect([...s.selection]).toEqual(['dana']);
    expect(s.undoLabel).toBe('Add Dana Moss');
    ws.undo();
    expect(ids(ws.getState().doc)).toEqual(['lee']);
    expect(ws.getState().selection.size).toBe(0);
  });

  it('expands the selection through the API and undoes the expansion exactly', async () => {
    await ws.add(['lee']);
    const before = ws.getState().doc;
    const added = await ws.expand();
    expect(api.calls).toContain('expand:lee');
    expect(ids(ws.getState().doc)).toEqual(['dana', 'lee', 'mill', 'ocg']);
    expect(added).toContain('MEMBER_OF-lee-ocg');
    // New nodes are placed around the expanded one.
    const lee = ws.getState().doc.nodes.get('lee')!.position!;
    for (const id of ['dana', 'mill', 'ocg']) {
      const p = ws.getState().doc.nodes.get(id)!.position!;
      expect(Math.hypot(p.x - lee.x, p.y - lee.y)).toBeGreaterThan(50);
    }
    // A small chart asks the view for an incremental layout, recorded without its own undo step.
    const req = ws.getState().layoutRequest!;
    expect(req).toMatchObject({ name: 'fcose', randomize: false, silent: true });
    expect(ws.layoutDone(req.id, { dana: { x: 500, y: 500 } })).toBe(true);
    expect(ws.getState().doc.nodes.get('dana')!.position).toEqual({ x: 500, y: 500 });
    ws.undo();
    expect(ws.getState().doc).toBe(before);
    ws.redo();
    expect(ws.getState().doc.nodes.get('dana')!.position).toEqual({ x: 500, y: 500 });
  });

  it('expands with filters (entity types, link types, period, minimum grade)', async () => {
    await ws.add(['lee']);
    await ws.expand(['lee'], { filter: { linkTypes: ['ASSOCIATE_OF'] } });
    expect(ids(ws.getState().doc)).toEqual(['dana', 'lee']);
    await ws.expand(['dana'], { filter: { minGrade: '2B' } });
    expect(ws.getState().doc.nodes.has('kim')).toBe(false); // the dana–kim link rests on a 3D report
    expect(ws.getState().doc.nodes.has('restricted-x1')).toBe(true);
    await ws.expand(['dana'], { filter: { from: '2024-01-01', to: '2024-12-31', excludeRestricted: true } });
    expect(ws.getState().doc.nodes.has('kim')).toBe(true);
  });

  it('removes nodes with their links and restores them exactly on undo, then redoes', async () => {
    await ws.add(['lee', 'dana', 'ocg', 'mill']);
    ws.pin(['mill']);
    ws.moveNodes({ lee: { x: 10, y: 20 } });
    const before = picture(ws.getState().doc);
    ws.select(['lee']);
    ws.remove();
    const after = ws.getState().doc;
    expect(ids(after)).toEqual(['dana', 'mill', 'ocg']);
    expect(after.edges.size).toBe(0);
    ws.undo();
    expect(picture(ws.getState().doc)).toEqual(before);
    expect(ws.getState().doc.nodes.get('mill')!.pinned).toBe(true);
    ws.redo();
    expect(ws.getState().doc).toBe(after);
  });

  it('walks the whole history back to empty and forward to the same chart', async () => {
    await ws.add(['lee']);
    await ws.expand(['lee']);
    ws.pin(['ocg']);
    ws.hide(['mill']);
    ws.moveNodes({ dana: { x: -40, y: 75 } });
    ws.remove(['ocg']);
    const final = picture(ws.getState().doc);
    let steps = 0;
    while (ws.undo()) steps++;
    expect(steps).toBe(6);
    expect(ws.getState().doc.nodes.size).toBe(0);
    expect(ws.getState().undoLabel).toBeNull();
    while (ws.redo()) steps--;
    expect(steps).toBe(0);
    expect(picture(ws.getState().doc)).toEqual(final);
    // A new command after an undo drops the redo branch.
    ws.undo();
    ws.hide(['dana']);
    expect(ws.getState().redoLabel).toBeNull();
  });

  it('filters by entity type, link type and minimum grade without changing the chart', async () => {
    await ws.add(['lee', 'dana', 'kim', 'ocg', 'ravi', 'mill']);
    const doc = ws.getState().doc;
    expect(ws.visible().nodes.size).toBe(6);
    ws.toggleEntityType('OCG');
    expect(ws.visible().nodes.has('ocg')).toBe(false);
    expect(ws.visible().edges.has('MEMBER_OF-lee-ocg')).toBe(false); // an edge needs both ends drawn
    expect(ws.getState().doc).toBe(doc);
    ws.toggleEntityType('OCG');
    ws.toggleLinkType('LIVES_AT');
    expect(ws.visible().edges.has('LIVES_AT-lee-mill')).toBe(false);
    expect(ws.visible().nodes.has('mill')).toBe(true);
    ws.resetFilters();
    ws.setFilters({ minGrade: '2B' });
    const v = ws.visible().edges;
    expect(v.has('ASSOCIATE_OF-lee-dana')).toBe(true); // 1A
    expect(v.has('ASSOCIATE_OF-dana-kim')).toBe(false); // 3D
    expect(v.has('MEMBER_OF-ravi-ocg')).toBe(false); // strength 0.3 < 2B
    expect(v.has('LIVES_AT-lee-mill')).toBe(true); // ungraded kept by default
    ws.setFilters({ includeUngraded: false });
    expect(ws.visible().edges.has('LIVES_AT-lee-mill')).toBe(false);
  });

  it('filters by time range: dated links and entities outside it are not drawn, undated ones are', async () => {
    await ws.add(['lee', 'dana', 'kim', 'event', 'owen']);
    expect(ws.timeExtent()).toEqual({ from: '2021-01-01', to: '2024-02-01' });
    ws.setTimeRange({ from: '2024-01-01', to: '2024-12-31' });
    let v = ws.visible();
    expect(v.edges.has('ASSOCIATE_OF-lee-dana')).toBe(false); // 2021–2022
    expect(v.edges.has('ASSOCIATE_OF-dana-kim')).toBe(true); // from 2024, open-ended
    expect(v.edges.has('ASSOCIATE_OF-kim-owen')).toBe(true); // undated
    expect(v.nodes.has('event')).toBe(false); // 2023-05-01
    ws.setTimeRange({ from: '2022-01-01', to: '2023-06-01' });
    v = ws.visible();
    expect(v.edges.has('ASSOCIATE_OF-lee-dana')).toBe(true);
    expect(v.nodes.has('event')).toBe(true);
    ws.setTimeRange({ from: '2030-01-01', to: '2020-01-01' }); // reversed: put in order
    expect(ws.getState().timeRange).toEqual({ from: '2020-01-01', to: '2030-01-01' });
    ws.setTimeRange(null);
    expect(ws.visible().edges.size).toBe(ws.getState().doc.edges.size);
  });

  it('undoes and redoes filters, time range and display settings like chart changes, in the order they were made', async () => {
    await ws.add(['lee', 'dana', 'kim', 'ocg', 'ravi', 'mill']);
    const doc = ws.getState().doc;
    ws.toggleEntityType('OCG');
    expect(ws.getState().undoLabel).toBe('Hide OCG');
    ws.setFilters({ minGrade: '2B' });
    ws.setDisplay({ edgeLabels: false });
    expect(ws.getState().undoLabel).toBe('Hide link labels');
    ws.setDisplay({ colourBy: 'community' });
    ws.remove(['mill']);
    // Back through all five, newest first; the chart itself comes back only at the step that changed it.
    expect(ws.undo()).toBe(true);
    expect(ws.getState().doc.nodes.has('mill')).toBe(true);
    expect(ws.getState().display.colourBy).toBe('community');
    ws.undo();
    expect(ws.getState().display).toEqual({ colourBy: 'type', sizeBy: 'none', edgeLabels: false });
    ws.undo();
    expect(ws.getState().display.edgeLabels).toBe(true);
    expect(ws.getState().filters.minGrade).toBe('2B');
    ws.undo();
    expect(ws.getState().filters.minGrade).toBeNull();
    expect(ws.visible().nodes.has('ocg')).toBe(false);
    ws.undo();
    expect(ws.visible().nodes.has('ocg')).toBe(true);
    expect(ws.getState().doc).toBe(doc);
    ws.redo();
    ws.redo();
    expect(ws.getState().filters).toEqual(expect.objectContaining({ hiddenEntityTypes: ['OCG'], minGrade: '2B' }));
    // Setting what is already set is no step.
    ws.setFilters({ minGrade: '2B' });
    expect(ws.getState().redoLabel).not.toBeNull();
  });

  it('makes a dragged or played time range one undo step, and a later one a step of its own', async () => {
    await ws.add(['lee', 'dana', 'kim', 'event', 'owen']);
    let now = 1_000_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      for (let y = 2021; y <= 2024; y++) { ws.setTimeRange({ from: `${y}-01-01`, to: `${y}-12-31` }); now += 400; }
      expect(ws.getState().undoLabel).toBe('Time range');
      now += 5000;
      ws.setTimeRange({ from: '2020-01-01', to: '2020-12-31' });
      ws.undo();
      expect(ws.getState().timeRange).toEqual({ from: '2024-01-01', to: '2024-12-31' });
      ws.undo();
      expect(ws.getState().timeRange).toBeNull();
      expect(ws.getState().undoLabel).toBe('Add 5 entities');
    } finally {
      clock.mockRestore();
    }
  });

  it('leaves requirement records off a network chart on a plain expansion, and adds them when asked or already charted', async () => {
    const data = network();
    data.nodes.push(node('q1', 'Question', 'Where does Lee Carter store firearms?'));
    data.nodes.push(node('q2', 'Question', 'Who supplies Dana Moss?'));
    data.edges.push(edge('q1', 'CONCERNS', 'lee'), edge('q2', 'CONCERNS', 'dana'));
    const api = new FakeApi(data);
    const w = new GraphWorkspace(api, { charts: (v) => new LocalChartStore(new MemoryStorage(), v.username) });
    await w.restoreSession();
    await w.add(['lee']);
    const added = await w.expand(['lee']);
    expect(added).toEqual(expect.arrayContaining(['dana', 'ocg', 'mill']));
    expect(w.getState().doc.nodes.has('q1')).toBe(false);
    expect(w.getState().notices.at(-1)?.text).toMatch(/1 requirement record left off the chart/);
    // Asked for by type in Expand with filters:
    expect(await w.expand(['lee'], { filter: { entityTypes: ['Question'] } })).toEqual(['q1', 'CONCERNS-q1-lee']);
    // Once one is on the chart, plain expansions bring them too.
    expect(await w.expand(['dana'])).toContain('q2');
  });

  it('refuses to connect more entities than the API joins at once, and the limit is the API\'s', async () => {
    expect(CONNECT_MAX).toBe(TRAVERSAL_LIMITS.connect);
    await ws.add(['lee', 'dana', 'kim', 'ocg', 'ravi', 'mill']);
    const many = Array.from({ length: CONNECT_MAX + 1 }, (_, i) => ['lee', 'dana', 'kim', 'ocg', 'ravi', 'mill'][i % 6]!);
    const before = ws.getState().doc;
    expect(await ws.connect(many)).toEqual([]);
    expect(ws.getState().doc).toBe(before);
    expect(ws.getState().notices.at(-1)?.text).toMatch(`at most ${CONNECT_MAX} entities`);
  });

  it('pins and hides: pinned nodes are flagged for layouts, hidden ones not drawn until shown again', async () => {
    await ws.add(['lee', 'dana', 'mill']);
    ws.select(['lee', 'dana']);
    ws.pin();
    expect(ws.getState().doc.nodes.get('lee')!.pinned).toBe(true);
    ws.pin(); // all pinned: toggles off
    expect(ws.getState().doc.nodes.get('lee')!.pinned).toBe(false);
    ws.pin(['mill'], true);
    ws.hide(['dana', 'LIVES_AT-lee-mill']);
    expect(ws.visible().nodes.has('dana')).toBe(false);
    expect(ws.visible().edges.has('LIVES_AT-lee-mill')).toBe(false);
    expect(ws.hiddenCount()).toBe(2);
    expect(ws.getState().selection.size).toBe(0);
    ws.unhideAll();
    expect(ws.hiddenCount()).toBe(0);
    ws.undo();
    expect(ws.hiddenCount()).toBe(2);
  });

  it('keeps layouts undoable and drops a layout result for a chart that changed meanwhile', async () => {
    await ws.add(['lee', 'dana']);
    const req = ws.requestLayout('grid');
    expect(req.silent).toBe(false);
    ws.layoutDone(req.id, { lee: { x: 0, y: 0 }, dana: { x: 100, y: 0 } });
    expect(ws.getState().undoLabel).toBe('Layout (grid)');
    const stale = ws.requestLayout('concentric');
    ws.remove(['dana']);
    expect(ws.layoutDone(stale.id, { lee: { x: 999, y: 999 } })).toBe(false);
    expect(ws.getState().doc.nodes.get('lee')!.position).toEqual({ x: 0, y: 0 });
    ws.select(['lee']);
    expect(ws.requestLayout('breadthfirst').roots).toEqual(['lee']);
  });

  it('applies a layout result when only the records were read again meanwhile, not when an entity moved', async () => {
    await ws.add(['lee', 'dana']);
    ws.layoutDone(ws.requestLayout('grid').id, { lee: { x: 0, y: 0 }, dana: { x: 100, y: 0 } });
    const req = ws.requestLayout('concentric');
    api.nodes.set('lee', { ...api.nodes.get('lee')!, label: 'Lee Carter (edited)' });
    await ws.refreshRecords(['lee', 'dana']); // edited elsewhere and read again: a new chart, nothing moved
    expect(ws.getState().doc).not.toBe(req.baseDoc);
    expect(ws.layoutDone(req.id, { lee: { x: 7, y: 7 }, dana: { x: 50, y: 50 } })).toBe(true);
    expect(ws.getState().doc.nodes.get('lee')!.position).toEqual({ x: 7, y: 7 });
    const moved = ws.requestLayout('concentric');
    ws.moveNodes({ dana: { x: 300, y: 300 } });
    expect(ws.layoutDone(moved.id, { lee: { x: 1, y: 1 }, dana: { x: 2, y: 2 } })).toBe(false);
    expect(ws.getState().doc.nodes.get('dana')!.position).toEqual({ x: 300, y: 300 });
  });

  it('numbers the layouts the analyst asks for again, and only those', async () => {
    await ws.add(['lee', 'dana']);
    expect(ws.requestLayout('fcose').variant).toBeUndefined();
    const first = ws.requestLayout('fcose', { again: true }).variant!;
    expect(ws.requestLayout('fcose', { again: true }).variant).toBe(first + 1);
    expect(ws.requestLayout('fcose', { randomize: false, silent: true }).variant).toBeUndefined();
  });

  it('does not expand restricted stubs: it says whom to contact', async () => {
    await ws.add(['dana']);
    await ws.expand(['dana']);
    const before = api.calls.length;
    await ws.expand(['restricted-x1']);
    expect(api.calls.length).toBe(before);
    expect(ws.getState().notices.at(-1)!.text).toContain('Northshire FIB');
  });

  it('finds the shortest path between two selected people and highlights it', async () => {
    await ws.add(['lee', 'owen']);
    ws.select(['lee', 'owen']);
    const paths = await ws.findPaths();
    expect(paths[0]!.nodeIds).toEqual(['lee', 'dana', 'kim', 'owen']);
    const s = ws.getState();
    expect(ids(s.doc)).toEqual(['dana', 'kim', 'lee', 'owen']);
    expect(s.paths?.paths.length).toBe(1);
    expect(s.selection.has('ASSOCIATE_OF-dana-kim')).toBe(true);
    ws.undo();
    expect(ids(ws.getState().doc)).toEqual(['lee', 'owen']);
    expect(ws.getState().paths).toBeNull();
  });

  it('connects selected entities through the paths among them', async () => {
    await ws.add(['ravi', 'dana']);
    const added = await ws.connect(['ravi', 'dana']);
    expect(added).toEqual(expect.arrayContaining(['lee', 'ocg']));
  });

  it('loads the supporting reports of a selected link', async () => {
    await ws.add(['lee', 'dana']);
    ws.select(['ASSOCIATE_OF-lee-dana']);
    expect(ws.getState().inspection).toMatchObject({ id: 'ASSOCIATE_OF-lee-dana', status: 'loading' });
    await new Promise((r) => setTimeout(r, 0));
    const insp = ws.getState().inspection!;
    expect(insp.status).toBe('ready');
    expect(insp.detail!.reports[0]).toMatchObject({ grade: '1A', report: { markings: { handling: 'C', handlingConditions: ['C3'] } } });
  });

  it('computes network measures and colours by community', async () => {
    await ws.add(['lee', 'dana', 'kim', 'owen', 'ocg', 'ravi']);
    await ws.analyse();
    const m = ws.getState().metrics!;
    expect(m.get('dana')!.betweenness).toBeGreaterThan(m.get('owen')!.betweenness);
    expect(ws.getState().display).toMatchObject({ colourBy: 'community', sizeBy: 'betweenness' });
  });

  it('saves a chart locally (ids and layout, not contents) and reopens it through the API', async () => {
    await ws.add(['dana']);
    await ws.expand(['dana']);
    ws.pin(['lee']);
    ws.setTimeRange({ from: '2020-01-01', to: '2024-12-31' });
    const before = picture(ws.getState().doc);
    const saved = await ws.saveChart('Carter network');
    expect(saved).toMatchObject({ name: 'Carter network', nodeCount: 4 });
    const raw = JSON.parse(storage.getItem(`intel-graph.charts.analyst1.chart.${saved!.id}`)!);
    expect(JSON.stringify(raw)).not.toContain('Lee Carter'); // no intelligence content stored locally
    expect(raw.stubs[0].label).toBe('Intelligence held by Northshire Police');

    ws.clear();
    ws.setTimeRange(null);
    expect(ws.getState().doc.nodes.size).toBe(0);
    expect((await ws.listCharts()).map((c) => c.name)).toEqual(['Carter network']);
    expect(await ws.openChart(saved!.id)).toBe(true);
    expect(picture(ws.getState().doc)).toEqual(before);
    expect(ws.getState().timeRange).toEqual({ from: '2020-01-01', to: '2024-12-31' });
    expect(ws.getState().chart).toMatchObject({ id: saved!.id, name: 'Carter network', store: 'local' });
    ws.undo();
    expect(ws.getState().doc.nodes.size).toBe(0);
  });

  it('reports entities of a saved chart that are no longer available', async () => {
    await ws.add(['lee', 'dana']);
    const saved = await ws.saveChart('Two');
    api.nodes.delete('dana');
    ws.clear();
    await ws.openChart(saved!.id);
    expect(ids(ws.getState().doc)).toEqual(['lee']);
    expect(ws.getState().notices.at(-1)!.text).toMatch(/1 saved entity is no longer available/);
  });

  it('ends the chart with the session', async () => {
    await ws.add(['lee']);
    await ws.signOut();
    expect(ws.getState().viewer).toBeNull();
    expect(ws.getState().doc.nodes.size).toBe(0);
    expect(ws.undo()).toBe(false);
  });
});

const MARKING = {
  marking: 'OFFICIAL-SENSITIVE [CHIS]', handling: 'C', conditions: ['C2'], warnings: ['C2: Not to be used as evidence'], title: 'Test', author: 'Dana Analyst',
  date: new Date('2026-12-05T09:30:00Z'), exportId: 'EXP-1234', legend: [{ label: 'Subject', colour: '#2563eb' }],
};

describe('exports of the chart contents', () => {
  it('writes GraphML and CSV with markings; stubs carry nothing but their wording; no spreadsheet formulas', async () => {
    await ws.add(['dana']);
    await ws.expand(['dana']);
    const doc = ws.getState().doc;
    const g = toGraphML(doc, MARKING);
    expect(g).toContain('<graphml');
    expect(g).toContain('<node id="lee">');
    expect(g).toMatch(/<edge id="ASSOCIATE_OF-lee-dana" source="lee" target="dana">/);
    expect(g).toContain('Intelligence held by Northshire Police');
    const e = entitiesCsv(doc).split('\r\n');
    expect(e[0]).toBe('id,type,label,classification,handling,agency,restricted,held_by,contact,properties');
    expect(e.find((l) => l.startsWith('restricted-x1'))).toBe('restricted-x1,Restricted,Intelligence held by Northshire Police,,,,true,Northshire Police,Northshire FIB,');
    expect(linksCsv(doc)).toContain('ASSOCIATE_OF-lee-dana,ASSOCIATE_OF,lee,Lee Carter,dana,Dana Moss,1,1,OFFICIAL,P,FORCE-A');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // A file that leaves the system carries the marking line first and last, in one cell.
    const framed = linksCsv(doc, MARKING).trimEnd().split('\r\n');
    const line = '# OFFICIAL-SENSITIVE [CHIS] | Handling C (C2) | Test | 05/12/2026 09:30 | Produced by Dana Analyst · EXP-1234 | C2: Not to be used as evidence';
    expect([framed[0], framed.at(-1)]).toEqual([line, line]);
    // With commas in it, the line is still one cell.
    expect(entitiesCsv(doc, { ...MARKING, conditions: ['C2', 'C4'] }).split('\r\n')[0]).toMatch(/^"# OFFICIAL-SENSITIVE \[CHIS\] \| Handling C \(C2, C4\)[^"]*"$/);
    expect(framed[1]).toMatch(/^id,type,source_id/);
    expect(g).toContain('<data key="g_marking">OFFICIAL-SENSITIVE [CHIS]</data>');
    expect(g).toContain('<data key="g_reference">EXP-1234</data>');
    expect(g.trimEnd().endsWith('-->')).toBe(true);
  });

  it('writes an SVG with the marking as a banner', () => {
    const svg = toSvg(
      [{ x: 0, y: 0, w: 30, h: 30, shape: 'ellipse', fill: '#2563eb', stroke: '#fff', strokeWidth: 2, dashed: false, label: 'A & B' }],
      [{ from: { x: 0, y: 0 }, to: { x: 100, y: 0 }, colour: '#334155', width: 2, arrow: true }],
      MARKING,
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('A &amp; B');
    // The marking in a header and a footer band, the handling, reference, author, conditions and legend.
    expect(svg.match(/>OFFICIAL-SENSITIVE \[CHIS\]</g)!.length).toBe(2);
    for (const text of ['>Handling C (C2)<', '>Produced by Dana Analyst · EXP-1234<', `>C2: Not to be used as evidence<`, '>Subject<', '>Test<', '>05/12/2026 09:30<']) expect(svg).toContain(text);
    expect(svg).toContain('reference="EXP-1234"');
    expect(svg).toContain('marker-end="url(#arrow-0)"');
  });
});

describe('property values in the details panel', () => {
  it('reads model codes as words and ids of records on the chart as their names, and leaves other values as stored', () => {
    const names = (id: string) => ({ 'AREA-WMP': 'West Midlands' } as Record<string, string>)[id];
    expect(propValue('ORGANISED_ACQUISITIVE')).toBe('Organised acquisitive');
    for (const code of [...CRIME_TYPES, ...SOURCE_TYPES]) expect(propValue(code)).not.toMatch(/_/);
    expect(propValue('AREA-WMP', names)).toBe('West Midlands');
    expect(propValue(['AREA-WMP', 'AREA-X'], names)).toBe('West Midlands, AREA-X');
    for (const kept of ['AB12 CDE', '07700900123', 'OFFICIAL', 'P', '2024-03-01', 'Lee Carter']) expect(propValue(kept, names)).toBe(kept);
    expect(propValue(true)).toBe('Yes');
  });
});
