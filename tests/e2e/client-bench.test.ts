import { afterAll, beforeAll, expect, it } from 'vitest';
import { measureClient } from '../bench/client.js';
import { TEST_PASSWORD, ensureClientBuilt } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * The client benchmark runs end to end on a small chart (CLIENT_BENCH_SIZES=1000,5000 for the
 * real sizes): it yields numbers, and a click selects the node under it with either renderer. The
 * chart is organised as analysts leave it (a group and two styling rules active). Times are
 * recorded, never asserted here: `npm run bench` measures them against the 3 s target.
 */
let t: TestApp;
let username: string;

beforeAll(async () => {
  await ensureClientBuilt();
  t = await startTestApp();
  await t.user('bench', 'ANALYST');
  username = `${t.prefix}.bench`;
}, 300_000);
afterAll(async () => t?.close());

it('measures render, layout, render-with-layout and pan frame times with the canvas and WebGL renderers', async () => {
  const sizes = (process.env.CLIENT_BENCH_SIZES ?? '800').split(',').map(Number);
  const results = await measureClient(t.url, { username, password: TEST_PASSWORD, sizes, panFrames: sizes[0]! > 1000 ? 120 : 40, repeat: 2, organised: process.env.CLIENT_BENCH_ORGANISED !== '0' });
  console.log(JSON.stringify(results, null, 1));
  expect(results).toHaveLength(sizes.length * 2);
  for (const r of results) {
    expect(r.nodes + r.edges).toBe(r.elements);
    expect(r.renderMs).toBeGreaterThan(0);
    expect(r.layoutMs).toBeGreaterThan(0);
    // The user's path: handed over with a layout, laid out once before the first draw, drawn in place.
    expect(r.renderAndLayoutMs).toBeGreaterThan(0);
    expect(r.renderAndLayoutLayoutMs).toBeGreaterThan(0);
    expect(r.positionedOnArrival).toBe(true);
    // The steps within it come in order: the hand-over returns, then the positions arrive.
    expect(r.renderAndLayoutSteps.handedMs).toBeGreaterThanOrEqual(0);
    expect(r.renderAndLayoutSteps.positionsMs).toBeGreaterThanOrEqual(r.renderAndLayoutSteps.handedMs);
    expect(r.renderAndLayoutSteps.positionsMs).toBeLessThanOrEqual(r.renderAndLayoutMs + 1);
    expect(r.renderAndLayoutRuns).toHaveLength(2);
    expect(r.renderAndLayoutRuns).toContain(r.renderAndLayoutMs);
    expect(r.pan.frames).toBeGreaterThan(0);
    expect(r.selectionOk).toBe(true);
    // The group was drawn (its ten members through it) and both rules styled entities.
    if (process.env.CLIENT_BENCH_ORGANISED !== '0') {
      expect(r.organisation).toMatchObject({ groups: 1, grouped: 10 });
      expect(r.organisation!.ruled).toBeGreaterThan(0);
    }
  }
}, 600_000);
