import { randomUUID } from 'node:crypto';
import { cypher, run, type Db, type Tx } from '../db/db.js';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import type { DisseminationFields } from '../domain/dissemination.js';
import { can, decide, parseStubReference, stubReference, visibleFilter, type Viewer } from '../domain/policy.js';
import { disseminateIn, type DisseminationRecord } from './dissemination.js';
import { entitiesById } from './entities.js';
import type { RawRecord } from './slice.js';
import { resolveStubReference } from './stubs.js';

/**
 * A partner's side of sharing: acknowledging what was disseminated to them, and asking the holder
 * for more (a request for information, or a deconfliction interest recorded against a stub).
 * Requests name records by what the requester was shown (their stub references, a dissemination,
 * an impact); the real ids are resolved here and kept on the request for the holder only.
 */

export interface ReceiptRow { disseminationId: string; agency: string; by: string; byName: string; at: string }

/** The recipient agency acknowledges a dissemination (once: later calls return the first receipt). */
export async function acknowledge(db: Db, viewer: Viewer & { displayName: string }, disseminationId: string, now: string): Promise<DisseminationRecord> {
  return db.writeTx(async (tx) => {
    const [row] = await run(tx, cypher('MATCH (d:Dissemination {id: $id}) RETURN properties(d) AS d', { id: disseminationId }));
    const d = row?.d as DisseminationRecord | undefined;
    // Only a recipient acknowledges: to anyone else the record is unknown or theirs (not to acknowledge).
    if (!d || decide(viewer, d as never) !== 'shared' || d.recipientAgency !== viewer.agency) throw notFound('Dissemination', disseminationId, 'id');
    await run(tx, cypher(
      `MERGE (r:Receipt {id: $id}) ON CREATE SET r.disseminationId = $id, r.agency = $agency, r.by = $by, r.byName = $byName, r.at = $now`,
      { id: disseminationId, agency: viewer.agency, by: viewer.username, byName: viewer.displayName, now },
    ));
    return d;
  });
}

/** Receipts of these disseminations (each has one recipient agency, so at most one receipt). */
export async function receiptsOf(db: Db, ids: string[]): Promise<Map<string, ReceiptRow>> {
  if (!ids.length) return new Map();
  const rows = await db.read(cypher('MATCH (r:Receipt) WHERE r.id IN $ids RETURN properties(r) AS r', { ids }));
  return new Map(rows.map((r) => [(r.r as ReceiptRow).disseminationId, r.r as ReceiptRow]));
}

export async function unacknowledgedCount(db: Db, viewer: Viewer): Promise<number> {
  const v = visibleFilter(viewer, 'd');
  const rows = await db.read(cypher(
    `MATCH (d:Dissemination) WHERE d.recipientAgency = $pv_agency AND ${v.text} AND NOT EXISTS { MATCH (r:Receipt {id: d.id}) }
     RETURN count(d) AS n`,
    v.params,
  ));
  return (rows[0]?.n as number) ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Requests for information and deconfliction interests

export const REQUEST_KINDS = ['REQUEST', 'DECONFLICTION'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ['OPEN', 'ANSWERED', 'REFUSED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const MAX_REFERENCES = 50;

export interface RequestRow {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  requesterId: string;
  requestedBy: string;
  requestedByName: string;
  requesterAgency: string;
  holderAgency: string;
  /** The stub ids the requester named (their own references): shown to the requester only. */
  references: string[];
  /** The real records: resolved here, shown to each reader through the policy. */
  recordIds: string[];
  disseminationId: string | null;
  impactId: string | null;
  question: string;
  purpose: string;
  lawfulBasis: string | null;
  createdAt: string;
  answeredAt?: string | null;
  answeredBy?: string | null;
  answeredByName?: string | null;
  answerDisseminationId?: string | null;
  refusalReason?: string | null;
}

export interface RequestInput {
  kind: RequestKind;
  references?: string[] | null;
  disseminationId?: string | null;
  impactId?: string | null;
  question?: string | null;
  purpose?: string | null;
  lawfulBasis?: string | null;
}

const text = (v: unknown, field: string, what: string, max: number, required = true): string | null => {
  const s = typeof v === 'string' ? v.normalize('NFC').trim() : '';
  if (!s) { if (required) throw invalid(field, what); return null; }
  if (s.length > max) throw invalid(field, `${field}: at most ${max} characters`);
  return s;
};

export async function createRequest(db: Db, viewer: Viewer & { displayName: string }, input: RequestInput, now: string): Promise<RequestRow> {
  const kind = input.kind;
  const question = kind === 'REQUEST'
    ? text(input.question, 'question', 'Say what you need to know', 4000)!
    : (text(input.question, 'question', '', 4000, false) ?? 'Interest recorded for deconfliction');
  const purpose = text(input.purpose, 'purpose', 'State the purpose: why you need it (the holder weighs necessity)', 1000)!;
  const lawfulBasis = text(input.lawfulBasis, 'lawfulBasis', 'State the lawful basis for the request', 1000, kind === 'REQUEST');
  const refs = [...new Set((input.references ?? []).map((r) => String(r).trim()).filter(Boolean))];
  if (refs.length > MAX_REFERENCES) throw invalid('references', `At most ${MAX_REFERENCES} references per request`);
  if (!refs.length && !input.disseminationId && !input.impactId) {
    throw invalid('references', 'Name what the request is about: stub references, a dissemination or an impact');
  }

  const records: RawRecord[] = [];
  const references: string[] = [];
  for (const ref of refs) {
    // Answered alike whether the reference never existed, was another viewer's, or is hidden.
    const raw = await resolveStubReference(db, viewer, ref);
    if (!raw) throw notFound('Stub reference', ref, 'references');
    records.push(raw);
    references.push(parseStubReference(ref)!);
  }
  let holders = new Set(records.map((r) => r.agency as string));
  let disseminationId: string | null = null;
  if (input.disseminationId) {
    const [row] = await db.read(cypher('MATCH (d:Dissemination {id: $id}) RETURN properties(d) AS d', { id: input.disseminationId }));
    const d = row?.d as DisseminationRecord | undefined;
    if (!d || decide(viewer, d as never) !== 'shared') throw notFound('Dissemination', input.disseminationId, 'disseminationId');
    disseminationId = d.id;
    holders.add(d.agency as string);
    for (const r of await entitiesById(db, d.recordIds)) if (!records.some((x) => x.id === r.id)) records.push(r);
  }
  let impactId: string | null = null;
  if (input.impactId) {
    const [row] = await db.read(cypher('MATCH (i:ImpactRecord {id: $id}) RETURN properties(i) AS i', { id: input.impactId }));
    const i = row?.i as RawRecord | undefined;
    const a = i ? decide(viewer, i as never) : 'hidden';
    // An impact on the requester's area is shown to them (as a stub at least); one they hold needs no request.
    if (!i || a === 'hidden' || a === 'full') throw notFound('Impact record', input.impactId, 'impactId');
    impactId = i.id;
    holders.add(i.agency as string);
    // The group the impact is about is what the holder's readers must see to answer it.
    for (const r of await entitiesById(db, [i.ocgId as string])) if (!records.some((x) => x.id === r.id)) records.push(r);
  }
  holders = new Set([...holders].filter(Boolean));
  if (holders.size !== 1) throw invalid('references', 'One request goes to one holding agency: raise one request per holder');
  const holderAgency = [...holders][0]!;
  if (holderAgency === viewer.agency) throw invalid('references', 'Your own agency holds these records: no request is needed');

  const row: RequestRow = {
    id: `RFI-${randomUUID()}`, kind, status: 'OPEN', requesterId: viewer.userId, requestedBy: viewer.username, requestedByName: viewer.displayName,
    requesterAgency: viewer.agency, holderAgency, references, recordIds: records.map((r) => r.id), disseminationId, impactId,
    question, purpose, lawfulBasis, createdAt: now,
  };
  await db.write(cypher('CREATE (r:InformationRequest) SET r = $row', { row }));
  return row;
}

/**
 * SENT: the requests the viewer made. RECEIVED: requests to the viewer's agency whose records the
 * viewer may all see (full or shared); one naming a record beyond them (a compartment, a higher
 * classification) is for a colleague cleared for it, and its existence is not this reader's to know.
 */
export async function requestsOf(
  db: Db, viewer: Viewer, opts: { direction: 'SENT' | 'RECEIVED'; status?: RequestStatus | null; limit: number },
): Promise<RequestRow[]> {
  const side = opts.direction === 'SENT' ? 'r.requesterId = $me' : 'r.holderAgency = $agency';
  // Requests made in one moment are told apart by what they say (an id is random).
  const rows = (await db.read(cypher(
    `MATCH (r:InformationRequest) WHERE ${side} AND ($status IS NULL OR r.status = $status)
     RETURN properties(r) AS r
     ORDER BY r.createdAt DESC, r.requesterAgency, r.requestedBy, r.kind, r.recordIds, r.question, r.id`,
    { me: viewer.userId, agency: viewer.agency, status: opts.status ?? null },
  ))).map((r) => r.r as RequestRow);
  const out = opts.direction === 'SENT' ? rows : await answerableBy(db, viewer, rows);
  return out.slice(0, opts.limit);
}

async function answerableBy(db: Db, viewer: Viewer, rows: RequestRow[]): Promise<RequestRow[]> {
  const access = new Map((await entitiesById(db, [...new Set(rows.flatMap((r) => r.recordIds))])).map((e) => [e.id, decide(viewer, e as never)]));
  return rows.filter((r) => r.recordIds.every((id) => { const a = access.get(id); return a === 'full' || a === 'shared'; }));
}

export async function openRequestCount(db: Db, viewer: Viewer): Promise<number> {
  if (!can(viewer, 'disseminate')) return 0;
  return (await requestsOf(db, viewer, { direction: 'RECEIVED', status: 'OPEN', limit: Number.MAX_SAFE_INTEGER })).length;
}

async function openRequestForHolder(db: Db, tx: Tx, viewer: Viewer, id: string): Promise<RequestRow> {
  const [row] = await run(tx, cypher('MATCH (r:InformationRequest {id: $id}) SET r.lock = true REMOVE r.lock RETURN properties(r) AS r', { id }));
  const r = row?.r as RequestRow | undefined;
  if (!r || r.holderAgency !== viewer.agency || !(await answerableBy(db, viewer, [r])).length) throw notFound('Request', id, 'id');
  if (r.status !== 'OPEN') throw new DomainError('CONFLICT', `This request was already ${r.status.toLowerCase()}`, 'id');
  return r;
}

/** The request a holder is answering (for filling in the dissemination's defaults). */
export async function requestForHolder(db: Db, viewer: Viewer, id: string): Promise<RequestRow> {
  const [row] = await db.read(cypher('MATCH (r:InformationRequest {id: $id}) RETURN properties(r) AS r', { id }));
  const r = row?.r as RequestRow | undefined;
  if (!r || r.holderAgency !== viewer.agency || !(await answerableBy(db, viewer, [r])).length) throw notFound('Request', id, 'id');
  return r;
}

/** Answers a request with a dissemination to the requester's agency, in one transaction. */
export async function answerRequest(
  db: Db, viewer: Viewer & { displayName: string }, id: string, f: DisseminationFields, disseminationId: string, now: string,
): Promise<{ request: RequestRow; dissemination: DisseminationRecord }> {
  return db.writeTx(async (tx) => {
    const r = await openRequestForHolder(db, tx, viewer, id);
    if (f.recipientAgency !== r.requesterAgency) throw invalid('recipientAgency', `The answer goes to the requesting agency (${r.requesterAgency})`);
    const { record } = await disseminateIn(tx, viewer, f, disseminationId, now);
    const patch = { status: 'ANSWERED', answeredAt: now, answeredBy: viewer.username, answeredByName: viewer.displayName, answerDisseminationId: record.id };
    await run(tx, cypher('MATCH (r:InformationRequest {id: $id}) SET r += $patch', { id, patch }));
    return { request: { ...r, ...patch } as RequestRow, dissemination: record };
  });
}

export const MIN_REFUSAL_REASON = 10;

export async function refuseRequest(db: Db, viewer: Viewer & { displayName: string }, id: string, reason: string, now: string): Promise<RequestRow> {
  const why = text(reason, 'reason', 'Record the reasons for refusing', 4000)!;
  if (why.length < MIN_REFUSAL_REASON) throw invalid('reason', `Record the reasons for refusing (at least ${MIN_REFUSAL_REASON} characters)`);
  return db.writeTx(async (tx) => {
    const r = await openRequestForHolder(db, tx, viewer, id);
    const patch = { status: 'REFUSED', answeredAt: now, answeredBy: viewer.username, answeredByName: viewer.displayName, refusalReason: why };
    await run(tx, cypher('MATCH (r:InformationRequest {id: $id}) SET r += $patch', { id, patch }));
    return { ...r, ...patch } as RequestRow;
  });
}

/** The references the requester named, written as they read them out (to the requester only). */
export const ownReferences = (viewer: Viewer, r: RequestRow): string[] => (r.requesterId === viewer.userId ? r.references.map(stubReference) : []);
