import { useEffect, useState } from 'react';
import { fieldError } from '../requirements/model.js';
import type { ProductStatus, ProductSummary, ProductsApi } from './api.js';
import { StatusChip } from './parts.js';
import { markingText, newestFirst, statusFilterChoices, ukDayTime } from './model.js';

/** The agency's products the viewer is cleared to read, newest first, filtered by status. */
export function ProductList({ api, reloadKey, canDraft, onOpen, onNew }: {
  api: ProductsApi; reloadKey: number; canDraft: boolean; onOpen(id: string): void; onNew(): void;
}) {
  const [status, setStatus] = useState<ProductStatus | ''>('');
  const [list, setList] = useState<ProductSummary[] | null>(null);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError('');
    api.list({ status: status || null }).then(
      (x) => { if (live) setList(newestFirst(x)); },
      (e: unknown) => { if (live) { setList([]); setError(fieldError(e).message); } },
    );
    return () => { live = false; };
  }, [api, status, reloadKey, attempt]);
  return (
    <section data-testid="product-list-panel">
      <div className="form-row">
        <label className="inline">Status
          <select value={status} onChange={(e) => setStatus(e.target.value as ProductStatus | '')} data-testid="products-status">
            {statusFilterChoices.map((c) => <option key={c.value} value={c.value}>{c.title}</option>)}
          </select>
        </label>
        <span className="spacer" />
        {canDraft && <button className="primary" onClick={onNew} data-testid="product-new">New product</button>}
      </div>
      {error && <div className="error" role="alert"><p>{error}</p><button onClick={() => setAttempt((n) => n + 1)}>Try again</button></div>}
      {list === null && <p className="muted"><span className="spinner" /> Loading…</p>}
      {list && !list.length && !error && <p className="muted" data-testid="products-empty">{status ? 'No product with this status.' : 'No products yet.'}</p>}
      {list && list.length > 0 && (
        <table className="product-list" data-testid="product-list">
          <thead><tr><th>Changed</th><th>Type</th><th>Title</th><th>Status</th><th>Marking</th><th>Author</th></tr></thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id} data-testid={`product-row-${p.id}`} data-status={p.status}>
                <td>{ukDayTime(p.updatedAt)}</td><td>{p.typeTitle}</td>
                <td><button className="link" onClick={() => onOpen(p.id)} data-testid="product-open">{p.title}</button> <span className="muted small">v{p.version}</span></td>
                <td><StatusChip status={p.status} /></td>
                <td><span className="classification">{markingText(p.classification, p.compartments)}</span> <span className="muted small">{p.handling}</span></td>
                <td>{p.authorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
