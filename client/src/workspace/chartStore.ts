import type { Position } from './chartDoc.js';
import type { GraphEdge, GraphNode } from './types.js';
import type { SavedOrganise } from '../organise/saved.js';
import type { Filters, TimeRange } from './visibility.js';

/**
 * Where saved charts live: on the server (ServerChartStore, shared with colleagues), or in this
 * browser (LocalChartStore, for a server without chart storage and for tests). A saved chart keeps
 * ids and layout, not intelligence content: on opening, the entities are read again through the
 * API, so today's access rules — the opener's, not the saver's — apply to what is shown.
 * Restricted stubs are kept as they are (they carry only "held by" and a contact).
 */
export interface SavedChartSummary {
  id: string;
  name: string;
  savedAt: string;
  /** Null for a chart a colleague shared with you: its saved counts are the owner's, not yours to know. */
  nodeCount: number | null;
  edgeCount: number | null;
  /** Server charts: whose it is, and with whom it is shared (owner's view only). */
  ownerName?: string;
  mine?: boolean;
  sharedWith?: Colleague[];
}

export interface Colleague {
  username: string;
  displayName: string;
}

export interface SavedChart extends SavedChartSummary {
  version: 1;
  entityIds: string[];
  positions: Record<string, Position>;
  pinned: string[];
  hidden: string[];
  hiddenLinks: string[];
  stubs: GraphNode[];
  stubLinks: GraphEdge[];
  filters: Filters;
  timeRange: TimeRange | null;
  /** Groups, annotations and styling rules (absent in charts saved before they existed). */
  organise?: SavedOrganise;
  /** Server charts: the entities as the opener may see them today (read with the layout). */
  graph?: { nodes: GraphNode[]; edges: GraphEdge[] };
  /** Server charts, the owner's own only: saved entities they may no longer see (null for a colleague's chart). */
  withheld?: number | null;
}

export interface ChartStore {
  /** "local": this browser only; "server": shared through the API. */
  readonly kind: 'local' | 'server';
  list(): Promise<SavedChartSummary[]>;
  load(id: string): Promise<SavedChart | null>;
  /** Saves; answers the chart as stored when the store chose its id (a copy of a colleague's chart). */
  save(chart: SavedChart): Promise<SavedChartSummary | void>;
  remove(id: string): Promise<void>;
  /** Server stores: share with colleagues (replacing the list), and who they are. */
  share?(id: string, usernames: string[]): Promise<SavedChartSummary>;
  colleagues?(): Promise<Colleague[]>;
}

/** The subset of the Web Storage API the local store needs (so tests can pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class LocalChartStore implements ChartStore {
  readonly kind = 'local' as const;
  private readonly prefix: string;

  /** `owner` separates the charts of different users of one browser. */
  constructor(private readonly storage: KeyValueStorage, owner: string) {
    this.prefix = `intel-graph.charts.${owner}`;
  }

  private index(): SavedChartSummary[] {
    try {
      const v = JSON.parse(this.storage.getItem(`${this.prefix}.index`) ?? '[]');
      return Array.isArray(v) ? v : [];
    } catch {
      return [];
    }
  }

  async list(): Promise<SavedChartSummary[]> {
    return this.index().sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async load(id: string): Promise<SavedChart | null> {
    const raw = this.storage.getItem(`${this.prefix}.chart.${id}`);
    if (!raw) return null;
    try {
      const c = JSON.parse(raw) as SavedChart;
      return c.version === 1 ? c : null;
    } catch {
      return null;
    }
  }

  async save(chart: SavedChart): Promise<void> {
    this.storage.setItem(`${this.prefix}.chart.${chart.id}`, JSON.stringify(chart));
    const { id, name, savedAt, nodeCount, edgeCount } = chart;
    const index = this.index().filter((c) => c.id !== id);
    index.push({ id, name, savedAt, nodeCount, edgeCount });
    this.storage.setItem(`${this.prefix}.index`, JSON.stringify(index));
  }

  async remove(id: string): Promise<void> {
    this.storage.removeItem(`${this.prefix}.chart.${id}`);
    this.storage.setItem(`${this.prefix}.index`, JSON.stringify(this.index().filter((c) => c.id !== id)));
  }
}

/** A store in memory (tests, and browsers with storage disabled). */
export class MemoryStorage implements KeyValueStorage {
  private map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
  removeItem(k: string) { this.map.delete(k); }
}

/** The API calls the server store needs (GraphQLApi.request). */
export interface GraphQLRequester {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

const SUMMARY_FIELDS = 'id name ownerName mine savedAt nodeCount edgeCount sharedWith{ username displayName }';

/**
 * Charts on the server. The owner saves and shares; a colleague opens the chart through their own
 * access and may save their own copy (saving over someone else's chart makes a copy).
 *
 * The layout holds ids, positions, pins, hidden items, filters, time range and the chart's
 * organisation (groups, annotations, styling rules), all cut down by the server to what the opener
 * is shown. Earlier versions kept the organisation in this browser instead, under the chart's id
 * and the user's name (`organisation`): an own chart saved then still finds it there until it is
 * saved again, when the copy here is forgotten.
 */
export class ServerChartStore implements ChartStore {
  readonly kind = 'server' as const;
  /** Ids of charts colleagues shared with this user: saving one makes a copy. */
  private readonly others = new Set<string>();

  constructor(
    private readonly api: GraphQLRequester,
    private readonly fields: { node: string; edge: string },
    private readonly organisation?: { storage: KeyValueStorage; owner: string },
  ) {}

  private organisationKey(id: string): string | undefined {
    return this.organisation ? `intel-graph.organise.${this.organisation.owner}.${id}` : undefined;
  }

  private readOrganisation(id: string): SavedOrganise | undefined {
    const key = this.organisationKey(id);
    if (!key) return undefined;
    try {
      const raw = this.organisation!.storage.getItem(key);
      return raw ? (JSON.parse(raw) as SavedOrganise) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets the copy an earlier version kept in this browser (the organisation is on the server now). */
  private forgetOrganisation(id: string): void {
    const key = this.organisationKey(id);
    if (!key) return;
    try {
      this.organisation!.storage.removeItem(key);
    } catch { /* storage disabled: nothing was kept */ }
  }

  private note(list: SavedChartSummary[]): SavedChartSummary[] {
    for (const c of list) if (c.mine === false) this.others.add(c.id);
    return list;
  }

  async list(): Promise<SavedChartSummary[]> {
    const r = await this.api.request<{ charts: SavedChartSummary[] }>(`{ charts{ ${SUMMARY_FIELDS} } }`);
    return this.note(r.charts);
  }

  async load(id: string): Promise<SavedChart | null> {
    const r = await this.api.request<{ chart: SavedChartSummary & { layout: string; withheld: number | null; graph: { nodes: GraphNode[]; edges: GraphEdge[] } } }>(
      `query($id: ID!){ chart(id: $id){ ${SUMMARY_FIELDS} layout withheld graph{ nodes{ ${this.fields.node} } edges{ ${this.fields.edge} } } } }`,
      { id },
    );
    const { layout, graph, withheld, ...summary } = r.chart;
    this.note([summary]);
    const { organise: saved, ...l } = JSON.parse(layout) as Omit<SavedChart, keyof SavedChartSummary> & { organise?: SavedOrganise | null };
    // The organisation comes with the chart, cut down by the server to what the opener is shown. An
    // own chart saved before it travelled with the chart may still have it kept in this browser.
    const organise = saved ?? (summary.mine === false ? undefined : this.readOrganisation(id));
    return { ...l, ...summary, version: 1, graph, withheld, timeRange: l.timeRange ?? null, ...(organise ? { organise } : {}) };
  }

  async save(chart: SavedChart): Promise<SavedChartSummary> {
    const { id, name, savedAt: _s, nodeCount: _n, ownerName: _o, mine: _m, sharedWith: _w, graph: _g, withheld: _h, organise, ...layout } = chart;
    const copy = this.others.has(id);
    const organised = organise && (organise.groups.length || organise.annotations.length || organise.rules.length) ? organise : null;
    const r = await this.api.request<{ saveChart: SavedChartSummary }>(
      `mutation($name: String!, $layout: String!, $id: ID){ saveChart(name: $name, layout: $layout, id: $id){ ${SUMMARY_FIELDS} } }`,
      { name, layout: JSON.stringify({ ...layout, organise: organised }), id: copy ? null : id },
    );
    this.forgetOrganisation(r.saveChart.id);
    return r.saveChart;
  }

  async remove(id: string): Promise<void> {
    await this.api.request(`mutation($id: ID!){ deleteChart(id: $id) }`, { id });
    this.others.delete(id);
    this.forgetOrganisation(id);
  }

  async share(id: string, usernames: string[]): Promise<SavedChartSummary> {
    const r = await this.api.request<{ shareChart: SavedChartSummary }>(
      `mutation($id: ID!, $u: [String!]!){ shareChart(id: $id, usernames: $u){ ${SUMMARY_FIELDS} } }`,
      { id, u: usernames },
    );
    return r.shareChart;
  }

  async colleagues(): Promise<Colleague[]> {
    return (await this.api.request<{ colleagues: Colleague[] }>('{ colleagues{ username displayName } }')).colleagues;
  }
}
