import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { markLoaded, markLoadStarted, mergeInputs, runBulkImport, type BulkImportResult } from '../server/db/bulkLoad.js';
import type { SeedSize } from './seed.js';
import { writeShard, type ShardJob, type ShardMessage } from './bulkWorker.js';

/**
 * The synthetic data set through Neo4j's batch importer, for an empty local store: the same batches,
 * validation and stored rows as the transactional seed (seed/seed.ts), written as CSV by one worker
 * thread per core (each a shard of the batches) and imported in one pass. The store must not be
 * open. Afterwards the caller starts the database (migrations apply the schema), runs seedDatabase
 * with `loaded` for the stages after the data, then calls markFinished.
 */
export interface BulkSeedOptions {
  projectRoot: string;
  /** DATA_DIR: the store is DATA_DIR/neo4j, the CSV files go to DATA_DIR/bulk-load while it runs. */
  dataDir: string;
  size: SeedSize;
  seed: number;
  /** Rows per generated batch (the same cut as the transactional seed's). */
  txRows?: number;
  now?: string;
  heap?: string;
  /** Worker threads writing files (default: one per core, at most 8; 1 writes in this thread). */
  workers?: number;
  log?: (line: string) => void;
  onProgress?: (phase: 'files' | 'import', done: number, total: number, detail: string) => void;
  signal?: AbortSignal;
}

export interface BulkSeedResult extends BulkImportResult {
  entities: number;
  links: number;
  batchesTotal: number;
  filesMs: number;
}

export async function bulkSeed(opts: BulkSeedOptions): Promise<BulkSeedResult> {
  const started = performance.now();
  const home = path.join(opts.dataDir, 'neo4j');
  const dir = path.join(opts.dataDir, 'bulk-load');
  const rerun = `npm run seed -- --size ${opts.size}${opts.seed !== 1 ? ` --seed ${opts.seed}` : ''}`;
  markLoadStarted(home, rerun);
  fs.rmSync(dir, { recursive: true, force: true });
  const count = Math.max(1, Math.min(8, opts.workers ?? os.availableParallelism()));
  // One time for the whole load: every record of every shard is created at it.
  const now = opts.now ?? new Date().toISOString();
  const job = (index: number): ShardJob => ({
    size: opts.size, seed: opts.seed, txRows: Math.max(100, opts.txRows ?? 10_000), now, dir, index, count,
  });
  const progress = new Array<{ batches: number; rows: number }>(count).fill({ batches: 0, rows: 0 });
  let total = 0;
  const report = () => {
    const batches = progress.reduce((n, p) => n + p.batches, 0);
    const rows = progress.reduce((n, p) => n + p.rows, 0);
    opts.onProgress?.('files', batches, Math.max(total, batches + 1), `${rows.toLocaleString('en-GB')} rows`);
  };
  const shards = count === 1
    ? [await writeShard(job(0), (batches, rows) => { progress[0] = { batches, rows }; report(); })]
    : await Promise.all(Array.from({ length: count }, (_, i) => runShard(job(i), opts.signal, (m) => { progress[i] = m; report(); })));
  total = shards[0]!.batchesTotal;
  const input = mergeInputs(shards.map((s) => s.input));
  const filesMs = performance.now() - started;
  const result = await runBulkImport({
    projectRoot: opts.projectRoot, home, input, dir, rerun, heap: opts.heap, log: opts.log, signal: opts.signal,
    onProgress: (stage, pct) => opts.onProgress?.('import', pct, 100, stage),
  });
  const links = shards.reduce((n, s) => n + s.links, 0);
  const out = { ...result, entities: input.nodes, links, batchesTotal: total, filesMs };
  // The store opens now; seedDatabase records the data as written, then the caller calls markFinished.
  markLoaded(home, rerun, { size: opts.size, seed: opts.seed, entities: out.entities, links, batchesTotal: total });
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

function runShard(job: ShardJob, signal: AbortSignal | undefined, onProgress: (p: { batches: number; rows: number }) => void) {
  return new Promise<Extract<ShardMessage, { kind: 'done' }>>((resolve, reject) => {
    // The worker runs TypeScript as this process does: tsx's hooks are registered in it first.
    const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL('./bulkWorker.ts', import.meta.url).href)}); })`;
    // A larger young generation: rows are short-lived, and the batch being written survives fewer
    // collections (about a tenth less time in the files stage).
    const worker = new Worker(code, { eval: true, workerData: { bulkShard: job }, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    let settled = false;
    worker.on('message', (m: ShardMessage) => {
      if (m.kind === 'progress') onProgress(m);
      else if (m.kind === 'done') { settled = true; resolve(m); }
      else { settled = true; reject(new Error(m.message)); }
    });
    worker.on('error', (e) => { settled = true; reject(e); });
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      if (!settled) reject(new Error(signal?.aborted ? 'Stopped while writing the files for the bulk load.' : `A bulk-load worker stopped (exit ${code}) before its files were written.`));
    });
  });
}
