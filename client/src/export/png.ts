import { handlingLine, producedBy, ukDateTime, type ExportMarking } from './marking.js';

/**
 * A chart picture that carries its protective marking: the marking the server decided (the most
 * restricted record shown) in a header and a footer band, with the title, date, handling code,
 * author and the export's reference; the lines the handling conditions require; and a legend of
 * what is drawn. The same facts are written into the PNG's text chunks (Title, Author, Creation
 * Time, Classification, Handling, Export, Conditions), so a file that loses its bands still says
 * how it must be handled.
 */
export async function markedPng(chart: Blob, m: ExportMarking, scale = 2): Promise<Blob> {
  const img = await createImageBitmap(chart);
  const u = scale;
  const band = 34 * u;
  const legendCols = Math.max(1, Math.floor(Math.max(img.width, 900 * u) / (190 * u)));
  const legendRows = Math.ceil(m.legend.length / legendCols);
  const legendH = m.legend.length ? legendRows * 22 * u + 16 * u : 0;
  const width = Math.max(img.width, 900 * u);
  const warnH = m.warnings.length ? m.warnings.length * 18 * u + 8 * u : 0;
  const height = band + img.height + legendH + warnH + band;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.drawImage(img, Math.round((width - img.width) / 2), band);
  const handling = handlingLine(m);
  const bandAt = (y: number, left: string, right: string) => {
    g.fillStyle = '#f1f5f9';
    g.fillRect(0, y, width, band);
    g.fillStyle = '#0f172a';
    g.textBaseline = 'middle';
    g.font = `700 ${15 * u}px system-ui, Segoe UI, Roboto, Arial, sans-serif`;
    g.textAlign = 'center';
    g.fillText(m.marking, width / 2, y + band / 2);
    g.font = `${11 * u}px system-ui, Segoe UI, Roboto, Arial, sans-serif`;
    g.textAlign = 'left';
    g.fillText(left, 10 * u, y + band / 2, width / 2 - 120 * u);
    g.textAlign = 'right';
    g.fillText(right, width - 10 * u, y + band / 2, width / 2 - 120 * u);
  };
  bandAt(0, m.title, ukDateTime(m.date));
  bandAt(height - band, handling, producedBy(m));
  if (m.warnings.length) {
    const top = band + img.height + legendH;
    g.font = `600 ${11 * u}px system-ui, Segoe UI, Roboto, Arial, sans-serif`;
    g.textAlign = 'left';
    g.textBaseline = 'middle';
    g.fillStyle = '#7c2d12';
    m.warnings.forEach((w, i) => g.fillText(w, 10 * u, top + 4 * u + i * 18 * u + 9 * u, width - 20 * u));
  }
  if (m.legend.length) {
    const top = band + img.height + 8 * u;
    g.font = `${11 * u}px system-ui, Segoe UI, Roboto, Arial, sans-serif`;
    g.textAlign = 'left';
    g.textBaseline = 'middle';
    m.legend.forEach((item, i) => {
      const x = 10 * u + (i % legendCols) * 190 * u;
      const y = top + Math.floor(i / legendCols) * 22 * u + 10 * u;
      g.fillStyle = item.colour;
      g.beginPath();
      g.arc(x + 7 * u, y, 6 * u, 0, 2 * Math.PI);
      g.fill();
      g.fillStyle = '#0f172a';
      g.fillText(item.label, x + 18 * u, y, 165 * u);
    });
  }
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be made'))), 'image/png'));
  return withTextChunks(new Uint8Array(await blob.arrayBuffer()), {
    Title: m.title, Author: m.author, 'Creation Time': m.date.toISOString(), Classification: m.marking, Handling: handling, Export: m.exportId,
    ...(m.warnings.length ? { Conditions: m.warnings.join('; ') } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// PNG text chunks

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** tEXt chunks (Latin-1 keyword and text; other characters become '?') inserted after IHDR. */
export function withTextChunks(png: Uint8Array, text: Record<string, string>): Blob {
  const latin1 = (s: string) => Uint8Array.from([...s].map((ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)));
  const chunks: Uint8Array[] = [];
  for (const [k, v] of Object.entries(text)) {
    const data = new Uint8Array([...latin1(k.slice(0, 79)), 0, ...latin1(v)]);
    const typeAndData = new Uint8Array([...latin1('tEXt'), ...data]);
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set(typeAndData, 4);
    view.setUint32(8 + data.length, crc32(typeAndData));
    chunks.push(chunk);
  }
  // Signature (8 bytes), then IHDR: length (4) + type (4) + 13 bytes + CRC (4).
  const at = 8 + 25;
  return new Blob([png.slice(0, at), ...chunks, png.slice(at)] as BlobPart[], { type: 'image/png' });
}

/** Reads the tEXt chunks of a PNG (for checks). */
export function textChunks(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let i = 8; i + 8 <= png.length;) {
    const len = view.getUint32(i);
    const type = String.fromCharCode(...png.slice(i + 4, i + 8));
    if (type === 'tEXt') {
      const data = png.slice(i + 8, i + 8 + len);
      const z = data.indexOf(0);
      out[String.fromCharCode(...data.slice(0, z))] = String.fromCharCode(...data.slice(z + 1));
    }
    if (type === 'IEND') break;
    i += 12 + len;
  }
  return out;
}
