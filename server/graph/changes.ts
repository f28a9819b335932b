import { cypher, run, type Tx } from '../db/db.js';

/**
 * The change feed that watch-lists read (`graph/watches.ts`): every write calls this in its own
 * transaction with the ids of the entities it changed (link writes give both ends), so a change is
 * noted exactly when it commits. One statement; it stores nothing while nobody watches anything.
 */
export async function noteChanges(tx: Tx, ids: readonly string[], now: string): Promise<void> {
  if (!ids.length) return;
  await run(tx, cypher(
    `OPTIONAL MATCH (w:Watch) WITH w LIMIT 1
     FOREACH (_ IN CASE WHEN w IS NULL THEN [] ELSE [1] END | CREATE (:Change {id: randomUUID(), at: $now, ids: $ids}))`,
    { ids: [...new Set(ids)], now },
  ));
}
