import { useEffect, useRef, useState } from 'react';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { requirementOptions, showRequirementGaps } from './gaps.js';
import type { Requester } from './model.js';

/**
 * The toolbar's gap overlay switch: rings the entities a requirement names by their coverage.
 * The requirement shown is chosen in the overlay's legend (left panel) or from the board; the
 * switch remembers it. Kept small: it lives in the main bundle, the requirement views do not.
 */
export function GapOverlayControl() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const api = ws.api as unknown as Requester;
  const [busy, setBusy] = useState(false);
  // The box follows the click at once; the overlay follows when the server has answered.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const last = useRef('');
  if (s.gaps) last.current = s.gaps.requirementId;

  useEffect(() => () => setWanted(null), []);

  const toggle = async (checked: boolean) => {
    if (!checked || !s.viewer) {
      ws.showGaps(null);
      return;
    }
    setWanted(true);
    setBusy(true);
    try {
      const list = await requirementOptions(api, s.viewer.id);
      if (!list.length) {
        ws.notify('info', 'There are no intelligence requirements you may see');
        return;
      }
      const chosen = list.find((o) => o.id === last.current) ?? list[0]!;
      await showRequirementGaps(ws, api, chosen.id, chosen.label, false);
    } catch (e) {
      ws.notify('error', `Requirements could not be read: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setWanted(null);
      setBusy(false);
    }
  };

  return (
    <label className="inline" title={s.gaps ? `Gap overlay: ${s.gaps.requirementLabel}` : 'Ring the entities a requirement names by how well intelligence covers them'} data-testid="gap-control">
      <input type="checkbox" checked={wanted ?? !!s.gaps} disabled={busy} onChange={(e) => void toggle(e.target.checked)} data-testid="gap-overlay-toggle" /> Gaps
      {busy && <span className="spinner" aria-label="Loading" />}
    </label>
  );
}
