import { useEffect, useState } from 'react';
import { fieldError } from '../requirements/model.js';
import type { ProductsApi, SanitisedProduct } from './api.js';
import { DocumentButtons } from './DocumentButtons.js';
import { MarkingBanner, SectionRead, SourcesAppendix } from './parts.js';
import { handlingText, newestFirst, ukDayTime } from './model.js';

/**
 * A released (sanitised) version, as its recipient reads it or as its originator sent it: the
 * marking it was released at, from whom and when, its handling, the statements with their grading
 * references and the sources appendix; printable and as a PDF.
 */
export function ReleaseView({ api, id, onBack }: { api: ProductsApi; id: string; onBack(): void }) {
  const [r, setR] = useState<SanitisedProduct | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    setR(null);
    api.release(id).then((x) => { if (live) setR(x); }, (e: unknown) => { if (live) setError(fieldError(e).message); });
    return () => { live = false; };
  }, [api, id]);
  return (
    <div className="product-view release-view" data-testid="release-view" data-release-id={id}>
      <div className="product-head">
        <button onClick={onBack} data-testid="release-back">← Back</button>
        {r && <span className="classification marking-chip" data-testid="release-marking">{r.classification}</span>}
        <span className="spacer" />
        {r && <DocumentButtons api={api} id={id} />}
      </div>
      {error && <p className="error" role="alert" data-testid="release-load-error">{error}</p>}
      {!r && !error && <p className="muted"><span className="spinner" /> Loading…</p>}
      {r && (
        <>
          <h3 className="product-title" data-testid="release-title">{r.title}</h3>
          <p className="product-meta small">
            {r.typeTitle} · <span data-testid="release-from">From {r.originatorName ?? r.originatorAgency} to {r.recipientAgencyName}</span>
            {r.releasedAt && <> · released {ukDayTime(r.releasedAt)}{r.releasedByName ? ` by ${r.releasedByName}` : ''}</>} · version {r.version}
            {' '}· Handling <span data-testid="release-handling-code">{handlingText(r.handling)}</span>
          </p>
          <div className="product-document" data-testid="release-document">
            <MarkingBanner marking={r.classification} where="top" />
            {r.sections.filter((s) => s.statements.length || s.snapshot).map((s) => <SectionRead key={s.key} s={s} sources={r.sources} />)}
            <SourcesAppendix sources={r.sources} />
            <MarkingBanner marking={r.classification} where="bottom" />
          </div>
        </>
      )}
    </div>
  );
}

/** Products other agencies released to the viewer's agency, newest first. */
export function ReceivedList({ api, onOpen }: { api: ProductsApi; onOpen(id: string): void }) {
  const [list, setList] = useState<SanitisedProduct[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    api.received().then((x) => { if (live) setList(newestFirst(x)); }, (e: unknown) => { if (live) { setList([]); setError(fieldError(e).message); } });
    return () => { live = false; };
  }, [api]);
  return (
    <section data-testid="products-received">
      {error && <p className="error" role="alert">{error}</p>}
      {list === null && <p className="muted"><span className="spinner" /> Loading…</p>}
      {list && !list.length && !error && <p className="muted" data-testid="received-empty">No partner has disseminated a product to your agency.</p>}
      {list && list.length > 0 && (
        <table className="product-list">
          <thead><tr><th>Received</th><th>Type</th><th>Title</th><th>From</th><th>Marking</th><th>Handling</th></tr></thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id} data-testid={`received-${r.id}`}>
                <td>{ukDayTime(r.releasedAt)}</td><td>{r.typeTitle}</td>
                <td><button className="link" onClick={() => r.id && onOpen(r.id)} data-testid="received-open">{r.title}</button></td>
                <td>{r.originatorName}</td><td><span className="classification">{r.classification}</span></td><td>{r.handling}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
