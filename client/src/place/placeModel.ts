import type { GraphEdge, GraphNode } from '../workspace/types.js';

/**
 * What the map of places draws from the chart: entities with coordinates as points (a glyph per
 * kind of place), the chart's links between two such points as lines, and every other entity
 * either shown through the places it is linked to (a subject at the address they live at or
 * frequent) or counted as having no place. The chart's other links become lines between the places
 * their ends are shown at. Nothing on the chart is dropped silently.
 */
export type PlaceKind = 'location' | 'camera' | 'cellsite' | 'other';
const KIND_BY_TYPE: Record<string, PlaceKind> = { Location: 'location', Camera: 'camera', CellSite: 'cellsite' };
export const PLACE_KIND_NAMES: Record<PlaceKind, string> = { location: 'Address or location', camera: 'Camera', cellsite: 'Cell site', other: 'Other place' };

export interface PlacePoint {
  id: string; label: string; type: string; kind: PlaceKind; lon: number; lat: number;
  /** Entities without a place linked to this one, in label order. */
  through: string[];
}
/**
 * A line between two places, standing for the chart's links between what is drawn at them: two
 * places linked directly, or entities shown through them (a subject living at one associating
 * with a subject living at the other; a vehicle's user at home and the camera that read it).
 */
export interface PlaceLine { id: string; source: string; target: string; edges: string[]; types: string[] }
export interface Unplaced { id: string; label: string; type: string; places: string[] }
export interface PlaceModel {
  points: PlacePoint[];
  lines: PlaceLine[];
  /** Entities without a place that are linked to one or more points (shown through them). */
  through: Unplaced[];
  /** Entities with no place of their own and no link to one: not on the map. */
  unplaced: Unplaced[];
}

const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

/** [lon, lat] of an entity that carries a place; null otherwise (stubs carry none). */
export function coordsOf(n: Pick<GraphNode, 'props' | 'restricted'>): [number, number] | null {
  if (n.restricted) return null;
  const lat = num(n.props?.lat), lon = num(n.props?.lon);
  if (lat === null || lon === null || lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
  // 0,0 is a missing value written as zeros far more often than a place in the Gulf of Guinea.
  if (lat === 0 && lon === 0) return null;
  return [lon, lat];
}

const byLabel = (a: { label: string; id: string }, b: { label: string; id: string }) => a.label.localeCompare(b.label, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A link between two entities each shown at many places is not drawn as a web of lines. */
const MAX_PAIRS_PER_LINK = 25;

export function placeModel(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): PlaceModel {
  const points = new Map<string, PlacePoint>();
  for (const n of nodes) {
    const c = coordsOf(n);
    if (c) points.set(n.id, { id: n.id, label: n.label, type: n.type, kind: KIND_BY_TYPE[n.type] ?? 'other', lon: c[0], lat: c[1], through: [] });
  }
  const shown = new Set(nodes.map((n) => n.id));
  const live = edges.filter((e) => shown.has(e.source) && shown.has(e.target) && e.source !== e.target);
  // Links from an entity without a place to a place: the entity is shown there.
  const placesOf = new Map<string, Set<string>>();
  const viaPlace = new Set<string>();
  for (const e of live) {
    const ps = points.has(e.source), pt = points.has(e.target);
    if (ps === pt) continue;
    const [other, place] = ps ? [e.target, e.source] : [e.source, e.target];
    if (!placesOf.has(other)) placesOf.set(other, new Set());
    placesOf.get(other)!.add(place);
    viaPlace.add(e.id);
  }
  const at = (id: string): string[] => (points.has(id) ? [id] : [...(placesOf.get(id) ?? [])].sort());
  // Every other link joins the places its ends are shown at; links between the same two places share a line.
  const lines = new Map<string, PlaceLine>();
  for (const e of live) {
    if (viaPlace.has(e.id)) continue;
    const from = at(e.source), to = at(e.target);
    if (from.length * to.length > MAX_PAIRS_PER_LINK) continue;
    for (const a of from) {
      for (const b of to) {
        if (a === b) continue;
        const [x, y] = a < b ? [a, b] : [b, a];
        const id = `${x}|${y}`;
        const l = lines.get(id) ?? { id, source: x, target: y, edges: [], types: [] };
        if (!l.edges.includes(e.id)) l.edges.push(e.id);
        if (!l.types.includes(e.type)) l.types.push(e.type);
        lines.set(id, l);
      }
    }
  }
  const through: Unplaced[] = [];
  const unplaced: Unplaced[] = [];
  for (const n of nodes) {
    if (points.has(n.id)) continue;
    const places = [...(placesOf.get(n.id) ?? [])].sort();
    (places.length ? through : unplaced).push({ id: n.id, label: n.label, type: n.type, places });
  }
  through.sort(byLabel);
  unplaced.sort(byLabel);
  for (const u of through) for (const p of u.places) points.get(p)!.through.push(u.id);
  return { points: [...points.values()].sort(byLabel), lines: [...lines.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), through, unplaced };
}

/** The map's wording for chart entities without a place: counted, and how they are shown. */
export function unplacedMessage(m: Pick<PlaceModel, 'through' | 'unplaced'>): string | null {
  const t = m.through.length, u = m.unplaced.length;
  if (!t && !u) return null;
  const n = t + u;
  const parts = [
    t ? `${t} shown through the place${t === 1 && m.through[0]!.places.length === 1 ? '' : 's'} ${t === 1 ? 'it is' : 'they are'} linked to` : '',
    u ? `${u} not on the map` : '',
  ].filter(Boolean);
  return `${n} ${n === 1 ? 'entity' : 'entities'} on the chart ${n === 1 ? 'has' : 'have'} no place: ${parts.join('; ')}.`;
}

/** Places to light up for a selection: the selected points, and those a selected entity without a place is linked to. */
export function litPlaces(m: PlaceModel, selection: ReadonlySet<string>): { selected: Set<string>; via: Set<string> } {
  const selected = new Set(m.points.filter((p) => selection.has(p.id)).map((p) => p.id));
  // (Lines are lit by their links: see lineSelected.)
  const via = new Set<string>();
  for (const u of m.through) if (selection.has(u.id)) for (const p of u.places) if (!selected.has(p)) via.add(p);
  return { selected, via };
}

/** A line is shown selected when any of the links it stands for is. */
export const lineSelected = (l: PlaceLine, selection: ReadonlySet<string>): boolean => l.edges.some((id) => selection.has(id));
