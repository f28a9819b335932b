import { hash } from 'node:crypto';
import { run, type Tx } from '../db/db.js';
import { DomainError, invalid } from '../domain/errors.js';
import { linkStrength, type Grade } from '../domain/grading.js';
import { ENTITY_TYPE_NAMES, LINK_TYPE_NAMES, linkAllowed, linkEnds, type LinkType } from '../domain/model.js';
import { searchKeys } from '../domain/search.js';
import { givenEnd, type EntityRecord, type LinkRecord } from '../domain/validate.js';
import { noteChanges } from './changes.js';

/**
 * The one write path for entities and links (API mutations, import and seed). Idempotent on ids:
 * a row whose content is unchanged is not touched, so re-running an import changes nothing.
 * Labels and relationship types are interpolated only from the model's allow-lists.
 */
export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

// One-shot hashing: a third of createHash's cost per record (bulk loads hash every row).
const hashOf = (v: unknown) => hash('sha1', JSON.stringify(v), 'base64url');

/**
 * What is stored of a record's properties: an empty list is stored as no property (written as null,
 * which also removes one an update empties), as Neo4j's bulk importer stores it, so a record reads
 * the same whether the transactional path or the bulk load wrote it. Readers treat a missing list
 * as empty (as they treat every missing property). The content hash is of the record as given.
 */
export function storedProps<T extends Record<string, unknown>>(props: T): T {
  const out: Record<string, unknown> = {};
  // Keys, not entries: no pair allocated per property (a bulk load stores tens of millions).
  for (const k of Object.keys(props)) {
    const v = props[k];
    out[k] = Array.isArray(v) && v.length === 0 ? null : v;
  }
  return out as T;
}

/** Property names a statement may spell out (the model's keys, markings and search keys all are). */
const WRITABLE_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Rows for a statement that creates records in positional form: each row a list (id, hash, then any
 * `extra` values, then every property of the batch by its place), each property set by name in the
 * statement. The store then handles no map keys per row (the importer about 6-10% faster than with
 * `SET n += map`, docs/BENCHMARKS.md). Only for records being created: a property a row lacks is
 * null there, which on a new record is what an absent key is, no property (on an existing one it
 * would remove it).
 */
export function positional<R extends { id: string; hash: string; props: Record<string, unknown> }>(rows: R[], extra?: (r: R) => unknown[]) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.props)))].sort();
  for (const k of keys) if (!WRITABLE_KEY.test(k)) throw new Error(`Cannot write a property named ${JSON.stringify(k)}`);
  const base = extra ? 2 + extra(rows[0]!).length : 2;
  return {
    keys,
    rows: rows.map((r) => [r.id, r.hash, ...(extra ? extra(r) : []), ...keys.map((k) => r.props[k] ?? null)]),
    /** `row[i]`: where a property's value is in a row. */
    at: (key: string) => `row[${base + keys.indexOf(key)}]`,
    /** `a.k = row[i], ` for every property (the caller's alias). */
    set: (alias: string) => keys.map((k, i) => `${alias}.\`${k}\` = row[${base + i}], `).join(''),
  };
}

/**
 * A link's id; the ends of an undirected type are taken in canonical order, so either order gives the
 * same id. A `partition` names one of several links of a type between the same ends: aggregates of
 * communications records are held one link per set of markings (see graph/comms.ts).
 */
export function linkId(from: string, type: string, to: string, partition?: string): string {
  const { source, target } = linkEnds(type, from, to);
  const key = `${source}\u0000${type}\u0000${target}${partition ? `\u0000${partition}` : ''}`;
  return `${type}-${hash('sha1', key, 'base64url').slice(0, 16)}`;
}

export function linkTypeOfId(id: string): LinkType | undefined {
  const t = id.replace(/-[A-Za-z0-9_-]{16}$/, '');
  return (LINK_TYPE_NAMES as string[]).includes(t) && t !== id ? (t as LinkType) : undefined;
}

/** What the write path stores for an entity: its content, markings, search keys and content hash. */
export function entityRow(r: EntityRecord) {
  const keys = searchKeys(r.type, r.label, r.props);
  const content = { type: r.type, label: r.label, ...r.props, ...r.markings };
  return { id: r.id, type: r.type, hash: hashOf(content), props: storedProps({ ...content, ...keys }) };
}

/** Existing ids with their type and content hash. */
export async function existingEntities(tx: Tx, ids: string[]): Promise<Map<string, { type: string; hash: string | null; archived: boolean }>> {
  const rows = await run(tx, {
    text: 'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n.type AS type, n.contentHash AS hash, coalesce(n.archived,false) AS archived',
    params: { ids },
  });
  return new Map(rows.map((r) => [r.id as string, { type: r.type as string, hash: r.hash as string | null, archived: r.archived as boolean }]));
}

/**
 * `onlyNew`: the records are being created, so an id already held is a CONFLICT, whoever holds it
 * and whatever its type. It is decided by the same read that chooses CREATE over MATCH: a writer
 * creating the same id after that read is refused by the id constraint, never overwritten.
 */
export async function writeEntities(tx: Tx, records: EntityRecord[], now: string, opts: { onlyNew?: boolean } = {}): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  if (!records.length) return counts;
  const existing = await existingEntities(tx, records.map((r) => r.id));
  const taken = opts.onlyNew ? records.find((r) => existing.has(r.id)) : undefined;
  if (taken) throw new DomainError('CONFLICT', `${taken.id} already exists`, 'id');
  // New records are created with their labels in one step; existing ones are matched and set.
  // (MERGE would look each id up again and add the type label in a second step.) The id
  // constraint still refuses a record created under the same id by a concurrent writer.
  const groups = new Map<string, { type: string; fresh: boolean; rows: ReturnType<typeof entityRow>[] }>();
  for (const rec of records) {
    const row = entityRow(rec);
    const old = existing.get(rec.id);
    if (old && old.type !== rec.type) throw new DomainError('CONFLICT', `${rec.id} already exists as a ${old.type}, not a ${rec.type}`, 'type');
    if (old && old.hash === row.hash && !old.archived) { counts.unchanged++; continue; }
    if (old) counts.updated++; else counts.created++;
    const key = `${rec.type}:${old ? 'old' : 'new'}`;
    (groups.get(key) ?? groups.set(key, { type: rec.type, fresh: !old, rows: [] }).get(key)!).rows.push(row);
  }
  for (const { type, fresh, rows } of groups.values()) {
    if (!(ENTITY_TYPE_NAMES as string[]).includes(type)) throw invalid('type', `Unknown type ${type}`);
    const located = type === 'Location' || type === 'Camera' || type === 'CellSite';
    if (fresh) {
      // New records in positional form (see `positional`).
      const p = positional(rows);
      await run(tx, {
        text:
          `UNWIND $rows AS row CREATE (n:Entity:${type} {id: row[0]}) SET ${p.set('n')}n.createdAt = $now, ` +
          'n.contentHash = row[1], n.updatedAt = $now, n.archived = false' +
          (located && p.keys.includes('lat') && p.keys.includes('lon')
            ? ` WITH n, row WHERE ${p.at('lat')} IS NOT NULL AND ${p.at('lon')} IS NOT NULL SET n.point = point({latitude: ${p.at('lat')}, longitude: ${p.at('lon')}})`
            : ''),
        params: { rows: p.rows, now },
      });
      continue;
    }
    await run(tx, {
      text:
        'UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n += row.props, ' +
        'n.contentHash = row.hash, n.updatedAt = $now, n.archived = false' +
        (located
          ? ' WITH n, row WHERE row.props.lat IS NOT NULL AND row.props.lon IS NOT NULL SET n.point = point({latitude: row.props.lat, longitude: row.props.lon})'
          : ''),
      params: { rows, now },
    });
  }
  await noteChanges(tx, [...groups.values()].flatMap((g) => g.rows.map((r) => r.id as string)), now);
  return counts;
}

export interface ReportGrade extends Grade {
  id: string;
  sourceId: string | null;
  classification?: string | null;
  agency?: string | null;
  compartments?: string[] | null;
  nfd?: boolean | null;
}

/**
 * One supporting report's grade and markings, stored on the link beside `reportIds` so that the
 * strength and report count a viewer sees can be computed from the reports that viewer may see.
 */
export interface ReportMark { g: string; s: string | null; c: string; a: string; k: string[]; n: boolean }
export const reportMark = (r: ReportGrade): string => JSON.stringify({
  g: `${r.sourceEvaluation}${r.intelAssessment}`, s: r.sourceId ?? null, c: r.classification ?? 'OFFICIAL',
  a: r.agency ?? '', k: r.compartments ?? [], n: !!r.nfd,
} satisfies ReportMark);

export async function reportGrades(tx: Tx, ids: string[]): Promise<Map<string, ReportGrade>> {
  if (!ids.length) return new Map();
  const rows = await run(tx, {
    text: 'UNWIND $ids AS id MATCH (r:Entity {id: id}) WHERE r:IntelligenceReport RETURN r.id AS id, r.sourceEvaluation AS sourceEvaluation, r.intelAssessment AS intelAssessment, r.sourceId AS sourceId, r.classification AS classification, r.agency AS agency, r.compartments AS compartments, r.nfd AS nfd',
    params: { ids },
  });
  return new Map(rows.map((r) => [r.id as string, r as unknown as ReportGrade]));
}

/** Checks endpoints, link-type rules and provenance reports; throws a field-level error on the first fault. */
export async function checkLinks(tx: Tx, records: LinkRecord[]): Promise<Map<string, ReportGrade>> {
  const ids = [...new Set(records.flatMap((r) => [r.source, r.target]))];
  const ents = await existingEntities(tx, ids);
  const grades = await reportGrades(tx, [...new Set(records.flatMap((r) => r.reportIds))]);
  for (const r of records) checkLink(r, ents, grades);
  return grades;
}

export function checkLink(
  r: LinkRecord,
  ents: Map<string, { type: string }>,
  grades: Map<string, unknown>,
): void {
  const a = ents.get(r.source);
  const b = ents.get(r.target);
  // Named as the caller gave them (an undirected link's ends may have been put in canonical order).
  const ends = [['source', r.source, a], ['target', r.target, b]] as const;
  for (const [end, id, found] of r.reversed ? [ends[1], ends[0]] : ends) {
    const field = givenEnd(r, end);
    if (!found) throw new DomainError('NOT_FOUND', `Unknown ${field} entity ${JSON.stringify(id)}`, field);
  }
  if (!a || !b) return;
  if (!linkAllowed(r.type as LinkType, a.type, b.type)) {
    throw invalid('type', `A ${r.type} link cannot join a ${a.type} to a ${b.type}`);
  }
  for (const id of r.reportIds) {
    if (!grades.has(id)) throw new DomainError('NOT_FOUND', `Unknown intelligence report ${JSON.stringify(id)} given as provenance`, 'reportIds');
  }
}

/** What a link stores (and hashes): its props, markings, provenance with each report's marks, and strength. */
export function linkContent(r: LinkRecord, grades: Map<string, ReportGrade>) {
  const reportIds = [...r.reportIds].sort();
  const strength = reportIds.length ? linkStrength(reportIds.map((x) => grades.get(x)!)) : null;
  return { ...r.props, ...r.markings, reportIds, reportMarks: reportIds.map((x) => reportMark(grades.get(x)!)), strength };
}
export const linkContentHash = (r: LinkRecord, grades: Map<string, ReportGrade>) => hashOf(linkContent(r, grades));

/** What the write path stores for a link: its id, ends (an undirected link's in canonical order), content and hash. */
export function linkRow(r: LinkRecord, grades: Map<string, ReportGrade>) {
  const { source, target } = linkEnds(r.type, r.source, r.target);
  const content = linkContent(r, grades);
  return { id: linkId(source, r.type, target, r.partition), type: r.type, source, target, hash: hashOf(content), props: storedProps(content) };
}

export async function writeLinks(tx: Tx, records: LinkRecord[], now: string, grades?: Map<string, ReportGrade>): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  if (!records.length) return counts;
  grades ??= await checkLinks(tx, records);
  const rows = records.map((r) => linkRow(r, grades!));
  const existing = new Map(
    (await run(tx, {
      text: 'UNWIND $rows AS row MATCH (:Entity {id: row.source})-[r {id: row.id}]->(:Entity {id: row.target}) RETURN r.id AS id, r.contentHash AS hash, coalesce(r.archived,false) AS archived',
      params: { rows: rows.map(({ id, source, target }) => ({ id, source, target })) },
    })).map((r) => [r.id as string, r]),
  );
  const byType = new Map<string, typeof rows>();
  for (const row of rows) {
    const old = existing.get(row.id);
    if (old && old.hash === row.hash && !old.archived) { counts.unchanged++; continue; }
    if (old) counts.updated++; else counts.created++;
    (byType.get(row.type) ?? byType.set(row.type, []).get(row.type)!).push(row);
  }
  for (const [type, list] of byType) {
    if (!(LINK_TYPE_NAMES as string[]).includes(type)) throw invalid('type', `Unknown link type ${type}`);
    const fresh = list.filter((r) => !existing.has(r.id));
    const old = list.filter((r) => existing.has(r.id));
    if (fresh.length) {
      // Links not there when looked up, in positional form. Still a MERGE: one a concurrent writer
      // made since is matched, and given this write's whole content.
      const p = positional(fresh, (r) => [r.source, r.target]);
      await run(tx, {
        text:
          'UNWIND $rows AS row MATCH (a:Entity {id: row[2]}) MATCH (b:Entity {id: row[3]}) ' +
          `MERGE (a)-[r:${type} {id: row[0]}]->(b) ON CREATE SET r.createdAt = $now ` +
          `SET ${p.set('r')}r.contentHash = row[1], r.updatedAt = $now, r.archived = false`,
        params: { rows: p.rows, now },
      });
    }
    if (old.length) {
      await run(tx, {
        text:
          'UNWIND $rows AS row MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target}) ' +
          `MERGE (a)-[r:${type} {id: row.id}]->(b) ON CREATE SET r.createdAt = $now ` +
          'SET r += row.props, r.contentHash = row.hash, r.updatedAt = $now, r.archived = false',
        params: { rows: old, now },
      });
    }
  }
  await noteChanges(tx, [...byType.values()].flatMap((list) => list.flatMap((r) => [r.source, r.target])), now);
  return counts;
}

/** Removes properties from an entity (writeEntities only adds and overwrites). */
export async function clearEntityProps(tx: Tx, id: string, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await run(tx, { text: 'MATCH (n:Entity {id: $id}) SET n += $nulls', params: { id, nulls: Object.fromEntries(keys.map((k) => [k, null])) } });
  await noteChanges(tx, [id], new Date().toISOString());
}
