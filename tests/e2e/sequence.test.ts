import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeOnPage, screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * The sequence (theme-line) view in a real browser, over a small network with dated events, calls
 * and reports written through the platform's write path:
 *
 *   Aiden Marsh ─ASSOCIATE_OF(from 01/11/2023)─ Callum Reed
 *   Report (20/02/2024, 2B) mentions Aiden and Bryony Cole; a report without a date mentions Callum
 *   Aiden's phone ─CALLS(01/03/2024–20/03/2024, 14 calls)─ Bryony's phone
 *   Meeting at Harbour Café (05/03/2024) involves Aiden, Bryony and Callum; an assault the same day involves Callum
 */
let app: BrowserApp;
let page: Page;
let ids: Record<'aiden' | 'bryony' | 'callum' | 'phoneA' | 'phoneB' | 'meeting' | 'assault' | 'r1' | 'r2' | 'assoc' | 'calls', string>;
let analyst: string;

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  const aiden = await t.entity('S1', 'Subject', { forename: 'Aiden', surname: 'Marsh' });
  const bryony = await t.entity('S2', 'Subject', { forename: 'Bryony', surname: 'Cole' });
  const callum = await t.entity('S3', 'Subject', { forename: 'Callum', surname: 'Reed' });
  const phoneA = await t.entity('P1', 'Phone', { number: '07700900501' });
  const phoneB = await t.entity('P2', 'Phone', { number: '07700900502' });
  const meeting = await t.entity('E1', 'Event', { eventType: 'Meeting', date: '2024-03-05' }, {}, 'Meeting at Harbour Café');
  const assault = await t.entity('E2', 'Event', { eventType: 'Assault', date: '2024-03-05' }, {}, 'Assault on Dock Road');
  const r1 = await t.entity('R1', 'IntelligenceReport', {
    text: 'Marsh and Cole arranged to meet at the harbour.', sourceEvaluation: '2', intelAssessment: 'B', eventDate: '2024-02-20',
  }, {}, 'Report: Marsh and Cole meet');
  const r2 = await t.entity('R2', 'IntelligenceReport', { text: 'Reed keeps company with dock workers.', sourceEvaluation: '3', intelAssessment: 'C' }, {}, 'Report: Reed’s associates');
  await t.link(aiden, 'USES_PHONE', phoneA);
  await t.link(bryony, 'USES_PHONE', phoneB);
  const assoc = await t.link(aiden, 'ASSOCIATE_OF', callum, { from: '2023-11-01' });
  const calls = await t.link(phoneA, 'CALLS', phoneB, { from: '2024-03-01', to: '2024-03-20', count: 14 });
  for (const s of [aiden, bryony, callum]) await t.link(s, 'INVOLVED_IN', meeting);
  await t.link(callum, 'INVOLVED_IN', assault);
  await t.link(r1, 'MENTIONS', aiden);
  await t.link(r1, 'MENTIONS', bryony);
  await t.link(r2, 'MENTIONS', callum);
  await t.user('analyst', 'ANALYST', { agency: `${t.prefix}-AG1` });
  analyst = `${t.prefix}.analyst`;
  ids = { aiden, bryony, callum, phoneA, phoneB, meeting, assault, r1, r2, assoc, calls };
  page = await app.newPage();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

const ws = <T>(fn: string, arg?: unknown) => page.evaluate(`(${fn})(window.__workspace, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
const selection = () => ws<string[]>('w => [...w.getState().selection].sort()');
const cySelected = () => page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.$(':selected').map((e) => e.id()).sort());

/** The drawn marks, left to right: item id, x and the lines each spans. */
async function marks(): Promise<{ id: string; x: number; lanes: string; cls: string }[]> {
  const all = await page.locator('[data-testid^="sequence-item-"][data-x]').evaluateAll((els) => els.map((e) => ({
    id: e.getAttribute('data-item')!, x: Number(e.getAttribute('data-x')), lanes: e.getAttribute('data-lanes')!, cls: e.getAttribute('class')!,
  })));
  return all.sort((a, b) => a.x - b.x);
}
const lanes = () => page.locator('[data-testid^="sequence-lane-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('sequence-lane-'.length)));

describe('the sequence view beside the network', () => {
  it('opens below the chart on the selected entities, one line each, the chart still in view', async () => {
    await signIn(page, app.t.url, analyst);
    await ws('(w, a) => w.add(a)', [ids.aiden, ids.bryony, ids.callum, ids.phoneA, ids.phoneB]);
    await settled(page);
    await ws('(w, a) => w.select(a)', [ids.aiden, ids.bryony, ids.callum, ids.phoneA, ids.phoneB]);
    await page.getByTestId('toolbar-sequence').click();
    await page.getByTestId('sequence-svg').waitFor();
    await page.getByTestId('sequence-loading').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(async () => (await marks()).length, { timeout: 30_000 }).toBe(5);
    expect(await lanes()).toEqual([ids.aiden, ids.bryony, ids.callum, ids.phoneA, ids.phoneB]);
    expect(await page.getByTestId('sequence-source').textContent()).toBe('5 lines: the selected entities');
    // Docked, not a dialog: the chart keeps its place above it.
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    const chart = (await page.getByTestId('chart-canvas').boundingBox())!;
    const seq = (await page.getByTestId('sequence').boundingBox())!;
    expect(chart.height).toBeGreaterThan(150);
    expect(seq.y).toBeGreaterThanOrEqual(chart.y + chart.height - 1);
    // The toolbar still fits a laptop screen with its new button.
    const bar = await page.getByRole('toolbar', { name: 'Chart tools' }).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(bar.scroll).toBeLessThanOrEqual(bar.client);
  });

  it('places the items in date order, an event with several people as one mark across their lines, same-day items apart', async () => {
    const m = await marks();
    expect(m.map((x) => x.id)).toEqual([ids.assoc, ids.r1, ids.calls, ids.meeting, ids.assault]);
    const byId = Object.fromEntries(m.map((x) => [x.id, x]));
    expect(byId[ids.meeting]!.lanes).toBe('0 1 2'); // Aiden, Bryony and Callum joined by one mark
    expect(byId[ids.calls]!.lanes).toBe('3 4'); // the two phones
    expect(byId[ids.r1]!.lanes).toBe('0 1');
    expect(byId[ids.assault]!.lanes).toBe('2');
    // Same day as the meeting, on a line the meeting's mark holds: beside it, not on top of it.
    expect(byId[ids.assault]!.x).toBeGreaterThanOrEqual(byId[ids.meeting]!.x + 150);
    // The undated report is listed apart, not dropped.
    expect(await page.getByTestId(`sequence-undated-${ids.r2}`).textContent()).toContain('Report: Report: Reed’s associates');
    // A label per item (type and short title), the full details on hover, UK dates on the axis.
    const meeting = page.getByTestId(`sequence-item-${ids.meeting}`);
    expect(await meeting.locator('.pill-type').textContent()).toBe('Event · 05/03/2024');
    expect(await meeting.locator('.pill-title').textContent()).toBe('Meeting at Harbour…');
    expect(await meeting.locator('title').textContent()).toBe('Event: Meeting at Harbour Café\nDate: 05/03/2024\nInvolves: Aiden Marsh, Bryony Cole, Callum Reed');
    expect(await page.getByTestId(`sequence-item-${ids.calls}`).locator('.pill-type').textContent()).toBe('Calls · 01/03/2024');
    const ticks = await page.getByTestId('sequence-tick').allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    // Days as dd/mm/yyyy, months by name and year, years alone: as the width allows.
    for (const t of ticks) expect(t).toMatch(/^(\d{2}\/\d{2}\/\d{4}|[A-Z][a-z]{2} \d{4}|\d{4})$/);
  });

  it('selecting an item selects its entities on the network and shows it in the details panel', async () => {
    await page.getByTestId(`sequence-item-${ids.meeting}`).locator('rect.pill').click();
    await expect.poll(selection).toEqual([ids.aiden, ids.bryony, ids.callum].sort());
    await expect.poll(cySelected).toEqual([ids.aiden, ids.bryony, ids.callum].sort());
    const details = page.getByTestId('sequence-item-details');
    await details.waitFor();
    expect(await details.getByTestId('details-title').textContent()).toBe('Meeting at Harbour Café');
    expect(await page.getByTestId('sequence-item-subtitle').textContent()).toContain('05/03/2024');
    expect(await page.getByTestId('sequence-item-entities').textContent()).toBe('Aiden MarshBryony ColeCallum Reed');
    await expect.poll(() => details.getByTestId('props').textContent()).toContain('Meeting');
    expect(await page.getByTestId(`sequence-item-${ids.meeting}`).getAttribute('class')).toContain('focus');

    // A call: both phones and the link itself are selected on the chart; its count is in the details.
    await page.getByTestId(`sequence-item-${ids.calls}`).locator('rect.pill').click();
    await expect.poll(cySelected).toEqual([ids.phoneA, ids.phoneB, ids.calls].sort());
    await expect.poll(() => page.getByTestId('link-count').textContent()).toBe('14 calls');
    await screenshotBoth(page, 'sequence-item-selected');
  });

  it('moves through the items with the keyboard and selects with Enter', async () => {
    await page.getByTestId(`sequence-item-${ids.r1}`).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => ws<string | null>('w => w.getState().sequence.focus')).toBe(ids.calls);
  });

  it('selecting on the network highlights that entity’s line and items', async () => {
    await page.keyboard.press('f'); // fit the chart to its (smaller) window
    await settled(page);
    const p = await nodeOnPage(page, ids.bryony);
    await page.mouse.click(p.x, p.y);
    await expect.poll(selection).toEqual([ids.bryony]);
    await expect.poll(() => page.getByTestId(`sequence-lane-${ids.bryony}`).getAttribute('data-highlighted')).toBe('true');
    expect(await page.getByTestId(`sequence-lane-${ids.aiden}`).getAttribute('data-highlighted')).toBe('false');
    const cls = Object.fromEntries((await marks()).map((x) => [x.id, x.cls.split(' ')]));
    for (const on of [ids.r1, ids.meeting]) expect(cls[on]).toContain('on');
    for (const off of [ids.assoc, ids.calls, ids.assault]) expect(cls[off]).toContain('dim');
    // The details panel is the chart's again.
    expect(await page.getByTestId('sequence-item-details').count()).toBe(0);
    expect(await page.getByTestId('details-title').textContent()).toBe('Bryony Cole');
    await screenshotBoth(page, 'sequence-highlight');
  });

  it('follows the chart’s time range and says how many items it leaves out', async () => {
    await ws('w => w.setTimeRange({ from: "2024-03-01", to: "2024-12-31" })');
    await expect.poll(async () => (await marks()).map((x) => x.id)).toEqual([ids.calls, ids.meeting, ids.assault]);
    expect(await page.getByTestId('sequence-range').textContent()).toBe('01/03/2024 – 31/12/2024 · 2 outside not shown');
    expect(await page.getByTestId(`sequence-undated-${ids.r2}`).count()).toBe(1); // undated items stay listed
    await ws('w => w.setTimeRange(null)');
    await expect.poll(async () => (await marks()).length).toBe(5);
  });

  it('with nothing selected, Use selection draws the chart’s entities; the view closes from its header', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(selection).toEqual([]);
    await ws('(w, a) => w.remove(a)', [ids.phoneB]);
    await page.getByTestId('sequence-use-selection').click();
    await expect.poll(() => page.getByTestId('sequence-source').textContent()).toBe('4 lines: the chart’s entities');
    expect((await lanes()).sort()).toEqual([ids.aiden, ids.bryony, ids.callum, ids.phoneA].sort());
    // The call still shows on the line of the phone left on the chart.
    await expect.poll(async () => (await marks()).find((x) => x.id === ids.calls)?.lanes).toBe(String((await lanes()).indexOf(ids.phoneA)));
    await screenshotBoth(page, 'sequence-chart-entities');
    await page.getByTestId('sequence-close').click();
    expect(await page.getByTestId('sequence').count()).toBe(0);
    expect(await page.getByTestId('toolbar-sequence').getAttribute('aria-pressed')).toBe('false');
  });
});
