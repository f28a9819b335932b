import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { GraphNode, SearchHit, StubGroup } from '../workspace/types.js';
import { messageOf } from '../workspace/GraphWorkspace.js';
import { stubGroupTitle } from '../workspace/stubGroups.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { entityTitle } from '../ui/format.js';
import { searchWatchOn } from '../inbox/model.js';
import { useInbox, useInboxState } from '../inbox/store.js';
import { TypeGlyph } from './TypeGlyph.js';

/**
 * Type-ahead search across entity types; Enter or a click adds the entity to the chart. What
 * other agencies hold comes after, one row per holder, opening onto the references to quote.
 */
export function SearchBox({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const ws = useWorkspace();
  const { doc } = useWorkspaceState();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [groups, setGroups] = useState<StubGroup[]>([]);
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'error'>('idle');
  const [error, setError] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits([]);
      setGroups([]);
      setStatus('idle');
      return;
    }
    const mine = ++seq.current;
    setStatus('searching');
    const t = setTimeout(async () => {
      try {
        const r = await ws.searchGrouped(q, { limit: 12 });
        if (mine !== seq.current) return;
        setHits(r.hits);
        setGroups(r.heldElsewhere);
        setOpenGroup(null);
        setActive(0);
        setStatus('done');
      } catch (e) {
        if (mine !== seq.current) return;
        setError(messageOf(e));
        setStatus('error');
      }
    }, 220);
    return () => clearTimeout(t);
  }, [text, ws]);

  const addNode = (n: GraphNode) => {
    if (n.restricted) {
      ws.addSlice({ nodes: [n], edges: [] }, 'Add restricted marker');
      ws.select([n.id]);
    } else void ws.add([n.id]);
    setOpen(false);
  };
  const add = (h: SearchHit | undefined) => {
    if (h) addNode(h.entity);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') { setActive((a) => Math.min(a + 1, hits.length - 1)); setOpen(true); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { setActive((a) => Math.max(a - 1, 0)); e.preventDefault(); }
    else if (e.key === 'Enter') { add(hits[active]); e.preventDefault(); }
  };

  return (
    <div className="search" onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node)) setOpen(false); }}>
      <input
        ref={inputRef}
        data-testid="search-input"
        type="search"
        placeholder="Search people, groups, places, vehicles, phones…  ( / )"
        aria-label="Search"
        aria-expanded={open && hits.length > 0}
        aria-controls="search-results"
        role="combobox"
        value={text}
        onChange={(e) => { setText(e.target.value); setOpen(true); }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKey}
      />
      {open && text.trim().length >= 2 && (
        <ul className="search-results" id="search-results" role="listbox" data-testid="search-results">
          {status === 'searching' && !hits.length && <li className="muted">Searching…</li>}
          {status === 'error' && <li className="error">{error}</li>}
          {status === 'done' && !hits.length && !groups.length && <li className="muted" data-testid="search-empty">No matches</li>}
          {hits.map((h, i) => {
            const onChart = doc.nodes.has(h.entity.id);
            return (
              <li
                key={h.entity.id}
                role="option"
                aria-selected={i === active}
                className={`hit${i === active ? ' active' : ''}${h.entity.restricted ? ' restricted' : ''}`}
                data-testid={`search-hit-${h.entity.id}`}
                tabIndex={-1}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(h)}
              >
                <TypeGlyph type={h.entity.restricted ? 'Restricted' : h.entity.type} />
                <span className="hit-label">{h.entity.label}</span>
                <span className="hit-type">{h.entity.restricted ? `contact ${h.entity.contact ?? 'owner'}` : entityTitle(h.entity.type)}</span>
                {onChart && <span className="chip small">on chart</span>}
              </li>
            );
          })}
          {groups.map((g) => (
            <StubGroupRow key={g.heldBy} g={g} open={openGroup === g.heldBy} onToggle={() => setOpenGroup((o) => (o === g.heldBy ? null : g.heldBy))} onAdd={addNode} />
          ))}
          {status === 'done' && <WatchSearch text={text.trim()} />}
        </ul>
      )}
    </div>
  );
}

/** "Held by West Midlands Police: 7 records", opening onto each record's reference and the desk to call. */
function StubGroupRow({ g, open, onToggle, onAdd }: { g: StubGroup; open: boolean; onToggle(): void; onAdd(n: GraphNode): void }) {
  return (
    <li className="hit restricted stub-group" data-testid="stub-group" data-held-by={g.heldBy} data-count={g.count} onMouseDown={(e) => e.preventDefault()}>
      <button className="stub-group-head" aria-expanded={open} onClick={onToggle} data-testid="stub-group-toggle" title={`Contact ${g.contact || 'the holder'}: open for the references to quote`}>
        <TypeGlyph type="Restricted" />
        <span className="hit-label" data-testid="stub-group-title">{stubGroupTitle(g)}</span>
        <span className="hit-type">{open ? '▾ hide' : '▸ references'}</span>
      </button>
      {open && (
        <div data-testid="stub-group-details">
          <div className="muted small">
            {g.contact}{g.contactPhone ? ` · ${g.contactPhone}` : ''}{g.contactEmail ? ` · ${g.contactEmail}` : ''}
          </div>
          <ul className="stub-group-list">
            {g.stubs.map((n) => (
              <li key={n.id} data-testid={`stub-${n.id}`}>
                <span>{entityTitle(n.type) === n.type ? 'Record' : entityTitle(n.type)}</span>
                <code data-testid="stub-group-reference">{n.reference ?? n.id}</code>
                <button className="small" onClick={() => onAdd(n)} data-testid="stub-add">Add to chart</button>
              </li>
            ))}
          </ul>
          {g.count > g.stubs.length && <div className="muted small">{g.count - g.stubs.length} more: ask the holder.</div>}
        </div>
      )}
    </li>
  );
}

/** Watch a search: alerts when what it would return for this viewer changes. */
function WatchSearch({ text }: { text: string }) {
  const inbox = useInbox();
  const { watches } = useInboxState();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!inbox) return null;
  const w = searchWatchOn(watches, text);
  return (
    <li className="search-watch" onMouseDown={(e) => e.preventDefault()}>
      {error && <span className="error small">{error}</span>}
      {w ? (
        <span className="muted small" data-testid="search-watched">Watching “{text}”</span>
      ) : (
        <button className="small" disabled={busy} data-testid="search-watch"
          onClick={() => { setBusy(true); setError(''); inbox.watch('SEARCH', text, `Search “${text}”`).catch((e: unknown) => setError(messageOf(e))).finally(() => setBusy(false)); }}>
          Watch this search
        </button>
      )}
    </li>
  );
}
