import { createHash, createHmac, randomUUID } from 'node:crypto';
import { cypher, DatabaseUnavailableError, run, type Db } from '../db/db.js';
import { advanceCheckpoint, readCheckpoints, type AuditSeal } from './seal.js';

/**
 * Append-only audit trail, chained and sealed: each event's MAC (HMAC-SHA256 with a key kept
 * outside the database, see seal.ts) covers its content, the trail's id and the previous event's
 * MAC; one (:AuditHead) node is write-locked per append transaction so the chain has a single order
 * (across API instances too); the head is checkpointed to a file beside the key after every append.
 * Editing, removing or re-hashing any event breaks verification from that point on; cutting events
 * off the end is caught by the checkpoint.
 *
 * Events written before the trail was keyed (no `seal` property) were chained with plain SHA-256
 * and still verify as such, but only before the first keyed event: an unkeyed event after it is a
 * forgery.
 */
export interface AuditInput {
  actor: string;
  agency?: string;
  op: string;
  /** `intent`: written before a mutation's resolver runs (write-ahead); the request's own event follows. */
  outcome: 'ok' | 'denied' | 'error' | 'intent';
  /** Arguments as given; sensitive ones must be hashed by the caller (see `hashArg`). */
  args?: Record<string, unknown>;
  resultIds?: string[];
  detail?: string;
}

export interface AuditEvent extends Required<Omit<AuditInput, 'args' | 'detail' | 'agency'>> {
  seq: number;
  at: string;
  agency: string;
  args: string;
  detail: string;
  prevHash: string;
  hash: string;
  /** The id of the key that sealed the event; absent on events written before the trail was keyed. */
  seal?: string;
}

export const GENESIS = '0'.repeat(64);

/** A SHA-256 of a value, bounded in the work it does (depth and size), never throwing. */
export const hashArg = (v: unknown) => `sha256:${createHash('sha256').update(boundedJson(v)).digest('hex')}`;

/** JSON of a value cut at depth 12 and 100 000 characters: a hostile value cannot exhaust the stack or memory. */
export function boundedJson(v: unknown, maxDepth = 12, maxChars = 100_000): string {
  let budget = maxChars;
  const walk = (x: unknown, depth: number): string => {
    if (budget <= 0) return '"…"';
    let out: string;
    if (x === undefined || x === null || typeof x === 'function' || typeof x === 'symbol') out = 'null';
    else if (typeof x === 'bigint') out = JSON.stringify(String(x));
    else if (typeof x !== 'object') out = JSON.stringify(x);
    else if (depth >= maxDepth) out = '"…"';
    else if (Array.isArray(x)) out = `[${x.map((e) => walk(e, depth + 1)).join(',')}]`;
    else out = `{${Object.entries(x as Record<string, unknown>).map(([k, e]) => `${JSON.stringify(k)}:${walk(e, depth + 1)}`).join(',')}}`;
    budget -= out.length;
    return out;
  };
  return walk(v, 0);
}

const MAX_IDS = 5000;
const MAX_ACTOR = 100;
const MAX_OP = 500;
const MAX_DETAIL = 1000;
const MAX_ARGS = 24_000;

/** Control characters (newlines included) and other invisible characters never reach the trail. */
export function cleanText(s: unknown, max: number): string {
  const text = String(s ?? '').normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---- the seal: one per process (one key per deployment) ----

let processSeal: AuditSeal | undefined;
/** Sets the key (and checkpoint file) every append and verification of this process uses. */
export function useAuditSeal(seal: AuditSeal): void {
  processSeal = seal;
}
export function auditSeal(): AuditSeal {
  if (!processSeal) throw new Error('the audit key is not loaded (useAuditSeal)');
  return processSeal;
}

type Canonical = Omit<AuditEvent, 'hash'>;

/** The MAC of a keyed event (chain: the trail's id, from its head), or the SHA-256 of an unkeyed one. */
export function eventHash(e: Canonical, key?: Buffer, chain?: string): string {
  if (e.seal === undefined) {
    const canonical = JSON.stringify([e.seq, e.at, e.actor, e.agency, e.op, e.outcome, e.args, e.resultIds, e.detail, e.prevHash]);
    return createHash('sha256').update(canonical).digest('hex');
  }
  if (!key) throw new Error('a keyed event needs the key');
  const canonical = JSON.stringify(['v2', chain ?? '', e.seal, e.seq, e.at, e.actor, e.agency, e.op, e.outcome, e.args, e.resultIds, e.detail, e.prevHash]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

/**
 * Appends one event, durably, before it resolves. Events arriving while a write is in flight are
 * appended together in the next transaction (group commit): one head lock and one commit for many
 * events, in arrival order, so under load every request still waits for its own event to be
 * committed but no longer queues behind one commit per request. The checkpoint file is moved
 * forward before the callers are answered.
 */
export function appendAudit(db: Db, input: AuditInput): Promise<AuditEvent> {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new AuditWriter(db)));
  return w.append(input);
}

const writers = new WeakMap<Db, AuditWriter>();
const MAX_BATCH = 500;

interface Pending { input: AuditInput; resolve(e: AuditEvent): void; reject(e: unknown): void }
interface Head { seq: number; hash: string; chain: string; keyedFrom: number }

class AuditWriter {
  private queue: Pending[] = [];
  private flushing = false;
  /** The head as this writer last left it: the next batch then appends in one statement. */
  private head?: Head;

  constructor(private readonly db: Db) {}

  append(input: AuditInput): Promise<AuditEvent> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async write(inputs: AuditInput[]): Promise<AuditEvent[]> {
    const seal = auditSeal();
    let done: { events: AuditEvent[]; head: Head } | undefined;
    try {
      done = this.head ? await appendAfter(this.db, seal, this.head, inputs) : undefined;
    } catch (e) {
      if (e instanceof DatabaseUnavailableError) throw e;
      // Anything else (a transient conflict) is retried below, with the driver's retries.
    }
    // Another writer (another API instance, a CLI) moved the head: read it and append under its lock.
    done ??= await appendEvents(this.db, seal, inputs);
    this.head = done.head;
    if (seal.checkpointFile) {
      try {
        await advanceCheckpoint(seal.checkpointFile, done.head.chain, done.head);
      } catch (e) {
        console.error('audit checkpoint could not be written:', (e as Error).message);
      }
    }
    return done.events;
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const events = await this.write(batch.map((p) => p.input));
          batch.forEach((p, i) => p.resolve(events[i]!));
        } catch (e) {
          this.head = undefined;
          // With the database away no event can be written: every waiting caller is told at once
          // (writing them one by one would hold each for the driver's retry time in turn).
          if (batch.length === 1 || e instanceof DatabaseUnavailableError) {
            batch.forEach((p) => p.reject(e));
            continue;
          }
          // One bad event must not take the others with it: write them one by one.
          for (let i = 0; i < batch.length; i++) {
            try {
              batch[i]!.resolve((await this.write([batch[i]!.input]))[0]!);
            } catch (err) {
              this.head = undefined;
              batch[i]!.reject(err);
              if (err instanceof DatabaseUnavailableError) {
                batch.slice(i + 1).forEach((p) => p.reject(err));
                break;
              }
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

function chain(seal: AuditSeal, inputs: AuditInput[], from: Head): { events: AuditEvent[]; head: Head } {
  let seq = from.seq;
  let prevHash = from.hash;
  const at = new Date().toISOString();
  const events = inputs.map((input) => {
    const ids = (input.resultIds ?? []).map((id) => cleanText(id, 200));
    let args = boundedJson(input.args ?? {});
    if (args.length > MAX_ARGS) args = JSON.stringify({ oversized: hashArg(input.args), chars: args.length });
    const event: Canonical = {
      seq: ++seq,
      at,
      actor: cleanText(input.actor, MAX_ACTOR) || 'unknown',
      agency: cleanText(input.agency ?? '', MAX_ACTOR),
      op: cleanText(input.op, MAX_OP),
      outcome: input.outcome,
      args,
      resultIds: ids.length > MAX_IDS ? [...ids.slice(0, MAX_IDS), `+${ids.length - MAX_IDS} more`] : ids,
      detail: cleanText(input.detail ?? '', MAX_DETAIL),
      prevHash,
      seal: seal.keyId,
    };
    const full: AuditEvent = { ...event, hash: eventHash(event, seal.key, from.chain) };
    prevHash = full.hash;
    return full;
  });
  const last = events[events.length - 1]!;
  return { events, head: { seq: last.seq, hash: last.hash, chain: from.chain, keyedFrom: from.keyedFrom || events[0]!.seq } };
}

/**
 * Appends after the head this writer expects, in one auto-commit statement: the head is locked
 * first (the SET), then compared, so a head moved by anyone else appends nothing and the caller
 * falls back to `appendEvents`. Returns undefined in that case.
 */
async function appendAfter(db: Db, seal: AuditSeal, expected: Head, inputs: AuditInput[]): Promise<{ events: AuditEvent[]; head: Head } | undefined> {
  const done = chain(seal, inputs, expected);
  const rows = await db.writeAutoCommit(cypher(
    'MATCH (h:AuditHead {id: 1}) SET h.lock = true WITH h WHERE h.seq = $fromSeq AND h.hash = $fromHash AND h.chain = $chain ' +
      'UNWIND $events AS e CREATE (a:AuditEvent) SET a = e ' +
      'WITH h, count(*) AS n SET h.seq = $seq, h.hash = $hash, h.lock = false RETURN n',
    { fromSeq: expected.seq, fromHash: expected.hash, chain: expected.chain, events: done.events, seq: done.head.seq, hash: done.head.hash },
  ));
  return rows[0]?.n === done.events.length ? done : undefined;
}

async function appendEvents(db: Db, seal: AuditSeal, inputs: AuditInput[]): Promise<{ events: AuditEvent[]; head: Head }> {
  return db.writeTx(async (tx) => {
    // The trail's id is made once, with the head; the first keyed event is remembered on the head
    // (and copied into the checkpoint, which is what verification trusts).
    const rows = await run(tx, cypher(
      'MERGE (h:AuditHead {id: 1}) ON CREATE SET h.seq = 0, h.hash = $genesis ' +
        'SET h.lock = true, h.chain = coalesce(h.chain, $chain), h.keyedFrom = coalesce(h.keyedFrom, h.seq + 1) ' +
        'RETURN h.seq AS seq, h.hash AS hash, h.chain AS chain, h.keyedFrom AS keyedFrom',
      { genesis: GENESIS, chain: randomUUID() },
    ));
    const head = rows[0] as unknown as Head;
    const done = chain(seal, inputs, head);
    await run(tx, cypher(
      'MATCH (h:AuditHead {id: 1}) UNWIND $events AS e CREATE (a:AuditEvent) SET a = e ' +
        'WITH h, count(*) AS n SET h.seq = $seq, h.hash = $hash, h.lock = false',
      { events: done.events, seq: done.head.seq, hash: done.head.hash },
    ));
    return done;
  });
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  firstBadSeq?: number;
  problem?: string;
  /** Something verification could not check, said plainly (no checkpoint yet, for instance). */
  note?: string;
}

interface HeadRow { seq: number; hash: string; chain: string | null; keyedFrom: number | null }

export const readHead = async (db: Db): Promise<HeadRow | undefined> =>
  (await db.read(cypher('MATCH (h:AuditHead {id: 1}) RETURN h.seq AS seq, h.hash AS hash, h.chain AS chain, h.keyedFrom AS keyedFrom')))[0] as unknown as HeadRow | undefined;

/**
 * Walks the chain in order up to the head as it stood when verification began (so appends made
 * meanwhile are not mistaken for tampering) and checks every link and MAC, that the event at the
 * head's position carries the head's hash, and that the trail still reaches the checkpoint kept
 * outside the database (and carries the hash recorded there).
 */
export async function verifyAudit(db: Db, pageSize = 5000, seal: AuditSeal = auditSeal()): Promise<VerifyResult> {
  // The checkpoint first: it is written after the head moves, so read before the head it never runs ahead of it.
  const checkpoints = readCheckpoints(seal.checkpointFile);
  const head = await readHead(db);
  const last = head?.seq ?? 0;
  const chainId = head?.chain ?? '';
  const checkpoint = chainId ? checkpoints[chainId] : undefined;
  let prevHash = GENESIS;
  let expected = 1;
  let count = 0;
  let keyedSeen = false;
  let atCheckpoint: string | undefined;
  const bad = (seq: number, problem: string): VerifyResult => ({ ok: false, events: count, firstBadSeq: seq, problem });
  while (expected <= last) {
    const rows = await db.read(cypher(
      'MATCH (a:AuditEvent) WHERE a.seq >= $from AND a.seq <= $last RETURN properties(a) AS a ORDER BY a.seq LIMIT $limit',
      { from: expected, last, limit: pageSize },
    ));
    for (const { a } of rows as { a: AuditEvent }[]) {
      const e = a;
      if (e.seq !== expected) return bad(expected, `event ${expected} is missing`);
      if (e.prevHash !== prevHash) return bad(e.seq, `event ${e.seq} does not follow event ${e.seq - 1}`);
      const { hash, ...rest } = e;
      if (e.seal === undefined) {
        // Unkeyed: only before the first keyed event (by the checkpoint when there is one).
        if (keyedSeen || (checkpoint && e.seq >= checkpoint.keyedFrom)) return bad(e.seq, `event ${e.seq} is not sealed with the key although the trail was keyed before it (re-hashed without the key)`);
      } else {
        keyedSeen = true;
        if (e.seal !== seal.keyId) return bad(e.seq, `event ${e.seq} is sealed with another key (${e.seal}; this key is ${seal.keyId}): wrong AUDIT_KEY or key file, or a forgery`);
      }
      if (eventHash(rest, seal.key, chainId) !== hash) return bad(e.seq, `event ${e.seq} was altered (its seal does not match its content)`);
      if (checkpoint && e.seq === checkpoint.seq) atCheckpoint = hash;
      prevHash = hash;
      expected++;
      count++;
    }
    if (rows.length < pageSize) break;
  }
  if (count < last) {
    return bad(count + 1, `the trail ends at event ${count} but ${last} were written (events removed from the end)`);
  }
  if (head && head.hash !== prevHash) {
    return bad(count, `event ${count} does not match the head of the trail`);
  }
  if (checkpoint) {
    if (last < checkpoint.seq) {
      return bad(last + 1, `the trail ends at event ${last} but the checkpoint outside the database recorded ${checkpoint.seq} events at ${checkpoint.at} (events removed from the end and the head moved back)`);
    }
    if (atCheckpoint !== checkpoint.hash) {
      return bad(checkpoint.seq, `event ${checkpoint.seq} does not carry the hash the checkpoint outside the database recorded for it (the trail was rewritten)`);
    }
  }
  const note = !head ? undefined
    : !seal.checkpointFile ? 'no checkpoint file is configured: events removed from the end cannot be detected'
    : !checkpoint ? `no checkpoint of this trail in ${seal.checkpointFile}: events removed from the end cannot be detected before the next append`
    : undefined;
  return note ? { ok: true, events: count, note } : { ok: true, events: count };
}

export interface AuditFilter {
  actor?: string;
  op?: string;
  from?: string;
  to?: string;
  recordId?: string;
  limit: number;
  beforeSeq?: number;
}

/** The stored events, unfiltered by any policy: for verification, tests and `audit/read.ts` only. */
export async function readAudit(db: Db, f: AuditFilter): Promise<AuditEvent[]> {
  const rows = await db.read(cypher(
    `MATCH (a:AuditEvent)
     WHERE ($actor IS NULL OR a.actor = $actor) AND ($op IS NULL OR a.op = $op)
       AND ($from IS NULL OR a.at >= $from) AND ($to IS NULL OR a.at <= $to)
       AND ($recordId IS NULL OR $recordId IN a.resultIds) AND ($beforeSeq IS NULL OR a.seq < $beforeSeq)
     RETURN properties(a) AS a ORDER BY a.seq DESC LIMIT $limit`,
    { actor: f.actor ?? null, op: f.op ?? null, from: f.from ?? null, to: f.to ?? null, recordId: f.recordId ?? null, beforeSeq: f.beforeSeq ?? null, limit: f.limit },
  ));
  return rows.map((r) => r.a as AuditEvent);
}
