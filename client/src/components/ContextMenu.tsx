import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CanvasTarget } from '../graph/CytoscapeView.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { isAnnotationId, isGroupId } from '../organise/model.js';

interface Item { label: string; testid: string; run(): void; disabled?: boolean; hint?: string }

export function ContextMenu({ target, onClose, onExpandWithFilters, onAddEntity, onLink }: {
  target: CanvasTarget;
  onClose(): void;
  onExpandWithFilters(ids: string[]): void;
  /** Add entity at the place clicked (roles that write). */
  onAddEntity?(position?: CanvasTarget['position']): void;
  /** Link the two selected entities (roles that write). */
  onLink?(): void;
}) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: target.clientX, top: target.clientY });

  useLayoutEffect(() => {
    const r = ref.current?.getBoundingClientRect();
    if (!r) return;
    setPos({ left: Math.min(target.clientX, window.innerWidth - r.width - 8), top: Math.min(target.clientY, window.innerHeight - r.height - 8) });
  }, [target]);

  useEffect(() => {
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    const esc = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', esc);
    return () => { window.removeEventListener('mousedown', close); window.removeEventListener('keydown', esc); };
  }, [onClose]);

  const sel = [...s.selection];
  const nodes = sel.filter((id) => s.doc.nodes.has(id));
  const restricted = nodes.length > 0 && nodes.every((id) => s.doc.nodes.get(id)!.data.restricted);
  const pinned = nodes.length > 0 && nodes.every((id) => s.doc.nodes.get(id)!.pinned);
  const items: (Item | 'sep')[] = [];
  if (target.kind === 'canvas') {
    if (onAddEntity) items.push({ label: 'Add entity here…', testid: 'ctx-add-entity', run: () => onAddEntity(target.position) }, 'sep');
    items.push(
      { label: 'Fit to window', testid: 'ctx-fit', run: () => ws.fit(), hint: 'F' },
      { label: 'Select all', testid: 'ctx-select-all', run: () => ws.selectAll(), hint: 'Ctrl+A' },
      { label: `Show hidden (${ws.hiddenCount()})`, testid: 'ctx-show-hidden', run: () => ws.unhideAll(), disabled: ws.hiddenCount() === 0 },
      'sep',
      { label: 'Organic layout', testid: 'ctx-layout', run: () => ws.requestLayout('fcose', { again: true }) },
      { label: 'Clear chart', testid: 'ctx-clear', run: () => ws.clear(), disabled: !s.doc.nodes.size },
    );
  } else if (target.id && isAnnotationId(target.id)) {
    const id = target.id;
    items.push(
      { label: 'Edit…', testid: 'ctx-annotation-edit', run: () => ws.edit({ kind: 'annotation', id }) },
      { label: 'Delete', testid: 'ctx-annotation-delete', run: () => ws.deleteAnnotation(id), hint: 'Del' },
    );
  } else if (target.id && isGroupId(target.id)) {
    const id = target.id;
    const g = s.organise.groups.find((x) => x.id === id);
    items.push(
      { label: g?.kind === 'ocg' ? 'Expand OCG' : 'Ungroup', testid: 'ctx-ungroup', run: () => ws.ungroup([id]), hint: 'Shift+G' },
      { label: 'Rename…', testid: 'ctx-group-rename', run: () => ws.edit({ kind: 'group', id }) },
    );
  } else {
    const ocg = nodes.find((id) => s.doc.nodes.get(id)!.data.type === 'OCG' && !s.doc.nodes.get(id)!.data.restricted);
    items.push(
      { label: nodes.length > 1 ? `Group ${nodes.length} entities` : 'Group', testid: 'ctx-group', run: () => ws.group(nodes), disabled: nodes.length < 2, hint: 'G' },
      ...(ocg ? [{ label: 'Collapse OCG with members', testid: 'ctx-collapse', run: () => ws.collapseOcg(ocg), hint: 'O' }] : []),
      'sep',
    );
    items.push(
      { label: nodes.length > 1 ? `Expand ${nodes.length} entities` : 'Expand', testid: 'ctx-expand', run: () => void ws.expand(nodes), disabled: !nodes.length || restricted, hint: 'E' },
      { label: 'Expand with filters…', testid: 'ctx-expand-filters', run: () => onExpandWithFilters(nodes), disabled: !nodes.length || restricted },
      { label: 'Select neighbours', testid: 'ctx-neighbours', run: () => ws.selectNeighbours(), disabled: !nodes.length, hint: 'N' },
      'sep',
      { label: 'Shortest path between the two…', testid: 'ctx-path', run: () => ws.askPaths(), disabled: nodes.length !== 2 },
      { label: 'Connect selected', testid: 'ctx-connect', run: () => void ws.connect(), disabled: nodes.length < 2 },
      ...(onLink ? [{ label: 'Link…', testid: 'ctx-link', run: onLink, disabled: nodes.length !== 2 || restricted, hint: 'L' }] : []),
      'sep',
      { label: pinned ? 'Unpin' : 'Pin in place', testid: 'ctx-pin', run: () => ws.pin(), disabled: !nodes.length, hint: 'P' },
      { label: 'Hide', testid: 'ctx-hide', run: () => ws.hide(), hint: 'H' },
      { label: 'Remove from chart', testid: 'ctx-remove', run: () => ws.remove(), hint: 'Del' },
    );
  }
  return (
    <div className="menu context-menu" role="menu" ref={ref} style={pos} data-testid="context-menu">
      {items.map((it, i) => it === 'sep'
        ? <hr key={`s${i}`} />
        : (
          <button key={it.testid} role="menuitem" disabled={it.disabled} data-testid={it.testid} onClick={() => { onClose(); it.run(); }}>
            <span>{it.label}</span>{it.hint && <kbd>{it.hint}</kbd>}
          </button>
        ))}
    </div>
  );
}
