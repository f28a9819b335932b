import { fallbackConnect, fallbackExpand, fallbackMetrics, fallbackShortestPaths } from './api/fallbacks.js';
import { groupStubs } from './workspace/stubGroups.js';
import type {
  ApiClient, ExpandOptions, GraphSlice, GroupedSearch, LinkDetail, NetworkMetrics, PathResult, SearchHit, TimelineItem, Viewer, Weighting,
} from './workspace/types.js';
import { WEIGHTINGS } from './workspace/types.js';

/** The GraphQL API over fetch. The session is the HttpOnly cookie set by signIn (same origin). */
export class ApiError extends Error {
  constructor(message: string, readonly code: string, readonly field?: string) {
    super(message);
  }
}

const MARKINGS = 'markings{ classification handling handlingConditions handlingNotes agency compartments nfd }';
// A stub carries the viewer's reference to quote and the holding desk's phone and e-mail.
export const NODE_FIELDS = `id type label restricted access heldBy contact reference contactPhone contactEmail props archived ${MARKINGS}`;
export const EDGE_FIELDS = `id source target type restricted strength reportCount props ${MARKINGS}`;
const SLICE = `nodes{ ${NODE_FIELDS} } edges{ ${EDGE_FIELDS} } truncated omitted`;
const VIEWER = 'id username displayName role clearance agency agencyName compartments permissions';

type Vars = Record<string, unknown>;

export class GraphQLApi implements ApiClient {
  /** Root fields this server does not have (older server): answered from the basic queries instead. */
  private readonly missing = new Set<string>();

  constructor(private readonly endpoint = '/graphql', private readonly fetchFn: typeof fetch = (...a) => fetch(...a)) {}

  async request<T>(query: string, variables: Vars = {}): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchFn(this.endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('The server cannot be reached', 'NETWORK');
    }
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
    try {
      body = await res.json();
    } catch {
      throw new ApiError(`The server answered ${res.status} ${res.statusText}`, 'HTTP');
    }
    const err = body.errors?.[0];
    if (err) throw new ApiError(err.message, err.extensions?.code ?? 'ERROR', err.extensions?.field);
    if (!body.data) throw new ApiError('Empty answer from the server', 'ERROR');
    return body.data;
  }

  /** Calls a root field, or the fallback when the server says it has no such field. */
  private async withFallback<T>(field: string, call: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (this.missing.has(field)) return fallback();
    try {
      return await call();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'GRAPHQL_VALIDATION_FAILED' && e.message.includes(`"${field}"`)) {
        this.missing.add(field);
        return fallback();
      }
      throw e;
    }
  }

  async me(): Promise<Viewer | null> {
    return (await this.request<{ me: Viewer | null }>(`query Me{ me{ ${VIEWER} } }`)).me;
  }

  async signIn(username: string, password: string): Promise<Viewer> {
    const q = `mutation SignIn($u:String!,$p:String!){ signIn(username:$u,password:$p){ expiresAt viewer{ ${VIEWER} } } }`;
    return (await this.request<{ signIn: { viewer: Viewer } }>(q, { u: username, p: password })).signIn.viewer;
  }

  async signOut(): Promise<void> {
    await this.request('mutation SignOut{ signOut }');
  }

  async search(text: string, opts: { types?: string[]; limit?: number } = {}): Promise<SearchHit[]> {
    const q = `query Search($t:String!,$types:[String!],$l:Int!){ search(text:$t, types:$types, limit:$l){ score entity{ ${NODE_FIELDS} } } }`;
    return (await this.request<{ search: SearchHit[] }>(q, { t: text, types: opts.types?.length ? opts.types : null, l: opts.limit ?? 12 })).search;
  }

  async searchGrouped(text: string, opts: { types?: string[]; limit?: number } = {}): Promise<GroupedSearch> {
    const q = `query SearchGrouped($t:String!,$types:[String!],$l:Int!){ searchGrouped(text:$t, types:$types, limit:$l){
      hits{ score entity{ ${NODE_FIELDS} } } heldElsewhere{ heldBy contact contactPhone contactEmail count stubs{ ${NODE_FIELDS} } } } }`;
    return this.withFallback('searchGrouped',
      async () => (await this.request<{ searchGrouped: GroupedSearch }>(q, { t: text, types: opts.types?.length ? opts.types : null, l: opts.limit ?? 25 })).searchGrouped,
      async () => groupStubs(await this.search(text, opts)));
  }

  async graph(ids: string[]): Promise<GraphSlice> {
    const q = `query Graph($ids:[ID!]!){ graph(ids:$ids){ ${SLICE} } }`;
    return (await this.request<{ graph: GraphSlice }>(q, { ids })).graph;
  }

  async neighbours(ids: string[], limit: number): Promise<GraphSlice> {
    const q = `query Neighbours($ids:[ID!]!,$l:Int!){ neighbours(ids:$ids, limit:$l){ ${SLICE} } }`;
    return (await this.request<{ neighbours: GraphSlice }>(q, { ids, l: limit })).neighbours;
  }

  // The traversal fields take scalars inline (escaped as GraphQL literals) so the client does not
  // depend on the names the server gives its input types; id lists stay variables.
  async expand(ids: string[], opts: ExpandOptions = {}): Promise<GraphSlice> {
    const filter = cleanFilter(opts.filter);
    const q = `query Expand($ids:[ID!]!){ expand(ids:$ids, hops:${int(opts.hops ?? 1)}, limit:${int(opts.limit ?? 100)}${filter ? `, filter:${literal(filter)}` : ''}){ ${SLICE} } }`;
    return this.withFallback('expand',
      async () => (await this.request<{ expand: GraphSlice }>(q, { ids })).expand,
      () => fallbackExpand(this, ids, opts));
  }

  async shortestPaths(from: string, to: string, opts: { maxHops?: number; k?: number; minGrade?: string } = {}): Promise<PathResult> {
    const args = `from:${literal(from)}, to:${literal(to)}, maxHops:${int(opts.maxHops ?? 4)}, k:${int(opts.k ?? 3)}${opts.minGrade ? `, minGrade:${literal(opts.minGrade)}` : ''}`;
    const q = `query Paths{ shortestPaths(${args}){ paths{ nodeIds edgeIds length strength } slice{ ${SLICE} } } }`;
    return this.withFallback('shortestPaths',
      async () => (await this.request<{ shortestPaths: PathResult }>(q)).shortestPaths,
      () => fallbackShortestPaths(this, from, to, opts));
  }

  async connectEntities(ids: string[], opts: { maxHops?: number; minGrade?: string } = {}): Promise<GraphSlice> {
    const q = `query Connect($ids:[ID!]!){ connectEntities(ids:$ids, maxHops:${int(opts.maxHops ?? 3)}${opts.minGrade ? `, minGrade:${literal(opts.minGrade)}` : ''}){ ${SLICE} } }`;
    return this.withFallback('connectEntities',
      async () => (await this.request<{ connectEntities: GraphSlice }>(q, { ids })).connectEntities,
      () => fallbackConnect(this, ids, opts));
  }

  async link(id: string): Promise<LinkDetail | null> {
    const q = `query Link($id:ID!){ link(id:$id){ link{ ${EDGE_FIELDS} } sourceNode{ id type label restricted heldBy contact } targetNode{ id type label restricted heldBy contact }
      reports{ grade strength report{ id type label restricted props ${MARKINGS} } } withheldReports } }`;
    return (await this.request<{ link: LinkDetail | null }>(q, { id })).link;
  }

  async timeline(ids: string[], opts: { limit?: number } = {}): Promise<TimelineItem[]> {
    const q = 'query Timeline($ids:[ID!]!,$l:Int){ timeline(ids:$ids, limit:$l){ id kind type label date grade entityIds } }';
    return (await this.request<{ timeline: TimelineItem[] }>(q, { ids, l: opts.limit ?? 500 })).timeline;
  }

  async networkMetrics(ids: string[], opts: { weighting?: Weighting } = {}): Promise<NetworkMetrics> {
    // An enum value goes inline, bare (and only one of the known values).
    const weighting = opts.weighting && WEIGHTINGS.includes(opts.weighting) ? opts.weighting : 'NONE';
    const arg = weighting === 'NONE' ? '' : `, weighting:${weighting}`;
    const q = `query Metrics($ids:[ID!]!){ networkMetrics(ids:$ids${arg}){ nodes{ id degree degreeCentrality strength betweenness closeness eigenvector pagerank community component } modularity communityCount components brokers bridges } }`;
    return this.withFallback('networkMetrics',
      async () => ({ ...(await this.request<{ networkMetrics: NetworkMetrics }>(q, { ids })).networkMetrics, weighting }),
      async () => ({ ...(await fallbackMetrics(this, ids)), weighting: 'NONE' as const }));
  }
}

const int = (n: number) => String(Math.max(0, Math.trunc(Number(n) || 0)));

/** A GraphQL input literal: strings escaped as JSON strings (valid GraphQL), objects with bare keys. */
export function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>).filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k)).map(([k, x]) => `${k}: ${literal(x)}`).join(', ')}}`;
  }
  return 'null';
}

function cleanFilter(f: ExpandOptions['filter']): Record<string, unknown> | null {
  if (!f) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}
