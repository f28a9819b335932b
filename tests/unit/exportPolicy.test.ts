import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, COMPARTMENTS, HANDLING_CONDITIONS, classificationRank } from '../../server/domain/codes.js';
import { decideExport, markingLabel, type ExportItem } from '../../server/domain/exportPolicy.js';

const item = (id: string, o: Partial<ExportItem> = {}): ExportItem => ({
  id, classification: 'OFFICIAL', compartments: [], handling: 'P', handlingConditions: [], nfd: false, ...o,
});

const itemArb = fc.record({
  id: fc.stringMatching(/^E-[0-9]{1,4}$/),
  classification: fc.constantFrom(...CLASSIFICATIONS),
  compartments: fc.subarray([...COMPARTMENTS]),
  handling: fc.constantFrom('P', 'C'),
  handlingConditions: fc.subarray(Object.keys(HANDLING_CONDITIONS)),
  nfd: fc.boolean(),
});

describe('chart export decision', () => {
  it('marks the file with the most restricted classification and every compartment shown', () => {
    const d = decideExport([item('a'), item('b', { classification: 'SECRET', compartments: ['CHIS'] }), item('c', { classification: 'OFFICIAL-SENSITIVE', compartments: ['FINANCIAL'] })], { unavailable: 0 });
    expect(d).toMatchObject({ allowed: true, classification: 'SECRET', compartments: ['CHIS', 'FINANCIAL'], handling: 'P', refusal: null });
    expect(markingLabel(d.classification, d.compartments)).toBe('SECRET [CHIS, FINANCIAL]');
  });

  it('is never unmarked: for any records the marking is at least each record’s, and handling is C exactly when a record has conditions or is C', () => {
    fc.assert(fc.property(fc.array(itemArb, { minLength: 1, maxLength: 12 }), fc.option(fc.constantFrom('CONS/2026/114'), { nil: undefined }), (items, consent) => {
      const d = decideExport(items, { unavailable: 0, consentReference: consent });
      expect(CLASSIFICATIONS).toContain(d.classification);
      for (const it of items) {
        expect(classificationRank(d.classification)).toBeGreaterThanOrEqual(classificationRank(it.classification));
        for (const c of it.compartments) expect(d.compartments).toContain(c);
      }
      expect(d.handling === 'C').toBe(items.some((i) => i.handling === 'C' || i.handlingConditions.length > 0));
      // Refused exactly when a record forbids it.
      const forbids = items.some((i) => i.nfd || i.handlingConditions.includes('C5') || (i.handlingConditions.includes('C1') && !consent));
      expect(d.allowed).toBe(!forbids);
      if (!d.allowed) {
        expect(d.refusal).toBeTruthy();
        expect(d.blockers.length).toBeGreaterThan(0);
        expect(d.warnings).toEqual([]);
      }
    }));
  });

  it('refuses records not for dissemination and those handled C5, naming them', () => {
    const d = decideExport([item('a'), item('b', { nfd: true }), item('c', { handling: 'C', handlingConditions: ['C5'] })], { unavailable: 0 });
    expect(d.allowed).toBe(false);
    expect(d.blockers).toEqual(['b', 'c']);
    expect(d.refusal).toMatch(/1 record is not for dissemination; 1 record is handled C5/);
    expect(d.needsConsent).toBe(false);
  });

  it('asks for the originator’s consent for C1, and prints the reference once given', () => {
    const items = [item('a', { handling: 'C', handlingConditions: ['C1', 'C2'] })];
    const asked = decideExport(items, { unavailable: 0 });
    expect(asked).toMatchObject({ allowed: false, needsConsent: true, blockers: ['a'] });
    expect(decideExport(items, { unavailable: 0, consentReference: 'x' })).toMatchObject({ allowed: false, needsConsent: true });
    expect(decideExport(items, { unavailable: 0, consentReference: 'see attached\nletter; DROP' })).toMatchObject({ allowed: false });
    const given = decideExport(items, { unavailable: 0, consentReference: ' CONS/2026/114 ' });
    expect(given.allowed).toBe(true);
    expect(given.warnings).toEqual(['C1: exported with the originator’s consent, reference CONS/2026/114', `C2: ${HANDLING_CONDITIONS.C2}`]);
  });

  it('carries C2, C3 and C4 as warnings, and a C code without listed conditions as a pointer to the notes', () => {
    expect(decideExport([item('a', { handling: 'C', handlingConditions: ['C4', 'C3'] })], { unavailable: 0 }).warnings)
      .toEqual([`C3: ${HANDLING_CONDITIONS.C3}`, `C4: ${HANDLING_CONDITIONS.C4}`]);
    expect(decideExport([item('a', { handling: 'C' })], { unavailable: 0 }).warnings).toEqual(['Conditions apply: see the handling notes of the records']);
    expect(decideExport([item('a')], { unavailable: 0 }).warnings).toEqual([]);
  });

  it('refuses while the chart holds records the exporter may no longer see, whatever the rest', () => {
    const d = decideExport([item('a')], { unavailable: 2 });
    expect(d).toMatchObject({ allowed: false, blockers: [], needsConsent: false });
    expect(d.refusal).toMatch(/^2 items are on the chart that you may no longer see/);
  });
});
