import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { entityTitle, linkTitle } from '../ui/format.js';
import { TypeGlyph } from './TypeGlyph.js';
import { LinkSample } from './Legend.js';

const GRADES = ['1A', '1B', '2A', '1C', '2B', '2C', '3A', '1D', '3B', '2D', '3C', '3D'];

/** What is drawn: entity and link types, minimum grade. Filtering never removes from the chart. */
export function FiltersPanel() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const types = new Map<string, number>();
  for (const n of s.doc.nodes.values()) types.set(n.data.type, (types.get(n.data.type) ?? 0) + 1);
  const links = new Map<string, number>();
  for (const e of s.doc.edges.values()) links.set(e.data.type, (links.get(e.data.type) ?? 0) + 1);
  const f = s.filters;
  const active = f.hiddenEntityTypes.length + f.hiddenLinkTypes.length + (f.minGrade ? 1 : 0);
  return (
    <section className="filters" data-testid="filters">
      <h3>Filters {active > 0 && <button className="link small" onClick={() => ws.resetFilters()} data-testid="filters-reset">reset</button>}</h3>
      {types.size === 0 && <p className="muted small">Filters apply to what is on the chart.</p>}
      {types.size > 0 && (
        <ul className="checklist">
          {[...types].sort((a, b) => entityTitle(a[0]).localeCompare(entityTitle(b[0]))).map(([t, c]) => (
            <li key={t}>
              <label>
                <input type="checkbox" checked={!f.hiddenEntityTypes.includes(t)} onChange={() => ws.toggleEntityType(t)} data-testid={`filter-type-${t}`} />
                <TypeGlyph type={t} size={14} /> {entityTitle(t)} <span className="count">{c}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {links.size > 0 && (
        <ul className="checklist">
          {[...links].sort((a, b) => linkTitle(a[0]).localeCompare(linkTitle(b[0]))).map(([t, c]) => (
            <li key={t}>
              <label>
                <input type="checkbox" checked={!f.hiddenLinkTypes.includes(t)} onChange={() => ws.toggleLinkType(t)} data-testid={`filter-link-${t}`} />
                <LinkSample type={t} /> {linkTitle(t)} <span className="count">{c}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <label className="field">
        Minimum grade of links
        <select value={f.minGrade ?? ''} onChange={(e) => ws.setFilters({ minGrade: e.target.value || null })} data-testid="filter-min-grade">
          <option value="">any grade</option>
          {GRADES.map((g) => <option key={g} value={g}>{g} or better</option>)}
        </select>
      </label>
      {f.minGrade && (
        <label className="small">
          <input type="checkbox" checked={f.includeUngraded} onChange={(e) => ws.setFilters({ includeUngraded: e.target.checked })} /> keep links with no graded report
        </label>
      )}
    </section>
  );
}
