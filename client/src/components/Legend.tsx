import { ENTITY_LOOK, ROLE_COLOUR, linkLook } from '../graph/style.js';
import { useWorkspaceState } from '../ui/context.js';
import { entityTitle, humanCode, linkTitle } from '../ui/format.js';
import { TypeGlyph } from './TypeGlyph.js';
import { GapPanel } from '../requirements/GapPanel.js';

export function LinkSample({ type, width = 2 }: { type: string; width?: number }) {
  const l = linkLook(type);
  const dash = l.line === 'dashed' ? '6 3' : l.line === 'dotted' ? '2 3' : undefined;
  return (
    <svg className="link-sample" width="26" height="10" aria-hidden>
      <line x1="1" y1="5" x2={l.arrow ? 20 : 25} y2="5" stroke={l.colour} strokeWidth={width} strokeDasharray={dash} />
      {l.arrow && <path d="M19,1 L25,5 L19,9 z" fill={l.colour} />}
    </svg>
  );
}

/** The key to the chart: what is on it, by the same tables as the stylesheet. */
export function Legend() {
  const s = useWorkspaceState();
  const types = [...new Set([...s.doc.nodes.values()].map((n) => (n.data.restricted ? 'Restricted' : n.data.type)))];
  const links = [...new Set([...s.doc.edges.values()].map((e) => e.data.type))];
  const shownTypes = types.length ? types : Object.keys(ENTITY_LOOK).slice(0, 6);
  return (
    <section className="legend" data-testid="legend">
      <h3>Legend</h3>
      <ul className="legend-list">
        {shownTypes.map((t) => <li key={t}><TypeGlyph type={t} size={16} /> {t === 'Restricted' ? 'Restricted: held by another agency' : entityTitle(t)}</li>)}
      </ul>
      {links.length > 0 && (
        <ul className="legend-list">
          {links.map((t) => <li key={t}><LinkSample type={t} /> {linkTitle(t)}</li>)}
        </ul>
      )}
      <div className="legend-row small">
        <span>Evidence</span>
        <svg width="90" height="14" aria-hidden>
          <line x1="2" y1="7" x2="26" y2="7" stroke="#64748b" strokeWidth="1.2" />
          <line x1="33" y1="7" x2="57" y2="7" stroke="#64748b" strokeWidth="3.5" />
          <line x1="64" y1="7" x2="88" y2="7" stroke="#64748b" strokeWidth="7" />
        </svg>
        <span className="muted">weak → strong</span>
      </div>
      <div className="legend-row small">
        <span>OCG role</span>
        {Object.entries(ROLE_COLOUR).filter(([r]) => r !== 'UNKNOWN').map(([r, c]) => (
          <span key={r} className="role-swatch"><span style={{ borderColor: c }} /> {humanCode(r)}</span>
        ))}
      </div>
      <GapPanel />
      {s.display.colourBy === 'community' && <p className="small muted">Colours show communities found by the network analysis.</p>}
      {s.display.sizeBy !== 'none' && <p className="small muted">Size shows {s.display.sizeBy === 'degree' ? 'links on the chart' : s.display.sizeBy}.</p>}
    </section>
  );
}
