import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartCounts, screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * Find path beyond the first four links, and the community legend, in a real browser. The network
 * (ids carry the file's prefix): two circles of four associates joined by a chain of six links,
 *
 *   {Corvin Ashdale, A1, A2, A3} ─ C1 ─ C2 ─ C3 ─ C4 ─ C5 ─ {Tamsin Orlow, B1, B2, B3}
 *
 * so Corvin and Tamsin are exactly six links apart.
 */
let app: BrowserApp;
let page: Page;
let start: string;
let end: string;
let chain: string[];
let analyst: string;

const cy = <T>(fn: string) => page.evaluate(`(${fn})(window.__cy)`) as Promise<T>;

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  const person = (id: string, forename: string, surname: string) => t.entity(id, 'Subject', { forename, surname });
  start = await person('C0', 'Corvin', 'Ashdale');
  const middle = [
    await person('C1', 'Bryn', 'Hollin'), await person('C2', 'Cass', 'Merriot'), await person('C3', 'Dell', 'Pruett'),
    await person('C4', 'Edda', 'Quarrow'), await person('C5', 'Fenn', 'Rawle'),
  ];
  end = await person('C6', 'Tamsin', 'Orlow');
  chain = [start, ...middle, end];
  for (let i = 0; i + 1 < chain.length; i++) await t.link(chain[i]!, 'ASSOCIATE_OF', chain[i + 1]!);
  const circle = async (hub: string, tag: string, names: [string, string][]) => {
    const ids = [hub];
    for (const [i, [f, s]] of names.entries()) ids.push(await person(`${tag}${i + 1}`, f, s));
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) await t.link(ids[i]!, 'ASSOCIATE_OF', ids[j]!);
  };
  await circle(start, 'A', [['Gil', 'Stannard'], ['Hale', 'Trevick'], ['Isla', 'Umber']]);
  await circle(end, 'B', [['Jory', 'Vance'], ['Kit', 'Wexley'], ['Lane', 'Yarrow']]);
  await t.user('analyst', 'ANALYST');
  analyst = `${t.prefix}.analyst`;
  page = await app.newPage();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

async function addBySearch(text: string, id: string): Promise<void> {
  await page.getByTestId('search-input').fill(text);
  const hit = page.getByTestId(`search-hit-${id}`);
  await hit.waitFor();
  await hit.click();
  await page.waitForFunction((id) => !!(window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).length, id);
  await settled(page);
}

const selectEnds = () =>
  page.evaluate(([a, b]) => (window as unknown as { __workspace: { select(ids: string[]): void } }).__workspace.select([a!, b!]), [start, end]);

describe('Find path up to eight links, and the community legend', () => {
  it('says no path was found within 4 links, naming the limit; raised to 6, draws the six-link path', async () => {
    await signIn(page, app.t.url, analyst);
    await addBySearch('Ashdale', start);
    await addBySearch('Orlow', end);
    await selectEnds();
    await page.getByTestId('toolbar-paths').click();
    await page.getByTestId('path-dialog').waitFor();
    expect(await page.getByTestId('path-max-hops').inputValue()).toBe('4');
    const choices = await page.getByTestId('path-max-hops').locator('option').allTextContents();
    expect(choices).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);

    await page.getByTestId('path-submit').click();
    const none = page.getByTestId('path-none');
    await none.waitFor();
    expect(await none.textContent()).toBe(
      'No path of 4 links or fewer between Corvin Ashdale and Tamsin Orlow. Raise the maximum (up to 8) to look further.',
    );
    expect(await chartCounts(page)).toMatchObject({ nodes: 2, edges: 0 });
    await screenshotBoth(page, 'paths-01-none-within-4');

    await page.getByTestId('path-max-hops').selectOption('6');
    await page.getByTestId('path-submit').click();
    await page.getByTestId('paths').waitFor();
    await settled(page);
    expect(await page.getByTestId('path-dialog').count()).toBe(0);
    expect(await page.getByTestId('path-0').textContent()).toContain('6 links');
    expect(await page.getByTestId('path-0').textContent()).toContain('Corvin Ashdale → Bryn Hollin → Cass Merriot → Dell Pruett → Edda Quarrow → Fenn Rawle → Tamsin Orlow');
    expect(await chartCounts(page)).toMatchObject({ nodes: 7, edges: 6 });
    // The whole path highlighted: seven people and six links.
    const highlighted = await cy<{ nodes: string[]; edges: number }>('c => ({ nodes: c.nodes(".path").map((n) => n.id()).sort(), edges: c.edges(".path").length })');
    expect(highlighted).toEqual({ nodes: [...chain].sort(), edges: 6 });
    await screenshotBoth(page, 'paths-02-six-links');

    // The next question starts at the maximum last asked.
    await selectEnds();
    await page.getByTestId('toolbar-paths').click();
    expect(await page.getByTestId('path-max-hops').inputValue()).toBe('6');
    await page.keyboard.press('Escape'); // leaves the select
    await page.keyboard.press('Escape'); // closes the dialog
    await expect.poll(() => page.getByTestId('path-dialog').count()).toBe(0);
  });

  it('colours by community with a legend: each community, its size and its most connected member', async () => {
    await page.evaluate(([a, b]) => (window as unknown as { __workspace: { expand(ids: string[]): Promise<unknown> } }).__workspace.expand([a!, b!]), [start, end]);
    await settled(page);
    expect((await chartCounts(page)).nodes).toBe(13);
    await page.getByTestId('analyse').click();
    const legend = page.getByTestId('community-legend');
    await legend.waitFor();
    await settled(page);
    expect(await page.getByTestId('colour-by').inputValue()).toBe('community');

    const rows = await page.getByTestId('community-row').evaluateAll((els) => els.map((el) => ({
      community: Number(el.getAttribute('data-community')),
      members: Number(el.getAttribute('data-members')),
      hub: el.getAttribute('data-hub')!,
      text: el.textContent ?? '',
      swatch: getComputedStyle(el.querySelector('.community-swatch')!).backgroundColor,
    })));
    const onChart = (await chartCounts(page)).nodes;
    expect(rows.reduce((n, r) => n + r.members, 0)).toBe(onChart);
    expect(await page.getByTestId('community-unassigned').count()).toBe(0);
    expect(await page.getByTestId('community-rest').count()).toBe(0);

    // As many communities as the analysis found on the chart, largest first.
    const drawn = await cy<Record<string, string>>('c => Object.fromEntries(c.nodes().map((n) => [n.id(), n.style("background-color")]))');
    const communities = await page.evaluate(() => {
      const m = (window as unknown as { __workspace: { getState(): { metrics: Map<string, { community: number }> } } }).__workspace.getState().metrics;
      return [...m.values()].map((x) => x.community);
    });
    expect(rows.length).toBe(new Set(communities).size);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('community-count').textContent()).toBe(String(rows.length));
    expect(rows.map((r) => r.members)).toEqual([...rows.map((r) => r.members)].sort((a, b) => b - a));

    // Each circle's community is named by its member on the chain (four links, the others three).
    const row = (id: string) => rows.find((r) => r.hub === id);
    expect(row(start)?.text).toContain('Corvin Ashdale');
    expect(row(end)?.text).toContain('Tamsin Orlow');
    expect(row(start)!.community).not.toBe(row(end)!.community);
    // The swatch is the colour the community's members are drawn in.
    const rgb = (c: string) => c.replace(/\s/g, '');
    for (const r of rows) expect(rgb(drawn[r.hub]!)).toBe(rgb(r.swatch));
    await screenshotBoth(page, 'paths-03-community-legend');
  });
});
