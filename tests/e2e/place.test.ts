import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { DEFAULT_HARM_TEMPLATE } from '../../server/domain/harm.js';
import { FORCE_OUTLINES, polygonJson } from '../../seed/geography.js';
import { nodeOnPage, screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * The map of places beside the chart, in a real browser, on a hand-built world in the West
 * Midlands: Lorcan lives at a Digbeth address and drives a car read by an ANPR camera on the A38;
 * his associate Dana lives in Coventry and uses a phone seen on a mast near Meriden; Owen, Dana's
 * associate, has no place. The agency's force areas are the seed's outlines, so the map and the
 * impact map are drawn over realistic boundaries.
 */
let app: BrowserApp;
let page: Page;
const ids: Record<string, string> = {};

const ws = <T>(fn: string) => page.evaluate(`(${fn})(window.__workspace)`) as Promise<T>;
const attr = (testid: string, name: string) => page.getByTestId(testid).getAttribute(name);
/** The boundary control of the map of places (the impact map has its own). */
const inMap = (testid: string) => page.getByTestId('place-map').getByTestId(testid);
const cySelected = () => page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.$(':selected').map((e) => e.id()).sort());
const FORCES = [['WMP', 'West Midlands'], ['GMP', 'Greater Manchester'], ['MER', 'Merseyside'], ['WYP', 'West Yorkshire']] as const;

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  const AG1 = `${t.prefix}-AG1`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  for (const [code, name] of FORCES) {
    ids[code] = await t.entity(`F-${code}`, 'Area', { kind: 'FORCE', boundary: polygonJson(FORCE_OUTLINES[code]!) }, {}, name);
    await t.link(AG1, 'RESPONSIBLE_FOR', ids[code]!);
  }
  ids.L1 = await t.entity('L1', 'Location', { address: '14 Bradford Street, Digbeth', postcode: 'B12 0NS', lat: 52.4735, lon: -1.889 }, {}, '14 Bradford Street');
  ids.L2 = await t.entity('L2', 'Location', { address: '3 Far Gosford Street, Coventry', postcode: 'CV1 5DZ', lat: 52.4068, lon: -1.4986 }, {}, '3 Far Gosford Street');
  ids.C1 = await t.entity('C1', 'Camera', { cameraId: 'WMP-ANPR-A38', lat: 52.5196, lon: -1.8458, road: 'A38 Tyburn Road' });
  ids.M1 = await t.entity('M1', 'CellSite', { cellId: '234-15-1001-20001', name: 'Meriden mast', lat: 52.4371, lon: -1.6458 });
  ids.S1 = await t.entity('S1', 'Subject', { forename: 'Lorcan', surname: 'Vexley' });
  ids.S2 = await t.entity('S2', 'Subject', { forename: 'Dana', surname: 'Quarrie' });
  ids.S3 = await t.entity('S3', 'Subject', { forename: 'Owen', surname: 'Talbrook' });
  ids.V1 = await t.entity('V1', 'Vehicle', { vrm: 'VX21 KLM', make: 'Audi', colour: 'Black' });
  ids.P1 = await t.entity('P1', 'Phone', { number: '07700900123' });
  ids.lives1 = await t.link(ids.S1, 'LIVES_AT', ids.L1);
  ids.lives2 = await t.link(ids.S2, 'LIVES_AT', ids.L2);
  ids.assoc = await t.link(ids.S1, 'ASSOCIATE_OF', ids.S2);
  ids.owen = await t.link(ids.S2, 'ASSOCIATE_OF', ids.S3);
  ids.drives = await t.link(ids.S1, 'USES_VEHICLE', ids.V1);
  ids.seen = await t.link(ids.V1, 'SEEN_AT', ids.C1);
  ids.uses = await t.link(ids.S2, 'USES_PHONE', ids.P1);
  ids.cell = await t.link(ids.P1, 'USED_CELL', ids.M1);

  // An impact recorded by the force, so the impact map shows a flow over the outlines.
  ids.O1 = await t.entity('O1', 'OCG', { status: 'ACTIVE', crimeTypes: ['DRUGS_SUPPLY'], leadAgency: AG1, leadArea: ids.WMP }, {}, 'Digbeth Crew');
  await t.link(ids.S1, 'MEMBER_OF', ids.O1, { role: 'PRINCIPAL' });
  const officer = await t.user('officer', 'INTEL_OFFICER');
  const answers = DEFAULT_HARM_TEMPLATE.criteria.map((c) => ({ criterion: c.id, value: Math.min(3, c.max) }));
  // A busy shared machine can stop the first write on a cold database: a stopped query wrote nothing, so it is asked again.
  let r = await t.gql('mutation($i:RecordImpactInput!){ recordImpact(input:$i){ id } }', { i: { ocgId: ids.O1, areaId: ids.GMP, answers } }, officer);
  for (let k = 0; k < 2 && r.errors?.[0]?.extensions?.code === 'QUERY_TIMEOUT'; k++) {
    r = await t.gql('mutation($i:RecordImpactInput!){ recordImpact(input:$i){ id } }', { i: { ocgId: ids.O1, areaId: ids.GMP, answers } }, officer);
  }
  expect(r.errors).toBeUndefined();
  await t.user('analyst', 'ANALYST');
  page = await app.newPage();
}, 300_000);

afterAll(async () => {
  if (!app) return;
  await app.t.db.write(cypher('MATCH (n) WHERE (n:HarmAssessment OR n:ImpactRecord) AND n.agency STARTS WITH $p DETACH DELETE n', { p: app.t.prefix }));
  await app.close();
});

const GOOD = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'Digbeth ward' }, geometry: { type: 'Polygon', coordinates: [[[-1.90, 52.465], [-1.87, 52.465], [-1.87, 52.482], [-1.90, 52.482], [-1.90, 52.465]]] } },
    { type: 'Feature', properties: { name: 'Coventry centre' }, geometry: { type: 'MultiPolygon', coordinates: [[[[-1.52, 52.40], [-1.48, 52.40], [-1.48, 52.42], [-1.52, 52.42], [-1.52, 52.40]]]] } },
  ],
}, null, 2);

describe('the map of places beside the chart', () => {
  it('draws the chart\u2019s places with a glyph per kind, over the force outlines, beside the chart', async () => {
    await signIn(page, app.t.url, `${app.t.prefix}.analyst`);
    const all = [ids.L1, ids.L2, ids.C1, ids.M1, ids.S1, ids.S2, ids.S3, ids.V1, ids.P1];
    await ws(`(w) => w.add(${JSON.stringify(all)})`);
    await settled(page);
    await page.getByTestId('toggle-place-map').click();
    await page.getByTestId('place-map').waitFor();
    await page.getByTestId(`place-point-${ids.L1}`).waitFor();

    // The chart is still shown, beside the map.
    const chart = await page.locator('.canvas-wrap').boundingBox();
    const map = await page.getByTestId('place-map').boundingBox();
    expect(chart!.width).toBeGreaterThan(300);
    expect(map!.x).toBeGreaterThanOrEqual(chart!.x + chart!.width - 1);

    expect(await attr(`place-point-${ids.L1}`, 'data-kind')).toBe('location');
    expect(await attr(`place-point-${ids.L2}`, 'data-kind')).toBe('location');
    expect(await attr(`place-point-${ids.C1}`, 'data-kind')).toBe('camera');
    expect(await attr(`place-point-${ids.M1}`, 'data-kind')).toBe('cellsite');
    expect(await page.locator('[data-testid^="place-point-"]').count()).toBe(4);
    // The glyphs differ: a circle, a square, a triangle.
    expect(await page.locator(`[data-testid="place-point-${ids.L1}"] > circle:not(.place-halo)`).count()).toBe(1);
    expect(await page.locator(`[data-testid="place-point-${ids.C1}"] > rect`).count()).toBe(1);
    expect(await page.locator(`[data-testid="place-point-${ids.M1}"] > path`).count()).toBe(1);

    // Geography: Coventry is east of Digbeth, the A38 camera north of it.
    const xy = async (id: string) => [Number(await attr(`place-point-${id}`, 'data-x')), Number(await attr(`place-point-${id}`, 'data-y'))];
    const [l1, l2, c1] = [await xy(ids.L1), await xy(ids.L2), await xy(ids.C1)];
    expect(l2[0]).toBeGreaterThan(l1[0]! + 50);
    expect(c1[1]).toBeLessThan(l1[1]!);
    // Fitted: every point inside the drawing.
    const svg = await page.getByTestId('place-svg').boundingBox();
    for (const [x, y] of [l1, l2, c1, await xy(ids.M1)]) {
      expect(x).toBeGreaterThan(0); expect(x).toBeLessThan(svg!.width);
      expect(y).toBeGreaterThan(0); expect(y).toBeLessThan(svg!.height);
    }
    // The force outlines the impact view reads are the background, and a scale bar in km.
    expect(await attr(`place-area-${ids.WMP}`, 'data-name')).toBe('West Midlands');
    expect(await page.getByTestId('place-scale-bar').getAttribute('data-km')).toMatch(/^\d+(\.\d+)?$/);
  });

  it('draws the chart\u2019s links between the places their ends are shown at, and counts entities without a place', async () => {
    const lines = await page.locator('[data-testid^="place-line-"]').evaluateAll((els) => els.map((e) => ({
      source: e.getAttribute('data-source'), target: e.getAttribute('data-target'), edges: e.getAttribute('data-edges')!.split(' '),
      x1: Number(e.getAttribute('x1')), y1: Number(e.getAttribute('y1')),
    })));
    const pair = (a: string, b: string) => [a, b].sort().join('|');
    expect(lines.map((l) => `${l.source}|${l.target}`).sort()).toEqual([pair(ids.L1!, ids.L2!), pair(ids.C1!, ids.L1!), pair(ids.L2!, ids.M1!)].sort());
    // Lorcan (at his address) associates with Dana (at hers); Lorcan drives the car the camera read; Dana uses the phone seen on the mast.
    expect(lines.find((l) => `${l.source}|${l.target}` === pair(ids.L1!, ids.L2!))!.edges).toEqual([ids.assoc]);
    expect(lines.find((l) => `${l.source}|${l.target}` === pair(ids.C1!, ids.L1!))!.edges).toEqual([ids.drives]);
    expect(lines.find((l) => `${l.source}|${l.target}` === pair(ids.L2!, ids.M1!))!.edges).toEqual([ids.uses]);
    // A line starts where its place is drawn.
    const first = lines.find((l) => l.source === ids.C1)!;
    expect(first.x1).toBeCloseTo(Number(await attr(`place-point-${ids.C1}`, 'data-x')), 0);

    // Lorcan, Dana, the car and the phone are shown through their places; Owen is counted, not dropped.
    expect(await attr(`place-point-${ids.L1}`, 'data-through')).toBe(ids.S1);
    expect(await attr(`place-point-${ids.C1}`, 'data-through')).toBe(ids.V1);
    expect(await attr('place-unplaced', 'data-through')).toBe('4');
    expect(await attr('place-unplaced', 'data-unplaced')).toBe('1');
    expect(await page.getByTestId('place-unplaced').locator('summary').textContent())
      .toBe('5 entities on the chart have no place: 4 shown through the places they are linked to; 1 not on the map.');
  });

  it('selection is shared both ways: map to chart, and chart to map', async () => {
    // Map to chart: a click on the Coventry address selects it on the chart.
    await page.getByTestId(`place-point-${ids.L2}`).click();
    await expect.poll(cySelected).toEqual([ids.L2]);
    expect(await page.getByTestId('details-title').textContent()).toBe('3 Far Gosford Street');
    expect(await attr(`place-point-${ids.L2}`, 'data-selected')).toBe('true');
    // Shift-click adds the camera.
    await page.getByTestId(`place-point-${ids.C1}`).click({ modifiers: ['Shift'] });
    await expect.poll(cySelected).toEqual([ids.C1, ids.L2].sort());
    // A line selects the links it stands for.
    const line = page.getByTestId(`place-line-${[ids.L1, ids.L2].sort().join('|')}`);
    const [x1, y1, x2, y2] = await Promise.all(['x1', 'y1', 'x2', 'y2'].map(async (a) => Number(await line.getAttribute(a))));
    const svg = (await page.getByTestId('place-svg').boundingBox())!;
    await page.mouse.click(svg.x + (x1! + x2!) / 2, svg.y + (y1! + y2!) / 2);
    await expect.poll(cySelected).toEqual([ids.assoc]);
    expect(await line.getAttribute('data-selected')).toBe('true');
    // An empty spot clears the selection.
    await page.mouse.click(svg.x + 6, svg.y + svg.height / 2);
    await expect.poll(cySelected).toEqual([]);

    // Chart to map: a click on Lorcan on the chart lights the address he is shown at.
    const at = await nodeOnPage(page, ids.S1!);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => ws<string[]>('(w) => [...w.getState().selection]')).toEqual([ids.S1]);
    await expect.poll(() => attr(`place-point-${ids.L1}`, 'data-via')).toBe('true');
    expect(await attr(`place-point-${ids.L2}`, 'data-via')).toBe('false');
    const camera = await nodeOnPage(page, ids.C1!);
    await page.mouse.click(camera.x, camera.y);
    await expect.poll(() => attr(`place-point-${ids.C1}`, 'data-selected')).toBe('true');
    expect(await attr(`place-point-${ids.L1}`, 'data-via')).toBe('false');
  });

  it('zooms, pans and fits again', async () => {
    const x = async () => Number(await attr(`place-point-${ids.L2}`, 'data-x'));
    const y = async () => Number(await attr(`place-point-${ids.L2}`, 'data-y'));
    const gap = async () => Number(await attr(`place-point-${ids.L2}`, 'data-x')) - Number(await attr(`place-point-${ids.L1}`, 'data-x'));
    const fitted = { x: await x(), gap: await gap(), km: Number(await attr('place-scale-bar', 'data-km')) };
    await page.getByTestId('place-zoom-in').click();
    await expect.poll(gap).toBeGreaterThan(fitted.gap * 1.4);
    // Wheel zoom out about the pointer.
    const svg = (await page.getByTestId('place-svg').boundingBox())!;
    await page.mouse.move(svg.x + svg.width / 2, svg.y + svg.height / 2);
    await page.mouse.wheel(0, 600);
    await expect.poll(gap).toBeLessThan(fitted.gap);
    await expect.poll(async () => Number(await attr('place-scale-bar', 'data-km'))).toBeGreaterThan(fitted.km);
    // Drag to pan.
    const before = { x: await x(), y: await y() };
    await page.mouse.move(svg.x + 20, svg.y + 40);
    await page.mouse.down();
    await page.mouse.move(svg.x + 80, svg.y + 70, { steps: 5 });
    await page.mouse.up();
    await expect.poll(x).toBeCloseTo(before.x + 60, 0);
    expect(await y()).toBeCloseTo(before.y + 30, 0);
    // Keys on the map are the map's: F fits the map, not the chart.
    await page.getByTestId('place-fit').click();
    await expect.poll(x).toBeCloseTo(fitted.x, 0);
    expect(await gap()).toBeCloseTo(fitted.gap, 0);
    await page.getByTestId('place-zoom-out').click();
    await expect.poll(gap).toBeLessThan(fitted.gap);
    await page.locator('.place-canvas').focus();
    await page.keyboard.press('f');
    await expect.poll(gap).toBeCloseTo(fitted.gap, 0);
  });

  it('screenshots of the map beside the chart', async () => {
    await page.getByTestId(`place-point-${ids.L1}`).click();
    await settled(page);
    const files = await screenshotBoth(page, 'place-map');
    expect(files).toHaveLength(2);
  });
});

describe('the user\u2019s own boundaries', () => {
  it('a GeoJSON file loaded through the file input is drawn on the map and kept in the browser until removed', async () => {
    await inMap('boundary-file-input').setInputFiles({ name: 'wards.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(GOOD) });
    await page.getByTestId('place-user-area-1').waitFor();
    expect(await attr('place-user-area-0', 'data-name')).toBe('Digbeth ward');
    expect(await attr('place-user-area-1', 'data-name')).toBe('Coventry centre');
    expect(await attr('boundary-loaded', 'data-count')).toBe('2');
    // Drawn where it belongs: the Digbeth ward outline surrounds the Digbeth address.
    const ward = (await page.getByTestId('place-user-area-0').boundingBox())!;
    const svg = (await page.getByTestId('place-svg').boundingBox())!;
    const [px, py] = [Number(await attr(`place-point-${ids.L1}`, 'data-x')) + svg.x, Number(await attr(`place-point-${ids.L1}`, 'data-y')) + svg.y];
    expect(px).toBeGreaterThan(ward.x); expect(px).toBeLessThan(ward.x + ward.width);
    expect(py).toBeGreaterThan(ward.y); expect(py).toBeLessThan(ward.y + ward.height);
    // Over the force outlines by default; instead of them on request.
    expect(await page.getByTestId(`place-area-${ids.WMP}`).count()).toBe(1);
    await inMap('boundary-mode').selectOption('instead');
    await expect.poll(() => page.getByTestId(`place-area-${ids.WMP}`).count()).toBe(0);
    await inMap('boundary-mode').selectOption('over');
    await page.getByTestId(`place-area-${ids.WMP}`).waitFor();
    // Nothing was sent: it is in this browser's storage, and still there after a reload.
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('intel-graph.user-boundaries')!).areas.length)).toBe(2);
    await page.reload();
    await page.getByTestId('place-map').waitFor();
    await page.getByTestId('place-user-area-1').waitFor();
    expect(await attr('place-user-area-0', 'data-name')).toBe('Digbeth ward');
  });

  it('the impact map draws the same boundaries over the seed\u2019s realistic force outlines', async () => {
    await page.getByTestId('open-impact').click();
    await page.getByTestId('impact-map').waitFor();
    await page.getByTestId(`impact-area-${ids.GMP}`).waitFor();
    for (const [code, name] of FORCES) expect(await attr(`impact-area-${ids[code]}`, 'data-name')).toBe(name);
    // Outlines, not rectangles: tens of vertices each.
    const vertices = (await attr(`impact-area-${ids.GMP}`, 'd'))!.match(/[ML]/g)!.length;
    expect(vertices).toBeGreaterThanOrEqual(30);
    expect(await attr(`impact-area-${ids.GMP}`, 'data-band')).not.toBe('none');
    expect(await page.locator('[data-testid^="impact-flow-"]').count()).toBe(1);
    expect(await attr('impact-user-area-0', 'data-name')).toBe('Digbeth ward');
    // Greater Manchester lies north of the West Midlands and shares no edge with it; Merseyside west of Greater Manchester.
    const box = async (code: string) => (await page.getByTestId(`impact-area-${ids[code]}`).boundingBox())!;
    const [wmp, gmp, mer, wyp] = [await box('WMP'), await box('GMP'), await box('MER'), await box('WYP')];
    expect(gmp.y + gmp.height).toBeLessThan(wmp.y);
    expect(mer.x).toBeLessThan(gmp.x);
    expect(wyp.x + wyp.width).toBeGreaterThan(gmp.x + gmp.width);
    await page.getByTestId('impact-map').getByTestId('boundary-remove').click();
    await expect.poll(() => page.getByTestId('impact-user-area-0').count()).toBe(0);
    await screenshotBoth(page, 'impact-map-outlines');
    await page.getByTestId('impact-close').click();
    await expect.poll(() => page.getByTestId('place-user-area-0').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('intel-graph.user-boundaries'))).toBeNull();
  });

  it('a bad file is refused with where and why, and nothing is kept', async () => {
    const bad = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Depot' }, geometry: { type: 'Point', coordinates: [-1.9, 52.48] } },
        { type: 'Feature', properties: { name: 'Grid' }, geometry: { type: 'Polygon', coordinates: [[[407000, 286000], [408000, 286000], [408000, 287000], [407000, 286000]]] } },
      ],
    }, null, 2);
    await inMap('boundary-file-input').setInputFiles({ name: 'depots.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(bad) });
    await inMap('boundary-errors').waitFor();
    const errors = await inMap('boundary-error').allTextContents();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^Feature 1 \(Depot\), line 4: Its geometry is a Point: only Polygon and MultiPolygon outlines can be drawn\.$/);
    expect(errors[1]).toMatch(/^Feature 2 \(Grid\), line \d+: Ring 1, position 1: \[407000, 286000\] is out of range/);
    expect(await inMap('boundary-errors').textContent()).toContain('depots.geojson was not loaded');
    await inMap('boundary-file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "type": "FeatureCollection",\n  "features": [,]\n}') });
    await expect.poll(() => inMap('boundary-error').allTextContents()).toEqual([expect.stringMatching(/^Line 3, column 16: Not valid JSON/)]);
    expect(await page.locator('[data-testid^="place-user-area-"]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('intel-graph.user-boundaries'))).toBeNull();
  });
});
