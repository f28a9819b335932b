import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  axisTicks, chooseLanes, dayOf, DEFAULT_GEOMETRY, isoOfDay, itemSummary, layoutSequence, shortTitle, tickLabel, xOfDay,
} from '../../client/src/sequence/layout.js';
import { GraphWorkspace } from '../../client/src/workspace/GraphWorkspace.js';
import type { ApiClient, GraphEdge, GraphNode, GraphSlice, TimelineItem } from '../../client/src/workspace/types.js';

/** The sequence (theme-line) view: its layout as pure functions, and the workspace commands behind it. */

const item = (id: string, date: string | null, entityIds: string[], kind = 'event', label = `Item ${id}`): TimelineItem =>
  ({ id, kind, type: kind === 'link' ? 'ASSOCIATE_OF' : 'Event', label, date, grade: null, entityIds });

describe('dates', () => {
  it('reads the calendar day of a date or date-time, and refuses what is not a day', () => {
    expect(dayOf('1970-01-02')).toBe(1);
    expect(dayOf('2024-03-01T23:30:00Z')).toBe(dayOf('2024-03-01'));
    expect(dayOf('2024-02-29')).toBe(dayOf('2024-03-01')! - 1);
    for (const bad of ['2023-02-29', '2024-13-01', 'yesterday', '', null, undefined]) expect(dayOf(bad)).toBeUndefined();
    expect(isoOfDay(dayOf('2021-07-15')!)).toBe('2021-07-15');
  });

  it('labels ticks in UK form: a day dd/mm/yyyy, a month by name and year, a year alone', () => {
    const d = dayOf('2024-03-05')!;
    expect(tickLabel(d, 'day')).toBe('05/03/2024');
    expect(tickLabel(dayOf('2024-03-01')!, 'month')).toBe('Mar 2024');
    expect(tickLabel(dayOf('2024-01-01')!, 'year')).toBe('2024');
  });
});

describe('axis ticks', () => {
  const span = (from: string, to: string, most: number) => axisTicks(dayOf(from)!, dayOf(to)!, most);

  it.each([
    ['2024-03-01', '2024-03-06', 10, 'day'],
    ['2024-01-01', '2024-03-31', 8, 'day'],
    ['2023-01-01', '2024-06-30', 10, 'month'],
    ['2010-01-01', '2024-06-30', 10, 'year'],
  ] as const)('from %s to %s with at most %i ticks uses %s ticks', (from, to, most, unit) => {
    const ticks = span(from, to, most);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(most);
    expect(new Set(ticks.map((t) => t.unit))).toEqual(new Set([unit]));
  });

  it('puts month ticks on the first of the month and year ticks on the first of January', () => {
    for (const t of span('2022-05-17', '2024-02-10', 12)) expect(isoOfDay(t.day).slice(8)).toBe('01');
    for (const t of span('2001-05-17', '2024-02-10', 8)) expect(isoOfDay(t.day).slice(5)).toBe('01-01');
  });

  it('property: ticks are inside the span, ascending, and never more than asked', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 2, max: 30 }), (lo, len, most) => {
      const ticks = axisTicks(lo, lo + len, most);
      expect(ticks.length).toBeLessThanOrEqual(most);
      for (const [i, t] of ticks.entries()) {
        expect(t.day).toBeGreaterThanOrEqual(lo);
        expect(t.day).toBeLessThanOrEqual(lo + len);
        if (i) expect(t.day).toBeGreaterThan(ticks[i - 1]!.day);
      }
    }));
  });
});

describe('choosing the lines', () => {
  const nodes: Record<string, { restricted: boolean }> = { a: { restricted: false }, b: { restricted: false }, c: { restricted: false }, s: { restricted: true } };
  const chart = (shown: string[]) => ({
    entity: (id: string) => nodes[id],
    linkEnds: (id: string): [string, string] | undefined => (id === 'ab' ? ['a', 'b'] : id === 'cs' ? ['c', 's'] : undefined),
    shown,
  });

  it('takes the selected entities and the ends of selected links, without stubs or repeats', () => {
    expect(chooseLanes(['c', 'ab', 'a', 's'], chart(['a', 'b', 'c']))).toEqual({ ids: ['c', 'a', 'b'], source: 'selection', omitted: 0 });
    expect(chooseLanes(['cs'], chart([])).ids).toEqual(['c']);
  });

  it('with nothing selected takes the chart’s shown entities, capped, and says how many were left off', () => {
    expect(chooseLanes([], chart(['a', 's', 'b', 'c']), 2)).toEqual({ ids: ['a', 'b'], source: 'chart', omitted: 1 });
    expect(chooseLanes(['s'], chart(['c']))).toEqual({ ids: ['c'], source: 'chart', omitted: 0 });
  });
});

describe('placing items on the lines', () => {
  const lanes = ['a', 'b', 'c'];

  it('draws an item involving several lines as one mark spanning them', () => {
    const l = layoutSequence([item('e1', '2024-01-10', ['c', 'a']), item('e2', '2024-01-11', ['b'])], lanes);
    expect(l.marks.map((m) => [m.item.id, m.lanes, m.top, m.bottom])).toEqual([['e1', [0, 2], 0, 2], ['e2', [1], 1, 1]]);
  });

  it('lists undated items apart, counts those outside the time range and those on no line', () => {
    const items = [
      item('r1', null, ['a'], 'report'), item('e1', '2024-01-10', ['a']), item('e2', '2024-02-10', ['b']), item('e3', 'not a date', ['c']),
      item('x', '2024-01-15', ['zz']),
    ];
    const l = layoutSequence(items, lanes, { from: '2024-02-01', to: '2024-12-31' });
    expect(l.marks.map((m) => m.item.id)).toEqual(['e2']);
    expect(l.undated.map((i) => i.id)).toEqual(['r1', 'e3']);
    expect(l.outside).toBe(1);
    expect(l.unplaced).toBe(1);
  });

  it('spreads items of the same date on the same line side by side, and leaves apart lines unmoved', () => {
    const g = DEFAULT_GEOMETRY;
    const l = layoutSequence([item('e1', '2024-01-10', ['a']), item('e2', '2024-01-10', ['a']), item('e3', '2024-01-10', ['c'])], lanes);
    const x = Object.fromEntries(l.marks.map((m) => [m.item.id, m.x]));
    expect(x.e2! - x.e1!).toBe(g.markWidth + g.gap);
    expect(x.e3).toBe(x.e1);
  });

  it('a line crossed by a connector keeps its marks clear of it', () => {
    const l = layoutSequence([item('e1', '2024-01-10', ['a', 'c']), item('e2', '2024-01-10', ['b'])], lanes);
    const [m1, m2] = l.marks;
    expect(m2!.x).toBeGreaterThanOrEqual(m1!.x + DEFAULT_GEOMETRY.markWidth);
  });

  it('narrows the scale so that items pushed aside by crowding still fit the width', () => {
    const l = layoutSequence([item('e0', '2024-01-01', ['a']), item('e1', '2024-03-05', ['a', 'c']), item('e2', '2024-03-05', ['b'])], lanes);
    expect(l.width).toBe(DEFAULT_GEOMETRY.width);
    expect(Math.max(...l.marks.map((m) => m.x)) + DEFAULT_GEOMETRY.markWidth).toBeLessThanOrEqual(DEFAULT_GEOMETRY.width - DEFAULT_GEOMETRY.pad + 1e-6);
  });

  it('places the axis ticks on the same scale as the items', () => {
    const l = layoutSequence([item('e1', '2023-01-01', ['a']), item('e2', '2024-01-01', ['b'])], lanes);
    const t2024 = l.ticks.find((t) => t.label === (t.unit === 'year' ? '2024' : 'Jan 2024'));
    expect(t2024).toBeDefined();
    expect(t2024!.x).toBeCloseTo(l.marks[1]!.x, 6);
    expect(xOfDay(l.anchors, dayOf('2023-01-01')!, 1)).toBe(l.marks[0]!.x);
  });

  const arbItems = fc.array(
    fc.record({
      day: fc.option(fc.integer({ min: dayOf('2020-01-01')!, max: dayOf('2020-01-01')! + 800 }), { nil: null, freq: 8 }),
      lanes: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 60 },
  ).map((rs) => rs.map((r, i) => item(`i${String(i).padStart(3, '0')}`, r.day === null ? null : isoOfDay(r.day), r.lanes.map((l) => `l${l}`))));
  const laneIds = ['l0', 'l1', 'l2', 'l3', 'l4', 'l5'];

  it('property: every item appears exactly once, drawn or listed as undated', () => {
    fc.assert(fc.property(arbItems, (items) => {
      const l = layoutSequence(items, laneIds);
      const ids = [...l.marks.map((m) => m.item.id), ...l.undated.map((i) => i.id)].sort();
      expect(ids).toEqual(items.map((i) => i.id).sort());
    }));
  });

  it('property: x follows date order across the whole view', () => {
    fc.assert(fc.property(arbItems, (items) => {
      const { marks } = layoutSequence([...items].reverse(), laneIds);
      for (const a of marks) for (const b of marks) if (a.day < b.day) expect(a.x).toBeLessThan(b.x);
    }));
  });

  it('property: no two marks on a line overlap (a mark holds every line its connector crosses)', () => {
    fc.assert(fc.property(arbItems, (items) => {
      const { marks } = layoutSequence(items, laneIds);
      const w = DEFAULT_GEOMETRY.markWidth;
      for (const [i, a] of marks.entries()) {
        for (const b of marks.slice(i + 1)) {
          const share = a.top <= b.bottom && b.top <= a.bottom;
          if (share) expect(a.x + w <= b.x || b.x + w <= a.x).toBe(true);
        }
      }
    }));
  });

  it('property: tick labels do not run into each other and the view is wide enough for every mark', () => {
    fc.assert(fc.property(arbItems, (items) => {
      const l = layoutSequence(items, laneIds);
      for (const [i, t] of l.ticks.entries()) if (i) expect(t.x - l.ticks[i - 1]!.x).toBeGreaterThanOrEqual(DEFAULT_GEOMETRY.tickWidth);
      for (const m of l.marks) expect(m.x + DEFAULT_GEOMETRY.markWidth).toBeLessThanOrEqual(l.width);
    }));
  });
});

describe('words', () => {
  it('shortens a title at a word, and summarises an item with its UK date, grade and entities', () => {
    expect(shortTitle('Robbery at Ashby Post Office', 20)).toBe('Robbery at Ashby…');
    expect(shortTitle('Short', 20)).toBe('Short');
    expect(shortTitle('Meeting at Harbour Café', 19)).toBe('Meeting at Harbour…');
    const text = itemSummary({ ...item('r1', '2022-03-01', ['a', 'b'], 'report', 'Report: Vexley supply'), grade: '1A' }, (id) => id.toUpperCase(), () => 'Intelligence report');
    expect(text).toBe('Intelligence report: Report: Vexley supply\nDate: 01/03/2022\nGrade: 1A\nInvolves: A, B');
  });
});

describe('the workspace’s sequence view', () => {
  const node = (id: string, label: string, type = 'Subject', restricted = false): GraphNode =>
    ({ id, type, label, restricted, access: restricted ? 'stub' : 'full', props: {} });
  const edge = (id: string, source: string, target: string): GraphEdge => ({ id, source, target, type: 'ASSOCIATE_OF', restricted: false, reportCount: 0, props: { from: '2024-01-01' } });
  const nodes = [node('a', 'Ann'), node('b', 'Bob'), node('c', 'Cat'), node('ev', 'Robbery', 'Event'), node('restricted-1', 'Held elsewhere', 'Restricted', true)];
  const edges = [edge('ab', 'a', 'b')];
  const timeline: TimelineItem[] = [
    item('ab', '2024-01-01', ['a', 'b'], 'link'), item('ev', '2024-02-01', ['a', 'c']), item('r9', null, ['b'], 'report'),
  ];

  class Api implements Partial<ApiClient> {
    asked: string[][] = [];
    async graph(ids: string[]): Promise<GraphSlice> {
      return { nodes: nodes.filter((n) => ids.includes(n.id)), edges: edges.filter((e) => ids.includes(e.source) && ids.includes(e.target)), truncated: false, omitted: 0 };
    }
    async link() { return null; }
    async timeline(ids: string[]): Promise<TimelineItem[]> {
      this.asked.push(ids);
      return timeline.filter((t) => t.entityIds.some((id) => ids.includes(id)));
    }
  }

  async function workspace() {
    const api = new Api();
    const ws = new GraphWorkspace(api as unknown as ApiClient);
    ws.addSlice({ nodes, edges }, 'Add', { layout: false });
    return { ws, api };
  }
  const loaded = (ws: GraphWorkspace) => new Promise<void>((resolve) => {
    const check = () => { if (ws.getState().sequence?.status !== 'loading') { off(); resolve(); } };
    const off = ws.subscribe(check);
    check();
  });

  it('opens on the selected entities and reads their timeline', async () => {
    const { ws, api } = await workspace();
    ws.select(['c', 'ab']);
    ws.openSequence();
    await loaded(ws);
    const sq = ws.getState().sequence!;
    expect(sq.laneIds).toEqual(['c', 'a', 'b']);
    expect(sq.source).toBe('selection');
    expect(api.asked).toEqual([['c', 'a', 'b']]);
    expect(sq.items.map((i) => i.id)).toEqual(['ab', 'ev', 'r9']);
  });

  it('with nothing selected opens on the chart’s entities, stubs left out', async () => {
    const { ws } = await workspace();
    ws.clearSelection();
    ws.openSequence();
    await loaded(ws);
    expect(ws.getState().sequence!.laneIds).toEqual(['a', 'b', 'c', 'ev']);
    expect(ws.getState().sequence!.source).toBe('chart');
  });

  it('selecting an item selects its entities and itself on the chart; a selection on the chart lets it go', async () => {
    const { ws } = await workspace();
    ws.openSequence();
    await loaded(ws);
    ws.selectSequenceItem('ev');
    expect([...ws.getState().selection].sort()).toEqual(['a', 'c', 'ev']);
    expect(ws.getState().sequence!.focus).toBe('ev');
    ws.selectSequenceItem('r9'); // a report not on the chart: its entity is selected, the item shown
    expect([...ws.getState().selection]).toEqual(['b']);
    expect(ws.getState().sequence!.focus).toBe('r9');
    ws.select(['c']);
    expect(ws.getState().sequence!.focus).toBeNull();
  });

  it('an entity removed from the chart takes its line with it', async () => {
    const { ws } = await workspace();
    ws.select(['a', 'b']);
    ws.openSequence();
    await loaded(ws);
    ws.remove(['b']);
    expect(ws.getState().sequence!.laneIds).toEqual(['a']);
    ws.closeSequence();
    expect(ws.getState().sequence).toBeNull();
  });
});
