import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { cypher, type Db } from './db.js';
import { ensureLauncher, JVM_FLAGS, LocalNeo4jError } from './localNeo4j.js';

/**
 * The bulk path for an empty store: records that passed the same validation as the transactional
 * path (and were turned into the same stored rows by graph/write.ts) are written to CSV files, then
 * Neo4j's own parallel batch importer (`neo4j-admin database import full`, from the jars the local
 * launcher already has) builds the store from them in one pass. The schema is applied afterwards by
 * the usual migrations when the database starts.
 *
 * What the importer stores equals what the transactional path stores: each property's type is
 * chosen from its value (strings, booleans, floats as the driver sends JavaScript numbers, string
 * and number lists), an empty list is no property on both paths (graph/write.ts storedProps), and a
 * located record gets its WGS-84 point. tests/api/bulkLoad.test.ts compares the two stores record by
 * record, with each value's type.
 *
 * A load killed at any point leaves a marker (bulk-load.json in the Neo4j home): the local launcher
 * refuses to open that store, and the next load starts it again from nothing.
 */

export const BULK_MARKER = 'bulk-load.json';
/** List elements are joined with the unit separator, which no validated value contains. */
const ARRAY_DELIMITER = '\u001f';

export type StoreState = 'absent' | 'present' | 'interrupted' | 'loaded' | 'in-use';

interface Marker { phase?: 'loading' | 'loaded'; rerun?: string; pid?: number; info?: Record<string, unknown> }

const alive = (pid: number | undefined) => {
  if (!pid || pid === process.pid) return false;
  try { process.kill(pid, 0); return true; } catch { return false; }
};

function readMarker(home: string): Marker | undefined {
  const file = path.join(home, BULK_MARKER);
  if (!fs.existsSync(file)) return undefined;
  try { return JSON.parse(fs.readFileSync(file, 'utf8')) as Marker; } catch { return {}; } // torn: still loading
}

/**
 * What is in a local Neo4j home: no database yet, one, one a bulk load left half-built, one a bulk
 * load finished whose later stages have not run yet (`loadedInfo` tells what it loaded), or one a
 * running process holds.
 */
export function localStoreState(home: string): StoreState {
  const marker = readMarker(home);
  // Another process loading it now (a second `npm run seed` on the same DATA_DIR) holds it.
  if (marker && marker.phase !== 'loaded' && alive(marker.pid)) return 'in-use';
  if (marker) return marker.phase === 'loaded' ? 'loaded' : 'interrupted';
  const running = path.join(home, 'running.json');
  if (fs.existsSync(running)) {
    try {
      const { pid } = JSON.parse(fs.readFileSync(running, 'utf8')) as { pid: number };
      process.kill(pid, 0);
      return 'in-use';
    } catch { /* stale */ }
  }
  const store = path.join(home, 'data/databases/neo4j');
  return fs.existsSync(path.join(store, 'neostore')) ? 'present' : 'absent';
}

/** Read by the launcher: the message for a store an interrupted bulk load left behind. */
export function interruptedLoadMessage(home: string): string | undefined {
  const marker = readMarker(home);
  if (!marker || marker.phase === 'loaded') return undefined;
  if (alive(marker.pid)) return `The database in ${home} is being bulk loaded by process ${marker.pid} now: wait for that load to finish.`;
  const rerun = marker.rerun ?? 'the load';
  return `The database in ${home} was being bulk loaded when that load stopped, so it is incomplete. ` +
    `Run ${rerun} again to load it from the start, or delete ${path.dirname(home)} to start with an empty database.`;
}

type ColumnType = 'string' | 'boolean' | 'double' | 'string[]' | 'double[]' | 'boolean[]' | 'point{crs:WGS-84}';

function columnType(v: unknown): ColumnType {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'double';
  if (Array.isArray(v)) {
    const t = typeof v[0];
    if (v.every((x) => typeof x === 'string')) return 'string[]';
    if (v.every((x) => typeof x === 'number')) return 'double[]';
    if (v.every((x) => typeof x === 'boolean')) return 'boolean[]';
    throw new BulkValueError(`a list of mixed values (${t} first)`);
  }
  throw new BulkValueError(`a value of type ${v === null ? 'null' : typeof v}`);
}

export class BulkValueError extends Error {}

const noop = () => {};

const quote = (s: string) => (s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`);

function cell(v: unknown, t: ColumnType, onText: (s: string) => void): string {
  switch (t) {
    case 'string': onText(v as string); return quote(v as string);
    case 'boolean': return v ? 'true' : 'false';
    case 'double': {
      if (!Number.isFinite(v as number)) throw new BulkValueError(`the number ${String(v)}`);
      return String(v);
    }
    case 'string[]': {
      const list = v as string[];
      // One empty element would read back as no list at all; an element holding the separator as two.
      if (list.length === 1 && list[0] === '') throw new BulkValueError('a list holding only an empty text');
      for (const s of list) {
        if (s.includes(ARRAY_DELIMITER)) throw new BulkValueError('a list element containing the unit separator (U+001F)');
        onText(s);
      }
      return quote(list.join(ARRAY_DELIMITER));
    }
    case 'double[]':
    case 'boolean[]':
      return quote((v as unknown[]).map(String).join(ARRAY_DELIMITER));
    case 'point{crs:WGS-84}': {
      const p = v as { latitude: number; longitude: number };
      return quote(`{latitude:${p.latitude},longitude:${p.longitude}}`);
    }
  }
}

interface Group {
  kind: 'node' | 'rel';
  /** Labels (nodes) or relationship type. */
  name: string;
  keys: string[];
  types: ColumnType[];
  header: string;
  data: string;
  out: fs.WriteStream;
  /** Rows not yet handed to the stream (written in pieces of about 256 KiB). */
  buf: string;
  rows: number;
}

export interface EntityRow { id: string; type: string; hash: string; props: Record<string, unknown> }
export interface LinkRow { id: string; type: string; source: string; target: string; hash: string; props: Record<string, unknown> }

const LOCATED = new Set(['Location', 'Camera', 'CellSite']);

/**
 * CSV files for the batch importer, one pair (header, data) per label or relationship type and set
 * of typed properties. Rows go through a write stream with back-pressure: `await` every add.
 */
export class BulkFiles {
  /** Files by label (or relationship type): one per set of typed columns. */
  private readonly groups = new Map<string, Group[]>();
  /** Every file, in the order they were started. */
  private readonly order: Group[] = [];
  private multiline = false;
  /** The longest row written, in characters (the importer's read buffer must hold any value). */
  private longest = 0;
  /** When the records are created: one time for the whole load. */
  private createdAt: string | null = null;
  nodes = 0;
  relationships = 0;

  constructor(readonly dir: string) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }

  /**
   * An entity as graph/write.ts stores it when it creates one: its properties (null: no property),
   * its content hash and, when located, its point. What every new record gets besides (createdAt =
   * updatedAt = now, archived false) is the same for the whole load: the importer adds it
   * (BulkImport --created-at), so the files do not repeat it on every row.
   */
  addEntity(row: EntityRow, now: string): Promise<void> | void {
    this.stamp(now);
    const located = LOCATED.has(row.type) && typeof row.props.lat === 'number' && typeof row.props.lon === 'number';
    this.nodes++;
    return this.add('node', `Entity:${row.type}`, row, located ? { latitude: row.props.lat as number, longitude: row.props.lon as number } : undefined);
  }

  addLink(row: LinkRow, now: string): Promise<void> | void {
    this.stamp(now);
    this.relationships++;
    return this.add('rel', row.type, row, undefined, [row.source, row.target]);
  }

  private stamp(now: string): void {
    if (now === this.createdAt) return;
    if (this.createdAt !== null) throw new Error(`One bulk load creates its records at one time: ${now} after ${this.createdAt}`);
    this.createdAt = now;
  }

  private add(kind: 'node' | 'rel', name: string, row: EntityRow | LinkRow, point?: { latitude: number; longitude: number }, ends?: [string, string]): Promise<void> | void {
    // The columns in one pass over the record, without a stored copy of it: id, the properties
    // that have a value, the content hash, the point.
    const keys: string[] = ['id'];
    const types: ColumnType[] = ['string'];
    const values: unknown[] = [row.id];
    const props = row.props;
    for (const k in props) {
      const v = props[k];
      if (v === null || v === undefined) continue;
      keys.push(k);
      types.push(columnType(v));
      values.push(v);
    }
    keys.push('contentHash');
    types.push('string');
    values.push(row.hash);
    if (point) {
      keys.push('point');
      types.push('point{crs:WGS-84}');
      values.push(point);
    }
    // The file for this label (or type) and these typed columns: found by comparing the columns, not
    // by building a key string for every row.
    const slot = `${kind}|${name}`;
    let list = this.groups.get(slot);
    if (!list) this.groups.set(slot, (list = []));
    let g = list.find((x) => x.keys.length === keys.length && x.keys.every((k, i) => k === keys[i] && x.types[i] === types[i]));
    if (!g) {
      const n = this.order.length;
      const header = path.join(this.dir, `${kind}${n}-header.csv`);
      const data = path.join(this.dir, `${kind}${n}.csv`);
      const cols = keys.map((k, i) => (k === 'id' && kind === 'node' ? 'id:ID' : `${k}:${types[i]}`));
      if (kind === 'rel') cols.unshift(':START_ID', ':END_ID');
      fs.writeFileSync(header, `${cols.join(',')}\n`);
      g = { kind, name, keys, types, header, data, out: fs.createWriteStream(data), buf: '', rows: 0 };
      g.out.on('error', () => {}); // surfaced by close()
      list.push(g);
      this.order.push(g);
    }
    const onText = this.multiline ? noop : (s: string) => {
      if (s.includes('\n') || s.includes('\r')) this.multiline = true;
    };
    // Cells joined into one flat string: a line built by `+=` is a tree of pieces that writing it
    // out must walk (a tenth of the files stage).
    const off = ends ? 2 : 0;
    const cells: string[] = new Array(keys.length + off);
    if (ends) { cells[0] = quote(ends[0]); cells[1] = quote(ends[1]); }
    for (let i = 0; i < keys.length; i++) cells[i + off] = cell(values[i], types[i]!, onText);
    const line = `${cells.join(',')}\n`;
    if (line.length > this.longest) this.longest = line.length;
    g.buf += line;
    g.rows++;
    if (g.buf.length >= 1 << 18) {
      const ok = g.out.write(g.buf);
      g.buf = '';
      if (!ok) return once(g.out, 'drain').then(() => {});
    }
  }

  /** Closes the files; what the importer is to read. */
  async close(): Promise<BulkInput> {
    const groups = this.order;
    await Promise.all(groups.map((g) => new Promise<void>((resolve, reject) => {
      g.out.once('error', reject);
      g.out.end(g.buf, () => resolve());
      g.buf = '';
    })));
    const args: string[] = [];
    for (const g of groups) {
      args.push(g.kind === 'node' ? `--nodes=${g.name}=${g.header},${g.data}` : `--relationships=${g.name}=${g.header},${g.data}`);
    }
    return { args, multiline: this.multiline, longest: this.longest, createdAt: this.createdAt, nodes: this.nodes, relationships: this.relationships };
  }
}

/**
 * Files for the importer (from one BulkFiles, or several written in parallel and merged), and the
 * time their records are created at (null when there are none).
 */
export interface BulkInput { args: string[]; multiline: boolean; longest: number; createdAt: string | null; nodes: number; relationships: number }

function oneTime(inputs: BulkInput[]): string | null {
  const times = [...new Set(inputs.map((i) => i.createdAt).filter((t): t is string => t !== null))];
  if (times.length > 1) throw new Error(`One bulk load creates its records at one time, not ${times.join(' and ')}`);
  return times[0] ?? null;
}

export function mergeInputs(inputs: BulkInput[]): BulkInput {
  return {
    args: inputs.flatMap((i) => i.args),
    multiline: inputs.some((i) => i.multiline),
    longest: Math.max(0, ...inputs.map((i) => i.longest)),
    createdAt: oneTime(inputs),
    nodes: inputs.reduce((n, i) => n + i.nodes, 0),
    relationships: inputs.reduce((n, i) => n + i.relationships, 0),
  };
}

export interface BulkImportOptions {
  projectRoot: string;
  /** The local Neo4j home (DATA_DIR/neo4j). */
  home: string;
  input: BulkInput;
  /** Where the importer's report of bad rows goes. */
  dir: string;
  /** The command that starts the load again, named in the marker's message. */
  rerun: string;
  heap?: string;
  log?: (line: string) => void;
  /** The importer's own progress (per cent of each stage) as it reports it. */
  onProgress?: (stage: string, percent: number) => void;
  signal?: AbortSignal;
  javaBin?: string;
}

/** Steps Neo4j 5's importer reports with --verbose (nodes, relationships, linking, counts). */
const IMPORTER_STEPS = 14;

/**
 * The importer's heap: NEO4J_HEAP, but at least 2 GiB. Neo4j's importer asks for about 1 GiB on a
 * million records and warns at 1g (and spends the time in collections); it runs while the database
 * is stopped, so its heap takes nothing from the server's.
 */
export function importerHeap(heap?: string): string {
  const m = /^(\d+)([mg])$/i.exec(heap ?? '');
  const mib = m ? Number(m[1]) * (m[2]!.toLowerCase() === 'g' ? 1024 : 1) : 0;
  return `${Math.max(mib, 2048)}m`;
}

/**
 * The importer's read buffer: 1 MiB, or larger when a row needs it (the buffer must hold the
 * largest value; a row bounds it). Before importing, the importer parses and measures one buffer of
 * every file to size its stores, on one thread: with the default 4 MiB that was about 370 MB of the
 * large seed's 970 MB, several seconds before the first record was written.
 */
export function readBufferSize(longestRow: number): number {
  let size = 1 << 20;
  while (size < 2 * longestRow) size *= 2;
  return size;
}

export interface BulkImportResult { nodes: number; relationships: number; properties: number; elapsedMs: number }

function writeMarker(home: string, marker: Marker): void {
  fs.mkdirSync(home, { recursive: true });
  const file = path.join(home, BULK_MARKER);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ ...marker, at: new Date().toISOString(), pid: process.pid }));
  fs.renameSync(`${file}.tmp`, file);
}

/** Written before the first file: until the load is done the store is not opened. */
export function markLoadStarted(home: string, rerun: string): void {
  writeMarker(home, { phase: 'loading', rerun });
}

/** The store is whole; what the caller still has to do after opening it is kept in `info` until markFinished. */
export function markLoaded(home: string, rerun: string, info: Record<string, unknown>): void {
  writeMarker(home, { phase: 'loaded', rerun, info });
}

export function loadedInfo(home: string): Record<string, unknown> | undefined {
  const m = readMarker(home);
  return m?.phase === 'loaded' ? m.info : undefined;
}

/**
 * Removes what an interrupted bulk load left of the `neo4j` database (never another database, never
 * a store without the marker), so the store can be opened empty and loaded again.
 */
export function discardInterruptedLoad(home: string): void {
  if (localStoreState(home) !== 'interrupted') return;
  fs.rmSync(path.join(home, 'data/databases/neo4j'), { recursive: true, force: true });
  fs.rmSync(path.join(home, 'data/transactions/neo4j'), { recursive: true, force: true });
  markFinished(home);
}

/** True when the graph holds nothing but bookkeeping (schema, audit head, alert-delivery lock): a bulk load may replace it. */
export async function storeIsEmpty(db: Db): Promise<boolean> {
  const rows = await db.read(cypher('MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:AuditHead AND NOT n:AlertDelivery RETURN n LIMIT 1'));
  if (rows.length) return false;
  const heads = await db.read(cypher('MATCH (h:AuditHead) RETURN coalesce(h.seq, 0) AS seq'));
  return heads.every((h) => Number(h.seq) === 0);
}

export function markFinished(home: string): void {
  fs.rmSync(path.join(home, BULK_MARKER), { force: true });
}

/**
 * Reads the importer's console output as it comes: which step it is on and how far (`onProgress`),
 * and, in the log, the steps that took a second or more and any warning.
 */
export function importerOutputReader(log: (line: string) => void, onProgress?: (stage: string, percent: number) => void): (text: string) => void {
  let stage = 'starting';
  let steps = 0;
  let pending = '';
  return (text) => {
    pending += text;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (let line of lines) {
      // A warning printed without its line end runs into the next step's name.
      const warning = /^(WARNING: .*? is \d+(?:\.\d+)?[KMGT]iB)(.*)$/.exec(line.trim());
      if (warning) { log(`importer: ${warning[1]}`); line = warning[2]!; }
      // "(2/4) Relationship import 2026-12-06 ..." starts a stage; ".... 45% ∆12ms [3s]" reports on it.
      const st = /^\((\d+)\/(\d+)\)\s+(\D+?)(?:\s+\d{4}-.*)?$/.exec(line.trim());
      if (st) stage = `${st[1]}/${st[2]} ${st[3]!.trim()}`;
      // With --verbose each step starts with "Relationships, started 2026-12-07 ..." and ends with
      // "Done in 644ms"; there are no percentages, so progress is the share of its steps done.
      const step = /^(.+?), started \d{4}-\d{2}-\d{2}/.exec(line.trim());
      if (step) {
        stage = step[1]!;
        onProgress?.(stage, Math.min(99, Math.round((steps / IMPORTER_STEPS) * 100)));
      }
      const done = /^Done in (.+)$/.exec(line.trim());
      if (done) {
        steps++;
        if (/\d+[sm]\b/.test(done[1]!)) log(`importer: ${stage} took ${done[1]}`); // a second or more
      }
      const pct = /\s(\d+)%\s/.exec(` ${line} `);
      if (pct) onProgress?.(stage, Number(pct[1]));
    }
  };
}

/**
 * Runs Neo4j's batch importer on the files into the `neo4j` database of `home` (replacing whatever
 * is there: callers use it only for an empty or interrupted store). Fails with the importer's own
 * reason and a line on what to do.
 */
export async function runBulkImport(opts: BulkImportOptions): Promise<BulkImportResult> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const classPath = ensureLauncher({ projectRoot: opts.projectRoot, log, javaBin: opts.javaBin });
  const report = path.join(opts.dir, 'import.report');
  const args = [
    `-Xmx${importerHeap(opts.heap)}`, ...JVM_FLAGS, '-cp', classPath, 'BulkImport',
    ...(opts.input.createdAt ? [`--created-at=${opts.input.createdAt}`] : []),
    // The database name first: the file options take several values each and would swallow it.
    'neo4j', '--verbose', '--overwrite-destination=true', `--array-delimiter=${ARRAY_DELIMITER}`,
    '--bad-tolerance=0', `--report-file=${report}`, '--skip-duplicate-nodes=false', '--skip-bad-relationships=false',
    `--multiline-fields=${opts.input.multiline}`, `--read-buffer-size=${readBufferSize(opts.input.longest)}`, ...opts.input.args,
  ];
  log(`Bulk loading ${opts.input.nodes.toLocaleString('en-GB')} entities and ${opts.input.relationships.toLocaleString('en-GB')} links with Neo4j's batch importer...`);
  const child = spawn(opts.javaBin ?? 'java', args, { env: { ...process.env, NEO4J_HOME: opts.home }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin!.on('error', () => {}); // held open as the importer's lifeline
  let output = '';
  const reader = importerOutputReader(log, opts.onProgress);
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20000);
    reader(text);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const onAbort = () => child.kill('SIGTERM');
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const [code] = (await once(child, 'exit')) as [number | null];
  opts.signal?.removeEventListener('abort', onAbort);
  if (code !== 0) {
    // With --verbose the importer prints the cause's stack: its innermost "Caused by" names the row.
    const causes = [...output.matchAll(/^(?:Caused by: )?[\w.$]+(?:Exception|Error): (.+)$/gm)].map((m) => m[1]!.trim());
    const reason = causes.at(-1) ?? output.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(-5).join('\n');
    throw new LocalNeo4jError(
      `Neo4j's batch importer failed (exit ${code}): ${reason}\n` +
      `Nothing was kept; run ${opts.rerun} again. If it fails the same way, the files it read are in ${opts.dir} and its own report in ${report}.`,
    );
  }
  const num = (re: RegExp) => Number((re.exec(output)?.[1] ?? '0').replaceAll(',', ''));
  return {
    nodes: num(/Imported:\s*\n\s*([\d,]+) nodes/),
    relationships: num(/([\d,]+) relationships/),
    properties: num(/([\d,]+) properties/),
    elapsedMs: performance.now() - started,
  };
}
