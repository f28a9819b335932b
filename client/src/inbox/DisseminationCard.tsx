import { useState } from 'react';
import { ukDateTime } from '../ui/evidence.js';
import { entityTitle } from '../ui/format.js';
import type { GraphNode } from '../workspace/types.js';
import type { Dissemination } from './api.js';
import { acknowledgementText, gradingOf, handlingMeaning } from './model.js';
import { RequestForm } from './RequestForm.js';

/** One record shared: its label, type and, for a report, its grading and handling. */
export function RecordLine({ n }: { n: GraphNode }) {
  const g = gradingOf(n);
  return (
    <li className="inbox-record" data-testid={`inbox-record-${n.id}`}>
      <span className="inbox-record-label">{n.restricted ? (n.label || 'Restricted record') : n.label}</span>
      <span className="muted small"> {n.restricted ? `held by ${n.heldBy ?? 'another agency'}${n.reference ? ` · ref ${n.reference}` : ''}` : entityTitle(n.type)}</span>
      {g && (
        <span className="inbox-grading small" data-testid="record-grading" title={g.meaning}>
          {g.grade && <span className={`grade grade-${g.grade.charAt(0)}`}>{g.grade}</span>}
          {g.handling && <span className="chip">Handling {g.handling}</span>}
        </span>
      )}
    </li>
  );
}

interface Props {
  d: Dissemination;
  /** received: the recipient's view (acknowledge, request more); sent: the sender's (receipt status). */
  mode: 'received' | 'sent';
  onAcknowledge?(d: Dissemination): Promise<void>;
  onOpen(nodes: GraphNode[]): void;
  onRequested?(): void;
  /** Opens the released product a dissemination carries (its sanitised version). */
  onOpenProduct?(releaseId: string): void;
}

/** A dissemination as its recipient or sender reads it: text, handling, why and on what basis, from whom and when. */
export function DisseminationCard({ d, mode, onAcknowledge, onOpen, onRequested, onOpenProduct }: Props) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [asked, setAsked] = useState(false);
  const received = mode === 'received';
  return (
    <article className={`inbox-card${received && !d.acknowledgedAt ? ' unread' : ''}`} data-testid={`${mode}-${d.id}`} data-acknowledged={d.acknowledgedAt ? 'yes' : 'no'}>
      <header className="inbox-card-head">
        <span className="classification">{d.classification}</span>
        <b>{received ? `From ${d.originatorName}` : `To ${d.recipientAgencyName}${d.recipientPerson ? ` (${d.recipientPerson})` : ''}`}</b>
        <span className="muted small" data-testid="diss-date">{ukDateTime(d.authorisedAt)}</span>
      </header>
      <p className="inbox-text" data-testid="diss-text">{d.sanitisedText}</p>
      <div className="inbox-handling" data-testid="diss-handling">
        <span className="chip" title={handlingMeaning(d.handling)}>Handling {d.handling}</span> <span className="muted small">{handlingMeaning(d.handling)}</span>
        {d.handlingConditions.length > 0 && (
          <ul className="conditions" data-testid="diss-conditions">
            {d.handlingConditions.map((c) => <li key={c.code}><b>{c.code}</b> {c.meaning}</li>)}
          </ul>
        )}
        {d.handlingNotes && <p className="note">{d.handlingNotes}</p>}
      </div>
      <dl className="props inbox-basis">
        <div><dt>Purpose</dt><dd data-testid="diss-purpose">{d.purpose}</dd></div>
        <div><dt>Lawful basis</dt><dd data-testid="diss-lawful-basis">{d.lawfulBasis}</dd></div>
        <div><dt>Sharing agreement</dt><dd data-testid="diss-agreement">{d.sharingAgreement}</dd></div>
        <div><dt>Sender</dt><dd data-testid="diss-sender">{d.originatorName} ({d.originatorDesk}) · authorised by {d.authorisedByName}</dd></div>
        {!received && d.riskAssessment && <div><dt>Risk assessment</dt><dd>{d.riskAssessment}</dd></div>}
      </dl>
      {d.records.length > 0 && (
        <ul className="inbox-records" data-testid="diss-records">
          {d.records.map((n) => <RecordLine key={n.id} n={n} />)}
        </ul>
      )}
      <p className={`small ${d.acknowledgedAt ? 'ok' : 'muted'}`} data-testid="diss-ack">{acknowledgementText(d)}</p>
      {asked && <p className="ok small" role="status" data-testid="request-sent">Request sent to {d.originatorName}: follow it under Requests.</p>}
      {asking ? (
        <RequestForm kind="REQUEST" disseminationId={d.id} onDone={() => { setAsking(false); setAsked(true); onRequested?.(); }} onCancel={() => setAsking(false)} />
      ) : (
        <div className="actions">
          {received && !d.acknowledgedAt && onAcknowledge && (
            <button className="primary" disabled={busy} data-testid="diss-acknowledge"
              onClick={() => { setBusy(true); void onAcknowledge(d).finally(() => setBusy(false)); }}>Acknowledge</button>
          )}
          {d.productReleaseId && onOpenProduct && <button onClick={() => onOpenProduct(d.productReleaseId!)} data-testid="diss-open-product">Open product</button>}
          <button onClick={() => onOpen(d.records)} disabled={!d.records.length} data-testid="diss-open">Open on chart</button>
          {received && <button onClick={() => { setAsked(false); setAsking(true); }} data-testid="diss-request-more">Request more</button>}
        </div>
      )}
    </article>
  );
}
