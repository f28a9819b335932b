import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { GraphQLApi } from '../api.js';
import { impactApi } from '../impact/api.js';
import { ImpactRequest } from '../impact/ImpactRequest.js';
import { bandScale, requestable, type MatrixRow } from '../impact/model.js';
import { BandChip, statusText } from '../impact/parts.js';
import { useLoad } from '../impact/useLoad.js';
import { useWorkspace } from '../ui/context.js';
import { ukDateTime } from '../ui/evidence.js';
import { messageOf } from '../workspace/GraphWorkspace.js';
import type { GraphNode } from '../workspace/types.js';
import type { Dissemination, InformationRequest } from './api.js';
import { handlingMeaning, requestStatusText } from './model.js';
import { EMPTY_TEXT, emptySections, impactsOnMyArea, myRequests, openQueue, waitingReceipts, watchDigests, type MyDaySection } from './myDay.js';
import { useInboxState, type InboxStore } from './store.js';

export type InboxTab = 'my-day' | 'received' | 'sent' | 'requests' | 'alerts' | 'watches';

interface Props {
  store: InboxStore;
  /** The viewer's agency: the impact on its area is listed. */
  agency: string;
  /** Managers and officers with the 'disseminate' permission answer requests to their agency. */
  canAnswer: boolean;
  onOpen(nodes: GraphNode[]): void;
  onTab(tab: InboxTab): void;
}

/**
 * The partner's day on one screen: disseminations waiting to be acknowledged, my requests (and,
 * for those who answer them, the open requests to my agency), the impact on my area with a way to
 * ask its holder for more, and my watches with their unread alerts. Each section lists the newest
 * few; its tab lists everything.
 */
export function MyDay({ store, agency, canAnswer, onOpen, onTab }: Props) {
  const ws = useWorkspace();
  const impact = useMemo(() => impactApi(ws.api as unknown as GraphQLApi), [ws]);
  const [n, setN] = useState(0);
  const received = useLoad(`day-received-${n}`, () => store.api.received());
  const sent = useLoad(`day-requests-${n}`, () => store.api.requests('SENT'));
  const queue = useLoad(`day-queue-${n}-${canAnswer}`, () => (canAnswer ? store.api.requests('RECEIVED', 'OPEN') : Promise.resolve([])));
  const bands = useLoad('day-bands', () => impact.harmBands());
  const impacts = useLoad('day-impact', () => impact.impactMatrix({}));
  const alerts = useLoad(`day-alerts-${n}`, () => store.api.alerts({ limit: 200 }));
  const { watches } = useInboxState();
  useEffect(() => { void store.refreshWatches(); }, [store]);

  const changed = () => {
    setN((x) => x + 1);
    void store.refreshCounts();
  };
  const scale = useMemo(() => bandScale(bands.data ?? []), [bands.data]);
  const waiting = waitingReceipts(received.data ?? []);
  const mine = myRequests(sent.data ?? []);
  const open = openQueue(queue.data ?? []);
  const onMyArea = useMemo(() => impactsOnMyArea(impacts.data ?? [], agency, scale), [impacts.data, agency, scale]);
  const digests = watchDigests(watches ?? [], alerts.data ?? []);
  const empty = new Set(emptySections({
    received: received.data ? waiting.total : undefined,
    requests: sent.data ? mine.total : undefined,
    impact: impacts.data && bands.data ? onMyArea.length : undefined,
    watches: watches ? digests.length : undefined,
  }));
  const impactState = bands.status === 'error' ? bands : impacts.status === 'error' ? impacts : bands.status === 'loading' ? bands : impacts;

  return (
    <div className="my-day" data-testid="inbox-my-day">
      <Section id="received" empty={empty} title="Waiting to be acknowledged" count={received.data ? waiting.total : undefined} onAll={() => onTab('received')}>
        <Loadable s={received} empty={!waiting.total} section="received">
          {waiting.newest.map((d) => <Receipt key={d.id} d={d} onOpen={onOpen} onAcknowledged={changed} store={store} />)}
          <More shown={waiting.newest.length} total={waiting.total} onAll={() => onTab('received')} />
        </Loadable>
      </Section>

      <Section id="requests" empty={empty} title="Requests for information" onAll={() => onTab('requests')}>
        <h4 className="my-day-sub">My requests {sent.data && <span className="muted small" data-testid="my-day-requests-summary">{mine.open} open · {mine.answered} answered · {mine.refused} refused</span>}</h4>
        <Loadable s={sent} empty={!mine.total} section="requests">
          {mine.newest.map((r) => <RequestLine key={r.id} r={r} mine />)}
          <More shown={mine.newest.length} total={mine.total} onAll={() => onTab('requests')} />
        </Loadable>
        {canAnswer && (
          <div className="my-day-queue" data-testid="my-day-queue">
            <h4 className="my-day-sub">Open requests to my agency {queue.data && <span className="my-day-count" data-testid="my-day-queue-count">{open.total}</span>}</h4>
            <Loadable s={queue} empty={!open.total} section="queue">
              {open.newest.map((r) => <RequestLine key={r.id} r={r} mine={false} onAnswer={() => onTab('requests')} />)}
              <More shown={open.newest.length} total={open.total} onAll={() => onTab('requests')} />
            </Loadable>
          </div>
        )}
      </Section>

      <Section id="impact" empty={empty} title="Impact on my area" count={impacts.data && bands.data ? onMyArea.length : undefined}>
        <Loadable s={impactState} empty={!onMyArea.length} section="impact">
          <ul className="my-day-list">
            {onMyArea.map((r) => <ImpactLine key={r.impactId} r={r} scale={scale} onRequested={changed} />)}
          </ul>
        </Loadable>
      </Section>

      <Section id="watches" empty={empty} title="My watches" count={watches ? digests.length : undefined} onAll={() => onTab('watches')}>
        {watches === null ? <Waiting /> : !digests.length ? <Empty section="watches" /> : (
          <ul className="my-day-list">
            {alerts.status === 'error' && <li className="error small" role="alert">Alerts could not be loaded: {alerts.error}</li>}
            {digests.map(({ watch: w, unread, latest }) => (
              <li key={w.id} className="my-day-item" data-testid={`my-day-watch-${w.id}`} data-unread={unread}>
                <div className="my-day-line">
                  <span className="chip">{w.kind.toLowerCase()}</span> <b className="my-day-title">{w.label || w.target}</b>
                  <span className={`badge${unread ? '' : ' empty'}`} data-testid="my-day-watch-unread" title={`${unread} unread alert${unread === 1 ? '' : 's'}`}>{unread}</span>
                </div>
                <p className="small my-day-clamp" data-testid="my-day-watch-latest">
                  {latest ? <>{latest.summary} <span className="muted">· {ukDateTime(latest.at)}</span></> : <span className="muted">No alerts yet.</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
        {digests.some((d) => d.unread) && <div className="actions"><button onClick={() => onTab('alerts')} data-testid="my-day-alerts">Read the alerts</button></div>}
      </Section>
    </div>
  );
}

function Section({ id, empty, title, count, onAll, children }: {
  id: MyDaySection; empty: ReadonlySet<MyDaySection>; title: string; count?: number; onAll?(): void; children: ReactNode;
}) {
  return (
    <section className="my-day-section" data-testid={`my-day-${id}`} aria-label={title} data-empty={empty.has(id) ? 'yes' : 'no'}>
      <header className="my-day-head">
        <h3>{title}{count !== undefined && <span className="my-day-count" data-testid={`my-day-${id}-count`}>{count}</span>}</h3>
        {onAll && <button className="link small" onClick={onAll} data-testid={`my-day-${id}-all`}>See all</button>}
      </header>
      {children}
    </section>
  );
}

const Waiting = () => <p className="muted small" role="status"><span className="spinner" /> Loading…</p>;

function Empty({ section }: { section: MyDaySection }) {
  return <p className="muted my-day-empty" data-testid="my-day-empty">{EMPTY_TEXT[section]}</p>;
}

function Loadable({ s, empty, section, children }: { s: { status: string; error?: string; data?: unknown; retry(): void }; empty: boolean; section: MyDaySection; children: ReactNode }) {
  if (s.status === 'error') return <div className="error small" role="alert" data-testid="my-day-error"><p>{s.error}</p><button onClick={s.retry}>Try again</button></div>;
  if (!s.data) return <Waiting />;
  return empty ? <Empty section={section} /> : <>{children}</>;
}

function More({ shown, total, onAll }: { shown: number; total: number; onAll(): void }) {
  if (total <= shown) return null;
  return <button className="link small" onClick={onAll}>and {total - shown} more</button>;
}

function Receipt({ d, store, onOpen, onAcknowledged }: { d: Dissemination; store: InboxStore; onOpen(n: GraphNode[]): void; onAcknowledged(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const acknowledge = async () => {
    setBusy(true);
    setError('');
    try {
      await store.api.acknowledge(d.id);
      onAcknowledged();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <article className="my-day-item" data-testid={`my-day-received-${d.id}`}>
      <div className="my-day-line">
        <span className="classification">{d.classification}</span>
        <b className="my-day-title">From {d.originatorName}</b>
        <span className="chip" title={handlingMeaning(d.handling)}>Handling {d.handling}</span>
        <span className="muted small">{ukDateTime(d.authorisedAt)}</span>
      </div>
      <p className="small my-day-clamp" data-testid="my-day-received-text">{d.sanitisedText}</p>
      {error && <p className="error small" role="alert">{error}</p>}
      <div className="actions">
        <button className="primary small" disabled={busy} onClick={() => void acknowledge()} data-testid="my-day-acknowledge">Acknowledge</button>
        <button className="small" onClick={() => onOpen(d.records)} disabled={!d.records.length} data-testid="my-day-open">Open</button>
      </div>
    </article>
  );
}

function RequestLine({ r, mine, onAnswer }: { r: InformationRequest; mine: boolean; onAnswer?(): void }) {
  return (
    <article className="my-day-item" data-testid={`my-day-request-${r.id}`} data-status={r.status}>
      <div className="my-day-line">
        <b className="my-day-title">{mine ? `To ${r.holderAgencyName}` : `From ${r.requesterAgencyName}`}</b>
        <span className="muted small">{ukDateTime(r.createdAt)}</span>
        <span className={`chip status status-${r.status.toLowerCase()}`} data-testid="my-day-request-status">{r.status}</span>
      </div>
      <p className="small my-day-clamp">{r.question}</p>
      <p className="muted small" data-testid="my-day-request-status-text">{requestStatusText(r)}</p>
      {onAnswer && <div className="actions"><button className="small" onClick={onAnswer} data-testid="my-day-request-answer">Answer or refuse</button></div>}
    </article>
  );
}

function ImpactLine({ r, scale, onRequested }: { r: MatrixRow; scale: ReturnType<typeof bandScale>; onRequested(): void }) {
  const [asking, setAsking] = useState(false);
  return (
    <li className="my-day-item" data-testid={`my-day-impact-${r.impactId}`} data-band={r.band} data-harm={r.harm}>
      <div className="my-day-line">
        <BandChip band={r.band} harm={r.harm} scale={scale} />
        <b className={`my-day-title${r.ocgId.startsWith('restricted-') ? ' restricted' : ''}`}>{r.ocgName}</b>
        <span className="muted small">{r.areaName} · {statusText(r.status)}</span>
        {requestable(r)
          ? !asking && <button className="small" onClick={() => setAsking(true)} data-testid="my-day-impact-request">Request information</button>
          : <span className="muted small">held by your agency</span>}
      </div>
      {asking && <ImpactRequest impact={{ impactId: r.impactId, ocgName: r.ocgName, areaName: r.areaName, band: r.band, harm: r.harm }} onClose={() => setAsking(false)} onSent={onRequested} />}
    </li>
  );
}
