import { useState } from 'react';
import type { LayoutName } from '../workspace/GraphWorkspace.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';

const LAYOUTS: [LayoutName, string, string][] = [
  ['fcose', 'Organic', 'Force-directed (fCoSE): groups what is linked'],
  ['concentric', 'Concentric', 'Rings by centrality: the most connected in the middle'],
  ['breadthfirst', 'Hierarchy', 'Levels from the selected entities (or the OCGs)'],
  ['grid', 'Grid', 'Rows by entity type'],
];

/** Choosing a layout runs it (off the main thread); the button runs it again. */
export function LayoutPicker() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const [name, setName] = useState<LayoutName>('fcose');
  const running = !!s.layoutRequest && !s.layoutRequest.silent;
  const run = (n: LayoutName, again = false) => {
    setName(n);
    ws.requestLayout(n, { again });
  };
  return (
    <div className="group" role="group" aria-label="Layout">
      <label className="inline" title={`Layout: ${LAYOUTS.find((l) => l[0] === name)?.[2]}`}>
        <span className="wide-only">Layout</span>
        <select aria-label="Layout" value={name} onChange={(e) => run(e.target.value as LayoutName)} disabled={!s.doc.nodes.size} data-testid="layout-picker">
          {LAYOUTS.map(([n, label, title]) => <option key={n} value={n} title={title}>{label}</option>)}
        </select>
      </label>
      <button className="icon" onClick={() => run(name, true)} disabled={!s.doc.nodes.size} title="Run the layout again (another arrangement each time)" data-testid="layout-run">↻</button>
      {running && <span className="spinner" aria-label="Layout running" data-testid="layout-running" />}
    </div>
  );
}
