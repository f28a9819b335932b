import { useEffect, useMemo, useState } from 'react';
import { fieldError, addDaysIso, todayIso, type TimelineEntry } from '../requirements/model.js';
import type { Product, ProductsApi, WorkflowAction } from './api.js';
import { approvalNote, canLinkDecision, ukDay, ukDayTime, workflowActions, type ProductViewer } from './model.js';

/**
 * The workflow buttons a viewer has on a product at its status: submit, return, approve, reopen,
 * file. Return and reopen need a comment (the author reads why); the server checks every rule again.
 */
export function WorkflowBar({ api, product, viewer, onChanged }: { api: ProductsApi; product: Product; viewer: ProductViewer; onChanged(p: Product): void }) {
  const [pending, setPending] = useState<WorkflowAction | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const buttons = workflowActions(product, viewer);
  const note = approvalNote(product, viewer);
  const chosen = buttons.find((b) => b.action === pending);
  useEffect(() => { setPending(null); setComment(''); setError(''); }, [product.status]);

  const act = async () => {
    if (!chosen) return;
    if (chosen.needsComment && !comment.trim()) {
      setError('Say why: the comment is kept in the history');
      return;
    }
    setBusy(true);
    setError('');
    try {
      onChanged(await api.action(product.id, chosen.action, comment.trim() || null));
    } catch (e) {
      setError(fieldError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="workflow-bar" data-testid="workflow-bar">
      {buttons.map((b) => (
        <button key={b.action} className={b.action === 'APPROVE' || b.action === 'SUBMIT' ? 'primary' : ''} title={b.title}
          aria-pressed={pending === b.action} onClick={() => { setPending(b.action); setError(''); }} data-testid={`action-${b.action}`}>{b.label}</button>
      ))}
      {note && <span className="muted small" data-testid="approval-note">{note}</span>}
      {chosen && (
        <div className="workflow-confirm" data-testid="workflow-confirm">
          <label>{chosen.needsComment ? 'Comment (required)' : 'Comment (optional)'}
            <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} data-testid="action-comment" />
          </label>
          <div className="actions">
            <button className="primary" onClick={() => void act()} disabled={busy} data-testid="action-confirm">{busy ? 'Working…' : chosen.label}</button>
            <button onClick={() => setPending(null)} data-testid="action-cancel">Cancel</button>
          </div>
        </div>
      )}
      {error && <p className="error small" role="alert" data-testid="action-error">{error}</p>}
    </div>
  );
}

const ACTION_WORDS: Record<string, string> = {
  DRAFT: 'Drafted from the graph', EDIT: 'Saved a version', SUBMIT: 'Submitted for review', RETURN: 'Returned to draft', APPROVE: 'Approved',
  REOPEN: 'Reopened', FILE: 'Filed', DISSEMINATE: 'Disseminated', LINK: 'Linked to a tasking decision',
};

/** Who did what, when, with their comment; the releases made; the tasking decision it informed. */
export function HistoryPanel({ api, product, viewer, onChanged, onOpenRelease }: {
  api: ProductsApi; product: Product; viewer: ProductViewer; onChanged(p: Product): void; onOpenRelease(id: string): void;
}) {
  return (
    <div className="history-panel" data-testid="history-panel">
      <h4>History</h4>
      <table className="history">
        <thead><tr><th>When</th><th>Who</th><th>Action</th><th>Version</th><th>Comment</th></tr></thead>
        <tbody>
          {[...product.history].reverse().map((h, i) => (
            <tr key={`${h.at}-${i}`} data-testid="history-row" data-action={h.action}>
              <td>{ukDayTime(h.at)}</td><td>{h.byName}</td><td>{ACTION_WORDS[h.action] ?? h.action}{h.from && h.to && h.from !== h.to ? <span className="muted small"> ({h.from.toLowerCase()} → {h.to.toLowerCase()})</span> : null}</td>
              <td>{h.version}</td><td>{h.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Releases</h4>
      {!product.releases.length ? <p className="muted small" data-testid="releases-none">Not disseminated to any agency.</p> : (
        <ul className="chart-list" data-testid="releases">
          {product.releases.map((r) => (
            <li key={r.id} data-testid={`release-${r.id}`}>
              <span>To <b>{r.recipientAgencyName}</b> <span className="muted small">version {r.version} · {ukDayTime(r.releasedAt)} · by {r.releasedByName}</span></span>
              <span className="actions"><button onClick={() => onOpenRelease(r.id)} data-testid="release-open">Open as sent</button></span>
            </li>
          ))}
        </ul>
      )}
      <DecisionLink api={api} product={product} viewer={viewer} onChanged={onChanged} />
    </div>
  );
}

/** Records the tasking meeting (and decision) the product informed, chosen from the decision log. */
function DecisionLink({ api, product, viewer, onChanged }: { api: ProductsApi; product: Product; viewer: ProductViewer; onChanged(p: Product): void }) {
  const [log, setLog] = useState<TimelineEntry[] | null>(null);
  const [error, setError] = useState('');
  const [meetingId, setMeetingId] = useState(product.meetingId ?? '');
  const [decisionId, setDecisionId] = useState(product.decisionId ?? '');
  const [busy, setBusy] = useState(false);
  const may = canLinkDecision(product, viewer);
  useEffect(() => {
    let live = true;
    api.taskingLog(addDaysIso(todayIso(), -365), addDaysIso(todayIso(), 90)).then(
      (l) => { if (live) setLog(l); },
      (e: unknown) => { if (live) { setLog([]); setError(fieldError(e).message); } },
    );
    return () => { live = false; };
  }, [api]);
  const meetings = useMemo(() => (log ?? []).filter((x) => x.kind === 'MEETING').reverse(), [log]);
  const decisions = useMemo(() => (log ?? []).filter((x) => x.kind === 'DECISION' && x.meetingId === meetingId), [log, meetingId]);
  const current = (log ?? []).find((x) => x.id === product.meetingId);
  const currentDecision = (log ?? []).find((x) => x.id === product.decisionId);

  const link = async () => {
    setBusy(true);
    setError('');
    try {
      onChanged(await api.linkToDecision(product.id, meetingId, decisionId || null));
    } catch (e) {
      setError(fieldError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decision-link" data-testid="decision-link">
      <h4>Tasking decision informed</h4>
      <p className="small" data-testid="decision-linked">
        {product.meetingId
          ? <>Informed {current ? `${current.title} (${ukDay(current.date)})` : product.meetingId}{product.decisionId ? `: ${currentDecision ? currentDecision.text ?? currentDecision.title : product.decisionId}` : ''}</>
          : <span className="muted">Not linked to a tasking meeting.</span>}
      </p>
      {may && (
        <div className="form-row">
          <label className="inline">Meeting
            <select value={meetingId} onChange={(e) => { setMeetingId(e.target.value); setDecisionId(''); }} disabled={log === null} data-testid="link-meeting">
              <option value="">{log === null ? 'Loading…' : meetings.length ? 'Choose a meeting…' : 'No meetings in the last year'}</option>
              {meetings.map((m) => <option key={m.id} value={m.id}>{ukDay(m.date)} · {m.title}</option>)}
            </select>
          </label>
          <label className="inline">Decision
            <select value={decisionId} onChange={(e) => setDecisionId(e.target.value)} disabled={!meetingId} data-testid="link-decision">
              <option value="">None in particular</option>
              {decisions.map((d) => <option key={d.id} value={d.id}>{d.text ?? d.title}</option>)}
            </select>
          </label>
          <button onClick={() => void link()} disabled={!meetingId || busy} data-testid="link-submit">Link to tasking decision</button>
        </div>
      )}
      {error && <p className="error small" role="alert" data-testid="link-error">{error}</p>}
    </div>
  );
}
