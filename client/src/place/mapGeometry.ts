import { fitProjection, mercator, type Box, type Polygons, type Projection } from '../impact/geo.js';

/**
 * The map of places: fitting a view to points, zooming and panning it, and finding what lies under
 * the pointer. A view is a Web Mercator projection (impact/geo.ts) to screen pixels; every change
 * makes a new one. Pure functions over plain data.
 */
export type Lonlat = [number, number];
export type Xy = [number, number];

export function projectionOf(scale: number, offsetX: number, offsetY: number): Projection {
  return {
    scale, offsetX, offsetY,
    point(lon, lat) {
      const [x, y] = mercator(lon, lat);
      return [offsetX + x * scale, offsetY + y * scale];
    },
  };
}

/** The [lon, lat] at a screen point (the inverse of `point`). */
export function lonLatAt(p: Projection, [x, y]: Xy): Lonlat {
  const mx = (x - p.offsetX) / p.scale, my = (y - p.offsetY) / p.scale;
  return [mx * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI];
}

const EARTH_KM = 40_075;

/**
 * A view showing every point inside `box` with a margin; a single point or a tight cluster is shown
 * at least `minKm` across, so a lone address is not drawn at street-sign scale. With no points,
 * the view fits `fallback` (the area outlines) or, with none, Great Britain.
 */
export function fitPoints(points: readonly Lonlat[], box: Box, opts: { minKm?: number; margin?: number; fallback?: Polygons[] } = {}): Projection {
  const { minKm = 2, margin = 0.1 } = opts;
  if (!points.length) return fitProjection(opts.fallback ?? [], box);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [lon, lat] of points) {
    const [x, y] = mercator(lon, lat);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const lat = lonLatAt(projectionOf(1, 0, 0), [cx, cy])[1];
  // minKm in Mercator units at that latitude.
  const minSpan = minKm / (EARTH_KM * Math.cos((lat * Math.PI) / 180));
  const dx = Math.max(maxX - minX, minSpan) * (1 + 2 * margin), dy = Math.max(maxY - minY, minSpan) * (1 + 2 * margin);
  const w = box.x1 - box.x0, h = box.y1 - box.y0;
  const scale = Math.min(w / dx, h / dy);
  return projectionOf(scale, box.x0 + w / 2 - cx * scale, box.y0 + h / 2 - cy * scale);
}

/** Zoom limits: from a whole country to a few streets, as the width of the world in pixels. */
export const ZOOM_LIMITS = { min: 2_000, max: 2 ** 27 } as const;

/** Zooms by `factor` keeping the map under `at` where it is. */
export function zoomAt(p: Projection, factor: number, at: Xy): Projection {
  const scale = Math.max(ZOOM_LIMITS.min, Math.min(ZOOM_LIMITS.max, p.scale * factor));
  const f = scale / p.scale;
  return projectionOf(scale, at[0] - (at[0] - p.offsetX) * f, at[1] - (at[1] - p.offsetY) * f);
}

export function panBy(p: Projection, dx: number, dy: number): Projection {
  return projectionOf(p.scale, p.offsetX + dx, p.offsetY + dy);
}

export interface HitPoint { id: string; at: Xy }
export interface HitLine { id: string; a: Xy; b: Xy }

/** The nearest point within `radius` pixels of `at` (ties: the one drawn last, on top). */
export function hitPoint(points: readonly HitPoint[], at: Xy, radius: number): string | null {
  let best: string | null = null, bestD = radius;
  for (const p of points) {
    const d = Math.hypot(p.at[0] - at[0], p.at[1] - at[1]);
    if (d <= bestD) { best = p.id; bestD = d; }
  }
  return best;
}

export function distanceToSegment(at: Xy, a: Xy, b: Xy): number {
  const vx = b[0] - a[0], vy = b[1] - a[1];
  const len2 = vx * vx + vy * vy;
  const t = len2 ? Math.max(0, Math.min(1, ((at[0] - a[0]) * vx + (at[1] - a[1]) * vy) / len2)) : 0;
  return Math.hypot(at[0] - (a[0] + t * vx), at[1] - (a[1] + t * vy));
}

/** The nearest line within `tolerance` pixels of `at`. */
export function hitLine(lines: readonly HitLine[], at: Xy, tolerance: number): string | null {
  let best: string | null = null, bestD = tolerance;
  for (const l of lines) {
    const d = distanceToSegment(at, l.a, l.b);
    if (d <= bestD) { best = l.id; bestD = d; }
  }
  return best;
}

/** What a click at `at` picks: a point first (they are small), else a line, else nothing. */
export function hitTest(points: readonly HitPoint[], lines: readonly HitLine[], at: Xy, radius = 10, tolerance = 5): { kind: 'point' | 'line'; id: string } | null {
  const p = hitPoint(points, at, radius);
  if (p) return { kind: 'point', id: p };
  const l = hitLine(lines, at, tolerance);
  return l ? { kind: 'line', id: l } : null;
}

/** Graticule lines for a view: a round step in degrees giving a few lines across, and where they fall. */
export function graticule(p: Projection, box: Box, target = 6): { step: number; lons: number[]; lats: number[] } {
  const [w, n] = lonLatAt(p, [box.x0, box.y0]);
  const [e, s] = lonLatAt(p, [box.x1, box.y1]);
  const span = Math.max(e - w, 1e-9);
  const steps = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30];
  const step = steps.find((st) => span / st <= target) ?? 30;
  const range = (a: number, b: number) => {
    const out: number[] = [];
    for (let v = Math.ceil(a / step) * step; v <= b + 1e-9 && out.length < 200; v += step) out.push(Number(v.toFixed(6)));
    return out;
  };
  return { step, lons: range(w, e), lats: range(Math.max(-85, s), Math.min(85, n)) };
}
