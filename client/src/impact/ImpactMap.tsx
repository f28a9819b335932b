import { useMemo, useState } from 'react';
import type { ImpactApi } from './api.js';
import { anchorOf, fitProjection, flowPath, kmPerUnit, parseBoundary, pathOf, scaleBar, tilesFor, type Box, type Polygons } from './geo.js';
import {
  flowLanes, flowWidth, groupsOf, impactByArea, isRestrictedId, NEUTRAL, requestable,
  type AreaImpactSummary, type BandScale, type ImpactFilter, type ImpactFlow, type ImpactMapData,
} from './model.js';
import { ImpactRequest, type ImpactAsked } from './ImpactRequest.js';
import { BandChip, Empty, Loading, OcgButton, Problem, statusText } from './parts.js';
import { useLoad } from './useLoad.js';
import { BoundaryFile } from '../place/BoundaryFile.js';
import { useUserBoundaries } from '../place/boundaryStore.js';
import type { UserArea } from '../place/userBoundaries.js';
import '../place/place.css';

interface Props {
  api: ImpactApi;
  filter: ImpactFilter;
  filtered: boolean;
  scale: BandScale;
  tiles: string | null;
  onOpenOcg(ocgId: string): void;
}

const W = 1000, H = 680;
/**
 * Left column for areas the flows touch that cannot be drawn: an area record held above OFFICIAL (the
 * viewer knows it only as restricted; plain administrative geography is always drawn), or one with no boundary.
 */
const OFF_MAP_W = 190;

interface DrawnArea { id: string; name: string; restricted: boolean; d: string; at: [number, number] }
interface OffMap { id: string; name: string; at: [number, number] }

/** Geometry for the map: drawn areas, off-map anchors and a projection, from the API's answer (and the user's own boundaries). */
function layout(data: ImpactMapData, user: readonly UserArea[]) {
  const shapes = new Map<string, Polygons>();
  for (const a of data.areas) {
    const p = parseBoundary(a.boundary);
    if (p.length) shapes.set(a.id, p);
  }
  const names = new Map(data.areas.map((a) => [a.id, a]));
  const offIds: string[] = [];
  for (const f of data.flows) {
    for (const id of [f.fromAreaId ?? '', f.toAreaId]) if (!shapes.has(id) && !offIds.includes(id)) offIds.push(id);
  }
  const box: Box = { x0: (offIds.length ? OFF_MAP_W : 0) + 20, y0: 20, x1: W - 20, y1: H - 20 };
  const proj = fitProjection([...shapes.values(), ...user.map((u) => u.polygons)], box);
  const areas: DrawnArea[] = [];
  for (const a of data.areas) {
    const p = shapes.get(a.id);
    if (!p) continue;
    areas.push({ id: a.id, name: a.name, restricted: a.restricted, d: pathOf(p, proj), at: anchorOf(p, proj) ?? [0, 0] });
  }
  const step = Math.min(110, (H - 80) / Math.max(1, offIds.length));
  const offMap: OffMap[] = offIds.map((id, i) => ({
    id,
    name: id ? (names.get(id)?.name ?? 'Restricted area') : 'Lead area not recorded',
    at: [70, 60 + step * i + step / 2],
  }));
  const userAreas = user.map((u) => ({ name: u.name, d: pathOf(u.polygons, proj), at: anchorOf(u.polygons, proj) }));
  // Too many to label without overlap: names move to tooltips.
  return { areas, offMap, offMapLabels: step >= 44, proj, box, userAreas };
}

export function ImpactMap({ api, filter, filtered, scale, tiles, onOpenOcg }: Props) {
  const res = useLoad(`map:${JSON.stringify(filter)}`, () => api.impactMap(filter));
  const [hovered, setHovered] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [asking, setAsking] = useState<ImpactAsked | null>(null);
  const data = res.data;
  const user = useUserBoundaries();
  const drawn = useMemo(() => (data ? layout(data, user?.areas ?? []) : null), [data, user]);
  const instead = user?.mode === 'instead';
  const byArea = useMemo(() => impactByArea(data?.flows ?? [], scale), [data, scale]);
  const groups = useMemo(() => groupsOf(data?.flows ?? [], scale), [data, scale]);
  const lanes = useMemo(() => flowLanes(data?.flows ?? []), [data]);

  if (res.status === 'error') return <Problem text={`The impact map could not be loaded: ${res.error}`} onRetry={res.retry} />;
  if (!data || !drawn) return <Loading />;

  const anchor = new Map<string, [number, number]>([...drawn.areas.map((a) => [a.id, a.at] as const), ...drawn.offMap.map((o) => [o.id, o.at] as const)]);
  const areaName = (id: string) => drawn.areas.find((a) => a.id === id)?.name ?? drawn.offMap.find((o) => o.id === id)?.name ?? id;
  const focus = hovered ?? selected;
  const focusFlows = (id: string | null) => (id ? new Set(byArea.get(id)?.flows.map((f) => f.impactId) ?? []) : null);
  const lit = focusFlows(focus);
  // A scale bar for the drawn areas (none when nothing has a boundary to measure by).
  const bar = drawn.areas.length ? scaleBar(kmPerUnit(drawn.proj, drawn.box), 160) : null;

  return (
    <div className="impact-map" data-testid="impact-map" aria-busy={res.status === 'loading'}>
      <div className="impact-map-canvas">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label="Map of areas and the groups impacting them" data-testid="impact-svg">
          <defs>
            {[...scale.bands.map((b) => b.band), ''].map((b) => (
              <marker key={b || 'unknown'} id={`impact-arrow-${b || 'unknown'}`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                <path d="M0 0L10 5L0 10z" fill={scale.colour(b || '?')} />
              </marker>
            ))}
          </defs>
          <rect x={0} y={0} width={W} height={H} className="impact-sea" onClick={() => setSelected(null)} />
          {tiles && tilesFor(tiles, drawn.proj, drawn.box).map((t) => (
            <image key={`${t.z}/${t.x}/${t.y}`} href={t.url} x={t.left} y={t.top} width={t.size} height={t.size} className="impact-tile" />
          ))}
          {drawn.offMap.length > 0 && (
            <g className="impact-offmap">
              <rect x={8} y={8} width={OFF_MAP_W - 8} height={H - 16} rx={8} />
              <text x={18} y={30} className="impact-offmap-title">Not drawn: restricted or no boundary</text>
            </g>
          )}
          {!instead && drawn.areas.map((a) => {
            const s = byArea.get(a.id);
            const band = s?.band ?? null;
            return (
              <path key={a.id} d={a.d} fill={band ? scale.colour(band) : NEUTRAL} fillRule="evenodd"
                className={`impact-area${focus === a.id ? ' focus' : ''}${tiles ? ' over-tiles' : ''}`}
                data-testid={`impact-area-${a.id}`} data-band={band ?? 'none'} data-name={a.name}
                tabIndex={0} role="button" aria-label={`${a.name}: ${band ? `worst band ${band}` : 'no recorded impact'}`}
                onMouseEnter={() => setHovered(a.id)} onMouseLeave={() => setHovered(null)} onFocus={() => setHovered(a.id)} onBlur={() => setHovered(null)}
                onClick={() => setSelected((x) => (x === a.id ? null : a.id))}
                onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setSelected((x) => (x === a.id ? null : a.id)); } }} />
            );
          })}
          {drawn.userAreas.map((u, i) => (
            <path key={`u${i}`} d={u.d} className="user-area" fillRule="evenodd" data-testid={`impact-user-area-${i}`} data-name={u.name}><title>{`${u.name} (your boundary)`}</title></path>
          ))}
          {drawn.userAreas.map((u, i) => u.at && <text key={`ul${i}`} x={u.at[0]} y={u.at[1]} className="place-area-label user">{u.name}</text>)}
          {!instead && drawn.areas.map((a) => (
            <text key={`l-${a.id}`} x={a.at[0]} y={a.at[1] + 22} className="impact-area-label">{a.name}</text>
          ))}
          {drawn.offMap.map((o) => {
            const band = byArea.get(o.id)?.band ?? null;
            return (
              <g key={o.id || 'none'} className="impact-origin" data-testid={`impact-origin-${o.id || 'none'}`} data-band={band ?? 'none'}
                onMouseEnter={() => setHovered(o.id)} onMouseLeave={() => setHovered(null)} onClick={() => setSelected((x) => (x === o.id ? null : o.id))}>
                <title>{o.name}</title>
                <circle cx={o.at[0]} cy={o.at[1]} r={14} fill={band ? scale.colour(band) : '#f8fafc'} />
                {drawn.offMapLabels && (
                  <foreignObject x={18} y={o.at[1] + 16} width={OFF_MAP_W - 24} height={40}>
                    <div className="impact-origin-label">{o.name}</div>
                  </foreignObject>
                )}
              </g>
            );
          })}
          {bar && (
            <g className="scale-bar" data-testid="impact-scale-bar" data-km={bar.km} transform={`translate(${drawn.box.x1 - bar.px - 60}, ${H - 14})`}>
              <line x1={0} y1={0} x2={bar.px} y2={0} stroke="#334155" strokeWidth={2} />
              <line x1={0} y1={-5} x2={0} y2={0} stroke="#334155" strokeWidth={2} /><line x1={bar.px} y1={-5} x2={bar.px} y2={0} stroke="#334155" strokeWidth={2} />
              <text x={bar.px + 6} y={4} fontSize={12} fill="#334155">{bar.label}</text>
            </g>
          )}
          {data.flows.map((f) => (
            <Flow key={f.impactId} flow={f} from={anchor.get(f.fromAreaId ?? '')} to={anchor.get(f.toAreaId)} lane={lanes.get(f.impactId) ?? 0}
              scale={scale} dim={!!lit && !lit.has(f.impactId)} toName={areaName(f.toAreaId)} onOpen={onOpenOcg} />
          ))}
        </svg>
        {data.flows.length === 0 && <Empty filtered={filtered} />}
        {res.status === 'loading' && <div className="impact-refresh"><span className="spinner" /> Updating…</div>}
      </div>
      <aside className="impact-side" aria-label="Impact details">
        <h4>Your boundaries</h4>
        <BoundaryFile />
        <Legend scale={scale} />
        {asking && <ImpactRequest key={asking.impactId} impact={asking} onClose={() => setAsking(null)} />}
        {focus !== null && (
          <AreaInfo name={areaName(focus)} summary={byArea.get(focus)} scale={scale} pinned={!hovered && selected === focus} onOpen={onOpenOcg}
            onClear={() => setSelected(null)} onAsk={(f) => setAsking({ impactId: f.impactId, ocgName: f.ocgName, areaName: areaName(f.toAreaId), band: f.band, harm: f.harm })} />
        )}
        <h4>Groups on the map ({groups.length})</h4>
        {groups.length === 0 ? <p className="muted small">None recorded.</p> : (
          <ul className="impact-groups">
            {groups.map((g) => (
              <li key={g.ocgId}>
                <OcgButton id={g.ocgId} name={g.ocgName} onOpen={onOpenOcg} testid={`impact-ocg-${g.ocgId}`} />
                <BandChip band={g.band} harm={g.harm} scale={scale} />
                <span className="muted small">{g.areaIds.length === 1 ? areaName(g.areaIds[0]!) : `${g.areaIds.length} areas`}</span>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}

function Flow({ flow: f, from, to, lane, scale, dim, toName, onOpen }: {
  flow: ImpactFlow; from?: [number, number]; to?: [number, number]; lane: number; scale: BandScale; dim: boolean; toName: string; onOpen(id: string): void;
}) {
  if (!from || !to) return null;
  const { d } = flowPath(from, to, lane, 16);
  const known = scale.bands.some((b) => b.band === f.band);
  const title = `${f.ocgName} → ${toName}: harm ${f.harm}, band ${f.band}, ${statusText(f.status).toLowerCase()}${isRestrictedId(f.ocgId) ? '' : ' (click to open its network in the chart)'}`;
  return (
    <g className={`impact-flow${dim ? ' dim' : ''}${isRestrictedId(f.ocgId) ? ' restricted' : ''}`} data-testid={`impact-flow-${f.impactId}`}
      data-from={f.fromAreaId ?? ''} data-to={f.toAreaId} data-ocg={f.ocgId} data-band={f.band} data-harm={f.harm}
      onClick={() => onOpen(f.ocgId)}>
      <title>{title}</title>
      <path d={d} className="impact-flow-hit" />
      <path d={d} className="impact-flow-line" stroke={scale.colour(f.band)} strokeWidth={flowWidth(f.harm)}
        strokeDasharray={f.status === 'OPEN' ? '6 4' : undefined} markerEnd={`url(#impact-arrow-${known ? f.band : 'unknown'})`} />
    </g>
  );
}

function Legend({ scale }: { scale: BandScale }) {
  return (
    <section className="impact-legend" aria-label="Legend" data-testid="impact-legend">
      <h4>Worst harm band impacting the area</h4>
      <ul>
        {scale.bands.map((b) => (
          <li key={b.band} data-testid={`impact-legend-${b.band}`} data-colour={b.colour}>
            <span className="swatch" style={{ background: b.colour }} /> <b>{b.band}</b> {b.label}
          </li>
        ))}
        <li data-testid="impact-legend-none" data-colour={NEUTRAL}><span className="swatch" style={{ background: NEUTRAL }} /> No recorded impact you may see</li>
      </ul>
      <p className="muted small">Arrows run from a group&rsquo;s lead area to each area it impacts; thicker is more harm; dashed is not yet disseminated.</p>
    </section>
  );
}

function AreaInfo({ name, summary, scale, pinned, onOpen, onClear, onAsk }: {
  name: string; summary?: AreaImpactSummary; scale: BandScale; pinned: boolean; onOpen(id: string): void; onClear(): void; onAsk(f: ImpactFlow): void;
}) {
  const flows = summary?.flows ?? [];
  return (
    <section className="impact-area-info" data-testid="impact-area-info" aria-live="polite">
      <div className="impact-area-info-head">
        <h3>{name}</h3>
        {pinned && <button className="icon" onClick={onClear} aria-label="Clear the selected area">×</button>}
      </div>
      {flows.length === 0 ? <p className="muted small">No recorded impact you may see.</p> : (
        <ul className="impact-groups">
          {flows.map((f) => (
            <li key={f.impactId} data-testid={`impact-area-ocg-${f.ocgId}`}>
              <OcgButton id={f.ocgId} name={f.ocgName} onOpen={onOpen} />
              <BandChip band={f.band} harm={f.harm} scale={scale} />
              <span className="muted small">{statusText(f.status)}</span>
              {requestable(f) && (
                <button className="small" onClick={() => onAsk(f)} title="Ask the agency that holds this impact record for more"
                  data-testid={`map-request-${f.impactId}`}>Request information</button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
