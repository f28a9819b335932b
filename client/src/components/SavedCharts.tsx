import { useEffect, useState, type FormEvent } from 'react';
import type { Colleague, SavedChartSummary } from '../workspace/chartStore.js';
import { messageOf } from '../workspace/GraphWorkspace.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';

export function SavedCharts({ onClose }: { onClose(): void }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const [list, setList] = useState<SavedChartSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(s.chart.name === 'Untitled chart' ? '' : s.chart.name);
  const [sharing, setSharing] = useState<SavedChartSummary | null>(null);
  const refresh = () => {
    setError(null);
    ws.listCharts().then(setList, (e) => { setList([]); setError(messageOf(e)); });
  };
  useEffect(refresh, [ws]);
  const store = ws.chartStore;

  const save = async (e: FormEvent, asNew = false) => {
    e.preventDefault();
    await ws.saveChart(name || 'Untitled chart', asNew);
    refresh();
  };

  const mine = list?.filter((c) => c.mine !== false) ?? [];
  const shared = list?.filter((c) => c.mine === false) ?? [];
  const item = (c: SavedChartSummary) => (
    <li key={c.id} className={c.id === s.chart.id ? 'current' : ''} data-testid="chart-item" data-chart-id={c.id}>
      <div>
        <b>{c.name}</b>
        <div className="muted small">
          {new Date(c.savedAt).toLocaleString('en-GB')}
          {c.nodeCount != null && <> · {c.nodeCount} entities · {c.edgeCount ?? 0} links</>}
          {c.mine === false && <span data-testid="chart-owner"> · shared by {c.ownerName}</span>}
          {!!c.sharedWith?.length && <span data-testid="chart-shared-with"> · shared with {c.sharedWith.map((u) => u.displayName).join(', ')}</span>}
        </div>
      </div>
      <div className="actions">
        <button onClick={() => { onClose(); void ws.openChart(c.id); }} data-testid={`chart-open-${c.name}`}>Open</button>
        {c.mine !== false && store?.share && <button onClick={() => setSharing(c)} data-testid={`chart-share-${c.name}`} title="Share with colleagues in your agency">Share</button>}
        <button onClick={() => void ws.deleteChart(c.id).then(refresh)} title={c.mine === false ? 'Remove from your list (the owner keeps it)' : 'Delete this saved chart'}>
          {c.mine === false ? 'Remove' : 'Delete'}
        </button>
      </div>
    </li>
  );

  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Charts" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog" data-testid="charts-dialog">
        <h2>Charts</h2>
        <p className="note small" data-testid="charts-local-note">
          {s.chart.store === 'server'
            ? 'Charts are saved on the server with their layout, not their contents: whoever opens one sees its records through their own access. Saving a chart a colleague shared with you makes your own copy.'
            : 'Saved in this browser only (local storage): ids and layout are kept; contents are read again from the server, under your current access, when a chart is opened.'}
        </p>
        <form className="form-row" onSubmit={(e) => void save(e)}>
          <input placeholder="Chart name" value={name} onChange={(e) => setName(e.target.value)} data-testid="chart-name" aria-label="Chart name" maxLength={200} />
          <button type="submit" className="primary" disabled={!s.doc.nodes.size} data-testid="chart-save">{s.chart.id ? 'Save' : 'Save chart'}</button>
          {s.chart.id && <button type="button" onClick={(e) => void save(e, true)} disabled={!s.doc.nodes.size}>Save as new</button>}
        </form>
        {error && <p className="error" role="alert" data-testid="charts-error">{error}</p>}
        <h3>Your charts</h3>
        {list === null && <p className="muted">Loading…</p>}
        {list !== null && mine.length === 0 && <p className="muted" data-testid="charts-empty">No saved charts yet.</p>}
        <ul className="chart-list" data-testid="chart-list">{mine.map(item)}</ul>
        {shared.length > 0 && (
          <>
            <h3>Shared with you</h3>
            <ul className="chart-list" data-testid="chart-list-shared">{shared.map(item)}</ul>
          </>
        )}
        {sharing && store?.share && <ShareForm chart={sharing} onDone={() => { setSharing(null); refresh(); }} />}
        <div className="dialog-actions">
          <button onClick={() => { ws.clear(); onClose(); }} disabled={!s.doc.nodes.size} data-testid="chart-new">New chart</button>
          <button onClick={onClose} data-testid="charts-close">Close</button>
        </div>
      </div>
    </div>
  );
}

/** Picks the colleagues (same agency) a chart is shared with; replaces the list on save. */
function ShareForm({ chart, onDone }: { chart: SavedChartSummary; onDone(): void }) {
  const ws = useWorkspace();
  const store = ws.chartStore!;
  const [people, setPeople] = useState<Colleague[] | null>(null);
  const [picked, setPicked] = useState(new Set(chart.sharedWith?.map((u) => u.username) ?? []));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { store.colleagues!().then(setPeople, (e) => setError(messageOf(e))); }, [store]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await store.share!(chart.id, [...picked]);
      ws.notify('info', picked.size ? `“${chart.name}” shared with ${picked.size} colleague${picked.size === 1 ? '' : 's'}` : `“${chart.name}” is no longer shared`);
      onDone();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="share-form" onSubmit={(e) => void submit(e)} data-testid="chart-share-form" aria-label={`Share ${chart.name}`}>
      <h3>Share “{chart.name}”</h3>
      <p className="muted small">Colleagues in your agency only. Each sees the chart through their own access: records they may not see are left out.</p>
      {people === null && !error && <p className="muted">Loading colleagues…</p>}
      {people?.length === 0 && <p className="muted">No colleagues in your agency have accounts.</p>}
      <ul className="colleagues">
        {people?.map((p) => (
          <li key={p.username}>
            <label>
              <input
                type="checkbox" checked={picked.has(p.username)} data-testid={`share-with-${p.username}`}
                onChange={(e) => setPicked((old) => { const next = new Set(old); if (e.target.checked) next.add(p.username); else next.delete(p.username); return next; })}
              />
              {' '}{p.displayName} <span className="muted small">({p.username})</span>
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy || people === null} data-testid="chart-share-save">Share</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
