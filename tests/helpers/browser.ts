import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './app.js';

/**
 * Real-browser tests: the built client served by an in-process API over the shared test
 * database, driven by the system's Chromium. The client is built once, when missing or older
 * than its sources; a lock keeps two test files from building at the same time.
 */
export const ROOT = path.resolve(import.meta.dirname, '../..');
const INDEX = path.join(ROOT, 'dist/client/index.html');
// The client also bundles the pure domain rules (grading, codes, model).
const SOURCES = [path.join(ROOT, 'client'), path.join(ROOT, 'server/domain')];
const LOCK = path.join(ROOT, '.tmp/client-build.lock');
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts/screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function built(): boolean {
  if (!fs.existsSync(INDEX)) return false;
  const at = fs.statSync(INDEX).mtimeMs;
  return SOURCES.every((s) => !fs.existsSync(s) || newest(s) <= at);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureClientBuilt(): Promise<void> {
  if (built()) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Someone else is building: wait for them (a lock older than 5 minutes is abandoned).
      const st = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 5 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
      if (built()) return;
    }
  }
  try {
    if (built()) return;
    const r = spawnSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    if (r.status !== 0) throw new Error(`client build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  /** A fresh browser context (own cookies and local storage) at 1366x768. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserApp(): Promise<BrowserApp> {
  await ensureClientBuilt();
  const t = await startTestApp();
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    t,
    browser,
    async newPage() {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'en-GB', timezoneId: 'Europe/London' });
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      page.on('console', (m) => { if (m.type() === 'error') console.error('[console]', m.text()); });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await t.close();
    },
  };
}

export const TEST_PASSWORD = 'test-password-123';

/** Signs in through the form and waits for the workspace. */
export async function signIn(page: Page, url: string, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('workspace').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The two screen sizes every view is shown at: a 1366x768 laptop and a 1920x1080 desktop. */
export const VIEWPORTS = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }] as const;

/**
 * Resolves once the page has drawn two frames (layout, resize observers and the canvas have followed a
 * change) and any CSS transition then running has ended (a hover's fade, say; not the endless spinner).
 */
function settledFrames(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    await frame();
    await frame();
    const running = document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    if (!running.length) return;
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    await frame();
  });
}

/**
 * A screenshot at each of VIEWPORTS (named `<name>-1366` and `<name>-1920`), the page left at the
 * size it had. Returns the files. `each` runs after every resize, the one back included, before the
 * page is drawn: it puts back what a resize closes (a hover card under a pointer that no longer
 * points at it, say), so each picture, and the test after it, sees what the test set up.
 *
 * After a resize, two frames (and the end of a transition `each` started) are enough: measured, a
 * shot then shows what one 150 ms or a second later shows (Cytoscape's own resize, 100 ms later,
 * only redraws the same chart). A size the page already has is shot at once, as `screenshot` does.
 */
export async function screenshotBoth(page: Page, name: string, opts: { each?: () => Promise<unknown> } = {}): Promise<string[]> {
  const was = page.viewportSize();
  const same = (v: { width: number; height: number } | null, w: { width: number; height: number }) => !!v && v.width === w.width && v.height === w.height;
  const resize = async (v: { width: number; height: number }) => {
    await page.setViewportSize(v);
    await opts.each?.();
    await settledFrames(page);
  };
  const files: string[] = [];
  let ok = false;
  try {
    for (const v of VIEWPORTS) {
      if (!same(page.viewportSize(), v)) await resize(v);
      files.push(await screenshot(page, `${name}-${v.width}`));
    }
    ok = true;
  } finally {
    // Back to the size the test had; on a failure, without `each` (the failure is what matters).
    if (was && !same(page.viewportSize(), was)) {
      if (ok) await resize(was);
      else await page.setViewportSize(was);
    }
  }
  return files;
}

/** Counts of what the canvas holds and shows, read from Cytoscape. */
export function chartCounts(page: Page): Promise<{ nodes: number; edges: number; shownNodes: number; shownEdges: number }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      shownNodes: cy.nodes(':visible').length,
      shownEdges: cy.edges(':visible').length,
    };
  });
}

/** Waits until no workspace operation or layout is in flight. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (window as unknown as { __workspace: { getState(): { activity: unknown[]; layoutRequest: unknown } } }).__workspace.getState();
    return s.activity.length === 0 && !s.layoutRequest;
  });
  await page.waitForTimeout(400); // animations
}

/** Where a node is drawn, in page coordinates (to click it like a user). */
export function nodeOnPage(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
    const p = cy.getElementById(id).renderedPosition();
    const r = cy.container()!.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
}
