import { useEffect, useRef, useState } from 'react';
import type { NodeSingular } from 'cytoscape';
import { CytoscapeView, type CanvasTarget } from '../graph/CytoscapeView.js';
import { useCanvas, useWorkspace, useWorkspaceState } from '../ui/context.js';
import { dialogOpen } from '../ui/shortcuts.js';
import { insideLasso, toChart } from '../organise/lasso.js';
import type { Position } from '../workspace/chartDoc.js';
import { ContextMenu } from './ContextMenu.js';
import { HoverCard } from './HoverCard.js';

/** How long the pointer rests on an entity before its card shows (a pass across the chart shows none). */
const HOVER_MS = 350;

/**
 * The Cytoscape canvas: mounts the view over the workspace and hosts the context menu, the hover
 * card and the lasso. Its own keys (grouping, collapsing, the lasso) act only while it has focus.
 */
export function Chart({ webgl, onExpandWithFilters, onAddEntity, onLink }: {
  webgl: boolean;
  onExpandWithFilters(ids: string[]): void;
  onAddEntity?(position?: CanvasTarget['position']): void;
  /** Link the two selected entities, or `ends` (a link drawn with the link tool). */
  onLink?(ends?: [string, string]): void;
}) {
  const ws = useWorkspace();
  const canvas = useCanvas();
  const ref = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<CanvasTarget | null>(null);
  const [hover, setHover] = useState<{ id: string; clientX: number; clientY: number } | null>(null);
  const [lasso, setLasso] = useState<Position[] | null>(null);
  const s = useWorkspaceState();
  // The view is made once per renderer; the link handler it calls is the current one.
  const linkRef = useRef(onLink);
  linkRef.current = onLink;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onHover = (t: { id: string; clientX: number; clientY: number } | null) => {
      clearTimeout(timer);
      if (!t) setHover(null);
      else timer = setTimeout(() => setHover(t), HOVER_MS);
    };
    const view = new CytoscapeView(ref.current!, ws, { webgl, onContextMenu: setMenu, onHover, onLinkDrawn: (ends) => linkRef.current?.(ends) });
    canvas.cy = view.cy;
    const w = window as unknown as { __cy?: unknown; __view?: unknown };
    w.__cy = view.cy;
    w.__view = view;
    const close = () => setMenu(null);
    view.cy.on('tapstart viewport', close);
    // The canvas follows its box (the window, and the sequence view docked below it opening,
    // closing and resized), fitting a chart that was fitted again.
    const resized = new ResizeObserver(() => view.resized());
    resized.observe(ref.current!);
    return () => {
      resized.disconnect();
      clearTimeout(timer);
      canvas.cy = null;
      view.destroy();
    };
  }, [ws, canvas, webgl]);

  // The lasso: with the tool on, or Shift+Alt held, a drag draws an outline instead of panning or
  // box-selecting; on release, the entities and groups inside it are selected (Ctrl adds to the selection).
  useEffect(() => {
    const box = boxRef.current!;
    const local = (e: MouseEvent): Position => {
      const r = box.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const down = (e: MouseEvent) => {
      if (e.button !== 0 || !(ws.getState().lassoMode || (e.shiftKey && e.altKey))) return;
      e.stopPropagation();
      e.preventDefault();
      box.focus({ preventScroll: true });
      setHover(null);
      const points: Position[] = [local(e)];
      setLasso(points);
      const move = (m: MouseEvent) => {
        const p = local(m);
        const last = points[points.length - 1]!;
        if (Math.hypot(p.x - last.x, p.y - last.y) < 3) return;
        points.push(p);
        setLasso([...points]);
      };
      const up = (u: MouseEvent) => {
        window.removeEventListener('mousemove', move, true);
        window.removeEventListener('mouseup', up, true);
        setLasso(null);
        const cy = canvas.cy;
        if (!cy) return;
        const outline = points.map((p) => toChart(p, cy.pan(), cy.zoom()));
        const candidates = cy.nodes(':visible').not('.org-annotation').map((n) => ({ id: n.id(), ...(n as NodeSingular).position() }));
        const ids = insideLasso(outline, candidates);
        ws.select(ids, u.ctrlKey || u.metaKey);
      };
      window.addEventListener('mousemove', move, true);
      window.addEventListener('mouseup', up, true);
    };
    box.addEventListener('mousedown', down, true);
    return () => box.removeEventListener('mousedown', down, true);
  }, [ws, canvas]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (dialogOpen() || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    const sel = [...ws.getState().selection];
    let handled = true;
    if (key === 'g' && e.shiftKey) ws.ungroup();
    else if (key === 'g') ws.group();
    else if (key === 'o') {
      if (sel.some((id) => id.startsWith('group:'))) ws.ungroup();
      else ws.collapseOcg();
    } else if (key === 's') ws.setLassoMode(!ws.getState().lassoMode);
    else if (key === 'l' && onLink) onLink();
    else if (key === 'd' && onLink) ws.setLinkMode(!ws.getState().linkMode);
    else handled = false;
    if (handled) e.preventDefault();
  };

  const empty = s.doc.nodes.size === 0;
  const visible = ws.visible();
  const hovered = hover ? s.doc.nodes.get(hover.id)?.data : undefined;
  return (
    <div
      className={`chart${s.lassoMode ? ' lasso-on' : ''}${s.linkMode ? ' link-on' : ''}`}
      ref={boxRef}
      tabIndex={0}
      aria-label="Chart canvas: G groups the selection, Shift+G ungroups, O collapses or expands an OCG, S switches the lasso, L links the two selected, D switches link drawing"
      data-testid="chart"
      onMouseDown={() => boxRef.current?.focus({ preventScroll: true })}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      onMouseLeave={() => setHover(null)}
    >
      <div ref={ref} className="cy" data-testid="chart-canvas" />
      {lasso && lasso.length > 1 && (
        <svg className="lasso" data-testid="lasso-outline" aria-hidden>
          <polygon points={lasso.map((p) => `${p.x},${p.y}`).join(' ')} />
        </svg>
      )}
      {empty && !s.organise.annotations.length && (
        <div className="chart-empty" data-testid="chart-empty">
          <h2>Start with a search</h2>
          <p>Find a person, group, place, vehicle or phone above and add it to the chart. Double-click an entity to expand it; right-click for more.</p>
          <p className="muted">Press <kbd>?</kbd> for keyboard shortcuts.</p>
        </div>
      )}
      {!empty && (
        <div className="chart-count" data-testid="chart-count">
          {visible.nodes.size} of {s.doc.nodes.size} entities · {visible.edges.size} of {s.doc.edges.size} links shown
          {s.organise.groups.length > 0 && <span data-testid="chart-count-groups"> · {s.organise.groups.length} group{s.organise.groups.length === 1 ? '' : 's'}</span>}
          {s.activity.length > 0 && <span className="busy" data-testid="busy"> · {s.activity[s.activity.length - 1]}…</span>}
        </div>
      )}
      {empty && s.activity.length > 0 && <div className="chart-count"><span className="busy" data-testid="busy">{s.activity[s.activity.length - 1]}…</span></div>}
      {s.lassoMode && <div className="lasso-hint small" data-testid="lasso-hint">Lasso: drag round the entities to select (S or Esc to stop)</div>}
      {s.linkMode && <div className="lasso-hint small" data-testid="link-hint">Drawing links: drag from one entity to another to link them (D or Esc to stop)</div>}
      {hovered && hover && !menu && !lasso && <HoverCard node={hovered} at={hover} />}
      {menu && <ContextMenu target={menu} onClose={() => setMenu(null)} onExpandWithFilters={onExpandWithFilters} onAddEntity={onAddEntity} onLink={onLink && (() => onLink())} />}
    </div>
  );
}
