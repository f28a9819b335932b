import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedDatabase, SEED_PLAN, type SeedSize } from '../../seed/seed.js';
import { prepareAudit } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { abortOnSignals, bulkDb, connectDatabase, stopOnSignals, type DatabaseConnection } from '../db/connect.js';
import { reportFailure } from '../failure.js';
import { loadedInfo, localStoreState, markFinished } from '../db/bulkLoad.js';
import { bulkSeed } from '../../seed/bulk.js';

/**
 * npm run seed -- --size demo|medium|large|huge [--seed N] [--json] [--tx-rows N]
 *
 * Writes the deterministic synthetic data set (seed/generate.ts) through the normal write path.
 * Safe to re-run: unchanged rows are left alone. Exit codes: 0 done, 2 usage error, 3 failure.
 */

const USAGE = `Usage: npm run seed -- --size demo|medium|large|huge [--seed N] [--json] [--tx-rows N]
                       [--transactional] [--data-only]

  --size      demo (~2k entities), medium (~100k), large (~1M) or huge (~10M); default demo
  --seed      PRNG seed; the same seed always gives the same data (default 1)
  --json      print the summary as JSON on stdout
  --tx-rows   rows per write transaction (default 10000)
  --transactional
              write through transactions even into an empty local store
              (by default an empty local store is bulk loaded by Neo4j's batch importer)
  --data-only the synthetic records only: no calls and ANPR reads, OCG management,
              demo accounts or demo traffic (benchmark stores)`;

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        size: { type: 'string', default: 'demo' },
        seed: { type: 'string', default: '1' },
        json: { type: 'boolean', default: false },
        'tx-rows': { type: 'string' },
        transactional: { type: 'boolean', default: false },
        'data-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) throw new UsageError('');
  if (!Object.hasOwn(SEED_PLAN, v.size)) throw new UsageError(`--size must be demo, medium, large or huge, not ${JSON.stringify(v.size)}`);
  const seed = Number(v.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  let txRows: number | undefined;
  if (v['tx-rows'] !== undefined) {
    txRows = Number(v['tx-rows']);
    if (!Number.isInteger(txRows) || txRows < 100 || txRows > 100_000) throw new UsageError('--tx-rows must be a whole number from 100 to 100000');
  }
  return { size: v.size as SeedSize, seed, json: v.json, txRows, transactional: v.transactional, dataOnly: v['data-only'] };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

export async function main(argv = process.argv.slice(2)): Promise<number> {
  let args: ReturnType<typeof parse>;
  let config;
  try {
    args = parse(argv);
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      if (e.message) process.stderr.write(`${e.message}\n\n`);
      if (e instanceof UsageError) process.stderr.write(`${USAGE}\n`);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const tty = !!process.stderr.isTTY;
  const started = performance.now();
  let last = 0;
  let conn: DatabaseConnection | undefined;
  try {
    prepareAudit(config); // the seed's OCG management actions are audited
    const home = path.join(config.dataDir, 'neo4j');
    const state = config.neo4jUri ? 'remote' : localStoreState(home);
    let loaded: { entities: number; links: number; batchesTotal: number } | undefined;
    const stored = state === 'loaded' ? loadedInfo(home) : undefined;
    if (stored && stored.size === args.size && stored.seed === args.seed) {
      loaded = stored as unknown as typeof loaded;
      log('The bulk load of this data set finished before the last run stopped: going on with the stages after it.');
    } else if (!args.transactional && (state === 'absent' || state === 'interrupted' || state === 'loaded')) {
      log(state === 'absent'
        ? `The local store in ${home} is empty: bulk loading ${args.size} with Neo4j's batch importer (--transactional to write through transactions instead).`
        : `The local store in ${home} was left by an interrupted bulk load: loading it again from the start.`);
      const bulkStarted = performance.now();
      const stopping = abortOnSignals();
      try {
        const r = await bulkSeed({
          projectRoot, dataDir: config.dataDir, size: args.size, seed: args.seed, txRows: args.txRows, heap: config.local.heap, log, signal: stopping.signal,
          onProgress: (phase, done, total, detail) => {
            if (!tty || (Date.now() - last < 200 && done < total)) return;
            last = Date.now();
            const f = done / total;
            const w = 28;
            const what = phase === 'files' ? `Writing files ${detail}` : `Importing: ${detail}`;
            process.stderr.write(`\r\x1b[2K${what} [${'#'.repeat(Math.round(f * w))}${'-'.repeat(w - Math.round(f * w))}] ${Math.round(f * 100)}%`);
          },
        });
        if (tty) process.stderr.write('\r\x1b[2K');
        log(`Bulk loaded ${fmt(r.entities)} entities and ${fmt(r.links)} links in ${((performance.now() - bulkStarted) / 1000).toFixed(1)} s (files ${(r.filesMs / 1000).toFixed(1)} s, importer ${(r.elapsedMs / 1000).toFixed(1)} s); starting the database and building its indexes...`);
        loaded = { entities: r.entities, links: r.links, batchesTotal: r.batchesTotal };
      } finally {
        stopping.release();
      }
    } else if (args.size === 'huge') {
      throw new UsageError(`--size huge is loaded only into an empty local store, by the bulk path (through transactions it would take hours): set DATA_DIR to an empty folder${config.neo4jUri ? ' and unset NEO4J_URI' : ''}.`);
    } else if (state === 'loaded') {
      log('A bulk load of another data set finished in this store: seeding into it through transactions.');
      markFinished(home); // the store is whole; what that load left to do is this seed's to decide now
    }
    conn = await connectDatabase(config, { projectRoot, log, schemaDir: path.join(projectRoot, 'cypher/schema') });
    stopOnSignals(conn, () => tty && process.stderr.write('\n'));
    let stageAt = performance.now();
    let stageName = loaded ? 'recording the bulk load' : 'data';
    const result = await seedDatabase(bulkDb(conn.db, config, log), {
      loaded,
      ...(args.dataOnly ? { comms: false, impacts: false, demoUsers: false } : {}),
      onStage: (stage) => {
        if (tty) process.stderr.write('\r\x1b[2K');
        log(`seed: ${stageName} done (${((performance.now() - stageAt) / 1000).toFixed(1)} s); ${({ comms: 'calls and ANPR reads', ocg: 'OCG management', accounts: 'demo accounts, traffic and products' } as const)[stage]}...`);
        stageAt = performance.now();
        stageName = stage;
      },
      size: args.size,
      seed: args.seed,
      txRows: args.txRows,
      onResume: (s) => log(`Finishing an interrupted seed of ${s.size} (seed ${s.seed}): ${s.batchesDone} of ${s.batchesTotal ?? '?'} batches were written, stage ${s.stage}.`),
      onProgress: (done, total, _phase, rows) => {
        if (!tty || (Date.now() - last < 100 && done < total)) return;
        last = Date.now();
        const secs = (performance.now() - started) / 1000;
        const f = done / total;
        const w = 28;
        process.stderr.write(`\r\x1b[2KSeeding ${args.size} [${'#'.repeat(Math.round(f * w))}${'-'.repeat(w - Math.round(f * w))}] ${Math.round(f * 100)}% ${fmt(rows)} rows, ${fmt(rows / Math.max(secs, 0.001))} rows/s`);
      },
    });
    if (loaded && !config.neo4jUri) markFinished(path.join(config.dataDir, 'neo4j'));
    if (tty) process.stderr.write('\r\x1b[2K');
    const secs = (performance.now() - started) / 1000;
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ ...result, bulk: !!loaded, elapsedSeconds: Math.round(secs * 10) / 10 })}\n`);
    } else {
      const c = (x: { created: number; updated: number; unchanged: number }) => `${fmt(x.created)} created, ${fmt(x.updated)} updated, ${fmt(x.unchanged)} unchanged`;
      process.stdout.write(
        `Seeded ${args.size} (seed ${args.seed}) into ${conn.uri}\n` +
        `  entities: ${c(result.entities)}\n` +
        `  links:    ${c(result.links)}\n` +
        (result.impact ? `  OCG management: ${fmt(result.impact.assessments)} harm assessments, ${fmt(result.impact.impacts)} impact records, ${fmt(result.impact.disseminations)} disseminations created\n` : '') +
        (result.demoUsersCreated ? `  demo accounts: ${result.demoUsersCreated} created (password in the README)\n` : '') +
        (result.resumedBatches ? `  ${result.resumedBatches} batches were already written by the interrupted run\n` : '') +
        `  ${fmt(result.rows)} rows in ${secs.toFixed(1)} s (${fmt(result.rows / Math.max(secs, 0.001))} rows/s${loaded ? ', bulk loaded' : ''})\n`,
      );
    }
    return 0;
  } catch (e) {
    if (tty) process.stderr.write('\n');
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    return reportFailure(e, { what: 'seed', rerun: `npm run seed -- --size ${args.size}`, dataDir: config.dataDir });
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
