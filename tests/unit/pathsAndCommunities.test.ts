import { describe, expect, it } from 'vitest';
import { communityLegend } from '../../client/src/workspace/derive.js';
import { PATH_HOPS, noPathMessage } from '../../client/src/workspace/GraphWorkspace.js';
import type { NodeMetrics } from '../../client/src/workspace/types.js';

describe('the message when Find path finds nothing', () => {
  it.each([
    [1, 'No path of 1 link or fewer between A and B. Raise the maximum (up to 8) to look further.'],
    [4, 'No path of 4 links or fewer between A and B. Raise the maximum (up to 8) to look further.'],
    [6, 'No path of 6 links or fewer between A and B. Raise the maximum (up to 8) to look further.'],
    [8, 'No path of 8 links or fewer between A and B. 8 links is as far as a path search looks.'],
  ])('names the limit searched (%i)', (hops, text) => {
    expect(noPathMessage('A', 'B', hops)).toBe(text);
  });

  it('looks as far as the API allows', () => {
    expect(PATH_HOPS).toEqual({ initial: 4, max: 8 });
  });
});

const m = (id: string, community: number | null, degree: number, betweenness = 0): NodeMetrics =>
  ({ id, community, degree, betweenness, degreeCentrality: 0, closeness: 0 });

describe('communityLegend', () => {
  const metrics = new Map([
    m('a', 7, 2), m('b', 7, 3, 0.1), m('c', 7, 3, 0.4), // c: as many links as b, more between
    m('d', 2, 1), m('e', 2, 1), // a tie in everything: the first id
    m('f', 9, 0),
  ].map((x) => [x.id, x]));

  it('lists each community largest first, with its size and most connected member', () => {
    expect(communityLegend(['a', 'b', 'c', 'd', 'e', 'f'], metrics)).toEqual({
      communities: [
        { community: 7, members: 3, hub: 'c' },
        { community: 2, members: 2, hub: 'd' },
        { community: 9, members: 1, hub: 'f' },
      ],
      unassigned: 0,
    });
  });

  it('counts only the entities given (those drawn), and those without a community apart', () => {
    const r = communityLegend(['a', 'b', 'd', 'stub', 'new'], new Map([...metrics, ['stub', m('stub', null, 0)]]));
    expect(r.communities).toEqual([{ community: 7, members: 2, hub: 'b' }, { community: 2, members: 1, hub: 'd' }]);
    expect(r.unassigned).toBe(2);
  });
});
