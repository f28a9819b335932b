import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.js';

/**
 * What seals the audit chain, kept outside the database: the HMAC key and the checkpoint file.
 * Someone holding the database password alone can neither compute an event's MAC (so cannot
 * re-hash what follows an event they delete) nor move the checkpoint (so cannot cut events off
 * the end and move the head back).
 */
export interface AuditSeal {
  key: Buffer;
  /** A short public name of the key, stored on each event, so a wrong key is told apart from tampering. */
  keyId: string;
  /** Where the head is checkpointed; undefined: no checkpoint is kept (verification then says so). */
  checkpointFile?: string;
}

export interface Checkpoint {
  seq: number;
  hash: string;
  /** The first event sealed with a key: from there on, an unkeyed event is a forgery. */
  keyedFrom: number;
  at: string;
}

/** A key that cannot be used is a settings problem: reported like every other (exit 2, one line each). */
const keyProblem = (msg: string) => new ConfigError([msg]);

export const KEY_FILE = 'audit.key';
export const CHECKPOINT_FILE = 'audit.checkpoint.json';
const MIN_KEY_CHARS = 32;

export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('audit-key-id').digest('hex').slice(0, 12);
}

/**
 * The key from AUDIT_KEY when set, else from `<dataDir>/audit.key`, created (0600, 32 random bytes)
 * on first start. Several processes starting at once agree on one key: the file is published with
 * an exclusive link, and the loser reads the winner's.
 */
export function loadAuditSeal(opts: { auditKey?: string; dataDir: string; checkpoint?: boolean }): AuditSeal {
  let secret: string;
  if (opts.auditKey) {
    secret = opts.auditKey;
  } else {
    const file = path.join(opts.dataDir, KEY_FILE);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(opts.dataDir, { recursive: true });
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      fs.writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
      try {
        fs.linkSync(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    }
    const mode = fs.statSync(file).mode & 0o077;
    if (mode) throw keyProblem(`${file} can be read by other users: make it private (chmod 600 ${file})`);
    secret = fs.readFileSync(file, 'utf8').trim();
  }
  if (secret.length < MIN_KEY_CHARS) throw keyProblem(`the audit key must have at least ${MIN_KEY_CHARS} characters`);
  const key = Buffer.from(secret, 'utf8');
  return {
    key,
    keyId: keyIdOf(key),
    checkpointFile: opts.checkpoint === false ? undefined : path.join(opts.dataDir, CHECKPOINT_FILE),
  };
}

type CheckpointFile = { chains: Record<string, Checkpoint> };

/** Every trail's checkpoint in the file (read before the head, so an append in between cannot look like a cut). */
export function readCheckpoints(file: string | undefined): Record<string, Checkpoint> {
  return file ? readAll(file).chains : {};
}

function readAll(file: string): CheckpointFile {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CheckpointFile;
    return parsed && typeof parsed.chains === 'object' ? parsed : { chains: {} };
  } catch {
    return { chains: {} };
  }
}

/**
 * Moves the checkpoint of one chain forward (never back: several processes append to one chain,
 * and the one that wrote less recently must not undo another's checkpoint). Written to a temporary
 * file and renamed, so a reader never sees half a file.
 */
export async function advanceCheckpoint(file: string, chain: string, cp: Omit<Checkpoint, 'at' | 'keyedFrom'> & { keyedFrom?: number }): Promise<void> {
  const all = readAll(file);
  const old = all.chains[chain];
  if (old && old.seq >= cp.seq) return;
  all.chains[chain] = { seq: cp.seq, hash: cp.hash, keyedFrom: old?.keyedFrom ?? cp.keyedFrom ?? cp.seq, at: new Date().toISOString() };
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await fs.promises.writeFile(tmp, JSON.stringify(all, null, 1), { mode: 0o600 });
  await fs.promises.rename(tmp, file);
}
