import type { Position } from './chartDoc.js';
import type { GraphEdge, GraphNode } from './types.js';
import type { Filters, TimeRange } from './visibility.js';

/**
 * Where saved charts live. For now a browser-local store; a server store will implement the same
 * interface. A saved chart keeps ids and layout, not intelligence content: on opening, the
 * entities are read again through the API, so today's access rules apply to what is shown.
 * Restricted stubs are kept as they are (they carry only "held by" and a contact).
 */
export interface SavedChartSummary {
  id: string;
  name: string;
  savedAt: string;
  nodeCount: number;
  edgeCount: number;
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
}

export interface ChartStore {
  /** "local": this browser only; "server": shared through the API. */
  readonly kind: 'local' | 'server';
  list(): Promise<SavedChartSummary[]>;
  load(id: string): Promise<SavedChart | null>;
  save(chart: SavedChart): Promise<void>;
  remove(id: string): Promise<void>;
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
