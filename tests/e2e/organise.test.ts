import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeOnPage, screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { seedNetwork, type Network } from './network.js';

/**
 * Organising a chart in a real browser: grouping and ungrouping, collapsing and expanding an OCG
 * (each a round trip back to the same drawing), notes and boxes, the lasso, hover cards, a styling
 * rule with its legend entry, saving and reopening, and undoing every step. Seeds its own network
 * through the API.
 */
let app: BrowserApp;
let net: Network;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  net = await seedNetwork(app.t, 'organiser');
  page = await app.newPage();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

type Drawn = (string | number)[][];
/** Everything drawn: ids, and node positions (rounded to the pixel). */
const drawnNow = () => page.evaluate(() => {
  const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
  return cy.elements(':visible').map((el) => (el.isNode() ? [el.id(), Math.round(el.position('x')), Math.round(el.position('y'))] : [el.id()]))
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}) as Promise<Drawn>;

const state = <T>(fn: string) => page.evaluate(`(${fn})(window.__workspace.getState())`) as Promise<T>;
const cyData = (id: string, key: string) => page.evaluate(([id, key]) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id!).data(key!), [id, key]);
const isShown = (id: string) => page.evaluate((id) => {
  const el = (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id);
  return el.nonempty() && el.visible();
}, id);
const selection = () => state<string[]>('(s) => [...s.selection].sort()');
const undoLabel = () => state<string | null>('(s) => s.undoLabel');
const organiseMenu = async (item: string) => {
  await page.getByTestId('organise-menu').click();
  await page.getByTestId(item).click();
};

/** Page coordinates of a chart point. */
const onPage = (p: { x: number; y: number }) => page.evaluate((p) => {
  const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
  const r = cy.container()!.getBoundingClientRect();
  return { x: r.left + p.x * cy.zoom() + cy.pan().x, y: r.top + p.y * cy.zoom() + cy.pan().y };
}, p);

/** Draws a lasso (a circle of chart radius r round a chart point) with the mouse. */
async function lasso(centre: { x: number; y: number }, r: number): Promise<void> {
  const pts = [];
  for (let i = 0; i <= 24; i++) pts.push(await onPage({ x: centre.x + r * Math.cos((i / 24) * 2 * Math.PI), y: centre.y + r * Math.sin((i / 24) * 2 * Math.PI) }));
  await page.mouse.move(pts[0]!.x, pts[0]!.y);
  await page.mouse.down();
  for (const p of pts.slice(1)) await page.mouse.move(p.x, p.y, { steps: 2 });
  await page.mouse.up();
}

/** Where each entity stands: two rows, 150 apart (so an outline can take some and not others). */
const GRID: Record<string, { x: number; y: number }> = {};

describe('organising the chart', () => {
  let start: Drawn;

  it('builds a small chart', async () => {
    await signIn(page, app.t.url, net.analyst);
    const ids = [net.lorcan, net.dana, net.kim, net.owen, net.ravi, net.firm, net.mill, net.vehicle];
    ids.forEach((id, i) => { GRID[id] = { x: (i % 4) * 150, y: Math.floor(i / 4) * 200 }; });
    await page.evaluate((ids) => (window as unknown as { __workspace: { add(ids: string[]): Promise<string[]> } }).__workspace.add(ids), ids);
    await settled(page);
    await page.evaluate((grid) => {
      const ws = (window as unknown as { __workspace: { recordPositions(p: unknown): void; fit(): void } }).__workspace;
      ws.recordPositions(grid);
      ws.fit();
    }, GRID);
    await settled(page);
    expect(await state<number>('(s) => s.doc.nodes.size')).toBe(8);
    start = await drawnNow();
    expect(start.filter((x) => x.length === 3)).toHaveLength(8);
  });

  it('groups the selection with G only while the chart has focus, with counted links; ungroups back to the same drawing', async () => {
    await page.evaluate(([a, b]) => (window as unknown as { __workspace: { select(ids: string[]): void } }).__workspace.select([a!, b!]), [net.lorcan, net.dana]);
    // Focus elsewhere: the key does nothing to the chart.
    await page.getByTestId('search-input').focus();
    await page.getByTestId('search-input').blur();
    await page.keyboard.press('g');
    expect(await state<number>('(s) => s.organise.groups.length')).toBe(0);
    await page.getByTestId('chart').focus();
    await page.keyboard.press('g');
    await expect.poll(() => state<number>('(s) => s.organise.groups.length')).toBe(1);
    expect(await undoLabel()).toBe('Group 2 items');
    expect(await cyData('group:1', 'label')).toBe('Group of 2 (2)');
    expect(await isShown(net.lorcan)).toBe(false);
    expect(await isShown(net.dana)).toBe(false);
    // Both are members of the firm: one line standing for the two links.
    const toFirm = `agg:${['group:1', net.firm].sort().join('|')}`;
    expect(await cyData(toFirm, 'label')).toBe('2 links');
    expect(await isShown(toFirm)).toBe(true);
    expect(await selection()).toEqual(['group:1']);

    // The name is the analyst's: right-click, Rename.
    const g = await nodeOnPage(page, 'group:1');
    await page.mouse.click(g.x, g.y, { button: 'right' });
    await page.getByTestId('ctx-group-rename').click();
    await page.getByTestId('group-label').fill('Vexley and Quarrie');
    await page.getByTestId('group-save').click();
    await expect.poll(() => cyData('group:1', 'label')).toBe('Vexley and Quarrie (2)');
    await expect.poll(() => page.getByTestId('legend-groups').isVisible()).toBe(true);
    await screenshotBoth(page, 'organise-01-grouped');

    await organiseMenu('organise-ungroup');
    await expect.poll(() => state<number>('(s) => s.organise.groups.length')).toBe(0);
    await settled(page);
    expect(await drawnNow()).toEqual(start);
    expect(await selection()).toEqual([net.dana, net.lorcan].sort());
  });

  it('collapses an OCG with its members and expands it back (double-click) to the same drawing', async () => {
    await page.evaluate((id) => (window as unknown as { __workspace: { select(ids: string[]): void } }).__workspace.select([id]), net.firm);
    await organiseMenu('organise-collapse');
    await expect.poll(() => state<number>('(s) => s.organise.groups.length')).toBe(1);
    expect(await undoLabel()).toBe('Collapse Vexley Firm');
    expect(await cyData('group:1', 'label')).toBe('Vexley Firm (4)');
    for (const id of [net.firm, net.lorcan, net.dana, net.ravi]) expect(await isShown(id)).toBe(false);
    expect(await isShown(net.kim)).toBe(true);
    const p = await page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById('group:1').position());
    expect(p).toEqual(GRID[net.firm]);
    await screenshotBoth(page, 'organise-02-ocg-collapsed');

    const g = await nodeOnPage(page, 'group:1');
    await page.mouse.dblclick(g.x, g.y);
    await expect.poll(() => state<number>('(s) => s.organise.groups.length')).toBe(0);
    expect(await undoLabel()).toBe('Expand Vexley Firm');
    await settled(page);
    expect(await drawnNow()).toEqual(start);
  });

  it('adds a note and a box, edits and moves them', async () => {
    await organiseMenu('organise-note');
    await page.getByTestId('annotation-dialog').waitFor();
    await page.getByTestId('annotation-text').fill('Meets at Mill Lane on Fridays');
    await page.getByTestId('annotation-save').click();
    await expect.poll(() => cyData('note:1', 'label')).toBe('Meets at Mill Lane on Fridays');
    expect(await undoLabel()).toBe('Edit note');

    await organiseMenu('organise-box');
    await page.getByTestId('annotation-text').fill('Vehicles');
    await page.getByTestId('annotation-width').fill('320');
    await page.getByTestId('annotation-save').click();
    await expect.poll(() => cyData('note:2', 'w')).toBe(320);
    expect(await cyData('note:2', 'label')).toBe('Vehicles');

    // Dragged like any node: its place is part of the chart.
    const before = await state<{ x: number; y: number }>('(s) => s.organise.annotations[0].position');
    const n = await nodeOnPage(page, 'note:1');
    await page.mouse.move(n.x, n.y);
    await page.mouse.down();
    await page.mouse.move(n.x + 60, n.y + 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => undoLabel()).toBe('Move');
    const after = await state<{ x: number; y: number }>('(s) => s.organise.annotations[0].position');
    expect(after.x).toBeGreaterThan(before.x + 20);
    expect(after.y).toBeGreaterThan(before.y + 10);
    // Put aside, clear of the entities, for the lasso.
    await page.evaluate(() => (window as unknown as { __workspace: { moveNodes(p: unknown): void } }).__workspace.moveNodes({ 'note:1': { x: 225, y: 420 }, 'note:2': { x: 600, y: 420 } }));
    await page.evaluate(() => (window as unknown as { __workspace: { fit(): void } }).__workspace.fit());
    await settled(page);
  });

  it('shows a hover card with the name, type, key properties and marking', async () => {
    const p = await nodeOnPage(page, net.vehicle);
    await page.mouse.move(p.x - 40, p.y - 40);
    await page.mouse.move(p.x, p.y, { steps: 4 });
    const card = page.getByTestId('hover-card');
    await card.waitFor();
    expect(await page.getByTestId('hover-card-name').textContent()).toBe('VX21 KLM');
    expect(await page.getByTestId('hover-card-type').textContent()).toBe('Vehicle');
    expect(await card.textContent()).toContain('Audi');
    expect(await page.getByTestId('hover-card-marking').textContent()).toMatch(/^OFFICIAL · handling P/);
    await screenshotBoth(page, 'organise-03-hover-card');
    await page.mouse.move(p.x + 500, p.y + 300);
    await expect.poll(() => card.count()).toBe(0);
  });

  it('lassoes a set of entities: with the tool, and with Shift+Alt drag', async () => {
    await page.getByTestId('lasso-toggle').click();
    expect(await page.getByTestId('lasso-hint').isVisible()).toBe(true);
    // Round Kim and Owen (top right), not Dana beside them nor the row below.
    await lasso({ x: 375, y: 0 }, 110);
    await expect.poll(() => selection()).toEqual([net.kim, net.owen].sort());
    await page.getByTestId('chart').focus();
    await page.keyboard.press('s');
    expect(await state<boolean>('(s) => s.lassoMode')).toBe(false);

    await page.keyboard.down('Shift');
    await page.keyboard.down('Alt');
    await lasso({ x: 75, y: 200 }, 110);
    await page.keyboard.up('Alt');
    await page.keyboard.up('Shift');
    await expect.poll(() => selection()).toEqual([net.ravi, net.firm].sort());
  });

  it('adds a styling rule: the colour on the chart and an entry in the legend', async () => {
    await organiseMenu('organise-rules');
    await page.getByTestId('rules-dialog').waitFor();
    expect(await page.getByTestId('rules-empty').isVisible()).toBe(true);
    // A rule without an effect is refused, with the reason.
    await page.getByTestId('rule-use-colour').uncheck();
    await page.getByTestId('rule-add').click();
    expect(await page.getByTestId('rule-problems').textContent()).toContain('Choose a colour, size or badge');
    await page.getByTestId('rule-use-colour').check();
    await page.getByTestId('rule-kind').selectOption('type');
    await page.getByTestId('rule-type').selectOption('Subject');
    await page.getByTestId('rule-colour').fill('#7c3aed');
    await page.getByTestId('rule-badge').selectOption('★');
    await page.getByTestId('rule-add').click();
    await expect.poll(() => page.getByTestId('rule-row').count()).toBe(1);
    expect(await undoLabel()).toBe('Add styling rule');
    await screenshotBoth(page, 'organise-04-rules-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('rules-dialog').count()).toBe(0);

    const look = (id: string) => page.evaluate((id) => {
      const n = (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id);
      return { bg: n.style('background-color') as string, label: n.style('label') as string };
    }, id);
    expect(await look(net.kim)).toEqual({ bg: 'rgb(124,58,237)', label: '★ Kim Ashgrove' });
    // Not a subject: untouched.
    expect((await look(net.vehicle)).bg).not.toBe('rgb(124,58,237)');
    const entry = page.getByTestId('legend-rule');
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toContain('Type is Subject');
    expect(await entry.getAttribute('data-colour')).toBe('#7c3aed');
    await page.evaluate(() => (window as unknown as { __workspace: { clearSelection(): void } }).__workspace.clearSelection());
    await screenshotBoth(page, 'organise-05-annotated-and-styled');
  });

  it('saves the chart, and finds the notes, box and rule back on opening it', async () => {
    await page.getByTestId('open-charts').click();
    await page.getByTestId('chart-name').fill('Vexley organised');
    await page.getByTestId('chart-save').click();
    await expect.poll(() => page.getByTestId('chart-item').count()).toBe(1);
    await page.getByTestId('chart-new').click();
    await expect.poll(() => state<number>('(s) => s.organise.annotations.length')).toBe(0);
    expect(await isShown('note:1')).toBe(false);

    // Kept with the chart on the server, not in this browser.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('intel-graph.organise.')))).toEqual([]);
    await page.reload();
    await page.getByTestId('workspace').waitFor();
    expect(await state<number>('(s) => s.organise.rules.length')).toBe(0);
    await page.getByTestId('open-charts').click();
    await page.getByTestId('chart-open-Vexley organised').click();
    await expect.poll(() => state<number>('(s) => s.doc.nodes.size')).toBe(8);
    await settled(page);
    expect(await cyData('note:1', 'label')).toBe('Meets at Mill Lane on Fridays');
    expect(await cyData('note:2', 'label')).toBe('Vehicles');
    expect(await state<{ x: number; y: number }>('(s) => s.organise.annotations[0].position')).toEqual({ x: 225, y: 420 });
    expect(await page.getByTestId('legend-rule').textContent()).toContain('Type is Subject');
    expect(await page.evaluate((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).style('background-color'), net.lorcan)).toBe('rgb(124,58,237)');
  });

  it('undoes each step, back to the chart as first drawn', async () => {
    // In this session: a few more steps, then undo them one by one.
    await page.evaluate((id) => (window as unknown as { __workspace: { select(ids: string[]): void } }).__workspace.select([id]), net.firm);
    await organiseMenu('organise-collapse');
    await organiseMenu('organise-area');
    await page.getByTestId('annotation-text').fill('Ashby');
    await page.getByTestId('annotation-save').click();
    await expect.poll(() => cyData('note:3', 'label')).toBe('Ashby');
    const labels: string[] = [];
    const steps: [string, () => Promise<void>][] = [
      ['Edit labelled area', async () => expect(await cyData('note:3', 'label')).toBe('Area')],
      ['Add labelled area', async () => expect(await isShown('note:3')).toBe(false)],
      ['Collapse Vexley Firm', async () => {
        expect(await isShown('group:1')).toBe(false);
        expect(await isShown(net.firm)).toBe(true);
      }],
      ['Open Vexley organised', async () => {
        expect(await state<number>('(s) => s.doc.nodes.size')).toBe(0);
        expect(await isShown('note:1')).toBe(false);
        expect(await page.getByTestId('legend-rule').count()).toBe(0);
      }],
    ];
    for (const [label, check] of steps) {
      expect(await undoLabel()).toBe(label);
      labels.push(label);
      await page.getByTestId('undo').click();
      await settled(page);
      await check();
    }
    expect(labels).toHaveLength(4);
    expect(await undoLabel()).toBe(null);
    // And forward again to the reopened chart.
    for (let i = 0; i < 4; i++) await page.getByTestId('redo').click();
    await settled(page);
    expect(await cyData('note:3', 'label')).toBe('Ashby');
    expect(await isShown('group:1')).toBe(true);
  });

  it('undoes, in the session that made them, every organising step back to the chart as first drawn', async () => {
    // A fresh session: build, then group, note, rule; each undone in turn.
    await page.getByTestId('open-charts').click();
    await page.getByTestId('chart-new').click();
    await page.evaluate(() => (window as unknown as { __workspace: { edit(e: null): void } }).__workspace.edit(null));
    const ids = [net.lorcan, net.dana, net.kim, net.owen, net.ravi, net.firm, net.mill, net.vehicle];
    await page.evaluate((ids) => (window as unknown as { __workspace: { add(ids: string[]): Promise<string[]> } }).__workspace.add(ids), ids);
    await settled(page);
    await page.evaluate((grid) => (window as unknown as { __workspace: { recordPositions(p: unknown): void } }).__workspace.recordPositions(grid), GRID);
    await settled(page);
    const base = await state<string>('(s) => JSON.stringify({ o: s.organise, d: [...s.doc.nodes.values()].map((n) => [n.data.id, n.position]) })');
    const rules = await state<number>('(s) => s.organise.rules.length');
    await page.evaluate(([a, b]) => (window as unknown as { __workspace: { select(ids: string[]): void } }).__workspace.select([a!, b!]), [net.kim, net.owen]);
    await organiseMenu('organise-group');
    await organiseMenu('organise-note');
    await page.getByTestId('annotation-save').click();
    await organiseMenu('organise-rules');
    await page.getByTestId('rule-kind').selectOption('role');
    await page.getByTestId('rule-add').click();
    await page.getByTestId('organise-close').click();
    await expect.poll(() => state<number>('(s) => s.organise.rules.length')).toBe(rules + 1);
    for (const label of ['Add styling rule', 'Add note', 'Group 2 items']) {
      expect(await undoLabel()).toBe(label);
      await page.keyboard.press('Control+z');
    }
    await settled(page);
    expect(await state<string>('(s) => JSON.stringify({ o: s.organise, d: [...s.doc.nodes.values()].map((n) => [n.data.id, n.position]) })')).toBe(base);
  });
});
