import PDFDocument from 'pdfkit';
import type { Content, Snapshot } from '../domain/products.js';

/**
 * A product as a document that leaves the system: the protective marking at the top and bottom of
 * every page, title, author, date, status and handling, paragraph-level grading references
 * ([S2 1A]), an appendix of sources and page numbers. HTML prints through the browser (the marking
 * repeats on each printed page); the PDF is made here.
 */
export interface ProductDocumentInput {
  title: string;
  typeTitle: string;
  classification: string;
  handling: string;
  content: Content;
  author: string;
  date: string;
  status: string;
  version?: number;
  agencyName: string;
  recipientAgencyName?: string | null;
  conditions: string[];
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const ukDate = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
};
const handlingText = (h: string) => (h === 'C' ? 'C: lawful sharing permitted subject to conditions' : 'P: lawful sharing permitted');

function refsOf(content: Content, cites: string[]): string {
  const m = new Map(content.sources.map((s) => [s.reportId, `${s.ref} ${s.grade}`]));
  const r = cites.map((c) => m.get(c)).filter(Boolean);
  return r.length ? ` [${r.join('; ')}]` : '';
}

function snapshotSvg(s: Snapshot): string {
  const W = 480;
  const H = 300;
  let pos: Map<string, { x: number; y: number }>;
  if (s.kind === 'MAP') {
    const lats = s.nodes.map((n) => n.lat ?? 0);
    const lons = s.nodes.map((n) => n.lon ?? 0);
    const [a, b, c, d] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
    pos = new Map(s.nodes.map((n) => [n.id, { x: 40 + ((n.lon ?? 0) - c) / ((d - c) || 1) * (W - 80), y: H - 40 - ((n.lat ?? 0) - a) / ((b - a) || 1) * (H - 80) }]));
  } else {
    pos = new Map(s.nodes.map((n) => [n.id, { x: W / 2 + n.x * (W / 2 - 60), y: H / 2 + n.y * (H / 2 - 40) }]));
  }
  const lines = s.links.map((l) => {
    const a = pos.get(l.source);
    const b = pos.get(l.target);
    return a && b ? `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="#8a94a6" stroke-width="1"/>` : '';
  }).join('');
  const nodes = s.nodes.map((n) => {
    const p = pos.get(n.id)!;
    return `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="6" fill="${s.kind === 'MAP' ? '#b3261e' : '#1f4e79'}"/><text x="${(p.x + 9).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-size="11">${esc(n.label)}</text>`;
  }).join('');
  return `<svg class="snapshot" role="img" aria-label="${s.kind === 'MAP' ? 'Map' : 'Network chart'} kept with the product" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="#f7f8fa" stroke="#d0d5dd"/>${lines}${nodes}</svg>`;
}

export function productHtml(d: ProductDocumentInput): string {
  const mark = esc(d.classification);
  const body = d.content.sections.map((s) => {
    const paras = s.statements.map((st, i) => `<p class="para"><span class="pn">${esc(s.key)}.${i + 1}</span> ${esc(st.text)}<span class="refs">${esc(refsOf(d.content, st.cites))}</span></p>`).join('');
    if (!paras && !s.snapshot) return '';
    return `<section><h2>${esc(s.title)}</h2>${paras}${s.snapshot ? snapshotSvg(s.snapshot) : ''}</section>`;
  }).join('');
  const sources = d.content.sources.map((s) => `<tr><td>${esc(s.ref)}</td><td>${esc(s.grade)}</td><td>${esc(s.handling)}</td><td>${esc(s.date ?? '')}</td><td>${esc(s.classification)}</td><td>${esc(s.reportId)}</td></tr>`).join('');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${mark} - ${esc(d.title)}</title>
<style>
@page { size: A4; margin: 22mm 16mm 22mm 16mm; }
body { font: 11pt/1.45 "Helvetica", "Arial", sans-serif; color: #111; margin: 0; }
.marking { position: fixed; left: 0; right: 0; text-align: center; font-weight: bold; letter-spacing: .08em; color: #b3261e; font-size: 10pt; }
.marking.top { top: 0; } .marking.bottom { bottom: 0; }
@media screen { .marking { position: sticky; background: #fff; padding: 4px 0; z-index: 1; } }
main { padding: 28px 0; }
/* Printed, the markings are drawn at the top and bottom of every page; the sheet's header and
   footer rows repeat on every page too and keep that band clear, so no line runs under them. */
table.sheet { width: 100%; border-collapse: collapse; font-size: inherit; }
table.sheet > * > tr > td { border: 0; padding: 0; }
.keep-clear { display: none; }
@media print { .keep-clear { display: block; height: 10mm; } main { padding: 0; } }
h1 { font-size: 18pt; margin: 0 0 4px; } h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 1px solid #ccd; }
.meta { color: #444; font-size: 9.5pt; } .refs { color: #1f4e79; font-size: 9pt; } .pn { color: #666; font-size: 9pt; }
table { border-collapse: collapse; font-size: 9pt; width: 100%; } td, th { border: 1px solid #ccd; padding: 3px 6px; text-align: left; }
.snapshot { display: block; margin: 8px 0; max-width: 100%; height: auto; }
</style></head><body>
<div class="marking top" data-marking="header">${mark}</div>
<table class="sheet"><thead><tr><td><div class="keep-clear"></div></td></tr></thead><tfoot><tr><td><div class="keep-clear"></div></td></tr></tfoot><tbody><tr><td>
<main>
<h1>${esc(d.typeTitle)}: ${esc(d.title)}</h1>
<p class="meta">${esc(d.agencyName)} &middot; ${d.recipientAgencyName ? `Sanitised for ${esc(d.recipientAgencyName)} &middot; ` : ''}Author ${esc(d.author)} &middot; ${esc(ukDate(d.date))} &middot; ${esc(d.status.toLowerCase())}${d.version ? ` &middot; version ${d.version}` : ''}</p>
<p class="meta">Protective marking: <strong>${mark}</strong> &middot; Handling code ${esc(handlingText(d.handling))}</p>
${body}
<section><h2>Appendix: sources</h2><table><thead><tr><th>Ref</th><th>Grade</th><th>Handling</th><th>Date</th><th>Marking</th><th>Report</th></tr></thead><tbody>${sources || '<tr><td colspan="6">No report cited</td></tr>'}</tbody></table></section>
</main>
</td></tr></tbody></table>
<div class="marking bottom" data-marking="footer">${mark}</div>
</body></html>`;
}

/** The same document as a PDF: marking in header and footer of every page, "page i of n". */
export async function productPdf(d: ProductDocumentInput): Promise<{ buffer: Buffer; pages: number }> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 60, bottom: 60, left: 50, right: 50 }, bufferPages: true, compress: false, info: { Title: `${d.classification} - ${d.title}`, Author: d.author, Subject: d.typeTitle, Keywords: d.classification } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica-Bold').fontSize(16).text(`${d.typeTitle}: ${d.title}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#444')
    .text(`${d.agencyName}${d.recipientAgencyName ? ` - sanitised for ${d.recipientAgencyName}` : ''} - author ${d.author} - ${ukDate(d.date)} - ${d.status.toLowerCase()}${d.version ? ` - version ${d.version}` : ''}`)
    .text(`Protective marking: ${d.classification} - handling code ${handlingText(d.handling)}`);
  for (const s of d.content.sections) {
    if (!s.statements.length) continue;
    doc.moveDown(0.8).fillColor('#111').font('Helvetica-Bold').fontSize(12).text(s.title);
    doc.moveDown(0.2).font('Helvetica').fontSize(10);
    s.statements.forEach((st, i) => {
      doc.fillColor('#111').text(`${s.key}.${i + 1}  ${st.text}`, { continued: !!refsOf(d.content, st.cites) });
      const r = refsOf(d.content, st.cites);
      if (r) doc.fillColor('#1f4e79').text(r);
      doc.moveDown(0.2);
    });
  }
  doc.moveDown(0.8).fillColor('#111').font('Helvetica-Bold').fontSize(12).text('Appendix: sources');
  doc.moveDown(0.2).font('Helvetica').fontSize(9);
  if (!d.content.sources.length) doc.text('No report cited.');
  for (const s of d.content.sources) doc.text(`${s.ref}  graded ${s.grade}, handling ${s.handling}, ${s.date ?? 'undated'}, ${s.classification}, ${s.reportId}`);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    // Draw inside the margins' band without moving the text cursor onto a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#b3261e');
    doc.text(d.classification, 0, 24, { width, align: 'center', lineBreak: false });
    doc.text(d.classification, 0, height - 40, { width, align: 'center', lineBreak: false });
    doc.font('Helvetica').fontSize(8).fillColor('#444').text(`Page ${i - range.start + 1} of ${range.count}`, 0, height - 26, { width: width - 50, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return { buffer: Buffer.concat(chunks), pages: range.count };
}
