import type { Position } from '../workspace/chartDoc.js';

/**
 * Lasso selection: the nodes whose centres fall inside a free-form outline (even-odd rule, so a
 * figure of eight selects both loops). The outline is closed from its last point to its first.
 */
export function pointInPolygon(p: Position, polygon: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if ((a.y > p.y) !== (b.y > p.y) && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Ids of the points inside the outline (an outline of fewer than three points holds nothing). */
export function insideLasso(outline: readonly Position[], points: Iterable<{ id: string; x: number; y: number }>): string[] {
  if (outline.length < 3) return [];
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const p of outline) {
    x1 = Math.min(x1, p.x); y1 = Math.min(y1, p.y); x2 = Math.max(x2, p.x); y2 = Math.max(y2, p.y);
  }
  const out: string[] = [];
  for (const p of points) {
    if (p.x < x1 || p.x > x2 || p.y < y1 || p.y > y2) continue;
    if (pointInPolygon(p, outline)) out.push(p.id);
  }
  return out;
}

/** Screen (container) coordinates to chart coordinates, for a pan and zoom. */
export const toChart = (p: Position, pan: Position, zoom: number): Position => ({ x: (p.x - pan.x) / zoom, y: (p.y - pan.y) / zoom });
