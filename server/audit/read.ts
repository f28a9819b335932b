import { cypher, type Db } from '../db/db.js';
import { LINK_TYPE_NAMES } from '../domain/model.js';
import { classificationRank } from '../domain/codes.js';
import { decide, stubId, type Access, type Markings, type Viewer } from '../domain/policy.js';
import { linkTypeOfId } from '../graph/write.js';
import { readAudit, type AuditEvent, type AuditFilter } from './trail.js';

/**
 * The audit trail as one reader may see it. Who did what and when is the trail's purpose and is
 * shown whole; what an event says about records goes through the access policy for the reader:
 * - a record id (in `resultIds`, or in an argument that holds ids, listed in the event's `@ids`)
 *   is shown as the reader would be shown the record: its id when they see it in full or shared,
 *   its stub id when they see a stub, and nothing (`(withheld)` in arguments, dropped from
 *   `resultIds`) when it is hidden from them, deleted or never existed: the three read the same;
 * - filtering by a record id finds events only for a record the reader sees in full or shared; any
 *   other id (hidden, stub, unknown) finds nothing;
 * - the event's MAC is not shown: it is computed over content the reader may not know;
 * - what an action returned (its outcome, detail and result ids) depends on everything its actor
 *   could see. It is shown only when the reader could see all of that too: the actor is of the
 *   reader's agency, cleared no higher and in no compartment the reader is not. For any other actor
 *   (a CHIS-cleared colleague, another agency's user, a deleted account) the reader is told who did
 *   what and when, with which arguments, and the rest reads `(withheld)`: an OFFICIAL administrator
 *   auditing a CHIS handler's reads would otherwise learn what the CHIS compartment holds.
 */
export const WITHHELD = '(withheld)';

/** Platform objects that are not intelligence records: their ids are shown as stored. */
const WORK_OBJECTS = ['Investigation', 'SavedChart'] as const;
/** Records outside the entity graph that carry markings of their own. */
const MARKED_OBJECTS = ['HarmAssessment', 'ImpactRecord', 'Dissemination', 'CollectionTask', 'Meeting', 'Decision', 'Action', 'OperationalReview'] as const;
const MARKINGS = '{.classification, .agency, .compartments, .nfd, .disseminatedTo}';
const MAX_RESOLVE = 50_000;

/** The reader's access to each id; ids not held at all are `hidden` (an unknown id reads as a hidden one). */
export async function accessOf(db: Db, viewer: Viewer, ids: Iterable<string>): Promise<Map<string, Access>> {
  const out = new Map<string, Access>();
  const all = [...new Set(ids)].filter((id) => typeof id === 'string' && id.length <= 300).slice(0, MAX_RESOLVE);
  if (!all.length) return out;
  const byType = new Map<string, string[]>();
  const plain: string[] = [];
  for (const id of all) {
    const type = linkTypeOfId(id);
    if (type && (LINK_TYPE_NAMES as string[]).includes(type)) byType.set(type, [...(byType.get(type) ?? []), id]);
    else plain.push(id);
  }
  for (const [type, ids] of byType) {
    // A link is hidden when either end is (as in graph/slice.redactEdge), else decided on its own markings.
    const rows = await db.read(cypher(
      `UNWIND $ids AS id MATCH (a:Entity)-[r:${type} {id: id}]->(b:Entity) RETURN id, r${MARKINGS} AS r, a${MARKINGS} AS a, b${MARKINGS} AS b`,
      { ids },
    ));
    for (const row of rows) {
      const ends = [decide(viewer, row.a as Markings), decide(viewer, row.b as Markings)];
      out.set(row.id as string, ends.includes('hidden') ? 'hidden' : decide(viewer, row.r as Markings));
    }
  }
  if (plain.length) {
    const rows = await db.read(cypher(`UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, n${MARKINGS} AS m`, { ids: plain }));
    for (const row of rows) out.set(row.id as string, decide(viewer, row.m as Markings));
    const rest = plain.filter((id) => !out.has(id));
    for (const label of [...MARKED_OBJECTS, ...WORK_OBJECTS]) {
      const left = rest.filter((id) => !out.has(id));
      if (!left.length) break;
      const found = await db.read(cypher(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN id, n${MARKINGS} AS m`, { ids: left }));
      for (const row of found) {
        out.set(row.id as string, (WORK_OBJECTS as readonly string[]).includes(label) ? 'full' : decide(viewer, row.m as Markings));
      }
    }
  }
  for (const id of all) if (!out.has(id)) out.set(id, 'hidden');
  return out;
}

const shown = (a: Access | undefined) => a === 'full' || a === 'shared';

function idsInArgs(args: Record<string, unknown>): string[] {
  const names = Array.isArray(args['@ids']) ? (args['@ids'] as unknown[]).filter((n): n is string => typeof n === 'string') : [];
  return names.flatMap((n) => {
    const v = args[n];
    return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  });
}

function parseArgs(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export type ReadableEvent = Omit<AuditEvent, 'hash' | 'prevHash' | 'seal' | 'outcome'> & { hash: string; outcome: AuditEvent['outcome'] | typeof WITHHELD };

interface ActorAccess { agency: string; clearance: string; compartments: string[] }

/** Could the reader see everything this actor could? (Then what the actor was answered is the reader's to know.) */
export function dominates(reader: Viewer, actor: ActorAccess | undefined): boolean {
  if (!actor) return false;
  return actor.agency === reader.agency &&
    classificationRank(actor.clearance) <= classificationRank(reader.clearance) &&
    actor.compartments.every((c) => reader.compartments.includes(c));
}

async function actorsAccess(db: Db, usernames: string[]): Promise<Map<string, ActorAccess>> {
  const names = [...new Set(usernames)].filter((u) => typeof u === 'string' && u !== 'anonymous');
  if (!names.length) return new Map();
  const rows = await db.read(cypher(
    'UNWIND $names AS name MATCH (u:User {username: name}) RETURN u.username AS username, u.agency AS agency, u.clearance AS clearance, coalesce(u.compartments, []) AS compartments',
    { names },
  ));
  return new Map(rows.map((r) => [r.username as string, { agency: r.agency as string, clearance: r.clearance as string, compartments: r.compartments as string[] }]));
}

export async function readAuditAs(db: Db, viewer: Viewer, f: AuditFilter): Promise<ReadableEvent[]> {
  if (f.recordId !== undefined && f.recordId !== null) {
    const access = (await accessOf(db, viewer, [f.recordId])).get(f.recordId);
    if (!shown(access)) return [];
  }
  const events = await readAudit(db, f);
  const parsed = events.map((e) => ({ e, args: parseArgs(e.args) }));
  const access = await accessOf(db, viewer, parsed.flatMap(({ e, args }) => [...(e.resultIds ?? []), ...idsInArgs(args)]));
  const actors = await actorsAccess(db, events.map((e) => e.actor));
  const asSeen = (id: string): string => {
    const a = access.get(id);
    return shown(a) ? id : a === 'stub' ? stubId(viewer, id) : WITHHELD;
  };
  return parsed.map(({ e, args }) => {
    const names = Array.isArray(args['@ids']) ? (args['@ids'] as string[]) : [];
    for (const n of names) {
      const v = args[n];
      if (typeof v === 'string') args[n] = asSeen(v);
      else if (Array.isArray(v)) args[n] = v.map((x) => (typeof x === 'string' ? asSeen(x) : x));
    }
    // Anonymous callers see nothing, so what they were answered is anyone's to know.
    const answered = e.actor === 'anonymous' || dominates(viewer, actors.get(e.actor));
    return {
      seq: e.seq, at: e.at, actor: e.actor, agency: e.agency, op: e.op,
      outcome: answered ? e.outcome : WITHHELD, detail: answered ? e.detail : WITHHELD,
      args: JSON.stringify(args),
      // Stub ids as the reader would be shown them; hidden, deleted and unknown ids, and the count of ids cut off, dropped.
      resultIds: answered ? (e.resultIds ?? []).map((id) => (access.has(id) ? asSeen(id) : WITHHELD)).filter((id) => id !== WITHHELD) : [],
      hash: '',
    };
  });
}
