import { ukDateTime as ukDateTimeOf } from '../ui/evidence.js';

/**
 * What every copy of a chart that leaves the system carries: the marking the server decided for the
 * records it holds (never computed here: an export without the server's decision cannot be made),
 * the handling code and conditions, the lines those conditions require, title, author, date, the
 * export's reference in the audit, and a legend of what is drawn.
 */
export interface ExportMarking {
  /** Classification and compartments, e.g. "SECRET [CHIS]". */
  marking: string;
  handling: string;
  conditions: string[];
  warnings: string[];
  title: string;
  author: string;
  date: Date;
  exportId: string;
  legend: { label: string; colour: string }[];
}

/** The server's answer to a request to export (the `chartExport` mutation). */
export interface ExportDecision {
  allowed: boolean;
  exportId: string | null;
  classification: string;
  compartments: string[];
  marking: string;
  handling: string;
  conditions: string[];
  warnings: string[];
  refusal: string | null;
  blockers: string[];
  needsConsent: boolean;
  entityCount: number;
  linkCount: number;
  stubCount: number;
}

/** The marking for a file, from an allowed decision only. */
export function exportMarking(d: ExportDecision, rest: Pick<ExportMarking, 'title' | 'author' | 'date' | 'legend'>): ExportMarking {
  if (!d.allowed || !d.exportId || !d.marking) throw new Error(d.refusal ?? 'The export was not allowed');
  return { marking: d.marking, handling: d.handling, conditions: d.conditions, warnings: d.warnings, exportId: d.exportId, ...rest };
}

export const handlingLine = (m: Pick<ExportMarking, 'handling' | 'conditions'>) =>
  `Handling ${m.handling}${m.conditions.length ? ` (${m.conditions.join(', ')})` : ''}`;

/** dd/mm/yyyy hh:mm in UK time (the workspace's own date form). */
export const ukDateTime = (d: Date) => ukDateTimeOf(d.toISOString());

/** Who produced a file. */
export const producer = (m: Pick<ExportMarking, 'author'>) => `Produced by ${m.author}`;
/** The footer's right-hand text: who produced it and the export's reference. */
export const producedBy = (m: Pick<ExportMarking, 'author' | 'exportId'>) => `${producer(m)} · ${m.exportId}`;

/** One line that says it all, for text formats (CSV, GraphML) at the top and the bottom of the file. */
export function markingLine(m: ExportMarking): string {
  return [m.marking, handlingLine(m), m.title, ukDateTime(m.date), producedBy(m), ...m.warnings].join(' | ');
}
