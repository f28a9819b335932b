import type { ChartDoc } from '../workspace/chartDoc.js';
import { markingLine, type ExportMarking } from './marking.js';

/**
 * The chart's contents as GraphML (for other analysis tools) and CSV (for spreadsheets). Both
 * carry each record's protective marking; restricted stubs export as what they say, nothing more.
 */
const xml = (v: unknown) => String(v ?? '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Only the records the export was decided on (the server's answer lists what it counted). */
export function toGraphML(doc: ChartDoc, m: ExportMarking): string {
  const nodeKeys = ['label', 'type', 'restricted', 'heldBy', 'contact', 'classification', 'handling', 'agency', 'props', 'x', 'y'] as const;
  const edgeKeys = ['type', 'strength', 'reportCount', 'classification', 'handling', 'agency', 'props'] as const;
  const kind: Record<string, string> = { x: 'double', y: 'double', strength: 'double', reportCount: 'int', restricted: 'boolean' };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${xml(markingLine(m)).replace(/--/g, '- -')} -->`,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of nodeKeys) out.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${kind[k] ?? 'string'}"/>`);
  for (const k of edgeKeys) out.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${kind[k] ?? 'string'}"/>`);
  for (const k of ['marking', 'handling', 'conditions', 'title', 'author', 'created', 'reference', 'warnings']) out.push(`  <key id="g_${k}" for="graph" attr.name="${k}" attr.type="string"/>`);
  out.push(`  <graph id="chart" edgedefault="directed">`);
  const g: Record<string, string> = {
    marking: m.marking, handling: m.handling, conditions: m.conditions.join(' '), title: m.title, author: m.author,
    created: m.date.toISOString(), reference: m.exportId, warnings: m.warnings.join('; '),
  };
  for (const [k, v] of Object.entries(g)) if (v) out.push(`    <data key="g_${k}">${xml(v)}</data>`);
  for (const n of doc.nodes.values()) {
    const d = n.data;
    const v: Record<string, unknown> = {
      label: d.label, type: d.type, restricted: d.restricted, heldBy: d.heldBy ?? '', contact: d.contact ?? '',
      classification: d.markings?.classification ?? '', handling: handlingCode(d.markings), agency: d.markings?.agency ?? '',
      props: d.restricted ? '' : JSON.stringify(d.props ?? {}), x: n.position?.x, y: n.position?.y,
    };
    out.push(`    <node id="${xml(d.id)}">${nodeKeys.filter((k) => v[k] !== undefined && v[k] !== '').map((k) => `<data key="n_${k}">${xml(v[k])}</data>`).join('')}</node>`);
  }
  for (const e of doc.edges.values()) {
    const d = e.data;
    const v: Record<string, unknown> = {
      type: d.type, strength: d.strength ?? undefined, reportCount: d.reportCount, classification: d.markings?.classification ?? '',
      handling: handlingCode(d.markings), agency: d.markings?.agency ?? '', props: d.restricted ? '' : JSON.stringify(d.props ?? {}),
    };
    out.push(`    <edge id="${xml(d.id)}" source="${xml(d.source)}" target="${xml(d.target)}">${edgeKeys.filter((k) => v[k] !== undefined && v[k] !== '').map((k) => `<data key="e_${k}">${xml(v[k])}</data>`).join('')}</edge>`);
  }
  out.push('  </graph>', '</graphml>', `<!-- ${xml(markingLine(m)).replace(/--/g, '- -')} -->`);
  return out.join('\n');
}

function handlingCode(m: { handling: string; handlingConditions: string[] } | null | undefined): string {
  if (!m) return '';
  return m.handlingConditions?.length ? `${m.handling} (${m.handlingConditions.join(', ')})` : m.handling;
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (cells: unknown[]) => cells.map(csvCell).join(',');

/** A file-level marking line (a '#' comment) at the top and the bottom, when the file leaves the system. */
const framed = (lines: string[], m?: ExportMarking) => (m ? [csvCell(`# ${markingLine(m)}`), ...lines, csvCell(`# ${markingLine(m)}`)] : lines).join('\r\n') + '\r\n';

export function entitiesCsv(doc: ChartDoc, m?: ExportMarking): string {
  const lines = [row(['id', 'type', 'label', 'classification', 'handling', 'agency', 'restricted', 'held_by', 'contact', 'properties'])];
  for (const n of doc.nodes.values()) {
    const d = n.data;
    lines.push(row([d.id, d.type, d.label, d.markings?.classification, handlingCode(d.markings), d.markings?.agency, d.restricted, d.heldBy, d.contact, d.restricted ? '' : d.props]));
  }
  return framed(lines, m);
}

export function linksCsv(doc: ChartDoc, m?: ExportMarking): string {
  const label = (id: string) => doc.nodes.get(id)?.data.label ?? id;
  const lines = [row(['id', 'type', 'source_id', 'source', 'target_id', 'target', 'strength', 'reports', 'classification', 'handling', 'agency', 'properties'])];
  for (const e of doc.edges.values()) {
    const d = e.data;
    lines.push(row([d.id, d.type, d.source, label(d.source), d.target, label(d.target), d.strength ?? '', d.reportCount, d.markings?.classification, handlingCode(d.markings), d.markings?.agency, d.restricted ? '' : d.props]));
  }
  return framed(lines, m);
}
