import { createHash, randomUUID } from 'node:crypto';
import { viewerOf } from '../auth/users.js';
import { cypher, run, type Db } from '../db/db.js';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import { decide, policyParams, type AgencyDirectory, type Viewer } from '../domain/policy.js';
import { matchesIdentifier, matchScore, parseSearch } from '../domain/search.js';
import { bindParams, library } from '../investigations/library.js';
import { DEFAULT_LIMITS, runInvestigationQuery } from '../investigations/run.js';
import { visibleInvestigation } from '../investigations/store.js';
import { entitiesById, neighbours } from './entities.js';
import { searchEntities, searchStubs } from './search.js';
import { buildSlice, redactNode, type GraphEdge, type GraphNode } from './slice.js';

/**
 * Watch-lists and alerts. A watch is a question a user keeps asking (an entity's or a group's
 * network, a search, a saved investigation); an alert says that its answer, for that user, changed.
 *
 * - The write path notes which entities a transaction changed (`noteChanges`: one small `:Change`
 *   node in the same transaction, only while any watch exists), so nothing is lost to a kill and
 *   any API process can deliver.
 * - Delivery (`AlertDelivery`) reads the pending changes, finds the watches they can affect (on a
 *   changed entity or a neighbour of one; searches whose text the changed records could match;
 *   investigations), asks each affected watch's question again as its owner, through the policy,
 *   and compares the answer with the one kept on the watch. Only a difference makes an alert, and an
 *   unread alert of the same watch grows instead of a new one being added: a burst is one digest.
 * - So an alert says only what its owner's own answers say: what they may see of the new material
 *   (a stub: "intelligence held by X"), nothing where it is hidden from them, and nothing at all
 *   when only what they may not know changed.
 */

export const WATCH_KINDS = ['ENTITY', 'OCG', 'SEARCH', 'INVESTIGATION'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];
/** How far a network watch looks: the target's direct links, capped as an expansion is. */
export const WATCH_NEIGHBOURS = 200;
/** Search watches keep this many hits. */
export const WATCH_SEARCH_HITS = 50;
export const MAX_WATCHES_PER_USER = 500;
/** Changes handled per delivery round. */
const CHANGES_PER_ROUND = 200;

export interface WatchRow {
  id: string;
  ownerId: string;
  kind: WatchKind;
  target: string;
  label: string;
  createdAt: string;
  lastAlertAt?: string | null;
  snapshot?: string;
  realIds?: string[];
}

export interface AnswerItem { hash: string; node?: GraphNode; edge?: GraphEdge }
export interface Answer { items: Map<string, AnswerItem>; realIds: string[]; rows?: number }

// Canonical JSON: a property map read twice may list its keys in another order.
function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
const hashOf = (v: unknown) => createHash('sha256').update(canon(v)).digest('base64url').slice(0, 22);

function sliceAnswer(nodes: GraphNode[], edges: GraphEdge[], realIds: string[] = []): Answer {
  const items = new Map<string, AnswerItem>();
  for (const n of nodes) items.set(n.id, { hash: hashOf(n), node: n });
  for (const e of edges) items.set(e.id, { hash: hashOf(e), edge: e });
  return { items, realIds };
}

/**
 * Raw reads shared by the watches of one delivery round: what a query returns depends on the
 * viewer only through the policy's parameters (agency, clearance, compartments), so owners with the
 * same ones share it; each owner's answer is then made from it through the policy as that owner.
 */
export type ReadCache = Map<string, Promise<unknown>>;
const cached = <T>(cache: ReadCache | undefined, key: string, read: () => Promise<T>): Promise<T> => {
  if (!cache) return read();
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) cache.set(key, (p = read()));
  return p;
};

/** The watch's question asked again as its owner: only what the policy shows them. */
async function answerOf(db: Db, dir: AgencyDirectory, viewer: Viewer, w: Pick<WatchRow, 'kind' | 'target'>, cache?: ReadCache): Promise<Answer> {
  const policy = JSON.stringify(policyParams(viewer));
  if (w.kind === 'ENTITY' || w.kind === 'OCG') {
    // The target itself even when it has no links (the expansion then returns no row); hidden from
    // the owner now, it drops out like any other record.
    const { self, r } = await cached(cache, `N|${w.target}|${policy}`, async () => ({
      self: (await entitiesById(db, [w.target]))[0], r: await neighbours(db, viewer, [w.target], WATCH_NEIGHBOURS),
    }));
    const s = buildSlice(viewer, dir, self ? [self, ...r.nodes] : r.nodes, r.edges);
    return sliceAnswer(s.nodes, s.edges);
  }
  if (w.kind === 'SEARCH') {
    const { hits, stubs } = await cached(cache, `S|${w.target}|${policy}`, async () => ({
      hits: await searchEntities(db, viewer, w.target, undefined, WATCH_SEARCH_HITS, { stubs: 'none' }),
      stubs: await searchStubs(db, viewer, w.target, undefined),
    }));
    const raws = [...hits.map((h) => h.record), ...stubs];
    const nodes = raws.map((r) => redactNode(viewer, dir, r)).filter((n): n is GraphNode => !!n);
    return sliceAnswer(nodes, [], raws.map((r) => r.id));
  }
  const lib = library().find((l) => l.id === w.target);
  const q = lib
    ? { mode: 'library' as const, cypher: lib.body, params: bindParams(lib.params, undefined), safeColumns: lib.columns }
    : await (async () => {
      const inv = await visibleInvestigation(db, viewer, w.target);
      return { mode: 'freeForm' as const, cypher: inv.cypher, params: bindParams(inv.params, undefined) };
    })();
  const r = await runInvestigationQuery(db, viewer, dir, q, { limits: DEFAULT_LIMITS });
  const a = sliceAnswer(r.graph.nodes, r.graph.edges);
  // Rows carry the scalars the viewer may see; one entry stands for all of them.
  a.items.set('#rows', { hash: hashOf(r.rows) });
  a.rows = r.rows.length;
  return a;
}

export function snapshotOf(a: Answer): string {
  return JSON.stringify(Object.fromEntries([...a.items].map(([k, v]) => [k, v.hash])));
}

// ---------------------------------------------------------------------------------------------
// Watches

const USER_FIELDS = 'u.id AS id, u.username AS username, u.role AS role, u.clearance AS clearance, u.agency AS agency, u.compartments AS compartments';

async function viewersById(db: Db, ids: string[]): Promise<Map<string, Viewer>> {
  const rows = await db.read(cypher(`MATCH (u:User) WHERE u.id IN $ids AND NOT coalesce(u.disabled,false) RETURN ${USER_FIELDS}`, { ids }));
  return new Map(rows.map((r) => [r.id as string, viewerOf(r)]));
}

export async function createWatch(
  db: Db, dir: AgencyDirectory, viewer: Viewer, input: { kind: WatchKind; target: string; label?: string | null }, now: string,
): Promise<WatchRow> {
  const target = input.target.trim();
  if (!target) throw invalid('target', 'Name what to watch');
  if (target.length > 200) throw invalid('target', 'At most 200 characters');
  let label = input.label?.trim().slice(0, 200) || '';
  if (input.kind === 'ENTITY' || input.kind === 'OCG') {
    const [raw] = await entitiesById(db, [target]);
    const a = raw ? decide(viewer, raw as never) : 'hidden';
    // Only what the viewer sees in full or shared: a stub's network is its holder's (record an interest instead).
    if (!raw || (a !== 'full' && a !== 'shared')) throw notFound('Entity', target, 'target');
    if (input.kind === 'OCG' && raw.type !== 'OCG') throw invalid('target', `${target} is a ${String(raw.type)}, not an OCG`);
    label ||= `${String(raw.type)} ${String(raw.label ?? raw.id)}`;
  } else if (input.kind === 'SEARCH') {
    label ||= `Search "${target}"`;
  } else {
    const lib = library().find((l) => l.id === target);
    if (lib) label ||= `Investigation ${lib.name}`;
    else label ||= `Investigation ${(await visibleInvestigation(db, viewer, target)).name}`;
  }
  const answer = await answerOf(db, dir, viewer, { kind: input.kind, target });
  const row: WatchRow = {
    id: `WATCH-${randomUUID()}`, ownerId: viewer.userId, kind: input.kind, target, label, createdAt: now,
    snapshot: snapshotOf(answer), realIds: answer.realIds,
  };
  return db.writeTx(async (tx) => {
    const [existing] = await run(tx, cypher(
      'MATCH (w:Watch {ownerId: $owner, kind: $kind, target: $target}) RETURN properties(w) AS w', { owner: viewer.userId, kind: input.kind, target },
    ));
    if (existing) return existing.w as WatchRow; // watching twice is watching once
    const [count] = await run(tx, cypher('MATCH (w:Watch {ownerId: $owner}) RETURN count(w) AS n', { owner: viewer.userId }));
    if ((count!.n as number) >= MAX_WATCHES_PER_USER) throw new DomainError('CONFLICT', `At most ${MAX_WATCHES_PER_USER} watches each: remove some first`, 'target');
    await run(tx, cypher('CREATE (w:Watch) SET w = $row', { row }));
    return row;
  });
}

export async function watchesOf(db: Db, viewer: Viewer): Promise<WatchRow[]> {
  const rows = await db.read(cypher(
    'MATCH (w:Watch {ownerId: $owner}) RETURN w {.id, .ownerId, .kind, .target, .label, .createdAt, .lastAlertAt} AS w ORDER BY w.kind, w.label, w.target',
    { owner: viewer.userId },
  ));
  return rows.map((r) => r.w as WatchRow);
}

export async function deleteWatch(db: Db, viewer: Viewer, id: string): Promise<boolean> {
  const rows = await db.write(cypher('MATCH (w:Watch {id: $id, ownerId: $owner}) DELETE w RETURN count(*) AS n', { id, owner: viewer.userId }));
  return ((rows[0]?.n as number) ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------
// Alerts

export interface AlertContent {
  added: GraphNode[];
  addedLinks: GraphEdge[];
  changed: GraphNode[];
  changedLinks: GraphEdge[];
  removed: string[];
  rows?: number;
  rowsChanged?: boolean;
}

export interface AlertRow {
  id: string;
  ownerId: string;
  watchId: string;
  watchKind: WatchKind;
  watchLabel: string;
  target: string;
  firstAt: string;
  at: string;
  changes: number;
  summary: string;
  content: string;
  read: boolean;
}

export function diff(before: Record<string, string>, after: Answer): AlertContent | undefined {
  const c: AlertContent = { added: [], addedLinks: [], changed: [], changedLinks: [], removed: [] };
  for (const [id, item] of after.items) {
    const old = before[id];
    if (old === item.hash) continue;
    if (id === '#rows') { c.rowsChanged = true; continue; }
    if (item.node) (old === undefined ? c.added : c.changed).push(item.node);
    if (item.edge) (old === undefined ? c.addedLinks : c.changedLinks).push(item.edge);
  }
  for (const id of Object.keys(before)) if (!after.items.has(id)) c.removed.push(id);
  if (after.rows !== undefined) c.rows = after.rows;
  const any = c.added.length || c.addedLinks.length || c.changed.length || c.changedLinks.length || c.removed.length || c.rowsChanged;
  return any ? c : undefined;
}

/** Folds a later change into an unread alert: the digest says what differs from when it was last read. */
export function merge(a: AlertContent, b: AlertContent): AlertContent {
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const added = byId(a.added);
  const addedLinks = byId(a.addedLinks);
  const changed = byId(a.changed);
  const changedLinks = byId(a.changedLinks);
  const removed = new Set(a.removed);
  for (const n of b.added) { removed.delete(n.id); (changed.has(n.id) || a.removed.includes(n.id) ? changed : added).set(n.id, n); }
  for (const e of b.addedLinks) { removed.delete(e.id); (changedLinks.has(e.id) || a.removed.includes(e.id) ? changedLinks : addedLinks).set(e.id, e); }
  for (const n of b.changed) (added.has(n.id) ? added : changed).set(n.id, n);
  for (const e of b.changedLinks) (addedLinks.has(e.id) ? addedLinks : changedLinks).set(e.id, e);
  for (const id of b.removed) {
    if (added.delete(id) || addedLinks.delete(id)) continue;
    changed.delete(id); changedLinks.delete(id); removed.add(id);
  }
  const sorted = <T extends { id: string }>(m: Map<string, T>) => [...m.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  return {
    added: sorted(added), addedLinks: sorted(addedLinks), changed: sorted(changed), changedLinks: sorted(changedLinks),
    removed: [...removed].sort(), rows: b.rows ?? a.rows, rowsChanged: a.rowsChanged || b.rowsChanged,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summarise(label: string, c: AlertContent): string {
  const seen = c.added.filter((n) => !n.restricted);
  const stubs = c.added.filter((n) => n.restricted);
  const parts: string[] = [];
  if (seen.length) {
    const names = seen.slice(0, 3).map((n) => n.label).join(', ');
    parts.push(`${plural(seen.length, 'new record')} (${names}${seen.length > 3 ? ', ...' : ''})`);
  }
  if (c.addedLinks.length) parts.push(plural(c.addedLinks.length, 'new link'));
  const changed = c.changed.length + c.changedLinks.length;
  if (changed) parts.push(`${changed} changed`);
  if (c.removed.length) parts.push(`${c.removed.length} no longer shown`);
  if (c.rowsChanged) parts.push(`results changed (${plural(c.rows ?? 0, 'row')})`);
  for (const holder of [...new Set(stubs.map((s) => s.heldBy ?? 'another agency'))].sort()) {
    parts.push(`new intelligence held by ${holder}`);
  }
  return `${label}: ${parts.join('; ')}`;
}

export async function alertsOf(db: Db, viewer: Viewer, opts: { limit: number; unreadOnly: boolean }): Promise<AlertRow[]> {
  const rows = await db.read(cypher(
    `MATCH (a:Alert {ownerId: $owner}) WHERE NOT $unread OR NOT a.read
     RETURN properties(a) AS a ORDER BY a.at DESC, a.watchKind, a.target LIMIT $limit`,
    { owner: viewer.userId, unread: opts.unreadOnly, limit: opts.limit },
  ));
  return rows.map((r) => r.a as AlertRow);
}

export async function markAlertsRead(db: Db, viewer: Viewer, ids: string[] | null): Promise<number> {
  const rows = await db.write(cypher(
    `MATCH (a:Alert {ownerId: $owner}) WHERE NOT a.read AND ($ids IS NULL OR a.id IN $ids) SET a.read = true, a.readAt = $now RETURN count(a) AS n`,
    { owner: viewer.userId, ids, now: new Date().toISOString() },
  ));
  return (rows[0]?.n as number) ?? 0;
}

export async function unreadAlertCount(db: Db, viewer: Viewer): Promise<number> {
  const rows = await db.read(cypher('MATCH (a:Alert {ownerId: $owner}) WHERE NOT a.read RETURN count(a) AS n', { owner: viewer.userId }));
  return (rows[0]?.n as number) ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Delivery

/** Watches whose answer the changed entities can affect (a superset: each is asked again and compared). */
async function affectedWatches(db: Db, ids: string[]): Promise<WatchRow[]> {
  const network = await db.read(cypher(
    `CALL () {
       MATCH (w:Watch) WHERE w.target IN $ids AND w.kind IN ['ENTITY', 'OCG'] RETURN w
       UNION
       UNWIND $ids AS id MATCH (n:Entity {id: id}) MATCH (n)--(m:Entity) WITH DISTINCT m
       MATCH (w:Watch {target: m.id}) WHERE w.kind IN ['ENTITY', 'OCG'] RETURN w
     }
     RETURN properties(w) AS w`,
    { ids },
  ));
  const out = network.map((r) => r.w as WatchRow);
  const others = (await db.read(cypher("MATCH (w:Watch) WHERE w.kind IN ['SEARCH', 'INVESTIGATION'] RETURN properties(w) AS w"))).map((r) => r.w as WatchRow);
  if (!others.length) return out;
  const changed = await entitiesById(db, ids);
  const changedIds = new Set(ids);
  for (const w of others) {
    if (w.kind === 'INVESTIGATION') { out.push(w); continue; }
    // A search's answer can change only through a record it showed, or one whose (whole) stored
    // words match its text: what any viewer is shown of a record is a part of those.
    const q = parseSearch(w.target);
    const hit = (w.realIds ?? []).some((id) => changedIds.has(id)) ||
      changed.some((r) => matchScore(q, { search: String(r.search ?? ''), phonetic: String(r.phonetic ?? '') }, r.number as string | undefined) > 0 ||
        matchesIdentifier(String(r.type), r, w.target));
    if (hit) out.push(w);
  }
  return out;
}

export interface DeliveryStats { changes: number; watches: number; alerts: number; lost?: boolean }

/** One round: pending changes -> affected watches asked again -> alerts. Returns 0 changes when idle. */
export async function deliverOnce(
  db: Db, dir: AgencyDirectory & { refresh?(force?: boolean): Promise<void> }, now = () => new Date().toISOString(),
): Promise<DeliveryStats> {
  // One round takes the changes written at one moment (the earliest pending), so how writes are
  // grouped into rounds, and the time an alert carries, follow the writes alone: never how many
  // other changes (some the watcher may not know of) happened to be pending beside them.
  const pending = await db.read(cypher(
    `MATCH (c:Change) WITH min(c.at) AS first MATCH (c:Change {at: first})
     RETURN c.id AS id, c.ids AS ids, c.at AS at ORDER BY c.id LIMIT $limit`,
    { limit: CHANGES_PER_ROUND },
  ));
  if (!pending.length) return { changes: 0, watches: 0, alerts: 0 };
  // An alert keeps the names it was written with: read the agency directory afresh for each round.
  await dir.refresh?.(true);
  const ids = [...new Set(pending.flatMap((c) => c.ids as string[]))];
  const watches = await affectedWatches(db, ids);
  const viewers = await viewersById(db, [...new Set(watches.map((w) => w.ownerId))]);
  const cache: ReadCache = new Map();
  const updates: { watch: WatchRow; snapshot: string; realIds: string[]; content?: AlertContent }[] = [];
  for (const w of watches) {
    const viewer = viewers.get(w.ownerId);
    if (!viewer) continue;
    let answer: Answer;
    try {
      answer = await answerOf(db, dir, viewer, w, cache);
    } catch (e) {
      // A saved investigation the owner may no longer run (unshared, deleted): the watch stays silent.
      if (e instanceof DomainError) continue;
      throw e;
    }
    const snapshot = snapshotOf(answer);
    if (snapshot === w.snapshot) continue;
    updates.push({ watch: w, snapshot, realIds: answer.realIds, content: diff(JSON.parse(w.snapshot ?? '{}'), answer) });
  }
  let alerts = 0;
  try {
    await db.writeTx(async (tx) => {
      // Rounds commit one at a time: the lock is held to the end of this transaction, so the
      // changes counted below are those no other round has taken. (Counting what a DELETE removed
      // is no claim: Neo4j lets two transactions delete one node, and both count it.)
      await run(tx, cypher('MERGE (d:AlertDelivery {id: $id}) SET d.at = $now', { id: 'alerts', now: now() }));
      const [left] = await run(tx, cypher('MATCH (c:Change) WHERE c.id IN $ids RETURN count(c) AS n', { ids: pending.map((c) => c.id) }));
      // Another process delivered these (its alerts are committed): give way.
      if ((left!.n as number) !== pending.length) throw new ClaimLost();
      await run(tx, cypher('MATCH (c:Change) WHERE c.id IN $ids DELETE c', { ids: pending.map((c) => c.id) }));
      const at = (pending[0]!.at as string | null) ?? now();
      for (const u of updates) {
        // The answer is compared with the snapshot it was diffed against: a watch answered again
        // (or removed) since then keeps its newer state, and this round says nothing for it.
        const [kept] = await run(tx, cypher(
          'MATCH (w:Watch {id: $id}) WHERE coalesce(w.snapshot, \'\') = $before SET w.snapshot = $snapshot, w.realIds = $realIds RETURN count(w) AS n',
          { id: u.watch.id, before: u.watch.snapshot ?? '', snapshot: u.snapshot, realIds: u.realIds },
        ));
        if (!(kept!.n as number) || !u.content) continue;
        const [open] = await run(tx, cypher('MATCH (a:Alert {watchId: $w}) WHERE NOT a.read RETURN properties(a) AS a ORDER BY a.at DESC LIMIT 1', { w: u.watch.id }));
        const prev = open?.a as AlertRow | undefined;
        const content = prev ? merge(JSON.parse(prev.content) as AlertContent, u.content) : u.content;
        const summary = summarise(u.watch.label, content);
        if (prev) {
          await run(tx, cypher('MATCH (a:Alert {id: $id}) SET a.at = $at, a.changes = a.changes + 1, a.summary = $summary, a.content = $content',
            { id: prev.id, at, summary, content: JSON.stringify(content) }));
        } else {
          const row: AlertRow = {
            id: `ALERT-${randomUUID()}`, ownerId: u.watch.ownerId, watchId: u.watch.id, watchKind: u.watch.kind, watchLabel: u.watch.label,
            target: u.watch.target, firstAt: at, at, changes: 1, summary, content: JSON.stringify(content), read: false,
          };
          await run(tx, cypher('CREATE (a:Alert) SET a = $row', { row }));
        }
        await run(tx, cypher('MATCH (w:Watch {id: $id}) SET w.lastAlertAt = $at', { id: u.watch.id, at }));
        alerts++;
      }
    });
  } catch (e) {
    if (e instanceof ClaimLost) return { changes: 0, watches: 0, alerts: 0, lost: true };
    throw e;
  }
  return { changes: pending.length, watches: watches.length, alerts };
}

class ClaimLost extends Error {}

/**
 * Runs delivery in the background: a round every `pollMs` while changes are pending. `flush`
 * delivers everything pending now (tests, and the end of an import).
 */
export class AlertDelivery {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  constructor(private readonly db: Db, private readonly dir: AgencyDirectory & { refresh?(force?: boolean): Promise<void> }, private readonly pollMs = 1000,
    private readonly onError: (e: unknown) => void = () => {}) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => { void this.tick(); }, this.pollMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    try { await this.flush(); } catch (e) { this.onError(e); }
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
    this.running = (async () => {
      for (let i = 0; i < 1000 && !this.stopped; i++) {
        const s = await deliverOnce(this.db, this.dir);
        if (!s.changes && !s.lost) break;
      }
    })();
    try { await this.running; } finally { this.running = undefined; }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.running) await this.running.catch(() => {});
  }
}

/** The stored alert content as GraphQL reads it. */
export const alertContent = (a: AlertRow): AlertContent => JSON.parse(a.content) as AlertContent;
