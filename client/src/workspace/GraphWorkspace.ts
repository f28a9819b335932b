import {
  emptyDoc, mergeSlice, neighbourIds, placeUnplaced, refreshFromRead, removeElements, setPositions, updateEdges, updateNodes,
  type ChartDoc, type Position,
} from './chartDoc.js';
import type { ChartStore, SavedChart, SavedChartSummary } from './chartStore.js';
import type {
  ApiClient, ExpandOptions, GraphEdge, GraphNode, GraphSlice, GroupedSearch, LinkDetail, NodeMetrics, Path, SearchHit, TimelineItem, Viewer, Weighting,
} from './types.js';
import { chooseLanes, MAX_LANES } from '../sequence/layout.js';
import { groupStubs } from './stubGroups.js';
import { noFilters, timeExtent, visibleElements, type Filters, type TimeRange, type Visible } from './visibility.js';
import { collapseOcg, groupItems, GroupingError, moveGroups, renameGroup, ungroup } from '../organise/grouping.js';
import {
  ANNOTATION_DEFAULTS, emptyOrganise, isAnnotationId, isGroupId, isOrganiseId, nextId,
  type Annotation, type AnnotationKind, type Organise, type StyleRule,
} from '../organise/model.js';
import { readOrganise, saveOrganise } from '../organise/saved.js';

/**
 * The analyst's workspace: a framework-free controller that owns the chart (elements, selection,
 * filters, time range, undo history, layout requests) and talks to the API. React components
 * render its state and call its commands; the Cytoscape view renders the chart and reports
 * back what the user did on the canvas. Tests drive it directly with a fake API.
 */
export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'grid';
export type ColourBy = 'type' | 'role' | 'community';
export type SizeBy = 'none' | 'degree' | 'betweenness' | 'pagerank' | 'closeness' | 'eigenvector';

export interface Display {
  colourBy: ColourBy;
  sizeBy: SizeBy;
  edgeLabels: boolean;
}

export interface LayoutRequest {
  id: number;
  name: LayoutName;
  /** Start from current positions (incremental) rather than from scratch. */
  randomize: boolean;
  fit: boolean;
  /** Record the result without an undo step (automatic placement after adding). */
  silent: boolean;
  /** The document the layout was asked for: a result for an older document is dropped. */
  baseDoc: ChartDoc;
  /** For hierarchical layouts: the roots (selected nodes, else OCGs). */
  roots?: string[];
  /**
   * A large addition laid out before it is drawn: the view holds the document's new elements
   * back until the positions arrive, then draws them once, in place (no draw, re-layout, redraw).
   */
  beforeDraw?: boolean;
  /** Nodes just added: the layout leaves each clear of every other node, labels included. */
  added?: string[];
  /**
   * The analyst asked for the layout again: the n-th such request starts from the n-th seed, so
   * each gives another arrangement, while a layout the chart makes by itself is drawn the same
   * way every time (see layoutSeed).
   */
  variant?: number;
}

type LayoutOptions = Partial<Pick<LayoutRequest, 'randomize' | 'fit' | 'silent' | 'roots' | 'beforeDraw' | 'added'>> & { again?: boolean };

export interface ViewRequest { id: number; kind: 'fit' | 'focus'; ids?: string[] }

export interface Notice { id: number; level: 'info' | 'warn' | 'error'; text: string }

/** Coverage of the entities an intelligence requirement names, drawn as rings on the chart. */
export interface GapMark { state: string; reason: string; label: string }
export interface GapOverlay { requirementId: string; requirementLabel: string; marks: ReadonlyMap<string, GapMark> }

export interface LinkInspection {
  id: string;
  status: 'loading' | 'ready' | 'error';
  detail?: LinkDetail | null;
  error?: string;
}

export interface PathsView {
  from: string;
  to: string;
  paths: Path[];
  /** The path drawn highlighted; null highlights them all. */
  active: number | null;
}

/**
 * How many links a path search may cross: the API's bound (`TRAVERSAL_LIMITS.pathHops`) and the
 * dialog's first choice. Beyond 4 links the search reaches much of a dense network, so longer
 * searches are the analyst's decision, one question at a time.
 */
export const PATH_HOPS = { initial: 4, max: 8 } as const;

/** The Find path dialog: two entities and how far to look. */
export interface PathQuestion {
  from: string;
  to: string;
  maxHops: number;
  /** The limit of the last search for this pair that found nothing (the dialog names it). */
  noneWithin: number | null;
}

/** What a path search that found nothing says: the limit it used, and how to look further. */
export function noPathMessage(from: string, to: string, maxHops: number): string {
  const within = `No path of ${maxHops} link${maxHops === 1 ? '' : 's'} or fewer between ${from} and ${to}.`;
  return maxHops < PATH_HOPS.max
    ? `${within} Raise the maximum (up to ${PATH_HOPS.max}) to look further.`
    : `${within} ${PATH_HOPS.max} links is as far as a path search looks.`;
}

const pathHopsIn = (n: number, fallback: number) =>
  Number.isFinite(n) ? Math.min(PATH_HOPS.max, Math.max(1, Math.round(n))) : fallback;

/** The choice of weighting as the analyst reads it (toolbar and results). */
/** The toolbar's short names (the full title is the option's tooltip). */
export const WEIGHTING_SHORT: Record<Weighting, string> = { NONE: 'unweighted', COUNT_AS_STRENGTH: 'by strength', COUNT_AS_DISTANCE: 'by distance' };

export const WEIGHTING_TITLES: Record<Weighting, string> = {
  NONE: 'Unweighted',
  COUNT_AS_STRENGTH: 'Count as strength (more calls = closer)',
  COUNT_AS_DISTANCE: 'Count as distance',
};

/**
 * The sequence (theme-line) view beside the chart: one line per entity, with the reports, events
 * and dated links that involve them (the API's timeline) placed on it in date order.
 */
export interface SequenceView {
  /** The entities drawn as lines, in order. */
  laneIds: string[];
  /** The selected entities, or (nothing selected) the chart's. */
  source: 'selection' | 'chart';
  /** Entities left off by the cap on lines. */
  omitted: number;
  status: 'loading' | 'ready' | 'error';
  items: TimelineItem[];
  error?: string;
  /** The answer reached SEQUENCE_LIMIT items: later ones were not read. */
  limited: boolean;
  /** The item selected in the view: its entities are selected on the chart and it is shown in the details. */
  focus: string | null;
}

/** The most items the sequence view reads at once (the API's default timeline page). */
export const SEQUENCE_LIMIT = 500;

/** What the last network analysis was, beside its per-entity measures. */
export interface AnalysisRun {
  weighting: Weighting;
  communityCount: number | null;
  modularity: number | null;
  components: number;
  brokers: string[];
}

export interface WorkspaceState {
  viewer: Viewer | null;
  /** Session check under way (first load). */
  checkingSession: boolean;
  doc: ChartDoc;
  selection: ReadonlySet<string>;
  filters: Filters;
  timeRange: TimeRange | null;
  display: Display;
  metrics: ReadonlyMap<string, NodeMetrics> | null;
  /** The last network analysis (with `metrics`), and the weighting chosen for the next. */
  analysis: AnalysisRun | null;
  weighting: Weighting;
  paths: PathsView | null;
  /** The Find path dialog, when open. */
  pathQuestion: PathQuestion | null;
  inspection: LinkInspection | null;
  layoutRequest: LayoutRequest | null;
  viewRequest: ViewRequest | null;
  /** Labels of operations in flight (for the busy indicator). */
  activity: readonly string[];
  notices: readonly Notice[];
  undoLabel: string | null;
  redoLabel: string | null;
  chart: { id: string | null; name: string; store: 'local' | 'server' | null };
  /** The gap overlay shown, if any. */
  gaps: GapOverlay | null;
  /** The sequence view, when open. */
  sequence: SequenceView | null;
  /** Groups, annotations and styling rules: the chart's own organisation (undone with it). */
  organise: Organise;
  /** The organisation dialog open, if any: a group's name, an annotation's text, the styling rules. */
  editing: Editing | null;
  /** The lasso tool is on: a drag on the chart draws an outline that selects what it encloses. */
  lassoMode: boolean;
  /** Drawing links: a drag from one entity to another opens the link dialog for the two. */
  linkMode: boolean;
}

export type Editing = { kind: 'group'; id: string } | { kind: 'annotation'; id: string } | { kind: 'rules' };

export interface WorkspaceOptions {
  /** Opens the chart store of a signed-in user. */
  charts?: (viewer: Viewer) => ChartStore;
  /** Above this many nodes a new arrival does not trigger an automatic layout of the whole chart. */
  autoLayoutMaxNodes?: number;
  /**
   * From this many new nodes, an addition (search results, expansion, an opened chart without
   * saved positions) is laid out before it is drawn (see LayoutRequest.beforeDraw).
   */
  layoutBeforeDrawMin?: number;
  /** Expansion fan-out cap per request (as Neo4j Browser: 100). */
  expandLimit?: number;
  historyLimit?: number;
}

/** What is shown besides the document: filters, time range and display settings are undone with it. */
interface View { filters: Filters; timeRange: TimeRange | null; display: Display; organise: Organise }
interface HistoryEntry { label: string; doc: ChartDoc; view: View; at: number }

/** Successive changes of one kind (a time range dragged or played) within this many ms are one undo step. */
const MERGE_MS = 1500;

/** The intelligence requirement's own records: a plain expansion leaves them off a network chart. */
export const PLANNING_TYPES: ReadonlySet<string> = new Set(['Priority', 'IntelligenceRequirement', 'Question', 'CollectionPlan']);

/** The most entities "Connect" joins at once: the API's bound (`TRAVERSAL_LIMITS.connect`). */
export const CONNECT_MAX = 20;

const MAX_IDS_PER_REQUEST = 500;
const newChartId = () => `chart-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export class GraphWorkspace {
  private state: WorkspaceState;
  private readonly listeners = new Set<() => void>();
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private seq = 0;
  /** Layouts the analyst has asked for again (LayoutRequest.variant). */
  private layoutRuns = 0;
  /** The maximum links of the last path search asked: the next question starts there. */
  private pathHops: number = PATH_HOPS.initial;
  private visibleCache?: { doc: ChartDoc; filters: Filters; range: TimeRange | null; value: Visible };
  private store: ChartStore | null = null;
  private readonly opts: Required<Omit<WorkspaceOptions, 'charts'>> & Pick<WorkspaceOptions, 'charts'>;

  constructor(readonly api: ApiClient, opts: WorkspaceOptions = {}) {
    this.opts = { autoLayoutMaxNodes: 400, layoutBeforeDrawMin: 300, expandLimit: 100, historyLimit: 200, ...opts };
    this.state = {
      viewer: null, checkingSession: false, doc: emptyDoc(), selection: new Set(), filters: noFilters(), timeRange: null,
      display: { colourBy: 'type', sizeBy: 'none', edgeLabels: true }, metrics: null, analysis: null, weighting: 'NONE', paths: null, pathQuestion: null, inspection: null,
      layoutRequest: null, viewRequest: null, activity: [], notices: [], undoLabel: null, redoLabel: null,
      chart: { id: null, name: 'Untitled chart', store: null }, gaps: null, sequence: null, organise: emptyOrganise(), editing: null, lassoMode: false, linkMode: false,
    };
  }

  // ---- observation (for React's useSyncExternalStore and the canvas view) ----

  getState = (): WorkspaceState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<WorkspaceState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of [...this.listeners]) fn();
  }

  /** Ids drawn after filters, time range and hiding. */
  visible(): Visible {
    const { doc, filters, timeRange } = this.state;
    const c = this.visibleCache;
    if (c && c.doc === doc && c.filters === filters && c.range === timeRange) return c.value;
    const value = visibleElements(doc, filters, timeRange);
    this.visibleCache = { doc, filters, range: timeRange, value };
    return value;
  }

  timeExtent(): TimeRange | null {
    return timeExtent(this.state.doc);
  }

  node(id: string): GraphNode | undefined {
    return this.state.doc.nodes.get(id)?.data;
  }

  edge(id: string): GraphEdge | undefined {
    return this.state.doc.edges.get(id)?.data;
  }

  can(permission: string): boolean {
    return !!this.state.viewer?.permissions.includes(permission);
  }

  // ---- session ----

  async restoreSession(): Promise<void> {
    this.set({ checkingSession: true });
    try {
      const viewer = await this.api.me();
      this.startSession(viewer);
    } catch (e) {
      this.notify('error', messageOf(e));
    } finally {
      this.set({ checkingSession: false });
    }
  }

  async signIn(username: string, password: string): Promise<void> {
    const viewer = await this.api.signIn(username, password);
    this.startSession(viewer);
  }

  async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } finally {
      this.reset();
      this.set({ viewer: null });
    }
  }

  /** The server said the session is over (expired or signed out elsewhere). */
  sessionEnded(): void {
    if (!this.state.viewer) return;
    this.reset();
    this.set({ viewer: null });
    this.notify('warn', 'Your session has ended: sign in again');
  }

  private startSession(viewer: Viewer | null): void {
    this.store = viewer && this.opts.charts ? this.opts.charts(viewer) : null;
    this.set({ viewer, chart: { ...this.state.chart, store: this.store?.kind ?? null } });
  }

  private reset(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.set({
      doc: emptyDoc(), selection: new Set(), filters: noFilters(), timeRange: null, metrics: null, analysis: null, paths: null, pathQuestion: null, inspection: null,
      layoutRequest: null, undoLabel: null, redoLabel: null, chart: { id: null, name: 'Untitled chart', store: null }, gaps: null, sequence: null, organise: emptyOrganise(), editing: null, lassoMode: false, linkMode: false,
    });
  }

  // ---- history ----

  /** Every chart change goes through here: the previous document becomes an undo step. */
  private commit(label: string, doc: ChartDoc, extra: Partial<WorkspaceState> = {}): boolean {
    if (doc === this.state.doc) {
      if (Object.keys(extra).length) this.set(extra);
      return false;
    }
    this.pushUndo(label);
    this.set({ doc, ...this.afterDocChange(doc), ...extra, ...this.historyLabels() });
    return true;
  }

  private view(): View {
    return { filters: this.state.filters, timeRange: this.state.timeRange, display: this.state.display, organise: this.state.organise };
  }

  private pushUndo(label: string): void {
    this.undoStack.push({ label, doc: this.state.doc, view: this.view(), at: Date.now() });
    if (this.undoStack.length > this.opts.historyLimit) this.undoStack.shift();
    this.redoStack = [];
  }

  /**
   * A change to what is shown (filters, time range, display) as an undo step. A change of the same
   * kind within MERGE_MS of the last joins that step, so a dragged or played time range is one step.
   */
  private commitView(label: string, patch: Partial<View>, merge = true): void {
    const top = this.undoStack.at(-1);
    if (merge && top && top.label === label && !this.redoStack.length && Date.now() - top.at < MERGE_MS) top.at = Date.now();
    else this.pushUndo(label);
    this.set({ ...patch, ...this.historyLabels() });
  }

  private restore(entry: HistoryEntry): void {
    this.set({ doc: entry.doc, ...entry.view, ...this.afterDocChange(entry.doc), ...this.historyLabels() });
  }

  private historyLabels(): Pick<WorkspaceState, 'undoLabel' | 'redoLabel'> {
    return { undoLabel: this.undoStack.at(-1)?.label ?? null, redoLabel: this.redoStack.at(-1)?.label ?? null };
  }

  /** Selection, paths and inspection only refer to what is on the chart. */
  private afterDocChange(doc: ChartDoc): Partial<WorkspaceState> {
    const has = (id: string) => doc.nodes.has(id) || doc.edges.has(id) || isOrganiseId(id);
    const patch: Partial<WorkspaceState> = {};
    const sel = [...this.state.selection].filter(has);
    if (sel.length !== this.state.selection.size) patch.selection = new Set(sel);
    const p = this.state.paths;
    if (p && !p.paths.every((x) => x.nodeIds.every((id) => doc.nodes.has(id)))) patch.paths = null;
    const q = this.state.pathQuestion;
    if (q && !(doc.nodes.has(q.from) && doc.nodes.has(q.to))) patch.pathQuestion = null;
    if (this.state.inspection && !has(this.state.inspection.id)) patch.inspection = null;
    const sq = this.state.sequence;
    if (sq && !sq.laneIds.every((id) => doc.nodes.has(id))) {
      // An entity taken off the chart takes its line with it; its items stay where another line holds them.
      patch.sequence = { ...sq, laneIds: sq.laneIds.filter((id) => doc.nodes.has(id)) };
    }
    return patch;
  }

  undo(): boolean {
    const entry = this.undoStack.pop();
    if (!entry) return false;
    this.redoStack.push({ label: entry.label, doc: this.state.doc, view: this.view(), at: 0 });
    this.restore(entry);
    return true;
  }

  redo(): boolean {
    const entry = this.redoStack.pop();
    if (!entry) return false;
    this.undoStack.push({ label: entry.label, doc: this.state.doc, view: this.view(), at: 0 });
    this.restore(entry);
    return true;
  }

  // ---- running API calls ----

  private async run<T>(label: string, fn: () => Promise<T>): Promise<T | undefined> {
    this.set({ activity: [...this.state.activity, label] });
    try {
      return await fn();
    } catch (e) {
      if ((e as { code?: string }).code === 'UNAUTHENTICATED') this.sessionEnded();
      else this.notify('error', `${label} failed: ${messageOf(e)}`);
      return undefined;
    } finally {
      const i = this.state.activity.indexOf(label);
      this.set({ activity: this.state.activity.filter((_, j) => j !== i) });
    }
  }

  notify(level: Notice['level'], text: string): void {
    const n = { id: ++this.seq, level, text };
    // The same message again replaces the earlier one rather than stacking up.
    this.set({ notices: [...this.state.notices.filter((x) => x.text !== text).slice(-4), n] });
  }

  dismiss(id: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  private reportCap(slice: GraphSlice, what: string): void {
    if (slice.truncated) {
      const more = slice.omitted > 0 ? `${slice.omitted} more not shown` : 'some results not shown';
      this.notify('warn', `${what}: ${more} (result cap). Expand with filters to narrow.`);
    }
  }

  // ---- adding to the chart ----

  search(text: string, opts?: { types?: string[]; limit?: number }): Promise<SearchHit[]> {
    return this.api.search(text, opts);
  }

  /** Search with the stubs other agencies hold grouped by holder. */
  async searchGrouped(text: string, opts?: { types?: string[]; limit?: number }): Promise<GroupedSearch> {
    return this.api.searchGrouped ? this.api.searchGrouped(text, opts) : groupStubs(await this.api.search(text, opts));
  }

  /** Real (non-stub) entity ids on the chart. */
  private realIds(doc = this.state.doc): string[] {
    return [...doc.nodes.values()].filter((n) => !n.data.restricted).map((n) => n.data.id);
  }

  /** Adds entities by id, with the links among them and what is already drawn. */
  async add(ids: string[]): Promise<string[]> {
    const fresh = ids.filter((id) => !this.state.doc.nodes.has(id));
    if (!fresh.length) {
      this.select(ids);
      this.focus(ids);
      return [];
    }
    const slice = await this.run('Add to chart', () => this.api.graph(this.withChart(fresh)));
    if (!slice) return [];
    const added = this.addSlice(slice, fresh.length === 1 ? `Add ${slice.nodes.find((n) => n.id === fresh[0])?.label ?? 'entity'}` : `Add ${fresh.length} entities`, { anchors: [] });
    this.select(fresh.filter((id) => this.state.doc.nodes.has(id)));
    this.focus(fresh);
    return added;
  }

  /**
   * Reads entities again after a change made elsewhere (a merge or its undo): drawn records now
   * archived leave, links no longer held leave, new links among drawn entities arrive. `bring`
   * adds records not drawn (placed beside `ids`). One undo step; false when nothing concerned the chart.
   */
  async refreshEntities(ids: string[], opts: { bring?: string[]; label?: string } = {}): Promise<boolean> {
    const bring = (opts.bring ?? []).filter((id) => !this.state.doc.nodes.has(id));
    const concerned = [...new Set([...ids.filter((id) => this.state.doc.nodes.has(id)), ...bring])];
    if (!concerned.length) return false;
    const label = opts.label ?? 'Refresh';
    const read = this.withChart(concerned);
    const slice = await this.run(label, () => this.api.graph(read));
    if (!slice) return false;
    const doc = placeUnplaced(refreshFromRead(this.state.doc, read, slice), ids);
    this.reportCap(slice, label);
    return this.commit(label, doc);
  }

  /** The request ids plus what is on the chart, when the server allows that many in one call. */
  private withChart(ids: string[]): string[] {
    const all = [...new Set([...ids, ...this.realIds()])];
    return all.length <= MAX_IDS_PER_REQUEST ? all : ids;
  }

  /**
   * Adds a slice as one undoable step: new nodes are placed next to the anchors (or beside the
   * drawing), then a small chart is laid out again incrementally.
   */
  addSlice(slice: Pick<GraphSlice, 'nodes' | 'edges'>, label = 'Add', opts: { anchors?: string[]; layout?: boolean } = {}): string[] {
    const merged = mergeSlice(this.state.doc, slice);
    if (!merged.added.length && merged.doc === this.state.doc) return [];
    const doc = placeUnplaced(merged.doc, opts.anchors ?? []);
    const layout = (opts.layout ?? true) && doc.nodes.size > 1;
    const added = merged.added.filter((id) => doc.nodes.has(id));
    const newNodes = added.length;
    // A large addition arrives with its layout request, so the view never draws it unplaced.
    const before = layout && newNodes >= this.opts.layoutBeforeDrawMin ? this.layoutBeforeDraw(doc, doc.nodes.size - newNodes, newNodes) : null;
    this.commit(label, doc, before ? { layoutRequest: before } : {});
    if (layout && !before && newNodes && doc.nodes.size <= this.opts.autoLayoutMaxNodes) {
      this.requestLayout('fcose', { randomize: false, silent: true, fit: false, added });
    }
    return merged.added;
  }

  /**
   * The layout of a large addition, run before it is drawn. What it joins keeps its place unless
   * the addition dwarfs it (then the whole chart is laid out from scratch and framed).
   */
  private layoutBeforeDraw(doc: ChartDoc, before: number, added: number): LayoutRequest {
    const fresh = before * 4 <= added;
    return this.layoutRequest(doc, 'fcose', { randomize: fresh, silent: true, fit: fresh, beforeDraw: true });
  }

  /** Expands entities (default: the selection) through the API, one undo step. */
  async expand(ids?: string[], opts: ExpandOptions = {}): Promise<string[]> {
    const targets = (ids ?? this.selectedNodes()).filter((id) => this.state.doc.nodes.has(id));
    const restricted = targets.filter((id) => this.node(id)?.restricted);
    for (const id of restricted.slice(0, 1)) {
      const n = this.node(id)!;
      this.notify('info', `${n.label}: contact ${n.contact ?? 'the owning agency'} to deconflict`);
    }
    const real = targets.filter((id) => !this.node(id)?.restricted);
    if (!real.length) return [];
    const limit = opts.limit ?? this.opts.expandLimit;
    const label = real.length === 1 ? `Expand ${this.node(real[0]!)!.label}` : `Expand ${real.length} entities`;
    // A network chart stays a network: a plain expansion leaves the intelligence requirement's
    // records (priorities, requirements, questions, plans) off it unless the chart already holds
    // them, an expanded entity is one, or Expand with filters asks for them by type.
    const keepPlanning = !!opts.filter?.entityTypes?.length || [...this.state.doc.nodes.values()].some((n) => PLANNING_TYPES.has(n.data.type));
    let leftOff = 0;
    const slice = await this.run(label, async () => {
      let s = await this.api.expand(real, { hops: opts.hops ?? 1, filter: opts.filter, limit });
      if (!keepPlanning) {
        const drop = new Set(s.nodes.filter((n) => !n.restricted && PLANNING_TYPES.has(n.type)).map((n) => n.id));
        leftOff = drop.size;
        if (drop.size) s = { ...s, nodes: s.nodes.filter((n) => !drop.has(n.id)), edges: s.edges.filter((e) => !drop.has(e.source) && !drop.has(e.target)) };
      }
      return this.completeLinks(s);
    });
    if (!slice) return [];
    if (leftOff) this.notify('info', `${label}: ${leftOff} requirement record${leftOff === 1 ? '' : 's'} left off the chart (Expand with filters to add them)`);
    this.reportCap(slice, label);
    const added = this.addSlice(slice, label, { anchors: real });
    if (!added.length) this.notify('info', `${label}: nothing new to add`);
    return added;
  }

  /**
   * A traversal returns links along its paths; the links between what it found and what is
   * already drawn come from one more call, so the chart shows every link among its entities.
   */
  private async completeLinks(slice: GraphSlice): Promise<GraphSlice> {
    const found = slice.nodes.filter((n) => !n.restricted && !this.state.doc.nodes.has(n.id)).map((n) => n.id);
    if (!found.length) return slice;
    const ids = [...new Set([...this.realIds(), ...slice.nodes.filter((n) => !n.restricted).map((n) => n.id)])];
    if (ids.length > MAX_IDS_PER_REQUEST) return slice;
    const among = await this.api.graph(ids);
    const known = new Set(slice.edges.map((e) => e.id));
    return { ...slice, edges: [...slice.edges, ...among.edges.filter((e) => !known.has(e.id))] };
  }

  /** The two ends of a path question (default: the two selected), or null once the reason is told. */
  private pathEnds(from?: string, to?: string): [string, string] | null {
    const [a, b] = from && to ? [from, to] : this.selectedNodes();
    if (!a || !b || a === b) {
      this.notify('info', 'Select two entities to find the paths between them');
      return null;
    }
    if (this.node(a)?.restricted || this.node(b)?.restricted) {
      this.notify('info', 'Paths cannot be traced through restricted intelligence: contact its owner');
      return null;
    }
    return [a, b];
  }

  /** Opens the Find path dialog for two entities (default: the two selected), at the last maximum asked. */
  askPaths(from?: string, to?: string): boolean {
    const ends = this.pathEnds(from, to);
    if (!ends) return false;
    this.set({ pathQuestion: { from: ends[0], to: ends[1], maxHops: this.pathHops, noneWithin: null } });
    return true;
  }

  /** The dialog's maximum links, 1 to PATH_HOPS.max. */
  setPathHops(n: number): void {
    const q = this.state.pathQuestion;
    if (q) this.set({ pathQuestion: { ...q, maxHops: pathHopsIn(n, q.maxHops) } });
  }

  cancelPaths(): void {
    if (this.state.pathQuestion) this.set({ pathQuestion: null });
  }

  /**
   * Runs the dialog's search. Paths found are drawn and the dialog closes; none found, it stays
   * open and names the limit searched, so the analyst can raise it and ask again.
   */
  async answerPaths(): Promise<Path[]> {
    const q = this.state.pathQuestion;
    if (!q) return [];
    this.pathHops = q.maxHops;
    const found = await this.searchPaths(q.from, q.to, { maxHops: q.maxHops });
    const now = this.state.pathQuestion;
    if (!found || !now || now.from !== q.from || now.to !== q.to) return found ?? []; // failed (told) or closed meanwhile
    this.set({ pathQuestion: found.length ? null : { ...now, noneWithin: q.maxHops } });
    return found;
  }

  /** Shortest paths between two entities (default: the two selected), added and highlighted. */
  async findPaths(from?: string, to?: string, opts: { maxHops?: number; k?: number; minGrade?: string } = {}): Promise<Path[]> {
    const ends = this.pathEnds(from, to);
    if (!ends) return [];
    const maxHops = opts.maxHops ?? this.pathHops;
    const found = await this.searchPaths(ends[0], ends[1], { ...opts, maxHops });
    if (found && !found.length) this.notify('info', noPathMessage(this.node(ends[0])?.label ?? ends[0], this.node(ends[1])?.label ?? ends[1], maxHops));
    return found ?? [];
  }

  /** One path search: paths found are added and highlighted; undefined when it failed (the error is told). */
  private async searchPaths(a: string, b: string, opts: { maxHops: number; k?: number; minGrade?: string }): Promise<Path[] | undefined> {
    const label = `Paths ${this.node(a)?.label ?? a} → ${this.node(b)?.label ?? b}`;
    const res = await this.run(label, async () => {
      const r = await this.api.shortestPaths(a, b, { maxHops: opts.maxHops, k: opts.k ?? 3, minGrade: opts.minGrade });
      return { ...r, slice: await this.completeLinks(r.slice) };
    });
    if (!res) return undefined;
    if (!res.paths.length) {
      this.set({ paths: null });
      return [];
    }
    this.addSlice(res.slice, label, { anchors: [a, b] });
    const ids = new Set(res.paths.flatMap((p) => [...p.nodeIds, ...p.edgeIds]));
    this.set({ paths: { from: a, to: b, paths: res.paths, active: null }, selection: new Set([...ids].filter((id) => this.has(id))) });
    return res.paths;
  }

  showPath(index: number | null): void {
    const p = this.state.paths;
    if (!p) return;
    const chosen = index === null ? p.paths : [p.paths[index]!];
    const ids = chosen.flatMap((x) => [...x.nodeIds, ...x.edgeIds]).filter((id) => this.has(id));
    this.set({ paths: { ...p, active: index }, selection: new Set(ids) });
  }

  clearPaths(): void {
    this.set({ paths: null });
  }

  /** How the selected entities are connected (paths among them), added as one step. */
  async connect(ids?: string[], opts: { maxHops?: number; minGrade?: string } = {}): Promise<string[]> {
    const targets = (ids ?? this.selectedNodes()).filter((id) => !this.node(id)?.restricted);
    if (targets.length < 2) {
      this.notify('info', 'Select two or more entities to connect');
      return [];
    }
    if (targets.length > CONNECT_MAX) {
      this.notify('warn', `Connect joins at most ${CONNECT_MAX} entities at once; ${targets.length} are selected. Select fewer.`);
      return [];
    }
    const label = `Connect ${targets.length} entities`;
    const slice = await this.run(label, async () => this.completeLinks(await this.api.connectEntities(targets, { maxHops: opts.maxHops ?? 3, minGrade: opts.minGrade })));
    if (!slice) return [];
    this.reportCap(slice, label);
    const added = this.addSlice(slice, label, { anchors: targets });
    if (!added.length) this.notify('info', 'No new connections found');
    return added;
  }

  /**
   * The slice of an analysis run elsewhere (communications analyses) added as one step beside the
   * entities it was asked about, with the links to what is already drawn. The selection is left as
   * it was: it is the question, which the analyst may ask again with other settings.
   */
  async addAnalysisResult(label: string, slice: GraphSlice, anchors: string[] = []): Promise<string[]> {
    const full = await this.run(label, () => this.completeLinks(slice));
    if (!full) return [];
    this.reportCap(full, label);
    return this.addSlice(full, label, { anchors: anchors.filter((id) => this.state.doc.nodes.has(id)) });
  }

  // ---- records built by hand (written through the API, then drawn) ----

  /**
   * An entity just created: drawn with its links to what is on the chart, at `position` (where the
   * analyst asked for it) or beside the drawing, and selected. One undo step (the record stays).
   */
  async placeCreated(id: string, position?: Position): Promise<boolean> {
    const slice = await this.run('Add to chart', () => this.api.graph(this.withChart([id])));
    const node = slice?.nodes.find((n) => n.id === id);
    if (!slice || !node) {
      if (slice) this.notify('warn', 'The new record was saved but cannot be shown to you (its markings are beyond your access)');
      return false;
    }
    const merged = mergeSlice(this.state.doc, slice);
    let doc = position && !this.state.doc.nodes.has(id) ? setPositions(merged.doc, { [id]: position }) : merged.doc;
    doc = placeUnplaced(doc, []);
    this.commit(`Add ${node.label}`, doc);
    this.select([id]);
    if (!position) this.focus([id]);
    return true;
  }

  /**
   * A link just written: drawn between its two ends with any other links among what is drawn, as
   * one undo step, then selected so the details show why it is linked (its reports, read afresh).
   */
  async placeLink(linkId: string, ends: [string, string]): Promise<boolean> {
    const slice = await this.run('Add link to chart', () => this.api.graph(this.withChart(ends)));
    if (!slice) return false;
    const edge = slice.edges.find((e) => e.id === linkId);
    const a = this.node(ends[0])?.label ?? ends[0];
    const b = this.node(ends[1])?.label ?? ends[1];
    this.addSlice(slice, `Link ${a} – ${b}`, { anchors: ends, layout: false });
    if (!edge || !this.state.doc.edges.has(linkId)) {
      this.notify('warn', 'The link was saved but is not shown: its ends must both be on the chart');
      return false;
    }
    this.select([linkId]);
    await this.inspectLink(linkId);
    return true;
  }

  /**
   * Records changed on the server (edited in place): their drawn data is read again. Not an undo
   * step: the chart did not change, the records did.
   */
  async refreshRecords(ids: string[]): Promise<void> {
    const slice = await this.run('Refresh', () => this.api.graph(this.withChart(ids)));
    if (!slice) return;
    const merged = mergeSlice(this.state.doc, { nodes: slice.nodes.filter((n) => this.state.doc.nodes.has(n.id)), edges: slice.edges.filter((e) => this.state.doc.edges.has(e.id)) });
    if (merged.doc !== this.state.doc) this.set({ doc: merged.doc });
  }

  // ---- editing the chart ----

  private has(id: string): boolean {
    if (isOrganiseId(id)) return this.organiseHas(id);
    return this.state.doc.nodes.has(id) || this.state.doc.edges.has(id);
  }

  private selectedNodes(): string[] {
    return [...this.state.selection].filter((id) => this.state.doc.nodes.has(id));
  }

  private targets(ids?: string[]): string[] {
    return (ids ?? [...this.state.selection]).filter((id) => this.has(id));
  }

  remove(ids?: string[]): void {
    const t = this.targets(ids);
    if (!t.length) return;
    // Annotations selected with entities are deleted with them, in the same step.
    const notes = t.filter(isAnnotationId);
    if (notes.length) {
      const doc = removeElements(this.state.doc, t);
      const organise = { ...this.state.organise, annotations: this.state.organise.annotations.filter((a) => !notes.includes(a.id)) };
      this.pushUndo(t.length === 1 ? 'Delete annotation' : `Remove ${t.length} items`);
      this.set({ doc, organise, ...this.afterDocChange(doc), ...this.historyLabels() });
      return;
    }
    this.commit(t.length === 1 ? `Remove ${this.node(t[0]!)?.label ?? 'link'}` : `Remove ${t.length} items`, removeElements(this.state.doc, t));
  }

  hide(ids?: string[]): void {
    const t = this.targets(ids);
    if (!t.length) return;
    let doc = updateNodes(this.state.doc, t, (n) => (n.hidden ? n : { ...n, hidden: true }));
    doc = updateEdges(doc, t, (e) => (e.hidden ? e : { ...e, hidden: true }));
    this.commit(`Hide ${t.length} item${t.length === 1 ? '' : 's'}`, doc, { selection: new Set() });
  }

  unhideAll(): void {
    const { doc: d } = this.state;
    let doc = updateNodes(d, d.nodes.keys(), (n) => (n.hidden ? { ...n, hidden: false } : n));
    doc = updateEdges(doc, d.edges.keys(), (e) => (e.hidden ? { ...e, hidden: false } : e));
    this.commit('Show hidden items', doc);
  }

  hiddenCount(): number {
    let c = 0;
    for (const n of this.state.doc.nodes.values()) if (n.hidden) c++;
    for (const e of this.state.doc.edges.values()) if (e.hidden) c++;
    return c;
  }

  /** Pins (or with `pinned` false unpins) nodes: layouts leave pinned nodes where they are. */
  pin(ids?: string[], pinned?: boolean): void {
    const t = this.targets(ids).filter((id) => this.state.doc.nodes.has(id));
    if (!t.length) return;
    const to = pinned ?? t.some((id) => !this.state.doc.nodes.get(id)!.pinned);
    this.commit(`${to ? 'Pin' : 'Unpin'} ${t.length} item${t.length === 1 ? '' : 's'}`, updateNodes(this.state.doc, t, (n) => (n.pinned === to ? n : { ...n, pinned: to })));
  }

  /** Nodes dragged on the canvas: one undo step. */
  moveNodes(positions: Record<string, Position>): void {
    const own = new Map(Object.entries(positions).filter(([id]) => isOrganiseId(id)));
    if (!own.size) {
      this.commit('Move', setPositions(this.state.doc, positions));
      return;
    }
    const doc = setPositions(this.state.doc, positions);
    const o = this.state.organise;
    const r = (v: number) => Math.round(v * 10) / 10;
    const organise: Organise = {
      ...o,
      groups: moveGroups(o.groups, own),
      annotations: o.annotations.map((a) => {
        const p = own.get(a.id);
        return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { ...a, position: { x: r(p.x), y: r(p.y) } } : a;
      }),
    };
    this.pushUndo('Move');
    this.set({ doc, organise, ...this.afterDocChange(doc), ...this.historyLabels() });
  }

  clear(): void {
    if (!this.state.doc.nodes.size && !this.state.organise.annotations.length) return;
    // Groups and annotations go with what they organised; the styling rules stay for what comes next.
    const o = this.state.organise;
    const organise = o.groups.length || o.annotations.length ? { ...o, groups: [], annotations: [] } : o;
    this.pushUndo('Clear chart');
    this.set({
      doc: emptyDoc(), organise, selection: new Set(), paths: null, pathQuestion: null, inspection: null,
      chart: { ...this.state.chart, id: null, name: 'Untitled chart' }, metrics: null, analysis: null, ...this.historyLabels(),
    });
  }

  // ---- organising the chart: groups, annotations, styling rules ----

  private organiseHas(id: string): boolean {
    const o = this.state.organise;
    return isGroupId(id) ? o.groups.some((g) => g.id === id) : o.annotations.some((a) => a.id === id);
  }

  /** Every change to the organisation is one undo step (never merged with the one before). */
  private commitOrganise(label: string, organise: Organise, extra: Partial<WorkspaceState> = {}): void {
    if (organise === this.state.organise) return;
    this.commitView(label, { organise }, false);
    if (Object.keys(extra).length) this.set(extra);
  }

  /** Replaces the whole organisation (a saved one put back, a benchmark's set-up). */
  setOrganise(organise: Organise, label = 'Organise chart'): void {
    this.commitOrganise(label, organise);
  }

  /** Combines the selected entities (or these) into one node. */
  group(ids?: string[], label?: string): string | undefined {
    const nodes = (ids ?? [...this.state.selection]).filter((id) => this.state.doc.nodes.has(id));
    try {
      const r = groupItems(this.state.doc, this.state.organise.groups, nodes, label);
      this.commitOrganise(`Group ${r.group.members.length} items`, { ...this.state.organise, groups: r.groups }, { selection: new Set([r.group.id]) });
      return r.group.id;
    } catch (e) {
      if (e instanceof GroupingError) this.notify('info', e.message);
      else throw e;
      return undefined;
    }
  }

  /** Ungroups the selected groups (or these), collapsed OCGs included: their members are drawn again. */
  ungroup(ids?: string[]): void {
    const o = this.state.organise;
    const gone = (ids ?? [...this.state.selection]).filter(isGroupId).filter((id) => o.groups.some((g) => g.id === id));
    if (!gone.length) {
      this.notify('info', 'Select a group to ungroup');
      return;
    }
    const groups = o.groups.filter((g) => gone.includes(g.id));
    const label = groups.length === 1 ? (groups[0]!.kind === 'ocg' ? `Expand ${groups[0]!.label}` : `Ungroup ${groups[0]!.label}`) : `Ungroup ${groups.length} groups`;
    const members = groups.flatMap((g) => g.members).filter((id) => this.state.doc.nodes.has(id));
    this.commitOrganise(label, { ...o, groups: ungroup(o.groups, gone) }, { selection: new Set(members) });
  }

  /** Collapses an OCG (the selected one, or this) with its members into one node. */
  collapseOcg(id?: string): string | undefined {
    const target = id ?? [...this.state.selection].find((x) => this.state.doc.nodes.get(x)?.data.type === 'OCG');
    if (!target) {
      this.notify('info', 'Select an organised crime group to collapse');
      return undefined;
    }
    try {
      const r = collapseOcg(this.state.doc, this.state.organise.groups, target);
      this.commitOrganise(`Collapse ${r.group.label}`, { ...this.state.organise, groups: r.groups }, { selection: new Set([r.group.id]) });
      return r.group.id;
    } catch (e) {
      if (e instanceof GroupingError) this.notify('info', e.message);
      else throw e;
      return undefined;
    }
  }

  renameGroup(id: string, label: string): void {
    const o = this.state.organise;
    const groups = renameGroup(o.groups, id, label);
    if (groups.every((g, i) => g === o.groups[i])) return;
    this.commitOrganise('Rename group', { ...o, groups });
  }

  /** Places a note, box or labelled area (centred on `at`) and opens it for editing. */
  addAnnotation(kind: AnnotationKind, at: Position, text?: string): string {
    const o = this.state.organise;
    const d = ANNOTATION_DEFAULTS[kind];
    const a: Annotation = {
      id: nextId('note:', o.annotations.map((x) => x.id)), kind, text: text ?? d.text,
      position: { x: Math.round(at.x), y: Math.round(at.y) }, width: d.width, height: d.height, colour: d.colour,
    };
    this.commitOrganise(`Add ${d.title.toLowerCase()}`, { ...o, annotations: [...o.annotations, a] }, { selection: new Set([a.id]) });
    return a.id;
  }

  updateAnnotation(id: string, patch: Partial<Pick<Annotation, 'text' | 'width' | 'height' | 'colour'>>): void {
    const o = this.state.organise;
    const cur = o.annotations.find((a) => a.id === id);
    if (!cur) return;
    const next: Annotation = { ...cur, ...patch };
    if (!(next.width > 0)) next.width = cur.width;
    if (!(next.height > 0)) next.height = cur.height;
    if (JSON.stringify(next) === JSON.stringify(cur)) return;
    this.commitOrganise(`Edit ${ANNOTATION_DEFAULTS[cur.kind].title.toLowerCase()}`, { ...o, annotations: o.annotations.map((a) => (a.id === id ? next : a)) });
  }

  deleteAnnotation(id: string): void {
    const o = this.state.organise;
    const cur = o.annotations.find((a) => a.id === id);
    if (!cur) return;
    this.commitOrganise(`Delete ${ANNOTATION_DEFAULTS[cur.kind].title.toLowerCase()}`, { ...o, annotations: o.annotations.filter((a) => a.id !== id) });
  }

  /** Adds a styling rule at the end (lowest priority). */
  addRule(rule: Omit<StyleRule, 'id'>): string {
    const o = this.state.organise;
    const r: StyleRule = { ...rule, id: nextId('rule:', o.rules.map((x) => x.id)) };
    this.commitOrganise('Add styling rule', { ...o, rules: [...o.rules, r] });
    return r.id;
  }

  setRuleEnabled(id: string, enabled: boolean): void {
    const o = this.state.organise;
    if (!o.rules.some((r) => r.id === id && r.enabled !== enabled)) return;
    this.commitOrganise(enabled ? 'Enable styling rule' : 'Disable styling rule', { ...o, rules: o.rules.map((r) => (r.id === id ? { ...r, enabled } : r)) });
  }

  /** Moves a rule up (-1) or down (+1) the priority order. */
  moveRule(id: string, by: -1 | 1): void {
    const o = this.state.organise;
    const i = o.rules.findIndex((r) => r.id === id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= o.rules.length) return;
    const rules = [...o.rules];
    [rules[i], rules[j]] = [rules[j]!, rules[i]!];
    this.commitOrganise(by < 0 ? 'Raise styling rule' : 'Lower styling rule', { ...o, rules });
  }

  removeRule(id: string): void {
    const o = this.state.organise;
    if (!o.rules.some((r) => r.id === id)) return;
    this.commitOrganise('Remove styling rule', { ...o, rules: o.rules.filter((r) => r.id !== id) });
  }

  /** Opens (or with null closes) an organisation dialog. */
  edit(editing: Editing | null): void {
    this.set({ editing });
  }

  /** The lasso and link drawing are tools of the same drag: one at a time. */
  setLassoMode(on: boolean): void {
    if (on !== this.state.lassoMode) this.set({ lassoMode: on, ...(on ? { linkMode: false } : {}) });
  }

  setLinkMode(on: boolean): void {
    if (on !== this.state.linkMode) this.set({ linkMode: on, ...(on ? { lassoMode: false } : {}) });
  }

  // ---- selection ----

  select(ids: Iterable<string>, additive = false): void {
    const next = new Set(additive ? this.state.selection : []);
    for (const id of ids) if (this.has(id)) next.add(id);
    this.setSelection(next);
  }

  setSelection(ids: Iterable<string>): void {
    const next = new Set([...ids].filter((id) => this.has(id)));
    const cur = this.state.selection;
    if (next.size === cur.size && [...next].every((id) => cur.has(id))) return;
    const sq = this.state.sequence;
    // A selection made on the chart replaces the sequence item's.
    this.set({ selection: next, ...(sq?.focus ? { sequence: { ...sq, focus: null } } : {}) });
    this.inspectSelection();
  }

  clearSelection(): void {
    this.setSelection([]);
  }

  selectNeighbours(ids?: string[]): void {
    const t = this.targets(ids);
    const visible = this.visible().nodes;
    const around = [...neighbourIds(this.state.doc, t)].filter((id) => visible.has(id));
    const edges = [...this.state.doc.edges.values()]
      .filter((e) => t.includes(e.data.source) || t.includes(e.data.target))
      .map((e) => e.data.id)
      .filter((id) => this.visible().edges.has(id));
    this.select([...t, ...around, ...edges]);
  }

  selectAll(): void {
    const v = this.visible();
    this.select([...v.nodes, ...v.edges]);
  }

  /** A single selected link loads its supporting reports ("why linked"). */
  private inspectSelection(): void {
    const sel = [...this.state.selection];
    const id = sel.length === 1 ? sel[0]! : undefined;
    const e = id ? this.state.doc.edges.get(id) : undefined;
    if (!e || e.data.restricted) {
      if (this.state.inspection) this.set({ inspection: null });
      return;
    }
    const cur = this.state.inspection;
    if (cur && cur.id === id && cur.status !== 'error') return;
    void this.inspectLink(id!);
  }

  async inspectLink(id: string): Promise<void> {
    this.set({ inspection: { id, status: 'loading' } });
    try {
      const detail = await this.api.link(id);
      if (this.state.inspection?.id === id) this.set({ inspection: { id, status: 'ready', detail } });
    } catch (e) {
      if (this.state.inspection?.id === id) this.set({ inspection: { id, status: 'error', error: messageOf(e) } });
    }
  }

  // ---- the sequence view ----

  /**
   * Opens (or, when open, redraws) the sequence view for the selected entities (with the ends of
   * selected links), else the chart's shown entities, at most MAX_LANES of them.
   */
  openSequence(): void {
    const { doc, selection } = this.state;
    const choice = chooseLanes(selection, {
      entity: (id) => doc.nodes.get(id)?.data,
      linkEnds: (id) => { const e = doc.edges.get(id)?.data; return e ? [e.source, e.target] : undefined; },
      shown: this.visible().nodes,
    }, MAX_LANES);
    this.set({ sequence: { laneIds: choice.ids, source: choice.source, omitted: choice.omitted, status: 'loading', items: [], limited: false, focus: null } });
    void this.loadSequence(choice.ids);
  }

  closeSequence(): void {
    if (this.state.sequence) this.set({ sequence: null });
  }

  private async loadSequence(ids: string[]): Promise<void> {
    const same = (s: SequenceView | null) => !!s && s.laneIds.length === ids.length && s.laneIds.every((id, i) => id === ids[i]);
    if (!ids.length) {
      if (this.state.sequence) this.set({ sequence: { ...this.state.sequence, status: 'ready', items: [] } });
      return;
    }
    if (!this.api.timeline) {
      const cur = this.state.sequence;
      if (same(cur)) this.set({ sequence: { ...cur!, status: 'error', error: 'This server does not offer timelines' } });
      return;
    }
    try {
      const items = await this.api.timeline(ids, { limit: SEQUENCE_LIMIT });
      const cur = this.state.sequence;
      if (same(cur)) this.set({ sequence: { ...cur!, status: 'ready', items, limited: items.length >= SEQUENCE_LIMIT, error: undefined } });
    } catch (e) {
      if ((e as { code?: string }).code === 'UNAUTHENTICATED') return this.sessionEnded();
      const cur = this.state.sequence;
      if (same(cur)) this.set({ sequence: { ...cur!, status: 'error', error: messageOf(e) } });
    }
  }

  /**
   * Selects an item of the sequence: its entities (and the item itself, when it is on the chart as
   * an entity or a link) are selected on the chart, and the item is shown in the details.
   */
  selectSequenceItem(id: string | null): void {
    const sq = this.state.sequence;
    if (!sq) return;
    const item = id === null ? undefined : sq.items.find((x) => x.id === id);
    if (!item) {
      if (sq.focus) this.set({ sequence: { ...sq, focus: null } });
      return;
    }
    const selection = new Set([item.id, ...item.entityIds].filter((x) => this.has(x)));
    this.set({ selection, sequence: { ...sq, focus: item.id } });
    this.inspectSelection();
  }

  // ---- filters and time ----

  setFilters(patch: Partial<Filters>, label = 'Filter'): void {
    const filters = { ...this.state.filters, ...patch };
    if (JSON.stringify(filters) === JSON.stringify(this.state.filters)) return;
    this.commitView(label, { filters });
  }

  toggleEntityType(type: string): void {
    const h = new Set(this.state.filters.hiddenEntityTypes);
    if (h.has(type)) h.delete(type);
    else h.add(type);
    this.setFilters({ hiddenEntityTypes: [...h].sort() }, `${h.has(type) ? 'Hide' : 'Show'} ${type}`);
  }

  toggleLinkType(type: string): void {
    const h = new Set(this.state.filters.hiddenLinkTypes);
    if (h.has(type)) h.delete(type);
    else h.add(type);
    this.setFilters({ hiddenLinkTypes: [...h].sort() }, `${h.has(type) ? 'Hide' : 'Show'} ${type}`);
  }

  resetFilters(): void {
    this.setFilters(noFilters(), 'Reset filters');
  }

  setTimeRange(range: TimeRange | null): void {
    if (range && range.from > range.to) range = { from: range.to, to: range.from };
    const cur = this.state.timeRange;
    if (cur === range || (cur && range && cur.from === range.from && cur.to === range.to)) return;
    this.commitView('Time range', { timeRange: range });
  }

  // ---- display and analysis ----

  setDisplay(patch: Partial<Display>): void {
    const display = { ...this.state.display, ...patch };
    if (JSON.stringify(display) === JSON.stringify(this.state.display)) return;
    const label = patch.colourBy !== undefined ? 'Colour by' : patch.sizeBy !== undefined ? 'Size by' : patch.edgeLabels !== undefined ? (display.edgeLabels ? 'Show link labels' : 'Hide link labels') : 'Display';
    this.commitView(label, { display });
  }

  /** Shows (or with null removes) the gap overlay; entities added later are marked too. */
  showGaps(gaps: GapOverlay | null): void {
    this.set({ gaps });
  }

  /** How link counts weigh in the next network analysis. */
  setWeighting(weighting: Weighting): void {
    if (weighting !== this.state.weighting) this.set({ weighting });
  }

  /**
   * Social-network measures of the drawn entities (server-side), with the chosen weighting of
   * link counts, then colour by community.
   */
  async analyse(weighting: Weighting = this.state.weighting): Promise<void> {
    const ids = [...this.visible().nodes].filter((id) => !this.node(id)?.restricted);
    if (ids.length < 2) {
      this.notify('info', 'Add at least two entities to analyse the network');
      return;
    }
    const m = await this.run('Network analysis', () => this.api.networkMetrics(ids.slice(0, 5000), { weighting }));
    if (!m) return;
    const used = m.weighting ?? 'NONE';
    this.set({
      metrics: new Map(m.nodes.map((n) => [n.id, n])),
      analysis: { weighting: used, communityCount: m.communityCount ?? null, modularity: m.modularity ?? null, components: m.components, brokers: m.brokers },
    });
    // Colouring by community and sizing by betweenness is a display change like any other: undoable.
    this.setDisplay({ colourBy: 'community', sizeBy: this.state.display.sizeBy === 'none' ? 'betweenness' : this.state.display.sizeBy });
    if (used !== weighting) this.notify('warn', 'This server computes metrics unweighted only: link counts were not used');
    const brokers = m.brokers.map((id) => this.node(id)?.label).filter(Boolean).slice(0, 3);
    this.notify('info', `${WEIGHTING_TITLES[used]}: ${m.components} component${m.components === 1 ? '' : 's'}${typeof m.modularity === 'number' ? `, modularity ${m.modularity.toFixed(2)}` : ''}${brokers.length ? `; brokers: ${brokers.join(', ')}` : ''}`);
  }

  // ---- layout and view ----

  requestLayout(name: LayoutName, opts: LayoutOptions = {}): LayoutRequest {
    const req = this.layoutRequest(this.state.doc, name, opts);
    this.set({ layoutRequest: req });
    return req;
  }

  private layoutRequest(doc: ChartDoc, name: LayoutName, opts: LayoutOptions): LayoutRequest {
    const sel = this.selectedNodes();
    const roots = opts.roots ?? (name === 'breadthfirst'
      ? (sel.length ? sel : [...doc.nodes.values()].filter((n) => n.data.type === 'OCG').map((n) => n.data.id))
      : undefined);
    return {
      id: ++this.seq, name, randomize: opts.randomize ?? true, fit: opts.fit ?? true, silent: opts.silent ?? false,
      baseDoc: doc, roots, ...(opts.beforeDraw ? { beforeDraw: true } : {}), ...(opts.added?.length ? { added: opts.added } : {}),
      ...(opts.again ? { variant: ++this.layoutRuns } : {}),
    };
  }

  /** The view reports a finished layout: positions become part of the chart. */
  layoutDone(requestId: number, positions: Record<string, Position>): boolean {
    const req = this.state.layoutRequest;
    if (!req || req.id !== requestId) return false;
    if (req.baseDoc !== this.state.doc && !samePlaces(req.baseDoc, this.state.doc)) {
      // The chart changed while the layout ran; its result would undo that change's positions.
      // (Records read again meanwhile, with the same entities in the same places, change nothing a
      // layout decides: its result still applies.)
      this.set({ layoutRequest: null });
      return false;
    }
    const doc = setPositions(this.state.doc, positions);
    if (req.silent) this.set({ doc, layoutRequest: null });
    else this.commit(`Layout (${req.name})`, doc, { layoutRequest: null });
    return true;
  }

  /** Records positions without an undo step (placement the user did not ask for). */
  recordPositions(positions: Record<string, Position>): void {
    const doc = setPositions(this.state.doc, positions);
    if (doc !== this.state.doc) this.set({ doc });
  }

  fit(ids?: string[]): void {
    this.set({ viewRequest: { id: ++this.seq, kind: 'fit', ids } });
  }

  focus(ids: string[]): void {
    this.set({ viewRequest: { id: ++this.seq, kind: 'focus', ids } });
  }

  // ---- saved charts ----

  get chartStore(): ChartStore | null {
    return this.store;
  }

  async listCharts(): Promise<SavedChartSummary[]> {
    return this.store ? this.store.list() : [];
  }

  snapshot(name: string, id = this.state.chart.id ?? newChartId()): SavedChart {
    const { doc, filters, timeRange } = this.state;
    const nodes = [...doc.nodes.values()];
    const stubs = nodes.filter((n) => n.data.restricted);
    const stubIds = new Set(stubs.map((n) => n.data.id));
    const positions: Record<string, Position> = {};
    for (const n of nodes) if (n.position) positions[n.data.id] = n.position;
    return {
      version: 1, id, name, savedAt: new Date().toISOString(), nodeCount: doc.nodes.size, edgeCount: doc.edges.size,
      entityIds: nodes.filter((n) => !n.data.restricted).map((n) => n.data.id),
      positions,
      pinned: nodes.filter((n) => n.pinned).map((n) => n.data.id),
      hidden: nodes.filter((n) => n.hidden).map((n) => n.data.id),
      hiddenLinks: [...doc.edges.values()].filter((e) => e.hidden).map((e) => e.data.id),
      stubs: stubs.map((n) => n.data),
      stubLinks: [...doc.edges.values()].filter((e) => stubIds.has(e.data.source) || stubIds.has(e.data.target)).map((e) => e.data),
      filters, timeRange,
      organise: saveOrganise(this.state.organise),
    };
  }

  async saveChart(name?: string, asNew = false): Promise<SavedChartSummary | undefined> {
    const store = this.store;
    if (!store) return undefined;
    const chartName = (name ?? this.state.chart.name).trim() || 'Untitled chart';
    const chart = this.snapshot(chartName, asNew || !this.state.chart.id ? newChartId() : this.state.chart.id!);
    const stored = await this.run('Save chart', async () => (await store.save(chart)) ?? chart);
    if (!stored) return undefined;
    const copied = stored.id !== chart.id;
    this.set({ chart: { id: stored.id, name: chartName, store: store.kind } });
    this.notify('info', `Saved “${chartName}” ${store.kind === 'local' ? '(in this browser)' : copied ? 'as your own copy on the server' : '(on the server)'}`);
    const { id, savedAt, nodeCount, edgeCount } = stored;
    return { id, name: chartName, savedAt, nodeCount, edgeCount };
  }

  async openChart(id: string): Promise<boolean> {
    const store = this.store;
    if (!store) return false;
    const chart = await store.load(id);
    if (!chart) {
      this.notify('error', 'That chart could not be read');
      return false;
    }
    return this.restoreChart(chart, { id: chart.id, name: chart.name, store: store.kind });
  }

  /**
   * Draws a saved chart: entities are read again through the API (today's access applies), then
   * positions, pins, hidden items, filters and time range are put back. One undo step.
   */
  async restoreChart(chart: SavedChart, as: WorkspaceState['chart'] = { id: null, name: chart.name, store: this.store?.kind ?? null }): Promise<boolean> {
    let unplaced = 0;
    const doc = await this.run(`Open ${chart.name}`, async () => {
      // A server chart comes with its entities already read through the opener's access.
      const nodes: GraphNode[] = [...(chart.graph?.nodes ?? [])];
      const edges: GraphEdge[] = [...(chart.graph?.edges ?? [])];
      for (let i = 0; !chart.graph && i < chart.entityIds.length; i += MAX_IDS_PER_REQUEST) {
        const s = await this.api.graph(chart.entityIds.slice(i, i + MAX_IDS_PER_REQUEST));
        nodes.push(...s.nodes);
        edges.push(...s.edges);
      }
      let d = mergeSlice(emptyDoc(), { nodes: [...nodes, ...chart.stubs], edges: [...edges, ...chart.stubLinks] }).doc;
      d = setPositions(d, chart.positions);
      d = updateNodes(d, chart.pinned, (n) => ({ ...n, pinned: true }));
      d = updateNodes(d, chart.hidden, (n) => ({ ...n, hidden: true }));
      d = updateEdges(d, chart.hiddenLinks, (e) => ({ ...e, hidden: true }));
      for (const n of d.nodes.values()) if (!n.position) unplaced++;
      return placeUnplaced(d);
    });
    if (!doc) return false;
    const missing = chart.withheld ?? chart.entityIds.filter((eid) => !doc.nodes.has(eid)).length;
    // Many entities without a saved position (a chart saved elsewhere, or grown since): laid out before they are drawn.
    const before = unplaced >= this.opts.layoutBeforeDrawMin && doc.nodes.size > 1 ? this.layoutBeforeDraw(doc, doc.nodes.size - unplaced, unplaced) : null;
    this.commit(`Open ${chart.name}`, doc, {
      chart: as, filters: chart.filters ?? noFilters(), timeRange: chart.timeRange ?? null, selection: new Set(), metrics: null, analysis: null, paths: null,
      organise: readOrganise(chart.organise), editing: null,
      ...(before ? { layoutRequest: before } : {}),
    });
    if (missing) this.notify('warn', `${missing} saved entit${missing === 1 ? 'y is' : 'ies are'} no longer available to you`);
    this.fit();
    return true;
  }

  async deleteChart(id: string): Promise<void> {
    await this.store?.remove(id);
    if (this.state.chart.id === id) this.set({ chart: { ...this.state.chart, id: null } });
  }

  renameChart(name: string): void {
    this.set({ chart: { ...this.state.chart, name } });
  }
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The same entities, each where it was: what a layout started from is still what is drawn. */
function samePlaces(a: ChartDoc, b: ChartDoc): boolean {
  if (a.nodes.size !== b.nodes.size) return false;
  for (const [id, n] of a.nodes) {
    const m = b.nodes.get(id);
    if (!m || m.pinned !== n.pinned || m.position?.x !== n.position?.x || m.position?.y !== n.position?.y) return false;
  }
  return true;
}
