import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { BulkFiles, type BulkInput } from '../server/db/bulkLoad.js';
import { todayIso } from '../server/domain/validate.js';
import { entityRow, linkRow, type ReportGrade } from '../server/graph/write.js';
import { linksOf, preparedBatches, type SeedSize } from './seed.js';

/**
 * One shard of a bulk seed (seed/bulk.ts): its batches validated and turned into stored rows exactly
 * as the transactional seed does, written as CSV files in its own folder. Every link's provenance
 * reports are in its own batch (seed/generate.ts), so a shard needs no other shard's grades.
 */
export interface ShardJob { size: SeedSize; seed: number; txRows: number; now: string; dir: string; index: number; count: number }
export type ShardMessage =
  | { kind: 'progress'; batches: number; rows: number }
  | { kind: 'done'; input: BulkInput; batchesTotal: number; links: number }
  | { kind: 'error'; message: string };

export async function writeShard(job: ShardJob, onProgress: (batches: number, rows: number) => void): Promise<Extract<ShardMessage, { kind: 'done' }>> {
  const files = new BulkFiles(path.join(job.dir, `shard-${job.index}`));
  const grades = new Map<string, ReportGrade>();
  // The day records are checked against (no date in the future), taken once for the whole shard.
  const ctx = { today: todayIso() };
  let batches = 0;
  let links = 0;
  let batchesTotal = 0;
  for (const { batch, records } of preparedBatches(job.size, job.seed, job.txRows, grades, ctx, { index: job.index, count: job.count })) {
    for (const r of records) {
      const w = files.addEntity(entityRow(r), job.now);
      if (w) await w;
    }
    for (const l of linksOf(batch, ctx)) {
      for (const id of l.reportIds) {
        if (!grades.has(id)) throw new Error(`Seed link ${l.source} ${l.type} ${l.target} cites ${id}, which is not in its batch: the generator broke its own rule`);
      }
      const w = files.addLink(linkRow(l, grades), job.now);
      if (w) await w;
      links++;
    }
    grades.clear(); // a batch's reports are cited only within it
    batches++;
    batchesTotal = batch.progress.total;
    onProgress(batches, files.nodes + files.relationships);
  }
  return { kind: 'done', input: await files.close(), batchesTotal, links };
}

if (parentPort && workerData?.bulkShard) {
  const port = parentPort;
  writeShard(workerData.bulkShard as ShardJob, (batches, rows) => port.postMessage({ kind: 'progress', batches, rows } satisfies ShardMessage))
    .then((done) => port.postMessage(done satisfies ShardMessage))
    .catch((e) => port.postMessage({ kind: 'error', message: (e as Error).stack ?? String(e) } satisfies ShardMessage));
}
