import { run, type Db } from '../db/db.js';
import { linkStrength } from '../domain/grading.js';
import { LINK_TYPE_NAMES, isDirected, linkEnds } from '../domain/model.js';
import { linkId, type ReportMark } from './write.js';

/**
 * Data migrations: changes to stored records that a schema file cannot express. Each runs once per
 * database, in bounded transactions, and is recorded as (:SchemaMigration {name}) only when it has
 * finished, so a start killed half-way resumes it (every step leaves the graph consistent).
 */
export interface DataMigration {
  name: string;
  run(db: Db, log: (line: string) => void): Promise<void>;
}

const BATCH = 1000;

/**
 * Undirected links are stored once, with their ends in canonical order. Links stored before that
 * rule with their ends the other way round are turned round under the id of the canonical order;
 * where the same pair is also held the right way round, the two become one link carrying the
 * reports of both (its content hash is cleared, so the next write of it counts as an update).
 */
export const canonicalUndirectedLinks: DataMigration = {
  name: 'data:undirected-links-canonical-v1',
  async run(db, log) {
    let turned = 0;
    let joined = 0;
    for (const type of LINK_TYPE_NAMES.filter((t) => !isDirected(t))) {
      for (;;) {
        const done = await db.writeTx(async (tx) => {
          const rows = await run(tx, {
            text:
              `MATCH (a:Entity)-[r:${type}]->(b:Entity) WHERE a.id > b.id ` +
              'RETURN elementId(r) AS rel, a.id AS a, b.id AS b, properties(r) AS props LIMIT ' + BATCH,
            params: {},
          });
          let changed = 0;
          for (const row of rows) {
            const ends = linkEnds(type, row.a as string, row.b as string);
            if (ends.source === row.a) continue; // the database's order and ours agree after all
            changed++;
            const id = linkId(ends.source, type, ends.target);
            const old = row.props as Record<string, unknown>;
            const [twin] = await run(tx, {
              text: `MATCH (:Entity {id: $source})-[c:${type} {id: $id}]->(:Entity {id: $target}) RETURN elementId(c) AS rel, properties(c) AS props`,
              params: { id, ...ends },
            });
            if (!twin) {
              await run(tx, {
                text: `MATCH (a:Entity {id: $source}), (b:Entity {id: $target}) MATCH ()-[r]->() WHERE elementId(r) = $rel ` +
                  `WITH a, b, r, properties(r) AS p DELETE r CREATE (a)-[n:${type}]->(b) SET n = p, n.id = $id`,
                params: { ...ends, id, rel: row.rel },
              });
              turned++;
              continue;
            }
            const mine = twin.props as Record<string, unknown>;
            const marks = new Map<string, string>();
            for (const p of [old, mine]) {
              const ids = (p.reportIds as string[] | null) ?? [];
              const ms = (p.reportMarks as string[] | null) ?? [];
              ids.forEach((x, i) => { if (ms[i] !== undefined) marks.set(x, ms[i]!); });
            }
            const reportIds = [...marks.keys()].sort();
            const reportMarks = reportIds.map((x) => marks.get(x)!);
            const strength = reportIds.length
              ? linkStrength(reportMarks.map((m) => {
                const g = (JSON.parse(m) as ReportMark);
                return { sourceEvaluation: g.g.slice(0, 1), intelAssessment: g.g.slice(1), sourceId: g.s } as never;
              }))
              : null;
            await run(tx, {
              text: `MATCH ()-[c]->() WHERE elementId(c) = $keep MATCH ()-[r]->() WHERE elementId(r) = $drop ` +
                'SET c.reportIds = $reportIds, c.reportMarks = $reportMarks, c.strength = $strength, c.contentHash = null DELETE r',
              params: { keep: twin.rel, drop: row.rel, reportIds, reportMarks, strength },
            });
            joined++;
          }
          return rows.length < BATCH || changed === 0;
        });
        if (done) break;
      }
    }
    if (turned || joined) log(`data: ${turned} undirected link(s) turned to canonical order, ${joined} joined to the same link held the other way round`);
  },
};

export const DATA_MIGRATIONS: readonly DataMigration[] = [canonicalUndirectedLinks];
