import net from 'node:net';
import path from 'node:path';
import { prepareAudit, startApp } from './app.js';
import { adminPasswordShown, DEMO_PASSWORD, ensureAdmin } from './auth/bootstrap.js';
import { loadConfig, type Config } from './config.js';
import { bulkDb, connectDatabase, type DatabaseConnection } from './db/connect.js';
import { cypher, type Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { reportFailure } from './failure.js';
import { graphIsEmpty, seedDatabase, seedState, type SeedSize } from '../seed/seed.js';

/**
 * Composition root: config -> database -> schema -> data -> http. Nothing else reads process.env.
 *
 * Stopping is one path whatever asks for it (SIGINT, SIGTERM, SIGHUP, or the launching process
 * going away) and whenever it comes (while Neo4j starts, during the seed, or serving): HTTP closes,
 * the driver closes, the local Neo4j shuts down cleanly, once. A second request while stopping is
 * answered, not obeyed. Start-up work is resumable, so a stop (or a kill) at any point is finished
 * by the next start.
 */
const projectRoot = path.resolve(import.meta.dirname, '..');
const log = (s: string) => console.log(`[intel-graph] ${s}`);

class Stopped extends Error {}

/** Rows per seed transaction on start-up: small, so a busy machine sees progress and a kill loses little. */
const START_SEED_TX_ROWS = 500;

let config: Config | undefined;
let database: DatabaseConnection | undefined;
let app: Awaited<ReturnType<typeof startApp>> | undefined;
let stopping: Promise<void> | undefined;
const abort = new AbortController();
let startup: Promise<void> = Promise.resolve();

function shutdown(reason: string): void {
  if (stopping) {
    log(`${reason}: already stopping (waiting for the database to shut down cleanly)`);
    return;
  }
  log(`${reason}: stopping...`);
  const since = Date.now();
  stopping = (async () => {
    abort.abort();
    const bounded = (p: Promise<unknown> | undefined, ms: number) =>
      Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms).unref())]);
    await bounded(app?.close(), 10000);
    // Closing the driver ends any start-up work in flight (its transaction is rolled back and
    // redone by the next start); a Neo4j still starting is stopped through the abort signal.
    await bounded(database?.stop(), 90000);
    await bounded(startup, 90000);
    await bounded(database?.stop(), 90000);
    log(`stopped in ${((Date.now() - since) / 1000).toFixed(1)} s`);
    process.exit(0);
  })();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));
// Started by `npm start` (scripts/start.mjs) with an IPC channel: when that process goes away,
// however it went, the platform stops with it instead of living on as an orphan.
if (process.send) process.on('disconnect', () => shutdown('the launching process exited'));

const checkpoint = () => {
  if (abort.signal.aborted) throw new Stopped();
};

async function main(): Promise<void> {
  const started = Date.now();
  config = loadConfig(process.env);
  // Stack traces mapped to TypeScript lines, only when asked for. (The cost that made this the
  // default, a mapped stack per query, is gone: statements now start without the caller's stack.)
  if (!config.sourceMaps) process.setSourceMapsEnabled(false);
  // A port another program holds is found before Neo4j starts and the data is seeded, not after.
  if (config.port !== 0) await portFree(config.port, config.host);
  database = await connectDatabase(config, { projectRoot, log, signal: abort.signal });
  checkpoint();
  const { db } = database;
  const bulk = bulkDb(db, config, log, abort.signal);
  prepareAudit(config); // before the seed: its OCG management actions are audited
  await migrate(bulk, path.join(projectRoot, 'cypher/schema'), log);
  checkpoint();
  // Everything before serving is start-up work, not a request: it runs with the bulk budget and
  // retries, so a busy machine (or a very low QUERY_TIMEOUT_MS) makes it slower, never failed.
  const demo = await prepareData(bulk, config);
  checkpoint();
  const adminPassword = await ensureAdmin(bulk);
  if (adminPassword) {
    log(`administrator created: username "admin", password "${adminPassword}" (shown once; store it now)`);
    await adminPasswordShown(bulk);
  }
  checkpoint();
  app = await startApp(db, config);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${app.url}  (GraphQL at ${app.url}/graphql)` +
    (demo ? `  demo sign-in: analyst / ${DEMO_PASSWORD}` : ''));
}

/** Resolves when `port` on `host` can be listened on now; rejects with the listen error (EADDRINUSE, EACCES) otherwise. */
function portFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * Seeds the demo data into an empty graph, or finishes a seed an earlier start did not (killed,
 * stopped, database lost), from the batch after the last one recorded. Returns whether the demo
 * accounts exist. `db` is the bulk view: this is start-up work, not a request.
 */
async function prepareData(db: Db, cfg: Config): Promise<boolean> {
  const state = await seedState(db);
  const run = async (size: SeedSize, seed: number) => {
    const t = Date.now();
    let last = 0;
    const result = await seedDatabase(db, {
      size, seed, txRows: START_SEED_TX_ROWS,
      onStage: (stage) => {
        checkpoint();
        log(stage === 'comms' ? 'seeding: calls and ANPR reads of the demo groups...'
          : stage === 'ocg' ? 'seeding: OCG management (harm assessments, impact records, disseminations)...' : 'seeding: demo accounts...');
      },
      onResume: (s) => log(`resuming from batch ${s.batchesDone + 1}${s.batchesTotal ? ` of ${s.batchesTotal}` : ''}`),
      onProgress: (done, total, _phase, rows) => {
        checkpoint();
        if (Date.now() - last < 1000 && done < total) return;
        last = Date.now();
        log(`seeding: ${done} of ${total} batches, ${rows.toLocaleString('en-GB')} rows written`);
      },
    });
    log(`seeded in ${((Date.now() - t) / 1000).toFixed(1)} s` +
      (result.impact ? ` (${result.impact.assessments} harm assessments, ${result.impact.impacts} impact records, ${result.impact.disseminations} disseminations)` : ''));
  };
  if (state?.status === 'running') {
    if (!cfg.seedOnEmpty) {
      log(`an interrupted seed of the ${state.size} data set was found (stage: ${state.stage}); SEED_ON_EMPTY=false leaves it as it is. ` +
        `\`npm run seed -- --size ${state.size}\` finishes it.`);
    } else {
      log(`finishing the seed of the ${state.size} data set that an earlier start did not complete (stage: ${state.stage})...`);
      await run(state.size, state.seed);
    }
  } else if (!state && cfg.seedOnEmpty && (await graphIsEmpty(db))) {
    log(`empty graph: seeding the ${cfg.seedSize} data set...`);
    await run(cfg.seedSize, 1);
  }
  const demo = ((await db.read(cypher("MATCH (u:User {username: 'analyst'}) RETURN count(u) AS c")))[0]!.c as number) > 0;
  if (!state && !demo && !(await graphIsEmpty(db))) {
    log('the graph holds data but no record of a demo seed, so no demo accounts were made. To finish an interrupted demo seed run ' +
      '`npm run seed`; to start again from nothing, stop and delete the data folder.');
  }
  return demo;
}

startup = main().catch((e) => {
  if (stopping || e instanceof Stopped) return; // the stop in progress explains it
  const code = reportFailure(e, {
    what: 'start', rerun: 'npm start', dataDir: config?.dataDir ?? path.resolve('data'), port: config?.port, host: config?.host,
    prefix: '[intel-graph] ', write: (line) => console.error(line),
  });
  void (async () => {
    await database?.stop().catch(() => {});
    process.exit(code);
  })();
});
