import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { SEQUENCE_LIMIT } from '../workspace/GraphWorkspace.js';
import type { TimelineItem } from '../workspace/types.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { ukDate } from '../ui/evidence.js';
import { entityTitle, linkTitle } from '../ui/format.js';
import { DEFAULT_GEOMETRY, itemSummary, laneY, layoutSequence, MAX_LANES, shortTitle, type Mark } from './layout.js';

/** What an item is, in words: a link by its type ("Calls"), a report or event by its record type. */
export function itemTypeTitle(item: Pick<TimelineItem, 'kind' | 'type'>): string {
  if (item.kind === 'link') return linkTitle(item.type ?? 'link');
  if (item.kind === 'report') return 'Report';
  return item.type ? entityTitle(item.type) : 'Event';
}

const HEIGHTS = { min: 120, max: 620 } as const;
const FIT_SHARE = 0.45;
/** Header, horizontal scroll bar and undated row around the plot, px. */
const CHROME = { head: 32, scroll: 16, undated: 34 } as const;
const MARK_H = 30;
const DOT_X = 9;

/**
 * The sequence (theme-line) view, docked below the chart: one line per entity and its reports,
 * events and dated links (calls among them) placed along a shared time axis. An item is one mark
 * joining the lines it involves. Selecting a mark selects its entities on the chart and shows it in
 * the details; what is selected on the chart is highlighted here. Resizable by its top edge (mouse
 * or arrow keys), collapsible to its header.
 */
export function SequenceDock() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const sq = s.sequence;
  // Until resized by hand, the view is as tall as its lines need, up to FIT_SHARE of the window.
  const [height, setHeight] = useState<number | null>(null);
  const [collapsed, setCollapsed] = useState(false);
  const plotRef = useRef<HTMLDivElement>(null);
  const [plotWidth, setPlotWidth] = useState(900);

  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setPlotWidth(Math.max(320, el.clientWidth)));
    ro.observe(el);
    setPlotWidth(Math.max(320, el.clientWidth));
    return () => ro.disconnect();
  }, [sq !== null, collapsed]);

  const geometry = useMemo(() => ({ ...DEFAULT_GEOMETRY, width: plotWidth }), [plotWidth]);
  const layout = useMemo(
    () => (sq ? layoutSequence(sq.items, sq.laneIds, s.timeRange, geometry) : null),
    [sq?.items, sq?.laneIds, s.timeRange, geometry],
  );

  // The selected mark is brought into view along the axis (only sideways: the lines and their names scroll together).
  useEffect(() => {
    const plot = plotRef.current;
    const m = sq?.focus ? layout?.marks.find((x) => x.item.id === sq.focus) : undefined;
    if (!plot || !m) return;
    if (m.x < plot.scrollLeft) plot.scrollLeft = Math.max(0, m.x - geometry.pad);
    else if (m.x + geometry.markWidth > plot.scrollLeft + plot.clientWidth) plot.scrollLeft = m.x + geometry.markWidth + geometry.pad - plot.clientWidth;
  }, [sq?.focus]);

  if (!sq || !layout) return null;

  const fitted = Math.max(HEIGHTS.min, Math.min(HEIGHTS.max, Math.round(window.innerHeight * FIT_SHARE),
    CHROME.head + CHROME.scroll + layout.height + (layout.undated.length ? CHROME.undated : 0) + (sq.status !== 'ready' || !layout.marks.length ? 24 : 0)));
  const shown = height ?? fitted;

  const name = (id: string) => s.doc.nodes.get(id)?.data.label ?? 'an entity not on the chart';
  const sel = s.selection;
  const anySelected = sel.size > 0;
  const involved = (it: TimelineItem) => sel.has(it.id) || it.entityIds.some((id) => sel.has(id));

  const startResize = (e: ReactPointerEvent<HTMLDivElement>) => {
    const y0 = e.clientY;
    const h0 = shown;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => setHeight(Math.min(HEIGHTS.max, Math.max(HEIGHTS.min, h0 + (y0 - ev.clientY))));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const resizeByKey = (e: ReactKeyboardEvent) => {
    const step = e.shiftKey ? 80 : 20;
    if (e.key === 'ArrowUp') setHeight(Math.min(HEIGHTS.max, shown + step));
    else if (e.key === 'ArrowDown') setHeight(Math.max(HEIGHTS.min, shown - step));
    else return;
    e.preventDefault();
  };

  // Left / right move through the marks in date order; Enter or space selects.
  const onMarkKey = (e: ReactKeyboardEvent<SVGGElement>, i: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      ws.selectSequenceItem(layout.marks[i]!.item.id);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const j = i + (e.key === 'ArrowRight' ? 1 : -1);
      plotRef.current?.querySelector<SVGGElement>(`[data-index="${j}"]`)?.focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const g = geometry;
  const lanesText = `${sq.laneIds.length} line${sq.laneIds.length === 1 ? '' : 's'}: ${sq.source === 'selection' ? 'the selected entities' : 'the chart’s entities'}`;
  return (
    <section className={`sequence${collapsed ? ' collapsed' : ''}`} style={collapsed ? undefined : { height: shown }} aria-label="Sequence" data-testid="sequence">
      {!collapsed && (
        <div
          className="sequence-resize" role="separator" aria-orientation="horizontal" aria-label="Resize the sequence view (arrow keys)"
          aria-valuemin={HEIGHTS.min} aria-valuemax={HEIGHTS.max} aria-valuenow={shown} tabIndex={0}
          onPointerDown={startResize} onKeyDown={resizeByKey} data-testid="sequence-resize"
        />
      )}
      <header className="sequence-head">
        <b>Sequence</b>
        <span className="muted small" data-testid="sequence-source">{lanesText}</span>
        {sq.omitted > 0 && (
          <span className="chip warn" data-testid="sequence-capped">
            First {MAX_LANES} of {sq.laneIds.length + sq.omitted} entities: select up to {MAX_LANES} and press Use selection
          </span>
        )}
        {s.timeRange && (
          <span className="chip" data-testid="sequence-range" title="The chart’s time range applies (set on the time bar)">
            {ukDate(s.timeRange.from)} – {ukDate(s.timeRange.to)}{layout.outside ? ` · ${layout.outside} outside not shown` : ''}
          </span>
        )}
        {sq.limited && <span className="chip warn" data-testid="sequence-limited">First {SEQUENCE_LIMIT} items only: choose fewer entities</span>}
        <span className="spacer" />
        <button className="small" onClick={() => ws.openSequence()} title="Redraw with the entities selected on the chart (or all the chart’s, when none are)" data-testid="sequence-use-selection">Use selection</button>
        <button className="icon small" onClick={() => setCollapsed((c) => !c)} aria-expanded={!collapsed} aria-label={collapsed ? 'Expand the sequence view' : 'Collapse the sequence view'} title={collapsed ? 'Expand' : 'Collapse'} data-testid="sequence-collapse">{collapsed ? '▴' : '▾'}</button>
        <button className="icon small" onClick={() => ws.closeSequence()} aria-label="Close the sequence view" title="Close" data-testid="sequence-close">×</button>
      </header>
      {!collapsed && (
        <div className="sequence-main">
          {sq.status === 'loading' && <p className="muted small sequence-status" data-testid="sequence-loading">Reading the timeline…</p>}
          {sq.status === 'error' && <p className="error small sequence-status" data-testid="sequence-error">The timeline could not be read: {sq.error}</p>}
          {sq.status === 'ready' && !sq.laneIds.length && <p className="muted small sequence-status" data-testid="sequence-empty">No entities to show: add entities to the chart, select some, and press Use selection.</p>}
          {sq.status === 'ready' && sq.laneIds.length > 0 && !layout.marks.length && !layout.undated.length && (
            <p className="muted small sequence-status" data-testid="sequence-empty">{layout.outside ? 'Nothing in the chart’s time range.' : 'No reports, events or dated links involve these entities.'}</p>
          )}
          <div className="sequence-body">
            <div className="sequence-lanes" style={{ paddingTop: g.axisHeight }}>
              {sq.laneIds.map((id) => (
                <button
                  key={id} className={`sequence-lane${sel.has(id) ? ' on' : ''}`} style={{ height: g.laneHeight }}
                  onClick={(e) => ws.select([id], e.shiftKey || e.ctrlKey || e.metaKey)} title={`${name(id)}: select on the chart`}
                  data-testid={`sequence-lane-${id}`} data-highlighted={sel.has(id) ? 'true' : 'false'}
                >
                  <span className="lane-type">{entityTitle(s.doc.nodes.get(id)?.data.type ?? '')}</span>
                  <span className="lane-name">{name(id)}</span>
                </button>
              ))}
            </div>
            <div className="sequence-plot" ref={plotRef} data-testid="sequence-plot">
              <svg width={layout.width} height={layout.height} role="group" aria-label="Items in date order" data-testid="sequence-svg">
                <g className="seq-axis">
                  <line x1={0} x2={layout.width} y1={g.axisHeight - 4} y2={g.axisHeight - 4} />
                  {layout.ticks.map((t) => (
                    <g key={`${t.unit}-${t.day}`} data-testid="sequence-tick">
                      <line x1={t.x} x2={t.x} y1={g.axisHeight - 10} y2={layout.height} className="tick-line" />
                      <text x={t.x + 3} y={g.axisHeight - 12}>{t.label}</text>
                    </g>
                  ))}
                </g>
                {sq.laneIds.map((id, i) => (
                  <g key={id} className={`seq-lane${sel.has(id) ? ' on' : ''}`}>
                    {i % 2 === 1 && <rect x={0} y={g.axisHeight + i * g.laneHeight} width={layout.width} height={g.laneHeight} className="band" />}
                    <line x1={0} x2={layout.width} y1={laneY(i, g)} y2={laneY(i, g)} />
                  </g>
                ))}
                {layout.marks.map((m, i) => (
                  <MarkView
                    key={m.item.id} m={m} index={i} g={g}
                    state={sq.focus === m.item.id ? 'focus' : involved(m.item) ? 'on' : anySelected ? 'dim' : ''}
                    summary={itemSummary(m.item, name, itemTypeTitle)}
                    onSelect={() => ws.selectSequenceItem(m.item.id)}
                    onKey={(e) => onMarkKey(e, i)}
                  />
                ))}
              </svg>
            </div>
          </div>
          {layout.undated.length > 0 && (
            <div className="sequence-undated" data-testid="sequence-undated">
              <span className="muted small">Undated ({layout.undated.length}):</span>
              {layout.undated.map((it) => (
                <button
                  key={it.id} className={`chip seq-undated kind-${it.kind}${sq.focus === it.id ? ' focus' : involved(it) ? ' on' : ''}`}
                  onClick={() => ws.selectSequenceItem(it.id)} title={itemSummary(it, name, itemTypeTitle)} data-testid={`sequence-undated-${it.id}`}
                >
                  {itemTypeTitle(it)}: {shortTitle(it.label, 32)}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function MarkView({ m, index, g, state, summary, onSelect, onKey }: {
  m: Mark; index: number; g: typeof DEFAULT_GEOMETRY; state: '' | 'on' | 'dim' | 'focus'; summary: string;
  onSelect(): void; onKey(e: ReactKeyboardEvent<SVGGElement>): void;
}) {
  const yTop = laneY(m.top, g);
  const yBottom = laneY(m.bottom, g);
  const cx = m.x + DOT_X;
  return (
    <g
      className={`seq-mark kind-${m.item.kind}${m.item.kind === 'link' && m.item.type === 'CALLS' ? ' call' : ''}${state ? ` ${state}` : ''}`}
      tabIndex={0} role="button" aria-label={summary.replace(/\n/g, '; ')} aria-pressed={state === 'focus'}
      onClick={onSelect} onKeyDown={onKey}
      data-testid={`sequence-item-${m.item.id}`} data-item={m.item.id} data-index={index} data-x={m.x.toFixed(1)} data-lanes={m.lanes.join(' ')}
    >
      <title>{summary}</title>
      {m.bottom > m.top && <line className="connector" x1={cx} x2={cx} y1={yTop} y2={yBottom} />}
      {m.lanes.map((l) => <circle key={l} className="dot" cx={cx} cy={laneY(l, g)} r={5} />)}
      <rect className="pill" x={m.x + DOT_X + 7} y={yTop - MARK_H / 2} width={g.markWidth - DOT_X - 7} height={MARK_H} rx={4} />
      <text className="pill-type" x={m.x + DOT_X + 12} y={yTop - 3}>{shortTitle(itemTypeTitle(m.item), 14)} · {ukDate(m.item.date?.slice(0, 10))}</text>
      <text className="pill-title" x={m.x + DOT_X + 12} y={yTop + 10}>{shortTitle(m.item.label, 19)}</text>
    </g>
  );
}
