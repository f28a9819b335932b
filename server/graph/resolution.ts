import { randomUUID } from 'node:crypto';
import { run, type Db, type Query, type Tx } from '../db/db.js';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import { linkStrength } from '../domain/grading.js';
import { LINK_TYPE_NAMES, linkEnds } from '../domain/model.js';
import { decide, type Viewer } from '../domain/policy.js';
import { foldAccents, phoneticCodes } from '../domain/search.js';
import { noteChanges } from './changes.js';
import type { RawRecord } from './slice.js';
import { visible } from './traverse.js';
import { linkId, linkTypeOfId, reportGrades, reportMark } from './write.js';

/**
 * Entity resolution: finding records that probably describe the same person, and merging them in
 * a way that can be undone exactly.
 *
 * Candidates come from blocks built in Cypher (same date of birth and a shared name sound, small
 * groups of the same date of birth, a phone or an address used by a handful of subjects), so the
 * work grows with the number of subjects, never with its square. Pairs are then scored in plain
 * functions below. Only records the viewer may see take part.
 */

export const RESOLUTION_LIMITS = {
  /** A date of birth shared by at most this many subjects: every pair is compared. */
  smallGroup: 12,
  /** Subjects taken from one block. */
  maxGroup: 25,
  /** Blocks read per kind. */
  blocks: 2000,
  /** A phone used by more subjects than this identifies nobody. */
  phoneShare: 6,
  /** An address (hostel, prison) with more residents than this identifies nobody. */
  addressShare: 6,
  /** Reported pairs score at least this. */
  minScore: 0.55,
} as const;

// ---------------------------------------------------------------------------------------------
// Scoring (pure)
// ---------------------------------------------------------------------------------------------

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const norm = (s: unknown) => (typeof s === 'string' ? foldAccents(s).toLowerCase().replace(/[^a-z]+/g, '') : '');

export type NameMatch = 'same' | 'sound' | 'spelt' | 'initial' | 'none';

/** How alike two name parts are, and a similarity 0..1. */
export function compareNamePart(a: string, b: string): { match: NameMatch; score: number } {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return { match: 'none', score: 0 };
  if (x === y) return { match: 'same', score: 1 };
  const px = phoneticCodes([x]);
  const py = new Set(phoneticCodes([y]));
  if (x.length > 1 && y.length > 1 && px.some((c) => py.has(c))) return { match: 'sound', score: 0.85 };
  const allowed = Math.min(x.length, y.length) <= 5 ? 1 : 2;
  if (x.length > 2 && y.length > 2 && editDistance(x, y) <= allowed) return { match: 'spelt', score: 0.75 };
  if ((x.length === 1 || y.length === 1) && x[0] === y[0]) return { match: 'initial', score: 0.4 };
  return { match: 'none', score: 0 };
}

export interface PersonFacts {
  id: string;
  label: string;
  forename?: string;
  surname?: string;
  dob?: string;
}

function nameParts(p: PersonFacts): { forename: string; surname: string } {
  if (p.forename || p.surname) return { forename: p.forename ?? '', surname: p.surname ?? '' };
  const words = (p.label ?? '').trim().split(/\s+/);
  return { forename: words.length > 1 ? words.slice(0, -1).join(' ') : '', surname: words[words.length - 1] ?? '' };
}

/** Name similarity 0..1 with the words that explain it. Forename and surname swapped count, a little less. */
export function compareNames(a: PersonFacts, b: PersonFacts): { score: number; evidence: string[] } {
  const na = nameParts(a);
  const nb = nameParts(b);
  const explain = (pairs: [string, string, { match: NameMatch }][]) => {
    const out: string[] = [];
    const of = (m: NameMatch) => pairs.filter((p) => p[2].match === m && p[0] && p[1]);
    const show = (l: [string, string, unknown][]) => l.map(([x, y]) => `${x}/${y}`).join(', ');
    if (pairs.every((p) => p[2].match === 'same')) out.push(`same name: ${[na.forename, na.surname].filter(Boolean).join(' ')}`);
    else {
      if (of('sound').length) out.push(`names sound alike: ${show(of('sound'))}`);
      if (of('spelt').length) out.push(`names spelt alike: ${show(of('spelt'))}`);
      if (of('initial').length) out.push(`initial matches name: ${show(of('initial'))}`);
    }
    return out;
  };
  const direct: [string, string, ReturnType<typeof compareNamePart>][] = [
    [na.forename, nb.forename, compareNamePart(na.forename, nb.forename)],
    [na.surname, nb.surname, compareNamePart(na.surname, nb.surname)],
  ];
  const swapped: [string, string, ReturnType<typeof compareNamePart>][] = [
    [na.forename, nb.surname, compareNamePart(na.forename, nb.surname)],
    [na.surname, nb.forename, compareNamePart(na.surname, nb.forename)],
  ];
  const avg = (l: { score: number }[]) => l.reduce((s, x) => s + x.score, 0) / l.length;
  const d = avg(direct.map((p) => p[2]));
  const s = avg(swapped.map((p) => p[2])) * 0.9;
  if (d >= s) return { score: d, evidence: d > 0 ? explain(direct) : [] };
  const full = (n: { forename: string; surname: string }) => [n.forename, n.surname].filter(Boolean).join(' ');
  return {
    score: s,
    evidence: [`forename and surname swapped: ${full(na)}/${full(nb)}`, ...explain(swapped).filter((e) => !e.startsWith('same name'))],
  };
}

export interface PairEvidence {
  phones: string[];
  addresses: string[];
}

/**
 * Likelihood (0..1) that two subjects are one person, with the reasons. Independent signals
 * combine as 1 - Π(1 - w); different known dates of birth weigh heavily against.
 */
export function scorePair(a: PersonFacts, b: PersonFacts, shared: PairEvidence): { score: number; evidence: string[] } {
  const evidence: string[] = [];
  const weights: number[] = [];
  if (a.dob && b.dob && a.dob === b.dob) { weights.push(0.5); evidence.push(`same date of birth ${a.dob}`); }
  const names = compareNames(a, b);
  if (names.score > 0) { weights.push(0.55 * names.score); evidence.push(...names.evidence); }
  for (const p of shared.phones) { weights.push(0.5); evidence.push(`both use phone ${p}`); }
  for (const p of shared.addresses) { weights.push(0.25); evidence.push(`both live at ${p}`); }
  let score = 1 - weights.reduce((m, w) => m * (1 - w), 1);
  if (a.dob && b.dob && a.dob !== b.dob) { score *= 0.3; evidence.push(`but different dates of birth ${a.dob} and ${b.dob}`); }
  return { score: Math.round(score * 1e4) / 1e4, evidence };
}

// ---------------------------------------------------------------------------------------------
// Blocking (Cypher)
// ---------------------------------------------------------------------------------------------

const ok = (viewer: Viewer, a: string): Query => {
  const v = visible(viewer, a);
  return { text: `NOT coalesce(${a}.archived,false) AND ${v.text}`, params: v.params };
};

/** Subjects sharing a date of birth and a name sound (Double Metaphone code of any name or alias). */
export function dobSoundBlocksQuery(viewer: Viewer): Query {
  const s = ok(viewer, 's');
  return {
    text:
      `MATCH (s:Subject) WHERE s.dob IS NOT NULL AND ${s.text}\n` +
      `UNWIND split(coalesce(s.phonetic, ''), ' ') AS code\n` +
      `WITH s.dob AS dob, code, collect(DISTINCT s.id) AS ids WHERE code <> '' AND size(ids) > 1\n` +
      `RETURN ids[0..$groupLimit] AS ids LIMIT $blockLimit`,
    params: { ...s.params, groupLimit: RESOLUTION_LIMITS.maxGroup, blockLimit: RESOLUTION_LIMITS.blocks },
  };
}

/** Small groups of subjects born on the same day: every pair is worth a look. */
export function dobBlocksQuery(viewer: Viewer): Query {
  const s = ok(viewer, 's');
  return {
    text:
      `MATCH (s:Subject) WHERE s.dob IS NOT NULL AND ${s.text}\n` +
      `WITH s.dob AS dob, collect(s.id) AS ids WHERE size(ids) > 1 AND size(ids) <= $groupLimit\n` +
      `RETURN ids LIMIT $blockLimit`,
    params: { ...s.params, groupLimit: RESOLUTION_LIMITS.smallGroup, blockLimit: RESOLUTION_LIMITS.blocks },
  };
}

/** Phones or addresses used by a handful of subjects (a supernode is read no further than the cap). */
export function sharedBlocksQuery(viewer: Viewer, kind: 'phone' | 'address'): Query {
  const [label, rel, shown, share] = kind === 'phone'
    ? ['Phone', 'USES_PHONE', 'coalesce(x.number, x.label)', RESOLUTION_LIMITS.phoneShare]
    : ['Location', 'LIVES_AT', 'coalesce(x.address, x.label)', RESOLUTION_LIMITS.addressShare];
  const x = ok(viewer, 'x');
  const u = ok(viewer, 'u');
  const s = ok(viewer, 's');
  return {
    text:
      `MATCH (x:${label}) WHERE ${x.text}\n` +
      `CALL (x) { MATCH (x)<-[u:${rel}]-(s:Subject) WHERE ${u.text} AND ${s.text} RETURN DISTINCT s.id AS sid LIMIT $shareLimit }\n` +
      `WITH x, collect(sid) AS ids WHERE size(ids) > 1 AND size(ids) < $shareLimit\n` +
      `RETURN ${shown} AS via, ids LIMIT $blockLimit`,
    params: { ...x.params, ...u.params, ...s.params, shareLimit: share + 1, blockLimit: RESOLUTION_LIMITS.blocks },
  };
}

export interface DuplicateCandidateRaw {
  a: RawRecord;
  b: RawRecord;
  score: number;
  evidence: string[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export async function duplicateCandidates(db: Db, viewer: Viewer, type: string, limit: number): Promise<DuplicateCandidateRaw[]> {
  if (type !== 'Subject') throw invalid('type', 'Duplicate detection compares people: type must be Subject');
  return db.readTx(async (tx) => {
    const pairs = new Map<string, PairEvidence>();
    const add = (ids: string[], via?: { kind: 'phones' | 'addresses'; label: string }) => {
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const k = pairKey(ids[i]!, ids[j]!);
          const e = pairs.get(k) ?? pairs.set(k, { phones: [], addresses: [] }).get(k)!;
          if (via && !e[via.kind].includes(via.label)) e[via.kind].push(via.label);
        }
      }
    };
    for (const r of await run(tx, dobSoundBlocksQuery(viewer))) add(r.ids as string[]);
    for (const r of await run(tx, dobBlocksQuery(viewer))) add(r.ids as string[]);
    for (const r of await run(tx, sharedBlocksQuery(viewer, 'phone'))) add(r.ids as string[], { kind: 'phones', label: String(r.via) });
    for (const r of await run(tx, sharedBlocksQuery(viewer, 'address'))) add(r.ids as string[], { kind: 'addresses', label: String(r.via) });
    if (!pairs.size) return [];
    const ids = [...new Set([...pairs.keys()].flatMap((k) => k.split('\u0000')))];
    const records = new Map(
      (await run(tx, { text: 'UNWIND $ids AS id MATCH (s:Entity {id: id}) RETURN properties(s) AS s', params: { ids } }))
        .map((r) => [(r.s as RawRecord).id, r.s as RawRecord]),
    );
    const out: DuplicateCandidateRaw[] = [];
    for (const [k, shared] of pairs) {
      const [x, y] = k.split('\u0000') as [string, string];
      const a = records.get(x);
      const b = records.get(y);
      if (!a || !b) continue;
      const { score, evidence } = scorePair(a as unknown as PersonFacts, b as unknown as PersonFacts, shared);
      if (score >= RESOLUTION_LIMITS.minScore) out.push({ a, b, score, evidence });
    }
    out.sort((p, q) => q.score - p.score || p.a.id.localeCompare(q.a.id) || p.b.id.localeCompare(q.b.id));
    return out.slice(0, limit);
  });
}

// ---------------------------------------------------------------------------------------------
// Merge and unmerge
// ---------------------------------------------------------------------------------------------

/**
 * What a merge did, kept on a (:MergeRecord) so it can be undone exactly:
 * - retired: the merged entity's live links, archived in place (their properties untouched);
 * - created: new links on the kept entity, copies of the retired ones with every property
 *   (provenance included), ids derived from the new endpoints as for any link;
 * - combined: links the kept entity already had to the same entity with the same type; they gain
 *   the retired link's reports (strength recomputed) and their previous values are kept here.
 * A link between the two entities themselves is retired only (it would join the entity to itself).
 */
export interface MergeRecord {
  id: string;
  keepId: string;
  mergeId: string;
  at: string;
  by: string;
  active: boolean;
  retired: string[];
  /** JSON [id, archived-before] per retired link. */
  retiredPrev: string[];
  created: string[];
  /** JSON {id, reportIds, strength, archived} per combined link, as it was before. */
  combined: string[];
  /** JSON of the merged entity's `archived` before. */
  nodePrev: string;
}

function byType(ids: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const t = linkTypeOfId(id);
    if (!t) throw new DomainError('CONFLICT', `Link ${JSON.stringify(id)} has an unexpected id`);
    (out.get(t) ?? out.set(t, []).get(t)!).push(id);
  }
  return out;
}

/** Relationship types only ever come from the model's allow-list. */
function allowedType(t: string): string {
  if (!(LINK_TYPE_NAMES as string[]).includes(t)) throw invalid('type', `Unknown link type ${t}`);
  return t;
}

async function fullAccessPair(tx: Tx, viewer: Viewer, keepId: string, mergeId: string): Promise<[RawRecord, RawRecord]> {
  // Locked (in id order) before they are read: a concurrent merge of the same pair waits and then sees this one's outcome.
  const rows = await run(tx, {
    text: 'UNWIND $ids AS id MATCH (n:Entity {id: id}) SET n._lock = true REMOVE n._lock RETURN properties(n) AS n',
    params: { ids: [keepId, mergeId].sort() },
  });
  const found = new Map(rows.map((r) => [(r.n as RawRecord).id, r.n as RawRecord]));
  const keep = found.get(keepId);
  const merge = found.get(mergeId);
  if (!keep || decide(viewer, keep as never) !== 'full') throw notFound('Entity', keepId, 'keepId');
  if (!merge || decide(viewer, merge as never) !== 'full') throw notFound('Entity', mergeId, 'mergeId');
  return [keep, merge];
}

export async function mergeEntities(db: Db, viewer: Viewer, keepId: string, mergeId: string, now: string): Promise<MergeRecord> {
  if (keepId === mergeId) throw invalid('mergeId', 'An entity cannot be merged into itself');
  return db.writeTx(async (tx) => {
    const [keep, merge] = await fullAccessPair(tx, viewer, keepId, mergeId);
    if (keep.type !== merge.type) throw invalid('mergeId', `A ${merge.type} cannot be merged into a ${keep.type}`);
    if (keep.archived) throw invalid('keepId', `${keepId} is archived`);
    if (merge.archived) throw invalid('mergeId', `${mergeId} is archived${merge.mergedInto ? ` (merged into ${merge.mergedInto})` : ''}`);

    const links = await run(tx, {
      text: `MATCH (m:Entity {id: $mergeId})-[r]-(o:Entity) WHERE NOT coalesce(r.archived,false)
             RETURN DISTINCT r.id AS id, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, r.archived AS archived, r.reportIds AS reportIds`,
      params: { mergeId },
    });
    const moves = links
      .filter((l) => l.source !== keepId && l.target !== keepId)
      .map((l) => {
        // An undirected link keeps its ends in canonical order, which the new end may change.
        const { source, target } = linkEnds(l.type as string, l.source === mergeId ? keepId : (l.source as string), l.target === mergeId ? keepId : (l.target as string));
        return { oldId: l.id as string, type: allowedType(l.type as string), source, target, id: linkId(source, l.type as string, target), reportIds: (l.reportIds as string[] | null) ?? [] };
      });
    const existing = new Map(
      (await run(tx, {
        text: `UNWIND $rows AS row MATCH (a:Entity {id: row.source})-[c {id: row.id}]->(b:Entity {id: row.target})
               RETURN c.id AS id, c.reportIds AS reportIds, c.reportMarks AS reportMarks, c.strength AS strength, c.archived AS archived`,
        params: { rows: moves.map(({ id, source, target }) => ({ id, source, target })) },
      })).map((r) => [r.id as string, r]),
    );
    const copies = moves.filter((m) => !existing.has(m.id));
    const joins = moves.filter((m) => existing.has(m.id)).map((m) => {
      const before = existing.get(m.id)!;
      const reportIds = [...new Set([...((before.reportIds as string[] | null) ?? []), ...m.reportIds])].sort();
      return { ...m, reportIds, before };
    });
    const grades = await reportGrades(tx, [...new Set(joins.flatMap((j) => j.reportIds))]);

    const original = new Map(links.map((l) => [l.id as string, l]));
    for (const t of new Set(copies.map((c) => c.type))) {
      await run(tx, {
        text: `UNWIND $rows AS row
               MATCH (:Entity {id: row.oldSource})-[r:${t} {id: row.oldId}]->(:Entity {id: row.oldTarget})
               MATCH (s:Entity {id: row.source}) MATCH (e:Entity {id: row.target})
               WITH r, s, e, row, properties(r) AS props
               CREATE (s)-[c:${t}]->(e) SET c = props {.*, id: row.id}`,
        params: {
          rows: copies.filter((c) => c.type === t).map((c) => {
            const l = original.get(c.oldId)!;
            return { oldId: c.oldId, oldSource: l.source, oldTarget: l.target, id: c.id, source: c.source, target: c.target };
          }),
        },
      });
    }
    for (const t of new Set(joins.map((j) => j.type))) {
      await run(tx, {
        text: `UNWIND $rows AS row MATCH (:Entity {id: row.source})-[c:${t} {id: row.id}]->(:Entity {id: row.target})
               SET c.reportIds = row.reportIds, c.reportMarks = row.reportMarks, c.strength = row.strength, c.archived = false`,
        params: {
          // Empty lists are stored as no property, as the write path stores them (write.ts storedProps).
          rows: joins.filter((j) => j.type === t).map((j) => ({
            id: j.id, source: j.source, target: j.target, reportIds: j.reportIds.length ? j.reportIds : null,
            reportMarks: j.reportIds.length ? j.reportIds.filter((r) => grades.has(r)).map((r) => reportMark(grades.get(r)!)) : null,
            strength: j.reportIds.length ? linkStrength(j.reportIds.map((r) => grades.get(r)).filter((g) => !!g) as never) : null,
          })),
        },
      });
    }
    const retired = links.map((l) => l.id as string);
    for (const [t, ids] of byType(retired)) {
      await run(tx, { text: `UNWIND $ids AS x MATCH ()-[r:${allowedType(t)} {id: x}]->() SET r.archived = true`, params: { ids } });
    }
    await run(tx, { text: 'MATCH (m:Entity {id: $mergeId}) SET m.archived = true, m.mergedInto = $keepId', params: { mergeId, keepId } });
    const record: MergeRecord = {
      id: `MR-${randomUUID()}`, keepId, mergeId, at: now, by: viewer.username, active: true,
      retired,
      retiredPrev: links.map((l) => JSON.stringify([l.id, l.archived ?? null])),
      created: copies.map((c) => c.id),
      combined: joins.map((j) => JSON.stringify({ id: j.id, reportIds: j.before.reportIds ?? null, reportMarks: j.before.reportMarks ?? null, strength: j.before.strength ?? null, archived: j.before.archived ?? null })),
      nodePrev: JSON.stringify(merge.archived ?? null),
    };
    await run(tx, { text: 'CREATE (r:MergeRecord) SET r = $record', params: { record } });
    // Both records and (through them) their neighbours: watches on any of them are asked again.
    await noteChanges(tx, [keepId, mergeId], now);
    return record;
  });
}

/** Undoes the latest merge of an entity: links, provenance and the entity itself as they were. */
export async function unmergeEntity(db: Db, viewer: Viewer, mergeId: string, now: string): Promise<MergeRecord> {
  return db.writeTx(async (tx) => {
    const [row] = await run(tx, {
      text: 'MATCH (r:MergeRecord {mergeId: $mergeId}) WHERE r.active RETURN properties(r) AS r ORDER BY r.at DESC LIMIT 1',
      params: { mergeId },
    });
    if (!row) throw notFound('Merged entity', mergeId);
    const rec = row.r as MergeRecord;
    await fullAccessPair(tx, viewer, rec.keepId, rec.mergeId);

    for (const [t, ids] of byType(rec.created ?? [])) {
      await run(tx, { text: `UNWIND $ids AS x MATCH ()-[c:${allowedType(t)} {id: x}]->() DELETE c`, params: { ids } });
    }
    const combined = (rec.combined ?? []).map((s) => JSON.parse(s) as { id: string; reportIds: string[] | null; reportMarks?: string[] | null; strength: number | null; archived: boolean | null });
    for (const [t, ids] of byType(combined.map((c) => c.id))) {
      await run(tx, {
        text: `UNWIND $rows AS row MATCH ()-[c:${allowedType(t)} {id: row.id}]->() SET c.reportIds = row.reportIds, c.reportMarks = row.reportMarks, c.strength = row.strength, c.archived = row.archived`,
        params: { rows: combined.filter((c) => ids.includes(c.id)).map((c) => ({ ...c, reportMarks: c.reportMarks ?? null })) },
      });
    }
    const prev = new Map((rec.retiredPrev ?? []).map((s) => JSON.parse(s) as [string, boolean | null]));
    for (const [t, ids] of byType(rec.retired ?? [])) {
      await run(tx, {
        text: `UNWIND $rows AS row MATCH ()-[r:${allowedType(t)} {id: row.id}]->() SET r.archived = row.archived`,
        params: { rows: ids.map((id) => ({ id, archived: prev.get(id) ?? null })) },
      });
    }
    await run(tx, {
      text: 'MATCH (m:Entity {id: $mergeId}) SET m.archived = $archived, m.mergedInto = null',
      params: { mergeId, archived: JSON.parse(rec.nodePrev ?? 'null') },
    });
    await run(tx, { text: 'MATCH (r:MergeRecord {id: $id}) SET r.active = false, r.undoneAt = $now, r.undoneBy = $by', params: { id: rec.id, now, by: viewer.username } });
    await noteChanges(tx, [rec.keepId, mergeId], now);
    return rec;
  });
}
