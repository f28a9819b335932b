import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { exportMarking, markingLine, type ExportDecision } from '../../client/src/export/marking.js';
import { chartPdf, winAnsi } from '../../client/src/export/pdf.js';
import { exportContents } from '../../client/src/export/request.js';
import { pdfPageTexts } from '../helpers/pdf.js';

/** A 1x1 PNG. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

const allowed: ExportDecision = {
  allowed: true, exportId: 'EXP-0f6c2b1e', classification: 'SECRET', compartments: ['FINANCIAL'], marking: 'SECRET [FINANCIAL]', handling: 'C',
  conditions: ['C1', 'C2'], warnings: ['C1: exported with the originator’s consent, reference ORIG/77', 'C2: Not to be used as evidence'],
  refusal: null, blockers: [], needsConsent: false, entityCount: 2, linkCount: 1, stubCount: 0,
};
const rest = { title: 'Operation Mallard – network', author: 'Dana Analyst', date: new Date('2026-12-05T09:30:00Z'), legend: [{ label: 'Subject', colour: '#2563eb' }, { label: 'Vehicle', colour: '#ea580c' }] };

describe('the marking a file carries', () => {
  it('comes only from an allowed decision of the server: a refused one makes no marking, so no file', () => {
    expect(exportMarking(allowed, rest).marking).toBe('SECRET [FINANCIAL]');
    expect(() => exportMarking({ ...allowed, allowed: false, exportId: null, refusal: 'Export refused: 1 record is handled C5' }, rest)).toThrow(/C5/);
    expect(() => exportMarking({ ...allowed, exportId: null }, rest)).toThrow();
    expect(markingLine(exportMarking(allowed, rest))).toBe(
      'SECRET [FINANCIAL] | Handling C (C1, C2) | Operation Mallard – network | 05/12/2026 09:30 | Produced by Dana Analyst · EXP-0f6c2b1e | C1: exported with the originator’s consent, reference ORIG/77 | C2: Not to be used as evidence');
  });

  it('lists what each kind of file holds: pictures what is drawn, GraphML everything, the links CSV links and their ends', () => {
    const doc = {
      nodes: new Map([['a', { data: { id: 'a' } }], ['b', { data: { id: 'b' } }], ['c', { data: { id: 'c' } }]]),
      edges: new Map([['l1', { data: { id: 'l1', source: 'a', target: 'b' } }]]),
    } as never;
    const cy = { nodes: () => [{ id: () => 'a' }, { id: () => 'b' }], edges: () => [] } as never;
    expect(exportContents('png', doc, cy)).toEqual({ entityIds: ['a', 'b'], linkIds: [] });
    expect(exportContents('graphml', doc, cy)).toEqual({ entityIds: ['a', 'b', 'c'], linkIds: ['l1'] });
    expect(exportContents('entities', doc, cy)).toEqual({ entityIds: ['a', 'b', 'c'], linkIds: [] });
    expect(exportContents('links', doc, cy)).toEqual({ entityIds: ['a', 'b'], linkIds: ['l1'] });
  });
});

describe('the printable PDF', () => {
  it('prints the marking in a header and a footer band, with title, date, handling, author, reference, legend and conditions', async () => {
    const bytes = await chartPdf(PNG, exportMarking(allowed, rest));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageTexts(bytes);
    expect(pages).toHaveLength(1);
    const lines = pages[0]!.split('\n');
    expect(lines.filter((l) => l === 'SECRET [FINANCIAL]')).toHaveLength(2);
    for (const l of ['Operation Mallard - network', '05/12/2026 09:30', 'Handling C (C1, C2)', 'Produced by Dana Analyst - EXP-0f6c2b1e', 'Subject', 'Vehicle',
      "C1: exported with the originator's consent, reference ORIG/77", 'C2: Not to be used as evidence']) expect(lines).toContain(l);
    // The document's properties say it too.
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Operation Mallard - network - SECRET [FINANCIAL]');
    expect(doc.getAuthor()).toBe('Dana Analyst');
    expect(doc.getSubject()).toContain('SECRET [FINANCIAL] | Handling C (C1, C2)');
    expect(doc.getKeywords()).toContain('EXP-0f6c2b1e');
  });

  it('never cuts the export reference short: a long author name is cut instead', async () => {
    const exportId = 'EXP-4c1f0c1e-9d2b-4b7e-8a51-0f6c2b1e9d2b';
    const long = { ...rest, author: `t1234abcd.analyst (${'Detective Sergeant '.repeat(6)}West Midlands Police)` };
    const lines = pdfPageTexts(await chartPdf(PNG, exportMarking({ ...allowed, exportId }, long)))[0]!.split('\n');
    const produced = lines.find((l) => l.startsWith('Produced by '))!;
    expect(produced).toMatch(/^Produced by t1234abcd\.analyst.*\.\.\. - EXP-4c1f0c1e-9d2b-4b7e-8a51-0f6c2b1e9d2b$/);
  });

  it('writes text the standard fonts can encode', () => {
    expect(winAnsi('Dana’s “chart” – café … 日本')).toBe('Dana\'s "chart" - café ... ??');
  });
});
