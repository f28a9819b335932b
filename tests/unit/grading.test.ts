import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HANDLING_CONDITIONS, INTEL_ASSESSMENT, SOURCE_EVALUATION } from '../../server/domain/codes.js';
import { DomainError } from '../../server/domain/errors.js';
import {
  gradeStrength, isIntelAssessment, isSourceEvaluation, LEGACY_MAPS, linkStrength, mapLegacyGrade, minimumStrength, validateGrading,
  validateHandling, type Grade, type IntelAssessment, type MappedGrade, type SourceEvaluation,
} from '../../server/domain/grading.js';

/** 3x5x2 grading, evidence strength, handling codes and the lossy legacy mappings. */
const SOURCES = Object.keys(SOURCE_EVALUATION) as SourceEvaluation[]; // 1 reliable .. 3 not reliable
const ASSESSMENTS = Object.keys(INTEL_ASSESSMENT) as IntelAssessment[]; // A known directly .. E suspected false
const g = (code: string): Grade => ({ sourceEvaluation: code[0] as SourceEvaluation, intelAssessment: code[1] as IntelAssessment });

/** Expects a DomainError with the VALIDATION code on the given field. */
function expectInvalid(fn: () => unknown, field: string, message?: RegExp): void {
  let err: unknown;
  try { fn(); } catch (e) { err = e; }
  expect(err, 'expected a validation error').toBeInstanceOf(DomainError);
  expect((err as DomainError).code).toBe('VALIDATION');
  expect((err as DomainError).field).toBe(field);
  if (message) expect((err as DomainError).message).toMatch(message);
}

describe('gradeStrength', () => {
  it('is 1 for 1A (strongest) and 0 for 3E (weakest), always within 0..1', () => {
    expect(gradeStrength(g('1A'))).toBe(1);
    expect(gradeStrength(g('3E'))).toBe(0);
    for (const s of SOURCES) for (const a of ASSESSMENTS) {
      const v = gradeStrength({ sourceEvaluation: s, intelAssessment: a });
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it.each(ASSESSMENTS)('weakens as the source gets less reliable (assessment %s)', (a) => {
    const v = SOURCES.map((s) => gradeStrength({ sourceEvaluation: s, intelAssessment: a }));
    for (let i = 1; i < v.length; i++) {
      if (a === 'E') expect(v[i]).toBe(0);
      else expect(v[i]).toBeLessThan(v[i - 1]!);
    }
  });

  it.each(SOURCES)('weakens from A to E (source %s)', (s) => {
    const v = ASSESSMENTS.map((a) => gradeStrength({ sourceEvaluation: s, intelAssessment: a }));
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeLessThan(v[i - 1]!);
    expect(v[v.length - 1]).toBe(0); // suspected false or malicious supports nothing
  });

  it('orders every grade no stronger than one better on both axes (monotone)', () => {
    for (const s1 of SOURCES) for (const s2 of SOURCES) for (const a1 of ASSESSMENTS) for (const a2 of ASSESSMENTS) {
      if (s1 <= s2 && a1 <= a2) {
        expect(gradeStrength({ sourceEvaluation: s1, intelAssessment: a1 })).toBeGreaterThanOrEqual(gradeStrength({ sourceEvaluation: s2, intelAssessment: a2 }));
      }
    }
  });
});

describe('linkStrength (corroboration)', () => {
  it('is 0 without reports and the grade’s strength with one', () => {
    expect(linkStrength([])).toBe(0);
    expect(linkStrength([{ ...g('2B'), sourceId: 'S1' }])).toBeCloseTo(gradeStrength(g('2B')), 6);
  });

  it('two independent sources are stronger than either alone', () => {
    const one = linkStrength([{ ...g('2B'), sourceId: 'S1' }]);
    const two = linkStrength([{ ...g('2B'), sourceId: 'S1' }, { ...g('2C'), sourceId: 'S2' }]);
    expect(two).toBeGreaterThan(one);
    expect(two).toBeGreaterThan(linkStrength([{ ...g('2C'), sourceId: 'S2' }]));
    expect(two).toBeCloseTo(1 - (1 - gradeStrength(g('2B'))) * (1 - gradeStrength(g('2C'))), 6);
  });

  it('the same source twice counts once (its best report)', () => {
    expect(linkStrength([{ ...g('2B'), sourceId: 'S1' }, { ...g('2B'), sourceId: 'S1' }])).toBe(linkStrength([{ ...g('2B'), sourceId: 'S1' }]));
    expect(linkStrength([{ ...g('3D'), sourceId: 'S1' }, { ...g('2B'), sourceId: 'S1' }])).toBe(linkStrength([{ ...g('2B'), sourceId: 'S1' }]));
  });

  it('reports with no known source are each taken as independent', () => {
    expect(linkStrength([{ ...g('2B') }, { ...g('2B'), sourceId: null }])).toBeGreaterThan(linkStrength([g('2B')]));
  });

  it('a 1A report is conclusive and E reports add nothing', () => {
    expect(linkStrength([{ ...g('1A'), sourceId: 'S1' }, { ...g('3D'), sourceId: 'S2' }])).toBe(1);
    expect(linkStrength([{ ...g('2C'), sourceId: 'S1' }, { ...g('1E'), sourceId: 'S2' }, { ...g('3E'), sourceId: 'S3' }])).toBe(linkStrength([{ ...g('2C'), sourceId: 'S1' }]));
  });

  const report = fc.record({
    sourceEvaluation: fc.constantFrom(...SOURCES), intelAssessment: fc.constantFrom(...ASSESSMENTS),
    sourceId: fc.constantFrom('S1', 'S2', 'S3', 'S4', null),
  });
  it('stays within 0..1, ignores order, and never drops when a report is added', () => {
    fc.assert(fc.property(fc.array(report, { maxLength: 8 }), report, (reports, extra) => {
      const s = linkStrength(reports);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      // Unknown sources are keyed by position, so reversing only moves them: compare known-source sets.
      const known = reports.filter((r) => r.sourceId);
      expect(linkStrength([...known].reverse())).toBeCloseTo(linkStrength(known), 5);
      expect(linkStrength([...reports, extra])).toBeGreaterThanOrEqual(s - 1e-6);
    }), { numRuns: 1000 });
  });
});

describe('minimumStrength (path and filter thresholds)', () => {
  it.each([undefined, null, ''])('is 0 without a minimum (%j)', (v) => {
    expect(minimumStrength(v)).toBe(0);
  });
  it.each([['2B', '2B'], ['1A', '1A'], ['3E', '3E'], [' 2b ', '2B'], ['1c', '1C']])('"%s" means the strength of %s', (input, grade) => {
    expect(minimumStrength(input)).toBe(gradeStrength(g(grade)));
  });
  it.each(['4A', '0A', '2F', 'B2', 'AB', '22', '2', 'B', '2BB', '2 B', '2-B', '10A', 'x'])('refuses %j with a clear message', (bad) => {
    expectInvalid(() => minimumStrength(bad), 'minGrade', /like 2B/);
  });
});

describe('validateHandling and validateGrading', () => {
  it.each([
    ['P without conditions', 'P', undefined, undefined],
    ['P with conditions', 'P', ['C1'], undefined],
    ['C with a condition code', 'C', ['C1'], undefined],
    ['C with several codes', 'C', Object.keys(HANDLING_CONDITIONS), undefined],
    ['C with written conditions only', 'C', [], 'Not before 1 March; contact DS Hall'],
    ['no handling code at all', undefined, undefined, undefined],
    ['a null handling code', null, undefined, undefined],
  ])('accepts %s', (_what, handling, conditions, notes) => {
    expect(() => validateHandling(handling, conditions, notes)).not.toThrow();
  });

  it.each([
    ['C without conditions', 'C', undefined, undefined, 'handlingConditions'],
    ['C with an empty list', 'C', [], undefined, 'handlingConditions'],
    ['C with blank notes', 'C', [], '   ', 'handlingConditions'],
    ['C with notes that are not text', 'C', [], 42, 'handlingConditions'],
    ['an unknown condition code', 'C', ['C9'], undefined, 'handlingConditions'],
    ['an unknown condition even with P', 'P', ['X1'], undefined, 'handlingConditions'],
    ['a 5x5x5 handling code', '3', undefined, undefined, 'handling'],
    ['a lower-case code', 'c', ['C1'], undefined, 'handling'],
    ['an empty code', '', undefined, undefined, 'handling'],
  ])('refuses %s', (_what, handling, conditions, notes, field) => {
    expectInvalid(() => validateHandling(handling, conditions, notes), field);
  });

  it('checks source evaluation and assessment codes', () => {
    expect(() => validateGrading({ sourceEvaluation: '1', intelAssessment: 'A', handling: 'P' })).not.toThrow();
    expectInvalid(() => validateGrading({ sourceEvaluation: '4', intelAssessment: 'A' }), 'sourceEvaluation', /1, 2 or 3/);
    expectInvalid(() => validateGrading({ sourceEvaluation: 1, intelAssessment: 'A' }), 'sourceEvaluation');
    expectInvalid(() => validateGrading({ sourceEvaluation: '1', intelAssessment: 'F' }), 'intelAssessment', /A, B, C, D or E/);
    expectInvalid(() => validateGrading({ sourceEvaluation: '1', intelAssessment: 'a' }), 'intelAssessment');
    expectInvalid(() => validateGrading({ sourceEvaluation: '1', intelAssessment: 'A', handling: 'C' }), 'handlingConditions');
    expect(isSourceEvaluation('toString')).toBe(false); // own keys only, not inherited ones
    expect(isIntelAssessment('constructor')).toBe(false);
  });
});

describe('mapLegacyGrade', () => {
  const mapped = (m: MappedGrade) => `${m.sourceEvaluation}${m.intelAssessment} ${m.handling}${m.handlingConditions.length ? `[${m.handlingConditions.join(',')}]` : ''}`;

  it.each([
    // 5x5x5: source A-E, intelligence 1-5, handling 1-5
    ['A11', '1A P'], ['B21', '1A P'], ['C31', '2B P'], ['D41', '3D P'], ['E51', '2E P'],
    ['A12', '1A C[C3]'], ['A13', '1A C[C4]'], ['A14', '1A C[C1]'], ['A15', '1A C[C1,C4]'],
    ['b34', '1B C[C1]'], ['c/2/3', '2A C[C4]'], ['D-4-5', '3D C[C1,C4]'], [' e 5 2 ', '2E C[C3]'],
  ])('5x5x5 %s -> %s', (code, expected) => {
    const m = mapLegacyGrade('NIM_5x5x5', code);
    expect(mapped(m)).toBe(expected);
    expect(m).toMatchObject({ original: code, scheme: 'NIM_5x5x5', lossy: true });
  });

  it.each([
    // Admiralty: reliability A-F, credibility 1-6; no handling code, so the cautious C4 applies.
    ['A1', '1A C[C4]'], ['B2', '1B C[C4]'], ['C3', '2C C[C4]'], ['D4', '3D C[C4]'], ['E5', '3E C[C4]'], ['F6', '2D C[C4]'], ['f/6', '2D C[C4]'],
  ])('Admiralty %s -> %s', (code, expected) => {
    const m = mapLegacyGrade('ADMIRALTY', code);
    expect(mapped(m)).toBe(expected);
    expect(m).toMatchObject({ original: code, scheme: 'ADMIRALTY', lossy: true });
  });

  it.each([
    // Europol 4x4: source A, B, C, X; information 1-4.
    ['A1', '1A C[C4]'], ['B2', '1A C[C4]'], ['C3', '3B C[C4]'], ['X4', '2D C[C4]'], ['x1', '2A C[C4]'],
  ])('Europol 4x4 %s -> %s', (code, expected) => {
    const m = mapLegacyGrade('EUROPOL_4x4', code);
    expect(mapped(m)).toBe(expected);
    expect(m).toMatchObject({ original: code, scheme: 'EUROPOL_4x4', lossy: true });
  });

  it.each([
    ['NIM_5x5x5', 'F11', /not a valid/], ['NIM_5x5x5', 'A61', /not a valid/], ['NIM_5x5x5', 'A16', /invalid NIM_5x5x5 handling/],
    ['NIM_5x5x5', 'A10', /invalid NIM_5x5x5 handling/], ['NIM_5x5x5', 'A1', /3 characters/], ['NIM_5x5x5', 'A111', /3 characters/],
    ['NIM_5x5x5', '', /3 characters/], ['NIM_5x5x5', '1A1', /not a valid/],
    ['ADMIRALTY', 'G1', /not a valid/], ['ADMIRALTY', 'A7', /not a valid/], ['ADMIRALTY', 'A0', /not a valid/], ['ADMIRALTY', 'A', /2 characters/], ['ADMIRALTY', 'A11', /2 characters/],
    ['EUROPOL_4x4', 'D1', /not a valid/], ['EUROPOL_4x4', 'A5', /not a valid/], ['EUROPOL_4x4', '1A', /not a valid/], ['EUROPOL_4x4', 'AX1', /2 characters/],
  ] as const)('%s refuses %j', (scheme, code, message) => {
    expectInvalid(() => mapLegacyGrade(scheme, code), 'legacyGrade', message);
  });

  it('always yields a valid 3x5x2 grading whose handling passes validation, for every code of every table', () => {
    for (const [scheme, table] of Object.entries(LEGACY_MAPS) as [MappedGrade['scheme'], (typeof LEGACY_MAPS)[keyof typeof LEGACY_MAPS]][]) {
      const handlingCodes = 'handling' in table ? Object.keys(table.handling) : [''];
      for (const s of Object.keys(table.source)) for (const i of Object.keys(table.intel)) for (const h of handlingCodes) {
        const m = mapLegacyGrade(scheme, `${s}${i}${h}`);
        expect(isSourceEvaluation(m.sourceEvaluation)).toBe(true);
        expect(isIntelAssessment(m.intelAssessment)).toBe(true);
        expect(() => validateHandling(m.handling, m.handlingConditions, undefined)).not.toThrow();
        expect(m.original).toBe(`${s}${i}${h}`);
      }
    }
  });

  it('returns a fresh conditions list (callers cannot corrupt the table)', () => {
    const a = mapLegacyGrade('NIM_5x5x5', 'A15');
    a.handlingConditions.push('C2');
    expect(mapLegacyGrade('NIM_5x5x5', 'A15').handlingConditions).toEqual(['C1', 'C4']);
  });
});
