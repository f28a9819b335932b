import { useEffect, useMemo, useRef, useState } from 'react';
import { CRIME_TYPES } from '../../../server/domain/codes.js';
import type { GraphQLApi } from '../api.js';
import { useWorkspace } from '../ui/context.js';
import { humanCode } from '../ui/format.js';
import { impactApi } from './api.js';
import { ImpactMap } from './ImpactMap.js';
import { ImpactMatrix } from './ImpactMatrix.js';
import { bandScale, IMPACT_STATUSES, isRestrictedId, type BandScale, type ImpactFilter, type ImpactStatus } from './model.js';
import { Loading, Problem, statusText } from './parts.js';
import { useLoad } from './useLoad.js';
import './impact.css';

/**
 * Cross-boundary impact as a partner sees it: a map of areas coloured by the worst band of the
 * groups recorded as impacting them, with flows from each group's lead area, and an areas x groups
 * matrix. Both show only what the API's policy lets the viewer see; a group opens in the chart.
 */
export type ImpactTab = 'map' | 'matrix';

/** A tile URL template ({z}/{x}/{y}) under the boundaries; none by default (the map needs no internet). */
const TILE_SETTING = 'intel-graph.impact-tiles';
function tileUrl(): string | null {
  try {
    return localStorage.getItem(TILE_SETTING) || null;
  } catch {
    return null;
  }
}

export default function ImpactView({ onClose, initialTab = 'map' }: { onClose(): void; initialTab?: ImpactTab }) {
  const ws = useWorkspace();
  const api = useMemo(() => impactApi(ws.api as unknown as GraphQLApi), [ws]);
  const [tab, setTab] = useState<ImpactTab>(initialTab);
  const [filter, setFilter] = useState<ImpactFilter>({});
  const bands = useLoad('bands', () => api.harmBands());
  const scale = useMemo(() => bandScale(bands.data ?? []), [bands.data]);
  const tiles = useMemo(tileUrl, []);
  const root = useRef<HTMLDivElement>(null);

  // Keys typed here are the view's, not the chart's shortcuts behind it.
  useEffect(() => root.current?.focus(), []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') onClose();
  };

  const openOcg = (ocgId: string) => {
    if (isRestrictedId(ocgId)) return;
    onClose();
    void ws.add([ocgId]).then(() => (ws.node(ocgId) ? ws.expand([ocgId]) : undefined));
  };

  const filtered = !!(filter.band || filter.crimeType || filter.status);
  return (
    <div className="overlay impact-overlay" role="dialog" aria-modal aria-label="Cross-boundary impact" data-testid="impact-view"
      ref={root} tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="impact-frame">
        <header className="impact-head">
          <h2>Cross-boundary impact</h2>
          <div className="impact-tabs" role="tablist" aria-label="Impact views">
            {(['map', 'matrix'] as const).map((t) => (
              <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)} data-testid={`impact-tab-${t}`}>
                {t === 'map' ? 'Map' : 'Matrix'}
              </button>
            ))}
          </div>
          <Filters filter={filter} onChange={setFilter} scale={scale} />
          <button className="close" onClick={onClose} aria-label="Close" data-testid="impact-close">×</button>
        </header>
        <div className="impact-body" role="tabpanel">
          {bands.status === 'error' ? (
            <Problem text={`The harm bands could not be loaded: ${bands.error}`} onRetry={bands.retry} />
          ) : bands.status === 'loading' ? (
            <Loading />
          ) : tab === 'map' ? (
            <ImpactMap api={api} filter={filter} filtered={filtered} scale={scale} tiles={tiles} onOpenOcg={openOcg} />
          ) : (
            <ImpactMatrix api={api} filter={filter} filtered={filtered} scale={scale} onOpenOcg={openOcg} />
          )}
        </div>
      </div>
    </div>
  );
}

function Filters({ filter, onChange, scale }: { filter: ImpactFilter; onChange(f: ImpactFilter): void; scale: BandScale }) {
  const set = (patch: ImpactFilter) => onChange({ ...filter, ...patch });
  return (
    <div className="impact-filters" aria-label="Filters">
      <label className="inline">
        Band
        <select value={filter.band ?? ''} onChange={(e) => set({ band: e.target.value || null })} data-testid="impact-filter-band">
          <option value="">any</option>
          {scale.bands.map((b) => <option key={b.band} value={b.band}>{b.band} · {b.label}</option>)}
        </select>
      </label>
      <label className="inline">
        Crime type
        <select value={filter.crimeType ?? ''} onChange={(e) => set({ crimeType: e.target.value || null })} data-testid="impact-filter-crime">
          <option value="">any</option>
          {CRIME_TYPES.map((c) => <option key={c} value={c}>{humanCode(c)}</option>)}
        </select>
      </label>
      <label className="inline">
        Status
        <select value={filter.status ?? ''} onChange={(e) => set({ status: (e.target.value || null) as ImpactStatus | null })} data-testid="impact-filter-status">
          <option value="">any</option>
          {IMPACT_STATUSES.map((s) => <option key={s} value={s}>{statusText(s)}</option>)}
        </select>
      </label>
      {(filter.band || filter.crimeType || filter.status) && <button onClick={() => onChange({})} data-testid="impact-filter-clear">Clear</button>}
    </div>
  );
}
