import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.js';
import { DomainError, invalid } from '../domain/errors.js';
import type { Viewer } from '../domain/policy.js';
import {
  PRODUCT_ROLES, draftReader, isProductType, transition, validateMarking, type Content, type ProductAction, type ProductType,
} from '../domain/products.js';
import {
  addVersion, applyEdits, createProduct, draftContent, draftReaderOf, lockProduct, parseContent, template, updateProduct, versionOf,
  type ProductRow, type StatementEdit,
} from '../graph/products.js';

/**
 * A product's life through the same functions for the API and the seed: drafting, the author's
 * edits (each a version), and the workflow actions. Every step is recorded in the product's history.
 */
type Who = Viewer & { displayName: string };

export interface HistoryEntry { action: string; from: string; to: string; by: string; byName: string; at: string; comment: string | null; version: number }
export const history = (p: ProductRow): HistoryEntry[] => JSON.parse(p.history || '[]') as HistoryEntry[];

export const MAX_TITLE = 300;

export interface DraftInput {
  type: ProductType;
  title: string;
  subjectIds?: string[] | null;
  crimeType?: string | null;
  areaId?: string | null;
  classification?: string | null;
  compartments?: string[] | null;
  handling?: string | null;
}

export async function draftProductAs(db: Db, viewer: Who, input: DraftInput, now: string): Promise<ProductRow> {
  if (!PRODUCT_ROLES.draft.includes(viewer.role)) throw new DomainError('FORBIDDEN', `Your role (${viewer.role}) does not draft intelligence products`);
  if (!isProductType(input.type)) throw invalid('type', 'Unknown product type');
  const title = (input.title ?? '').trim();
  if (!title || title.length > MAX_TITLE) throw invalid('title', `Give the product a title (at most ${MAX_TITLE} characters)`);
  const marking = validateMarking(viewer, input.classification, input.compartments);
  const handling = input.handling ?? 'P';
  if (handling !== 'P' && handling !== 'C') throw invalid('handling', 'P or C');
  const subjectIds = [...new Set(input.subjectIds ?? [])];
  if (input.type === 'SUBJECT_PROFILE' && subjectIds.length !== 1) throw invalid('subjectIds', 'A subject profile is about one subject or OCG');
  if (input.type !== 'SUBJECT_PROFILE' && subjectIds.length) throw invalid('subjectIds', 'Only a subject profile names a subject');
  if (input.type !== 'PROBLEM_PROFILE' && (input.crimeType || input.areaId)) throw invalid(input.crimeType ? 'crimeType' : 'areaId', 'Only a problem profile names a crime type or an area');
  const tpl = await template(db, viewer.agency, input.type);
  const rd = draftReaderOf(draftReader(viewer, marking));
  const drafted = await draftContent(db, rd, { type: input.type, subjectIds, crimeType: input.crimeType ?? null, areaId: input.areaId ?? null, today: now.slice(0, 10) }, tpl);
  const id = `PRD-${randomUUID()}`;
  const row: ProductRow = {
    id, type: input.type, title, status: 'DRAFT', version: 1, templateVersion: tpl.version, subjectIds, crimeType: input.crimeType ?? null, areaId: input.areaId ?? null,
    classification: marking.classification, compartments: marking.compartments, handling, agency: viewer.agency,
    authorId: viewer.userId, authorUsername: viewer.username, authorName: viewer.displayName, createdAt: now, updatedAt: now,
    approvedBy: null, approvedByName: null, approvedAt: null, approvedVersion: null, meetingId: null, decisionId: null,
    history: JSON.stringify([{ action: 'DRAFT', from: '', to: 'DRAFT', by: viewer.username, byName: viewer.displayName, at: now, comment: null, version: 1 }]),
    nfd: false, disseminatedTo: [],
  };
  const content: Content = { sections: drafted.sections, sources: drafted.sources };
  await createProduct(db, row, { productId: id, version: 1, title, content: JSON.stringify(content), note: 'Drafted from the graph', savedBy: viewer.username, savedByName: viewer.displayName, savedAt: now });
  return row;
}

export async function saveProductAs(
  db: Db, viewer: Who, id: string, baseVersion: number, edit: { sections?: { key: string; statements: StatementEdit[] }[]; title?: string; note?: string }, now: string,
): Promise<ProductRow> {
  return db.writeTx(async (tx) => {
    const p = await lockProduct(tx, viewer, id);
    if (p.authorId !== viewer.userId) throw new DomainError('FORBIDDEN', 'Only the author edits a product');
    if (p.status !== 'DRAFT') throw new DomainError('CONFLICT', `Only a draft can be edited (it is ${p.status.toLowerCase()}): return it to draft first`, 'status');
    if (p.version !== baseVersion) throw new DomainError('CONFLICT', `Version ${p.version} was saved after the version ${baseVersion} you edited: reload it and edit again`, 'baseVersion');
    const currentVersion = await versionOf(tx, p.id, p.version);
    const t = edit.title == null ? currentVersion.title : edit.title.trim();
    if (!t || t.length > MAX_TITLE) throw invalid('title', `Give the product a title (at most ${MAX_TITLE} characters)`);
    const content = await applyEdits(db, draftReaderOf(draftReader(viewer, p)), parseContent(currentVersion), edit.sections ?? [], p.version + 1);
    const version = p.version + 1;
    const note = (edit.note ?? '').trim().slice(0, 500) || null;
    await addVersion(tx, { productId: p.id, version, title: t, content: JSON.stringify(content), note, savedBy: viewer.username, savedByName: viewer.displayName, savedAt: now });
    const h = history(p);
    h.push({ action: 'EDIT', from: 'DRAFT', to: 'DRAFT', by: viewer.username, byName: viewer.displayName, at: now, comment: note, version });
    const patch = { version, title: t, updatedAt: now, history: JSON.stringify(h) };
    await updateProduct(tx, p.id, patch);
    return { ...p, ...patch };
  });
}

export async function productActionAs(db: Db, viewer: Who, id: string, action: string, comment: string | null | undefined, now: string): Promise<ProductRow> {
  if (!['SUBMIT', 'RETURN', 'REOPEN', 'APPROVE', 'FILE'].includes(action)) throw invalid('action', 'SUBMIT, RETURN, REOPEN, APPROVE or FILE');
  const text = (comment ?? '').trim().slice(0, 2000) || null;
  if ((action === 'RETURN' || action === 'REOPEN') && !text) throw invalid('comment', 'Say why it goes back to draft');
  return db.writeTx(async (tx) => {
    const p = await lockProduct(tx, viewer, id);
    const isAuthor = p.authorId === viewer.userId;
    if (action === 'FILE' && !isAuthor && !PRODUCT_ROLES.approve.includes(viewer.role)) throw new DomainError('FORBIDDEN', 'The author or a manager files a product');
    const to = transition(p.status, action as ProductAction, { isAuthor, role: viewer.role });
    const h = history(p);
    h.push({ action, from: p.status, to, by: viewer.username, byName: viewer.displayName, at: now, comment: text, version: p.version });
    const patch: Partial<ProductRow> = { status: to, updatedAt: now, history: JSON.stringify(h) };
    if (action === 'APPROVE') Object.assign(patch, { approvedBy: viewer.username, approvedByName: viewer.displayName, approvedAt: now, approvedVersion: p.version });
    if (action === 'REOPEN' || action === 'RETURN') Object.assign(patch, { approvedBy: null, approvedByName: null, approvedAt: null, approvedVersion: null });
    await updateProduct(tx, p.id, patch);
    return { ...p, ...patch } as ProductRow;
  });
}
