import { CLASSIFICATIONS, classificationRank } from './codes.js';
import { invalid } from './errors.js';
import { validateHandling } from './grading.js';
import type { Access } from './policy.js';

/**
 * Dissemination and not-for-dissemination rules. A dissemination record is immutable and holds what
 * was shared (sanitised), to whom, why, on what lawful basis and agreement, under which handling
 * code and conditions, the risk assessment where conditions apply, who authorised it and when.
 */
export const IMPACT_STATUS = ['OPEN', 'DISSEMINATED', 'NFD'] as const;
export type ImpactStatus = (typeof IMPACT_STATUS)[number];

export interface DisseminationInput {
  recipientAgency?: string | null;
  recipientPerson?: string | null;
  reportIds?: readonly string[] | null;
  impactId?: string | null;
  sanitisedText?: string | null;
  handling?: string | null;
  handlingConditions?: readonly string[] | null;
  handlingNotes?: string | null;
  purpose?: string | null;
  lawfulBasis?: string | null;
  sharingAgreement?: string | null;
  riskAssessment?: string | null;
}

export interface DisseminationFields {
  recipientAgency: string;
  recipientPerson: string | null;
  reportIds: string[];
  impactId: string | null;
  sanitisedText: string;
  handling: 'P' | 'C';
  handlingConditions: string[];
  handlingNotes: string | null;
  purpose: string;
  lawfulBasis: string;
  sharingAgreement: string;
  riskAssessment: string | null;
}

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.normalize('NFC').trim().slice(0, max + 1) : '');
const need = (v: unknown, field: string, what: string, max: number) => {
  const s = text(v, max);
  if (!s) throw invalid(field, what);
  if (s.length > max) throw invalid(field, `${field}: at most ${max} characters`);
  return s;
};

export const MAX_RECORDS_PER_DISSEMINATION = 50;

export function validateDissemination(input: DisseminationInput, viewerAgency: string, opts: { product?: boolean } = {}): DisseminationFields {
  const recipientAgency = need(input.recipientAgency, 'recipientAgency', 'Name the recipient agency', 100);
  if (recipientAgency === viewerAgency) throw invalid('recipientAgency', 'A dissemination goes to another agency');
  const reportIds = [...new Set((input.reportIds ?? []).map((r) => String(r).trim()).filter(Boolean))];
  const impactId = text(input.impactId, 100) || null;
  if (!opts.product && !reportIds.length && !impactId) throw invalid('reportIds', 'Choose the report(s) or the impact record to disseminate');
  if (reportIds.length > MAX_RECORDS_PER_DISSEMINATION) throw invalid('reportIds', `At most ${MAX_RECORDS_PER_DISSEMINATION} reports per dissemination`);
  const handling = text(input.handling, 1);
  if (!handling) throw invalid('handling', 'A dissemination carries a handling code (P or C)');
  const handlingConditions = [...new Set(input.handlingConditions ?? [])];
  const handlingNotes = text(input.handlingNotes, 2000) || null;
  validateHandling(handling, handlingConditions, handlingNotes ?? undefined);
  const riskAssessment = text(input.riskAssessment, 4000) || null;
  if (handling === 'C' && !riskAssessment) {
    throw invalid('riskAssessment', 'Handling code C needs a handling risk assessment: record the rationale for the conditions');
  }
  return {
    recipientAgency,
    recipientPerson: text(input.recipientPerson, 200) || null,
    reportIds,
    impactId,
    sanitisedText: need(input.sanitisedText, 'sanitisedText', 'Write the sanitised text the recipient will see', 20000),
    handling: handling as 'P' | 'C',
    handlingConditions,
    handlingNotes,
    purpose: need(input.purpose, 'purpose', 'State the purpose of the dissemination', 1000),
    lawfulBasis: need(input.lawfulBasis, 'lawfulBasis', 'State the lawful basis for sharing', 1000),
    sharingAgreement: need(input.sharingAgreement, 'sharingAgreement', 'Name the information sharing agreement or memorandum relied on', 500),
    riskAssessment,
  };
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A guard against pasting the original into the sanitised version: the sanitised text may not
 * contain any original text (of reasonable length) verbatim, whitespace and case aside.
 */
export function assertSanitised(sanitised: string, originals: readonly (string | null | undefined)[]): void {
  const s = fold(sanitised);
  for (const o of originals) {
    if (!o) continue;
    const f = fold(o);
    if (f.length >= 12 && s.includes(f)) {
      throw invalid('sanitisedText', 'The sanitised text repeats the original; the recipient must never see the original');
    }
  }
}

/** The classification a dissemination carries: the highest of what it shares. */
export function highestClassification(list: readonly (string | null | undefined)[]): string {
  let best: string = CLASSIFICATIONS[0];
  for (const c of list) if (c && classificationRank(c) > classificationRank(best)) best = c;
  return best;
}

/** An impact closes when disseminated to the affected partner; a dissemination elsewhere leaves it open. */
export function impactStatusAfter(impact: { status: string; affectedAgency?: string | null }, recipientAgency: string): ImpactStatus {
  if (impact.status === 'NFD') return 'NFD';
  if (impact.status === 'DISSEMINATED') return 'DISSEMINATED';
  return impact.affectedAgency && impact.affectedAgency === recipientAgency ? 'DISSEMINATED' : 'OPEN';
}

export const MIN_NFD_JUSTIFICATION = 20;

/** Not for dissemination is exceptional: it needs a written justification and an approver. */
export function validateNfd(input: { justification?: string | null; approver?: string | null }): { justification: string; approver: string } {
  const justification = text(input.justification, 4000);
  if (justification.length < MIN_NFD_JUSTIFICATION) {
    throw invalid('justification', 'Not for dissemination is exceptional: record a justification of why (at least 20 characters)');
  }
  const approver = text(input.approver, 200);
  if (!approver) throw invalid('approver', 'Not for dissemination needs an approver');
  return { justification, approver };
}

/**
 * What a viewer sees of a dissemination record: the originator sees all of it; the recipient sees
 * what was shared and under which conditions, but not the originator's risk assessment.
 */
export function disseminationView<T extends { riskAssessment?: string | null }>(record: T, access: Access): T {
  if (access === 'full') return record;
  return { ...record, riskAssessment: null };
}
