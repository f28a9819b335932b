import { cypher, run, type Db, type Tx } from '../db/db.js';
import { noteChanges } from './changes.js';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import {
  assertSanitised, highestClassification, impactStatusAfter, type DisseminationFields,
} from '../domain/dissemination.js';
import { decide, visibleFilter, type Viewer } from '../domain/policy.js';
import type { ImpactRecordRow } from './ocg.js';
import type { RawRecord } from './slice.js';

/**
 * Cypher for dissemination and not-for-dissemination decisions. A dissemination is one transaction:
 * the immutable (:Dissemination) record, the recipient added to `disseminatedTo` of what was shared
 * (so the policy shows the recipient a shared copy), and the impact's status when it goes to the
 * affected partner.
 */
export interface DisseminationRecord extends RawRecord {
  recordIds: string[];
  reportIds: string[];
  impactId: string | null;
  ocgId: string | null;
  recipientAgency: string;
  recipientPerson: string | null;
  sanitisedText: string;
  handling: string;
  handlingConditions: string[];
  handlingNotes: string | null;
  purpose: string;
  lawfulBasis: string;
  sharingAgreement: string;
  riskAssessment: string | null;
  authorisedBy: string;
  authorisedByName: string;
  authorisedAt: string;
}

const lockAndRead = (label: 'Entity' | 'ImpactRecord') =>
  // Touching disseminatedTo takes the write lock first, so two disseminations of one record serialise.
  `UNWIND $ids AS id MATCH (n:${label} {id: id}) SET n.disseminatedTo = coalesce(n.disseminatedTo, []) RETURN properties(n) AS n`;

export async function disseminate(
  db: Db, viewer: Viewer & { displayName: string }, f: DisseminationFields, id: string, now: string,
): Promise<{ record: DisseminationRecord; impactStatus: string | null }> {
  return db.writeTx((tx) => disseminateIn(tx, viewer, f, id, now));
}

/** The dissemination inside a caller's transaction (answering a request disseminates and closes it at once). */
export async function disseminateIn(
  tx: Tx, viewer: Viewer & { displayName: string }, f: DisseminationFields, id: string, now: string,
): Promise<{ record: DisseminationRecord; impactStatus: string | null }> {
  {
    const [agency] = await run(tx, cypher('MATCH (a:Agency:Entity {id: $id}) RETURN a.id AS id', { id: f.recipientAgency }));
    if (!agency) throw notFound('Agency', f.recipientAgency, 'recipientAgency');

    const reports = new Map((await run(tx, cypher(lockAndRead('Entity'), { ids: f.reportIds }))).map((r) => [(r.n as RawRecord).id, r.n as RawRecord]));
    for (const rid of f.reportIds) {
      const r = reports.get(rid);
      if (!r || decide(viewer, r as never) !== 'full') throw notFound('Intelligence report', rid, 'reportIds');
      if (r.type !== 'IntelligenceReport') throw invalid('reportIds', `${rid} is a ${String(r.type)}, not an intelligence report`);
      if (r.nfd) throw new DomainError('CONFLICT', `${rid} is marked not for dissemination`, 'reportIds');
      if (r.archived) throw invalid('reportIds', `${rid} is archived`);
    }
    let impact: ImpactRecordRow | undefined;
    let ocg: RawRecord | undefined;
    if (f.impactId) {
      impact = (await run(tx, cypher(lockAndRead('ImpactRecord'), { ids: [f.impactId] })))[0]?.n as ImpactRecordRow | undefined;
      if (!impact || decide(viewer, impact as never) !== 'full') throw notFound('Impact record', f.impactId, 'impactId');
      if (impact.nfd || impact.status === 'NFD') throw new DomainError('CONFLICT', 'That impact is recorded as not for dissemination', 'impactId');
      ocg = (await run(tx, cypher(lockAndRead('Entity'), { ids: [impact.ocgId] })))[0]?.n as RawRecord | undefined;
      if (!ocg || decide(viewer, ocg as never) !== 'full') throw notFound('OCG', impact.ocgId, 'impactId');
      if (ocg.nfd) throw new DomainError('CONFLICT', 'The group is marked not for dissemination', 'impactId');
    }

    const originals = [...reports.values()].map((r) => r.text as string | undefined);
    originals.push(impact?.summary ?? undefined, ocg?.notes as string | undefined);
    assertSanitised(f.sanitisedText, originals);

    // A report has one sanitised version, and a shared copy shows it: a report already shared as
    // another text keeps it, so every recipient sees exactly what was disseminated to it.
    for (const r of reports.values()) {
      const shared = ((r.disseminatedTo as string[]) ?? []).filter((a) => a !== f.recipientAgency);
      if (shared.length && r.sanitisedText && r.sanitisedText !== f.sanitisedText) {
        throw new DomainError('CONFLICT', `${r.id} was shared before as a different sanitised text; disseminate that text or a new report`, 'sanitisedText');
      }
    }

    const records = [...reports.values(), ...(impact ? [impact] : []), ...(ocg ? [ocg] : [])];
    const record: DisseminationRecord = {
      id,
      recordIds: records.map((r) => r.id),
      reportIds: f.reportIds,
      impactId: impact?.id ?? null,
      ocgId: ocg?.id ?? null,
      recipientAgency: f.recipientAgency,
      recipientPerson: f.recipientPerson,
      sanitisedText: f.sanitisedText,
      handling: f.handling,
      handlingConditions: f.handlingConditions,
      handlingNotes: f.handlingNotes,
      purpose: f.purpose,
      lawfulBasis: f.lawfulBasis,
      sharingAgreement: f.sharingAgreement,
      riskAssessment: f.riskAssessment,
      authorisedBy: viewer.username,
      authorisedByName: viewer.displayName,
      authorisedAt: now,
      agency: viewer.agency,
      classification: highestClassification(records.map((r) => r.classification as string)),
      compartments: [...new Set(records.flatMap((r) => (r.compartments as string[]) ?? []))],
      disseminatedTo: [f.recipientAgency],
      nfd: false,
    };
    await run(tx, cypher('CREATE (d:Dissemination) SET d = $record', { record }));
    await run(tx, cypher(
      `MATCH (d:Dissemination {id: $id})
       UNWIND $entityIds AS eid MATCH (n:Entity {id: eid})
       SET n.disseminatedTo = CASE WHEN $to IN n.disseminatedTo THEN n.disseminatedTo ELSE n.disseminatedTo + $to END
       CREATE (d)-[:SHARES]->(n)`,
      { id, to: f.recipientAgency, entityIds: [...reports.keys(), ...(ocg ? [ocg.id] : [])] },
    ));
    await run(tx, cypher(
      `UNWIND $ids AS rid MATCH (n:Entity:IntelligenceReport {id: rid}) WHERE n.sanitisedText IS NULL OR n.sanitisedText <> $text
       SET n.sanitisedText = $text, n.updatedAt = $now`,
      { ids: [...reports.keys()], text: f.sanitisedText, now },
    ));
    // What the recipient may now see changed: their watches on these records and their neighbours.
    await noteChanges(tx, [...reports.keys(), ...(ocg ? [ocg.id] : [])], now);
    let impactStatus: string | null = null;
    if (impact) {
      impactStatus = impactStatusAfter(impact, f.recipientAgency);
      await run(tx, cypher(
        `MATCH (d:Dissemination {id: $id}) MATCH (i:ImpactRecord {id: $impactId})
         SET i.disseminatedTo = CASE WHEN $to IN i.disseminatedTo THEN i.disseminatedTo ELSE i.disseminatedTo + $to END,
             i.status = $status, i.updatedAt = $now,
             i.closedBy = CASE WHEN $status = 'DISSEMINATED' AND i.closedBy IS NULL THEN $id ELSE i.closedBy END
         CREATE (d)-[:SHARES]->(i)`,
        { id, impactId: impact.id, to: f.recipientAgency, status: impactStatus, now },
      ));
    }
    return { record, impactStatus };
  }
}

/** Disseminations to the viewer's agency (shared copies) or by it (full), newest first. */
export async function disseminations(
  db: Db, viewer: Viewer, opts: { direction: 'received' | 'sent'; recordId?: string | null; since?: string | null; limit: number },
): Promise<DisseminationRecord[]> {
  const v = visibleFilter(viewer, 'd');
  const side = opts.direction === 'received' ? '$pv_agency IN d.disseminatedTo' : 'd.agency = $pv_agency';
  const rows = await db.read(cypher(
    `MATCH (d:Dissemination) WHERE ${side} AND ${v.text}
       AND ($recordId IS NULL OR $recordId IN d.recordIds) AND ($since IS NULL OR d.authorisedAt >= $since)
     RETURN properties(d) AS d ORDER BY d.authorisedAt DESC, d.id LIMIT $limit`,
    { ...v.params, recordId: opts.recordId ?? null, since: opts.since ?? null, limit: opts.limit },
  ));
  return rows.map((r) => r.d as DisseminationRecord);
}

/** These disseminations, where the viewer sends or receives them. */
export async function disseminationsByIds(db: Db, viewer: Viewer, ids: string[]): Promise<DisseminationRecord[]> {
  if (!ids.length) return [];
  const v = visibleFilter(viewer, 'd');
  const rows = await db.read(cypher(
    `MATCH (d:Dissemination) WHERE d.id IN $ids AND ${v.text} RETURN properties(d) AS d ORDER BY d.authorisedAt DESC, d.id`,
    { ...v.params, ids },
  ));
  return rows.map((r) => r.d as DisseminationRecord);
}

/** The sanitised texts disseminated to the viewer's agency for these records. */
export async function sharedTexts(db: Db, viewer: Viewer, recordIds: string[]): Promise<Map<string, DisseminationRecord>> {
  if (!recordIds.length) return new Map();
  const v = visibleFilter(viewer, 'd');
  const rows = await db.read(cypher(
    `MATCH (d:Dissemination) WHERE $pv_agency IN d.disseminatedTo AND ${v.text} AND any(x IN d.recordIds WHERE x IN $ids)
     RETURN properties(d) AS d ORDER BY d.authorisedAt DESC`,
    { ...v.params, ids: recordIds },
  ));
  const out = new Map<string, DisseminationRecord>();
  for (const r of rows) {
    const d = r.d as DisseminationRecord;
    for (const id of d.recordIds) if (recordIds.includes(id) && !out.has(id)) out.set(id, d);
  }
  return out;
}

export interface NfdRow {
  id: string;
  kind: string;
  label: string;
  justification: string | null;
  approver: string | null;
  markedAt: string | null;
  classification: string;
}

/**
 * Records an exceptional not-for-dissemination decision on an entity or an impact record owned by
 * the viewer's agency. Something already disseminated cannot be recalled this way.
 */
export async function markNotForDissemination(
  db: Db, viewer: Viewer, recordId: string, nfd: { justification: string; approver: string }, now: string,
): Promise<NfdRow> {
  return db.writeTx(async (tx: Tx) => {
    const rows = await run(tx, cypher(
      `OPTIONAL MATCH (e:Entity {id: $id}) OPTIONAL MATCH (i:ImpactRecord {id: $id})
       WITH coalesce(e, i) AS n WHERE n IS NOT NULL
       SET n.disseminatedTo = coalesce(n.disseminatedTo, [])
       RETURN properties(n) AS n, CASE WHEN n:ImpactRecord THEN 'ImpactRecord' ELSE n.type END AS kind`,
      { id: recordId },
    ));
    const n = rows[0]?.n as RawRecord | undefined;
    if (!n || decide(viewer, n as never) !== 'full') throw notFound('Record', recordId, 'recordId');
    const to = (n.disseminatedTo as string[]) ?? [];
    if (to.length) throw new DomainError('CONFLICT', `Already disseminated to ${to.join(', ')}; a dissemination cannot be recalled by marking it not for dissemination`, 'recordId');
    if (n.nfd) throw new DomainError('CONFLICT', 'Already marked not for dissemination', 'recordId');
    const kind = rows[0]!.kind as string;
    await run(tx, cypher(
      `OPTIONAL MATCH (e:Entity {id: $id}) OPTIONAL MATCH (i:ImpactRecord {id: $id})
       WITH coalesce(e, i) AS n WHERE n IS NOT NULL
       SET n.nfd = true, n.nfdJustification = $justification, n.nfdApprover = $approver, n.nfdAt = $now, n.updatedAt = $now
       FOREACH (_ IN CASE WHEN n:ImpactRecord THEN [1] ELSE [] END | SET n.status = 'NFD')`,
      { id: recordId, justification: nfd.justification, approver: nfd.approver, now },
    ));
    if (kind !== 'ImpactRecord') await noteChanges(tx, [recordId], now);
    return {
      id: recordId, kind, label: (n.label as string) ?? recordId, justification: nfd.justification, approver: nfd.approver,
      markedAt: now, classification: (n.classification as string) ?? 'OFFICIAL',
    };
  });
}

/** Everything the viewer's agency holds as not for dissemination, for managers' oversight. */
export async function nfdRecords(db: Db, viewer: Viewer, limit: number): Promise<{ total: number; items: NfdRow[] }> {
  const v = visibleFilter(viewer, 'n');
  const where = `n.nfd = true AND n.agency = $pv_agency AND ${v.text}`;
  const rows = await db.read(cypher(
    `CALL () {
       MATCH (n:Entity) WHERE ${where} RETURN n, n.type AS kind
       UNION
       MATCH (n:ImpactRecord) WHERE ${where} RETURN n, 'ImpactRecord' AS kind
     }
     WITH n, kind ORDER BY coalesce(n.nfdAt, n.updatedAt, '') DESC, n.id
     WITH collect({id: n.id, kind: kind, label: coalesce(n.label, n.id), justification: n.nfdJustification, approver: n.nfdApprover,
                   markedAt: coalesce(n.nfdAt, n.updatedAt), classification: coalesce(n.classification, 'OFFICIAL')}) AS rows
     RETURN size(rows) AS total, rows[..$limit] AS items`,
    { ...v.params, limit },
  ));
  return { total: (rows[0]?.total as number) ?? 0, items: (rows[0]?.items as NfdRow[]) ?? [] };
}
