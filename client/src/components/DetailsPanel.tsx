import { HANDLING, HANDLING_CONDITIONS, INTEL_ASSESSMENT, SOURCE_EVALUATION } from '../../../server/domain/codes.js';
import { useEffect, useState } from 'react';
import type { GraphEdge, GraphNode, LinkDetail, Markings, TimelineItem } from '../workspace/types.js';
import { itemTypeTitle } from '../sequence/SequenceView.js';
import { WEIGHTING_TITLES, type WorkspaceState } from '../workspace/GraphWorkspace.js';
import { linkCount } from '../graph/style.js';
import { EVIDENCE_KEYS, countText, durationText, linkEvidence, ukDate, ukDateTime } from '../ui/evidence.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { entityTitle, linkTitle, propName, propValue, strengthText } from '../ui/format.js';
import { TypeGlyph } from './TypeGlyph.js';
import { StubActions, StubContact } from '../inbox/StubActions.js';
import { WatchToggle } from '../inbox/WatchToggle.js';
import { EditEntity, editRefusal } from '../build/EditEntity.js';

/** What is selected, in full: properties, markings, and for a link the reports it rests on. */
export function DetailsPanel() {
  const s = useWorkspaceState();
  const sel = [...s.selection];
  const focus = s.sequence?.focus ? s.sequence.items.find((x) => x.id === s.sequence!.focus) : undefined;
  let body;
  if (focus) body = <SequenceItemDetails key={focus.id} item={focus} />;
  else if (sel.length === 1 && s.doc.nodes.has(sel[0]!)) body = <NodeDetails key={sel[0]} node={s.doc.nodes.get(sel[0]!)!.data} pinned={s.doc.nodes.get(sel[0]!)!.pinned} />;
  else if (sel.length === 1 && s.doc.edges.has(sel[0]!)) body = <EdgeDetails edge={s.doc.edges.get(sel[0]!)!.data} state={s} />;
  else if (sel.length > 1 && !s.paths) body = <MultiDetails ids={sel} />;
  else if (!s.paths) body = <ChartSummary />;
  return (
    <div className="details" data-testid="details-panel">
      {s.paths && <PathsList />}
      {body}
    </div>
  );
}

function MarkingsBlock({ m }: { m: Markings | null | undefined }) {
  if (!m) return null;
  const conditions = m.handlingConditions ?? [];
  return (
    <section className="markings" data-testid="markings">
      <div className="marking-line">
        <span className={`classification cls-${m.classification.toLowerCase().replace(/[^a-z]+/g, '-')}`}>{m.classification}</span>
        <span className="chip" title={(HANDLING as Record<string, string>)[m.handling] ?? ''} data-testid="handling">Handling {m.handling}{conditions.length ? ` · ${conditions.join(', ')}` : ''}</span>
        {m.nfd && <span className="chip warn">Not for dissemination</span>}
      </div>
      {conditions.length > 0 && (
        <ul className="conditions">
          {conditions.map((c) => <li key={c}><b>{c}</b> {(HANDLING_CONDITIONS as Record<string, string>)[c] ?? ''}</li>)}
        </ul>
      )}
      {m.handlingNotes && <p className="note">{m.handlingNotes}</p>}
      <div className="muted small">Owner {m.agency}{m.compartments?.length ? ` · compartments ${m.compartments.join(', ')}` : ''}</div>
    </section>
  );
}

function Props({ props }: { props: Record<string, unknown> }) {
  const s = useWorkspaceState();
  const entries = Object.entries(props ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!entries.length) return <p className="muted small">No further properties.</p>;
  // Ids of records on the chart (an OCG's lead area, a report's source) read as their names; the
  // stored value stays in the hover text.
  const names = (id: string) => s.doc.nodes.get(id)?.data.label;
  return (
    <dl className="props" data-testid="props">
      {entries.map(([k, v]) => {
        const shown = propValue(v, names);
        const raw = Array.isArray(v) ? v.join(', ') : String(v);
        return <div key={k}><dt>{propName(k)}</dt><dd title={shown !== raw ? raw : undefined}>{shown}</dd></div>;
      })}
    </dl>
  );
}

function NodeDetails({ node, pinned }: { node: GraphNode; pinned: boolean }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  if (node.restricted) {
    return (
      <div className="restricted-details" data-testid="restricted-details">
        <h3><TypeGlyph type="Restricted" size={22} /> Restricted</h3>
        <p className="held-by" data-testid="held-by">{node.label}</p>
        <p>Intelligence is held on this record, which you do not have access to. To deconflict or request it, quote the reference to:</p>
        <StubContact node={node} />
        <StubActions key={node.id} node={node} />
        <div className="actions">
          <button onClick={() => ws.hide([node.id])}>Hide</button>
          <button onClick={() => ws.remove([node.id])}>Remove</button>
        </div>
      </div>
    );
  }
  const [editing, setEditing] = useState(false);
  const links = [...s.doc.edges.values()].filter((e) => e.data.source === node.id || e.data.target === node.id);
  const m = s.metrics?.get(node.id);
  // Roles that may write see Edit (disabled with the reason where this record is not theirs to change).
  const canWrite = s.viewer?.permissions.includes('write') ?? false;
  const refusal = editRefusal(node, s.viewer?.permissions ?? []);
  if (editing) {
    return (
      <div data-testid="node-details">
        <h3><TypeGlyph type={node.type} size={22} /> Edit <span data-testid="details-title">{node.label}</span></h3>
        <div className="subtitle">{entityTitle(node.type)}</div>
        <EditEntity node={node} onDone={() => setEditing(false)} />
      </div>
    );
  }
  return (
    <div data-testid="node-details">
      <h3><TypeGlyph type={node.type} size={22} /> <span data-testid="details-title">{node.label}</span></h3>
      <div className="subtitle">{entityTitle(node.type)}{node.access === 'shared' ? ' · disseminated copy' : ''}{pinned ? ' · pinned' : ''}</div>
      <MarkingsBlock m={node.markings} />
      <Props props={node.props} />
      {m && (
        <dl className="props metrics" data-testid="metrics" data-weighting={s.analysis?.weighting ?? 'NONE'}>
          <div className="metrics-weighting"><dt>Weighting</dt><dd data-testid="metric-weighting">{WEIGHTING_TITLES[s.analysis?.weighting ?? 'NONE']}</dd></div>
          <div><dt>Degree</dt><dd data-testid="metric-degree">{m.degree}</dd></div>
          {typeof m.strength === 'number' && <div><dt title="Weighted degree: the sum of the counts of its links">Strength</dt><dd data-testid="metric-strength">{formatNumber(m.strength)}</dd></div>}
          <div><dt>Betweenness</dt><dd data-testid="metric-betweenness">{m.betweenness.toFixed(3)}</dd></div>
          <div><dt>Closeness</dt><dd>{m.closeness.toFixed(3)}</dd></div>
          {typeof m.pagerank === 'number' && <div><dt>PageRank</dt><dd>{m.pagerank.toFixed(3)}</dd></div>}
          {typeof m.eigenvector === 'number' && <div><dt>Eigenvector</dt><dd>{m.eigenvector.toFixed(3)}</dd></div>}
          {typeof m.community === 'number' && <div><dt>Community</dt><dd>{m.community}</dd></div>}
        </dl>
      )}
      <div className="actions">
        <button onClick={() => void ws.expand([node.id])} data-testid="details-expand">Expand</button>
        {canWrite && <button onClick={() => setEditing(true)} disabled={!!refusal} title={refusal ?? 'Edit this record’s properties and markings'} data-testid="details-edit">Edit</button>}
        <button onClick={() => ws.pin([node.id])}>{pinned ? 'Unpin' : 'Pin'}</button>
        <button onClick={() => ws.hide([node.id])}>Hide</button>
        <button onClick={() => ws.remove([node.id])}>Remove</button>
        <WatchToggle node={node} />
      </div>
      {links.length > 0 && (
        <section>
          <h4>Links on the chart ({links.length})</h4>
          <ul className="link-list">
            {links.slice(0, 50).map((e) => {
              const other = s.doc.nodes.get(e.data.source === node.id ? e.data.target : e.data.source)?.data;
              return (
                <li key={e.data.id}>
                  <button className="link" onClick={() => ws.select([e.data.id])} data-testid={`details-link-${e.data.id}`}>
                    {linkTitle(e.data.type)} {e.data.source === node.id ? '→' : '←'} {other?.label ?? '?'}
                  </button>
                  <span className="muted small"> {linkCount(e.data.props) !== undefined ? countText(e.data.type, linkCount(e.data.props)!) : strengthText(e.data.strength)}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}

function EdgeDetails({ edge, state }: { edge: GraphEdge; state: WorkspaceState }) {
  const ws = useWorkspace();
  const a = state.doc.nodes.get(edge.source)?.data;
  const b = state.doc.nodes.get(edge.target)?.data;
  const insp = state.inspection?.id === edge.id ? state.inspection : null;
  return (
    <div data-testid="edge-details">
      <h3 data-testid="details-title">{linkTitle(edge.type)}{edge.type === 'MEMBER_OF' && edge.props?.role ? ` (${String(edge.props.role).toLowerCase()})` : ''}</h3>
      <div className="subtitle">
        <button className="link" onClick={() => ws.select([edge.source])}>{a?.label}</button> → <button className="link" onClick={() => ws.select([edge.target])}>{b?.label}</button>
      </div>
      {edge.restricted ? (
        <p>This link is held by another agency. Contact its owner to deconflict.</p>
      ) : (
        <>
          <div className="strength" data-testid="link-strength">
            Evidence strength <b>{strengthText(edge.strength)}</b>
            <span className="meter"><span style={{ width: `${Math.round((edge.strength ?? 0) * 100)}%` }} /></span>
            <span className="muted small">{edge.reportCount} report{edge.reportCount === 1 ? '' : 's'}</span>
          </div>
          <EvidenceBlock edge={edge} />
          <MarkingsBlock m={edge.markings} />
          <Props props={linkEvidence(edge.props) ? withoutEvidence(edge.props) : edge.props} />
          <section className="why" data-testid="why-linked">
            <h4>Why linked: supporting reports</h4>
            {insp?.status === 'loading' && <p className="muted">Loading reports…</p>}
            {insp?.status === 'error' && <p className="error">{insp.error}</p>}
            {insp?.status === 'ready' && <Reports detail={insp.detail ?? null} />}
          </section>
          <div className="actions">
            <button onClick={() => ws.hide([edge.id])}>Hide</button>
            <button onClick={() => ws.remove([edge.id])}>Remove</button>
          </div>
        </>
      )}
    </div>
  );
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

const withoutEvidence = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(props ?? {}).filter(([k]) => !(EVIDENCE_KEYS as readonly string[]).includes(k)));

/** A counted link's count, total duration and first and last seen (UK dates). */
function EvidenceBlock({ edge }: { edge: GraphEdge }) {
  const ev = linkEvidence(edge.props);
  if (!ev) return null;
  return (
    <dl className="props evidence" data-testid="link-evidence">
      {ev.count !== undefined && <div><dt>Count</dt><dd data-testid="link-count">{countText(edge.type, ev.count)}</dd></div>}
      {ev.totalDuration !== undefined && <div><dt>Total duration</dt><dd data-testid="link-duration">{durationText(ev.totalDuration)}</dd></div>}
      {ev.firstSeen && <div><dt>First seen</dt><dd data-testid="link-first-seen">{ukDateTime(ev.firstSeen)}</dd></div>}
      {ev.lastSeen && <div><dt>Last seen</dt><dd data-testid="link-last-seen">{ukDateTime(ev.lastSeen)}</dd></div>}
    </dl>
  );
}

function Reports({ detail }: { detail: LinkDetail | null }) {
  if (!detail) return <p className="muted">This link is no longer available.</p>;
  if (!detail.reports.length && !detail.withheldReports) return <p className="muted" data-testid="no-reports">No graded report supports this link.</p>;
  return (
    <>
      <ol className="reports" data-testid="reports">
        {detail.reports.map((r) => {
          const p = r.report.props ?? {};
          const text = (p.text ?? p.sanitisedText) as string | undefined;
          const grade = r.grade ?? '';
          const m = r.report.markings;
          return (
            <li key={r.report.id} className="report" data-testid={`report-${r.report.id}`}>
              <div className="report-head">
                <span className={`grade grade-${grade.charAt(0)}`} title={`${(SOURCE_EVALUATION as Record<string, string>)[grade.charAt(0)] ?? ''} source; ${(INTEL_ASSESSMENT as Record<string, string>)[grade.charAt(1)] ?? ''}`} data-testid="report-grade">{grade}</span>
                <span className="report-label">{r.report.label}</span>
                <span className="muted small">{strengthText(r.strength)}</span>
              </div>
              {m && (
                <div className="report-marks small">
                  <span className="classification">{m.classification}</span>{' '}
                  <span data-testid="report-handling">Handling {m.handling}{m.handlingConditions?.length ? ` (${m.handlingConditions.join(', ')})` : ''}</span>
                  {m.handlingNotes ? <span className="muted"> · {m.handlingNotes}</span> : null}
                  <span className="muted"> · {m.agency}</span>
                </div>
              )}
              {text && <p className="report-text">{text}</p>}
              <div className="muted small">
                {p.eventDate ? `Event ${String(p.eventDate)}` : ''}{p.recordedAt ? ` · recorded ${String(p.recordedAt).slice(0, 10)}` : ''}{p.howObtained ? ` · ${String(p.howObtained).toLowerCase()}` : ''}
              </div>
            </li>
          );
        })}
      </ol>
      {detail.withheldReports > 0 && <p className="muted small" data-testid="withheld">{detail.withheldReports} further report{detail.withheldReports === 1 ? '' : 's'} you may not see.</p>}
    </>
  );
}

/**
 * An item chosen in the sequence view: what it is, when, whom it involves, and the record itself
 * read again through the API (a report or event as an entity, a link with the reports behind it).
 */
function SequenceItemDetails({ item }: { item: TimelineItem }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const [full, setFull] = useState<{ status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; node?: GraphNode; link?: LinkDetail | null }>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const read = item.kind === 'link'
      ? ws.api.link(item.id).then((link) => ({ status: 'ready' as const, link }))
      : ws.api.graph([item.id]).then((g) => ({ status: 'ready' as const, node: g.nodes.find((n) => n.id === item.id) }));
    read.then((r) => { if (live) setFull(r); }, (e: unknown) => { if (live) setFull({ status: 'error', error: e instanceof Error ? e.message : String(e) }); });
    return () => { live = false; };
  }, [ws, item.id, item.kind]);
  const onChart = s.doc.nodes.has(item.id) || s.doc.edges.has(item.id);
  const missing = item.entityIds.filter((id) => !s.doc.nodes.has(id));
  const name = (id: string) => s.doc.nodes.get(id)?.data.label;
  const node = full.status === 'ready' ? full.node : undefined;
  const link = full.status === 'ready' ? full.link : undefined;
  return (
    <div data-testid="sequence-item-details">
      <h3>{item.kind !== 'link' && item.type && <TypeGlyph type={item.type} size={22} />} <span data-testid="details-title">{item.label}</span></h3>
      <div className="subtitle" data-testid="sequence-item-subtitle">
        {itemTypeTitle(item)} · {item.date ? ukDate(item.date.slice(0, 10)) : 'undated'}{item.grade ? ` · graded ${item.grade}` : ''} · from the sequence view
      </div>
      <section>
        <h4>Involves ({item.entityIds.length})</h4>
        <ul className="link-list" data-testid="sequence-item-entities">
          {item.entityIds.map((id) => (
            <li key={id}>{name(id) ? <button className="link" onClick={() => ws.select([id])}>{name(id)}</button> : <span className="muted">An entity not on the chart</span>}</li>
          ))}
        </ul>
      </section>
      {(!onChart || missing.length > 0) && (
        <div className="actions">
          <button onClick={() => void ws.add(item.kind === 'link' ? item.entityIds : [item.id, ...missing])} data-testid="sequence-item-add">
            {item.kind === 'link' ? 'Add its ends to the chart' : `Add the ${itemTypeTitle(item).toLowerCase()} to the chart`}
          </button>
        </div>
      )}
      {full.status === 'loading' && <p className="muted small">Reading the record…</p>}
      {full.status === 'error' && <p className="error small">{full.error}</p>}
      {full.status === 'ready' && !node && !link && <p className="muted small">This record is no longer available to you.</p>}
      {node && (
        <>
          <MarkingsBlock m={node.markings} />
          <Props props={node.props} />
        </>
      )}
      {link && (
        <>
          <EvidenceBlock edge={link.link} />
          <MarkingsBlock m={link.link.markings} />
          <Props props={linkEvidence(link.link.props) ? withoutEvidence(link.link.props) : link.link.props} />
          <section className="why">
            <h4>Why linked: supporting reports</h4>
            <Reports detail={link} />
          </section>
        </>
      )}
    </div>
  );
}

function MultiDetails({ ids }: { ids: string[] }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const nodes = ids.filter((id) => s.doc.nodes.has(id));
  const edges = ids.length - nodes.length;
  return (
    <div data-testid="multi-details">
      <h3>{ids.length} selected</h3>
      <p className="muted">{nodes.length} entit{nodes.length === 1 ? 'y' : 'ies'}, {edges} link{edges === 1 ? '' : 's'}</p>
      <div className="actions">
        <button onClick={() => void ws.expand()} disabled={!nodes.length}>Expand</button>
        <button onClick={() => ws.askPaths()} disabled={nodes.length !== 2} data-testid="details-paths">Find path…</button>
        <button onClick={() => void ws.connect()} disabled={nodes.length < 2}>Connect</button>
        <button onClick={() => ws.hide()}>Hide</button>
        <button onClick={() => ws.remove()}>Remove</button>
      </div>
      <ul className="link-list">
        {nodes.slice(0, 40).map((id) => (
          <li key={id}><button className="link" onClick={() => ws.select([id])}>{s.doc.nodes.get(id)!.data.label}</button></li>
        ))}
      </ul>
    </div>
  );
}

function PathsList() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const p = s.paths!;
  const label = (id: string) => s.doc.nodes.get(id)?.data.label ?? '…';
  return (
    <section className="paths" data-testid="paths">
      <h3>Paths: {label(p.from)} → {label(p.to)}</h3>
      <ol>
        {p.paths.map((path, i) => (
          <li key={i}>
            <button className={`path-item${p.active === i ? ' active' : ''}`} onClick={() => ws.showPath(p.active === i ? null : i)} data-testid={`path-${i}`}>
              <b>{path.length} link{path.length === 1 ? '' : 's'}</b>{typeof path.strength === 'number' ? ` · weakest ${strengthText(path.strength)}` : ''}
              <span className="path-nodes">{path.nodeIds.map(label).join(' → ')}</span>
            </button>
          </li>
        ))}
      </ol>
      <button onClick={() => ws.clearPaths()} className="small">Close paths</button>
    </section>
  );
}

function ChartSummary() {
  const s = useWorkspaceState();
  const counts = new Map<string, number>();
  for (const n of s.doc.nodes.values()) counts.set(n.data.type, (counts.get(n.data.type) ?? 0) + 1);
  return (
    <div data-testid="chart-summary">
      <h3>{s.chart.name}</h3>
      {s.doc.nodes.size === 0 ? (
        <p className="muted">Nothing on the chart yet.</p>
      ) : (
        <ul className="type-counts">
          {[...counts].sort((a, b) => b[1] - a[1]).map(([t, c]) => (
            <li key={t}><TypeGlyph type={t} size={16} /> {entityTitle(t)} <b>{c}</b></li>
          ))}
        </ul>
      )}
      <p className="muted small">Select an entity or link to see its details; select a link to see the reports behind it.</p>
    </div>
  );
}
