import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * A large addition in the browser: laid out in the worker before it is first drawn (never shown
 * unplaced, one layout pass), drawn with the lighter style, whose labels still show zoomed in.
 */
let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  await app.t.user('large', 'ANALYST');
  page = await app.newPage();
  await signIn(page, app.t.url, `${app.t.prefix}.large`);
}, 300_000);
afterAll(async () => app?.close());

describe('a large addition', () => {
  it('is laid out before it is drawn, in one pass, and drawn in place', async () => {
    const r = await page.evaluate(async () => {
      type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
      const w = window as Any;
      const ws = w.__workspace;
      const cy = w.__cy;
      const view = w.__view;
      const frame = () => new Promise<number>((res) => requestAnimationFrame(res));
      const markings = { classification: 'OFFICIAL', handling: 'P', handlingConditions: [], agency: 'T' };
      const nodes = Array.from({ length: 1000 }, (_, i) => ({ id: `L${i}`, type: i % 40 === 0 ? 'OCG' : i % 3 ? 'Subject' : 'Phone', label: `Entity ${i}`, restricted: false, props: {}, markings }));
      const edges = [];
      for (let i = 1; i < 1000; i++) edges.push({ id: `LE${i}`, source: `L${i}`, target: `L${Math.floor(i / 40) * 40}`, type: 'MEMBER_OF', restricted: false, strength: null, reportCount: 0, props: { role: 'SIGNIFICANT' }, markings });
      for (let i = 2; i < 1000; i += 2) edges.push({ id: `LA${i}`, source: `L${i}`, target: `L${i - 1}`, type: 'ASSOCIATE_OF', restricted: false, strength: null, reportCount: 0, props: {}, markings });
      const runs = view.layoutRuns;
      const before = view.layoutsBeforeDraw;
      const moved = new Set<string>();
      const onPosition = (ev: Any) => { if (ev.target.visible()) moved.add(ev.target.id()); };
      ws.addSlice({ nodes, edges }, 'Large');
      const pendingAtOnce = ws.getState().layoutRequest?.beforeDraw === true;
      let shownEarly = 0;
      let frames = 0;
      while (ws.getState().layoutRequest) {
        shownEarly += ['L0', 'L1', 'L500', 'L999', 'LE1', 'LA2'].filter((id) => cy.getElementById(id).visible()).length;
        frames++;
        await frame();
      }
      cy.on('position', 'node', onPosition);
      for (let i = 0; i < 10; i++) await frame();
      cy.off('position', 'node', onPosition);
      const doc = ws.getState().doc;
      const inPlace = cy.nodes().filter((n: Any) => {
        const p = doc.nodes.get(n.id())?.position;
        return p && Math.abs(p.x - n.position('x')) < 0.5 && Math.abs(p.y - n.position('y')) < 0.5;
      }).length;
      const spread = cy.nodes().boundingBox();
      return {
        pendingAtOnce, frames, shownEarly, movedAfter: moved.size, inPlace, nodes: cy.nodes().length, shown: cy.elements(':visible').length,
        runs: view.layoutRuns - runs, beforeDraw: view.layoutsBeforeDraw - before, spread: Math.min(spread.w, spread.h),
        backing: cy.getElementById('L1').style('text-background-opacity'), curve: cy.getElementById('LE1').style('curve-style'),
      };
    });
    expect(r.pendingAtOnce).toBe(true);
    expect(r.frames).toBeGreaterThan(0);
    expect(r.shownEarly).toBe(0);
    expect(r.nodes).toBe(1000);
    expect(r.shown).toBe(1000 + 999 + 499);
    expect(r.inPlace).toBe(1000);
    expect(r.movedAfter).toBe(0);
    expect(r.runs).toBe(1);
    expect(r.beforeDraw).toBe(1);
    expect(r.spread).toBeGreaterThan(500); // laid out, not stacked
    // The lighter style is on (2,498 elements): no label backing; single links straight.
    expect(r.backing).toBe('0');
    expect(r.curve).toBe('straight');
  });

  it('shows labels when zoomed in (and leaves them out when zoomed far out)', async () => {
    // The picture of one node's label area, with its label and with the label made transparent:
    // they differ by the label. The node is the one farthest from any other, drawn above the rest,
    // so no neighbour covers its label whatever the layout.
    const under = async (zoom: number, label: boolean) => {
      const clip = await page.evaluate(async ({ zoom, label }) => {
        type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
        const cy = (window as Any).__cy;
        const ps = cy.nodes().map((x: Any) => ({ id: x.id(), ...x.position() }));
        let best = { id: 'L0', gap: -1 };
        for (const a of ps) {
          let gap = Infinity;
          for (const b of ps) if (b !== a) gap = Math.min(gap, Math.hypot(a.x - b.x, a.y - b.y));
          if (gap > best.gap) best = { id: a.id, gap };
        }
        const n = cy.getElementById(best.id);
        n.style('z-index', 9999);
        if (label) n.removeStyle('text-opacity');
        else n.style('text-opacity', 0);
        cy.zoom(zoom);
        cy.center(n);
        for (let i = 0; i < 6; i++) await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => setTimeout(r, 300));
        const box = cy.container().getBoundingClientRect();
        const lb = n.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
        return { x: box.left + lb.x1 - 2, y: box.top + lb.y1 - 2, width: Math.max(4, lb.w + 4), height: Math.max(4, lb.h + 4) };
      }, { zoom, label });
      return page.screenshot({ clip });
    };
    // The renderer may draw a zoomed viewport from its cached texture first: wait for the full redraw.
    await expect.poll(async () => (await under(2, true)).equals(await under(2, false)), { timeout: 15_000, interval: 500 }).toBe(false);
    // Far out (11px labels under 9px on screen) they are not drawn: once the redraw settles, the
    // two pictures are the same (a label drawn would keep them apart for good).
    await expect.poll(async () => (await under(0.5, true)).equals(await under(0.5, false)), { timeout: 15_000, interval: 500 }).toBe(true);
  });
});
