import { describe, expect, it } from 'vitest';
import { policyParams, visibleFilter, type Viewer } from '../../server/domain/policy.js';
import { luceneQuery } from '../../server/graph/entities.js';
import {
  compareNamePart, compareNames, dobBlocksQuery, dobSoundBlocksQuery, editDistance, scorePair, sharedBlocksQuery,
} from '../../server/graph/resolution.js';

/** How typed text becomes a full-text query, and how likely duplicates are recognised and explained. */
describe('luceneQuery', () => {
  it.each([
    ['', undefined],
    ['  ,;  ', undefined],
    ['Jonh Smtih',
      '((search:jonh^3 OR search:jonh*^2 OR search:jonh~1) AND (search:smtih^3 OR search:smtih*^2 OR search:smtih~1)) ' +
      'OR (phonetic:phjn OR phonetic:phan OR phonetic:phsmt OR phonetic:phxmt)'],
    ['Zoë', '((search:zoe^3 OR search:zoe*^2))'],
    ['AB12 CDE', '((search:ab12^3 OR search:ab12*^2 OR search:ab12~1) AND (search:cde^3 OR search:cde*^2)) OR (phonetic:phkt)'],
    ['ze94qq', '((search:ze94qq^3 OR search:ze94qq*^2 OR search:ze94qq~1 OR (search:ze9 AND search:4qq)^3))'],
    ['7700 900123',
      '((search:7700^3 OR search:7700*^2 OR search:7700~1) AND (search:900123^3 OR search:900123*^2 OR search:900123~1)) OR search:*7700900123*^4'],
    ['+44 7700 900123',
      '((search:44^3 OR search:44*^2) AND (search:7700^3 OR search:7700*^2 OR search:7700~1) AND (search:900123^3 OR search:900123*^2 OR search:900123~1)) OR search:*7700900123*^4'],
    ['Reynolds-Smythe', '((search:reynolds^3 OR search:reynolds*^2 OR search:reynolds~2) AND (search:smythe^3 OR search:smythe*^2 OR search:smythe~1)) OR (phonetic:phrnlts OR phonetic:phsm0 OR phonetic:phxmt)'],
  ])('%j -> %s', (text, expected) => {
    expect(luceneQuery(text)).toBe(expected);
  });

  it('strips Lucene syntax so typed text cannot change the query', () => {
    const q = luceneQuery('name:"x" OR (y)~ AND z* \\ /')!;
    expect(q).not.toMatch(/name:|"|\\|\//);
    expect(q).toContain('(search:name^3 OR search:name*^2 OR search:name~1)');
  });

  it('uses at most eight words', () => {
    expect(luceneQuery('a b c d e f g h i j')!.match(/search:[a-z]\^3/g)).toHaveLength(8);
  });
});

describe('name comparison', () => {
  it.each([
    ['Steven', 'Stephen', 'sound'],
    ['Mohammed', 'Muhammad', 'sound'],
    ['Katherine', 'Catherine', 'sound'],
    ['Zoë', 'zoe', 'same'],
    ['Oliver', 'Olivre', 'sound'],
    ['Ravenscroft', 'Ravenscorft', 'spelt'],
    ['Ravenscroft', 'Ravnscorft', 'spelt'],
    ['J', 'John', 'initial'],
    ['Tom', 'Zoe', 'none'],
    ['', 'Zoe', 'none'],
  ])('%s / %s: %s', (a, b, match) => {
    expect(compareNamePart(a, b).match).toBe(match);
  });

  it.each([
    ['kitten', 'sitting', 3],
    ['smtih', 'smith', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('edit distance %s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('recognises a forename and surname recorded the wrong way round', () => {
    const r = compareNames({ id: 'a', label: 'Smith John', forename: 'Smith', surname: 'John' }, { id: 'b', label: 'John Smith', forename: 'John', surname: 'Smith' });
    expect(r).toEqual({ score: 0.9, evidence: ['forename and surname swapped: Smith John/John Smith'] });
  });

  it('falls back to the label when names are not split', () => {
    expect(compareNames({ id: 'a', label: 'Lee Carter' }, { id: 'b', label: 'Lee Carter' })).toEqual({ score: 1, evidence: ['same name: Lee Carter'] });
  });
});

describe('duplicate scoring', () => {
  const none = { phones: [], addresses: [] };
  it('same date of birth and a name that sounds alike', () => {
    const r = scorePair(
      { id: 'a', label: 'Steven Smith', forename: 'Steven', surname: 'Smith', dob: '1990-01-02' },
      { id: 'b', label: 'Stephen Smith', forename: 'Stephen', surname: 'Smith', dob: '1990-01-02' }, none,
    );
    expect(r.evidence).toEqual(['same date of birth 1990-01-02', 'names sound alike: Steven/Stephen']);
    expect(r.score).toBeCloseTo(0.7544, 4);
  });

  it('a shared phone and similar names, no dates of birth', () => {
    const r = scorePair({ id: 'a', label: 'Mohammed Khan' }, { id: 'b', label: 'Muhammad Khan' }, { phones: ['07700 900555'], addresses: [] });
    expect(r.evidence).toEqual(['names sound alike: Mohammed/Muhammad', 'both use phone 07700 900555']);
    expect(r.score).toBeGreaterThan(0.7);
  });

  it('relatives at one address with different dates of birth score low', () => {
    const r = scorePair(
      { id: 'a', label: 'Ann Lee', forename: 'Ann', surname: 'Lee', dob: '1990-01-02' },
      { id: 'b', label: 'Bob Lee', forename: 'Bob', surname: 'Lee', dob: '1960-01-02' }, { phones: [], addresses: ['1 High St'] },
    );
    expect(r.score).toBeLessThan(0.2);
    expect(r.evidence).toContain('but different dates of birth 1990-01-02 and 1960-01-02');
  });

  it('a shared date of birth alone is not enough to be reported', () => {
    expect(scorePair({ id: 'a', label: 'Zoe Brown', dob: '1985-03-03' }, { id: 'b', label: 'Tom Green', dob: '1985-03-03' }, none).score).toBe(0.5);
  });
});

describe('blocking Cypher', () => {
  const viewer: Viewer = { userId: 'u', username: 'u', role: 'ANALYST', clearance: 'SECRET', agency: 'AG1', compartments: [] };
  const V = (a: string) => `coalesce(${visibleFilter(viewer, a).text}, false)`;

  it('groups by date of birth and name sound in one pass over subjects', () => {
    const q = dobSoundBlocksQuery(viewer);
    expect(q.text).toBe(
      `MATCH (s:Subject) WHERE s.dob IS NOT NULL AND NOT coalesce(s.archived,false) AND ${V('s')}\n` +
      "UNWIND split(coalesce(s.phonetic, ''), ' ') AS code\n" +
      "WITH s.dob AS dob, code, collect(DISTINCT s.id) AS ids WHERE code <> '' AND size(ids) > 1\n" +
      'RETURN ids[0..$groupLimit] AS ids LIMIT $blockLimit',
    );
    expect(q.params).toEqual({ ...policyParams(viewer), groupLimit: 25, blockLimit: 2000 });
    expect(dobBlocksQuery(viewer).text).toContain('WITH s.dob AS dob, collect(s.id) AS ids WHERE size(ids) > 1 AND size(ids) <= $groupLimit');
  });

  it('reads a shared phone no further than the share cap', () => {
    const q = sharedBlocksQuery(viewer, 'phone');
    expect(q.text).toBe(
      `MATCH (x:Phone) WHERE NOT coalesce(x.archived,false) AND ${V('x')}\n` +
      `CALL (x) { MATCH (x)<-[u:USES_PHONE]-(s:Subject) WHERE NOT coalesce(u.archived,false) AND ${V('u')} AND NOT coalesce(s.archived,false) AND ${V('s')} RETURN DISTINCT s.id AS sid LIMIT $shareLimit }\n` +
      'WITH x, collect(sid) AS ids WHERE size(ids) > 1 AND size(ids) < $shareLimit\n' +
      'RETURN coalesce(x.number, x.label) AS via, ids LIMIT $blockLimit',
    );
    expect(q.params).toMatchObject({ shareLimit: 7, blockLimit: 2000 });
    expect(sharedBlocksQuery(viewer, 'address').text).toContain('MATCH (x)<-[u:LIVES_AT]-(s:Subject)');
  });
});
