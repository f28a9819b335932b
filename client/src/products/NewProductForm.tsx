import { useState, type FormEvent } from 'react';
import { fieldError } from '../requirements/model.js';
import type { GraphNode, Viewer } from '../workspace/types.js';
import type { Product, ProductType, ProductsApi } from './api.js';
import { EntityPicker, type SearchFn } from './EntityPicker.js';
import { blankDraft, CRIME_TYPE_CHOICES, draftInput, draftProblems, markingChoices, PRODUCT_TYPES, typeTitle, type DraftForm } from './model.js';

/**
 * A new product drafted from the graph: its type, title, what it is about (a subject or group for a
 * subject profile, a crime type and optional area for a problem profile), and its marking, which
 * bounds what the draft may read (never above the author's clearance, compartments from the author's own).
 */
export function NewProductForm({ api, viewer, selected, search, onDrafted, onCancel }: {
  api: ProductsApi; viewer: Viewer; selected: readonly (GraphNode | undefined)[]; search: SearchFn;
  onDrafted(p: Product): void; onCancel(): void;
}) {
  const [f, setF] = useState<DraftForm>(() => blankDraft(selected, viewer.clearance));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const set = (p: Partial<DraftForm>) => setF((x) => ({ ...x, ...p }));
  const problems = draftProblems(f);
  const problem = (k: keyof DraftForm) => (tried && problems[k] ? <span className="error small" data-testid={`new-problem-${k}`}>{problems[k]}</span> : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError('');
    try {
      onDrafted(await api.draft(draftInput(f)));
    } catch (err) {
      setError(fieldError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="product-form" onSubmit={(e) => void submit(e)} data-testid="new-product-form" aria-label="New product">
      <h3>New product</h3>
      <p className="muted small">The draft is written from the graph: only records at or below the marking you choose are read.</p>
      <div className="form-grid">
        <label>Type
          <select value={f.type} onChange={(e) => set({ type: e.target.value as ProductType })} data-testid="new-type">
            {PRODUCT_TYPES.map((t) => <option key={t} value={t}>{typeTitle(t)}</option>)}
          </select>
        </label>
        <label>Title
          <input value={f.title} onChange={(e) => set({ title: e.target.value })} maxLength={300} data-testid="new-title" />
          {problem('title')}
        </label>
        {f.type === 'SUBJECT_PROFILE' && (
          <div>
            <EntityPicker label="Subject or OCG" types={['Subject', 'OCG']} value={f.subject} onChange={(subject) => set({ subject })} search={search} testid="new-subject" />
            {problem('subject')}
          </div>
        )}
        {f.type === 'PROBLEM_PROFILE' && (
          <>
            <label>Crime type
              <select value={f.crimeType} onChange={(e) => set({ crimeType: e.target.value })} data-testid="new-crime">
                <option value="">Choose…</option>
                {CRIME_TYPE_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.title}</option>)}
              </select>
              {problem('crimeType')}
            </label>
            <EntityPicker label="Area (optional)" types={['Area']} value={f.area} onChange={(area) => set({ area })} search={search} testid="new-area" />
          </>
        )}
        <label>Protective marking
          <select value={f.classification} onChange={(e) => set({ classification: e.target.value })} data-testid="new-marking">
            {markingChoices(viewer.clearance).map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        {viewer.compartments.length > 0 && (
          <fieldset>
            <legend>Compartments</legend>
            {viewer.compartments.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" checked={f.compartments.includes(c)} onChange={(e) => set({ compartments: e.target.checked ? [...f.compartments, c] : f.compartments.filter((x) => x !== c) })} data-testid={`new-compartment-${c}`} />
                {c}
              </label>
            ))}
          </fieldset>
        )}
        <label>Handling
          <select value={f.handling} onChange={(e) => set({ handling: e.target.value as 'P' | 'C' })} data-testid="new-handling">
            <option value="P">P: lawful sharing permitted</option>
            <option value="C">C: subject to conditions</option>
          </select>
        </label>
      </div>
      {error && <p className="error" role="alert" data-testid="new-error">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="new-submit">{busy ? 'Drafting…' : 'Draft from the graph'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
