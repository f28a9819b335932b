import type { Product, ProductSource } from './api.js';
import { Cites, SnapshotSvg } from './parts.js';
import {
  addStatement, editChanged, editProblems, editText, moveStatement, removeStatement, setTitle, toggleCitation, ukDay, type ProductEdit,
} from './model.js';

/**
 * The author's edit of a draft, in place: statement texts, order, new and deleted statements, and
 * which of the product's sources each cites. Saving makes a new version (see ProductView).
 */
export function ProductEditor({ product, edit, onChange }: { product: Product; edit: ProductEdit; onChange(e: ProductEdit): void }) {
  const sources = product.sources;
  return (
    <div className="product-editor" data-testid="product-editor">
      <label className="edit-title">Title
        <input value={edit.title} onChange={(e) => onChange(setTitle(edit, e.target.value))} maxLength={300} data-testid="edit-title" />
      </label>
      {edit.sections.map((s) => {
        const original = product.sections.find((x) => x.key === s.key);
        return (
          <section key={s.key} className="product-section editing" data-testid={`edit-section-${s.key}`} aria-label={`${s.title} (editing)`}>
            <h3>{s.title}</h3>
            {original?.guidance && <p className="guidance small">{original.guidance}</p>}
            <ol className="statements">
              {s.statements.map((st, i) => (
                <li key={st.key} className="edit-statement" data-testid={`edit-statement-${s.key}-${i}`}>
                  <textarea rows={Math.min(6, Math.max(2, Math.ceil(st.text.length / 90)))} value={st.text} aria-label={`${s.title}: statement ${i + 1}`}
                    onChange={(e) => onChange(editText(edit, s.key, i, e.target.value))} data-testid={`statement-text-${s.key}-${i}`} />
                  <div className="edit-tools">
                    <Cites cites={st.cites} sources={sources} />
                    <CitationChooser sources={sources} cites={st.cites} onToggle={(rid) => onChange(toggleCitation(edit, s.key, i, rid))} testid={`cites-${s.key}-${i}`} />
                    <button type="button" className="icon" onClick={() => onChange(moveStatement(edit, s.key, i, -1))} disabled={i === 0} aria-label="Move up" title="Move up" data-testid={`statement-up-${s.key}-${i}`}>↑</button>
                    <button type="button" className="icon" onClick={() => onChange(moveStatement(edit, s.key, i, 1))} disabled={i === s.statements.length - 1} aria-label="Move down" title="Move down" data-testid={`statement-down-${s.key}-${i}`}>↓</button>
                    <button type="button" className="icon" onClick={() => onChange(removeStatement(edit, s.key, i))} aria-label="Delete statement" title="Delete statement" data-testid={`statement-delete-${s.key}-${i}`}>✕</button>
                    {!st.id && <span className="chip small">new</span>}
                  </div>
                </li>
              ))}
            </ol>
            <button type="button" onClick={() => onChange(addStatement(edit, s.key))} data-testid={`add-statement-${s.key}`}>Add statement</button>
            {original?.snapshot && <SnapshotSvg s={original.snapshot} sectionKey={s.key} />}
          </section>
        );
      })}
    </div>
  );
}

/** Which of the product's sources a statement cites. */
function CitationChooser({ sources, cites, onToggle, testid }: { sources: readonly ProductSource[]; cites: readonly string[]; onToggle(reportId: string): void; testid: string }) {
  if (!sources.length) return null;
  return (
    <details className="cite-chooser">
      <summary data-testid={testid}>Citations</summary>
      <div className="cite-chooser-list">
        {sources.map((s) => (
          <label key={s.reportId} className="check" title={s.summary ?? ''}>
            <input type="checkbox" checked={cites.includes(s.reportId)} onChange={() => onToggle(s.reportId)} data-testid={`${testid}-${s.ref}`} />
            {s.ref} <span className={`grade grade-${s.grade.charAt(0)}`}>{s.grade}</span> <span className="small muted">{s.date ? ukDay(s.date) : 'undated'}</span>
          </label>
        ))}
      </div>
    </details>
  );
}

/** The save bar: a note for the version, problems, a stale-version conflict with its reload. */
export function SaveBar({ product, edit, note, onNote, busy, error, stale, onSave, onCancel, onReload }: {
  product: Product; edit: ProductEdit; note: string; onNote(n: string): void; busy: boolean; error: string; stale: boolean;
  onSave(): void; onCancel(): void; onReload(): void;
}) {
  const problems = editProblems(edit);
  const changed = editChanged(product, edit);
  return (
    <div className="save-bar" data-testid="save-bar">
      <label className="inline">Note for this version
        <input value={note} onChange={(e) => onNote(e.target.value)} maxLength={500} placeholder="What changed, for the reviewer" data-testid="save-note" />
      </label>
      <button className="primary" onClick={onSave} disabled={busy || !changed || problems.length > 0} data-testid="save-version">{busy ? 'Saving…' : `Save version ${edit.baseVersion + 1}`}</button>
      <button onClick={onCancel} data-testid="edit-cancel">Cancel</button>
      {!changed && <span className="muted small">No changes yet.</span>}
      {problems.length > 0 && <ul className="error small" data-testid="edit-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      {error && (
        <div className="error save-error" role="alert" data-testid="save-error" data-stale={stale ? 'yes' : 'no'}>
          <span>{error}</span>
          {stale && <button onClick={onReload} data-testid="reload-product">Reload</button>}
        </div>
      )}
    </div>
  );
}
