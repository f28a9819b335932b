import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { abortOnSignals, bulkDb, connectDatabase, stopOnSignals, type DatabaseConnection } from '../db/connect.js';
import { reportFailure } from '../failure.js';
import { BulkFiles, discardInterruptedLoad, localStoreState, markFinished, markLoadStarted, runBulkImport, storeIsEmpty } from '../db/bulkLoad.js';
import { formatImportErrors, importGraph, type ImportInput, type ImportPhase, type ImportSummary } from '../ingest/importer.js';

/**
 * npm run import -- --nodes nodes.csv --edges edges.csv [--file data.json] [--dry-run] [--keep-good]
 *                   [--json] [--agency AG-X] [--batch-size N]
 *
 * `--json` prints the summary as JSON on stdout (the product's flag); a JSON *input* is given with
 * --file, or as any .json file passed to --nodes / --edges or on its own.
 * Exit codes: 0 nothing rejected, 1 rows rejected, 2 usage error or missing file, 3 failure.
 */

const USAGE = `Usage: npm run import -- [--nodes nodes.csv] [--edges edges.csv] [--file data.json]
                         [--dry-run] [--keep-good] [--json] [--agency AG-X] [--batch-size N]
                         [--transactional]

  --nodes FILE      nodes CSV (id,type,label,<properties>,<markings>) or a .json file
  --edges FILE      edges CSV (source,target,type,<properties>,reportIds,<markings>)
  --file FILE       JSON input: {"nodes": [...], "edges": [...]} or an array of nodes
  --dry-run         validate and report what would change; write nothing
  --keep-good       write the valid rows even if some rows are rejected
  --json            print the summary as JSON on stdout (alias --json-output)
  --agency AG-X     owning agency for rows with no agency value
  --batch-size N    rows per write transaction (default 5000)
  --transactional   write through transactions even into an empty local store
                    (by default an empty local store is loaded by Neo4j's batch importer)

Exit codes: 0 all rows accepted, 1 some rows rejected, 2 usage error or missing file, 3 failure.`;

class UsageError extends Error {}

interface CliArgs {
  input: ImportInput;
  files: string[];
  json: boolean;
  dryRun: boolean;
  keepGood: boolean;
  agency?: string;
  batchSize?: number;
  transactional: boolean;
}

export function parseImportArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        nodes: { type: 'string' },
        edges: { type: 'string' },
        file: { type: 'string' },
        json: { type: 'boolean', default: false },
        'json-output': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'keep-good': { type: 'boolean', default: false },
        agency: { type: 'string' },
        'batch-size': { type: 'string' },
        transactional: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) throw new UsageError('');
  const jsonFiles: string[] = [];
  const input: ImportInput = {};
  const files: string[] = [];
  const isJson = (f: string) => /\.json$/i.test(f);
  if (v.file) jsonFiles.push(v.file);
  for (const p of parsed.positionals) {
    // `--json data.json` reads as JSON output plus a JSON input file: accept it.
    if (isJson(p)) jsonFiles.push(p);
    else throw new UsageError(`Unexpected argument ${JSON.stringify(p)}`);
  }
  if (v.nodes) {
    if (isJson(v.nodes)) jsonFiles.push(v.nodes);
    else input.nodes = { path: v.nodes };
    files.push(v.nodes);
  }
  if (v.edges) {
    if (isJson(v.edges)) jsonFiles.push(v.edges);
    else input.edges = { path: v.edges };
    files.push(v.edges);
  }
  if (jsonFiles.length > 1) throw new UsageError(`Give one JSON input file, not ${jsonFiles.length} (${jsonFiles.join(', ')})`);
  if (jsonFiles.length) {
    input.json = { path: jsonFiles[0]! };
    if (!files.includes(jsonFiles[0]!)) files.push(jsonFiles[0]!);
  }
  if (!input.nodes && !input.edges && !input.json) throw new UsageError('Nothing to import: give --nodes, --edges or --file');
  let batchSize: number | undefined;
  if (v['batch-size'] !== undefined) {
    batchSize = Number(v['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new UsageError('--batch-size must be a whole number from 1 to 100000');
  }
  if (v.agency !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(v.agency.trim())) {
    throw new UsageError(`--agency ${JSON.stringify(v.agency)} is not a valid agency id (e.g. AG-WMP)`);
  }
  return {
    input, files, json: v.json || v['json-output'], dryRun: v['dry-run'], keepGood: v['keep-good'],
    agency: v.agency?.trim(), batchSize, transactional: v.transactional,
  };
}

/** A one-line progress display on stderr, redrawn at most every 100 ms; only on a terminal. */
function progressLine(enabled: boolean) {
  let last = 0;
  let shown = false;
  return {
    update(text: string, force = false) {
      if (!enabled) return;
      const now = Date.now();
      if (!force && now - last < 100) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (enabled && shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

function bar(done: number, total: number, width = 28): string {
  const f = total > 0 ? Math.min(1, done / total) : 1;
  const n = Math.round(f * width);
  return `[${'#'.repeat(n)}${'-'.repeat(width - n)}] ${Math.round(f * 100)}%`;
}

const fmt = (n: number) => n.toLocaleString('en-GB');

export function humanSummary(s: ImportSummary, opts: { dryRun: boolean; keepGood: boolean; elapsedMs: number }): string {
  const lines: string[] = [];
  const verb = opts.dryRun ? 'would be' : '';
  const part = (label: string, c: ImportSummary['nodes']) =>
    `  ${label}: ${fmt(c.read)} read, ${fmt(c.created)} ${verb ? 'to create' : 'created'}, ${fmt(c.updated)} ${verb ? 'to update' : 'updated'}, ` +
    `${fmt(c.unchanged)} unchanged, ${fmt(c.duplicates)} duplicate${c.duplicates === 1 ? '' : 's'} skipped, ${fmt(c.rejected)} rejected`;
  lines.push(`${opts.dryRun ? 'Dry run' : 'Import'}: ${fmt(s.read)} rows read in ${(opts.elapsedMs / 1000).toFixed(1)} s`);
  lines.push(part('nodes', s.nodes), part('edges', s.edges));
  if (s.errors.length) {
    lines.push('');
    lines.push(`${fmt(s.rejected)} rejected:`);
    for (const l of formatImportErrors(s.errors)) lines.push(`  ${l}`);
    lines.push('');
    if (opts.dryRun) lines.push('Dry run: nothing was written.');
    else if (s.written) lines.push('The valid rows were written (--keep-good); the rejected rows were not.');
    else lines.push('Nothing was written. Fix the rows above, or use --keep-good to write only the valid rows.');
  } else if (opts.dryRun) {
    lines.push('Dry run: nothing was written.');
  }
  return lines.join('\n');
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  let args: CliArgs;
  try {
    args = parseImportArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`${e.message}\n\n`);
      process.stderr.write(`${USAGE}\n`);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  for (const f of args.files) {
    if (!fs.existsSync(f) || !fs.statSync(f).isFile()) {
      process.stderr.write(`File not found: ${f}\n`);
      return 2;
    }
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const progress = progressLine(!!process.stderr.isTTY);
  let conn: DatabaseConnection | undefined;
  try {
    const home = path.join(config.dataDir, 'neo4j');
    const rerun = 'npm run import -- <the same arguments>';
    if (!config.neo4jUri && localStoreState(home) === 'interrupted') {
      log(`An earlier bulk load into ${home} stopped before it finished: its partial database is discarded and loaded again.`);
      discardInterruptedLoad(home);
    }
    conn = await connectDatabase(config, { projectRoot, log, schemaDir: path.join(projectRoot, 'cypher/schema') });
    let unhook = stopOnSignals(conn, () => progress.done());
    const started = performance.now();
    // An empty local store this process opened is loaded by Neo4j's batch importer after the usual
    // validation; anything else (data held, a server using it, NEO4J_URI) through transactions.
    const bulk = !args.dryRun && !args.transactional && conn.startedLocal && (await storeIsEmpty(conn.db));
    if (bulk) log(`The local store in ${home} is empty: the valid rows are loaded with Neo4j's batch importer (--transactional to write through transactions instead).`);
    else if (!args.dryRun && !args.transactional) log(config.neo4jUri ? 'Writing through transactions (NEO4J_URI names a server).' : conn.startedLocal ? 'The store holds data: writing through transactions.' : 'The store is in use by a running server: writing through transactions.');
    const files = bulk ? new BulkFiles(path.join(config.dataDir, 'bulk-load')) : undefined;
    const labels: Record<ImportPhase, string> = { validate: 'Validating', nodes: bulk ? 'Preparing nodes' : 'Writing nodes', edges: bulk ? 'Preparing edges' : 'Writing edges' };
    const summary = await importGraph(bulkDb(conn.db, config, log), args.input, {
      dryRun: args.dryRun,
      keepGood: args.keepGood,
      defaultAgency: args.agency,
      batchSize: args.batchSize,
      sink: files,
      onProgress: (done, total, phase) =>
        progress.update(total === undefined ? `${labels[phase]}: ${fmt(done)} rows` : `${labels[phase]} ${bar(done, total)} ${fmt(done)}/${fmt(total)}`, done === total),
    });
    progress.done();
    if (files && summary.written && summary.nodes.created + summary.edges.created > 0) {
      const input = await files.close();
      unhook();
      await conn.stop();
      conn = undefined;
      markLoadStarted(home, rerun);
      const stopping = abortOnSignals();
      try {
        const r = await runBulkImport({
          projectRoot, home, input, dir: files.dir, rerun, heap: config.local.heap, log, signal: stopping.signal,
          onProgress: (stage, pct) => progress.update(`Importing: ${stage} ${bar(pct, 100)}`, pct === 100),
        });
        progress.done();
        log(`Batch importer: ${fmt(r.nodes)} nodes, ${fmt(r.relationships)} relationships in ${(r.elapsedMs / 1000).toFixed(1)} s; starting the database and building its indexes...`);
      } finally {
        stopping.release();
      }
      markFinished(home);
      fs.rmSync(files.dir, { recursive: true, force: true });
      conn = await connectDatabase(config, { projectRoot, log, schemaDir: path.join(projectRoot, 'cypher/schema') });
      unhook = stopOnSignals(conn, () => progress.done());
    } else if (files) {
      fs.rmSync(files.dir, { recursive: true, force: true });
    }
    const elapsedMs = Math.round(performance.now() - started);
    if (args.json) process.stdout.write(`${JSON.stringify({ ...summary, elapsedMs })}\n`);
    else process.stdout.write(`${humanSummary(summary, { dryRun: args.dryRun, keepGood: args.keepGood, elapsedMs })}\n`);
    return summary.rejected > 0 ? 1 : 0;
  } catch (e) {
    progress.done();
    return reportFailure(e, { what: 'import', rerun: 'npm run import -- <the same arguments>', dataDir: config.dataDir });
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
