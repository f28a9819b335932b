import { createHash } from 'node:crypto';
import { cypher, DatabaseUnavailableError, run, type Db } from '../db/db.js';

/**
 * Append-only, hash-chained audit trail. Each event's hash covers its content and the previous
 * hash; one (:AuditHead) node is write-locked per append transaction so the chain has a single
 * order (across API instances too).
 * Editing or removing any event breaks verification from that point on.
 */
export interface AuditInput {
  actor: string;
  agency?: string;
  op: string;
  outcome: 'ok' | 'denied' | 'error';
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
}

export const GENESIS = '0'.repeat(64);
export const hashArg = (v: unknown) => `sha256:${createHash('sha256').update(JSON.stringify(v ?? null)).digest('hex')}`;

const MAX_IDS = 5000;

export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  const canonical = JSON.stringify([e.seq, e.at, e.actor, e.agency, e.op, e.outcome, e.args, e.resultIds, e.detail, e.prevHash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one event, durably, before it resolves. Events arriving while a write is in flight are
 * appended together in the next transaction (group commit): one head lock and one commit for many
 * events, in arrival order, so under load every request still waits for its own event to be
 * committed but no longer queues behind one commit per request.
 */
export function appendAudit(db: Db, input: AuditInput): Promise<AuditEvent> {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new AuditWriter(db)));
  return w.append(input);
}

const writers = new WeakMap<Db, AuditWriter>();
const MAX_BATCH = 500;

interface Pending { input: AuditInput; resolve(e: AuditEvent): void; reject(e: unknown): void }

class AuditWriter {
  private queue: Pending[] = [];
  private flushing = false;
  /** The head as this writer last left it: the next batch then appends in one statement. */
  private head?: { seq: number; hash: string };

  constructor(private readonly db: Db) {}

  append(input: AuditInput): Promise<AuditEvent> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async write(inputs: AuditInput[]): Promise<AuditEvent[]> {
    let events: AuditEvent[] | undefined;
    try {
      events = this.head ? await appendAfter(this.db, this.head, inputs) : undefined;
    } catch (e) {
      if (e instanceof DatabaseUnavailableError) throw e;
      // Anything else (a transient conflict) is retried below, with the driver's retries.
    }
    // Another writer (another API instance, a CLI) moved the head: read it and append under its lock.
    events ??= await appendEvents(this.db, inputs);
    const last = events[events.length - 1]!;
    this.head = { seq: last.seq, hash: last.hash };
    return events;
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
              batch[i]!.resolve((await appendEvents(this.db, [batch[i]!.input]))[0]!);
            } catch (err) {
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

function chain(inputs: AuditInput[], from: { seq: number; hash: string }): AuditEvent[] {
  let seq = from.seq;
  let prevHash = from.hash;
  const at = new Date().toISOString();
  return inputs.map((input) => {
    const ids = input.resultIds ?? [];
    const event: Omit<AuditEvent, 'hash'> = {
      seq: ++seq,
      at,
      actor: input.actor,
      agency: input.agency ?? '',
      op: input.op,
      outcome: input.outcome,
      args: JSON.stringify(input.args ?? {}),
      resultIds: ids.length > MAX_IDS ? [...ids.slice(0, MAX_IDS), `+${ids.length - MAX_IDS} more`] : ids,
      detail: input.detail ?? '',
      prevHash,
    };
    const full: AuditEvent = { ...event, hash: eventHash(event) };
    prevHash = full.hash;
    return full;
  });
}

/**
 * Appends after the head this writer expects, in one auto-commit statement: the head is locked
 * first (the SET), then compared, so a head moved by anyone else appends nothing and the caller
 * falls back to `appendEvents`. Returns undefined in that case.
 */
async function appendAfter(db: Db, expected: { seq: number; hash: string }, inputs: AuditInput[]): Promise<AuditEvent[] | undefined> {
  const events = chain(inputs, expected);
  const last = events[events.length - 1]!;
  const rows = await db.writeAutoCommit(cypher(
    'MATCH (h:AuditHead {id: 1}) SET h.lock = true WITH h WHERE h.seq = $fromSeq AND h.hash = $fromHash ' +
      'UNWIND $events AS e CREATE (a:AuditEvent) SET a = e ' +
      'WITH h, count(*) AS n SET h.seq = $seq, h.hash = $hash, h.lock = false RETURN n',
    { fromSeq: expected.seq, fromHash: expected.hash, events, seq: last.seq, hash: last.hash },
  ));
  return rows[0]?.n === events.length ? events : undefined;
}

async function appendEvents(db: Db, inputs: AuditInput[]): Promise<AuditEvent[]> {
  return db.writeTx(async (tx) => {
    const head = await run(tx, cypher(
      'MERGE (h:AuditHead {id: 1}) ON CREATE SET h.seq = 0, h.hash = $genesis SET h.lock = true RETURN h.seq AS seq, h.hash AS hash',
      { genesis: GENESIS },
    ));
    const events = chain(inputs, { seq: head[0]!.seq as number, hash: head[0]!.hash as string });
    const last = events[events.length - 1]!;
    await run(tx, cypher(
      'MATCH (h:AuditHead {id: 1}) UNWIND $events AS e CREATE (a:AuditEvent) SET a = e ' +
        'WITH h, count(*) AS n SET h.seq = $seq, h.hash = $hash, h.lock = false',
      { events, seq: last.seq, hash: last.hash },
    ));
    return events;
  });
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  firstBadSeq?: number;
  problem?: string;
}

/**
 * Walks the chain in order up to the head as it stood when verification began (so appends made
 * meanwhile are not mistaken for tampering) and checks every link and hash, and that the event at
 * the head's position carries the head's hash.
 */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<VerifyResult> {
  const head = (await db.read(cypher('MATCH (h:AuditHead {id: 1}) RETURN h.seq AS seq, h.hash AS hash')))[0] as { seq: number; hash: string } | undefined;
  const last = head?.seq ?? 0;
  let prevHash = GENESIS;
  let expected = 1;
  let count = 0;
  while (expected <= last) {
    const rows = await db.read(cypher(
      'MATCH (a:AuditEvent) WHERE a.seq >= $from AND a.seq <= $last RETURN a ORDER BY a.seq LIMIT $limit',
      { from: expected, last, limit: pageSize },
    ));
    for (const { a } of rows as { a: AuditEvent & { labels?: string[] } }[]) {
      const { labels: _l, ...e } = a;
      if (e.seq !== expected) return { ok: false, events: count, firstBadSeq: expected, problem: `event ${expected} is missing` };
      if (e.prevHash !== prevHash) return { ok: false, events: count, firstBadSeq: e.seq, problem: `event ${e.seq} does not follow event ${e.seq - 1}` };
      const { hash, ...rest } = e;
      if (eventHash(rest) !== hash) return { ok: false, events: count, firstBadSeq: e.seq, problem: `event ${e.seq} was altered` };
      prevHash = hash;
      expected++;
      count++;
    }
    if (rows.length < pageSize) break;
  }
  if (count < last) {
    return { ok: false, events: count, firstBadSeq: count + 1, problem: `the trail ends at event ${count} but ${last} were written (events removed from the end)` };
  }
  if (head && head.hash !== prevHash) {
    return { ok: false, events: count, firstBadSeq: count, problem: `event ${count} does not match the head of the trail` };
  }
  return { ok: true, events: count };
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

export async function readAudit(db: Db, f: AuditFilter): Promise<AuditEvent[]> {
  const rows = await db.read(cypher(
    `MATCH (a:AuditEvent)
     WHERE ($actor IS NULL OR a.actor = $actor) AND ($op IS NULL OR a.op = $op)
       AND ($from IS NULL OR a.at >= $from) AND ($to IS NULL OR a.at <= $to)
       AND ($recordId IS NULL OR $recordId IN a.resultIds) AND ($beforeSeq IS NULL OR a.seq < $beforeSeq)
     RETURN a ORDER BY a.seq DESC LIMIT $limit`,
    { actor: f.actor ?? null, op: f.op ?? null, from: f.from ?? null, to: f.to ?? null, recordId: f.recordId ?? null, beforeSeq: f.beforeSeq ?? null, limit: f.limit },
  ));
  return rows.map((r) => r.a as AuditEvent);
}
