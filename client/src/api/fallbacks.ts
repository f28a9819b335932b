import { minimumStrength } from '../../../server/domain/grading.js';
import { edgeSpan, inRange } from '../workspace/visibility.js';
import type { ExpandOptions, GraphEdge, GraphNode, GraphSlice, NetworkMetrics, NodeMetrics, Path, PathResult } from '../workspace/types.js';

/**
 * Traversals answered from the basic queries (`neighbours`, `graph`) for a server that does not
 * offer the traversal fields yet (during a rolling upgrade, for instance). They are bounded the
 * same way: hops, fan-out per request and frontier size.
 */
export interface BasicApi {
  neighbours(ids: string[], limit: number): Promise<GraphSlice>;
  graph(ids: string[]): Promise<GraphSlice>;
}

const MAX_FRONTIER = 500;

function edgeAllowed(e: GraphEdge, f: ExpandOptions['filter'], min: number): boolean {
  if (!f) return true;
  if (f.linkTypes?.length && !f.linkTypes.includes(e.type)) return false;
  if (f.excludeRestricted && e.restricted) return false;
  if (min > 0 && !(typeof e.strength === 'number' && e.strength >= min - 1e-9)) return false;
  if ((f.from || f.to) && !inRange(edgeSpan(e), { from: f.from || '0000-01-01', to: f.to || '9999-12-31' })) return false;
  return true;
}

function nodeAllowed(n: GraphNode, f: ExpandOptions['filter']): boolean {
  if (n.restricted) return !f?.excludeRestricted;
  return !f?.entityTypes?.length || f.entityTypes.includes(n.type);
}

export async function fallbackExpand(api: BasicApi, ids: string[], opts: ExpandOptions): Promise<GraphSlice> {
  const f = opts.filter;
  const min = minimumStrength(f?.minGrade);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  let omitted = 0;
  let frontier = ids;
  const start = new Set(ids);
  for (let hop = 0; hop < Math.max(1, Math.min(opts.hops ?? 1, 3)) && frontier.length; hop++) {
    const s = await api.neighbours(frontier.slice(0, MAX_FRONTIER), opts.limit ?? 100);
    truncated ||= s.truncated || frontier.length > MAX_FRONTIER;
    omitted += s.omitted;
    const byId = new Map(s.nodes.map((n) => [n.id, n]));
    for (const id of frontier) if (byId.has(id)) nodes.set(id, byId.get(id)!);
    const next: string[] = [];
    for (const e of s.edges) {
      if (!edgeAllowed(e, f, min)) continue;
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      if (!a || !b) continue;
      const other = nodes.has(a.id) || start.has(a.id) ? b : a;
      if (!nodes.has(other.id) && !nodeAllowed(other, f)) continue;
      if (!nodes.has(other.id)) {
        nodes.set(other.id, other);
        if (!other.restricted) next.push(other.id);
      }
      edges.set(e.id, e);
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated, omitted };
}

export async function fallbackShortestPaths(
  api: BasicApi, from: string, to: string, opts: { maxHops?: number; k?: number; minGrade?: string },
): Promise<PathResult> {
  // The same bound as the API's (PATH_HOPS.max), so "no path of N links or fewer" holds here too.
  const maxHops = Math.min(opts.maxHops ?? 4, 8);
  const min = minimumStrength(opts.minGrade);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  // Breadth-first from `from`: parents form the DAG of all shortest paths.
  const dist = new Map<string, number>([[from, 0]]);
  const parents = new Map<string, { node: string; edge: string }[]>();
  let frontier = [from];
  for (let d = 0; d < maxHops && frontier.length && !dist.has(to); d++) {
    const s = await api.neighbours(frontier.slice(0, MAX_FRONTIER), 200);
    for (const n of s.nodes) nodes.set(n.id, n);
    const inFrontier = new Set(frontier);
    const next: string[] = [];
    for (const e of s.edges) {
      if (e.restricted || (min > 0 && !(typeof e.strength === 'number' && e.strength >= min - 1e-9))) continue;
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
        if (!inFrontier.has(a)) continue;
        const nb = nodes.get(b);
        if (!nb || nb.restricted) continue;
        const known = dist.get(b);
        if (known === undefined) {
          dist.set(b, d + 1);
          next.push(b);
        }
        if ((known ?? d + 1) === d + 1) {
          (parents.get(b) ?? parents.set(b, []).get(b)!).push({ node: a, edge: e.id });
          edges.set(e.id, e);
        }
      }
    }
    frontier = next;
  }
  const paths: Path[] = [];
  const k = opts.k ?? 3;
  const walk = (id: string, nodeIds: string[], edgeIds: string[]) => {
    if (paths.length >= k) return;
    if (id === from) {
      const es = edgeIds.map((x) => edges.get(x)!);
      paths.push({
        nodeIds: [...nodeIds].reverse(), edgeIds: [...edgeIds].reverse(), length: edgeIds.length,
        strength: es.every((e) => typeof e.strength === 'number') ? Math.min(...es.map((e) => e.strength!)) : null,
      });
      return;
    }
    for (const p of parents.get(id) ?? []) walk(p.node, [...nodeIds, p.node], [...edgeIds, p.edge]);
  };
  if (dist.has(to)) walk(to, [to], []);
  const onPath = new Set(paths.flatMap((p) => [...p.nodeIds, ...p.edgeIds]));
  return {
    paths,
    slice: {
      nodes: [...nodes.values()].filter((n) => onPath.has(n.id)),
      edges: [...edges.values()].filter((e) => onPath.has(e.id)),
      truncated: false, omitted: 0,
    },
  };
}

export async function fallbackConnect(api: BasicApi, ids: string[], opts: { maxHops?: number; minGrade?: string }): Promise<GraphSlice> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const list = ids.slice(0, 8);
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const r = await fallbackShortestPaths(api, list[i]!, list[j]!, { maxHops: opts.maxHops ?? 3, k: 2, minGrade: opts.minGrade });
      for (const n of r.slice.nodes) nodes.set(n.id, n);
      for (const e of r.slice.edges) edges.set(e.id, e);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: ids.length > list.length, omitted: 0 };
}

/** Degree, betweenness (Brandes), closeness, PageRank and components over the links among `ids`. */
export async function fallbackMetrics(api: BasicApi, ids: string[]): Promise<NetworkMetrics> {
  const s = await api.graph(ids.slice(0, 500));
  const nodeIds = s.nodes.map((n) => n.id);
  const adj = new Map<string, Set<string>>(nodeIds.map((id) => [id, new Set()]));
  for (const e of s.edges) {
    if (e.source === e.target || !adj.has(e.source) || !adj.has(e.target)) continue;
    adj.get(e.source)!.add(e.target);
    adj.get(e.target)!.add(e.source);
  }
  const n = nodeIds.length;
  const bc = new Map(nodeIds.map((id) => [id, 0]));
  const closeness = new Map(nodeIds.map((id) => [id, 0]));
  for (const src of nodeIds) {
    const stack: string[] = [];
    const pred = new Map<string, string[]>();
    const sigma = new Map<string, number>([[src, 1]]);
    const dist = new Map<string, number>([[src, 0]]);
    const queue = [src];
    for (let qi = 0; qi < queue.length; qi++) {
      const v = queue[qi]!;
      stack.push(v);
      for (const w of adj.get(v)!) {
        if (!dist.has(w)) { dist.set(w, dist.get(v)! + 1); queue.push(w); }
        if (dist.get(w) === dist.get(v)! + 1) {
          sigma.set(w, (sigma.get(w) ?? 0) + sigma.get(v)!);
          (pred.get(w) ?? pred.set(w, []).get(w)!).push(v);
        }
      }
    }
    const total = [...dist.values()].reduce((a, b) => a + b, 0);
    closeness.set(src, total > 0 ? ((dist.size - 1) / total) * ((dist.size - 1) / Math.max(1, n - 1)) : 0);
    const delta = new Map<string, number>();
    while (stack.length) {
      const w = stack.pop()!;
      for (const v of pred.get(w) ?? []) delta.set(v, (delta.get(v) ?? 0) + (sigma.get(v)! / sigma.get(w)!) * (1 + (delta.get(w) ?? 0)));
      if (w !== src) bc.set(w, bc.get(w)! + (delta.get(w) ?? 0));
    }
  }
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0; // undirected, each pair counted twice
  let pr = new Map(nodeIds.map((id) => [id, 1 / Math.max(1, n)]));
  for (let it = 0; it < 50; it++) {
    const next = new Map(nodeIds.map((id) => [id, 0.15 / Math.max(1, n)]));
    for (const [v, ns] of adj) {
      if (!ns.size) { for (const id of nodeIds) next.set(id, next.get(id)! + (0.85 * pr.get(v)!) / n); continue; }
      for (const w of ns) next.set(w, next.get(w)! + (0.85 * pr.get(v)!) / ns.size);
    }
    pr = next;
  }
  const component = new Map<string, number>();
  let components = 0;
  for (const id of nodeIds) {
    if (component.has(id)) continue;
    const queue = [id];
    component.set(id, components);
    for (let qi = 0; qi < queue.length; qi++) for (const w of adj.get(queue[qi]!)!) if (!component.has(w)) { component.set(w, components); queue.push(w); }
    components++;
  }
  const nodes: NodeMetrics[] = nodeIds.map((id) => ({
    id, degree: adj.get(id)!.size, degreeCentrality: n > 1 ? adj.get(id)!.size / (n - 1) : 0,
    betweenness: bc.get(id)! * scale, closeness: closeness.get(id)!, eigenvector: 0, pagerank: pr.get(id)!, community: component.get(id)!,
  }));
  const brokers = [...nodes].sort((a, b) => b.betweenness - a.betweenness).filter((x) => x.betweenness > 0).slice(0, 5).map((x) => x.id);
  return { nodes, modularity: 0, components, brokers, bridges: [] };
}
