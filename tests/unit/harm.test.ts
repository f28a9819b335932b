import { describe, expect, it } from 'vitest';
import { addDays, bandFor, bandRank, DEFAULT_HARM_TEMPLATE, reviewDue, scoreOcg, validateTemplate, type HarmTemplate } from '../../server/domain/harm.js';

/** A small template whose arithmetic is easy to follow: weights 2/1/1, top answer 4. */
const T: HarmTemplate = validateTemplate({
  version: 'TEST-1',
  title: 'Test template',
  reviewPeriodDays: 30,
  criteria: [
    { id: 'violence', label: 'Violence', dimension: 'HARM', weight: 2, max: 4 },
    { id: 'intent', label: 'Intent', dimension: 'LIKELIHOOD', weight: 1, max: 4 },
    { id: 'weapons', label: 'Weapons', dimension: 'CAPABILITY', weight: 1, max: 4 },
  ],
  bands: [
    { band: 'D', minScore: 0, label: 'Lower' },
    { band: 'A', minScore: 75, label: 'Highest' },
    { band: 'C', minScore: 25, label: 'Moderate' },
    { band: 'B', minScore: 50, label: 'High' },
  ],
});

describe('harm scoring against a template', () => {
  it.each([
    // answers                                harm  likelihood capability total band
    [{ violence: 0, intent: 0, weapons: 0 }, 0, 0, 0, 0, 'D'],
    [{ violence: 4, intent: 4, weapons: 4 }, 100, 100, 100, 100, 'A'],
    [{ violence: 4, intent: 0, weapons: 0 }, 100, 0, 0, 50, 'B'],
    [{ violence: 2, intent: 4, weapons: 0 }, 50, 100, 0, 50, 'B'],
    [{ violence: 1, intent: 1, weapons: 1 }, 25, 25, 25, 25, 'C'],
    [{ violence: 1, intent: 0, weapons: 1 }, 25, 0, 25, 18.8, 'D'],
    [{ violence: 3, intent: 3, weapons: 3 }, 75, 75, 75, 75, 'A'],
    [{ violence: 4, intent: 4, weapons: 0 }, 100, 100, 0, 75, 'A'],
  ])('%j scores harm %d, likelihood %d, capability %d, total %d, band %s', (answers, harm, likelihood, capability, total, band) => {
    const s = scoreOcg(T, answers);
    expect(s).toMatchObject({ templateVersion: 'TEST-1', harm, likelihood, capability, total, band });
  });

  it.each([
    ['a missing answer', { violence: 1, intent: 1 }, 'answers.weapons'],
    ['an answer above the top', { violence: 5, intent: 1, weapons: 1 }, 'answers.violence'],
    ['a negative answer', { violence: -1, intent: 1, weapons: 1 }, 'answers.violence'],
    ['a fractional answer', { violence: 1.5, intent: 1, weapons: 1 }, 'answers.violence'],
    ['an unknown criterion', { violence: 1, intent: 1, weapons: 1, shoeSize: 2 }, 'answers.shoeSize'],
  ])('refuses %s with the field at fault', (_what, answers, field) => {
    expect(() => scoreOcg(T, answers)).toThrow(expect.objectContaining({ code: 'VALIDATION', field }));
  });

  it.each([
    [0, 'D'], [24.9, 'D'], [25, 'C'], [49.9, 'C'], [50, 'B'], [74.9, 'B'], [75, 'A'], [100, 'A'],
  ])('a total of %d falls in band %s (thresholds are data)', (total, band) => {
    expect(bandFor(T, total)).toBe(band);
  });

  it('orders bands highest first whatever order they were given in', () => {
    expect(T.bands.map((b) => b.band)).toEqual(['A', 'B', 'C', 'D']);
    expect(['D', 'A', 'C', 'B'].sort((a, b) => bandRank(T, a) - bandRank(T, b))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('the same answers band differently under another version: bands are configuration', () => {
    const strict = validateTemplate({ ...T, version: 'TEST-2', bands: [{ band: 'HIGH', minScore: 40 }, { band: 'LOW', minScore: 0 }] });
    const answers = { violence: 2, intent: 2, weapons: 0 }; // total 37.5
    expect(scoreOcg(T, answers).band).toBe('C');
    expect(scoreOcg(strict, answers)).toMatchObject({ band: 'LOW', templateVersion: 'TEST-2' });
    expect(scoreOcg(strict, { violence: 4, intent: 0, weapons: 0 })).toMatchObject({ band: 'HIGH' });
  });

  it('the default template scores every criterion and covers 0..100', () => {
    const zero = Object.fromEntries(DEFAULT_HARM_TEMPLATE.criteria.map((c) => [c.id, 0]));
    const top = Object.fromEntries(DEFAULT_HARM_TEMPLATE.criteria.map((c) => [c.id, c.max]));
    expect(scoreOcg(DEFAULT_HARM_TEMPLATE, zero)).toMatchObject({ total: 0, band: 'D' });
    expect(scoreOcg(DEFAULT_HARM_TEMPLATE, top)).toMatchObject({ total: 100, band: 'A' });
    expect(validateTemplate(DEFAULT_HARM_TEMPLATE)).toEqual(DEFAULT_HARM_TEMPLATE);
  });
});

describe('template validation', () => {
  const base = { version: 'V1', title: 'T', criteria: T.criteria, bands: T.bands };
  it.each([
    ['a bad version', { ...base, version: 'has space' }, 'version'],
    ['no title', { ...base, title: '' }, 'title'],
    ['no criteria', { ...base, criteria: [] }, 'criteria'],
    ['a dimension without criteria', { ...base, criteria: T.criteria.filter((c) => c.dimension !== 'CAPABILITY') }, 'criteria'],
    ['an unknown dimension', { ...base, criteria: [...T.criteria, { id: 'x', label: 'x', dimension: 'LUCK', weight: 1, max: 4 }] }, 'criteria[3].dimension'],
    ['a duplicate criterion', { ...base, criteria: [...T.criteria, T.criteria[0]!] }, 'criteria[3].id'],
    ['a zero weight', { ...base, criteria: [{ ...T.criteria[0]!, weight: 0 }, ...T.criteria.slice(1)] }, 'criteria[0].weight'],
    ['a top answer of 0', { ...base, criteria: [{ ...T.criteria[0]!, max: 0 }, ...T.criteria.slice(1)] }, 'criteria[0].max'],
    ['one band', { ...base, bands: [{ band: 'A', minScore: 0 }] }, 'bands'],
    ['no band from 0', { ...base, bands: [{ band: 'A', minScore: 50 }, { band: 'B', minScore: 10 }] }, 'bands'],
    ['two bands on one threshold', { ...base, bands: [{ band: 'A', minScore: 0 }, { band: 'B', minScore: 0 }] }, 'bands'],
    ['a threshold above 100', { ...base, bands: [{ band: 'A', minScore: 101 }, { band: 'B', minScore: 0 }] }, 'bands[0].minScore'],
    ['a review period of 0', { ...base, reviewPeriodDays: 0 }, 'reviewPeriodDays'],
  ])('refuses %s', (_what, raw, field) => {
    expect(() => validateTemplate(raw as never)).toThrow(expect.objectContaining({ code: 'VALIDATION', field }));
  });
});

describe('review dates', () => {
  it.each([
    ['2026-01-01', undefined, '2026-01-31'],
    ['2026-02-15', undefined, '2026-03-17'],
    ['2026-01-01', '2026-06-30', '2026-06-30'],
  ])('scored %s with %s is due %s', (scored, given, due) => {
    expect(reviewDue(T, scored, given)).toBe(due);
  });
  it('refuses a review date before the assessment or not a date', () => {
    expect(() => reviewDue(T, '2026-01-01', '2025-12-31')).toThrow(expect.objectContaining({ field: 'reviewDue' }));
    expect(() => reviewDue(T, '2026-01-01', 'soon')).toThrow(expect.objectContaining({ field: 'reviewDue' }));
  });
  it('adds days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
