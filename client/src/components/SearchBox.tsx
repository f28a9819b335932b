import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { SearchHit } from '../workspace/types.js';
import { messageOf } from '../workspace/GraphWorkspace.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { entityTitle } from '../ui/format.js';
import { TypeGlyph } from './TypeGlyph.js';

/** Type-ahead search across entity types; Enter or a click adds the entity to the chart. */
export function SearchBox({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const ws = useWorkspace();
  const { doc } = useWorkspaceState();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'error'>('idle');
  const [error, setError] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits([]);
      setStatus('idle');
      return;
    }
    const mine = ++seq.current;
    setStatus('searching');
    const t = setTimeout(async () => {
      try {
        const r = await ws.search(q, { limit: 12 });
        if (mine !== seq.current) return;
        setHits(r);
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

  const add = (h: SearchHit | undefined) => {
    if (!h) return;
    if (h.entity.restricted) {
      ws.addSlice({ nodes: [h.entity], edges: [] }, 'Add restricted marker');
      ws.select([h.entity.id]);
    } else void ws.add([h.entity.id]);
    setOpen(false);
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
          {status === 'done' && !hits.length && <li className="muted" data-testid="search-empty">No matches</li>}
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
        </ul>
      )}
    </div>
  );
}
