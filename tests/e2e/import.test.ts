import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { screenshot, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * Uploading from the client: check first (line-numbered reasons, nothing written), then import,
 * keeping the good rows only when asked; the rows land owned by the uploader's agency.
 */
let app: BrowserApp;
let page: Page;
let officer: string;
let analyst: string;

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  await t.entity('AG1', 'Agency', { kind: 'POLICE' }, {}, 'Test Force');
  await t.entity('AG2', 'Agency', { kind: 'POLICE' }, { agency: `${t.prefix}-AG2` }, 'Neighbour Force');
  await t.entity('X1', 'Subject', { forename: 'Other', surname: 'Force' }, { agency: `${t.prefix}-AG2` });
  await t.user('officer', 'INTEL_OFFICER');
  await t.user('analyst', 'ANALYST');
  officer = `${t.prefix}.officer`;
  analyst = `${t.prefix}.analyst`;
  page = await app.newPage();
}, 300_000);
afterAll(async () => app?.close());

const count = async (prefix: string) =>
  (await app.t.db.read(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(n) AS c', { p: prefix })))[0]!.c as number;

describe('importing files from the client', () => {
  it('is offered only to roles that may import', async () => {
    await signIn(page, app.t.url, analyst);
    expect(await page.getByTestId('open-import').count()).toBe(0);
    await page.context().clearCookies();
    await signIn(page, app.t.url, officer);
    await page.getByTestId('open-import').waitFor();
  });

  it('checks the files first: what would change, and each bad row by line, writing nothing', async () => {
    const p = app.t.prefix;
    const nodes = [
      'id,type,label,forename,surname,dob',
      `${p}-U1,Subject,,Siân,Évans,1991-02-03`,
      `${p}-U2,Subject,,Tom,Price,2999-01-01`,
      `${p}-U3,Subject,,Ann,Lee,1980-05-05`,
      `${p}-X1,Subject,,Taken,Over,1970-01-01`,
    ].join('\r\n');
    const edges = ['source,target,type,kind', `${p}-U1,${p}-U3,ASSOCIATE_OF,FAMILY`, `${p}-U1,${p}-U1,ASSOCIATE_OF,FAMILY`].join('\n');
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-nodes').setInputFiles({ name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(nodes) });
    await page.getByTestId('import-edges').setInputFiles({ name: 'edges.csv', mimeType: 'text/csv', buffer: Buffer.from(edges) });
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.getByTestId('import-check').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-rejected')).toBe('3');
    const rows = await page.getByTestId('import-error-row').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.startsWith('nodes3'))).toMatch(/future/i);
    expect(rows.find((r) => r.startsWith('nodes5'))).toMatch(/already in use by a record you may not change/);
    expect(rows.find((r) => r.startsWith('edges3'))).toBeTruthy();
    expect(await summary.textContent()).toMatch(/3 would be created/);
    // Rejected rows and no "keep the good rows": importing is not offered, and nothing was written.
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    expect(await count(`${p}-U`)).toBe(0);
    await screenshot(page, 'import-checked');
  });

  it('imports the good rows when asked, owned by the uploader, leaving the other force’s record alone', async () => {
    const p = app.t.prefix;
    await page.getByTestId('import-keep-good').check();
    await page.getByTestId('import-check').click();
    await expect.poll(async () => page.getByTestId('import-run').isDisabled(), { timeout: 15_000 }).toBe(false);
    await page.getByTestId('import-run').click();
    await expect.poll(async () => page.getByTestId('import-summary').getAttribute('data-written'), { timeout: 15_000 }).toBe('true');
    expect(await page.getByTestId('import-summary').textContent()).toMatch(/Imported:.*3 created/);
    await screenshot(page, 'import-done');
    const rows = await app.t.db.read(cypher(
      'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.label AS label, n.agency AS agency ORDER BY id',
      { ids: [`${p}-U1`, `${p}-U3`, `${p}-X1`] },
    ));
    expect(rows).toEqual([
      { id: `${p}-U1`, label: 'Siân Évans', agency: `${p}-AG1` },
      { id: `${p}-U3`, label: 'Ann Lee', agency: `${p}-AG1` },
      { id: `${p}-X1`, label: 'Other Force', agency: `${p}-AG2` },
    ]);
    const links = await app.t.db.read(cypher('MATCH (:Entity {id: $a})-[r:ASSOCIATE_OF]->(:Entity {id: $b}) RETURN r.kind AS kind', { a: `${p}-U1`, b: `${p}-U3` }));
    expect(links).toEqual([{ kind: 'FAMILY' }]);
    await page.getByTestId('import-close').click();

    // The imported subject is found by search like any other.
    await page.getByTestId('search-input').fill('Sian Evans');
    await page.getByTestId(`search-hit-${p}-U1`).waitFor();
  });
});
