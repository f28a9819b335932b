import { inboxTotal } from './model.js';
import { useInboxState } from './store.js';

/** The toolbar's Inbox (an envelope on laptop widths), with what waits: receipts to acknowledge, open requests, unread alerts. */
export function InboxButton({ onOpen }: { onOpen(): void }) {
  const { counts } = useInboxState();
  const total = inboxTotal(counts);
  const title = counts
    ? `Inbox: ${counts.unacknowledged} to acknowledge, ${counts.openRequests} open request${counts.openRequests === 1 ? '' : 's'}, ${counts.unreadAlerts} unread alert${counts.unreadAlerts === 1 ? '' : 's'}`
    : 'Inbox: disseminations, requests for information, watches and alerts';
  return (
    <button onClick={onOpen} data-testid="inbox-button" title={title} aria-label={total ? `Inbox, ${total} waiting` : 'Inbox'} className="inbox-button">
      <span aria-hidden className="inbox-glyph">✉</span><span className="wide-only">Inbox</span><span className={`badge${total ? '' : ' empty'}`} data-testid="inbox-count" aria-hidden>{total}</span>
    </button>
  );
}
