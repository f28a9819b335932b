import zlib from 'node:zlib';

/**
 * The text each page of a PDF shows, in drawing order (one line per text operator), read from the
 * file itself: content streams plain or deflated, strings literal or hex. Enough to check what a
 * printed page says (markings, titles); not a general PDF reader.
 */
export function pdfPageTexts(pdf: Uint8Array): string[] {
  const buf = Buffer.from(pdf);
  const src = buf.toString('latin1');
  const objects = new Map<string, { head: string; at: number; end: number }>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1]!, { head: m[2]!, at: m.index! + m[0].indexOf(m[2]!), end: m.index! + m[0].length });
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.head) && !/\/Parent\b/.test(o.head));
  if (!root) throw new Error('no page tree');
  const pages = (function walk(node: string): string[] {
    const list = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
    return [...list.matchAll(/(\d+) 0 R/g)].flatMap((k) => {
      const o = objects.get(k[1]!)?.head ?? '';
      return /\/Type\s*\/Pages\b/.test(o) ? walk(o) : [o];
    });
  })(root.head);
  const streamOf = (num: string): string => {
    const o = objects.get(num);
    if (!o) return '';
    const m = /stream\r?\n/.exec(o.head);
    if (!m) return '';
    const start = o.at + m.index + m[0].length;
    const stop = src.lastIndexOf('endstream', o.end);
    let bytes = buf.subarray(start, stop);
    while (bytes.length && (bytes[bytes.length - 1] === 0x0a || bytes[bytes.length - 1] === 0x0d)) bytes = bytes.subarray(0, -1);
    return (/\/FlateDecode/.test(o.head.slice(0, m.index)) ? zlib.inflateSync(bytes) : bytes).toString('latin1');
  };
  const shown = (ops: string) => {
    const out: string[] = [];
    for (const m of ops.matchAll(/\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F\s]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g)) {
      const parts = m[1] !== undefined ? [...m[1].matchAll(/<[0-9a-fA-F\s]*>|\((?:[^)\\]|\\.)*\)/g)].map((x) => x[0]) : [m[2]!];
      out.push(parts.map((p) => (p.startsWith('<')
        ? Buffer.from(p.slice(1, -1).replace(/\s/g, ''), 'hex').toString('latin1')
        : p.slice(1, -1).replace(/\\([()\\])/g, '$1'))).join(''));
    }
    return out.join('\n');
  };
  return pages.map((page) => {
    const refs = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
    return [...refs.matchAll(/(\d+) 0 R/g)].map((r) => shown(streamOf(r[1]!))).join('\n');
  });
}
