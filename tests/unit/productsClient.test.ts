import { describe, expect, it } from 'vitest';
import type { Product, ProductSection, ProductSnapshot, ProductSource, SectionDiff } from '../../client/src/products/api.js';
import {
  addStatement, agencyChoices, approvalNote, blankDraft, blankRelease, canDraft, canEdit, canEditTemplates, changedSections, citeLabels,
  defaultComparison, diffView, draftInput, draftProblems, editChanged, editProblems, editText, isStaleVersion, KM_PER_DEGREE, markingChoices,
  markingText, moveItem, moveStatement, projectSnapshot, releaseInput, releaseProblems, removeStatement, savePayload, scaleBar, setCitations,
  sideBySide, sourcesFor, startEdit, subjectFromSelection, templateProblems, toggleCitation, ukDay, ukDayTime, withheldText, workflowActions,
  type ProductViewer,
} from '../../client/src/products/model.js';
import type { GraphNode } from '../../client/src/workspace/types.js';

/** The products dialog's rules, as plain functions over plain data. */

const viewer = (role: string, username = 'me', permissions: string[] = []): ProductViewer => ({ username, role, permissions });
const section = (key: string, statements: [string, string, string[]?][], source = 'IDENTITY'): ProductSection => ({
  key, title: key.charAt(0).toUpperCase() + key.slice(1), source, guidance: null, snapshot: null,
  statements: statements.map(([id, text, cites = []]) => ({ id, text, cites, citeRefs: [] })),
});
const source = (ref: string, reportId: string, grade: string, extra: Partial<ProductSource> = {}): ProductSource =>
  ({ ref, reportId, grade, handling: 'P', classification: 'OFFICIAL-SENSITIVE', agency: 'AG1', date: '2026-10-02', summary: null, ...extra });
const product = (p: Partial<Product> = {}): Product => ({
  id: 'PRD-1', type: 'SUBJECT_PROFILE', typeTitle: 'Subject profile', title: 'Marlowe', status: 'DRAFT', version: 1, latestVersion: 1, templateVersion: 1,
  subjectIds: ['S1'], classification: 'OFFICIAL-SENSITIVE', compartments: [], sourceClassification: 'OFFICIAL-SENSITIVE', handling: 'P', agency: 'AG1',
  authorUsername: 'author', authorName: 'A. Author', createdAt: '2026-10-01T09:00:00Z', updatedAt: '2026-10-01T09:00:00Z',
  sections: [
    section('summary', [], 'NARRATIVE'),
    section('identity', [['identity-1', 'Quintus Marlowe, born 1985-03-02.', ['R1']], ['identity-2', 'PNC 85/123456X.']]),
    section('associates', [['associates-1', 'Ada Quell: associate.', ['R1', 'R5']]], 'ASSOCIATES'),
  ],
  sources: [source('S1', 'R1', '2B'), source('S2', 'R5', '2B', { date: null })],
  history: [], versions: [], releases: [], ...p,
});

describe('who gets which workflow button', () => {
  const cases: [string, string, boolean, string[]][] = [
    // role, status, is the author, buttons
    ['ANALYST', 'DRAFT', true, ['SUBMIT']],
    ['ANALYST', 'DRAFT', false, []],
    ['ANALYST', 'REVIEW', true, ['RETURN']],
    ['ANALYST', 'REVIEW', false, []],
    ['INTEL_MANAGER', 'REVIEW', false, ['APPROVE', 'RETURN']],
    ['DIRECTOR', 'REVIEW', false, ['APPROVE', 'RETURN']],
    // A manager who wrote the product returns it but cannot approve it.
    ['INTEL_MANAGER', 'REVIEW', true, ['RETURN']],
    ['PRINCIPAL_ANALYST', 'REVIEW', false, []],
    ['INTEL_OFFICER', 'REVIEW', false, []],
    ['ANALYST', 'APPROVED', true, ['REOPEN', 'FILE']],
    ['INTEL_MANAGER', 'APPROVED', false, ['REOPEN', 'FILE']],
    ['INTEL_OFFICER', 'APPROVED', false, []],
    ['ANALYST', 'DISSEMINATED', true, ['FILE']],
    ['DIRECTOR', 'DISSEMINATED', false, ['FILE']],
    ['INTEL_MANAGER', 'FILED', false, []],
    ['PARTNER_LIAISON', 'REVIEW', false, []],
  ];
  it.each(cases)('%s on a %s product (author: %s) gets %j', (role, status, author, buttons) => {
    const p = { status: status as Product['status'], authorUsername: author ? 'me' : 'someone-else' };
    expect(workflowActions(p, viewer(role)).map((b) => b.action)).toEqual(buttons);
  });

  it('asks for a comment when a product goes back to draft, not when it moves on', () => {
    const manager = viewer('INTEL_MANAGER');
    const review = workflowActions({ status: 'REVIEW', authorUsername: 'x' }, manager);
    expect(Object.fromEntries(review.map((b) => [b.action, b.needsComment]))).toEqual({ APPROVE: false, RETURN: true });
    expect(workflowActions({ status: 'APPROVED', authorUsername: 'x' }, manager).find((b) => b.action === 'REOPEN')?.needsComment).toBe(true);
    expect(workflowActions({ status: 'DRAFT', authorUsername: 'me' }, viewer('ANALYST'))[0]).toMatchObject({ label: 'Submit for review', needsComment: false });
  });

  it('tells the author (and other non-managers) who approves', () => {
    expect(approvalNote({ status: 'REVIEW', authorUsername: 'me' }, viewer('INTEL_MANAGER'))).toMatch(/cannot approve their own/);
    expect(approvalNote({ status: 'REVIEW', authorUsername: 'x' }, viewer('ANALYST'))).toMatch(/intelligence manager or director/);
    expect(approvalNote({ status: 'REVIEW', authorUsername: 'x' }, viewer('DIRECTOR'))).toBeNull();
    expect(approvalNote({ status: 'DRAFT', authorUsername: 'me' }, viewer('ANALYST'))).toBeNull();
  });

  it.each([
    ['ANALYST', true, false], ['PRINCIPAL_ANALYST', true, true], ['INTEL_OFFICER', true, false], ['INTEL_MANAGER', true, false],
    ['DIRECTOR', false, false], ['RESEARCHER', false, false], ['PARTNER_LIAISON', false, false], ['ADMIN', false, false],
  ])('%s drafts: %s; edits templates: %s', (role, drafts, templates) => {
    expect(canDraft({ role })).toBe(drafts);
    expect(canEditTemplates({ role })).toBe(templates);
  });

  it('lets only the author edit, only a draft, only at its latest version', () => {
    const me = viewer('ANALYST', 'author');
    expect(canEdit(product(), me)).toBe(true);
    expect(canEdit(product(), viewer('ANALYST', 'other'))).toBe(false);
    expect(canEdit(product({ status: 'REVIEW' }), me)).toBe(false);
    expect(canEdit(product({ version: 1, latestVersion: 2 }), me)).toBe(false);
  });
});

describe('markings and a new draft', () => {
  it('offers markings up to the viewer\u2019s clearance, never TOP SECRET', () => {
    expect(markingChoices('OFFICIAL-SENSITIVE')).toEqual(['OFFICIAL', 'OFFICIAL-SENSITIVE']);
    expect(markingChoices('TOP SECRET')).toEqual(['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET']);
    expect(markingText('SECRET', ['UC', 'CHIS'])).toBe('SECRET [CHIS, UC]');
    expect(markingText('OFFICIAL')).toBe('OFFICIAL');
  });

  const node = (id: string, type: string, extra: Partial<GraphNode> = {}): GraphNode => ({ id, type, label: `${type} ${id}`, restricted: false, props: {}, ...extra });
  it('defaults the subject to the first selected Subject or OCG the viewer may see', () => {
    expect(subjectFromSelection([node('V1', 'Vehicle'), node('S1', 'Subject'), node('O1', 'OCG')])).toEqual({ id: 'S1', label: 'Subject S1' });
    expect(subjectFromSelection([undefined, node('O1', 'OCG')])).toEqual({ id: 'O1', label: 'OCG O1' });
    expect(subjectFromSelection([node('x', 'Subject', { restricted: true })])).toBeNull();
    expect(subjectFromSelection([])).toBeNull();
    const f = blankDraft([node('S1', 'Subject')], 'OFFICIAL');
    expect(f).toMatchObject({ type: 'SUBJECT_PROFILE', subject: { id: 'S1' }, classification: 'OFFICIAL', handling: 'P' });
    expect(blankDraft([], 'SECRET').classification).toBe('OFFICIAL-SENSITIVE');
  });

  it('checks what each type needs and sends only the fields it uses', () => {
    const f = { ...blankDraft([], 'SECRET'), title: '  ' };
    expect(Object.keys(draftProblems(f)).sort()).toEqual(['subject', 'title']);
    expect(Object.keys(draftProblems({ ...f, type: 'PROBLEM_PROFILE', title: 'Drugs' }))).toEqual(['crimeType']);
    expect(draftProblems({ ...f, type: 'TACTICAL_ASSESSMENT', title: 'TA' })).toEqual({});
    const problem = { ...f, type: 'PROBLEM_PROFILE' as const, title: ' Drugs supply ', crimeType: 'DRUGS_SUPPLY', area: { id: 'A1', label: 'North' }, subject: { id: 'S1', label: 'x' }, compartments: ['UC', 'CHIS', 'UC'] };
    expect(draftInput(problem)).toEqual({
      type: 'PROBLEM_PROFILE', title: 'Drugs supply', subjectIds: [], crimeType: 'DRUGS_SUPPLY', areaId: 'A1',
      classification: 'OFFICIAL-SENSITIVE', compartments: ['CHIS', 'UC'], handling: 'P',
    });
    expect(draftInput({ ...problem, type: 'SUBJECT_PROFILE' })).toMatchObject({ subjectIds: ['S1'], crimeType: null, areaId: null });
  });
});

describe('the author\u2019s edits and the save they send', () => {
  it('sends every statement of each changed section, in the new order, keeping stored ids and omitting new ones', () => {
    const p = product();
    let e = startEdit(p);
    expect(editChanged(p, e)).toBe(false);
    e = editText(e, 'identity', 0, 'Quintus Marlowe, born 1985-03-02. Lives in the city centre.  ');
    e = addStatement(e, 'summary', 'Marlowe leads a drugs supply group.');
    e = setCitations(e, 'summary', 0, ['R1', 'R1']);
    e = moveStatement(e, 'identity', 1, -1);
    expect(changedSections(p, e)).toEqual(['summary', 'identity']);
    expect(savePayload(p, e, '  added a summary ')).toEqual({
      id: 'PRD-1', baseVersion: 1, note: 'added a summary',
      sections: [
        { key: 'summary', statements: [{ text: 'Marlowe leads a drugs supply group.', cites: ['R1'] }] },
        { key: 'identity', statements: [
          { id: 'identity-2', text: 'PNC 85/123456X.', cites: [] },
          { id: 'identity-1', text: 'Quintus Marlowe, born 1985-03-02. Lives in the city centre.', cites: ['R1'] },
        ] },
      ],
    });
  });

  it('sends a deleted statement as its section without it, and a changed citation as a changed section', () => {
    const p = product();
    const removed = removeStatement(startEdit(p), 'identity', 1);
    expect(savePayload(p, removed).sections).toEqual([{ key: 'identity', statements: [{ id: 'identity-1', text: 'Quintus Marlowe, born 1985-03-02.', cites: ['R1'] }] }]);
    const recited = toggleCitation(toggleCitation(startEdit(p), 'associates', 0, 'R5'), 'associates', 0, 'R1');
    expect(savePayload(p, recited).sections).toEqual([{ key: 'associates', statements: [{ id: 'associates-1', text: 'Ada Quell: associate.', cites: [] }] }]);
    expect(savePayload(p, toggleCitation(startEdit(p), 'identity', 1, 'R5')).sections[0]!.statements[1]).toEqual({ id: 'identity-2', text: 'PNC 85/123456X.', cites: ['R5'] });
  });

  it('sends the title only when it changed, and nothing for an edit undone', () => {
    const p = product();
    const e = { ...startEdit(p), title: ' Marlowe (v2) ' };
    expect(savePayload(p, e)).toEqual({ id: 'PRD-1', baseVersion: 1, sections: [], title: 'Marlowe (v2)' });
    const back = editText(editText(startEdit(p), 'identity', 0, 'x'), 'identity', 0, 'Quintus Marlowe, born 1985-03-02.');
    expect(editChanged(p, back)).toBe(false);
    expect(savePayload(p, back).sections).toEqual([]);
  });

  it('places a new statement after a given one and leaves moves past either end alone', () => {
    const p = product();
    const e = addStatement(addStatement(startEdit(p), 'identity', 'after the first', 0), 'identity', 'at the end');
    expect(e.sections[1]!.statements.map((s) => [s.id, s.text])).toEqual([
      ['identity-1', 'Quintus Marlowe, born 1985-03-02.'], [null, 'after the first'], ['identity-2', 'PNC 85/123456X.'], [null, 'at the end'],
    ]);
    expect(new Set(e.sections[1]!.statements.map((s) => s.key)).size).toBe(4);
    const s = startEdit(p);
    expect(moveStatement(s, 'identity', 0, -1)).toEqual(s);
    expect(moveStatement(s, 'identity', 1, 1)).toEqual(s);
  });

  it('names empty statements and an empty title', () => {
    const e = addStatement({ ...startEdit(product()), title: ' ' }, 'summary');
    expect(editProblems(e)).toEqual(['Give the product a title', 'Summary: statement 1 is empty (write it or delete it)']);
  });

  it('recognises a save refused for a stale version', () => {
    expect(isStaleVersion({ code: 'CONFLICT', field: 'baseVersion' })).toBe(true);
    expect(isStaleVersion({ code: 'CONFLICT', field: 'status' })).toBe(false);
    expect(isStaleVersion({ code: 'VALIDATION', field: 'baseVersion' })).toBe(false);
    expect(isStaleVersion(null)).toBe(false);
  });

  it('labels citations with the source reference and grade, skipping reports the product does not list', () => {
    const p = product();
    expect(citeLabels(['R5', 'R9', 'R1'], p.sources)).toEqual([{ reportId: 'R5', label: 'S2 2B' }, { reportId: 'R1', label: 'S1 2B' }]);
  });
});

describe('what changed between versions, as shown', () => {
  const diff: SectionDiff[] = [
    { key: 'summary', title: 'Summary', added: ['New summary.'], removed: [], changed: [] },
    { key: 'identity', title: 'Identity', added: [], removed: ['PNC 85/123456X.'], changed: [{ before: 'Born 1985.', after: 'Born 1985. Lives in the city.' }] },
    { key: 'empty', title: 'Empty', added: [], removed: [], changed: [] },
  ];
  it('groups by section: changed, then added, then removed, with counts per section and in all', () => {
    const v = diffView(diff);
    expect(v.sections.map((s) => s.key)).toEqual(['summary', 'identity']);
    expect(v.sections[1]!.rows).toEqual([
      { kind: 'changed', before: 'Born 1985.', text: 'Born 1985. Lives in the city.' },
      { kind: 'removed', text: 'PNC 85/123456X.' },
    ]);
    expect(v.sections.map((s) => s.counts)).toEqual(['1 added', '1 changed, 1 removed']);
    expect(v.totals).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(v.summary).toBe('1 changed, 1 added, 1 removed in 2 sections');
    expect(diffView([]).summary).toBe('No differences');
  });

  it('compares the last two versions by default', () => {
    expect(defaultComparison([{ version: 3 }, { version: 1 }, { version: 2 }])).toEqual({ from: 2, to: 3 });
    expect(defaultComparison([{ version: 1 }])).toBeNull();
  });
});

describe('snapshots fitted to a box', () => {
  const box = { width: 420, height: 240, pad: 20 };
  it('places a network\u2019s [-1, 1] coordinates inside the padded box and draws links between placed nodes', () => {
    const s: ProductSnapshot = {
      kind: 'NETWORK',
      nodes: [{ id: 'a', label: 'A', type: 'Subject', x: 0, y: 0 }, { id: 'b', label: 'B', type: 'Subject', x: 1, y: -1 }, { id: 'c', label: 'C', type: 'Subject', x: -3, y: 2 }],
      links: [{ source: 'a', target: 'b', type: 'ASSOCIATE_OF' }, { source: 'a', target: 'missing', type: 'ASSOCIATE_OF' }],
    };
    const p = projectSnapshot(s, box);
    expect(p.nodes.map((n) => [n.id, n.x, n.y])).toEqual([['a', 210, 120], ['b', 400, 20], ['c', 20, 220]]);
    expect(p.links).toEqual([{ source: 'a', target: 'b', type: 'ASSOCIATE_OF', x1: 210, y1: 120, x2: 400, y2: 20 }]);
    expect(p.scale).toBeNull();
  });

  it('fits a map\u2019s places to the box, north up, keeping distances true in both directions', () => {
    const s: ProductSnapshot = {
      kind: 'MAP',
      nodes: [
        { id: 'w', label: 'West', type: 'Location', x: 0, y: 0, lat: 52.48, lon: -1.95 },
        { id: 'e', label: 'East', type: 'Location', x: 0, y: 0, lat: 52.48, lon: -1.85 },
        { id: 'n', label: 'North', type: 'Location', x: 0, y: 0, lat: 52.5, lon: -1.9 },
        { id: 'x', label: 'Nowhere', type: 'Location', x: 0, y: 0, lat: null, lon: null },
      ],
      links: [],
    };
    const p = projectSnapshot(s, box);
    const at = Object.fromEntries(p.nodes.map((n) => [n.id, n]));
    expect(p.unplaced).toBe(1);
    expect(at.n!.y).toBeLessThan(at.w!.y);
    expect(at.w!.x).toBeLessThan(at.e!.x);
    // Width is the limiting span: the east-west spread fills the padded width.
    expect(at.e!.x - at.w!.x).toBeCloseTo(380, 0);
    for (const n of p.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(20);
      expect(n.x).toBeLessThanOrEqual(400);
      expect(n.y).toBeGreaterThanOrEqual(20);
      expect(n.y).toBeLessThanOrEqual(220);
    }
    // One pixel east-west and one north-south stand for the same distance.
    const kmPerPxX = (0.1 * Math.cos((52.49 * Math.PI) / 180) * KM_PER_DEGREE) / (at.e!.x - at.w!.x);
    const kmPerPxY = (0.02 * KM_PER_DEGREE) / (at.w!.y - at.n!.y);
    expect(kmPerPxX / kmPerPxY).toBeCloseTo(1, 2);
    // The scale bar is a round number of km, drawn at that scale, at most a third of the width.
    expect(p.scale).not.toBeNull();
    expect([1, 2, 5].some((m) => Math.abs(p.scale!.km / 10 ** Math.floor(Math.log10(p.scale!.km)) - m) < 1e-9)).toBe(true);
    expect(p.scale!.px).toBeCloseTo(p.scale!.km / kmPerPxX, 0);
    expect(p.scale!.px).toBeLessThanOrEqual(380 / 3);
  });

  it('shows one place at a readable zoom (about a kilometre across) rather than infinitely close', () => {
    const p = projectSnapshot({ kind: 'MAP', nodes: [{ id: 'a', label: 'A', type: 'Location', x: 0, y: 0, lat: 52.48, lon: -1.9 }], links: [] }, box);
    expect(p.nodes[0]).toMatchObject({ x: 210, y: 120 });
    expect(p.scale!.label).toMatch(/^0\.\d+ km$/);
  });

  it.each<[number, number, number, string]>([
    [0.1, 100, 10, '10 km'],
    [0.1, 40, 2, '2 km'],
    [0.1, 60, 5, '5 km'],
    [0.003, 100, 0.2, '0.2 km'],
    [2, 300, 500, '500 km'],
  ])('a scale bar at %f km per pixel in %i pixels is %f km', (kmPerPx, maxPx, km, label) => {
    const s = scaleBar(kmPerPx, maxPx)!;
    expect(s.km).toBeCloseTo(km, 10);
    expect(s.label).toBe(label);
    expect(s.px).toBeCloseTo(km / kmPerPx, 1);
    expect(s.px).toBeLessThanOrEqual(maxPx);
  });

  it('draws no scale bar without a scale', () => {
    expect(scaleBar(0, 100)).toBeNull();
    expect(scaleBar(Number.POSITIVE_INFINITY, 100)).toBeNull();
    expect(scaleBar(1, 0)).toBeNull();
  });
});

describe('the sanitised version and its release', () => {
  it('puts original and sanitised sections side by side by key, in the original\u2019s order', () => {
    const rows = sideBySide(product().sections, [section('associates', []), section('identity', [['identity-1', 'Quintus Marlowe.']])]);
    expect(rows.map((r) => [r.key, r.original.statements.length, r.sanitised?.statements.length ?? null])).toEqual([['summary', 0, null], ['identity', 2, 1], ['associates', 1, 0]]);
    expect([withheldText(0), withheldText(1), withheldText(3)]).toEqual(['No statement of the original is withheld', '1 statement withheld', '3 statements withheld']);
  });

  it('needs purpose, lawful basis and agreement, and conditions with a risk assessment under code C', () => {
    const f = blankRelease('AG2');
    expect(Object.keys(releaseProblems(f)).sort()).toEqual(['lawfulBasis', 'purpose', 'sharingAgreement']);
    const c = { ...f, handling: 'C' as const, purpose: 'p', lawfulBasis: 'l', sharingAgreement: 's' };
    expect(Object.keys(releaseProblems(c)).sort()).toEqual(['handlingConditions', 'riskAssessment']);
    expect(releaseProblems({ ...c, handlingConditions: ['C1'], riskAssessment: 'r' })).toEqual({});
    expect(releaseProblems({ ...c, recipientAgency: ' ', handlingConditions: ['C1'], riskAssessment: 'r' })).toEqual({ recipientAgency: 'Name the recipient agency' });
  });

  it('sends narrative written for the recipient one statement per line, and conditions only with code C', () => {
    const sections = product().sections;
    const f = {
      ...blankRelease(' AG2 '), purpose: ' p ', lawfulBasis: 'l', sharingAgreement: 's', handlingConditions: ['C1', 'C1'], riskAssessment: 'r',
      narrative: { summary: 'A subject active in your area.\n\n  Believed to supply drugs.  ', identity: 'not a narrative section' },
    };
    expect(releaseInput(f, sections)).toEqual({
      recipientAgency: 'AG2', recipientClearance: 'OFFICIAL-SENSITIVE', recipientPerson: null, handling: 'P', handlingConditions: [],
      handlingNotes: null, purpose: 'p', lawfulBasis: 'l', sharingAgreement: 's', riskAssessment: null,
      narrative: [{ key: 'summary', statements: [{ text: 'A subject active in your area.', cites: [] }, { text: 'Believed to supply drugs.', cites: [] }] }],
    });
    expect(releaseInput({ ...f, handling: 'C', narrative: {} }, sections)).toMatchObject({ handling: 'C', handlingConditions: ['C1'], riskAssessment: 'r', narrative: [] });
  });

  it('offers each known agency once, by name, never the viewer\u2019s own', () => {
    expect(agencyChoices([
      { id: 'GMP', name: 'Greater Manchester Police' }, { id: 'WMP', name: 'West Midlands Police' }, { id: 'GMP', name: 'GMP again' }, { id: 'BTP', name: 'British Transport Police' },
    ], 'WMP')).toEqual([{ id: 'BTP', name: 'British Transport Police' }, { id: 'GMP', name: 'Greater Manchester Police' }]);
  });
});

describe('templates', () => {
  const sources = [
    { name: 'NARRATIVE', title: 'Written by the author', types: ['SUBJECT_PROFILE', 'PROBLEM_PROFILE'] as const },
    { name: 'IDENTITY', title: 'Identity', types: ['SUBJECT_PROFILE'] as const },
    { name: 'HOTSPOTS', title: 'Hotspots', types: ['PROBLEM_PROFILE'] as const },
  ].map((s) => ({ ...s, types: [...s.types] }));
  it('offers only the sources that can fill the type', () => {
    expect(sourcesFor('PROBLEM_PROFILE', sources).map((s) => s.name)).toEqual(['NARRATIVE', 'HOTSPOTS']);
  });
  it('names each problem by section', () => {
    expect(templateProblems('SUBJECT_PROFILE', 'T', [
      { key: 'summary', title: 'Summary', source: 'NARRATIVE' },
      { key: 'Summary 2', title: '', source: 'HOTSPOTS' },
      { key: 'summary', title: 'Again', source: 'IDENTITY' },
    ], sources)).toEqual([
      'Section 2: the key is 1-40 lower-case letters, digits or hyphens, starting with a letter',
      'Section 2: give it a title',
      'Section 2: choose what fills it',
      'Section 3: the key summary is used twice',
    ]);
    expect(templateProblems('SUBJECT_PROFILE', ' ', [], sources)).toEqual(['Give the template a title', 'A template has at least one section']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('dates as read in the UK', () => {
  it('shows dd Mon yyyy in UK time (summer time included); a calendar day stays that day', () => {
    expect(ukDay('2026-03-05')).toBe('05 Mar 2026');
    expect(ukDay('2026-09-30T23:30:00Z')).toBe('01 Oct 2026');
    expect(ukDayTime('2026-09-30T23:30:00Z')).toBe('01 Oct 2026 00:30');
    expect(ukDayTime('2026-01-15T09:05:00Z')).toBe('15 Jan 2026 09:05');
    expect(ukDayTime('2026-09-01')).toBe('01 Sep 2026');
    expect([ukDay(null), ukDay('not a date')]).toEqual(['', 'not a date']);
  });
});
