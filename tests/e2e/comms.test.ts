import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartCounts, screenshot, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * Weighted links and communications data in a real browser: link width by count, the weighting
 * choice of the network analysis, and the Communications dialog (import through a saved column
 * mapping, then an analysis of the imported calls).
 *
 * The weighted network (Subjects, ASSOCIATE_OF; ids carry the file's prefix):
 *
 *   clique {A1 A2 A3 A4} ─ A2 ─ Yale ─ B2 ─ clique {B1 B2 B3 B4}        one meeting per link
 *                          A1 ─ Xan ─ Xeno ─ B1                           40 meetings per link
 *
 * Unweighted, the short route through Yale carries the traffic between the cliques and Yale is a
 * top broker; with counts as strength (length 1/40 per heavy link) the long heavy route is the
 * shorter, Xan and Xeno lead betweenness and Yale drops out of the top.
 */
let app: BrowserApp;
let page: Page;
let officer: string;
let yale: string;
let xan: string;
let xeno: string;
let heavyIds: string[];
let phoneA: string;
let callsOne: string;
let callsFifty: string;

interface Ws {
  add(ids: string[]): Promise<string[]>;
  select(ids: string[]): void;
  clear(): void;
  search(text: string, opts?: { types?: string[] }): Promise<{ entity: { id: string; label: string } }[]>;
  getState(): { metrics: Map<string, { betweenness: number; strength?: number }> | null; analysis: { weighting: string } | null; activity: string[] };
}
const ws = <T>(fn: string, arg?: unknown) => page.evaluate(`(${fn})(window.__workspace, ${JSON.stringify(arg ?? null)})`) as Promise<T>;

/** Digits unique to this run, so imported phone numbers and VRMs are this file's own. */
const digits = (hex: string) => [...hex].map((c) => String(parseInt(c, 16) % 10)).join('');

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  const person = (id: string, forename: string, surname: string) => t.entity(id, 'Subject', { forename, surname });
  const a = [await person('A1', 'Abel', 'Arden'), await person('A2', 'Ada', 'Ashby'), await person('A3', 'Alf', 'Amory'), await person('A4', 'Ann', 'Aske')];
  const b = [await person('B1', 'Ben', 'Barrow'), await person('B2', 'Bea', 'Brough'), await person('B3', 'Bob', 'Bantry'), await person('B4', 'Bree', 'Bolt')];
  yale = await person('Y', 'Yale', 'Yarwood');
  xan = await person('X1', 'Xan', 'Exley');
  xeno = await person('X2', 'Xeno', 'Exton');
  const clique = async (ids: string[]) => {
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) await t.link(ids[i]!, 'ASSOCIATE_OF', ids[j]!, { count: 1 });
  };
  await clique(a);
  await clique(b);
  await t.link(a[1]!, 'ASSOCIATE_OF', yale, { count: 1 });
  await t.link(yale, 'ASSOCIATE_OF', b[1]!, { count: 1 });
  await t.link(a[0]!, 'ASSOCIATE_OF', xan, { count: 40 });
  await t.link(xan, 'ASSOCIATE_OF', xeno, { count: 40 });
  await t.link(xeno, 'ASSOCIATE_OF', b[0]!, { count: 40 });
  heavyIds = [...a, ...b, yale, xan, xeno];

  // Three phones: one call A -> B, fifty calls A -> C.
  const n = digits(t.prefix.slice(1));
  phoneA = await t.entity('PA', 'Phone', { number: `0770${n}1` });
  const phoneB = await t.entity('PB', 'Phone', { number: `0770${n}2` });
  const phoneC = await t.entity('PC', 'Phone', { number: `0770${n}3` });
  callsOne = await t.link(phoneA, 'CALLS', phoneB, { count: 1, totalDuration: 40, firstSeen: '2024-03-01T09:15:00Z', lastSeen: '2024-03-01T09:15:00Z' });
  callsFifty = await t.link(phoneA, 'CALLS', phoneC, { count: 50, totalDuration: 3725, firstSeen: '2024-03-01T09:15:00Z', lastSeen: '2024-06-30T17:40:00Z' });

  await t.user('officer', 'INTEL_OFFICER');
  officer = `${t.prefix}.officer`;
  page = await app.newPage();
  await signIn(page, t.url, officer);
}, 300_000);

afterAll(async () => {
  await app?.close();
});

type Row = { id: string; betweenness: number };
const topRows = () => page.getByTestId('analysis-top-row').evaluateAll((els) => els.map((el) => ({
  id: el.getAttribute('data-id')!, betweenness: Number(el.getAttribute('data-betweenness')),
}))) as Promise<Row[]>;

describe('weighted links on the chart', () => {
  it('the network analysis with counts as strength names another broker than the unweighted one, and says which it used', async () => {
    await ws('(w, ids) => w.add(ids)', heavyIds);
    await settled(page);
    expect((await chartCounts(page)).nodes).toBe(heavyIds.length);

    // Unweighted (the default): the short route's Yale is among the top brokers, the heavy route's are not.
    expect(await page.getByTestId('metrics-weighting').inputValue()).toBe('NONE');
    await page.getByTestId('analyse').click();
    await page.locator('[data-testid="analysis-summary"][data-weighting="NONE"]').waitFor();
    await settled(page);
    expect(await page.getByTestId('analysis-weighting').textContent()).toBe('Unweighted');
    const plain = await topRows();
    expect(plain.map((r) => r.id)).toContain(yale);
    expect(plain.map((r) => r.id)).not.toContain(xan);
    const plainM = await ws<Record<string, number>>('(w) => Object.fromEntries([...w.getState().metrics].map(([id, m]) => [id, m.betweenness]))');
    expect(plainM[yale]).toBeGreaterThan(plainM[xan]!);
    await screenshot(page, 'comms-01-metrics-unweighted');

    // Counts as strength: choosing it runs the analysis again; the heavy route leads.
    await page.getByTestId('metrics-weighting').selectOption('COUNT_AS_STRENGTH');
    await page.locator('[data-testid="analysis-summary"][data-weighting="COUNT_AS_STRENGTH"]').waitFor();
    await settled(page);
    expect(await page.getByTestId('analysis-weighting').textContent()).toBe('Count as strength (more calls = closer)');
    const strong = await topRows();
    expect(new Set(strong.slice(0, 2).map((r) => r.id))).toEqual(new Set([xan, xeno]));
    expect(strong.map((r) => r.id)).not.toContain(yale);
    const strongM = await ws<Record<string, number>>('(w) => Object.fromEntries([...w.getState().metrics].map(([id, m]) => [id, m.betweenness]))');
    expect(strongM[xan]).toBeGreaterThan(strongM[yale]!);

    // The details of Xan give strength (weighted degree) beside degree, and the weighting used.
    await ws('(w, id) => w.select([id])', xan);
    await page.getByTestId('metrics').waitFor();
    expect(await page.getByTestId('metric-degree').textContent()).toBe('2');
    expect(await page.getByTestId('metric-strength').textContent()).toBe('80');
    expect(await page.getByTestId('metric-weighting').textContent()).toBe('Count as strength (more calls = closer)');
    await screenshot(page, 'comms-02-metrics-strength');

    // Back to unweighted: strength equals degree again.
    await page.getByTestId('metrics-weighting').selectOption('NONE');
    await page.locator('[data-testid="analysis-summary"][data-weighting="NONE"]').waitFor();
    expect(await page.getByTestId('metric-strength').textContent()).toBe('2');
  });

  it('draws a link of fifty calls wider than a link of one, and tells its count, duration and dates in UK form', async () => {
    await ws('(w) => w.clear()');
    await ws('(w, ids) => w.add(ids)', [phoneA]);
    await ws('(w, id) => w.expand([id])', phoneA);
    await settled(page);
    const widths = await page.evaluate(([one, fifty]) => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      const w = (id: string) => parseFloat(cy.getElementById(id).style('width'));
      return { one: w(one!), fifty: w(fifty!) };
    }, [callsOne, callsFifty]);
    expect(widths.one).toBeCloseTo(1.6, 1);
    expect(widths.fifty).toBeGreaterThan(widths.one * 3);
    const legend = await page.getByTestId('legend-count-width').textContent();
    expect(legend).toContain('Link width: number of calls/meetings/sightings');

    // Hover: the canvas's tooltip.
    const title = await page.evaluate((id) => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      cy.getElementById(id).emit('mouseover');
      return cy.container()!.title;
    }, callsFifty);
    expect(title).toBe('Calls: 50 calls · total 1 h 02 min · first 01/03/2024 09:15 · last 30/06/2024 18:40');

    // Details: count, total duration, first and last seen (UK time: 17:40 UTC in June is 18:40 BST).
    await ws('(w, id) => w.select([id])', callsFifty);
    await page.getByTestId('link-evidence').waitFor();
    expect(await page.getByTestId('link-count').textContent()).toBe('50 calls');
    expect(await page.getByTestId('link-duration').textContent()).toBe('1 h 02 min');
    expect(await page.getByTestId('link-first-seen').textContent()).toBe('01/03/2024 09:15');
    expect(await page.getByTestId('link-last-seen').textContent()).toBe('30/06/2024 18:40');
    await screenshot(page, 'comms-03-link-width');
  });
});

describe('the Communications dialog', () => {
  let mappingName: string;
  let numbers: string[];

  it('imports a tab-separated call file with odd headers through a mapping adjusted and saved by name', async () => {
    const n = digits(app.t.prefix.slice(1));
    numbers = [`0771${n}1`, `0771${n}2`, `0771${n}3`];
    const [p1, p2, p3] = numbers;
    // Separate date (UK) and time columns, durations as H:MM:SS, headers no supplier agrees on.
    const tsv = [
      ['Orig MSISDN', 'Term Party', 'Evt Date', 'Evt Clock', 'Dur', 'Site Ref'].join('\t'),
      [p1, p2, '01/03/2024', '09:15:00', '0:01:40', 'CELL-1'].join('\t'),
      [p1, p2, '01/03/2024', '11:00:00', '0:00:20', 'CELL-1'].join('\t'),
      [p2, p1, '02/03/2024', '08:05:00', '0:02:00', 'CELL-2'].join('\t'),
      [p1, p3, '02/03/2024', '19:30:00', '0:00:45', 'CELL-2'].join('\t'),
      [p1, '', '03/03/2024', '10:00:00', '0:00:10', 'CELL-1'].join('\t'),
    ].join('\n') + '\n';

    await page.getByTestId('open-comms').click();
    await page.getByTestId('comms-dialog').waitFor();
    await page.getByTestId('comms-tab-import').click();
    await page.getByTestId('comms-kind').selectOption('CALLS');
    await page.getByTestId('comms-file').setInputFiles({ name: 'carrier-x.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(tsv) });
    const preview = page.getByTestId('comms-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-delimiter')).toBe('\t');
    expect(await page.getByTestId('comms-delimiter').textContent()).toContain('tab separated, 6 columns');
    expect(await preview.locator('th').allTextContents()).toEqual(['Orig MSISDN', 'Term Party', 'Evt Date', 'Evt Clock', 'Dur', 'Site Ref']);
    expect(await preview.locator('tbody tr').count()).toBe(5);

    // The odd headers leave the required fields unmapped until the user maps them.
    await page.getByTestId('comms-mapping').waitFor();
    await page.getByTestId('comms-map-caller').selectOption('Orig MSISDN');
    await page.getByTestId('comms-map-callee').selectOption('Term Party');
    await page.getByTestId('comms-map-start').selectOption('Evt Date');
    await page.getByTestId('comms-map-start-join').selectOption('Evt Clock');
    await page.getByTestId('comms-map-duration').selectOption('Dur');
    await page.getByTestId('comms-map-cellSite').selectOption('Site Ref');
    await page.getByTestId('comms-date-format').selectOption('DD/MM/YYYY');
    await page.getByTestId('comms-time-zone').selectOption('Europe/London');
    expect(await page.getByTestId('comms-missing').count()).toBe(0);
    // Nothing can be checked before the mapping is saved.
    expect(await page.getByTestId('comms-check').isDisabled()).toBe(true);
    mappingName = `${app.t.prefix} Carrier X calls`;
    await page.getByTestId('comms-mapping-name').fill(mappingName);
    await page.getByTestId('comms-save-mapping').click();
    await page.getByTestId('comms-saved-as').waitFor();
    expect(await page.getByTestId('comms-saved-as').textContent()).toContain(mappingName);

    // The check: one row without a callee is rejected, by line; nothing written.
    await page.getByTestId('comms-check').click();
    const result = page.getByTestId('comms-result');
    await page.locator('[data-testid="comms-result"][data-dry-run="true"]').waitFor();
    expect(await result.getAttribute('data-read')).toBe('5');
    expect(await result.getAttribute('data-accepted')).toBe('4');
    expect(await result.getAttribute('data-rejected')).toBe('1');
    expect(await result.getAttribute('data-written')).toBe('false');
    const errors = await page.getByTestId('comms-error-row').allTextContents();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^6/); // the header is line 1
    await screenshot(page, 'comms-04-import-check');
    // A rejected row blocks the import unless the good rows are kept.
    expect(await page.getByTestId('comms-import-run').isDisabled()).toBe(true);
    await page.getByTestId('comms-keep-good').check();
    await page.getByTestId('comms-import-run').click();
    await page.locator('[data-testid="comms-result"][data-dry-run="false"]').waitFor();
    expect(await result.getAttribute('data-written')).toBe('true');
    expect(await result.getAttribute('data-accepted')).toBe('4');
    expect(await result.getAttribute('data-records-created')).toBe('4');
    // Three phones and two cell sites; calls aggregate into three CALLS links (p1->p2, p2->p1, p1->p3) plus cell-site use.
    expect(Number(await result.getAttribute('data-entities-created'))).toBeGreaterThanOrEqual(3);
    expect(Number(await result.getAttribute('data-links-written'))).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'comms-05-imported');

    // The saved mapping is offered next time.
    await page.getByTestId('comms-close').click();
    await page.getByTestId('open-comms').click();
    await page.getByTestId('comms-tab-import').click();
    const saved = page.getByTestId('comms-saved-mapping');
    await saved.waitFor();
    expect(await saved.locator('option').allTextContents()).toContain(mappingName);
    await page.getByTestId('comms-close').click();
  });

  it('runs call frequency on the selected phones: the calls drawn on the chart and tabled with UK dates, exportable as CSV', async () => {
    const [p1, p2, p3] = numbers;
    const idOf = async (number: string) => {
      const hits = await ws<{ entity: { id: string; label: string; type: string } }[]>('(w, q) => w.search(q, { types: ["Phone"] })', number);
      const hit = hits.find((h) => h.entity.label === number);
      if (!hit) throw new Error(`phone ${number} not found`);
      return hit.entity.id;
    };
    const ids = [await idOf(p1!), await idOf(p2!)];
    await ws('(w) => w.clear()');
    await ws('(w, ids) => w.add(ids)', ids);
    await settled(page);
    await ws('(w, ids) => w.select(ids)', ids);
    await page.getByTestId('open-comms').click();
    await page.getByTestId('comms-analysis').selectOption('callFrequency');
    expect(await page.getByTestId('comms-selected').getAttribute('data-count')).toBe('2');
    await page.getByTestId('comms-from').fill('01/03/2024');
    await page.getByTestId('comms-to').fill('02/03/2024');
    await page.getByTestId('comms-run').click();
    await page.getByTestId('comms-analysis-result').waitFor();
    const rows = await page.getByTestId('comms-table-row').evaluateAll((els) => els.map((el) => [...el.querySelectorAll('td')].map((td) => td.textContent)));
    // p1 -> p2 twice on the 1st (first 09:15, last 11:00 UK time), p2 -> p1 once; p1 -> p3 once.
    const p1p2 = rows.find((r) => r[0] === p1 && r[1] === p2)!;
    expect(p1p2).toBeTruthy();
    expect(p1p2[2]).toBe('2');
    expect(p1p2[5]).toBe('01/03/2024 09:15');
    expect(p1p2[6]).toBe('01/03/2024 11:00');
    expect(rows.find((r) => r[0] === p2 && r[1] === p1)?.[2]).toBe('1');
    expect(rows.some((r) => r[1] === p3)).toBe(true);
    // The slice is on the chart: the third phone and the calls joining them.
    await settled(page);
    const p3id = await idOf(p3!);
    const drawn = await page.evaluate((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).length, p3id);
    expect(drawn).toBe(1);
    expect((await chartCounts(page)).edges).toBeGreaterThanOrEqual(3);
    // Export CSV: the same rows.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('comms-table-export').click()]);
    const csv = await (await dl.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(dl.suggestedFilename()).toMatch(/^call-frequency-\d{12}\.csv$/);
    expect(csv.split('\r\n')[0]).toBe('Caller,Callee,Calls,Total duration,Total seconds,First call,Last call');
    expect(csv).toContain(`${p1},${p2},2,2 min 00 s,120,01/03/2024 09:15,01/03/2024 11:00`);
    await screenshot(page, 'comms-06-call-frequency');
    await page.getByTestId('comms-close').click();
  });

  it('imports ANPR reads with the suggested mapping and finds the convoy following the selected vehicle, not the car seen once', async () => {
    const n = digits(app.t.prefix.slice(1)).slice(0, 5);
    const [lead, follower, passer] = [`Q${n}A`, `Q${n}B`, `Q${n}C`];
    const rows = ['Plate,Camera,Read Time,Direction'];
    // The follower two minutes behind the lead at four cameras; the passer once, at the first.
    for (const [i, cam] of ['M1-J10', 'M1-J11', 'M1-J12', 'M1-J13'].entries()) {
      const at = (min: number) => `2024-04-02T10:${String(i * 10 + min).padStart(2, '0')}:00Z`;
      rows.push(`${lead},${cam},${at(0)},N`, `${follower},${cam},${at(2)},N`);
    }
    rows.push(`${passer},M1-J10,2024-04-02T10:01:00Z,N`);
    await page.getByTestId('open-comms').click();
    await page.getByTestId('comms-tab-import').click();
    await page.getByTestId('comms-kind').selectOption('ANPR');
    await page.getByTestId('comms-file').setInputFiles({ name: 'anpr.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.getByTestId('comms-mapping').waitFor();
    // Headers named as the national system names them: the suggested mapping needs no change.
    expect(await page.getByTestId('comms-map-vrm').inputValue()).toBe('Plate');
    expect(await page.getByTestId('comms-map-camera').inputValue()).toBe('Camera');
    expect(await page.getByTestId('comms-map-time').inputValue()).toBe('Read Time');
    expect(await page.getByTestId('comms-missing').count()).toBe(0);
    await page.getByTestId('comms-mapping-name').fill(`${app.t.prefix} ANPR`);
    await page.getByTestId('comms-save-mapping').click();
    await page.getByTestId('comms-saved-as').waitFor();
    await page.getByTestId('comms-check').click();
    await page.locator('[data-testid="comms-result"][data-dry-run="true"]').waitFor();
    expect(await page.getByTestId('comms-result').getAttribute('data-accepted')).toBe('9');
    await page.getByTestId('comms-import-run').click();
    await page.locator('[data-testid="comms-result"][data-written="true"]').waitFor();
    await page.getByTestId('comms-close').click();

    const hits = await ws<{ entity: { id: string; label: string } }[]>('(w, q) => w.search(q, { types: ["Vehicle"] })', lead);
    const leadId = hits.find((h) => h.entity.label === lead)!.entity.id;
    await ws('(w) => w.clear()');
    await ws('(w, ids) => w.add(ids)', [leadId]);
    await settled(page);
    await ws('(w, ids) => w.select(ids)', [leadId]);
    await page.getByTestId('open-comms').click();
    await page.getByTestId('comms-analysis').selectOption('vehicleCoLocation');
    expect(await page.getByTestId('comms-minutes').inputValue()).toBe('5');
    expect(await page.getByTestId('comms-places').inputValue()).toBe('3');
    await page.getByTestId('comms-run').click();
    await page.locator('[data-testid="comms-analysis-result"][data-analysis="vehicleCoLocation"]').waitFor();
    const table = await page.getByTestId('comms-table-row').evaluateAll((els) => els.map((el) => [...el.querySelectorAll('td')].map((td) => td.textContent)));
    expect(table).toEqual([[lead, follower, '4', '4', 'Yes', lead, '2 min 00 s']]);
    expect(await page.getByTestId('comms-detail-table-row').count()).toBe(4);
    await settled(page);
    // The follower is on the chart now.
    const labels = await page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes().map((x) => x.data('label') as string));
    expect(labels).toContain(follower);
    expect(labels).not.toContain(passer);
    await screenshot(page, 'comms-07-convoy');
    await page.getByTestId('comms-close').click();
  });
});
