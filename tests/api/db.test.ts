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
