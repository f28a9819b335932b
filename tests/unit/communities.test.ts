import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import graphologyModularity from 'graphology-metrics/graph/modularity.js';
import { describe, expect, it } from 'vitest';
import { brokers, computeMetrics, DEFAULT_LOUVAIN_SEED, type MetricsResult, type SubNetwork } from '../../server/analysis/metrics.js';
import { mulberry32 } from '../../server/domain/random.js';
import { karate } from '../fixtures/karate.js';

/**
 * Louvain communities and bridges on networks as they arrive from the graph: in any order, with
 * several links between the same two entities (several types, or both ways).
 */

type Edge = { source: string; target: string; weight?: number };
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The partition as a set of sets: members sorted, communities sorted. */
function partition(result: MetricsResult): string[][] {
  const groups = new Map<number, string[]>();
  for (const n of result.nodes) (groups.get(n.community!) ?? groups.set(n.community!, []).get(n.community!)!).push(n.id);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));

/** The same network in another order: nodes and links shuffled, some links reversed. */
function reordered(net: SubNetwork, seed: number): SubNetwork {
  const rng = mulberry32(seed);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return {
    nodes: shuffle(net.nodes),
    edges: shuffle(net.edges).map((e) => (rng() < 0.5 ? { ...e, source: e.target, target: e.source } : e)),
  };
}

/** Aggregated simple graph, built independently: one edge per pair, weights summed when any link has one. */
function simpleGraph(net: SubNetwork): UndirectedGraph {
  const weighted = net.edges.some((e) => e.weight !== undefined);
  const graph = new UndirectedGraph();
  for (const { id } of net.nodes) graph.mergeNode(id);
  for (const { source, target, weight } of net.edges) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    const w = weighted ? (weight ?? 1) : 1;
    if (graph.hasEdge(source, target)) {
      if (weighted) graph.updateEdgeAttribute(source, target, 'weight', (x: number) => x + w);
    } else graph.addEdge(source, target, { weight: w });
  }
  return graph;
}

/** Newman's modularity by hand: sum over communities of (internal weight / W) - (strength / 2W)^2. */
function handModularity(graph: UndirectedGraph, community: (id: string) => number): number {
  let total = 0;
  const internal = new Map<number, number>();
  const strength = new Map<number, number>();
  graph.forEachEdge((_e, attrs, s, t) => {
    const w = attrs.weight as number;
    total += w;
    const cs = community(s);
    const ct = community(t);
    if (cs === ct) internal.set(cs, (internal.get(cs) ?? 0) + w);
    strength.set(cs, (strength.get(cs) ?? 0) + w);
    strength.set(ct, (strength.get(ct) ?? 0) + w);
  });
  let q = 0;
  for (const [c, s] of strength) q += (internal.get(c) ?? 0) / total - (s / (2 * total)) ** 2;
  return q;
}

/** Random network with repeated pairs, reversed duplicates, self-loops and (optionally) weights. */
const networks = fc
  .record({
    n: fc.integer({ min: 1, max: 24 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined })), { maxLength: 70 }),
    weighted: fc.boolean(),
    // Ids that do not sort the way they were generated, so canonical order differs from input order.
    names: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 24, maxLength: 24 }),
  })
  .map(({ n, links, weighted, names }): SubNetwork => ({
    nodes: names.slice(0, n).map((id) => ({ id })),
    edges: links.map(([a, b, w]) => ({ source: names[a % n], target: names[b % n], ...(weighted && w !== undefined ? { weight: w } : {}) })),
  }));

describe('Louvain communities do not depend on input order', () => {
  it('gives the same partition, labels, modularity and every other value whatever the order of nodes and links', () => {
    fc.assert(
      fc.property(networks, fc.integer(), fc.integer(), (net, shuffleSeed, louvainSeed) => {
        const a = computeMetrics(net, { seed: louvainSeed });
        const b = computeMetrics(reordered(net, shuffleSeed), { seed: louvainSeed });
        expect(partition(b)).toEqual(partition(a));
        expect(b.modularity).toBe(a.modularity);
        expect(b.communityCount).toBe(a.communityCount);
        expect(b.communityCount).toBe(partition(b).length);
        // Every value per entity, community and component numbers included, bit for bit.
        expect(byId(b.nodes)).toEqual(byId(a.nodes));
        expect(b.edgeCount).toBe(a.edgeCount);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same answer for the same seed, and lists nodes in input order', () => {
    fc.assert(
      fc.property(networks, fc.integer(), (net, seed) => {
        const a = computeMetrics(net, { seed });
        const b = computeMetrics(net, { seed });
        expect(b).toEqual(a);
        expect(a.nodes.map((n) => n.id)).toEqual(net.nodes.map((n) => n.id));
      }),
      { numRuns: 50 },
    );
  });

  it('on karate, in reverse and shuffled orders', () => {
    const base = computeMetrics(karate, { metrics: ['community'] });
    for (let seed = 1; seed <= 10; seed++) {
      const other = computeMetrics(reordered(karate, seed), { metrics: ['community'] });
      expect(byId(other.nodes)).toEqual(byId(base.nodes));
      expect(other.modularity).toBe(base.modularity);
    }
  });

  it('numbers communities by size, ties by their smallest member id', () => {
    // Two triangles of equal size and an isolate: the triangle holding "a" is community 0.
    const net: SubNetwork = {
      nodes: ['z', 'y', 'x', 'c', 'b', 'a', 'm'].map((id) => ({ id })),
      edges: [['z', 'y'], ['y', 'x'], ['x', 'z'], ['c', 'b'], ['b', 'a'], ['a', 'c']].map(([source, target]) => ({ source, target })),
    };
    const community = new Map(computeMetrics(net, { metrics: ['community'] }).nodes.map((n) => [n.id, n.community]));
    expect(['a', 'b', 'c'].map((id) => community.get(id))).toEqual([0, 0, 0]);
    expect(['x', 'y', 'z'].map((id) => community.get(id))).toEqual([1, 1, 1]);
    expect(community.get('m')).toBe(2);
  });
});

describe('modularity of the partition returned', () => {
  it('agrees with graphology-metrics and with a hand computation, weighted or not, parallel links aggregated', () => {
    fc.assert(
      fc.property(networks, fc.integer(), (net, seed) => {
        const result = computeMetrics(net, { metrics: ['community'], seed });
        const graph = simpleGraph(net);
        if (graph.size === 0) {
          expect(result.modularity).toBeNull();
          return;
        }
        const community = new Map(result.nodes.map((n) => [n.id, n.community!]));
        const library = graphologyModularity(graph, { getEdgeWeight: 'weight', getNodeCommunity: (id) => community.get(id)! });
        expect(Math.abs(result.modularity! - library)).toBeLessThan(1e-12);
        expect(Math.abs(result.modularity! - handModularity(graph, (id) => community.get(id)!))).toBeLessThan(1e-12);
        expect(result.edgeCount).toBe(graph.size);
      }),
      { numRuns: 100 },
    );
  });

  it('sums the weights of parallel links (both directions) and ignores their number when unweighted', () => {
    const square = (edges: Edge[]): SubNetwork => ({ nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id })), edges });
    // A-B called 2 + 3 times (both ways), C-D 5 times, the cross links once each.
    const parallel = square([
      { source: 'a', target: 'b', weight: 2 }, { source: 'b', target: 'a', weight: 3 },
      { source: 'c', target: 'd', weight: 5 }, { source: 'b', target: 'c', weight: 1 }, { source: 'd', target: 'a', weight: 1 },
    ]);
    const folded = square([
      { source: 'a', target: 'b', weight: 5 }, { source: 'c', target: 'd', weight: 5 },
      { source: 'b', target: 'c', weight: 1 }, { source: 'd', target: 'a', weight: 1 },
    ]);
    const p = computeMetrics(parallel);
    expect(byId(p.nodes)).toEqual(byId(computeMetrics(folded).nodes));
    expect(p.modularity).toBe(computeMetrics(folded).modularity);
    expect(p.edgeCount).toBe(4);
    expect(p.ignored.duplicateEdges).toBe(1);
    expect(partition(p)).toEqual([['a', 'b'], ['c', 'd']]);
    // By hand: W = 12; each pair holds 5 inside and strength 6 + 6, so Q = 2 * (5/12 - (12/24)^2) = 1/3.
    expect(Math.abs(p.modularity! - 1 / 3)).toBeLessThan(1e-12);

    const unweighted = (net: SubNetwork): SubNetwork => ({ ...net, edges: net.edges.map(({ source, target }) => ({ source, target })) });
    const u = computeMetrics(unweighted(parallel));
    expect(byId(u.nodes)).toEqual(byId(computeMetrics(unweighted(folded)).nodes));
    expect(u.modularity).toBe(computeMetrics(unweighted(folded)).modularity);
  });
});

describe('Louvain on Zachary karate club', () => {
  it('reaches the published modularity (optimum 0.4198, Brandes et al. 2008) with 4 communities', () => {
    const result = computeMetrics(karate, { metrics: ['community'] });
    expect(result.communityCount).toBe(4);
    expect(result.modularity!).toBeGreaterThanOrEqual(0.41);
    expect(result.modularity!).toBeLessThanOrEqual(0.4198 + 5e-5);
    expect(result.modularity!).toBeCloseTo(0.4198, 4);
    expect(computeMetrics(karate, { metrics: ['community'], seed: DEFAULT_LOUVAIN_SEED })).toEqual(result);
  });

  it('stays in the published Louvain range (0.41 to 0.42) for other seeds', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const result = computeMetrics(karate, { metrics: ['community'], seed });
      expect(result.modularity!, `seed ${seed}`).toBeGreaterThanOrEqual(0.41);
      expect(result.modularity!, `seed ${seed}`).toBeLessThanOrEqual(0.4198 + 5e-5);
      expect(result.communityCount, `seed ${seed}`).toBe(4);
    }
  });
});

describe('bridges on a network with parallel links', () => {
  // Two triangles a-b-c and d-e-f, joined c-d; a leaf x on a.
  const triangles = (extra: Edge[]): SubNetwork => ({
    nodes: ['a', 'b', 'c', 'd', 'e', 'f', 'x'].map((id) => ({ id })),
    edges: [['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'e'], ['e', 'f'], ['f', 'd']].map(([source, target]) => ({ source, target })).concat(extra),
  });

  it('a pair joined by two links is not a bridge; a single link is, listed once', () => {
    const result = brokers(triangles([
      { source: 'c', target: 'd' }, { source: 'd', target: 'c' }, // both ways: not a bridge
      { source: 'a', target: 'x' }, // one link: a bridge
    ]));
    expect(result.bridges).toEqual([{ source: 'a', target: 'x', sourceSideSize: 6, targetSideSize: 1 }]);
    // Removing an entity removes all its links: c and d still split the network.
    expect(result.articulationPoints.map((p) => p.id)).toEqual(['a', 'c', 'd']);
  });

  it('the same pair joined once is a bridge, listed once, in the orientation of its first link', () => {
    const result = brokers(triangles([{ source: 'd', target: 'c' }, { source: 'x', target: 'a' }]));
    expect(result.bridges).toEqual([
      { source: 'd', target: 'c', sourceSideSize: 3, targetSideSize: 4 },
      { source: 'x', target: 'a', sourceSideSize: 1, targetSideSize: 6 },
    ]);
  });

  it('agrees with deleting each link in turn on random multigraphs, in any order', () => {
    fc.assert(
      fc.property(networks, fc.integer(), (net, shuffleSeed) => {
        const ids = net.nodes.map((n) => n.id);
        const known = new Set(ids);
        const links = net.edges.filter((e) => e.source !== e.target && known.has(e.source) && known.has(e.target));
        const components = (without: number) => {
          const parent = new Map(ids.map((id) => [id, id]));
          const find = (v: string): string => (parent.get(v) === v ? v : find(parent.get(v)!));
          links.forEach((e, i) => { if (i !== without) parent.set(find(e.source), find(e.target)); });
          return new Set(ids.map(find)).size;
        };
        const whole = components(-1);
        const expected = new Set<string>();
        links.forEach((e, i) => { if (components(i) > whole) expected.add(pairKey(e.source, e.target)); });

        const result = brokers(net);
        const listed = result.bridges.map((b) => pairKey(b.source, b.target));
        expect(new Set(listed)).toEqual(expected);
        expect(listed).toHaveLength(expected.size); // once per pair
        expect(result.components).toBe(whole);

        const other = brokers(reordered(net, shuffleSeed));
        expect(new Set(other.bridges.map((b) => pairKey(b.source, b.target)))).toEqual(expected);
        expect(new Set(other.articulationPoints.map((p) => JSON.stringify(p)))).toEqual(new Set(result.articulationPoints.map((p) => JSON.stringify(p))));
      }),
      { numRuns: 150 },
    );
  });
});
