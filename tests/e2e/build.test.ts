import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartCounts, screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * Building a chart by hand in a real browser, through the API's write path: two entities added
 * (a validation error first), linked with a graded report written in the link dialog, the report
 * seen under "why linked", one entity edited in place; then what an analyst who does not grade,
 * and a read-only role, are offered.
 */
let app: BrowserApp;
let page: Page;
let officer: string;
let analyst: string;
let researcher: string;

type Win = { __workspace: { getState(): any; select(ids: string[]): void; add(ids: string[]): Promise<string[]>; undo(): boolean }; __cy: import('cytoscape').Core };
const state = <T>(p: Page, fn: string) => p.evaluate(`(${fn})(window.__workspace.getState())`) as Promise<T>;
const selected = (p: Page) => state<string[]>(p, '(s) => [...s.selection]');

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  // A report already written, for the analyst to find and attach.
  reportId = await t.entity('R1', 'IntelligenceReport', { text: 'Quillon keeps a black Ford estate at her mother\'s address.', sourceEvaluation: '1', intelAssessment: 'A' }, {}, 'Report: Quillon estate car');
  // The grading role writes reports; an analyst draws with them; a researcher only reads.
  await t.user('officer', 'INTEL_OFFICER');
  await t.user('analyst', 'ANALYST');
  await t.user('researcher', 'RESEARCHER');
  officer = `${t.prefix}.officer`;
  analyst = `${t.prefix}.analyst`;
  researcher = `${t.prefix}.researcher`;
  page = await app.newPage();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

let vehicleId = '';
let subjectId = '';
let reportId = '';
let linkId = '';

// The first steps load the client and sign in on a machine shared with other builds: room to spare.
describe('building a chart by hand', { timeout: 120_000 }, () => {
  it('adds an entity from the toolbar: a required field left empty is named and focused, then it is created, drawn and selected', async () => {
    await signIn(page, app.t.url, officer);
    await page.getByTestId('toolbar-add-entity').click();
    const dialog = page.getByTestId('add-entity-dialog');
    await dialog.waitFor();
    await page.getByTestId('add-entity-type').selectOption('Vehicle');
    // Markings start at OFFICIAL, handling P.
    expect(await page.getByTestId('add-entity-classification').inputValue()).toBe('OFFICIAL');
    expect(await page.getByTestId('add-entity-handling').inputValue()).toBe('P');
    await page.getByTestId('add-entity-field-make').fill('Ford');
    await page.getByTestId('add-entity-submit').click();
    const vrm = page.getByTestId('add-entity-field-vrm');
    await expect.poll(() => dialog.locator('.field-error').allTextContents()).toEqual(['VRM is required']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('vrm');
    expect(await vrm.getAttribute('aria-invalid')).toBe('true');
    // Handling C without conditions is refused on the conditions.
    await vrm.fill('BD51 SMR');
    await page.getByTestId('add-entity-handling').selectOption('C');
    await page.getByTestId('add-entity-submit').click();
    await expect.poll(() => dialog.locator('.field-error').allTextContents()).toEqual([expect.stringMatching(/Handling code C needs its conditions/)]);
    await screenshotBoth(page, 'build-01-add-form');
    await page.getByTestId('add-entity-handling').selectOption('P');
    await page.getByTestId('add-entity-field-colour').fill('Black');
    await page.getByTestId('add-entity-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => (window as unknown as Win).__cy.nodes().length === 1);
    await settled(page);
    vehicleId = (await selected(page))[0]!;
    expect(vehicleId).toMatch(/^VEH-/);
    expect(await page.getByTestId('details-title').textContent()).toBe('BD51 SMR');
    expect(await state(page, '(s) => s.undoLabel')).toBe('Add BD51 SMR');
    // Written to the server with the markings chosen.
    const token = await app.t.user('officer', 'INTEL_OFFICER');
    const r = await app.t.gql('query($id:ID!){ entity(id:$id){ label props markings{ classification handling } } }', { id: vehicleId }, token);
    expect(r.data.entity).toMatchObject({ label: 'BD51 SMR', props: { vrm: 'BD51 SMR', make: 'Ford', colour: 'Black' }, markings: { classification: 'OFFICIAL', handling: 'P' } });
  });

  it('adds an entity from the context menu on empty canvas, placed where clicked', async () => {
    const box = (await page.getByTestId('chart-canvas').boundingBox())!;
    const at = { x: box.x + 120, y: box.y + box.height - 120 };
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page.getByTestId('ctx-add-entity').click();
    await page.getByTestId('add-entity-dialog').waitFor();
    expect(await page.getByTestId('add-entity-type').inputValue()).toBe('Subject');
    await page.getByTestId('add-entity-field-forename').fill('Ada');
    await page.getByTestId('add-entity-field-surname').fill('Quillon');
    await page.getByTestId('add-entity-field-dob').fill('31/02/1990');
    await page.getByTestId('add-entity-submit').click();
    await expect.poll(() => page.getByTestId('add-entity-dialog').locator('.field-error').allTextContents()).toEqual([expect.stringMatching(/dd\/mm\/yyyy/)]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('dob');
    await page.getByTestId('add-entity-field-dob').fill('07/03/1990');
    await page.getByTestId('add-entity-submit').click();
    await page.getByTestId('add-entity-dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => (window as unknown as Win).__cy.nodes().length === 2);
    await settled(page);
    subjectId = (await selected(page))[0]!;
    expect(await page.getByTestId('details-title').textContent()).toBe('Ada Quillon');
    expect(await page.evaluate((id) => (window as unknown as Win).__workspace.getState().doc.nodes.get(id).data.props.dob, subjectId)).toBe('1990-03-07');
    const drawn = await page.evaluate((id) => {
      const cy = (window as unknown as Win).__cy;
      const p = cy.getElementById(id).renderedPosition();
      const r = cy.container()!.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, subjectId);
    expect(Math.abs(drawn.x - at.x)).toBeLessThan(3);
    expect(Math.abs(drawn.y - at.y)).toBeLessThan(3);
  });

  it('links the two (L on the chart) with a graded report written in the dialog; why linked shows it with its grade', async () => {
    await page.evaluate(([a, b]) => (window as unknown as Win).__workspace.select([a!, b!]), [vehicleId, subjectId]);
    await page.getByTestId('chart').focus();
    await page.keyboard.press('l');
    const dialog = page.getByTestId('link-dialog');
    await dialog.waitFor();
    // Only what the model allows between a vehicle and a subject, flipped to run from the subject.
    expect(await page.getByTestId('link-type').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['USES_VEHICLE']);
    expect(await page.getByTestId('link-ends').textContent()).toBe('Ada Quillon (Subject) → BD51 SMR (Vehicle)');
    await page.getByTestId('link-field-from').fill('01/02/2024');
    await page.getByTestId('link-new-report').check();
    await page.getByTestId('link-submit').click();
    const errors = page.getByTestId('link-report-form').locator('.field-error');
    await expect.poll(() => errors.count()).toBe(3);
    expect(await errors.allTextContents()).toEqual(['Text is required', 'Source evaluation is required', 'Intel assessment is required']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('text');
    await page.getByTestId('link-report-field-text').fill('Quillon seen driving BD51 SMR in Ashby on several nights.');
    // A field's message goes once it is filled in; the others stay until they are.
    expect(await errors.allTextContents()).toEqual(['Source evaluation is required', 'Intel assessment is required']);
    await page.getByTestId('link-report-field-sourceEvaluation').selectOption('2');
    await page.getByTestId('link-report-field-intelAssessment').selectOption('B');
    await page.getByTestId('link-report-handling').selectOption('C');
    await page.getByTestId('link-report-condition-C3').check();
    await screenshotBoth(page, 'build-02-link-dialog');
    await page.getByTestId('link-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => (window as unknown as Win).__cy.edges().length === 1);
    await settled(page);
    expect(await chartCounts(page)).toMatchObject({ nodes: 2, edges: 1 });
    linkId = (await selected(page))[0]!;
    expect(linkId).toMatch(/^USES_VEHICLE-/);
    const edge = await page.evaluate((id) => { const e = (window as unknown as Win).__cy.getElementById(id); return { source: e.data('source'), target: e.data('target') }; }, linkId);
    expect(edge).toEqual({ source: subjectId, target: vehicleId });
    const why = page.getByTestId('why-linked');
    await why.getByTestId('reports').waitFor();
    expect(await why.getByTestId('report-grade').allTextContents()).toEqual(['2B']);
    expect(await why.getByTestId('report-handling').textContent()).toBe('Handling C (C3)');
    expect(await why.textContent()).toContain('Quillon seen driving BD51 SMR');
    expect(await page.evaluate((id) => (window as unknown as Win).__workspace.getState().doc.edges.get(id).data.props.from, linkId)).toBe('2024-02-01');
    await screenshotBoth(page, 'build-03-why-linked');
    expect(await state(page, '(s) => s.undoLabel')).toBe('Link Ada Quillon – BD51 SMR');
  });

  it('edits an entity in place: Cancel changes nothing, Save writes the change and the chart and details follow', async () => {
    await page.evaluate((id) => (window as unknown as Win).__workspace.select([id]), vehicleId);
    await page.getByTestId('details-edit').click();
    const colour = page.getByTestId('edit-entity-field-colour');
    expect(await colour.inputValue()).toBe('Black');
    await colour.fill('Silver');
    await page.getByTestId('edit-entity-cancel').click();
    expect(await page.getByTestId('props').textContent()).toContain('Black');
    expect(await state(page, '(s) => s.doc.edges.size')).toBe(1);
    await page.getByTestId('details-edit').click();
    await page.getByTestId('edit-entity-field-colour').fill('Silver');
    await page.getByTestId('edit-entity-label').fill('BD51 SMR (silver Ford)');
    await page.getByTestId('edit-entity-classification').selectOption('OFFICIAL-SENSITIVE');
    await page.getByTestId('edit-entity-save').click();
    await page.getByTestId('edit-entity').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('BD51 SMR (silver Ford)');
    expect(await page.getByTestId('props').textContent()).toContain('Silver');
    expect(await page.getByTestId('markings').textContent()).toContain('OFFICIAL-SENSITIVE');
    expect(await page.evaluate((id) => (window as unknown as Win).__cy.getElementById(id).data('label'), vehicleId)).toBe('BD51 SMR (silver Ford)');
    const token = await app.t.user('officer', 'INTEL_OFFICER');
    const r = await app.t.gql('query($id:ID!){ entity(id:$id){ label props markings{ classification } } }', { id: vehicleId }, token);
    expect(r.data.entity).toMatchObject({ label: 'BD51 SMR (silver Ford)', props: { colour: 'Silver', make: 'Ford' }, markings: { classification: 'OFFICIAL-SENSITIVE' } });
  });

  it('an analyst who does not grade supports a link with a report found by search, and is told why a new one is not offered', async () => {
    const p = await app.newPage();
    await signIn(p, app.t.url, analyst);
    await p.evaluate(([a, b]) => (window as unknown as Win).__workspace.add([a!, b!]), [vehicleId, subjectId]);
    await p.waitForFunction(() => (window as unknown as Win).__cy.nodes().length === 2);
    await p.evaluate(([a, b]) => (window as unknown as Win).__workspace.select([a!, b!]), [subjectId, vehicleId]);
    await p.getByTestId('toolbar-link').click();
    await p.getByTestId('link-dialog').waitFor();
    expect(await p.getByTestId('link-new-report').isDisabled()).toBe(true);
    expect(await p.getByTestId('link-new-report-why').textContent()).toContain('Your role cannot grade');
    // The link is already drawn: a report found by search is added to it, its own report stays.
    expect(await p.getByTestId('link-exists').isVisible()).toBe(true);
    await p.getByTestId('link-report-query').fill('Quillon estate');
    await p.getByTestId('link-report-search').click();
    await p.getByTestId('link-report-results').getByText('Report: Quillon estate car').click();
    expect(await p.getByTestId('link-reports-chosen').textContent()).toBe('Chosen: Report: Quillon estate car (1A)');
    await screenshotBoth(p, 'build-04-link-dialog-analyst');
    await p.getByTestId('link-submit').click();
    await p.getByTestId('link-dialog').waitFor({ state: 'detached' });
    const why = p.getByTestId('why-linked');
    await expect.poll(() => why.getByTestId('report-grade').allTextContents()).toEqual(['1A', '2B']);
    expect(await p.getByTestId('link-strength').textContent()).toContain('2 reports');
    // Esc closes the dialog (the link is selected now: the two entities are selected again).
    await p.evaluate(([a, b]) => (window as unknown as Win).__workspace.select([a!, b!]), [subjectId, vehicleId]);
    await p.getByTestId('toolbar-link').click();
    await p.getByTestId('link-dialog').waitFor();
    await p.keyboard.press('Escape');
    await p.getByTestId('link-dialog').waitFor({ state: 'detached' });

    // Editing the report: its text is open to the analyst, its grading (grade and handling code) is not.
    await p.evaluate((id) => (window as unknown as Win).__workspace.add([id]), reportId);
    await p.waitForFunction((id) => (window as unknown as Win).__cy.getElementById(id).nonempty(), reportId);
    await p.evaluate((id) => (window as unknown as Win).__workspace.select([id]), reportId);
    await p.getByTestId('details-edit').click();
    await p.getByTestId('edit-entity').waitFor();
    expect(await p.getByTestId('edit-entity-field-text').isDisabled()).toBe(false);
    expect(await p.getByTestId('edit-entity-field-sourceEvaluation').isDisabled()).toBe(true);
    expect(await p.getByTestId('edit-entity-field-intelAssessment').isDisabled()).toBe(true);
    const handling = p.getByTestId('edit-entity-handling');
    expect(await handling.isDisabled()).toBe(true);
    expect(await handling.getAttribute('title')).toContain('Only roles that grade');
    expect(await p.getByTestId('edit-entity-classification').isDisabled()).toBe(false);
    await p.getByTestId('edit-entity-cancel').click();
    await p.getByTestId('edit-entity').waitFor({ state: 'detached' });
    await p.close();
  });

  it('draws a link by dragging from one entity to the other with the link tool (D): the dialog opens for the two, nothing is drawn without it', async () => {
    const p = await app.newPage();
    await signIn(p, app.t.url, analyst);
    await p.evaluate(([a, b]) => (window as unknown as Win).__workspace.add([a!, b!]), [vehicleId, subjectId]);
    await p.waitForFunction(() => (window as unknown as Win).__cy.nodes().length === 2);
    await settled(p);
    const edgesBefore = await p.evaluate(() => (window as unknown as Win).__cy.edges().length);
    await p.getByTestId('chart').focus();
    await p.keyboard.press('d');
    await p.getByTestId('link-hint').waitFor();
    expect(await p.getByTestId('toolbar-draw-link').getAttribute('aria-pressed')).toBe('true');
    const box = (await p.getByTestId('chart-canvas').boundingBox())!;
    const at = (id: string) => p.evaluate((id) => (window as unknown as Win).__cy.getElementById(id).renderedPosition(), id);
    const widthBefore = await p.evaluate((id) => (window as unknown as Win).__cy.getElementById(id).width(), vehicleId);
    const from = await at(subjectId);
    const to = await at(vehicleId);
    await p.mouse.move(box.x + from.x, box.y + from.y);
    await p.mouse.down();
    for (let i = 1; i <= 12; i++) await p.mouse.move(box.x + from.x + ((to.x - from.x) * i) / 12, box.y + from.y + ((to.y - from.y) * i) / 12);
    await p.waitForTimeout(250); // the tool takes a target after the pointer rests on it
    // The entity under the pointer is marked as the target, drawn as it was (not restyled as the line).
    const target = await p.evaluate((id) => { const n = (window as unknown as Win).__cy.getElementById(id); return { classes: n.classes(), width: n.width() }; }, vehicleId);
    expect(target.classes).toContain('eh-target');
    expect(target.width).toBe(widthBefore);
    await screenshotBoth(p, 'build-05-drawing-a-link');
    await p.mouse.up();
    await p.getByTestId('link-dialog').waitFor();
    expect(await p.getByTestId('link-ends').textContent()).toMatch(/^Ada Quillon \(Subject\) → BD51 SMR.* \(Vehicle\)$/);
    // The line drawn was only the gesture: until the dialog writes a link, the chart is as it was.
    expect(await p.evaluate(() => (window as unknown as Win).__cy.elements('.eh-ghost, .eh-preview').length)).toBe(0);
    expect(await p.evaluate(() => (window as unknown as Win).__cy.edges().length)).toBe(edgesBefore);
    await p.keyboard.press('Escape');
    await p.getByTestId('link-dialog').waitFor({ state: 'detached' });
    // Esc stops drawing; D on the chart switches it on and off.
    await p.keyboard.press('Escape');
    await p.getByTestId('link-hint').waitFor({ state: 'detached' });
    await p.getByTestId('chart').focus();
    await p.keyboard.press('d');
    await p.getByTestId('link-hint').waitFor();
    await p.keyboard.press('d');
    await p.getByTestId('link-hint').waitFor({ state: 'detached' });
    // Without the tool the same drag moves the entity instead.
    await p.mouse.move(box.x + from.x, box.y + from.y);
    await p.mouse.down();
    await p.mouse.move(box.x + from.x + 40, box.y + from.y + 30, { steps: 5 });
    await p.mouse.up();
    expect(await p.locator('[data-testid="link-dialog"]').count()).toBe(0);
    await p.close();
  });

  it('a read-only role is offered none of it', async () => {
    const p = await app.newPage();
    await signIn(p, app.t.url, researcher);
    await p.evaluate(([a, b]) => (window as unknown as Win).__workspace.add([a!, b!]), [vehicleId, subjectId]);
    await p.waitForFunction(() => (window as unknown as Win).__cy.nodes().length === 2);
    await settled(p);
    expect(await p.getByTestId('toolbar-add-entity').count()).toBe(0);
    expect(await p.getByTestId('toolbar-link').count()).toBe(0);
    expect(await p.getByTestId('toolbar-draw-link').count()).toBe(0);
    await p.evaluate((id) => (window as unknown as Win).__workspace.select([id]), subjectId);
    await p.getByTestId('node-details').waitFor();
    expect(await p.getByTestId('details-edit').count()).toBe(0);
    const box = (await p.getByTestId('chart-canvas').boundingBox())!;
    await p.mouse.click(box.x + 20, box.y + 20, { button: 'right' });
    await p.getByTestId('context-menu').waitFor();
    expect(await p.getByTestId('ctx-add-entity').count()).toBe(0);
    await p.keyboard.press('Escape');
    await p.evaluate(([a, b]) => (window as unknown as Win).__workspace.select([a!, b!]), [subjectId, vehicleId]);
    await p.getByTestId('chart').focus();
    await p.keyboard.press('l');
    expect(await p.locator('[data-testid="link-dialog"]').count()).toBe(0);
    await p.close();
  });

  it('undo takes the drawn link off the chart (the record stays on the server)', async () => {
    await page.evaluate(() => (window as unknown as Win).__workspace.getState());
    expect(await state(page, '(s) => s.undoLabel')).toBe('Link Ada Quillon – BD51 SMR');
    await page.evaluate(() => (window as unknown as Win).__workspace.undo());
    await page.waitForFunction(() => (window as unknown as Win).__cy.edges().length === 0);
    const token = await app.t.user('officer', 'INTEL_OFFICER');
    const r = await app.t.gql('query($id:ID!){ link(id:$id){ reports{ grade } } }', { id: linkId }, token);
    expect(r.data.link.reports).toEqual([{ grade: '1A' }, { grade: '2B' }]);
  });
});
