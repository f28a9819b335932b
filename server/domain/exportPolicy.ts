import { CLASSIFICATIONS, classificationRank, HANDLING_CONDITIONS } from './codes.js';

/**
 * Whether a chart may leave the system, and how it must be marked. A chart export (picture, vector
 * drawing, PDF, GraphML or CSV) is an onward copy of every record it shows, so the records'
 * handling travels with it:
 * - the file carries the marking of the most restricted record shown (classification, and every
 *   compartment any record is in), and the handling code: C when any record has conditions;
 * - a record marked not for dissemination, or handled C5 (sanitised content only), may not leave
 *   the system in a raw chart: the export is refused, naming those records (a sanitised product
 *   is the way out for them);
 * - C1 (no onward dissemination without the originator's consent) is refused unless the analyst
 *   gives the reference of that consent, which is then printed on the file and kept in the audit;
 * - C2, C3 and C4 are printed on the file as warnings to whoever holds it;
 * - records on the chart the analyst may no longer see refuse the export until the chart is
 *   refreshed (the file would otherwise copy what the policy now withholds).
 * Restricted stubs carry no marking of their own here: what the analyst was shown of them (who holds
 * a record, whom to contact) is all they contribute.
 */
export const EXPORT_FORMATS = ['PNG', 'SVG', 'PDF', 'GRAPHML', 'CSV'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportItem {
  id: string;
  classification: string;
  compartments: string[];
  handling: string;
  handlingConditions: string[];
  nfd: boolean;
}

export interface ExportDecision {
  allowed: boolean;
  classification: string;
  compartments: string[];
  handling: 'P' | 'C';
  conditions: string[];
  /** Lines every copy of the file carries (conditions in words, the consent relied on). */
  warnings: string[];
  /** Why the export is refused (null when allowed). */
  refusal: string | null;
  /** The records that stop it (the analyst's to see: only records shown in full or shared count). */
  blockers: string[];
  /** True when the only thing missing is the originator's consent reference. */
  needsConsent: boolean;
}

/** What a consent reference may look like: a short reference, not prose. */
export const CONSENT_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9 ./:_-]{2,59}$/;

const WARN: Record<string, string> = {
  C2: `C2: ${HANDLING_CONDITIONS.C2}`,
  C3: `C3: ${HANDLING_CONDITIONS.C3}`,
  C4: `C4: ${HANDLING_CONDITIONS.C4}`,
};

export function markingLabel(classification: string, compartments: readonly string[]): string {
  return compartments.length ? `${classification} [${[...compartments].sort().join(', ')}]` : classification;
}

export function decideExport(items: readonly ExportItem[], opts: { unavailable: number; consentReference?: string | null }): ExportDecision {
  let rank = 0;
  const compartments = new Set<string>();
  const conditions = new Set<string>();
  let handling: 'P' | 'C' = 'P';
  const nfd: string[] = [];
  const sanitisedOnly: string[] = [];
  const needConsent: string[] = [];
  for (const it of items) {
    rank = Math.max(rank, Math.min(classificationRank(it.classification), CLASSIFICATIONS.length - 1));
    for (const c of it.compartments) compartments.add(c);
    if (it.handling === 'C') handling = 'C';
    for (const c of it.handlingConditions) conditions.add(c);
    if (it.nfd) nfd.push(it.id);
    if (it.handlingConditions.includes('C5')) sanitisedOnly.push(it.id);
    if (it.handlingConditions.includes('C1')) needConsent.push(it.id);
  }
  if (conditions.size) handling = 'C';
  const conds = [...conditions].sort();
  const base = {
    classification: CLASSIFICATIONS[rank]!, compartments: [...compartments].sort(), handling, conditions: conds,
  };
  const refuse = (refusal: string, blockers: string[], needsConsent = false): ExportDecision => ({
    ...base, allowed: false, warnings: [], refusal, blockers: [...new Set(blockers)].sort(), needsConsent,
  });
  if (opts.unavailable > 0) {
    return refuse(`${opts.unavailable} item${opts.unavailable === 1 ? ' is' : 's are'} on the chart that you may no longer see: reopen or refresh the chart, then export again`, []);
  }
  if (nfd.length || sanitisedOnly.length) {
    const why = [
      nfd.length ? `${nfd.length} record${nfd.length === 1 ? ' is' : 's are'} not for dissemination` : '',
      sanitisedOnly.length ? `${sanitisedOnly.length} record${sanitisedOnly.length === 1 ? ' is' : 's are'} handled C5 (${HANDLING_CONDITIONS.C5.toLowerCase()})` : '',
    ].filter(Boolean).join('; ');
    return refuse(`Export refused: ${why}. Remove them from the chart, or disseminate a sanitised product instead`, [...nfd, ...sanitisedOnly]);
  }
  const consent = opts.consentReference?.trim() || null;
  if (needConsent.length && !consent) {
    return refuse(`${needConsent.length} record${needConsent.length === 1 ? ' is' : 's are'} handled C1 (${HANDLING_CONDITIONS.C1.toLowerCase()}): give the reference of the originator’s consent to export`, needConsent, true);
  }
  if (consent && !CONSENT_REFERENCE.test(consent)) {
    return refuse('The consent reference must be 3 to 60 letters, digits, spaces or . / : _ - (a reference, not prose)', needConsent, true);
  }
  const warnings = conds.filter((c) => WARN[c]).map((c) => WARN[c]!);
  if (consent && needConsent.length) warnings.unshift(`C1: exported with the originator’s consent, reference ${consent}`);
  if (handling === 'C' && !conds.length) warnings.push('Conditions apply: see the handling notes of the records');
  return { ...base, allowed: true, warnings, refusal: null, blockers: [], needsConsent: false };
}
