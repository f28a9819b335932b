import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedDatabase, SEED_PLAN, type SeedSize } from '../../seed/seed.js';
import { prepareAudit } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { bulkDb, connectDatabase, stopOnSignals, type DatabaseConnection } from '../db/connect.js';
import { reportFailure } from '../failure.js';

/**
 * npm run seed -- --size demo|medium|large [--seed N] [--json] [--tx-rows N]
 *
 * Writes the deterministic synthetic data set (seed/generate.ts) through the normal write path.
 * Safe to re-run: unchanged rows are left alone. Exit codes: 0 done, 2 usage error, 3 failure.
 */

const USAGE = `Usage: npm run seed -- --size demo|medium|large [--seed N] [--json] [--tx-rows N]

  --size      demo (~2k entities), medium (~100k) or large (~1M); default demo
  --seed      PRNG seed; the same seed always gives the same data (default 1)
  --json      print the summary as JSON on stdout
  --tx-rows   rows per write transaction (default 10000)`;

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
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) throw new UsageError('');
  if (!Object.hasOwn(SEED_PLAN, v.size)) throw new UsageError(`--size must be demo, medium or large, not ${JSON.stringify(v.size)}`);
  const seed = Number(v.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  let txRows: number | undefined;
  if (v['tx-rows'] !== undefined) {
    txRows = Number(v['tx-rows']);
    if (!Number.isInteger(txRows) || txRows < 100 || txRows > 100_000) throw new UsageError('--tx-rows must be a whole number from 100 to 100000');
  }
  return { size: v.size as SeedSize, seed, json: v.json, txRows };
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
  let conn: DatabaseConnection | undefined;
  try {
    prepareAudit(config); // the seed's OCG management actions are audited
    conn = await connectDatabase(config, { projectRoot, log, schemaDir: path.join(projectRoot, 'cypher/schema') });
    stopOnSignals(conn, () => tty && process.stderr.write('\n'));
    const started = performance.now();
    let last = 0;
    const result = await seedDatabase(bulkDb(conn.db, config, log), {
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
    if (tty) process.stderr.write('\r\x1b[2K');
    const secs = result.elapsedMs / 1000;
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ ...result, elapsedSeconds: Math.round(secs * 10) / 10 })}\n`);
    } else {
      const c = (x: { created: number; updated: number; unchanged: number }) => `${fmt(x.created)} created, ${fmt(x.updated)} updated, ${fmt(x.unchanged)} unchanged`;
      process.stdout.write(
        `Seeded ${args.size} (seed ${args.seed}) into ${conn.uri}\n` +
        `  entities: ${c(result.entities)}\n` +
        `  links:    ${c(result.links)}\n` +
        (result.impact ? `  OCG management: ${fmt(result.impact.assessments)} harm assessments, ${fmt(result.impact.impacts)} impact records, ${fmt(result.impact.disseminations)} disseminations created\n` : '') +
        (result.demoUsersCreated ? `  demo accounts: ${result.demoUsersCreated} created (password in the README)\n` : '') +
        (result.resumedBatches ? `  ${result.resumedBatches} batches were already written by the interrupted run\n` : '') +
        `  ${fmt(result.rows)} rows in ${secs.toFixed(1)} s (${fmt(result.rowsPerSecond)} rows/s)\n`,
      );
    }
    return 0;
  } catch (e) {
    if (tty) process.stderr.write('\n');
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
