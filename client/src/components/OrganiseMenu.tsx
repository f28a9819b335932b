import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationKind } from '../organise/model.js';
import { useOutsideClose } from '../ui/useOutsideClose.js';
import { useCanvas, useWorkspace, useWorkspaceState } from '../ui/context.js';
import type { GraphWorkspace } from '../workspace/GraphWorkspace.js';
import type { CanvasHandle } from '../ui/context.js';

/** Places an annotation in the middle of what the chart shows now. */
export function annotateAtCentre(ws: GraphWorkspace, canvas: CanvasHandle, kind: AnnotationKind): void {
  const e = canvas.cy?.extent();
  const at = e ? { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 } : { x: 0, y: 0 };
  const id = ws.addAnnotation(kind, at);
  ws.edit({ kind: 'annotation', id });
}

/** The toolbar's organise tools: the lasso switch and a menu of grouping, annotations and styling rules. */
export function OrganiseMenu() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const canvas = useCanvas();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useOutsideClose(ref, open, useCallback(() => setOpen(false), []));

  const sel = [...s.selection];
  const nodes = sel.filter((id) => s.doc.nodes.has(id));
  const groups = sel.filter((id) => s.organise.groups.some((g) => g.id === id));
  const ocg = nodes.find((id) => s.doc.nodes.get(id)!.data.type === 'OCG' && !s.doc.nodes.get(id)!.data.restricted);
  const items: { label: string; testid: string; run(): void; disabled?: boolean; hint?: string }[] = [
    { label: nodes.length > 1 ? `Group ${nodes.length} selected` : 'Group selected', testid: 'organise-group', run: () => ws.group(), disabled: nodes.length < 2, hint: 'G' },
    { label: 'Ungroup / expand', testid: 'organise-ungroup', run: () => ws.ungroup(), disabled: !groups.length, hint: 'Shift+G' },
    { label: 'Collapse OCG with its members', testid: 'organise-collapse', run: () => ws.collapseOcg(), disabled: !ocg, hint: 'O' },
    { label: 'Rename group…', testid: 'organise-rename', run: () => ws.edit({ kind: 'group', id: groups[0]! }), disabled: groups.length !== 1 },
    { label: 'Add note', testid: 'organise-note', run: () => annotateAtCentre(ws, canvas, 'note') },
    { label: 'Add box', testid: 'organise-box', run: () => annotateAtCentre(ws, canvas, 'box') },
    { label: 'Add labelled area', testid: 'organise-area', run: () => annotateAtCentre(ws, canvas, 'area') },
    { label: 'Styling rules…', testid: 'organise-rules', run: () => ws.edit({ kind: 'rules' }) },
  ];
  return (
    <div className="group">
      <button
        className="icon" aria-pressed={s.lassoMode} onClick={() => ws.setLassoMode(!s.lassoMode)} data-testid="lasso-toggle"
        title={s.lassoMode ? 'Lasso on: drag round entities to select them (S, Esc to stop)' : 'Lasso: select with a free-form outline (S on the chart, or Shift+Alt+drag)'}
        aria-label="Lasso selection"
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden>
          <path d="M8 2.5c3.3 0 5.5 1.7 5.5 3.8S11.3 10 8 10 2.5 8.4 2.5 6.3 4.7 2.5 8 2.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeDasharray="2.5 1.6" />
          <path d="M5.5 9.6c-.8 1.2-.6 2.6.6 3.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
      <div className="menu-wrap" ref={ref}>
        <button onClick={() => setOpen((o) => !o)} aria-haspopup="menu" aria-expanded={open} data-testid="organise-menu" title="Group, collapse, annotate and style the chart">Organise ▾</button>
        {open && (
          <div className="menu" role="menu">
            {items.map((it, i) => (
              <button key={it.testid} role="menuitem" disabled={it.disabled} data-testid={it.testid} className={i === 4 || i === 7 ? 'menu-gap' : undefined}
                onClick={() => { setOpen(false); it.run(); }}>
                <span>{it.label}</span>{it.hint && <kbd>{it.hint}</kbd>}
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
