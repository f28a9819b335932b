import { useState } from 'react';
import { fieldError } from '../requirements/model.js';
import type { Product, ProductsApi } from './api.js';
import { defaultComparison, diffView, ukDayTime, type DiffView } from './model.js';

/** Every saved version, and what changed between any two of them, section by section. */
export function VersionsPanel({ api, product, onView }: { api: ProductsApi; product: Product; onView(version: number): void }) {
  const initial = defaultComparison(product.versions);
  const [from, setFrom] = useState(initial?.from ?? 1);
  const [to, setTo] = useState(initial?.to ?? 1);
  const [diff, setDiff] = useState<DiffView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const versions = [...product.versions].sort((a, b) => b.version - a.version);

  const compare = async () => {
    setBusy(true);
    setError('');
    try {
      setDiff(diffView(await api.diff(product.id, from, to)));
    } catch (e) {
      setError(fieldError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="versions-panel" data-testid="versions-panel">
      <table className="versions">
        <thead><tr><th>Version</th><th>Saved</th><th>By</th><th>Note</th><th /></tr></thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-testid={`version-${v.version}`} className={v.version === product.version ? 'current' : ''}>
              <td>{v.version}{v.version === product.latestVersion ? <span className="chip small">latest</span> : null}</td>
              <td>{ukDayTime(v.savedAt)}</td><td>{v.savedByName}</td><td>{v.note ?? ''}</td>
              <td>{v.version !== product.version && <button onClick={() => onView(v.version)} data-testid={`version-view-${v.version}`}>View</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length < 2 ? <p className="muted small">Only one version so far: save an edit to compare versions.</p> : (
        <div className="form-row">
          <label className="inline">From
            <select value={from} onChange={(e) => setFrom(Number(e.target.value))} data-testid="diff-from">
              {versions.map((v) => <option key={v.version} value={v.version}>Version {v.version}</option>)}
            </select>
          </label>
          <label className="inline">To
            <select value={to} onChange={(e) => setTo(Number(e.target.value))} data-testid="diff-to">
              {versions.map((v) => <option key={v.version} value={v.version}>Version {v.version}</option>)}
            </select>
          </label>
          <button onClick={() => void compare()} disabled={busy || from === to} data-testid="diff-show">Show changes</button>
        </div>
      )}
      {error && <p className="error small" role="alert">{error}</p>}
      {diff && (
        <div className="diff" data-testid="diff-view">
          <p><b data-testid="diff-summary">{diff.summary}</b> <span className="muted small">from version {from} to version {to}</span></p>
          {diff.sections.map((s) => (
            <section key={s.key} data-testid={`diff-section-${s.key}`}>
              <h4>{s.title} <span className="muted small">{s.counts}</span></h4>
              <ul>
                {s.rows.map((r, i) => (
                  <li key={i} className={`diff-row ${r.kind}`} data-testid="diff-row" data-kind={r.kind}>
                    <span className="diff-kind">{r.kind === 'changed' ? 'Changed' : r.kind === 'added' ? 'Added' : 'Removed'}</span>
                    {r.kind === 'changed' ? <><del>{r.before}</del> <ins>{r.text}</ins></> : r.kind === 'added' ? <ins>{r.text}</ins> : <del>{r.text}</del>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
