import path from 'node:path';
import type { Config } from '../config.js';
import { Db } from './db.js';
import { startLocalNeo4j } from './localNeo4j.js';
import { migrate } from './migrate.js';

/**
 * Opens the database the way every entry point does (server, CLIs, tests): the Neo4j named by
 * NEO4J_URI when set, otherwise the local one in DATA_DIR/neo4j, reusing it when `npm start`
 * (or another CLI) already runs it on that folder.
 */
export interface DatabaseConnection {
  db: Db;
  uri: string;
  /** True when this process started a local Neo4j that `stop()` shuts down. */
  startedLocal: boolean;
  /** Closes the driver and, if this process started the local Neo4j, stops it. Safe to call twice. */
  stop(): Promise<void>;
}

export interface ConnectOptions {
  projectRoot: string;
  log?: (line: string) => void;
  /** When given, schema migrations from this folder are applied after connecting. */
  schemaDir?: string;
  verifyTimeoutMs?: number;
  /** Aborting while connecting stops a local Neo4j being started. */
  signal?: AbortSignal;
}

/** The bulk view of a connection (seed, imports, migrations): its own budget, retries logged. */
export function bulkDb(db: Db, config: Pick<Config, 'bulkTxTimeoutMs' | 'bulkRetryForMs'>, log: (line: string) => void = () => {}, signal?: AbortSignal): Db {
  return db.bulk({
    timeoutMs: config.bulkTxTimeoutMs,
    retryForMs: config.bulkRetryForMs,
    signal,
    onRetry: (what, attempt, delayMs) => log(`database busy (${what}); retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
  });
}

export async function connectDatabase(config: Config, opts: ConnectOptions): Promise<DatabaseConnection> {
  const log = opts.log ?? (() => {});
  const dbOptions = { queryTimeoutMs: config.queryTimeoutMs };
  let uri: string;
  let db: Db;
  let stopLocal: (() => Promise<void>) | undefined;
  let startedLocal = false;

  if (config.neo4jUri) {
    uri = config.neo4jUri;
    db = Db.connect(uri, config.neo4jUser, config.neo4jPassword ?? '', dbOptions);
  } else {
    const local = await startLocalNeo4j({
      projectRoot: opts.projectRoot,
      home: path.join(config.dataDir, 'neo4j'),
      boltPort: config.local.boltPort,
      heap: config.local.heap,
      pagecacheMiB: config.local.pagecacheMiB,
      txTimeoutSeconds: config.local.txTimeoutSeconds,
      startTimeoutMs: config.local.startTimeoutMs,
      log,
      signal: opts.signal,
    });
    uri = local.uri;
    startedLocal = !local.reused;
    stopLocal = () => local.stop();
    db = Db.connect(local.uri, local.user, local.password, dbOptions);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      try {
        await db.close();
      } finally {
        if (stopLocal) await stopLocal();
      }
    })();
    return stopping;
  };

  try {
    await db.verify(opts.verifyTimeoutMs ?? 60000);
    if (opts.schemaDir) await migrate(bulkDb(db, config, log, opts.signal), opts.schemaDir, log);
  } catch (e) {
    // Never leave a Java process behind when the connection could not be used.
    await stop().catch(() => {});
    throw e;
  }
  return { db, uri, startedLocal, stop };
}

/**
 * Stops the connection on Ctrl-C / SIGTERM / SIGHUP so a CLI never leaves the local Neo4j running.
 * A second signal while stopping is answered, not obeyed: the database still gets its clean shutdown.
 */
export function stopOnSignals(conn: Pick<DatabaseConnection, 'stop'>, onSignal?: (signal: string) => void, say: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      say(`${signal}: already stopping (waiting for the database to shut down cleanly)`);
      return;
    }
    stopping = true;
    onSignal?.(signal);
    void conn.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}

/**
 * An AbortSignal that Ctrl-C / SIGTERM abort, for work that has no database connection to stop
 * (a bulk load with the store closed). `release()` stops listening.
 */
export function abortOnSignals(): { signal: AbortSignal; release(): void } {
  const ac = new AbortController();
  const abort = () => ac.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return {
    signal: ac.signal,
    release() {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    },
  };
}
