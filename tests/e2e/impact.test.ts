import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { DEFAULT_HARM_TEMPLATE } from '../../server/domain/harm.js';
import { screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * The partner's cross-boundary impact views in a real browser, on a hand-built world:
 * Force One (agency 1) leads two groups from its area; Force Three (agency 3) leads one from its
 * own. Force Two's partner liaison (agency 2) receives, by dissemination, the impact of
 * Northside Crew (band B) and Eastgate Network (band D) on Force Two's area. Quarry Lane Firm's
 * impact on the same area (band A) is recorded but not yet disseminated: the partner must not see
 * it, so the area shows band B, not A. Force One's area is the lead area of an impact shared with
 * the partner: administrative geography is public reference data, so it is drawn. Force Three holds
 * its area record above OFFICIAL (not plain reference data), so its group's flow starts off the map.
 */
let app: BrowserApp;
let page: Page;
let AG1: string, AG2: string, AG3: string;
const ids: Record<string, string> = {};
const recorded: Record<string, { id: string; harm: number; band: string }> = {};

const answers = (v: number) => DEFAULT_HARM_TEMPLATE.criteria.map((c) => ({ criterion: c.id, value: Math.min(v, c.max) }));
const square = (x: number, y: number) => JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
const RECORD = 'mutation($i:RecordImpactInput!){ recordImpact(input:$i){ id harm band } }';
const DISS = 'mutation($i:DisseminationInput!){ disseminate(input:$i){ id } }';
const baseDiss = { handling: 'P', purpose: 'Inform the affected force of OCG impact', lawfulBasis: 'DPA 2018 Part 3; common law policing purpose', sharingAgreement: 'Regional OCGM ISA 2025' };

async function recordImpact(token: string, ocgId: string, areaId: string, level: number, disseminateTo?: string) {
  const r = await app.t.gql(RECORD, { i: { ocgId, areaId, answers: answers(level) } }, token);
  expect(r.errors).toBeUndefined();
  const imp = r.data.recordImpact as { id: string; harm: number; band: string };
  if (disseminateTo) {
    const d = await app.t.gql(DISS, { i: { ...baseDiss, recipientAgency: disseminateTo, impactId: imp.id, sanitisedText: 'An organised crime group led from another force impacts your area.' } }, token);
    expect(d.errors).toBeUndefined();
  }
  return imp;
}

const cyHas = (id: string) => page.evaluate((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).length > 0, id);
const attr = (testid: string, name: string) => page.getByTestId(testid).getAttribute(name);

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  AG1 = `${t.prefix}-AG1`; AG2 = `${t.prefix}-AG2`; AG3 = `${t.prefix}-AG3`;
  const own = (a: string) => ({ agency: a });
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'FIB 1' }, own(AG1), 'Force One');
  await t.entity('AG2', 'Agency', { kind: 'POLICE', desk: 'FIB 2' }, own(AG2), 'Force Two');
  await t.entity('AG3', 'Agency', { kind: 'POLICE', desk: 'FIB 3' }, own(AG3), 'Force Three');
  await t.entity('AG4', 'Agency', { kind: 'POLICE', desk: 'FIB 4' }, own(`${t.prefix}-AG4`), 'Force Four');
  ids.F1 = await t.entity('F1', 'Area', { kind: 'FORCE', boundary: square(0, 50) }, own(AG1), 'Force One area');
  ids.F2 = await t.entity('F2', 'Area', { kind: 'FORCE', boundary: square(1, 50) }, own(AG2), 'Force Two area');
  ids.F3 = await t.entity('F3', 'Area', { kind: 'FORCE', boundary: square(2, 51) }, { ...own(AG3), classification: 'OFFICIAL-SENSITIVE' }, 'Force Three area');
  await t.link(AG1, 'RESPONSIBLE_FOR', ids.F1, {}, [], own(AG1));
  await t.link(AG2, 'RESPONSIBLE_FOR', ids.F2, {}, [], own(AG2));
  await t.link(AG3, 'RESPONSIBLE_FOR', ids.F3, {}, [], own(AG3));

  ids.O1 = await t.entity('O1', 'OCG', { status: 'ACTIVE', crimeTypes: ['DRUGS_SUPPLY', 'FIREARMS'], leadAgency: AG1, leadArea: ids.F1 }, own(AG1), 'Northside Crew');
  ids.O2 = await t.entity('O2', 'OCG', { status: 'ACTIVE', crimeTypes: ['FIREARMS'], leadAgency: AG1, leadArea: ids.F1 }, own(AG1), 'Quarry Lane Firm');
  ids.O3 = await t.entity('O3', 'OCG', { status: 'ACTIVE', crimeTypes: ['MODERN_SLAVERY'], leadAgency: AG3, leadArea: ids.F3 }, own(AG3), 'Eastgate Network');
  ids.S1 = await t.entity('S1', 'Subject', { forename: 'Dale', surname: 'Kerrigan' }, own(AG1));
  await t.link(ids.S1, 'MEMBER_OF', ids.O1, { role: 'PRINCIPAL' }, [], own(AG1));

  const officer1 = await t.user('officer1', 'INTEL_OFFICER', { agency: AG1 });
  const officer3 = await t.user('officer3', 'INTEL_OFFICER', { agency: AG3 });
  recorded.O1 = await recordImpact(officer1, ids.O1, ids.F2, 2, AG2);
  recorded.O2 = await recordImpact(officer1, ids.O2, ids.F2, 3); // recorded, not disseminated
  recorded.O3 = await recordImpact(officer3, ids.O3, ids.F2, 1, AG2);
  await t.user('partner', 'PARTNER_LIAISON', { agency: AG2, clearance: 'OFFICIAL-SENSITIVE' });
  await t.user('partner4', 'PARTNER_LIAISON', { agency: `${t.prefix}-AG4`, clearance: 'OFFICIAL-SENSITIVE' });
  await t.user('admin', 'ADMIN', { agency: AG2 });
  page = await app.newPage();
}, 300_000);

afterAll(async () => {
  if (!app) return;
  await app.t.db.write(cypher(
    'MATCH (n) WHERE (n:HarmAssessment OR n:ImpactRecord OR n:Dissemination) AND n.agency STARTS WITH $p DETACH DELETE n', { p: app.t.prefix },
  ));
  await app.close();
});

describe('cross-boundary impact for a partner, in a browser', () => {
  it('the data is what the views will be checked against', () => {
    expect(recorded.O1).toMatchObject({ harm: 50, band: 'B' });
    expect(recorded.O2).toMatchObject({ harm: 75, band: 'A' });
    expect(recorded.O3).toMatchObject({ harm: 25, band: 'D' });
  });

  it('the map colours the impacted area by the worst band the partner may see and leaves the others neutral', async () => {
    await signIn(page, app.t.url, `${app.t.prefix}.partner`);
    await page.getByTestId('open-impact').click();
    await page.getByTestId('impact-map').waitFor();
    await page.getByTestId(`impact-area-${ids.F2}`).waitFor();

    // Force Two's area: band B (Northside Crew), not A (Quarry Lane Firm's impact was not shared).
    expect(await attr(`impact-area-${ids.F2}`, 'data-band')).toBe('B');
    expect(await attr(`impact-area-${ids.F2}`, 'fill')).toBe(await attr('impact-legend-B', 'data-colour'));
    // Force One's area (another force's record) is drawn as public geography and, impacted by nothing the partner sees, neutral.
    expect(await attr(`impact-area-${ids.F1}`, 'data-band')).toBe('none');
    expect(await attr(`impact-area-${ids.F1}`, 'data-name')).toBe('Force One area');
    expect(await attr(`impact-area-${ids.F1}`, 'fill')).toBe(await attr('impact-legend-none', 'data-colour'));
    expect(await attr('impact-legend-B', 'data-colour')).not.toBe(await attr('impact-legend-none', 'data-colour'));
    // Force Three's area record is held above OFFICIAL: the partner may not see its boundary.
    expect(await page.getByTestId(`impact-area-${ids.F3}`).count()).toBe(0);
    expect(await page.getByTestId('impact-empty').count()).toBe(0);
  });

  it('draws a flow from the lead area to the impacted area for each group the partner may see, weighted by harm', async () => {
    const f1 = page.getByTestId(`impact-flow-${recorded.O1.id}`);
    expect(await f1.getAttribute('data-from')).toBe(ids.F1);
    expect(await f1.getAttribute('data-to')).toBe(ids.F2);
    expect(await f1.getAttribute('data-band')).toBe('B');
    expect(await f1.getAttribute('data-harm')).toBe('50');
    // The arrow starts inside Force One's area and ends inside Force Two's, as drawn.
    const geo = await page.evaluate(({ flow, from, to }) => {
      const box = (id: string) => (document.querySelector(`[data-testid="impact-area-${id}"]`) as SVGGraphicsElement).getBBox();
      const line = document.querySelector(`[data-testid="impact-flow-${flow}"] .impact-flow-line`) as SVGPathElement;
      const len = line.getTotalLength();
      const a = line.getPointAtLength(0), b = line.getPointAtLength(len);
      const inside = (p: DOMPoint, r: DOMRect) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
      return { starts: inside(a, box(from)), ends: inside(b, box(to)), width: Number(line.getAttribute('stroke-width')) };
    }, { flow: recorded.O1.id, from: ids.F1, to: ids.F2 });
    expect(geo).toMatchObject({ starts: true, ends: true });

    // Eastgate Network is led from Force Three's area, whose record the partner knows only as restricted: its flow starts off the map.
    const f3 = page.getByTestId(`impact-flow-${recorded.O3.id}`);
    const from3 = (await f3.getAttribute('data-from'))!;
    expect(from3).toMatch(/^restricted-/);
    expect(from3).not.toContain(app.t.prefix);
    expect(await f3.getAttribute('data-to')).toBe(ids.F2);
    expect(await page.getByTestId(`impact-origin-${from3}`).locator('.impact-origin-label').textContent()).toBe('Intelligence held by Force Three');
    const width3 = Number(await f3.locator('.impact-flow-line').getAttribute('stroke-width'));
    expect(width3).toBeLessThan(geo.width); // harm 25 draws thinner than harm 50

    // The undisseminated impact is nowhere on the page.
    expect(await page.locator(`[data-ocg="${ids.O2}"]`).count()).toBe(0);
    expect(await page.getByTestId('impact-view').textContent()).not.toContain('Quarry Lane Firm');
    expect(await page.locator('[data-testid^="impact-flow-"]').count()).toBe(2);
  });

  it('hovering an area lists the groups impacting it, worst first', async () => {
    await page.getByTestId(`impact-area-${ids.F2}`).hover();
    const info = page.getByTestId('impact-area-info');
    await info.waitFor();
    expect(await info.locator('h3').textContent()).toBe('Force Two area');
    const names = await info.locator('li .impact-ocg').allTextContents();
    expect(names).toEqual(['Northside Crew', 'Eastgate Network']);
    expect(await info.getByTestId(`impact-area-ocg-${ids.O1}`).textContent()).toContain('50');
    // A scale bar in kilometres, a round length.
    const bar = page.getByTestId('impact-scale-bar');
    expect(await bar.textContent()).toMatch(/^\d+(\.\d+)? km$/);
    expect(Number(await bar.getAttribute('data-km'))).toBeGreaterThan(0);
    // A resize moves the area from under the pointer: hovered again at each size, the card stays Force Two's.
    await screenshotBoth(page, 'impact-map', { each: () => page.getByTestId(`impact-area-${ids.F2}`).hover() });
    expect(await info.locator('h3').textContent()).toBe('Force Two area');
  });

  it('filters by band, crime type and status through the API', async () => {
    await page.getByTestId('impact-filter-band').selectOption('A');
    await page.getByTestId('impact-empty').waitFor();
    expect(await page.getByTestId('impact-empty').textContent()).toContain('No recorded impact matches these filters');
    await expect.poll(() => attr(`impact-area-${ids.F2}`, 'data-band')).toBe('none');

    await page.getByTestId('impact-filter-band').selectOption('');
    await page.getByTestId('impact-filter-crime').selectOption('MODERN_SLAVERY');
    await expect.poll(() => attr(`impact-area-${ids.F2}`, 'data-band')).toBe('D');
    expect(await page.locator('[data-testid^="impact-flow-"]').count()).toBe(1);
    expect(await page.getByTestId(`impact-flow-${recorded.O3.id}`).count()).toBe(1);

    await page.getByTestId('impact-filter-crime').selectOption('');
    await page.getByTestId('impact-filter-status').selectOption('OPEN');
    await page.getByTestId('impact-empty').waitFor(); // the partner sees no open impact: open ones are not shared yet
    await page.getByTestId('impact-filter-clear').click();
    await expect.poll(() => attr(`impact-area-${ids.F2}`, 'data-band')).toBe('B');
  });

  it('the matrix shows areas x groups with the recorded harm and band', async () => {
    await page.getByTestId('impact-tab-matrix').click();
    await page.getByTestId('impact-matrix').waitFor();
    const rows = page.locator('[data-testid^="matrix-row-"]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-testid')).toBe(`matrix-row-${ids.F2}`);
    expect(await rows.first().locator('th').textContent()).toBe('Force Two area');
    // Columns: worst impact first, the undisseminated group absent.
    const cols = await page.locator('[data-testid^="matrix-col-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(cols).toEqual([`matrix-col-${ids.O1}`, `matrix-col-${ids.O3}`]);
    expect(await page.getByTestId(`matrix-col-${ids.O2}`).count()).toBe(0);
    for (const o of ['O1', 'O3'] as const) {
      const cell = `matrix-cell-${ids.F2}-${ids[o]}`;
      expect(await attr(cell, 'data-band')).toBe(recorded[o]!.band);
      expect(await attr(cell, 'data-harm')).toBe(String(recorded[o]!.harm));
      expect(await page.getByTestId(`${cell}-harm`).textContent()).toBe(String(recorded[o]!.harm));
      expect(await page.getByTestId(`${cell}-band`).textContent()).toBe(recorded[o]!.band);
      expect(await attr(cell, 'data-status')).toBe('DISSEMINATED');
    }
    const colour = await page.getByTestId(`matrix-cell-${ids.F2}-${ids.O1}`).evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(colour).toBe('rgb(234, 88, 12)'); // band B: second of the scale
    expect(await page.getByTestId('matrix-col-' + ids.O1).textContent()).toContain('Drugs supply');
    expect(await page.getByTestId('impact-view').textContent()).not.toContain('Quarry Lane Firm');

    await page.getByTestId('matrix-columns').selectOption('name');
    const byName = await page.locator('[data-testid^="matrix-col-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(byName).toEqual([`matrix-col-${ids.O3}`, `matrix-col-${ids.O1}`]);
    await screenshotBoth(page, 'impact-matrix');
  });

  it('a group in the matrix opens in the chart, expanded, and the view closes', async () => {
    await page.getByTestId(`matrix-ocg-${ids.O1}`).click();
    await page.getByTestId('impact-view').waitFor({ state: 'detached' });
    await page.waitForFunction((id) => !!(window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).length, ids.O1);
    await settled(page);
    expect(await cyHas(ids.O1)).toBe(true);
    // Expanded: its member is another force's record, so the partner gets a restricted marker linked to it.
    await expect.poll(() => page.evaluate((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).neighborhood('node').length, ids.O1)).toBeGreaterThan(0);
    expect(await cyHas(ids.S1)).toBe(false);
    await screenshotBoth(page, 'impact-chart');
  });

  it('a group in the map\u2019s list opens in the chart too', async () => {
    await page.getByTestId('open-impact').click();
    await page.getByTestId(`impact-ocg-${ids.O3}`).click();
    await page.getByTestId('impact-view').waitFor({ state: 'detached' });
    await page.waitForFunction((id) => !!(window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).length, ids.O3);
    await settled(page);
    expect(await cyHas(ids.O1)).toBe(true);
    expect(await cyHas(ids.O2)).toBe(false);
  });

  it('a partner with no recorded impact is told so; a role that cannot read has no Impact button', async () => {
    const other = await app.newPage();
    await signIn(other, app.t.url, `${app.t.prefix}.partner4`);
    await other.getByTestId('open-impact').click();
    await other.getByTestId('impact-empty').waitFor();
    expect(await other.getByTestId('impact-empty').textContent()).toContain('No recorded impact on your area');
    expect(await other.locator('[data-testid^="impact-flow-"]').count()).toBe(0);
    await other.getByTestId('impact-tab-matrix').click();
    await other.getByTestId('impact-empty').waitFor();
    await other.keyboard.press('Escape');
    await other.getByTestId('impact-view').waitFor({ state: 'detached' });

    const admin = await app.newPage();
    await signIn(admin, app.t.url, `${app.t.prefix}.admin`);
    await admin.getByTestId('open-charts').waitFor();
    expect(await admin.getByTestId('open-impact').count()).toBe(0);
  });
});
