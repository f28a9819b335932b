import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { GraphQLApi } from '../api.js';
import { useWorkspace } from '../ui/context.js';
import { messageOf } from '../workspace/GraphWorkspace.js';

/** What the server answers for an upload (the importGraph mutation). */
interface ImportResult {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  written: boolean;
  dryRun: boolean;
  errors: { file: string; line: number; reason: string }[];
}

const IMPORT = `mutation($n: String, $e: String, $j: String, $dry: Boolean!, $keep: Boolean!) {
  importGraph(nodesCsv: $n, edgesCsv: $e, json: $j, dryRun: $dry, keepGood: $keep) {
    read created updated unchanged rejected duplicates written dryRun errors { file line reason }
  }
}`;

/** Uploads are sent in one request; the server's default body limit is 1 MB. Larger files: `npm run import`. */
const MAX_UPLOAD = 950_000;
const SHOWN_ERRORS = 200;

/**
 * Upload nodes and edges (CSV, or one JSON document) through the same importer as the command
 * line. The file is checked first (a dry run: what would be created, updated, rejected and why,
 * by line); nothing is written until the user imports, and a file with rejected rows writes
 * nothing unless they choose to keep the good rows. Rows are owned by the user's agency.
 */
export function ImportDialog({ api, onClose }: { api: Pick<GraphQLApi, 'request'>; onClose(): void }) {
  const ws = useWorkspace();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [files, setFiles] = useState<{ nodes?: File; edges?: File; json?: File }>({});
  const [keepGood, setKeepGood] = useState(false);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const chosen = format === 'csv' ? [files.nodes, files.edges].filter(Boolean) as File[] : [files.json].filter(Boolean) as File[];
  const size = chosen.reduce((n, f) => n + f.size, 0);
  const tooBig = size > MAX_UPLOAD;

  const pick = (key: 'nodes' | 'edges' | 'json') => (e: ChangeEvent<HTMLInputElement>) => {
    setFiles((f) => ({ ...f, [key]: e.target.files?.[0] }));
    setResult(null);
    setError(null);
  };

  const send = async (dryRun: boolean) => {
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const text = async (f?: File) => (f ? f.text() : undefined);
      const vars = format === 'csv'
        ? { n: await text(files.nodes), e: await text(files.edges), j: undefined }
        : { n: undefined, e: undefined, j: await text(files.json) };
      const r = await api.request<{ importGraph: ImportResult }>(IMPORT, { ...vars, dry: dryRun, keep: keepGood });
      setResult(r.importGraph);
      if (!dryRun && r.importGraph.written) {
        const c = r.importGraph;
        ws.notify('info', `Imported: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${c.rejected ? `, ${c.rejected} rejected` : ''}`);
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };

  const checked = result?.dryRun ? result : null;
  const canImport = !!checked && (checked.rejected === 0 || keepGood) && checked.created + checked.updated > 0;

  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Import" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog" data-testid="import-dialog">
        <h2>Import entities and links</h2>
        <p className="note small">
          Nodes: <code>id,type,label</code> and property columns; edges: <code>source,target,type</code>, property columns and
          <code>reportIds</code>. Rows are owned by your agency; records you do not own and see in full cannot be changed or linked.
          Up to 1 MB per upload (use <code>npm run import</code> for larger files).
        </p>
        <form onSubmit={submit}>
          <div className="form-row">
            <label className="inline"><input type="radio" name="format" checked={format === 'csv'} onChange={() => { setFormat('csv'); setResult(null); }} /> CSV files</label>
            <label className="inline"><input type="radio" name="format" checked={format === 'json'} onChange={() => { setFormat('json'); setResult(null); }} data-testid="import-format-json" /> JSON</label>
          </div>
          {format === 'csv' ? (
            <div className="form-grid">
              <label>Nodes CSV <input type="file" accept=".csv,text/csv" onChange={pick('nodes')} data-testid="import-nodes" /></label>
              <label>Edges CSV <input type="file" accept=".csv,text/csv" onChange={pick('edges')} data-testid="import-edges" /></label>
            </div>
          ) : (
            <label>JSON (<code>{'{"nodes": [...], "edges": [...]}'}</code>) <input type="file" accept=".json,application/json" onChange={pick('json')} data-testid="import-json" /></label>
          )}
          {tooBig && <p className="error" role="alert">These files are {(size / 1e6).toFixed(1)} MB: split them, or use <code>npm run import</code>.</p>}
          <label className="inline">
            <input type="checkbox" checked={keepGood} onChange={(e) => setKeepGood(e.target.checked)} data-testid="import-keep-good" />
            Import the good rows even if some are rejected
          </label>
          <div className="dialog-actions">
            <button type="submit" disabled={!chosen.length || tooBig || !!busy} data-testid="import-check">{busy === 'check' ? 'Checking…' : 'Check'}</button>
            <button type="button" className="primary" disabled={!canImport || !!busy} onClick={() => void send(false)} data-testid="import-run"
              title={checked ? undefined : 'Check the files first'}>
              {busy === 'import' ? 'Importing…' : 'Import'}
            </button>
            <button type="button" onClick={onClose} data-testid="import-close">Close</button>
          </div>
        </form>
        {error && <p className="error" role="alert" data-testid="import-error">{error}</p>}
        {result && <ImportSummary result={result} />}
      </div>
    </div>
  );
}

function ImportSummary({ result: r }: { result: ImportResult }) {
  const verb = r.dryRun ? ' would be' : '';
  return (
    <section className="import-summary" data-testid="import-summary" data-written={r.written} data-rejected={r.rejected}>
      <p>
        <b>{r.dryRun ? 'Check' : r.written ? 'Imported' : 'Nothing imported'}:</b>{' '}
        {r.read} rows read; {r.created}{verb} created, {r.updated}{verb} updated, {r.unchanged} unchanged
        {r.duplicates ? `, ${r.duplicates} duplicate rows skipped` : ''}; <span className={r.rejected ? 'error' : ''}>{r.rejected} rejected</span>.
      </p>
      {!r.dryRun && !r.written && r.rejected > 0 && <p className="note small">The graph is unchanged: fix the rows below, or import the good rows only.</p>}
      {r.errors.length > 0 && (
        <div className="import-errors">
          <table>
            <thead><tr><th>File</th><th>Line</th><th>Reason</th></tr></thead>
            <tbody>
              {r.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <tr key={i} data-testid="import-error-row"><td>{e.file}</td><td>{e.line}</td><td>{e.reason}</td></tr>
              ))}
            </tbody>
          </table>
          {r.errors.length > SHOWN_ERRORS && <p className="muted small">…and {r.errors.length - SHOWN_ERRORS} more.</p>}
        </div>
      )}
    </section>
  );
}
