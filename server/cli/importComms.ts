import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { bulkDb, connectDatabase, stopOnSignals, type DatabaseConnection } from '../db/connect.js';
import { DomainError } from '../domain/errors.js';
import { validateMarkings } from '../domain/validate.js';
import { reportFailure } from '../failure.js';
import { getMapping, saveMapping, writeComms } from '../graph/comms.js';
import { COMMS_FIELDS, isCommsKind, readComms, validateMapping, type ColumnMapping } from '../ingest/comms.js';

/**
 * npm run import:comms -- --agency AG-WMP (--mapping NAME | --mapping-file spec.json [--save-mapping]) FILE
 *
 * Call data records, ANPR reads or a cell-site list of any size, read through a column mapping
 * saved by name for the agency (or given as a JSON file), written in bounded transactions with the
 * bulk budget. Exit codes: 0 all rows accepted, 1 some rows rejected, 2 usage error, 3 failure.
 */

const USAGE = `Usage: npm run import:comms -- --agency AG-X (--mapping NAME | --mapping-file FILE.json [--save-mapping]) FILE
                               [--classification C] [--compartments A,B] [--handling P] [--dry-run] [--keep-good] [--json]

  --agency AG-X        the agency that holds the records (and whose saved mappings are used)
  --mapping NAME       a column mapping saved for the agency (in the client or with --save-mapping)
  --mapping-file FILE  a mapping as JSON: {"name", "kind": "CALLS"|"ANPR"|"CELL_SITES", "delimiter", "dateFormat",
                       "timeZone", "columns": {"caller": "A Party", "start": "Date+Time", ...}}
  --save-mapping       save the --mapping-file mapping for the agency under its name
  --classification C   marking of the records and new entities (default OFFICIAL-SENSITIVE)
  --compartments A,B   compartments of the records
  --handling P|C       handling code (default P)
  --dry-run            check every row and report; write nothing
  --keep-good          write the valid rows even if some rows are rejected
  --json               print the summary as JSON on stdout

Fields: ${Object.entries(COMMS_FIELDS).map(([k, fs]) => `${k}: ${fs.map((f) => `${f.name}${f.required ? '*' : ''}`).join(', ')}`).join('; ')}
Exit codes: 0 all rows accepted, 1 some rows rejected, 2 usage error or missing file, 3 failure.`;

class UsageError extends Error {}

export function parseCommsArgs(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        agency: { type: 'string' }, mapping: { type: 'string' }, 'mapping-file': { type: 'string' }, 'save-mapping': { type: 'boolean', default: false },
        classification: { type: 'string' }, compartments: { type: 'string' }, handling: { type: 'string' },
        'dry-run': { type: 'boolean', default: false }, 'keep-good': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) throw new UsageError('');
  if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length ? `Give one file, not ${parsed.positionals.length}` : 'Give the file to import');
  if (!v.agency || !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(v.agency)) throw new UsageError('--agency is required (e.g. AG-WMP)');
  if (!!v.mapping === !!v['mapping-file']) throw new UsageError('Give --mapping NAME or --mapping-file FILE.json (one of them)');
  if (v['save-mapping'] && !v['mapping-file']) throw new UsageError('--save-mapping saves a --mapping-file');
  return {
    file: parsed.positionals[0]!, agency: v.agency, mapping: v.mapping, mappingFile: v['mapping-file'], save: v['save-mapping'],
    classification: v.classification ?? 'OFFICIAL-SENSITIVE', compartments: (v.compartments ?? '').split(',').map((c) => c.trim()).filter(Boolean),
    handling: v.handling ?? 'P', dryRun: v['dry-run'], keepGood: v['keep-good'], json: v.json,
  };
}

const fmt = (n: number) => n.toLocaleString('en-GB');

export async function main(argv = process.argv.slice(2)): Promise<number> {
  let args: ReturnType<typeof parseCommsArgs>;
  let fileMapping: ColumnMapping | undefined;
  try {
    args = parseCommsArgs(argv);
    for (const f of [args.file, args.mappingFile].filter((x): x is string => !!x)) {
      if (!fs.existsSync(f) || !fs.statSync(f).isFile()) throw new UsageError(`File not found: ${f}`);
    }
    if (args.mappingFile) {
      try {
        fileMapping = validateMapping(JSON.parse(fs.readFileSync(args.mappingFile, 'utf8')));
      } catch (e) {
        throw new UsageError(`${args.mappingFile}: ${(e as Error).message}`);
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`${e.message}\n\n`);
      process.stderr.write(`${USAGE}\n`);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) { process.stderr.write(`${e.message}\n`); return 2; }
    throw e;
  }
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const tty = !!process.stderr.isTTY;
  let lastDraw = 0;
  const progress = (text: string) => {
    if (!tty || Date.now() - lastDraw < 100) return;
    lastDraw = Date.now();
    process.stderr.write(`\r\x1b[2K${text}`);
  };
  let conn: DatabaseConnection | undefined;
  try {
    conn = await connectDatabase(config, { projectRoot, log, schemaDir: path.join(projectRoot, 'cypher/schema') });
    stopOnSignals(conn);
    const db = bulkDb(conn.db, config, log);
    const mapping = fileMapping ?? await getMapping(db, args.agency, args.mapping!);
    if (!mapping) {
      process.stderr.write(`${args.agency} has no saved mapping ${JSON.stringify(args.mapping)}. Save one in the client (Communications > Import), or give --mapping-file FILE.json --save-mapping.\n`);
      return 2;
    }
    if (fileMapping && args.save) log(`mapping ${JSON.stringify((await saveMapping(db, args.agency, 'operator', fileMapping)).name)} saved for ${args.agency}`);
    const markings = validateMarkings({ agency: args.agency, classification: args.classification, compartments: args.compartments, handling: args.handling }, {});
    const started = performance.now();
    const read = await readComms({ path: args.file }, mapping, { onRow: (n) => progress(`Checking: ${fmt(n)} rows`) });
    if (tty) process.stderr.write('\r\x1b[2K');
    let written = false;
    let counts;
    if (!args.dryRun && read.rows.length && (args.keepGood || !read.errors.length)) {
      if (!isCommsKind(mapping.kind)) throw new Error('bad kind');
      counts = await writeComms(db, mapping.kind, read.rows, {
        markings, batchSize: 5000,
        onProgress: (done, total, phase) => progress(`Writing ${phase}: ${fmt(done)}/${fmt(total)}`),
      });
      if (tty) process.stderr.write('\r\x1b[2K');
      written = true;
    }
    const elapsedMs = Math.round(performance.now() - started);
    const summary = {
      kind: mapping.kind, mapping: mapping.name, delimiter: read.delimiter, read: read.read, accepted: read.rows.length, rejected: read.errors.length,
      written, dryRun: args.dryRun, elapsedMs, rowsPerSecond: Math.round(read.read / Math.max(0.001, elapsedMs / 1000)), counts: counts ?? null, errors: read.errors,
    };
    if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      const lines = [`${args.dryRun ? 'Dry run' : 'Import'} of ${mapping.kind} through "${mapping.name}": ${fmt(read.read)} rows read in ${(elapsedMs / 1000).toFixed(1)} s (${fmt(summary.rowsPerSecond)} rows/s)`];
      if (counts) {
        lines.push(`  records: ${fmt(counts.recordsCreated)} stored, ${fmt(counts.recordsUnchanged)} already held, ${fmt(counts.duplicates)} repeated in the file`);
        lines.push(`  entities: ${fmt(counts.entities.created)} created, ${fmt(counts.entities.updated)} updated; links: ${fmt(counts.links.created)} created, ${fmt(counts.links.updated)} updated, ${fmt(counts.links.unchanged)} unchanged`);
      }
      if (read.errors.length) {
        lines.push('', `${fmt(read.errors.length)} rejected:`);
        for (const e of read.errors.slice(0, 50)) lines.push(`  line ${e.line}: ${e.reason}`);
        if (read.errors.length > 50) lines.push(`  ... and ${fmt(read.errors.length - 50)} more (--json lists them all)`);
        lines.push('', args.dryRun ? 'Dry run: nothing was written.' : written ? 'The valid rows were written (--keep-good); the rejected rows were not.' : 'Nothing was written. Fix the rows above, or use --keep-good to write only the valid rows.');
      } else if (args.dryRun) lines.push('Dry run: nothing was written.');
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return read.errors.length ? 1 : 0;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'VALIDATION') {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    return reportFailure(e, { what: 'import', rerun: 'npm run import:comms -- <the same arguments>', dataDir: config.dataDir });
  } finally {
    await conn?.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code), (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(3);
  });
}
