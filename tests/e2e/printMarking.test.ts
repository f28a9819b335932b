import type { Browser } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../../server/domain/products.js';
import { productHtml } from '../../server/products/render.js';
import { launchBrowser } from '../helpers/browser.js';

/**
 * A product's HTML printed by the browser (Chromium's own print to PDF, A4): every page carries the
 * protective marking at its top and bottom, and no line of the document runs under either marking.
 * Positions are read from the printed PDF itself (pdf.js text content).
 */
const MARKING = 'OFFICIAL-SENSITIVE';
let browser: Browser;

beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** A document long enough for several pages, with paragraphs that wrap over lines. */
function longContent(): Content {
  const statements = Array.from({ length: 90 }, (_, i) => ({
    id: `st-${i}`,
    text: `Statement ${i + 1}: the subject was seen at the address with two associates on several dates, ` +
      'and call data shows regular contact between their phones in the weeks before the event.',
    cites: i % 3 ? [] : ['RPT-1'],
  }));
  return {
    sections: [
      { key: '1', title: 'Summary', source: 'FREE_TEXT' as never, guidance: null, statements: statements.slice(0, 40), snapshot: null },
      { key: '2', title: 'Assessment', source: 'FREE_TEXT' as never, guidance: null, statements: statements.slice(40), snapshot: null },
    ],
    sources: [{ ref: 'S1', reportId: 'RPT-1', grade: '2B', handling: 'P', classification: 'OFFICIAL', agency: 'AG-WMP', date: '2026-01-02', summary: null }],
  };
}

interface Line { text: string; top: number; bottom: number }

async function printedPages(html: string): Promise<{ lines: Line[]; height: number }[]> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    const out: { lines: Line[]; height: number }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const p = await doc.getPage(n);
      const height = p.view[3]! - p.view[1]!;
      const items = (await p.getTextContent()).items as { str: string; transform: number[]; height: number }[];
      // PDF space has y upwards: a run's baseline is transform[5]; measured here from the page top.
      const lines = items.filter((i) => i.str.trim()).map((i) => {
        const baseline = height - i.transform[5]!;
        const size = Math.abs(i.transform[3]!) || i.height;
        return { text: i.str, top: baseline - size * 0.8, bottom: baseline + size * 0.2 };
      });
      out.push({ lines, height });
    }
    await doc.destroy();
    return out;
  } finally {
    await page.close();
  }
}

describe('a printed product', () => {
  it('carries its marking at the top and bottom of every page, clear of every line of text', async () => {
    const html = productHtml({
      title: 'Operation Kestrel', typeTitle: 'Subject profile', classification: MARKING, handling: 'P', content: longContent(),
      author: 'A. Analyst', date: '2026-03-01T10:00:00Z', status: 'APPROVED', agencyName: 'West Midlands Police', conditions: [],
    });
    const pages = await printedPages(html);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [i, { lines, height }] of pages.entries()) {
      // The marking's runs: the highest is the page's header, the lowest its footer (the document's
      // own "Protective marking: ..." line is text like any other).
      const marks = lines.filter((l) => l.text.trim() === MARKING).sort((a, b) => a.top - b.top);
      const top = marks[0];
      const bottom = marks.at(-1);
      expect(top && top.bottom < height * 0.12, `page ${i + 1} has its marking at the top`).toBe(true);
      expect(bottom && bottom.top > height * 0.88, `page ${i + 1} has its marking at the bottom`).toBe(true);
      const marks2 = [top, bottom];
      const text = lines.filter((l) => !marks2.includes(l));
      expect(text.length, `page ${i + 1} has text`).toBeGreaterThan(0);
      // Every other line sits wholly below the top marking and above the bottom one.
      const highest = Math.min(...text.map((l) => l.top));
      const lowest = Math.max(...text.map((l) => l.bottom));
      expect(highest, `page ${i + 1}: the first line starts below the top marking`).toBeGreaterThan(top!.bottom);
      expect(lowest, `page ${i + 1}: the last line ends above the bottom marking`).toBeLessThan(bottom!.top);
    }
  });
});
