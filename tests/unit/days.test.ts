import { describe, expect, it } from 'vitest';
import { coerceProp } from '../../server/domain/validate.js';
import { Rng } from '../../seed/generate.js';

// The reference both replace: a day exists when Date reads it back as itself.
const reference = (day: string) => {
  const time = Date.parse(day);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
};
const accepts = (kind: 'date' | 'datetime', s: string) => {
  try {
    return coerceProp('d', { kind, future: true }, s, '2026-01-01') !== undefined;
  } catch {
    return false;
  }
};
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('days', () => {
  it('a date is accepted exactly when Date reads it back as the same day, in every month of leap and common years', () => {
    const years = [0, 1, 4, 100, 200, 400, 1600, 1700, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999];
    for (let i = 0; i < 40; i++) years.push((i * 7919 + 13) % 10000);
    let checked = 0;
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const day = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(accepts('date', day), day).toBe(reference(day));
          expect(accepts('datetime', `${day}T12:00:00Z`), `${day}T12:00:00Z`).toBe(reference(day));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(25_000);
    for (const bad of ['1990-2-03', '1990-02-3', '19900-01-01', '+01990-01-01', '1990/02/03', '']) expect(accepts('date', bad), bad).toBe(false);
  });

  it('the generator draws the same days as through Date, inclusive of both ends', () => {
    const viaDate = (next: () => number, from: string, to: string) => {
      const a = Date.parse(`${from}T00:00:00Z`);
      const b = Date.parse(`${to}T00:00:00Z`);
      return new Date(a + Math.floor(next() * ((b - a) / 86400000 + 1)) * 86400000).toISOString().slice(0, 10);
    };
    const ranges: [string, string][] = [['1950-01-01', '2008-12-31'], ['2024-02-28', '2024-03-01'], ['1999-12-31', '2000-01-01'], ['2020-06-15', '2020-06-15']];
    for (const [from, to] of ranges) {
      const a = new Rng(42);
      const b = new Rng(42);
      const seen = new Set<string>();
      for (let i = 0; i < 2000; i++) {
        const day = a.date(from, to);
        expect(day).toBe(viaDate(() => b.next(), from, to));
        seen.add(day);
      }
      // A range of a few days is drawn whole, both ends included.
      const span = (Date.parse(to) - Date.parse(from)) / 86400000;
      if (span <= 3) {
        const every = Array.from({ length: span + 1 }, (_, i) => new Date(Date.parse(from) + i * 86400000).toISOString().slice(0, 10));
        expect([...seen].sort()).toEqual(every);
      }
    }
  });
});
