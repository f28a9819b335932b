import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectDelimiter, normalisePhone, normaliseVrm, parseDuration, parseTime, readComms, suggestColumns, validateMapping,
} from '../../server/ingest/comms.js';

/** Reading communications files: delimiters, numbers, plates, UK dates and clock changes, durations. */
describe('reading communications data', () => {
  it('finds the delimiter from the header line', () => {
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a|b|c')).toBe('|');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('"Date, time";Caller;Callee')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('puts numbers in national form and plates without spaces', () => {
    for (const raw of ['+44 7700 900001', '0044 7700 900001', '447700900001', '07700 900001', '(07700) 900-001']) expect(normalisePhone(raw)).toBe('07700900001');
    expect(normalisePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalisePhone('0033612345678')).toBe('+33612345678');
    expect(normalisePhone('not a number')).toBeUndefined();
    expect(normalisePhone('12')).toBeUndefined();
    expect(normaliseVrm('ab12 cde')).toBe('AB12CDE');
    expect(normaliseVrm('AB12-CDE')).toBeUndefined();
  });

  it('reads UK dates and times in London time, on both sides of the clock changes', () => {
    expect(parseTime('15/07/2026 10:00:00', 'DD/MM/YYYY', 'Europe/London')).toBe(Date.UTC(2026, 6, 15, 9));
    expect(parseTime('15/01/2026 10:00', 'DD/MM/YYYY', 'Europe/London')).toBe(Date.UTC(2026, 0, 15, 10));
    expect(parseTime('07/15/2026 10:00', 'MM/DD/YYYY', 'UTC')).toBe(Date.UTC(2026, 6, 15, 10));
    // 01:30 on 25 October 2026 happens twice in London: the first (BST) is taken.
    expect(parseTime('25/10/2026 01:30', 'DD/MM/YYYY', 'Europe/London')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(parseTime('29/03/2026 00:30', 'DD/MM/YYYY', 'Europe/London')).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(parseTime('29/03/2026 02:30', 'DD/MM/YYYY', 'Europe/London')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(parseTime('2026-07-15T10:00:00+02:00', 'ISO', 'Europe/London')).toBe(Date.UTC(2026, 6, 15, 8));
    expect(parseTime('2026-07-15 10:00:00', 'ISO', 'UTC')).toBe(Date.UTC(2026, 6, 15, 10));
    expect(parseTime('2026-07-15T10:00:00.250Z', 'ISO', 'Europe/London')).toBe(Date.UTC(2026, 6, 15, 10, 0, 0, 250));
    expect(parseTime('1752570000', 'EPOCH_S', 'UTC')).toBe(1752570000000);
    for (const bad of ['31/02/2026 10:00', '15/13/2026', '15/07/2026 25:00', 'yesterday', '2026-07-15T10:00:00+02:00']) {
      expect(parseTime(bad, 'DD/MM/YYYY', 'Europe/London'), bad).toBeUndefined();
    }
  });

  it('a London wall-clock time printed and read back is the same instant (every hour that happens once)', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }), (s) => {
      const at = s * 1000;
      const text = fmt.format(new Date(at)).replace(',', '');
      const back = parseTime(text, 'DD/MM/YYYY', 'Europe/London');
      // In the repeated hour of October the earlier instant is read: the same text, an hour before.
      const again = back === undefined ? undefined : fmt.format(new Date(back)).replace(',', '');
      expect(again).toBe(text);
      expect(back === at || back === at - 3_600_000).toBe(true);
    }), { numRuns: 2000, examples: [[Date.UTC(2026, 9, 25, 0, 30) / 1000], [Date.UTC(2026, 9, 25, 1, 30) / 1000], [Date.UTC(2026, 2, 29, 0, 59, 59) / 1000], [Date.UTC(2026, 2, 29, 1) / 1000]] });
  });

  it('reads durations as seconds or clock form', () => {
    expect(parseDuration('75')).toBe(75);
    expect(parseDuration('01:30')).toBe(90);
    expect(parseDuration('0:01:30')).toBe(90);
    expect(parseDuration('2:00:00')).toBe(7200);
    expect(parseDuration('1:75')).toBeUndefined();
    expect(parseDuration('1:60:00')).toBeUndefined();
    expect(parseDuration('long')).toBeUndefined();
  });

  it('guesses a mapping from header names and checks a mapping', () => {
    expect(suggestColumns('CALLS', ['Calling Number', 'Called Number', 'Date/Time', 'Duration (s)', 'Cell ID'])).toEqual({
      caller: 'Calling Number', callee: 'Called Number', start: 'Date/Time', duration: 'Duration (s)', cellSite: 'Cell ID',
    });
    expect(() => validateMapping({ name: 'x', kind: 'CALLS', columns: { caller: 'A' } })).toThrow(/Map a column to callee, start/);
    expect(() => validateMapping({ name: 'x', kind: 'SMS', columns: {} })).toThrow(/kind must be one of/);
    expect(() => validateMapping({ name: 'x', kind: 'ANPR', delimiter: ':', columns: { vrm: 'a', camera: 'b', time: 'c' } })).toThrow(/delimiter/);
    expect(validateMapping({ name: ' x ', kind: 'ANPR', delimiter: '\\t', columns: { vrm: 'a', camera: 'b', time: 'c' } })).toMatchObject({ name: 'x', delimiter: '\t', dateFormat: 'ISO', timeZone: 'UTC' });
  });

  it('accounts for every row: accepted or rejected with its line, never lost', async () => {
    const mapping = validateMapping({ name: 'm', kind: 'CALLS', dateFormat: 'DD/MM/YYYY', columns: { caller: 'A', callee: 'B', start: 'D+T', duration: 'Dur' } });
    await fc.assert(fc.asyncProperty(fc.array(fc.record({
      a: fc.constantFrom('07700900001', '+447700900002', 'x', ''), b: fc.constantFrom('07700900003', '07700900001', '12'),
      d: fc.constantFrom('01/06/2025', '31/06/2025', ''), t: fc.constantFrom('10:00', '25:00', '10:00:59'), dur: fc.constantFrom('60', '0:02:00', 'long', ''),
    }), { maxLength: 30 }), async (rows) => {
      const text = ['A\tB\tD\tT\tDur', ...rows.map((r) => [r.a, r.b, r.d, r.t, r.dur].join('\t'))].join('\n');
      const out = await readComms(text, mapping, { now: Date.UTC(2026, 0, 1) });
      expect(out.read).toBe(rows.filter((r) => [r.a, r.b, r.d, r.t, r.dur].join('\t').trim() !== '').length);
      expect(out.rows.length + out.errors.length).toBe(out.read);
      const lines = [...out.rows.map((r) => r.line), ...out.errors.map((e) => e.line)].sort((x, y) => x - y);
      expect(new Set(lines).size).toBe(lines.length);
      for (const e of out.errors) expect(e.reason.length).toBeGreaterThan(0);
    }), { numRuns: 200 });
  });
});
