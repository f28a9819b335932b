import { IMPACT_STATUS } from '../../../server/domain/dissemination.js';

/**
 * The partner views of cross-boundary impact: the shapes the API returns (mirrors of its GraphQL
 * types), the band scale, and the pure rules the map and matrix draw from. No I/O, no React.
 */
export const IMPACT_STATUSES = IMPACT_STATUS;
export type ImpactStatus = (typeof IMPACT_STATUS)[number];

export interface ImpactFilter {
  band?: string | null;
  crimeType?: string | null;
  status?: ImpactStatus | null;
}

export interface MapArea {
  id: string;
  name: string;
  kind: string | null;
  boundary: string | null;
  parentId: string | null;
  restricted: boolean;
}

export interface ImpactFlow {
  impactId: string;
  fromAreaId: string | null;
  toAreaId: string;
  ocgId: string;
  ocgName: string;
  band: string;
  harm: number;
  status: ImpactStatus;
  /** full: the viewer's agency holds the record; shared: it was disseminated to the viewer's agency. */
  access?: string;
}

export interface ImpactMapData { areas: MapArea[]; flows: ImpactFlow[] }

export interface MatrixRow {
  impactId: string;
  areaId: string;
  areaName: string;
  ocgId: string;
  ocgName: string;
  crimeTypes: string[];
  harm: number;
  band: string;
  assessedAt: string;
  reviewDue: string;
  reviewOverdue: boolean;
  status: ImpactStatus;
  access: string;
  /** The agency responsible for the impacted area. */
  affectedAgency?: string;
}

export interface HarmBand { band: string; minScore: number; label: string }

/** An impact the viewer's agency does not hold (shared with it, or a stub): its holder can be asked for more. */
export const requestable = (r: { access?: string }): boolean => !!r.access && r.access !== 'full';

/** A stub id: the viewer knows the record exists, not what it is. */
export const isRestrictedId = (id: string | null | undefined): boolean => !!id && id.startsWith('restricted-');

export const cleanFilter = (f: ImpactFilter): ImpactFilter | null => {
  const out: ImpactFilter = {};
  if (f.band) out.band = f.band;
  if (f.crimeType) out.crimeType = f.crimeType;
  if (f.status) out.status = f.status;
  return Object.keys(out).length ? out : null;
};

// ---------------------------------------------------------------------------------------------
// Bands: configurable per template, so the scale is read from the templates, never hard-coded.

/** Colours by rank, worst first; bands past the palette share its last colour. */
const PALETTE = ['#b91c1c', '#ea580c', '#d97706', '#65a30d', '#0e7490', '#6d28d9'];
export const NEUTRAL = '#e2e8f0';
const UNKNOWN = '#64748b';

export interface BandScale {
  /** Worst first. */
  bands: (HarmBand & { colour: string })[];
  rank(band: string | null | undefined): number;
  colour(band: string | null | undefined): string;
}

/** One scale over every template's bands: by threshold, highest first; a band name keeps its highest threshold. */
export function bandScale(templates: { bands: HarmBand[] }[]): BandScale {
  const byName = new Map<string, HarmBand>();
  for (const b of templates.flatMap((t) => t.bands)) {
    const seen = byName.get(b.band);
    if (!seen || b.minScore > seen.minScore) byName.set(b.band, b);
  }
  const bands = [...byName.values()]
    .sort((a, b) => b.minScore - a.minScore || a.band.localeCompare(b.band))
    .map((b, i) => ({ ...b, colour: PALETTE[Math.min(i, PALETTE.length - 1)]! }));
  const index = new Map(bands.map((b, i) => [b.band, i]));
  return {
    bands,
    rank: (band) => (band ? (index.get(band) ?? bands.length) : Infinity),
    colour: (band) => (band ? (bands[index.get(band) ?? -1]?.colour ?? UNKNOWN) : NEUTRAL),
  };
}

/** The worst of some bands (null when none). */
export function worstBand(bands: Iterable<string>, scale: BandScale): string | null {
  let worst: string | null = null;
  for (const b of bands) if (worst === null || scale.rank(b) < scale.rank(worst)) worst = b;
  return worst;
}

// ---------------------------------------------------------------------------------------------
// The map

export interface AreaImpactSummary {
  /** Worst band of the groups recorded as impacting the area, null when none the viewer may see. */
  band: string | null;
  flows: ImpactFlow[];
}

/** Per impacted area: its flows (worst first) and worst band. */
export function impactByArea(flows: ImpactFlow[], scale: BandScale): Map<string, AreaImpactSummary> {
  const out = new Map<string, AreaImpactSummary>();
  for (const f of flows) {
    const s = out.get(f.toAreaId) ?? out.set(f.toAreaId, { band: null, flows: [] }).get(f.toAreaId)!;
    s.flows.push(f);
  }
  for (const s of out.values()) {
    s.flows.sort(byHarm(scale));
    s.band = worstBand(s.flows.map((f) => f.band), scale);
  }
  return out;
}

/** Worst first: by band (the scale's rank), then harm, then group name. */
export const byHarm = (scale: BandScale) => (a: { band: string; harm: number; ocgName: string }, b: { band: string; harm: number; ocgName: string }) =>
  scale.rank(a.band) - scale.rank(b.band) || b.harm - a.harm || a.ocgName.localeCompare(b.ocgName);

export interface GroupSummary {
  ocgId: string;
  ocgName: string;
  band: string;
  harm: number;
  areaIds: string[];
}

/** The groups on the map, worst first, each with its worst impact and the areas it impacts. */
export function groupsOf(flows: ImpactFlow[], scale: BandScale): GroupSummary[] {
  const out = new Map<string, GroupSummary>();
  for (const f of [...flows].sort(byHarm(scale))) {
    const g = out.get(f.ocgId);
    if (g) {
      if (!g.areaIds.includes(f.toAreaId)) g.areaIds.push(f.toAreaId);
    } else {
      out.set(f.ocgId, { ocgId: f.ocgId, ocgName: f.ocgName, band: f.band, harm: f.harm, areaIds: [f.toAreaId] });
    }
  }
  return [...out.values()];
}

/** Flows between the same two areas get successive lanes so their curves do not overlap. */
export function flowLanes(flows: ImpactFlow[]): Map<string, number> {
  const seen = new Map<string, number>();
  const out = new Map<string, number>();
  for (const f of flows) {
    const key = `${f.fromAreaId ?? ''}\u0000${f.toAreaId}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out.set(f.impactId, n);
  }
  return out;
}

/** Stroke width of a flow: 1.5 (no harm) to 7 (harm 100). */
export const flowWidth = (harm: number): number => Math.round((1.5 + (Math.max(0, Math.min(100, harm)) / 100) * 5.5) * 10) / 10;

// ---------------------------------------------------------------------------------------------
// The matrix: areas as rows, groups as columns, one impact record per cell.

export type RowSort = { by: 'area' } | { by: 'worst' } | { by: 'ocg'; ocgId: string };
export type ColumnSort = 'harm' | 'name';
export interface MatrixSort { rows: RowSort; dir: 'asc' | 'desc'; columns: ColumnSort }

export interface MatrixTable {
  columns: { ocgId: string; ocgName: string; crimeTypes: string[]; worst: MatrixRow }[];
  rows: { areaId: string; areaName: string; worst: MatrixRow; cells: Map<string, MatrixRow> }[];
}

const worse = (scale: BandScale) => (a: MatrixRow, b: MatrixRow) => scale.rank(a.band) - scale.rank(b.band) || b.harm - a.harm;

export function matrixTable(records: MatrixRow[], sort: MatrixSort, scale: BandScale): MatrixTable {
  const cmp = worse(scale);
  const cols = new Map<string, MatrixTable['columns'][number]>();
  const rows = new Map<string, MatrixTable['rows'][number]>();
  for (const r of records) {
    const c = cols.get(r.ocgId);
    if (!c) cols.set(r.ocgId, { ocgId: r.ocgId, ocgName: r.ocgName, crimeTypes: r.crimeTypes, worst: r });
    else if (cmp(r, c.worst) < 0) c.worst = r;
    const row = rows.get(r.areaId) ?? rows.set(r.areaId, { areaId: r.areaId, areaName: r.areaName, worst: r, cells: new Map() }).get(r.areaId)!;
    if (cmp(r, row.worst) < 0) row.worst = r;
    // One record per group and area; should two arrive, the worse one is shown.
    const held = row.cells.get(r.ocgId);
    if (!held || cmp(r, held) < 0) row.cells.set(r.ocgId, r);
  }
  const columns = [...cols.values()].sort(sort.columns === 'name'
    ? (a, b) => a.ocgName.localeCompare(b.ocgName)
    : (a, b) => cmp(a.worst, b.worst) || a.ocgName.localeCompare(b.ocgName));
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: MatrixTable['rows'][number], b: MatrixTable['rows'][number]) => a.areaName.localeCompare(b.areaName);
  // For harm, "descending" means worst first; rows without the sorted group's impact always go last.
  const harmKey = (r: MatrixTable['rows'][number]): MatrixRow | undefined => (sort.rows.by === 'ocg' ? r.cells.get(sort.rows.ocgId) : r.worst);
  const sorted = [...rows.values()].sort((a, b) => {
    if (sort.rows.by === 'area') return sign * byName(a, b);
    const ka = harmKey(a), kb = harmKey(b);
    if (!ka || !kb) return (ka ? 0 : 1) - (kb ? 0 : 1) || byName(a, b);
    return -sign * cmp(ka, kb) || byName(a, b);
  });
  return { columns, rows: sorted };
}
