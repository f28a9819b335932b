import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import type { Db, Tx } from '../db/db.js';
import { run } from '../db/db.js';
import { DomainError } from '../domain/errors.js';
import type { Grade } from '../domain/grading.js';
import { can, decide, type Access, type Markings, type Viewer } from '../domain/policy.js';
import { ENTITY_TYPES, LINK_TYPES, MARKING_KEYS, SYSTEM_KEYS } from '../domain/model.js';
import { MAX_JSON_DEPTH, givenEnd, nestsDeeperThan, todayIso, validateEntity, validateId, validateLink, type EntityRecord, type LinkRecord } from '../domain/validate.js';
import { detectDelimiter } from './comms.js';
import { checkLink, entityRow, existingEntities, linkContentHash, linkId, linkRow, writeEntities, writeLinks, type ReportGrade, type WriteCounts } from '../graph/write.js';

/**
 * Bulk import of nodes and edges (CSV or JSON). Every row is validated first — domain rules, then
 * endpoints against the file and the graph — and only then written, in fixed-size transactions,
 * through the one write path (writeEntities / writeLinks). Any rejected row means nothing is
 * written unless `keepGood` is set, so a bad file never half-lands in the graph.
 *
 * Memory: files given by path (or any re-openable source) are read twice — once to validate,
 * once to write — and only ids, content hashes and line numbers are kept between the passes.
 * One-shot streams keep their validated rows in memory instead. JSON is parsed whole.
 */

/** Text to read: the text itself, a file, a re-openable stream, or a one-shot stream. */
export type TextSource =
  | string
  | Uint8Array
  | { path: string }
  | { open: () => AsyncIterable<string | Uint8Array> }
  | AsyncIterable<string | Uint8Array>;

export interface JsonGraph {
  nodes?: unknown[];
  edges?: unknown[];
}

export interface ImportInput {
  /** Nodes CSV: header `id,type,label,<props>,<markings>`. */
  nodes?: TextSource;
  /** Edges CSV: header `source,target,type,<props>,reportIds,<markings>`. */
  edges?: TextSource;
  /** JSON `{nodes, edges}` or an array of nodes: as text, a file, or an already parsed value. */
  json?: TextSource | JsonGraph | unknown[];
  /** Names used in error reports (default: the file name, or "nodes"/"edges"/"json"). */
  names?: { nodes?: string; edges?: string; json?: string };
}

export type ImportPhase = 'validate' | 'nodes' | 'edges';

export interface ImportOptions {
  /** Write the good rows even when some were rejected. */
  keepGood?: boolean;
  /**
   * Validate and count what would be created/updated/unchanged; write nothing. The counts are for
   * the valid rows, i.e. what the import would write once the rejected rows are fixed (or with keepGood).
   */
  dryRun?: boolean;
  /** Owning agency for rows without an `agency` column value. */
  defaultAgency?: string;
  /** Rows per write transaction (default 5000). */
  batchSize?: number;
  /** Reject rows whose agency is not an Agency entity in the file or the graph (default true). */
  checkAgencies?: boolean;
  /** Progress: rows validated (total unknown), then rows written per phase. */
  onProgress?: (done: number, total: number | undefined, phase: ImportPhase) => void;
  /** "Today" for future-date checks (YYYY-MM-DD); default the current date. */
  today?: string;
  /**
   * Uploads by a signed-in user: every row must be owned by the writer's agency and visible to the
   * writer in full; existing records (nodes and links) may be changed only when the writer sees
   * them in full; links may only touch records the writer sees in full (others are reported as
   * unknown, exactly as if they did not exist); reports need the grade permission. The operator's
   * CLI import has no writer and is not limited this way.
   */
  writer?: Viewer;
  /**
   * Write everything in one transaction, with the writer's ownership checked in it under the
   * records' locks (uploads: bounded by the request size). The CLI's bulk import leaves it off:
   * batches in many transactions, so a large file is written in bounded transactions and a
   * re-run resumes where it stopped.
   */
  oneTransaction?: boolean;
  /**
   * The bulk path (server/db/bulkLoad.ts), for a store known to be empty: the rows that pass the
   * same validation are handed here as the stored rows the write path would make (every one is
   * created), instead of being written; the caller runs Neo4j's batch importer on them.
   */
  sink?: {
    addEntity(row: ReturnType<typeof entityRow>, now: string): Promise<void> | void;
    addLink(row: ReturnType<typeof linkRow>, now: string): Promise<void> | void;
  };
}

export interface ImportError {
  /** The file (and for JSON, the array) the row came from. */
  file: string;
  /** CSV: physical line number, header = 1. JSON: array index + 1 (see `unit`). */
  line: number;
  unit: 'line' | 'item';
  reason: string;
}

export interface ImportCounts extends WriteCounts {
  read: number;
  rejected: number;
  duplicates: number;
}

export interface ImportSummary extends ImportCounts {
  errors: ImportError[];
  nodes: ImportCounts;
  edges: ImportCounts;
  dryRun: boolean;
  /** True when rows were written to the graph. */
  written: boolean;
}

const DEFAULT_BATCH = 5000;
/** Write transactions in flight at once during an import. */
const WRITERS = 2;
const LOOKUP_CHUNK = 5000;
const LIST_MARKINGS = new Set(['compartments', 'handlingConditions']);

// ---------------------------------------------------------------------------------------------
// Reading rows

interface RowOk { line: number; values: Record<string, unknown> }
interface RowBad { line: number; error: string }
type RowEvent = RowOk | RowBad;

interface Part {
  kind: 'node' | 'edge';
  file: string;
  unit: 'line' | 'item';
  /** False for one-shot streams: their validated rows are kept for the write pass. */
  reopenable: boolean;
  rows: () => AsyncIterable<RowEvent>;
}

const isAsyncIterable = (v: unknown): v is AsyncIterable<string | Uint8Array> =>
  typeof v === 'object' && v !== null && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

function openSource(src: TextSource): AsyncIterable<string | Uint8Array> {
  if (typeof src === 'string' || src instanceof Uint8Array) return Readable.from([src]);
  if ('path' in src && typeof src.path === 'string') return fs.createReadStream(src.path, { highWaterMark: 1 << 20 });
  if ('open' in src && typeof src.open === 'function') return src.open();
  if (isAsyncIterable(src)) return src;
  throw new TypeError('Unsupported import source');
}

const sourceName = (src: unknown, fallback: string) =>
  typeof src === 'object' && src !== null && 'path' in src && typeof (src as { path: unknown }).path === 'string'
    ? (src as { path: string }).path.split(/[\\/]/).pop()!
    : fallback;

/** UTF-8 decode and fold CRLF / lone CR to LF, so line counting and quoted values are uniform. */
async function* normalisedText(src: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let carryCR = false;
  for await (const chunk of src) {
    let s = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (carryCR) s = `\r${s}`;
    carryCR = s.endsWith('\r');
    if (carryCR) s = s.slice(0, -1);
    if (s) yield s.replace(/\r\n?/g, '\n');
  }
  const tail = decoder.decode();
  if (carryCR || tail) yield `${carryCR ? '\r' : ''}${tail}`.replace(/\r\n?/g, '\n');
}

class HeaderError extends Error {}

function headerMapper(kind: 'node' | 'edge', seenHeader: { length: number }) {
  // Known column names are matched case-insensitively; anything else is kept as written and
  // later rejected by the model if a row gives it a value.
  const known = new Map<string, string>();
  const names = kind === 'node' ? ['id', 'type', 'label'] : ['id', 'source', 'target', 'type', 'reportIds'];
  const defs = kind === 'node' ? Object.values(ENTITY_TYPES) : Object.values(LINK_TYPES);
  for (const n of [...names, ...MARKING_KEYS, ...SYSTEM_KEYS, ...defs.flatMap((d) => Object.keys(d.props))]) known.set(n.toLowerCase(), n);
  const required = kind === 'node' ? ['id', 'type'] : ['source', 'target', 'type'];
  return (header: string[]): string[] => {
    const cols = header.map((h) => {
      const t = String(h).replace(/^\uFEFF/, '').trim();
      return known.get(t.toLowerCase()) ?? t;
    });
    const seen = new Set<string>();
    for (const c of cols) {
      if (c && seen.has(c)) throw new HeaderError(`the header names column ${JSON.stringify(c)} twice`);
      seen.add(c);
    }
    const missing = required.filter((r) => !seen.has(r));
    if (missing.length) {
      throw new HeaderError(`the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (found: ${cols.join(', ') || 'nothing'})`);
    }
    seenHeader.length = cols.length;
    return cols;
  };
}

async function* csvRows(src: TextSource, kind: 'node' | 'edge'): AsyncGenerator<RowEvent> {
  const header = { length: 0 };
  // csv-parse cannot resynchronise reliably after malformed quoting, so the first such fault ends
  // the read. It is taken as a skip rather than a stream error: a failing stream drops whatever
  // records it had parsed but not yet handed over, a number that depends on timing, and the two
  // passes of an import would then see different rows.
  let malformed: { lines?: number; message: string } | undefined;
  // The delimiter (comma, tab, semicolon or pipe) is the one that splits the header line most.
  const text = normalisedText(openSource(src))[Symbol.asyncIterator]();
  const head: string[] = [];
  let firstLine = '';
  while (!firstLine.includes('\n') && firstLine.length < 1 << 16) {
    const next = await text.next();
    if (next.done) break;
    head.push(next.value);
    firstLine += next.value;
  }
  const delimiter = detectDelimiter(firstLine.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '');
  async function* whole() {
    yield* head;
    for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
  }
  const parser = parse({
    bom: true,
    delimiter,
    columns: headerMapper(kind, header),
    record_delimiter: '\n',
    trim: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      malformed ??= err ?? { message: 'unreadable record' };
    },
    on_record: (rec) => (malformed ? null : rec),
  });
  pipeline(Readable.from(whole()), parser, () => {});
  const malformedRow = (e: { lines?: number; message: string }): RowBad =>
    ({ line: Math.max(1, e.lines ?? 1), error: `malformed CSV (${e.message}); the rest of the file was not read` });
  try {
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: Info & { error?: unknown }; raw: string }>) {
      // info.lines is the line a record ends on; count the newlines inside it (quoted values)
      // to report the line it starts on. Leading blank lines belong to the raw text too.
      const body = rec.raw.replace(/^(?:[ \t]*\n)+/, '');
      const inner = (body.match(/\n/g)?.length ?? 0) - (body.endsWith('\n') ? 1 : 0);
      const line = rec.info.lines - inner;
      const err = rec.info.error as { code?: string; record?: unknown[] } | undefined;
      if (err?.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
        const got = Array.isArray(err.record) ? err.record.length : '?';
        yield { line, error: `has ${got} columns but the header has ${header.length} (a value with a comma must be quoted)` };
        continue;
      }
      yield { line, values: rec.record };
    }
    if (malformed) yield malformedRow(malformed);
  } catch (e) {
    if (e instanceof HeaderError) {
      yield { line: 1, error: e.message };
      return;
    }
    // Not every parser error code starts with CSV_ (INVALID_OPENING_QUOTE does not).
    if (e instanceof CsvError) {
      yield malformedRow(e as CsvError & { lines?: number });
      return;
    }
    throw e;
  }
}

async function readAllText(src: TextSource): Promise<string> {
  let text = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of openSource(src)) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return (text + decoder.decode()).replace(/^\uFEFF/, '');
}

function jsonRows(items: unknown[] | undefined): () => AsyncIterable<RowEvent> {
  return async function* () {
    const list = items ?? [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        yield { line: i + 1, error: 'expected an object' };
        continue;
      }
      // Accept flat rows and rows with nested `props` / `markings` objects.
      const { props, markings, ...rest } = item as Record<string, unknown>;
      const flat: Record<string, unknown> = { ...(isPlainObject(props) ? props : {}), ...(isPlainObject(markings) ? markings : {}), ...rest };
      if (props !== undefined && !isPlainObject(props)) flat.props = props;
      if (markings !== undefined && !isPlainObject(markings)) flat.markings = markings;
      yield { line: i + 1, values: flat };
    }
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function partsOf(input: ImportInput): Promise<{ parts: Part[]; fatal: ImportError[] }> {
  const parts: Part[] = [];
  const fatal: ImportError[] = [];
  if (input.json !== undefined) {
    const name = input.names?.json ?? sourceName(input.json, 'json');
    let value: unknown = input.json;
    const parsedAlready = Array.isArray(value) || (isPlainObject(value) && ('nodes' in value || 'edges' in value));
    if (!parsedAlready) {
      const text = await readAllText(value as TextSource);
      try {
        value = JSON.parse(text);
      } catch (e) {
        const pos = /position (\d+)/.exec((e as Error).message);
        const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
        fatal.push({ file: name, line, unit: 'line', reason: `not valid JSON: ${(e as Error).message}` });
        value = undefined;
      }
    }
    if (value !== undefined && nestsDeeperThan(value, MAX_JSON_DEPTH)) {
      // Rows are validated and hashed by code that walks values recursively.
      fatal.push({ file: name, line: 1, unit: 'line', reason: `nested too deeply (more than ${MAX_JSON_DEPTH} levels)` });
      value = undefined;
    }
    if (value !== undefined) {
      const graph: JsonGraph | undefined = Array.isArray(value) ? { nodes: value } : isPlainObject(value) ? (value as JsonGraph) : undefined;
      const okNodes = graph && (graph.nodes === undefined || Array.isArray(graph.nodes));
      const okEdges = graph && (graph.edges === undefined || Array.isArray(graph.edges));
      if (!graph || !okNodes || !okEdges) {
        fatal.push({ file: name, line: 1, unit: 'line', reason: 'expected {"nodes": [...], "edges": [...]} or an array of nodes' });
      } else {
        if (graph.nodes) parts.push({ kind: 'node', file: `${name} nodes`, unit: 'item', reopenable: true, rows: jsonRows(graph.nodes) });
        if (graph.edges) parts.push({ kind: 'edge', file: `${name} edges`, unit: 'item', reopenable: true, rows: jsonRows(graph.edges) });
      }
    }
  }
  const csv = (kind: 'node' | 'edge', src: TextSource | undefined, fallback: string) => {
    if (src === undefined) return;
    const oneShot = isAsyncIterable(src) && !(typeof src === 'string') && !(src instanceof Uint8Array);
    parts.push({ kind, file: input.names?.[kind === 'node' ? 'nodes' : 'edges'] ?? sourceName(src, fallback), unit: 'line', reopenable: !oneShot, rows: () => csvRows(src, kind) });
  };
  csv('node', input.nodes, 'nodes');
  csv('edge', input.edges, 'edges');
  // Nodes before edges, whatever the order given: edges are checked against the nodes.
  parts.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'node' ? -1 : 1));
  return { parts, fatal };
}

// ---------------------------------------------------------------------------------------------
// Turning rows into validated records

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function splitList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : String(v).split(/[;|]/);
  return list.map((x) => String(x).trim()).filter(Boolean);
}

function parseBool(field: string, v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  const s = String(v).trim();
  if (/^(true|yes|y|1)$/i.test(s)) return true;
  if (/^(false|no|n|0)$/i.test(s)) return false;
  throw new DomainError('VALIDATION', `${field}: expected true or false, got ${JSON.stringify(v)}`, field);
}

/** Drops empty values, refuses mis-decoded text, and types the marking columns. */
function cleanValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (!k || isEmpty(v)) continue;
    if (typeof v === 'string' && v.includes('\uFFFD')) {
      throw new DomainError('VALIDATION', `${k}: the text is not valid UTF-8 (save the file as UTF-8)`, k);
    }
    if (k === 'disseminatedTo') {
      throw new DomainError('VALIDATION', 'disseminatedTo cannot be imported; share records through a dissemination', k);
    }
    if (LIST_MARKINGS.has(k)) out[k] = splitList(v);
    else if (k === 'nfd') out[k] = parseBool(k, v);
    else out[k] = typeof v === 'string' ? v.normalize('NFC') : v;
  }
  return out;
}

const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));

interface Ctx { defaultAgency?: string; today: string }

function toEntity(values: Record<string, unknown>, ctx: Ctx): EntityRecord {
  const { id, type, label, ...rest } = cleanValues(values);
  if (id === undefined) throw new DomainError('VALIDATION', 'id is empty', 'id');
  const rec = validateEntity({ id, type, label, props: rest }, { defaultAgency: ctx.defaultAgency, today: ctx.today });
  // Sorted props make the content hash independent of column order, so re-imports are no-ops.
  return { ...rec, props: sortKeys(rec.props) };
}

function toLink(values: Record<string, unknown>, ctx: Ctx): LinkRecord {
  const { id, source, target, type, reportIds, ...rest } = cleanValues(values);
  const rec = validateLink({ source, target, type, reportIds: reportIds === undefined ? [] : splitList(reportIds), props: rest }, {
    defaultAgency: ctx.defaultAgency,
    today: ctx.today,
  });
  // Link ids are derived from (source, type, target); an exported id column is accepted if it agrees.
  if (id !== undefined && String(id).trim() !== linkId(rec.source, rec.type, rec.target)) {
    throw new DomainError('VALIDATION', 'edge ids are derived from source, type and target; leave the id column empty', 'id');
  }
  return { ...rec, props: sortKeys(rec.props) };
}

const sha1 = (v: unknown) => createHash('sha1').update(JSON.stringify(v)).digest('base64url');
// Same content hash as writeEntities in server/graph/write.ts, so a dry run can tell updated from unchanged.
const entityHash = (r: EntityRecord) => sha1({ type: r.type, label: r.label, ...r.props, ...r.markings });
// Identity of an edge row's content, for duplicate detection (strength and report marks are derived).
const edgeRowHash = (r: LinkRecord) => sha1({ ...r.props, ...r.markings, reportIds: [...r.reportIds].sort() });

const reasonOf = (e: unknown): string => {
  if (e instanceof DomainError) return e.message;
  throw e;
};

// ---------------------------------------------------------------------------------------------
// The import

interface NodeInfo {
  part: number;
  line: number;
  type: string;
  hash: string;
  /** The owning agency (one shared string per agency). */
  agency: string;
  bad?: boolean;
  grade?: Omit<ReportGrade, 'id'>;
  dry?: keyof WriteCounts;
}

interface EdgeInfo {
  part: number;
  line: number;
  hash: string;
  bad?: boolean;
  dry?: keyof WriteCounts;
}

const emptyCounts = (): ImportCounts => ({ read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, duplicates: 0 });

export async function importGraph(db: Db, input: ImportInput, opts: ImportOptions = {}): Promise<ImportSummary> {
  const ctx: Ctx = { defaultAgency: opts.defaultAgency?.trim() || undefined, today: opts.today ?? todayIso() };
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  const checkAgencies = opts.checkAgencies ?? true;
  const progress = opts.onProgress ?? (() => {});
  const { parts, fatal } = await partsOf(input);

  const errors: ImportError[] = [...fatal];
  const rejectedRows = new Set<string>();
  const rowKey = (part: number, line: number) => `${part}:${line}`;
  const where = (part: number, line: number) => `${parts[part]!.file} ${parts[part]!.unit} ${line}`;
  const reject = (part: number, line: number, reason: string) => {
    const key = rowKey(part, line);
    if (rejectedRows.has(key)) return;
    rejectedRows.add(key);
    errors.push({ file: parts[part]!.file, line, unit: parts[part]!.unit, reason });
    (parts[part]!.kind === 'node' ? nodeCounts : edgeCounts).rejected++;
  };
  const nodeCounts = emptyCounts();
  const edgeCounts = emptyCounts();
  const nodes = new Map<string, NodeInfo>();
  /** Ids whose node row was rejected, so edges to them get a useful reason. */
  const rejectedIds = new Map<string, string>();
  // Lines that repeat an accepted row: skipped as duplicates, unless that row is rejected later,
  // when they are rejected with it (as a repeat of an already rejected row is).
  const nodeRepeats = new Map<string, { part: number; line: number }[]>();
  const edgeRepeats = new Map<string, { part: number; line: number }[]>();
  const repeated = (repeats: typeof nodeRepeats, counts: ImportCounts, key: string, part: number, line: number) => {
    counts.duplicates++;
    (repeats.get(key) ?? repeats.set(key, []).get(key)!).push({ part, line });
  };
  const rejectRepeats = (repeats: typeof nodeRepeats, counts: ImportCounts, key: string, first: { part: number; line: number }) => {
    for (const r of repeats.get(key) ?? []) {
      reject(r.part, r.line, `repeats ${where(first.part, first.line)}, which was rejected`);
      counts.duplicates--;
    }
    repeats.delete(key);
  };
  /** Rejects an accepted node row after the fact, and the lines that repeated it. */
  const rejectNode = (id: string, info: NodeInfo, reason: string) => {
    reject(info.part, info.line, reason);
    info.bad = true;
    rejectedIds.set(id, where(info.part, info.line));
    rejectRepeats(nodeRepeats, nodeCounts, id, info);
  };
  const buffered = new Map<number, { line: number; rec: EntityRecord | LinkRecord }[]>();
  let validated = 0;
  const tick = () => {
    if (++validated % 1000 === 0) progress(validated, undefined, 'validate');
  };

  // Graph lookups (type of an id), cached for the endpoint and agency checks.
  const graphTypes = new Map<string, string | null>();
  const lookup = async (ids: Iterable<string>) => {
    // Bound the cache on huge imports; it is only an optimisation.
    if (graphTypes.size > 500_000) graphTypes.clear();
    const missing = [...new Set(ids)].filter((id) => !graphTypes.has(id));
    for (let i = 0; i < missing.length; i += LOOKUP_CHUNK) {
      const chunk = missing.slice(i, i + LOOKUP_CHUNK);
      const found = await db.readTx((tx) => existingEntities(tx, chunk));
      // For an upload, records the writer does not see in full do not exist.
      const access = opts.writer ? await accessOf(db, opts.writer, [...found.keys()]) : undefined;
      for (const id of chunk) graphTypes.set(id, !access || access.get(id) === 'full' ? found.get(id)?.type ?? null : null);
    }
  };
  const fileType = (id: string) => {
    const n = nodes.get(id);
    return n && !n.bad ? n.type : undefined;
  };

  // Agencies: a record owned by an agency nobody knows is invisible to everyone.
  const agencyOk = new Map<string, boolean>();
  const agencyNames = new Map<string, string>();
  const agencyKnown = async (agency: string): Promise<boolean | undefined> => {
    if (fileType(agency) === 'Agency') return true;
    if (!agencyOk.has(agency)) {
      // Agencies are a directory: known whoever owns their record.
      const found = await db.readTx((tx) => existingEntities(tx, [agency]));
      agencyOk.set(agency, found.get(agency)?.type === 'Agency');
    }
    return agencyOk.get(agency) || undefined;
  };

  // ---- pass 1: nodes
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (part.kind !== 'node') continue;
    for await (const row of part.rows()) {
      if ('error' in row) {
        if (row.line > 1 || part.unit === 'item') nodeCounts.read++;
        reject(p, row.line, row.error);
        continue;
      }
      nodeCounts.read++;
      tick();
      let rec: EntityRecord;
      try {
        rec = toEntity(row.values, ctx);
      } catch (e) {
        const reason = reasonOf(e);
        reject(p, row.line, reason);
        const id = tryId(row.values.id);
        if (id && !rejectedIds.has(id)) rejectedIds.set(id, where(p, row.line));
        continue;
      }
      const refusal = opts.writer && writerRefusal(opts.writer, rec);
      if (refusal) {
        reject(p, row.line, refusal);
        if (!rejectedIds.has(rec.id)) rejectedIds.set(rec.id, where(p, row.line));
        continue;
      }
      const hash = entityHash(rec);
      const prev = nodes.get(rec.id);
      if (prev) {
        if (prev.hash === hash) {
          if (prev.bad) reject(p, row.line, `repeats ${where(prev.part, prev.line)}, which was rejected`);
          else repeated(nodeRepeats, nodeCounts, rec.id, p, row.line);
          continue;
        }
        // Two different versions of one id: neither can be trusted over the other.
        if (!prev.bad) rejectNode(rec.id, prev, `id ${rec.id} is given again at ${where(p, row.line)} with different content`);
        reject(p, row.line, `id ${rec.id} was already given at ${where(prev.part, prev.line)} with different content`);
        continue;
      }
      const agency = agencyNames.get(rec.markings.agency) ?? agencyNames.set(rec.markings.agency, rec.markings.agency).get(rec.markings.agency)!;
      const info: NodeInfo = { part: p, line: row.line, type: rec.type, hash, agency };
      if (rec.type === 'IntelligenceReport') {
        info.grade = {
          sourceEvaluation: rec.props.sourceEvaluation as Grade['sourceEvaluation'],
          intelAssessment: rec.props.intelAssessment as Grade['intelAssessment'],
          sourceId: (rec.props.sourceId as string | undefined) ?? null,
          classification: rec.markings.classification, agency: rec.markings.agency,
          compartments: rec.markings.compartments, nfd: rec.markings.nfd ?? false,
        };
      }
      nodes.set(rec.id, info);
      if (!part.reopenable) (buffered.get(p) ?? buffered.set(p, []).get(p)!).push({ line: row.line, rec });
    }
  }

  // Owners are checked once the whole file is read, against its final state: an Agency row may
  // come after the rows it owns, or be rejected after them (given twice with different content),
  // and an Agency row that is rejected takes the rows it owns with it, hence the repeat.
  for (let changed = checkAgencies; changed;) {
    changed = false;
    for (const [id, n] of nodes) {
      if (n.bad || (await agencyKnown(n.agency))) continue;
      rejectNode(id, n, `unknown agency ${JSON.stringify(n.agency)}: no Agency entity with that id in the file or the graph`);
      changed ||= n.type === 'Agency';
    }
  }

  // Ids already in the graph: a different type is a conflict; the content hash tells a dry run
  // whether the row would create, update or leave the entity unchanged.
  {
    const ids = [...nodes.keys()];
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const chunk = ids.slice(i, i + LOOKUP_CHUNK);
      const found = await db.readTx((tx) => existingEntities(tx, chunk));
      const access = opts.writer ? await accessOf(db, opts.writer, [...found.keys()]) : undefined;
      for (const id of chunk) {
        const info = nodes.get(id)!;
        const old = found.get(id);
        if (old && access && access.get(id) !== 'full') {
          // The same answer whoever holds it, so an upload cannot be used to probe for hidden records.
          if (!info.bad) rejectNode(id, info, `id ${id} is already in use by a record you may not change: choose another id`);
          continue;
        }
        if (old && old.type !== info.type) {
          if (!info.bad) rejectNode(id, info, `${id} already exists in the graph as a ${old.type}, not a ${info.type}`);
          continue;
        }
        info.dry = !old ? 'created' : old.hash === info.hash && !old.archived ? 'unchanged' : 'updated';
      }
    }
  }

  // ---- pass 1: edges, in chunks so endpoints missing from the file are looked up in bulk
  const edges = new Map<string, EdgeInfo>();
  const graphGrades = new Map<string, ReportGrade>();
  const pendingDry: { info: EdgeInfo; rec: LinkRecord; id: string }[] = [];

  const checkChunk = async (p: number, chunk: { line: number; rec: LinkRecord }[]) => {
    const held = opts.writer
      ? await db.readTx((tx) => linkAccess(tx, opts.writer!, chunk.map(({ rec }) => ({ id: linkId(rec.source, rec.type, rec.target), source: rec.source, target: rec.target }))))
      : undefined;
    const unknownIds = new Set<string>();
    for (const { rec } of chunk) {
      for (const id of [rec.source, rec.target, ...rec.reportIds]) if (!fileType(id) && !rejectedIds.has(id)) unknownIds.add(id);
    }
    await lookup(unknownIds);
    const typeOf = (id: string) => fileType(id) ?? (rejectedIds.has(id) ? undefined : graphTypes.get(id) ?? undefined);
    for (const { line, rec } of chunk) {
      try {
        const ends = [['source', rec.source], ['target', rec.target]] as const;
        for (const [end, id] of rec.reversed ? [ends[1], ends[0]] : ends) {
          const field = givenEnd(rec, end);
          if (!typeOf(id) && rejectedIds.has(id)) {
            throw new DomainError('NOT_FOUND', `${field} ${id} is not imported: its row was rejected (${rejectedIds.get(id)})`, field);
          }
        }
        const ents = new Map<string, { type: string }>();
        for (const id of [rec.source, rec.target]) {
          const t = typeOf(id);
          if (t) ents.set(id, { type: t });
        }
        const reports = new Map<string, true>();
        for (const id of rec.reportIds) {
          const t = typeOf(id);
          if (t === 'IntelligenceReport') reports.set(id, true);
          else if (t) throw new DomainError('VALIDATION', `reportIds: ${id} is a ${t}, not an IntelligenceReport`, 'reportIds');
        }
        checkLink(rec, ents, reports);
        const refusal = opts.writer && writerRefusal(opts.writer, rec);
        if (refusal) throw new DomainError('FORBIDDEN', refusal, 'agency');
        const access = held?.get(linkId(rec.source, rec.type, rec.target));
        if (access && access !== 'full') {
          throw new DomainError('FORBIDDEN', `the ${rec.type} link ${rec.source} -> ${rec.target} is held by another agency or under restricted markings: contact its owner to change it`);
        }
        if (checkAgencies && !(await agencyKnown(rec.markings.agency))) {
          throw new DomainError('VALIDATION', `unknown agency ${JSON.stringify(rec.markings.agency)}: no Agency entity with that id in the file or the graph`, 'agency');
        }
      } catch (e) {
        const missing = e instanceof DomainError && e.code === 'NOT_FOUND' && /^Unknown /.test(e.message);
        reject(p, line, missing ? `${reasonOf(e)}: neither in the file nor in the graph` : reasonOf(e));
        continue;
      }
      const id = linkId(rec.source, rec.type, rec.target);
      const hash = edgeRowHash(rec);
      const prev = edges.get(id);
      if (prev) {
        if (prev.hash === hash) {
          if (prev.bad) reject(p, line, `repeats ${where(prev.part, prev.line)}, which was rejected`);
          else repeated(edgeRepeats, edgeCounts, id, p, line);
          continue;
        }
        if (!prev.bad) {
          reject(prev.part, prev.line, `the ${rec.type} link ${rec.source} -> ${rec.target} is given again at ${where(p, line)} with different content`);
          prev.bad = true;
          rejectRepeats(edgeRepeats, edgeCounts, id, prev);
        }
        reject(p, line, `the ${rec.type} link ${rec.source} -> ${rec.target} was already given at ${where(prev.part, prev.line)} with different content`);
        continue;
      }
      const info: EdgeInfo = { part: p, line, hash };
      edges.set(id, info);
      if (opts.dryRun) pendingDry.push({ info, rec, id });
      if (!parts[p]!.reopenable) (buffered.get(p) ?? buffered.set(p, []).get(p)!).push({ line, rec });
    }
    if (pendingDry.length >= LOOKUP_CHUNK) await classifyEdges();
  };

  // Dry run only: compare each new edge's content (with its derived strength and report marks) with the graph's.
  const classifyEdges = async () => {
    const list = pendingDry.splice(0);
    if (!list.length) return;
    const needGrades = [...new Set(list.flatMap((x) => x.rec.reportIds))].filter((id) => !nodes.get(id)?.grade && !graphGrades.has(id));
    const existing = await db.readTx(async (tx) => {
      for (const [id, g] of await gradesOf(tx, needGrades)) graphGrades.set(id, g);
      return run(tx, {
        text: 'UNWIND $rows AS row MATCH (:Entity {id: row.source})-[r {id: row.id}]->(:Entity {id: row.target}) RETURN r.id AS id, r.contentHash AS hash, coalesce(r.archived,false) AS archived',
        params: { rows: list.map((x) => ({ id: x.id, source: x.rec.source, target: x.rec.target })) },
      });
    });
    const old = new Map(existing.map((r) => [r.id as string, r]));
    for (const { info, rec, id } of list) {
      const gradeMap = new Map(rec.reportIds.map((r) => [r, { id: r, ...(nodes.get(r)?.grade ?? graphGrades.get(r)!) } as ReportGrade]));
      const o = old.get(id);
      info.dry = !o ? 'created' : o.hash === linkContentHash(rec, gradeMap) && !o.archived ? 'unchanged' : 'updated';
    }
  };

  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (part.kind !== 'edge') continue;
    let chunk: { line: number; rec: LinkRecord }[] = [];
    for await (const row of part.rows()) {
      if ('error' in row) {
        if (row.line > 1 || part.unit === 'item') edgeCounts.read++;
        reject(p, row.line, row.error);
        continue;
      }
      edgeCounts.read++;
      tick();
      try {
        chunk.push({ line: row.line, rec: toLink(row.values, ctx) });
      } catch (e) {
        reject(p, row.line, reasonOf(e));
      }
      if (chunk.length >= LOOKUP_CHUNK) {
        await checkChunk(p, chunk);
        chunk = [];
      }
    }
    await checkChunk(p, chunk);
  }
  if (opts.dryRun) await classifyEdges();
  progress(validated, validated, 'validate');

  errors.sort((a, b) => parts.findIndex((x) => x.file === a.file) - parts.findIndex((x) => x.file === b.file) || a.line - b.line);
  let goodNodes = 0;
  let goodEdges = 0;
  for (const n of nodes.values()) {
    if (n.bad) continue;
    goodNodes++;
    if (opts.dryRun && n.dry) nodeCounts[n.dry]++;
  }
  for (const e of edges.values()) {
    if (e.bad) continue;
    goodEdges++;
    if (opts.dryRun && e.dry) edgeCounts[e.dry]++;
  }
  const summary = (written: boolean): ImportSummary => {
    const sum = (k: keyof ImportCounts) => nodeCounts[k] + edgeCounts[k];
    return {
      read: sum('read'), created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged'),
      // A file-level fault (bad header, bad JSON) is not a row but still counts as a rejection.
      rejected: errors.length, duplicates: sum('duplicates'), errors,
      nodes: nodeCounts, edges: edgeCounts, dryRun: !!opts.dryRun, written,
    };
  };
  if (opts.dryRun) return summary(false);
  if (errors.length && !opts.keepGood) return summary(false);

  // ---- pass 2: write, nodes first, in fixed-size transactions (or one, see ImportOptions.oneTransaction)
  const now = new Date().toISOString();
  const isWanted = (p: number, line: number, info: { part: number; line: number; bad?: boolean } | undefined) =>
    !!info && !info.bad && info.part === p && info.line === line && !rejectedRows.has(rowKey(p, line));

  async function* records(kind: 'node' | 'edge'): AsyncGenerator<EntityRecord | LinkRecord> {
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      if (part.kind !== kind) continue;
      const rows: AsyncIterable<{ line: number; rec?: EntityRecord | LinkRecord; values?: Record<string, unknown> }> = part.reopenable
        ? part.rows()
        : toAsync(buffered.get(p) ?? []);
      for await (const row of rows) {
        if ('error' in row) continue;
        if (rejectedRows.has(rowKey(p, row.line))) continue;
        let rec: EntityRecord | LinkRecord;
        try {
          rec = row.rec ?? (kind === 'node' ? toEntity(row.values!, ctx) : toLink(row.values!, ctx));
        } catch {
          throw new Error(`${where(p, row.line)} no longer validates: the file changed during the import`);
        }
        if (kind === 'node') {
          const r = rec as EntityRecord;
          const info = nodes.get(r.id);
          if (!isWanted(p, row.line, info)) continue;
          if (info!.hash !== entityHash(r)) throw new Error(`${where(p, row.line)} changed during the import`);
        } else {
          const r = rec as LinkRecord;
          const info = edges.get(linkId(r.source, r.type, r.target));
          if (!isWanted(p, row.line, info)) continue;
          if (info!.hash !== edgeRowHash(r)) throw new Error(`${where(p, row.line)} changed during the import`);
        }
        yield rec;
      }
    }
  }

  // Up to WRITERS batches are written at once (each its own transaction), while the next is read
  // and checked: the database and the importer work at the same time. A failed batch stops the
  // import once the batches in flight have settled; whole batches only are ever written.
  const writeAll = async (kind: 'node' | 'edge', total: number, counts: ImportCounts) => {
    let batch: (EntityRecord | LinkRecord)[] = [];
    let done = 0;
    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    const write = async (list: (EntityRecord | LinkRecord)[]) => {
      const c = await db.writeTx(async (tx: Tx) => {
        // An upload re-checks ownership inside the write: nothing changed hands since validation.
        if (opts.writer) await assertWriterMay(tx, opts.writer, kind, list);
        return kind === 'node' ? writeEntities(tx, list as EntityRecord[], now) : writeCheckedLinks(tx, list as LinkRecord[], now);
      });
      counts.created += c.created;
      counts.updated += c.updated;
      counts.unchanged += c.unchanged;
      done += list.length;
      progress(done, total, kind === 'node' ? 'nodes' : 'edges');
    };
    const flush = async () => {
      if (!batch.length) return;
      const list = batch;
      batch = [];
      while (inFlight.size >= WRITERS) await Promise.race(inFlight);
      if (failure) return;
      const p: Promise<void> = write(list).catch((e) => { failure ??= e; }).finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    progress(0, total, kind === 'node' ? 'nodes' : 'edges');
    for await (const rec of records(kind)) {
      batch.push(rec);
      if (batch.length >= batchSize) await flush();
      if (failure) break;
    }
    if (!failure) await flush();
    await Promise.all(inFlight);
    if (failure) throw failure;
  };
  if (opts.sink) {
    const sink = opts.sink;
    let done = 0;
    progress(0, goodNodes, 'nodes');
    for await (const rec of records('node')) {
      const w = sink.addEntity(entityRow(rec as EntityRecord), now);
      if (w) await w;
      nodeCounts.created++;
      if (++done % 10_000 === 0) progress(done, goodNodes, 'nodes');
    }
    progress(goodNodes, goodNodes, 'nodes');
    done = 0;
    progress(0, goodEdges, 'edges');
    for await (const rec of records('edge')) {
      const r = rec as LinkRecord;
      // The store is empty: every cited report is a row of the file, its grade read in pass 1.
      const grades = new Map(r.reportIds.map((id) => [id, { id, ...nodes.get(id)!.grade! } as ReportGrade]));
      const w = sink.addLink(linkRow(r, grades), now);
      if (w) await w;
      edgeCounts.created++;
      if (++done % 10_000 === 0) progress(done, goodEdges, 'edges');
    }
    progress(goodEdges, goodEdges, 'edges');
    return summary(true);
  }
  if (opts.oneTransaction) {
    await writeAtOnce(db, opts.writer, await collect(records('node')) as EntityRecord[], await collect(records('edge')) as LinkRecord[], now, batchSize, nodeCounts, edgeCounts);
    progress(goodNodes, goodNodes, 'nodes');
    progress(goodEdges, goodEdges, 'edges');
    return summary(true);
  }
  await writeAll('node', goodNodes, nodeCounts);
  await writeAll('edge', goodEdges, edgeCounts);
  return summary(true);
}

/**
 * An upload's write: every row in one transaction, after locking the records it touches and then
 * checking the writer's ownership under those locks. A record that changes hands while the upload
 * runs either changes before (the upload is refused and writes nothing) or after (the upload is
 * written whole); never in between. Retried whole on a transient failure, so the counts are
 * those of the attempt that committed.
 */
async function writeAtOnce(
  db: Db, writer: Viewer | undefined, nodeList: EntityRecord[], edgeList: LinkRecord[], now: string, batchSize: number,
  nodeCounts: ImportCounts, edgeCounts: ImportCounts,
): Promise<void> {
  const add = (to: WriteCounts, c: WriteCounts) => { to.created += c.created; to.updated += c.updated; to.unchanged += c.unchanged; };
  const written = await db.writeTx(async (tx) => {
    const n: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
    const e: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
    if (writer) {
      await lockRecords(tx, nodeList, edgeList);
      try {
        for (let i = 0; i < nodeList.length; i += batchSize) await assertWriterMay(tx, writer, 'node', nodeList.slice(i, i + batchSize));
        for (let i = 0; i < edgeList.length; i += batchSize) await assertWriterMay(tx, writer, 'edge', edgeList.slice(i, i + batchSize));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        throw new DomainError(err.code, `${err.message}: it changed during the upload, so nothing was written`, err.field);
      }
    }
    for (let i = 0; i < nodeList.length; i += batchSize) add(n, await writeEntities(tx, nodeList.slice(i, i + batchSize), now));
    for (let i = 0; i < edgeList.length; i += batchSize) add(e, await writeCheckedLinks(tx, edgeList.slice(i, i + batchSize), now));
    return { n, e };
  });
  add(nodeCounts, written.n);
  add(edgeCounts, written.e);
}

/**
 * Takes the write locks of the existing records an upload touches (rows, link endpoints and
 * reports, existing links), in id order so that two uploads wait for each other rather than
 * deadlock. A concurrent change of their markings then either committed before (and is seen by
 * the checks that follow) or waits until this transaction ends.
 */
async function lockRecords(tx: Tx, nodeList: EntityRecord[], edgeList: LinkRecord[]): Promise<void> {
  const ids = [...new Set([...nodeList.map((r) => r.id), ...edgeList.flatMap((r) => [r.source, r.target, ...r.reportIds])])].sort();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    await run(tx, { text: 'UNWIND $ids AS id MATCH (n:Entity {id: id}) SET n._lock = true REMOVE n._lock', params: { ids: ids.slice(i, i + LOOKUP_CHUNK) } });
  }
  const links = edgeList.map((r) => ({ id: linkId(r.source, r.type, r.target), source: r.source, target: r.target })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < links.length; i += LOOKUP_CHUNK) {
    await run(tx, {
      text: 'UNWIND $rows AS row MATCH (:Entity {id: row.source})-[r {id: row.id}]->(:Entity {id: row.target}) SET r._lock = true REMOVE r._lock',
      params: { rows: links.slice(i, i + LOOKUP_CHUNK) },
    });
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

/**
 * Report grades by id through the Entity id index. (Matching `(:IntelligenceReport {id})` has no
 * index to use and scans every report per id, which is ruinous on a large graph.)
 */
async function gradesOf(tx: Tx, ids: string[]): Promise<Map<string, ReportGrade>> {
  if (!ids.length) return new Map();
  const rows = await run(tx, {
    text:
      'UNWIND $ids AS id MATCH (r:Entity {id: id}) WHERE r:IntelligenceReport ' +
      'RETURN r.id AS id, r.sourceEvaluation AS sourceEvaluation, r.intelAssessment AS intelAssessment, r.sourceId AS sourceId, ' +
      'r.classification AS classification, r.agency AS agency, r.compartments AS compartments, r.nfd AS nfd',
    params: { ids },
  });
  return new Map(rows.map((r) => [r.id as string, r as unknown as ReportGrade]));
}

/** Re-checks endpoints and provenance inside the write transaction, then writes the links. */
async function writeCheckedLinks(tx: Tx, list: LinkRecord[], now: string): Promise<WriteCounts> {
  const ents = await existingEntities(tx, [...new Set(list.flatMap((r) => [r.source, r.target]))]);
  const grades = await gradesOf(tx, [...new Set(list.flatMap((r) => r.reportIds))]);
  for (const r of list) checkLink(r, ents, grades);
  return writeLinks(tx, list, now, grades);
}

// ---------------------------------------------------------------------------------------------
// Uploads: the writer's ownership

/** Why a row may not be uploaded by this writer, or undefined when it may. */
function writerRefusal(writer: Viewer, rec: EntityRecord | LinkRecord): string | undefined {
  if (rec.markings.agency !== writer.agency) return `agency ${rec.markings.agency}: you may import only records owned by your own agency (${writer.agency})`;
  if (decide(writer, rec.markings) !== 'full') return 'classification or compartments beyond your own access: you could not read this record once imported';
  if ('type' in rec && !('source' in rec) && rec.type === 'IntelligenceReport' && !can(writer, 'grade')) {
    return 'intelligence reports carry a grading: importing them needs the grade permission';
  }
  return undefined;
}

const MARKING_FIELDS = (a: string) =>
  `${a}.agency AS agency, ${a}.classification AS classification, ${a}.compartments AS compartments, ${a}.nfd AS nfd, ${a}.disseminatedTo AS disseminatedTo`;

async function entityAccess(tx: Tx, writer: Viewer, ids: string[]): Promise<Map<string, Access>> {
  if (!ids.length) return new Map();
  const rows = await run(tx, { text: `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, ${MARKING_FIELDS('n')}`, params: { ids } });
  return new Map(rows.map((r) => [r.id as string, decide(writer, r as Markings)]));
}

async function linkAccess(tx: Tx, writer: Viewer, links: { id: string; source: string; target: string }[]): Promise<Map<string, Access>> {
  if (!links.length) return new Map();
  const rows = await run(tx, {
    text: `UNWIND $rows AS row MATCH (:Entity {id: row.source})-[r {id: row.id}]->(:Entity {id: row.target}) RETURN r.id AS id, ${MARKING_FIELDS('r')}`,
    params: { rows: links },
  });
  return new Map(rows.map((r) => [r.id as string, decide(writer, r as Markings)]));
}

const accessOf = (db: Db, writer: Viewer, ids: string[]) => db.readTx((tx) => entityAccess(tx, writer, ids));

async function assertWriterMay(tx: Tx, writer: Viewer, kind: 'node' | 'edge', list: (EntityRecord | LinkRecord)[]): Promise<void> {
  if (kind === 'node') {
    const access = await entityAccess(tx, writer, (list as EntityRecord[]).map((r) => r.id));
    for (const [id, a] of access) if (a !== 'full') throw new DomainError('CONFLICT', `id ${id} is already in use by a record you may not change`, 'id');
    return;
  }
  const links = list as LinkRecord[];
  const ends = await entityAccess(tx, writer, [...new Set(links.flatMap((r) => [r.source, r.target, ...r.reportIds]))]);
  for (const [id, a] of ends) if (a !== 'full') throw new DomainError('NOT_FOUND', `Unknown entity ${id}`, 'id');
  const held = await linkAccess(tx, writer, links.map((r) => ({ id: linkId(r.source, r.type, r.target), source: r.source, target: r.target })));
  for (const [id, a] of held) if (a !== 'full') throw new DomainError('FORBIDDEN', `the link ${id} is held by another agency or under restricted markings`);
}

function tryId(v: unknown): string | undefined {
  try {
    return validateId(typeof v === 'string' ? v.trim() : v);
  } catch {
    return undefined;
  }
}

async function* toAsync<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** One line per rejected row, for people: `nodes.csv line 7: reason`. */
export function formatImportErrors(errors: ImportError[]): string[] {
  return errors.map((e) => `${e.file} ${e.unit} ${e.line}: ${e.reason}`);
}
