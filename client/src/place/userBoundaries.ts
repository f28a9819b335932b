import type { Polygons, Ring } from '../impact/geo.js';

/**
 * Boundaries a user loads from their own GeoJSON file (a FeatureCollection of named Polygon or
 * MultiPolygon features), drawn on the impact map and the map of places. They are checked here
 * with messages that say where the problem is, and kept in this browser only: nothing is sent.
 */
export interface UserArea { name: string; polygons: Polygons }
export type BoundaryMode = 'over' | 'instead';
export interface UserBoundarySet { file: string; loadedAt: string; mode: BoundaryMode; areas: UserArea[] }
/** `where`: "line 3, column 7", "feature 2 (Leeds)" or "file". */
export interface BoundaryProblem { where: string; message: string }
export type ParsedBoundaries = { ok: true; areas: UserArea[]; positions: number } | { ok: false; problems: BoundaryProblem[] };

/** Kept in local storage, so bounded well under its usual 5 MB. */
export const BOUNDARY_LIMITS = { bytes: 2_000_000, features: 500, positions: 100_000, problemsShown: 20 } as const;

const mb = (n: number) => `${(n / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

export function tooLarge(bytes: number): BoundaryProblem | null {
  return bytes > BOUNDARY_LIMITS.bytes
    ? { where: 'file', message: `The file is ${mb(bytes)}: boundary files of up to ${mb(BOUNDARY_LIMITS.bytes)} can be kept. Simplify the outlines (fewer vertices) and try again.` }
    : null;
}

/** Line and column (1-based) of a character offset. */
export function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text.charCodeAt(i) === 10) { line++; start = i + 1; }
  return { line, column: offset - start + 1 };
}

/** Where JSON.parse stopped, from its message (engines word it differently). */
function syntaxProblem(text: string, e: unknown): BoundaryProblem {
  const msg = e instanceof Error ? e.message : String(e);
  const lc = /line (\d+) column (\d+)/i.exec(msg);
  const pos = /position (\d+)/i.exec(msg);
  const at = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : lineAt(text, pos ? Number(pos[1]) : jsonErrorOffset(text));
  const reason = msg.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ at line \d+ column \d+.*$/, '').replace(/,? *"[^"]*"\.{3}.*$/, '');
  return { where: `line ${at.line}, column ${at.column}`, message: `Not valid JSON: ${reason}.` };
}

/**
 * Where a JSON text first goes wrong (some engines do not say): a small recursive-descent reader
 * that stops at the first character it cannot accept. Only called once JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  class Stop extends Error {}
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++; };
  const fail = (): never => { throw new Stop(); };
  const eat = (c: string) => { if (text[i] !== c) fail(); i++; };
  const str = () => {
    eat('"');
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail(); i += 5; continue; }
        if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    eat('"');
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) { ws(); str(); ws(); eat(':'); value(); ws(); if (text[i] === ',') { i++; continue; } eat('}'); return; }
    }
    if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) { value(); ws(); if (text[i] === ',') { i++; continue; } eat(']'); return; }
    }
    if (c === '"') return str();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0] && m[0] !== '-') { i += m[0].length; return; }
    for (const w of ['true', 'false', 'null']) if (text.startsWith(w, i)) { i += w.length; return; }
    fail();
  };
  try {
    value(); ws();
    return i < text.length ? i : text.length;
  } catch (e) {
    if (e instanceof Stop) return i;
    throw e;
  }
}

/**
 * The line each element of the top-level "features" array starts on, by a small scan of the text
 * (JSON.parse keeps no positions), so a problem with feature n can name its line.
 */
export function featureLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1, depth = 0, inString = false, escaped = false, key = '', lastString = '', arrayDepth = -1, expecting = false, afterFeaturesKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') { inString = false; lastString = key; }
      else key += c;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === arrayDepth && expecting && c !== ']') { lines.push(line); expecting = false; }
    if (c === '"') { inString = true; key = ''; continue; }
    if (c === ':') { afterFeaturesKey = depth === 1 && lastString === 'features'; continue; }
    if (c === '{' || c === '[') {
      if (c === '[' && afterFeaturesKey && arrayDepth < 0) { arrayDepth = depth + 1; expecting = true; }
      afterFeaturesKey = false;
      depth++;
      continue;
    }
    afterFeaturesKey = false;
    if (c === '}' || c === ']') { depth--; if (c === ']' && depth + 1 === arrayDepth) arrayDepth = -2; continue; }
    if (c === ',' && depth === arrayDepth) expecting = true;
  }
  return lines;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const kindOf = (x: unknown) => (Array.isArray(x) ? 'a list' : x === null ? 'null' : isObj(x) ? (typeof x.type === 'string' ? `a ${x.type}` : 'an object') : `a ${typeof x}`);

/** Checks and reads a boundary file's text. Every problem found is reported (up to a limit), not only the first. */
export function parseUserBoundaries(text: string): ParsedBoundaries {
  const size = tooLarge(new TextEncoder().encode(text).length);
  if (size) return { ok: false, problems: [size] };
  if (!text.trim()) return { ok: false, problems: [{ where: 'file', message: 'The file is empty.' }] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [syntaxProblem(text, e)] };
  }
  if (!isObj(doc) || doc.type !== 'FeatureCollection') {
    const hint = isObj(doc) && (doc.type === 'Feature' || doc.type === 'Polygon' || doc.type === 'MultiPolygon')
      ? ' Wrap it in {"type": "FeatureCollection", "features": [...]} with a "name" in each feature\u2019s properties.' : '';
    return { ok: false, problems: [{ where: 'file', message: `Expected a GeoJSON FeatureCollection; the file holds ${kindOf(doc)}.${hint}` }] };
  }
  if (!Array.isArray(doc.features)) return { ok: false, problems: [{ where: 'file', message: 'The FeatureCollection has no "features" list.' }] };
  if (!doc.features.length) return { ok: false, problems: [{ where: 'file', message: 'The FeatureCollection has no features: there is nothing to draw.' }] };
  if (doc.features.length > BOUNDARY_LIMITS.features) {
    return { ok: false, problems: [{ where: 'file', message: `The file has ${doc.features.length.toLocaleString('en-GB')} features: at most ${BOUNDARY_LIMITS.features} can be drawn.` }] };
  }
  const lines = featureLines(text);
  const problems: BoundaryProblem[] = [];
  const areas: UserArea[] = [];
  let positions = 0;
  doc.features.forEach((f: unknown, i: number) => {
    const name = isObj(f) && isObj(f.properties) && typeof f.properties.name === 'string' ? f.properties.name.trim() : '';
    const where = `feature ${i + 1}${name ? ` (${name})` : ''}${lines[i] ? `, line ${lines[i]}` : ''}`;
    const bad = (message: string) => problems.push({ where, message });
    if (!isObj(f) || f.type !== 'Feature') return bad(`Expected a Feature; found ${kindOf(f)}.`);
    if (!name) bad('It has no "name" in its properties: each area needs a name to be shown by.');
    const g = f.geometry;
    if (!isObj(g)) return bad('It has no geometry.');
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return bad(`Its geometry is ${kindOf(g)}: only Polygon and MultiPolygon outlines can be drawn.`);
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (!Array.isArray(polys) || !polys.length) return bad(`Its ${g.type} has no coordinates.`);
    const out: Polygons = [];
    for (const [pi, poly] of polys.entries()) {
      const at = g.type === 'MultiPolygon' ? `polygon ${pi + 1}, ` : '';
      if (!Array.isArray(poly) || !poly.length) return bad(`${at}expected a list of rings.`.replace(/^./, (c) => c.toUpperCase()));
      const rings: Ring[] = [];
      for (const [ri, ring] of poly.entries()) {
        const where = `${at}ring ${ri + 1}`.replace(/^./, (c) => c.toUpperCase());
        if (!Array.isArray(ring)) return bad(`${where}: expected a list of positions.`);
        if (ring.length < 4) return bad(`${where} has ${ring.length} position${ring.length === 1 ? '' : 's'}: a ring needs at least 4 (the first repeated at the end).`);
        const r: Ring = [];
        for (const [k, p] of ring.entries()) {
          const ok = Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);
          if (!ok) return bad(`${where}, position ${k + 1}: ${JSON.stringify(p)?.slice(0, 40)} is not a [longitude, latitude] pair of numbers.`);
          const [lon, lat] = p as [number, number];
          if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            return bad(`${where}, position ${k + 1}: [${lon}, ${lat}] is out of range (longitude -180 to 180, latitude -90 to 90; GeoJSON puts longitude first, in WGS84 degrees, not grid metres).`);
          }
          r.push([lon, lat]);
        }
        const [a, z] = [r[0]!, r[r.length - 1]!];
        if (a[0] !== z[0] || a[1] !== z[1]) return bad(`${where} is not closed: its last position must repeat its first.`);
        positions += r.length;
        rings.push(r);
      }
      out.push(rings);
    }
    if (name) areas.push({ name, polygons: out });
  });
  if (positions > BOUNDARY_LIMITS.positions) {
    problems.unshift({ where: 'file', message: `The outlines have ${positions.toLocaleString('en-GB')} positions: at most ${BOUNDARY_LIMITS.positions.toLocaleString('en-GB')} can be kept. Simplify them and try again.` });
  }
  if (problems.length) {
    const shown = problems.slice(0, BOUNDARY_LIMITS.problemsShown);
    if (problems.length > shown.length) shown.push({ where: 'file', message: `\u2026 and ${problems.length - shown.length} more problems.` });
    return { ok: false, problems: shown };
  }
  return { ok: true, areas, positions };
}

// ---- kept in this browser ----

export const BOUNDARY_STORAGE_KEY = 'intel-graph.user-boundaries';

/** Reads the kept set; an unreadable one is removed rather than breaking the maps. */
export function readStoredBoundaries(storage: Pick<Storage, 'getItem' | 'removeItem'>): UserBoundarySet | null {
  let raw: string | null = null;
  try {
    raw = storage.getItem(BOUNDARY_STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as UserBoundarySet;
    if (typeof s.file !== 'string' || !Array.isArray(s.areas) || !s.areas.every((a) => typeof a.name === 'string' && Array.isArray(a.polygons))) throw new Error('unreadable');
    return { ...s, mode: s.mode === 'instead' ? 'instead' : 'over' };
  } catch {
    try { if (raw) storage.removeItem(BOUNDARY_STORAGE_KEY); } catch { /* storage disabled */ }
    return null;
  }
}
