import { cypher, type Db, type Row } from '../db/db.js';
import { invalid } from '../domain/errors.js';
import { isEntityType, propDefs } from '../domain/model.js';
import { hiddenFilter, visibleFilter, type AgencyDirectory, type Viewer } from '../domain/policy.js';
import { phoneticCodes, tokens } from '../domain/search.js';
import { linkTypeOfId } from './write.js';
import { buildSlice, type GraphSlice, type RawEdge, type RawRecord, type Seen } from './slice.js';

/** Reads of entities and links. Every function returns raw records; callers pass them through the policy. */
export async function entitiesById(db: Db, ids: string[]): Promise<RawRecord[]> {
  if (!ids.length) return [];
  const rows = await db.read(cypher('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS n', { ids }));
  return rows.map((r) => r.n as RawRecord);
}

export async function linkById(db: Db, id: string): Promise<RawEdge | undefined> {
  const type = linkTypeOfId(id);
  if (!type) return undefined;
  const rows = await db.read(cypher(
    `MATCH (a:Entity)-[r:${type} {id: $id}]->(b:Entity) RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props, properties(a) AS a, properties(b) AS b`,
    { id },
  ));
  const r = rows[0];
  return r ? ({ id: r.id, type: r.type, source: r.source, target: r.target, props: r.props, a: r.a, b: r.b } as RawEdge & { a: RawRecord; b: RawRecord }) : undefined;
}

/** Links among a set of entities (what the chart needs to redraw a set). */
export async function linksAmong(db: Db, ids: string[], limit: number): Promise<RawEdge[]> {
  const rows = await db.read(cypher(
    `UNWIND $ids AS id MATCH (a:Entity {id: id})-[r]->(b:Entity) WHERE b.id IN $ids AND NOT coalesce(r.archived,false)
     RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props LIMIT $limit`,
    { ids, limit },
  ));
  return rows as unknown as RawEdge[];
}

export interface ListArgs {
  type: string;
  where?: { prop: string; op: 'EQ' | 'CONTAINS' | 'GTE' | 'LTE'; value: string }[];
  sortBy?: string;
  descending?: boolean;
  first: number;
  after?: string;
  includeArchived?: boolean;
}

const SORTABLE_SYSTEM = ['label', 'updatedAt', 'createdAt', 'id'];
const OPS = { EQ: '=', CONTAINS: 'CONTAINS', GTE: '>=', LTE: '<=' } as const;

export function encodeCursor(v: unknown, id: string) {
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}
export function decodeCursor(c: string): [unknown, string] {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString());
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string') return v as [unknown, string];
  } catch { /* fall through */ }
  throw invalid('after', 'Invalid cursor');
}

/** Filtered, sorted, cursor-paginated list of the entities a viewer may see (stubs are not listed). */
export async function listEntities(db: Db, viewer: Viewer, a: ListArgs): Promise<{ rows: RawRecord[]; hasNextPage: boolean; endCursor?: string; totalCount: number }> {
  if (!isEntityType(a.type)) throw invalid('type', `Unknown entity type ${JSON.stringify(a.type)}`);
  const defs = propDefs('entity', a.type);
  const sortBy = a.sortBy ?? 'label';
  if (!SORTABLE_SYSTEM.includes(sortBy) && !defs[sortBy]) throw invalid('sortBy', `Cannot sort ${a.type} by ${sortBy}`);
  const vis = visibleFilter(viewer, 'n');
  const conds = [vis.text];
  const params: Record<string, unknown> = { ...vis.params };
  if (!a.includeArchived) conds.push('NOT coalesce(n.archived,false)');
  (a.where ?? []).forEach((w, i) => {
    if (!defs[w.prop] && w.prop !== 'label') throw invalid(`where[${i}].prop`, `${a.type} has no property ${w.prop}`);
    if (!OPS[w.op]) throw invalid(`where[${i}].op`, 'Unknown operator');
    // Property names come from the model allow-list, values are parameters.
    conds.push(`n.\`${w.prop}\` ${OPS[w.op]} $w${i}`);
    const kind = defs[w.prop]?.kind;
    params[`w${i}`] = kind === 'int' || kind === 'float' ? Number(w.value) : w.value;
  });
  const countRows = await db.read(cypher(`MATCH (n:${a.type}) WHERE ${conds.join(' AND ')} RETURN count(n) AS c`, params));
  const dir = a.descending ? 'DESC' : 'ASC';
  const cmp = a.descending ? '<' : '>';
  if (a.after) {
    const [v, id] = decodeCursor(a.after);
    params.cv = v;
    params.cid = id;
    conds.push(`(coalesce(n.\`${sortBy}\`, '') ${cmp} $cv OR (coalesce(n.\`${sortBy}\`, '') = $cv AND n.id ${cmp} $cid))`);
  }
  params.limit = a.first + 1;
  const rows = await db.read(cypher(
    `MATCH (n:${a.type}) WHERE ${conds.join(' AND ')} RETURN properties(n) AS n ORDER BY coalesce(n.\`${sortBy}\`, '') ${dir}, n.id ${dir} LIMIT $limit`,
    params,
  ));
  const list = rows.map((r) => r.n as RawRecord).slice(0, a.first);
  const last = list[list.length - 1];
  return {
    rows: list,
    hasNextPage: rows.length > a.first,
    endCursor: last ? encodeCursor(last[sortBy] ?? '', last.id) : undefined,
    totalCount: countRows[0]!.c as number,
  };
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** A UK postcode typed without its space ("sw1a1aa"): outward and inward codes. */
const POSTCODE = /^([a-z]{1,2}\d[a-z\d]?)(\d[a-z]{2})$/;

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
  // National significant number: without the UK country code (+44 / 0044) or the trunk 0.
  const international = /^\s*(\+|00)\s*44/.test(text);
  const digits = text.replace(/\D+/g, '').replace(international ? /^(00)?44/ : /^$/, '').replace(/^0+/, '').slice(0, 20);
  const inside = digits.length >= 5 ? ` OR search:*${digits}*^4` : '';
  return `(${parts.join(' AND ')})${phon}${inside}`;
}

export interface SearchRow { record: RawRecord; score: number }

/**
 * Ranked search across types. Hidden records are excluded in the query, so they never take a slot.
 *
 * The precise query (exact words and prefixes) runs first. Only when it does not fill the page
 * does the full query with spelling variants run: a record matching a word exactly also matches
 * its fuzzy and phonetic forms and outscores every record that matches those alone, so with a
 * full page of precise matches the variants could not enter it. A common surname matches
 * thousands of records, and scoring them all against the fuzzy and phonetic terms as well took
 * about twice the time in the database.
 */
export async function searchEntities(db: Db, viewer: Viewer, text: string, types: string[] | undefined, limit: number): Promise<SearchRow[]> {
  for (const t of types ?? []) if (!isEntityType(t)) throw invalid('types', `Unknown entity type ${JSON.stringify(t)}`);
  const full = luceneQuery(text);
  const precise = luceneQuery(text, { variants: false });
  const out = new Map<string, SearchRow>();
  const hid = hiddenFilter(viewer, 'n');
  const ranked = (q: string) => db.read(cypher(
    `CALL db.index.fulltext.queryNodes('entity_search', $q, {limit: $fetch}) YIELD node AS n, score
     WHERE NOT coalesce(n.archived,false) AND ($types IS NULL OR n.type IN $types) AND NOT ${hid.text}
     RETURN properties(n) AS n, score LIMIT $limit`,
    { ...hid.params, q, fetch: limit * 4, limit, types: types?.length ? types : null },
  ));
  if (full) {
    let rows: Row[] = precise && precise !== full ? await ranked(precise) : [];
    if (rows.length < limit) rows = await ranked(full);
    for (const r of rows) out.set((r.n as RawRecord).id, { record: r.n as RawRecord, score: r.score as number });
  }
  // Partial phone numbers: digits anywhere in the number.
  const digits = text.replace(/\D+/g, '');
  if (digits.length >= 4 && (!types?.length || types.includes('Phone'))) {
    const rows = await db.read(cypher(
      `MATCH (n:Phone) WHERE n.number CONTAINS $d AND NOT coalesce(n.archived,false) AND NOT ${hid.text} RETURN properties(n) AS n LIMIT $limit`,
      { ...hid.params, d: digits.length >= 4 ? digits.replace(/^0/, '') : digits, limit },
    ));
    for (const r of rows) if (!out.has((r.n as RawRecord).id)) out.set((r.n as RawRecord).id, { record: r.n as RawRecord, score: 1 });
  }
  return [...out.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}

/** One-hop neighbourhood with a fan-out cap, counting what the cap left out (never counting hidden records). */
export async function neighbours(db: Db, viewer: Viewer, ids: string[], limit: number): Promise<{ nodes: RawRecord[]; edges: RawEdge[]; omitted: number }> {
  const hid = hiddenFilter(viewer, 'm');
  // Only records the viewer sees in full (or as a shared copy) are expanded: a stub's or hidden
  // record's neighbourhood is its owner's to share, and an unknown id must answer the same.
  const vis = visibleFilter(viewer, 'n');
  const rows = await db.read(cypher(
    `UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE ${vis.text}
     CALL (n) {
       MATCH (n)-[r]-(m:Entity) WHERE NOT coalesce(r.archived,false) AND NOT coalesce(m.archived,false) AND NOT ${hid.text}
       RETURN r, m LIMIT $limit
     }
     RETURN properties(n) AS n, collect({id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r), m: properties(m)}) AS rels`,
    { ...hid.params, ids, limit },
  ));
  const nodes: RawRecord[] = [];
  const edges: RawEdge[] = [];
  for (const row of rows) {
    nodes.push(row.n as RawRecord);
    for (const rel of row.rels as (RawEdge & { m: RawRecord })[]) {
      nodes.push(rel.m);
      edges.push({ id: rel.id, type: rel.type, source: rel.source, target: rel.target, props: rel.props });
    }
  }
  const counts = await db.read(cypher(
    `UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE ${vis.text} RETURN sum(COUNT { (n)-[r]-(m:Entity) WHERE NOT coalesce(r.archived,false) AND NOT coalesce(m.archived,false) AND NOT ${hid.text} }) AS c`,
    { ...hid.params, ids },
  ));
  const omitted = Math.max(0, (counts[0]!.c as number) - edges.length);
  return { nodes, edges, omitted };
}

/** These entities and the links among them, as the viewer may see them (the `graph` query, opened charts). */
export async function sliceOfIds(
  db: Db, viewer: Viewer, dir: AgencyDirectory, ids: string[], opts: { maxEdges: number; seen?: Seen },
): Promise<GraphSlice> {
  const nodes = await entitiesById(db, ids);
  const edges = await linksAmong(db, nodes.map((n) => n.id), opts.maxEdges);
  return buildSlice(viewer, dir, nodes, edges, { seen: opts.seen });
}
