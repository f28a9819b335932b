import { seedInbox } from './inbox.js';
import { seedTasking } from './tasking.js';
import { seedProducts } from './products.js';
import { cypher, type Db } from '../server/db/db.js';
import type { Grade } from '../server/domain/grading.js';
import { ensureDemoUsers } from '../server/auth/bootstrap.js';
import { validateEntity, validateLink, type EntityRecord, type LinkRecord } from '../server/domain/validate.js';
import { writeEntities, writeLinks, type ReportGrade, type WriteCounts } from '../server/graph/write.js';
import { todayIso } from '../server/domain/validate.js';
import { generateSeed, SEED_PLAN, type SeedBatch, type SeedSize } from './generate.js';
import { seedComms, type CommsSeedResult } from './comms.js';
import { seedImpact, type ImpactSeedResult } from './impact.js';

/**
 * Writes the synthetic data set through the one write path, batch by batch: each generated batch's
 * entities first, then its links, in transactions of `txRows` rows; then OCG management on it (harm
 * assessments, impact records, disseminations: seed/impact.ts), then the demo accounts. Idempotent:
 * seeding twice leaves the graph as it was (every row "unchanged" the second time, no new impact
 * records).
 *
 * Resumable: progress is recorded as (:SeedRun {key: "<size>:<seed>"}) after every batch, so a run
 * that was interrupted (killed, database lost) is finished by the next one from the batch after the
 * last recorded, and the run is marked complete only once the demo accounts exist. Its transactions
 * should go through a bulk Db (`Db.bulk`), which never applies the interactive query timeout.
 */
export interface SeedDatabaseOptions {
  size: SeedSize;
  seed?: number;
  /** Rows per write transaction (default 10,000). */
  txRows?: number;
  /** Progress in generated clusters; `rows` is the number of rows written so far. */
  onProgress?: (done: number, total: number, phase: 'seed', rows: number) => void;
  /** Harm assessments, impact records and disseminations after the graph; default for demo and medium, not large. */
  impacts?: boolean;
  /** YYYY-MM-DD the OCG management records are dated back from (default today). */
  today?: string;
  /** Create the demo accounts (default true). */
  demoUsers?: boolean;
  /** Calls and ANPR reads for the demo groups (default true). */
  comms?: boolean;
  /** Told when a stage after the data begins: OCG management, then the demo accounts. */
  onStage?: (stage: 'comms' | 'ocg' | 'accounts') => void;
  /** The data was bulk loaded into the store (seed/bulk.ts): record it as written and go on to the later stages. */
  loaded?: { entities: number; links: number; batchesTotal: number };
  /** Told when a run resumes an interrupted one. */
  onResume?: (state: SeedState) => void;
}

/** What the graph records of a seed run: written as it goes, so an interrupted run can be finished. */
export interface SeedState {
  key: string;
  size: SeedSize;
  seed: number;
  status: 'running' | 'complete';
  /** 'data', 'ocg' (OCG management) or 'accounts': the stage reached. */
  stage: string;
  batchesDone: number;
  batchesTotal: number;
  startedAt: string;
  completedAt: string | null;
}

/** The most recently started seed run, or null when the graph was never seeded. */
export async function seedState(db: Db): Promise<SeedState | null> {
  const rows = await db.read(cypher(
    `MATCH (s:SeedRun) RETURN s.key AS key, s.size AS size, s.seed AS seed, s.status AS status, s.stage AS stage,
       s.batchesDone AS batchesDone, s.batchesTotal AS batchesTotal, s.startedAt AS startedAt, s.completedAt AS completedAt
     ORDER BY s.startedAt DESC LIMIT 1`,
  ));
  return (rows[0] as unknown as SeedState | undefined) ?? null;
}

async function recordSeed(db: Db, key: string, set: Record<string, unknown>): Promise<void> {
  await db.write(cypher('MERGE (s:SeedRun {key: $key}) SET s += $set', { key, set }));
}

export interface SeedResult {
  size: SeedSize;
  seed: number;
  entities: WriteCounts;
  links: WriteCounts;
  /** Entities + links written (created, updated or found unchanged). */
  rows: number;
  /** What the OCG management stage created; null when skipped. */
  impact: ImpactSeedResult | null;
  /** The calls and ANPR reads of the demo groups; null when skipped. */
  comms: CommsSeedResult | null;
  /** Batches left alone because an interrupted run had written them (0 for a fresh run). */
  resumedBatches: number;
  /** Demo accounts created by this run. */
  demoUsersCreated: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

export async function seedDatabase(db: Db, opts: SeedDatabaseOptions): Promise<SeedResult> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  const txRows = Math.max(100, opts.txRows ?? 10_000);
  const now = new Date().toISOString();
  const entities: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  const links: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  const add = (into: WriteCounts, c: WriteCounts) => {
    into.created += c.created;
    into.updated += c.updated;
    into.unchanged += c.unchanged;
  };
  let rows = 0;
  // Grades of every report written so far: links are given their provenance grades directly, so
  // each link transaction does not have to read them back.
  const grades = new Map<string, ReportGrade>();
  const ctx = { today: undefined as string | undefined };

  const key = `${opts.size}:${seed}`;
  const previous = (await db.read(cypher(
    `MATCH (s:SeedRun {key: $key}) RETURN s.status AS status, s.stage AS stage, s.batchesDone AS batchesDone,
       s.batchesTotal AS batchesTotal, s.startedAt AS startedAt, s.completedAt AS completedAt, s.txRows AS txRows`,
    { key },
  )))[0];
  const interrupted = previous?.status === 'running' ? previous : undefined;
  // Batches are cut the same way for the same size, seed and rows per transaction; an interrupted
  // run with other settings is redone from the first batch (safe: writes are idempotent).
  const skipUpTo = interrupted && interrupted.txRows === txRows ? ((interrupted.batchesDone as number | null) ?? 0) : 0;
  if (interrupted) opts.onResume?.({ ...(interrupted as unknown as SeedState), key, size: opts.size, seed });
  await recordSeed(db, key, {
    size: opts.size, seed, txRows, status: 'running', stage: 'data', completedAt: null,
    ...(interrupted ? {} : { batchesDone: 0, startedAt: now }),
  });

  let resumedBatches = 0;
  if (opts.loaded) {
    // The bulk load (seed/bulk.ts) wrote every batch into the store before it was opened.
    add(entities, { created: opts.loaded.entities, updated: 0, unchanged: 0 });
    add(links, { created: opts.loaded.links, updated: 0, unchanged: 0 });
    rows += opts.loaded.entities + opts.loaded.links;
    await recordSeed(db, key, { batchesDone: opts.loaded.batchesTotal, batchesTotal: opts.loaded.batchesTotal, loadedBy: 'bulk' });
    opts.onProgress?.(1, 1, 'seed', rows);
  }
  for (const { index, batch, records } of opts.loaded ? [] : preparedBatches(opts.size, seed, txRows, grades, ctx)) {
    if (index <= skipUpTo) {
      // Written by the interrupted run; its report grades (kept above) are all a later batch needs.
      resumedBatches++;
      opts.onProgress?.(batch.progress.done, batch.progress.total, 'seed', rows);
      continue;
    }
    for (let i = 0; i < records.length; i += txRows) {
      const chunk = records.slice(i, i + txRows);
      add(entities, await db.writeTx((tx) => writeEntities(tx, chunk, now)));
      rows += chunk.length;
    }
    const linkRecords = linksOf(batch, ctx);
    for (let i = 0; i < linkRecords.length; i += txRows) {
      const chunk = linkRecords.slice(i, i + txRows);
      const chunkGrades = new Map<string, ReportGrade>();
      for (const l of chunk) for (const id of l.reportIds) chunkGrades.set(id, grades.get(id)!);
      add(links, await db.writeTx((tx) => writeLinks(tx, chunk, now, chunkGrades)));
      rows += chunk.length;
    }
    await recordSeed(db, key, { batchesDone: index, batchesTotal: batch.progress.total });
    opts.onProgress?.(batch.progress.done, batch.progress.total, 'seed', rows);
  }
  await recordSeed(db, key, { stage: 'comms' });
  opts.onStage?.('comms');
  const comms = (opts.comms ?? true) ? await seedComms(db, { seed, now }) : null;
  await recordSeed(db, key, { stage: 'ocg' });
  opts.onStage?.('ocg');
  const impact = (opts.impacts ?? (opts.size === 'demo' || opts.size === 'medium')) ? await seedImpact(db, { seed, today: opts.today ?? todayIso() }) : null;
  await recordSeed(db, key, { stage: 'accounts' });
  opts.onStage?.('accounts');
  const demoUsersCreated = (opts.demoUsers ?? true) ? await ensureDemoUsers(db) : 0;
  // The demo's cross-agency traffic (requests, a receipt, watches) needs the accounts and the disseminations.
  if ((opts.demoUsers ?? true) && impact) await seedInbox(db);
  // The products analysts make from it: an approved subject profile and problem profile.
  if ((opts.demoUsers ?? true) && impact) await seedProducts(db);
  // The tasking and coordination record that put the demo's collection plan in place.
  if ((opts.demoUsers ?? true) && impact) await seedTasking(db, { today: opts.today ?? todayIso() });
  await recordSeed(db, key, { status: 'complete', stage: 'complete', completedAt: new Date().toISOString() });
  const elapsedMs = performance.now() - started;
  return {
    size: opts.size, seed, entities, links, rows, impact, comms, resumedBatches, demoUsersCreated,
    elapsedMs, rowsPerSecond: Math.round(rows / (elapsedMs / 1000)),
  };
}

/**
 * The generated batches as validated records, in the order both the transactional and the bulk path
 * write them. Every report's grade is added to `grades` as its batch is prepared: a link is given its
 * provenance grades from there, without reading them back.
 */
export function* preparedBatches(size: SeedSize, seed: number, txRows: number, grades: Map<string, ReportGrade>, ctx: { today?: string }, shard?: { index: number; count: number }) {
  let index = 0;
  for (const batch of generateSeed({ size, seed, batchRows: txRows * 2, shard })) {
    index++;
    // Props in key order, as the importer writes them, so seeded data re-imported is "unchanged".
    const records: EntityRecord[] = batch.entities.map((e) => sorted(validated(() => validateEntity(e, ctx), e.id)));
    for (const r of records) {
      if (r.type === 'IntelligenceReport') {
        grades.set(r.id, {
          id: r.id,
          sourceEvaluation: r.props.sourceEvaluation as Grade['sourceEvaluation'],
          intelAssessment: r.props.intelAssessment as Grade['intelAssessment'],
          sourceId: (r.props.sourceId as string | undefined) ?? null,
          classification: r.markings.classification, agency: r.markings.agency,
          compartments: r.markings.compartments, nfd: r.markings.nfd ?? false,
        });
      }
    }
    yield { index, batch, records };
  }
}

export function linksOf(batch: SeedBatch, ctx: { today?: string }): LinkRecord[] {
  return batch.links.map((l) => sorted(validated(() => validateLink(l, ctx), `${l.source} ${l.type} ${l.target}`)));
}

function sorted<T extends { props: Record<string, unknown> }>(r: T): T {
  const props: Record<string, unknown> = {};
  for (const k of Object.keys(r.props).sort()) props[k] = r.props[k];
  return { ...r, props };
}

function validated<T>(fn: () => T, what: string): T {
  try {
    return fn();
  } catch (e) {
    // The generator only produces valid records; a failure here is a bug in it.
    throw new Error(`Seed record ${what} is invalid: ${(e as Error).message}`);
  }
}

/** True when the graph holds no entities (the server seeds the demo data then). */
export async function graphIsEmpty(db: Db): Promise<boolean> {
  const rows = await db.read(cypher('MATCH (n:Entity) RETURN n.id AS id LIMIT 1'));
  return rows.length === 0;
}

export { SEED_PLAN, type SeedSize };
