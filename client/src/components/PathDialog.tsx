import { useState, type FormEvent } from 'react';
import { PATH_HOPS, noPathMessage } from '../workspace/GraphWorkspace.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';

const HOP_CHOICES = Array.from({ length: PATH_HOPS.max }, (_, i) => i + 1);

/** Find path: the two entities and the most links a path may have; a search that finds nothing says so here. */
export function PathDialog() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const [searching, setSearching] = useState(false);
  const q = s.pathQuestion;
  if (!q) return null;
  const label = (id: string) => s.doc.nodes.get(id)?.data.label ?? id;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSearching(true);
    try {
      await ws.answerPaths();
    } finally {
      setSearching(false);
    }
  };

  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Find path" onMouseDown={(e) => { if (e.target === e.currentTarget) ws.cancelPaths(); }}>
      <form className="dialog" onSubmit={(e) => void submit(e)} data-testid="path-dialog">
        <h2>Find path</h2>
        <p>The shortest paths between <b>{label(q.from)}</b> and <b>{label(q.to)}</b>, through what you may see.</p>
        <div className="form-row">
          <label className="inline">Maximum links
            <select value={q.maxHops} onChange={(e) => ws.setPathHops(Number(e.target.value))} data-testid="path-max-hops" autoFocus>
              {HOP_CHOICES.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <span className="muted small">Longer paths take longer to search on a busy network.</span>
        </div>
        {q.noneWithin !== null && (
          <p className="path-none" role="status" data-testid="path-none">{noPathMessage(label(q.from), label(q.to), q.noneWithin)}</p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => ws.cancelPaths()} data-testid="path-cancel">Cancel</button>
          <button type="submit" className="primary" disabled={searching} data-testid="path-submit">{searching ? 'Searching…' : 'Find'}</button>
        </div>
      </form>
    </div>
  );
}
