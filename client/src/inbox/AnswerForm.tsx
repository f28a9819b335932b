import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { messageOf } from '../workspace/GraphWorkspace.js';
import type { GraphNode } from '../workspace/types.js';
import type { InboxApi, InformationRequest } from './api.js';
import { answerInput, answerProblems, blankAnswer, CONDITION_CODES, conditionMeaning, type AnswerForm as Form } from './model.js';
import { RecordLine } from './DisseminationCard.js';

/**
 * The holder answers a request with a dissemination (the usual flow: sanitised text, handling
 * code and conditions, purpose, lawful basis, agreement) to the requester's agency. The reports
 * offered are those the request names, then reports linked to the other records it names.
 */
export function AnswerForm({ api, request, onDone, onCancel }: { api: InboxApi; request: InformationRequest; onDone(r: InformationRequest): void; onCancel(): void }) {
  const [f, setF] = useState<Form>(() => blankAnswer(request));
  const [linked, setLinked] = useState<GraphNode[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<Form>) => setF((x) => ({ ...x, ...patch }));

  const named = useMemo(() => request.records.filter((n) => n.type === 'IntelligenceReport' && !n.restricted), [request]);
  useEffect(() => {
    let live = true;
    const others = request.records.filter((n) => n.type !== 'IntelligenceReport' && !n.restricted).map((n) => n.id);
    api.linkedReports(others).then((r) => { if (live) setLinked(r.filter((n) => !named.some((x) => x.id === n.id))); }, () => {});
    return () => { live = false; };
  }, [api, request, named]);

  const problems = answerProblems(f);
  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...new Set([...list, v])] : list.filter((x) => x !== v));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError('');
    try {
      onDone(await api.answer(request.id, answerInput(request, f)));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const problem = (k: keyof Form) => (tried && problems[k] ? <span className="error small">{problems[k]}</span> : null);

  return (
    <form className="answer-form" onSubmit={(e) => void submit(e)} data-testid="answer-form">
      <h4>Answer with a dissemination to {request.requesterAgencyName}</h4>
      <fieldset>
        <legend>Reports to disseminate</legend>
        {!named.length && !linked.length && <p className="muted small">No report among these records or linked to them.</p>}
        {[...named, ...linked].map((n) => (
          <label key={n.id} className="answer-report">
            <input type="checkbox" checked={f.reportIds.includes(n.id)} onChange={(e) => set({ reportIds: toggle(f.reportIds, n.id, e.target.checked) })} data-testid={`answer-report-${n.id}`} />
            <ul className="inbox-records"><RecordLine n={n} /></ul>
          </label>
        ))}
        {problem('reportIds')}
      </fieldset>
      <label>Sanitised text (what {request.requesterAgencyName} will read)
        <textarea rows={4} value={f.sanitisedText} onChange={(e) => set({ sanitisedText: e.target.value })} data-testid="answer-text" />
        {problem('sanitisedText')}
      </label>
      <div className="form-row">
        <label className="inline">Handling
          <select value={f.handling} onChange={(e) => set({ handling: e.target.value as 'P' | 'C' })} data-testid="answer-handling">
            <option value="P">P: lawful sharing permitted</option>
            <option value="C">C: subject to conditions</option>
          </select>
        </label>
      </div>
      {f.handling === 'C' && (
        <>
          <fieldset>
            <legend>Conditions</legend>
            <div className="checks">
              {CONDITION_CODES.map((c) => (
                <label key={c} title={conditionMeaning(c)}>
                  <input type="checkbox" checked={f.handlingConditions.includes(c)} onChange={(e) => set({ handlingConditions: toggle(f.handlingConditions, c, e.target.checked) })} data-testid={`answer-condition-${c}`} />
                  {c} <span className="muted small">{conditionMeaning(c)}</span>
                </label>
              ))}
            </div>
            {problem('handlingConditions')}
          </fieldset>
          <label>Handling risk assessment
            <textarea rows={2} value={f.riskAssessment} onChange={(e) => set({ riskAssessment: e.target.value })} data-testid="answer-risk" />
            {problem('riskAssessment')}
          </label>
        </>
      )}
      <label>Purpose<input value={f.purpose} onChange={(e) => set({ purpose: e.target.value })} data-testid="answer-purpose" />{problem('purpose')}</label>
      <label>Lawful basis<input value={f.lawfulBasis} onChange={(e) => set({ lawfulBasis: e.target.value })} data-testid="answer-lawful-basis" />{problem('lawfulBasis')}</label>
      <label>Sharing agreement<input value={f.sharingAgreement} onChange={(e) => set({ sharingAgreement: e.target.value })} data-testid="answer-agreement" />{problem('sharingAgreement')}</label>
      {error && <p className="error" role="alert" data-testid="answer-error">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="answer-submit">Disseminate</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
