import { useRef, useState } from 'react';
import { ukDateTime } from '../ui/evidence.js';
import { boundaryStore, useUserBoundaries } from './boundaryStore.js';
import { parseUserBoundaries, tooLarge, type BoundaryMode, type BoundaryProblem } from './userBoundaries.js';

/**
 * Loading the user's own boundary file (GeoJSON), checked in the browser and kept there until
 * removed; shared by the impact map and the map of places. The file never leaves the browser.
 */
export function BoundaryFile({ compact = false }: { compact?: boolean }) {
  const set = useUserBoundaries();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<{ file: string; list: BoundaryProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (file: File) => {
    setBusy(true);
    try {
      const big = tooLarge(file.size);
      if (big) return setProblems({ file: file.name, list: [big] });
      const parsed = parseUserBoundaries(await file.text());
      if (!parsed.ok) return setProblems({ file: file.name, list: parsed.problems });
      try {
        boundaryStore.set({ file: file.name, loadedAt: new Date().toISOString(), mode: set?.mode ?? 'over', areas: parsed.areas });
        setProblems(null);
      } catch (e) {
        setProblems({ file: file.name, list: [{ where: 'file', message: e instanceof Error ? e.message : String(e) }] });
      }
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const setMode = (mode: BoundaryMode) => { if (set) boundaryStore.set({ ...set, mode }); };

  return (
    <section className={`boundary-file${compact ? ' compact' : ''}`} aria-label="Your boundaries" data-testid="boundary-file">
      <input ref={input} type="file" accept=".geojson,.json,application/geo+json,application/json" hidden data-testid="boundary-file-input"
        onChange={(e) => { const f = e.target.files?.[0]; if (f) void load(f); }} />
      {set ? (
        <div className="boundary-loaded" data-testid="boundary-loaded" data-count={set.areas.length}>
          <span title={`Loaded ${ukDateTime(set.loadedAt)}; kept in this browser only`}>
            <b>{set.file}</b> · {set.areas.length} area{set.areas.length === 1 ? '' : 's'}
          </span>
          <label className="inline">
            <select aria-label="How your boundaries are drawn" value={set.mode} onChange={(e) => setMode(e.target.value as BoundaryMode)} data-testid="boundary-mode">
              <option value="over">over the areas</option>
              <option value="instead">instead of the areas</option>
            </select>
          </label>
          <button className="small" onClick={() => input.current?.click()} disabled={busy} title="Load another boundary file in place of this one">Replace…</button>
          <button className="small" onClick={() => { boundaryStore.set(null); setProblems(null); }} data-testid="boundary-remove" title="Remove your boundaries from this browser">Remove</button>
        </div>
      ) : (
        <button className="small" onClick={() => input.current?.click()} disabled={busy} data-testid="boundary-load"
          title="Draw your own area outlines: a GeoJSON FeatureCollection of Polygon or MultiPolygon features, each with a name. Kept in this browser; nothing is sent.">
          {busy ? 'Reading…' : 'Load boundaries…'}
        </button>
      )}
      {problems && (
        <div className="boundary-errors" role="alert" data-testid="boundary-errors">
          <div className="boundary-errors-head">
            <b>{problems.file} was not loaded</b>
            <button className="icon" onClick={() => setProblems(null)} aria-label="Dismiss">×</button>
          </div>
          <ul>
            {problems.list.map((p, i) => <li key={i} data-testid="boundary-error"><span className="where">{p.where === 'file' ? 'File' : p.where.replace(/^./, (c) => c.toUpperCase())}:</span> {p.message}</li>)}
          </ul>
        </div>
      )}
    </section>
  );
}
