import { describe, it, expect } from 'vitest';
import { UndirectedGraph } from 'graphology';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness.js';
import { computeMetrics, type SubNetwork, type Weighting } from '../../server/analysis/metrics.js';
import { mulberry32 } from '../../server/domain/random.js';
import { LES_MISERABLES_BETWEENNESS, LES_MISERABLES_EDGES, LES_MISERABLES_WEIGHTED_BETWEENNESS } from '../fixtures/lesmis.js';

// ---------------------------------------------------------------------------
// Reference values by brute force: every simple path between every pair is enumerated and its
// length summed, so the shortest paths, their number and their length are found without any
// shortest-path algorithm. Lengths within a relative 1e-9 are equal, as in the module.
// ---------------------------------------------------------------------------

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Pair weights: counts of the links joining a pair summed, a missing count being 1. */
function pairWeights(net: SubNetwork): Map<string, number> {
  const w = new Map<string, number>();
  for (const e of net.edges) w.set(key(e.source, e.target), (w.get(key(e.source, e.target)) ?? 0) + (e.weight ?? 1));
  return w;
}

function brute(net: SubNetwork, weighting: Exclude<Weighting, 'none'>) {
  const ids = net.nodes.map((n) => n.id);
  const weights = pairWeights(net);
  const len = new Map([...weights].map(([k, w]) => [k, weighting === 'strength' ? 1 / w : w]));
  const nbrs = new Map(ids.map((id) => [id, ids.filter((o) => o !== id && len.has(key(id, o)))]));
  const n = ids.length;
  const betweenness = new Map(ids.map((id) => [id, 0]));
  const distances = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [s, t] = [ids[i], ids[j]];
      const found: { length: number; inner: string[] }[] = [];
      const walk = (path: string[], length: number) => {
        const at = path[path.length - 1];
        if (at === t) return void found.push({ length, inner: path.slice(1, -1) });
        for (const o of nbrs.get(at)!) if (!path.includes(o)) walk([...path, o], length + len.get(key(at, o))!);
      };
      walk([s], 0);
      if (!found.length) continue;
      const best = Math.min(...found.map((p) => p.length));
      const shortest = found.filter((p) => p.length - best <= 1e-9 * best);
      distances.set(key(s, t), best);
      for (const p of shortest) for (const v of p.inner) betweenness.set(v, betweenness.get(v)! + 1 / shortest.length);
    }
  }
  const closeness = new Map<string, number>();
  for (const u of ids) {
    const ds = ids.filter((v) => v !== u && distances.has(key(u, v))).map((v) => distances.get(key(u, v))!);
    const total = ds.reduce((a, b) => a + b, 0);
    closeness.set(u, total > 0 ? (ds.length / total) * (ds.length / (n - 1)) : 0);
  }
  // networkx normalisation of an undirected graph: each unordered pair once, times 2 / ((n-1)(n-2)).
  for (const id of ids) betweenness.set(id, (betweenness.get(id)! * 2) / ((n - 1) * (n - 2)));
  const strength = new Map(ids.map((id) => [id, ids.reduce((sum, o) => sum + (weights.get(key(id, o)) ?? 0), 0)]));
  return { betweenness, closeness, strength };
}

const valuesOf = (net: SubNetwork, weighting: Weighting) =>
  new Map(computeMetrics(net, { weighting, metrics: ['degree', 'betweenness', 'closeness'] }).nodes.map((n) => [n.id, n]));

function expectMatchesBruteForce(net: SubNetwork, weighting: Exclude<Weighting, 'none'>) {
  const ref = brute(net, weighting);
  const got = valuesOf(net, weighting);
  for (const { id } of net.nodes) {
    const m = got.get(id)!;
    expect(m.betweenness, `betweenness of ${id}`).toBeCloseTo(ref.betweenness.get(id)!, 12);
    expect(m.closeness, `closeness of ${id}`).toBeCloseTo(ref.closeness.get(id)!, 12);
    expect(m.strength, `strength of ${id}`).toBe(ref.strength.get(id)!);
  }
}

const top = (values: Map<string, { betweenness?: number }>) =>
  [...values].sort((a, b) => b[1].betweenness! - a[1].betweenness! || (a[0] < b[0] ? -1 : 1))[0][0];

/**
 * Two tight groups of phones, L (a1-a3) and R (b1-b3). X talks once to every one of them, so every
 * route between the groups is two links through X. Y talks to a1 and b1 only, but fifty times each:
 * by volume, Y is the broker.
 */
const brokerByVolume: SubNetwork = (() => {
  const edges: { source: string; target: string; weight: number }[] = [];
  for (const group of [['a1', 'a2', 'a3'], ['b1', 'b2', 'b3']]) {
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) edges.push({ source: group[i], target: group[j], weight: 10 });
    for (const p of group) edges.push({ source: 'X', target: p, weight: 1 });
  }
  edges.push({ source: 'a1', target: 'Y', weight: 50 }, { source: 'Y', target: 'b1', weight: 50 });
  return { nodes: ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'X', 'Y'].map((id) => ({ id })), edges };
})();

function randomNet(seed: number, n: number, p: number): SubNetwork {
  const rng = mulberry32(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
  const edges: SubNetwork['edges'][number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (rng() >= p) continue;
      // Some pairs joined twice, in either direction, to check that counts are summed per pair.
      const [s, t] = rng() < 0.5 ? [nodes[i].id, nodes[j].id] : [nodes[j].id, nodes[i].id];
      edges.push({ source: s, target: t, weight: 1 + Math.floor(rng() * 4) });
      if (rng() < 0.3) edges.push({ source: t, target: s, weight: 1 + Math.floor(rng() * 3) });
    }
  }
  return { nodes, edges };
}

describe('weighted metrics', () => {
  it('strength is the sum of the counts of a node’s links, both directions and parallel links summed', () => {
    const net: SubNetwork = {
      nodes: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
      edges: [
        { source: 'A', target: 'B', weight: 3 },
        { source: 'B', target: 'A', weight: 2 },
        { source: 'B', target: 'C' },
      ],
    };
    const got = valuesOf(net, 'strength');
    expect([got.get('A')!.strength, got.get('B')!.strength, got.get('C')!.strength]).toEqual([5, 6, 1]);
    expect([got.get('A')!.degree, got.get('B')!.degree, got.get('C')!.degree]).toEqual([1, 2, 1]);
    // Unweighted, there is no strength (the API reports the degree).
    const plain = valuesOf({ ...net, edges: net.edges.map(({ source, target }) => ({ source, target })) }, 'none');
    expect(plain.get('B')!.strength).toBeUndefined();
  });

  it('betweenness and closeness with length = 1 / count match a brute-force enumeration of paths', () => {
    expectMatchesBruteForce(brokerByVolume, 'strength');
    for (const seed of [1, 2, 3]) expectMatchesBruteForce(randomNet(seed, 9, 0.35), 'strength');
  });

  it('betweenness and closeness with length = count match a brute-force enumeration of paths', () => {
    expectMatchesBruteForce(brokerByVolume, 'distance');
    for (const seed of [4, 5, 6]) expectMatchesBruteForce(randomNet(seed, 9, 0.35), 'distance');
  });

  it('counts as distances give graphology’s Dijkstra betweenness, on a larger network', () => {
    const net = randomNet(7, 60, 0.08);
    const weights = pairWeights(net);
    const graph = new UndirectedGraph();
    for (const { id } of net.nodes) graph.addNode(id);
    for (const [k, w] of weights) graph.addEdge(k.split('|')[0], k.split('|')[1], { length: w });
    const reference = graphologyBetweenness(graph, { getEdgeWeight: 'length', normalized: true });
    const got = valuesOf(net, 'distance');
    for (const { id } of net.nodes) expect(got.get(id)!.betweenness, id).toBeCloseTo(reference[id], 10);
  });

  it('finds the broker by call volume that unweighted betweenness misses', () => {
    expect(top(valuesOf(brokerByVolume, 'none'))).toBe('X');
    const weighted = valuesOf(brokerByVolume, 'strength');
    expect(top(weighted)).toBe('Y');
    // Every route between the groups now runs a1-Y-b1: X lies on no shortest path at all.
    expect(weighted.get('X')!.betweenness).toBe(0);
    // Read as distances, the heavy links push Y out of every shortest path.
    expect(valuesOf(brokerByVolume, 'distance').get('Y')!.betweenness).toBe(0);
  });

  it('gives the same values whatever the order of nodes and links', () => {
    const net = randomNet(8, 30, 0.15);
    const shuffled: SubNetwork = { nodes: [...net.nodes].reverse(), edges: [...net.edges].reverse().map((e) => ({ ...e, source: e.target, target: e.source })) };
    for (const w of ['strength', 'distance'] as const) {
      const a = valuesOf(net, w);
      const b = valuesOf(shuffled, w);
      for (const { id } of net.nodes) expect(b.get(id)).toEqual(a.get(id));
    }
  });

  it('weights eigenvector centrality only when a weighting is chosen', () => {
    const net = brokerByVolume;
    const eig = (w: Weighting) => new Map(computeMetrics(net, { weighting: w, metrics: ['eigenvector'] }).nodes.map((n) => [n.id, n.eigenvector!]));
    const plain = eig('none');
    const weighted = eig('strength');
    // Unweighted, X (degree 6) leads; weighted, the heavy a1-Y-b1 links lift a1 and b1 above X.
    expect(plain.get('X')!).toBeGreaterThan(plain.get('a1')!);
    expect(weighted.get('a1')!).toBeGreaterThan(weighted.get('X')!);
    // Reference: the Perron vector of the weighted adjacency matrix by plain power iteration.
    const ids = net.nodes.map((n) => n.id);
    const weights = pairWeights(net);
    let x = ids.map(() => 1 / ids.length);
    for (let it = 0; it < 5000; it++) {
      const y = ids.map((u, i) => x[i] + ids.reduce((s, v, j) => s + (weights.get(key(u, v)) ?? 0) * x[j], 0));
      const norm = Math.hypot(...y);
      x = y.map((v) => v / norm);
    }
    ids.forEach((id, i) => expect(weighted.get(id)!, id).toBeCloseTo(x[i], 8));
  });
});

// ---------------------------------------------------------------------------
// Published reference values (networkx's test suite) for weighted shortest-path centrality.


const lesMis = (weight: (w: number) => number | undefined): SubNetwork => ({
  nodes: [...new Set(LES_MISERABLES_EDGES.flatMap(([a, b]) => [a, b]))].map((id) => ({ id })),
  edges: LES_MISERABLES_EDGES.map(([source, target, w]) => ({ source, target, weight: weight(w) })),
});

describe('weighted metrics against published values', () => {
  const close = (got: Map<string, { betweenness?: number }>, want: Readonly<Record<string, number>>) => {
    expect(got.size).toBe(Object.keys(want).length);
    for (const [id, v] of Object.entries(want)) expect(Math.abs(got.get(id)!.betweenness! - v), id).toBeLessThanOrEqual(0.0005 + 1e-9);
  };

  it('Les Misérables, co-appearances read as distances: networkx betweenness_centrality(G, weight="weight")', () => {
    close(valuesOf(lesMis((w) => w), 'distance'), LES_MISERABLES_WEIGHTED_BETWEENNESS);
  });

  it('Les Misérables, counts as strength: a count of 1/w gives length w, so the same published values', () => {
    close(valuesOf(lesMis((w) => 1 / w), 'strength'), LES_MISERABLES_WEIGHTED_BETWEENNESS);
  });

  it('Les Misérables, unweighted: networkx betweenness_centrality(G)', () => {
    close(valuesOf(lesMis(() => undefined), 'none'), LES_MISERABLES_BETWEENNESS);
  });

  it('networkx weighted_G: betweenness with weight as distance (published unnormalised 2, 0, 4, 3, 4, 0)', () => {
    const edges: [number, number, number][] = [[0, 1, 3], [0, 2, 2], [0, 3, 6], [0, 4, 4], [1, 3, 5], [1, 5, 5], [2, 4, 1], [3, 4, 2], [3, 5, 1], [4, 5, 4]];
    const net: SubNetwork = { nodes: [0, 1, 2, 3, 4, 5].map((i) => ({ id: `n${i}` })), edges: edges.map(([a, b, w]) => ({ source: `n${a}`, target: `n${b}`, weight: w })) };
    const got = valuesOf(net, 'distance');
    // Normalised for an undirected graph of 6 nodes: times 2 / ((n - 1)(n - 2)) = 1 / 10.
    const want = [2, 0, 4, 3, 4, 0].map((x) => x / 10);
    want.forEach((x, i) => expect(got.get(`n${i}`)!.betweenness).toBeCloseTo(x, 12));
  });

  it('networkx weighted closeness (closeness_centrality(G, distance="weight"), published to 3 decimals)', () => {
    // The graph networkx builds from its edge list (a repeated pair keeps its last weight).
    const edges: [string, string, number][] = [['s', 'u', 10], ['s', 'x', 5], ['u', 'v', 1], ['u', 'x', 3], ['v', 'y', 6], ['x', 'v', 5], ['x', 'y', 2], ['y', 's', 7]];
    const net: SubNetwork = { nodes: ['s', 'u', 'v', 'x', 'y'].map((id) => ({ id })), edges: edges.map(([source, target, weight]) => ({ source, target, weight })) };
    const got = valuesOf(net, "distance");
    const want = { y: 0.2, x: 0.286, s: 0.138, u: 0.235, v: 0.2 };
    for (const [id, v] of Object.entries(want)) expect(Math.abs(got.get(id)!.closeness! - v), id).toBeLessThanOrEqual(0.0005 + 1e-9);
  });
});
