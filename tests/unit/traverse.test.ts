import { describe, expect, it } from 'vitest';
import { hiddenFilter, policyParams, visibleFilter, type Viewer } from '../../server/domain/policy.js';
import {
  expandStepQuery, fairShare, pickHop, linksAmongQuery, neighbourCountsQuery, neighbourFilter, neighbourPageQuery,
  pairPathsQuery, PATH_LINK_TYPES, pathsQuery, steinerEdges, timelineQuery, traversalFilter, viewerStrength,
} from '../../server/graph/traverse.js';

/**
 * The Cypher each traversal produces, asserted exactly (text and parameters), in the manner of a
 * TCK: the access policy's own predicates are owned by domain/policy and appear here by name as
 * HIDDEN(alias) / VISIBLE(alias), and the strength the viewer is shown of a link as STRENGTH(r).
 */
const viewer: Viewer = {
  userId: 'u1', username: 'ana', role: 'ANALYST', clearance: 'OFFICIAL-SENSITIVE', agency: 'AG1', compartments: ['OP-KESTREL'],
};
const PV = policyParams(viewer);
/** The grade weights `STRENGTH` is computed with. */
const VS = viewerStrength(viewer, 'r').params.vs_weights;

/** Replaces the policy's predicates by their names, and fails if any policy parameter is used outside them. */
function readable(text: string): string {
  let out = text.split(viewerStrength(viewer, 'r').text).join('STRENGTH(r)');
  for (const a of ['rep', 'm', 'r', 'n', 'y', 'e', 'l', 'ev', 'o', 'b']) {
    out = out.split(`coalesce(${hiddenFilter(viewer, a).text}, true)`).join(`HIDDEN(${a})`);
    out = out.split(`coalesce(${visibleFilter(viewer, a).text}, false)`).join(`VISIBLE(${a})`);
  }
  expect(out).not.toMatch(/\$pv_/);
  return out;
}

const LINK_DATES =
  "(NOT VISIBLE(r) OR CASE WHEN r.from IS NOT NULL OR r.to IS NOT NULL THEN coalesce(r.to, '9999-12-31') >= $f_from AND coalesce(r.from, '0000-01-01') <= $f_to " +
  'ELSE (NOT EXISTS { MATCH (rep:Entity) WHERE rep.id IN coalesce(r.reportIds, []) AND rep:IntelligenceReport AND VISIBLE(rep) AND coalesce(rep.eventDate, left(rep.recordedAt, 10)) IS NOT NULL } ' +
  'OR EXISTS { MATCH (rep:Entity) WHERE rep.id IN coalesce(r.reportIds, []) AND rep:IntelligenceReport AND VISIBLE(rep) AND coalesce(rep.eventDate, left(rep.recordedAt, 10)) >= $f_from AND coalesce(rep.eventDate, left(rep.recordedAt, 10)) <= $f_to }) END)';
const NODE_DATES =
  "(NOT VISIBLE(m) OR NOT m.type IN ['IntelligenceReport', 'Event'] OR coalesce(m.eventDate, m.date, left(m.recordedAt, 10)) IS NULL OR " +
  '(coalesce(m.eventDate, m.date, left(m.recordedAt, 10)) >= $f_from AND coalesce(m.eventDate, m.date, left(m.recordedAt, 10)) <= $f_to))';
const FILTERED_STEP =
  'MATCH (n)-[r]-(m:Entity) WHERE NOT m.id IN $visited AND NOT coalesce(r.archived,false) AND NOT HIDDEN(r) AND VISIBLE(r) AND type(r) IN $f_linkTypes ' +
  `AND coalesce(STRENGTH(r) >= $f_minStrength, false) AND ${LINK_DATES} AND NOT coalesce(m.archived,false) AND NOT HIDDEN(m) AND VISIBLE(m) AND m.type IN $f_entityTypes AND ${NODE_DATES}`;
const PLAIN_STEP =
  'MATCH (n)-[r]-(m:Entity) WHERE NOT m.id IN $visited AND NOT coalesce(r.archived,false) AND NOT HIDDEN(r) AND NOT coalesce(m.archived,false) AND NOT HIDDEN(m)';

const filter = traversalFilter({
  entityTypes: ['Subject', 'Phone'], linkTypes: ['ASSOCIATE_OF'], minGrade: '2B', from: '2020-01-01', to: '2020-12-31T10:00:00Z',
});
const FILTER_PARAMS = { f_linkTypes: ['ASSOCIATE_OF'], f_minStrength: 0.48, f_from: '2020-01-01', f_to: '2020-12-31', f_entityTypes: ['Subject', 'Phone'] };

describe('traversal filters', () => {
  it('validates and normalises the filter', () => {
    expect(filter).toEqual({ entityTypes: ['Subject', 'Phone'], linkTypes: ['ASSOCIATE_OF'], from: '2020-01-01', to: '2020-12-31', minStrength: 0.48 });
    expect(traversalFilter(undefined)).toEqual({});
    expect(traversalFilter({ entityTypes: [], excludeRestricted: false, minGrade: '' })).toEqual({});
  });

  it.each([
    [{ entityTypes: ['Spaceship'] }, 'entityTypes'],
    [{ linkTypes: ['LOVES'] }, 'linkTypes'],
    [{ linkTypes: ['ASSOCIATE_OF]->() DETACH DELETE n //'] }, 'linkTypes'],
    [{ minGrade: '4A' }, 'minGrade'],
    [{ from: 'yesterday' }, 'from'],
    [{ from: '2021-01-01', to: '2020-01-01' }, 'to'],
  ])('refuses %j (field %s)', (input, field) => {
    expect(() => traversalFilter(input)).toThrow(expect.objectContaining({ code: 'VALIDATION', field }));
  });

  it('accepts the restricted buckets as neighbour filters, and only known types otherwise', () => {
    expect(neighbourFilter('RESTRICTED', 'Restricted')).toEqual({ linkType: 'RESTRICTED', entityType: 'Restricted' });
    expect(() => neighbourFilter('x', undefined)).toThrow(expect.objectContaining({ field: 'linkType' }));
    expect(() => neighbourFilter(undefined, 'x')).toThrow(expect.objectContaining({ field: 'entityType' }));
  });
});

describe('expansion Cypher', () => {
  const STEP = (step: string) =>
    'UNWIND $frontier AS fid MATCH (n:Entity {id: fid})\n' +
    `CALL (n) {\n  ${step}\n` +
    '  WITH m, max(CASE WHEN VISIBLE(r) THEN coalesce(STRENGTH(r), 0) ELSE -1 END) AS best\n' +
    '  ORDER BY best DESC, m.id\n  RETURN collect([m, best]) AS cs\n}\n' +
    'WITH collect({id: n.id, cs: cs}) AS per\n' +
    'CALL (per) { UNWIND per AS p UNWIND p.cs AS c RETURN count(DISTINCT c[0]) AS total }\n' +
    'UNWIND per AS p\n' +
    'RETURN total, p.id AS id, size(p.cs) AS links, [c IN p.cs[0..$top] | [c[0].id, c[1], CASE WHEN total <= $top THEN properties(c[0]) END]] AS top';

  it('reads a hop in one pass, with every filter: candidates per entity, strongest visible evidence first, up to the cut (read in full when the hop fits), and the total', () => {
    const q = expandStepQuery(viewer, filter, ['S1'], ['S1', 'S2'], 5);
    expect(readable(q.text)).toBe(STEP(FILTERED_STEP));
    expect(q.params).toEqual({ ...PV, vs_weights: VS, ...FILTER_PARAMS, frontier: ['S1'], visited: ['S1', 'S2'], top: 5 });
  });

  it('reads a hop without filters', () => {
    const q = expandStepQuery(viewer, {}, ['S1'], ['S1'], 500);
    expect(readable(q.text)).toBe(STEP(PLAIN_STEP));
    expect(q.params).toEqual({ ...PV, vs_weights: VS, frontier: ['S1'], visited: ['S1'], top: 500 });
  });

  const FIRST = (seed: string, step: string) =>
    `UNWIND $frontier AS fid MATCH (n:Entity {id: fid}) WHERE ${seed}\nWITH n, VISIBLE(n) AS open\nCALL (n, open) {\n  WITH n WHERE open\n  ${step}\n` +
    '  WITH m, max(CASE WHEN VISIBLE(r) THEN coalesce(STRENGTH(r), 0) ELSE -1 END) AS best\n' +
    '  ORDER BY best DESC, m.id\n  RETURN collect([m, best]) AS cs\n}\n' +
    'WITH collect({id: n.id, seed: properties(n), cs: cs}) AS per\n' +
    'CALL (per) { UNWIND per AS p UNWIND p.cs AS c RETURN count(DISTINCT c[0]) AS total }\n' +
    'UNWIND per AS p\n' +
    'RETURN total, p.id AS id, p.seed AS seed, size(p.cs) AS links, [c IN p.cs[0..$top] | [c[0].id, c[1], CASE WHEN total <= $top THEN properties(c[0]) END]] AS top';

  it('reads the seeds with the first hop: hidden seeds never come back, and only seeds seen in full are expanded', () => {
    const q = expandStepQuery(viewer, {}, ['S1', 'S2'], ['S1', 'S2'], 500, true);
    expect(readable(q.text)).toBe(FIRST('NOT HIDDEN(n)', PLAIN_STEP));
    expect(q.params).toEqual({ ...PV, vs_weights: VS, frontier: ['S1', 'S2'], visited: ['S1', 'S2'], top: 500 });
    const strict = expandStepQuery(viewer, { ...filter, excludeRestricted: true }, ['S1'], ['S1'], 5, true);
    expect(readable(strict.text)).toBe(FIRST('NOT HIDDEN(n) AND VISIBLE(n)', FILTERED_STEP));
    expect(strict.params).toEqual({ ...PV, vs_weights: VS, ...FILTER_PARAMS, frontier: ['S1'], visited: ['S1'], top: 5 });
  });

  it('reads the links among the result, counted in full and capped in id order', () => {
    const q = linksAmongQuery(viewer, { linkTypes: ['CALLS'] }, ['A', 'B'], 8);
    expect(readable(q.text)).toBe(
      'UNWIND $ids AS id MATCH (a:Entity {id: id})-[r]->(b:Entity) WHERE b.id IN $ids AND NOT coalesce(r.archived,false) AND NOT HIDDEN(r) AND VISIBLE(r) AND type(r) IN $f_linkTypes\n' +
      'WITH a, r, b ORDER BY r.id\n' +
      'WITH collect({id: r.id, type: type(r), source: a.id, target: b.id, props: properties(r)}) AS es\n' +
      'RETURN size(es) AS total, es[0..$edgeLimit] AS edges',
    );
    expect(q.params).toEqual({ ...PV, f_linkTypes: ['CALLS'], ids: ['A', 'B'], edgeLimit: 8 });
  });

  it('never puts ids or values into the text', () => {
    const evil = "x'}) DETACH DELETE n //";
    for (const q of [expandStepQuery(viewer, filter, [evil], [evil], 1), expandStepQuery(viewer, filter, [evil], [evil], 1, true), linksAmongQuery(viewer, filter, [evil], 1), pathsQuery(viewer, evil, evil, 3, 2, 0.5)]) {
      expect(q.text).not.toContain(evil);
      expect(q.text).not.toContain('2020-01-01');
    }
  });
});

describe('neighbour paging Cypher', () => {
  it('counts by the type the viewer is shown (stubs in their own bucket)', () => {
    const q = neighbourCountsQuery(viewer, 'HUB', {});
    expect(readable(q.text)).toBe(
      'MATCH (n:Entity {id: $id})-[r]-(m:Entity) WHERE NOT coalesce(r.archived,false) AND NOT coalesce(m.archived,false) AND NOT HIDDEN(r) AND NOT HIDDEN(m)\n' +
      "RETURN CASE WHEN VISIBLE(r) THEN type(r) ELSE 'RESTRICTED' END AS linkType, CASE WHEN VISIBLE(m) THEN m.type ELSE 'Restricted' END AS entityType, count(*) AS count ORDER BY linkType, entityType",
    );
    expect(q.params).toEqual({ ...PV, id: 'HUB' });
  });

  it('pages visible neighbours by id (keyset) and stubs by offset only', () => {
    const v = neighbourPageQuery(viewer, 'HUB', { entityType: 'Subject' }, 'visible', 'S9', 51);
    expect(readable(v.text)).toBe(
      'MATCH (n:Entity {id: $id})-[r]-(m:Entity) WHERE NOT coalesce(r.archived,false) AND NOT coalesce(m.archived,false) AND NOT HIDDEN(r) AND NOT HIDDEN(m) ' +
      "AND CASE WHEN VISIBLE(m) THEN m.type ELSE 'Restricted' END = $entityType AND VISIBLE(m) AND m.id > $after\n" +
      'WITH DISTINCT n, m ORDER BY m.id LIMIT $limit\n' +
      'CALL (n, m) { MATCH (n)-[r]-(m) WHERE NOT coalesce(r.archived,false) AND NOT HIDDEN(r) RETURN collect({id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}) AS rels }\n' +
      'RETURN properties(m) AS m, rels',
    );
    expect(v.params).toEqual({ ...PV, entityType: 'Subject', id: 'HUB', limit: 51, after: 'S9' });
    const s = neighbourPageQuery(viewer, 'HUB', {}, 'restricted', 20, 11);
    expect(readable(s.text)).toContain('AND NOT VISIBLE(m)\nWITH DISTINCT n, m ORDER BY m.id SKIP $skip LIMIT $limit\n');
    expect(s.text).not.toContain('$after');
    expect(s.params).toEqual({ ...PV, id: 'HUB', limit: 11, skip: 20 });
  });
});

describe('path Cypher', () => {
  const LINK = 'NOT coalesce(r.archived,false) AND NOT HIDDEN(r) AND VISIBLE(r) AND coalesce(STRENGTH(r) >= $f_minStrength, false) AND type(r) IN $pathLinkTypes';
  const NODE = 'NOT coalesce(y.archived,false) AND NOT HIDDEN(y)';
  const RETURN = 'RETURN [n IN nodes(p) | properties(n)] AS nodes, [rel IN relationships(p) | {id: rel.id, type: type(rel), source: startNode(rel).id, target: endNode(rel).id, props: properties(rel)}] AS rels';

  it('k shortest simple paths with the grade inside the pattern', () => {
    const q = pathsQuery(viewer, 'A', 'B', 6, 3, 0.48);
    expect(readable(q.text)).toBe(
      'MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})\n' +
      `MATCH SHORTEST 3 (p = (a)((x)-[r WHERE ${LINK}]-(y:Entity WHERE ${NODE})){1,6}(b) WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..]))\n` +
      `${RETURN}\nORDER BY length(p)`,
    );
    expect(q.params).toEqual({ ...PV, vs_weights: VS, f_minStrength: 0.48, pathLinkTypes: PATH_LINK_TYPES, from: 'A', to: 'B' });
    expect(PATH_LINK_TYPES).not.toContain('ORIGINATED_BY');
    expect(PATH_LINK_TYPES).toContain('MENTIONS');
  });

  it('one shortest path needs no simplicity test, and no grade means no visibility requirement on links', () => {
    const q = pathsQuery(viewer, 'A', 'B', 4, 1, undefined);
    expect(readable(q.text)).toBe(
      'MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})\n' +
      `MATCH SHORTEST 1 (p = (a)((x)-[r WHERE NOT coalesce(r.archived,false) AND NOT HIDDEN(r) AND type(r) IN $pathLinkTypes]-(y:Entity WHERE ${NODE})){1,4}(b))\n` +
      `${RETURN}\nORDER BY length(p)`,
    );
  });

  it('bounds hops and path counts', () => {
    expect(() => pathsQuery(viewer, 'A', 'B', 9, 1, undefined)).toThrow(expect.objectContaining({ field: 'maxHops' }));
    expect(() => pathsQuery(viewer, 'A', 'B', 0, 1, undefined)).toThrow(expect.objectContaining({ field: 'maxHops' }));
    expect(() => pathsQuery(viewer, 'A', 'B', 2.5, 1, undefined)).toThrow(expect.objectContaining({ field: 'maxHops' }));
    expect(() => pathsQuery(viewer, 'A', 'B', 3, 1000, undefined)).toThrow(expect.objectContaining({ field: 'k' }));
  });

  it('pairwise shortest paths in one statement', () => {
    const q = pairPathsQuery(viewer, [['A', 'B'], ['A', 'C']], 4, undefined);
    expect(readable(q.text)).toBe(
      'UNWIND $pairs AS pair MATCH (a:Entity {id: pair[0]}) MATCH (b:Entity {id: pair[1]})\n' +
      `CALL (a, b) { MATCH p = SHORTEST 1 (a)((x)-[r WHERE NOT coalesce(r.archived,false) AND NOT HIDDEN(r) AND type(r) IN $pathLinkTypes]-(y:Entity WHERE ${NODE})){1,4}(b) RETURN p }\n` +
      `${RETURN.replace('RETURN ', 'RETURN pair[0] AS from, pair[1] AS to, ')}`,
    );
    expect(q.params.pairs).toEqual([['A', 'B'], ['A', 'C']]);
  });

  it('timeline: only what the viewer may see, dated, in order', () => {
    const q = timelineQuery(viewer, ['S1'], '2020-01-01', undefined, 100);
    const text = readable(q.text);
    expect(text).toContain("MATCH (rep:IntelligenceReport)-[l:MENTIONS]->(e) WHERE NOT coalesce(l.archived,false) AND VISIBLE(l) AND NOT coalesce(rep.archived,false) AND VISIBLE(rep)");
    expect(text).toContain('WHERE date IS NOT NULL AND date >= $f_from\n');
    expect(text.endsWith('ORDER BY date IS NULL, date, item.id LIMIT $limit')).toBe(true);
    expect(q.params).toEqual({ ...PV, ids: ['S1'], limit: 100, f_from: '2020-01-01' });
  });
});

describe('fair share of a budget', () => {
  it.each([
    [[10, 10, 10], 30, 10],
    [[100, 2, 3], 20, 15], // 15 + 2 + 3 fills the budget exactly
    [[3, 10, 10], 20, 9], // 3 + 8 + 8 leaves one over: one more each, the overall cap cuts
    [[5000], 100, 100],
    [[1, 1, 1000], 10, 8],
    [[3, 4], 100, 4],
    [[0, 0], 10, 1],
  ])('counts %j, budget %i -> %i per entity', (counts, budget, share) => {
    expect(fairShare(counts, budget)).toBe(share);
  });
});

describe('choosing a hop within its budget', () => {
  const c = (id: string, top: [string, number][], links = top.length) => ({ id, links, top });

  it('takes every candidate when the hop fits, once each, strongest evidence first then by id', () => {
    const per = [c('A', [['x', 0.9], ['y', 0.2]]), c('B', [['y', 0.7], ['z', -1]])];
    expect(pickHop(per, 3, 10)).toEqual(['x', 'y', 'z']);
  });

  it('gives each entity its fair share when a supernode would fill the budget', () => {
    const hub = c('HUB', Array.from({ length: 100 }, (_, i) => [`h${String(i).padStart(3, '0')}`, 1] as [string, number]), 6000);
    const small = c('S', [['s1', 0.1], ['s2', 0.05]]);
    const picked = pickHop([hub, small], 6002, 10);
    expect(picked).toHaveLength(10);
    // The small entity's weak neighbours are kept: the hub cannot starve it.
    expect(picked).toEqual(expect.arrayContaining(['s1', 's2']));
    expect(picked.filter((id) => id.startsWith('h'))).toEqual(['h000', 'h001', 'h002', 'h003', 'h004', 'h005', 'h006', 'h007']);
  });

  it('counts a neighbour shared by two entities once, at its strongest link', () => {
    const per = [c('A', [['x', 0.1]]), c('B', [['x', 0.8], ['y', 0.5]])];
    expect(pickHop(per, 2, 1)).toEqual(['x']);
  });

  it('never returns more than the budget or the total', () => {
    const per = [c('A', [['a', 1], ['b', 1], ['c', 1]], 50), c('B', [['d', 1]], 50)];
    expect(pickHop(per, 100, 3)).toHaveLength(3);
    expect(pickHop([], 0, 3)).toEqual([]);
  });
});

describe('Steiner tree approximation', () => {
  const e = (id: string, source: string, target: string) => ({ id, source, target });
  const p = (from: string, to: string, edges: ReturnType<typeof e>[]) => ({ from, to, path: { nodes: [], edges } });

  it('joins three terminals through a shared hub and drops the longer closure edge', () => {
    const paths = [
      p('A', 'B', [e('ah', 'A', 'H'), e('hb', 'H', 'B')]),
      p('A', 'C', [e('ah', 'A', 'H'), e('hc', 'H', 'C')]),
      p('B', 'C', [e('bx', 'B', 'X'), e('xy', 'X', 'Y'), e('yc', 'Y', 'C')]),
    ];
    expect([...steinerEdges(['A', 'B', 'C'], paths)].sort()).toEqual(['ah', 'hb', 'hc']);
  });

  it('removes cycles from overlapping paths and prunes non-terminal leaves', () => {
    const paths = [
      p('A', 'B', [e('a1', 'A', 'M'), e('a2', 'M', 'B')]),
      p('A', 'C', [e('c1', 'A', 'N'), e('c2', 'N', 'M'), e('c3', 'M', 'C')]),
    ];
    // The union A-M-B, A-N-M-C has a cycle A-M-N; the spanning tree drops N-M, then N is a bare leaf.
    expect([...steinerEdges(['A', 'B', 'C'], paths)].sort()).toEqual(['a1', 'a2', 'c3']);
  });

  it('leaves unconnected terminals alone', () => {
    expect(steinerEdges(['A', 'B', 'Z'], [p('A', 'B', [e('ab', 'A', 'B')])])).toEqual(new Set(['ab']));
  });
});
