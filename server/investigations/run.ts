import { createHash } from 'node:crypto';
import { cypher, type Db } from '../db/db.js';
import { DomainError } from '../domain/errors.js';
import { policyParams, type AgencyDirectory, type Viewer } from '../domain/policy.js';
import type { GraphSlice, Seen } from '../graph/slice.js';
import { guardParams, guardQuery } from './confine.js';
import { expandMacros } from './library.js';
import { ResultCollector, shapeResult } from './results.js';
import { checkText, explainAndCheck, refuse, type QueryMode } from './safety.js';

/**
 * Bounded execution of an investigation: checks (safety.ts), the visibility guard for free-form
 * queries (confine.ts), then one READ transaction with a timeout, streaming rows until the row cap
 * (the stream is cancelled there, so `UNWIND range(1, 100000000)` costs a few thousand rows), and
 * the policy applied to what came back (results.ts). Runaway memory is bounded by the database's
 * own `dbms.memory.transaction.total.max`; hitting it is reported like the timeout.
 *
 * Scalar columns:
 *  - library investigations: only the columns the header lists as safe; the others are withheld;
 *  - free-form queries (typed or saved by a user): returned, because the guard confines the query
 *    to the records the viewer sees and the tree checks keep sensitive, internal and aggregate
 *    properties, internal ids and whole-record maps out of reach, so every value is computed from
 *    what the viewer is shown.
 */
export interface Limits {
  timeoutMs: number;
  rowCap: number;
  maxQueryLength: number;
  maxGraphNodes: number;
}

export const DEFAULT_LIMITS: Limits = { timeoutMs: 10_000, rowCap: 5_000, maxQueryLength: 20_000, maxGraphNodes: 2_000 };

export interface InvestigationQuery {
  mode: QueryMode;
  /** Free-form: the query as typed. Library: the query body (header removed, macros unexpanded). */
  cypher: string;
  /** Bound parameter values (see library.bindParams / freeFormParams). */
  params: Record<string, unknown>;
  /** Library only: scalar columns that may be shown. */
  safeColumns?: readonly string[];
}

export interface Prepared {
  mode: QueryMode;
  text: string;
  params: Record<string, unknown>;
  guarded: boolean;
  /** sha256 of the query as written, for the audit trail. */
  queryHash: string;
}

export interface RunResult {
  columns: string[];
  rows: Record<string, unknown>[];
  graph: GraphSlice;
  truncated: boolean;
  withheldColumns: string[];
  elapsedMs: number;
  guarded: boolean;
  queryHash: string;
}

export const queryHash = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

/** All checks, without running the query. Throws QUERY_REFUSED with the rule that was hit. */
export async function prepare(db: Db, viewer: Viewer, q: InvestigationQuery, limits: Limits = DEFAULT_LIMITS): Promise<Prepared> {
  const params = { ...q.params, ...policyParams(viewer), ...guardParams() };
  const hash = queryHash(q.cypher);
  if (q.mode === 'library') {
    const text = checkText(expandMacros(q.cypher, viewer), 'library', { maxQueryLength: Math.max(limits.maxQueryLength, 100_000) }).text;
    await explainAndCheck(db, text, params, 'library', limits.timeoutMs);
    return { mode: q.mode, text, params, guarded: false, queryHash: hash };
  }
  const checked = checkText(q.cypher, 'freeForm', limits);
  // The query as written first, so errors in it are reported against the user's own text.
  await explainAndCheck(db, checked.text, params, 'freeForm', limits.timeoutMs);
  const guarded = guardQuery(checked, viewer);
  try {
    await explainAndCheck(db, guarded.text, params, 'freeForm', limits.timeoutMs);
  } catch (e) {
    if (e instanceof DomainError && e.details?.reason === 'syntax') {
      throw refuse('unguardable', `The query cannot be confined to the records you may see (${e.message.replace(/^The query is not valid Cypher: /, '')}): write the patterns inside MATCH or EXISTS { ... }, and shortest paths as MATCH ANY SHORTEST (a)((x)-[r]-(y)){1,5}(b)`);
    }
    throw e;
  }
  return { mode: q.mode, text: guarded.text, params, guarded: true, queryHash: hash };
}

/**
 * Runs in progress per user, in one API instance: one user's heavy queries must not take every
 * database thread while colleagues wait.
 */
export class RunSlots {
  readonly running = new Map<string, number>();
}

export async function withRunSlot<T>(slots: RunSlots, viewer: Viewer, maxConcurrent: number, work: () => Promise<T>): Promise<T> {
  const running = slots.running;
  const key = viewer.userId;
  const now = running.get(key) ?? 0;
  if (now >= maxConcurrent) {
    throw new DomainError('LIMIT_EXCEEDED', `You already have ${now} investigation${now === 1 ? '' : 's'} running (at most ${maxConcurrent} at once): wait for ${now === 1 ? 'it' : 'one'} to finish`, 'cypher', { reason: 'concurrency', maxConcurrent });
  }
  running.set(key, now + 1);
  try {
    return await work();
  } finally {
    const left = (running.get(key) ?? 1) - 1;
    if (left > 0) running.set(key, left); else running.delete(key);
  }
}

function runError(e: unknown, limits: Limits): unknown {
  const code = (e as { code?: string }).code ?? '';
  if (/TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed/.test(code)) {
    return new DomainError('LIMIT_EXCEEDED', `The query ran for longer than ${Math.round(limits.timeoutMs / 100) / 10} s and was stopped: narrow it (labels, ids, LIMIT) and try again`, 'cypher', { reason: 'timeout', timeoutMs: limits.timeoutMs });
  }
  if (/MemoryPool|OutOfMemory|MemoryLimit|TransactionOutOfMemory/i.test(code)) {
    return new DomainError('LIMIT_EXCEEDED', 'The query needed more memory than one investigation may use and was stopped: narrow it or aggregate less', 'cypher', { reason: 'memory' });
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || /Forbidden|WriteOnReadOnly/i.test(code)) {
    return refuse('write', 'The database refused a write: investigations only read');
  }
  if (code.startsWith('Neo.ClientError.')) {
    // The database's own message can quote values of records the viewer may not see: only its code is shown.
    return new DomainError('VALIDATION', `The query failed while running (${code.replace(/^Neo\.ClientError\./, '')}): check the expressions and parameter types`, 'cypher', { reason: 'runtime', status: code });
  }
  return e;
}

/** Runs a prepared query: READ transaction, timeout, row cap, then the policy. */
export async function execute(
  db: Db, viewer: Viewer, dir: AgencyDirectory, p: Prepared,
  opts: { limits?: Limits; safeColumns?: readonly string[]; seen?: Seen; startedAt?: number } = {},
): Promise<RunResult> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const startedAt = opts.startedAt ?? Date.now();
  let collector = new ResultCollector();
  let columns: string[] = [];
  let truncated = false;
  try {
    await db.readTx(async (tx) => {
      collector = new ResultCollector();
      truncated = false;
      const result = tx.run(p.text, p.params);
      columns = await result.keys();
      let count = 0;
      for await (const record of result) {
        if (count >= limits.rowCap) { truncated = true; break; } // cancels the rest of the stream
        collector.add(columns.map((k) => record.get(k)));
        count++;
      }
    }, limits.timeoutMs);
  } catch (e) {
    throw runError(e, limits);
  }
  const missing = collector.missingEndpoints();
  if (missing.length) {
    const rows = await db.read(cypher('MATCH (n) WHERE elementId(n) IN $eids RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props', { eids: missing }), limits.timeoutMs);
    collector.addEndpoints(rows as { eid: string; labels: string[]; props: Record<string, unknown> }[]);
  }
  const scalars = p.mode === 'freeForm' ? 'all' as const : new Set(opts.safeColumns ?? []);
  const shaped = shapeResult(viewer, dir, collector, columns, { scalars, maxGraphNodes: limits.maxGraphNodes, truncated, seen: opts.seen });
  return {
    columns, rows: shaped.rows, graph: shaped.graph, truncated, withheldColumns: shaped.withheldColumns,
    elapsedMs: Date.now() - startedAt, guarded: p.guarded, queryHash: p.queryHash,
  };
}

/** prepare + execute. */
export async function runInvestigationQuery(
  db: Db, viewer: Viewer, dir: AgencyDirectory, q: InvestigationQuery, opts: { limits?: Limits; seen?: Seen } = {},
): Promise<RunResult> {
  const startedAt = Date.now();
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const prepared = await prepare(db, viewer, q, limits);
  return execute(db, viewer, dir, prepared, { limits, safeColumns: q.safeColumns, seen: opts.seen, startedAt });
}
