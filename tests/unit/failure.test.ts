import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../server/config.js';
import { DatabaseUnavailableError, isRetryable, isTimeout } from '../../server/db/db.js';
import { LocalNeo4jError } from '../../server/db/localNeo4j.js';
import { explain, reportFailure } from '../../server/failure.js';

const hints = { what: 'seed', rerun: 'npm run seed -- --size demo', dataDir: '/data', port: 4000 };
const neo4jError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('failures told in words', () => {
  it('a transaction that ran out of time names the budget settings and says finished work is kept', () => {
    const x = explain(neo4jError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'The transaction has been terminated.\nmore'), hints);
    expect(x.why).toMatch(/ran out of its time budget \(The transaction has been terminated\.\)$/);
    expect(x.fix).toMatch(/npm run seed -- --size demo/);
    expect(x.fix).toMatch(/BULK_TX_TIMEOUT_MS/);
    expect(x.exitCode).toBe(3);
  });

  it('the database lost, wrong credentials, a port in use, permissions and a full disk each get their own advice', () => {
    expect(explain(new DatabaseUnavailableError('The database is unavailable'), hints).fix).toMatch(/NEO4J_URI.*\/data\/neo4j/);
    expect(explain(neo4jError('ServiceUnavailable', 'gone'), hints).why).toMatch(/could not be reached or was lost/);
    expect(explain(neo4jError('Neo.ClientError.Security.Unauthorized', 'x'), hints)).toMatchObject({ fix: 'Check NEO4J_USER and NEO4J_PASSWORD.', exitCode: 2 });
    const inUse = explain(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', port: 4100, address: '127.0.0.1' }), hints);
    expect(inUse.why).toBe('port 4100 on 127.0.0.1 is already in use by another program');
    expect(inUse.fix).toMatch(/PORT/);
    expect(explain(Object.assign(new Error('nope'), { code: 'EACCES', path: '/data/x', syscall: 'open' }), hints).why).toBe('permission denied on /data/x (open)');
    expect(explain(Object.assign(new Error('nospace'), { code: 'ENOSPC' }), hints).why).toBe('the disk is full');
  });

  it('settings and missing prerequisites are told as they are, with no log file', () => {
    expect(explain(new ConfigError(['PORT="x": bad']), hints)).toMatchObject({ exitCode: 2, log: false });
    expect(explain(new LocalNeo4jError('Java 17 or newer is needed'), hints)).toMatchObject({ why: 'Java 17 or newer is needed', fix: '', log: false });
    expect(explain(new LocalNeo4jError('The local Neo4j exited (code 1) before it was ready:\nstack...'), hints))
      .toMatchObject({ why: 'The local Neo4j exited (code 1) before it was ready:', log: true });
  });

  it('prints two lines and appends the raw error, stack and code included, to DATA_DIR/logs', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-fail-'));
    try {
      const lines: string[] = [];
      const e = neo4jError('Neo.TransientError.Transaction.DeadlockDetected', 'deadlock found');
      const code = reportFailure(e, { ...hints, dataDir, write: (l) => lines.push(l) });
      expect(code).toBe(3);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe('Seed failed: the database stayed too busy to finish a transaction, even after retries (deadlock found)');
      expect(lines[1]).toMatch(/BULK_RETRY_FOR_MS/);
      const file = path.join(dataDir, 'logs/seed.log');
      expect(lines[1]).toContain(`Details: ${file}`);
      const logged = fs.readFileSync(file, 'utf8');
      expect(logged).toContain('Neo.TransientError.Transaction.DeadlockDetected');
      expect(logged).toMatch(/failure\.test\.ts/); // the stack
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('bulk work retries what a busy machine causes and nothing else', () => {
    expect(isRetryable(neo4jError('Neo.TransientError.Transaction.DeadlockDetected', ''))).toBe(true);
    expect(isRetryable(neo4jError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', ''))).toBe(true);
    expect(isRetryable(neo4jError('Neo.ClientError.Transaction.TransactionTimedOut', ''))).toBe(true);
    expect(isRetryable(new DatabaseUnavailableError('x'))).toBe(true);
    expect(isRetryable(neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed', ''))).toBe(false);
    expect(isRetryable(neo4jError('Neo.ClientError.Statement.SyntaxError', ''))).toBe(false);
    expect(isRetryable(new Error('bug'))).toBe(false);
    expect(isTimeout(neo4jError('Neo.TransientError.Transaction.DeadlockDetected', ''))).toBe(false);
  });
});
