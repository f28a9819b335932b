import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * Reading a chart on a 1366x768 laptop: a network reached the way an analyst reaches it (search,
 * then expand twice) fills the canvas, its entity labels are big enough to read at the zoom that
 * fits it, and entities added together (as the gap overlay adds the ones a requirement names) are
 * placed clear of each other and of what is already drawn, labels included.
 */
let app: BrowserApp;
let page: Page;
let net: OcgNetwork;

beforeAll(async () => {
  app = await startBrowserApp();
  net = await seedOcgNetwork(app.t);
  page = await app.newPage();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

const SURNAMES = ['Harrow', 'Maddock', 'Penrose', 'Quillan', 'Strand', 'Tolliver', 'Ushant', 'Varga', 'Wickham', 'Yelland', 'Zennor', 'Abbott', 'Brannock', 'Cardew'];
const FORENAMES = ['Jordan', 'Casey', 'Morgan', 'Reece', 'Tyler', 'Jamie', 'Kieran', 'Leah', 'Shannon', 'Dylan', 'Connor', 'Aimee', 'Brandon', 'Chloe'];

interface OcgNetwork {
  ocg: string;
  members: string[];
  /** Entities a requirement names that are not in the network's two hops (the gap overlay adds them). */
  named: string[];
  analyst: string;
  manager: string;
}

/**
 * A hub-and-spoke organised crime group: 14 members round the group, each with a phone (the
 * phones call each other), every other one a vehicle, addresses shared in pairs, a few associates
 * outside the group and two events. Two hops from the group reach all of it (about 50 entities).
 */
async function seedOcgNetwork(t: TestApp): Promise<OcgNetwork> {
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  const ocg = await t.entity('OCG', 'OCG', { status: 'ACTIVE', crimeTypes: ['DRUGS_SUPPLY'] }, {}, 'Harrow Street Crew');
  const members: string[] = [];
  const phones: string[] = [];
  const addresses: string[] = [];
  for (let i = 0; i < SURNAMES.length; i++) {
    const m = await t.entity(`S${i}`, 'Subject', { forename: FORENAMES[i], surname: SURNAMES[i] });
    members.push(m);
    await t.link(m, 'MEMBER_OF', ocg, { role: i === 0 ? 'PRINCIPAL' : i < 4 ? 'SIGNIFICANT' : 'PERIPHERAL' });
    const phone = await t.entity(`P${i}`, 'Phone', { number: `0770090${String(1000 + i * 37)}` });
    phones.push(phone);
    await t.link(m, 'USES_PHONE', phone);
    if (i % 2 === 0) await t.link(m, 'USES_VEHICLE', await t.entity(`V${i}`, 'Vehicle', { vrm: `HS${10 + i} ${'KLMNPRSTVWXYZA'[i]}BC` }));
    if (i % 2 === 0) addresses.push(await t.entity(`L${i}`, 'Location', { address: `${i + 3} ${SURNAMES[i]} Road, Ashby` }));
    await t.link(m, 'LIVES_AT', addresses[addresses.length - 1]!);
  }
  for (let i = 1; i < phones.length; i++) await t.link(phones[0]!, 'CALLS', phones[i]!, { count: 3 + i * 7 });
  for (let i = 1; i < 4; i++) await t.link(members[0]!, 'ASSOCIATE_OF', members[i]!, { kind: 'BUSINESS' });
  const associates: string[] = [];
  for (let i = 0; i < 4; i++) {
    const a = await t.entity(`A${i}`, 'Subject', { forename: ['Rowan', 'Ellis', 'Sasha', 'Perry'][i], surname: ['Greenhalgh', 'Ortolan', 'Pettifer', 'Lindqvist'][i] });
    associates.push(a);
    await t.link(members[i * 3]!, 'ASSOCIATE_OF', a, { kind: 'ASSOCIATE' });
  }
  const e1 = await t.entity('E1', 'Event', { eventType: 'Robbery', date: '2024-05-01' }, {}, 'Robbery at Ashby Post Office');
  const e2 = await t.entity('E2', 'Event', { eventType: 'Assault', date: '2024-07-12' }, {}, 'Assault on Harrow Street');
  for (const m of members.slice(0, 3)) await t.link(m, 'INVOLVED_IN', e1);
  for (const m of members.slice(5, 7)) await t.link(m, 'INVOLVED_IN', e2);

  // What a requirement names beyond the network: two people and a group known only by name, a courier
  // who knows one of the associates (three hops from the group) and the courier's lock-up.
  const named = [
    await t.entity('N1', 'Subject', { forename: 'Marguerite', surname: 'Okonkwo-Blythe' }),
    await t.entity('N2', 'Subject', { forename: 'Alexander', surname: 'Fitzwilliam' }),
    await t.entity('N3', 'Subject', { forename: 'Unknown', surname: 'Courier' }),
    await t.entity('N4', 'OCG', { status: 'ACTIVE' }, {}, 'Eastport Supply Line'),
    await t.entity('N5', 'Location', { address: '7 Quay Row, Eastport (lock-up)' }),
  ];
  await t.link(associates[0]!, 'ASSOCIATE_OF', named[2]!, { kind: 'BUSINESS' });
  await t.link(named[2]!, 'LIVES_AT', named[4]!);

  await t.user('analyst', 'ANALYST');
  const manager = await t.user('manager', 'INTEL_MANAGER', { clearance: 'SECRET' });
  return { ocg, members, named, analyst: `${t.prefix}.analyst`, manager };
}

interface Reading {
  nodes: number;
  zoom: number;
  canvas: { w: number; h: number };
  /** The shown elements' drawn box (labels included) over the canvas, in its limiting dimension. */
  fill: number;
  /** The same box's width and height over the canvas's. */
  across: { w: number; h: number };
  fillWithoutLabels: number;
  /** The smallest entity label on screen: font size times zoom (px). */
  labelPx: number;
  /** Every entity label is drawn (its on-screen size is at least the smallest size drawn). */
  labelsDrawn: boolean;
}

/** What the chart shows, read from Cytoscape. */
const read = () => page.evaluate((): Reading => {
  const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
  const shown = cy.elements(':visible');
  const entities = cy.nodes(':visible').not('.org');
  const w = cy.width();
  const h = cy.height();
  const fillOf = (b: { w: number; h: number }) => Math.max(b.w / w, b.h / h);
  const onScreen = entities.map((n) => parseFloat(n.style('font-size') as string) * cy.zoom());
  const smallestDrawn = entities.map((n) => parseFloat(n.style('min-zoomed-font-size') as string));
  return {
    nodes: entities.length,
    zoom: cy.zoom(),
    canvas: { w, h },
    fill: fillOf(shown.renderedBoundingBox()),
    across: { w: shown.renderedBoundingBox().w / w, h: shown.renderedBoundingBox().h / h },
    fillWithoutLabels: fillOf(shown.renderedBoundingBox({ includeLabels: false })),
    labelPx: Math.min(...onScreen),
    labelsDrawn: onScreen.every((px, i) => px >= smallestDrawn[i]!),
  };
});

interface Clash { a: string; b: string }

/**
 * Pairs of drawn entities whose boxes (body, label and any ring) overlap, where at least one of
 * the two is in `ids`.
 */
const clashes = (ids: string[]) => page.evaluate((ids): Clash[] => {
  const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
  const mine = new Set(ids);
  const boxes = cy.nodes(':visible').not('.org').map((n) => ({ id: n.id(), b: n.boundingBox() }));
  const out: Clash[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i]!;
      const q = boxes[j]!;
      if (!mine.has(p.id) && !mine.has(q.id)) continue;
      if (p.b.x1 < q.b.x2 && q.b.x1 < p.b.x2 && p.b.y1 < q.b.y2 && q.b.y1 < p.b.y2) out.push({ a: p.id, b: q.id });
    }
  }
  return out;
}, ids);

/** Waits until the chart is still: no operation or layout in flight, no node moving (a layout's animation, a nudge after framing). */
async function still(): Promise<void> {
  const moving = () => page.waitForFunction(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes(':animated').empty());
  await settled(page);
  await moving();
  await page.waitForTimeout(500);
  await settled(page);
  await moving();
}

const ws = <T>(fn: string, arg?: unknown) => page.evaluate(`(${fn})(window.__workspace, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
const nodeCount = () => page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes().length);

describe('reading a network on a 1366x768 laptop', () => {
  it('a network searched for and expanded twice fills the canvas, with labels readable at the zoom that fits it', async () => {
    await signIn(page, app.t.url, net.analyst);
    await page.getByTestId('search-input').fill('Harrow Street');
    await page.getByTestId(`search-hit-${net.ocg}`).click();
    await expect.poll(nodeCount).toBe(1);
    await settled(page);
    // First hop: double-click the group.
    const c = await page.evaluate((id) => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      const p = cy.getElementById(id).renderedPosition();
      const r = cy.container()!.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, net.ocg);
    await page.mouse.dblclick(c.x, c.y);
    await expect.poll(nodeCount).toBe(1 + net.members.length);
    await settled(page);
    // Second hop: every member, from the toolbar.
    await ws('(w, ids) => w.select(ids)', net.members);
    await page.getByTestId('toolbar-expand').click();
    await expect.poll(nodeCount).toBeGreaterThan(40);
    await settled(page);
    await ws('(w) => w.clearSelection()');
    // The layout's animation and the framing after it end some time after the calls settle.
    // On a busy machine the layout worker and the animation take seconds: wait for them, not a guess.
    await expect.poll(async () => (await read()).fill, { timeout: 20_000 }).toBeGreaterThanOrEqual(0.85);
    // Read once nothing moves: mid-animation the drawing can fill one way before the other.
    await still();
    const expanded = await read();
    console.log('after expanding', JSON.stringify(expanded));
    await screenshotBoth(page, 'readability-01-expanded');
    expect(expanded.nodes).toBeGreaterThanOrEqual(40);
    expect(expanded.nodes).toBeLessThanOrEqual(80);
    expect(expanded.fill).toBeGreaterThanOrEqual(0.85);
    // The drawing takes the canvas's shape: across the other way too it fills most of it (a round
    // drawing on a wide canvas filled about 60% of its width).
    expect(Math.min(expanded.across.w, expanded.across.h)).toBeGreaterThanOrEqual(0.75);
    expect(expanded.labelPx).toBeGreaterThanOrEqual(10);
    expect(expanded.labelsDrawn).toBe(true);

    // Fit (the toolbar button) frames it the same way.
    await page.getByTestId('fit').click();
    await settled(page);
    const fitted = await read();
    console.log('after fit', JSON.stringify(fitted));
    expect(fitted.fill).toBeGreaterThanOrEqual(0.85);
    expect(fitted.labelPx).toBeGreaterThanOrEqual(10);
    expect(fitted.labelsDrawn).toBe(true);

    // The window grows to 1920x1080: the fitted chart is fitted again to the larger canvas.
    await page.setViewportSize({ width: 1920, height: 1080 });
    try {
      await expect.poll(async () => (await read()).canvas.w).toBeGreaterThan(1300);
      await settled(page);
      const wide = await read();
      console.log('at 1920', JSON.stringify(wide));
      expect(wide.fill).toBeGreaterThanOrEqual(0.85);
      expect(wide.zoom).toBeGreaterThan(fitted.zoom);
      // Once the analyst pans, a resize keeps their view.
      await page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.panBy({ x: 60, y: 0 }));
      const panned = await read();
      await page.setViewportSize({ width: 1700, height: 1000 });
      await expect.poll(async () => (await read()).canvas.w).toBeLessThan(wide.canvas.w);
      await settled(page);
      expect((await read()).zoom).toBeCloseTo(panned.zoom, 5);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    await page.getByTestId('fit').click();
    await settled(page);
  }, 150_000);

  it('zoomed in, labels keep their own size; zoomed out again, they grow back to readable', async () => {
    await page.evaluate(() => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      cy.zoom({ level: 2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    await expect.poll(async () => (await read()).labelPx).toBeCloseTo(22, 0); // 11 px at zoom 2
    await page.getByTestId('fit').click();
    await settled(page);
    const after = await read();
    expect(after.labelPx).toBeGreaterThanOrEqual(10);
  });

  it('entities a requirement names, added by the gap overlay, are placed clear of each other and of the network', async () => {
    // A requirement naming the five entities beyond the network and one member already drawn.
    const CREATE = 'mutation($i:RequirementInput!){ createRequirement(input:$i){ requirement{ id } } }';
    const q = (key: string, text: string, concerns: string[]) => ({ id: `${app.t.prefix}-${key}`, text, reviewPeriodDays: 28, concerns });
    const r = await app.t.gql(CREATE, {
      i: {
        id: `${app.t.prefix}-IR1`, label: 'Harrow Street supply', kind: 'TACTICAL', reviewDate: '2099-01-01',
        questions: [
          q('Q1', 'Who supplies the crew?', [net.named[0]!, net.named[1]!, net.named[3]!]),
          q('Q2', 'Who moves the product?', [net.named[2]!, net.members[5]!]),
          q('Q3', 'Where is it stored?', [net.named[4]!]),
        ],
      },
    }, net.manager);
    expect(r.errors).toBeUndefined();
    const drawn = await ws<string[]>('(w) => [...w.getState().doc.nodes.keys()]');
    await page.getByTestId('gap-overlay-toggle').check();
    await page.getByTestId('gap-requirement').waitFor();
    await expect.poll(() => page.getByTestId('gap-add-entities').textContent()).toContain('(1 of 6 on chart)');
    await page.getByTestId('gap-add-entities').click();
    await expect.poll(nodeCount).toBe(drawn.length + net.named.length);
    await still();
    await screenshotBoth(page, 'readability-02-gap-entities-added');
    expect(await clashes(net.named)).toEqual([]);
  });

  it('on an empty chart, the entities the gap overlay adds do not overlap each other', async () => {
    await ws('(w) => w.clear()');
    await expect.poll(nodeCount).toBe(0);
    await page.getByTestId('gap-add-entities').click();
    await expect.poll(nodeCount).toBe(net.named.length + 1);
    await still();
    await screenshotBoth(page, 'readability-03-gap-entities-alone');
    expect(await clashes([...net.named, net.members[5]!])).toEqual([]);
    const alone = await read();
    console.log('gap entities alone', JSON.stringify(alone));
    expect(alone.labelPx).toBeGreaterThanOrEqual(10);
  });
});
