import { describe, expect, it } from 'vitest';
import { kmPerUnit, scaleBar } from '../../client/src/impact/geo.js';
import {
  distanceToSegment, fitPoints, graticule, hitLine, hitPoint, hitTest, lonLatAt, panBy, projectionOf, zoomAt, ZOOM_LIMITS, type Lonlat,
} from '../../client/src/place/mapGeometry.js';
import { coordsOf, lineSelected, litPlaces, placeModel, unplacedMessage } from '../../client/src/place/placeModel.js';
import type { GraphEdge, GraphNode } from '../../client/src/workspace/types.js';

/** The map of places: what it draws from the chart, and its geometry (fit, zoom, pan, picking). */
const node = (id: string, type: string, props: Record<string, unknown> = {}, label = id): GraphNode => ({ id, type, label, restricted: false, props });
const edge = (id: string, source: string, target: string, type = 'LINK'): GraphEdge => ({ id, source, target, type, restricted: false, reportCount: 0, props: {} });

describe('what the map draws from the chart', () => {
  const nodes = [
    node('L1', 'Location', { lat: 52.48, lon: -1.9 }, '14 Mill Lane'),
    node('C1', 'Camera', { lat: '52.49', lon: '-1.91' }, 'ANPR A38'),
    node('M1', 'CellSite', { lat: 52.47, lon: -1.89 }, 'Mast 1'),
    node('S1', 'Subject', {}, 'Lorcan Vexley'),
    node('S2', 'Subject', {}, 'Dana Quarrie'),
    node('V1', 'Vehicle', {}, 'VX21 KLM'),
    node('X1', 'Subject', {}, 'Intelligence held'),
    node('L0', 'Location', { lat: 0, lon: 0 }, 'Zeroes'),
    node('L9', 'Location', { lat: 95, lon: 1 }, 'Bad'),
  ];
  const edges = [
    edge('e1', 'V1', 'C1', 'SEEN_AT'), // vehicle through the camera
    edge('e2', 'S1', 'L1', 'LIVES_AT'), // subject through the address
    edge('e3', 'S1', 'M1', 'USED_CELL'),
    edge('e4', 'L1', 'C1', 'NEAR'), // place to place: a line
    edge('e5', 'S1', 'S2', 'ASSOCIATE_OF'), // no place at either end
    edge('e6', 'L1', 'GONE', 'LOCATED_IN'), // an end not drawn
    edge('e7', 'S1', 'V1', 'USES_VEHICLE'), // shown at L1 and M1 (S1), and at C1 (V1)
  ];
  const m = placeModel(nodes, edges);

  it('draws entities with coordinates as points, with a glyph per kind of place', () => {
    expect(m.points.map((p) => [p.id, p.kind])).toEqual([['L1', 'location'], ['C1', 'camera'], ['M1', 'cellsite']]);
    expect(m.points.find((p) => p.id === 'C1')).toMatchObject({ lon: -1.91, lat: 52.49 });
  });

  it('draws the chart\u2019s links as lines between the places their ends are shown at, one line per pair of places', () => {
    expect(m.lines).toEqual([
      { id: 'C1|L1', source: 'C1', target: 'L1', edges: ['e4', 'e7'], types: ['NEAR', 'USES_VEHICLE'] },
      { id: 'C1|M1', source: 'C1', target: 'M1', edges: ['e7'], types: ['USES_VEHICLE'] },
    ]);
    expect(lineSelected(m.lines[1]!, new Set(['e7']))).toBe(true);
    expect(lineSelected(m.lines[1]!, new Set(['e4', 'C1']))).toBe(false);
    // A link between two entities each shown at many places is not drawn as a web.
    const many = Array.from({ length: 6 }, (_, i) => node(`P${i}`, 'Location', { lat: 52 + i / 100, lon: -1 }));
    const web = placeModel([...many, node('A', 'Subject'), node('B', 'Subject')], [
      ...many.map((p, i) => edge(`a${i}`, 'A', p.id)), ...many.map((p, i) => edge(`b${i}`, 'B', p.id)), edge('ab', 'A', 'B'),
    ]);
    expect(web.lines).toEqual([]);
    expect(web.through.map((u) => u.places.length)).toEqual([6, 6]);
  });

  it('shows entities without a place through the places they are linked to, and counts the rest', () => {
    expect(m.through.map((u) => [u.id, u.places])).toEqual([['S1', ['L1', 'M1']], ['V1', ['C1']]]);
    expect(m.points.find((p) => p.id === 'L1')!.through).toEqual(['S1']);
    expect(m.unplaced.map((u) => u.id)).toEqual(['L9', 'S2', 'X1', 'L0']);
    expect(unplacedMessage(m)).toBe('6 entities on the chart have no place: 2 shown through the places they are linked to; 4 not on the map.');
    expect(unplacedMessage({ through: [{ id: 'a', label: 'a', type: 'Subject', places: ['p'] }], unplaced: [] }))
      .toBe('1 entity on the chart has no place: 1 shown through the place it is linked to.');
    expect(unplacedMessage({ through: [], unplaced: [] })).toBeNull();
  });

  it('reads coordinates only from what they can be', () => {
    expect(coordsOf({ props: { lat: 53.4, lon: -2.9 }, restricted: false })).toEqual([-2.9, 53.4]);
    expect(coordsOf({ props: { lat: 53.4, lon: -2.9 }, restricted: true })).toBeNull();
    expect(coordsOf({ props: { lat: '', lon: -2.9 }, restricted: false })).toBeNull();
    expect(coordsOf({ props: { lat: 53.4, lon: 181 }, restricted: false })).toBeNull();
    expect(coordsOf({ props: {}, restricted: false })).toBeNull();
  });

  it('lights the selected places and those a selected entity without a place is linked to', () => {
    expect(litPlaces(m, new Set(['S1']))).toEqual({ selected: new Set(), via: new Set(['L1', 'M1']) });
    expect(litPlaces(m, new Set(['S1', 'L1']))).toEqual({ selected: new Set(['L1']), via: new Set(['M1']) });
    expect(litPlaces(m, new Set(['S2']))).toEqual({ selected: new Set(), via: new Set() });
  });
});

describe('map geometry', () => {
  const box = { x0: 20, y0: 20, x1: 620, y1: 420 };
  const birmingham: Lonlat = [-1.898, 52.479], coventry: Lonlat = [-1.512, 52.406], walsall: Lonlat = [-1.982, 52.586];
  const inside = ([x, y]: [number, number]) => x >= box.x0 - 1e-6 && x <= box.x1 + 1e-6 && y >= box.y0 - 1e-6 && y <= box.y1 + 1e-6;

  it('fits every point inside the box, centred, with a margin', () => {
    const p = fitPoints([birmingham, coventry, walsall], box);
    const xy = [birmingham, coventry, walsall].map(([lon, lat]) => p.point(lon, lat));
    for (const q of xy) expect(inside(q)).toBe(true);
    const xs = xy.map((q) => q[0]), ys = xy.map((q) => q[1]);
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(320, 6);
    expect((Math.min(...ys) + Math.max(...ys)) / 2).toBeCloseTo(220, 6);
    // The wider extent (east-west here) fills the box less its margins.
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(600 / 1.2, 3);
    expect(xy[0]![1]).toBeLessThan(xy[1]![1]); // north is up
  });

  it('shows a lone place a couple of kilometres across, and Great Britain when there is nothing', () => {
    const p = fitPoints([birmingham], box, { minKm: 2 });
    expect(p.point(...birmingham)[0]).toBeCloseTo(320, 6);
    const kmAcross = kmPerUnit(p, box) * 400; // the box's height, the tighter side
    expect(kmAcross).toBeGreaterThan(2);
    expect(kmAcross).toBeLessThan(2 * 1.2 + 0.05);
    expect(scaleBar(kmPerUnit(p, box), 120)!.km).toBeLessThan(1);
    const gb = fitPoints([], box);
    expect(inside(gb.point(-1.9, 52.5))).toBe(true);
    expect(inside(gb.point(-3.2, 55.95))).toBe(true); // Edinburgh
  });

  it('inverts the projection', () => {
    const p = fitPoints([birmingham, coventry], box);
    const [lon, lat] = lonLatAt(p, p.point(...walsall));
    expect(lon).toBeCloseTo(walsall[0], 9);
    expect(lat).toBeCloseTo(walsall[1], 9);
  });

  it('zooms about the pointer (the place under it stays put), within limits, and pans', () => {
    const p = fitPoints([birmingham, coventry], box);
    const at = p.point(...coventry);
    const z = zoomAt(p, 2, at);
    expect(z.scale).toBeCloseTo(p.scale * 2, 6);
    expect(z.point(...coventry)[0]).toBeCloseTo(at[0], 6);
    expect(z.point(...coventry)[1]).toBeCloseTo(at[1], 6);
    expect(z.point(...birmingham)[0] - at[0]).toBeCloseTo(2 * (p.point(...birmingham)[0] - at[0]), 6);
    expect(zoomAt(p, 1e9, at).scale).toBe(ZOOM_LIMITS.max);
    expect(zoomAt(p, 1e-9, at).scale).toBe(ZOOM_LIMITS.min);
    const moved = panBy(p, 30, -10);
    expect(moved.point(...birmingham)).toEqual([p.point(...birmingham)[0] + 30, p.point(...birmingham)[1] - 10]);
    expect(projectionOf(p.scale, p.offsetX, p.offsetY).point(...walsall)).toEqual(p.point(...walsall));
  });

  it('picks the nearest point under the pointer, else the nearest line, else nothing', () => {
    const points = [{ id: 'a', at: [100, 100] as [number, number] }, { id: 'b', at: [106, 100] as [number, number] }, { id: 'c', at: [300, 100] as [number, number] }];
    const lines = [{ id: 'ac', a: [100, 100] as [number, number], b: [300, 100] as [number, number] }, { id: 'x', a: [200, 0] as [number, number], b: [200, 90] as [number, number] }];
    expect(hitPoint(points, [104, 101], 10)).toBe('b');
    expect(hitPoint(points, [103, 100], 10)).toBe('b'); // a tie goes to the one drawn on top
    expect(hitPoint(points, [150, 100], 10)).toBeNull();
    expect(hitTest(points, lines, [150, 103])).toEqual({ kind: 'line', id: 'ac' });
    expect(hitTest(points, lines, [201, 80])).toEqual({ kind: 'line', id: 'x' });
    expect(hitTest(points, lines, [299, 104])).toEqual({ kind: 'point', id: 'c' });
    expect(hitTest(points, lines, [150, 140])).toBeNull();
    expect(hitLine(lines, [200, 95], 5)).toBe('x');
    expect(distanceToSegment([0, 5], [0, 0], [0, 0])).toBe(5);
    expect(distanceToSegment([5, 5], [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment([-3, 4], [0, 0], [10, 0])).toBe(5);
  });

  it('draws a graticule of a round step with a few lines across', () => {
    const p = fitPoints([birmingham, coventry, walsall], box);
    const g = graticule(p, box);
    expect([0.05, 0.1]).toContain(g.step);
    expect(g.lons.length).toBeGreaterThanOrEqual(3);
    expect(g.lons.length).toBeLessThanOrEqual(7);
    for (const lon of g.lons) expect(Math.abs(lon / g.step - Math.round(lon / g.step))).toBeLessThan(1e-6);
    expect(g.lats.every((lat) => lat > 52.3 && lat < 52.8)).toBe(true);
  });
});
