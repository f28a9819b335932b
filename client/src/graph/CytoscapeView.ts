import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { ChartDoc, ChartEdge, ChartNode } from '../workspace/chartDoc.js';
import { chartDegrees, normalise, ocgRoles } from '../workspace/derive.js';
import type { GraphWorkspace, LayoutRequest, WorkspaceState } from '../workspace/GraphWorkspace.js';
import type { LayoutInput } from './layoutEngine.js';
import { LayoutRunner } from './layoutRunner.js';
import { chartStyle, communityColour, linkLook } from './style.js';

/**
 * Cytoscape as the workspace's renderer: it mirrors the workspace state onto the canvas (diffing
 * records by identity, in batches) and reports back what the user does there (selection, drags,
 * double-clicks, context menus). It owns no chart state of its own beyond the viewport.
 */
export interface CanvasTarget { kind: 'node' | 'edge' | 'canvas'; id?: string; clientX: number; clientY: number }

export interface ViewOptions {
  webgl?: boolean;
  onContextMenu?: (t: CanvasTarget) => void;
}

/** Below this many nodes, position changes (layouts, undo) are animated. */
const ANIMATE_MAX_NODES = 300;
/** From this many elements, panning and zooming draw from a cached picture (see tuneForSize). */
const TEXTURE_ABOVE = 1500;

export function nodeData(n: ChartNode): Record<string, unknown> {
  const d = n.data;
  return { id: d.id, label: d.label, type: d.type, restricted: d.restricted || undefined, pinned: n.pinned || undefined };
}

export function edgeLabel(e: ChartEdge['data']): string {
  if (e.restricted) return '';
  const title = linkLook(e.type).title;
  const role = e.type === 'MEMBER_OF' && typeof e.props?.role === 'string' ? ` · ${(e.props.role as string).toLowerCase()}` : '';
  return `${title}${role}`;
}

export function edgeData(e: ChartEdge): Record<string, unknown> {
  const d = e.data;
  const graded = typeof d.strength === 'number' && d.reportCount > 0;
  return {
    id: d.id, source: d.source, target: d.target, type: d.type, label: edgeLabel(d),
    strength: graded ? d.strength : undefined, role: d.type === 'MEMBER_OF' ? (d.props?.role as string) ?? 'UNKNOWN' : undefined,
    restricted: d.restricted || undefined,
  };
}

export class CytoscapeView {
  readonly cy: Core;
  private readonly runner = new LayoutRunner();
  private rendered: Partial<Pick<WorkspaceState, 'doc' | 'filters' | 'timeRange' | 'display' | 'metrics' | 'selection' | 'paths' | 'gaps'>> = {};
  private lastLayout = 0;
  private lastView = 0;
  private applyingSelection = false;
  private selectionQueued = false;
  private dragged = new Set<string>();
  private readonly unsubscribe: () => void;
  /** Milliseconds of the last layout computation (for the status line and benchmarks). */
  lastLayoutMs = 0;

  constructor(container: HTMLElement, private readonly ws: GraphWorkspace, private readonly opts: ViewOptions = {}) {
    const options = {
      container,
      style: chartStyle(ws.getState().display),
      minZoom: 0.03,
      maxZoom: 5,
      boxSelectionEnabled: true,
      selectionType: 'single',
      // The WebGL renderer (Cytoscape 3.31+) draws large charts several times faster.
      ...(opts.webgl ? { renderer: { name: 'canvas', webgl: true }, webgl: true } : {}),
    } as cytoscape.CytoscapeOptions;
    this.cy = cytoscape(options);
    this.bindCanvasEvents();
    this.render(ws.getState());
    this.unsubscribe = ws.subscribe(() => this.render(ws.getState()));
  }

  /**
   * Large charts pan and zoom from a cached picture of the chart, drawn again in full when the
   * gesture ends (Cytoscape's textureOnViewport, switched with the chart's size: small charts stay
   * crisp while moving). The canvas renderer reads the option on every frame.
   */
  private tuneForSize(): void {
    if (this.opts.webgl) return;
    const renderer = (this.cy as unknown as { renderer(): { textureOnViewport?: boolean } | undefined }).renderer();
    if (renderer) renderer.textureOnViewport = this.cy.elements().length >= TEXTURE_ABOVE;
  }

  destroy(): void {
    this.unsubscribe();
    this.runner.dispose();
    this.cy.destroy();
  }

  private bindCanvasEvents(): void {
    const cy = this.cy;
    cy.on('select unselect', () => {
      if (this.applyingSelection || this.selectionQueued) return;
      this.selectionQueued = true;
      queueMicrotask(() => {
        this.selectionQueued = false;
        this.ws.setSelection(cy.$(':selected').map((e) => e.id()));
      });
    });
    cy.on('dbltap', 'node', (ev) => {
      void this.ws.expand([ev.target.id()]);
    });
    cy.on('dragfree', 'node', (ev) => {
      this.dragged.add(ev.target.id());
      if (this.dragged.size > 1) return;
      queueMicrotask(() => {
        const positions: Record<string, { x: number; y: number }> = {};
        for (const id of this.dragged) {
          const n = cy.getElementById(id);
          if (n.nonempty()) positions[id] = { ...n.position() };
        }
        this.dragged.clear();
        this.ws.moveNodes(positions);
      });
    });
    cy.on('cxttap', (ev) => {
      const oe = ev.originalEvent as MouseEvent | undefined;
      const clientX = oe?.clientX ?? 0;
      const clientY = oe?.clientY ?? 0;
      if (ev.target === cy) {
        this.opts.onContextMenu?.({ kind: 'canvas', clientX, clientY });
        return;
      }
      const id = ev.target.id() as string;
      if (!this.ws.getState().selection.has(id)) this.ws.select([id]);
      this.opts.onContextMenu?.({ kind: ev.target.isNode() ? 'node' : 'edge', id, clientX, clientY });
    });
  }

  private render(s: WorkspaceState): void {
    const r = this.rendered;
    const cy = this.cy;
    const docChanged = s.doc !== r.doc;
    if (s.display !== r.display) {
      if (r.display && (r.display.colourBy !== s.display.colourBy || r.display.sizeBy !== s.display.sizeBy || r.display.edgeLabels !== s.display.edgeLabels)) {
        cy.style(chartStyle(s.display));
      }
    }
    cy.batch(() => {
      if (docChanged) this.syncDoc(r.doc, s.doc);
      if (docChanged || s.metrics !== r.metrics || s.display !== r.display) this.syncDerived(s);
      if (docChanged || s.filters !== r.filters || s.timeRange !== r.timeRange) this.syncVisibility();
      if (docChanged || s.paths !== r.paths) this.syncPaths(s);
      if (docChanged || s.gaps !== r.gaps) this.syncGaps(s);
    });
    if (docChanged || s.selection !== r.selection) this.syncSelection(s.selection);
    if (docChanged) this.tuneForSize();
    this.rendered = { doc: s.doc, filters: s.filters, timeRange: s.timeRange, display: s.display, metrics: s.metrics, selection: s.selection, paths: s.paths, gaps: s.gaps };
    if (s.layoutRequest && s.layoutRequest.id !== this.lastLayout) {
      this.lastLayout = s.layoutRequest.id;
      void this.runLayout(s.layoutRequest);
    }
    if (s.viewRequest && s.viewRequest.id !== this.lastView) {
      this.lastView = s.viewRequest.id;
      this.applyView(s.viewRequest.kind, s.viewRequest.ids);
    }
  }

  private syncDoc(prev: ChartDoc | undefined, doc: ChartDoc): void {
    const cy = this.cy;
    if (prev) {
      for (const id of prev.edges.keys()) if (!doc.edges.has(id)) cy.getElementById(id).remove();
      for (const id of prev.nodes.keys()) if (!doc.nodes.has(id)) cy.getElementById(id).remove();
    }
    const add: ElementDefinition[] = [];
    const moves: { node: NodeSingular; x: number; y: number }[] = [];
    for (const [id, n] of doc.nodes) {
      const p = prev?.nodes.get(id);
      if (p === n) continue;
      const el = cy.getElementById(id);
      if (el.empty()) {
        add.push({ group: 'nodes', data: nodeData(n), position: n.position ? { ...n.position } : { x: 0, y: 0 }, locked: n.pinned });
        continue;
      }
      if (!p || p.data !== n.data || p.pinned !== n.pinned) el.data(nodeData(n));
      if (n.pinned !== el.locked()) {
        if (n.pinned) el.lock();
        else el.unlock();
      }
      const cur = el.position();
      if (n.position && (Math.abs(cur.x - n.position.x) > 0.5 || Math.abs(cur.y - n.position.y) > 0.5)) moves.push({ node: el as NodeSingular, ...n.position });
    }
    for (const [id, e] of doc.edges) {
      const p = prev?.edges.get(id);
      if (p === e) continue;
      const el = cy.getElementById(id);
      if (el.empty()) add.push({ group: 'edges', data: edgeData(e) });
      else if (!p || p.data !== e.data) el.data(edgeData(e));
    }
    if (add.length) cy.add(add);
    const animate = moves.length > 0 && doc.nodes.size <= ANIMATE_MAX_NODES;
    for (const m of moves) {
      if (animate && !m.node.locked()) {
        m.node.stop();
        m.node.animate({ position: { x: m.x, y: m.y } }, { duration: 320, easing: 'ease-in-out-cubic' });
      } else {
        const locked = m.node.locked();
        if (locked) m.node.unlock();
        m.node.position({ x: m.x, y: m.y });
        if (locked) m.node.lock();
      }
    }
  }

  private syncDerived(s: WorkspaceState): void {
    const roles = ocgRoles(s.doc);
    let centrality: Map<string, number> | null = null;
    if (s.display.sizeBy === 'degree') centrality = normalise(chartDegrees(s.doc));
    else if (s.display.sizeBy !== 'none' && s.metrics) {
      const key = s.display.sizeBy;
      centrality = normalise(new Map([...s.metrics.values()].map((m) => [m.id, m[key] ?? 0])));
    }
    const colourByCommunity = s.display.colourBy === 'community' && s.metrics;
    this.cy.nodes().forEach((n) => {
      const id = n.id();
      setOrRemove(n, 'role', roles.get(id));
      setOrRemove(n, 'centrality', centrality ? (centrality.get(id) ?? 0) : undefined);
      const m = colourByCommunity ? s.metrics!.get(id) : undefined;
      setOrRemove(n, 'communityColour', typeof m?.community === 'number' ? communityColour(m.community) : undefined);
    });
  }

  private syncVisibility(): void {
    const vis = this.ws.visible();
    this.cy.elements().forEach((el) => {
      const id = el.id();
      const shown = el.isNode() ? vis.nodes.has(id) : vis.edges.has(id);
      const filtered = el.hasClass('filtered');
      if (shown && filtered) el.removeClass('filtered');
      else if (!shown && !filtered) el.addClass('filtered');
    });
  }

  private syncPaths(s: WorkspaceState): void {
    const cy = this.cy;
    cy.elements('.path, .faded').removeClass('path faded');
    const p = s.paths;
    if (!p) return;
    const chosen = p.active === null ? p.paths : [p.paths[p.active]!].filter(Boolean);
    const on = new Set(chosen.flatMap((x) => [...x.nodeIds, ...x.edgeIds]));
    cy.elements().forEach((el) => {
      el.addClass(on.has(el.id()) ? 'path' : 'faded');
    });
  }

  /** The gap overlay's state per node, as data the stylesheet rings (`node[gap = ...]`). */
  private syncGaps(s: WorkspaceState): void {
    const marks = s.gaps?.marks;
    this.cy.nodes().forEach((n) => setOrRemove(n, 'gap', marks?.get(n.id())?.state));
  }

  private syncSelection(sel: ReadonlySet<string>): void {
    const cy = this.cy;
    this.applyingSelection = true;
    try {
      cy.$(':selected').forEach((el) => {
        if (!sel.has(el.id())) el.unselect();
      });
      for (const id of sel) {
        const el = cy.getElementById(id);
        if (el.nonempty() && !el.selected()) el.select();
      }
    } finally {
      this.applyingSelection = false;
    }
  }

  private layoutInput(req: LayoutRequest): LayoutInput {
    const cy = this.cy;
    const nodes = cy.nodes(':not(.filtered)');
    const ids = new Set(nodes.map((n) => n.id()));
    return {
      name: req.name,
      randomize: req.randomize,
      roots: req.roots,
      nodes: nodes.map((n) => ({
        id: n.id(), x: n.position('x'), y: n.position('y'), w: n.outerWidth() + 24, h: n.outerHeight() + 24, pinned: n.locked(),
        level: (n.data('centrality') as number | undefined) ?? n.degree(false), group: n.data('type') as string,
      })),
      edges: cy.edges(':not(.filtered)').filter((e) => ids.has(e.source().id()) && ids.has(e.target().id()))
        .map((e: cytoscape.EdgeSingular) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    };
  }

  private async runLayout(req: LayoutRequest): Promise<void> {
    const input = this.layoutInput(req);
    if (!input.nodes.length) {
      this.ws.layoutDone(req.id, {});
      return;
    }
    try {
      const out = await this.runner.run(input);
      this.lastLayoutMs = out.ms;
      const applied = this.ws.layoutDone(req.id, out.positions);
      if (applied) {
        // After the animation: fit when asked, else make sure what moved is still in view.
        const wait = this.cy.nodes().length <= ANIMATE_MAX_NODES ? 340 : 0;
        setTimeout(() => this.applyView(req.fit ? 'fit' : 'keep-in-view'), wait);
      }
    } catch (e) {
      this.ws.notify('error', `Layout failed: ${(e as Error).message}`);
    }
  }

  private applyView(kind: 'fit' | 'focus' | 'keep-in-view', ids?: string[]): void {
    const cy = this.cy;
    if (cy.destroyed()) return;
    const shown = cy.elements().not('.filtered');
    const target = ids?.length ? shown.filter((el) => ids.includes(el.id())) : shown;
    if (target.empty()) return;
    if (kind === 'keep-in-view') {
      const ext = cy.extent();
      const bb = target.boundingBox();
      if (bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2) return;
      kind = 'fit';
    }
    if (kind === 'fit') {
      cy.stop();
      cy.fit(target, 40);
      if (cy.zoom() > 1.6) cy.zoom({ level: 1.6, position: target.boundingBox() ? centre(target.boundingBox()) : { x: 0, y: 0 } });
      return;
    }
    // Focus: bring the nodes into view without zooming in further than needed.
    const ext = cy.extent();
    const bb = target.boundingBox();
    const inside = bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2;
    if (!inside) {
      if (cy.nodes().length <= 2) cy.fit(shown, 80);
      else cy.center(target);
      if (cy.zoom() > 1.6) cy.zoom({ level: 1.6, position: centre(bb) });
    }
  }
}

function centre(bb: { x1: number; x2: number; y1: number; y2: number }) {
  return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
}

function setOrRemove(n: NodeSingular, key: string, value: unknown): void {
  const cur = n.data(key);
  if (value === undefined) {
    if (cur !== undefined) n.removeData(key);
  } else if (cur !== value) {
    n.data(key, value);
  }
}
