import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartCounts, screenshot, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/** A researcher runs a library investigation and a free-form query from the editor, in a real browser. */
let app: BrowserApp;
let page: Page;
let subject: string;

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  subject = await t.entity('BRIDGE', 'Subject', { forename: 'Dorian', surname: 'Quillfeather' });
  const a = await t.entity('OCG-A', 'OCG', { status: 'ACTIVE' }, {}, 'Harbour Crew');
  const b = await t.entity('OCG-B', 'OCG', { status: 'ACTIVE' }, {}, 'Mill Lane Firm');
  await t.link(subject, 'MEMBER_OF', a, { role: 'SIGNIFICANT' });
  await t.link(subject, 'MEMBER_OF', b, { role: 'PERIPHERAL' });
  await t.user('researcher', 'RESEARCHER', { agency: `${t.prefix}-AG1`, clearance: 'OFFICIAL-SENSITIVE' });
  page = await app.newPage();
}, 300_000);

afterAll(async () => app?.close());

describe('investigations in the browser', () => {
  it('runs a library investigation with parameters and adds its result to the chart', async () => {
    await signIn(page, app.t.url, `${app.t.prefix}.researcher`);
    await page.getByTestId('open-investigations').click();
    const dialog = page.getByTestId('investigations-dialog');
    await dialog.getByRole('button', { name: /People in two or more OCGs/ }).click();
    await dialog.getByLabel('idPrefix', { exact: true }).fill(app.t.prefix);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const result = dialog.getByRole('region', { name: 'Result' });
    await expect.poll(() => result.textContent(), { timeout: 20000 }).toMatch(/1 row/);
    expect(await result.textContent()).toContain('2'); // groupCount
    await screenshot(page, '20-investigation-library');
    await result.getByRole('button', { name: 'Add to chart' }).click();
    await settled(page);
    const counts = await chartCounts(page);
    expect(counts.nodes).toBe(3);
    expect(await page.evaluate((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).data('label'), subject)).toBe('Dorian Quillfeather');
  });

  /** Opens the investigations dialog on a new, empty query with the editor focused. */
  async function newQuery() {
    await page.getByTestId('open-investigations').click();
    const dialog = page.getByTestId('investigations-dialog');
    await dialog.getByRole('button', { name: 'New query' }).click();
    const editor = dialog.getByTestId('cypher-editor').locator('.cm-content');
    await editor.waitFor({ timeout: 20000 });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    return dialog;
  }

  it('keys typed in the Cypher dialog never act on the chart behind it, and Esc closes the dialog', async () => {
    const chartSize = () => page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.elements().length);
    const before = await chartSize();
    expect(before).toBeGreaterThan(0);
    const dialog = await newQuery();
    // Focus on the dialog itself, outside the editor: the chart's shortcuts still do nothing.
    await dialog.getByRole('button', { name: 'New query' }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('h');
    expect(await chartSize()).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await chartSize()).toBe(before);
  });

  it('runs free-form Cypher typed in the editor, and refuses a write with a clear message', async () => {
    const dialog = await newQuery();
    await page.keyboard.insertText(`MATCH (o:OCG) WHERE o.id STARTS WITH '${app.t.prefix}' RETURN o ORDER BY o.label`);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const result = dialog.getByRole('region', { name: 'Result' });
    await expect.poll(() => result.textContent(), { timeout: 20000 }).toMatch(/2 rows/);
    expect(await result.textContent()).toContain('Harbour Crew');
    await screenshot(page, '21-investigation-free-form');

    await dialog.getByTestId('cypher-editor').locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('MATCH (n) DETACH DELETE n');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 20000 }).toMatch(/read-only|refused|not allowed|writes/i);
    await screenshot(page, '22-investigation-refused');
  });
});
