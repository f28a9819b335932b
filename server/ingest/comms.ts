import fs from 'node:fs';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { DomainError, invalid } from '../domain/errors.js';

/**
 * Communications data files as analysts receive them: call data records from a carrier, ANPR reads
 * from the national system, cell-site lists. Their headers and delimiters differ by supplier, so a
 * file is read through a column mapping (field -> header) that the user defines once and saves by
 * name. This module only reads and checks rows; `graph/comms.ts` stores them.
 */

export const COMMS_KINDS = ['CALLS', 'ANPR', 'CELL_SITES'] as const;
export type CommsKind = (typeof COMMS_KINDS)[number];
export const isCommsKind = (k: unknown): k is CommsKind => typeof k === 'string' && (COMMS_KINDS as readonly string[]).includes(k);

export interface CommsField { name: string; required: boolean; description: string; synonyms: string[] }

export const COMMS_FIELDS: Record<CommsKind, CommsField[]> = {
  CALLS: [
    { name: 'caller', required: true, description: 'Calling number (A number)', synonyms: ['a number', 'a-number', 'anumber', 'a party', 'calling number', 'calling', 'originating number', 'originator', 'from number', 'from', 'caller', 'msisdn'] },
    { name: 'callee', required: true, description: 'Called number (B number)', synonyms: ['b number', 'b-number', 'bnumber', 'b party', 'called number', 'called', 'dialled number', 'destination', 'to number', 'to', 'callee', 'recipient'] },
    { name: 'start', required: true, description: 'Start of the call: date and time (or "Date+Time" for two columns)', synonyms: ['start', 'start time', 'call start', 'date time', 'datetime', 'date/time', 'call date', 'timestamp', 'time'] },
    { name: 'duration', required: false, description: 'Duration: seconds, or H:MM:SS / MM:SS', synonyms: ['duration', 'duration (s)', 'duration secs', 'secs', 'seconds', 'call duration', 'length'] },
    { name: 'cellSite', required: false, description: 'Cell site of the caller at the start of the call', synonyms: ['cell', 'cell id', 'cellid', 'cell site', 'start cell', 'first cell', 'cgi', 'a cell', 'site'] },
    { name: 'calleeCellSite', required: false, description: 'Cell site of the called party', synonyms: ['b cell', 'called cell', 'b cell id', 'end cell'] },
  ],
  ANPR: [
    { name: 'vrm', required: true, description: 'Vehicle registration mark', synonyms: ['vrm', 'plate', 'registration', 'reg', 'reg no', 'vehicle', 'index', 'number plate'] },
    { name: 'camera', required: true, description: 'Camera (reader) id', synonyms: ['camera', 'camera id', 'cameraid', 'reader', 'reader id', 'site', 'site id', 'location id', 'camera name'] },
    { name: 'time', required: true, description: 'Time of the read (or "Date+Time" for two columns)', synonyms: ['time', 'read time', 'timestamp', 'date time', 'datetime', 'date/time', 'seen', 'capture time'] },
    { name: 'direction', required: false, description: 'Direction of travel', synonyms: ['direction', 'dir', 'lane', 'heading', 'bound'] },
    { name: 'cameraLat', required: false, description: 'Camera latitude', synonyms: ['lat', 'latitude', 'camera lat'] },
    { name: 'cameraLon', required: false, description: 'Camera longitude', synonyms: ['lon', 'long', 'lng', 'longitude', 'camera lon'] },
  ],
  CELL_SITES: [
    { name: 'cellId', required: true, description: 'Cell id (as in the call records)', synonyms: ['cell', 'cell id', 'cellid', 'cgi', 'site', 'site id', 'cell site'] },
    { name: 'lat', required: true, description: 'Latitude', synonyms: ['lat', 'latitude'] },
    { name: 'lon', required: true, description: 'Longitude', synonyms: ['lon', 'long', 'lng', 'longitude'] },
    { name: 'name', required: false, description: 'Site name or address', synonyms: ['name', 'site name', 'address', 'location', 'description'] },
    { name: 'azimuth', required: false, description: 'Azimuth in degrees', synonyms: ['azimuth', 'bearing', 'sector'] },
    { name: 'operator', required: false, description: 'Network operator', synonyms: ['operator', 'network', 'carrier', 'provider'] },
  ],
};

export const DATE_FORMATS = ['ISO', 'DD/MM/YYYY', 'MM/DD/YYYY', 'EPOCH_S', 'EPOCH_MS'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const TIME_ZONES = ['UTC', 'Europe/London'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

/** A saved import specification: which header holds which field, how to read the file. */
export interface ColumnMapping {
  name: string;
  kind: CommsKind;
  /** null: detected from the header line. */
  delimiter: string | null;
  dateFormat: DateFormat;
  timeZone: TimeZone;
  /** field -> header name (case and spacing ignored); "A+B" joins two columns with a space. */
  columns: Record<string, string>;
}

const DELIMITERS = [',', '\t', ';', '|'];
const MAX_NAME = 80;

/** Checks a mapping as given by a user; the error names the field at fault. */
export function validateMapping(input: {
  name?: unknown; kind?: unknown; delimiter?: unknown; dateFormat?: unknown; timeZone?: unknown; columns?: unknown;
}): ColumnMapping {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > MAX_NAME || /[\u0000-\u001f]/.test(name)) throw invalid('name', `A mapping needs a name of 1 to ${MAX_NAME} characters`);
  if (!isCommsKind(input.kind)) throw invalid('kind', `kind must be one of ${COMMS_KINDS.join(', ')}`);
  const kind = input.kind;
  let delimiter: string | null = null;
  if (input.delimiter !== undefined && input.delimiter !== null && input.delimiter !== '') {
    const d = input.delimiter === '\\t' || input.delimiter === 'TAB' ? '\t' : String(input.delimiter);
    if (!DELIMITERS.includes(d)) throw invalid('delimiter', 'delimiter must be comma, tab, semicolon or pipe (or left out to detect it)');
    delimiter = d;
  }
  const dateFormat = (input.dateFormat ?? 'ISO') as DateFormat;
  if (!(DATE_FORMATS as readonly string[]).includes(dateFormat)) throw invalid('dateFormat', `dateFormat must be one of ${DATE_FORMATS.join(', ')}`);
  const timeZone = (input.timeZone ?? 'UTC') as TimeZone;
  if (!(TIME_ZONES as readonly string[]).includes(timeZone)) throw invalid('timeZone', `timeZone must be one of ${TIME_ZONES.join(', ')}`);
  const fields = COMMS_FIELDS[kind];
  const columns: Record<string, string> = {};
  const given = Array.isArray(input.columns)
    ? (input.columns as { field?: unknown; column?: unknown }[]).map((c) => [c?.field, c?.column] as const)
    : Object.entries((input.columns ?? {}) as Record<string, unknown>);
  for (const [field, column] of given) {
    if (typeof field !== 'string' || !fields.some((f) => f.name === field)) {
      throw invalid('columns', `${kind} has no field ${JSON.stringify(field)}; fields: ${fields.map((f) => f.name).join(', ')}`);
    }
    if (column === undefined || column === null || column === '') continue;
    if (typeof column !== 'string' || column.length > 200) throw invalid('columns', `The column for ${field} must be a header name`);
    columns[field] = column.trim();
  }
  const missing = fields.filter((f) => f.required && !columns[f.name]).map((f) => f.name);
  if (missing.length) throw invalid('columns', `Map a column to ${missing.join(', ')} (required for ${kind})`);
  return { name, kind, delimiter, dateFormat, timeZone, columns };
}

const norm = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_]+/g, ' ');

/** The delimiter that splits the header line into the most columns (comma on a tie). */
export function detectDelimiter(firstLine: string): string {
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = firstLine.split(d).length - 1;
    if (n > most) { best = d; most = n; }
  }
  return best;
}

/** A mapping guessed from header names, for the user to confirm. */
export function suggestColumns(kind: CommsKind, headers: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const taken = new Set<string>();
  for (const f of COMMS_FIELDS[kind]) {
    const hit = headers.find((h) => !taken.has(h) && (norm(h) === f.name.toLowerCase() || f.synonyms.includes(norm(h))));
    if (hit) { out[f.name] = hit; taken.add(hit); }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values

/** UK numbers to national form (07700900123); others kept with their +. */
export function normalisePhone(raw: string): string | undefined {
  let s = raw.trim().replace(/[\s().\-/]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (s.startsWith('+44')) s = `0${s.slice(3)}`;
  else if (/^44\d{10}$/.test(s)) s = `0${s.slice(2)}`;
  if (s.startsWith('+0')) s = s.slice(1);
  return /^\+?\d{3,15}$/.test(s) ? s : undefined;
}

export function normaliseVrm(raw: string): string | undefined {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9]{1,8}$/.test(s) ? s : undefined;
}

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9 _.:/#-]{0,39}$/;
export const normaliseCode = (raw: string): string | undefined => {
  const s = raw.trim().replace(/\s+/g, ' ');
  return CODE_RE.test(s) ? s : undefined;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets by zone and UTC hour: clocks change on the hour, so one look-up serves a whole hour of records. */
const offsets = new Map<string, number>();

/** Offset of a time zone from UTC at an instant, in ms. */
function zoneOffset(timeZone: string, at: number): number {
  const hour = Math.floor(at / 3_600_000);
  const key = `${timeZone}|${hour}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const start = hour * 3_600_000;
  const parts = f.formatToParts(new Date(start));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - start;
  if (offsets.size > 200_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** Wall-clock time in a zone to an instant (the earlier of two at a clock change). */
function fromWallClock(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, tz: TimeZone): number | undefined {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  if (tz === 'UTC') return wall;
  // The offsets either side of any clock change that day; a candidate is right when the zone's
  // offset at it is the one it was made with. Twice right (the hour repeated in autumn): the
  // earlier. Never (the hour skipped in spring): read with the offset before the change.
  const before = zoneOffset(tz, wall - 43_200_000);
  const after = zoneOffset(tz, wall + 43_200_000);
  const right = [wall - before, wall - after].filter((c) => zoneOffset(tz, c) === wall - c).sort((a, b) => a - b);
  return right[0] ?? wall - before;
}

const TIME_PART = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?$/;

/** Reads a date and time in the mapping's format; an ISO time with an offset keeps its offset. */
export function parseTime(raw: string, format: DateFormat, tz: TimeZone): number | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  if (format === 'EPOCH_S' || format === 'EPOCH_MS') {
    if (!/^\d{1,13}(\.\d+)?$/.test(s)) return undefined;
    return Math.round(Number(s) * (format === 'EPOCH_S' ? 1000 : 1));
  }
  let y: number, mo: number, d: number, rest: string;
  if (format === 'ISO') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.*))?$/.exec(s);
    if (!m) return undefined;
    [y, mo, d, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ?? ''];
    const zone = /(Z|[+-]\d{2}:?\d{2})$/.exec(rest);
    if (zone) {
      const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${rest.replace(/ /g, '')}`);
      return Number.isNaN(t) ? undefined : t;
    }
  } else {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(.*))?$/.exec(s);
    if (!m) return undefined;
    const [a, b] = [Number(m[1]), Number(m[2])];
    [d, mo] = format === 'DD/MM/YYYY' ? [a, b] : [b, a];
    y = Number(m[3]);
    rest = m[4] ?? '';
  }
  let h = 0, mi = 0, sec = 0, ms = 0;
  if (rest.trim()) {
    const t = TIME_PART.exec(rest.trim());
    if (!t) return undefined;
    [h, mi, sec, ms] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0), Number((t[4] ?? '0').padEnd(3, '0'))];
  }
  return fromWallClock(y, mo, d, h, mi, sec, ms, tz);
}

export function parseDuration(raw: string): number | undefined {
  const s = raw.trim();
  if (/^\d{1,9}$/.test(s)) return Number(s);
  const m = /^(?:(\d{1,6}):)?(\d{1,2}):(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [h, mi, sec] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  return sec > 59 || (m[1] !== undefined && mi > 59) ? undefined : h * 3600 + mi * 60 + sec;
}

const parseNumber = (raw: string, min: number, max: number): number | undefined => {
  const s = raw.trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
};

// ---------------------------------------------------------------------------------------------
// Rows

export interface CallRow { line: number; caller: string; callee: string; start: number; duration: number; cell?: string; calleeCell?: string }
export interface SightingRow { line: number; vrm: string; camera: string; time: number; direction?: string; lat?: number; lon?: number }
export interface CellRow { line: number; cellId: string; lat: number; lon: number; name?: string; azimuth?: number; operator?: string }
export type CommsRow = CallRow | SightingRow | CellRow;

export interface CommsRowError { line: number; reason: string }

export interface ReadResult<R extends CommsRow = CommsRow> {
  delimiter: string;
  headers: string[];
  rows: R[];
  errors: CommsRowError[];
  read: number;
}

/** Text to read: the text itself, or a file (streamed). */
export type CommsSource = string | { path: string };

/** A time later than this after now is a wrong format or a wrong zone, not a record. */
const FUTURE_SLACK_MS = 24 * 3600_000;
const EARLIEST = Date.UTC(1985, 0, 1);

async function* lines(src: CommsSource, delimiter: string | null): AsyncGenerator<{ line: number; cells: string[]; delimiter: string }> {
  let firstLine: string;
  if (typeof src === 'string') firstLine = src.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  else {
    const fd = fs.openSync(src.path, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      firstLine = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    } finally {
      fs.closeSync(fd);
    }
  }
  const d = delimiter ?? detectDelimiter(firstLine);
  const parser = parse({
    bom: true, delimiter: d, relax_column_count: true, skip_empty_lines: true, trim: false, info: true,
    // Carrier exports quote loosely (a stray " inside a value); the row is read as written.
    relax_quotes: true,
  });
  const input = typeof src === 'string' ? Readable.from([src]) : fs.createReadStream(src.path, { highWaterMark: 1 << 20 });
  input.on('error', (e: Error) => parser.destroy(e));
  input.pipe(parser);
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: rec.info.lines, cells: rec.record, delimiter: d };
  }
}

/**
 * Reads a whole file through a mapping: every row checked, the faults by line, the good rows kept
 * (compactly, for the write that follows). Nothing here touches the database.
 */
export async function readComms(src: CommsSource, mapping: ColumnMapping, opts: { now?: number; onRow?: (n: number) => void } = {}): Promise<ReadResult> {
  const now = opts.now ?? Date.now();
  const out: ReadResult = { delimiter: ',', headers: [], rows: [], errors: [], read: 0 };
  let index: Record<string, number[]> | undefined;
  for await (const { line, cells, delimiter } of lines(src, mapping.delimiter)) {
    if (!index) {
      out.delimiter = delimiter;
      out.headers = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
      index = {};
      const byName = new Map<string, number>();
      out.headers.forEach((h, i) => { if (!byName.has(norm(h))) byName.set(norm(h), i); });
      const lost: string[] = [];
      for (const [field, column] of Object.entries(mapping.columns)) {
        const parts = column.split('+').map((p) => p.trim()).filter(Boolean);
        const at = parts.map((p) => byName.get(norm(p)));
        at.forEach((x, i) => { if (x === undefined) lost.push(`${JSON.stringify(parts[i])} (for ${field})`); });
        index[field] = at.filter((x): x is number => x !== undefined);
      }
      if (lost.length) {
        throw new DomainError('VALIDATION', `The file has no column ${lost.join(', ')}: its header is ${out.headers.map((h) => JSON.stringify(h)).join(', ')}. Change the mapping "${mapping.name}" or choose another`, 'columns');
      }
      continue;
    }
    out.read++;
    opts.onRow?.(out.read);
    const get = (f: string) => (index![f] ?? []).map((i) => (cells[i] ?? '').trim()).filter(Boolean).join(' ');
    const faults: string[] = [];
    const need = (f: string, v: string) => { if (!v) faults.push(`${f} (column ${JSON.stringify(mapping.columns[f])}) is empty`); return v; };
    const time = (f: string) => {
      const raw = need(f, get(f));
      if (!raw) return 0;
      const t = parseTime(raw, mapping.dateFormat, mapping.timeZone);
      if (t === undefined) faults.push(`${f}: ${JSON.stringify(raw)} is not a ${mapping.dateFormat} date and time`);
      else if (t > now + FUTURE_SLACK_MS || t < EARLIEST) faults.push(`${f}: ${new Date(t).toISOString()} is ${t > now ? 'in the future' : 'before 1985'} (check the date format, now ${mapping.dateFormat})`);
      return t ?? 0;
    };
    let row: CommsRow | undefined;
    if (mapping.kind === 'CALLS') {
      const [a, b] = [need('caller', get('caller')), need('callee', get('callee'))];
      const caller = a ? normalisePhone(a) : undefined;
      const callee = b ? normalisePhone(b) : undefined;
      if (a && !caller) faults.push(`caller: ${JSON.stringify(a)} is not a telephone number`);
      if (b && !callee) faults.push(`callee: ${JSON.stringify(b)} is not a telephone number`);
      if (caller && caller === callee) faults.push('caller and callee are the same number');
      const start = time('start');
      const rawDuration = get('duration');
      const duration = rawDuration ? parseDuration(rawDuration) : 0;
      if (duration === undefined) faults.push(`duration: ${JSON.stringify(rawDuration)} is not seconds or H:MM:SS`);
      const cells2: Record<string, string | undefined> = {};
      for (const f of ['cellSite', 'calleeCellSite']) {
        const raw = get(f);
        if (!raw) continue;
        cells2[f] = normaliseCode(raw);
        if (!cells2[f]) faults.push(`${f}: ${JSON.stringify(raw)} is not a cell id (letters, digits, - _ . : / #, up to 40)`);
      }
      if (!faults.length) row = { line, caller: caller!, callee: callee!, start, duration: duration!, cell: cells2.cellSite, calleeCell: cells2.calleeCellSite };
    } else if (mapping.kind === 'ANPR') {
      const rawVrm = need('vrm', get('vrm'));
      const vrm = rawVrm ? normaliseVrm(rawVrm) : undefined;
      if (rawVrm && !vrm) faults.push(`vrm: ${JSON.stringify(rawVrm)} is not a registration mark`);
      const rawCam = need('camera', get('camera'));
      const camera = rawCam ? normaliseCode(rawCam) : undefined;
      if (rawCam && !camera) faults.push(`camera: ${JSON.stringify(rawCam)} is not a camera id (letters, digits, - _ . : / #, up to 40)`);
      const t = time('time');
      const direction = get('direction').slice(0, 20) || undefined;
      const [rawLat, rawLon] = [get('cameraLat'), get('cameraLon')];
      const lat = rawLat ? parseNumber(rawLat, -90, 90) : undefined;
      const lon = rawLon ? parseNumber(rawLon, -180, 180) : undefined;
      if (rawLat && lat === undefined) faults.push(`cameraLat: ${JSON.stringify(rawLat)} is not a latitude`);
      if (rawLon && lon === undefined) faults.push(`cameraLon: ${JSON.stringify(rawLon)} is not a longitude`);
      if (!faults.length) row = { line, vrm: vrm!, camera: camera!, time: t, direction, lat, lon };
    } else {
      const rawId = need('cellId', get('cellId'));
      const cellId = rawId ? normaliseCode(rawId) : undefined;
      if (rawId && !cellId) faults.push(`cellId: ${JSON.stringify(rawId)} is not a cell id (letters, digits, - _ . : / #, up to 40)`);
      const [rawLat, rawLon] = [need('lat', get('lat')), need('lon', get('lon'))];
      const lat = rawLat ? parseNumber(rawLat, -90, 90) : undefined;
      const lon = rawLon ? parseNumber(rawLon, -180, 180) : undefined;
      if (rawLat && lat === undefined) faults.push(`lat: ${JSON.stringify(rawLat)} is not a latitude`);
      if (rawLon && lon === undefined) faults.push(`lon: ${JSON.stringify(rawLon)} is not a longitude`);
      const rawAz = get('azimuth');
      const azimuth = rawAz ? parseNumber(rawAz, 0, 360) : undefined;
      if (rawAz && (azimuth === undefined || !Number.isInteger(azimuth))) faults.push(`azimuth: ${JSON.stringify(rawAz)} is not whole degrees 0-360`);
      if (!faults.length) row = { line, cellId: cellId!, lat: lat!, lon: lon!, name: get('name').slice(0, 200) || undefined, azimuth, operator: get('operator').slice(0, 100) || undefined };
    }
    if (row) out.rows.push(row);
    else out.errors.push({ line, reason: faults.join('; ') });
  }
  if (!index) throw invalid('text', 'The file is empty: it needs a header line and rows');
  return out;
}

/** The first rows of a file as split, with the delimiter and a suggested mapping. */
export async function previewComms(kind: CommsKind, text: string, delimiter: string | null, maxRows = 10) {
  const rows: string[][] = [];
  let headers: string[] | undefined;
  let used = ',';
  for await (const { cells, delimiter: d } of lines(text, delimiter)) {
    used = d;
    if (!headers) { headers = cells.map((c) => c.replace(/^\uFEFF/, '').trim()); continue; }
    rows.push(cells);
    if (rows.length >= maxRows) break;
  }
  if (!headers) throw invalid('text', 'The file is empty: it needs a header line and rows');
  const suggested = suggestColumns(kind, headers);
  const missing = COMMS_FIELDS[kind].filter((f) => f.required && !suggested[f.name]).map((f) => f.name);
  return { delimiter: used, headers, rows, suggested, missing };
}
