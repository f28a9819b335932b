import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { screenshotBoth, settled, signIn, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

/**
 * The requirement side in a real browser, on hand-built data: one question per coverage state
 * (none, weak: only a 3E report, stale: only old reports, covered: two good recent sources), the
 * board and its roll-ups, what to collect next, the gap overlay on the chart, a collection plan
 * (a refused task, a justified one, an overdue one) and the decision log in date order.
 */
let app: BrowserApp;
let page: Page;
const ids: Record<string, string> = {};
let manager: string;

const daysAgo = (n: number) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
// The page reads the server: allow for a busy database rather than vitest's one-second default.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const cy = <T>(fn: string, arg?: unknown) => page.evaluate(`(${fn})(window.__cy, ${JSON.stringify(arg ?? null)})`) as Promise<T>;

beforeAll(async () => {
  app = await startBrowserApp();
  const t = app.t;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  manager = await t.user('manager', 'INTEL_MANAGER', { clearance: 'SECRET' });
  await t.user('admin', 'ADMIN');

  ids.P1 = await t.entity('P1', 'Priority', { rank: 1, owner: 'ACC Crime' }, {}, 'County lines');
  ids.P2 = await t.entity('P2', 'Priority', { rank: 2, owner: 'Det Supt Fraud' }, {}, 'Fraud and money laundering');
  ids.NOBODY = await t.entity('SN', 'Subject', { forename: 'Nobody', surname: 'Known' });
  ids.THIN = await t.entity('SW', 'Subject', { forename: 'Wendell', surname: 'Thinly' });
  ids.STASH = await t.entity('LOC', 'Location', { address: '3 Quay Row, Eastport' }, {}, '3 Quay Row');
  ids.OCG = await t.entity('OCG', 'OCG', { status: 'ACTIVE' }, {}, 'Eastside Firm');

  const q = (key: string, text: string, reviewPeriodDays: number, concerns: string[]) => ({ id: `${t.prefix}-${key}`, text, reviewPeriodDays, concerns });
  const CREATE = 'mutation($i:RequirementInput!){ createRequirement(input:$i){ requirement{ id } } }';
  const r1 = await t.gql(CREATE, {
    i: {
      id: `${t.prefix}-IR1`, label: 'Eastside county line', kind: 'TACTICAL', priorityId: ids.P1, reviewDate: '2099-01-01',
      questions: [
        q('QN', 'Where does the unknown courier live?', 28, [ids.NOBODY]),
        q('QW', 'Who supplies the line?', 28, [ids.THIN]),
        q('QS', 'Where is the stash house?', 28, [ids.STASH]),
        q('QC', 'Who directs the group?', 28, [ids.OCG]),
      ],
    },
  }, manager);
  expect(r1.errors).toBeUndefined();
  const r2 = await t.gql(CREATE, {
    i: { id: `${t.prefix}-IR2`, label: 'Eastside proceeds', kind: 'STRATEGIC', priorityId: ids.P2, questions: [q('QF', 'Who launders the proceeds?', 90, [ids.OCG])] },
  }, manager);
  expect(r2.errors).toBeUndefined();
  for (const k of ['IR1', 'IR2', 'QN', 'QW', 'QS', 'QC', 'QF']) ids[k] = `${t.prefix}-${k}`;

  const report = (key: string, grade: string, when: string, source: string) => t.entity(key, 'IntelligenceReport', {
    text: `Report ${key}`, sourceEvaluation: grade[0], intelAssessment: grade[1], eventDate: when, sourceId: `${t.prefix}-${source}`,
  }, {}, `Report ${key}`);
  // Weak: only a 3E report, about the question and its subject.
  const rw = await report('RW', '3E', daysAgo(2), 'SRC-W');
  await t.link(rw, 'ANSWERS', ids.QW);
  await t.link(rw, 'MENTIONS', ids.THIN);
  // Stale: good reports, but years old.
  await t.link(await report('RS1', '1A', '2020-01-01', 'SRC-S1'), 'ANSWERS', ids.QS);
  await t.link(await report('RS2', '1A', '2020-02-01', 'SRC-S2'), 'MENTIONS', ids.STASH);
  // Covered: two independent good sources this month.
  await t.link(await report('RC1', '1A', daysAgo(3), 'SRC-1'), 'MENTIONS', ids.OCG);
  await t.link(await report('RC2', '2C', daysAgo(5), 'SRC-2'), 'MENTIONS', ids.OCG);

  ids.CP = await t.entity('CP', 'CollectionPlan', { owner: 'DS Collection' }, {}, 'Plan: Eastside county line');
  await t.link(ids.CP, 'PLANS_FOR', ids.IR1);
  const task = await t.gql('mutation($i:CollectionTaskInput!){ addCollectionTask(input:$i){ id overdue } }', {
    i: { planId: ids.CP, method: 'ANPR', owner: 'DS Collection', dueDate: '2020-01-01', questionIds: [ids.QN], justification: 'ANPR on the courier vehicle is the least intrusive way to find the address.' },
  }, manager);
  expect(task.data.addCollectionTask.overdue).toBe(true);
  ids.T1 = task.data.addCollectionTask.id;

  // The tasking record, entered out of date order: the log must still read oldest first.
  const M = 'mutation($i:MeetingInput!){ createMeeting(input:$i){ id } }';
  const D = 'mutation($i:DecisionInput!){ recordDecision(input:$i){ id } }';
  const tt = (await t.gql(M, { i: { kind: 'TTCG', date: daysAgo(20), title: 'TT&CG East', chair: 'Supt Ops' } }, manager)).data.createMeeting.id;
  const dec = (await t.gql(D, { i: { meetingId: tt, text: 'Task ANPR and a partner request against the county line', rationale: 'Children are being exploited as couriers on the line', relatedIds: [ids.IR1] } }, manager)).data.recordDecision.id;
  const act = await t.gql('mutation($i:ActionInput!){ addAction(input:$i){ id overdue } }', { i: { meetingId: tt, decisionId: dec, text: 'Commission a subject profile of the courier', owner: 'DI Intel', dueDate: daysAgo(6) } }, manager);
  expect(act.data.addAction.overdue).toBe(true);
  const st = (await t.gql(M, { i: { kind: 'STCG', date: daysAgo(60), title: 'ST&CG quarterly' } }, manager)).data.createMeeting.id;
  await t.gql(D, { i: { meetingId: st, text: 'County lines stays priority one', rationale: 'Highest harm in the strategic assessment' } }, manager);
  const rv = await t.gql('mutation($i:OperationalReviewInput!){ recordOperationalReview(input:$i){ id } }', {
    i: { operation: 'Op Kestrel', date: daysAgo(3), summary: 'Two arrests; the line was disrupted', findings: 'ANPR tasking came too late', meetingId: tt },
  }, manager);
  expect(rv.errors).toBeUndefined();

  page = await app.newPage();
}, 300_000);

afterAll(async () => {
  if (!app) return;
  await app.t.db.write(cypher(
    'MATCH (n) WHERE (n:CollectionTask OR n:Meeting OR n:Decision OR n:Action OR n:OperationalReview) AND n.agency STARTS WITH $p DETACH DELETE n', { p: app.t.prefix },
  ));
  await app.close();
});

describe('intelligence requirements in the browser', () => {
  it('is offered only to roles that read intelligence', async () => {
    const adminPage = await app.newPage();
    await signIn(adminPage, app.t.url, `${app.t.prefix}.admin`);
    await adminPage.getByTestId('toolbar-expand').waitFor();
    expect(await adminPage.getByTestId('open-requirements').count()).toBe(0);
    expect(await adminPage.getByTestId('gap-overlay-toggle').count()).toBe(0);
    await adminPage.close();

    await signIn(page, app.t.url, `${app.t.prefix}.manager`);
    expect(await page.getByTestId('open-requirements').isVisible()).toBe(true);
    expect(await page.getByTestId('gap-overlay-toggle').isVisible()).toBe(true);
  });

  it('the board shows each question in its coverage state with the reason, and rolls up worst-of', async () => {
    await page.getByTestId('open-requirements').click();
    await page.getByTestId('requirement-board').waitFor();
    const question = async (key: string) => {
      const row = page.getByTestId(`question-${ids[key]}`);
      return {
        state: await row.getAttribute('data-state'),
        label: await page.getByTestId(`question-state-${ids[key]}`).textContent(),
        reason: await page.getByTestId(`question-reason-${ids[key]}`).textContent(),
        facts: await page.getByTestId(`question-facts-${ids[key]}`).textContent(),
      };
    };
    const none = await question('QN');
    expect(none).toMatchObject({ state: 'NONE', label: expect.stringContaining('No coverage'), reason: 'No intelligence answers this' });
    expect(none.facts).toContain('No reports you may see');
    const weak = await question('QW');
    expect(weak).toMatchObject({ state: 'WEAK', label: expect.stringContaining('Weak') });
    expect(weak.reason).toContain('Only weak intelligence (source 3');
    const stale = await question('QS');
    expect(stale).toMatchObject({ state: 'STALE', label: expect.stringContaining('Stale') });
    expect(stale.reason).toContain('Nothing since 2020-02-01');
    expect(stale.facts).toContain('latest 2020-02-01');
    const covered = await question('QC');
    expect(covered).toMatchObject({ state: 'COVERED', label: expect.stringContaining('Covered') });
    expect(covered.facts).toContain('2 independent good sources');

    // Requirement and priority roll-ups: worst of the parts, with the share covered.
    expect(await page.getByTestId(`requirement-${ids.IR1}`).getAttribute('data-state')).toBe('NONE');
    expect(await page.getByTestId(`requirement-rollup-${ids.IR1}`).textContent()).toContain('1 of 4 questions covered (25%)');
    expect(await page.getByTestId(`priority-${ids.P1}`).getAttribute('data-state')).toBe('NONE');
    expect(await page.getByTestId(`priority-rollup-${ids.P1}`).textContent()).toContain('0 of 1 requirement covered (0%)');
    expect(await page.getByTestId(`requirement-${ids.IR2}`).getAttribute('data-state')).toBe('COVERED');
    expect(await page.getByTestId(`priority-${ids.P2}`).getAttribute('data-state')).toBe('COVERED');
    expect(await page.getByTestId(`priority-rollup-${ids.P2}`).textContent()).toContain('1 of 1 requirement covered (100%)');
    expect(await page.getByTestId('board-legend').textContent()).toMatch(/No coverage.*Weak.*Stale.*Covered/);

    // What to collect next: priority one's gaps by severity; covered questions are not gaps.
    const next = page.getByTestId('collect-next').locator(':scope > li');
    await poll(() => next.count()).toBe(3);
    expect(await next.evaluateAll((els) => els.map((e) => [e.getAttribute('data-testid'), e.getAttribute('data-state')])))
      .toEqual([[`next-${ids.QN}`, 'NONE'], [`next-${ids.QW}`, 'WEAK'], [`next-${ids.QS}`, 'STALE']]);
    expect(await page.getByTestId(`next-task-${ids.T1}`).textContent()).toMatch(/ANPR.*DS Collection.*due 2020-01-01.*Overdue/);
    expect(await page.getByTestId(`no-task-${ids.QN}`).count()).toBe(0);
    expect(await page.getByTestId(`no-task-${ids.QW}`).textContent()).toContain('No task exists');
    await screenshotBoth(page, 'requirement-board');
  });

  it('the collection plan flags the overdue task, shows the refusal of an unjustified task, and adds a justified one', async () => {
    await page.getByTestId(`requirement-plan-${ids.IR1}`).click();
    await page.getByTestId('task-table').waitFor();
    expect(await page.getByTestId('plan-requirement').inputValue()).toBe(ids.IR1);
    expect(await page.getByTestId(`task-${ids.T1}`).getAttribute('data-overdue')).toBe('true');
    expect(await page.getByTestId(`task-overdue-${ids.T1}`).textContent()).toContain('Overdue');
    expect(await page.getByTestId('plan-overdue-count').textContent()).toBe('1 overdue');

    const rows = page.getByTestId('task-table').locator('tbody tr');
    await page.getByTestId('task-method').selectOption('PARTNER_REQUEST');
    await page.getByTestId('task-owner').fill('DC Marsh');
    await page.getByTestId('task-due').fill('30/06/2099');
    await page.getByTestId(`task-question-${ids.QW}`).check();
    await page.getByTestId('task-submit').click();
    const refusal = page.getByTestId('task-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Write down why this collection is necessary and proportionate');
    expect(await page.getByTestId('task-error-justification').textContent()).toContain('necessary and proportionate');
    expect(await page.getByTestId('task-justification').getAttribute('aria-invalid')).toBe('true');
    // The cursor is put in the field the refusal names.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('task-justification');
    expect(await rows.count()).toBe(1);
    await screenshotBoth(page, 'collection-plan-refused');

    const why = 'Only the partner force holds the supplier’s custody records; a request is the least intrusive route.';
    await page.getByTestId('task-justification').fill(why);
    await page.getByTestId('task-submit').click();
    await page.getByTestId('task-added').waitFor();
    await poll(() => rows.count()).toBe(2);
    const added = rows.filter({ hasText: 'Partner request' });
    expect(await added.textContent()).toContain(why);
    expect(await added.textContent()).toContain('DC Marsh');
    expect(await added.textContent()).toContain('Who supplies the line?');
    expect(await added.getAttribute('data-overdue')).toBe('false');
    expect(await page.getByTestId('task-error').count()).toBe(0);
    await screenshotBoth(page, 'collection-plan');

    // Status: done, the task is no longer overdue.
    await page.getByTestId(`task-status-${ids.T1}`).selectOption('DONE');
    await poll(() => page.getByTestId(`task-${ids.T1}`).getAttribute('data-overdue')).toBe('false');
    expect(await page.getByTestId('plan-overdue-count').count()).toBe(0);

    // Back on the board, the weak question now has a task addressing it.
    await page.getByTestId('req-tab-board').click();
    await poll(() => page.getByTestId(`no-task-${ids.QW}`).count()).toBe(0);
    expect(await page.getByTestId(`next-${ids.QW}`).textContent()).toContain('Partner request');
  });

  it('the decision log lists meetings, decisions, actions and reviews in date order', async () => {
    await page.getByTestId('req-tab-decisions').click();
    const entries = page.getByTestId('log-entry');
    await poll(() => entries.count()).toBe(6);
    const log = await entries.evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-date')]));
    expect(log).toEqual([
      ['MEETING', daysAgo(60)], ['DECISION', daysAgo(60)],
      ['MEETING', daysAgo(20)], ['DECISION', daysAgo(20)], ['ACTION', daysAgo(20)],
      ['REVIEW', daysAgo(3)],
    ]);
    const text = await page.getByTestId('decision-log').textContent();
    expect(text).toContain('Strategic · STCG');
    expect(text).toContain('Tactical · TTCG');
    expect(text).toContain('Rationale: Children are being exploited as couriers on the line');
    expect(text).toContain('Concerns: Eastside county line');
    expect(text).toMatch(/Owner DI Intel · due \d{4}-\d{2}-\d{2} · Open/);
    expect(await page.getByTestId('log-action-overdue').count()).toBe(1);
    expect(text).toContain('Findings: ANPR tasking came too late');
    await screenshotBoth(page, 'decision-log');

    // A range with nothing in it says so.
    await page.getByTestId('log-from').fill('2001-01-01');
    await page.getByTestId('log-to').fill('2001-12-31');
    await page.getByTestId('log-show').click();
    await page.getByTestId('log-empty').waitFor();
  });

  it('the gap overlay rings the entities a requirement names by their coverage, and adds them to the chart', async () => {
    await page.getByTestId('req-close').click();
    await page.getByTestId('requirements-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('gap-overlay-toggle').check();
    await page.getByTestId('gap-requirement').waitFor();
    expect(await page.getByTestId('gap-requirement').inputValue()).toBe(ids.IR1);
    await poll(() => page.getByTestId('gap-add-entities').textContent()).toContain('(0 of 4 on chart)');
    await page.getByTestId('gap-add-entities').click();
    await poll(() => cy<number>('c => c.nodes().length')).toBe(4);
    await settled(page);
    expect(await page.getByTestId('gap-add-entities').textContent()).toContain('(4 of 4 on chart)');
    const gapOf = () => cy<Record<string, string | null>>('c => Object.fromEntries(c.nodes().map((n) => [n.id(), n.data("gap") ?? null]))');
    expect(await gapOf()).toEqual({ [ids.NOBODY]: 'NONE', [ids.THIN]: 'WEAK', [ids.STASH]: 'STALE', [ids.OCG]: 'COVERED' });
    // The ring is drawn, in a style per state (not colour alone).
    expect(await cy<string[]>('(c, ids) => ids.map((id) => c.getElementById(id).style("outline-style"))', [ids.NOBODY, ids.THIN, ids.STASH, ids.OCG]))
      .toEqual(['double', 'dashed', 'dotted', 'solid']);
    expect(await page.getByTestId('gap-legend').textContent()).toMatch(/No coverage.*Weak.*Stale.*Covered/);
    // Each named entity is listed with its state and why, gaps first.
    const listed = await page.getByTestId('gap-entities').locator(':scope > li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-testid'), e.getAttribute('data-state')]));
    expect(listed).toEqual([[`gap-entity-${ids.NOBODY}`, 'NONE'], [`gap-entity-${ids.THIN}`, 'WEAK'], [`gap-entity-${ids.STASH}`, 'STALE'], [`gap-entity-${ids.OCG}`, 'COVERED']]);
    expect(await page.getByTestId(`gap-entity-${ids.THIN}`).textContent()).toContain('Only weak intelligence');
    expect(await page.getByTestId(`gap-entity-${ids.STASH}`).textContent()).toContain('Nothing since 2020-02-01');
    await page.evaluate(() => (window as unknown as { __workspace: { clearSelection(): void } }).__workspace.clearSelection());
    await screenshotBoth(page, 'gap-overlay');

    // Another requirement: only what it names is ringed.
    await page.getByTestId('gap-requirement').selectOption(ids.IR2);
    await poll(gapOf).toEqual({ [ids.NOBODY]: null, [ids.THIN]: null, [ids.STASH]: null, [ids.OCG]: 'COVERED' });
    // Off: no rings, no legend entry.
    await page.getByTestId('gap-overlay-toggle').uncheck();
    await poll(gapOf).toEqual({ [ids.NOBODY]: null, [ids.THIN]: null, [ids.STASH]: null, [ids.OCG]: null });
    expect(await page.getByTestId('gap-legend').count()).toBe(0);

    // From the board: "Gaps on chart" turns the overlay on for that requirement.
    await page.getByTestId('open-requirements').click();
    await page.getByTestId(`requirement-gaps-${ids.IR1}`).click();
    await page.getByTestId('requirements-dialog').waitFor({ state: 'detached' });
    await poll(gapOf).toEqual({ [ids.NOBODY]: 'NONE', [ids.THIN]: 'WEAK', [ids.STASH]: 'STALE', [ids.OCG]: 'COVERED' });
    expect(await page.getByTestId('gap-overlay-toggle').isChecked()).toBe(true);
  });
});
