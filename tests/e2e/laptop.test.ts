import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../server/domain/policy.js';
import { screenshot, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * The workspace on a 1366x768 laptop screen, for every role (each sees a different set of
 * tools): the toolbar fits without scrolling and every control in it is on screen.
 */
let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  await app.t.entity('AG1', 'Agency', { kind: 'POLICE' }, {}, 'Test Force');
  page = await app.newPage();
}, 300_000);
afterAll(async () => app?.close());

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
