import { useState } from 'react';
import { messageOf } from '../workspace/GraphWorkspace.js';
import type { GraphNode } from '../workspace/types.js';
import { watchKindFor, watchOn } from './model.js';
import { useInbox, useInboxState } from './store.js';

/** Watch / Unwatch an entity seen in full or shared (a group is watched as an OCG). */
export function WatchToggle({ node }: { node: GraphNode }) {
  const inbox = useInbox();
  const { watches } = useInboxState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!inbox || node.restricted) return null;
  const w = watchOn(watches, node.id);
  const toggle = async () => {
    setBusy(true);
    setError('');
    try {
      if (w) await inbox.unwatch(w.id);
      else await inbox.watch(watchKindFor(node), node.id, node.label);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button onClick={() => void toggle()} disabled={busy || watches === null} aria-pressed={!!w} data-testid="watch-toggle"
        title={w ? 'Stop alerts about this record' : 'Be alerted in the Inbox when new material about this record arrives'}>
        {w ? 'Unwatch' : 'Watch'}
      </button>
      {error && <span className="error small" role="alert" data-testid="watch-error">{error}</span>}
    </>
  );
}
