import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, run } from '../../server/db/db.js';
import { testDb, type TestDb } from '../helpers/db.js';

/** The access layer over a real Neo4j: statements start without the caller's stack, and nothing else changes. */
let t: TestDb;
beforeAll(async () => { t = await testDb(); });
afterAll(async () => t?.close());

describe('Db', () => {
  it('leaves the process stack-trace limit as it found it, on success and on failure', async () => {
    const before = Error.stackTraceLimit;
    expect((await t.db.read(cypher('RETURN $x AS x', { x: 7 })))[0]).toEqual({ x: 7 });
    expect(Error.stackTraceLimit).toBe(before);
    const failure = (await t.db.read(cypher('RETURN nope(1)')).catch((e) => e)) as Error & { code: string };
    expect(failure.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(failure.message).toMatch(/nope/);
    // The statement was started without recording the caller's stack.
    expect(failure.stack).not.toMatch(/db\.test\.ts/);
    expect(Error.stackTraceLimit).toBe(before);
    await expect(t.db.readTx((tx) => run(tx, cypher('RETURN 1 / toInteger($z) AS x', { z: 0 })))).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.ArithmeticError' });
    expect(Error.stackTraceLimit).toBe(before);
    // Errors of the platform's own code keep their stacks.
    expect(new Error('x').stack!.split('\n').length).toBeGreaterThan(1);
  });
});

describe('bulk work', () => {
  // Long enough to outlast a few milliseconds on any machine, short enough for a test.
  const N = 6000;
  const heavy = cypher('UNWIND range(1, $n) AS a UNWIND range(1, $n) AS b WITH a, b WHERE (a + b) % 7 = 0 RETURN count(*) AS c', { n: N });
  let expected = 0;
  for (let a = 1; a <= N; a++) for (let b = 1; b <= N; b++) if ((a + b) % 7 === 0) expected++;

  // Neo4j checks transaction budgets periodically (not on every row): the statement runs for seconds.
  it('is not bound by the interactive query timeout: a transaction that outlasts its budget is retried with a doubled one', async () => {
    const interactive = new (t.db.constructor as typeof import('../../server/db/db.js').Db)(t.db.driver, { queryTimeoutMs: 100 });
    const refused = await interactive.read(heavy).catch((e) => e);
    expect(refused.code).toMatch(/TransactionTimedOut/);

    const retries: string[] = [];
    const bulk = interactive.bulk({ timeoutMs: 100, onRetry: (what) => retries.push(what) });
    expect(await bulk.read(heavy)).toEqual([{ c: expected }]);
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]).toMatch(/TransactionTimedOut|timed out|terminated/i);
    // Writes too (the same statement inside a write transaction).
    retries.length = 0;
    expect(await bulk.writeTx((tx) => run(tx, heavy))).toEqual([{ c: expected }]);
    expect(retries.length).toBeGreaterThan(0);
  });

  it('does not retry what retrying cannot fix, nor anything once it is told to stop', async () => {
    const retries: string[] = [];
    const stop = new AbortController();
    const bulk = t.db.bulk({ timeoutMs: 60_000, onRetry: (what) => retries.push(what), signal: stop.signal });
    await expect(bulk.read(cypher('RETURN nope(1)'))).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(retries).toEqual([]);
    stop.abort();
    const quick = t.db.bulk({ timeoutMs: 50, onRetry: (what) => retries.push(what), signal: stop.signal });
    await expect(quick.read(heavy)).rejects.toMatchObject({ code: expect.stringMatching(/TransactionTimedOut/) });
    expect(retries).toEqual([]);
  });
});
