import { csvCell } from '../export/contents.js';
import { durationText, ukDate, ukDateTime } from '../ui/evidence.js';
import type { CallFrequency, CoLocation, CommonContacts } from './api.js';

/**
 * Each communications analysis as one table: what the dialog shows and what "Export CSV" saves,
 * from the same rows. Cells are display text (UK dates, durations); ids stay in their own columns
 * of the export so a spreadsheet can join them back.
 */
export interface ResultTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Ids of the entities each row is about (for selecting on the chart). */
  rowIds: string[][];
  /** A second table (per day, per event) when the analysis has one. */
  detail?: ResultTable;
}

type LabelOf = (id: string) => string;

/** Labels from the result's slice, then from the chart, then the id. */
export function labeller(slices: { nodes: { id: string; label: string }[] }[], fallback: LabelOf = (id) => id): LabelOf {
  const known = new Map<string, string>();
  for (const s of slices) for (const n of s.nodes) known.set(n.id, n.label);
  return (id) => known.get(id) ?? fallback(id);
}

export function callFrequencyTable(r: CallFrequency, label: LabelOf): ResultTable {
  return {
    title: 'Calls between phones, most first',
    columns: ['Caller', 'Callee', 'Calls', 'Total duration', 'Total seconds', 'First call', 'Last call'],
    rows: r.pairs.map((p) => [label(p.caller), label(p.callee), p.calls, durationText(p.totalDuration), p.totalDuration, ukDateTime(p.firstCall), ukDateTime(p.lastCall)]),
    rowIds: r.pairs.map((p) => [p.caller, p.callee]),
    detail: {
      title: 'Calls per day',
      columns: ['Day', 'Calls'],
      rows: r.buckets.map((b) => [ukDate(b.start.slice(0, 10)), b.calls]),
      rowIds: r.buckets.map(() => []),
    },
  };
}

export function commonContactsTable(r: CommonContacts, phones: string[], label: LabelOf): ResultTable {
  return {
    title: 'Contacts in common, most calls first',
    columns: ['Contact', 'Total calls', ...phones.map((p) => `Calls with ${label(p)}`)],
    rows: r.contacts.map((c) => [c.label || label(c.contactId), c.total, ...phones.map((p) => c.by.find((b) => b.phoneId === p)?.calls ?? 0)]),
    rowIds: r.contacts.map((c) => [c.contactId]),
  };
}

const gapText = (s: number) => durationText(s);

export function coLocationTable(r: CoLocation, label: LabelOf, what: 'vehicles' | 'phones'): ResultTable {
  const places = what === 'vehicles' ? 'Cameras' : 'Cell sites';
  return {
    title: what === 'vehicles' ? 'Vehicles seen with, most cameras first' : 'Phones on the same cell sites, most sites first',
    columns: [what === 'vehicles' ? 'Vehicle' : 'Phone', 'With', places, 'Sightings', 'Convoy', 'Leader', 'Mean gap'],
    rows: r.pairs.map((p) => [
      label(p.aId), p.label || label(p.bId), p.places, p.sightings, p.convoy ? 'Yes' : 'No', p.leaderId ? label(p.leaderId) : '', gapText(p.meanGapSeconds),
    ]),
    rowIds: r.pairs.map((p) => [p.aId, p.bId]),
    detail: {
      title: 'Sightings together',
      columns: ['First', 'Second', what === 'vehicles' ? 'Camera' : 'Cell site', 'First seen', 'Second seen', 'Gap'],
      rows: r.events.map((e) => [label(e.aId), label(e.bId), label(e.placeId), ukDateTime(e.aTime), ukDateTime(e.bTime), gapText(e.gapSeconds)]),
      rowIds: r.events.map((e) => [e.aId, e.bId, e.placeId]),
    },
  };
}

/** The table as CSV: a header line, spreadsheet-safe cells, CRLF lines. */
export function tableCsv(t: ResultTable): string {
  const lines = [t.columns.map(csvCell).join(','), ...t.rows.map((r) => r.map(csvCell).join(','))];
  return lines.join('\r\n') + '\r\n';
}
