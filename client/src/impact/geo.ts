/**
 * Area boundaries (GeoJSON geometry as the API returns it) drawn as SVG without a tile server:
 * Web Mercator, fitted to the boundaries drawn, so an optional tile layer lines up with them.
 * Pure functions over plain data.
 */
export type Ring = [number, number][];
/** Polygons, each a list of rings (the first is the exterior), in [lon, lat]. */
export type Polygons = Ring[][];

/** Polygon and MultiPolygon geometries (or a Feature holding one); anything else draws nothing. */
export function parseBoundary(text: string | null | undefined): Polygons {
  if (!text) return [];
  let g: unknown;
  try {
    g = JSON.parse(text);
  } catch {
    return [];
  }
  const geom = (g as { type?: string; geometry?: unknown }).type === 'Feature' ? (g as { geometry: unknown }).geometry : g;
  const { type, coordinates } = (geom ?? {}) as { type?: string; coordinates?: unknown };
  const ring = (r: unknown): Ring | null =>
    Array.isArray(r) && r.length >= 3 && r.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]))
      ? (r as number[][]).map((p) => [p[0]!, p[1]!] as [number, number])
      : null;
  const polygon = (p: unknown): Ring[] | null => {
    if (!Array.isArray(p)) return null;
    const rings = p.map(ring);
    return rings.length && rings.every((r): r is Ring => !!r) ? rings : null;
  };
  if (type === 'Polygon') {
    const p = polygon(coordinates);
    return p ? [p] : [];
  }
  if (type === 'MultiPolygon' && Array.isArray(coordinates)) return coordinates.map(polygon).filter((p): p is Ring[] => !!p);
  return [];
}

/** Web Mercator to the unit square: x east from -180°, y south from the top (85.05°N). */
export function mercator(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2];
}

export interface Box { x0: number; y0: number; x1: number; y1: number }

/** Maps [lon, lat] to drawing units; `scale` is the width of the whole world in those units. */
export interface Projection {
  point(lon: number, lat: number): [number, number];
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** A projection that fits every polygon into `box` (keeping the aspect), centred. */
export function fitProjection(shapes: Polygons[], box: Box): Projection {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polys of shapes) {
    for (const poly of polys) {
      for (const [lon, lat] of poly[0] ?? []) {
        const [x, y] = mercator(lon, lat);
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
  }
  if (!Number.isFinite(minX)) {
    // Nothing to fit: Great Britain, so an empty map still looks like one.
    [minX, maxY] = mercator(-8, 49.8);
    [maxX, minY] = mercator(2, 59);
  }
  const w = box.x1 - box.x0, h = box.y1 - box.y0;
  const dx = Math.max(maxX - minX, 1e-9), dy = Math.max(maxY - minY, 1e-9);
  const scale = Math.min(w / dx, h / dy);
  const offsetX = box.x0 + (w - dx * scale) / 2 - minX * scale;
  const offsetY = box.y0 + (h - dy * scale) / 2 - minY * scale;
  return {
    scale, offsetX, offsetY,
    point(lon, lat) {
      const [x, y] = mercator(lon, lat);
      return [offsetX + x * scale, offsetY + y * scale];
    },
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** An SVG path for the polygons (holes drawn with the even-odd rule). */
export function pathOf(polys: Polygons, proj: Projection): string {
  return polys.map((poly) => poly.map((ring) => ring.map(([lon, lat], i) => {
    const [x, y] = proj.point(lon, lat);
    return `${i ? 'L' : 'M'}${r1(x)} ${r1(y)}`;
  }).join('') + 'Z').join('')).join('');
}

/** Where to anchor an area's label and flows: the area-weighted centroid of its largest polygon's exterior. */
export function anchorOf(polys: Polygons, proj: Projection): [number, number] | null {
  let best: { a: number; x: number; y: number } | null = null;
  for (const poly of polys) {
    const pts = (poly[0] ?? []).map(([lon, lat]) => proj.point(lon, lat));
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < pts.length; i++) {
      const [x0, y0] = pts[i]!;
      const [x1, y1] = pts[(i + 1) % pts.length]!;
      const c = x0 * y1 - x1 * y0;
      a += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c;
    }
    if (Math.abs(a) < 1e-9) {
      if (!pts.length) continue;
      // A degenerate ring: the mean of its points.
      const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length, my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
      if (!best) best = { a: 0, x: mx, y: my };
      continue;
    }
    if (!best || Math.abs(a) > best.a) best = { a: Math.abs(a), x: cx / (3 * a), y: cy / (3 * a) };
  }
  return best ? [r1(best.x), r1(best.y)] : null;
}

/**
 * A curved arrow from `a` to `b`: a quadratic curve bowed to the left of the direction of travel
 * (so flows both ways between two areas do not overlap), `lane` bowing further for several groups
 * on the same pair. It stops short of `b` by `gap` so the arrowhead does not cover the label.
 */
export function flowPath(a: [number, number], b: [number, number], lane = 0, gap = 10): { d: string; mid: [number, number] } {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  const bow = len * (0.18 + 0.1 * lane);
  const cx = (a[0] + b[0]) / 2 + (dy / len) * bow, cy = (a[1] + b[1]) / 2 - (dx / len) * bow;
  // Stop where the curve is `gap` short of b, along the tangent at the end.
  const tx = b[0] - cx, ty = b[1] - cy;
  const tl = Math.hypot(tx, ty) || 1;
  const ex = b[0] - (tx / tl) * Math.min(gap, tl / 2), ey = b[1] - (ty / tl) * Math.min(gap, tl / 2);
  const mid: [number, number] = [r1(0.25 * a[0] + 0.5 * cx + 0.25 * ex), r1(0.25 * a[1] + 0.5 * cy + 0.25 * ey)];
  return { d: `M${r1(a[0])} ${r1(a[1])}Q${r1(cx)} ${r1(cy)} ${r1(ex)} ${r1(ey)}`, mid };
}

export interface Tile { x: number; y: number; z: number; url: string; left: number; top: number; size: number }

/**
 * Slippy-map tiles ({z}/{x}/{y}, 256 px, Web Mercator) covering `view` at the zoom closest to the
 * projection's scale. Off unless a tile URL is configured; at most `max` tiles.
 */
export function tilesFor(template: string, proj: Projection, view: Box, max = 64): Tile[] {
  const z = Math.max(0, Math.min(19, Math.round(Math.log2(proj.scale / 256))));
  const n = 2 ** z, size = proj.scale / n;
  const col = (x: number) => Math.floor((x - proj.offsetX) / size);
  const row = (y: number) => Math.floor((y - proj.offsetY) / size);
  const out: Tile[] = [];
  for (let ty = Math.max(0, row(view.y0)); ty <= Math.min(n - 1, row(view.y1)); ty++) {
    for (let tx = Math.max(0, col(view.x0)); tx <= Math.min(n - 1, col(view.x1)); tx++) {
      if (out.length >= max) return out;
      const url = template.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty));
      out.push({ x: tx, y: ty, z, url, left: proj.offsetX + tx * size, top: proj.offsetY + ty * size, size });
    }
  }
  return out;
}

/**
 * Kilometres per drawing unit at the middle of `box` (Mercator stretches with latitude: the scale
 * holds at that latitude, which for a region is close enough everywhere on the map).
 */
export function kmPerUnit(proj: Projection, box: Box): number {
  const yMid = ((box.y0 + box.y1) / 2 - proj.offsetY) / proj.scale;
  const lat = Math.atan(Math.sinh(Math.PI * (1 - 2 * yMid)));
  return (40_075 * Math.cos(lat)) / proj.scale;
}

/** A scale bar: a round length in kilometres and its drawn length. */
export interface ScaleBar { km: number; px: number; label: string }

/** The longest round length (1, 2 or 5 x 10^n km) that fits in `maxPx` pixels at `kmPerPx`. */
export function scaleBar(kmPerPx: number, maxPx: number): ScaleBar | null {
  if (!(kmPerPx > 0) || !(maxPx > 0) || !Number.isFinite(kmPerPx)) return null;
  const maxKm = kmPerPx * maxPx;
  const unit = 10 ** Math.floor(Math.log10(maxKm));
  // 1 x unit always fits (unit <= maxKm); the tolerance keeps an exact fit from failing on rounding.
  const m = [5, 2, 1].find((x) => x * unit <= maxKm * (1 + 1e-9)) ?? 1;
  const clean = Number((m * unit).toPrecision(1));
  return { km: clean, px: r1(clean / kmPerPx), label: `${clean.toLocaleString('en-GB', { maximumFractionDigits: 3 })} km` };
}
