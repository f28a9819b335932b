import { useEffect, useRef, useState } from 'react';
import { CytoscapeView, type CanvasTarget } from '../graph/CytoscapeView.js';
import { useCanvas, useWorkspace, useWorkspaceState } from '../ui/context.js';
import { dialogOpen } from '../ui/shortcuts.js';
import { ContextMenu } from './ContextMenu.js';

/** The Cytoscape canvas: mounts the view over the workspace and hosts the context menu. */
export function Chart({ webgl, onExpandWithFilters, onAddEntity, onLink }: {
  webgl: boolean;
  onExpandWithFilters(ids: string[]): void;
  onAddEntity?(position?: CanvasTarget['position']): void;
  onLink?(): void;
}) {
  const ws = useWorkspace();
  const canvas = useCanvas();
  const ref = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<CanvasTarget | null>(null);
  const s = useWorkspaceState();

  useEffect(() => {
    const view = new CytoscapeView(ref.current!, ws, { webgl, onContextMenu: setMenu });
    canvas.cy = view.cy;
    const w = window as unknown as { __cy?: unknown; __view?: unknown };
    w.__cy = view.cy;
    w.__view = view;
    const close = () => setMenu(null);
    view.cy.on('tapstart viewport', close);
    // The canvas follows its box (the sequence view docked below it opens, closes and is resized).
    const resized = new ResizeObserver(() => view.cy.resize());
    resized.observe(ref.current!);
    return () => {
      resized.disconnect();
      canvas.cy = null;
      view.destroy();
    };
  }, [ws, canvas, webgl]);

  const empty = s.doc.nodes.size === 0;
  const visible = ws.visible();
  return (
    <div
      className="chart"
      tabIndex={0}
      aria-label="Chart canvas"
      data-testid="chart"
      onContextMenu={(e) => e.preventDefault()}
      // The chart takes focus when used, so its own keys (L: link) act only while it has it.
      onMouseDown={(e) => { if (e.target instanceof HTMLCanvasElement || e.target === e.currentTarget) e.currentTarget.focus({ preventScroll: true }); }}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget || dialogOpen() || e.ctrlKey || e.metaKey || e.altKey) return;
        if (e.key.toLowerCase() === 'l' && onLink) {
          e.preventDefault();
          onLink();
        }
      }}
    >
      <div ref={ref} className="cy" data-testid="chart-canvas" />
      {empty && (
        <div className="chart-empty" data-testid="chart-empty">
          <h2>Start with a search</h2>
          <p>Find a person, group, place, vehicle or phone above and add it to the chart. Double-click an entity to expand it; right-click for more.</p>
          <p className="muted">Press <kbd>?</kbd> for keyboard shortcuts.</p>
        </div>
      )}
      {!empty && (
        <div className="chart-count" data-testid="chart-count">
          {visible.nodes.size} of {s.doc.nodes.size} entities · {visible.edges.size} of {s.doc.edges.size} links shown
          {s.activity.length > 0 && <span className="busy" data-testid="busy"> · {s.activity[s.activity.length - 1]}…</span>}
        </div>
      )}
      {empty && s.activity.length > 0 && <div className="chart-count"><span className="busy" data-testid="busy">{s.activity[s.activity.length - 1]}…</span></div>}
      {menu && <ContextMenu target={menu} onClose={() => setMenu(null)} onExpandWithFilters={onExpandWithFilters} onAddEntity={onAddEntity} onLink={onLink} />}
    </div>
  );
}
