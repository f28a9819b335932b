import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphQLApi } from '../api.js';
import { download, exportName } from '../export/download.js';
import { entitiesCsv, linksCsv, toGraphML } from '../export/contents.js';
import { exportContents, requestExport, type ExportKind } from '../export/request.js';
import { exportMarking, type ExportDecision } from '../export/marking.js';
import { markedPng } from '../export/png.js';
import { drawingFromCy, toSvg } from '../export/svg.js';
import { entityLook } from '../graph/style.js';
import { describeCondition } from '../organise/rules.js';
import { entityTitle, humanCode } from '../ui/format.js';
import { useOutsideClose } from '../ui/useOutsideClose.js';
import { useCanvas, useWorkspace, useWorkspaceState } from '../ui/context.js';

const FORMAT: Record<ExportKind, 'PNG' | 'SVG' | 'PDF' | 'GRAPHML' | 'CSV'> = {
  png: 'PNG', svg: 'SVG', pdf: 'PDF', graphml: 'GRAPHML', entities: 'CSV', links: 'CSV',
};

/**
 * Exports of the chart. Every file is made only after the server has decided the export on the
 * records it holds: the marking it must carry (the most restricted record shown), or why it may not
 * leave the system (a record not for dissemination or handled C5; C1 without the originator's
 * consent, which is then asked for). The server records each request, with what it contained, in the
 * audit; the file carries the export's reference.
 */
export function ExportMenu() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const canvas = useCanvas();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [consent, setConsent] = useState<{ kind: ExportKind; decision: ExportDecision } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const allowed = ws.can('export');

  useOutsideClose(ref, open, useCallback(() => setOpen(false), []));

  const name = s.chart.name;
  const run = async (kind: ExportKind, consentReference?: string) => {
    setOpen(false);
    const cy = canvas.cy;
    if (!cy && (kind === 'png' || kind === 'svg' || kind === 'pdf')) return;
    const contents = exportContents(kind, s.doc, cy);
    setBusy(true);
    let d: ExportDecision;
    try {
      d = await requestExport(ws.api as unknown as GraphQLApi, FORMAT[kind], contents, name || 'Chart', consentReference);
    } catch (e) {
      ws.notify('error', `Export not made: ${(e as Error).message}`);
      setBusy(false);
      return;
    }
    setBusy(false);
    if (!d.allowed) {
      if (d.needsConsent) {
        setConsent({ kind, decision: d });
        return;
      }
      // The records that stop it are selected, so the analyst can see and remove them.
      if (d.blockers.length) ws.select(d.blockers.filter((id) => s.doc.nodes.has(id) || s.doc.edges.has(id)));
      ws.notify('error', d.refusal ?? 'The export was refused');
      return;
    }
    setConsent(null);
    const types = [...new Set(contents.entityIds.map((id) => s.doc.nodes.get(id)?.data.type as string).filter(Boolean))].sort();
    const m = exportMarking(d, {
      title: name || 'Chart', author: s.viewer?.displayName ?? s.viewer?.username ?? 'unknown', date: new Date(),
      legend: [
        ...types.map((t) => ({ label: entityLook(t).title, colour: entityLook(t).colour })),
        // Each active styling rule is an entry of its own, as in the chart's legend.
        ...s.organise.rules.filter((r) => r.enabled).map((r) => ({
          label: `${r.then.badge ? `${r.then.badge} ` : ''}${describeCondition(r.when, { entity: entityTitle, code: humanCode })}`, colour: r.then.colour ?? '#64748b',
        })),
      ],
    });
    try {
      if (kind === 'png' || kind === 'pdf') {
        const picture = (await cy!.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 })) as Blob;
        if (kind === 'png') download(await markedPng(picture, m), exportName(name, 'png'));
        else {
          const { chartPdf } = await import('../export/pdf.js');
          const bytes = await chartPdf(new Uint8Array(await picture.arrayBuffer()), m);
          download(new Blob([bytes as BlobPart], { type: 'application/pdf' }), exportName(name, 'pdf'));
        }
      } else if (kind === 'svg') {
        const drawing = drawingFromCy(cy!);
        download(new Blob([toSvg(drawing.nodes, drawing.edges, m)], { type: 'image/svg+xml' }), exportName(name, 'svg'));
      } else if (kind === 'graphml') {
        download(new Blob([toGraphML(s.doc, m)], { type: 'application/graphml+xml' }), exportName(name, 'graphml'));
      } else if (kind === 'entities') {
        download(new Blob([entitiesCsv(s.doc, m)], { type: 'text/csv' }), exportName(`${name}-entities`, 'csv'));
      } else {
        download(new Blob([linksCsv(s.doc, m)], { type: 'text/csv' }), exportName(`${name}-links`, 'csv'));
      }
    } catch (e) {
      ws.notify('error', `The file could not be made: ${(e as Error).message}`);
      return;
    }
    ws.notify('info', `Exported ${m.marking} (${d.exportId}): handle the file under that marking${m.warnings.length ? `; ${m.warnings.join('; ')}` : ''}`);
  };

  return (
    <div className="menu-wrap" ref={ref}>
      <button onClick={() => setOpen((o) => !o)} disabled={!allowed || !s.doc.nodes.size || busy} title={allowed ? 'Export the chart (marked, audited)' : 'Your role does not allow export'} aria-haspopup="menu" aria-expanded={open} data-testid="export-menu">
        {busy ? 'Exporting…' : 'Export ▾'}
      </button>
      {open && (
        <div className="menu" role="menu">
          <div className="menu-note">Marked as the records require; every export is audited</div>
          <button role="menuitem" onClick={() => void run('png')} data-testid="export-png">Picture (PNG)</button>
          <button role="menuitem" onClick={() => void run('pdf')} data-testid="export-pdf">Printable page (PDF)</button>
          <button role="menuitem" onClick={() => void run('svg')} data-testid="export-svg">Vector drawing (SVG)</button>
          <button role="menuitem" onClick={() => void run('graphml')} data-testid="export-graphml">Network (GraphML)</button>
          <button role="menuitem" onClick={() => void run('entities')} data-testid="export-csv-entities">Entities (CSV)</button>
          <button role="menuitem" onClick={() => void run('links')} data-testid="export-csv-links">Links (CSV)</button>
        </div>
      )}
      {consent && <ConsentDialog decision={consent.decision} onCancel={() => setConsent(null)} onSubmit={(r) => void run(consent.kind, r)} />}
    </div>
  );
}

/** C1: the originator's consent is needed; its reference is printed on the file and kept in the audit. */
function ConsentDialog(p: { decision: ExportDecision; onCancel(): void; onSubmit(reference: string): void }) {
  const [reference, setReference] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const onCancel = useRef(p.onCancel);
  onCancel.current = p.onCancel;
  useEffect(() => {
    input.current?.focus();
    // Esc closes this dialog (it is above the workspace's own).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      onCancel.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div className="overlay" role="dialog" aria-label="Originator’s consent" data-testid="export-consent">
      <form className="dialog" onSubmit={(e) => { e.preventDefault(); p.onSubmit(reference.trim()); }}>
        <button type="button" className="close" onClick={p.onCancel} aria-label="Close">×</button>
        <h2>Originator’s consent needed</h2>
        <p data-testid="export-consent-reason">{p.decision.refusal}</p>
        <label className="field">
          <span>Consent reference</span>
          <input ref={input} value={reference} onChange={(e) => setReference(e.target.value)} maxLength={60} placeholder="e.g. ORIG/2026/114" data-testid="export-consent-input" />
        </label>
        <p className="small muted">The reference is printed on the file and kept in the audit with the export.</p>
        <div className="actions">
          <button type="button" onClick={p.onCancel}>Cancel</button>
          <button type="submit" className="primary" disabled={reference.trim().length < 3} data-testid="export-consent-submit">Export with consent</button>
        </div>
      </form>
    </div>
  );
}
