import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import type { ChartDoc, ChartEdge, ChartNode, Position } from '../workspace/chartDoc.js';
import { chartDegrees, normalise, ocgRoles } from '../workspace/derive.js';
import type { GraphWorkspace, LayoutRequest, WorkspaceState } from '../workspace/GraphWorkspace.js';
import type { LayoutInput } from './layoutEngine.js';
import { clearAdded, type NodeBox } from '../workspace/placement.js';
import { LayoutRunner } from './layoutRunner.js';
import { evidenceSummary } from '../ui/evidence.js';
import { entityTitle } from '../ui/format.js';
import { groupedView } from '../organise/grouping.js';
import { isAnnotationId, isGroupId, isOrganiseId, type Annotation } from '../organise/model.js';
import { ruleStyles } from '../organise/rules.js';
import { glyphUri } from './icons.js';
import { installFastStyleCache } from './styleCache.js';
import { LIGHT_STYLE_ABOVE, chartStyle, labelScale, communityColour, darkGlyph, countWidth, edgeLook, gapLook, linkCount, linkLook, nodeLook, roleRing } from './style.js';

/**
 * Cytoscape as the workspace's renderer: it mirrors the workspace state onto the canvas (diffing
 * records by identity, in batches) and reports back what the user does there (selection, drags,
 * double-clicks, context menus). It owns no chart state of its own beyond the viewport.
 */
export interface CanvasTarget {
  kind: 'node' | 'edge' | 'canvas';
  id?: string;
  clientX: number;
  clientY: number;
  /** Where on the chart (model coordinates) it was asked: an entity added from the menu goes there. */
  position?: { x: number; y: number };
}

export interface ViewOptions {
  webgl?: boolean;
  onContextMenu?: (t: CanvasTarget) => void;
  /** The pointer is over an entity (its hover card), or has left it (null). */
  onHover?: (t: { id: string; clientX: number; clientY: number } | null) => void;
  /** With link drawing on, a link was drawn from one entity to another (nothing is added to the chart). */
  onLinkDrawn?: (ends: [string, string]) => void;
}

cytoscape.use(edgehandles);
installFastStyleCache();

/** The part of cytoscape-edgehandles' handle the view uses. */
interface EdgeHandles { enableDrawMode(): void; disableDrawMode(): void; stop(): void; destroy(): void }

/** Below this many nodes, position changes (layouts, undo) are animated. */
const ANIMATE_MAX_NODES = 300;
/** From this many elements, panning and zooming draw from a cached picture (see tuneForSize). */
const TEXTURE_ABOVE = 1500;
/** Margin (px) round the chart when it is fitted to the canvas. */
const FIT_PADDING = 40;
/** The zoom that fits a small chart stops here: a handful of nodes is not blown up. */
const FIT_MAX_ZOOM = 1.6;
/** Labels are resized this long after the last zoom step: once a gesture ends, not on every frame. */
const LABEL_SCALE_DELAY_MS = 150;
/** Up to this many nodes, a layout is sent each drawn node's box, label included (see clearAdded). */
const LABEL_BOXES_MAX_NODES = 1000;
/** After a layout, rounds of framing and clearing what was just added (see runLayout). */
const CLEAR_ROUNDS = 3;

export function nodeData(n: ChartNode): Record<string, unknown> {
  const d = n.data;
  return { id: d.id, label: d.label, type: d.type, restricted: d.restricted || undefined, pinned: n.pinned || undefined, ...nodeLook(d.type, !!d.restricted) };
}

export function edgeLabel(e: ChartEdge['data']): string {
  if (e.restricted) return '';
  const title = linkLook(e.type).title;
  const role = e.type === 'MEMBER_OF' && typeof e.props?.role === 'string' ? ` · ${(e.props.role as string).toLowerCase()}` : '';
  return `${title}${role}`;
}

/** `bundle`: the link shares its pair of entities with another link, or is a loop (drawn curved). */
export function edgeData(e: ChartEdge, bundle = false): Record<string, unknown> {
  const d = e.data;
  const graded = typeof d.strength === 'number' && d.reportCount > 0;
  const role = d.type === 'MEMBER_OF' ? (d.props?.role as string) ?? 'UNKNOWN' : undefined;
  const count = d.restricted ? undefined : linkCount(d.props);
  return {
    id: d.id, source: d.source, target: d.target, type: d.type, label: edgeLabel(d),
    strength: graded ? d.strength : undefined, role, restricted: d.restricted || undefined, bundle: bundle || undefined,
    countWidth: count === undefined ? undefined : countWidth(count),
    ...edgeLook(d.type, role),
  };
}

/** Links drawn curved: those sharing their pair of entities with another link, and loops. */
export function bundledEdges(doc: ChartDoc): Set<string> {
  const first = new Map<string, string>();
  const out = new Set<string>();
  for (const [id, e] of doc.edges) {
    const { source: a, target: b } = e.data;
    if (a === b) {
      out.add(id);
      continue;
    }
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const other = first.get(key);
    if (other === undefined) first.set(key, id);
    else {
      out.add(other);
      out.add(id);
    }
  }
  return out;
}

export class CytoscapeView {
  readonly cy: Core;
  private readonly runner = new LayoutRunner();
  private rendered: Partial<Pick<WorkspaceState, 'doc' | 'filters' | 'timeRange' | 'display' | 'metrics' | 'selection' | 'paths' | 'gaps' | 'organise'>> = {};
  /** Chart elements drawn through a group (class "grouped"), as last synced. */
  private grouped = new Set<string>();
  /** Entities some styling rule styles, as last synced. */
  private ruled = new Set<string>();
  private lastLayout = 0;
  private lastView = 0;
  private applyingSelection = false;
  private selectionQueued = false;
  private dragged = new Set<string>();
  /** Elements are held back (class "pending") until their layout arrives. */
  private holding = false;
  /** Links drawn curved (see bundledEdges), as last synced. */
  private bundled = new Set<string>();
  /** The lighter stylesheet for large charts is in use (see LIGHT_STYLE_ABOVE). */
  private light = false;
  /** The organisation's selectors are in the stylesheet (see StyleOptions.organised and .ruled). */
  private styled: { organised: boolean; ruled: boolean } = { organised: false, ruled: false };
  private readonly unsubscribe: () => void;
  /** Drawing links by dragging (cytoscape-edgehandles), switched with the workspace's link mode. */
  private readonly handles: EdgeHandles;
  private drawing = false;
  /** Milliseconds of the last layout computation (for the status line and benchmarks). */
  lastLayoutMs = 0;
  /** The view is as a fit of the whole chart left it: the analyst has not panned or zoomed since. */
  private framed = false;
  /** Inside a change of the view the chart makes itself (not the analyst's pan or zoom). */
  private settingView = 0;
  /** Entity labels' size against LABEL_FONT_PX (see labelScale) in the stylesheet `scaledSheet`. */
  private sheetScale = 1;
  private scaledSheet: unknown = null;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
  /** Layout passes run for the chart, and how many of them ran before their elements were drawn. */
  layoutRuns = 0;
  layoutsBeforeDraw = 0;

  constructor(container: HTMLElement, private readonly ws: GraphWorkspace, private readonly opts: ViewOptions = {}) {
    const options = {
      container,
      style: chartStyle(ws.getState().display, { light: this.light, ...organisedStyle(ws.getState()) }),
      minZoom: 0.03,
      maxZoom: 5,
      boxSelectionEnabled: true,
      selectionType: 'single',
      // The WebGL renderer (Cytoscape 3.31+) draws large charts several times faster.
      ...(opts.webgl ? { renderer: { name: 'canvas', webgl: true }, webgl: true } : {}),
    } as cytoscape.CytoscapeOptions;
    this.cy = cytoscape(options);
    this.styled = organisedStyle(ws.getState());
    // A link is drawn between two entities the viewer sees in full, neither drawn through a group;
    // the drawn line is only a gesture: the link itself is written through the link dialog.
    const drawable = (n: NodeSingular) => !n.hasClass('org') && !n.hasClass('grouped') && !n.data('restricted') && !n.hasClass('eh-ghost');
    this.handles = (this.cy as unknown as { edgehandles(o: object): EdgeHandles }).edgehandles({
      canConnect: (a: NodeSingular, b: NodeSingular) => !a.same(b) && drawable(a) && drawable(b),
      edgeParams: () => ({ data: { drawn: true } }),
      hoverDelay: 100,
      snap: true,
      snapThreshold: 30,
    });
    this.cy.on('ehcomplete', ((_ev: unknown, source: NodeSingular, target: NodeSingular, added: cytoscape.EdgeCollection) => {
      added.remove();
      this.opts.onLinkDrawn?.([source.id(), target.id()]);
    }) as unknown as cytoscape.EventHandler);
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
    clearTimeout(this.labelTimer);
    this.unsubscribe();
    this.handles.destroy();
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
      const id = ev.target.id() as string;
      // A group opens up again; an annotation opens for editing; an entity expands.
      if (isGroupId(id)) this.ws.ungroup([id]);
      else if (isAnnotationId(id)) this.ws.edit({ kind: 'annotation', id });
      else void this.ws.expand([id]);
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
    // Hovering a counted link tells its count, total duration and first and last seen.
    cy.on('mouseover', 'edge', (ev) => {
      const e = this.ws.edge(ev.target.id());
      const text = e && !e.restricted ? evidenceSummary(e.type, e.props) : '';
      const box = cy.container();
      if (box) box.title = text ? `${edgeLabel(e!)}: ${text}` : '';
    });
    cy.on('mouseout', 'edge node', () => {
      const box = cy.container();
      if (box) box.title = '';
      this.opts.onHover?.(null);
    });
    // Hovering an entity tells its whole name (labels are cut short on the chart) and its type;
    // a stub, who holds it.
    cy.on('mouseover', 'node', (ev) => {
      const n = this.ws.node(ev.target.id());
      const box = cy.container();
      if (box && n) box.title = n.restricted ? n.label : `${n.label} (${entityTitle(n.type)})`;
      const oe = ev.originalEvent as MouseEvent | undefined;
      if (n && oe) this.opts.onHover?.({ id: n.id, clientX: oe.clientX, clientY: oe.clientY });
    });
    cy.on('grab pan zoom', () => this.opts.onHover?.(null));
    cy.on('viewport', () => {
      if (!this.settingView) this.framed = false;
    });
    cy.on('zoom', () => {
      clearTimeout(this.labelTimer);
      this.labelTimer = setTimeout(() => this.scaleLabels(), LABEL_SCALE_DELAY_MS);
    });
    cy.on('cxttap', (ev) => {
      const oe = ev.originalEvent as MouseEvent | undefined;
      const clientX = oe?.clientX ?? 0;
      const clientY = oe?.clientY ?? 0;
      if (ev.target === cy) {
        this.opts.onContextMenu?.({ kind: 'canvas', clientX, clientY, position: { x: ev.position.x, y: ev.position.y } });
        return;
      }
      const id = ev.target.id() as string;
      if (!this.ws.getState().selection.has(id)) this.ws.select([id]);
      this.opts.onContextMenu?.({ kind: ev.target.isNode() ? 'node' : 'edge', id, clientX, clientY });
    });
  }

  /**
   * A large addition waiting for its layout (see LayoutRequest.beforeDraw). Its elements are on
   * the chart but not drawn (class "pending", display none), so Cytoscape styles them while the
   * worker computes; when the positions arrive they are moved and shown in one batch, and the
   * first frame that draws them draws them laid out.
   */
  private waitingForLayout(s: WorkspaceState): boolean {
    const req = s.layoutRequest;
    return !!req?.beforeDraw && req.baseDoc === s.doc;
  }

  private render(s: WorkspaceState): void {
    const r = this.rendered;
    const cy = this.cy;
    const waiting = this.waitingForLayout(s);
    // The worker starts on a layout before the drawing is brought up to date, so the two overlap.
    if (waiting && s.layoutRequest!.id !== this.lastLayout) {
      this.lastLayout = s.layoutRequest!.id;
      void this.runLayout(s.layoutRequest!);
    }
    const doc = s.doc;
    const docChanged = doc !== r.doc;
    // The stylesheet is switched before elements are added, so they are styled once.
    const size = doc.nodes.size + doc.edges.size;
    const light = this.light ? size >= LIGHT_STYLE_ABOVE * 0.8 : size >= LIGHT_STYLE_ABOVE;
    const displayChanged = !!r.display && s.display !== r.display
      && (r.display.colourBy !== s.display.colourBy || r.display.sizeBy !== s.display.sizeBy || r.display.edgeLabels !== s.display.edgeLabels);
    const org = organisedStyle(s);
    if (displayChanged || light !== this.light || org.organised !== this.styled.organised || org.ruled !== this.styled.ruled) {
      this.light = light;
      this.styled = org;
      // Built with the label size the zoom gives (see scaleLabels), so the sheet is set once.
      const scale = light ? 1 : labelScale(cy.zoom());
      cy.style(chartStyle(s.display, { light, ...org, labelScale: scale }));
      this.scaledSheet = cy.style();
      this.sheetScale = scale;
    }
    cy.batch(() => {
      if (docChanged) this.syncDoc(r.doc, doc, waiting);
      if (!waiting && this.holding) {
        cy.elements('.pending').removeClass('pending');
        this.holding = false;
      }
      if (docChanged || s.metrics !== r.metrics || s.display !== r.display) this.syncDerived(s);
      if (docChanged || s.filters !== r.filters || s.timeRange !== r.timeRange) this.syncVisibility();
      if (docChanged || s.paths !== r.paths) this.syncPaths(s);
      if (docChanged || s.gaps !== r.gaps) this.syncGaps(s);
      if (docChanged || s.organise !== r.organise || s.filters !== r.filters || s.timeRange !== r.timeRange) this.syncOrganise(s);
      if (docChanged || s.organise.rules !== r.organise?.rules) this.syncRules(s);
    });
    if (docChanged || s.selection !== r.selection) this.syncSelection(s.selection);
    if (docChanged) this.tuneForSize();
    if (s.linkMode !== this.drawing) {
      this.drawing = s.linkMode;
      if (s.linkMode) this.handles.enableDrawMode();
      else {
        this.handles.stop();
        this.handles.disableDrawMode();
      }
    }
    this.rendered = { doc, filters: s.filters, timeRange: s.timeRange, display: s.display, metrics: s.metrics, selection: s.selection, paths: s.paths, gaps: s.gaps, organise: s.organise };
    if (s.layoutRequest && s.layoutRequest.id !== this.lastLayout) {
      this.lastLayout = s.layoutRequest.id;
      void this.runLayout(s.layoutRequest);
    }
    // A view request about elements not drawn yet waits for them.
    if (!waiting && s.viewRequest && s.viewRequest.id !== this.lastView) {
      this.lastView = s.viewRequest.id;
      this.applyView(s.viewRequest.kind, s.viewRequest.ids);
    }
  }

  /** `hold`: new elements are added undrawn, waiting for their layout (see waitingForLayout). */
  private syncDoc(prev: ChartDoc | undefined, doc: ChartDoc, hold = false): void {
    const cy = this.cy;
    if (prev) {
      for (const id of prev.edges.keys()) if (!doc.edges.has(id)) cy.getElementById(id).remove();
      for (const id of prev.nodes.keys()) if (!doc.nodes.has(id)) cy.getElementById(id).remove();
    }
    const add: ElementDefinition[] = [];
    const moves: { node: NodeSingular; x: number; y: number }[] = [];
    // New elements arrive already filtered or not (no class change on each afterwards).
    const vis = this.ws.getState().doc === doc ? this.ws.visible() : null;
    const classes = (shown: boolean | undefined) => [shown === false ? 'filtered' : '', hold ? 'pending' : ''].join(' ').trim() || undefined;
    for (const [id, n] of doc.nodes) {
      const p = prev?.nodes.get(id);
      if (p === n) continue;
      const el = cy.getElementById(id);
      if (el.empty()) {
        add.push({ group: 'nodes', data: nodeData(n), position: n.position ? { ...n.position } : { x: 0, y: 0 }, locked: n.pinned, classes: classes(vis?.nodes.has(id)) });
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
    const bundled = doc.edges.size ? bundledEdges(doc) : new Set<string>();
    for (const [id, e] of doc.edges) {
      const p = prev?.edges.get(id);
      const bundle = bundled.has(id);
      if (p === e) {
        if (bundle !== this.bundled.has(id)) cy.getElementById(id).data('bundle', bundle || undefined);
        continue;
      }
      const el = cy.getElementById(id);
      if (el.empty()) add.push({ group: 'edges', data: edgeData(e, bundle), classes: classes(vis?.edges.has(id)) });
      else if (!p || p.data !== e.data || bundle !== this.bundled.has(id)) el.data(edgeData(e, bundle));
    }
    this.bundled = bundled;
    if (add.length) {
      cy.add(add);
      if (hold) this.holding = true;
    }
    const animate = moves.length > 0 && doc.nodes.size <= ANIMATE_MAX_NODES;
    for (const m of moves) {
      if (animate && !m.node.locked() && !m.node.hasClass('pending')) {
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
    const centrality = centralities(s);
    const colourByCommunity = s.display.colourBy === 'community' && s.metrics;
    this.cy.nodes().forEach((n) => {
      const id = n.id();
      if (isOrganiseId(id)) return;
      const role = roles.get(id);
      setOrRemove(n, 'role', role);
      setOrRemove(n, 'ring', roleRing(role));
      setOrRemove(n, 'centrality', centrality ? (centrality.get(id) ?? 0) : undefined);
      const m = colourByCommunity ? s.metrics!.get(id) : undefined;
      const inCommunity = typeof m?.community === 'number';
      setOrRemove(n, 'communityColour', inCommunity ? communityColour(m!.community!) : undefined);
      setOrRemove(n, 'darkGlyph', inCommunity ? darkGlyph(n.data('type') as string) : undefined);
    });
  }

  private syncVisibility(): void {
    const vis = this.ws.visible();
    this.cy.elements().forEach((el) => {
      if (el.hasClass('org')) return;
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

  /**
   * Groups, annotations and links drawn through groups: elements of their own (class "org"), with
   * the grouped members and their links held out of the drawing (class "grouped").
   */
  private syncOrganise(s: WorkspaceState): void {
    const cy = this.cy;
    const o = s.organise;
    if (!o.groups.length && !o.annotations.length && !this.grouped.size && cy.$('.org').empty()) return;
    const view = groupedView(s.doc, o.groups, this.ws.visible());
    const wanted = new Set<string>([...view.groups.map((g) => g.id), ...o.annotations.map((a) => a.id), ...view.links.map((l) => l.id)]);
    cy.elements('.org').forEach((el) => {
      if (!wanted.has(el.id())) el.remove();
    });
    const place = (id: string, data: Record<string, unknown>, classes: string, p: { x: number; y: number }) => {
      const el = cy.getElementById(id);
      if (el.empty()) {
        cy.add({ group: 'nodes', data: { id, ...data }, position: { ...p }, classes });
        return;
      }
      el.data(data);
      const cur = el.position();
      if (Math.abs(cur.x - p.x) > 0.5 || Math.abs(cur.y - p.y) > 0.5) el.position({ ...p });
    };
    for (const a of o.annotations) place(a.id, annotationData(a), `org org-annotation org-${a.kind}`, a.position);
    for (const g of view.groups) {
      const ocg = g.kind === 'ocg';
      place(g.id, {
        label: `${g.label} (${g.count})`, type: ocg ? 'OCG' : 'Group', count: g.count, side: Math.min(84, 44 + g.count * 3),
        shape: 'round-rectangle', colour: ocg ? '#fecaca' : '#e2e8f0', glyph: ocg ? glyphUri('OCG', '#7f1d1d') : 'none',
      }, `org org-group${ocg ? ' org-ocg' : ''}`, g.position);
    }
    for (const l of view.links) {
      const data = {
        label: l.count > 1 ? `${l.count} links` : (l.types[0] ? edgeLabel({ ...s.doc.edges.get(l.links[0]!)!.data }) : ''),
        count: l.count, countWidth: countWidth(l.count), colour: '#334155', line: 'solid', arrow: 'none', types: l.types.join(' '),
      };
      const el = cy.getElementById(l.id);
      if (el.empty()) cy.add({ group: 'edges', data: { id: l.id, source: l.source, target: l.target, ...data }, classes: 'org org-link' });
      else el.data(data);
    }
    const grouped = new Set<string>([...view.memberOf.keys(), ...view.absorbed]);
    for (const id of this.grouped) if (!grouped.has(id)) cy.getElementById(id).removeClass('grouped');
    for (const id of grouped) {
      const el = cy.getElementById(id);
      if (el.nonempty() && !el.hasClass('grouped')) el.addClass('grouped');
    }
    this.grouped = grouped;
  }

  /** The styling rules' look per entity, as data the stylesheet maps (`ruleColour`, `ruleSize`, `badgeLabel`). */
  private syncRules(s: WorkspaceState): void {
    const looks = ruleStyles(s.doc, s.organise.rules);
    if (!looks.size && !this.ruled.size) return;
    const cy = this.cy;
    for (const id of this.ruled) {
      if (looks.has(id)) continue;
      const el = cy.getElementById(id);
      if (el.nonempty()) el.removeData('ruleColour ruleSize badgeLabel');
    }
    for (const [id, look] of looks) {
      const el = cy.getElementById(id) as NodeSingular;
      if (el.empty()) continue;
      setOrRemoveAll(el, { ruleColour: look.colour, ruleSize: look.size, badgeLabel: look.badge ? `${look.badge} ${el.data('label') as string}` : undefined });
    }
    this.ruled = new Set(looks.keys());
  }

  /** The gap overlay's state per node, as data the stylesheet rings (`node[gap = ...]`). */
  private syncGaps(s: WorkspaceState): void {
    const marks = s.gaps?.marks;
    this.cy.nodes().forEach((n) => {
      const state = marks?.get(n.id())?.state;
      const look = gapLook(state);
      setOrRemove(n, 'gap', state);
      setOrRemove(n, 'gapColour', look?.gapColour);
      setOrRemove(n, 'gapRing', look?.gapRing);
      setOrRemove(n, 'gapWidth', look?.gapWidth);
    });
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
    // Groups and annotations stay where the analyst put them; grouped members are not drawn.
    const nodes = cy.nodes(':not(.filtered):not(.org):not(.grouped)');
    const ids = new Set(nodes.map((n) => n.id()));
    const boxes = nodes.length <= LABEL_BOXES_MAX_NODES;
    return {
      name: req.name,
      randomize: req.randomize,
      variant: req.variant,
      roots: req.roots,
      aspect: this.frameAspect(),
      added: req.added,
      nodes: nodes.map((n) => ({
        id: n.id(), x: n.position('x'), y: n.position('y'), w: n.outerWidth() + 24, h: n.outerHeight() + 24, pinned: n.locked(),
        level: (n.data('centrality') as number | undefined) ?? n.degree(false), group: n.data('type') as string,
        ...(boxes ? { box: drawnBox(n) } : {}),
      })),
      edges: cy.edges(':not(.filtered)').filter((e) => ids.has(e.source().id()) && ids.has(e.target().id()))
        .map((e: cytoscape.EdgeSingular) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    };
  }

  /**
   * The layout input for a chart not drawn yet (a large addition laid out before its first draw):
   * read from the document, with the sizes the stylesheet will give the new nodes.
   */
  private layoutInputFromDoc(req: LayoutRequest): LayoutInput {
    const s = this.ws.getState();
    const doc = req.baseDoc;
    const vis = this.ws.visible();
    const centrality = centralities(s);
    const degrees = chartDegrees(doc);
    const roles = ocgRoles(doc);
    const nodes: LayoutInput['nodes'] = [];
    for (const id of vis.nodes) {
      const n = doc.nodes.get(id);
      if (!n) continue;
      const el = this.cy.getElementById(id);
      let w: number;
      let h: number;
      if (el.nonempty()) {
        w = el.outerWidth();
        h = el.outerHeight();
      } else {
        const c = centrality?.get(id);
        const side = n.data.restricted ? 30 : c !== undefined ? 26 + 50 * c : 34;
        const border = n.pinned ? 5 : n.data.restricted ? 2 : roleRing(roles.get(id)) ? 3 : 2;
        w = h = side + border;
      }
      const p = n.position ?? { x: 0, y: 0 };
      nodes.push({ id, x: p.x, y: p.y, w: w + 24, h: h + 24, pinned: n.pinned, level: centrality?.get(id) ?? degrees.get(id) ?? 0, group: n.data.type });
    }
    const edges: LayoutInput['edges'] = [];
    for (const id of vis.edges) {
      const e = doc.edges.get(id);
      if (e) edges.push({ id, source: e.data.source, target: e.data.target });
    }
    return { name: req.name, randomize: req.randomize, variant: req.variant, roots: req.roots, nodes, edges, aspect: this.frameAspect() };
  }

  /** Width over height of the space a fit frames the chart in (the canvas less the fit's margin). */
  private frameAspect(): number | undefined {
    const w = this.cy.width() - 2 * FIT_PADDING;
    const h = this.cy.height() - 2 * FIT_PADDING;
    return w > 0 && h > 0 ? w / h : undefined;
  }

  private async runLayout(req: LayoutRequest): Promise<void> {
    const input = req.beforeDraw ? this.layoutInputFromDoc(req) : this.layoutInput(req);
    if (!input.nodes.length) {
      this.ws.layoutDone(req.id, {});
      return;
    }
    this.layoutRuns++;
    if (req.beforeDraw) this.layoutsBeforeDraw++;
    try {
      const out = await this.runner.run(input);
      if (this.cy.destroyed()) return;
      this.lastLayoutMs = out.ms;
      const applied = this.ws.layoutDone(req.id, out.positions);
      if (applied) {
        // After the animation: fit when asked or when the chart was shown fitted (the analyst has
        // not panned or zoomed since), else make sure what moved is still in view. An addition
        // laid out before its first draw is framed at once (before that frame is drawn).
        const view = () => (req.fit || this.framed ? 'fit' : 'keep-in-view');
        const frame = () => {
          this.applyView(view());
          // Framing may resize the labels (see scaleLabels), so what was just added is cleared again;
          // moved, it may leave the frame: a few rounds of each, until nothing moves.
          for (let round = 0; round < CLEAR_ROUNDS && req.added?.length && this.keepClear(req.added); round++) this.applyView(view());
        };
        if (req.beforeDraw) frame();
        else setTimeout(frame, this.cy.nodes().length <= ANIMATE_MAX_NODES ? 340 : 0);
      }
    } catch (e) {
      this.ws.notify('error', `Layout failed: ${(e as Error).message}`);
      // Elements held back for the layout are drawn where they were placed.
      if (req.beforeDraw) this.ws.layoutDone(req.id, {});
    }
  }

  private applyView(kind: 'fit' | 'focus' | 'keep-in-view', ids?: string[]): void {
    const cy = this.cy;
    if (cy.destroyed()) return;
    const shown = cy.elements().not('.filtered, .grouped');
    const target = ids?.length ? shown.filter((el) => ids.includes(el.id())) : shown;
    if (target.empty()) return;
    // Focus on all there is (entities added to an empty chart): framed as a fit.
    const shownNodes = shown.nodes().length;
    if (kind === 'focus' && shownNodes > 2 && target.nodes().length === shownNodes) kind = 'fit';
    if (kind === 'keep-in-view') {
      const ext = cy.extent();
      const bb = target.boundingBox();
      if (bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2) return;
      kind = 'fit';
    }
    if (kind === 'fit') {
      cy.stop();
      this.framed = !ids?.length;
      this.fitTo(target);
      // Zoomed out by the fit, labels are drawn larger (see scaleLabels): framed again with them.
      if (this.scaleLabels()) {
        this.fitTo(target);
        this.scaleLabels();
      }
      return;
    }
    // Focus: bring the nodes into view without zooming in further than needed.
    const ext = cy.extent();
    const bb = target.boundingBox();
    const inside = bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2;
    if (!inside) {
      if (cy.nodes().length <= 2) cy.fit(shown, 80);
      else cy.center(target);
      if (cy.zoom() > FIT_MAX_ZOOM) cy.zoom({ level: FIT_MAX_ZOOM, position: centre(bb) });
    }
  }

  private fitTo(target: cytoscape.Collection): void {
    const cy = this.cy;
    this.settingView++;
    try {
      cy.fit(target, FIT_PADDING);
      if (cy.zoom() > FIT_MAX_ZOOM) cy.zoom({ level: FIT_MAX_ZOOM, position: centre(target.boundingBox()) });
    } finally {
      this.settingView--;
    }
  }

  /**
   * The canvas changed size (the window, or the sequence view docked below it). A chart the view
   * last fitted whole is fitted again to the new size; one the analyst has since panned or zoomed
   * keeps their view.
   */
  resized(): void {
    this.settingView++;
    try {
      this.cy.resize();
    } finally {
      this.settingView--;
    }
    if (this.framed) this.applyView('fit');
  }

  /**
   * Sizes entity labels for the zoom (see labelScale) by setting the stylesheet again when their
   * size changes. The lighter stylesheet of large charts keeps its labels as they are: restyling
   * thousands of elements at the end of every zoom would cost more than it gives. True when the
   * labels changed size.
   */
  private scaleLabels(): boolean {
    const cy = this.cy;
    if (cy.destroyed()) return false;
    const want = this.light ? 1 : labelScale(cy.zoom());
    const have = cy.style() === this.scaledSheet ? this.sheetScale : 1;
    if (want === have) {
      this.sheetScale = have;
      this.scaledSheet = cy.style();
      return false;
    }
    cy.style(chartStyle(this.ws.getState().display, { light: this.light, ...this.styled, labelScale: want }));
    this.scaledSheet = cy.style();
    this.sheetScale = want;
    return true;
  }

  /**
   * Moves nodes just added off any node they cover as drawn now (labels grow when a fit zooms out
   * after their layout), at once, recorded without an undo step like the layout that placed them.
   * True when some moved.
   */
  private keepClear(added: string[]): boolean {
    const cy = this.cy;
    if (cy.destroyed()) return false;
    const nodes = cy.nodes(':visible').not('.org');
    if (nodes.length > LABEL_BOXES_MAX_NODES) return false;
    // Where the chart has them (a node may still be on its way there).
    const doc = this.ws.getState().doc;
    const positions: Record<string, Position> = {};
    const boxes = new Map<string, NodeBox>();
    nodes.forEach((n) => {
      const p = doc.nodes.get(n.id())?.position;
      if (!p) return;
      positions[n.id()] = p;
      boxes.set(n.id(), drawnBox(n));
    });
    const was = { ...positions };
    clearAdded(positions, boxes, added);
    const moved = added.filter((id) => was[id] && Math.hypot(positions[id]!.x - was[id]!.x, positions[id]!.y - was[id]!.y) > 0.5);
    if (!moved.length) return false;
    // Moved on the canvas first, so the frame that follows sees them there (and the chart's record matches).
    cy.batch(() => {
      for (const id of moved) cy.getElementById(id).stop().position({ ...positions[id]! });
    });
    this.ws.recordPositions(Object.fromEntries(moved.map((id) => [id, positions[id]!])));
    return true;
  }

}

/** How far a drawn node reaches from its position, each way: body, label and any ring round it. */
function drawnBox(n: NodeSingular): NodeBox {
  const p = n.position();
  const b = n.boundingBox();
  return { left: p.x - b.x1, right: b.x2 - p.x, top: p.y - b.y1, bottom: b.y2 - p.y };
}

/** Node size by centrality (0..1) for the display's size-by setting, or null. */
function centralities(s: WorkspaceState): Map<string, number> | null {
  if (s.display.sizeBy === 'degree') return normalise(chartDegrees(s.doc));
  if (s.display.sizeBy !== 'none' && s.metrics) {
    const key = s.display.sizeBy;
    return normalise(new Map([...s.metrics.values()].map((m) => [m.id, m[key] ?? 0])));
  }
  return null;
}

function organisedStyle(s: WorkspaceState): { organised: boolean; ruled: boolean } {
  const o = s.organise;
  return { organised: o.groups.length > 0 || o.annotations.length > 0, ruled: o.rules.some((r) => r.enabled) };
}

function annotationData(a: Annotation): Record<string, unknown> {
  return { label: a.text, type: 'Annotation', kind: a.kind, w: a.width, h: a.height, tw: Math.max(40, a.width - 16), colour: a.colour, shape: 'round-rectangle', glyph: 'none' };
}

function centre(bb: { x1: number; x2: number; y1: number; y2: number }) {
  return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
}

/** setOrRemove for several keys in one data update (each update restyles the element), made only when something changed. */
function setOrRemoveAll(n: NodeSingular, values: Record<string, unknown>): void {
  const set: Record<string, unknown> = {};
  const drop: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    const cur = n.data(k);
    if (v === undefined) {
      if (cur !== undefined) drop.push(k);
    } else if (cur !== v) set[k] = v;
  }
  if (drop.length) n.removeData(drop.join(' '));
  if (Object.keys(set).length) n.data(set);
}

function setOrRemove(n: NodeSingular, key: string, value: unknown): void {
  const cur = n.data(key);
  if (value === undefined) {
    if (cur !== undefined) n.removeData(key);
  } else if (cur !== value) {
    n.data(key, value);
  }
}
