import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDoc, mergeSlice, setPositions, type ChartDoc } from '../../client/src/workspace/chartDoc.js';
import { LocalChartStore, MemoryStorage } from '../../client/src/workspace/chartStore.js';
import { GraphWorkspace } from '../../client/src/workspace/GraphWorkspace.js';
import type { ApiClient, GraphEdge, GraphNode, GraphSlice, Viewer } from '../../client/src/workspace/types.js';
import { collapseOcg, groupedView, groupItems, GroupingError, ocgMembers, ungroup } from '../../client/src/organise/grouping.js';
import { insideLasso, pointInPolygon, toChart } from '../../client/src/organise/lasso.js';
import { emptyOrganise, nextId, type Organise, type StyleRule } from '../../client/src/organise/model.js';
import { describeCondition, evaluateRules, matches, ruleProblems, ruleStyles } from '../../client/src/organise/rules.js';
import { readOrganise, saveOrganise } from '../../client/src/organise/saved.js';
import { cardFacts } from '../../client/src/organise/hoverCard.js';
import { chartStyle } from '../../client/src/graph/style.js';

/**
 * Organising a chart: groups and collapsed OCGs, styling rules, the lasso, the saved form, and the
 * workspace commands that make each change an undo step.
 */
const markings = (classification = 'OFFICIAL') => ({ classification, handling: 'P', handlingConditions: [], agency: 'FORCE-A' });
const node = (id: string, type: string, label: string, props: Record<string, unknown> = {}, classification?: string): GraphNode =>
  ({ id, type, label, restricted: false, access: 'full', props, markings: markings(classification) });
const stub = (id: string): GraphNode => ({ id, type: 'Restricted', label: 'Held by Northshire Police', restricted: true, access: 'stub', heldBy: 'Northshire Police', props: {} });
const edge = (source: string, type: string, target: string, props: Record<string, unknown> = {}): GraphEdge =>
  ({ id: `${type}-${source}-${target}`, source, target, type, restricted: false, strength: null, reportCount: 0, props, markings: markings() });

/**
 *   lee ─MEMBER_OF(principal)─ ocg ─ dana (significant), ravi (peripheral)
 *   lee ─ASSOCIATE_OF─ dana ─ASSOCIATE_OF─ kim ─ASSOCIATE_OF─ owen;  lee ─LIVES_AT─ mill;  dana ─ASSOCIATE_OF─ [stub]
 */
function network(): GraphSlice {
  const nodes = [
    node('lee', 'Subject', 'Lee Carter', { dob: '1984-03-12', surname: 'Carter', age: 41 }), node('dana', 'Subject', 'Dana Moss', { surname: 'Moss', age: 29 }),
    node('kim', 'Subject', 'Kim Shaw', { surname: 'Shaw', aliases: ['Kimmy', 'KS'] }), node('owen', 'Subject', 'Owen Hale'), node('ravi', 'Subject', 'Ravi Patel'),
    node('ocg', 'OCG', 'Carter Firm', { status: 'ACTIVE' }, 'OFFICIAL-SENSITIVE'), node('mill', 'Location', '14 Mill Lane', { postcode: 'AB1 2CD' }), stub('stub-1'),
  ];
  const edges = [
    edge('lee', 'MEMBER_OF', 'ocg', { role: 'PRINCIPAL' }), edge('dana', 'MEMBER_OF', 'ocg', { role: 'SIGNIFICANT' }), edge('ravi', 'MEMBER_OF', 'ocg', { role: 'PERIPHERAL' }),
    edge('lee', 'ASSOCIATE_OF', 'dana'), edge('dana', 'ASSOCIATE_OF', 'kim'), edge('kim', 'ASSOCIATE_OF', 'owen'), edge('lee', 'LIVES_AT', 'mill'),
    edge('dana', 'ASSOCIATE_OF', 'stub-1'),
  ];
  return { nodes, edges, truncated: false, omitted: 0 };
}

function chart(): ChartDoc {
  const ids = network().nodes.map((n) => n.id);
  return setPositions(mergeSlice(emptyDoc(), network()).doc, Object.fromEntries(ids.map((id, i) => [id, { x: i * 100, y: (i % 3) * 80 }])));
}

/** What is drawn: nodes with positions, links with ends (groups' own and the document's not drawn through a group). */
function drawn(doc: ChartDoc, groups: Organise['groups']) {
  const v = groupedView(doc, groups);
  const nodes = [...doc.nodes.values()].filter((n) => !v.memberOf.has(n.data.id)).map((n) => [n.data.id, n.position] as const);
  const links = [...doc.edges.values()].filter((e) => !v.absorbed.has(e.data.id)).map((e) => [e.data.id, e.data.source, e.data.target] as const);
  return { nodes: [...nodes, ...v.groups.map((g) => [g.id, g.position] as const)], links: [...links, ...v.links.map((l) => [l.id, l.source, l.target, l.count] as const)] };
}

describe('groups', () => {
  it('draws the members as one node and their links to it, one line per pair of ends with its count', () => {
    const doc = chart();
    const { groups, group } = groupItems(doc, [], ['lee', 'dana', 'not-on-chart'], 'Carters');
    expect(group).toMatchObject({ id: 'group:1', kind: 'group', label: 'Carters', members: ['lee', 'dana'] });
    // The centroid of the members' positions.
    expect(group.position).toEqual({ x: 50, y: 40 });
    const v = groupedView(doc, groups);
    expect(v.groups).toEqual([expect.objectContaining({ id: 'group:1', count: 2 })]);
    const byId = new Map(v.links.map((l) => [l.id, l]));
    // lee and dana are both MEMBER_OF the OCG: one line with a count of 2.
    expect(byId.get('agg:group:1|ocg')).toMatchObject({ count: 2, types: ['MEMBER_OF'] });
    expect(byId.get('agg:group:1|kim')).toMatchObject({ count: 1 });
    expect(byId.get('agg:group:1|mill')).toMatchObject({ count: 1, types: ['LIVES_AT'] });
    expect(byId.get('agg:group:1|stub-1')).toMatchObject({ count: 1 });
    // The link inside the group is absorbed and drawn nowhere.
    expect(v.absorbed.has('ASSOCIATE_OF-lee-dana')).toBe(true);
    expect([...byId.values()].some((l) => l.links.includes('ASSOCIATE_OF-lee-dana'))).toBe(false);
    // Links not touching the group are drawn as they are.
    expect(v.absorbed.has('ASSOCIATE_OF-kim-owen')).toBe(false);
  });

  it('refuses fewer than two entities and entities already in a group', () => {
    const doc = chart();
    expect(() => groupItems(doc, [], ['lee'])).toThrow(GroupingError);
    const { groups } = groupItems(doc, [], ['lee', 'dana']);
    expect(() => groupItems(doc, groups, ['dana', 'kim'])).toThrow(/already in a group/);
    expect(groupItems(doc, groups, ['kim', 'owen']).group.id).toBe('group:2');
  });

  it('links between two groups are drawn between the groups', () => {
    const doc = chart();
    let { groups } = groupItems(doc, [], ['lee', 'mill']);
    ({ groups } = groupItems(doc, groups, ['dana', 'kim']));
    const v = groupedView(doc, groups);
    // lee–dana links the two groups; dana–kim is inside the second.
    expect(v.links.find((l) => l.id === 'agg:group:1|group:2')).toMatchObject({ count: 1, links: ['ASSOCIATE_OF-lee-dana'] });
  });

  it('draws only what the filters show: a group of filtered members is not drawn, nor links filtered out', () => {
    const doc = chart();
    const { groups } = groupItems(doc, [], ['kim', 'owen']);
    const all = { nodes: new Set(doc.nodes.keys()), edges: new Set(doc.edges.keys()) };
    expect(groupedView(doc, groups, all).links.map((l) => l.id)).toEqual(['agg:dana|group:1']);
    const noDanaKim = { nodes: all.nodes, edges: new Set([...all.edges].filter((id) => id !== 'ASSOCIATE_OF-dana-kim')) };
    expect(groupedView(doc, groups, noDanaKim).links).toEqual([]);
    const noneShown = { nodes: new Set([...all.nodes].filter((id) => id !== 'kim' && id !== 'owen')), edges: all.edges };
    expect(groupedView(doc, groups, noneShown).groups).toEqual([]);
  });

  it('collapses an OCG with the subjects linked to it by membership, where the OCG is', () => {
    const doc = chart();
    expect(ocgMembers(doc, 'ocg')).toEqual(['lee', 'dana', 'ravi']);
    const { groups, group } = collapseOcg(doc, [], 'ocg');
    expect(group).toMatchObject({ kind: 'ocg', label: 'Carter Firm', members: ['ocg', 'lee', 'dana', 'ravi'], ocg: 'ocg', position: doc.nodes.get('ocg')!.position });
    const v = groupedView(doc, groups);
    expect(v.links.map((l) => [l.id, l.count]).sort()).toEqual([['agg:group:1|kim', 1], ['agg:group:1|mill', 1], ['agg:group:1|stub-1', 1]]);
    expect(() => collapseOcg(doc, groups, 'ocg')).toThrow(/already/);
    expect(() => collapseOcg(doc, [], 'lee')).toThrow(GroupingError);
    // Members already in another group stay there.
    const first = groupItems(doc, [], ['ravi', 'owen']).groups;
    expect(collapseOcg(doc, first, 'ocg').group.members).toEqual(['ocg', 'lee', 'dana']);
  });

  it('group then ungroup, and collapse then expand, draw exactly the chart as it was (property)', () => {
    const ids = network().nodes.map((n) => n.id);
    fc.assert(fc.property(fc.subarray(ids, { minLength: 2 }), fc.subarray(ids), (a, b) => {
      const doc = chart();
      const before = drawn(doc, []);
      const g1 = groupItems(doc, [], a);
      const free = b.filter((id) => !a.includes(id));
      const g2 = free.length >= 2 ? groupItems(doc, g1.groups, free) : g1;
      expect(drawn(doc, ungroup(g2.groups, [g1.group.id, g2.group.id]))).toEqual(before);
      // Ungrouping one of two leaves the other exactly as it was drawn alone.
      if (g2 !== g1) expect(drawn(doc, ungroup(g2.groups, [g1.group.id]))).toEqual(drawn(doc, [g2.group]));
    }));
    const doc = chart();
    const c = collapseOcg(doc, [], 'ocg');
    expect(drawn(doc, ungroup(c.groups, [c.group.id]))).toEqual(drawn(doc, []));
  });

  it('every link of the chart is drawn once: as itself, inside a group, or counted in one group line (property)', () => {
    const ids = network().nodes.map((n) => n.id);
    fc.assert(fc.property(fc.subarray(ids, { minLength: 2 }), (a) => {
      const doc = chart();
      const v = groupedView(doc, groupItems(doc, [], a).groups);
      const counted = v.links.flatMap((l) => l.links);
      expect(new Set(counted).size).toBe(counted.length);
      expect(v.links.reduce((s, l) => s + l.count, 0)).toBe(counted.length);
      for (const id of doc.edges.keys()) {
        const e = doc.edges.get(id)!.data;
        const inside = a.includes(e.source) && a.includes(e.target);
        expect(counted.includes(id) || inside || !v.absorbed.has(id)).toBe(true);
      }
    }));
  });
});

describe('styling rules', () => {
  const doc = chart();
  const facts = (id: string, degree = 0, role?: string) => ({ node: doc.nodes.get(id)!.data, degree, role });
  const rule = (id: string, when: StyleRule['when'], then: StyleRule['then'], enabled = true): StyleRule => ({ id, enabled, when, then });

  it.each([
    [{ kind: 'type', type: 'Subject' }, 'lee', true],
    [{ kind: 'type', type: 'OCG' }, 'lee', false],
    [{ kind: 'property', key: 'surname', op: 'equals', value: 'carter' }, 'lee', true],
    [{ kind: 'property', key: 'surname', op: 'contains', value: 'art' }, 'lee', true],
    [{ kind: 'property', key: 'aliases', op: 'equals', value: 'kimmy' }, 'kim', true],
    [{ kind: 'property', key: 'age', op: 'gt', value: '30' }, 'lee', true],
    [{ kind: 'property', key: 'age', op: 'gt', value: '30' }, 'dana', false],
    [{ kind: 'property', key: 'age', op: 'lt', value: '30' }, 'dana', true],
    [{ kind: 'property', key: 'dob', op: 'lt', value: '1990-01-01' }, 'lee', true],
    [{ kind: 'property', key: 'surname', op: 'gt', value: 'a' }, 'lee', false],
    [{ kind: 'property', key: 'label', op: 'contains', value: 'mill' }, 'mill', true],
    [{ kind: 'property', key: 'missing', op: 'equals', value: 'x' }, 'lee', false],
    [{ kind: 'marking', classification: 'OFFICIAL-SENSITIVE' }, 'ocg', true],
    [{ kind: 'marking', classification: 'OFFICIAL-SENSITIVE' }, 'lee', false],
  ] as [StyleRule['when'], string, boolean][])('%j on %s: %s', (when, id, expected) => {
    expect(matches(when, facts(id))).toBe(expected);
  });

  it('tests OCG roles and links on the chart', () => {
    expect(matches({ kind: 'role', role: 'ANY' }, facts('lee', 3, 'PRINCIPAL'))).toBe(true);
    expect(matches({ kind: 'role', role: 'PRINCIPAL' }, facts('dana', 3, 'SIGNIFICANT'))).toBe(false);
    expect(matches({ kind: 'role', role: 'ANY' }, facts('owen', 1))).toBe(false);
    expect(matches({ kind: 'degree', op: 'gt', value: 2 }, facts('lee', 3))).toBe(true);
    expect(matches({ kind: 'degree', op: 'equals', value: 3 }, facts('lee', 3))).toBe(true);
    expect(matches({ kind: 'degree', op: 'lt', value: 3 }, facts('lee', 3))).toBe(false);
  });

  it('never styles a restricted stub, whatever the rule', () => {
    expect(matches({ kind: 'type', type: 'Restricted' }, facts('stub-1'))).toBe(false);
    expect(matches({ kind: 'degree', op: 'gt', value: -1 }, facts('stub-1'))).toBe(false);
  });

  it('reads rules in order: for each of colour, size and badge the first enabled match decides', () => {
    const rules = [
      rule('rule:1', { kind: 'type', type: 'OCG' }, { colour: '#000000' }),
      rule('rule:2', { kind: 'type', type: 'Subject' }, { colour: '#ff0000' }),
      rule('rule:3', { kind: 'property', key: 'surname', op: 'equals', value: 'Carter' }, { colour: '#00ff00', badge: '★' }, false),
      rule('rule:4', { kind: 'property', key: 'surname', op: 'equals', value: 'Carter' }, { colour: '#0000ff', size: 60 }),
    ];
    expect(evaluateRules(rules, facts('lee'))).toEqual({ matched: ['rule:2', 'rule:4'], colour: '#ff0000', size: 60 });
    expect(evaluateRules(rules, facts('dana'))).toEqual({ matched: ['rule:2'], colour: '#ff0000' });
    // Reordered, the other rule's colour wins.
    expect(evaluateRules([rules[3]!, rules[1]!], facts('lee')).colour).toBe('#0000ff');
    // Enabled, the disabled rule takes its place in the order.
    expect(evaluateRules([rules[2]!, ...rules].map((r) => ({ ...r, enabled: true })), facts('lee'))).toMatchObject({ colour: '#00ff00', badge: '★', size: 60 });
  });

  it('first match wins for any list of rules (property)', () => {
    const colours = ['#111111', '#222222', '#333333'];
    const conds: StyleRule['when'][] = [{ kind: 'type', type: 'Subject' }, { kind: 'type', type: 'OCG' }, { kind: 'property', key: 'surname', op: 'contains', value: 'a' }, { kind: 'degree', op: 'gt', value: 1 }];
    const ruleArb = fc.record({ when: fc.constantFrom(...conds), colour: fc.constantFrom(...colours), enabled: fc.boolean() });
    fc.assert(fc.property(fc.array(ruleArb, { maxLength: 6 }), fc.constantFrom('lee', 'dana', 'ocg', 'mill', 'owen'), fc.nat(4), (raw, id, degree) => {
      const rules = raw.map((r, i) => rule(`rule:${i}`, r.when, { colour: r.colour }, r.enabled));
      const f = facts(id, degree);
      const first = rules.find((r) => r.enabled && matches(r.when, f));
      expect(evaluateRules(rules, f).colour).toBe(first?.then.colour);
    }));
  });

  it('styles the chart: only entities some rule matches, with degrees and roles from the chart', () => {
    const looks = ruleStyles(doc, [
      rule('rule:1', { kind: 'role', role: 'PRINCIPAL' }, { badge: '★' }),
      rule('rule:2', { kind: 'degree', op: 'gt', value: 3 }, { size: 50 }),
    ]);
    // Lee is a principal with 3 links; Dana has 4; the OCG has 3.
    expect(Object.fromEntries(looks)).toEqual({ lee: { badge: '★', colour: undefined, size: undefined }, dana: { size: 50, colour: undefined, badge: undefined } });
    expect(ruleStyles(doc, []).size).toBe(0);
  });

  it('says what a rule is, and what is wrong with a rule being written', () => {
    expect(describeCondition({ kind: 'degree', op: 'gt', value: 2 })).toBe('Links on chart > 2');
    expect(describeCondition({ kind: 'property', key: 'surname', op: 'contains', value: 'Car' })).toBe('surname contains “Car”');
    expect(ruleProblems({ when: { kind: 'type', type: 'Subject' }, then: {} })).toEqual(['Choose a colour, size or badge']);
    expect(ruleProblems({ when: { kind: 'property', key: '', op: 'gt', value: 'abc' }, then: { colour: 'red' } })).toEqual([
      'Name the property', 'Greater / less than compare numbers or dates (yyyy-mm-dd)', 'Colour must be #rrggbb',
    ]);
    expect(ruleProblems({ when: { kind: 'degree', op: 'gt', value: NaN }, then: { size: 50 } })).toEqual(['Links must be a whole number, 0 or more']);
    expect(ruleProblems({ when: { kind: 'marking', classification: 'SECRET' }, then: { badge: '★' } })).toEqual([]);
  });
});

describe('lasso', () => {
  const square = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
  it('finds points inside an outline, concave and self-crossing ones included', () => {
    expect(pointInPolygon({ x: 5, y: 5 }, square)).toBe(true);
    expect(pointInPolygon({ x: 15, y: 5 }, square)).toBe(false);
    // A U shape: the notch is outside.
    const u = [{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 3, y: 7 }, { x: 7, y: 7 }, { x: 7, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
    expect(pointInPolygon({ x: 5, y: 3 }, u)).toBe(false);
    expect(pointInPolygon({ x: 5, y: 9 }, u)).toBe(true);
    expect(pointInPolygon({ x: 1, y: 3 }, u)).toBe(true);
    // A figure of eight: both loops hold their points.
    const eight = [{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 10, y: 0 }, { x: 0, y: 10 }];
    expect(pointInPolygon({ x: 1, y: 5 }, eight)).toBe(true);
    expect(pointInPolygon({ x: 9, y: 5 }, eight)).toBe(true);
    expect(pointInPolygon({ x: 5, y: 1 }, eight)).toBe(false);
  });

  it('selects the ids inside; an outline of fewer than three points selects nothing', () => {
    const pts = [{ id: 'a', x: 2, y: 2 }, { id: 'b', x: 12, y: 2 }, { id: 'c', x: 9, y: 9 }];
    expect(insideLasso(square, pts)).toEqual(['a', 'c']);
    expect(insideLasso(square.slice(0, 2), pts)).toEqual([]);
  });

  it('agrees with the rectangle test for any rectangle outline (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }),
      fc.array(fc.record({ x: fc.double({ min: -1000, max: 1000, noNaN: true }), y: fc.double({ min: -1000, max: 1000, noNaN: true }) }), { maxLength: 30 }),
      (x, y, w, h, raw) => {
        const outline = [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }];
        const pts = raw.map((p, i) => ({ id: String(i), ...p })).filter((p) => p.x !== x && p.x !== x + w && p.y !== y && p.y !== y + h);
        const expected = pts.filter((p) => p.x > x && p.x < x + w && p.y > y && p.y < y + h).map((p) => p.id);
        expect(insideLasso(outline, pts)).toEqual(expected);
      },
    ));
  });

  it('turns screen points into chart points for a pan and zoom', () => {
    expect(toChart({ x: 300, y: 200 }, { x: 100, y: 50 }, 2)).toEqual({ x: 100, y: 75 });
  });
});

describe('the saved form', () => {
  const sample = (): Organise => ({
    groups: [{ id: 'group:1', kind: 'group', label: 'Carters', members: ['lee', 'dana'], position: { x: 1.5, y: -2 } }, { id: 'group:2', kind: 'ocg', label: 'Firm', members: ['ocg', 'ravi'], position: { x: 0, y: 0 }, ocg: 'ocg' }],
    annotations: [{ id: 'note:1', kind: 'note', text: 'Meets on Fridays', position: { x: 10, y: 20 }, width: 180, height: 70, colour: '#fef9c3' }],
    rules: [{ id: 'rule:1', enabled: false, when: { kind: 'property', key: 'surname', op: 'contains', value: 'Car' }, then: { colour: '#123456', badge: '★' } }],
  });

  it('reads back what it saved, through JSON', () => {
    expect(readOrganise(JSON.parse(JSON.stringify(saveOrganise(sample()))))).toEqual(sample());
  });

  it('round-trips any organisation the commands can make (property)', () => {
    const pos = fc.record({ x: fc.integer({ min: -9999, max: 9999 }), y: fc.integer({ min: -9999, max: 9999 }) });
    const groupArb = fc.record({ id: fc.nat(99).map((n) => `group:${n}`), kind: fc.constantFrom('group' as const, 'ocg' as const), label: fc.string(), members: fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 5 }), position: pos });
    const noteArb = fc.record({ id: fc.nat(99).map((n) => `note:${n}`), kind: fc.constantFrom('note' as const, 'box' as const, 'area' as const), text: fc.string(), position: pos, width: fc.integer({ min: 40, max: 900 }), height: fc.integer({ min: 24, max: 900 }), colour: fc.constantFrom('#fef9c3', '#0ea5e9') });
    const ruleArb = fc.record({
      id: fc.nat(99).map((n) => `rule:${n}`), enabled: fc.boolean(),
      when: fc.oneof(fc.record({ kind: fc.constant('type' as const), type: fc.string() }), fc.record({ kind: fc.constant('degree' as const), op: fc.constantFrom('gt' as const, 'lt' as const, 'equals' as const), value: fc.nat(20) })),
      then: fc.record({ colour: fc.constantFrom('#ff0000', '#00aa00') }),
    });
    const uniq = <T extends { id: string }>(xs: T[]) => xs.filter((x, i) => xs.findIndex((y) => y.id === x.id) === i);
    fc.assert(fc.property(fc.array(groupArb, { maxLength: 4 }), fc.array(noteArb, { maxLength: 4 }), fc.array(ruleArb, { maxLength: 4 }), (g, a, r) => {
      const o: Organise = { groups: uniq(g), annotations: uniq(a), rules: uniq(r) };
      expect(readOrganise(JSON.parse(JSON.stringify(saveOrganise(o))))).toEqual(o);
    }));
  });

  it('drops only what is malformed, and reads an older chart without one as empty', () => {
    const raw = JSON.parse(JSON.stringify(saveOrganise(sample()))) as Record<string, unknown[]>;
    raw.groups!.push({ id: 'lee', kind: 'group', label: 'x', members: ['a'], position: { x: 0, y: 0 } }, { id: 'group:9', kind: 'group', label: 'no members', members: [], position: { x: 0, y: 0 } });
    raw.annotations!.push({ id: 'note:2', kind: 'arrow', position: { x: 0, y: 0 } }, { id: 'note:3', kind: 'box', text: 'Box', position: { x: 1, y: 1 }, width: -5, colour: 'red' });
    raw.rules!.push({ id: 'rule:2', when: { kind: 'property', key: 'a', op: 'like', value: 'x' }, then: { colour: '#ffffff' } }, { id: 'rule:3', when: { kind: 'type', type: 'OCG' }, then: {} }, 'junk');
    const o = readOrganise(raw);
    expect(o.groups).toEqual(sample().groups);
    // The box keeps its place and text; its bad size and colour take the defaults.
    expect(o.annotations).toEqual([...sample().annotations, { id: 'note:3', kind: 'box', text: 'Box', position: { x: 1, y: 1 }, width: 260, height: 180, colour: '#475569' }]);
    expect(o.rules).toEqual(sample().rules);
    expect(readOrganise(undefined)).toEqual(emptyOrganise());
    expect(readOrganise('nonsense')).toEqual(emptyOrganise());
  });

  it('numbers new ids after the highest taken', () => {
    expect(nextId('group:', ['group:1', 'group:7', 'note:9', 'group:x'])).toBe('group:8');
    expect(nextId('note:', [])).toBe('note:1');
  });
});

describe('hover cards', () => {
  it('say the name, type, key properties first and the marking', () => {
    const f = cardFacts(node('v', 'Vehicle', 'VX21 KLM', { colour: 'Black', vrm: 'VX21 KLM', make: 'Audi', notes: 'seen often', zzz: '' }, 'OFFICIAL-SENSITIVE'));
    expect(f).toEqual({ name: 'VX21 KLM', type: 'Vehicle', properties: [['vrm', 'VX21 KLM'], ['make', 'Audi'], ['colour', 'Black'], ['notes', 'seen often']], marking: 'OFFICIAL-SENSITIVE · handling P', heldBy: null });
  });
  it('say only who holds a stub', () => {
    expect(cardFacts(stub('s'))).toEqual({ name: 'Held by Northshire Police', type: 'Restricted', properties: [], marking: null, heldBy: 'Northshire Police' });
  });
});

// ---- the workspace commands ----

const VIEWER: Viewer = { id: 'u1', username: 'a1', displayName: 'Alex', role: 'ANALYST', clearance: 'SECRET', agency: 'FORCE-A', agencyName: 'Force A', compartments: [], permissions: ['read'] };

/** An API over the fixed network above (only what opening a chart reads). */
class NetworkApi implements ApiClient {
  private readonly net = network();
  async me() { return VIEWER; }
  async signIn() { return VIEWER; }
  async signOut() {}
  async search() { return []; }
  async graph(ids: string[]): Promise<GraphSlice> {
    const nodes = this.net.nodes.filter((n) => ids.includes(n.id) && !n.restricted);
    const on = new Set(nodes.map((n) => n.id));
    return { nodes, edges: this.net.edges.filter((e) => on.has(e.source) && on.has(e.target)), truncated: false, omitted: 0 };
  }
  async expand(): Promise<GraphSlice> { return { nodes: [], edges: [], truncated: false, omitted: 0 }; }
  async shortestPaths() { return { paths: [], slice: { nodes: [], edges: [], truncated: false, omitted: 0 } }; }
  async connectEntities(): Promise<GraphSlice> { return { nodes: [], edges: [], truncated: false, omitted: 0 }; }
  async link() { return null; }
  async networkMetrics() { return { nodes: [], components: 0, brokers: [], bridges: [] }; }
}

async function workspace() {
  const storage = new MemoryStorage();
  const ws = new GraphWorkspace(new NetworkApi(), { charts: (v) => new LocalChartStore(storage, v.username) });
  await ws.restoreSession();
  ws.addSlice(network(), 'Add', { layout: false });
  ws.recordPositions(Object.fromEntries(network().nodes.map((n, i) => [n.id, { x: i * 100, y: (i % 3) * 80 }])));
  return ws;
}

describe('organising in the workspace', () => {
  it('makes each change an undo step and undoes it exactly', async () => {
    const ws = await workspace();
    const start = ws.getState();
    const g = ws.group(['lee', 'dana'])!;
    expect(ws.getState().undoLabel).toBe('Group 2 items');
    expect(ws.getState().selection).toEqual(new Set([g]));
    ws.renameGroup(g, 'The Carters');
    const c = ws.collapseOcg('ocg')!;
    // Lee and Dana are in the first group: the OCG collapses with Ravi.
    expect(ws.getState().organise.groups.find((x) => x.id === c)!.members).toEqual(['ocg', 'ravi']);
    const n = ws.addAnnotation('note', { x: 5.4, y: 6.6 }, 'Meets on Fridays');
    ws.updateAnnotation(n, { text: 'Meets on Saturdays' });
    ws.moveNodes({ [n]: { x: 50, y: 60 }, [g]: { x: 1, y: 2 }, kim: { x: -10, y: -10 } });
    expect(ws.getState().organise.annotations[0]!.position).toEqual({ x: 50, y: 60 });
    expect(ws.getState().doc.nodes.get('kim')!.position).toEqual({ x: -10, y: -10 });
    const r = ws.addRule({ enabled: true, when: { kind: 'type', type: 'Subject' }, then: { colour: '#ff0000' } });
    ws.setRuleEnabled(r, false);
    ws.ungroup([g]);
    const labels: string[] = [];
    while (ws.getState().organise !== start.organise || ws.getState().doc !== start.doc) {
      labels.push(ws.getState().undoLabel!);
      expect(ws.undo()).toBe(true);
    }
    expect(labels).toEqual(['Ungroup The Carters', 'Disable styling rule', 'Add styling rule', 'Move', 'Edit note', 'Add note', 'Collapse Carter Firm', 'Rename group', 'Group 2 items']);
    expect(ws.getState().organise).toEqual(emptyOrganise());
    // And redone, step by step, back to the end.
    while (ws.redo());
    expect(ws.getState().organise.groups.map((x) => x.id)).toEqual([c]);
    expect(ws.getState().organise.rules[0]!.enabled).toBe(false);
  });

  it('tells the analyst why a group cannot be made', async () => {
    const ws = await workspace();
    expect(ws.group(['lee'])).toBeUndefined();
    expect(ws.getState().notices.at(-1)!.text).toBe('Select at least two entities to group');
    // No step was made: the last is still the addition.
    expect(ws.getState().undoLabel).toBe('Add');
    ws.select(['lee']);
    expect(ws.collapseOcg()).toBeUndefined();
    expect(ws.getState().notices.at(-1)!.text).toBe('Select an organised crime group to collapse');
  });

  it('orders, disables and removes rules; Delete removes a selected annotation', async () => {
    const ws = await workspace();
    const a = ws.addRule({ enabled: true, when: { kind: 'type', type: 'Subject' }, then: { colour: '#ff0000' } });
    const b = ws.addRule({ enabled: true, when: { kind: 'type', type: 'OCG' }, then: { colour: '#00ff00' } });
    ws.moveRule(b, -1);
    expect(ws.getState().organise.rules.map((x) => x.id)).toEqual([b, a]);
    ws.moveRule(b, -1); // already first: no step
    expect(ws.getState().undoLabel).toBe('Raise styling rule');
    ws.removeRule(b);
    expect(ws.getState().organise.rules.map((x) => x.id)).toEqual([a]);
    const n = ws.addAnnotation('box', { x: 0, y: 0 });
    ws.select([n, 'kim']);
    ws.remove();
    expect(ws.getState().organise.annotations).toEqual([]);
    expect(ws.getState().doc.nodes.has('kim')).toBe(false);
    ws.undo();
    expect(ws.getState().organise.annotations.map((x) => x.id)).toEqual([n]);
    expect(ws.getState().doc.nodes.has('kim')).toBe(true);
  });

  it('saves the organisation with the chart and finds it back on opening', async () => {
    const ws = await workspace();
    const g = ws.group(['kim', 'owen'], 'Shaw and Hale')!;
    ws.addAnnotation('area', { x: 10, y: 10 }, 'Ashby');
    ws.addRule({ enabled: true, when: { kind: 'role', role: 'ANY' }, then: { badge: '★' } });
    const saved = (await ws.saveChart('Organised'))!;
    const organise = ws.getState().organise;
    ws.clear();
    // Clearing takes groups and notes with the chart; the rules stay for what comes next.
    expect(ws.getState().organise).toEqual({ groups: [], annotations: [], rules: organise.rules });
    expect(await ws.openChart(saved.id)).toBe(true);
    expect(ws.getState().organise).toEqual(organise);
    expect(ws.getState().organise.groups[0]!.id).toBe(g);
  });
});

describe('a server chart carries its organisation in its layout', () => {
  /** The chart API as the server answers it: the layout kept with its own fields (as server/graph/charts.ts does, less the cutting down per opener tested in tests/api/charts.test.ts). */
  class ChartsEndpoint {
    charts = new Map<string, { layout: string; mine: boolean }>();
    seq = 0;
    async request<T>(query: string, v: Record<string, unknown> = {}): Promise<T> {
      const summary = (id: string) => ({ id, name: 'c', savedAt: '2026-12-06T00:00:00Z', nodeCount: 0, edgeCount: 0, mine: this.charts.get(id)!.mine, ownerName: 'x', sharedWith: [] });
      if (query.includes('saveChart')) {
        const { entityIds, positions, pinned, hidden, hiddenLinks, stubs, stubLinks, filters, timeRange, organise } = JSON.parse(v.layout as string);
        const id = (v.id as string | null) ?? `srv-${++this.seq}`;
        this.charts.set(id, { layout: JSON.stringify({ version: 1, entityIds, positions, pinned, hidden, hiddenLinks, stubs, stubLinks, filters, timeRange, organise: organise ?? null }), mine: true });
        return { saveChart: summary(id) } as T;
      }
      if (query.includes('deleteChart')) {
        this.charts.delete(v.id as string);
        return {} as T;
      }
      const c = this.charts.get(v.id as string)!;
      return { chart: { ...summary(v.id as string), layout: c.layout, withheld: 0, graph: { nodes: [], edges: [] } } } as T;
    }
  }
  const organise: Organise = {
    groups: [{ id: 'group:1', kind: 'group', label: 'G', members: ['a', 'b'], position: { x: 0, y: 0 } }],
    annotations: [], rules: [{ id: 'rule:1', enabled: true, when: { kind: 'type', type: 'OCG' }, then: { colour: '#000000' } }],
  };
  const chartWith = (id: string, o: Organise = organise) => ({
    version: 1 as const, id, name: 'c', savedAt: '', nodeCount: 0, edgeCount: 0, entityIds: [], positions: {}, pinned: [], hidden: [], hiddenLinks: [],
    stubs: [], stubLinks: [], filters: { hiddenEntityTypes: [], hiddenLinkTypes: [], excludeRestricted: false, minStrength: 0 } as never, timeRange: null,
    organise: saveOrganise(o),
  });

  it('is saved with the chart and opened with it, in any browser; nothing is kept in this one', async () => {
    const { ServerChartStore } = await import('../../client/src/workspace/chartStore.js');
    const endpoint = new ChartsEndpoint();
    const storage = new MemoryStorage();
    const store = new ServerChartStore(endpoint, { node: 'id', edge: 'id' }, { storage, owner: 'u1' });
    const saved = await store.save(chartWith('chart-1'));
    expect(JSON.parse(endpoint.charts.get(saved.id)!.layout).organise).toEqual(saveOrganise(organise));
    expect(storage.getItem(`intel-graph.organise.u1.${saved.id}`)).toBeNull();
    const elsewhere = new ServerChartStore(endpoint, { node: 'id', edge: 'id' }, { storage: new MemoryStorage(), owner: 'u1' });
    expect(readOrganise((await elsewhere.load(saved.id))!.organise)).toEqual(organise);
    // A chart with nothing organised carries none.
    const plain = await store.save(chartWith('chart-2', { groups: [], annotations: [], rules: [] }));
    expect(JSON.parse(endpoint.charts.get(plain.id)!.layout).organise).toBeNull();
    expect((await store.load(plain.id))!.organise).toBeUndefined();
  });

  it('an own chart saved by an earlier version finds its copy kept in this browser until it is saved again', async () => {
    const { ServerChartStore } = await import('../../client/src/workspace/chartStore.js');
    const endpoint = new ChartsEndpoint();
    const storage = new MemoryStorage();
    endpoint.charts.set('old-1', { layout: JSON.stringify({ version: 1, entityIds: [] }), mine: true });
    storage.setItem('intel-graph.organise.u1.old-1', JSON.stringify(saveOrganise(organise)));
    const store = new ServerChartStore(endpoint, { node: 'id', edge: 'id' }, { storage, owner: 'u1' });
    expect(readOrganise((await store.load('old-1'))!.organise)).toEqual(organise);
    // Not for another user of this browser, nor for a colleague's chart.
    const other = new ServerChartStore(endpoint, { node: 'id', edge: 'id' }, { storage, owner: 'u2' });
    expect((await other.load('old-1'))!.organise).toBeUndefined();
    endpoint.charts.get('old-1')!.mine = false;
    expect((await new ServerChartStore(endpoint, { node: 'id', edge: 'id' }, { storage, owner: 'u1' }).load('old-1'))!.organise).toBeUndefined();
    endpoint.charts.get('old-1')!.mine = true;
    // Saved again: the organisation goes to the server and the copy here is forgotten.
    await store.save(chartWith('old-1'));
    expect(storage.getItem('intel-graph.organise.u1.old-1')).toBeNull();
    expect(JSON.parse(endpoint.charts.get('old-1')!.layout).organise).toEqual(saveOrganise(organise));
  });
});

describe('the stylesheet', () => {
  const display = { colourBy: 'type' as const, sizeBy: 'none' as const, edgeLabels: true };
  const selectors = (opts: Parameters<typeof chartStyle>[1]) => (chartStyle(display, opts) as { selector: string }[]).map((r) => r.selector);
  it('holds the selectors of groups, annotations and rules only while the chart has them', () => {
    const plain = selectors({});
    expect(plain.filter((x) => /org-|grouped|rule|badge/.test(x))).toEqual([]);
    const organised = selectors({ organised: true });
    expect(organised).toEqual(expect.arrayContaining(['.grouped', 'node.org-group', 'edge.org-link', 'node.org-note', 'node.org-box', 'node.org-area']));
    expect(organised.some((x) => /rule/.test(x))).toBe(false);
    // Rules come after every other colouring and sizing, so they win.
    const ruled = selectors({ ruled: true });
    expect(ruled.indexOf('node[ruleColour]')).toBeGreaterThan(ruled.indexOf('node[ring]'));
    expect(ruled).toEqual(expect.arrayContaining(['node[ruleSize]', 'node[badgeLabel]']));
  });
});
