import { describe, expect, it } from 'vitest';
import { anchorOf, fitProjection, flowPath, kmPerUnit, mercator, parseBoundary, pathOf, scaleBar, tilesFor } from '../../client/src/impact/geo.js';
import {
  bandScale, flowLanes, flowWidth, groupsOf, impactByArea, matrixTable, NEUTRAL, worstBand,
  type ImpactFlow, type MatrixRow, type MatrixSort,
} from '../../client/src/impact/model.js';
import { DEFAULT_HARM_TEMPLATE } from '../../server/domain/harm.js';

/** The pure parts of the impact map and matrix: geometry, the band scale, and the matrix table. */
const square = (x: number, y: number, s = 1) => JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });
const scale = bandScale([DEFAULT_HARM_TEMPLATE]);

describe('area geometry', () => {
  it.each([
    ['a Polygon', square(0, 50), 1],
    ['a MultiPolygon', JSON.stringify({ type: 'MultiPolygon', coordinates: [JSON.parse(square(0, 50)).coordinates, JSON.parse(square(3, 50)).coordinates] }), 2],
    ['a Feature', JSON.stringify({ type: 'Feature', properties: {}, geometry: JSON.parse(square(0, 50)) }), 1],
    ['a Point', JSON.stringify({ type: 'Point', coordinates: [0, 50] }), 0],
    ['broken JSON', '{"type":', 0],
    ['a ring with a bad position', JSON.stringify({ type: 'Polygon', coordinates: [[[0, 0], [1, 'x'], [1, 1], [0, 0]]] }), 0],
    ['nothing', null, 0],
  ])('parses %s', (_what, text, polygons) => {
    expect(parseBoundary(text)).toHaveLength(polygons);
  });

  it('projects with Web Mercator: north is up and latitude stretches towards the pole', () => {
    expect(mercator(-180, 0)).toEqual([0, 0.5]);
    expect(mercator(180, 0)[0]).toBe(1);
    const [, y50] = mercator(0, 50), [, y51] = mercator(0, 51), [, y60] = mercator(0, 60), [, y61] = mercator(0, 61);
    expect(y51).toBeLessThan(y50);
    expect(y60 - y61).toBeGreaterThan(y50 - y51);
  });

  it('fits the areas into the box, centred, keeping the aspect', () => {
    const shapes = [parseBoundary(square(0, 50)), parseBoundary(square(1, 50))];
    const proj = fitProjection(shapes, { x0: 0, y0: 0, x1: 1000, y1: 1000 });
    const [x0, y0] = proj.point(0, 51), [x1, y1] = proj.point(2, 50);
    expect(x0).toBeCloseTo(0, 6);
    expect(x1).toBeCloseTo(1000, 6);
    // Two degrees wide, one high (a little more, projected at 50°N): centred vertically.
    expect((y0 + y1) / 2).toBeCloseTo(500, 6);
    expect(y1 - y0).toBeGreaterThan(500 * 1.5);
    expect(y1 - y0).toBeLessThan(1000);
  });

  it('measures the map for its scale bar: a degree of longitude at the middle latitude is its length on the ground', () => {
    const box = { x0: 0, y0: 0, x1: 1000, y1: 1000 };
    const proj = fitProjection([parseBoundary(square(-2, 52))], box);
    const mid = proj.point(-2, 52.5)[1];
    expect(Math.abs(mid - 500)).toBeLessThan(10); // 52.5°N is near the middle (Mercator stretches northwards)
    const degreeUnits = proj.point(-1, 52.5)[0] - proj.point(-2, 52.5)[0];
    const km = kmPerUnit(proj, box) * degreeUnits;
    expect(km).toBeGreaterThan(111.32 * Math.cos((52.5 * Math.PI) / 180) * 0.99);
    expect(km).toBeLessThan(111.32 * Math.cos((52.5 * Math.PI) / 180) * 1.01);
    const bar = scaleBar(kmPerUnit(proj, box), 160)!;
    expect([1, 2, 5, 10, 20, 50]).toContain(bar.km);
    expect(bar.px).toBeLessThanOrEqual(160);
  });

  it('draws a path per ring and anchors labels at the centroid of the largest polygon', () => {
    const polys = parseBoundary(JSON.stringify({ type: 'MultiPolygon', coordinates: [JSON.parse(square(0, 0, 2)).coordinates, JSON.parse(square(5, 0, 0.5)).coordinates] }));
    const proj = fitProjection([polys], { x0: 0, y0: 0, x1: 100, y1: 100 });
    expect(pathOf(polys, proj).match(/M/g)).toHaveLength(2);
    const [cx, cy] = anchorOf(polys, proj)!;
    const [ex, ey] = proj.point(1, 1);
    expect(cx).toBeCloseTo(ex, 0);
    expect(cy).toBeCloseTo(ey, 0);
    expect(anchorOf([], proj)).toBeNull();
  });

  it('bows flows to the left of travel, further per lane, and stops short of the target', () => {
    const east = flowPath([0, 100], [100, 100], 0, 10);
    const west = flowPath([100, 100], [0, 100], 0, 10);
    const east2 = flowPath([0, 100], [100, 100], 1, 10);
    const ctrlY = (d: string) => Number(/Q[\d.-]+ ([\d.-]+)/.exec(d)![1]);
    expect(ctrlY(east.d)).toBeLessThan(100); // up (north) when travelling east
    expect(ctrlY(west.d)).toBeGreaterThan(100);
    expect(ctrlY(east2.d)).toBeLessThan(ctrlY(east.d));
    const end = /Q[\d.-]+ [\d.-]+ ([\d.-]+) ([\d.-]+)$/.exec(east.d)!;
    expect(Math.hypot(100 - Number(end[1]), 100 - Number(end[2]))).toBeCloseTo(10, 0);
  });

  it('lays tiles at the zoom of the projection, only when asked, capped', () => {
    const proj = fitProjection([parseBoundary(square(-2, 52, 2))], { x0: 0, y0: 0, x1: 1000, y1: 700 });
    const tiles = tilesFor('/tiles/{z}/{x}/{y}.png', proj, { x0: 0, y0: 0, x1: 1000, y1: 700 });
    expect(tiles.length).toBeGreaterThan(0);
    const z = tiles[0]!.z;
    expect(256 * 2 ** z).toBeGreaterThan(proj.scale / 1.5);
    expect(256 * 2 ** z).toBeLessThan(proj.scale * 1.5);
    expect(tiles[0]!.url).toBe(`/tiles/${z}/${tiles[0]!.x}/${tiles[0]!.y}.png`);
    expect(tilesFor('/t/{z}/{x}/{y}', proj, { x0: 0, y0: 0, x1: 1000, y1: 700 }, 3)).toHaveLength(3);
  });
});

const flow = (impactId: string, ocgId: string, toAreaId: string, band: string, harm: number, fromAreaId: string | null = 'HOME'): ImpactFlow =>
  ({ impactId, ocgId, ocgName: `Group ${ocgId}`, toAreaId, fromAreaId, band, harm, status: 'DISSEMINATED' });

describe('the band scale and the map', () => {
  it('orders bands by threshold from the templates, worst first, with colours by rank', () => {
    expect(scale.bands.map((b) => b.band)).toEqual(['A', 'B', 'C', 'D']);
    expect(new Set(scale.bands.map((b) => b.colour)).size).toBe(4);
    expect(scale.colour(null)).toBe(NEUTRAL);
    expect(scale.colour('ZZ')).not.toBe(NEUTRAL);
    expect(scale.rank('ZZ')).toBe(4);
    const custom = bandScale([DEFAULT_HARM_TEMPLATE, { bands: [{ band: 'HIGH', minScore: 60, label: 'High' }, { band: 'LOW', minScore: 0, label: 'Low' }] }]);
    expect(custom.bands.map((b) => b.band)).toEqual(['A', 'HIGH', 'B', 'C', 'D', 'LOW']);
  });

  it.each([
    [['B', 'D'], 'B'],
    [['D', 'A', 'C'], 'A'],
    [['D'], 'D'],
    [[], null],
  ])('the worst of %j is %s', (bands, worst) => {
    expect(worstBand(bands, scale)).toBe(worst);
  });

  it('summarises each impacted area with its worst band and flows, worst first', () => {
    const by = impactByArea([flow('i1', 'o1', 'F2', 'C', 40), flow('i2', 'o2', 'F2', 'B', 55), flow('i3', 'o1', 'F3', 'D', 10)], scale);
    expect(by.get('F2')).toMatchObject({ band: 'B', flows: [{ impactId: 'i2' }, { impactId: 'i1' }] });
    expect(by.get('F3')!.band).toBe('D');
    expect(by.has('HOME')).toBe(false);
    const groups = groupsOf([flow('i1', 'o1', 'F2', 'C', 40), flow('i2', 'o2', 'F2', 'B', 55), flow('i3', 'o1', 'F3', 'A', 80)], scale);
    expect(groups).toEqual([
      { ocgId: 'o1', ocgName: 'Group o1', band: 'A', harm: 80, areaIds: ['F3', 'F2'] },
      { ocgId: 'o2', ocgName: 'Group o2', band: 'B', harm: 55, areaIds: ['F2'] },
    ]);
  });

  it('gives flows on the same pair of areas successive lanes; width grows with harm', () => {
    const lanes = flowLanes([flow('i1', 'o1', 'F2', 'B', 50), flow('i2', 'o2', 'F2', 'B', 50), flow('i3', 'o3', 'F2', 'B', 50, null), flow('i4', 'o4', 'F3', 'B', 50)]);
    expect([...lanes.values()]).toEqual([0, 1, 0, 0]);
    expect(flowWidth(0)).toBe(1.5);
    expect(flowWidth(100)).toBe(7);
    expect(flowWidth(250)).toBe(7);
    expect(flowWidth(25)).toBeLessThan(flowWidth(50));
  });
});

describe('the matrix table', () => {
  const row = (areaId: string, ocgId: string, band: string, harm: number): MatrixRow => ({
    impactId: `${areaId}-${ocgId}`, areaId, areaName: `Area ${areaId}`, ocgId, ocgName: `Group ${ocgId}`, crimeTypes: [], harm, band,
    assessedAt: '2026-01-01T00:00:00Z', reviewDue: '2026-04-01', reviewOverdue: false, status: 'DISSEMINATED', access: 'shared',
  });
  const records = [row('x', 'o1', 'B', 50), row('y', 'o1', 'D', 20), row('y', 'o2', 'A', 80), row('z', 'o3', 'C', 35)];
  const table = (sort: Partial<MatrixSort> & Pick<MatrixSort, 'rows'>) => matrixTable(records, { dir: 'desc', columns: 'harm', ...sort }, scale);

  it.each([
    [{ rows: { by: 'worst' } }, ['y', 'x', 'z']],
    [{ rows: { by: 'worst' }, dir: 'asc' }, ['z', 'x', 'y']],
    [{ rows: { by: 'area' }, dir: 'asc' }, ['x', 'y', 'z']],
    [{ rows: { by: 'area' }, dir: 'desc' }, ['z', 'y', 'x']],
    // By one group's harm: areas it does not impact go last either way.
    [{ rows: { by: 'ocg', ocgId: 'o1' } }, ['x', 'y', 'z']],
    [{ rows: { by: 'ocg', ocgId: 'o1' }, dir: 'asc' }, ['y', 'x', 'z']],
  ] as [Partial<MatrixSort> & Pick<MatrixSort, 'rows'>, string[]][])('sorts rows by %j', (sort, order) => {
    expect(table(sort).rows.map((r) => r.areaId)).toEqual(order);
  });

  it('orders columns by worst impact or by name; each cell holds its record', () => {
    expect(table({ rows: { by: 'area' } }).columns.map((c) => c.ocgId)).toEqual(['o2', 'o1', 'o3']);
    expect(table({ rows: { by: 'area' }, columns: 'name' }).columns.map((c) => c.ocgId)).toEqual(['o1', 'o2', 'o3']);
    const t = table({ rows: { by: 'area' } });
    const y = t.rows.find((r) => r.areaId === 'y')!;
    expect(y.worst).toMatchObject({ ocgId: 'o2', band: 'A' });
    expect(y.cells.get('o1')).toMatchObject({ harm: 20, band: 'D' });
    expect(y.cells.has('o3')).toBe(false);
  });
});
