import { useEffect, useRef, useState } from 'react';
import { CLASSIFICATIONS } from '../../../server/domain/codes.js';
import { download, exportName } from '../export/download.js';
import { entitiesCsv, linksCsv, toGraphML } from '../export/contents.js';
import { chartHandling, markedPng } from '../export/png.js';
import { drawingFromCy, toSvg } from '../export/svg.js';
import { entityLook } from '../graph/style.js';
import { describeCondition } from '../organise/rules.js';
import { entityTitle, humanCode } from '../ui/format.js';
import { highestClassification } from '../workspace/chartDoc.js';
import { useCanvas, useWorkspace, useWorkspaceState } from '../ui/context.js';

export function ExportMenu() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const canvas = useCanvas();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const allowed = ws.can('export');

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);

  const marking = highestClassification(s.doc, CLASSIFICATIONS) ?? 'OFFICIAL';
  const name = s.chart.name;
  const run = async (kind: 'png' | 'svg' | 'graphml' | 'entities' | 'links') => {
    setOpen(false);
    const cy = canvas.cy;
    if (kind === 'png' && cy) {
      const picture = (await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 })) as Blob;
      // The picture leaves the system: marked in header and footer, with title, author, date, handling and legend.
      const types = [...new Set([...s.doc.nodes.values()].map((n) => n.data.type as string))].sort();
      const blob = await markedPng(picture, {
        classification: marking, ...chartHandling(s.doc), title: name || 'Chart', author: s.viewer?.displayName ?? s.viewer?.username ?? 'unknown', date: new Date(),
        legend: [
          ...types.map((t) => ({ label: entityLook(t).title, colour: entityLook(t).colour })),
          // Each active styling rule is an entry of its own, as in the chart's legend.
          ...s.organise.rules.filter((r) => r.enabled).map((r) => ({
            label: `${r.then.badge ? `${r.then.badge} ` : ''}${describeCondition(r.when, { entity: entityTitle, code: humanCode })}`, colour: r.then.colour ?? '#64748b',
          })),
        ],
      });
      download(blob, exportName(name, 'png'));
    } else if (kind === 'svg' && cy) {
      const d = drawingFromCy(cy);
      download(new Blob([toSvg(d.nodes, d.edges, { classification: marking, title: name })], { type: 'image/svg+xml' }), exportName(name, 'svg'));
    } else if (kind === 'graphml') {
      download(new Blob([toGraphML(s.doc, { classification: marking, title: name })], { type: 'application/graphml+xml' }), exportName(name, 'graphml'));
    } else if (kind === 'entities') {
      download(new Blob([entitiesCsv(s.doc)], { type: 'text/csv' }), exportName(`${name}-entities`, 'csv'));
    } else if (kind === 'links') {
      download(new Blob([linksCsv(s.doc)], { type: 'text/csv' }), exportName(`${name}-links`, 'csv'));
    }
    ws.notify('info', `Exported (${marking}): handle the file under that marking`);
  };

  return (
    <div className="menu-wrap" ref={ref}>
      <button onClick={() => setOpen((o) => !o)} disabled={!allowed || !s.doc.nodes.size} title={allowed ? 'Export the chart' : 'Your role does not allow export'} aria-haspopup="menu" aria-expanded={open} data-testid="export-menu">Export ▾</button>
      {open && (
        <div className="menu" role="menu">
          <div className="menu-note">Marked {marking}</div>
          <button role="menuitem" onClick={() => void run('png')} data-testid="export-png">Picture (PNG)</button>
          <button role="menuitem" onClick={() => void run('svg')} data-testid="export-svg">Vector drawing (SVG)</button>
          <button role="menuitem" onClick={() => void run('graphml')} data-testid="export-graphml">Network (GraphML)</button>
          <button role="menuitem" onClick={() => void run('entities')} data-testid="export-csv-entities">Entities (CSV)</button>
          <button role="menuitem" onClick={() => void run('links')} data-testid="export-csv-links">Links (CSV)</button>
        </div>
      )}
    </div>
  );
}
