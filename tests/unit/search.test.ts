import { describe, expect, it } from 'vitest';
import { policyParams, visibleFilter, type Viewer } from '../../server/domain/policy.js';
import { decodeCursor, encodeCursor, setCursorKey } from '../../server/graph/entities.js';
import { luceneQuery, stubLuceneQuery } from '../../server/graph/search.js';
import {
  editsWithin, identifierKeys, matchesIdentifier, matchScore, parseSearch, queryIdentifierKeys, searchKeys, STUB_IDENTIFIERS,
} from '../../server/domain/search.js';
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

describe('matchScore: typed text against what the viewer is shown', () => {
  const subject = searchKeys('Subject', 'John Ravenscroft', { forename: 'John', surname: 'Ravenscroft', dob: '1990-01-02', pncId: '12/345X' });
  const score = (text: string, keys = subject, phone?: string) => matchScore(parseSearch(text), keys, phone);

  // Precise (100) + points per word (exact 3, prefix 2, fuzzy 1; a tenth of them when not every word
  // matches) + one per phonetic code in common.
  it.each([
    ['John Ravenscroft', 106 + 3],
    ['john ravens', 105 + 2],
    ['Jonh Ravenscorft', 2 + 2],
    ['Jon Ravenscroft', 0.3 + 3],
    ['Ravenscroft 1990', 106 + 1],
    ['Ravenscroft 1975', 0.3 + 1],
    ['Smith', 0],
  ])('%s scores %d', (text, expected) => {
    expect(score(text)).toBeCloseTo(expected, 5);
  });

  it('ranks every precise match above every match through spelling variants alone', () => {
    const precise = ['John Ravenscroft', 'jo rav', 'Ravenscroft 1990-01-02'].map((x) => score(x));
    const variants = ['Jonh Ravenscorft', 'Jon Ravenscroft', 'Jhon Ravenscroft'].map((x) => score(x));
    expect(Math.min(...precise)).toBeGreaterThan(Math.max(...variants));
  });

  it('matches only the keys it is given: a field left out of a sanitised copy does not match', () => {
    const sanitised = searchKeys('Subject', 'John Ravenscroft', { forename: 'John', surname: 'Ravenscroft' });
    expect(score('12/345X')).toBeGreaterThan(0);
    expect(score('12/345X', sanitised)).toBe(0);
  });

  it('matches the digits of a number anywhere in it, and four digits inside a phone number', () => {
    const phone = searchKeys('Phone', '07700 981234', { number: '07700 981234' });
    expect(score('+44 7700 981234', phone)).toBeGreaterThanOrEqual(100);
    expect(score('700 9812', phone)).toBeGreaterThanOrEqual(100);
    expect(score('0981', phone, '07700 981234')).toBeGreaterThan(0);
    expect(score('5555', phone, '07700 981234')).toBe(0);
  });

  it('counts edits as the index does (a transposition is one)', () => {
    expect(editsWithin('raevnscroft', 'ravenscroft', 2)).toBe(1);
    expect(editsWithin('kitten', 'sitting', 1)).toBe(2);
    expect(editsWithin('abc', 'abcdef', 1)).toBe(2);
  });
});

describe('deconfliction identifiers', () => {
  it('are data: one table of the properties that make each identifier', () => {
    expect(Object.keys(STUB_IDENTIFIERS).sort()).toEqual(['Location', 'OCG', 'Phone', 'Subject', 'Vehicle']);
    expect(STUB_IDENTIFIERS.Subject!.map((i) => i.props)).toEqual([['forename', 'surname', 'dob']]);
  });

  it.each([
    ['Subject', { forename: 'Zoë', surname: 'Hart', dob: '1990-04-02', notes: 'x' }, ['nameAndDob:hart zoe|1990-04-02']],
    ['Subject', { surname: 'Hart', dob: '1990-04-02' }, ['nameAndDob:hart|1990-04-02']],
    ['Subject', { forename: 'Zoe', surname: 'Hart' }, []],
    ['Vehicle', { vrm: 'ab12 cde', make: 'Ford' }, ['code:AB12CDE']],
    ['Phone', { number: '+44 (0)7700 900123', imei: '35-693803-564380-9' }, ['phone:7700900123', 'imei:356938035643809']],
    ['Location', { address: '1 High St.', postcode: 'AB1 2CD' }, ['words:1 high st', 'words:1 high st ab1 2cd']],
    ['OCG', { reference: 'ocg/2021-17' }, ['code:OCG202117']],
    ['IntelligenceReport', { text: 'anything' }, []],
  ])('%s %j holds %j', (type, props, keys) => {
    expect(identifierKeys(type, props)).toEqual(keys);
  });

  it.each([
    ['Subject', 'Zoe HART 02/04/1990', true],
    ['Subject', 'Hart, Zoë, born 1990-04-02', false], // "born" is not part of the name
    ['Subject', 'Hart 1990-04-02', false],
    ['Subject', 'Zoe Hart', false],
    ['Vehicle', 'AB12CDE', true],
    ['Vehicle', 'AB12', false],
    ['Phone', '07700 900 123', true],
    ['Phone', '0044 7700 900123', true],
    ['Phone', '900123', false],
    ['Phone', '356938035643809', true],
    ['Location', '1 HIGH ST', true],
    ['Location', 'High St', false],
    ['Location', 'AB1 2CD', false],
    ['OCG', 'OCG 2021 17', true],
  ])('%s found by %j: %s', (type, text, found) => {
    const props: Record<string, Record<string, unknown>> = {
      Subject: { forename: 'Zoë', surname: 'Hart', dob: '1990-04-02' },
      Vehicle: { vrm: 'AB12 CDE' },
      Phone: { number: '07700 900123', imei: '356938035643809' },
      Location: { address: '1 High St', postcode: 'AB1 2CD' },
      OCG: { reference: 'OCG-2021-17' },
    };
    expect(matchesIdentifier(type, props[type]!, text)).toBe(found);
  });

  it('proposes stubs through exact index terms only, and not at all for text that is no identifier', () => {
    expect(queryIdentifierKeys('')).toEqual([]);
    expect(stubLuceneQuery('AB12 CDE')).toBe('(search:ab12 AND search:cde) OR search:ab12cde');
    expect(stubLuceneQuery('+44 7700 900123')).toBe('(search:44 AND search:7700 AND search:900123) OR search:447700900123 OR search:*7700900123');
    expect(stubLuceneQuery('  ')).toBeUndefined();
    expect(stubLuceneQuery('AB12 CDE')).not.toMatch(/~|\*\^|phonetic/);
  });
});

describe('cursors', () => {
  it('are sealed: unreadable, and refused when tampered with, forged or used for another question', () => {
    const c = encodeCursor([false, 'secret text'], 'ID-1', 'ctx');
    expect(Buffer.from(c, 'base64url').toString('latin1')).not.toContain('secret');
    expect(decodeCursor(c, 'ctx')).toEqual([[false, 'secret text'], 'ID-1']);
    const raw = Buffer.from(c, 'base64url');
    raw[20] ^= 1;
    const bad = [raw.toString('base64url'), `${c}x`, Buffer.from(JSON.stringify(['x', 'ID-1'])).toString('base64url'), '', '!!'];
    for (const b of bad) expect(() => decodeCursor(b, 'ctx')).toThrow(expect.objectContaining({ code: 'VALIDATION', field: 'after', message: 'Invalid cursor' }));
    expect(() => decodeCursor(c, 'other')).toThrow(expect.objectContaining({ message: 'Invalid cursor' }));
  });

  it('are refused after the key changes', () => {
    const c = encodeCursor('v', 'ID-1');
    setCursorKey('another key');
    expect(() => decodeCursor(c)).toThrow(expect.objectContaining({ message: 'Invalid cursor' }));
    expect(decodeCursor(encodeCursor('v', 'ID-1'))).toEqual(['v', 'ID-1']);
  });
});
