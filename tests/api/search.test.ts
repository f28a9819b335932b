import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Search quality: what an analyst types (typos, spelling variants, accents, partial plates and
 * numbers, postcodes, words of a report) finds the record meant at the top. Other test files share
 * the database, so names here are unusual enough to be this file's own, and ranks are checked
 * among all results, not only this file's.
 */
let t: TestApp;
let analyst: string;
const ids: Record<string, string> = {};

const SEARCH = `query($text:String!,$types:[String!],$limit:Int){ search(text:$text, types:$types, limit:$limit){ score entity{ id type label restricted props } } }`;

async function search(text: string, types?: string[]) {
  const r = await t.gql(SEARCH, { text, types, limit: 20 }, analyst);
  expect(r.errors).toBeUndefined();
  return r.data.search as { score: number; entity: { id: string; type: string; label: string; restricted: boolean; props: Record<string, unknown> } }[];
}
const rankOf = (hits: { entity: { id: string } }[], id: string) => hits.findIndex((h) => h.entity.id === id) + 1;

beforeAll(async () => {
  t = await startTestApp();
  const AG1 = `${t.prefix}-AG1`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Search Force');
  analyst = await t.user('analyst', 'ANALYST', { agency: AG1 });
  const S = (key: string, forename: string, surname: string, props: Record<string, unknown> = {}) =>
    t.entity(key, 'Subject', { forename, surname, ...props }).then((id) => { ids[key] = id; });
  await S('ravens1', 'John', 'Ravenscroft', { dob: '1990-01-02' });
  await S('ravens2', 'John', 'Ravenscroft', { dob: '1975-06-30' });
  await S('hawkes', 'Stephen', 'Quarrington');
  await S('rahman', 'Muhammad', 'Oyelaran');
  await S('zoe', 'Zoë', 'Featherstonhaugh');
  await S('alias', 'Kieran', 'Trebilcock', { aliases: ['Kez Tre'] });
  ids.vrm = await t.entity('vrm', 'Vehicle', { vrm: 'QX12 ZWV', make: 'Ford', model: 'Transit' });
  ids.phone = await t.entity('phone', 'Phone', { number: '07700 981234' });
  ids.loc = await t.entity('loc', 'Location', { address: '14 Gullwing Quay', postcode: 'ZE9 4QQ' });
  ids.report = await t.entity('report', 'IntelligenceReport', {
    text: 'Subject seen loading crates at the Marrowby boatyard overnight', sourceEvaluation: '2', intelAssessment: 'B',
  });
});
afterAll(async () => t?.close());

describe('search finds what an analyst means', () => {
  it.each([
    ['a typo in both names', 'Jonh Ravenscorft', 'ravens1'],
    ['transposed letters', 'John Raevnscroft', 'ravens1'],
    ['a spelling variant (Steven for Stephen)', 'Steven Quarrington', 'hawkes'],
    ['a spelling variant (Mohammed for Muhammad)', 'Mohammed Oyelaran', 'rahman'],
    ['no accent for an accented name', 'Zoe Featherstonhaugh', 'zoe'],
    ['an alias', 'Kez Tre', 'alias'],
    ['part of a plate', 'QX12', 'vrm'],
    ['a plate without its space, in lower case', 'qx12zwv', 'vrm'],
    ['a plate with its space', 'QX12 ZWV', 'vrm'],
    ['part of a phone number', '7700 981234', 'phone'],
    ['the end of a phone number', '981234', 'phone'],
    ['a phone number without spaces', '07700981234', 'phone'],
    ['digits from the middle of a number, across its space', '700 9812', 'phone'],
    ['a number in international form', '+44 7700 981234', 'phone'],
    ['a postcode', 'ZE9 4QQ', 'loc'],
    ['a postcode without its space', 'ze94qq', 'loc'],
    ['part of an address', 'Gullwing Quay', 'loc'],
    ['words of a report', 'Marrowby boatyard', 'report'],
  ])('finds %s (%s)', async (_what, text, key) => {
    const hits = await search(text);
    const rank = rankOf(hits, ids[key]!);
    expect(rank, `${text} -> ${JSON.stringify(hits.slice(0, 5).map((h) => h.entity.label))}`).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(3);
  });

  it('ranks the exact match first for a typo-free name', async () => {
    const hits = await search('Stephen Quarrington');
    expect(hits[0]!.entity.id).toBe(ids.hawkes);
    const plate = await search('QX12 ZWV');
    expect(plate[0]!.entity.id).toBe(ids.vrm);
  });

  it('tells same-name people apart by date of birth', async () => {
    const both = await search('John Ravenscroft', ['Subject']);
    const top = both.slice(0, 2).map((h) => h.entity.id).sort();
    expect(top).toEqual([ids.ravens1, ids.ravens2].sort());
    expect(both.slice(0, 2).map((h) => h.entity.props.dob).sort()).toEqual(['1975-06-30', '1990-01-02']);
    const one = await search('John Ravenscroft 1990-01-02');
    expect(one[0]!.entity.id).toBe(ids.ravens1);
    const uk = await search('Ravenscroft 30/06/1975');
    expect(uk[0]!.entity.id).toBe(ids.ravens2);
  });

  it('restricts to types when asked', async () => {
    const hits = await search('Ravenscroft', ['Vehicle']);
    expect(hits.map((h) => h.entity.id)).not.toContain(ids.ravens1);
  });

  it('fills a page with exact matches first and brings in spelling variants only when the page has room', async () => {
    const variant = await t.entity('ysolde-v', 'Subject', { forename: 'Ysolde', surname: 'Kemplethorne' }); // the variant
    const exact: string[] = [];
    for (let i = 0; i < 3; i++) exact.push(await t.entity(`ysolde-${i}`, 'Subject', { forename: 'Ysolde', surname: 'Kempelthorne' }));
    const page = async (limit: number) => {
      const r = await t.gql(SEARCH, { text: 'Kempelthorne', types: ['Subject'], limit }, analyst);
      expect(r.errors).toBeUndefined();
      return (r.data.search as { entity: { id: string } }[]).map((h) => h.entity.id);
    };
    // A full page of exact matches: the variant could only rank below them.
    expect((await page(3)).sort()).toEqual([...exact].sort());
    // Room on the page: the variant comes too, after every exact match.
    const roomy = await page(10);
    expect(roomy.slice(0, 3).sort()).toEqual([...exact].sort());
    expect(roomy).toContain(variant);
    // A typo matches nothing exactly: the variants are searched at once.
    const misspelt = await t.gql(SEARCH, { text: 'Kempelthrone', types: ['Subject'], limit: 10 }, analyst);
    expect((misspelt.data.search as { entity: { id: string } }[]).map((h) => h.entity.id)).toEqual(expect.arrayContaining([...exact, variant]));
  });
});
