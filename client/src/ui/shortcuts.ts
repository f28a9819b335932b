import { useEffect, useRef } from 'react';
import { useWorkspace } from './context.js';

/** The keyboard map, shown by the help overlay (one table for both). */
export const SHORTCUTS: [string, string][] = [
  ['/', 'Search'],
  ['E', 'Expand the selection'],
  ['Delete', 'Remove the selection from the chart'],
  ['H', 'Hide the selection'],
  ['P', 'Pin / unpin the selection'],
  ['N', 'Select neighbours'],
  ['F', 'Fit the chart to the window'],
  ['L', 'Link the two selected entities (while the chart has focus)'],
  ['Ctrl+A', 'Select everything shown'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z', 'Redo (also Ctrl+Y)'],
  ['Esc', 'Clear the selection, close menus'],
  ['?', 'This help'],
  ['Double-click', 'Expand an entity'],
  ['Right-click', 'Actions for what is under the pointer'],
  ['Shift+drag', 'Select with a box'],
  ['Shift+Alt+drag', 'Select with a lasso (free-form outline)'],
  ['G', 'Group the selection (chart focused)'],
  ['Shift+G', 'Ungroup the selected group (chart focused)'],
  ['O', 'Collapse the selected OCG with its members, or expand it (chart focused)'],
  ['S', 'Lasso tool on / off (chart focused)'],
  ['L', 'Link the two selected entities (chart focused)'],
  ['D', 'Draw links on / off: drag from one entity to another to link them (chart focused)'],
  ['Double-click a group', 'Ungroup or expand it'],
  ['Double-click a note', 'Edit it'],
];

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** A dialog is open: the chart behind it takes no keys (Esc closes the dialog). */
export const dialogOpen = (): boolean => !!document.querySelector('[role="dialog"]');

export function useShortcuts(h: { focusSearch(): void; toggleHelp(): void; closeOverlays(): boolean }): void {
  const ws = useWorkspace();
  const handlers = useRef(h);
  handlers.current = h;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = handlers.current;
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === 'Escape') {
        // An editor that used the key (closing its completion list) keeps it.
        if (e.defaultPrevented) return;
        if (dialogOpen()) {
          if (h.closeOverlays()) e.preventDefault();
          return;
        }
        if (typing(e.target)) {
          (e.target as HTMLElement).blur();
          return;
        }
        if (h.closeOverlays()) return;
        ws.clearPaths();
        ws.clearSelection();
        return;
      }
      // Keys typed into a field, or while a dialog is open, never act on the chart behind it.
      if (typing(e.target) || dialogOpen()) return;
      const key = e.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && !e.shiftKey) ws.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) ws.redo();
      else if (mod && key === 'a') ws.selectAll();
      else if (mod || e.altKey) handled = false;
      else if (e.key === 'Delete' || e.key === 'Backspace') ws.remove();
      else if (key === 'e') void ws.expand();
      else if (key === 'f') ws.fit();
      else if (key === 'h') ws.hide();
      else if (key === 'p') ws.pin();
      else if (key === 'n') ws.selectNeighbours();
      else if (e.key === '/') h.focusSearch();
      else if (e.key === '?') h.toggleHelp();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ws]);
}
