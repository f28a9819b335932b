import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { GraphQLApi } from '../api.js';
import { impactApi } from '../impact/api.js';
import { anchorOf, kmPerUnit, parseBoundary, pathOf, scaleBar, type Box, type Polygons, type Projection } from '../impact/geo.js';
import { useLoad } from '../impact/useLoad.js';
import { useCanvas, useWorkspace, useWorkspaceState } from '../ui/context.js';
import { BoundaryFile } from './BoundaryFile.js';
import { useUserBoundaries } from './boundaryStore.js';
import { fitPoints, graticule, hitTest, panBy, zoomAt, type Xy } from './mapGeometry.js';
import { lineSelected, litPlaces, PLACE_KIND_NAMES, placeModel, unplacedMessage, type PlaceKind, type PlacePoint } from './placeModel.js';
import './place.css';

/**
 * The chart's places on a map beside it: points for addresses, cameras and cell sites, the chart's
 * links between them, entities without a place shown through the places they are linked to.
 * Drawn offline over the area boundaries the impact view reads (and the user's own, if loaded).
 * Selection is the chart's: picking here selects there, and the other way round.
 */
const PAD = 24;

export function PlaceMap({ onClose }: { onClose(): void }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const canvas = useCanvas();
  const api = useMemo(() => impactApi(ws.api as unknown as GraphQLApi), [ws]);
  const areasRes = useLoad('place-areas', () => api.impactMap({}));
  const user = useUserBoundaries();

  // The chart's size changes with the dock: Cytoscape must be told.
  useEffect(() => {
    canvas.cy?.resize();
    return () => { requestAnimationFrame(() => canvas.cy?.resize()); };
  }, [canvas]);

  const visible = ws.visible();
  const model = useMemo(() => {
    const nodes = [...s.doc.nodes.values()].filter((n) => visible.nodes.has(n.data.id)).map((n) => n.data);
    const edges = [...s.doc.edges.values()].filter((e) => visible.edges.has(e.data.id)).map((e) => e.data);
    return placeModel(nodes, edges);
  }, [s.doc, visible]);
  const lit = useMemo(() => litPlaces(model, s.selection), [model, s.selection]);

  const areas = useMemo(() => (areasRes.data?.areas ?? [])
    .map((a) => ({ id: a.id, name: a.name, polys: parseBoundary(a.boundary) }))
    .filter((a) => a.polys.length), [areasRes.data]);

  // Size of the drawing, in pixels (one SVG unit is one pixel, so hit-testing and the scale bar need no conversion).
  const wrap = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect();
      setSize((old) => (old && old.w === Math.round(r.width) && old.h === Math.round(r.height) ? old : { w: Math.round(r.width), h: Math.round(r.height) }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const box: Box | null = size && size.w > 2 * PAD && size.h > 2 * PAD ? { x0: PAD, y0: PAD, x1: size.w - PAD, y1: size.h - PAD } : null;

  // The view: fitted to the points until the user moves it; fitted again when the places change.
  const pointsKey = model.points.map((p) => `${p.id}@${p.lon},${p.lat}`).join('|');
  const [moved, setMoved] = useState<{ key: string; proj: Projection } | null>(null);
  const fallback = useMemo(() => [...areas.map((a) => a.polys), ...(user?.areas ?? []).map((a) => a.polygons)], [areas, user]);
  const fitted = useMemo(() => (box ? fitPoints(model.points.map((p) => [p.lon, p.lat]), box, { fallback }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pointsKey, box?.x1, box?.y1, fallback]);
  const proj = moved && moved.key === pointsKey ? moved.proj : fitted;
  const setProj = (p: Projection) => setMoved({ key: pointsKey, proj: p });
  const fit = () => setMoved(null);

  const drawn = useMemo(() => {
    if (!proj) return null;
    const at = new Map<string, Xy>(model.points.map((p) => [p.id, proj.point(p.lon, p.lat).map((v) => Math.round(v * 10) / 10) as Xy]));
    return {
      at,
      points: model.points.map((p) => ({ id: p.id, at: at.get(p.id)! })),
      lines: model.lines.map((l) => ({ id: l.id, a: at.get(l.source)!, b: at.get(l.target)! })),
    };
  }, [proj, model]);

  // Wheel zoom (a native listener: React's wheel handler cannot prevent the page scrolling).
  const projRef = useRef(proj);
  projRef.current = proj;
  const keyRef = useRef(pointsKey);
  keyRef.current = pointsKey;
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const p = projRef.current;
      if (!p) return;
      e.preventDefault();
      const r = el.getBoundingClientRect();
      setMoved({ key: keyRef.current, proj: zoomAt(p, Math.exp(-e.deltaY * 0.0015), [e.clientX - r.left, e.clientY - r.top]) });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [size]);

  const drag = useRef<{ x: number; y: number; proj: Projection; moved: boolean } | null>(null);
  const local = (e: React.PointerEvent): Xy => {
    const r = svgRef.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  /** Selects on the chart what a point or line stands for: the place, or the links a line draws. */
  const pick = (ids: string[], additive: boolean) => {
    if (!additive) ws.setSelection(ids);
    else if (ids.every((id) => s.selection.has(id))) ws.setSelection([...s.selection].filter((x) => !ids.includes(x)));
    else ws.select(ids, true);
  };
  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0 || !proj) return;
    drag.current = { x: e.clientX, y: e.clientY, proj, moved: false };
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x, dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    d.moved = true;
    setProj(panBy(d.proj, dx, dy));
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved || !drawn) return;
    const hit = hitTest(drawn.points, drawn.lines, local(e));
    const additive = e.shiftKey || e.ctrlKey || e.metaKey;
    if (hit) pick(hit.kind === 'point' ? [hit.id] : (model.lines.find((l) => l.id === hit.id)?.edges ?? []), additive);
    else if (!additive) ws.clearSelection();
  };

  const centre = (): Xy => (size ? [size.w / 2, size.h / 2] : [0, 0]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, select, textarea, button')) return;
    if (!proj) return;
    const step = 60;
    const acts: Record<string, () => void> = {
      '+': () => setProj(zoomAt(proj, 1.5, centre())), '=': () => setProj(zoomAt(proj, 1.5, centre())),
      '-': () => setProj(zoomAt(proj, 1 / 1.5, centre())),
      ArrowLeft: () => setProj(panBy(proj, step, 0)), ArrowRight: () => setProj(panBy(proj, -step, 0)),
      ArrowUp: () => setProj(panBy(proj, 0, step)), ArrowDown: () => setProj(panBy(proj, 0, -step)),
      f: fit, '0': fit,
    };
    const act = acts[e.key];
    if (!act) return;
    // Keys typed on the map are the map's, not the chart's shortcuts.
    e.preventDefault();
    e.stopPropagation();
    act();
  };

  const labelOf = (id: string) => ws.node(id)?.label ?? id;
  const message = unplacedMessage(model);
  const instead = user?.mode === 'instead';
  const bar = proj && box ? scaleBar(kmPerUnit(proj, box), 120) : null;
  const grid = proj && box ? graticule(proj, box) : null;

  return (
    <section className="place-dock" aria-label="Map of places" data-testid="place-map">
      <header className="place-head">
        <h2>Places</h2>
        <span className="muted small" data-testid="place-counts">
          {model.points.length} place{model.points.length === 1 ? '' : 's'} · {model.lines.length} link{model.lines.length === 1 ? '' : 's'}
        </span>
        <div className="place-tools">
          <button className="icon" onClick={() => proj && setProj(zoomAt(proj, 1.5, centre()))} aria-label="Zoom in" title="Zoom in (+)" data-testid="place-zoom-in">+</button>
          <button className="icon" onClick={() => proj && setProj(zoomAt(proj, 1 / 1.5, centre()))} aria-label="Zoom out" title="Zoom out (−)" data-testid="place-zoom-out">−</button>
          <button onClick={fit} title="Fit the map to the places (F)" data-testid="place-fit">Fit</button>
        </div>
        <button className="close" onClick={onClose} aria-label="Close the map" data-testid="place-close">×</button>
      </header>
      <div className="place-bar">
        <BoundaryFile compact />
        <PlaceLegend />
      </div>
      {message && (
        <details className="place-unplaced" data-testid="place-unplaced" data-through={model.through.length} data-unplaced={model.unplaced.length}>
          <summary>{message}</summary>
          <ul>
            {[...model.through, ...model.unplaced].map((u) => (
              <li key={u.id}>
                <button className="link" onClick={() => ws.setSelection([u.id])} data-testid={`place-unplaced-${u.id}`}>{u.label}</button>{' '}
                <span className="muted small">{u.places.length ? `at ${u.places.map(labelOf).join(', ')}` : 'no place'}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {areasRes.status === 'error' && <p className="place-note muted small" data-testid="place-areas-error">Area boundaries could not be loaded ({areasRes.error}): a grid of latitude and longitude is drawn instead.</p>}
      <div className="place-canvas" ref={wrap} tabIndex={0} onKeyDown={onKeyDown} aria-label="Map: drag to pan, wheel or + and − to zoom, arrows to move, F to fit">
        {size && proj && drawn && (
          <svg ref={svgRef} width={size.w} height={size.h} viewBox={`0 0 ${size.w} ${size.h}`} data-testid="place-svg"
            onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => { drag.current = null; }}>
            <rect x={0} y={0} width={size.w} height={size.h} className="place-sea" />
            {grid && (
              <g className="place-graticule" data-testid="place-graticule" data-step={grid.step}>
                {grid.lons.map((lon) => { const x = proj.point(lon, 0)[0]; return <line key={`x${lon}`} x1={x} x2={x} y1={0} y2={size.h} />; })}
                {grid.lats.map((lat) => { const y = proj.point(0, lat)[1]; return <line key={`y${lat}`} x1={0} x2={size.w} y1={y} y2={y} />; })}
              </g>
            )}
            {!instead && areas.map((a) => <path key={a.id} d={pathOf(a.polys, proj)} className="place-area" fillRule="evenodd" data-testid={`place-area-${a.id}`} data-name={a.name}><title>{a.name}</title></path>)}
            {(user?.areas ?? []).map((a, i) => <path key={`u${i}`} d={pathOf(a.polygons, proj)} className="user-area" fillRule="evenodd" data-testid={`place-user-area-${i}`} data-name={a.name}><title>{`${a.name} (your boundary)`}</title></path>)}
            {!instead && areas.map((a) => <AreaLabel key={`l${a.id}`} polys={a.polys} proj={proj} name={a.name} />)}
            {(user?.areas ?? []).map((a, i) => <AreaLabel key={`ul${i}`} polys={a.polygons} proj={proj} name={a.name} user />)}
            {model.lines.map((l, i) => {
              const d = drawn.lines[i]!;
              return (
                <line key={l.id} x1={d.a[0]} y1={d.a[1]} x2={d.b[0]} y2={d.b[1]} className={`place-line${lineSelected(l, s.selection) ? ' selected' : ''}`}
                  data-testid={`place-line-${l.id}`} data-source={l.source} data-target={l.target} data-edges={l.edges.join(' ')}
                  data-selected={lineSelected(l, s.selection)} strokeWidth={Math.min(6, 1.6 + 0.8 * (l.edges.length - 1))}>
                  <title>{`${labelOf(l.source)} — ${labelOf(l.target)}: ${l.edges.length === 1 ? lineText(ws, l.edges[0]!) : `${l.edges.length} links (${l.types.map(humanType).join(', ')})`}`}</title>
                </line>
              );
            })}
            {model.points.map((p) => (
              <Point key={p.id} p={p} at={drawn.at.get(p.id)!} selected={lit.selected.has(p.id)} via={lit.via.has(p.id)} labelOf={labelOf}
                onKey={(additive) => pick([p.id], additive)} />
            ))}
            {bar && (
              <g className="scale-bar" data-testid="place-scale-bar" data-km={bar.km} transform={`translate(${PAD}, ${size.h - 14})`}>
                <line x1={0} y1={0} x2={bar.px} y2={0} /><line x1={0} y1={-5} x2={0} y2={0} /><line x1={bar.px} y1={-5} x2={bar.px} y2={0} />
                <text x={bar.px + 6} y={4}>{bar.label}</text>
              </g>
            )}
          </svg>
        )}
        {model.points.length === 0 && (
          <div className="place-empty" data-testid="place-empty" role="status">
            <b>No entity on the chart has a place.</b> Addresses, cameras and cell sites with coordinates appear here; expand subjects to bring in where they live and go.
          </div>
        )}
      </div>
    </section>
  );
}

const humanType = (t: string) => t.replace(/_/g, ' ').toLowerCase();
/** "Lorcan Vexley associate of Dana Quarrie": what a single link on a line stands for. */
function lineText(ws: ReturnType<typeof useWorkspace>, edgeId: string): string {
  const e = ws.edge(edgeId);
  if (!e) return 'a link';
  return `${ws.node(e.source)?.label ?? e.source} ${humanType(e.type)} ${ws.node(e.target)?.label ?? e.target}`;
}

function AreaLabel({ polys, proj, name, user }: { polys: Polygons; proj: Projection; name: string; user?: boolean }) {
  const at = anchorOf(polys, proj);
  return at ? <text x={at[0]} y={at[1]} className={`place-area-label${user ? ' user' : ''}`}>{name}</text> : null;
}

const GLYPH: Record<PlaceKind, (x: number, y: number) => ReactElement> = {
  location: (x, y) => <circle cx={x} cy={y} r={6} />,
  camera: (x, y) => <rect x={x - 5.5} y={y - 5.5} width={11} height={11} rx={1.5} />,
  cellsite: (x, y) => <path d={`M${x} ${y - 7}L${x + 6.5} ${y + 5}L${x - 6.5} ${y + 5}Z`} />,
  other: (x, y) => <path d={`M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`} />,
};

function Point({ p, at, selected, via, labelOf, onKey }: {
  p: PlacePoint; at: Xy; selected: boolean; via: boolean; labelOf(id: string): string; onKey(additive: boolean): void;
}) {
  const [x, y] = at;
  const through = p.through.map(labelOf);
  const title = `${p.label} (${PLACE_KIND_NAMES[p.kind].toLowerCase()})${through.length ? `\nLinked: ${through.join(', ')}` : ''}`;
  return (
    <g className={`place-point kind-${p.kind}${selected ? ' selected' : ''}${via ? ' via' : ''}`} data-testid={`place-point-${p.id}`}
      data-kind={p.kind} data-x={x} data-y={y} data-selected={selected} data-via={via} data-through={p.through.join(' ')}
      tabIndex={0} role="button" aria-pressed={selected} aria-label={title.replace('\n', '. ')}
      onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); e.stopPropagation(); onKey(e.shiftKey); } }}>
      <title>{title}</title>
      {(selected || via) && <circle cx={x} cy={y} r={12} className="place-halo" />}
      {GLYPH[p.kind](x, y)}
      {through.length > 0 && (
        <g className="place-badge">
          <circle cx={x + 9} cy={y - 9} r={6.5} />
          <text x={x + 9} y={y - 6.2}>{through.length}</text>
        </g>
      )}
    </g>
  );
}

function PlaceLegend() {
  const kinds: PlaceKind[] = ['location', 'camera', 'cellsite'];
  return (
    <ul className="place-legend" aria-label="Legend" data-testid="place-legend">
      {kinds.map((k) => (
        <li key={k}><svg width={16} height={16} viewBox="0 0 16 16" aria-hidden className={`place-point kind-${k}`}>{GLYPH[k](8, 8.5)}</svg> {PLACE_KIND_NAMES[k]}</li>
      ))}
      <li><svg width={16} height={16} viewBox="0 0 16 16" aria-hidden className="place-badge"><circle cx={8} cy={8} r={6.5} /><text x={8} y={10.8}>2</text></svg> linked entities without a place</li>
    </ul>
  );
}
