import { describe, it, expect } from 'vitest';
import { UndirectedGraph } from 'graphology';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness.js';
import graphologyCloseness from 'graphology-metrics/centrality/closeness.js';
import {
  brokers,
  computeMetrics,
  type MetricsResult,
  type NodeMetrics,
  type SubNetwork,
} from '../../server/analysis/metrics.js';
import { karate, KARATE_EDGES } from '../fixtures/karate.js';
import { florentine, FLORENTINE_FAMILIES } from '../fixtures/florentine.js';
import { mulberry32 } from '../../server/domain/random.js';

// ---------------------------------------------------------------------------
// Independent reference implementations, deliberately naive (string-keyed
// maps, predecessor lists, dense loops) so they share no code or shortcuts
// with the module under test. Each follows the networkx source for the same
// measure, including its normalisation and stopping rule.
// ---------------------------------------------------------------------------

type Adjacency = Map<string, string[]>;
type Scores = Map<string, number>;

function adjacencyOf(net: SubNetwork): Adjacency {
  const sets = new Map<string, Set<string>>();
  for (const { id } of net.nodes) if (!sets.has(id)) sets.set(id, new Set());
  for (const { source, target } of net.edges) {
    if (source === target || !sets.has(source) || !sets.has(target)) continue;
    sets.get(source)!.add(target);
    sets.get(target)!.add(source);
  }
  return new Map([...sets].map(([id, neighbours]) => [id, [...neighbours]]));
}

/** Each unordered pair's links' weights summed (a missing weight counts 1); 1 per pair when no link has one. */
function weightsOf(net: SubNetwork): Map<string, number> {
  const weighted = net.edges.some((e) => e.weight !== undefined);
  const weights = new Map<string, number>();
  for (const { source, target, weight } of net.edges) {
    const key = pairKey(source, target);
    weights.set(key, weighted ? (weights.get(key) ?? 0) + (weight ?? 1) : 1);
  }
  return weights;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function bfsDistances(adj: Adjacency, source: string, removed?: string): Map<string, number> {
  const dist = new Map<string, number>([[source, 0]]);
  const queue = [source];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of adj.get(v)!) {
      if (w === removed || dist.has(w)) continue;
      dist.set(w, dist.get(v)! + 1);
      queue.push(w);
    }
  }
  return dist;
}

/** Brandes (2001), Algorithm 1, with explicit predecessor lists. */
function refBetweenness(adj: Adjacency): Scores {
  const cb: Scores = new Map([...adj.keys()].map((v) => [v, 0]));
  for (const s of adj.keys()) {
    const stack: string[] = [];
    const pred = new Map<string, string[]>();
    const sigma = new Map<string, number>();
    const dist = new Map<string, number>();
    for (const v of adj.keys()) {
      pred.set(v, []);
      sigma.set(v, 0);
      dist.set(v, -1);
    }
    sigma.set(s, 1);
    dist.set(s, 0);
    const queue = [s];
    while (queue.length > 0) {
      const v = queue.shift()!;
      stack.push(v);
      for (const w of adj.get(v)!) {
        if (dist.get(w)! < 0) {
          queue.push(w);
          dist.set(w, dist.get(v)! + 1);
        }
        if (dist.get(w) === dist.get(v)! + 1) {
          sigma.set(w, sigma.get(w)! + sigma.get(v)!);
          pred.get(w)!.push(v);
        }
      }
    }
    const delta = new Map([...adj.keys()].map((v) => [v, 0]));
    while (stack.length > 0) {
      const w = stack.pop()!;
      for (const v of pred.get(w)!) {
        delta.set(v, delta.get(v)! + (sigma.get(v)! / sigma.get(w)!) * (1 + delta.get(w)!));
      }
      if (w !== s) cb.set(w, cb.get(w)! + delta.get(w)!);
    }
  }
  // Undirected: every pair was seen from both ends. Normalise by the number of
  // pairs not involving v, (n-1)(n-2)/2, as networkx does.
  const n = adj.size;
  for (const [v, value] of cb) {
    const pairs = value / 2;
    cb.set(v, n > 2 ? pairs / (((n - 1) * (n - 2)) / 2) : pairs);
  }
  return cb;
}

/** networkx closeness_centrality(G, wf_improved=True). */
function refCloseness(adj: Adjacency): Scores {
  const n = adj.size;
  const out: Scores = new Map();
  for (const u of adj.keys()) {
    const dist = bfsDistances(adj, u);
    const total = [...dist.values()].reduce((a, b) => a + b, 0);
    const reached = dist.size - 1;
    out.set(u, total > 0 && n > 1 ? (reached / total) * (reached / (n - 1)) : 0);
  }
  return out;
}

/**
 * networkx eigenvector_centrality: power iteration on (A + I) from a uniform
 * start, L2-normalised, stopping when the summed change is below n * tol.
 */
function refEigenvector(adj: Adjacency, tol: number, maxIter = 100_000): Scores {
  const nodes = [...adj.keys()];
  const n = nodes.length;
  let x: Scores = new Map(nodes.map((v) => [v, 1 / n]));
  for (let iter = 0; iter < maxIter; iter++) {
    const last = x;
    x = new Map(last);
    for (const v of nodes) for (const w of adj.get(v)!) x.set(w, x.get(w)! + last.get(v)!);
    const norm = Math.hypot(...x.values()) || 1;
    for (const v of nodes) x.set(v, x.get(v)! / norm);
    let err = 0;
    for (const v of nodes) err += Math.abs(x.get(v)! - last.get(v)!);
    if (err < n * tol) return x;
  }
  throw new Error('reference eigenvector did not converge');
}

/** networkx pagerank (python variant): weighted, uniform teleport and dangling redistribution. */
function refPagerank(
  adj: Adjacency,
  weights: Map<string, number>,
  tol: number,
  alpha = 0.85,
  maxIter = 100_000,
): Scores {
  const nodes = [...adj.keys()];
  const n = nodes.length;
  const w = (a: string, b: string) => weights.get(pairKey(a, b)) ?? 1;
  const strength = new Map(nodes.map((v) => [v, adj.get(v)!.reduce((s, u) => s + w(v, u), 0)]));
  const dangling = nodes.filter((v) => strength.get(v) === 0);
  let x: Scores = new Map(nodes.map((v) => [v, 1 / n]));
  for (let iter = 0; iter < maxIter; iter++) {
    const last = x;
    x = new Map(nodes.map((v) => [v, 0]));
    const dangleSum = alpha * dangling.reduce((s, v) => s + last.get(v)!, 0);
    for (const v of nodes) {
      for (const u of adj.get(v)!) {
        x.set(u, x.get(u)! + (alpha * last.get(v)! * w(v, u)) / strength.get(v)!);
      }
      x.set(v, x.get(v)! + dangleSum / n + (1 - alpha) / n);
    }
    let err = 0;
    for (const v of nodes) err += Math.abs(x.get(v)! - last.get(v)!);
    if (err < n * tol) return x;
  }
  throw new Error('reference pagerank did not converge');
}

/** Newman-Girvan modularity from its definition, dense double sum. */
function refModularity(adj: Adjacency, weights: Map<string, number>, community: (id: string) => number): number {
  const nodes = [...adj.keys()];
  const a = (u: string, v: string) => (adj.get(u)!.includes(v) ? (weights.get(pairKey(u, v)) ?? 1) : 0);
  const k = new Map(nodes.map((v) => [v, adj.get(v)!.reduce((s, u) => s + a(v, u), 0)]));
  const twoM = [...k.values()].reduce((s, d) => s + d, 0);
  let q = 0;
  for (const u of nodes) {
    for (const v of nodes) {
      if (community(u) === community(v)) q += a(u, v) - (k.get(u)! * k.get(v)!) / twoM;
    }
  }
  return q / twoM;
}

function refComponents(adj: Adjacency, removed?: string, removedEdge?: [string, string]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  const blocked = (a: string, b: string) =>
    removedEdge !== undefined && pairKey(a, b) === pairKey(removedEdge[0], removedEdge[1]);
  for (const root of adj.keys()) {
    if (root === removed || seen.has(root)) continue;
    const component = [root];
    seen.add(root);
    for (let head = 0; head < component.length; head++) {
      const v = component[head];
      for (const w of adj.get(v)!) {
        if (w === removed || seen.has(w) || blocked(v, w)) continue;
        seen.add(w);
        component.push(w);
      }
    }
    out.push(component);
  }
  return out;
}

/** Articulation points and bridges by deleting each node/edge and recounting. */
function refBrokers(adj: Adjacency) {
  const base = refComponents(adj);
  const componentOf = new Map<string, string[]>();
  for (const c of base) for (const v of c) componentOf.set(v, c);

  const articulationPoints = [];
  for (const v of adj.keys()) {
    const own = new Set(componentOf.get(v));
    const pieces = refComponents(adj, v).filter((c) => own.has(c[0]));
    if (pieces.length >= 2) {
      articulationPoints.push({
        id: v,
        splitsInto: pieces.length,
        pieceSizes: pieces.map((c) => c.length).sort((x, y) => y - x),
      });
    }
  }

  const bridges = new Map<string, [number, number]>();
  for (const [u, neighbours] of adj) {
    for (const v of neighbours) {
      if (u > v) continue;
      const after = refComponents(adj, undefined, [u, v]);
      if (after.length > base.length) {
        const side = (x: string) => after.find((c) => c.includes(x))!.length;
        bridges.set(pairKey(u, v), [side(u), side(v)]);
      }
    }
  }
  return { articulationPoints, bridges, components: base.length };
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const TIGHT = 1e-13;

function byId(result: MetricsResult): Map<string, NodeMetrics> {
  return new Map(result.nodes.map((node) => [node.id, node]));
}

function expectClose(actual: number | undefined, expected: number, tolerance: number, label: string): void {
  expect(actual, label).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

function expectAllClose(
  result: MetricsResult,
  metric: keyof Omit<NodeMetrics, 'id'>,
  reference: Scores,
  tolerance: number,
): void {
  expect(result.nodes.length).toBe(reference.size);
  for (const node of result.nodes) {
    expectClose(node[metric], reference.get(node.id)!, tolerance, `${metric}(${node.id})`);
  }
}

function expectMatchesReferences(net: SubNetwork, result: MetricsResult, tolerance = 1e-6): void {
  const adj = adjacencyOf(net);
  const n = adj.size;
  for (const node of result.nodes) {
    const degree = adj.get(node.id)!.length;
    expect(node.degree, `degree(${node.id})`).toBe(degree);
    expectClose(node.degreeCentrality, n > 1 ? degree / (n - 1) : 1, 1e-15, `degreeCentrality(${node.id})`);
  }
  expectAllClose(result, 'betweenness', refBetweenness(adj), tolerance);
  expectAllClose(result, 'closeness', refCloseness(adj), tolerance);
  expectAllClose(result, 'eigenvector', refEigenvector(adj, TIGHT), tolerance);
  expectAllClose(result, 'pagerank', refPagerank(adj, weightsOf(net), TIGHT), tolerance);
}


/** Sparse random graph with exactly m distinct edges (isolates and several components likely). */
function randomNetwork(n: number, m: number, seed: number): SubNetwork {
  const rng = mulberry32(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
  const seen = new Set<string>();
  const edges: { source: string; target: string }[] = [];
  while (edges.length < m) {
    const a = Math.floor(rng() * n);
    const b = Math.floor(rng() * n);
    if (a === b || seen.has(pairKey(`n${a}`, `n${b}`))) continue;
    seen.add(pairKey(`n${a}`, `n${b}`));
    edges.push({ source: `n${a}`, target: `n${b}` });
  }
  return { nodes, edges };
}

function toGraphology(net: SubNetwork): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const { id } of net.nodes) graph.mergeNode(id);
  for (const { source, target } of net.edges) if (source !== target) graph.mergeEdge(source, target);
  return graph;
}

const path = (ids: string[]) => ids.slice(1).map((id, i) => ({ source: ids[i], target: id }));

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe('fixtures', () => {
  it('match the networkx graphs in size', () => {
    expect(karate.nodes).toHaveLength(34);
    expect(KARATE_EDGES).toHaveLength(78);
    expect(florentine.nodes).toHaveLength(15);
    expect(florentine.edges).toHaveLength(20);
    expect(FLORENTINE_FAMILIES).not.toContain('Pucci');
  });
});

describe('reference implementations reproduce published networkx outputs', () => {
  // networkx's published eigenvector/pagerank numbers stop at n * 1e-6, so the
  // references run with that rule here must hit them to the last digits.
  it('karate eigenvector and pagerank at networkx default tolerance', () => {
    const adj = adjacencyOf(karate);
    const eig = refEigenvector(adj, 1e-6);
    expectClose(eig.get('0'), 0.3554834941851943, 1e-12, 'eig 0');
    expectClose(eig.get('33'), 0.37337121301323506, 1e-12, 'eig 33');
    expectClose(eig.get('32'), 0.308651047733696, 1e-12, 'eig 32');
    expectClose(eig.get('16'), 0.023634794260596875, 1e-12, 'eig 16');
    const pr = refPagerank(adj, weightsOf(karate), 1e-6);
    expectClose(pr.get('0'), 0.09700181758983709, 1e-12, 'pr 0');
    expectClose(pr.get('33'), 0.1009179167487121, 1e-12, 'pr 33');
    expectClose(pr.get('2'), 0.057078423047636745, 1e-12, 'pr 2');
    expectClose(pr.get('11'), 0.009564916863537148, 1e-12, 'pr 11');
  });

  it('karate and Florentine betweenness and closeness', () => {
    const kb = refBetweenness(adjacencyOf(karate));
    expectClose(kb.get('0'), 0.43763528138528146, 1e-12, 'karate bc 0');
    expectClose(kb.get('33'), 0.30407497594997596, 1e-12, 'karate bc 33');
    const fc = refCloseness(adjacencyOf(florentine));
    expectClose(fc.get('Medici'), 0.56, 1e-12, 'Medici closeness');
  });
});

describe('computeMetrics on Zachary karate club', () => {
  const result = computeMetrics(karate);
  const nodes = byId(result);

  it('matches the reference implementations for every node', () => {
    expectMatchesReferences(karate, result);
    // Exact algorithms agree far beyond the required 1e-6.
    const adj = adjacencyOf(karate);
    expectAllClose(result, 'betweenness', refBetweenness(adj), 1e-12);
    expectAllClose(result, 'closeness', refCloseness(adj), 1e-12);
  });

  it('matches published networkx values', () => {
    const betweenness: Record<string, number> = {
      0: 0.43763528138528146,
      1: 0.053936688311688304,
      2: 0.14365680615680618,
      3: 0.011909271284271283,
      4: 0.0006313131313131313,
      5: 0.02998737373737374,
      6: 0.029987373737373736,
      7: 0,
      31: 0.13827561327561325,
      32: 0.145247113997114,
      33: 0.30407497594997596,
    };
    for (const [id, value] of Object.entries(betweenness)) {
      expectClose(nodes.get(id)!.betweenness, value, 1e-6, `betweenness(${id})`);
    }
    expectClose(nodes.get('0')!.closeness, 0.5689655172413793, 1e-6, 'closeness(0)');
    expectClose(nodes.get('2')!.closeness, 0.559322033898305, 1e-6, 'closeness(2)');
    expectClose(nodes.get('33')!.closeness, 0.55, 1e-6, 'closeness(33)');
    expect(nodes.get('33')!.degree).toBe(17);
    expectClose(nodes.get('33')!.degreeCentrality, 17 / 33, 1e-15, 'degreeCentrality(33)');

    // Published eigenvector/pagerank digits come from networkx's early stop
    // (n * 1e-6) and sit up to ~8e-6 from the converged values returned here.
    expectClose(nodes.get('0')!.eigenvector, 0.3554834941851943, 1e-5, 'eigenvector(0)');
    expectClose(nodes.get('33')!.eigenvector, 0.37337121301323506, 1e-5, 'eigenvector(33)');
    expectClose(nodes.get('0')!.pagerank, 0.09700181758983709, 1e-5, 'pagerank(0)');
    expectClose(nodes.get('33')!.pagerank, 0.1009179167487121, 1e-5, 'pagerank(33)');
  });

  it('has L2-normalised eigenvector and PageRank summing to 1', () => {
    expectClose(Math.hypot(...result.nodes.map((n) => n.eigenvector!)), 1, 1e-12, 'eigenvector norm');
    expectClose(
      result.nodes.reduce((s, n) => s + n.pagerank!, 0),
      1,
      1e-12,
      'pagerank sum',
    );
  });

  it('reports graph-level figures', () => {
    expect(result.nodeCount).toBe(34);
    expect(result.edgeCount).toBe(78);
    expect(result.components).toBe(1);
    expect(result.warnings).toEqual([]);
  });
});

describe('computeMetrics on the Florentine families', () => {
  const result = computeMetrics(florentine);
  const nodes = byId(result);

  it('matches the reference implementations for every node', () => {
    expectMatchesReferences(florentine, result);
  });

  it('matches published networkx betweenness for every family', () => {
    const published: Record<string, number> = {
      Acciaiuoli: 0,
      Medici: 0.521978021978022,
      Castellani: 0.05494505494505495,
      Peruzzi: 0.02197802197802198,
      Strozzi: 0.10256410256410257,
      Barbadori: 0.09340659340659341,
      Ridolfi: 0.11355311355311355,
      Tornabuoni: 0.09157509157509157,
      Albizzi: 0.21245421245421245,
      Salviati: 0.14285714285714288,
      Pazzi: 0,
      Bischeri: 0.1043956043956044,
      Guadagni: 0.2545787545787546,
      Ginori: 0,
      Lamberteschi: 0,
    };
    expect(Object.keys(published).sort()).toEqual([...FLORENTINE_FAMILIES].sort());
    for (const [id, value] of Object.entries(published)) {
      expectClose(nodes.get(id)!.betweenness, value, 1e-6, `betweenness(${id})`);
    }
  });

  it('matches the closeness values in the networkx test suite (3 decimals)', () => {
    const published: Record<string, number> = {
      Acciaiuoli: 0.368,
      Albizzi: 0.483,
      Barbadori: 0.4375,
      Bischeri: 0.4,
      Castellani: 0.389,
      Ginori: 0.333,
      Guadagni: 0.467,
      Lamberteschi: 0.326,
      Medici: 0.56,
      Pazzi: 0.286,
      Peruzzi: 0.368,
      Ridolfi: 0.5,
      Salviati: 0.389,
      Strozzi: 0.4375,
      Tornabuoni: 0.483,
    };
    for (const [id, value] of Object.entries(published)) {
      expectClose(nodes.get(id)!.closeness, value, 5e-4, `closeness(${id})`);
    }
    expectClose(nodes.get('Medici')!.closeness, 14 / 25, 1e-15, 'closeness(Medici)');
  });
});

describe('computeMetrics cross-checked against graphology-metrics', () => {
  it('betweenness and Wasserman-Faust closeness agree on a disconnected random graph', () => {
    const net = randomNetwork(400, 500, 7);
    const result = computeMetrics(net, { metrics: ['betweenness', 'closeness'] });
    expect(result.components).toBeGreaterThan(1);
    const graph = toGraphology(net);
    const bc = graphologyBetweenness(graph, { getEdgeWeight: null, normalized: true });
    const cc = graphologyCloseness(graph, { wassermanFaust: true });
    for (const node of result.nodes) {
      expectClose(node.betweenness, bc[node.id], 1e-12, `betweenness(${node.id})`);
      expectClose(node.closeness, cc[node.id], 1e-12, `closeness(${node.id})`);
    }
  });
});

describe('Louvain communities', () => {
  it('finds a partition of karate with modularity above 0.40', () => {
    const result = computeMetrics(karate, { metrics: ['community'] });
    expect(result.modularity).not.toBeNull();
    expect(result.modularity!).toBeGreaterThan(0.4);
    const community = new Map(result.nodes.map((n) => [n.id, n.community!]));
    const reference = refModularity(adjacencyOf(karate), weightsOf(karate), (id) => community.get(id)!);
    expectClose(result.modularity!, reference, 1e-12, 'modularity');
  });

  it('is deterministic across runs and numbers communities by size', () => {
    const first = computeMetrics(karate, { metrics: ['community'] });
    const second = computeMetrics(karate, { metrics: ['community'] });
    expect(second.nodes.map((n) => n.community)).toEqual(first.nodes.map((n) => n.community));
    expect(second.modularity).toBe(first.modularity);

    const sizes = new Array<number>(first.communityCount!).fill(0);
    for (const node of first.nodes) sizes[node.community!]++;
    expect(sizes.every((size) => size > 0)).toBe(true);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('uses edge weights, as networkx does by default', () => {
    const net = randomNetwork(60, 120, 11);
    const rng = mulberry32(3);
    const weighted = {
      nodes: net.nodes,
      edges: net.edges.map((e) => ({ ...e, weight: 1 + Math.floor(rng() * 5) })),
    };
    const result = computeMetrics(weighted, { metrics: ['community'] });
    const community = new Map(result.nodes.map((n) => [n.id, n.community!]));
    const reference = refModularity(adjacencyOf(weighted), weightsOf(weighted), (id) => community.get(id)!);
    expectClose(result.modularity!, reference, 1e-12, 'weighted modularity');
  });
});

describe('brokers', () => {
  const triangles = (link: { source: string; target: string }[], extra: string[] = []): SubNetwork => ({
    nodes: ['a', 'b', 'c', ...extra, 'd', 'e', 'f'].map((id) => ({ id })),
    edges: [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'a' },
      { source: 'd', target: 'e' },
      { source: 'e', target: 'f' },
      { source: 'f', target: 'd' },
      ...link,
    ],
  });

  it('finds the cut vertices and bridges of two triangles joined through a path', () => {
    const result = brokers(triangles(path(['c', 'p', 'd']), ['p']));
    expect(result.components).toBe(1);
    expect(result.articulationPoints).toEqual([
      { id: 'c', splitsInto: 2, pieceSizes: [4, 2] },
      { id: 'p', splitsInto: 2, pieceSizes: [3, 3] },
      { id: 'd', splitsInto: 2, pieceSizes: [4, 2] },
    ]);
    expect(result.bridges).toEqual([
      { source: 'c', target: 'p', sourceSideSize: 3, targetSideSize: 4 },
      { source: 'p', target: 'd', sourceSideSize: 4, targetSideSize: 3 },
    ]);
  });

  it('finds the single bridge between two triangles', () => {
    const result = brokers(triangles([{ source: 'd', target: 'c' }]));
    expect(result.articulationPoints.map((a) => a.id)).toEqual(['c', 'd']);
    expect(result.bridges).toEqual([{ source: 'd', target: 'c', sourceSideSize: 3, targetSideSize: 3 }]);
  });

  it('counts pieces when the DFS starts at the cut vertex', () => {
    const star: SubNetwork = {
      nodes: ['hub', 'x', 'y', 'z'].map((id) => ({ id })),
      edges: [
        { source: 'hub', target: 'x' },
        { source: 'hub', target: 'y' },
        { source: 'z', target: 'hub' },
      ],
    };
    const result = brokers(star);
    expect(result.articulationPoints).toEqual([{ id: 'hub', splitsInto: 3, pieceSizes: [1, 1, 1] }]);
    expect(result.bridges).toHaveLength(3);
  });

  it('finds nothing in a cycle', () => {
    const ring = ['a', 'b', 'c', 'd', 'e'];
    const result = brokers({ nodes: ring.map((id) => ({ id })), edges: path([...ring, 'a']) });
    expect(result.articulationPoints).toEqual([]);
    expect(result.bridges).toEqual([]);
  });

  it('identifies Medici as the Florentine broker', () => {
    const result = brokers(florentine);
    const medici = result.articulationPoints.find((a) => a.id === 'Medici');
    expect(medici).toEqual({ id: 'Medici', splitsInto: 3, pieceSizes: [11, 2, 1] });
    expect(result.articulationPoints.map((a) => a.id).sort()).toEqual(['Albizzi', 'Guadagni', 'Medici', 'Salviati']);
    expect(result.bridges.map((b) => pairKey(b.source, b.target)).sort()).toEqual(
      [
        ['Acciaiuoli', 'Medici'],
        ['Medici', 'Salviati'],
        ['Salviati', 'Pazzi'],
        ['Albizzi', 'Ginori'],
        ['Guadagni', 'Lamberteschi'],
      ]
        .map(([a, b]) => pairKey(a, b))
        .sort(),
    );
  });

  it('agrees with brute-force deletion on fixtures and random graphs', () => {
    const networks: SubNetwork[] = [karate, florentine];
    for (let seed = 1; seed <= 25; seed++) networks.push(randomNetwork(40, 30 + seed * 2, seed));
    for (const net of networks) {
      const expected = refBrokers(adjacencyOf(net));
      const actual = brokers(net);
      expect(actual.components).toBe(expected.components);
      expect(actual.articulationPoints).toEqual(expected.articulationPoints);
      // Reference sides are ordered by node id; order the result's the same way.
      const actualBridges = new Map(
        actual.bridges.map((b) => [
          pairKey(b.source, b.target),
          b.source < b.target ? [b.sourceSideSize, b.targetSideSize] : [b.targetSideSize, b.sourceSideSize],
        ]),
      );
      expect(actualBridges).toEqual(expected.bridges);
    }
  });

  it('handles a 20,000-node chain without recursion limits', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `v${i}`);
    const result = brokers({ nodes: ids.map((id) => ({ id })), edges: path(ids) });
    expect(result.articulationPoints).toHaveLength(19_998);
    expect(result.bridges).toHaveLength(19_999);
    expect(result.articulationPoints[0]).toEqual({ id: 'v1', splitsInto: 2, pieceSizes: [19_998, 1] });
  });
});

describe('edge cases', () => {
  it('empty network', () => {
    const result = computeMetrics({ nodes: [], edges: [] });
    expect(result).toMatchObject({
      nodes: [],
      nodeCount: 0,
      edgeCount: 0,
      components: 0,
      modularity: null,
      communityCount: 0,
      warnings: [],
    });
    expect(brokers({ nodes: [], edges: [] })).toMatchObject({ articulationPoints: [], bridges: [], components: 0 });
  });

  it('single node follows networkx conventions', () => {
    const result = computeMetrics({ nodes: [{ id: 'solo' }], edges: [] });
    expect(result.nodes).toEqual([
      {
        id: 'solo',
        component: 0,
        degree: 0,
        degreeCentrality: 1,
        betweenness: 0,
        closeness: 0,
        eigenvector: 1,
        pagerank: 1,
        community: 0,
      },
    ]);
    expect(result.components).toBe(1);
    expect(result.modularity).toBeNull();
    expect(result.communityCount).toBe(1);
  });

  it('a single edge', () => {
    const result = computeMetrics({ nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'b' }] });
    for (const node of result.nodes) {
      expect(node).toMatchObject({ degree: 1, degreeCentrality: 1, betweenness: 0, closeness: 1 });
      expectClose(node.eigenvector, Math.SQRT1_2, 1e-12, 'eigenvector');
      expectClose(node.pagerank, 0.5, 1e-12, 'pagerank');
    }
  });

  it('disconnected pieces: networkx wf_improved closeness and betweenness', () => {
    // networkx test_wf_improved: path_graph(4) union path_graph([4, 5, 6]).
    const ids = ['0', '1', '2', '3', '4', '5', '6'];
    const net = { nodes: ids.map((id) => ({ id })), edges: [...path(ids.slice(0, 4)), ...path(ids.slice(4))] };
    const result = computeMetrics(net);
    const nodes = byId(result);
    const closeness: Record<string, number> = { 0: 0.25, 1: 0.375, 2: 0.375, 3: 0.25, 4: 2 / 9, 5: 1 / 3, 6: 2 / 9 };
    // Shortest-path pairs through each node, over the (n-1)(n-2)/2 = 15 pairs excluding it.
    const pairs: Record<string, number> = { 0: 0, 1: 2, 2: 2, 3: 0, 4: 0, 5: 1, 6: 0 };
    for (const id of ids) {
      expectClose(nodes.get(id)!.closeness, closeness[id], 1e-12, `closeness(${id})`);
      expectClose(nodes.get(id)!.betweenness, pairs[id] / 15, 1e-12, `betweenness(${id})`);
    }
    expect(result.components).toBe(2);
    expect(result.nodes.map((n) => n.component)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expectMatchesReferences(net, result);
  });

  it('disconnected pieces with isolates match the references', () => {
    const net: SubNetwork = {
      nodes: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'lonely'].map((id) => ({ id })),
      edges: [...path(['a', 'b', 'c', 'a']), ...path(['d', 'e', 'f', 'g', 'd', 'f'])],
    };
    const result = computeMetrics(net);
    expect(result.components).toBe(3);
    expect(byId(result).get('lonely')).toMatchObject({ component: 2, degree: 0, betweenness: 0, closeness: 0 });
    expectMatchesReferences(net, result);
    expectMatchesReferences(randomNetwork(80, 70, 5), computeMetrics(randomNetwork(80, 70, 5)));
  });

  it('ignores self-loops, duplicate nodes and unknown endpoints, and folds parallel links into one pair', () => {
    const noisy: SubNetwork = {
      nodes: [...karate.nodes, { id: '0' }, { id: '5' }],
      edges: [
        ...karate.edges,
        { source: '0', target: '0' },
        { source: '33', target: '33', weight: 7 },
        { source: '1', target: '0' },
        { source: '0', target: '1' },
        { source: '33', target: 'ghost' },
        { source: 'ghost', target: 'phantom' },
      ],
    };
    const clean = computeMetrics(karate);
    const result = computeMetrics(noisy);
    expect(result.nodes).toEqual(clean.nodes);
    expect(result.modularity).toBe(clean.modularity);
    expect(result.edgeCount).toBe(78);
    expect(result.ignored).toEqual({ duplicateNodes: 2, selfLoops: 2, duplicateEdges: 2, unknownEndpoints: 2 });
    expect(brokers(noisy)).toEqual({ ...brokers(karate), ignored: result.ignored });
  });

  it('PageRank follows edge weights; shortest-path measures ignore them', () => {
    const rng = mulberry32(99);
    const base = randomNetwork(50, 90, 21);
    const weighted = { nodes: base.nodes, edges: base.edges.map((e) => ({ ...e, weight: 0.5 + rng() * 4 })) };
    const result = computeMetrics(weighted);
    const unweighted = computeMetrics(base);
    expectAllClose(result, 'pagerank', refPagerank(adjacencyOf(weighted), weightsOf(weighted), TIGHT), 1e-9);
    expect(result.nodes.map((n) => n.betweenness)).toEqual(unweighted.nodes.map((n) => n.betweenness));
    expect(result.nodes.map((n) => n.eigenvector)).toEqual(unweighted.nodes.map((n) => n.eigenvector));
  });

  it('falls back to networkx stopping rule, then omits eigenvector, on slowly converging chains', () => {
    const chain = (length: number): SubNetwork => {
      const ids = Array.from({ length }, (_, i) => `c${i}`);
      return { nodes: ids.map((id) => ({ id })), edges: path(ids) };
    };
    const short = computeMetrics(chain(50), { metrics: ['eigenvector', 'pagerank'] });
    expect(short.warnings).toEqual([expect.stringMatching(/^eigenvector: .*networkx's default tolerance/)]);
    expectAllClose(short, 'eigenvector', refEigenvector(adjacencyOf(chain(50)), 1e-6, 1000), 1e-12);

    const long = computeMetrics(chain(200), { metrics: ['eigenvector', 'pagerank'] });
    expect(long.warnings).toEqual([expect.stringMatching(/^eigenvector: .*values omitted/)]);
    expect(long.nodes.every((n) => n.eigenvector === undefined && n.pagerank! > 0)).toBe(true);
  });

  it('rejects non-positive or non-finite weights', () => {
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() =>
        computeMetrics({ nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'b', weight }] }),
      ).toThrow(RangeError);
    }
  });

  it('computes only the requested metrics', () => {
    const result = computeMetrics(karate, { metrics: ['degree'] });
    expect(Object.keys(result.nodes[0]).sort()).toEqual(['component', 'degree', 'degreeCentrality', 'id']);
    expect(result.modularity).toBeNull();
    expect(result.communityCount).toBeNull();
  });
});

describe('performance', () => {
  // Timing is logged, not asserted: shared CI machines are too noisy for a hard limit.
  const timed = <T>(run: () => T): { value: T; wallMs: number; cpuMs: number } => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const value = run();
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
  };

  it('betweenness on a 5,000-node, 15,000-edge network', () => {
    const net = randomNetwork(5_000, 15_000, 2024);
    const { value: result, wallMs, cpuMs } = timed(() => computeMetrics(net, { metrics: ['betweenness'] }));
    console.log(
      `betweenness on 5,000 nodes / 15,000 edges: ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`,
    );
    expect(result.nodes).toHaveLength(5_000);
    expect(result.nodes.every((n) => Number.isFinite(n.betweenness) && n.betweenness! >= 0)).toBe(true);

    const all = timed(() => computeMetrics(net));
    console.log(
      `all metrics on 5,000 nodes / 15,000 edges: ${all.wallMs.toFixed(0)} ms wall, ${all.cpuMs.toFixed(0)} ms CPU`,
    );
  });
});
