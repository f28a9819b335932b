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

/**
 * Need-to-know in search: the hits, their scores and their order depend only on what the viewer
 * is shown. A record seen in full is matched on everything; a disseminated copy on its sanitised
 * fields; a restricted stub only by an exact deconfliction identifier, with one fixed score after
 * every visible match; hidden records not at all (and they take no place in any window).
 */
describe('search over what the viewer is shown', () => {
  let AGX: string;
  const W = (s: string) => `${s}${ids.word}`; // words no other file holds
  type Hit = { score: number; entity: { id: string; type: string; restricted: boolean; label: string } };
  const run = async (text: string, limit = 20) => {
    const r = await t.gql(SEARCH, { text, limit }, analyst);
    expect(r.errors).toBeUndefined();
    return r.data.search as Hit[];
  };
  const set = (id: string, props: Record<string, unknown>) => t.db.write({ text: 'MATCH (n:Entity {id: $id}) SET n += $props', params: { id, props } });
  /** Rewrites a record's search keys from its current props, as a write would. */
  const rekey = async (id: string) => {
    const { searchKeys } = await import('../../server/domain/search.js');
    const [row] = await t.db.read({ text: 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS n', params: { id } });
    const n = row!.n as Record<string, unknown>;
    await set(id, { ...searchKeys(n.type as string, n.label as string, n) });
  };

  beforeAll(async () => {
    ids.word = t.prefix.replace(/[^a-f]/g, '').slice(0, 4) + 'q';
    AGX = `${t.prefix}-AGX`;
    await t.entity('AGX', 'Agency', { kind: 'POLICE', desk: 'Other Desk' }, {}, 'Other Force');
    const other = { agency: AGX, classification: 'SECRET' };
    // Stubs for the analyst: another agency's SECRET records, not disseminated.
    ids.stubReport = await t.entity('X-REP', 'IntelligenceReport', { text: `Meeting at the ${W('quillon')} ${W('marbleworks')} tonight`, sourceEvaluation: '1', intelAssessment: 'A' }, other);
    ids.stubPerson = await t.entity('X-SUB', 'Subject', { forename: W('Ottoline'), surname: W('Brackenbury'), dob: '1981-03-04', aliases: ['Otto'], notes: 'restricted notes' }, other);
    ids.stubCar = await t.entity('X-VEH', 'Vehicle', { vrm: 'QZ71 XJK', make: 'Audi' }, other);
    ids.stubPhone = await t.entity('X-PH', 'Phone', { number: '07700 314159', imei: '356938035643809' }, other);
    ids.stubPlace = await t.entity('X-LOC', 'Location', { address: `9 ${W('Wrenfield')} Row`, postcode: 'ZE7 1AB' }, other);
    // A copy disseminated to the analyst's agency: its text and PNC id are not theirs to see.
    ids.shared = await t.entity('X-SHR', 'Subject', { forename: W('Perpetua'), surname: W('Wolstenholme'), pncId: `${W('pnc')}99`, notes: 'x' }, { agency: AGX });
    await set(ids.shared, { disseminatedTo: [`${t.prefix}-AG1`] });
    ids.sharedReport = await t.entity('X-SHRR', 'IntelligenceReport', { text: `The ${W('gallowglass')} shipment`, sanitisedText: 'A shipment', sourceEvaluation: '2', intelAssessment: 'B' }, { agency: AGX });
    await set(ids.sharedReport, { disseminatedTo: [`${t.prefix}-AG1`] });
    // Visible to the analyst in full.
    ids.mine = await t.entity('M-SUB', 'Subject', { forename: W('Perpetua'), surname: W('Lindqvist') });
  });

  it('a phrase only in another agency’s SECRET report finds nothing, not even its stub', async () => {
    // (Visible records may still match through spelling variants: only the restricted report is in question.)
    for (const text of [`${W('quillon')} ${W('marbleworks')}`, W('marbleworks'), `Meeting at the ${W('quillon')}`]) {
      expect((await run(text)).filter((h) => h.entity.restricted)).toEqual([]);
    }
  });

  it('the sanitised fields of a disseminated copy are searched, its sensitive fields are not', async () => {
    expect(await run(`${W('pnc')}99`)).toEqual([]);
    expect(await run(W('gallowglass'))).toEqual([]);
    const typo = await run(`${W('Perpetua')} ${W('Wolstenholme').slice(0, -1)}`);
    expect(typo[0]!.entity.id).toBe(ids.shared);
  });

  it.each([
    ['a name with date of birth', () => `${W('Ottoline')} ${W('Brackenbury')} 04/03/1981`],
    ['a name with an ISO date of birth, names swapped', () => `${W('Brackenbury')} ${W('Ottoline')} 1981-03-04`],
    ['a VRM', () => 'QZ71 XJK'],
    ['a VRM without its space', () => 'qz71xjk'],
    ['a phone number in international form', () => '+44 7700 314159'],
    ['an IMEI', () => '356938035643809'],
    ['an address', () => `9 ${W('Wrenfield')} Row`],
    ['an address and postcode', () => `9 ${W('Wrenfield')} Row ZE7 1AB`],
  ])('finds a stub by %s, with the one stub score', async (_what, text) => {
    const hits = await run(text());
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ score: 0, entity: { restricted: true, type: 'Restricted' } });
  });

  it.each([
    ['a name without a date of birth', () => `${W('Ottoline')} ${W('Brackenbury')}`],
    ['a surname alone', () => W('Brackenbury')],
    ['a name with the wrong date of birth', () => `${W('Ottoline')} ${W('Brackenbury')} 05/03/1981`],
    ['an alias with the date of birth', () => 'Otto 1981-03-04'],
    ['part of a VRM', () => 'QZ71'],
    ['part of a phone number', () => '7700 314159 1'],
    ['the end of a phone number', () => '314159'],
    ['a word of an address', () => W('Wrenfield')],
    ['the make of a car', () => 'Audi QZ71'],
  ])('does not find a stub by %s', async (_what, text) => {
    expect((await run(text())).filter((h) => h.entity.restricted)).toEqual([]);
  });

  it('hidden records take no place in the candidate window', async () => {
    // Many CHIS reports (hidden from the analyst) match the word strongly; one visible record weakly.
    const hidden = [];
    for (let i = 0; i < 6; i++) {
      hidden.push(await t.entity(`HID-${i}`, 'IntelligenceReport', { text: `${W('sapphirine')} ${W('sapphirine')} ${W('sapphirine')}`, sourceEvaluation: '1', intelAssessment: 'A' }, { compartments: ['CHIS'] }));
    }
    const visible = await t.entity('VIS-S', 'IntelligenceReport', { text: `a long report that mentions ${W('sapphirine')} once among many other words of no interest at all`, sourceEvaluation: '1', intelAssessment: 'A' });
    const hits = await run(W('sapphirine'), 1);
    expect(hits.map((h) => h.entity.id)).toEqual([visible]);
  });

  it('two worlds differing only in what the analyst may not know give identical answers', async () => {
    const queries = [
      W('Perpetua'), `${W('Perpetua')} ${W('Wolstenholme')}`, W('Perpetu'), W('Lindqvst'), `${W('pnc')}99`,
      `${W('Ottoline')} ${W('Brackenbury')} 04/03/1981`, W('Brackenbury'), W('quillon'), W('gallowglass'), 'QZ71 XJK', '+44 7700 314159',
    ];
    const answers = async () => {
      const out: Record<string, Hit[]> = {};
      for (const q of queries) out[q] = await run(q);
      return out;
    };
    const one = await answers();
    // The other world: hidden content changed everywhere the analyst cannot see.
    await set(ids.stubPerson, { aliases: [W('Perpetua'), W('Brackenbury'), W('Brackenbury')], notes: W('Perpetua'), pncId: `${W('pnc')}99` });
    await set(ids.stubReport, { text: `${W('Perpetua')} ${W('Perpetua')} ${W('Wolstenholme')} ${W('quillon')} QZ71 XJK` });
    await set(ids.shared, { pncId: `${W('Perpetua')} ${W('Perpetua')}`, notes: 'changed' });
    await set(ids.sharedReport, { text: `${W('Perpetua')} ${W('Lindqvist')} ${W('gallowglass')}` });
    for (const id of [ids.stubPerson, ids.stubReport, ids.shared, ids.sharedReport]) await rekey(id!);
    const extra = [];
    for (let i = 0; i < 5; i++) {
      extra.push(await t.entity(`HID2-${i}`, 'Subject', { forename: W('Perpetua'), surname: W('Wolstenholme'), dob: '1981-03-04' }, { compartments: ['CHIS'] }));
      extra.push(await t.entity(`STB2-${i}`, 'Subject', { forename: W('Perpetua'), surname: W('Lindqvist'), aliases: [W('Perpetu')] }, { agency: AGX, classification: 'SECRET' }));
    }
    const two = await answers();
    expect(two).toEqual(one);
    expect(one[W('Perpetua')]!.map((h) => h.entity.id).sort()).toEqual([ids.mine, ids.shared].sort());
    await t.db.write({ text: 'MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', params: { ids: extra } });
  });
});
