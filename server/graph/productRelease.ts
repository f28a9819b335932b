import { randomUUID } from 'node:crypto';
import { cypher, run, type Db } from '../db/db.js';
import type { DisseminationFields } from '../domain/dissemination.js';
import { DomainError, notFound } from '../domain/errors.js';
import type { Viewer } from '../domain/policy.js';
import { transition, type Content } from '../domain/products.js';
import { noteChanges } from './changes.js';
import { createRelease, lockProduct, ownRecords, shareRecords, updateProduct, type OtherLabel, type ReleaseRow } from './products.js';

export interface ReleaseArgs {
  productId: string;
  /** The version the sanitised version was drafted against: a newer one refuses the release. */
  expectVersion: number;
  fields: DisseminationFields;
  content: Content;
  clearance: string;
  entityIds: string[];
  linkIds: string[];
  others: Partial<Record<OtherLabel, string[]>>;
  now: string;
}

/**
 * Disseminates a product's sanitised version in one transaction, through the dissemination record:
 * the immutable (:Dissemination) with the rendered text, handling, purpose and lawful basis; the
 * recipient added to what it may know of every record of the author's agency the version was drafted
 * from (so what it was told and what the policy shows it agree); the release kept with the product;
 * the product marked disseminated. Only an approved product can be released.
 */
export async function disseminateProductIn(db: Db, viewer: Viewer & { displayName: string }, a: ReleaseArgs): Promise<ReleaseRow> {
  return db.writeTx(async (tx) => {
    const p = await lockProduct(tx, viewer, a.productId);
    transition(p.status, 'DISSEMINATE', { isAuthor: p.authorId === viewer.userId, role: viewer.role });
    if (p.version !== a.expectVersion) throw new DomainError('CONFLICT', 'The product changed while the release was prepared: open it again', 'id');
    const [agency] = await run(tx, cypher('MATCH (a:Agency:Entity {id: $id}) RETURN a.id AS id', { id: a.fields.recipientAgency }));
    if (!agency) throw notFound('Agency', a.fields.recipientAgency, 'recipientAgency');
    // Share only the author's agency's own records (what others hold reached the recipient from them already).
    const own = await ownRecords(tx, viewer.agency, a.entityIds, a.linkIds, a.others);
    const disseminationId = `DIS-${randomUUID()}`;
    const releaseId = `REL-${randomUUID()}`;
    const f = a.fields;
    const reportIds = a.content.sources.map((s) => s.reportId);
    const record = {
      id: disseminationId, recordIds: own.entities, reportIds, impactId: null, ocgId: null,
      productId: p.id, productReleaseId: releaseId,
      recipientAgency: f.recipientAgency, recipientPerson: f.recipientPerson, sanitisedText: f.sanitisedText,
      handling: f.handling, handlingConditions: f.handlingConditions, handlingNotes: f.handlingNotes, purpose: f.purpose,
      lawfulBasis: f.lawfulBasis, sharingAgreement: f.sharingAgreement, riskAssessment: f.riskAssessment,
      authorisedBy: viewer.username, authorisedByName: viewer.displayName, authorisedAt: a.now,
      agency: viewer.agency, classification: a.clearance, compartments: [], disseminatedTo: [f.recipientAgency], nfd: false,
    };
    await run(tx, cypher('CREATE (d:Dissemination) SET d = $record', { record }));
    await shareRecords(tx, own, f.recipientAgency, disseminationId);
    const release: ReleaseRow = {
      id: releaseId, productId: p.id, version: p.version, type: p.type, title: p.title, recipientAgency: f.recipientAgency,
      recipientClearance: a.clearance, classification: a.clearance, compartments: [], handling: f.handling, agency: viewer.agency,
      disseminatedTo: [f.recipientAgency], content: JSON.stringify(a.content), releasedBy: viewer.username, releasedByName: viewer.displayName,
      releasedAt: a.now, disseminationId, recordIds: record.recordIds, nfd: false,
    };
    await createRelease(tx, release);
    const h = JSON.parse(p.history || '[]') as unknown[];
    h.push({ action: 'DISSEMINATE', from: p.status, to: 'DISSEMINATED', by: viewer.username, byName: viewer.displayName, at: a.now, comment: `Sanitised version to ${f.recipientAgency}`, version: p.version });
    await updateProduct(tx, p.id, { status: 'DISSEMINATED', updatedAt: a.now, history: JSON.stringify(h) });
    await noteChanges(tx, record.recordIds, a.now);
    return release;
  });
}
