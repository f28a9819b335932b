import { cypher, type Db } from '../server/db/db.js';
import type { Grade } from '../server/domain/grading.js';
import { validateEntity, validateLink, type EntityRecord, type LinkRecord } from '../server/domain/validate.js';
import { writeEntities, writeLinks, type ReportGrade, type WriteCounts } from '../server/graph/write.js';
import { todayIso } from '../server/domain/validate.js';
import { generateSeed, SEED_PLAN, type SeedSize } from './generate.js';
import { seedImpact, type ImpactSeedResult } from './impact.js';

/**
 * Writes the synthetic data set through the one write path, batch by batch: each generated batch's
 * entities first, then its links, in transactions of `txRows` rows; then OCG management on it (harm
 * assessments, impact records, disseminations: seed/impact.ts). Idempotent: seeding twice leaves the
 * graph as it was (every row "unchanged" the second time, no new impact records).
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

  for (const batch of generateSeed({ size: opts.size, seed, batchRows: txRows * 2 })) {
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
    for (let i = 0; i < records.length; i += txRows) {
      const chunk = records.slice(i, i + txRows);
      add(entities, await db.writeTx((tx) => writeEntities(tx, chunk, now)));
      rows += chunk.length;
    }
    const linkRecords: LinkRecord[] = batch.links.map((l) => sorted(validated(() => validateLink(l, ctx), `${l.source} ${l.type} ${l.target}`)));
    for (let i = 0; i < linkRecords.length; i += txRows) {
      const chunk = linkRecords.slice(i, i + txRows);
      const chunkGrades = new Map<string, ReportGrade>();
      for (const l of chunk) for (const id of l.reportIds) chunkGrades.set(id, grades.get(id)!);
      add(links, await db.writeTx((tx) => writeLinks(tx, chunk, now, chunkGrades)));
      rows += chunk.length;
    }
    opts.onProgress?.(batch.progress.done, batch.progress.total, 'seed', rows);
  }
  const impact = (opts.impacts ?? opts.size !== 'large') ? await seedImpact(db, { seed, today: opts.today ?? todayIso() }) : null;
  const elapsedMs = performance.now() - started;
  return { size: opts.size, seed, entities, links, rows, impact, elapsedMs, rowsPerSecond: Math.round(rows / (elapsedMs / 1000)) };
}

function sorted<T extends { props: Record<string, unknown> }>(r: T): T {
  return { ...r, props: Object.fromEntries(Object.keys(r.props).sort().map((k) => [k, r.props[k]])) };
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
