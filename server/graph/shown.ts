import type { Db } from '../db/db.js';
import { cypher, run } from '../db/db.js';
import { noteChanges } from './changes.js';
import { notFound } from '../domain/errors.js';
import { gradeStrength, type Grade } from '../domain/grading.js';
import { decide, type AgencyDirectory, type Viewer } from '../domain/policy.js';
import type { EntityRecord } from '../domain/validate.js';
import { entitiesById, linkById, listEntities, neighbours, type ListArgs } from './entities.js';
import { searchEntities, searchStubs } from './search.js';
import { buildSlice, redactEdge, redactNode, type GraphEdge, type GraphNode, type GraphSlice, type RawEdge, type RawRecord, type Seen } from './slice.js';

/**
 * What the API layer reads and writes the graph through. Every read here takes the viewer and
 * returns only what the policy made of the records (GraphNode, GraphSlice, ...): raw records, with
 * their markings and stored aggregates, never leave the graph layer. Writes hand the writer only a
 * record they see in full (their own agency's, within their clearance), and refuse every other id
 * exactly as an id that does not exist. `server/api/` imports nothing from `server/db/` (a test
 * checks), so a resolver cannot run Cypher or read a record past the policy.
 */

export async function shownEntity(db: Db, viewer: Viewer, dir: AgencyDirectory, id: string, seen?: Seen): Promise<GraphNode | undefined> {
  const [raw] = await entitiesById(db, [id]);
  return raw ? redactNode(viewer, dir, raw, seen) : undefined;
}

export async function shownEntityPage(
  db: Db, viewer: Viewer, dir: AgencyDirectory, args: ListArgs, seen?: Seen,
): Promise<{ items: GraphNode[]; totalCount: number; hasNextPage: boolean; endCursor?: string }> {
  const page = await listEntities(db, viewer, args);
  const items = page.rows.map((r) => redactNode(viewer, dir, r, seen)).filter((n): n is GraphNode => !!n);
  return { items, totalCount: page.totalCount, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
}

export async function shownSearch(
  db: Db, viewer: Viewer, dir: AgencyDirectory, text: string, types: string[] | undefined, limit: number, seen?: Seen,
): Promise<{ entity: GraphNode; score: number }[]> {
  const rows = await searchEntities(db, viewer, text, types, limit);
  const out: { entity: GraphNode; score: number }[] = [];
  for (const r of rows) {
    const entity = redactNode(viewer, dir, r.record, seen);
    if (entity) out.push({ entity, score: r.score });
  }
  return out;
}

export interface StubGroup {
  heldBy: string;
  contact: string;
  contactPhone?: string;
  contactEmail?: string;
  count: number;
  stubs: GraphNode[];
}

/**
 * Search with the stubs grouped by holder ("held by West Midlands Police: 7 records") instead of
 * listed among the hits. Which stubs are found depends on their identifiers alone (as in search),
 * groups come in order of the holder's name and stubs within one in order of their references.
 */
export async function shownSearchGrouped(
  db: Db, viewer: Viewer, dir: AgencyDirectory, text: string, types: string[] | undefined, limit: number, seen?: Seen,
): Promise<{ hits: { entity: GraphNode; score: number }[]; heldElsewhere: StubGroup[] }> {
  const rows = await searchEntities(db, viewer, text, types, limit, { stubs: 'none' });
  const hits: { entity: GraphNode; score: number }[] = [];
  for (const r of rows) {
    const entity = redactNode(viewer, dir, r.record, seen);
    if (entity) hits.push({ entity, score: r.score });
  }
  const groups = new Map<string, StubGroup>();
  for (const raw of await searchStubs(db, viewer, text, types)) {
    const stub = redactNode(viewer, dir, raw, seen);
    if (!stub?.restricted) continue;
    const key = stub.heldBy ?? '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { heldBy: key, contact: stub.contact ?? '', contactPhone: stub.contactPhone, contactEmail: stub.contactEmail, count: 0, stubs: [] }));
    g.count++;
    g.stubs.push(stub);
  }
  const heldElsewhere = [...groups.values()].sort((a, b) => (a.heldBy < b.heldBy ? -1 : a.heldBy > b.heldBy ? 1 : 0));
  for (const g of heldElsewhere) g.stubs.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { hits, heldElsewhere };
}

export async function shownNeighbours(db: Db, viewer: Viewer, dir: AgencyDirectory, ids: string[], limit: number, seen?: Seen): Promise<GraphSlice> {
  const r = await neighbours(db, viewer, ids, limit);
  return buildSlice(viewer, dir, r.nodes, r.edges, { truncated: r.omitted > 0, omitted: r.omitted, seen });
}

export interface ShownLinkDetail {
  link: GraphEdge;
  sourceNode: GraphNode;
  targetNode: GraphNode;
  reports: { report: GraphNode; grade: string; strength: number | undefined }[];
  withheldReports: number;
}

/** A link with its provenance as the viewer may know it; undefined when unknown, hidden or a stub. */
export async function shownLinkDetail(db: Db, viewer: Viewer, dir: AgencyDirectory, id: string, seen: Seen): Promise<ShownLinkDetail | undefined> {
  const raw = (await linkById(db, id)) as (RawEdge & { a: RawRecord; b: RawRecord }) | undefined;
  if (!raw) return undefined;
  // Nothing is recorded as seen until the link itself is known to be shown: the audit of an
  // unanswered request must read the same whether or not a hidden link was there.
  const a = redactNode(viewer, dir, raw.a);
  const b = redactNode(viewer, dir, raw.b);
  if (!a || !b) return undefined;
  const edge = redactEdge(viewer, raw, new Map([[raw.a.id, a.id], [raw.b.id, b.id]]));
  if (!edge || edge.restricted) return undefined;
  for (const n of [a, b]) if (!n.restricted) seen.add(n.id);
  seen.add(edge.id);
  const reports = await entitiesById(db, (raw.props.reportIds as string[]) ?? []);
  const supporting: ShownLinkDetail['reports'] = [];
  let withheld = 0;
  for (const r of reports) {
    const access = decide(viewer, r as never);
    if (access === 'hidden') continue; // not even counted: a count would reveal it
    if (access !== 'full' && access !== 'shared') { withheld++; continue; }
    const node = redactNode(viewer, dir, r, seen)!;
    supporting.push({ report: node, grade: `${r.sourceEvaluation}${r.intelAssessment}`, strength: gradeStrength(r as unknown as Grade) });
  }
  supporting.sort((x, y) => (y.strength ?? 0) - (x.strength ?? 0) || (x.report.id < y.report.id ? -1 : 1));
  return { link: edge, sourceNode: a, targetNode: b, reports: supporting, withheldReports: withheld };
}

// ---------------------------------------------------------------------------------------------
// What a writer may hold: their own records, in full

const NOT_STORED_BY_WRITER = new Set(['id', 'type', 'label', 'search', 'phonetic', 'contentHash', 'createdAt', 'updatedAt', 'archived', 'point', 'reportIds', 'reportMarks', 'strength', 'mergedInto', 'disseminatedTo']);
const WRITER_MARKINGS = ['classification', 'agency', 'compartments', 'handling', 'handlingConditions', 'handlingNotes', 'nfd', 'nfdJustification', 'nfdApprover'];

/** The record as its writer edits it (props and markings); never the stored aggregates. */
function editable(raw: RawRecord): EntityRecord {
  const props: Record<string, unknown> = {};
  const markings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (NOT_STORED_BY_WRITER.has(k)) continue;
    if (WRITER_MARKINGS.includes(k)) markings[k] = v;
    else props[k] = v;
  }
  return { id: raw.id, type: raw.type as string, label: raw.label as string, props, markings: markings as unknown as EntityRecord['markings'] };
}

/** An entity the writer sees in full, as they may edit it; any other id is "not found". */
export async function entityForWriter(db: Db, viewer: Viewer, id: string): Promise<{ record: EntityRecord; archived: boolean }> {
  const [raw] = await entitiesById(db, [id]);
  if (!raw || decide(viewer, raw as never) !== 'full') throw notFound('Entity', id);
  return { record: editable(raw), archived: !!raw.archived };
}

export interface WriterLink { id: string; type: string; source: string; target: string; reportIds: string[]; props: Record<string, unknown>; markings: EntityRecord['markings']; archived: boolean }

/** A link the writer sees in full; any other id is "not found". */
export async function linkForWriter(db: Db, viewer: Viewer, id: string): Promise<WriterLink> {
  const raw = await linkById(db, id);
  if (!raw || decide(viewer, raw.props as never) !== 'full') throw notFound('Link', id);
  const e = editable({ ...raw.props, id: raw.id } as RawRecord);
  return {
    id: raw.id, type: raw.type, source: raw.source, target: raw.target, reportIds: (raw.props.reportIds as string[]) ?? [],
    props: e.props, markings: e.markings, archived: !!raw.props.archived,
  };
}

/** Does a link with this id exist that the writer may not change (held by others or beyond their access)? */
export async function linkHeldByOthers(db: Db, viewer: Viewer, id: string): Promise<boolean> {
  const raw = await linkById(db, id);
  return !!raw && decide(viewer, raw.props as never) !== 'full';
}

/** A writer may only connect what they see in full: unknown and restricted ids are answered alike. */
export async function assertWriterSees(db: Db, viewer: Viewer, ids: string[]): Promise<void> {
  const found = new Map((await entitiesById(db, ids)).map((r) => [r.id, r]));
  for (const id of ids) {
    const r = found.get(id);
    if (!r || decide(viewer, r as never) !== 'full') throw notFound('Entity', id, 'id');
  }
}

export async function archiveEntityRecord(db: Db, id: string, now: string): Promise<void> {
  await db.writeTx(async (tx) => {
    await run(tx, cypher('MATCH (n:Entity {id: $id}) SET n.archived = true, n.updatedAt = $now', { id, now }));
    await noteChanges(tx, [id], now);
  });
}

export async function archiveLinkRecord(db: Db, link: Pick<WriterLink, 'id' | 'type' | 'source' | 'target'>, now: string): Promise<void> {
  // The type comes from the stored link (an allow-listed relationship type), the id is a parameter.
  await db.writeTx(async (tx) => {
    await run(tx, cypher(`MATCH ()-[r:${link.type} {id: $id}]->() SET r.archived = true, r.updatedAt = $now`, { id: link.id, now }));
    await noteChanges(tx, [link.source, link.target], now);
  });
}

/** The database handle the API passes to this layer unopened (the API itself runs no Cypher). */
export type { Db };
