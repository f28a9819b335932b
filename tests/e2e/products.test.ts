import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { pdfPageTexts } from '../helpers/pdf.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * Intelligence products in a real browser, from draft to a partner reading the release.
 *
 * West Midlands Police (WMP) holds a subject, Lorne Harrowgate, with a dozen associates, two
 * places and a vehicle, each backed by graded reports. Its analyst drafts a subject profile from
 * the chart selection, edits a statement and adds a summary (version 2), reads what changed,
 * and submits it; the analyst cannot approve it. An intelligence officer opens the sanitised
 * version for Greater Manchester Police (GMP) beside the original and tries to disseminate it: refused
 * until a manager approves. WMP's manager approves; the officer disseminates; GMP's partner liaison
 * opens the received product from the inbox and reads it, marked. The printed documents carry
 * the marking in header and footer, the PDF on every page with its page numbers.
 */
let app: BrowserApp;
let WMP: string, GMP: string;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const names: Record<string, string> = {};
const pages: Record<string, Page> = {};
let productId = '';
let releaseId = '';

const MARKING = 'OFFICIAL-SENSITIVE';
const TITLE = 'Harrowgate: subject profile for the TT&CG';
const ADDED = ' Lives in the Jewellery Quarter.';
const SUMMARY = 'Harrowgate is the organiser of a cash-collection network across Birmingham.';
const FOR_PARTNER = 'A WMP subject with associates travelling to Greater Manchester weekly.';
const ASSOCIATES = [
  ['Ada', 'Quell'], ['Bram', 'Stoke'], ['Cora', 'Vane'], ['Dai', 'Rees'], ['Edda', 'Mount'], ['Fenn', 'Irwin'],
  ['Gale', 'Norris'], ['Hew', 'Lacey'], ['Ines', 'Pyke'], ['Jago', 'Thorne'], ['Kit', 'Ure'], ['Lyle', 'Wynn'],
];

async function openProducts(page: Page) {
  await page.getByTestId('open-products').click();
  await page.getByTestId('products-dialog').waitFor();
}

/** Opens a product from the list of the agency's products. */
async function openProduct(page: Page, id: string) {
  await openProducts(page);
  const row = page.getByTestId(`product-row-${id}`);
  await row.waitFor();
  await row.getByTestId('product-open').click();
  await expect.poll(() => page.getByTestId('product-view').getAttribute('data-product-id'), { timeout: 15_000 }).toBe(id);
}

const text = async (page: Page, testid: string) => (await page.getByTestId(testid).first().textContent()) ?? '';

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  WMP = `${t.prefix}-WMP`;
  GMP = `${t.prefix}-GMP`;
  const wmp = { agency: WMP, classification: MARKING };
  await t.entity('WMP', 'Agency', { kind: 'POLICE', desk: 'WMP Force Intelligence Bureau' }, { agency: WMP }, 'West Midlands Police');
  await t.entity('GMP', 'Agency', { kind: 'POLICE', desk: 'GMP Intelligence Hub' }, { agency: GMP }, 'Greater Manchester Police');
  ids.S1 = await t.entity('S1', 'Subject', { forename: 'Lorne', surname: 'Harrowgate', dob: '1984-06-11', pncId: '84/556677Q' }, wmp);
  ids.R0 = await t.entity('R0', 'IntelligenceReport', { text: 'Harrowgate collects cash from couriers at a unit in Digbeth on Fridays.', sourceEvaluation: '2', intelAssessment: 'B', eventDate: '2026-05-02' }, wmp, 'Digbeth collections');
  await t.link(ids.R0, 'MENTIONS', ids.S1, {}, [], wmp);
  for (const [i, [forename, surname]] of ASSOCIATES.entries()) {
    const s = await t.entity(`A${i}`, 'Subject', { forename, surname }, wmp);
    const day = String(i + 1).padStart(2, '0');
    const r = await t.entity(`RA${i}`, 'IntelligenceReport', { text: `${forename} ${surname} seen with Harrowgate at a car park, visit ${i + 1}.`, sourceEvaluation: i % 3 === 0 ? '1' : '2', intelAssessment: i % 2 ? 'B' : 'A', eventDate: `2026-04-${day}` }, wmp, `Sighting ${i + 1}`);
    await t.link(ids.S1, 'ASSOCIATE_OF', s, {}, [r], wmp);
    await t.link(r, 'MENTIONS', ids.S1, {}, [], wmp);
  }
  ids.L1 = await t.entity('L1', 'Location', { address: '12 Vyse Street', postcode: 'B18 6LT', lat: 52.4895, lon: -1.9106 }, wmp);
  ids.L2 = await t.entity('L2', 'Location', { address: 'Unit 4, Bordesley Street', postcode: 'B5 5PG', lat: 52.4765, lon: -1.8838 }, wmp);
  await t.link(ids.S1, 'LIVES_AT', ids.L1, { from: '2025-02-01' }, [ids.R0], wmp);
  await t.link(ids.S1, 'FREQUENTS', ids.L2, {}, [ids.R0], wmp);
  ids.V1 = await t.entity('V1', 'Vehicle', { vrm: 'HX21 KQP', make: 'Ford', model: 'Transit' }, wmp);
  await t.link(ids.S1, 'USES_VEHICLE', ids.V1, {}, [ids.R0], wmp);

  tokens.analyst = await t.user('analyst', 'ANALYST', { agency: WMP });
  tokens.manager = await t.user('manager', 'INTEL_MANAGER', { agency: WMP });
  tokens.officer = await t.user('officer', 'INTEL_OFFICER', { agency: WMP });
  tokens.partner = await t.user('partner', 'PARTNER_LIAISON', { agency: GMP, clearance: 'OFFICIAL-SENSITIVE' });
  for (const who of ['analyst', 'manager', 'officer', 'partner']) {
    names[who] = (await t.gql('{ me{ displayName } }', {}, tokens[who])).data.me.displayName;
    pages[who] = await app.newPage();
  }
  // The tasking meeting the product is written for, and its decision.
  const meeting = await t.gql('mutation($i:MeetingInput!){ createMeeting(input:$i){ id } }', { i: { kind: 'TTCG', date: new Date().toISOString().slice(0, 10), title: 'TT&CG Birmingham' } }, tokens.manager);
  ids.meeting = meeting.data.createMeeting.id;
  const decision = await t.gql('mutation($i:DecisionInput!){ recordDecision(input:$i){ id } }', { i: { meetingId: ids.meeting, text: 'Target the Harrowgate cash network', rationale: 'Highest harm in the force area' } }, tokens.manager);
  ids.decision = decision.data.recordDecision.id;
}, 300_000);

afterAll(async () => {
  if (!app) return;
  await app.t.db.write(cypher('MATCH (n) WHERE (n:Product OR n:ProductVersion OR n:ProductRelease) AND coalesce(n.agency, "") STARTS WITH $p DETACH DELETE n', { p: app.t.prefix }));
  await app.t.db.write(cypher('MATCH (v:ProductVersion) WHERE v.productId = $id DETACH DELETE v', { id: productId }));
  await app.t.db.write(cypher('MATCH (n) WHERE (n:Meeting OR n:Decision) AND n.agency STARTS WITH $p DETACH DELETE n', { p: app.t.prefix }));
  await app.close();
});

describe('an intelligence product from draft to a partner', () => {
  it('the analyst drafts a subject profile of the selected subject: marked top and bottom, cited, with its chart and map', async () => {
    const page = pages.analyst!;
    await signIn(page, app.t.url, `${app.t.prefix}.analyst`);
    await page.getByTestId('search-input').fill('Lorne Harrowgate');
    await page.getByTestId(`search-hit-${ids.S1}`).click();
    await page.waitForFunction((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).selected(), ids.S1);
    await settled(page);

    await openProducts(page);
    await page.getByTestId('product-new').click();
    // The subject defaults to the chart's selection.
    expect(await text(page, 'new-subject-label')).toBe('Lorne Harrowgate');
    expect(await page.getByTestId('new-marking').locator('option').allTextContents()).toEqual(['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET']);
    await page.getByTestId('new-title').fill(TITLE);
    await page.getByTestId('new-marking').selectOption(MARKING);
    await page.getByTestId('new-submit').click();
    const view = page.getByTestId('product-view');
    await expect.poll(() => view.getAttribute('data-product-id'), { timeout: 15_000 }).toMatch(/^PRD-/);
    productId = (await view.getAttribute('data-product-id'))!;

    expect(await text(page, 'marking-top')).toBe(MARKING);
    expect(await text(page, 'marking-bottom')).toBe(MARKING);
    expect(await text(page, 'product-status')).toBe('Draft');
    expect(await text(page, 'product-version')).toBe('Version 1');
    expect(await text(page, 'product-title')).toBe(TITLE);
    const stored = (await app.t.gql('query($id:ID!){ product(id:$id){ sources{ ref reportId grade } sections{ key statements{ text } } } }', { id: productId }, tokens.analyst)).data.product;
    expect(await page.getByTestId('sources-appendix').locator('tbody tr').count()).toBe(stored.sources.length);
    expect(await page.getByTestId('section-identity').textContent()).toContain('Lorne Harrowgate, born 1984-06-11.');
    // The associates section draws its network; the locations section a map with a scale bar in km.
    const network = page.getByTestId('snapshot-associates');
    expect(await network.getAttribute('data-kind')).toBe('NETWORK');
    expect(await network.getByTestId('snapshot-node').count()).toBeGreaterThan(ASSOCIATES.length / 2);
    const map = page.getByTestId('snapshot-locations');
    expect(await map.getAttribute('data-kind')).toBe('MAP');
    expect(await map.getByTestId('snapshot-node').count()).toBe(2);
    expect(await map.getByTestId('scale-bar').textContent()).toMatch(/^[\d.,]+ km$/);
    await map.scrollIntoViewIfNeeded();
    await screenshotBoth(page, 'products-01-map');

    // A citation shows its source on hover: reference, grade, date, handling.
    const cite = page.getByTestId('section-identity').getByTestId('cite-ref').first();
    const label = (await cite.textContent())!;
    const [ref, grade] = label.split(' ');
    expect(stored.sources.find((s: { ref: string }) => s.ref === ref).grade).toBe(grade);
    await cite.hover();
    const pop = page.getByTestId('cite-popover');
    await pop.waitFor();
    expect(await pop.textContent()).toContain(`${ref} ${grade}`);
    expect(await pop.getByTestId('cite-popover-line').textContent()).toMatch(/Graded \w\w · \d{2} \w{3} \d{4} · handling P · OFFICIAL-SENSITIVE/);
    // A resize moves the citation from under the pointer: hovered again at each size, its source stays shown.
    await screenshotBoth(page, 'products-01-draft', { each: () => cite.hover() });
    expect(await pop.textContent()).toContain(`${ref} ${grade}`);
    await page.mouse.move(5, 5);
  });

  it('edits a statement and adds a summary (version 2), reads what changed, and is told clearly when its version went stale', async () => {
    const page = pages.analyst!;
    await page.getByTestId('product-edit').click();
    const identity = page.getByTestId('statement-text-identity-0');
    const before = await identity.inputValue();
    await identity.fill(before + ADDED);
    await page.getByTestId('add-statement-summary').click();
    await page.getByTestId('statement-text-summary-0').fill(SUMMARY);
    await page.getByTestId('cites-summary-0').click();
    await page.getByTestId('cites-summary-0-S1').check();
    await page.getByTestId('save-note').fill('Summary written; home address added');
    await screenshotBoth(page, 'products-02-editing');
    await page.getByTestId('save-version').click();
    await expect.poll(() => text(page, 'product-version'), { timeout: 15_000 }).toBe('Version 2');
    expect(await page.getByTestId('section-summary').textContent()).toContain(SUMMARY);
    expect(await page.getByTestId('section-summary').getByTestId('cite-ref').first().textContent()).toMatch(/^S1 \w\w$/);
    expect(await page.getByTestId('section-identity').textContent()).toContain(`${before}${ADDED}`);

    await page.getByTestId('product-tab-versions').click();
    await page.getByTestId('diff-from').selectOption('1');
    await page.getByTestId('diff-to').selectOption('2');
    await page.getByTestId('diff-show').click();
    await page.getByTestId('diff-view').waitFor();
    expect(await text(page, 'diff-summary')).toBe('1 changed, 1 added in 2 sections');
    const added = page.getByTestId('diff-section-summary').getByTestId('diff-row');
    expect(await added.getAttribute('data-kind')).toBe('added');
    expect(await added.textContent()).toContain(SUMMARY);
    const changed = page.getByTestId('diff-section-identity').getByTestId('diff-row');
    expect(await changed.getAttribute('data-kind')).toBe('changed');
    expect(await changed.locator('del').textContent()).toBe(before);
    expect(await changed.locator('ins').textContent()).toBe(before + ADDED);
    await screenshotBoth(page, 'products-03-diff');

    // Someone saves version 3 while this edit is open: the save is refused, with a reload.
    await page.getByTestId('product-tab-document').click();
    await page.getByTestId('product-edit').click();
    await page.getByTestId('statement-text-summary-0').fill(`${SUMMARY} Edited again.`);
    const other = await app.t.gql('mutation($id:ID!,$t:String){ saveProduct(id:$id, baseVersion:2, title:$t, note:"title"){ version } }', { id: productId, t: `${TITLE} (rev.)` }, tokens.analyst);
    expect(other.data.saveProduct.version).toBe(3);
    await page.getByTestId('save-version').click();
    const err = page.getByTestId('save-error');
    await err.waitFor();
    expect(await err.getAttribute('data-stale')).toBe('yes');
    expect(await err.textContent()).toContain('Version 3 was saved after the version 2 you edited');
    await page.getByTestId('reload-product').click();
    await expect.poll(() => text(page, 'product-version'), { timeout: 15_000 }).toBe('Version 3');
    expect(await page.getByTestId('edit-title').inputValue()).toBe(`${TITLE} (rev.)`);
    await page.getByTestId('edit-cancel').click();
  });

  it('the analyst submits it for review and has no approve button', async () => {
    const page = pages.analyst!;
    await page.getByTestId('action-SUBMIT').click();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => text(page, 'product-status'), { timeout: 15_000 }).toBe('Review');
    expect(await page.getByTestId('action-APPROVE').count()).toBe(0);
    expect(await page.getByTestId('product-edit').count()).toBe(0);
    expect(await text(page, 'approval-note')).toContain('an author cannot approve their own product');
  });

  it('the officer sees the sanitised version for GMP beside the original; disseminating before approval is refused', async () => {
    const page = pages.officer!;
    await signIn(page, app.t.url, `${app.t.prefix}.officer`);
    await openProduct(page, productId);
    expect(await page.getByTestId('action-APPROVE').count()).toBe(0);
    await page.getByTestId('product-tab-sanitised').click();
    // Every agency is offered by name (the directory), never the officer's own.
    await expect.poll(() => page.locator(`datalist option[value="${GMP}"]`).count()).toBe(1);
    expect(await page.locator(`datalist option[value="${GMP}"]`).textContent()).toBe('Greater Manchester Police');
    expect(await page.locator(`datalist option[value="${WMP}"]`).count()).toBe(0);
    await page.getByTestId('release-agency').fill(GMP);
    await page.getByTestId('release-clearance').selectOption('OFFICIAL-SENSITIVE');
    await page.getByTestId('sanitised-show').click();
    await page.getByTestId('side-by-side').waitFor();

    const api = (await app.t.gql('query($id:ID!,$a:String!){ productSanitised(id:$id, recipientAgency:$a, recipientClearance:"OFFICIAL-SENSITIVE"){ withheld recipientAgencyName sections{ key statements{ text } } } }', { id: productId, a: GMP }, tokens.officer)).data.productSanitised;
    expect(api.withheld).toBeGreaterThan(0);
    expect(await text(page, 'sanitised-withheld')).toBe(`${api.withheld} statement${api.withheld === 1 ? '' : 's'} withheld`);
    expect(await text(page, 'sanitised-recipient')).toBe(api.recipientAgencyName);
    // Left the original (with the sensitive PNC number and the author's summary), right what GMP may be told.
    const identity = page.getByTestId('side-identity');
    expect(await identity.getByTestId('side-original').textContent()).toContain('84/556677Q');
    expect(await identity.getByTestId('side-sanitised').textContent()).not.toContain('84/556677Q');
    expect(await identity.getByTestId('side-sanitised').textContent()).toContain('Lorne Harrowgate');
    const summary = page.getByTestId('side-summary');
    expect(await summary.getByTestId('side-original').textContent()).toContain(SUMMARY);
    expect(await summary.getByTestId('side-sanitised').textContent()).not.toContain(SUMMARY);
    await screenshotBoth(page, 'products-04-side-by-side');
    await page.getByTestId('narrative-summary').fill(FOR_PARTNER);
    await page.getByTestId('release-purpose').fill('Inform GMP of a subject whose associates are active in its area');
    await page.getByTestId('release-lawful-basis').fill('DPA 2018 Part 3 s.35; common law policing purpose');
    await page.getByTestId('release-agreement').fill('North West and West Midlands ROCU ISA 2025');
    await page.getByTestId('release-submit').click();
    const refused = page.getByTestId('release-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('A product must be approved by a manager before it is disseminated');
    await screenshotBoth(page, 'products-04-refused');
  });

  it('the manager approves it', async () => {
    const page = pages.manager!;
    await signIn(page, app.t.url, `${app.t.prefix}.manager`);
    await openProduct(page, productId);
    expect(await text(page, 'product-status')).toBe('Review');
    await page.getByTestId('action-APPROVE').click();
    await page.getByTestId('action-comment').fill('Approved for release to partners');
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => text(page, 'product-status'), { timeout: 15_000 }).toBe('Approved');
    expect(await text(page, 'product-approved')).toContain(`Approved by ${names.manager}`);
    await page.getByTestId('product-tab-history').click();
    const rows = page.getByTestId('history-row');
    expect(await rows.first().getAttribute('data-action')).toBe('APPROVE');
    expect(await rows.first().textContent()).toContain('Approved for release to partners');

    // The manager records the tasking meeting and decision it informed.
    await page.getByTestId('link-meeting').selectOption(ids.meeting!);
    await page.getByTestId('link-decision').selectOption(ids.decision!);
    await page.getByTestId('link-submit').click();
    await expect.poll(() => text(page, 'decision-linked'), { timeout: 15_000 }).toContain('Target the Harrowgate cash network');
    expect(await text(page, 'decision-linked')).toContain('TT&CG Birmingham');
    expect(await rows.first().getAttribute('data-action')).toBe('LINK');
    await screenshotBoth(page, 'products-05-approved');
  });

  it('the officer disseminates the approved product to GMP', async () => {
    const page = pages.officer!;
    await page.getByTestId('release-submit').click();
    const done = page.getByTestId('release-done');
    await done.waitFor();
    releaseId = /\((REL-[^)]+)\)/.exec((await done.textContent())!)?.[1] ?? '';
    expect(releaseId).toMatch(/^REL-/);
    await expect.poll(() => text(page, 'product-status'), { timeout: 15_000 }).toBe('Disseminated');
  });

  it('the partner opens the product from the inbox and reads it, marked, without the original\u2019s sensitive detail', async () => {
    const page = pages.partner!;
    await signIn(page, app.t.url, `${app.t.prefix}.partner`);
    await page.getByTestId('inbox-button').click();
    await page.getByTestId('inbox-tab-received').click();
    const open = page.getByTestId('diss-open-product');
    await open.waitFor();
    await open.click();
    const view = page.getByTestId('release-view');
    await view.waitFor();
    expect(await view.getAttribute('data-release-id')).toBe(releaseId);
    await view.getByTestId('release-document').waitFor();
    expect(await text(page, 'release-marking')).toBe(MARKING);
    expect(await text(page, 'marking-top')).toBe(MARKING);
    expect(await text(page, 'marking-bottom')).toBe(MARKING);
    const doc = (await page.getByTestId('release-document').textContent())!;
    expect(doc).toContain('Lorne Harrowgate');
    expect(doc).toContain(FOR_PARTNER);
    expect(doc).not.toContain(SUMMARY);
    expect(doc).not.toContain('84/556677Q');
    await screenshotBoth(page, 'products-06-partner-reads');

    // A partner drafts nothing; the Received tab lists what was released to GMP.
    await page.getByTestId('products-tab-products').click();
    await page.getByTestId('products-empty').waitFor();
    expect(await page.getByTestId('product-new').count()).toBe(0);
    await page.getByTestId('products-tab-received').click();
    await page.getByTestId(`received-${releaseId}`).waitFor();

    // The printable document: the marking in its header and footer.
    await page.getByTestId(`received-${releaseId}`).getByTestId('received-open').click();
    await page.getByTestId('release-document').waitFor();
    await page.getByTestId('print-html').click();
    const frame = page.frameLocator('[data-testid="document-frame"]');
    expect(await frame.locator('[data-marking="header"]').textContent()).toBe(MARKING);
    expect(await frame.locator('[data-marking="footer"]').textContent()).toBe(MARKING);
    expect(await frame.locator('body').textContent()).toContain(FOR_PARTNER);
    // On screen both markings stay in view over the text scrolling under them, never mixed into it.
    const footer = await frame.locator('[data-marking="footer"]').evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, bottom: el.getBoundingClientRect().bottom, height: innerHeight }));
    expect(footer.bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(footer.bottom).toBeLessThanOrEqual(footer.height + 0.5);
    await screenshotBoth(page, 'products-07-print-preview');

    // Esc closes the preview, then the dialog; the chart behind it takes no keys.
    await page.keyboard.press('Escape');
    await page.getByTestId('document-preview').waitFor({ state: 'detached' });
    expect(await page.getByTestId('products-dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('products-dialog').waitFor({ state: 'detached' });
  });

  it('the PDF carries the marking on every page and numbers its pages', async () => {
    const page = pages.analyst!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const texts = pdfPageTexts(pdf);
    expect(texts.length).toBeGreaterThan(1);
    texts.forEach((t, i) => {
      expect(t.split('\n').filter((line) => line === MARKING).length).toBeGreaterThanOrEqual(2);
      expect(t).toContain(`Page ${i + 1} of ${texts.length}`);
    });
    expect(texts[0]).toContain(`${TITLE} (rev.)`);
    expect(texts.join('\n')).toContain(SUMMARY);
  });
});
