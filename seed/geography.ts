/**
 * Area outlines for the seed: simplified hand-drawn outlines of the four police force areas and
 * their three regions ([lon, lat], WGS84), drawn so that neighbours share their common edge
 * vertex for vertex (Greater Manchester with Merseyside at St Helens / Wigan and with West
 * Yorkshire along the Pennines; the North West region with the West Midlands and Yorkshire and
 * the Humber regions). Command units are the cells of their centres within the force outline
 * (each point of the force goes to the nearest centre), so they tile the force without overlap.
 * Pure data and functions: the generator turns them into GeoJSON.
 */
export type Position = [number, number];

// Shared edges, each written once and used by both neighbours.
const MER_GMP: Position[] = [[-2.72, 53.53], [-2.70, 53.51], [-2.66, 53.49], [-2.61, 53.47]];
const GMP_WYP: Position[] = [[-2.15, 53.68], [-2.10, 53.665], [-2.03, 53.635], [-1.99, 53.61], [-1.96, 53.585], [-1.92, 53.555], [-1.90, 53.53]];
/** Calderdale and Bradford against Lancashire, north to south, ending where Greater Manchester begins. */
const WYP_LANCS: Position[] = [[-2.04, 53.87], [-2.05, 53.82], [-2.12, 53.78], [-2.17, 53.73]];
/** Cheshire and Merseyside's neighbours to the south: the North West against the West Midlands, east to west. */
const NW_WM: Position[] = [[-2.00, 53.23], [-2.12, 53.16], [-2.30, 53.08], [-2.38, 52.99], [-2.73, 52.99]];
/** Cumbria and Lancashire against North Yorkshire, north to south, ending on West Yorkshire's edge. */
const NW_YH: Position[] = [[-2.32, 54.47], [-2.37, 54.30], [-2.45, 54.13], [-2.40, 53.98], [-2.20, 53.93], [-2.08, 53.89]];

const rev = (r: Position[]) => [...r].reverse();

/** Force areas by force code (the generator's `Force.code`). */
export const FORCE_OUTLINES: Record<string, Position[]> = {
  // West Midlands: Wolverhampton and Walsall in the north-west to Coventry in the east, through the Meriden gap.
  WMP: [
    [-1.93, 52.67], [-1.87, 52.64], [-1.80, 52.62], [-1.75, 52.58], [-1.72, 52.53], [-1.71, 52.49], [-1.66, 52.46], [-1.60, 52.455],
    [-1.55, 52.465], [-1.49, 52.475], [-1.44, 52.45], [-1.42, 52.41], [-1.44, 52.36], [-1.52, 52.352], [-1.58, 52.375], [-1.65, 52.38],
    [-1.72, 52.36], [-1.78, 52.34], [-1.87, 52.38], [-1.97, 52.38], [-2.04, 52.42], [-2.12, 52.43], [-2.18, 52.45], [-2.20, 52.50],
    [-2.22, 52.55], [-2.21, 52.61], [-2.16, 52.64], [-2.08, 52.645], [-2.00, 52.66],
  ],
  // Greater Manchester: Wigan in the west to Saddleworth on the Pennines, Stockport and the airport in the south.
  GMP: [
    [-2.74, 53.56], [-2.71, 53.61], [-2.62, 53.63], [-2.54, 53.62], [-2.47, 53.65], [-2.38, 53.66], [-2.30, 53.67], [-2.22, 53.68],
    ...GMP_WYP,
    [-1.95, 53.49], [-2.00, 53.46], [-2.03, 53.42], [-2.05, 53.37], [-2.12, 53.34], [-2.22, 53.34], [-2.31, 53.35], [-2.38, 53.37],
    [-2.45, 53.41], [-2.51, 53.43], [-2.56, 53.455],
    ...rev(MER_GMP),
  ],
  // Merseyside: Southport and the Sefton coast, Liverpool and the estuary, the Wirral, Knowsley and St Helens.
  MER: [
    [-2.96, 53.70], [-2.93, 53.65], [-2.96, 53.60], [-2.95, 53.55], [-2.92, 53.51], [-2.86, 53.50], [-2.80, 53.50], [-2.76, 53.53],
    ...MER_GMP,
    [-2.60, 53.44], [-2.66, 53.42], [-2.73, 53.40], [-2.80, 53.36], [-2.85, 53.33], [-2.92, 53.33], [-2.96, 53.30], [-3.03, 53.29],
    [-3.10, 53.29], [-3.15, 53.32], [-3.20, 53.37], [-3.19, 53.40], [-3.12, 53.43], [-3.08, 53.45], [-3.08, 53.48], [-3.10, 53.55],
    [-3.07, 53.62], [-3.02, 53.67],
  ],
  // West Yorkshire: Calderdale and Bradford on the Pennines, Wharfedale, Leeds and Wakefield to the east, Kirklees to the south.
  WYP: [
    ...WYP_LANCS,
    ...GMP_WYP,
    [-1.80, 53.52], [-1.68, 53.54], [-1.58, 53.57], [-1.47, 53.59], [-1.35, 53.57], [-1.24, 53.60], [-1.20, 53.68], [-1.21, 53.75],
    [-1.27, 53.82], [-1.29, 53.88], [-1.35, 53.95], [-1.47, 53.93], [-1.58, 53.91], [-1.70, 53.93], [-1.83, 53.95], [-1.95, 53.93],
  ],
};

/** Regions by area id. */
export const REGION_OUTLINES: Record<string, Position[]> = {
  // West Midlands region: Staffordshire, Shropshire, Herefordshire, Worcestershire, Warwickshire and the county.
  'AREA-R-WM': [
    ...NW_WM,
    [-3.02, 52.88], [-3.13, 52.72], [-3.20, 52.50], [-3.05, 52.35], [-3.14, 52.09], [-2.98, 51.92], [-2.65, 51.83], [-2.15, 51.99],
    [-1.95, 52.02], [-1.78, 52.00], [-1.60, 51.96], [-1.38, 52.08], [-1.26, 52.20], [-1.18, 52.35], [-1.20, 52.45], [-1.45, 52.58],
    [-1.55, 52.70], [-1.60, 52.75], [-1.68, 52.90], [-1.80, 53.05], [-1.85, 53.15],
  ],
  // North West region: Cheshire, Merseyside, Greater Manchester, Lancashire and Cumbria.
  'AREA-R-NW': [
    NW_WM[NW_WM.length - 1]!, // the Shropshire corner by Whitchurch
    [-2.95, 53.07], [-2.93, 53.18], [-3.10, 53.26], [-3.22, 53.38], [-3.10, 53.58], [-3.06, 53.68], [-2.95, 53.75], [-3.06, 53.82],
    [-3.03, 53.93], [-2.92, 54.05], [-3.05, 54.15], [-3.25, 54.07], [-3.45, 54.30], [-3.62, 54.50], [-3.58, 54.65], [-3.50, 54.75],
    [-3.30, 54.92], [-3.05, 54.98], [-2.86, 55.10], [-2.65, 55.18], [-2.48, 55.05], [-2.35, 54.85], [-2.20, 54.65],
    ...NW_YH,
    ...WYP_LANCS,
    ...GMP_WYP,
    [-1.95, 53.49], [-2.00, 53.46], [-2.03, 53.42], [-2.00, 53.35], [-1.99, 53.28],
    ...NW_WM.slice(0, -1),
  ],
  // Yorkshire and the Humber: North, West and South Yorkshire, the East Riding and northern Lincolnshire.
  'AREA-R-YH': [
    ...NW_YH,
    ...WYP_LANCS,
    ...GMP_WYP,
    [-1.82, 53.47], [-1.75, 53.38], [-1.60, 53.31], [-1.45, 53.32], [-1.32, 53.33], [-1.17, 53.30], [-1.00, 53.40], [-0.90, 53.48],
    [-0.75, 53.45], [-0.55, 53.45], [-0.30, 53.43], [-0.03, 53.48], [0.15, 53.60], [-0.03, 53.85], [-0.19, 54.08], [-0.08, 54.12],
    [-0.40, 54.28], [-0.62, 54.49], [-0.80, 54.56], [-1.10, 54.50], [-1.35, 54.48], [-1.60, 54.52], [-1.85, 54.45], [-2.00, 54.55],
    [-2.17, 54.48],
  ],
};

const round = (x: number, d = 5) => Math.round(x * 10 ** d) / 10 ** d;

/** Twice the signed area (positive when counter-clockwise with x east and y north). */
export function signedArea2(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return a;
}

/** Drops repeated consecutive positions (and a closing repeat of the first). */
function dedupe(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  return out;
}

/** A GeoJSON Polygon (RFC 7946: exterior counter-clockwise, closed) from an open ring in any orientation. */
export function polygonJson(ring: readonly Position[]): string {
  let r = dedupe(ring.map(([x, y]) => [round(x), round(y)] as Position));
  if (signedArea2(r) < 0) r = r.reverse();
  return JSON.stringify({ type: 'Polygon', coordinates: [[...r, r[0]!]] });
}

/** Whether `p` lies inside the ring (even-odd rule; points on the edge may go either way). */
export function insideRing(p: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if ((yi > p[1]) !== (yj > p[1]) && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Keeps the part of `ring` where `side(p) >= 0` for a linear `side` (Sutherland–Hodgman, one half-plane). */
function clipHalfPlane(ring: readonly Position[], side: (p: Position) => number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const sa = side(a), sb = side(b);
    if (sa >= 0) out.push(a);
    if ((sa >= 0) !== (sb >= 0)) {
      const t = sa / (sa - sb);
      out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    }
  }
  return out;
}

/**
 * The cell of each centre within `outline`: the points of the outline nearer that centre than any
 * other (distances with longitude shrunk by the cosine of the latitude, so cells are true to the
 * ground). Cells share their dividing edges and cover the outline.
 */
export function cellsWithin(outline: readonly Position[], centres: readonly Position[]): Position[][] {
  const lat0 = centres.reduce((s, c) => s + c[1], 0) / Math.max(1, centres.length);
  const k = Math.cos((lat0 * Math.PI) / 180);
  return centres.map((c, i) => {
    let cell: Position[] = [...outline];
    centres.forEach((d, j) => {
      if (j === i) return;
      // Nearer c than d: (p - m) . (c - d) >= 0 with m the midpoint, in ground-true units.
      const mx = (c[0] + d[0]) / 2, my = (c[1] + d[1]) / 2;
      const vx = (c[0] - d[0]) * k * k, vy = c[1] - d[1];
      cell = clipHalfPlane(cell, (p) => (p[0] - mx) * vx + (p[1] - my) * vy);
    });
    return dedupe(cell.map(([x, y]) => [round(x), round(y)] as Position));
  });
}
