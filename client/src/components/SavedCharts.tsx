import { useEffect, useState, type FormEvent } from 'react';
import type { SavedChartSummary } from '../workspace/chartStore.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';

export function SavedCharts({ onClose }: { onClose(): void }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const [list, setList] = useState<SavedChartSummary[] | null>(null);
  const [name, setName] = useState(s.chart.name === 'Untitled chart' ? '' : s.chart.name);
  const refresh = () => void ws.listCharts().then(setList);
  useEffect(refresh, [ws]);

  const save = async (e: FormEvent, asNew = false) => {
    e.preventDefault();
    await ws.saveChart(name || 'Untitled chart', asNew);
    refresh();
  };

  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Charts" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog" data-testid="charts-dialog">
        <h2>Charts</h2>
        <p className="note small" data-testid="charts-local-note">
          {s.chart.store === 'server' ? 'Charts are saved on the server.' : 'Saved in this browser only (local storage): ids and layout are kept; contents are read again from the server, under your current access, when a chart is opened.'}
        </p>
        <form className="form-row" onSubmit={(e) => void save(e)}>
          <input placeholder="Chart name" value={name} onChange={(e) => setName(e.target.value)} data-testid="chart-name" aria-label="Chart name" />
          <button type="submit" className="primary" disabled={!s.doc.nodes.size} data-testid="chart-save">{s.chart.id ? 'Save' : 'Save chart'}</button>
          {s.chart.id && <button type="button" onClick={(e) => void save(e, true)} disabled={!s.doc.nodes.size}>Save as new</button>}
        </form>
        <h3>Saved charts</h3>
        {list === null && <p className="muted">Loading…</p>}
        {list?.length === 0 && <p className="muted" data-testid="charts-empty">No saved charts yet.</p>}
        <ul className="chart-list" data-testid="chart-list">
          {list?.map((c) => (
            <li key={c.id} className={c.id === s.chart.id ? 'current' : ''} data-testid="chart-item">
              <div>
                <b>{c.name}</b>
                <div className="muted small">{new Date(c.savedAt).toLocaleString('en-GB')} · {c.nodeCount} entities · {c.edgeCount} links</div>
              </div>
              <div className="actions">
                <button onClick={() => { onClose(); void ws.openChart(c.id); }} data-testid={`chart-open-${c.name}`}>Open</button>
                <button onClick={() => void ws.deleteChart(c.id).then(refresh)} title="Delete this saved chart">Delete</button>
              </div>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button onClick={() => { ws.clear(); onClose(); }} disabled={!s.doc.nodes.size} data-testid="chart-new">New chart</button>
          <button onClick={onClose} data-testid="charts-close">Close</button>
        </div>
      </div>
    </div>
  );
}
