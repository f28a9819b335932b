import { useState, type FormEvent } from 'react';
import { messageOf } from '../workspace/GraphWorkspace.js';
import type { InformationRequest, InformationRequestInput, RequestKind } from './api.js';
import { useInbox } from './store.js';

interface Props {
  kind: RequestKind;
  /** Stub ids (or the references shown) the request names. */
  references?: string[];
  disseminationId?: string;
  impactId?: string;
  onDone(r: InformationRequest): void;
  onCancel(): void;
}

/**
 * Asks the holder for more (REQUEST: question, purpose, lawful basis), or records an interest for
 * deconfliction (DECONFLICTION: purpose, with an optional note).
 */
export function RequestForm(p: Props) {
  const inbox = useInbox();
  const ask = p.kind === 'REQUEST';
  const [question, setQuestion] = useState('');
  const [purpose, setPurpose] = useState('');
  const [lawfulBasis, setLawfulBasis] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const ready = !!purpose.trim() && (!ask || (!!question.trim() && !!lawfulBasis.trim()));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!inbox || !ready) return;
    const input: InformationRequestInput = {
      kind: p.kind,
      references: p.references?.length ? p.references : undefined,
      disseminationId: p.disseminationId ?? null,
      impactId: p.impactId ?? null,
      question: ask ? question.trim() : question.trim() || 'Interest recorded for deconfliction',
      purpose: purpose.trim(),
      lawfulBasis: ask ? lawfulBasis.trim() : lawfulBasis.trim() || null,
    };
    setBusy(true);
    setError('');
    try {
      const r = await inbox.api.requestInformation(input);
      void inbox.refreshCounts();
      p.onDone(r);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="request-form" onSubmit={(e) => void submit(e)} data-testid={ask ? 'request-form' : 'interest-form'}>
      <label>{ask ? 'Question' : 'Note (optional)'}
        <textarea rows={ask ? 3 : 2} value={question} onChange={(e) => setQuestion(e.target.value)} data-testid="request-question" required={ask} />
      </label>
      <label>Purpose
        <input value={purpose} onChange={(e) => setPurpose(e.target.value)} data-testid="request-purpose" required />
      </label>
      {ask && (
        <label>Lawful basis
          <input value={lawfulBasis} onChange={(e) => setLawfulBasis(e.target.value)} data-testid="request-lawful-basis" required />
        </label>
      )}
      {error && <p className="error" role="alert" data-testid="request-error">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready || busy} data-testid="request-submit">{ask ? 'Send request' : 'Record interest'}</button>
        <button type="button" onClick={p.onCancel}>Cancel</button>
      </div>
    </form>
  );
}
