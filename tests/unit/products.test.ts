import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../server/domain/policy.js';
import {
  DEFAULT_TEMPLATES, PRODUCT_TYPES, SECTION_SOURCES, diffVersions, draftReader, numberSources, recipientReader, renderText, transition,
  validateMarking, validateTemplate, type Section,
} from '../../server/domain/products.js';

/** The pure rules of intelligence products: templates, marking, workflow, citations, differences, text. */
const analyst: Viewer = { userId: 'u1', username: 'a', role: 'ANALYST', agency: 'AG1', clearance: 'SECRET', compartments: ['CHIS'] };
const sec = (key: string, statements: { id: string; text: string; cites?: string[] }[]): Section =>
  ({ key, title: key.toUpperCase(), source: 'NARRATIVE', guidance: null, snapshot: null, statements: statements.map((s) => ({ cites: [], ...s })) });

describe('templates', () => {
  it('the defaults use only sources that can fill their type, with unique keys', () => {
    for (const type of PRODUCT_TYPES) {
      const t = DEFAULT_TEMPLATES[type];
      expect(() => validateTemplate(type, t.title, t.sections)).not.toThrow();
      for (const s of t.sections) expect(SECTION_SOURCES[s.source].types as readonly string[]).toContain(type);
    }
  });
  it('refuses unknown sources, sources of another type, duplicate and malformed keys, and empty templates', () => {
    expect(() => validateTemplate('SUBJECT_PROFILE', 'T', [{ key: 'a', title: 'A', source: 'NOPE' }])).toThrow(/unknown source/);
    expect(() => validateTemplate('PROBLEM_PROFILE', 'T', [{ key: 'a', title: 'A', source: 'IDENTITY' }])).toThrow(/cannot fill a problem profile/);
    expect(() => validateTemplate('SUBJECT_PROFILE', 'T', [{ key: 'a', title: 'A', source: 'NARRATIVE' }, { key: 'a', title: 'B', source: 'NARRATIVE' }])).toThrow(/used twice/);
    expect(() => validateTemplate('SUBJECT_PROFILE', 'T', [{ key: 'A b', title: 'A', source: 'NARRATIVE' }])).toThrow(/lower-case/);
    expect(() => validateTemplate('SUBJECT_PROFILE', 'T', [])).toThrow(/1 to 30/);
    expect(() => validateTemplate('NOT_A_TYPE', 'T', [{ key: 'a', title: 'A', source: 'NARRATIVE' }])).toThrow(/Unknown product type/);
  });
});

describe('the marking', () => {
  it('defaults to OFFICIAL-SENSITIVE, is never above the author, and only in compartments they hold', () => {
    expect(validateMarking(analyst, undefined, undefined)).toEqual({ classification: 'OFFICIAL-SENSITIVE', compartments: [] });
    expect(validateMarking(analyst, 'SECRET', ['CHIS'])).toEqual({ classification: 'SECRET', compartments: ['CHIS'] });
    expect(() => validateMarking({ ...analyst, clearance: 'OFFICIAL' }, 'OFFICIAL-SENSITIVE', [])).toThrow(/cleared to OFFICIAL/);
    expect(() => validateMarking(analyst, 'TOP SECRET', [])).toThrow();
    expect(() => validateMarking(analyst, 'SECRET', ['OP-X'])).toThrow(/do not hold the OP-X/);
  });
  it('makes the draft reader the author\u2019s agency at the marking, and the recipient a reader without compartments', () => {
    expect(draftReader(analyst, { classification: 'OFFICIAL-SENSITIVE', compartments: [] })).toMatchObject({ agency: 'AG1', clearance: 'OFFICIAL-SENSITIVE', compartments: [] });
    expect(draftReader(analyst, { classification: 'SECRET', compartments: ['CHIS'] })).toMatchObject({ clearance: 'SECRET', compartments: ['CHIS'] });
    expect(recipientReader('AG2', 'OFFICIAL')).toMatchObject({ agency: 'AG2', clearance: 'OFFICIAL', compartments: [] });
  });
});

describe('the workflow', () => {
  const author = { isAuthor: true, role: 'ANALYST' as const };
  const manager = { isAuthor: false, role: 'INTEL_MANAGER' as const };
  it('goes draft -> review -> approved -> disseminated or filed', () => {
    expect(transition('DRAFT', 'SUBMIT', author)).toBe('REVIEW');
    expect(transition('REVIEW', 'APPROVE', manager)).toBe('APPROVED');
    expect(transition('APPROVED', 'DISSEMINATE', manager)).toBe('DISSEMINATED');
    expect(transition('DISSEMINATED', 'DISSEMINATE', manager)).toBe('DISSEMINATED');
    expect(transition('DISSEMINATED', 'FILE', author)).toBe('FILED');
    expect(transition('REVIEW', 'RETURN', author)).toBe('DRAFT');
    expect(transition('APPROVED', 'REOPEN', manager)).toBe('DRAFT');
  });
  it('refuses approval by the author or a non-manager, and dissemination before approval', () => {
    expect(() => transition('REVIEW', 'APPROVE', { isAuthor: true, role: 'INTEL_MANAGER' })).toThrow(/own product/);
    expect(() => transition('REVIEW', 'APPROVE', { isAuthor: false, role: 'PRINCIPAL_ANALYST' })).toThrow(/manager/);
    for (const s of ['DRAFT', 'REVIEW', 'FILED']) expect(() => transition(s, 'DISSEMINATE', manager)).toThrow(/must be approved by a manager before it is disseminated/);
    expect(() => transition('DRAFT', 'APPROVE', manager)).toThrow(/Submit the product for review first/);
    expect(() => transition('DRAFT', 'SUBMIT', manager)).toThrow(/Only the author/);
    expect(() => transition('REVIEW', 'RETURN', { isAuthor: false, role: 'ANALYST' })).toThrow(/author or a manager/);
  });
});

describe('citations, differences and text', () => {
  const src = (id: string, grade: string) => ({ reportId: id, grade, handling: 'P', classification: 'OFFICIAL', agency: 'AG1', date: '2026-01-02', summary: null });
  it('numbers sources in order of first citation and drops those no statement cites', () => {
    const sections = [sec('a', [{ id: 'a-1', text: 'x', cites: ['R3', 'R1'] }]), sec('b', [{ id: 'b-1', text: 'y', cites: ['R1', 'R2'] }])];
    const known = new Map(['R1', 'R2', 'R3', 'R4'].map((r) => [r, src(r, '1A')]));
    expect(numberSources(sections, known).map((s) => [s.ref, s.reportId])).toEqual([['S1', 'R3'], ['S2', 'R1'], ['S3', 'R2']]);
  });
  it('shows what was added, removed and changed, section by section', () => {
    const before = [sec('a', [{ id: '1', text: 'one' }, { id: '2', text: 'two' }]), sec('b', [{ id: '3', text: 'three' }])];
    const after = [sec('a', [{ id: '1', text: 'one!' }, { id: '4', text: 'four' }]), sec('b', [{ id: '3', text: 'three', cites: ['R1'] }])];
    expect(diffVersions(before, after)).toEqual([
      { key: 'a', title: 'A', added: ['four'], removed: ['two'], changed: [{ before: 'one', after: 'one!' }] },
      { key: 'b', title: 'B', added: [], removed: [], changed: [{ before: 'three', after: 'three' }] },
    ]);
    expect(diffVersions(before, before)).toEqual([]);
  });
  it('renders the marking first and last, grading references on each statement and the sources', () => {
    const sections = [sec('a', [{ id: '1', text: 'He runs the line.', cites: ['R1'] }]), sec('empty', [])];
    const text = renderText({ title: 'T', typeTitle: 'Subject profile', classification: 'OFFICIAL-SENSITIVE', handling: 'P', sections, sources: [{ ...src('R1', '2B'), ref: 'S1' }] });
    const lines = text.split('\n');
    expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
    expect(lines.at(-1)).toBe('OFFICIAL-SENSITIVE');
    expect(text).toContain('- He runs the line. [S1 2B]');
    expect(text).not.toContain('EMPTY');
    expect(text).toContain('S1: intelligence report graded 2B (handling P), 2026-01-02');
  });
});
