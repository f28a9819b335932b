import { createHash } from 'node:crypto';
import { cypher, run, type Db, type Tx } from '../db/db.js';
import { DomainError } from '../domain/errors.js';
import { decide, visibleFilter, type AgencyDirectory, type Viewer } from '../domain/policy.js';
import type { EntityRecord, LinkRecord } from '../domain/validate.js';
import type { CallRow, CellRow, ColumnMapping, CommsKind, CommsRow, SightingRow } from '../ingest/comms.js';
import { entitiesById } from './entities.js';
import { buildSlice, type GraphSlice, type RawEdge, type RawRecord, type Seen } from './slice.js';
import { writeEntities, writeLinks, type WriteCounts } from './write.js';

/**
 * Communications data in the graph.
 *
 * Each call and each ANPR read is kept as a record of its own, (:CommsRecord:CallRecord) or
 * (:CommsRecord:Sighting), outside the entity graph (not :Entity, so search, expansion and
 * free-form Cypher never meet them) and carrying the markings of the file it came from. Phones,
 * vehicles, cameras and cell sites are entities; between them the records are aggregated into
 * weighted links (CALLS, SEEN_AT, USED_CELL) with their count, total duration and first and last
 * time seen.
 *
 * An aggregate is a derived value, so it must not mix what different viewers may know: there is one
 * aggregate link per set of markings (its `partition`), counting only the records held under those
 * markings, and carrying those markings. A viewer sees the links whose markings the policy lets them
 * see, and metrics sum the parallel links they see; a record hidden from them changes nothing they
 * are shown. The analyses below read the records themselves, through the same policy.
 *
 * Writing is idempotent: a record's id is a hash of its markings and content, so an import run
 * twice stores each record once, and aggregates are recomputed from the stored records of every
 * group a file touches (never incremented), so a re-run after a kill repairs them.
 */

export type Markings = EntityRecord['markings'];

const sha = (s: string, n = 20) => createHash('sha1').update(s).digest('base64url').slice(0, n);

/** The markings that decide who may see a record, as one key (the partition of its aggregate links). */
export function markingKey(m: Markings): string {
  return sha(JSON.stringify({
    c: m.classification, a: m.agency, k: [...(m.compartments ?? [])].sort(), h: m.handling,
    hc: [...(m.handlingConditions ?? [])].sort(), n: !!m.nfd, d: [...((m as { disseminatedTo?: string[] }).disseminatedTo ?? [])].sort(),
  }), 12);
}

const ENTITY_OF = {
  phone: { type: 'Phone', prop: 'number', prefix: 'PHONE' },
  vehicle: { type: 'Vehicle', prop: 'vrm', prefix: 'VEH' },
  camera: { type: 'Camera', prop: 'cameraId', prefix: 'CAM' },
  cell: { type: 'CellSite', prop: 'cellId', prefix: 'CELL' },
} as const;
type EntityKind = keyof typeof ENTITY_OF;

const slug = (s: string) => s.replace(/^\+/, 'x').replace(/[^A-Za-z0-9_.:-]+/g, '_');
/** The id a new phone, vehicle, camera or cell site gets: its agency and its number, VRM or code. */
export const commsEntityId = (kind: EntityKind, agency: string, key: string) => `${ENTITY_OF[kind].prefix}-${agency}-${slug(key)}`.slice(0, 100);

const keyOf = (kind: EntityKind, value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  if (kind === 'phone') {
    let s = value.replace(/[\s().\-/]/g, '');
    if (s.startsWith('00')) s = `+${s.slice(2)}`;
    if (s.startsWith('+44')) s = `0${s.slice(3)}`;
    return s;
  }
  if (kind === 'vehicle') return value.replace(/\s+/g, '').toUpperCase();
  return value.trim().replace(/\s+/g, ' ');
};

// ---------------------------------------------------------------------------------------------
// Saved mappings

export interface StoredMapping extends ColumnMapping { updatedBy: string; updatedAt: string }

const mappingOf = (r: Record<string, unknown>): StoredMapping => ({
  name: r.name as string, kind: r.kind as CommsKind, delimiter: (r.delimiter as string | null) ?? null,
  dateFormat: r.dateFormat as ColumnMapping['dateFormat'], timeZone: r.timeZone as ColumnMapping['timeZone'],
  columns: JSON.parse(r.columns as string), updatedBy: r.updatedBy as string, updatedAt: r.updatedAt as string,
});

/** Mappings are kept per agency: colleagues share them, other agencies never see them. */
export async function saveMapping(db: Db, agency: string, username: string, m: ColumnMapping): Promise<StoredMapping> {
  const at = new Date().toISOString();
  const [row] = await db.write(cypher(
    'MERGE (m:ImportMapping {key: $key}) SET m.agency = $agency, m.name = $name, m.kind = $kind, m.delimiter = $delimiter, ' +
    'm.dateFormat = $dateFormat, m.timeZone = $timeZone, m.columns = $columns, m.updatedBy = $by, m.updatedAt = $at RETURN properties(m) AS m',
    { key: `${agency}\u0000${m.name}`, agency, name: m.name, kind: m.kind, delimiter: m.delimiter, dateFormat: m.dateFormat, timeZone: m.timeZone, columns: JSON.stringify(m.columns), by: username, at },
  ));
  return mappingOf(row!.m as Record<string, unknown>);
}

export async function listMappings(db: Db, agency: string, kind?: string): Promise<StoredMapping[]> {
  const rows = await db.read(cypher(
    'MATCH (m:ImportMapping {agency: $agency}) WHERE $kind IS NULL OR m.kind = $kind RETURN properties(m) AS m ORDER BY m.name',
    { agency, kind: kind ?? null },
  ));
  return rows.map((r) => mappingOf(r.m as Record<string, unknown>));
}

export async function getMapping(db: Db, agency: string, name: string): Promise<StoredMapping | undefined> {
  const [row] = await db.read(cypher('MATCH (m:ImportMapping {key: $key}) RETURN properties(m) AS m', { key: `${agency}\u0000${name}` }));
  return row ? mappingOf(row.m as Record<string, unknown>) : undefined;
}

export async function deleteMapping(db: Db, agency: string, name: string): Promise<boolean> {
  const [row] = await db.write(cypher('MATCH (m:ImportMapping {key: $key}) DETACH DELETE m RETURN count(*) AS n', { key: `${agency}\u0000${name}` }));
  return ((row?.n as number) ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface CommsWriteOptions {
  markings: Markings;
  /** An upload by a signed-in user: only entities this user sees in full are matched or changed. */
  writer?: Viewer;
  /** Everything in one transaction (uploads). Otherwise records in batches, then the aggregates. */
  oneTransaction?: boolean;
  batchSize?: number;
  now?: string;
  onProgress?: (done: number, total: number, phase: 'entities' | 'records' | 'links') => void;
}

export interface CommsWriteCounts {
  recordsCreated: number;
  recordsUnchanged: number;
  /** Rows repeating another row of the file (the same record). */
  duplicates: number;
  entities: WriteCounts;
  links: WriteCounts;
}

interface RecordRow { id: string; label: 'CallRecord' | 'Sighting'; props: Record<string, unknown> }

type Work = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/** Existing phones, vehicles, cameras or cell sites by their number / VRM / code, as the writer may use them. */
async function matchEntities(tx: Tx, kind: EntityKind, agency: string, keys: Set<string>, writer?: Viewer): Promise<Map<string, RawRecord>> {
  const found = new Map<string, RawRecord>();
  if (!keys.size) return found;
  const { type, prop } = ENTITY_OF[kind];
  // The agency's own records of the type: a few per subject, read once per import.
  const rows = await run(tx, {
    text: `MATCH (n:${type}) WHERE n.agency = $agency AND NOT coalesce(n.archived, false) AND n.mergedInto IS NULL RETURN properties(n) AS n ORDER BY n.id`,
    params: { agency },
  });
  for (const { n } of rows) {
    const rec = n as RawRecord;
    if (writer && decide(writer, rec as never) !== 'full') continue;
    const key = keyOf(kind, rec[prop]);
    if (key && keys.has(key) && !found.has(key)) found.set(key, rec);
  }
  return found;
}

export interface CallItem { callerId: string; calleeId: string; caller?: string; callee?: string; start: number; duration: number; cellId?: string | null; calleeCellId?: string | null }
export interface SightingItem { vehicleId: string; cameraId: string; vrm?: string; time: number; direction?: string | null }

function recordRows(kind: 'CALLS' | 'ANPR', items: (CallItem | SightingItem)[], m: Markings, mkey: string, now: string): RecordRow[] {
  const marks = { classification: m.classification, agency: m.agency, compartments: m.compartments, handling: m.handling, handlingConditions: m.handlingConditions ?? [], nfd: !!m.nfd };
  if (kind === 'CALLS') {
    return (items as CallItem[]).map((r) => ({
      id: `CALL-${sha(`${mkey}|${r.callerId}|${r.calleeId}|${r.start}|${r.duration}|${r.cellId ?? ''}|${r.calleeCellId ?? ''}`)}`,
      label: 'CallRecord' as const,
      props: {
        callerId: r.callerId, calleeId: r.calleeId, caller: r.caller ?? null, callee: r.callee ?? null, start: r.start, duration: r.duration,
        cellId: r.cellId ?? null, calleeCellId: r.calleeCellId ?? null, mkey, ...marks, importedAt: now,
      },
    }));
  }
  return (items as SightingItem[]).map((r) => ({
    id: `ANPR-${sha(`${mkey}|${r.vehicleId}|${r.cameraId}|${r.time}|${r.direction ?? ''}`)}`,
    label: 'Sighting' as const,
    props: { vehicleId: r.vehicleId, cameraId: r.cameraId, vrm: r.vrm ?? null, time: r.time, direction: r.direction ?? null, mkey, ...marks, importedAt: now },
  }));
}

const emptyCounts = (): CommsWriteCounts => ({ recordsCreated: 0, recordsUnchanged: 0, duplicates: 0, entities: { created: 0, updated: 0, unchanged: 0 }, links: { created: 0, updated: 0, unchanged: 0 } });
const addCounts = (into: WriteCounts, c: WriteCounts) => { into.created += c.created; into.updated += c.updated; into.unchanged += c.unchanged; };

/**
 * Stores calls or reads whose ends are entity ids already held (the seed, generated worlds), all
 * under one set of markings, and recomputes the aggregate links they touch.
 */
export async function writeCommsRecords(
  db: Db, kind: 'CALLS' | 'ANPR', items: (CallItem | SightingItem)[], markings: Markings, opts: { batchSize?: number; now?: string } = {},
): Promise<CommsWriteCounts> {
  const counts = emptyCounts();
  const now = opts.now ?? new Date().toISOString();
  const mkey = markingKey(markings);
  await storeRecords((f) => db.writeTx(f), kind, recordRows(kind, items, markings, mkey, now), markings, mkey, now, opts.batchSize ?? 5000, counts);
  return counts;
}

async function storeRecords(
  work: Work, kind: 'CALLS' | 'ANPR', all: RecordRow[], m: Markings, mkey: string, now: string, batch: number, counts: CommsWriteCounts,
  onProgress?: CommsWriteOptions['onProgress'],
): Promise<void> {
  const unique = new Map(all.map((r) => [r.id, r]));
  counts.duplicates += all.length - unique.size;
  const list = [...unique.values()];
  const label = kind === 'CALLS' ? 'CallRecord' : 'Sighting';
  for (let i = 0; i < list.length; i += batch) {
    const part = list.slice(i, i + batch);
    await work(async (tx) => {
      const held = new Set((await run(tx, { text: 'UNWIND $ids AS id MATCH (r:CommsRecord {id: id}) RETURN r.id AS id', params: { ids: part.map((r) => r.id) } })).map((r) => r.id as string));
      const fresh = part.filter((r) => !held.has(r.id));
      counts.recordsUnchanged += part.length - fresh.length;
      counts.recordsCreated += fresh.length;
      if (fresh.length) await run(tx, { text: `UNWIND $rows AS row CREATE (r:CommsRecord:${label} {id: row.id}) SET r += row.props`, params: { rows: fresh } });
    });
    onProgress?.(Math.min(i + batch, list.length), list.length, 'records');
  }
  // Aggregates of the touched groups, from all their stored records.
  const groups = new Map<string, { type: string; s: string; t: string }>();
  const touch = (type: string, s: string | null, t: string | null) => { if (s && t) groups.set(`${type}|${s}|${t}`, { type, s, t }); };
  for (const r of list) {
    if (kind === 'CALLS') {
      touch('CALLS', r.props.callerId as string, r.props.calleeId as string);
      touch('USED_CELL', r.props.callerId as string, r.props.cellId as string | null);
      touch('USED_CELL', r.props.calleeId as string, r.props.calleeCellId as string | null);
    } else touch('SEEN_AT', r.props.vehicleId as string, r.props.cameraId as string);
  }
  // By type and source, so that a source's pairs fall in one batch and its records are read once.
  const gl = [...groups.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  for (let i = 0; i < gl.length; i += batch) {
    const part = gl.slice(i, i + batch);
    addCounts(counts.links, await work(async (tx) => {
      const agg = await aggregates(tx, part, mkey);
      const links: LinkRecord[] = agg.map((a) => ({
        source: a.s, target: a.t, type: a.type, reportIds: [], markings: m, partition: mkey,
        props: {
          count: a.count, ...(a.type === 'CALLS' ? { totalDuration: a.duration } : {}),
          firstSeen: new Date(a.first).toISOString(), lastSeen: new Date(a.last).toISOString(),
        },
      }));
      return writeLinks(tx, links, now, new Map());
    }));
    onProgress?.(Math.min(i + batch, gl.length), gl.length, 'links');
  }
}

/**
 * Stores checked rows: entities first (matched or created), then the records, then the aggregate
 * links of every group the rows touch, recomputed from all the records of that group.
 */
export async function writeComms(db: Db, kind: CommsKind, rows: CommsRow[], opts: CommsWriteOptions): Promise<CommsWriteCounts> {
  const now = opts.now ?? new Date().toISOString();
  const m = opts.markings;
  const mkey = markingKey(m);
  const batch = opts.batchSize ?? 5000;
  const counts = emptyCounts();

  const inOne = opts.oneTransaction ? (fn: (w: Work) => Promise<void>) => db.writeTx((tx) => fn((f) => f(tx))) : (fn: (w: Work) => Promise<void>) => fn((f) => db.writeTx(f));

  await inOne(async (work) => {
    // 1. Entities.
    const wanted: Record<EntityKind, Map<string, { lat?: number; lon?: number; extra?: Record<string, unknown> }>> = { phone: new Map(), vehicle: new Map(), camera: new Map(), cell: new Map() };
    if (kind === 'CALLS') {
      for (const r of rows as CallRow[]) {
        wanted.phone.set(r.caller, {}); wanted.phone.set(r.callee, {});
        if (r.cell) wanted.cell.set(r.cell, {});
        if (r.calleeCell) wanted.cell.set(r.calleeCell, {});
      }
    } else if (kind === 'ANPR') {
      for (const r of rows as SightingRow[]) {
        wanted.vehicle.set(r.vrm, {});
        const cam = wanted.camera.get(r.camera);
        if (!cam || (cam.lat === undefined && r.lat !== undefined)) wanted.camera.set(r.camera, { lat: r.lat, lon: r.lon });
      }
    } else {
      for (const r of rows as CellRow[]) {
        wanted.cell.set(r.cellId, { lat: r.lat, lon: r.lon, extra: { name: r.name, azimuth: r.azimuth, operator: r.operator } });
      }
    }
    const idOf: Record<EntityKind, Map<string, string>> = { phone: new Map(), vehicle: new Map(), camera: new Map(), cell: new Map() };
    const records: EntityRecord[] = [];
    for (const k of Object.keys(wanted) as EntityKind[]) {
      const keys = wanted[k];
      if (!keys.size) continue;
      const { type, prop } = ENTITY_OF[k];
      const matched = await work((tx) => matchEntities(tx, k, m.agency, new Set(keys.keys()), opts.writer));
      const fresh: string[] = [];
      for (const [key, info] of keys) {
        const hit = matched.get(key);
        if (hit) {
          idOf[k].set(key, hit.id);
          // A cell-site list updates the place of the sites it names, keeping their other props and markings.
          if (kind === 'CELL_SITES' || (k === 'camera' && info.lat !== undefined && hit.lat === undefined)) {
            const props: Record<string, unknown> = {};
            for (const [pk, pv] of Object.entries(hit)) if (['cellId', 'name', 'lat', 'lon', 'azimuth', 'operator', 'cameraId', 'road', 'direction'].includes(pk) && pv !== null) props[pk] = pv;
            Object.assign(props, { lat: info.lat, lon: info.lon }, Object.fromEntries(Object.entries(info.extra ?? {}).filter(([, v]) => v !== undefined)));
            records.push({ id: hit.id, type, label: hit.label as string, props, markings: markingsOf(hit) });
          }
          continue;
        }
        const id = commsEntityId(k, m.agency, key);
        idOf[k].set(key, id);
        fresh.push(id);
        const props: Record<string, unknown> = { [prop]: key };
        if (info.lat !== undefined) Object.assign(props, { lat: info.lat, lon: info.lon });
        for (const [pk, pv] of Object.entries(info.extra ?? {})) if (pv !== undefined) props[pk] = pv;
        records.push({ id, type, label: key, props, markings: m });
      }
      // A new id may already be held (another import under other markings): used when the writer
      // sees it in full, otherwise the file cannot be imported by this writer.
      if (fresh.length) {
        const held = await work((tx) => run(tx, { text: 'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS n', params: { ids: fresh } }));
        for (const { n } of held) {
          const rec = n as RawRecord;
          if ((opts.writer && decide(opts.writer, rec as never) !== 'full') || rec.type !== type) {
            throw new DomainError('CONFLICT', `The ${type.toLowerCase()} record ${rec.id} is held under other markings: ask its holder, or import with the same markings`, 'markings');
          }
          const i = records.findIndex((r) => r.id === rec.id);
          if (i >= 0 && kind !== 'CELL_SITES') records.splice(i, 1); // in use as it is
        }
      }
    }
    for (let i = 0; i < records.length; i += batch) {
      const part = records.slice(i, i + batch);
      addCounts(counts.entities, await work((tx) => writeEntities(tx, part, now)));
      opts.onProgress?.(Math.min(i + batch, records.length), records.length, 'entities');
    }
    if (kind === 'CELL_SITES') return;

    // 2. Records, and the aggregates they touch.
    const id = (k: EntityKind, key: string) => idOf[k].get(key)!;
    const items: (CallItem | SightingItem)[] = kind === 'CALLS'
      ? (rows as CallRow[]).map((r) => ({
        callerId: id('phone', r.caller), calleeId: id('phone', r.callee), caller: r.caller, callee: r.callee, start: r.start, duration: r.duration,
        cellId: r.cell ? id('cell', r.cell) : null, calleeCellId: r.calleeCell ? id('cell', r.calleeCell) : null,
      }))
      : (rows as SightingRow[]).map((r) => ({ vehicleId: id('vehicle', r.vrm), cameraId: id('camera', r.camera), vrm: r.vrm, time: r.time, direction: r.direction ?? null }));
    await storeRecords(work, kind, recordRows(kind, items, m, mkey, now), m, mkey, now, batch, counts, opts.onProgress);
  });
  return counts;
}

const markingsOf = (r: RawRecord): Markings => ({
  classification: (r.classification as string) ?? 'OFFICIAL', agency: r.agency as string, compartments: (r.compartments as string[]) ?? [],
  handling: (r.handling as string) ?? 'P', handlingConditions: (r.handlingConditions as string[]) ?? [],
  ...(r.handlingNotes ? { handlingNotes: r.handlingNotes as string } : {}),
  ...(r.nfd ? { nfd: true, nfdJustification: r.nfdJustification as string, nfdApprover: r.nfdApprover as string } : {}),
});

interface Aggregate { type: string; s: string; t: string; count: number; duration: number; first: number; last: number }

/**
 * The aggregates of the given groups, from all their stored records under these markings. Records
 * are read once per source entity (a phone's calls, a vehicle's reads) and grouped by the other end,
 * not looked up once per pair: a phone's calls are read once however many numbers it called.
 */
async function aggregates(tx: Tx, groups: { type: string; s: string; t: string }[], mkey: string): Promise<Aggregate[]> {
  const wanted = new Set(groups.map((g) => `${g.type}|${g.s}|${g.t}`));
  const out: Aggregate[] = [];
  const q = async (type: string, text: string) => {
    const ss = [...new Set(groups.filter((g) => g.type === type).map((g) => g.s))];
    if (!ss.length) return;
    for (const r of await run(tx, { text, params: { ss, mkey } })) {
      if (!wanted.has(`${type}|${r.s as string}|${r.t as string}`)) continue;
      out.push({ type, s: r.s as string, t: r.t as string, count: r.count as number, duration: (r.duration as number) ?? 0, first: r.first as number, last: r.last as number });
    }
  };
  await q('CALLS', 'UNWIND $ss AS s MATCH (c:CallRecord {callerId: s}) WHERE c.mkey = $mkey ' +
    'RETURN s, c.calleeId AS t, count(c) AS count, sum(c.duration) AS duration, min(c.start) AS first, max(c.start) AS last');
  await q('USED_CELL', 'UNWIND $ss AS s CALL (s) { ' +
    'MATCH (c:CallRecord {callerId: s}) WHERE c.mkey = $mkey AND c.cellId IS NOT NULL RETURN c.cellId AS t, c.start AS at ' +
    'UNION ALL MATCH (c:CallRecord {calleeId: s}) WHERE c.mkey = $mkey AND c.calleeCellId IS NOT NULL RETURN c.calleeCellId AS t, c.start AS at } ' +
    'RETURN s, t, count(at) AS count, 0 AS duration, min(at) AS first, max(at) AS last');
  await q('SEEN_AT', 'UNWIND $ss AS s MATCH (c:Sighting {vehicleId: s}) WHERE c.mkey = $mkey ' +
    'RETURN s, c.cameraId AS t, count(c) AS count, 0 AS duration, min(c.time) AS first, max(c.time) AS last');
  return out.filter((a) => a.count > 0);
}

// ---------------------------------------------------------------------------------------------
// Analyses. Records are read through the policy (visibleFilter), and a record counts only when
// the entities at its ends are ones the viewer sees (in full or as a disseminated copy): what the
// viewer may not know neither appears nor weighs.

export interface Window { from?: number; to?: number }

const usable = (viewer: Viewer, r: RawRecord) => {
  const a = decide(viewer, r as never);
  return a === 'full' || a === 'shared';
};

async function usableEntities(db: Db, viewer: Viewer, ids: Iterable<string>): Promise<Map<string, RawRecord>> {
  const recs = await entitiesById(db, [...new Set(ids)]);
  return new Map(recs.filter((r) => usable(viewer, r) && !r.archived).map((r) => [r.id, r]));
}

/** Links of the given types among a set of entities, as stored (the slice applies the policy). */
async function linksAmong(db: Db, ids: string[], types: string[]): Promise<RawEdge[]> {
  if (!ids.length) return [];
  const rows = await db.read(cypher(
    'UNWIND $ids AS id MATCH (a:Entity {id: id})-[r]->(b:Entity) WHERE type(r) IN $types AND b.id IN $ids AND NOT coalesce(r.archived, false) ' +
    'RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props ORDER BY r.id',
    { ids, types },
  ));
  return rows as unknown as RawEdge[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** In the order of the ids the viewer is shown (the store's order follows how records were written, hidden ones included). */
function shownSlice(viewer: Viewer, dir: AgencyDirectory, nodes: RawRecord[], edges: RawEdge[], seen?: Seen): GraphSlice {
  const slice = buildSlice(viewer, dir, nodes, edges, { seen });
  slice.nodes.sort(byId);
  slice.edges.sort(byId);
  return slice;
}

export interface CallPair { caller: string; callee: string; calls: number; totalDuration: number; firstCall: string; lastCall: string }
export interface CallFrequencyResult { slice: GraphSlice; pairs: CallPair[]; buckets: { start: string; calls: number }[] }

const MAX_RECORDS = 200_000;
/** Calls are counted by the day as kept in the UK (YYYY-MM-DD). */
const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

async function callsOf(db: Db, viewer: Viewer, phoneIds: string[], w: Window) {
  const vf = visibleFilter(viewer, 'c');
  const rows = await db.read(cypher(
    'CALL () { UNWIND $ids AS id MATCH (c:CallRecord {callerId: id}) WHERE c.start >= $from AND c.start < $to RETURN c ' +
    'UNION UNWIND $ids AS id MATCH (c:CallRecord {calleeId: id}) WHERE c.start >= $from AND c.start < $to RETURN c } ' +
    `WITH c WHERE ${vf.text} RETURN c.id AS id, c.callerId AS caller, c.calleeId AS callee, c.start AS start, c.duration AS duration, c.cellId AS cell, c.calleeCellId AS calleeCell ` +
    'ORDER BY c.start, c.id LIMIT toInteger($max)',
    { ...vf.params, ids: phoneIds, from: w.from ?? 0, to: w.to ?? 8.64e15, max: MAX_RECORDS + 1 },
  ));
  if (rows.length > MAX_RECORDS) throw new DomainError('LIMIT_EXCEEDED', `More than ${MAX_RECORDS} calls in the window: narrow it`, 'from');
  return rows as unknown as { id: string; caller: string; callee: string; start: number; duration: number; cell: string | null; calleeCell: string | null }[];
}

/** Who called whom among and with the given phones in a window, most calls first, with calls per day. */
export async function callFrequency(db: Db, viewer: Viewer, dir: AgencyDirectory, phoneIds: string[], w: Window, seen?: Seen): Promise<CallFrequencyResult> {
  const given = await usableEntities(db, viewer, phoneIds);
  const calls = await callsOf(db, viewer, [...given.keys()], w);
  const ents = await usableEntities(db, viewer, [...given.keys(), ...calls.flatMap((c) => [c.caller, c.callee])]);
  const pairs = new Map<string, CallPair & { first: number; last: number }>();
  const days = new Map<string, number>();
  for (const c of calls) {
    if (!ents.has(c.caller) || !ents.has(c.callee)) continue;
    const key = `${c.caller}\u0000${c.callee}`;
    const p = pairs.get(key) ?? { caller: c.caller, callee: c.callee, calls: 0, totalDuration: 0, firstCall: '', lastCall: '', first: Infinity, last: -Infinity };
    p.calls++;
    p.totalDuration += c.duration ?? 0;
    p.first = Math.min(p.first, c.start);
    p.last = Math.max(p.last, c.start);
    pairs.set(key, p);
    const day = UK_DAY.format(new Date(c.start));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  const list = [...pairs.values()].map(({ first, last, ...p }) => ({ ...p, firstCall: new Date(first).toISOString(), lastCall: new Date(last).toISOString() }))
    .sort((a, b) => b.calls - a.calls || (a.caller + a.callee < b.caller + b.callee ? -1 : 1));
  const nodeIds = [...new Set([...given.keys(), ...list.flatMap((p) => [p.caller, p.callee])])].sort();
  const slice = shownSlice(viewer, dir, nodeIds.map((id) => ents.get(id)!).filter(Boolean), await linksAmong(db, nodeIds, ['CALLS']), seen);
  return { slice, pairs: list, buckets: [...days].sort().map(([start, n]) => ({ start, calls: n })) };
}

export interface CommonContact { contactId: string; label: string; total: number; by: { phoneId: string; calls: number }[] }

/** Phones in contact (either way) with at least two of the given phones — all of them when two are given. */
export async function commonContacts(db: Db, viewer: Viewer, dir: AgencyDirectory, phoneIds: string[], w: Window, seen?: Seen): Promise<{ slice: GraphSlice; contacts: CommonContact[] }> {
  const given = await usableEntities(db, viewer, phoneIds);
  const calls = await callsOf(db, viewer, [...given.keys()], w);
  const ents = await usableEntities(db, viewer, calls.flatMap((c) => [c.caller, c.callee]));
  const per = new Map<string, Map<string, number>>(); // contact -> given phone -> calls
  for (const c of calls) {
    if (!ents.has(c.caller) || !ents.has(c.callee)) continue;
    for (const [mine, other] of [[c.caller, c.callee], [c.callee, c.caller]] as const) {
      if (!given.has(mine) || given.has(other)) continue;
      const m = per.get(other) ?? new Map<string, number>();
      m.set(mine, (m.get(mine) ?? 0) + 1);
      per.set(other, m);
    }
  }
  const contacts = [...per].filter(([, m]) => m.size >= Math.min(2, given.size)).map(([id, m]) => ({
    contactId: id, label: (ents.get(id)!.label as string) ?? id,
    total: [...m.values()].reduce((a, b) => a + b, 0),
    by: [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([phoneId, n]) => ({ phoneId, calls: n })),
  })).sort((a, b) => b.by.length - a.by.length || b.total - a.total || (a.contactId < b.contactId ? -1 : 1));
  const nodeIds = [...new Set([...given.keys(), ...contacts.map((c) => c.contactId)])].sort();
  const slice = shownSlice(viewer, dir, nodeIds.map((id) => ents.get(id) ?? given.get(id)!).filter(Boolean), await linksAmong(db, nodeIds, ['CALLS']), seen);
  return { slice, contacts };
}

export interface CoLocationEvent { aId: string; bId: string; placeId: string; aTime: string; bTime: string; gapSeconds: number }
export interface CoLocatedPair { aId: string; bId: string; label: string; places: number; sightings: number; convoy: boolean; leaderId: string | null; meanGapSeconds: number }
export interface CoLocationResult { slice: GraphSlice; pairs: CoLocatedPair[]; events: CoLocationEvent[] }

interface Presence { who: string; place: string; at: number }

/**
 * Co-location from presences (who was at which place when): for each presence of a subject, the
 * presences of others at the same place within the window. A pair is reported when it met at
 * `minPlaces` distinct places or more; it is a convoy when the same one was first every time.
 * With two subjects given, only that pair is considered.
 */
function coLocate(subjects: string[], mine: Presence[], others: Presence[], windowMs: number, minPlaces: number) {
  const byPlace = new Map<string, Presence[]>();
  for (const p of others) (byPlace.get(p.place) ?? byPlace.set(p.place, []).get(p.place)!).push(p);
  for (const l of byPlace.values()) l.sort((a, b) => a.at - b.at);
  const only = subjects.length === 2 ? new Set(subjects) : undefined;
  const meets = new Map<string, { a: string; b: string; events: CoLocationEvent[]; places: Set<string>; firsts: Map<string, number> }>();
  for (const p of mine) {
    const list = byPlace.get(p.place);
    if (!list) continue;
    // Binary search for the first presence in the window.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.at < p.at - windowMs) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < list.length && list[i]!.at <= p.at + windowMs; i++) {
      const q = list[i]!;
      if (q.who === p.who) continue;
      if (only && !(only.has(p.who) && only.has(q.who))) continue;
      const [a, b] = p.who < q.who ? [p, q] : [q, p];
      if (subjects.includes(q.who) && subjects.includes(p.who) && a !== p) continue; // counted once, from the first subject
      const key = `${a.who}\u0000${b.who}`;
      const m = meets.get(key) ?? { a: a.who, b: b.who, events: [], places: new Set<string>(), firsts: new Map<string, number>() };
      m.events.push({ aId: a.who, bId: b.who, placeId: p.place, aTime: new Date(a.at).toISOString(), bTime: new Date(b.at).toISOString(), gapSeconds: Math.round(Math.abs(a.at - b.at) / 1000) });
      m.places.add(p.place);
      const first = a.at === b.at ? '' : a.at < b.at ? a.who : b.who;
      m.firsts.set(first, (m.firsts.get(first) ?? 0) + 1);
      meets.set(key, m);
    }
  }
  const pairs: (Omit<CoLocatedPair, 'label'> & { events: CoLocationEvent[] })[] = [];
  for (const m of meets.values()) {
    if (m.places.size < minPlaces) continue;
    const leaders = [...m.firsts.keys()];
    const convoy = leaders.length === 1 && leaders[0] !== '';
    pairs.push({
      aId: m.a, bId: m.b, places: m.places.size, sightings: m.events.length, convoy, leaderId: convoy ? leaders[0]! : null,
      meanGapSeconds: Math.round((m.events.reduce((s, e) => s + e.gapSeconds, 0) / m.events.length) * 10) / 10, events: m.events,
    });
  }
  return pairs.sort((x, y) => y.places - x.places || y.sightings - x.sightings || (x.aId + x.bId < y.aId + y.bId ? -1 : 1));
}

const MAX_PRESENCES = 500_000;

/**
 * Presences (who was where when) from the records the viewer may see: of the given subjects in a
 * window, or of anyone at given places within given spans of time (the subjects' presences widened
 * by the co-location window: only those times are read, never a camera's whole history).
 */
async function presences(db: Db, viewer: Viewer, kind: 'vehicle' | 'phone', whoIds: string[] | null, spans: { place: string; from: number; to: number }[] | null, w: Window): Promise<Presence[]> {
  const vf = visibleFilter(viewer, 'c');
  const range = 'AND c.TIME >= $from AND c.TIME < $to';
  const text = kind === 'vehicle'
    ? whoIds
      ? `UNWIND $who AS id MATCH (c:Sighting {vehicleId: id}) WHERE ${vf.text} ${range} RETURN c.vehicleId AS who, c.cameraId AS place, c.time AS at`
      : `UNWIND $spans AS sp MATCH (c:Sighting {cameraId: sp.place}) WHERE c.time >= sp.from AND c.time < sp.to AND ${vf.text} WITH DISTINCT c RETURN c.vehicleId AS who, c.cameraId AS place, c.time AS at`
    : whoIds
      ? `CALL () { UNWIND $who AS id MATCH (c:CallRecord {callerId: id}) WHERE c.cellId IS NOT NULL AND ${vf.text} ${range} RETURN c.callerId AS who, c.cellId AS place, c.start AS at ` +
        `UNION ALL UNWIND $who AS id MATCH (c:CallRecord {calleeId: id}) WHERE c.calleeCellId IS NOT NULL AND ${vf.text} ${range} RETURN c.calleeId AS who, c.calleeCellId AS place, c.start AS at } RETURN who, place, at`
      : `CALL () { UNWIND $spans AS sp MATCH (c:CallRecord {cellId: sp.place}) WHERE c.start >= sp.from AND c.start < sp.to AND ${vf.text} WITH DISTINCT c RETURN c.callerId AS who, c.cellId AS place, c.start AS at ` +
        `UNION ALL UNWIND $spans AS sp MATCH (c:CallRecord {calleeCellId: sp.place}) WHERE c.start >= sp.from AND c.start < sp.to AND ${vf.text} WITH DISTINCT c RETURN c.calleeId AS who, c.calleeCellId AS place, c.start AS at } RETURN who, place, at`;
  const rows = await db.read(cypher(`${text.replaceAll('c.TIME', kind === 'vehicle' ? 'c.time' : 'c.start')} LIMIT toInteger($max)`, {
    ...vf.params, who: whoIds ?? [], spans: spans ?? [], from: w.from ?? 0, to: w.to ?? 8.64e15, max: MAX_PRESENCES + 1,
  }));
  if (rows.length > MAX_PRESENCES) throw new DomainError('LIMIT_EXCEEDED', `More than ${MAX_PRESENCES} records in the window: narrow it`, 'from');
  return rows as unknown as Presence[];
}

/**
 * Vehicles (ANPR) or phones (cell sites of calls) seen at the same places within `windowMinutes`
 * of the given one(s). With one subject: everyone who met it at `minPlaces` places or more; with
 * two: whether and where those two met.
 */
export async function coLocation(
  db: Db, viewer: Viewer, dir: AgencyDirectory, kind: 'vehicle' | 'phone', subjectIds: string[], windowMinutes: number, minPlaces: number, w: Window, seen?: Seen,
): Promise<CoLocationResult> {
  const given = await usableEntities(db, viewer, subjectIds);
  const expected = kind === 'vehicle' ? 'Vehicle' : 'Phone';
  const subjects = [...given.values()].filter((r) => r.type === expected).map((r) => r.id).sort();
  if (!subjects.length) return { slice: { nodes: [], edges: [], truncated: false, omitted: 0 }, pairs: [], events: [] };
  const windowMs = windowMinutes * 60_000;
  // The subjects' own presences; then everyone's at the same places within the window of each.
  const mine = await presences(db, viewer, kind, subjects, null, { from: (w.from ?? 0), to: w.to });
  const places = [...new Set(mine.map((p) => p.place))].sort();
  const spans = mine.map((p) => ({ place: p.place, from: p.at - windowMs, to: p.at + windowMs + 1 }));
  const around = subjects.length === 2 ? mine : await presences(db, viewer, kind, null, spans, w);
  const ents = await usableEntities(db, viewer, [...new Set([...around.map((p) => p.who), ...places])]);
  const ok = (p: Presence) => ents.has(p.who) && ents.has(p.place);
  const found = coLocate(subjects, mine.filter(ok), around.filter(ok), windowMs, minPlaces);
  const pairs = found.map(({ events: _e, ...p }) => ({ ...p, label: String(ents.get(p.aId === subjects[0] || subjects.includes(p.aId) ? p.bId : p.aId)?.label ?? '') }));
  const events = found.flatMap((p) => p.events).sort((a, b) => (a.aTime < b.aTime ? -1 : a.aTime > b.aTime ? 1 : a.placeId < b.placeId ? -1 : 1));
  const nodeIds = [...new Set([...subjects, ...found.flatMap((p) => [p.aId, p.bId]), ...events.map((e) => e.placeId)])].sort();
  const linkType = kind === 'vehicle' ? 'SEEN_AT' : 'USED_CELL';
  const slice = shownSlice(viewer, dir, nodeIds.map((id) => ents.get(id) ?? given.get(id)!).filter(Boolean), await linksAmong(db, nodeIds, [linkType]), seen);
  return { slice, pairs, events };
}
