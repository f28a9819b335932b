import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../server/graph/slice.js';
import { diff, merge, snapshotOf, summarise, type AlertContent, type Answer } from '../../server/graph/watches.js';

/**
 * Alert digests: a watch's unread alert folds every later change into itself. Whatever happened in
 * between, the digest must say exactly what was added and removed since it was first written, and
 * list as changed every record in both states whose content differs (possibly more: one changed and
 * changed back is still reported).
 */
const node = (id: string, v: number): GraphNode => ({ id, type: 'Subject', label: `${id} v${v}`, restricted: false, access: 'full', props: { v } });
const edge = (id: string, v: number): GraphEdge => ({ id, source: 'a', target: 'b', type: 'ASSOCIATE_OF', restricted: false, reportCount: v, props: {} });

/** A state: for each id present, the version of its content. Ids starting with L are links. */
const stateArb = fc.dictionary(fc.constantFrom('n1', 'n2', 'n3', 'n4', 'L1', 'L2', 'L3'), fc.integer({ min: 0, max: 2 }));

function answer(state: Record<string, number>): Answer {
  const items = new Map(Object.entries(state).map(([id, v]) => {
    const item = id.startsWith('L') ? { edge: edge(id, v) } : { node: node(id, v) };
    return [id, { hash: `${id}:${v}`, ...item }];
  }));
  return { items, realIds: [] };
}
const ids = (c: AlertContent, k: 'added' | 'changed') => [...c[k], ...c[k === 'added' ? 'addedLinks' : 'changedLinks']].map((x) => x.id).sort();

describe('alert digests', () => {
  it('a digest of any sequence of changes says what was added, removed and changed since it began', () => {
    fc.assert(fc.property(fc.array(stateArb, { minLength: 2, maxLength: 6 }), (states) => {
      let digest: AlertContent | undefined;
      for (let i = 1; i < states.length; i++) {
        const step = diff(JSON.parse(snapshotOf(answer(states[i - 1]!))), answer(states[i]!));
        if (step) digest = digest ? merge(digest, step) : step;
      }
      const first = states[0]!;
      const last = states[states.length - 1]!;
      const added = Object.keys(last).filter((k) => !(k in first)).sort();
      const removed = Object.keys(first).filter((k) => !(k in last)).sort();
      const differs = Object.keys(last).filter((k) => k in first && first[k] !== last[k]).sort();
      if (!digest) {
        expect([...added, ...removed, ...differs]).toEqual([]);
        return;
      }
      expect(ids(digest, 'added')).toEqual(added);
      expect([...digest.removed].sort()).toEqual(removed);
      const changed = ids(digest, 'changed');
      for (const k of differs) expect(changed).toContain(k);
      for (const k of changed) expect(k in first && k in last).toBe(true);
      // What the digest shows of a record is its latest content.
      for (const n of [...digest.added, ...digest.changed]) expect(n.props.v).toBe(last[n.id]);
    }));
  });

  it('a stub in an alert says only who holds it', () => {
    const stub: GraphNode = { id: 'restricted-x', type: 'Restricted', label: 'Intelligence held by Force One', restricted: true, access: 'stub', heldBy: 'Force One', props: {} };
    const s = summarise('Subject Lee Carter', { added: [stub, node('n1', 1)], addedLinks: [edge('L1', 1)], changed: [], changedLinks: [], removed: ['n9'] });
    expect(s).toBe('Subject Lee Carter: 1 new record (n1 v1); 1 new link; 1 no longer shown; new intelligence held by Force One');
  });
});
