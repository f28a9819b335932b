import type { Core, NodeSingular } from 'cytoscape';
import { entityLook, linkLook } from '../graph/style.js';
import { glyphUri } from '../graph/icons.js';
import { handlingLine, producedBy, ukDateTime, type ExportMarking } from './marking.js';

/**
 * A vector export of what is drawn: node shapes, glyphs and labels at their positions, links with
 * their colours, widths, dashes and arrows, framed by the protective marking. Written here rather
 * than taken from a plug-in so that it stays small and carries the marking.
 */
export interface SvgNode {
  x: number; y: number; w: number; h: number;
  shape: string; fill: string; stroke: string; strokeWidth: number; dashed: boolean;
  label: string; glyph?: string;
  /** Fill opacity (labelled areas are washed, boxes unfilled); 1 when absent. */
  fillOpacity?: number;
  /** Where the label goes: below the shape (entities), inside it (notes) or above it (boxes, areas). */
  labelAt?: 'below' | 'inside' | 'above';
}
export interface SvgEdge {
  from: { x: number; y: number }; to: { x: number; y: number }; control?: { x: number; y: number };
  colour: string; width: number; dash?: string; arrow: boolean;
}

const esc = (v: string) => v.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
const r1 = (n: number) => Math.round(n * 10) / 10;

function polygon(n: SvgNode, sides: number, rotate: number): string {
  const pts: string[] = [];
  for (let i = 0; i < sides; i++) {
    const a = rotate + (2 * Math.PI * i) / sides;
    pts.push(`${r1(n.x + (n.w / 2) * Math.cos(a))},${r1(n.y + (n.h / 2) * Math.sin(a))}`);
  }
  return `<polygon points="${pts.join(' ')}"`;
}

function shapeOf(n: SvgNode): string {
  const fill = n.fillOpacity === 0 ? 'none' : esc(n.fill);
  const paint = ` fill="${fill}"${n.fillOpacity !== undefined && n.fillOpacity > 0 && n.fillOpacity < 1 ? ` fill-opacity="${r1(n.fillOpacity)}"` : ''} stroke="${esc(n.stroke)}" stroke-width="${r1(n.strokeWidth)}"${n.dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
  const s = n.shape.replace(/^round-/, '');
  switch (s) {
    case 'ellipse': return `<ellipse cx="${r1(n.x)}" cy="${r1(n.y)}" rx="${r1(n.w / 2)}" ry="${r1(n.h / 2)}"${paint}`;
    case 'triangle': return polygon(n, 3, -Math.PI / 2) + paint;
    case 'diamond': return polygon(n, 4, -Math.PI / 2) + paint;
    case 'pentagon': return polygon(n, 5, -Math.PI / 2) + paint;
    case 'hexagon': return polygon(n, 6, 0) + paint;
    case 'octagon': return polygon(n, 8, Math.PI / 8) + paint;
    default: return `<rect x="${r1(n.x - n.w / 2)}" y="${r1(n.y - n.h / 2)}" width="${r1(n.w)}" height="${r1(n.h)}" rx="${r1(Math.min(n.w, n.h) / 5)}"${paint}`;
  }
}

export function toSvg(nodes: SvgNode[], edges: SvgEdge[], m: ExportMarking): string {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const n of nodes) {
    x1 = Math.min(x1, n.x - n.w / 2 - 60); x2 = Math.max(x2, n.x + n.w / 2 + 60);
    y1 = Math.min(y1, n.y - n.h / 2 - 10); y2 = Math.max(y2, n.y + n.h / 2 + 26);
  }
  if (!nodes.length) { x1 = 0; y1 = 0; x2 = 400; y2 = 200; }
  const banner = 28;
  const minWidth = 760;
  if (x2 - x1 + 40 < minWidth) { const grow = (minWidth - (x2 - x1 + 40)) / 2; x1 -= grow; x2 += grow; }
  // Below the drawing: the legend (four to a row) and the lines the handling conditions require.
  const legendRows = Math.ceil(m.legend.length / 4);
  const notes = legendRows * 18 + m.warnings.length * 16 + (legendRows || m.warnings.length ? 12 : 0);
  const vx = x1 - 20, vy = y1 - 20 - banner, vw = x2 - x1 + 40, vh = y2 - y1 + 40 + 2 * banner + notes;
  const colours = [...new Set(edges.filter((e) => e.arrow).map((e) => e.colour))];
  const markerId = (c: string) => `arrow-${colours.indexOf(c)}`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="${r1(vx)} ${r1(vy)} ${r1(vw)} ${r1(vh)}" width="${Math.round(vw)}" height="${Math.round(vh)}" font-family="system-ui, Segoe UI, Roboto, Arial, sans-serif">`,
    `<title>${esc(m.title)} — ${esc(m.marking)}</title>`,
    `<desc>${esc([m.marking, handlingLine(m), ukDateTime(m.date), producedBy(m), ...m.warnings].join(' | '))}</desc>`,
    `<metadata><export xmlns="urn:intel-graph:export" marking="${esc(m.marking)}" handling="${esc(m.handling)}" conditions="${esc(m.conditions.join(' '))}" reference="${esc(m.exportId)}" author="${esc(m.author)}" created="${esc(m.date.toISOString())}"/></metadata>`,
    '<defs>',
    ...colours.map((c) => `<marker id="${markerId(c)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${esc(c)}"/></marker>`),
    '</defs>',
    `<rect x="${r1(vx)}" y="${r1(vy)}" width="${r1(vw)}" height="${r1(vh)}" fill="#ffffff"/>`,
    `<g class="links" fill="none">`,
  ];
  for (const e of edges) {
    const d = e.control
      ? `M${r1(e.from.x)},${r1(e.from.y)} Q${r1(e.control.x)},${r1(e.control.y)} ${r1(e.to.x)},${r1(e.to.y)}`
      : `M${r1(e.from.x)},${r1(e.from.y)} L${r1(e.to.x)},${r1(e.to.y)}`;
    out.push(`<path d="${d}" stroke="${esc(e.colour)}" stroke-width="${r1(e.width)}"${e.dash ? ` stroke-dasharray="${esc(e.dash)}"` : ''}${e.arrow ? ` marker-end="url(#${markerId(e.colour)})"` : ''}/>`);
  }
  out.push('</g>', '<g class="entities">');
  for (const n of nodes) {
    out.push(shapeOf(n));
    if (n.glyph) {
      const s = Math.min(n.w, n.h) * 0.58;
      out.push(`<image x="${r1(n.x - s / 2)}" y="${r1(n.y - s / 2)}" width="${r1(s)}" height="${r1(s)}" href="${esc(n.glyph)}" xlink:href="${esc(n.glyph)}"/>`);
    }
    if (n.label) {
      const y = n.labelAt === 'inside' ? n.y + 4 : n.labelAt === 'above' ? n.y - n.h / 2 - 6 : n.y + n.h / 2 + 14;
      out.push(`<text x="${r1(n.x)}" y="${r1(y)}" text-anchor="middle" font-size="${n.labelAt && n.labelAt !== 'below' ? 13 : 11}" fill="#0f172a" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(n.label)}</text>`);
    }
  }
  out.push('</g>');
  const mark = esc(m.marking);
  const band = (y: number, left: string, right: string) => out.push(
    `<rect x="${r1(vx)}" y="${r1(y)}" width="${r1(vw)}" height="${banner}" fill="#f1f5f9"/>`,
    `<text x="${r1(vx + vw / 2)}" y="${r1(y + 19)}" text-anchor="middle" font-size="13" font-weight="700" fill="#0f172a">${mark}</text>`,
    `<text x="${r1(vx + 8)}" y="${r1(y + 18)}" font-size="10" fill="#0f172a">${esc(left)}</text>`,
    `<text x="${r1(vx + vw - 8)}" y="${r1(y + 18)}" text-anchor="end" font-size="10" fill="#0f172a">${esc(right)}</text>`,
  );
  band(vy, m.title, ukDateTime(m.date));
  let y = y2 + 20 + 6;
  m.legend.forEach((item, i) => {
    const lx = vx + 12 + (i % 4) * (vw - 24) / 4;
    const ly = y + Math.floor(i / 4) * 18 + 9;
    out.push(`<circle cx="${r1(lx + 6)}" cy="${r1(ly)}" r="5.5" fill="${esc(item.colour)}"/>`, `<text x="${r1(lx + 16)}" y="${r1(ly + 4)}" font-size="11" fill="#0f172a">${esc(item.label)}</text>`);
  });
  y += legendRows * 18;
  m.warnings.forEach((w, i) => out.push(`<text x="${r1(vx + 12)}" y="${r1(y + 12 + i * 16)}" font-size="11" font-weight="600" fill="#7c2d12">${esc(w)}</text>`));
  band(vy + vh - banner, handlingLine(m), producedBy(m));
  out.push('</svg>');
  return out.join('\n');
}

const px = (v: unknown, d: number) => {
  const n = parseFloat(String(v));
  return Number.isFinite(n) ? n : d;
};

/** What the canvas shows now, read from Cytoscape's computed styles. */
export function drawingFromCy(cy: Core): { nodes: SvgNode[]; edges: SvgEdge[] } {
  // Boxes and labelled areas first, so they lie beneath the entities as on the chart.
  const nodes: SvgNode[] = (cy.nodes(':visible').toArray() as NodeSingular[]).sort((a, b) => Number(b.hasClass('org-box') || b.hasClass('org-area')) - Number(a.hasClass('org-box') || a.hasClass('org-area'))).map((n) => {
    const type = n.data('type') as string;
    const restricted = !!n.data('restricted');
    if (n.hasClass('org-annotation') || n.hasClass('org-group')) {
      const glyph = n.data('glyph') as string | undefined;
      const note = n.hasClass('org-note');
      return {
        x: n.position('x'), y: n.position('y'), w: n.width(), h: n.height(), shape: String(n.style('shape')),
        fill: String(n.style('background-color')), stroke: String(n.style('border-color')), strokeWidth: px(n.style('border-width'), 2),
        dashed: String(n.style('border-style')) === 'dashed', label: String(n.style('label') ?? ''),
        glyph: glyph && glyph !== 'none' ? glyph : undefined, fillOpacity: px(n.style('background-opacity'), 1),
        labelAt: note ? 'inside' as const : n.hasClass('org-group') ? 'below' as const : 'above' as const,
      };
    }
    return {
      x: n.position('x'), y: n.position('y'), w: n.width(), h: n.height(),
      shape: String(n.style('shape') ?? entityLook(type).shape),
      fill: String(n.style('background-color')), stroke: String(n.style('border-color')), strokeWidth: px(n.style('border-width'), 2),
      dashed: restricted, label: String(n.data('label') ?? ''),
      glyph: restricted ? glyphUri('Restricted', '#4b5563') : glyphUri(type),
    };
  });
  const edges: SvgEdge[] = cy.edges(':visible').map((e) => {
    const look = linkLook(e.data('type') as string);
    const cps = e.controlPoints?.() as { x: number; y: number }[] | undefined;
    const style = String(e.style('line-style'));
    return {
      from: e.sourceEndpoint(), to: e.targetEndpoint(), control: cps?.length === 1 ? cps[0] : undefined,
      colour: String(e.style('line-color')), width: px(e.style('width'), 1.5),
      dash: style === 'dashed' ? '7 4' : style === 'dotted' ? '2 4' : undefined,
      arrow: String(e.style('target-arrow-shape')) !== 'none' && look.arrow,
    };
  });
  return { nodes, edges };
}
