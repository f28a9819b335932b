import { useEffect, useId, useState, type FormEvent } from 'react';
import { CONDITION_CODES, conditionMeaning } from '../inbox/model.js';
import { fieldError } from '../requirements/model.js';
import type { KnownAgency, Product, ProductsApi, SanitisedProduct } from './api.js';
import { DocumentButtons } from './DocumentButtons.js';
import { Cites } from './parts.js';
import {
  agencyChoices, blankRelease, markingText, paragraphs, RECIPIENT_CLEARANCES, releaseInput, releaseProblems, sideBySide, ukDayTime,
  withheldText, type ReleaseForm,
} from './model.js';

/**
 * The sanitised version for a named agency beside the original, section by section: what that agency
 * may be told, drafted now as the policy allows, with the count of statements withheld. Narrative
 * sections are never carried over: the author writes them for the recipient here. Then the release
 * form (handling, purpose, lawful basis, agreement) disseminates it through the dissemination flow.
 */
export function SanitisedPanel({ api, product, ownAgency, onReleased }: { api: ProductsApi; product: Product; ownAgency: string; onReleased(): void }) {
  const [known, setKnown] = useState<KnownAgency[]>([]);
  const [f, setF] = useState<ReleaseForm>(() => blankRelease());
  const [shown, setShown] = useState<SanitisedProduct | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [releaseError, setReleaseError] = useState('');
  const [released, setReleased] = useState<SanitisedProduct | null>(null);
  const listId = useId();
  const set = (p: Partial<ReleaseForm>) => setF((x) => ({ ...x, ...p }));

  useEffect(() => {
    let live = true;
    api.knownAgencies().then((k) => { if (live) setKnown(agencyChoices(k, ownAgency)); }, () => {});
    return () => { live = false; };
  }, [api, ownAgency]);

  const show = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!f.recipientAgency.trim()) return;
    setLoading(true);
    setError('');
    setReleased(null);
    setReleaseError('');
    try {
      setShown(await api.sanitised(product.id, f.recipientAgency.trim(), f.recipientClearance));
    } catch (err) {
      setShown(null);
      setError(fieldError(err).message);
    } finally {
      setLoading(false);
    }
  };

  const problems = releaseProblems(f);
  const problem = (k: keyof ReleaseForm) => (tried && problems[k] ? <span className="error small" data-testid={`release-problem-${k}`}>{problems[k]}</span> : null);
  const toggle = (list: string[], v: string, on: boolean) => (on ? [...new Set([...list, v])] : list.filter((x) => x !== v));

  const disseminate = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!shown || Object.keys(problems).length) return;
    setBusy(true);
    setReleaseError('');
    try {
      setReleased(await api.disseminate(product.id, releaseInput({ ...f, recipientAgency: shown.recipientAgency, recipientClearance: shown.recipientClearance }, shown.sections)));
      onReleased();
    } catch (err) {
      setReleaseError(fieldError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const rows = shown ? sideBySide(product.sections, shown.sections) : [];
  return (
    <div className="sanitised-panel" data-testid="sanitised-panel">
      <form className="form-row" onSubmit={(e) => void show(e)}>
        <label className="inline">Recipient agency
          <input list={listId} value={f.recipientAgency} onChange={(e) => set({ recipientAgency: e.target.value })} placeholder="Agency code" data-testid="release-agency" />
          <datalist id={listId}>{known.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</datalist>
        </label>
        <label className="inline">Recipient clearance
          <select value={f.recipientClearance} onChange={(e) => set({ recipientClearance: e.target.value })} data-testid="release-clearance">
            {RECIPIENT_CLEARANCES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <button type="submit" disabled={!f.recipientAgency.trim() || loading} data-testid="sanitised-show">{loading ? 'Drafting…' : 'Show sanitised version'}</button>
      </form>
      {error && <p className="error" role="alert" data-testid="sanitised-error">{error}</p>}
      {shown && (
        <>
          <p className="sanitised-summary" data-testid="sanitised-summary">
            For <b data-testid="sanitised-recipient">{shown.recipientAgencyName}</b> at {shown.recipientClearance}: marked <b>{shown.classification}</b> ·{' '}
            <span className="chip warn" data-testid="sanitised-withheld">{withheldText(shown.withheld)}</span> ·{' '}
            {shown.recordCount} record{shown.recordCount === 1 ? '' : 's'} would be shared · version {shown.version}
          </p>
          <div className="side-by-side" data-testid="side-by-side">
            <div className="side-head">Original · {markingText(product.classification, product.compartments)}</div>
            <div className="side-head">Sanitised for {shown.recipientAgencyName} · {shown.classification}</div>
            {rows.map((r) => (
              <div key={r.key} className="side-row" data-testid={`side-${r.key}`}>
                <div className="side-original" data-testid="side-original">
                  <h4>{r.title}</h4>
                  {!r.original.statements.length && <p className="muted small">Nothing in the original.</p>}
                  <ul>{r.original.statements.map((st) => <li key={st.id}>{st.text} <Cites cites={st.cites} sources={product.sources} /></li>)}</ul>
                </div>
                <div className="side-sanitised" data-testid="side-sanitised">
                  <h4>{r.title}</h4>
                  {r.source === 'NARRATIVE' ? (
                    <label className="narrative">Written for {shown.recipientAgencyName} (one statement per line)
                      <textarea rows={3} value={f.narrative[r.key] ?? ''} onChange={(e) => set({ narrative: { ...f.narrative, [r.key]: e.target.value } })} data-testid={`narrative-${r.key}`} />
                      <span className="muted small">{paragraphs(f.narrative[r.key] ?? '').length ? '' : 'Left empty, the section is not sent.'}</span>
                    </label>
                  ) : (
                    <>
                      {!r.sanitised?.statements.length && <p className="muted small" data-testid="side-nothing">Nothing the recipient may be told.</p>}
                      <ul>{(r.sanitised?.statements ?? []).map((st) => <li key={st.id}>{st.text} <Cites cites={st.cites} sources={shown.sources} /></li>)}</ul>
                    </>
                  )}
                </div>
              </div>
            ))}
          </div>

          <form className="release-form" onSubmit={(e) => void disseminate(e)} data-testid="release-form" aria-label="Release">
            <h4>Release to {shown.recipientAgencyName}</h4>
            <div className="form-row">
              <label className="inline">Handling
                <select value={f.handling} onChange={(e) => set({ handling: e.target.value as 'P' | 'C' })} data-testid="release-handling">
                  <option value="P">P: lawful sharing permitted</option>
                  <option value="C">C: subject to conditions</option>
                </select>
              </label>
              <label className="inline">Recipient person (optional)
                <input value={f.recipientPerson} onChange={(e) => set({ recipientPerson: e.target.value })} data-testid="release-person" />
              </label>
            </div>
            {f.handling === 'C' && (
              <>
                <fieldset>
                  <legend>Conditions</legend>
                  <div className="checks">
                    {CONDITION_CODES.map((c) => (
                      <label key={c} className="check" title={conditionMeaning(c)}>
                        <input type="checkbox" checked={f.handlingConditions.includes(c)} onChange={(e) => set({ handlingConditions: toggle(f.handlingConditions, c, e.target.checked) })} data-testid={`release-condition-${c}`} />
                        {c} <span className="muted small">{conditionMeaning(c)}</span>
                      </label>
                    ))}
                  </div>
                  {problem('handlingConditions')}
                </fieldset>
                <label>Handling risk assessment
                  <textarea rows={2} value={f.riskAssessment} onChange={(e) => set({ riskAssessment: e.target.value })} data-testid="release-risk" />
                  {problem('riskAssessment')}
                </label>
              </>
            )}
            <label>Handling notes (optional)<input value={f.handlingNotes} onChange={(e) => set({ handlingNotes: e.target.value })} data-testid="release-notes" /></label>
            <label>Purpose<input value={f.purpose} onChange={(e) => set({ purpose: e.target.value })} data-testid="release-purpose" />{problem('purpose')}</label>
            <label>Lawful basis<input value={f.lawfulBasis} onChange={(e) => set({ lawfulBasis: e.target.value })} data-testid="release-lawful-basis" />{problem('lawfulBasis')}</label>
            <label>Sharing agreement<input value={f.sharingAgreement} onChange={(e) => set({ sharingAgreement: e.target.value })} data-testid="release-agreement" />{problem('sharingAgreement')}</label>
            {releaseError && <p className="error" role="alert" data-testid="release-error">{releaseError}</p>}
            {released && (
              <p className="ok" role="status" data-testid="release-done">
                Disseminated to {released.recipientAgencyName} {released.releasedAt ? ukDayTime(released.releasedAt) : ''} ({released.id}).{' '}
                {released.id && <DocumentButtons api={api} id={released.id} />}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="primary" disabled={busy || !!released} data-testid="release-submit">{busy ? 'Disseminating…' : 'Disseminate'}</button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
