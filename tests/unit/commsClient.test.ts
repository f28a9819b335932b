import { describe, expect, it } from 'vitest';
import { callFrequencyTable, coLocationTable, labeller, tableCsv } from '../../client/src/comms/tables.js';
import { COUNT_WIDTH, countWidth, linkCount } from '../../client/src/graph/style.js';
import { countText, durationText, evidenceSummary, parseUkDate, ukDate, ukDateTime } from '../../client/src/ui/evidence.js';

describe('link width by count', () => {
  it('is a capped log scale: 1 draws plain, each tenfold adds the same, the cap and beyond draw widest', () => {
    expect(countWidth(1)).toBe(COUNT_WIDTH.min);
    const step = countWidth(10) - countWidth(1);
    expect(countWidth(100) - countWidth(10)).toBeCloseTo(step, 1);
    expect(countWidth(COUNT_WIDTH.cap)).toBe(COUNT_WIDTH.max);
    expect(countWidth(50_000)).toBe(COUNT_WIDTH.max);
    expect(countWidth(0)).toBe(COUNT_WIDTH.min);
  });

  it('reads a count only when it is a positive number', () => {
    expect(linkCount({ count: 40 })).toBe(40);
    expect(linkCount({ count: 0 })).toBeUndefined();
    expect(linkCount({ count: '40' })).toBeUndefined();
    expect(linkCount({})).toBeUndefined();
    expect(linkCount(null)).toBeUndefined();
  });
});

describe('UK dates, durations and counts', () => {
  it.each([
    ['01/03/2024', '2024-03-01'], ['1/3/2024', '2024-03-01'], ['31.12.2023', '2023-12-31'], ['', ''],
    ['31/02/2024', null], ['2024-03-01', null], ['03/13/2024', null],
  ])('parses %j as %j', (text, iso) => {
    expect(parseUkDate(text)).toBe(iso);
  });

  it('shows instants in UK time (GMT in winter, BST in summer) and bare dates as they are', () => {
    expect(ukDateTime('2024-01-15T17:40:00Z')).toBe('15/01/2024 17:40');
    expect(ukDateTime('2024-06-30T17:40:00Z')).toBe('30/06/2024 18:40');
    expect(ukDateTime('2024-06-30T23:30:00Z')).toBe('01/07/2024 00:30');
    expect(ukDate('2024-06-30')).toBe('30/06/2024');
    expect(ukDateTime('2024-06-30')).toBe('30/06/2024');
    expect(ukDateTime('not a date')).toBe('not a date');
  });

  it('words durations and counts', () => {
    expect(durationText(40)).toBe('40 s');
    expect(durationText(125)).toBe('2 min 05 s');
    expect(durationText(3725)).toBe('1 h 02 min');
    expect(countText('CALLS', 1)).toBe('1 call');
    expect(countText('ASSOCIATE_OF', 3)).toBe('3 meetings');
    expect(countText('SEEN_AT', 1200)).toBe('1,200 sightings');
    expect(evidenceSummary('CALLS', { count: 2, totalDuration: 60, firstSeen: '2024-03-01T09:15:00Z' })).toBe('2 calls · total 1 min 00 s · first 01/03/2024 09:15');
    expect(evidenceSummary('CALLS', { role: 'x' })).toBe('');
  });
});

describe('analysis tables', () => {
  const slice = { nodes: [{ id: 'p1', label: '07700900001' }, { id: 'p2', label: '07700900002' }, { id: 'c1', label: 'CAM-1' }] };
  const label = labeller([slice]);

  it('tables call frequency with UK dates and exports it as spreadsheet-safe CSV', () => {
    const t = callFrequencyTable({
      slice: { nodes: [], edges: [], truncated: false, omitted: 0 },
      pairs: [{ caller: 'p1', callee: 'p2', calls: 3, totalDuration: 125, firstCall: '2024-03-01T09:15:00Z', lastCall: '2024-06-01T08:00:00Z' }],
      buckets: [{ start: '2024-03-01', calls: 3 }],
    }, label);
    expect(t.rows).toEqual([['07700900001', '07700900002', 3, '2 min 05 s', 125, '01/03/2024 09:15', '01/06/2024 09:00']]);
    expect(t.detail!.rows).toEqual([['01/03/2024', 3]]);
    expect(tableCsv(t)).toBe('Caller,Callee,Calls,Total duration,Total seconds,First call,Last call\r\n07700900001,07700900002,3,2 min 05 s,125,01/03/2024 09:15,01/06/2024 09:00\r\n');
  });

  it('tables co-location with the convoy leader and the meetings', () => {
    const t = coLocationTable({
      slice: { nodes: [], edges: [], truncated: false, omitted: 0 },
      pairs: [{ aId: 'p1', bId: 'p2', label: '=CMD', places: 3, sightings: 4, convoy: true, leaderId: 'p2', meanGapSeconds: 90 }],
      events: [{ aId: 'p1', bId: 'p2', placeId: 'c1', aTime: '2024-03-01T09:15:00Z', bTime: '2024-03-01T09:16:30Z', gapSeconds: 90 }],
    }, label, 'vehicles');
    expect(t.rows[0]).toEqual(['07700900001', '=CMD', 3, 4, 'Yes', '07700900002', '1 min 30 s']);
    expect(t.detail!.rows[0]).toEqual(['07700900001', '07700900002', 'CAM-1', '01/03/2024 09:15', '01/03/2024 09:16', '1 min 30 s']);
    // A cell a spreadsheet would run as a formula is defused.
    expect(tableCsv(t).split('\r\n')[1]).toContain(",'=CMD,");
  });
});
