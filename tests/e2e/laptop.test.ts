import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../server/domain/policy.js';
import { screenshot, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * The workspace on a 1366x768 laptop screen, for every role (each sees a different set of
 * tools): the toolbar fits without scrolling and every control in it is on screen; on a 1920x1080
 * screen every tool is shown by its name, none cut off.
 */
let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  await app.t.entity('AG1', 'Agency', { kind: 'POLICE' }, {}, 'Test Force');
  page = await app.newPage();
}, 300_000);
afterAll(async () => app?.close());

describe('a 1920x1080 screen', () => {
  it('shows every tool of an analyst by its name, none cut off', async () => {
    await page.context().clearCookies();
    await page.setViewportSize({ width: 1920, height: 1080 });
    try {
      await app.t.user('wide', 'ANALYST');
      await signIn(page, app.t.url, `${app.t.prefix}.wide`);
      const bar = page.getByRole('toolbar', { name: 'Chart tools' });
      await bar.waitFor();
      const fit = await bar.evaluate((el) => ({
        scroll: el.scrollWidth, client: el.clientWidth,
        off: [...el.querySelectorAll('button, select, input')].filter((c) => { const r = c.getBoundingClientRect(); return r.width > 0 && (r.right > 1920.5 || r.left < 0); }).map((c) => c.getAttribute('data-testid') ?? c.textContent),
        glyphs: [...el.querySelectorAll('.narrow-only')].filter((g) => getComputedStyle(g).display !== 'none').length,
      }));
      expect(fit.scroll, `toolbar content ${fit.scroll}px in ${fit.client}px`).toBeLessThanOrEqual(fit.client);
      expect(fit.off).toEqual([]);
      expect(fit.glyphs).toBe(0);
      // The chart keeps most of the screen below it.
      expect((await page.getByTestId('chart-canvas').boundingBox())!.height).toBeGreaterThan(700);
      await screenshot(page, 'wide-analyst');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});

describe('a 1366x768 laptop screen', () => {
  for (const role of ROLES.filter((r) => r !== 'ADMIN')) {
    it(`shows every tool of a ${role} without scrolling`, async () => {
      await page.context().clearCookies();
      await app.t.user(role.toLowerCase(), role);
      await signIn(page, app.t.url, `${app.t.prefix}.${role.toLowerCase()}`);
      const bar = page.getByRole('toolbar', { name: 'Chart tools' });
      await bar.waitFor();
      const fit = await bar.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const controls = [...el.querySelectorAll('button, select, input')].map((c) => {
          const r = c.getBoundingClientRect();
          return { name: (c.getAttribute('data-testid') ?? c.textContent ?? '').trim(), left: r.left, right: r.right, width: r.width };
        });
        return { scroll: el.scrollWidth, client: el.clientWidth, right: box.right, controls };
      });
      expect(fit.scroll, `toolbar content ${fit.scroll}px in ${fit.client}px`).toBeLessThanOrEqual(fit.client);
      const off = fit.controls.filter((c) => c.width > 0 && (c.right > Math.min(fit.right, 1366) + 0.5 || c.left < 0));
      expect(off.map((c) => c.name)).toEqual([]);
      await screenshot(page, `laptop-${role.toLowerCase()}`);
    });
  }
});
