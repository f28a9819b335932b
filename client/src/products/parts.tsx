import { useId, useState } from 'react';
import type { ProductSection, ProductSnapshot, ProductSource } from './api.js';
import { citeLabels, projectSnapshot, sourceLine, ukDay } from './model.js';

/** The protective marking across the document, top or bottom, as a printed page carries it. */
export function MarkingBanner({ marking, where }: { marking: string; where: 'top' | 'bottom' }) {
  return <div className={`marking-banner ${where}`} role="note" aria-label={`Protective marking: ${marking}`} data-testid={`marking-${where}`}>{marking}</div>;
}

/** A citation ("S2 1A"): hovering, focusing or clicking it shows the report it rests on. */
export function CiteRef({ source, label }: { source: ProductSource | undefined; label: string }) {
  const [open, setOpen] = useState(false);
  const [pinned, setPinned] = useState(false);
  const id = useId();
  const shown = open || pinned;
  return (
    <span className="cite" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button type="button" className="cite-ref" aria-expanded={shown} aria-describedby={shown ? id : undefined}
        onFocus={() => setOpen(true)} onBlur={() => { setOpen(false); setPinned(false); }} onClick={() => setPinned((p) => !p)}
        data-testid="cite-ref" data-ref={label}>{label}</button>
      {shown && source && (
        <span className="cite-popover" role="tooltip" id={id} data-testid="cite-popover">
          <span className="cite-popover-head"><b>{source.ref}</b> <span className={`grade grade-${source.grade.charAt(0)}`}>{source.grade}</span></span>
          <span className="small muted" data-testid="cite-popover-line">{sourceLine(source)}</span>
          <span className="cite-summary" data-testid="cite-popover-summary">{source.summary || 'No summary: the report text is not shown here.'}</span>
        </span>
      )}
    </span>
  );
}

/** A statement's citations, each with its source on hover. */
export function Cites({ cites, sources }: { cites: readonly string[]; sources: readonly ProductSource[] }) {
  const labels = citeLabels(cites, sources);
  if (!labels.length) return null;
  const m = new Map(sources.map((s) => [s.reportId, s]));
  return (
    <span className="cites" data-testid="statement-cites">
      [{labels.map((l, i) => <span key={l.reportId}>{i > 0 && '; '}<CiteRef source={m.get(l.reportId)} label={l.label} /></span>)}]
    </span>
  );
}

const BOX = { width: 420, height: 240, pad: 28 };

/** A section's network chart or map, kept with the product, as a small drawing. */
export function SnapshotSvg({ s, sectionKey }: { s: ProductSnapshot; sectionKey: string }) {
  const p = projectSnapshot(s, BOX);
  const map = p.kind === 'MAP';
  return (
    <figure className="snapshot" data-testid={`snapshot-${sectionKey}`} data-kind={p.kind}>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} width={BOX.width} height={BOX.height} role="img"
        aria-label={map ? `Map of ${p.nodes.length} place${p.nodes.length === 1 ? '' : 's'}` : `Network of ${p.nodes.length} entities and ${p.links.length} links`}>
        <rect className="snapshot-bg" width={BOX.width} height={BOX.height} />
        {p.links.map((l, i) => <line key={i} className="snapshot-link" x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2}><title>{l.type}</title></line>)}
        {p.nodes.map((n, i) => (
          <g key={n.id} className={`snapshot-node${i === 0 && !map ? ' centre' : ''}`} data-testid="snapshot-node">
            <circle cx={n.x} cy={n.y} r={map ? 5 : 6} />
            {/* Labels on the right-hand side read leftwards, so they stay inside the drawing. */}
            {n.x > BOX.width * 0.6
              ? <text x={n.x - 8} y={n.y + 4} textAnchor="end">{n.label}</text>
              : <text x={n.x + 8} y={n.y + 4}>{n.label}</text>}
          </g>
        ))}
        {p.scale && (
          <g className="scale-bar" data-testid="scale-bar" data-km={p.scale.km} transform={`translate(${BOX.pad}, ${BOX.height - 12})`}>
            <line x1={0} y1={0} x2={p.scale.px} y2={0} />
            <line x1={0} y1={-4} x2={0} y2={0} /><line x1={p.scale.px} y1={-4} x2={p.scale.px} y2={0} />
            <text x={p.scale.px + 6} y={3}>{p.scale.label}</text>
          </g>
        )}
      </svg>
      <figcaption className="small muted">
        {map ? 'Map made when the section was drafted' : 'Network chart made when the section was drafted'}
        {p.unplaced > 0 && ` · ${p.unplaced} without a position`}
      </figcaption>
    </figure>
  );
}

/** A section read-only: its statements with their citations, and its snapshot. */
export function SectionRead({ s, sources, empty }: { s: ProductSection; sources: readonly ProductSource[]; empty?: string }) {
  return (
    <section className="product-section" data-testid={`section-${s.key}`} aria-label={s.title}>
      <h3>{s.title}</h3>
      {!s.statements.length && <p className="muted small" data-testid="section-empty">{empty ?? (s.source === 'NARRATIVE' ? 'Not written yet.' : 'Nothing found for this section.')}</p>}
      <ol className="statements">
        {s.statements.map((st) => (
          <li key={st.id} data-testid={`statement-${st.id}`}><span className="statement-text">{st.text}</span> <Cites cites={st.cites} sources={sources} /></li>
        ))}
      </ol>
      {s.snapshot && <SnapshotSvg s={s.snapshot} sectionKey={s.key} />}
    </section>
  );
}

/** The appendix: every report cited, with its grade, date, handling and marking. */
export function SourcesAppendix({ sources }: { sources: readonly ProductSource[] }) {
  return (
    <section className="product-section" data-testid="sources-appendix" aria-label="Sources">
      <h3>Appendix: sources</h3>
      {!sources.length ? <p className="muted small">No report cited.</p> : (
        <table className="sources">
          <thead><tr><th>Ref</th><th>Grade</th><th>Date</th><th>Handling</th><th>Marking</th></tr></thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.reportId} data-testid={`source-${s.ref}`}>
                <td>{s.ref}</td><td><span className={`grade grade-${s.grade.charAt(0)}`}>{s.grade}</span></td><td>{s.date ? ukDay(s.date) : 'undated'}</td><td>{s.handling}</td><td>{s.classification}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function StatusChip({ status }: { status: string }) {
  return <span className={`chip product-status status-${status.toLowerCase()}`} data-testid="product-status">{status.charAt(0) + status.slice(1).toLowerCase()}</span>;
}
