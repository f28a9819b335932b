import { textChunks } from '../../client/src/export/png.js';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartCounts, nodeOnPage, screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { seedNetwork, type Network } from './network.js';

/**
 * The analyst's flows in a real browser, in order, on one page: sign in, search and add, expand,
 * a restricted marker, a path, the reports behind a link, the time bar, saving and reopening,
 * exporting. Each step leaves a screenshot at 1366x768 and at 1920x1080 under test-artifacts/screenshots/.
 */
let app: BrowserApp;
let net: Network;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  net = await seedNetwork(app.t);
  page = await app.newPage();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

const ws = <T>(fn: string) => page.evaluate(`(${fn})(window.__workspace)`) as Promise<T>;

async function addBySearch(text: string, id: string): Promise<void> {
  const input = page.getByTestId('search-input');
  await input.fill(text);
  const hit = page.getByTestId(`search-hit-${id}`);
  await hit.waitFor();
  await hit.click();
  await page.waitForFunction((id) => !!(window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).length, id);
  await settled(page);
}

describe('the analyst workspace in a browser', () => {
  it('signs in and always shows who is working: name, role, clearance, agency', async () => {
    await signIn(page, app.t.url, net.analyst);
    await expect.poll(() => page.getByTestId('viewer-role').textContent()).toBe('Analyst');
    expect(await page.getByTestId('viewer-clearance').textContent()).toBe('SECRET');
    expect(await page.getByTestId('viewer-agency').textContent()).toBe('Test Force');
    expect(await page.getByTestId('chart-empty').isVisible()).toBe(true);
    await screenshotBoth(page, '01-signed-in');
  });

  it('searches for a subject (type-ahead) and adds it to the chart', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('Vexley', { delay: 20 });
    const hit = page.getByTestId(`search-hit-${net.lorcan}`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain('Lorcan Vexley');
    await screenshotBoth(page, '02-search');
    await hit.click();
    await page.waitForFunction(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes().length === 1);
    await settled(page);
    expect(await chartCounts(page)).toMatchObject({ nodes: 1, edges: 0 });
    expect(await page.getByTestId('details-title').textContent()).toBe('Lorcan Vexley');
    expect(await page.getByTestId('props').textContent()).toContain('1984-03-12');
  });

  it('expands an entity by double-click: its neighbours and links are drawn', async () => {
    const p = await nodeOnPage(page, net.lorcan);
    await page.mouse.dblclick(p.x, p.y);
    await page.waitForFunction(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes().length > 1);
    await settled(page);
    const c = await chartCounts(page);
    // Lorcan + firm, Dana, Mill Lane, the vehicle and the restricted marker.
    expect(c.nodes).toBe(6);
    expect(c.edges).toBeGreaterThanOrEqual(6); // including Dana–firm, found among what is drawn
    const labels = await page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes().map((n) => n.data('label') as string));
    expect(labels).toEqual(expect.arrayContaining(['Vexley Firm', 'Dana Quarrie', '14 Mill Lane', 'VX21 KLM']));
    expect(await page.getByTestId('chart-marking').textContent()).toBe('OFFICIAL-SENSITIVE');
    await screenshotBoth(page, '03-expanded');
  });

  it('draws a restricted stub distinctly and shows only who holds it and whom to contact', async () => {
    const stub = await page.evaluate(() => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      const n = cy.nodes('[?restricted]')[0]!;
      return { id: n.id(), label: n.data('label'), border: n.style('border-style'), colour: n.style('background-color') };
    });
    expect(stub.id).toMatch(/^restricted-/);
    expect(stub.id).not.toContain(app.t.prefix); // the real id is not revealed
    expect(stub.label).toBe('Intelligence held by Northshire Police');
    expect(stub.border).toBe('dashed');
    const p = await nodeOnPage(page, stub.id);
    await page.mouse.click(p.x, p.y);
    const details = page.getByTestId('restricted-details');
    await details.waitFor();
    expect(await page.getByTestId('held-by').textContent()).toBe('Intelligence held by Northshire Police');
    expect(await page.getByTestId('contact').textContent()).toContain('Northshire FIB, 01632 960123');
    const text = (await details.textContent()) ?? '';
    expect(text).not.toMatch(/Morwenna|Hask|handles this one/);
    expect(await page.getByTestId('props').count()).toBe(0);
    await screenshotBoth(page, '04-restricted-stub');
  });

  it('finds the shortest path between two selected people', async () => {
    await addBySearch('Talbrook', net.owen);
    const a = await nodeOnPage(page, net.lorcan);
    const b = await nodeOnPage(page, net.owen);
    await page.mouse.click(a.x, a.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    await expect.poll(() => ws<number>('w => w.getState().selection.size')).toBe(2);
    await page.getByTestId('toolbar-paths').click();
    await page.getByTestId('path-dialog').waitFor();
    expect(await page.getByTestId('path-max-hops').inputValue()).toBe('4');
    await page.getByTestId('path-submit').click();
    await page.getByTestId('paths').waitFor();
    expect(await page.getByTestId('path-dialog').count()).toBe(0);
    await settled(page);
    expect(await page.getByTestId('path-0').textContent()).toContain('3 links');
    expect(await page.getByTestId('path-0').textContent()).toContain('Lorcan Vexley → Dana Quarrie → Kim Ashgrove → Owen Talbrook');
    await page.getByTestId('path-0').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.elements('.path').length)).toBe(7); // four people, three links
    await screenshotBoth(page, '05-shortest-path');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('paths').count()).toBe(0);
  });

  it('opens the reports behind a link: grade and handling', async () => {
    const p = await nodeOnPage(page, net.lorcan);
    await page.mouse.click(p.x, p.y);
    await page.getByTestId(`details-link-${net.lorcanDana}`).click();
    const reports = page.getByTestId('reports');
    await reports.waitFor();
    const grades = await page.getByTestId('report-grade').allTextContents();
    expect(grades).toEqual(['1A', '3D']);
    const first = page.getByTestId(`report-${net.r1}`);
    expect(await first.getByTestId('report-handling').textContent()).toBe('Handling C (C3)');
    expect(await first.textContent()).toContain('Police recipients only');
    expect(await first.textContent()).toContain('Vexley directs cocaine supply');
    expect(await page.getByTestId('link-strength').textContent()).toContain('2 reports');
    await screenshotBoth(page, '06-why-linked');
  });

  it('filters the chart by time with the time bar', async () => {
    await page.keyboard.press('Escape');
    const before = await chartCounts(page);
    expect(before.shownEdges).toBe(before.edges);
    await page.getByTestId('time-from-date').fill('01/01/2024');
    await expect.poll(() => page.getByTestId('time-range').textContent()).toContain('01/01/2024');
    // The range shows as soon as it is set; the chart hides what falls outside it on its next draw.
    await expect.poll(async () => (await chartCounts(page)).shownEdges).toBeLessThan(before.shownEdges);
    const after = await chartCounts(page);
    expect(after.nodes).toBe(before.nodes); // filtering hides, it does not remove
    expect(after.shownEdges).toBeLessThan(before.shownEdges);
    const hidden = await page.evaluate((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).visible(), net.lorcanDana);
    expect(hidden).toBe(false); // 2021–2022
    expect(await page.getByTestId('chart-count').textContent()).toContain(`${after.shownEdges} of ${after.edges} links`);
    await screenshotBoth(page, '07-time-filter');
    await page.getByTestId('time-reset').click();
    await expect.poll(async () => (await chartCounts(page)).shownEdges).toBe(before.shownEdges);
  });

  it('saves the chart and reopens it after a reload', async () => {
    const saved = await chartCounts(page);
    await page.getByTestId('open-charts').click();
    expect(await page.getByTestId('charts-local-note').textContent()).toContain('saved on the server');
    await page.getByTestId('chart-name').fill('Vexley network');
    await page.getByTestId('chart-save').click();
    await expect.poll(() => page.getByTestId('chart-item').count()).toBe(1);
    await screenshotBoth(page, '08-chart-saved');
    await page.getByTestId('chart-new').click();
    await expect.poll(async () => (await chartCounts(page)).nodes).toBe(0);

    await page.reload();
    await page.getByTestId('workspace').waitFor();
    await page.getByTestId('open-charts').click();
    await page.getByTestId('chart-open-Vexley network').click();
    await expect.poll(async () => (await chartCounts(page)).nodes).toBe(saved.nodes);
    await settled(page);
    expect((await chartCounts(page)).edges).toBe(saved.edges);
    const stub = await page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes('[?restricted]').length);
    expect(stub).toBe(1);
    await screenshotBoth(page, '09-chart-reopened');
  });

  it('shares the chart with a colleague, who sees it through their own access', async () => {
    // The colleague is in the same agency but cleared only to OFFICIAL: the OCG (OFFICIAL-SENSITIVE)
    // must come back as a restricted stub, never by name.
    const colleague = `${app.t.prefix}.colleague`;
    await app.t.user('colleague', 'ANALYST', { agency: `${app.t.prefix}-AG1`, clearance: 'OFFICIAL' });
    const ownerView = await page.evaluate(() =>
      (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes().map((n) => ({ id: n.id(), restricted: !!n.data('restricted') })));
    expect(ownerView.some((n) => n.id === net.firm)).toBe(true);

    await page.getByTestId('open-charts').click();
    await page.getByTestId('chart-share-Vexley network').click();
    await page.getByTestId(`share-with-${colleague}`).check();
    await page.getByTestId('chart-share-save').click();
    await expect.poll(() => page.getByTestId('chart-shared-with').textContent()).toContain(colleague);
    await screenshotBoth(page, '09b-chart-shared');
    await page.getByTestId('charts-close').click();

    const other = await app.newPage();
    await signIn(other, app.t.url, colleague);
    await other.getByTestId('open-charts').click();
    await expect.poll(() => other.getByTestId('chart-list-shared').getByTestId('chart-item').count()).toBe(1);
    expect(await other.getByTestId('chart-owner').textContent()).toContain('shared by');
    await other.getByTestId('chart-open-Vexley network').click();
    const expected = ownerView.filter((n) => !n.restricted).length;
    await expect.poll(async () => (await chartCounts(other)).nodes).toBe(expected);
    await settled(other);
    const seen = await other.evaluate(() =>
      (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes().map((n) => ({ id: n.id(), restricted: !!n.data('restricted'), label: String(n.data('label') ?? '') })));
    expect(seen.some((n) => n.id === net.firm)).toBe(false);
    expect(seen.filter((n) => n.restricted)).toHaveLength(1);
    expect(seen.some((n) => n.label.includes('Vexley Firm'))).toBe(false);
    expect(await other.locator('body').textContent()).not.toContain('Vexley Firm');
    await screenshotBoth(other, '09c-chart-opened-by-colleague');
    await other.close();
  });

  it('exports the chart as a PNG picture marked in header and footer, with title, author, date and handling', async () => {
    await page.getByTestId('export-menu').click();
    await screenshotBoth(page, '10-export-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(download.suggestedFilename()).toMatch(/^vexley-network-\d{12}\.png$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5000);
    // The picture leaves the system marked: the file says how it must be handled...
    const text = textChunks(new Uint8Array(bytes));
    expect(text).toMatchObject({ Classification: 'OFFICIAL-SENSITIVE', Title: 'Vexley network' });
    expect(text.Handling).toMatch(/^Handling [PC]\b/);
    expect(text.Author.length).toBeGreaterThan(0);
    expect(Date.parse(text['Creation Time']!)).toBeGreaterThan(Date.now() - 600_000);
    // ...with the reference of the export the server decided and recorded.
    expect(text.Export).toMatch(/^EXP-[0-9a-f-]{36}$/);
    // ...and so does the picture: a header and a footer band, each with the marking written in it.
    const look = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const band = 68;
      const dark = (y: number) => {
        const d = g.getImageData(0, y, c.width, band).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 90 && d[i + 1]! < 90 && d[i + 2]! < 90) n++;
        return n;
      };
      return { top: dark(0), bottom: dark(c.height - band), corner: [...g.getImageData(2, 2, 1, 1).data], foot: [...g.getImageData(2, c.height - 3, 1, 1).data] };
    }, bytes.toString('base64'));
    expect(look.corner).toEqual([241, 245, 249, 255]);
    expect(look.foot).toEqual([241, 245, 249, 255]);
    expect(look.top).toBeGreaterThan(300);
    expect(look.bottom).toBeGreaterThan(300);
  });

  it('exports SVG and CSV with the protective marking', async () => {
    await page.getByTestId('export-menu').click();
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const text = fs.readFileSync(await svg.path(), 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('Lorcan Vexley');
    await page.getByTestId('export-menu').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-links').click()]);
    const rows = fs.readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
    // The marking line first and last, then the header and a row per link.
    expect(rows[0]).toMatch(/^"?# OFFICIAL-SENSITIVE \| Handling [PC]/);
    expect(rows.at(-1)).toBe(rows[0]);
    expect(rows[1]).toContain('classification');
    expect(rows.length - 3).toBe((await chartCounts(page)).edges);
  });

  it('works from the keyboard: remove, undo, redo, help', async () => {
    const before = await chartCounts(page);
    const p = await nodeOnPage(page, net.vehicle);
    // Hovering names the entity in full, with its type.
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.container()!.title)).toMatch(/\(Vehicle\)$/);
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await chartCounts(page)).nodes).toBe(before.nodes - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await chartCounts(page)).nodes).toBe(before.nodes);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await chartCounts(page)).nodes).toBe(before.nodes - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await chartCounts(page)).nodes).toBe(before.nodes);
    // What is shown is undone like what is on the chart: a type filter, then Undo on the toolbar.
    const type = page.locator('[data-testid^="filter-type-"]').first();
    const shown = (await chartCounts(page)).shownNodes;
    await type.uncheck();
    await expect.poll(async () => (await chartCounts(page)).shownNodes).toBeLessThan(shown);
    expect(await page.getByTestId('undo').getAttribute('title')).toMatch(/^Undo Hide /);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await chartCounts(page)).shownNodes).toBe(shown);
    await expect.poll(() => type.isChecked()).toBe(true);
    // Link labels switched off from the legend, and back with Undo.
    const edgeLabel = () => page.evaluate(() => String((window as unknown as { __cy: import('cytoscape').Core }).__cy.edges()[0]!.style('label') ?? ''));
    expect(await edgeLabel()).not.toBe('');
    await page.getByTestId('edge-labels').uncheck();
    await expect.poll(edgeLabel).toBe('');
    await screenshotBoth(page, '11-link-labels-off');
    await page.getByTestId('undo').click();
    await expect.poll(edgeLabel).not.toBe('');
    await page.keyboard.press('?');
    await page.getByTestId('help-overlay').waitFor();
    expect(await page.getByTestId('help-overlay').textContent()).toContain('Undo');
    await screenshotBoth(page, '11-help');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('help-overlay').count()).toBe(0);
  });

  it('offers the canvas actions on right-click and expands with filters', async () => {
    const openMenu = async () => {
      // After a resize the chart is fitted again on the next frames, which moves Owen and closes
      // the menu: it is opened on him once that is done.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await settled(page);
      const p = await nodeOnPage(page, net.owen);
      await page.mouse.click(p.x, p.y, { button: 'right' });
      await page.getByTestId('context-menu').waitFor();
    };
    await openMenu();
    await screenshotBoth(page, '12-context-menu', { each: openMenu });
    if (!(await page.getByTestId('context-menu').isVisible())) await openMenu();
    await page.getByTestId('ctx-expand-filters').click();
    await page.getByTestId('expand-dialog').waitFor();
    await page.getByTestId('expand-submit').click();
    await settled(page);
    // Owen's only link is to Kim, already drawn: nothing new, and the chart says so.
    await expect.poll(() => page.getByTestId('notice-info').last().textContent()).toContain('nothing new');
  });

  it('analyses the network: sizes by betweenness and colours by community', async () => {
    await page.getByTestId('analyse').click();
    await expect.poll(() => ws<number>('w => w.getState().metrics ? w.getState().metrics.size : 0')).toBeGreaterThan(0);
    expect(await page.getByTestId('colour-by').inputValue()).toBe('community');
    expect(await page.getByTestId('size-by').inputValue()).toBe('betweenness');
    const sizes = await page.evaluate((ids) => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      return ids.map((id) => cy.getElementById(id).width());
    }, [net.dana, net.owen]);
    expect(sizes[0]).toBeGreaterThan(sizes[1]!); // Dana brokers between the firm and Kim's side
    const p = await nodeOnPage(page, net.dana);
    await page.mouse.click(p.x, p.y);
    await page.getByTestId('metrics').waitFor();
    await screenshotBoth(page, '14-analysis');
  });

  it('lays the same network out the same way each time, and another way each time the analyst asks again', async () => {
    // The drawing's shape: each entity's place relative to the drawing's centre (a layout is put
    // where the chart was, so the same drawing may sit elsewhere).
    const positions = () => ws<Record<string, { x: number; y: number }>>(`w => {
      const ns = [...w.getState().doc.nodes.values()];
      const cx = ns.reduce((t, n) => t + n.position.x, 0) / ns.length;
      const cy = ns.reduce((t, n) => t + n.position.y, 0) / ns.length;
      return Object.fromEntries(ns.map((n) => [n.data.id, { x: n.position.x - cx, y: n.position.y - cy }]));
    }`);
    /** How far the furthest entity is from its place in the other drawing. */
    const apart = (a: Record<string, { x: number; y: number }>, b: Record<string, { x: number; y: number }>) => {
      expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
      return Math.max(...Object.keys(a).map((id) => Math.hypot(a[id]!.x - b[id]!.x, a[id]!.y - b[id]!.y)));
    };
    const layout = async (how: string) => {
      await page.evaluate(how);
      await settled(page);
      return positions();
    };
    // A layout keeps labels apart at the size they are drawn, which follows the zoom the last fit
    // left: one layout first, so the two compared start from the same view.
    await layout(`window.__workspace.requestLayout('fcose')`);
    const first = await layout(`window.__workspace.requestLayout('fcose')`);
    // Laid out from scratch again: the same drawing, wherever the nodes were.
    expect(apart(await layout(`window.__workspace.requestLayout('fcose')`), first)).toBeLessThan(0.5);
    // The toolbar's "run again": another arrangement each click.
    // (The click's layout request may not be made yet when the page first looks settled: wait for the move.)
    await page.getByTestId('layout-run').click();
    await expect.poll(async () => apart(await positions(), first)).toBeGreaterThan(20);
    await settled(page);
    const again = await positions();
    expect(apart(again, first)).toBeGreaterThan(20);
    await page.getByTestId('layout-run').click();
    await expect.poll(async () => apart(await positions(), again)).toBeGreaterThan(20);
    await settled(page);
    const third = await positions();
    expect(apart(third, again)).toBeGreaterThan(20);
    expect(apart(third, first)).toBeGreaterThan(20);
  });

  it('switches to the WebGL renderer, keeping the chart, and still selects what is clicked', async () => {
    const before = await chartCounts(page);
    await page.getByTestId('help-button').click();
    await Promise.all([page.waitForEvent('load'), page.getByTestId('webgl-toggle').click()]);
    await page.getByTestId('workspace').waitFor();
    await expect.poll(async () => (await chartCounts(page)).nodes).toBe(before.nodes);
    await settled(page);
    const webgl = await page.evaluate(() => !!(window as unknown as { __cy: import('cytoscape').Core }).__cy.container()!.querySelector('canvas[data-id$="-webgl"]'));
    expect(webgl).toBe(true);
    const p = await nodeOnPage(page, net.dana);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => ws<string[]>('w => [...w.getState().selection]')).toEqual([net.dana]);
    await screenshotBoth(page, '13-webgl');
    await page.getByTestId('help-button').click();
    await Promise.all([page.waitForEvent('load'), page.getByTestId('webgl-toggle').click()]);
    await page.getByTestId('workspace').waitFor();
    await expect.poll(async () => (await chartCounts(page)).nodes).toBe(before.nodes);
  });
});
