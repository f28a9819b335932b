import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { cypher, type Db } from '../db/db.js';
import { invalid } from '../domain/errors.js';
import { isEntityType, propDefs } from '../domain/model.js';
import { decide, hiddenFilter, visibleFilter, type AgencyDirectory, type Viewer } from '../domain/policy.js';
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

/**
 * Links among a set of entities (what the chart needs to redraw a set), as far as the viewer may
 * know of them: links hidden in their own right never take a place under the cap, and the cap keeps
 * the first links in id order, so which visible links are returned does not depend on hidden ones.
 */
export async function linksAmong(db: Db, viewer: Viewer, ids: string[], limit: number): Promise<RawEdge[]> {
  const hr = hiddenFilter(viewer, 'r');
  const rows = await db.read(cypher(
    `UNWIND $ids AS id MATCH (a:Entity {id: id})-[r]->(b:Entity) WHERE b.id IN $ids AND NOT coalesce(r.archived,false) AND NOT ${hr.text}
     RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props ORDER BY r.id LIMIT $limit`,
    { ...hr.params, ids, limit },
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

// ---------------------------------------------------------------------------------------------
// Cursors
// ---------------------------------------------------------------------------------------------

let cursorKey = randomBytes(32);

/**
 * The key cursors are sealed with: CURSOR_KEY, else derived from the audit key (server/app.ts
 * prepareAudit), so every API process of a deployment accepts the others' cursors and they survive
 * a restart. Until a key is set (a process that never loads one) it is random.
 */
export function setCursorKey(secret: string | Buffer): void {
  cursorKey = createHash('sha256').update('cursor-key\0').update(secret).digest();
}

const CURSOR_ERROR = () => invalid('after', 'Invalid cursor');

/**
 * Cursors are opaque: the keyset values (which may be fields of records) are sealed with AES-GCM
 * under the server key, bound to a context (the viewer and the question asked), so a client can
 * neither read nor forge nor reuse one elsewhere. Malformed, tampered and foreign cursors are all
 * refused with one error.
 */
export function encodeCursor(v: unknown, id: string, context = ''): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', cursorKey, iv);
  c.setAAD(Buffer.from(context));
  const body = Buffer.concat([c.update(JSON.stringify([v, id]), 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
}
export function decodeCursor(cursor: string, context = ''): [unknown, string] {
  try {
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length < 29 || raw.toString('base64url') !== cursor) throw CURSOR_ERROR();
    const d = createDecipheriv('aes-256-gcm', cursorKey, raw.subarray(0, 12));
    d.setAAD(Buffer.from(context));
    d.setAuthTag(raw.subarray(12, 28));
    const v = JSON.parse(Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string') return v as [unknown, string];
  } catch { /* fall through: one answer for every bad cursor */ }
  throw CURSOR_ERROR();
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

/**
 * What the viewer is shown of a property, as a Cypher expression over a record they see (full or
 * shared): a sensitive property of a disseminated copy is absent (null), and so are `createdAt`
 * and `updatedAt`, which change when the fields behind the sanitised copy are edited. Among
 * visible records, those of the viewer's agency are exactly those seen in full.
 *
 * The property's name and whether it is shown to its own agency only are parameters (`$<name>`,
 * `$<name>Own`), not part of the statement: a list sorted or filtered on any column is one
 * statement for Neo4j, planned once, instead of one statement (and one plan) per column.
 */
export function shownValue(type: string, prop: string, name: string, params: Record<string, unknown>, alias = 'n'): string {
  const defs = propDefs('entity', type);
  if (!defs[prop] && !SORTABLE_SYSTEM.includes(prop)) throw new Error(`unknown property ${prop}`);
  params[name] = prop;
  params[`${name}Own`] = !!defs[prop]?.sensitive || prop === 'createdAt' || prop === 'updatedAt';
  return `CASE WHEN $${name}Own AND coalesce(${alias}.agency <> $pv_agency, true) THEN null ELSE ${alias}[$${name}] END`;
}

/**
 * Filtered, sorted, cursor-paginated list of the entities a viewer may see (stubs are not listed).
 * Sorting, filtering, counting and the keyset read each record only as the viewer is shown it
 * (`shownValue`): a disseminated copy sorts and filters as if its sensitive fields were absent.
 * Records without the sort value come last (first when descending), then by id.
 */
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
    // Property names come from the model allow-list; they and the values are parameters.
    conds.push(`${shownValue(a.type, w.prop, `wk${i}`, params)} ${OPS[w.op]} $w${i}`);
    const kind = defs[w.prop]?.kind;
    params[`w${i}`] = kind === 'int' || kind === 'float' ? Number(w.value) : kind === 'bool' ? w.value === 'true' : w.value;
  });
  const countRows = await db.read(cypher(`MATCH (n:${a.type}) WHERE ${conds.join(' AND ')} RETURN count(n) AS c`, params));
  const s = shownValue(a.type, sortBy, 'sortKey', params);
  const dir = a.descending ? 'DESC' : 'ASC';
  const cmp = a.descending ? '<' : '>';
  // The cursor is bound to this viewer and this question: reused for another it is refused.
  const context = JSON.stringify([viewer.userId, a.type, sortBy, !!a.descending, a.where ?? [], !!a.includeArchived]);
  if (a.after) {
    const [v, id] = decodeCursor(a.after, context);
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'boolean') throw CURSOR_ERROR();
    Object.assign(params, { cn: v[0], cv: v[1], cid: id });
    conds.push(`((${s}) IS NULL ${cmp} $cn OR ((${s}) IS NULL = $cn AND (CASE WHEN $cn THEN n.id ${cmp} $cid ELSE (${s}) ${cmp} $cv OR ((${s}) = $cv AND n.id ${cmp} $cid) END)))`);
  }
  params.limit = a.first + 1;
  const rows = await db.read(cypher(
    `MATCH (n:${a.type}) WHERE ${conds.join(' AND ')} WITH n, ${s} AS sortValue
     RETURN properties(n) AS n, sortValue ORDER BY sortValue IS NULL ${dir}, sortValue ${dir}, n.id ${dir} LIMIT $limit`,
    params,
  ));
  const page = rows.slice(0, a.first);
  const last = page[page.length - 1];
  const lastValue = last?.sortValue ?? null;
  return {
    rows: page.map((r) => r.n as RawRecord),
    hasNextPage: rows.length > a.first,
    endCursor: last ? encodeCursor([lastValue === null, lastValue], (last.n as RawRecord).id, context) : undefined,
    totalCount: countRows[0]!.c as number,
  };
}

export { luceneQuery, searchEntities, type SearchRow } from './search.js';

/** One-hop neighbourhood with a fan-out cap, counting what the cap left out (never counting hidden records). */
export async function neighbours(db: Db, viewer: Viewer, ids: string[], limit: number): Promise<{ nodes: RawRecord[]; edges: RawEdge[]; omitted: number }> {
  const hid = hiddenFilter(viewer, 'm');
  // A link hidden in its own right (a CHIS-derived association between two visible people) neither
  // takes a slot under the cap nor counts as omitted: either would tell the viewer it exists.
  const hidLink = hiddenFilter(viewer, 'r');
  // Only records the viewer sees in full (or as a shared copy) are expanded: a stub's or hidden
  // record's neighbourhood is its owner's to share, and an unknown id must answer the same.
  const vis = visibleFilter(viewer, 'n');
  const rows = await db.read(cypher(
    `UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE ${vis.text}
     CALL (n) {
       MATCH (n)-[r]-(m:Entity) WHERE NOT coalesce(r.archived,false) AND NOT coalesce(m.archived,false) AND NOT ${hid.text} AND NOT ${hidLink.text}
       RETURN r, m ORDER BY m.id, r.id LIMIT $limit
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
    `UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE ${vis.text} RETURN sum(COUNT { (n)-[r]-(m:Entity) WHERE NOT coalesce(r.archived,false) AND NOT coalesce(m.archived,false) AND NOT ${hid.text} AND NOT ${hidLink.text} }) AS c`,
    { ...hid.params, ids },
  ));
  const omitted = Math.max(0, (counts[0]!.c as number) - edges.length);
  return { nodes, edges, omitted };
}

/** More links among one set than this are cut in the database, in id order, before the policy's cap. */
const LINKS_READ_CEILING = 50_000;

/**
 * These entities and the links among them, as the viewer may see them (the `graph` query). The cap
 * keeps the first links in the order of the ids the viewer is shown (a stub link's opaque id, not
 * its real one, which names its type), so which links come back depends only on what the viewer may know.
 */
export async function sliceOfIds(
  db: Db, viewer: Viewer, dir: AgencyDirectory, ids: string[], opts: { maxEdges: number; seen?: Seen },
): Promise<GraphSlice> {
  const nodes = (await entitiesById(db, ids)).filter((n) => decide(viewer, n as never) !== 'hidden');
  const edges = await linksAmong(db, viewer, nodes.map((n) => n.id), LINKS_READ_CEILING);
  const slice = buildSlice(viewer, dir, nodes, edges);
  slice.edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (slice.edges.length > opts.maxEdges) {
    slice.omitted = slice.edges.length - opts.maxEdges;
    slice.truncated = true;
    slice.edges = slice.edges.slice(0, opts.maxEdges);
  }
  for (const n of slice.nodes) if (!n.restricted) opts.seen?.add(n.id);
  for (const e of slice.edges) if (!e.restricted) opts.seen?.add(e.id);
  return slice;
}
