/**
 * The shapes the client exchanges with the API (mirrors of the GraphQL types) and the
 * `ApiClient` port the workspace talks through. Tests inject an in-memory fake.
 */
export interface Markings {
  classification: string;
  handling: string;
  handlingConditions: string[];
  handlingNotes?: string | null;
  agency: string;
  compartments?: string[];
  nfd?: boolean;
}

export type Access = 'full' | 'shared' | 'stub';

export interface GraphNode {
  id: string;
  type: string;
  label: string;
  restricted: boolean;
  access?: Access;
  heldBy?: string | null;
  contact?: string | null;
  /** For a stub: the telephone reference to quote to its holder (stable for this viewer). */
  reference?: string | null;
  /** For a stub: the holding desk's phone and e-mail. */
  contactPhone?: string | null;
  contactEmail?: string | null;
  props: Record<string, unknown>;
  markings?: Markings | null;
  archived?: boolean | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  restricted: boolean;
  strength?: number | null;
  reportCount: number;
  props: Record<string, unknown>;
  markings?: Markings | null;
}

export interface GraphSlice {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  omitted: number;
}

export interface Viewer {
  id: string;
  username: string;
  displayName: string;
  role: string;
  clearance: string;
  agency: string;
  agencyName: string;
  compartments: string[];
  permissions: string[];
}

export interface SearchHit {
  entity: GraphNode;
  score: number;
}

/** Stubs held elsewhere that matched a search, one group per holding agency. */
export interface StubGroup { heldBy: string; contact: string; contactPhone?: string | null; contactEmail?: string | null; count: number; stubs: GraphNode[] }
/** A search answer: the records the viewer may see, and what other agencies hold, by holder. */
export interface GroupedSearch { hits: SearchHit[]; heldElsewhere: StubGroup[] }

export interface SupportingReport {
  grade?: string | null;
  strength?: number | null;
  report: GraphNode;
}

export interface LinkDetail {
  link: GraphEdge;
  sourceNode: GraphNode;
  targetNode: GraphNode;
  reports: SupportingReport[];
  withheldReports: number;
}

export interface ExpandFilter {
  entityTypes?: string[];
  linkTypes?: string[];
  from?: string;
  to?: string;
  /** A 3x5x2 grade such as "2B": only links resting on at least this. */
  minGrade?: string;
  excludeRestricted?: boolean;
}

export interface ExpandOptions {
  hops?: number;
  filter?: ExpandFilter;
  limit?: number;
}

export interface Path {
  nodeIds: string[];
  edgeIds: string[];
  length: number;
  strength?: number | null;
}

export interface PathResult {
  paths: Path[];
  slice: GraphSlice;
}

/**
 * How link counts weigh in network metrics (the API's Weighting): not at all, as a strength
 * (more calls = closer: length 1 / count) or as a distance (length = count).
 */
export type Weighting = 'NONE' | 'COUNT_AS_STRENGTH' | 'COUNT_AS_DISTANCE';
export const WEIGHTINGS: readonly Weighting[] = ['NONE', 'COUNT_AS_STRENGTH', 'COUNT_AS_DISTANCE'];

export interface NodeMetrics {
  id: string;
  degree: number;
  degreeCentrality: number;
  /** Weighted degree: the sum of the counts of the entity's pairs (equals degree unweighted). */
  strength?: number | null;
  betweenness: number;
  closeness: number;
  eigenvector?: number | null;
  pagerank?: number | null;
  community?: number | null;
  component?: number;
}

export interface NetworkMetrics {
  nodes: NodeMetrics[];
  modularity?: number | null;
  communityCount?: number | null;
  /** The weighting the metrics were computed with (an older server computes them unweighted). */
  weighting?: Weighting;
  components: number;
  brokers: string[];
  bridges: string[];
}

/** A report mentioning, an event involving or a dated link of some entities (the API's TimelineItem). */
export interface TimelineItem {
  id: string;
  /** report, event or link */
  kind: string;
  /** Entity type of a report or event; link type of a link. */
  type?: string | null;
  label: string;
  /** yyyy-mm-dd (or a date-time); null when undated. */
  date?: string | null;
  /** 3x5x2 grade of a report, e.g. 1A. */
  grade?: string | null;
  /** The entities asked about that it involves (a link: both ends). */
  entityIds: string[];
}

/** Everything the workspace needs from the server. */
export interface ApiClient {
  me(): Promise<Viewer | null>;
  signIn(username: string, password: string): Promise<Viewer>;
  signOut(): Promise<void>;
  search(text: string, opts?: { types?: string[]; limit?: number }): Promise<SearchHit[]>;
  /** Search with stubs grouped by holder (servers without it are answered from `search`). */
  searchGrouped?(text: string, opts?: { types?: string[]; limit?: number }): Promise<GroupedSearch>;
  /** These entities and the links among them. */
  graph(ids: string[]): Promise<GraphSlice>;
  expand(ids: string[], opts?: ExpandOptions): Promise<GraphSlice>;
  shortestPaths(from: string, to: string, opts?: { maxHops?: number; k?: number; minGrade?: string }): Promise<PathResult>;
  connectEntities(ids: string[], opts?: { maxHops?: number; minGrade?: string }): Promise<GraphSlice>;
  link(id: string): Promise<LinkDetail | null>;
  networkMetrics(ids: string[], opts?: { weighting?: Weighting }): Promise<NetworkMetrics>;
  /** Reports, events and dated links of these entities, oldest first, undated last (the sequence view). */
  timeline?(ids: string[], opts?: { limit?: number }): Promise<TimelineItem[]>;
}
