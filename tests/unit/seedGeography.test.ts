import { describe, expect, it } from 'vitest';
import { generateSeed, type EntityInput, type LinkInput } from '../../seed/generate.js';
import { cellsWithin, FORCE_OUTLINES, insideRing, polygonJson, REGION_OUTLINES, signedArea2, type Position } from '../../seed/geography.js';

/** The seed's area outlines: plausible force and region shapes that tile without overlapping. */
const entities: EntityInput[] = [];
const links: LinkInput[] = [];
for (const b of generateSeed({ size: 'demo', seed: 1 })) {
  entities.push(...b.entities);
  links.push(...b.links);
}
const areas = entities.filter((e) => e.type === 'Area');
const ringOf = (e: EntityInput): Position[] => {
  const g = JSON.parse(e.props.boundary as string) as { type: string; coordinates: Position[][] };
  return g.coordinates[0]!.slice(0, -1);
};
const ofKind = (kind: string) => areas.filter((a) => a.props.kind === kind);

const same = (a: Position, b: Position) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;
const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const edges = (r: Position[]) => r.map((p, i) => [p, r[(i + 1) % r.length]!] as const);
/** Two segments cross at a point inside both (touching at an end or running along each other is not crossing). */
function properCross([a, b]: readonly [Position, Position], [c, d]: readonly [Position, Position]): boolean {
  const d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  const eps = 1e-12;
  return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
}
const onEdge = (p: Position, r: Position[]) => edges(r).some(([a, b]) =>
  Math.abs(cross(a, b, p)) < 1e-9 && p[0] >= Math.min(a[0], b[0]) - 1e-9 && p[0] <= Math.max(a[0], b[0]) + 1e-9 &&
  p[1] >= Math.min(a[1], b[1]) - 1e-9 && p[1] <= Math.max(a[1], b[1]) + 1e-9);
/** Neither ring reaches into the other: no crossing edges, no vertex strictly inside the other. */
function overlap(r: Position[], s: Position[]): string | null {
  for (const e of edges(r)) for (const f of edges(s)) if (properCross(e, f)) return `edges cross near ${e[0].join(',')}`;
  for (const p of r) if (!onEdge(p, s) && insideRing(p, s)) return `vertex ${p.join(',')} inside`;
  for (const p of s) if (!onEdge(p, r) && insideRing(p, r)) return `vertex ${p.join(',')} inside`;
  return null;
}
const pairs = <T>(xs: T[]) => xs.flatMap((x, i) => xs.slice(i + 1).map((y) => [x, y] as const));

describe('area outlines in the seed', () => {
  it('forces and regions are closed counter-clockwise polygons of tens of vertices that do not cross themselves', () => {
    expect(ofKind('FORCE').map((a) => a.id).sort()).toEqual(['AREA-GMP', 'AREA-MER', 'AREA-WMP', 'AREA-WYP']);
    for (const a of [...ofKind('FORCE'), ...ofKind('REGION')]) {
      const g = JSON.parse(a.props.boundary as string);
      expect(g.type, a.id).toBe('Polygon');
      const closed = g.coordinates[0] as Position[];
      expect(closed[0], a.id).toEqual(closed[closed.length - 1]);
      const r = ringOf(a);
      expect(r.length, a.id).toBeGreaterThanOrEqual(20);
      expect(signedArea2(r), a.id).toBeGreaterThan(0);
      const es = edges(r);
      for (const [i, j] of pairs(es.map((_, k) => k))) {
        if (j === i + 1 || (i === 0 && j === es.length - 1)) continue;
        expect(properCross(es[i]!, es[j]!), `${a.id} edges ${i} and ${j}`).toBe(false);
      }
    }
  });

  it('forces do not overlap, and neighbours share their common edge', () => {
    const forces = ofKind('FORCE');
    for (const [a, b] of pairs(forces)) expect(overlap(ringOf(a), ringOf(b)), `${a.id} / ${b.id}`).toBeNull();
    const shared = (x: string, y: string) => ringOf(areas.find((a) => a.id === x)!).filter((p) => ringOf(areas.find((a) => a.id === y)!).some((q) => same(p, q))).length;
    expect(shared('AREA-GMP', 'AREA-MER')).toBeGreaterThanOrEqual(4);
    expect(shared('AREA-GMP', 'AREA-WYP')).toBeGreaterThanOrEqual(7);
    expect(shared('AREA-WMP', 'AREA-GMP')).toBe(0);
  });

  it('regions do not overlap and each holds its forces', () => {
    const regions = ofKind('REGION');
    expect(regions).toHaveLength(3);
    for (const [a, b] of pairs(regions)) expect(overlap(ringOf(a), ringOf(b)), `${a.id} / ${b.id}`).toBeNull();
    for (const l of links.filter((x) => x.type === 'PART_OF' && x.target.startsWith('AREA-R-'))) {
      const region = ringOf(areas.find((a) => a.id === l.target)!);
      for (const p of ringOf(areas.find((a) => a.id === l.source)!)) expect(onEdge(p, region) || insideRing(p, region), `${l.source} ${p.join(',')} in ${l.target}`).toBe(true);
    }
  });

  it('command units tile their force: each holds its centre, none overlaps another, together they cover the force', () => {
    for (const f of ofKind('FORCE')) {
      const units = links.filter((l) => l.type === 'PART_OF' && l.target === f.id).map((l) => areas.find((a) => a.id === l.source)!);
      expect(units.length, f.id).toBeGreaterThanOrEqual(5);
      for (const [a, b] of pairs(units)) expect(overlap(ringOf(a), ringOf(b)), `${a.id} / ${b.id}`).toBeNull();
      const total = units.reduce((s, u) => s + signedArea2(ringOf(u)), 0);
      expect(total / signedArea2(ringOf(f))).toBeCloseTo(1, 4);
    }
  });

  it('every seeded place with coordinates lies inside the force area of the command unit it is in', () => {
    const locatedIn = new Map(links.filter((l) => l.type === 'LOCATED_IN' && l.target.startsWith('AREA-')).map((l) => [l.source, l.target]));
    let checked = 0;
    for (const e of entities) {
      const { lat, lon } = e.props as { lat?: number; lon?: number };
      const unit = locatedIn.get(e.id);
      if (typeof lat !== 'number' || typeof lon !== 'number' || !unit) continue;
      const force = areas.find((a) => a.id === unit.split('-').slice(0, 2).join('-'))!;
      expect(insideRing([lon, lat], ringOf(force)), `${e.id} (${lon}, ${lat}) in ${force.id}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('outline helpers', () => {
  it('writes GeoJSON counter-clockwise and closed whatever the order given', () => {
    const cw: Position[] = [[0, 0], [0, 1], [1, 1], [1, 0]];
    const g = JSON.parse(polygonJson(cw)) as { coordinates: Position[][] };
    expect(g.coordinates[0]).toEqual([[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]]);
    expect(signedArea2(g.coordinates[0]!.slice(0, -1))).toBeGreaterThan(0);
    expect(JSON.parse(polygonJson([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])).coordinates[0]).toHaveLength(5);
  });

  it('cuts a square between two centres along the line halfway between them', () => {
    const square: Position[] = [[0, 0], [2, 0], [2, 1], [0, 1]];
    const [left, right] = cellsWithin(square, [[0.5, 0.5], [1.5, 0.5]]);
    // At latitude 0.5 the ground scale is all but 1: the cut is at x = 1.
    for (const p of left!) expect(p[0]).toBeLessThanOrEqual(1 + 1e-6);
    for (const p of right!) expect(p[0]).toBeGreaterThanOrEqual(1 - 1e-6);
    expect(Math.abs(signedArea2(left!)) + Math.abs(signedArea2(right!))).toBeCloseTo(Math.abs(signedArea2(square)), 6);
    expect(cellsWithin(square, [[1, 0.5]])[0]).toEqual(square);
  });
});
