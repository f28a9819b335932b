import { describe, expect, it } from 'vitest';
import {
  compareFields, defaultKept, evidenceItem, evidenceItems, mergePlan, mergeRefusal, mergeSummary, pairKey, permissionRefusal,
  scoreBand, scoreText, supportOf, type Support,
} from '../../client/src/duplicates/model.js';
import { emptyDoc, mergeSlice, refreshFromRead, setPositions } from '../../client/src/workspace/chartDoc.js';
import type { GraphEdge, GraphNode } from '../../client/src/workspace/types.js';
import { ROLE_PERMISSIONS, ROLES } from '../../server/domain/policy.js';
import { scorePair } from '../../server/graph/resolution.js';

const person = (id: string, label: string, props: Record<string, unknown> = {}, extra: Partial<GraphNode> = {}): GraphNode =>
  ({ id, type: 'Subject', label, restricted: false, access: 'full', props, ...extra });
const link = (id: string, source: string, target: string, type = 'ASSOCIATE_OF', reportCount = 0, extra: Partial<GraphEdge> = {}): GraphEdge =>
  ({ id, source, target, type, restricted: false, reportCount, props: {}, ...extra });

describe('the evidence in words', () => {
  it('words every reason the server gives, with UK dates, and marks what counts against', () => {
    // The reasons come from the server's own scoring, so a change of its phrases shows here.
    const steven = { id: 'A', label: 'Steven Dupleton', forename: 'Steven', surname: 'Dupleton', dob: '1990-01-02' };
    const stephen = { id: 'B', label: 'Stephen Dupleton', forename: 'Stephen', surname: 'Dupleton', dob: '1990-01-02' };
    const same = scorePair(steven, stephen, { phones: ['07700 900555'], addresses: ['3 Merge Mews'] });
    expect(evidenceItems(same.evidence)).toEqual([
      { text: 'Same date of birth: 02/01/1990', against: false },
      { text: 'Names sound alike: Steven and Stephen', against: false },
      { text: 'Both use phone 07700 900555', against: false },
      { text: 'Both live at 3 Merge Mews', against: false },
    ]);
    const other = scorePair({ ...steven, dob: '1990-01-02' }, { ...steven, id: 'C', dob: '1991-05-06' }, { phones: [], addresses: [] });
    expect(evidenceItems(other.evidence)).toEqual([
      { text: 'Same name: Steven Dupleton', against: false },
      { text: 'Different dates of birth: 02/01/1990 and 06/05/1991', against: true },
    ]);
    const swapped = scorePair({ id: 'D', label: 'x', forename: 'Ahmed', surname: 'Karim' }, { id: 'E', label: 'y', forename: 'Karim', surname: 'Ahmed' }, { phones: [], addresses: [] });
    expect(evidenceItems(swapped.evidence)[0]).toEqual({ text: 'Forename and surname swapped: Ahmed Karim and Karim Ahmed', against: false });
  });

  it('keeps a reason it does not know, capitalised and with UK dates', () => {
    expect(evidenceItem('seen together on 2024-03-01')).toEqual({ text: 'Seen together on 01/03/2024', against: false });
    expect(evidenceItem('but one is in prison')).toEqual({ text: 'One is in prison', against: true });
    expect(evidenceItem('names spelt alike: Jon/Jonn, Smyth/Smith').text).toBe('Names spelt alike (a letter or two apart): Jon and Jonn; Smyth and Smith');
  });

  it('bands the score and shows it as a percentage', () => {
    expect([0.95, 0.85, 0.849, 0.84, 0.7, 0.69, 0.55].map(scoreBand)).toEqual(['strong', 'strong', 'strong', 'likely', 'likely', 'possible', 'possible']);
    expect(scoreText(0.8712)).toBe('87% — strong match');
    expect(scoreText(0.7349)).toBe('73% — likely match');
    expect(scoreText(1.2)).toBe('100% — strong match');
  });
});

describe('the two records side by side', () => {
  it('puts the name and a person’s fields first, marks same, alike, different and one-sided, and skips free text', () => {
    const a = person('S1', 'Steven Dupleton', { forename: 'Steven', surname: 'Dupleton', dob: '1990-01-02', gender: 'MALE', aliases: ['Steve', 'Dups'], pncId: '90/123A', notes: 'long text', eyeColour: 'blue' });
    const b = person('S2', 'Stephen Dupleton', { forename: 'Stephen', surname: 'DUPLETON', dob: '1990-01-02', gender: 'FEMALE', aliases: ['Dups'], nationality: 'British', notes: 'other' });
    const rows = compareFields(a, b, ['same date of birth 1990-01-02', 'names sound alike: Steven/Stephen']);
    expect(rows.map((r) => [r.key, r.a, r.b, r.agreement])).toEqual([
      ['label', 'Steven Dupleton', 'Stephen Dupleton', 'alike'],
      ['forename', 'Steven', 'Stephen', 'alike'],
      ['surname', 'Dupleton', 'DUPLETON', 'alike'],
      ['aliases', 'Steve, Dups', 'Dups', 'alike'],
      ['dob', '02/01/1990', '02/01/1990', 'same'],
      ['gender', 'MALE', 'FEMALE', 'differ'],
      ['pncId', '90/123A', '', 'one'],
      ['nationality', '', 'British', 'one'],
      ['eyeColour', 'blue', '', 'one'],
    ]);
    expect(rows.find((r) => r.key === 'eyeColour')!.title).toBe('Eye Colour');
  });

  it('calls names different when the reasons do not pair them', () => {
    const rows = compareFields(person('A', 'Zoe Brownlow', { forename: 'Zoe' }), person('B', 'Tom Greenaway', { forename: 'Tom' }), ['same date of birth 1985-03-03']);
    expect(rows.find((r) => r.key === 'forename')!.agreement).toBe('differ');
    expect(rows.find((r) => r.key === 'label')!.agreement).toBe('differ');
    // One word alike and one not: the whole name differs.
    const half = compareFields(person('A', 'Steven Dupleton'), person('B', 'Stephen Greenaway'), ['names sound alike: Steven/Stephen']);
    expect(half[0]!.agreement).toBe('differ');
  });
});

describe('the record kept and what a merge does', () => {
  const a = person('A', 'Steven', { forename: 'Steven', dob: '1990-01-02' });
  const b = person('B', 'Stephen', { forename: 'Stephen', dob: '1990-01-02', pncId: 'X' });
  const edges = [
    link('l1', 'B', 'L', 'LIVES_AT', 2),
    link('l2', 'A', 'L', 'LIVES_AT', 1),
    link('l3', 'B', 'P', 'USES_PHONE', 1),
    link('l4', 'A', 'B', 'ASSOCIATE_OF'),
    link('l5', 'O', 'B', 'ASSOCIATE_OF'),
    link('l3', 'B', 'P', 'USES_PHONE', 1), // read twice (both ends asked for): counted once
    link('stub', 'B', 'H', 'ASSOCIATE_OF', 0, { restricted: true }),
  ];

  it('counts links, reports and details; a restricted link counts for nothing', () => {
    expect(supportOf(b, edges)).toEqual({ links: 4, reports: 3, fields: 3 });
    expect(supportOf(a, edges)).toEqual({ links: 2, reports: 1, fields: 2 });
  });

  it('proposes the better supported record, else the first', () => {
    const s = (links: number, reports: number, fields: number): Support => ({ links, reports, fields });
    expect(defaultKept({ a, b }, supportOf(a, edges), supportOf(b, edges))).toEqual({ keepId: 'B', why: 'it has more links (4 against 2)' });
    expect(defaultKept({ a, b }, s(2, 1, 2), s(4, 5, 3))).toEqual({ keepId: 'B', why: 'it has more links (4 against 2)' });
    expect(defaultKept({ a, b }, s(4, 6, 2), s(4, 5, 3))).toEqual({ keepId: 'A', why: 'it has more supporting reports (6 against 5)' });
    expect(defaultKept({ a, b }, s(4, 5, 1), s(4, 5, 3)).keepId).toBe('B');
    expect(defaultKept({ a, b }, s(4, 5, 3), s(4, 5, 3))).toEqual({ keepId: 'A', why: 'both are equally supported: the first is proposed' });
    expect(defaultKept({ a, b }, null, null).keepId).toBe('A');
  });

  it('plans the links that move, those combined with the kept record’s own, and those retired between the two', () => {
    const plan = mergePlan('A', 'B', edges);
    expect(plan.moving.map((e) => e.id)).toEqual(['l1', 'l3', 'l5']);
    expect(plan.combined.map((e) => e.id)).toEqual(['l1']);
    expect(plan.between.map((e) => e.id)).toEqual(['l4']);
    expect(mergeSummary(a, b, plan)).toEqual([
      '“Stephen” (B) will be merged into “Steven” (A), which is kept.',
      '3 links move across to “Steven” with their supporting reports; 1 is joined with a link “Steven” already has (reports combined).',
      '1 link between the two records is retired.',
      '“Stephen” is then archived. “Undo merge” on this screen puts everything back as it was.',
    ]);
    const other = mergePlan('B', 'A', edges);
    expect(other.moving.map((e) => e.id)).toEqual(['l2']);
    expect(mergeSummary(b, a, mergePlan('B', 'A', [link('x', 'A', 'Q')]), true)).toContain('Some links could not be counted here (more than were read, or not visible to you): all of them move.');
    expect(mergeSummary(b, a, mergePlan('B', 'A', []))[1]).toBe('“Steven” has no other links to move.');
  });
});

describe('who may merge', () => {
  it('offers the merge exactly to the roles whose permissions the server accepts, and says why not', () => {
    const pair = { a: person('A', 'x'), b: person('B', 'y') };
    for (const role of ROLES) {
      const perms = ROLE_PERMISSIONS[role];
      expect(mergeRefusal(perms, role, pair) === null, role).toBe(perms.includes('merge'));
    }
    expect(permissionRefusal(ROLE_PERMISSIONS.RESEARCHER, 'RESEARCHER')).toBe('Your role (researcher) does not allow merging records: an analyst or intelligence manager can merge them.');
    expect(permissionRefusal(ROLE_PERMISSIONS.ANALYST, 'ANALYST')).toBeNull();
  });

  it('refuses a pair where one record is only a shared copy (the server merges full records only)', () => {
    const pair = { a: person('A', 'Steven'), b: person('B', 'Stephen', {}, { access: 'shared' }) };
    expect(mergeRefusal(ROLE_PERMISSIONS.ANALYST, 'ANALYST', pair)).toBe('You hold only a shared copy of “Stephen”: the owning agency can merge it.');
    expect(pairKey(pair)).toBe(pairKey({ a: pair.b, b: pair.a }));
  });
});

describe('the chart after a merge is read again', () => {
  const k = person('K', 'Kept');
  const m = person('M', 'Merged');
  const o = person('O', 'Other');
  const far = person('F', 'Far');
  const before = setPositions(mergeSlice(emptyDoc(), {
    nodes: [k, m, o, far],
    edges: [link('m-o', 'M', 'O'), link('k-m', 'K', 'M'), link('o-f', 'O', 'F')],
  }).doc, { K: { x: 0, y: 0 }, M: { x: 10, y: 0 }, O: { x: 20, y: 0 }, F: { x: 30, y: 0 } });

  it('drops the archived record with its links and draws the moved link, keeping the rest', () => {
    const read = ['K', 'M', 'O'];
    const after = refreshFromRead(before, read, {
      nodes: [k, { ...m, archived: true }, o], edges: [link('k-o', 'K', 'O')], truncated: false,
    });
    expect([...after.nodes.keys()].sort()).toEqual(['F', 'K', 'O']);
    expect([...after.edges.keys()].sort()).toEqual(['k-o', 'o-f']);
    expect(after.nodes.get('K')!.position).toEqual({ x: 0, y: 0 });
  });

  it('on undo removes the link that no longer exists and brings the record back', () => {
    const merged = refreshFromRead(before, ['K', 'M', 'O'], { nodes: [k, { ...m, archived: true }, o], edges: [link('k-o', 'K', 'O')], truncated: false });
    const undone = refreshFromRead(merged, ['K', 'M', 'O'], { nodes: [k, m, o], edges: [link('m-o', 'M', 'O'), link('k-m', 'K', 'M')], truncated: false });
    expect([...undone.nodes.keys()].sort()).toEqual(['F', 'K', 'M', 'O']);
    expect([...undone.edges.keys()].sort()).toEqual(['k-m', 'm-o', 'o-f']);
  });

  it('removes no link on a truncated read, and leaves alone links to records not read', () => {
    const after = refreshFromRead(before, ['K', 'O'], { nodes: [k, o], edges: [], truncated: true });
    expect([...after.edges.keys()].sort()).toEqual(['k-m', 'm-o', 'o-f']);
    const partial = refreshFromRead(before, ['K', 'O'], { nodes: [k, o], edges: [], truncated: false });
    expect([...partial.edges.keys()].sort()).toEqual(['k-m', 'm-o', 'o-f']);
    expect(refreshFromRead(before, ['K'], { nodes: [k], edges: [], truncated: false })).toBe(before);
  });
});
