import { useState, type FormEvent } from 'react';
import { UkDateInput } from './UkDateInput.js';
import type { ExpandOptions } from '../workspace/types.js';
import { useWorkspace } from '../ui/context.js';
import { ENTITY_TYPE_NAMES, LINK_TYPE_NAMES, entityTitle, linkTitle } from '../ui/format.js';

export interface ExpandDialogState { ids: string[] }

const GRADES = ['1A', '1B', '2A', '1C', '2B', '2C', '3A', '1D', '3B', '2D', '3C', '3D'];

/** Expansion with filters: hops, entity and link types, a period, minimum grade, no stubs. */
export function ExpandDialog({ state, onClose, onExpand }: { state: ExpandDialogState; onClose(): void; onExpand(ids: string[], o: ExpandOptions): void }) {
  const ws = useWorkspace();
  const [hops, setHops] = useState(1);
  const [types, setTypes] = useState<string[]>([]);
  const [links, setLinks] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [minGrade, setMinGrade] = useState('');
  const [excludeRestricted, setExcludeRestricted] = useState(false);
  const [limit, setLimit] = useState(100);
  const toggle = (list: string[], set: (v: string[]) => void, v: string) => set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const names = state.ids.map((id) => ws.node(id)?.label ?? id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onExpand(state.ids, {
      hops, limit,
      filter: { entityTypes: types, linkTypes: links, from: from || undefined, to: to || undefined, minGrade: minGrade || undefined, excludeRestricted },
    });
  };

  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Expand with filters" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <form className="dialog wide" onSubmit={submit} data-testid="expand-dialog">
        <h2>Expand {names.length === 1 ? names[0] : `${names.length} entities`}</h2>
        <div className="form-row">
          <label className="inline">Hops <input type="number" min={1} max={3} value={hops} onChange={(e) => setHops(Number(e.target.value))} data-testid="expand-hops" /></label>
          <label className="inline">At most <input type="number" min={1} max={1000} value={limit} onChange={(e) => setLimit(Number(e.target.value))} /> results</label>
          <label className="inline">Minimum grade
            <select value={minGrade} onChange={(e) => setMinGrade(e.target.value)} data-testid="expand-min-grade">
              <option value="">any</option>
              {GRADES.map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          </label>
        </div>
        <div className="form-row">
          <label className="inline">From <UkDateInput value={from} onChange={setFrom} /></label>
          <label className="inline">To <UkDateInput value={to} onChange={setTo} /></label>
          <label className="inline"><input type="checkbox" checked={excludeRestricted} onChange={(e) => setExcludeRestricted(e.target.checked)} /> Leave out restricted markers</label>
        </div>
        <fieldset>
          <legend>Entity types <span className="muted">(none ticked: all)</span></legend>
          <div className="checks">
            {ENTITY_TYPE_NAMES.map((t) => <label key={t}><input type="checkbox" checked={types.includes(t)} onChange={() => toggle(types, setTypes, t)} /> {entityTitle(t)}</label>)}
          </div>
        </fieldset>
        <fieldset>
          <legend>Link types <span className="muted">(none ticked: all)</span></legend>
          <div className="checks">
            {LINK_TYPE_NAMES.map((t) => <label key={t}><input type="checkbox" checked={links.includes(t)} onChange={() => toggle(links, setLinks, t)} /> {linkTitle(t)}</label>)}
          </div>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" data-testid="expand-submit">Expand</button>
        </div>
      </form>
    </div>
  );
}
