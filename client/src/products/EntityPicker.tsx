import { useEffect, useState } from 'react';
import { entityTitle } from '../ui/format.js';
import type { SearchHit } from '../workspace/types.js';

export type SearchFn = (text: string, types: string[]) => Promise<SearchHit[]>;

/**
 * Chooses one record by searching for it (a subject or group, an area). The chosen record is shown
 * with a button to change it; the search answers as the viewer may see.
 */
export function EntityPicker({ label, types, value, onChange, search, testid }: {
  label: string; types: string[]; value: { id: string; label: string } | null;
  onChange(v: { id: string; label: string } | null): void; search: SearchFn; testid: string;
}) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      search(q, types).then(
        (h) => { if (live) { setHits(h.filter((x) => !x.entity.restricted)); setError(''); } },
        (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); },
      );
    }, 200);
    return () => { live = false; clearTimeout(t); };
  }, [text, search, types.join()]);

  if (value) {
    return (
      <div className="picker-chosen">
        <span className="picker-label">{label}</span> <b data-testid={`${testid}-label`}>{value.label}</b>
        <button type="button" className="link" onClick={() => onChange(null)} data-testid={`${testid}-change`}>change</button>
      </div>
    );
  }
  return (
    <div className="picker">
      <label>{label}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search by name…" data-testid={`${testid}-search`} />
      </label>
      {error && <span className="error small" role="alert">{error}</span>}
      {hits.length > 0 && (
        <ul className="picker-hits" role="listbox" aria-label={`${label}: matches`}>
          {hits.map((h) => (
            <li key={h.entity.id}>
              <button type="button" role="option" aria-selected={false} onClick={() => { onChange({ id: h.entity.id, label: h.entity.label }); setText(''); setHits([]); }} data-testid={`${testid}-hit-${h.entity.id}`}>
                {h.entity.label} <span className="muted small">{entityTitle(h.entity.type)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
