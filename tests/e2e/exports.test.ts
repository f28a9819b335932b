import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textChunks } from '../../client/src/export/png.js';
import { readAudit } from '../../server/audit/trail.js';
import { chartCounts, screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { pdfPageTexts } from '../helpers/pdf.js';

/**
 * Products that leave the system, in a real browser: a printed PDF and a PNG carry the marking the
 * server decided (the most restricted record on the chart) in header and footer; a chart holding a
 * record handled C5 cannot be exported at all (no file is made, the record is selected and the
 * reason given); C1 asks for the originator's consent, whose dialog closes on Esc leaving the chart
 * as it was; every export is in the audit with what it contained.
 */
let app: BrowserApp;
let page: Page;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  ids.open = await t.entity('S1', 'Subject', { forename: 'Petra', surname: 'Calloway' });
  ids.secret = await t.entity('S2', 'Subject', { forename: 'Silas', surname: 'Marrow' }, { classification: 'SECRET', handling: 'C', handlingConditions: ['C2'] });
  ids.c5 = await t.entity('S3', 'Subject', { forename: 'Nadia', surname: 'Fenwick' }, { handling: 'C', handlingConditions: ['C5'] });
  ids.c1 = await t.entity('S4', 'Subject', { forename: 'Idris', surname: 'Quell' }, { handling: 'C', handlingConditions: ['C1'] });
  await t.link(ids.open, 'ASSOCIATE_OF', ids.secret);
  await t.link(ids.open, 'ASSOCIATE_OF', ids.c5);
  await t.link(ids.open, 'ASSOCIATE_OF', ids.c1);
  await t.user('exporter', 'ANALYST', { agency: `${t.prefix}-AG1`, clearance: 'SECRET' });
  page = await app.newPage();
  await signIn(page, t.url, `${t.prefix}.exporter`);
}, 300_000);

afterAll(async () => {
  await app?.close();
});

const onChart = async (list: string[]) => {
  await page.evaluate(async (l) => { await (window as unknown as { __workspace: { add(ids: string[]): Promise<string[]> } }).__workspace.add(l); }, list);
  await page.waitForFunction((l) => l.every((id) => !!(window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).length), list);
  await settled(page);
};
const removeFromChart = async (list: string[]) => {
  await page.evaluate((l) => (window as unknown as { __workspace: { remove(ids: string[]): void } }).__workspace.remove(l), list);
  await settled(page);
};
const selected = () => page.evaluate(() => [...(window as unknown as { __workspace: { getState(): { selection: Set<string> } } }).__workspace.getState().selection]);

/** Clicks an export and collects any download that follows within the wait (none is expected when refused). */
async function tryExport(item: string, until: () => Promise<unknown>): Promise<number> {
  let downloads = 0;
  const count = () => { downloads++; };
  page.on('download', count);
  try {
    await page.getByTestId('export-menu').click();
    await page.getByTestId(item).click();
    await until();
    await page.waitForTimeout(500);
  } finally {
    page.off('download', count);
  }
  return downloads;
}

describe('chart exports in a browser', () => {
  it('prints a PDF marked in header and footer with the most restricted record’s marking, title, handling and reference', async () => {
    await onChart([ids.open, ids.secret]);
    await page.getByTestId('export-menu').click();
    await screenshotBoth(page, 'exports-01-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = fs.readFileSync((await download.path())!);
    const [text] = pdfPageTexts(bytes);
    const lines = text!.split('\n');
    expect(lines.filter((l) => l === 'SECRET')).toHaveLength(2);
    expect(lines).toContain('Handling C (C2)');
    expect(lines).toContain('C2: Not to be used as evidence');
    const produced = lines.find((l) => l.startsWith('Produced by '))!;
    const reference = /EXP-[0-9a-f-]{36}/.exec(produced)![0];
    // The audit holds that export, with the records the file contains.
    const event = (await readAudit(app.t.db, { op: 'chartExport', limit: 20 })).find((e) => e.detail?.includes(reference));
    expect(event?.detail).toMatch(/^export PDF EXP-.*2 entities, 1 links, 0 stubs; marked SECRET, handling C \(C2\)/);
    expect([...event!.resultIds!].sort()).toEqual(expect.arrayContaining([ids.open, ids.secret]));
  });

  it('marks the PNG the same way, in its bands and its text chunks', async () => {
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const chunks = textChunks(new Uint8Array(fs.readFileSync((await download.path())!)));
    expect(chunks).toMatchObject({ Classification: 'SECRET', Handling: 'Handling C (C2)', Conditions: 'C2: Not to be used as evidence' });
    expect(chunks.Export).toMatch(/^EXP-/);
  });

  it('refuses to make any file of a chart holding a record handled C5, and selects that record', async () => {
    await onChart([ids.c5]);
    for (const item of ['export-png', 'export-pdf', 'export-svg', 'export-graphml', 'export-csv-entities']) {
      const made = await tryExport(item, () => page.getByTestId('notice-error').last().waitFor());
      expect(made, item).toBe(0);
    }
    expect(await page.getByTestId('notice-error').last().textContent()).toMatch(/C5/);
    expect(await selected()).toEqual([ids.c5]);
    await screenshotBoth(page, 'exports-02-refused');
    // Removing it makes the chart exportable again.
    await removeFromChart([ids.c5]);
    await page.getByTestId('export-menu').click();
    const [ok] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const svg = fs.readFileSync((await ok.path())!, 'utf8');
    expect(svg.match(/>SECRET</g)).toHaveLength(2);
    expect(svg).not.toContain('Fenwick');
  });

  it('asks for the originator’s consent for C1; Esc closes that dialog and leaves the chart untouched; the reference is printed', async () => {
    await onChart([ids.c1]);
    const before = await chartCounts(page);
    const made = await tryExport('export-png', () => page.getByTestId('export-consent').waitFor());
    expect(made).toBe(0);
    expect(await page.getByTestId('export-consent-reason').textContent()).toMatch(/C1/);
    await screenshotBoth(page, 'exports-03-consent');
    // The keys that once acted on the chart behind a dialog: nothing happens to the chart.
    await page.getByTestId('export-consent-input').fill('ORIG/2026/114');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    expect(await page.getByTestId('export-consent-input').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await page.getByTestId('export-consent').waitFor({ state: 'detached' });
    expect(await chartCounts(page)).toEqual(before);
    // With a reference: exported, and the reference is on the file.
    await tryExport('export-png', () => page.getByTestId('export-consent').waitFor());
    await page.getByTestId('export-consent-input').fill('ORIG/2026/114');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-consent-submit').click()]);
    const chunks = textChunks(new Uint8Array(fs.readFileSync((await download.path())!)));
    expect(chunks.Conditions).toContain('reference ORIG/2026/114');
    expect(chunks.Handling).toBe('Handling C (C1, C2)');
    await page.getByTestId('export-consent').waitFor({ state: 'detached' });
  });
});
