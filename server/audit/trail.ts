import { createHash } from 'node:crypto';
import { cypher, run, type Db } from '../db/db.js';

/**
 * Append-only, hash-chained audit trail. Each event's hash covers its content and the previous
 * hash; one (:AuditHead) node is write-locked per append so the chain has a single order.
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

export async function appendAudit(db: Db, input: AuditInput): Promise<AuditEvent> {
  return db.writeTx(async (tx) => {
    const head = await run(tx, cypher(
      'MERGE (h:AuditHead {id: 1}) ON CREATE SET h.seq = 0, h.hash = $genesis SET h.lock = true RETURN h.seq AS seq, h.hash AS hash',
      { genesis: GENESIS },
    ));
    const prev = head[0]!;
    const ids = input.resultIds ?? [];
    const event: Omit<AuditEvent, 'hash'> = {
      seq: (prev.seq as number) + 1,
      at: new Date().toISOString(),
      actor: input.actor,
      agency: input.agency ?? '',
      op: input.op,
      outcome: input.outcome,
      args: JSON.stringify(input.args ?? {}),
      resultIds: ids.length > MAX_IDS ? [...ids.slice(0, MAX_IDS), `+${ids.length - MAX_IDS} more`] : ids,
      detail: input.detail ?? '',
      prevHash: prev.hash as string,
    };
    const full: AuditEvent = { ...event, hash: eventHash(event) };
    await run(tx, cypher(
      'MATCH (h:AuditHead {id: 1}) CREATE (a:AuditEvent) SET a = $e SET h.seq = $e.seq, h.hash = $e.hash, h.lock = false',
      { e: full },
    ));
    return full;
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
