/**
 * Social-network-analysis metrics for link-analysis sub-networks.
 *
 * Pure functions, no I/O. Every number follows the networkx convention for
 * undirected simple graphs so an analyst can reproduce it in Python:
 *
 * - degree centrality     = degree / (n - 1); 1 for a one-node graph (networkx)
 * - betweenness           = networkx betweenness_centrality(G, normalized=True),
 *                           i.e. pair counts / ((n - 1)(n - 2) / 2), unweighted
 * - closeness             = networkx closeness_centrality(G, wf_improved=True),
 *                           unweighted
 * - eigenvector           = networkx eigenvector_centrality(G), L2-normalised,
 *                           unweighted
 * - pagerank              = networkx pagerank(G, alpha=0.85), which reads the
 *                           `weight` attribute by default, so edge weights count
 *
 * Eigenvector and PageRank are iterated far past networkx's default stopping
 * point (see TIGHT_TOLERANCE), so they match the converged values rather than
 * networkx's default output, which can differ in the sixth decimal.
 * - community/modularity  = Louvain (weighted, resolution 1) with a seeded rng;
 *                           modularity is networkx modularity(G, partition) of
 *                           the partition returned
 * - bridges               = networkx bridges(G) of the multigraph: a pair joined
 *                           by several links is never a bridge
 *
 * Weighted analysis (`weighting`, see WEIGHTING below): a pair's weight is the sum of its links'
 * weights (call or meeting counts), read as a strength of tie. One convention per metric:
 *
 * - strength              = sum of the weights of a node's pairs (weighted degree; networkx
 *                           G.degree(weight='weight'))
 * - betweenness/closeness = networkx betweenness_centrality(G, weight='length') and
 *                           closeness_centrality(G, distance='length') with a pair's length
 *                           1 / weight ('strength': many calls make two phones close) or
 *                           weight ('distance': the weight is already a distance); lengths
 *                           within a relative 1e-9 of each other are equal (1/3+1/3+1/3 = 1),
 *                           where networkx compares floats exactly
 * - eigenvector           = networkx eigenvector_centrality(G, weight='weight')
 * - pagerank              = networkx pagerank(G, weight='weight') (as unweighted)
 * - community/modularity  = Louvain and modularity with weight 'weight' (as unweighted)
 *
 * Whatever the weighting, eigenvector, PageRank and Louvain read the weight as a strength.
 *
 * Edges are undirected. Links joining the same pair (either orientation, any
 * number) are aggregated into one edge, weights summed (see `prepare`);
 * self-loops and edges touching unknown nodes are dropped; the counts are
 * reported in `ignored`. The graph is built in a canonical order (ids sorted),
 * so every value, partition and community number is the same whatever order
 * the nodes and edges are given in; lists follow the input order.
 */
import { UndirectedGraph } from 'graphology';
import louvain, { type DetailedLouvainOutput } from 'graphology-communities-louvain';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import modularity from 'graphology-metrics/graph/modularity.js';
import { mulberry32 } from '../domain/random.js';

export interface SubNetwork {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string; weight?: number }[];
}

export const METRIC_NAMES = [
  'degree',
  'betweenness',
  'closeness',
  'eigenvector',
  'pagerank',
  'community',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

/**
 * How pair weights enter the path-based metrics: 'none' (default) ignores them there (every pair is
 * one step); 'strength' takes a pair's length as 1 / weight; 'distance' takes it as the weight.
 */
export type Weighting = 'none' | 'strength' | 'distance';

export interface MetricsOptions {
  /** See Weighting; 'none' when omitted. Any weighting other than 'none' also weights eigenvector. */
  weighting?: Weighting;
  /** Metrics to compute; all of them when omitted. */
  metrics?: readonly MetricName[];
  /** Seed for the Louvain rng (DEFAULT_LOUVAIN_SEED when omitted); the same seed and network give the same partition. */
  seed?: number;
}

/** Fields are present only when the matching metric was requested. */
export interface NodeMetrics {
  id: string;
  /** Connected component, numbered by size (0 = largest), ties by smallest member id. Always present. */
  component: number;
  /** Number of distinct neighbours. */
  degree?: number;
  degreeCentrality?: number;
  /** Sum of the weights of the node's pairs (weighted degree); only with a weighting other than 'none'. */
  strength?: number;
  betweenness?: number;
  closeness?: number;
  eigenvector?: number;
  pagerank?: number;
  /** Louvain community, numbered by size (0 = largest), ties by smallest member id. */
  community?: number;
}

export interface IgnoredInput {
  duplicateNodes: number;
  selfLoops: number;
  /** Links folded into a pair already joined by another link (parallel links, reverse orientation). */
  duplicateEdges: number;
  /** Edges whose source or target is not in `nodes`. */
  unknownEndpoints: number;
}

export interface MetricsResult {
  /** One entry per distinct node, in input order. */
  nodes: NodeMetrics[];
  nodeCount: number;
  /** Node pairs joined by at least one link, after cleaning. */
  edgeCount: number;
  components: number;
  /** Modularity of the Louvain partition; null when not requested or the network has no edges. */
  modularity: number | null;
  /** Number of Louvain communities; null when not requested. */
  communityCount: number | null;
  ignored: IgnoredInput;
  /** Non-fatal numerical notes, e.g. a power iteration that needed the looser networkx tolerance. */
  warnings: string[];
}

export interface ArticulationPoint {
  id: string;
  /** Number of pieces the node's own component falls into when the node is removed (>= 2). */
  splitsInto: number;
  /** Node counts of those pieces, largest first. */
  pieceSizes: number[];
}

export interface Bridge {
  source: string;
  target: string;
  /** Nodes left on the source's side when the edge is cut. */
  sourceSideSize: number;
  /** Nodes left on the target's side when the edge is cut. */
  targetSideSize: number;
}

export interface BrokersResult {
  /** In input node order. */
  articulationPoints: ArticulationPoint[];
  /** Once per pair, in input order of the pair's first link, with that link's orientation. */
  bridges: Bridge[];
  components: number;
  ignored: IgnoredInput;
}

// graphology stops when the summed change is below n * tolerance. networkx's
// default (1e-6) leaves karate eigenvector values ~8e-6 away from the true
// eigenvector, so iterate far tighter and only fall back to networkx's own
// stopping rule if that does not converge.
const TIGHT_TOLERANCE = 1e-12;
const NETWORKX_TOLERANCE = 1e-6;
const MAX_ITERATIONS = 1000;
const PAGERANK_ALPHA = 0.85;
export const DEFAULT_LOUVAIN_SEED = 0x5eed;
// One Louvain run visits nodes in a random order and can stop in a poor local optimum (on
// karate, 0.398 for about one seed in five against the best 0.4198). Small networks are run
// several times from the same seeded stream and the partition of highest modularity kept; the
// number of runs shrinks with size so the work stays within about LOUVAIN_WORK (nodes + links)
// and a large network runs once (one run on 5,000 nodes and 15,000 links takes ~0.3-1 s).
const LOUVAIN_MAX_RUNS = 8;
const LOUVAIN_WORK = 20_000;

interface Prepared {
  /** Distinct node ids in canonical order (sorted by id); every index below refers to this order. */
  ids: string[];
  /** Canonical index of each distinct node in input order (the order results are listed in). */
  inputOrder: Int32Array;
  n: number;
  /** Node pairs joined by at least one link. */
  m: number;
  /** Pairs as parallel arrays, src < dst, sorted by (src, dst). */
  src: Int32Array;
  dst: Int32Array;
  /** Aggregated weight of each pair (see `prepare`). */
  weight: Float64Array;
  /** Number of links joining each pair (parallel links and both orientations counted). */
  links: Int32Array;
  /** Input position of each pair's first link, and whether that link ran src -> dst. */
  firstLink: Int32Array;
  firstForward: Uint8Array;
  /** CSR adjacency: neighbours of v are adj[offsets[v] .. offsets[v + 1]). */
  offsets: Int32Array;
  adj: Int32Array;
  /** Pair index of each adjacency slot. */
  adjEdge: Int32Array;
  ignored: IgnoredInput;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Cleans the input into a simple undirected graph in a canonical order, so that every metric (and
 * Louvain's seeded walk) gives the same answer whatever order the nodes and links arrive in.
 *
 * Links joining the same pair (several types, or A->B and B->A) become one pair, with `links`
 * counting them. A pair's weight is 1 when no link carries a weight (unweighted analysis, whatever
 * the number of parallel links); otherwise the sum of its links' weights, a missing weight counting
 * as 1 (call counts in both directions add up). Weights are summed smallest first so the sum does
 * not depend on input order either.
 */
function prepare(net: SubNetwork): Prepared {
  const ignored: IgnoredInput = {
    duplicateNodes: 0,
    selfLoops: 0,
    duplicateEdges: 0,
    unknownEndpoints: 0,
  };

  const inputIds: string[] = [];
  const distinct = new Set<string>();
  for (const node of net.nodes) {
    if (distinct.has(node.id)) {
      ignored.duplicateNodes++;
      continue;
    }
    distinct.add(node.id);
    inputIds.push(node.id);
  }
  const ids = [...inputIds].sort(byCodeUnits);
  const index = new Map<string, number>();
  ids.forEach((id, v) => index.set(id, v));
  const inputOrder = Int32Array.from(inputIds, (id) => index.get(id)!);

  const n = ids.length;
  // Pair key -> its links' weights (undefined when absent) and first occurrence.
  const pairs = new Map<number, { weights: (number | undefined)[]; first: number; forward: boolean }>();
  let weighted = false;

  net.edges.forEach((edge, position) => {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined) {
      ignored.unknownEndpoints++;
      return;
    }
    if (s === t) {
      ignored.selfLoops++;
      return;
    }
    const w = edge.weight;
    // Zero or negative weights make PageRank's row normalisation divide by zero.
    if (w !== undefined && (typeof w !== 'number' || !Number.isFinite(w) || w <= 0)) {
      throw new RangeError(
        `Edge ${edge.source} -> ${edge.target} has weight ${String(w)}; weights must be finite and > 0`,
      );
    }
    if (w !== undefined) weighted = true;
    // Exact as long as n < 2^26, far beyond any sub-network we analyse.
    const key = s < t ? s * n + t : t * n + s;
    const pair = pairs.get(key);
    if (pair) {
      ignored.duplicateEdges++;
      pair.weights.push(w);
    } else {
      pairs.set(key, { weights: [w], first: position, forward: s < t });
    }
  });

  const keys = [...pairs.keys()].sort((a, b) => a - b);
  const m = keys.length;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const weight = new Float64Array(m);
  const links = new Int32Array(m);
  const firstLink = new Int32Array(m);
  const firstForward = new Uint8Array(m);
  keys.forEach((key, e) => {
    const pair = pairs.get(key)!;
    src[e] = Math.floor(key / n);
    dst[e] = key % n;
    links[e] = pair.weights.length;
    firstLink[e] = pair.first;
    firstForward[e] = pair.forward ? 1 : 0;
    weight[e] = weighted
      ? pair.weights
          .map((x) => x ?? 1)
          .sort((a, b) => a - b)
          .reduce((sum, x) => sum + x, 0)
      : 1;
  });

  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[src[e] + 1]++;
    offsets[dst[e] + 1]++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];

  const adj = new Int32Array(2 * m);
  const adjEdge = new Int32Array(2 * m);
  const fill = offsets.slice(0, n);
  for (let e = 0; e < m; e++) {
    const s = src[e];
    const t = dst[e];
    adj[fill[s]] = t;
    adjEdge[fill[s]++] = e;
    adj[fill[t]] = s;
    adjEdge[fill[t]++] = e;
  }

  return { ids, inputOrder, n, m, src, dst, weight, links, firstLink, firstForward, offsets, adj, adjEdge, ignored };
}

/**
 * Renumbers labels 0..k-1 by group size (largest first), ties by the group's first node in
 * canonical order, i.e. its smallest id: the same partition always gets the same numbers.
 */
function rankBySize(labels: ArrayLike<number>, n: number): { ranked: Int32Array; count: number } {
  const firstSeen = new Map<number, number>();
  const sizes = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const label = labels[v];
    if (!firstSeen.has(label)) firstSeen.set(label, v);
    sizes.set(label, (sizes.get(label) ?? 0) + 1);
  }
  const order = [...firstSeen.keys()].sort(
    (a, b) => sizes.get(b)! - sizes.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!,
  );
  const rank = new Map<number, number>();
  order.forEach((label, i) => rank.set(label, i));
  const ranked = new Int32Array(n);
  for (let v = 0; v < n; v++) ranked[v] = rank.get(labels[v])!;
  return { ranked, count: order.length };
}

function connectedComponents(g: Prepared): { ranked: Int32Array; count: number } {
  const { n, offsets, adj } = g;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let next = 0;
  for (let root = 0; root < n; root++) {
    if (label[root] !== -1) continue;
    label[root] = next;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const v = queue[head++];
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = adj[k];
        if (label[w] === -1) {
          label[w] = next;
          queue[tail++] = w;
        }
      }
    }
    next++;
  }
  return rankBySize(label, n);
}

/** Sources per multi-source BFS batch: one bit of an int32 mask each. */
const LANES = 32;

/** Growable Int32Array-backed list, for per-batch scratch that is reused across batches. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Int32Array(capacity);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}

/** Node order of a BFS sweep over all components; batching neighbours together overlaps their searches. */
function sweepOrder(g: Prepared): Int32Array {
  const { n, offsets, adj } = g;
  const order = new Int32Array(n);
  const visited = new Uint8Array(n);
  let tail = 0;
  for (let root = 0; root < n; root++) {
    if (visited[root]) continue;
    visited[root] = 1;
    order[tail++] = root;
    for (let head = tail - 1; head < tail; head++) {
      const v = order[head];
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = adj[k];
        if (!visited[w]) {
          visited[w] = 1;
          order[tail++] = w;
        }
      }
    }
  }
  return order;
}

/**
 * Exact Brandes betweenness and Wasserman-Faust closeness, computed by a
 * bit-parallel multi-source BFS (Then et al., VLDB 2014) over batches of 32
 * sources.
 *
 * Hand-written rather than graphology-metrics' betweenness/closeness: on a
 * 5,000-node / 15,000-edge network those take ~4.8 s and ~1.7 s on our
 * hardware, and even a flat typed-array one-source-at-a-time Brandes ~3 s,
 * dominated by the 2m neighbour checks per source. Batching 32 sources in the
 * bits of an int32 cuts those checks ~8x; what remains is the unavoidable
 * per-(source, shortest-path-DAG edge) arithmetic.
 */
function shortestPathMetrics(
  g: Prepared,
  wantBetweenness: boolean,
  wantCloseness: boolean,
): { betweenness: Float64Array; closeness: Float64Array } {
  const { n, offsets, adj } = g;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  if (n === 0) return { betweenness, closeness };

  const sources = sweepOrder(g);
  // Bit b of seen[v] / next[v]: v already reached / reached at the next level from the batch's source b.
  const seen = new Int32Array(n);
  const next = new Int32Array(n);
  const discovered = new Int32Array(n);
  // Per (node, lane), node-major and interleaved so both share a cache line:
  // [2i] shortest-path count sigma, [2i + 1] dependency accumulator acc.
  const paths = new Float64Array(wantBetweenness ? 2 * n * LANES : 0);
  // BFS levels as (node, lane mask) entries; levelStart[l] indexes the first entry of level l.
  const levelNode = new IntList(4 * n);
  const levelMask = new IntList(4 * n);
  const levelStart = new IntList(64);
  // Shortest-path DAG edges as (parent slot, child slot, lane mask); arcStart[l] ends the arcs into level l + 1.
  const arcFrom = new IntList(wantBetweenness ? 2 * g.m : 0);
  const arcTo = new IntList(wantBetweenness ? 2 * g.m : 0);
  const arcMask = new IntList(wantBetweenness ? 2 * g.m : 0);
  const arcStart = new IntList(64);
  const reached = new Int32Array(LANES);
  const distanceSum = new Float64Array(LANES);

  for (let first = 0; first < n; first += LANES) {
    const lanes = Math.min(LANES, n - first);
    seen.fill(0);
    reached.fill(0);
    distanceSum.fill(0);
    levelNode.length = levelMask.length = levelStart.length = 0;
    arcFrom.length = arcTo.length = arcMask.length = arcStart.length = 0;

    levelNode.reserve(lanes);
    levelMask.reserve(lanes);
    for (let b = 0; b < lanes; b++) {
      const s = sources[first + b];
      seen[s] = 1 << b;
      if (wantBetweenness) paths[2 * (s * LANES + b)] = 1;
      levelNode.data[levelNode.length++] = s;
      levelMask.data[levelMask.length++] = 1 << b;
    }
    levelStart.reserve(2);
    levelStart.data[levelStart.length++] = 0;
    levelStart.data[levelStart.length++] = lanes;

    // Forward: expand one level for all lanes at once.
    for (let level = 1; ; level++) {
      const from = levelStart.data[level - 1];
      const to = levelStart.data[level];
      const nodes = levelNode.data;
      const masks = levelMask.data;
      let found = 0;
      for (let i = from; i < to; i++) {
        const v = nodes[i];
        const frontier = masks[i];
        const vSlot = 2 * LANES * v;
        const start = offsets[v];
        const end = offsets[v + 1];
        if (wantBetweenness) {
          arcFrom.reserve(end - start);
          arcTo.reserve(end - start);
          arcMask.reserve(end - start);
        }
        const fromSlots = arcFrom.data;
        const toSlots = arcTo.data;
        const arcMasks = arcMask.data;
        let arcs = arcFrom.length;
        for (let k = start; k < end; k++) {
          const w = adj[k];
          const fresh = frontier & ~seen[w];
          if (fresh === 0) continue;
          const earlier = next[w];
          if (earlier === 0) discovered[found++] = w;
          next[w] = earlier | fresh;
          if (!wantBetweenness) continue;
          const wSlot = 2 * LANES * w;
          fromSlots[arcs] = vSlot;
          toSlots[arcs] = wSlot;
          arcMasks[arcs++] = fresh;
          // First arc into (w, lane) initialises its slots, so the buffers never need clearing.
          let bits = fresh & ~earlier;
          while (bits !== 0) {
            const low = bits & -bits;
            const b = 2 * (31 - Math.clz32(low));
            paths[wSlot + b] = paths[vSlot + b];
            paths[wSlot + b + 1] = 0;
            bits ^= low;
          }
          bits = fresh & earlier;
          while (bits !== 0) {
            const low = bits & -bits;
            const b = 2 * (31 - Math.clz32(low));
            paths[wSlot + b] += paths[vSlot + b];
            bits ^= low;
          }
        }
        arcFrom.length = arcTo.length = arcMask.length = arcs;
      }
      arcStart.reserve(1);
      arcStart.data[arcStart.length++] = arcFrom.length;
      if (found === 0) break;

      levelNode.reserve(found);
      levelMask.reserve(found);
      for (let i = 0; i < found; i++) {
        const w = discovered[i];
        const mask = next[w];
        seen[w] |= mask;
        next[w] = 0;
        levelNode.data[levelNode.length++] = w;
        levelMask.data[levelMask.length++] = mask;
        if (wantCloseness) {
          let bits = mask;
          do {
            const low = bits & -bits;
            const b = 31 - Math.clz32(low);
            reached[b]++;
            distanceSum[b] += level;
            bits ^= low;
          } while (bits !== 0);
        }
      }
      levelStart.reserve(1);
      levelStart.data[levelStart.length++] = levelNode.length;
    }

    if (wantCloseness && n > 1) {
      for (let b = 0; b < lanes; b++) {
        if (distanceSum[b] > 0) {
          closeness[sources[first + b]] = (reached[b] / distanceSum[b]) * (reached[b] / (n - 1));
        }
      }
    }

    if (!wantBetweenness) continue;

    // Backward, deepest level first. With acc[w] = sum over children c of
    // (1 + delta[c]) / sigma[c], Brandes' dependency is delta[w] = sigma[w] * acc[w];
    // once a level is final, acc is turned into (1 + delta) / sigma for its parents.
    const levels = levelStart.length - 1;
    for (let level = levels - 1; level >= 1; level--) {
      for (let i = levelStart.data[level], end = levelStart.data[level + 1]; i < end; i++) {
        const v = levelNode.data[i];
        const vSlot = 2 * LANES * v;
        let bits = levelMask.data[i];
        let dependency = 0;
        do {
          const low = bits & -bits;
          const b = 2 * (31 - Math.clz32(low));
          const s = paths[vSlot + b];
          const a = paths[vSlot + b + 1];
          dependency += s * a;
          paths[vSlot + b + 1] = a + 1 / s;
          bits ^= low;
        } while (bits !== 0);
        betweenness[v] += dependency;
      }
      // Sources (level 0) need no dependency of their own.
      if (level < 2) continue;
      for (let j = arcStart.data[level - 2], end = arcStart.data[level - 1]; j < end; j++) {
        const vSlot = arcFrom.data[j];
        const wSlot = arcTo.data[j];
        let bits = arcMask.data[j];
        do {
          const low = bits & -bits;
          const b = 2 * (31 - Math.clz32(low)) + 1;
          paths[vSlot + b] += paths[wSlot + b];
          bits ^= low;
        } while (bits !== 0);
      }
    }
  }

  // Every unordered pair was counted from both ends, which is exactly what
  // networkx's normalised rescale 1 / ((n - 1)(n - 2)) expects.
  if (wantBetweenness && n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v++) betweenness[v] *= scale;
  }

  return { betweenness, closeness };
}

/** Lengths within this relative difference are one length: sums of 1 / weight are rarely exact. */
const LENGTH_TIE = 1e-9;

/**
 * Brandes betweenness and Wasserman-Faust closeness over pair lengths, one Dijkstra search per
 * source (networkx betweenness_centrality(G, weight=...) and closeness_centrality(G, distance=...),
 * normalised alike). Lengths must be finite and > 0.
 *
 * No predecessor lists: u precedes v on a shortest path when dist[u] + length(u, v) equals dist[v]
 * (within LENGTH_TIE), which is checked again over v's neighbours when v is settled (path counts)
 * and on the way back (dependencies). An indexed heap with decrease-key holds each node once.
 */
function weightedShortestPathMetrics(
  g: Prepared,
  length: Float64Array,
  wantBetweenness: boolean,
  wantCloseness: boolean,
): { betweenness: Float64Array; closeness: Float64Array } {
  const { n, offsets, adj, adjEdge } = g;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const dist = new Float64Array(n).fill(Infinity);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const settled = new Uint8Array(n);
  const order = new Int32Array(n);
  const heap = new Int32Array(n);
  const pos = new Int32Array(n).fill(-1);
  let size = 0;
  const before = (a: number, b: number) => dist[a] < dist[b] || (dist[a] === dist[b] && a < b);
  const up = (v: number) => {
    let i = pos[v];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const u = heap[p];
      if (!before(v, u)) break;
      heap[i] = u;
      pos[u] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  };
  const pop = (): number => {
    const top = heap[0];
    pos[top] = -1;
    const last = heap[--size];
    if (size > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && before(heap[r], heap[l]) ? r : l;
        if (!before(heap[c], last)) break;
        heap[i] = heap[c];
        pos[heap[i]] = i;
        i = c;
      }
      heap[i] = last;
      pos[last] = i;
    }
    return top;
  };
  /** Whether u lies just before v on a shortest path from the current source. */
  const precedes = (u: number, v: number, len: number) => settled[u] === 1 && dist[u] + len - dist[v] <= LENGTH_TIE * dist[v];

  for (let s = 0; s < n; s++) {
    let count = 0;
    dist[s] = 0;
    pos[s] = size++;
    up(s);
    while (size > 0) {
      const v = pop();
      const dv = dist[v];
      let paths = v === s ? 1 : 0;
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const u = adj[k];
        if (precedes(u, v, length[adjEdge[k]])) paths += sigma[u];
      }
      sigma[v] = paths;
      settled[v] = 1;
      order[count++] = v;
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = adj[k];
        if (settled[w]) continue;
        const d = dv + length[adjEdge[k]];
        if (d < dist[w]) {
          dist[w] = d;
          if (pos[w] === -1) pos[w] = size++;
          up(w);
        }
      }
    }
    if (wantCloseness && n > 1 && count > 1) {
      let total = 0;
      for (let i = 1; i < count; i++) total += dist[order[i]];
      const reached = count - 1;
      if (total > 0) closeness[s] = (reached / total) * (reached / (n - 1));
    }
    if (wantBetweenness) {
      for (let i = count - 1; i > 0; i--) {
        const w = order[i];
        const share = (1 + delta[w]) / sigma[w];
        for (let k = offsets[w], end = offsets[w + 1]; k < end; k++) {
          const u = adj[k];
          if (precedes(u, w, length[adjEdge[k]])) delta[u] += sigma[u] * share;
        }
        betweenness[w] += delta[w];
      }
    }
    for (let i = 0; i < count; i++) {
      const v = order[i];
      dist[v] = Infinity;
      sigma[v] = 0;
      delta[v] = 0;
      settled[v] = 0;
    }
  }
  // As in the unweighted case: every pair counted from both ends.
  if (wantBetweenness && n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v++) betweenness[v] *= scale;
  }
  return { betweenness, closeness };
}

/** The best of a few seeded Louvain runs (see LOUVAIN_WORK); the first run wins ties. */
function bestLouvain(graph: UndirectedGraph, g: Prepared, seed: number): DetailedLouvainOutput {
  const rng = mulberry32(seed);
  const runs = Math.max(1, Math.min(LOUVAIN_MAX_RUNS, Math.floor(LOUVAIN_WORK / (g.n + g.m))));
  let best: DetailedLouvainOutput | undefined;
  for (let run = 0; run < runs; run++) {
    const result = louvain.detailed(graph, { getEdgeWeight: 'weight', rng });
    if (!best || result.modularity > best.modularity) best = result;
  }
  return best!;
}

function toGraphology(g: Prepared): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const id of g.ids) graph.addNode(id);
  for (let e = 0; e < g.m; e++) {
    graph.addEdge(g.ids[g.src[e]], g.ids[g.dst[e]], { weight: g.weight[e] });
  }
  return graph;
}

/**
 * Runs a graphology power iteration tightly, then with networkx's own stopping
 * rule, so we return converged values when possible and networkx's otherwise.
 */
function powerIteration(
  name: string,
  run: (tolerance: number) => Record<string, number>,
  warnings: string[],
): Record<string, number> | null {
  const failedToConverge = (error: unknown) => error instanceof Error && /failed to converge/.test(error.message);
  try {
    return run(TIGHT_TOLERANCE);
  } catch (error) {
    if (!failedToConverge(error)) throw error;
  }
  try {
    const result = run(NETWORKX_TOLERANCE);
    warnings.push(
      `${name}: no convergence to ${TIGHT_TOLERANCE} in ${MAX_ITERATIONS} iterations; used networkx's default tolerance ${NETWORKX_TOLERANCE}`,
    );
    return result;
  } catch (error) {
    if (!failedToConverge(error)) throw error;
    warnings.push(`${name}: power iteration did not converge in ${MAX_ITERATIONS} iterations; values omitted`);
    return null;
  }
}


export function computeMetrics(net: SubNetwork, opts: MetricsOptions = {}): MetricsResult {
  const wanted = new Set<MetricName>(opts.metrics ?? METRIC_NAMES);
  const weighting = opts.weighting ?? 'none';
  if (!['none', 'strength', 'distance'].includes(weighting)) throw new RangeError(`Unknown weighting ${String(weighting)}`);
  const g = prepare(net);
  const { n, ids, offsets } = g;
  const warnings: string[] = [];
  const components = connectedComponents(g);

  // Indexed canonically; listed in input order.
  const nodes: NodeMetrics[] = ids.map((id, v) => ({ id, component: components.ranked[v] }));

  const result: MetricsResult = {
    nodes: Array.from(g.inputOrder, (v) => nodes[v]),
    nodeCount: n,
    edgeCount: g.m,
    components: components.count,
    modularity: null,
    communityCount: null,
    ignored: g.ignored,
    warnings,
  };

  if (n === 0) {
    if (wanted.has('community')) result.communityCount = 0;
    return result;
  }

  if (wanted.has('degree')) {
    for (let v = 0; v < n; v++) {
      const degree = offsets[v + 1] - offsets[v];
      nodes[v].degree = degree;
      nodes[v].degreeCentrality = n > 1 ? degree / (n - 1) : 1;
      if (weighting === 'none') continue;
      let strength = 0;
      for (let k = offsets[v]; k < offsets[v + 1]; k++) strength += g.weight[g.adjEdge[k]];
      nodes[v].strength = strength;
    }
  }

  const wantBetweenness = wanted.has('betweenness');
  const wantCloseness = wanted.has('closeness');
  if (wantBetweenness || wantCloseness) {
    const { betweenness, closeness } =
      weighting === 'none'
        ? shortestPathMetrics(g, wantBetweenness, wantCloseness)
        : weightedShortestPathMetrics(
            g,
            weighting === 'strength' ? g.weight.map((w) => 1 / w) : g.weight,
            wantBetweenness,
            wantCloseness,
          );
    for (let v = 0; v < n; v++) {
      if (wantBetweenness) nodes[v].betweenness = betweenness[v];
      if (wantCloseness) nodes[v].closeness = closeness[v];
    }
  }

  const wantEigenvector = wanted.has('eigenvector');
  const wantPagerank = wanted.has('pagerank');
  const wantCommunity = wanted.has('community');
  if (!wantEigenvector && !wantPagerank && !wantCommunity) return result;

  const graph = toGraphology(g);

  if (wantEigenvector) {
    const scores = powerIteration(
      'eigenvector',
      (tolerance) =>
        eigenvectorCentrality(graph, {
          getEdgeWeight: weighting === 'none' ? null : 'weight',
          tolerance,
          maxIterations: MAX_ITERATIONS,
        }),
      warnings,
    );
    if (scores) for (const node of nodes) node.eigenvector = scores[node.id];
  }

  if (wantPagerank) {
    const scores = powerIteration(
      'pagerank',
      (tolerance) =>
        pagerank(graph, {
          getEdgeWeight: 'weight',
          alpha: PAGERANK_ALPHA,
          tolerance,
          maxIterations: MAX_ITERATIONS,
        }),
      warnings,
    );
    if (scores) for (const node of nodes) node.pagerank = scores[node.id];
  }

  if (wantCommunity) {
    const detailed = bestLouvain(graph, g, opts.seed ?? DEFAULT_LOUVAIN_SEED);
    const labels = Int32Array.from(ids, (id) => detailed.communities[id]);
    const { ranked, count } = rankBySize(labels, n);
    for (let v = 0; v < n; v++) nodes[v].community = ranked[v];
    result.communityCount = count;
    // Modularity is undefined without edges (networkx divides by zero).
    if (g.m > 0) {
      result.modularity = modularity(graph, {
        getEdgeWeight: 'weight',
        getNodeCommunity: (node) => detailed.communities[node],
      });
    }
  }

  return result;
}

/**
 * Articulation points and bridges via Tarjan's low-link DFS, run iteratively
 * with explicit stacks because recursion overflows on long chains of 10k+ nodes.
 */
export function brokers(net: SubNetwork): BrokersResult {
  const g = prepare(net);
  const { n, ids, offsets, adj, adjEdge } = g;

  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentEdge = new Int32Array(n);
  const cursor = new Int32Array(n);
  const subtree = new Int32Array(n);
  const stack = new Int32Array(n);
  // Sizes of the DFS-child subtrees that a node's removal would cut off.
  const cutOff = new Map<number, number[]>();
  // Pair index -> DFS child endpoint, for bridges.
  const bridgeChild = new Map<number, number>();
  const apDetails = new Map<number, number[]>();
  const bridgeSides = new Map<number, [number, number]>();

  let time = 0;
  let components = 0;

  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    components++;
    const componentStart = time;
    const touched: number[] = [];
    const componentBridges: number[] = [];

    disc[root] = low[root] = time++;
    parentEdge[root] = -1;
    cursor[root] = offsets[root];
    subtree[root] = 1;
    let sp = 0;
    stack[sp++] = root;

    while (sp > 0) {
      const v = stack[sp - 1];
      if (cursor[v] < offsets[v + 1]) {
        const k = cursor[v]++;
        if (adjEdge[k] === parentEdge[v]) continue;
        const w = adj[k];
        if (disc[w] === -1) {
          disc[w] = low[w] = time++;
          parentEdge[w] = adjEdge[k];
          cursor[w] = offsets[w];
          subtree[w] = 1;
          stack[sp++] = w;
        } else if (disc[w] < low[v]) {
          low[v] = disc[w];
        }
        continue;
      }

      sp--;
      if (sp === 0) break;
      const p = stack[sp - 1];
      if (low[v] < low[p]) low[p] = low[v];
      subtree[p] += subtree[v];
      if (low[v] >= disc[p]) {
        let pieces = cutOff.get(p);
        if (!pieces) {
          pieces = [];
          cutOff.set(p, pieces);
          touched.push(p);
        }
        pieces.push(subtree[v]);
      }
      // A pair joined by several links is never a bridge: cutting one link leaves the others.
      if (low[v] > disc[p] && g.links[parentEdge[v]] === 1) {
        bridgeChild.set(parentEdge[v], v);
        componentBridges.push(parentEdge[v]);
      }
    }

    const componentSize = time - componentStart;
    for (const v of touched) {
      const pieces = cutOff.get(v)!;
      if (v === root) {
        // Every root child hangs off the root alone; one child means no split.
        if (pieces.length < 2) continue;
      } else {
        const rest = componentSize - 1 - pieces.reduce((a, b) => a + b, 0);
        pieces.push(rest);
      }
      apDetails.set(v, pieces.sort((a, b) => b - a));
    }
    for (const e of componentBridges) {
      const child = bridgeChild.get(e)!;
      const childSide = subtree[child];
      const otherSide = componentSize - childSide;
      bridgeSides.set(e, g.src[e] === child ? [childSide, otherSide] : [otherSide, childSide]);
    }
  }

  const articulationPoints: ArticulationPoint[] = [];
  for (const v of g.inputOrder) {
    const pieces = apDetails.get(v);
    if (pieces) articulationPoints.push({ id: ids[v], splitsInto: pieces.length, pieceSizes: pieces });
  }

  const bridges: Bridge[] = [];
  const bridgePairs = [...bridgeSides.keys()].sort((a, b) => g.firstLink[a] - g.firstLink[b]);
  for (const e of bridgePairs) {
    const sides = bridgeSides.get(e)!;
    const forward = g.firstForward[e] === 1;
    bridges.push({
      source: ids[forward ? g.src[e] : g.dst[e]],
      target: ids[forward ? g.dst[e] : g.src[e]],
      sourceSideSize: forward ? sides[0] : sides[1],
      targetSideSize: forward ? sides[1] : sides[0],
    });
  }

  return { articulationPoints, bridges, components, ignored: g.ignored };
}
