import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Client-side performance of the chart in a real browser: load N synthetic elements into the
 * workspace, time drawing and a full layout, then the way users get a large addition (handed to
 * the workspace with its layout: laid out first, then drawn once, in place), then measure frame
 * times while panning. Runs with
 * Cytoscape's canvas renderer and with its WebGL renderer, and checks that clicking a node still
 * selects it (the WebGL renderer has had picking bugs). Returns numbers; asserts nothing.
 *
 * The page at `url` must be the built client served with its API; the user signs in with the
 * given credentials (the synthetic elements never reach the server).
 */
export interface ClientBenchOptions {
  username: string;
  password: string;
  /** Total elements (nodes + links) per run. */
  sizes?: number[];
  renderers?: ('canvas' | 'webgl')[];
  /** Frames sampled while panning. */
  panFrames?: number;
  /**
   * Runs per size (3 by default with `npm run bench`): the run reported is the one with the median
   * time added with layout, and every run's time is kept (renderAndLayoutRuns).
   */
  repeat?: number;
  /**
   * Measure with the chart organised as analysts leave it: a group of ten entities and two
   * styling rules (a colour by type, a size by links on the chart) active while it is drawn.
   */
  organised?: boolean;
  executablePath?: string;
}

export interface ClientBenchResult {
  renderer: 'canvas' | 'webgl';
  /** Whether the WebGL layer really drew (headless Chromium without a GPU may fall back). */
  webglActive: boolean;
  elements: number;
  nodes: number;
  edges: number;
  /** From handing the elements to the workspace without a layout to the first frame drawn. */
  renderMs: number;
  /** fcose layout computation (in the layout worker), asked for on the drawn chart. */
  layoutMs: number;
  /** From asking for the layout to the first frame with the new positions. */
  layoutTotalMs: number;
  /**
   * The user's path: from handing the elements to the workspace with a layout (as search results,
   * expansions and opened charts are) to the first frame drawn with their final positions.
   */
  renderAndLayoutMs: number;
  /** fcose computation within renderAndLayoutMs. */
  renderAndLayoutLayoutMs: number;
  /**
   * Steps within renderAndLayoutMs, from the hand-over: when the workspace returned (the elements
   * added, held back and styled on the main thread while the worker computes) and when the
   * positions came back from the worker. What follows is moving, showing, framing and drawing.
   */
  renderAndLayoutSteps: { handedMs: number; positionsMs: number };
  /** renderAndLayoutMs of every run, in the order run (see ClientBenchOptions.repeat). */
  renderAndLayoutRuns: number[];
  /**
   * On that path the elements were laid out once, before they were first drawn, and arrived at
   * their laid-out positions.
   */
  positionedOnArrival: boolean;
  pan: { frames: number; meanMs: number; p95Ms: number; maxMs: number; fps: number };
  /** A click on a node selected exactly that node. */
  selectionOk: boolean;
  /** With `organised`: group nodes drawn and entities styled by a rule, once added with layout. */
  organisation?: { groups: number; grouped: number; ruled: number };
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function measureClient(url: string, opts: ClientBenchOptions): Promise<ClientBenchResult[]> {
  const browser: Browser = await chromium.launch({ executablePath: opts.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const results: ClientBenchResult[] = [];
  try {
    for (const renderer of opts.renderers ?? ['canvas', 'webgl']) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      // Under tsx, functions handed to page.evaluate carry esbuild's __name() helper calls.
      await ctx.addInitScript('window.__name = (f) => f');
      const page = await ctx.newPage();
      await signIn(page, url, opts, renderer === 'webgl');
      for (const size of opts.sizes ?? [1000, 5000]) {
        // CLIENT_BENCH_PROFILE=<dir>: a CPU profile of the main thread over the user's path (the
        // addition with its layout, to its first frame), written for DevTools.
        const dir = process.env.CLIENT_BENCH_PROFILE;
        const cdp = dir ? await ctx.newCDPSession(page) : undefined;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          cdp.on('Profiler.consoleProfileFinished', (e) => {
            fs.mkdirSync(dir!, { recursive: true });
            fs.writeFileSync(path.join(dir!, `client-${renderer}-${size}.cpuprofile`), JSON.stringify(e.profile));
          });
        }
        const runs: Omit<ClientBenchResult, 'renderer' | 'renderAndLayoutRuns'>[] = [];
        for (let k = 0; k < Math.max(1, opts.repeat ?? 1); k++) runs.push(await measureOne(page, size, opts.panFrames ?? 120, !!opts.organised));
        const median = [...runs].sort((a, b) => a.renderAndLayoutMs - b.renderAndLayoutMs)[Math.floor((runs.length - 1) / 2)]!;
        results.push({ renderer, ...median, renderAndLayoutRuns: runs.map((r) => r.renderAndLayoutMs) });
        await cdp?.detach();
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

async function signIn(page: Page, url: string, opts: ClientBenchOptions, webgl: boolean): Promise<void> {
  const base = url.replace(/\/+$/, '');
  await page.goto(`${base}/?webgl=${webgl ? 1 : 0}`);
  const ok = await page.evaluate(async ({ u, p }) => {
    const r = await fetch('/graphql', {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($u:String!,$p:String!){ signIn(username:$u,password:$p){ expiresAt } }', variables: { u, p } }),
    });
    return !(await r.json()).errors;
  }, { u: opts.username, p: opts.password });
  if (!ok) throw new Error(`sign-in failed for ${opts.username}`);
  await page.reload();
  await page.waitForSelector('[data-testid="workspace"]');
}

type Sample = Omit<ClientBenchResult, 'renderer' | 'renderAndLayoutRuns'>;

async function measureOne(page: Page, elements: number, panFrames: number, organised: boolean): Promise<Sample> {
  const built = await page.evaluate(async ({ elements, organised }) => {
    type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const w = window as Any;
    const ws = w.__workspace;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    const until = async (test: () => boolean) => { while (!test()) await frame(); };

    // A synthetic network: a few hubs (OCGs), subjects in clusters, objects hanging off them.
    ws.clear();
    await frame();
    const n = Math.round(elements * 0.4);
    const types = ['Subject', 'Subject', 'Subject', 'Phone', 'Vehicle', 'Location', 'OCG'];
    const linkFor: Record<string, string> = { Subject: 'ASSOCIATE_OF', Phone: 'USES_PHONE', Vehicle: 'USES_VEHICLE', Location: 'LIVES_AT', OCG: 'MEMBER_OF' };
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const nodes = Array.from({ length: n }, (_, i) => {
      const type = i % 50 === 0 ? 'OCG' : types[Math.floor(rnd() * (types.length - 1))]!;
      return { id: `b${i}`, type, label: `${type} ${i}`, restricted: false, props: {}, markings: { classification: 'OFFICIAL', handling: 'P', handlingConditions: [], agency: 'BENCH' } };
    });
    const edges = [];
    const seen = new Set<string>();
    for (let k = 0; edges.length < elements - n && k < elements * 4; k++) {
      const i = 1 + Math.floor(rnd() * (n - 1));
      const j = rnd() < 0.3 ? Math.floor(i / 50) * 50 : Math.max(0, i - 1 - Math.floor(rnd() * 30));
      const key = `${Math.min(i, j)}-${Math.max(i, j)}`;
      if (i === j || seen.has(key)) continue;
      seen.add(key);
      const t = nodes[j]!.type === 'OCG' ? 'MEMBER_OF' : linkFor[nodes[j]!.type] ?? 'ASSOCIATE_OF';
      edges.push({ id: `be${edges.length}`, source: `b${i}`, target: `b${j}`, type: t, restricted: false, strength: rnd(), reportCount: 1, props: t === 'MEMBER_OF' ? { role: 'SIGNIFICANT' } : {} });
    }

    const cy = w.__cy;
    // Clearing the chart takes groups with it (rules stay): the organisation is put back each time.
    const organise = () => {
      if (!organised) return;
      ws.setOrganise({
        groups: [{ id: 'group:1', kind: 'group', label: 'Bench group', members: Array.from({ length: 10 }, (_, i) => `b${i + 1}`), position: { x: 0, y: 0 } }],
        annotations: [],
        rules: [
          { id: 'rule:1', enabled: true, when: { kind: 'type', type: 'Subject' }, then: { colour: '#7c3aed' } },
          { id: 'rule:2', enabled: true, when: { kind: 'degree', op: 'gt', value: 4 }, then: { size: 50, badge: '★' } },
        ],
      }, 'Benchmark organisation');
    };
    organise();
    const t0 = performance.now();
    ws.addSlice({ nodes, edges }, 'Benchmark', { layout: false });
    await frame();
    await frame();
    const renderMs = performance.now() - t0;

    const t1 = performance.now();
    ws.requestLayout('fcose', { fit: true });
    await until(() => !ws.getState().layoutRequest);
    await frame();
    await frame();
    const layoutTotalMs = performance.now() - t1;
    const layoutMs = w.__view?.lastLayoutMs ?? NaN;

    // The user's path: the same elements handed over with a layout, drawn once, laid out.
    ws.clear();
    organise();
    await frame();
    await frame();
    const view = w.__view;
    const runs = view.layoutRuns;
    const before = view.layoutsBeforeDraw;
    // Until the layout is done none of the new nodes may be shown (checked on a sample each frame).
    const sample = nodes.filter((_, i) => i % Math.ceil(nodes.length / 20) === 0).map((x) => x.id);
    let shownEarly = false;
    // When the positions came back from the layout worker (the runner's promise settles).
    const runner = view.runner;
    const run = runner.run;
    let positionsAt = NaN;
    runner.run = async (input: unknown) => {
      const out = await run.call(runner, input);
      positionsAt = performance.now();
      return out;
    };
    console.profile('renderAndLayout');
    const t2 = performance.now();
    ws.addSlice({ nodes, edges }, 'Benchmark');
    const handedAt = performance.now();
    await until(() => {
      if (!ws.getState().layoutRequest) return true;
      shownEarly ||= sample.some((id) => cy.getElementById(id).visible());
      return false;
    });
    await frame();
    await frame();
    const renderAndLayoutMs = performance.now() - t2;
    console.profileEnd('renderAndLayout');
    const renderAndLayoutLayoutMs = view.lastLayoutMs;
    runner.run = run;
    const renderAndLayoutSteps = { handedMs: handedAt - t2, positionsMs: positionsAt - t2 };
    const doc = ws.getState().doc;
    const near = (a: { x: number; y: number } | undefined, b: { x: number; y: number }) => !!a && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
    // Entities drawn through a group (and the group's own node) are not drawn in their own right.
    const entities = cy.nodes().not('.org');
    const placed = entities.not('.grouped').every((n: Any) => {
      const p = doc.nodes.get(n.id())?.position;
      return near(p, n.position()) && n.visible();
    }) && entities.filter('.grouped').every((n: Any) => near(doc.nodes.get(n.id())?.position, n.position()));
    const positionedOnArrival = placed && !shownEarly && entities.length === nodes.length && view.layoutRuns === runs + 1 && view.layoutsBeforeDraw === before + 1;
    const organisation = organised
      ? { groups: cy.nodes('.org-group:visible').length, grouped: entities.filter('.grouped').length, ruled: cy.nodes('[ruleColour]').length }
      : undefined;
    cy.fit(undefined, 30);
    await frame();

    return { nodes: nodes.length, edges: edges.length, renderMs, layoutTotalMs, layoutMs, renderAndLayoutMs, renderAndLayoutLayoutMs, renderAndLayoutSteps, positionedOnArrival, organisation };
  }, { elements, organised });

  const pan = await dragPan(page, panFrames);

  const picked = await page.evaluate(async () => {
    type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const w = window as Any;
    const ws = w.__workspace;
    const cy = w.__cy;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    // Click the rendered position of a node: exactly it should be selected.
    ws.clearSelection();
    await frame();
    // A node no other node overlaps (a layout may leave some touching): the click must land on it alone.
    const all = cy.nodes(':visible').not('.org');
    const boxes = all.map((n: Any) => n.boundingBox({ includeLabels: false }));
    const clear = (i: number) => boxes.every((b: Any, j: number) => j === i || b.x1 > boxes[i].x2 || b.x2 < boxes[i].x1 || b.y1 > boxes[i].y2 || b.y2 < boxes[i].y1);
    let pick = Math.floor(all.length / 2);
    for (let k = 0; k < all.length && !clear(pick); k++) pick = (pick + 1) % all.length;
    const target = all[pick];
    cy.center(target);
    cy.zoom({ level: 1.2, renderedPosition: target.renderedPosition() });
    await frame();
    await frame();
    const rp = target.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    const at = { clientX: box.left + rp.x, clientY: box.top + rp.y, bubbles: true };
    const canvas = document.elementFromPoint(at.clientX, at.clientY)!;
    for (const type of ['mousedown', 'mouseup']) canvas.dispatchEvent(new MouseEvent(type, { ...at, button: 0 }));
    await frame();
    await new Promise((r) => setTimeout(r, 50));
    const sel = [...ws.getState().selection];
    const webglActive = !!cy.container().querySelector('canvas[data-id$="-webgl"]');

    return { webglActive, selectionOk: sel.length === 1 && sel[0] === target.id() };
  });

  return {
    webglActive: picked.webglActive, elements: built.nodes + built.edges, nodes: built.nodes, edges: built.edges,
    renderMs: Math.round(built.renderMs), layoutMs: Math.round(built.layoutMs), layoutTotalMs: Math.round(built.layoutTotalMs),
    renderAndLayoutMs: Math.round(built.renderAndLayoutMs), renderAndLayoutLayoutMs: Math.round(built.renderAndLayoutLayoutMs),
    renderAndLayoutSteps: { handedMs: Math.round(built.renderAndLayoutSteps.handedMs), positionsMs: Math.round(built.renderAndLayoutSteps.positionsMs) },
    positionedOnArrival: built.positionedOnArrival,
    pan, selectionOk: picked.selectionOk, ...(built.organisation ? { organisation: built.organisation } : {}),
  };
}

/**
 * Pans the way a user does — pressing on the chart's background and dragging — while the page
 * records the time between animation frames. (A programmatic cy.panBy() is not a user gesture:
 * it bypasses what the renderer does during one, such as drawing from a cached texture.)
 */
async function dragPan(page: Page, frames: number): Promise<ClientBenchResult['pan']> {
  const start = await page.evaluate(() => {
    type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const cy = (window as Any).__cy;
    const box = cy.container().getBoundingClientRect();
    const boxes = cy.nodes().map((n: Any) => n.renderedBoundingBox({ includeLabels: true }));
    // A point on the background near the middle, so the press pans instead of grabbing a node.
    for (let ring = 0; ring < 40; ring++) {
      for (let k = 0; k < 16; k++) {
        const x = box.width / 2 + Math.cos((k / 16) * 2 * Math.PI) * ring * 12;
        const y = box.height / 2 + Math.sin((k / 16) * 2 * Math.PI) * ring * 12;
        if (x < 20 || y < 20 || x > box.width - 20 || y > box.height - 20) continue;
        const hit = boxes.some((b: Any) => x >= b.x1 - 4 && x <= b.x2 + 4 && y >= b.y1 - 4 && y <= b.y2 + 4);
        if (!hit) return { x: box.left + x, y: box.top + y };
      }
    }
    return { x: box.left + 10, y: box.top + 10 };
  });
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // One move per frame, back and forth, for about `frames` frames.
  for (let i = 0; i < frames; i++) {
    const dx = i % 60 < 30 ? 6 : -6;
    const dy = i % 40 < 20 ? 3 : -3;
    await page.mouse.move(start.x + dx * (i % 30), start.y + dy * (i % 20));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await page.mouse.up();
  const times = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  const deltas = times.slice(1).map((t, i) => t - times[i]!).sort((a, b) => a - b);
  const mean = deltas.reduce((a, b) => a + b, 0) / Math.max(1, deltas.length);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    frames: deltas.length, meanMs: round(mean), p95Ms: round(deltas[Math.floor(deltas.length * 0.95)] ?? 0),
    maxMs: round(deltas[deltas.length - 1] ?? 0), fps: Math.round(1000 / Math.max(mean, 0.001)),
  };
}
