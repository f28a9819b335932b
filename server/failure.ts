import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { ConfigError } from './config.js';
import { LocalNeo4jError } from './db/localNeo4j.js';
import { DatabaseUnavailableError, isTimeout } from './db/db.js';

/**
 * Failures of the entry points (`npm start`, `npm run seed`, `npm run import`) told in one or two
 * lines a person can act on: what failed, why, what to do. The raw error (stack, driver code,
 * causes) goes to a log file whose path is printed, never to the terminal.
 */
export interface Explained {
  /** Why it failed, in words. */
  why: string;
  /** What to do about it. */
  fix: string;
  /** Exit code: 2 for settings and prerequisites the user must change, 3 otherwise. */
  exitCode: number;
  /** False when the two lines say all there is (bad settings, a missing prerequisite): no log file. */
  log?: boolean;
}

interface Hints {
  /** What was being done: "start", "seed", "import". */
  what: string;
  /** How to run it again (e.g. "npm start"). */
  rerun: string;
  /** Where the data lives (for the hint about starting over). */
  dataDir?: string;
  port?: number;
  host?: string;
}

export function explain(e: unknown, h: Hints): Explained {
  const err = e as { code?: string; message?: string; syscall?: string; path?: string; address?: string; port?: number };
  const code = err?.code ?? '';
  const message = String(err?.message ?? e).split('\n')[0]!.trim();
  if (e instanceof ConfigError) return { why: e.message, fix: 'Correct the settings above and run it again.', exitCode: 2, log: false };
  if (e instanceof LocalNeo4jError) {
    const [first, ...rest] = e.message.split('\n');
    const detail = rest.some((l) => l.trim());
    return { why: first!, fix: detail ? 'The database output is in the log file.' : '', exitCode: 2, log: detail };
  }
  if (isTimeout(e)) {
    return {
      why: `a database transaction ran out of its time budget (${message})`,
      fix: `The machine may be busy. Run \`${h.rerun}\` again: finished work is kept and it resumes where it stopped. ` +
        'If it keeps happening, raise BULK_TX_TIMEOUT_MS (bulk work) or QUERY_TIMEOUT_MS (requests).',
      exitCode: 3,
    };
  }
  if (code.startsWith('Neo.TransientError.') && code !== 'Neo.TransientError.General.DatabaseUnavailable') {
    return {
      why: `the database stayed too busy to finish a transaction, even after retries (${message})`,
      fix: `Run \`${h.rerun}\` again when the machine is less busy: finished work is kept and it resumes where it stopped. BULK_RETRY_FOR_MS sets how long it retries.`,
      exitCode: 3,
    };
  }
  if (e instanceof DatabaseUnavailableError || code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.')) {
    return {
      why: `the database could not be reached or was lost (${message})`,
      fix: `Check that Neo4j is running (NEO4J_URI, or the local one in ${h.dataDir ?? 'DATA_DIR'}/neo4j) and run \`${h.rerun}\` again; finished work is kept.`,
      exitCode: 3,
    };
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return { why: 'Neo4j refused the user name or password', fix: 'Check NEO4J_USER and NEO4J_PASSWORD.', exitCode: 2 };
  }
  if (code === 'EADDRINUSE') {
    return {
      why: `port ${err.port ?? h.port} on ${err.address ?? h.host ?? '127.0.0.1'} is already in use by another program`,
      fix: 'Stop that program, or set PORT to a free port (PORT=4100 npm start).',
      exitCode: 2,
    };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return { why: `permission denied${err.path ? ` on ${err.path}` : ''}${err.syscall ? ` (${err.syscall})` : ''}`, fix: 'Run as a user who may write there, or set DATA_DIR to a folder you own.', exitCode: 2 };
  }
  if (code === 'ENOSPC') {
    return { why: 'the disk is full', fix: `Free some space (the data folder is ${h.dataDir ?? 'DATA_DIR'}) and run \`${h.rerun}\` again; finished work is kept.`, exitCode: 3 };
  }
  return {
    why: message || 'an unexpected error',
    fix: `Run \`${h.rerun}\` again (finished work is kept); if it fails the same way, report it with the log file.`,
    exitCode: 3,
  };
}

/** Appends the whole error to `<dataDir>/logs/<name>.log` and returns the path (undefined if it could not be written). */
export function logFailure(dataDir: string, name: string, e: unknown, context: Record<string, unknown> = {}): string | undefined {
  try {
    const dir = path.join(dataDir, 'logs');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.log`);
    const body = inspect(e, { depth: 6, breakLength: 120 });
    fs.appendFileSync(file, `--- ${new Date().toISOString()} ${name} failed ${JSON.stringify(context)}\n${body}\n`);
    return file;
  } catch {
    return undefined;
  }
}

/** Prints the explanation (two or three lines) and logs the raw error; returns the exit code. */
export function reportFailure(e: unknown, h: Hints & { dataDir: string; prefix?: string; write?: (line: string) => void }): number {
  const x = explain(e, h);
  const file = x.log === false ? undefined : logFailure(h.dataDir, h.what, e, { node: process.version, pid: process.pid });
  const write = h.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const p = h.prefix ?? '';
  write(`${p}${capitalise(h.what)} failed: ${x.why}`);
  const second = `${x.fix}${file ? `${x.fix ? ' ' : ''}Details: ${file}` : ''}`;
  if (second) write(`${p}${second}`);
  return x.exitCode;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
