import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkId } from '../../server/graph/write.js';
import { chartCounts, screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * The Duplicates screen in a real browser. An analyst has recorded the same man twice:
 * "Steven <surname>" (living at an address, driving a car) and "Stephen <surname>" (an associate
 * of Orla Other), both born 14/07/1987. The screen lists the pair with its reasons; the analyst
 * merges Stephen into Steven (proposed, as the better supported), the chart and search follow and
 * the association moves to Steven; undo puts everything back. A researcher, who may not merge,
 * sees the pair without any merge control. Esc closes the screen and leaves the chart as it was.
 */
let app: BrowserApp;
let page: Page;
let steven: string, stephen: string, orla: string, home: string, car: string;
let surname: string;
let analystToken: string;

/** Letters unique to this run (names are compared by their letters only). */
const letters = (hex: string) => [...hex].map((c) => String.fromCharCode(97 + (parseInt(c, 16) || 0))).join('');

const ws = <T>(fn: string, arg?: unknown) => page.evaluate(`(${fn})(window.__workspace, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
const onChart = (p: Page, id: string) => p.evaluate((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).length > 0, id);
const pairKey = () => [steven, stephen].sort().join('|');
const card = (p: Page) => p.locator(`[data-testid="dup-pair"][data-ids="${pairKey()}"]`);
const searchIds = async (text: string) => (await ws<{ entity: { id: string } }[]>(`(w, t) => w.search(t)`, text)).map((h) => h.entity.id);

async function openDuplicates(p: Page) {
  await p.getByTestId('open-duplicates').click();
  await p.getByTestId('duplicates-dialog').waitFor();
  await p.getByTestId('dup-name-filter').fill(surname);
  await card(p).waitFor();
}

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  surname = `Dup${letters(t.prefix.slice(1))}`.replace(/^./, (c) => c.toUpperCase());
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  analystToken = await t.user('analyst', 'ANALYST');
  await t.user('researcher', 'RESEARCHER');
  // Seeded through the API as an analyst records them.
  const create = async (id: string, type: string, props: Record<string, unknown>, label?: string) => {
    const r = await t.gql('mutation($i:EntityInput!){ createEntity(input:$i){ id } }', { i: { id: `${t.prefix}-${id}`, type, props, ...(label ? { label } : {}) } }, analystToken);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.createEntity.id as string;
  };
  const relate = async (source: string, type: string, target: string) => {
    const r = await t.gql('mutation($i:LinkInput!){ createLink(input:$i){ id } }', { i: { source, type, target } }, analystToken);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.createLink.id as string;
  };
  steven = await create('SV', 'Subject', { forename: 'Steven', surname, dob: '1987-07-14', gender: 'MALE' });
  stephen = await create('SP', 'Subject', { forename: 'Stephen', surname, dob: '1987-07-14', nationality: 'British' });
  orla = await create('OR', 'Subject', { forename: 'Orla', surname: 'Other' });
  home = await create('HM', 'Location', { address: '9 Quarry Row, Ashby', postcode: 'AB1 9QR' }, '9 Quarry Row');
  car = await create('CR', 'Vehicle', { vrm: 'QR19 ZXY', make: 'Ford', colour: 'Grey' });
  await relate(steven, 'LIVES_AT', home);
  await relate(steven, 'USES_VEHICLE', car);
  await relate(stephen, 'ASSOCIATE_OF', orla);

  page = await app.newPage();
  await signIn(page, t.url, `${t.prefix}.analyst`);
  await ws(`(w, ids) => w.add(ids)`, [steven, stephen, orla, home]);
  await settled(page);
}, 300_000);

afterAll(async () => {
  await app?.close();
});

describe('duplicates', () => {
  const stephenOrla = () => linkId(stephen, 'ASSOCIATE_OF', orla);
  const stevenOrla = () => linkId(steven, 'ASSOCIATE_OF', orla);

  it('lists the pair side by side with its reasons, what agrees and what differs', async () => {
    await openDuplicates(page);
    const c = card(page);
    const reasons = await c.getByTestId('dup-reason').allInnerTexts();
    const words = reasons.map((r) => r.replace(/^\W+/, ''));
    expect(words).toContain('Same date of birth: 14/07/1987');
    // The pair reads in id order, so the names come either way round.
    expect(words.filter((r) => ['Names sound alike: Steven and Stephen', 'Names sound alike: Stephen and Steven'].includes(r))).toHaveLength(1);
    expect(await c.getByTestId('dup-score').innerText()).toMatch(/^\d+% — (strong|likely|possible) match$/);
    const agreement = async (field: string) => c.locator(`[data-field="${field}"]`).getAttribute('data-agreement');
    expect(await agreement('dob')).toBe('same');
    expect(await agreement('label')).toBe('alike');
    expect(await agreement('forename')).toBe('alike');
    expect(await agreement('surname')).toBe('same');
    expect(await agreement('gender')).toBe('one');
    expect(await c.locator('[data-field="dob"] td').allInnerTexts()).toEqual(['14/07/1987', '14/07/1987']);
    await screenshotBoth(page, 'duplicates-list');
  });

  it('merges after a confirmation that proposes the better supported record and says what moves; chart and search follow', async () => {
    await card(page).getByTestId('dup-merge').click();
    const confirm = page.getByTestId('dup-confirm');
    await confirm.waitFor();
    await page.getByTestId('dup-plan').filter({ hasText: '1 link moves across' }).waitFor();
    // Steven has two links to Stephen's one: he is proposed as the record kept.
    expect(await page.getByTestId(`dup-keep-${steven}`).isChecked()).toBe(true);
    expect(await page.getByTestId('dup-keep-why').innerText()).toContain('more links (2 against 1)');
    const plan = await page.getByTestId('dup-plan').innerText();
    expect(plan).toContain(`will be merged into “Steven ${surname}”`);
    expect(plan).toContain('is then archived');
    await screenshotBoth(page, 'duplicates-merge-confirm');

    expect(await onChart(page, stephenOrla())).toBe(true);
    await page.getByTestId('dup-confirm-merge').click();
    await page.getByTestId('dup-message').filter({ hasText: `Merged “Stephen ${surname}” into “Steven ${surname}”: 1 link moved across` }).waitFor();
    // The chart follows: Stephen leaves, his association is now Steven's.
    await page.waitForFunction(([gone, moved]) => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      return cy.getElementById(gone!).length === 0 && cy.getElementById(moved!).length === 1;
    }, [stephen, stevenOrla()]);
    await settled(page);
    expect(await onChart(page, stephenOrla())).toBe(false);
    expect(await onChart(page, steven)).toBe(true);
    // Search no longer finds Stephen; the pair has left the list; the merge is offered for undo.
    expect(await searchIds(`Stephen ${surname}`)).not.toContain(stephen);
    expect(await searchIds(`Steven ${surname}`)).toContain(steven);
    await card(page).waitFor({ state: 'detached' });
    await page.locator(`[data-testid="dup-merged"][data-id="${stephen}"]`).waitFor();
    // The server agrees: the link moved and Stephen is archived.
    const g = await app.t.gql('query($ids:[ID!]!){ graph(ids:$ids){ nodes{ id archived } edges{ id } } }', { ids: [steven, stephen, orla] }, analystToken);
    expect(g.data.graph.edges.map((e: { id: string }) => e.id)).toEqual([stevenOrla()]);
    expect(g.data.graph.nodes.find((n: { id: string }) => n.id === stephen).archived).toBe(true);
  });

  it('undoes the merge from the same screen: record, links, chart, search and list as they were', async () => {
    await page.locator(`[data-testid="dup-merged"][data-id="${stephen}"]`).getByTestId('dup-undo').click();
    await page.getByTestId('dup-message').filter({ hasText: `Merge undone: “Stephen ${surname}”` }).waitFor();
    await page.waitForFunction(([back, link, moved]) => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      return cy.getElementById(back!).length === 1 && cy.getElementById(link!).length === 1 && cy.getElementById(moved!).length === 0;
    }, [stephen, stephenOrla(), stevenOrla()]);
    await settled(page);
    expect(await searchIds(`Stephen ${surname}`)).toContain(stephen);
    await card(page).waitFor();
    expect(await page.locator(`[data-testid="dup-merged"][data-id="${stephen}"]`).count()).toBe(0);
    const g = await app.t.gql('query($ids:[ID!]!){ graph(ids:$ids){ nodes{ id archived } edges{ id } } }', { ids: [steven, stephen, orla] }, analystToken);
    expect(g.data.graph.edges.map((e: { id: string }) => e.id)).toEqual([stephenOrla()]);
    expect(g.data.graph.nodes.every((n: { archived: boolean }) => !n.archived)).toBe(true);
  });

  it('says clearly when the pair changed since it was listed, and keeps the choice on screen', async () => {
    await card(page).getByTestId('dup-merge').click();
    await page.getByTestId('dup-plan').filter({ hasText: '1 link moves across' }).waitFor();
    await page.getByTestId(`dup-keep-${stephen}`).check();
    // Someone else merges the pair meanwhile.
    const other = await app.t.gql('mutation($k:ID!,$m:ID!){ mergeEntities(keepId:$k, mergeId:$m){ id } }', { k: steven, m: stephen }, analystToken);
    expect(other.errors).toBeUndefined();
    await page.getByTestId('dup-confirm-merge').click();
    await page.getByTestId('dup-merge-error').filter({ hasText: 'this pair no longer exists as listed' }).waitFor();
    expect(await page.getByTestId(`dup-keep-${stephen}`).isChecked()).toBe(true);
    // Undone through the screen's form for an earlier merge.
    await page.getByTestId('dup-cancel').click();
    await page.getByTestId('dup-earlier-id').fill(stephen);
    await page.getByTestId('dup-earlier-undo').click();
    await page.getByTestId('dup-message').filter({ hasText: `Merge of ${stephen} undone` }).waitFor();
    await card(page).waitFor();
  });

  it('closes with Esc, leaving the chart behind untouched; chart keys do nothing while it is open', async () => {
    await page.getByTestId('duplicates-close').click();
    await page.getByTestId('duplicates-dialog').waitFor({ state: 'detached' });
    await ws(`(w, ids) => w.setSelection(ids)`, [orla]);
    const before = { counts: await chartCounts(page), state: await ws<unknown>(`(w) => ({ sel: [...w.getState().selection], undo: w.getState().undoLabel })`) };
    await page.getByTestId('open-duplicates').click();
    await page.getByTestId('duplicates-dialog').waitFor();
    await page.keyboard.press('Delete');
    await page.keyboard.press('h');
    await page.keyboard.press('Escape');
    await page.getByTestId('duplicates-dialog').waitFor({ state: 'detached' });
    expect(await chartCounts(page)).toEqual(before.counts);
    expect(await ws<unknown>(`(w) => ({ sel: [...w.getState().selection], undo: w.getState().undoLabel })`)).toEqual(before.state);
  });

  it('shows a role that may not merge the pair and the reason, with no merge or undo control', async () => {
    const p = await app.newPage();
    await signIn(p, app.t.url, `${app.t.prefix}.researcher`);
    await openDuplicates(p);
    expect(await card(p).getByTestId('dup-reason').count()).toBeGreaterThan(1);
    expect(await p.getByTestId('dup-merge').count()).toBe(0);
    expect(await p.getByTestId('dup-undo').count()).toBe(0);
    expect(await p.getByTestId('dup-earlier-undo').count()).toBe(0);
    expect(await p.getByTestId('dup-no-merge').innerText()).toContain('does not allow merging records');
    // Show on chart still works: both records are added.
    expect(await onChart(p, steven)).toBe(false);
    await card(p).getByTestId('dup-show').click();
    await p.getByTestId('dup-message').filter({ hasText: 'are on the chart' }).waitFor();
    await p.waitForFunction(([a, b]) => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      return cy.getElementById(a!).length === 1 && cy.getElementById(b!).length === 1;
    }, [steven, stephen]);
  });
});
