import { cypher, type Db, type Query } from '../db/db.js';
import { invalid } from '../domain/errors.js';
import { isEntityType } from '../domain/model.js';
import { decide, hiddenFilter, stubId, visibleFilter, type Viewer } from '../domain/policy.js';
import {
  dateOfBirthIn, matchesIdentifier, matchScore, parseSearch, phoneticCodes, POSTCODE, queryIdentifierKeys, SEARCH_PROPS,
  searchKeys, sharedSearchProps, STUB_IDENTIFIERS, STUB_TYPES, tokens, type SearchQuery,
} from '../domain/search.js';
import { entitiesById } from './entities.js';
import type { RawRecord } from './slice.js';

/**
 * Search over what the viewer is shown. The full-text index (`entity_search`, built from every
 * property of every record) only proposes candidates: hidden records are filtered out before the
 * candidate window is cut, so they never take a place, and each candidate is matched and scored
 * again here from what this viewer is shown of it (`domain/search.matchScore`): the whole record
 * when seen in full, the non-sensitive fields of a disseminated copy. The index's own scores
 * (which weigh words by how often they occur across all records, hidden ones included) are never
 * used. Restricted stubs are found only by an exact deconfliction identifier
 * (`domain/search.STUB_IDENTIFIERS`) and come after every visible match, with one fixed score,
 * in order of their opaque ids.
 */

/** Candidates read per index query: what one search can rescore (see the known limits). */
export const SEARCH_WINDOW = 1000;
/** Stub candidates read per identifier lookup. */
export const STUB_WINDOW = 200;
/** The score every stub is given: below any visible match, and the same whatever the stub holds. */
export const STUB_SCORE = 0;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Builds a Lucene query: each word exact, as a prefix or fuzzy (all words must match), or else
 * the phonetic codes of name-like words (spelling variants). A postcode typed without its space
 * also matches its two halves; five or more digits also match anywhere inside a stored number
 * (partial phone numbers, with or without spaces, the trunk 0 or the +44 country code).
 * `{ variants: false }` leaves out the fuzzy and phonetic alternatives: the precise query.
 */
export function luceneQuery(text: string, { variants = true } = {}): string | undefined {
  const words = tokens(text).slice(0, 8);
  if (!words.length) return undefined;
  const parts: string[] = [];
  for (const w of words) {
    const s = w.replace(LUCENE_SPECIAL, '');
    if (!s) continue;
    const fuzzy = s.length >= 8 ? '~2' : s.length >= 4 ? '~1' : '';
    const alts = [`search:${s}^3`, `search:${s}*^2`];
    if (fuzzy && variants) alts.push(`search:${s}${fuzzy}`);
    const pc = POSTCODE.exec(s);
    if (pc) alts.push(`(search:${pc[1]} AND search:${pc[2]})^3`);
    parts.push(`(${alts.join(' OR ')})`);
  }
  if (!parts.length) return undefined;
  // One-letter codes ("Zoe" -> S) would match half the names in the index.
  const ph = variants ? phoneticCodes(words.filter((w) => /^[a-z]+$/.test(w))).filter((c) => c.length > 3) : [];
  const phon = ph.length ? ` OR (${ph.map((p) => `phonetic:${p}`).join(' OR ')})` : '';
  const digits = parseSearch(text).digits;
  const inside = digits ? ` OR search:*${digits}*^4` : '';
  return `(${parts.join(' AND ')})${phon}${inside}`;
}

/**
 * The index query that proposes stubs: every typed word exactly, or the typed number / IMEI /
 * plate as one stored word. Exact terms only, so whether a record is proposed depends on its own
 * words alone. Undefined when the text cannot be any identifier.
 */
export function stubLuceneQuery(text: string): string | undefined {
  const keys = queryIdentifierKeys(text);
  const words = tokens(text).slice(0, 12);
  const alts: string[] = [];
  if (words.length) alts.push(`(${words.map((w) => `search:${w}`).join(' AND ')})`);
  for (const k of keys) {
    const [form, value] = [k.slice(0, k.indexOf(':')), k.slice(k.indexOf(':') + 1)];
    if (form === 'code') alts.push(`search:${value.toLowerCase()}`);
    if (form === 'phone') alts.push(`search:*${value}`);
    if (form === 'imei') alts.push(`search:${value}`);
  }
  return keys.length && alts.length ? alts.join(' OR ') : undefined;
}

export interface SearchRow { record: RawRecord; score: number }

type Candidate = Record<string, unknown> & { id: string; type: string; label?: string };

const MARKS = ['agency', 'classification', 'compartments', 'nfd', 'disseminatedTo'];
const bq = (p: string) => `\`${p}\``;
const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * The projection of a visible candidate: markings, label, the searchable fields a disseminated copy
 * shows, and the stored keys only of a record the viewer holds in full (`visible` and own agency is
 * exactly `decide` = full). Report text and other sensitive fields are never read.
 */
function visibleProjection(alias: string): string {
  const shared = uniq(Object.keys(SEARCH_PROPS).flatMap(sharedSearchProps));
  const own = `${alias}.agency = $pv_agency`;
  return `${alias} {.id, .type, .label, ${[...MARKS, ...shared].map((p) => `.${bq(p)}`).join(', ')}, ` +
    `search: CASE WHEN ${own} THEN ${alias}.search END, phonetic: CASE WHEN ${own} THEN ${alias}.phonetic END}`;
}

/** The projection of a stub candidate: markings and its identifier fields, nothing else. */
function stubProjection(alias: string): string {
  const ids = uniq(Object.values(STUB_IDENTIFIERS).flatMap((l) => l.flatMap((i) => [...i.props])));
  return `${alias} {.id, .type, ${[...MARKS, ...ids].map((p) => `.${bq(p)}`).join(', ')}}`;
}

export function visibleCandidatesQuery(viewer: Viewer, q: string, types: string[] | null): Query {
  const vis = visibleFilter(viewer, 'n');
  return cypher(
    `CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node AS n
     WITH n WHERE NOT coalesce(n.archived,false) AND ($types IS NULL OR n.type IN $types) AND coalesce(${vis.text}, false)
     RETURN ${visibleProjection('n')} AS n LIMIT $windowLimit`,
    { ...vis.params, q, types, windowLimit: SEARCH_WINDOW },
  );
}

export function phoneCandidatesQuery(viewer: Viewer, digits: string): Query {
  const vis = visibleFilter(viewer, 'n');
  return cypher(
    `MATCH (n:Phone) WHERE n.number CONTAINS $d AND NOT coalesce(n.archived,false) AND coalesce(${vis.text}, false)
     RETURN ${visibleProjection('n')} AS n LIMIT $windowLimit`,
    { ...vis.params, d: digits, windowLimit: SEARCH_WINDOW },
  );
}

/** Records the viewer may know exist but not see (stubs), of types that have identifiers. */
function stubCondition(viewer: Viewer, types: string[] | null): Query {
  const hid = hiddenFilter(viewer, 'n');
  const vis = visibleFilter(viewer, 'n');
  return {
    text: `NOT coalesce(n.archived,false) AND n.type IN $stubTypes AND NOT coalesce(${hid.text}, true) AND NOT coalesce(${vis.text}, false)`,
    params: { ...hid.params, ...vis.params, stubTypes: types ? STUB_TYPES.filter((t) => types.includes(t)) : STUB_TYPES },
  };
}

export function stubCandidatesQuery(viewer: Viewer, q: string, types: string[] | null): Query {
  const c = stubCondition(viewer, types);
  return cypher(
    `CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node AS n
     WITH n WHERE ${c.text}
     RETURN ${stubProjection('n')} AS n LIMIT $windowLimit`,
    { ...c.params, q, windowLimit: STUB_WINDOW },
  );
}

export function stubsByDobQuery(viewer: Viewer, dob: string, types: string[] | null): Query {
  const c = stubCondition(viewer, types);
  return cypher(`MATCH (n:Subject) WHERE n.dob = $dob AND ${c.text} RETURN ${stubProjection('n')} AS n LIMIT $windowLimit`, { ...c.params, dob, windowLimit: STUB_WINDOW });
}

/** The score of a visible candidate from what this viewer is shown of it (0: no match). */
function scoreFor(viewer: Viewer, query: SearchQuery, c: Candidate): number {
  const access = decide(viewer, c as never);
  if (access !== 'full' && access !== 'shared') return 0;
  const keys = access === 'full'
    ? { search: (c.search as string) ?? '', phonetic: (c.phonetic as string) ?? '' }
    : searchKeys(c.type, c.label ?? '', Object.fromEntries(sharedSearchProps(c.type).map((p) => [p, c[p]])));
  return matchScore(query, keys, c.type === 'Phone' && typeof c.number === 'string' ? c.number : undefined);
}

const byScoreThenId = (a: { score: number; id: string }, b: { score: number; id: string }) =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Ranked search across types, over what the viewer is shown (see the file's comment).
 *
 * The precise index query (exact words and prefixes) runs first. Only when its matches do not fill
 * the page does the query with spelling variants run: a precise match outscores every match
 * through variants alone (`matchScore`), so with a full page of precise matches the variants could
 * not enter it. A common surname matches thousands of records, and asking the index for them all
 * with fuzzy and phonetic terms as well took about twice the time in the database.
 */
export async function searchEntities(
  db: Db, viewer: Viewer, text: string, types: string[] | undefined, limit: number, opts: { stubs?: 'after' | 'none' } = {},
): Promise<SearchRow[]> {
  for (const t of types ?? []) if (!isEntityType(t)) throw invalid('types', `Unknown entity type ${JSON.stringify(t)}`);
  const typeList = types?.length ? types : null;
  const query = parseSearch(text);
  const scored = new Map<string, { id: string; score: number }>();
  const add = (rows: Record<string, unknown>[]) => {
    for (const r of rows) {
      const c = r.n as Candidate;
      if (scored.has(c.id)) continue;
      const score = scoreFor(viewer, query, c);
      if (score > 0) scored.set(c.id, { id: c.id, score: Math.round(score * 100) / 100 });
    }
  };
  const full = luceneQuery(text);
  const precise = luceneQuery(text, { variants: false });
  if (precise && precise !== full) add(await db.read(visibleCandidatesQuery(viewer, precise, typeList)));
  if (full && scored.size < limit) add(await db.read(visibleCandidatesQuery(viewer, full, typeList)));
  // Partial phone numbers: four digits or more anywhere in the number.
  if (query.phoneDigits && (!typeList || typeList.includes('Phone'))) add(await db.read(phoneCandidatesQuery(viewer, query.phoneDigits)));
  const top = [...scored.values()].sort(byScoreThenId).slice(0, limit);
  const records = new Map((await entitiesById(db, top.map((t) => t.id))).map((r) => [r.id, r]));
  const out: SearchRow[] = [];
  // Read again in full for the answer; one changed in between so that it is no longer visible is dropped.
  for (const t of top) {
    const r = records.get(t.id);
    const a = r && decide(viewer, r as never);
    if (r && (a === 'full' || a === 'shared')) out.push({ record: r, score: t.score });
  }
  if (opts.stubs !== 'none' && out.length < limit) out.push(...(await findStubs(db, viewer, text, typeList)).slice(0, limit - out.length));
  return out;
}

/** Every stub the text names exactly (at most STUB_WINDOW per query form), for grouping by holder. */
export async function searchStubs(db: Db, viewer: Viewer, text: string, types: string[] | undefined): Promise<RawRecord[]> {
  for (const t of types ?? []) if (!isEntityType(t)) throw invalid('types', `Unknown entity type ${JSON.stringify(t)}`);
  return (await findStubs(db, viewer, text, types?.length ? types : null)).map((r) => r.record);
}

/** Stubs whose deconfliction identifier is exactly the typed text, in order of their opaque ids. */
async function findStubs(db: Db, viewer: Viewer, text: string, types: string[] | null): Promise<SearchRow[]> {
  const q = stubLuceneQuery(text);
  if (!q) return [];
  const rows = await db.read(stubCandidatesQuery(viewer, q, types));
  const dob = dateOfBirthIn(text);
  if (dob && (!types || types.includes('Subject'))) rows.push(...(await db.read(stubsByDobQuery(viewer, dob, types))));
  const found = new Map<string, RawRecord>();
  for (const r of rows) {
    const c = r.n as Candidate;
    if (decide(viewer, c as never) === 'stub' && matchesIdentifier(c.type, c, text)) found.set(c.id, c as RawRecord);
  }
  return [...found.values()]
    .map((record) => ({ record, key: stubId(viewer, record.id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ record }) => ({ record, score: STUB_SCORE }));
}
