import { HANDLING, HANDLING_CONDITIONS, INTEL_ASSESSMENT, SOURCE_EVALUATION } from '../../../server/domain/codes.js';
import { ukDateTime } from '../ui/evidence.js';
import type { GraphNode } from '../workspace/types.js';
import type { Dissemination, DisseminationInput, InboxCounts, InformationRequest, Watch, WatchKind } from './api.js';

/** Pure rules of the inbox: counts, wording, what goes on the chart, what an answer sends. */

/** The toolbar's number: what waits for the viewer (receipts to acknowledge, requests open, alerts unread). */
export const inboxTotal = (c: InboxCounts | null | undefined): number =>
  c ? Math.max(0, c.unacknowledged) + Math.max(0, c.openRequests) + Math.max(0, c.unreadAlerts) : 0;

/** Newest first by an ISO timestamp (ISO strings order as text); the list is not changed. */
export const newestFirst = <T>(list: readonly T[], at: (x: T) => string | null | undefined): T[] =>
  [...list].sort((a, b) => (at(b) ?? '').localeCompare(at(a) ?? ''));

/** The 3x5x2 grading of a shared report as the viewer sees it, with its meanings; null when it carries none. */
export function gradingOf(n: GraphNode): { grade: string; meaning: string; handling: string | null } | null {
  const p = n.props ?? {};
  const s = typeof p.sourceEvaluation === 'string' ? p.sourceEvaluation : '';
  const i = typeof p.intelAssessment === 'string' ? p.intelAssessment : '';
  const h = n.markings?.handling ?? (typeof p.handling === 'string' ? p.handling : null);
  if (!s && !i && !h) return null;
  const meaning = [
    s ? (SOURCE_EVALUATION as Record<string, string>)[s] ?? '' : '',
    i ? (INTEL_ASSESSMENT as Record<string, string>)[i] ?? '' : '',
  ].filter(Boolean).join('; ');
  return { grade: `${s}${i}`, meaning, handling: h };
}

export const handlingMeaning = (code: string): string => (HANDLING as Record<string, string>)[code] ?? '';
export const conditionMeaning = (code: string): string => (HANDLING_CONDITIONS as Record<string, string>)[code] ?? code;
export const CONDITION_CODES = Object.keys(HANDLING_CONDITIONS);

/** What the sender sees of a receipt. */
export function acknowledgementText(d: Pick<Dissemination, 'acknowledgedAt' | 'acknowledgedBy' | 'acknowledgedByName'>): string {
  if (!d.acknowledgedAt) return 'Not yet acknowledged';
  return `Acknowledged by ${d.acknowledgedByName || d.acknowledgedBy || 'the recipient'} at ${ukDateTime(d.acknowledgedAt)}`;
}

/** Records to put on the chart: real ones are fetched with their links, stubs are drawn as they are. */
export function chartPlan(nodes: readonly GraphNode[]): { ids: string[]; stubs: GraphNode[] } {
  const ids: string[] = [];
  const stubs: GraphNode[] = [];
  const seen = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    if (n.restricted) stubs.push(n);
    else ids.push(n.id);
  }
  return { ids, stubs };
}

/** A group is watched as a group (its members and impacts change it); anything else as an entity. */
export const watchKindFor = (n: Pick<GraphNode, 'type'>): WatchKind => (n.type === 'OCG' ? 'OCG' : 'ENTITY');

/** The viewer's watch on this entity, if any. */
export const watchOn = (watches: readonly Watch[] | null | undefined, id: string): Watch | undefined =>
  watches?.find((w) => (w.kind === 'ENTITY' || w.kind === 'OCG') && w.target === id);

/** The viewer's watch on this search text (compared as typed, without case or spacing). */
export const searchWatchOn = (watches: readonly Watch[] | null | undefined, text: string): Watch | undefined => {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return watches?.find((w) => w.kind === 'SEARCH' && norm(w.target) === norm(text));
};

/** The reports a request names that its holder may disseminate in answer (its records of type IntelligenceReport). */
export const requestedReportIds = (r: Pick<InformationRequest, 'records'>): string[] =>
  r.records.filter((n) => n.type === 'IntelligenceReport' && !n.restricted).map((n) => n.id);

/** The holder's answer as typed in the form. */
export interface AnswerForm {
  reportIds: string[];
  sanitisedText: string;
  handling: 'P' | 'C';
  handlingConditions: string[];
  riskAssessment: string;
  purpose: string;
  lawfulBasis: string;
  sharingAgreement: string;
}

export const blankAnswer = (r: Pick<InformationRequest, 'records' | 'purpose' | 'lawfulBasis'>): AnswerForm => ({
  reportIds: requestedReportIds(r),
  sanitisedText: '',
  handling: 'P',
  handlingConditions: [],
  riskAssessment: '',
  purpose: r.purpose ?? '',
  lawfulBasis: r.lawfulBasis ?? '',
  sharingAgreement: '',
});

/** What is missing from the form, field by field (empty when it can be sent). */
/** The fields every dissemination form has: handling (C needs conditions and a risk assessment), purpose, lawful basis, agreement. */
export interface DisseminationBasis { handling: string; handlingConditions: readonly string[]; riskAssessment: string; purpose: string; lawfulBasis: string; sharingAgreement: string }

export function basisProblems(f: DisseminationBasis): Partial<Record<keyof DisseminationBasis, string>> {
  const out: Partial<Record<keyof DisseminationBasis, string>> = {};
  if (f.handling === 'C') {
    if (!f.handlingConditions.length) out.handlingConditions = 'Handling code C needs at least one condition';
    if (!f.riskAssessment.trim()) out.riskAssessment = 'Handling code C needs a handling risk assessment';
  }
  if (!f.purpose.trim()) out.purpose = 'State the purpose';
  if (!f.lawfulBasis.trim()) out.lawfulBasis = 'State the lawful basis';
  if (!f.sharingAgreement.trim()) out.sharingAgreement = 'Name the sharing agreement relied on';
  return out;
}

export function answerProblems(f: AnswerForm): Partial<Record<keyof AnswerForm, string>> {
  const out: Partial<Record<keyof AnswerForm, string>> = {};
  if (!f.reportIds.length) out.reportIds = 'Choose the report(s) to disseminate';
  if (!f.sanitisedText.trim()) out.sanitisedText = 'Write the sanitised text the requester will see';
  return { ...out, ...basisProblems(f) };
}

/** The dissemination that answers a request: to the requester's agency; conditions and risk assessment only with code C. */
export function answerInput(r: Pick<InformationRequest, 'requesterAgency'>, f: AnswerForm): DisseminationInput {
  const c = f.handling === 'C';
  return {
    recipientAgency: r.requesterAgency,
    reportIds: [...new Set(f.reportIds)],
    sanitisedText: f.sanitisedText.trim(),
    handling: f.handling,
    handlingConditions: c ? [...new Set(f.handlingConditions)] : [],
    riskAssessment: c ? f.riskAssessment.trim() : null,
    purpose: f.purpose.trim(),
    lawfulBasis: f.lawfulBasis.trim(),
    sharingAgreement: f.sharingAgreement.trim(),
  };
}

/**
 * A stub reference as the requester quoted it (R-XXXX-XXXX-XXXX-XXXX): the API may answer with
 * the stub id it stands for (`restricted-` and the same 16 characters), shown here the way it is read out.
 */
export function referenceText(ref: string): string {
  const m = /^restricted-([0-9a-z]{16})$/.exec(ref);
  return m ? `R-${m[1]!.toUpperCase().match(/.{4}/g)!.join('-')}` : ref;
}

/** Status words of a request for its requester and holder. */
export function requestStatusText(r: Pick<InformationRequest, 'status' | 'kind' | 'answeredAt' | 'answeredByName' | 'refusalReason'>): string {
  const when = r.answeredAt ? ` ${ukDateTime(r.answeredAt)}` : '';
  const who = r.answeredByName ? ` by ${r.answeredByName}` : '';
  if (r.status === 'ANSWERED') return `Answered${who}${when}`;
  if (r.status === 'REFUSED') return `Refused${who}${when}${r.refusalReason ? `: ${r.refusalReason}` : ''}`;
  return r.kind === 'DECONFLICTION' ? 'Interest recorded, open' : 'Open';
}
