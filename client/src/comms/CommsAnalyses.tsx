import { useState, type FormEvent } from 'react';
import { download, exportName } from '../export/download.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { parseUkDate } from '../ui/evidence.js';
import { messageOf } from '../workspace/GraphWorkspace.js';
import type { CommsApi, Window } from './api.js';
import { callFrequencyTable, coLocationTable, commonContactsTable, labeller, tableCsv, type ResultTable } from './tables.js';

type Analysis = 'callFrequency' | 'commonContacts' | 'vehicleCoLocation' | 'phoneCoLocation';

interface AnalysisDef { title: string; entity: 'Phone' | 'Vehicle'; min: number; max: number; hint: string; near?: { minutes: number; places: number; placesTitle: string } }

const ANALYSES: Record<Analysis, AnalysisDef> = {
  callFrequency: { title: 'Call frequency', entity: 'Phone', min: 1, max: 50, hint: 'Who called whom among or with the selected phones, most calls first, and calls per day.' },
  commonContacts: { title: 'Common contacts', entity: 'Phone', min: 2, max: 20, hint: 'Phones in contact with at least two of the selected phones (all of them when two are selected).' },
  vehicleCoLocation: {
    title: 'Vehicle co-location / convoy', entity: 'Vehicle', min: 1, max: 2, near: { minutes: 5, places: 3, placesTitle: 'Minimum cameras' },
    hint: 'Vehicles seen at the same ANPR cameras within the minutes given of the selected vehicle (or of each other, two selected); convoy: the same one led every time.',
  },
  phoneCoLocation: {
    title: 'Phone co-location on cell sites', entity: 'Phone', min: 1, max: 2, near: { minutes: 10, places: 2, placesTitle: 'Minimum cell sites' },
    hint: 'Phones using the same cell sites within the minutes given of the selected phone (or of each other, two selected).',
  },
};

interface Shown { analysis: Analysis; table: ResultTable; addedNodes: number; addedLinks: number }

/**
 * Analyses of the selected phones or vehicles over communications data. Each result is drawn on
 * the chart (its slice, one undoable step) and shown as a table that can be saved as CSV.
 */
export function CommsAnalyses({ comms }: { comms: CommsApi }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const [analysis, setAnalysis] = useState<Analysis>('callFrequency');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [minutes, setMinutes] = useState<Record<string, number>>({ vehicleCoLocation: 5, phoneCoLocation: 10 });
  const [places, setPlaces] = useState<Record<string, number>>({ vehicleCoLocation: 3, phoneCoLocation: 2 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  const def = ANALYSES[analysis];
  const selected = [...s.selection].map((id) => s.doc.nodes.get(id)?.data).filter((n) => n && !n.restricted && n.type === def.entity).map((n) => n!);
  const ids = selected.map((n) => n.id);
  const fromIso = parseUkDate(from);
  const toIso = parseUkDate(to);
  const badDates = fromIso === null || toIso === null;
  const enough = ids.length >= def.min && ids.length <= def.max;
  const chartLabel = (id: string) => s.doc.nodes.get(id)?.data.label ?? id;

  const run = async (e: FormEvent) => {
    e.preventDefault();
    if (!enough || badDates) return;
    const w: Window = { from: fromIso || undefined, to: toIso || undefined };
    setBusy(true);
    setError(null);
    try {
      let table: ResultTable;
      let slice;
      if (analysis === 'callFrequency') {
        const r = await comms.callFrequency(ids, w);
        slice = r.slice;
        table = callFrequencyTable(r, labeller([r.slice], chartLabel));
      } else if (analysis === 'commonContacts') {
        const r = await comms.commonContacts(ids, w);
        slice = r.slice;
        table = commonContactsTable(r, ids, labeller([r.slice], chartLabel));
      } else {
        const opts = { ...w, withinMinutes: minutes[analysis]!, minPlaces: places[analysis]! };
        const r = analysis === 'vehicleCoLocation' ? await comms.vehicleCoLocation(ids, opts) : await comms.phoneCoLocation(ids, opts);
        slice = r.slice;
        table = coLocationTable(r, labeller([r.slice], chartLabel), analysis === 'vehicleCoLocation' ? 'vehicles' : 'phones');
      }
      const before = ws.getState().doc;
      await ws.addAnalysisResult(def.title, slice, ids);
      const after = ws.getState().doc;
      setShown({ analysis, table, addedNodes: after.nodes.size - before.nodes.size, addedLinks: after.edges.size - before.edges.size });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = (t: ResultTable, suffix = '') => {
    const name = exportName(`${def.title}${suffix}`, 'csv');
    download(new Blob([tableCsv(t)], { type: 'text/csv;charset=utf-8' }), name);
  };

  return (
    <div className="comms-analyses" data-testid="comms-analyses">
      <form onSubmit={(e) => void run(e)}>
        <div className="form-grid">
          <label>Analysis
            <select value={analysis} onChange={(e) => { setAnalysis(e.target.value as Analysis); setError(null); }} data-testid="comms-analysis">
              {(Object.keys(ANALYSES) as Analysis[]).map((a) => <option key={a} value={a}>{ANALYSES[a].title}</option>)}
            </select>
          </label>
        </div>
        <p className="muted small">{def.hint}</p>
        <p data-testid="comms-selected" data-count={ids.length}>
          {ids.length
            ? <>Selected {def.entity === 'Phone' ? 'phones' : 'vehicles'}: <b>{selected.map((n) => n.label).join(', ')}</b></>
            : <span className="muted">Select {def.min === def.max ? def.min : `${def.min} to ${def.max}`} {def.entity === 'Phone' ? 'phone' : 'vehicle'}{def.max > 1 ? 's' : ''} on the chart first.</span>}
          {ids.length > 0 && !enough && <span className="error small"> This analysis takes {def.min === def.max ? def.min : `${def.min} to ${def.max}`}.</span>}
        </p>
        <div className="form-grid">
          <label>From (dd/mm/yyyy)
            <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric" data-testid="comms-from" aria-invalid={fromIso === null} />
          </label>
          <label>To (dd/mm/yyyy, inclusive)
            <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric" data-testid="comms-to" aria-invalid={toIso === null} />
          </label>
          {def.near && (
            <>
              <label>Within minutes
                <input type="number" min={1} max={1440} value={minutes[analysis]} onChange={(e) => setMinutes((m) => ({ ...m, [analysis]: Math.max(1, Number(e.target.value) || 1) }))} data-testid="comms-minutes" />
              </label>
              <label>{def.near.placesTitle}
                <input type="number" min={1} max={100} value={places[analysis]} onChange={(e) => setPlaces((p) => ({ ...p, [analysis]: Math.max(1, Number(e.target.value) || 1) }))} data-testid="comms-places" />
              </label>
            </>
          )}
        </div>
        {badDates && <p className="error small" data-testid="comms-date-error">Dates are day/month/year, e.g. 01/03/2024.</p>}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!enough || badDates || busy} data-testid="comms-run">{busy ? 'Running…' : 'Run'}</button>
        </div>
      </form>
      {error && <p className="error" role="alert" data-testid="comms-analysis-error">{error}</p>}
      {shown && (
        <section className="comms-result" data-testid="comms-analysis-result" data-analysis={shown.analysis} data-rows={shown.table.rows.length}>
          <p className="small muted" data-testid="comms-added">{addedText(shown.addedNodes, shown.addedLinks)}</p>
          <ResultTableView table={shown.table} testid="comms-table" onExport={() => exportCsv(shown.table)} />
          {shown.table.detail && shown.table.detail.rows.length > 0 && (
            <ResultTableView table={shown.table.detail} testid="comms-detail-table" onExport={() => exportCsv(shown.table.detail!, ` ${shown.table.detail!.title}`)} />
          )}
        </section>
      )}
    </div>
  );
}

function addedText(nodes: number, links: number): string {
  if (nodes <= 0 && links <= 0) return 'Everything found is already on the chart.';
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `Added to the chart: ${part(Math.max(0, nodes), 'entity', 'entities')} and ${part(Math.max(0, links), 'link', 'links')}.`;
}

function ResultTableView({ table, testid, onExport }: { table: ResultTable; testid: string; onExport(): void }) {
  const ws = useWorkspace();
  return (
    <div className="comms-result-table">
      <div className="comms-result-head">
        <h4>{table.title} <span className="muted small">({table.rows.length})</span></h4>
        <button type="button" onClick={onExport} disabled={!table.rows.length} data-testid={`${testid}-export`}>Export CSV</button>
      </div>
      {table.rows.length === 0 ? (
        <p className="muted" data-testid={`${testid}-empty`}>Nothing found.</p>
      ) : (
        <div className="comms-table-wrap">
          <table className="comms-table" data-testid={testid}>
            <thead><tr>{table.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i} data-testid={`${testid}-row`} onClick={() => ws.select(table.rowIds[i] ?? [])} title="Select on the chart">
                  {r.map((c, j) => <td key={j}>{c}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
