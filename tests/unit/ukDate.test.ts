import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToUk, outOfRange, readUkDate } from '../../client/src/ui/ukDate.js';

describe('UK date entry', () => {
  it('reads dd/mm/yyyy (and -, ., one-digit parts, a pasted ISO date) as the ISO date', () => {
    expect(readUkDate('05/12/2026')).toEqual({ iso: '2026-12-05' });
    expect(readUkDate(' 5.1.2026 ')).toEqual({ iso: '2026-01-05' });
    expect(readUkDate('31-01-2024')).toEqual({ iso: '2024-01-31' });
    expect(readUkDate('2024-02-29')).toEqual({ iso: '2024-02-29' });
  });

  it('never reads a date the American way, and says what is wrong', () => {
    expect(readUkDate('12/31/2026')).toEqual({ error: 'There is no month 31' });
    expect(readUkDate('29/02/2023')).toEqual({ error: '02/2023 has 28 days' });
    expect(readUkDate('2026/12/05')).toEqual({ error: 'Write the date as dd/mm/yyyy' });
    expect(readUkDate('01/01/0999')).toEqual({ error: 'The year must be between 1800 and 2200' });
    expect(outOfRange('2020-01-01', '2021-01-01')).toBe('The earliest date here is 01/01/2021');
    expect(outOfRange('2022-01-01', '2021-01-01', '2023-01-01')).toBeNull();
  });

  it('round-trips every date between the UK form and ISO', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1800-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      const uk = isoToUk(iso);
      expect(uk).toMatch(/^\d\d\/\d\d\/\d{4}$/);
      expect(readUkDate(uk)).toEqual({ iso });
    }));
  });
});
