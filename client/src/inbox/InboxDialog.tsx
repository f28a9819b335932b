import { useEffect, useState } from 'react';
import { useLoad } from '../impact/useLoad.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { ukDateTime } from '../ui/evidence.js';
import { messageOf } from '../workspace/GraphWorkspace.js';
import type { GraphNode } from '../workspace/types.js';
import type { Alert, Dissemination, InformationRequest } from './api.js';
import { AnswerForm } from './AnswerForm.js';
import { openOnChart } from './chart.js';
import { DisseminationCard, RecordLine } from './DisseminationCard.js';
import { MyDay, type InboxTab } from './MyDay.js';
import { newestFirst, referenceText, requestStatusText } from './model.js';
import { useInboxState, type InboxStore } from './store.js';
import './inbox.css';

type Tab = InboxTab;

/**
 * The partner's day on one screen: what was disseminated to my agency (read, acknowledge, open,
 * ask for more), what we sent and whether it was acknowledged, requests for information both
 * ways, alerts from my watches, and the watches themselves.
 */
export function InboxDialog({ store, onClose, onOpenProduct }: { store: InboxStore; onClose(): void; onOpenProduct?(releaseId: string): void }) {
  const ws = useWorkspace();
  const viewer = useWorkspaceState().viewer;
  const { counts } = useInboxState();
  const canDisseminate = viewer?.permissions.includes('disseminate') ?? false;
  const [tab, setTab] = useState<Tab>('my-day');
  const open = (nodes: GraphNode[]) => {
    onClose();
    void openOnChart(ws, nodes);
  };
  const tabs: { id: Tab; title: string; count?: number }[] = [
    { id: 'my-day', title: 'My day' },
    { id: 'received', title: 'Received', count: counts?.unacknowledged },
    { id: 'sent', title: 'Sent' },
    { id: 'requests', title: 'Requests', count: counts?.openRequests },
    { id: 'alerts', title: 'Alerts', count: counts?.unreadAlerts },
    { id: 'watches', title: 'Watches' },
  ];
  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Inbox" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className={`dialog wide inbox-dialog${tab === 'my-day' ? ' my-day-open' : ''}`} data-testid="inbox-dialog">
        <button className="close" onClick={onClose} aria-label="Close" data-testid="inbox-close">×</button>
        <h2>Inbox</h2>
        <div className="comms-tabs" role="tablist">
          {tabs.map((t) => (
            <button key={t.id} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)} data-testid={`inbox-tab-${t.id}`}>
              {t.title}{t.count ? <span className="badge">{t.count}</span> : null}
            </button>
          ))}
        </div>
        <div className="inbox-body" role="tabpanel">
          {tab === 'my-day' && <MyDay store={store} agency={viewer?.agency ?? ''} canAnswer={canDisseminate} onOpen={open} onTab={setTab} />}
          {tab === 'received' && <Received store={store} onOpen={open} onOpenProduct={onOpenProduct} />}
          {tab === 'sent' && <Sent store={store} onOpen={open} onOpenProduct={onOpenProduct} />}
          {tab === 'requests' && <Requests store={store} canAnswer={canDisseminate} onOpen={open} />}
          {tab === 'alerts' && <Alerts store={store} onOpen={open} />}
          {tab === 'watches' && <Watches store={store} />}
        </div>
      </div>
    </div>
  );
}

function State({ s, empty }: { s: { status: string; error?: string; retry(): void }; empty: boolean; }) {
  if (s.status === 'loading') return <p className="muted" role="status" data-testid="inbox-loading-list"><span className="spinner" /> Loading…</p>;
  if (s.status === 'error') return <div className="error" role="alert" data-testid="inbox-error"><p>{s.error}</p><button onClick={s.retry}>Try again</button></div>;
  if (empty) return <p className="muted" data-testid="inbox-empty">Nothing here.</p>;
  return null;
}

function Received({ store, onOpen, onOpenProduct }: { store: InboxStore; onOpen(n: GraphNode[]): void; onOpenProduct?(releaseId: string): void }) {
  const [n, setN] = useState(0);
  const s = useLoad(`received-${n}`, () => store.api.received());
  const [error, setError] = useState('');
  const list = newestFirst(s.data ?? [], (d) => d.authorisedAt);
  const acknowledge = async (d: Dissemination) => {
    setError('');
    try {
      await store.api.acknowledge(d.id);
      setN((x) => x + 1);
      void store.refreshCounts();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section data-testid="inbox-received">
      {error && <p className="error" role="alert">{error}</p>}
      <State s={s} empty={!list.length} />
      {list.map((d) => <DisseminationCard key={d.id} d={d} mode="received" onAcknowledge={acknowledge} onOpen={onOpen} onRequested={() => void store.refreshCounts()} onOpenProduct={onOpenProduct} />)}
    </section>
  );
}

function Sent({ store, onOpen, onOpenProduct }: { store: InboxStore; onOpen(n: GraphNode[]): void; onOpenProduct?(releaseId: string): void }) {
  const s = useLoad('sent', () => store.api.sent());
  const list = newestFirst(s.data ?? [], (d) => d.authorisedAt);
  return (
    <section data-testid="inbox-sent">
      <State s={s} empty={!list.length} />
      {list.map((d) => <DisseminationCard key={d.id} d={d} mode="sent" onOpen={onOpen} onOpenProduct={onOpenProduct} />)}
    </section>
  );
}

function Requests({ store, canAnswer, onOpen }: { store: InboxStore; canAnswer: boolean; onOpen(n: GraphNode[]): void }) {
  const [n, setN] = useState(0);
  const sent = useLoad(`req-sent-${n}`, () => store.api.requests('SENT'));
  const received = useLoad(`req-received-${n}-${canAnswer}`, () => (canAnswer ? store.api.requests('RECEIVED') : Promise.resolve([])));
  const changed = () => {
    setN((x) => x + 1);
    void store.refreshCounts();
  };
  const recv = newestFirst(received.data ?? [], (r) => r.createdAt);
  const mine = newestFirst(sent.data ?? [], (r) => r.createdAt);
  return (
    <>
      {canAnswer && (
        <section data-testid="requests-received">
          <h3>Received: requests to my agency</h3>
          <State s={received} empty={!recv.length} />
          {recv.map((r) => <RequestCard key={r.id} r={r} holder store={store} onChanged={changed} onOpen={onOpen} />)}
        </section>
      )}
      <section data-testid="requests-sent">
        <h3>Sent: my agency's requests</h3>
        <State s={sent} empty={!mine.length} />
        {mine.map((r) => <RequestCard key={r.id} r={r} holder={false} store={store} onChanged={changed} onOpen={onOpen} />)}
      </section>
    </>
  );
}

function RequestCard({ r, holder, store, onChanged, onOpen }: { r: InformationRequest; holder: boolean; store: InboxStore; onChanged(): void; onOpen(n: GraphNode[]): void }) {
  const [mode, setMode] = useState<'answer' | 'refuse' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const refuse = async () => {
    setError('');
    try {
      await store.api.refuse(r.id, reason.trim());
      setMode(null);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const deconfliction = r.kind === 'DECONFLICTION';
  return (
    <article className={`inbox-card request status-${r.status.toLowerCase()}`} data-testid={`request-${r.id}`} data-status={r.status}>
      <header className="inbox-card-head">
        <span className="chip">{deconfliction ? 'Deconfliction' : 'Request'}</span>
        <b>{holder ? `From ${r.requesterAgencyName} (${r.requestedByName})` : `To ${r.holderAgencyName}`}</b>
        <span className="muted small">{ukDateTime(r.createdAt)}</span>
        <span className={`chip status status-${r.status.toLowerCase()}`} data-testid="request-status">{r.status}</span>
      </header>
      <p className="small" data-testid="request-status-text">{requestStatusText(r)}</p>
      {!holder && r.status === 'OPEN' && (
        <p className="muted small">Holder: {r.holderContact ?? r.holderAgencyName}{r.holderPhone ? ` · ${r.holderPhone}` : ''}{r.holderEmail ? ` · ${r.holderEmail}` : ''}</p>
      )}
      <dl className="props inbox-basis">
        <div><dt>Question</dt><dd data-testid="request-question-text">{r.question}</dd></div>
        <div><dt>Purpose</dt><dd>{r.purpose}</dd></div>
        {r.lawfulBasis && <div><dt>Lawful basis</dt><dd>{r.lawfulBasis}</dd></div>}
        {r.references.length > 0 && <div><dt>References</dt><dd data-testid="request-references">{r.references.map(referenceText).join(', ')}</dd></div>}
      </dl>
      {r.records.length > 0 && <ul className="inbox-records" data-testid="request-records">{r.records.map((n) => <RecordLine key={n.id} n={n} />)}</ul>}
      {r.dissemination && (
        <div className="inbox-answer" data-testid="request-answer">
          <b>Answer</b> <span className="muted small">disseminated {ukDateTime(r.dissemination.authorisedAt)}</span>
          <p className="inbox-text">{r.dissemination.sanitisedText}</p>
          <button onClick={() => onOpen(r.dissemination!.records)} disabled={!r.dissemination.records.length} data-testid="request-answer-open">Open on chart</button>
        </div>
      )}
      {holder && r.status === 'OPEN' && (
        mode === 'answer' ? (
          <AnswerForm api={store.api} request={r} onDone={() => { setMode(null); onChanged(); }} onCancel={() => setMode(null)} />
        ) : mode === 'refuse' ? (
          <div className="refuse-form" data-testid="refuse-form">
            <label>Reasons for refusing (the requester reads them)
              <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="refuse-reason" />
            </label>
            {error && <p className="error" role="alert">{error}</p>}
            <div className="actions">
              <button className="primary" disabled={!reason.trim()} onClick={() => void refuse()} data-testid="refuse-submit">Refuse</button>
              <button onClick={() => setMode(null)}>Cancel</button>
            </div>
          </div>
        ) : (
          <div className="actions">
            {!deconfliction && <button className="primary" onClick={() => setMode('answer')} data-testid="request-answer-button">Answer with dissemination</button>}
            <button onClick={() => setMode('refuse')} data-testid="request-refuse-button">{deconfliction ? 'Close with reasons' : 'Refuse'}</button>
            {r.records.length > 0 && <button onClick={() => onOpen(r.records)}>Open on chart</button>}
          </div>
        )
      )}
    </article>
  );
}

function Alerts({ store, onOpen }: { store: InboxStore; onOpen(n: GraphNode[]): void }) {
  const [n, setN] = useState(0);
  const s = useLoad(`alerts-${n}`, () => store.api.alerts({ limit: 50 }));
  const list = newestFirst(s.data ?? [], (a) => a.at);
  const read = async (ids?: string[]) => {
    await store.api.markAlertsRead(ids).catch(() => 0);
    setN((x) => x + 1);
    void store.refreshCounts();
  };
  return (
    <section data-testid="inbox-alerts">
      {list.some((a) => !a.read) && <div className="actions"><button onClick={() => void read()} data-testid="alerts-read-all">Mark all read</button></div>}
      <State s={s} empty={!list.length} />
      {list.map((a) => <AlertCard key={a.id} a={a} onOpen={(nodes) => { if (!a.read) void read([a.id]); onOpen(nodes); }} onRead={() => void read([a.id])} />)}
    </section>
  );
}

function AlertCard({ a, onOpen, onRead }: { a: Alert; onOpen(n: GraphNode[]): void; onRead(): void }) {
  const nodes = [...a.added, ...a.changed];
  return (
    <article className={`inbox-card alert${a.read ? '' : ' unread'}`} data-testid={`alert-${a.id}`} data-read={a.read ? 'yes' : 'no'}>
      <header className="inbox-card-head">
        <b>{a.watchLabel ?? a.target}</b>
        <span className="muted small">{a.watchKind.toLowerCase()} · {a.firstAt && a.firstAt !== a.at ? `${ukDateTime(a.firstAt)} – ` : ''}{ukDateTime(a.at)}</span>
      </header>
      <p data-testid="alert-summary">{a.summary}</p>
      {a.added.length > 0 && <><h5>Added</h5><ul className="inbox-records" data-testid="alert-added">{a.added.map((n) => <RecordLine key={n.id} n={n} />)}</ul></>}
      {a.changed.length > 0 && <><h5>Changed</h5><ul className="inbox-records" data-testid="alert-changed">{a.changed.map((n) => <RecordLine key={n.id} n={n} />)}</ul></>}
      {a.removed.length > 0 && <p className="muted small">{a.removed.length} no longer matching</p>}
      <div className="actions">
        <button onClick={() => onOpen(nodes)} disabled={!nodes.length} data-testid="alert-open">Open on chart</button>
        {!a.read && <button onClick={onRead} data-testid="alert-read">Mark read</button>}
      </div>
    </article>
  );
}

function Watches({ store }: { store: InboxStore }) {
  const { watches } = useInboxState();
  const [error, setError] = useState('');
  useEffect(() => { void store.refreshWatches(); }, [store]);
  const list = watches ?? [];
  return (
    <section data-testid="inbox-watches">
      {error && <p className="error" role="alert">{error}</p>}
      {watches === null && <p className="muted">Loading…</p>}
      {watches !== null && !list.length && <p className="muted" data-testid="inbox-empty">You watch nothing yet. Watch an entity from its details, or a search from the search results.</p>}
      <ul className="chart-list">
        {list.map((w) => (
          <li key={w.id} data-testid={`watch-${w.id}`}>
            <span><span className="chip">{w.kind.toLowerCase()}</span> <b>{w.label || w.target}</b>
              <span className="muted small"> since {ukDateTime(w.createdAt)}{w.lastAlertAt ? ` · last alert ${ukDateTime(w.lastAlertAt)}` : ''}</span></span>
            <span className="actions"><button onClick={() => { setError(''); store.unwatch(w.id).catch((e: unknown) => setError(messageOf(e))); }} data-testid="unwatch">Unwatch</button></span>
          </li>
        ))}
      </ul>
    </section>
  );
}
