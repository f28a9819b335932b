import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_LIMITS, BOUNDARY_STORAGE_KEY, featureLines, jsonErrorOffset, lineAt, parseUserBoundaries, readStoredBoundaries, tooLarge,
} from '../../client/src/place/userBoundaries.js';

/** A user's own boundary file: what is accepted, and what each kind of bad file is told. */
const square = (x: number, y: number, s = 0.1) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
const feature = (name: unknown, geometry: unknown) => ({ type: 'Feature', properties: name === undefined ? {} : { name }, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 2);
const problemsOf = (text: string) => {
  const r = parseUserBoundaries(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('reading a boundary file', () => {
  it('reads named Polygon and MultiPolygon features, holes included', () => {
    const text = collection(
      feature('Ward A', { type: 'Polygon', coordinates: [...square(-2, 53, 1), ...square(-1.8, 53.2, 0.2)] }),
      feature(' Ward B ', { type: 'MultiPolygon', coordinates: [square(0, 50), square(1, 50)] }),
    );
    const r = parseUserBoundaries(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.areas.map((a) => a.name)).toEqual(['Ward A', 'Ward B']);
    expect(r.areas[0]!.polygons).toHaveLength(1);
    expect(r.areas[0]!.polygons[0]).toHaveLength(2); // exterior and a hole
    expect(r.areas[1]!.polygons).toHaveLength(2);
    expect(r.areas[1]!.polygons[1]![0]![2]).toEqual([1.1, 50.1]);
    expect(r.positions).toBe(20);
  });

  it('names the line and column of a JSON syntax error', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [\n    { "type": "Feature", }\n  ]\n}';
    const [p] = problemsOf(text);
    expect(p!.where).toBe('line 4, column 26');
    expect(p!.message).toMatch(/^Not valid JSON/);
    expect(problemsOf('   ')[0]!.message).toBe('The file is empty.');
    expect(lineAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
  });

  it('finds where a JSON text goes wrong when the engine does not say', () => {
    expect(jsonErrorOffset('{"a": [1,]}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1 "b": 2}')).toBe(8);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": "x\\q"}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": [1, {"b": -2.5e3}, "\\u00e9"]')).toBe(34);
  });

  it.each([
    ['a bare Polygon', JSON.stringify({ type: 'Polygon', coordinates: square(0, 50) }), /holds a Polygon\. Wrap it in/],
    ['a Feature', JSON.stringify(feature('A', { type: 'Polygon', coordinates: square(0, 50) })), /holds a Feature\. Wrap it in/],
    ['a list', '[1, 2]', /FeatureCollection; the file holds a list\./],
    ['no features list', JSON.stringify({ type: 'FeatureCollection' }), /no "features" list/],
    ['no features', collection(), /no features: there is nothing to draw/],
  ])('refuses %s as a whole file', (_what, text, message) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.where).toBe('file');
    expect(problems[0]!.message).toMatch(message);
  });

  it.each([
    ['a Point', feature('Depot', { type: 'Point', coordinates: [0, 50] }), /geometry is a Point: only Polygon and MultiPolygon/],
    ['no name', feature(undefined, { type: 'Polygon', coordinates: square(0, 50) }), /no "name" in its properties/],
    ['no geometry', feature('Empty', null), /no geometry/],
    ['a position that is not numbers', feature('Bad', { type: 'Polygon', coordinates: [[[0, 50], [0.1, '50'], [0.1, 50.1], [0, 50]]] }), /Ring 1, position 2: \[0\.1,"50"\] is not a \[longitude, latitude\]/],
    ['grid metres instead of degrees', feature('Metres', { type: 'Polygon', coordinates: [[[383000, 398000], [384000, 398000], [384000, 399000], [383000, 398000]]] }), /Ring 1, position 1: \[383000, 398000\] is out of range.*not grid metres/],
    ['a ring left open', feature('Open', { type: 'Polygon', coordinates: [[[0, 50], [1, 50], [1, 51], [0, 51]]] }), /Ring 1 is not closed/],
    ['a ring too short', feature('Short', { type: 'Polygon', coordinates: [[[0, 50], [1, 50], [0, 50]]] }), /Ring 1 has 3 positions: a ring needs at least 4/],
    ['a bad polygon of several', feature('Multi', { type: 'MultiPolygon', coordinates: [square(0, 50), [[[0, 50], [0, 91], [1, 50], [0, 50]]]] }), /Polygon 2, ring 1, position 2: \[0, 91\] is out of range/],
    ['not a Feature', { type: 'Polygon', coordinates: square(0, 50) }, /Expected a Feature; found a Polygon/],
  ])('names the feature and line of %s', (_what, bad, message) => {
    const text = collection(feature('Good', { type: 'Polygon', coordinates: square(0, 50) }), bad);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    const lines = text.split('\n');
    const line = Number(/line (\d+)/.exec(problems[0]!.where)![1]);
    expect(problems[0]!.where).toMatch(/^feature 2\b/);
    // The line named is where the second feature opens.
    expect(lines[line - 1]!.trim()).toBe('{');
    expect(line).toBeGreaterThan(lines.findIndex((l) => l.includes('"Good"')) + 1);
    expect(problems[0]!.message).toMatch(message);
  });

  it('reports every bad feature, up to a limit', () => {
    const bad = Array.from({ length: 25 }, (_, i) => feature(`P${i}`, { type: 'Point', coordinates: [0, 50] }));
    const problems = problemsOf(collection(...bad));
    expect(problems).toHaveLength(BOUNDARY_LIMITS.problemsShown + 1);
    expect(problems[0]!.where).toMatch(/^feature 1 \(P0\), line \d+$/);
    expect(problems[problems.length - 1]!.message).toBe('\u2026 and 5 more problems.');
  });

  it('refuses files too large to keep: bytes, features or positions', () => {
    expect(tooLarge(BOUNDARY_LIMITS.bytes)).toBeNull();
    expect(tooLarge(BOUNDARY_LIMITS.bytes + 1)!.message).toMatch(/^The file is 2 MB: boundary files of up to 2 MB/);
    expect(problemsOf(' '.repeat(BOUNDARY_LIMITS.bytes) + '{}')[0]!.message).toMatch(/boundary files of up to 2 MB/);
    const many = Array.from({ length: BOUNDARY_LIMITS.features + 1 }, (_, i) => feature(`A${i}`, { type: 'Polygon', coordinates: square(0, 50) }));
    expect(problemsOf(JSON.stringify({ type: 'FeatureCollection', features: many }))[0]!.message).toMatch(/has 501 features: at most 500/);
    const ring = Array.from({ length: BOUNDARY_LIMITS.positions + 1 }, (_, i) => [i / 1e6, 50 + (i % 2) / 1e6]);
    ring.push(ring[0]!);
    const big = problemsOf(JSON.stringify({ type: 'FeatureCollection', features: [feature('Huge', { type: 'Polygon', coordinates: [ring] })] }));
    expect(big[0]!.message).toMatch(/100,002 positions: at most 100,000/);
  });

  it('finds the line each feature starts on, ignoring brackets inside strings', () => {
    const text = '{"name": "x [", "features": [\n{"a": "]"},\n\n  {"b": [1, {"c": 2}]}, 3\n], "other": [{}]}';
    expect(featureLines(text)).toEqual([2, 4, 4]);
    expect(featureLines('{"features": []}')).toEqual([]);
  });
});

describe('keeping boundaries in the browser', () => {
  const storage = (value: string | null) => {
    const m = new Map<string, string>(value === null ? [] : [[BOUNDARY_STORAGE_KEY, value]]);
    return { getItem: (k: string) => m.get(k) ?? null, removeItem: (k: string) => void m.delete(k), has: () => m.has(BOUNDARY_STORAGE_KEY) };
  };

  it('reads back what was kept, and removes what cannot be read', () => {
    const kept = { file: 'wards.geojson', loadedAt: '2026-01-02T10:00:00Z', mode: 'instead', areas: [{ name: 'A', polygons: [square(0, 50)] }] };
    expect(readStoredBoundaries(storage(JSON.stringify(kept)))).toEqual(kept);
    expect(readStoredBoundaries(storage(JSON.stringify({ ...kept, mode: 'sideways' })))!.mode).toBe('over');
    expect(readStoredBoundaries(storage(null))).toBeNull();
    for (const broken of ['{not json', JSON.stringify({ file: 'x', areas: [{ name: 3 }] })]) {
      const s = storage(broken);
      expect(readStoredBoundaries(s)).toBeNull();
      expect(s.has()).toBe(false);
    }
  });
});
