import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { handlingLine, producer, ukDateTime, type ExportMarking } from './marking.js';

/**
 * A printable chart: one A4 landscape page (A3 when the picture is large) with the marking the server
 * decided in a header and a footer band on the page, the title, date, handling code, author and the
 * export's reference, the picture of the chart scaled to fit, its legend and the lines the handling
 * conditions require. The document's own properties (title, author, subject, keywords) carry the
 * marking and the reference too, so a reader that shows only those still says how to handle it.
 */
const A4 = [841.89, 595.28] as const;
const A3 = [1190.55, 841.89] as const;

/** The standard PDF fonts encode WinAnsi only: typographic quotes and dashes are written plainly, anything else as '?'. */
export function winAnsi(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\u00b7/g, '-').replace(/\u2026/g, '...')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  let t = winAnsi(text);
  if (font.widthOfTextAtSize(t, size) <= width) return t;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}...`, size) > width) t = t.slice(0, -1);
  return `${t}...`;
}

const hex = (c: string) => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c.trim());
  return m ? rgb(parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255) : rgb(0.4, 0.45, 0.55);
};

export async function chartPdf(picture: Uint8Array, m: ExportMarking): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const img = await pdf.embedPng(picture);
  const [W, H] = img.width * img.height > 2400 * 1600 ? A3 : A4;
  const page: PDFPage = pdf.addPage([W, H]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.06, 0.09, 0.16);
  const band = 26;
  const margin = 24;

  const bandAt = (y: number, left: string, right: string) => {
    page.drawRectangle({ x: 0, y, width: W, height: band, color: rgb(0.945, 0.961, 0.976) });
    const mark = fit(m.marking, bold, 12, W / 2);
    page.drawText(mark, { x: (W - bold.widthOfTextAtSize(mark, 12)) / 2, y: y + 9, size: 12, font: bold, color: ink });
    page.drawText(fit(left, regular, 8.5, W / 2 - 110), { x: margin, y: y + 9.5, size: 8.5, font: regular, color: ink });
    const r = fit(right, regular, 8.5, W / 2 - 110);
    page.drawText(r, { x: W - margin - regular.widthOfTextAtSize(r, 8.5), y: y + 9.5, size: 8.5, font: regular, color: ink });
  };
  bandAt(H - band, m.title, ukDateTime(m.date));
  // The export reference is never cut short (the audit finds the file by it): a long author name is.
  const reference = ` · ${m.exportId}`;
  const room = W / 2 - 110 - regular.widthOfTextAtSize(winAnsi(reference), 8.5);
  bandAt(0, handlingLine(m), `${fit(producer(m), regular, 8.5, room)}${reference}`);

  // Below the picture: the legend (five to a row) and the conditions' lines.
  const cols = 5;
  const legendRows = Math.ceil(m.legend.length / cols);
  const notesH = legendRows * 14 + m.warnings.length * 13 + (legendRows || m.warnings.length ? 10 : 0);
  const top = H - band - 10;
  const bottom = band + 8 + notesH;
  const scale = Math.min((W - 2 * margin) / img.width, (top - bottom) / img.height, 1.5);
  const w = img.width * scale;
  const h = img.height * scale;
  page.drawImage(img, { x: (W - w) / 2, y: bottom + (top - bottom - h) / 2, width: w, height: h });
  page.drawRectangle({ x: margin, y: bottom, width: W - 2 * margin, height: top - bottom, borderColor: rgb(0.8, 0.83, 0.87), borderWidth: 0.5 });

  let y = bottom - 12;
  m.legend.forEach((item, i) => {
    const x = margin + (i % cols) * ((W - 2 * margin) / cols);
    const ly = y - Math.floor(i / cols) * 14;
    page.drawCircle({ x: x + 5, y: ly + 3, size: 4, color: hex(item.colour) });
    page.drawText(fit(item.label, regular, 8.5, (W - 2 * margin) / cols - 16), { x: x + 13, y: ly, size: 8.5, font: regular, color: ink });
  });
  y -= legendRows * 14;
  m.warnings.forEach((line, i) => page.drawText(fit(line, bold, 8.5, W - 2 * margin), { x: margin, y: y - i * 13, size: 8.5, font: bold, color: rgb(0.49, 0.18, 0.07) }));

  pdf.setTitle(winAnsi(`${m.title} - ${m.marking}`));
  pdf.setAuthor(winAnsi(m.author));
  pdf.setSubject(winAnsi(`${m.marking} | ${handlingLine(m)}${m.warnings.length ? ` | ${m.warnings.join('; ')}` : ''}`));
  pdf.setKeywords([m.marking, `Handling ${m.handling}`, ...m.conditions, m.exportId].map(winAnsi));
  pdf.setProducer('Intelligence graph');
  pdf.setCreator('Intelligence graph chart export');
  pdf.setCreationDate(m.date);
  pdf.setModificationDate(m.date);
  // Uncompressed content streams: the marking stays findable as text in the file itself.
  return pdf.save({ useObjectStreams: false });
}
