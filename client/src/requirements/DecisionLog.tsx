import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { UkDateInput } from '../components/UkDateInput.js';
import {
  addDaysIso, ENTRY_TITLES, fieldError, MEETING_TITLES, meetingLevel, Q, statusTitle, todayIso, type Requester, type TimelineEntry,
} from './model.js';

/**
 * The decision log: tasking and coordination meetings (strategic and tactical), the decisions
 * taken with their rationale, the actions raised with owners and due dates and their results,
 * and operational reviews, oldest first, as a timeline. Records, not chat: nothing here edits them.
 */
export function DecisionLog({ api, labels }: { api: Requester; labels: ReadonlyMap<string, string> }) {
  const [from, setFrom] = useState(() => addDaysIso(todayIso(), -365));
  const [to, setTo] = useState(() => addDaysIso(todayIso(), 90));
  const [level, setLevel] = useState('');
  const [log, setLog] = useState<{ status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; entries: TimelineEntry[]; from: string; to: string }>({ status: 'loading' });

  const load = useCallback(async (f: string, t: string) => {
    setLog({ status: 'loading' });
    try {
      const r = await api.request<{ decisionLog: TimelineEntry[] }>(Q.decisionLog, { f, t });
      setLog({ status: 'ready', entries: r.decisionLog, from: f, to: t });
    } catch (e) {
      setLog({ status: 'error', error: fieldError(e).message });
    }
  }, [api]);

  // The range as first shown; later ranges load when asked for.
  useEffect(() => { void load(from, to); }, [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(from, to);
  };

  const entries = log.status === 'ready' ? log.entries.filter((x) => !level || x.meetingKind === level) : [];
  const meetings = new Map(log.status === 'ready' ? log.entries.filter((x) => x.kind === 'MEETING').map((m) => [m.id, m]) : []);

  return (
    <div className="req-log-wrap" data-testid="decision-log">
      <form className="form-row" onSubmit={submit}>
        <label className="inline">From <UkDateInput value={from} onChange={setFrom} data-testid="log-from" /></label>
        <label className="inline">To <UkDateInput value={to} onChange={setTo} data-testid="log-to" /></label>
        <button type="submit" data-testid="log-show">Show</button>
        <label className="inline">
          Meetings
          <select value={level} onChange={(e) => setLevel(e.target.value)} data-testid="log-level">
            <option value="">all</option>
            {Object.entries(MEETING_TITLES).map(([k, title]) => <option key={k} value={k}>{title}</option>)}
          </select>
        </label>
      </form>
      {log.status === 'loading' && <p className="muted" data-testid="log-loading"><span className="spinner" /> Loading the decision log…</p>}
      {log.status === 'error' && <p className="req-error" role="alert" data-testid="log-error">{log.error}</p>}
      {log.status === 'ready' && !entries.length && (
        <p className="muted" data-testid="log-empty">No meetings, decisions, actions or reviews recorded between {log.from} and {log.to}{level ? ` for ${MEETING_TITLES[level]}s` : ''}.</p>
      )}
      {entries.length > 0 && (
        <ol className="req-log">
          {entries.map((x, i) => (
            <li key={x.id} className={`req-log-entry kind-${x.kind}`} data-testid="log-entry" data-kind={x.kind} data-date={x.date}>
              <div className="req-log-date">{i > 0 && entries[i - 1]!.date === x.date ? '' : x.date}</div>
              <div className="req-log-marker" aria-hidden />
              <div className="req-log-body">
                <Entry x={x} meeting={x.meetingId ? meetings.get(x.meetingId) : undefined} labels={labels} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Entry({ x, meeting, labels }: { x: TimelineEntry; meeting?: TimelineEntry; labels: ReadonlyMap<string, string> }) {
  const level = meetingLevel(x.meetingKind);
  const head = (
    <div className="req-title-row">
      <span className="req-log-kind">{ENTRY_TITLES[x.kind]}</span>
      {x.meetingKind && <span className="chip small" title={MEETING_TITLES[x.meetingKind] ?? x.meetingKind}>{level ? `${level} · ` : ''}{x.meetingKind}</span>}
      {x.kind !== 'MEETING' && meeting && <span className="small muted">at {meeting.title}</span>}
    </div>
  );
  const related = x.relatedIds.map((id) => labels.get(id)).filter(Boolean);
  if (x.kind === 'MEETING') {
    return (
      <>
        {head}
        <div className="req-log-title">{x.title}</div>
        <div className="small muted">Recorded by {x.recordedBy}</div>
      </>
    );
  }
  if (x.kind === 'DECISION') {
    return (
      <>
        {head}
        <div className="req-log-title">{x.text ?? x.title}</div>
        <div className="req-log-rationale" data-testid="log-rationale"><b>Rationale:</b> {x.rationale}</div>
        {related.length > 0 && <div className="small muted">Concerns: {related.join(', ')}</div>}
      </>
    );
  }
  if (x.kind === 'ACTION') {
    return (
      <>
        {head}
        <div className="req-log-title">{x.text ?? x.title}</div>
        <div className="small">
          Owner <b>{x.owner}</b> · due {x.dueDate} · {statusTitle(x.status)}
          {x.overdue && <>{' '}<span className="req-flag" data-testid="log-action-overdue">Overdue</span></>}
        </div>
        {x.result && <div className="req-log-result"><b>Result:</b> {x.result}</div>}
      </>
    );
  }
  return (
    <>
      {head}
      <div className="req-log-title">{x.title}</div>
      {x.text && <div>{x.text}</div>}
      {x.result && <div className="req-log-result"><b>Findings:</b> {x.result}</div>}
    </>
  );
}
