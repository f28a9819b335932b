import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type SessionMode } from 'neo4j-driver';

/** A Cypher statement as a value: text that never holds user input, plus its parameters. */
export interface Query {
  text: string;
  params: Record<string, unknown>;
}

export const cypher = (text: string, params: Record<string, unknown> = {}): Query => ({ text, params });

import { DatabaseUnavailableError, DomainError } from '../domain/errors.js';
import { BOOKMARK_REFUSED, currentCausal } from './causal.js';

export { DatabaseUnavailableError };

export type Row = Record<string, unknown>;
export type Tx = ManagedTransaction;

export interface DbOptions {
  database?: string;
  queryTimeoutMs: number;
  /** Set on the view returned by `Db.bulk()`: bulk work's own budget and retries. */
  bulk?: BulkOptions;
}

/**
 * Bulk work (seed, imports, migrations) is not interactive work: its transactions get their own
 * time budget instead of the interactive query timeout, and a transient failure (deadlock, a
 * transaction timed out on a busy machine, the database briefly unavailable) is retried with
 * backoff instead of ending the run. Every bulk statement is idempotent (writes are merges that
 * leave unchanged rows alone), so running one again after an unknown outcome is safe.
 */
export interface BulkOptions {
  /** Budget of one bulk transaction (BULK_TX_TIMEOUT_MS); doubled on each retry after a timeout. */
  timeoutMs: number;
  /** How long to keep retrying one transaction before giving up (default 10 minutes). */
  retryForMs?: number;
  /** Told about each retry, so a long run shows why it is waiting. */
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
  /** No retry once aborted (the process is stopping). */
  signal?: AbortSignal;
}

/** Failures worth trying again: the work itself was fine, the database was busy or briefly away. */
export function isRetryable(e: unknown): boolean {
  if (e instanceof DatabaseUnavailableError) return true;
  const err = e as { code?: string; retriable?: boolean; retryable?: boolean; message?: string };
  const code = err?.code ?? '';
  return err?.retriable === true || err?.retryable === true || code.startsWith('Neo.TransientError.') ||
    code === 'ServiceUnavailable' || code === 'SessionExpired' || isTimeout(e);
}

/** A transaction stopped by its time budget (the client's or the server's). */
export function isTimeout(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return /TransactionTimedOut/.test(code) || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration';
}

/** Thin access layer: read/write helpers that return plain objects (integers as JS numbers). */
export class Db {
  readonly database: string;
  constructor(readonly driver: Driver, readonly options: DbOptions) {
    this.database = options.database ?? 'neo4j';
  }

  /**
   * The same connection for bulk work: transactions get `options.timeoutMs` each (the interactive
   * QUERY_TIMEOUT_MS never applies) and transient failures are retried (see BulkOptions).
   */
  bulk(options: BulkOptions): Db {
    return new Db(this.driver, { ...this.options, queryTimeoutMs: options.timeoutMs, bulk: options });
  }

  /** Runs `work` with the bulk retry policy; on an interactive Db, once and directly (the request path). */
  private retrying<T>(what: string, work: (timeoutMs: number) => Promise<T>, timeoutMs: number): Promise<T> {
    const bulk = this.options.bulk;
    return bulk ? this.retryLoop(bulk, what, work, timeoutMs) : work(timeoutMs);
  }

  private async retryLoop<T>(bulk: BulkOptions, what: string, work: (timeoutMs: number) => Promise<T>, timeoutMs: number): Promise<T> {
    const giveUpAt = Date.now() + (bulk.retryForMs ?? 600_000);
    let budget = timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await work(budget);
      } catch (e) {
        if (!isRetryable(e) || Date.now() >= giveUpAt || bulk.signal?.aborted) throw e;
        // Out of time: again at once with twice the budget. Anything else: back off first.
        const timedOut = isTimeout(e);
        if (timedOut) budget = Math.min(budget * 2, 24 * 3_600_000);
        const delay = timedOut ? 0 : Math.min(30_000, 500 * 2 ** Math.min(attempt - 1, 6));
        bulk.onRetry?.(`${what}: ${(e as Error).message?.split('\n')[0] ?? e}`, attempt, delay);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  static connect(uri: string, user: string, password: string, options: DbOptions): Db {
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 100,
      connectionAcquisitionTimeout: 10000,
      connectionTimeout: 5000,
      maxTransactionRetryTime: 5000,
      userAgent: 'intel-graph',
    });
    return new Db(driver, options);
  }

  async verify(timeoutMs = 60000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.driver.getServerInfo({ database: this.database });
        return;
      } catch (e) {
        if (Date.now() > until) throw new DatabaseUnavailableError(`Neo4j is not reachable: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /**
   * One read statement as an auto-commit transaction: one round trip (RUN and PULL) instead of
   * BEGIN, RUN, PULL and COMMIT, which halves the driver's and the server's work per request.
   * Reads that need one snapshot across statements use `readTx`.
   */
  async read(q: Query, timeoutMs = this.options.queryTimeoutMs): Promise<Row[]> {
    return this.retrying('read', (t) => this.autoCommit(neo4j.session.READ, q, t), timeoutMs);
  }

  async write(q: Query): Promise<Row[]> {
    return this.writeTx((tx) => run(tx, q));
  }

  /**
   * One write statement as an auto-commit transaction (one round trip). No retry: for statements
   * whose caller has its own fallback; everything else uses `writeTx`.
   */
  async writeAutoCommit(q: Query, timeoutMs = this.writeBudget()): Promise<Row[]> {
    return this.retrying('write', (t) => this.autoCommit(neo4j.session.WRITE, q, t), timeoutMs);
  }

  /** Interactive writes get four times the read budget; bulk writes their own budget. */
  private writeBudget(): number {
    return this.options.bulk ? this.options.queryTimeoutMs : this.options.queryTimeoutMs * 4;
  }

  /** A session in the request's causal context: it starts after the request's bookmarks. */
  private session(mode?: SessionMode) {
    const causal = currentCausal();
    return this.driver.session({
      database: this.database,
      ...(mode ? { defaultAccessMode: mode } : {}),
      ...(causal?.bookmarks.length ? { bookmarks: causal.bookmarks } : {}),
    });
  }

  /** After a write: the request's later transactions (and its response) carry its bookmark. */
  private wrote(session: { lastBookmarks(): string[] }): void {
    const causal = currentCausal();
    if (!causal) return;
    const latest = session.lastBookmarks();
    if (latest.length) {
      causal.latest = latest;
      causal.bookmarks = latest;
    }
  }

  private async autoCommit(mode: SessionMode, q: Query, timeoutMs: number): Promise<Row[]> {
    const session = this.session(mode);
    try {
      const rows = plainRows(await withoutCallerStack(() => session.run(q.text, boltParams(q.params), { timeout: timeoutMs })));
      if (mode === neo4j.session.WRITE) this.wrote(session);
      return rows;
    } catch (e) {
      throw translate(e);
    } finally {
      await session.close();
    }
  }

  async readTx<T>(work: (tx: Tx) => Promise<T>, timeoutMs = this.options.queryTimeoutMs): Promise<T> {
    return this.retrying('read', (t) => this.readTxOnce(work, t), timeoutMs);
  }

  private async readTxOnce<T>(work: (tx: Tx) => Promise<T>, timeoutMs: number): Promise<T> {
    const session = this.session(neo4j.session.READ);
    try {
      return await session.executeRead(work, { timeout: timeoutMs });
    } catch (e) {
      throw translate(e);
    } finally {
      await session.close();
    }
  }

  async writeTx<T>(work: (tx: Tx) => Promise<T>, timeoutMs = this.writeBudget()): Promise<T> {
    return this.retrying('write', (t) => this.writeTxOnce(work, t), timeoutMs);
  }

  private async writeTxOnce<T>(work: (tx: Tx) => Promise<T>, timeoutMs: number): Promise<T> {
    const session = this.session(neo4j.session.WRITE);
    try {
      const result = await session.executeWrite(work, { timeout: timeoutMs });
      this.wrote(session);
      return result;
    } catch (e) {
      throw translate(e);
    } finally {
      await session.close();
    }
  }

  /** Schema statements cannot share a transaction with writes: auto-commit each. */
  async runAutoCommit(text: string): Promise<void> {
    return this.retrying('schema', (t) => this.runAutoCommitOnce(text, t), this.options.bulk ? this.options.queryTimeoutMs : 0);
  }

  /** Several schema statements in one transaction (indexes created together are populated in one pass). */
  async runSchemaTx(texts: readonly string[]): Promise<void> {
    return this.retrying('schema', async (t) => {
      const session = this.session(neo4j.session.WRITE);
      const tx = session.beginTransaction(t > 0 ? { timeout: t } : undefined);
      try {
        for (const text of texts) await tx.run(text);
        await tx.commit();
      } catch (e) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw translate(e);
      } finally {
        await session.close();
      }
    }, this.options.bulk ? this.options.queryTimeoutMs : 0);
  }

  private async runAutoCommitOnce(text: string, timeoutMs: number): Promise<void> {
    const session = this.session();
    try {
      // 0: the server's own transaction timeout (schema statements on an interactive Db).
      await session.run(text, {}, timeoutMs > 0 ? { timeout: timeoutMs } : undefined);
    } catch (e) {
      throw translate(e);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** Parameters used as LIMIT/SKIP/hop counts must travel as Bolt integers, not floats. */
const INTEGER_PARAM = /^(limit|fetch|skip|first|hops|depth|k|pageSize)$|(Limit|Hops|Skip)$/;

export function boltParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = INTEGER_PARAM.test(k) && Number.isSafeInteger(v) ? neo4j.int(v as number) : v;
  return out;
}

export async function run(tx: Tx, q: Query): Promise<Row[]> {
  return plainRows(await withoutCallerStack(() => tx.run(q.text, boltParams(q.params))));
}

/**
 * Starts a statement without the caller's stack trace. The driver records one for every statement
 * (`new Error().stack`, formatted at once) only to append it to a failure's stack; under load that
 * was about 5% of the API's CPU. Failures are translated here and in the resolvers by code and
 * message, so nothing reads it. The limit is restored before anything else can run.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function plainRows(res: QueryResult): Row[] {
  return res.records.map((r) => toPlain(r.toObject()) as Row);
}

function translate(e: unknown): unknown {
  const err = e as { code?: string; message?: string };
  if (err?.code?.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
    return new DomainError('VALIDATION', BOOKMARK_REFUSED, 'bookmark');
  }
  if (err?.code === 'ServiceUnavailable' || err?.code === 'SessionExpired' || err?.code === 'Neo.TransientError.General.DatabaseUnavailable' ||
      /Could not acquire a connection|Connection acquisition timed out|connect ECONNREFUSED/i.test(err?.message ?? '')) {
    return new DatabaseUnavailableError('The database is unavailable; try again shortly.');
  }
  return e;
}

/** Converts driver values (nodes, temporal, points) into plain JSON-ready values. */
export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return v ?? null;
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v !== 'object') return v;
  if (Object.getPrototypeOf(v) === Object.prototype) return plainMap(v as Record<string, unknown>); // a Cypher map: no driver type to test for
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  const o = v as Record<string, unknown> & { constructor?: { name?: string } };
  if (neo4j.isDate(v as never) || neo4j.isDateTime(v as never) || neo4j.isLocalDateTime(v as never)) return String(v);
  if (neo4j.isPoint(v as never)) return { x: (o as { x: number }).x, y: (o as { y: number }).y };
  if ('labels' in o && 'properties' in o && 'elementId' in o) {
    return { labels: o.labels, ...(toPlain(o.properties) as object) };
  }
  if ('type' in o && 'properties' in o && 'startNodeElementId' in o) {
    return { type: o.type, ...(toPlain(o.properties) as object) };
  }
  return plainMap(o);
}

function plainMap(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = toPlain(o[k]);
  return out;
}
