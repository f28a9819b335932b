import { cypher, type Db } from '../db/db.js';
import { decide, hiddenFilter, parseStubReference, stubId, visibleFilter, type Viewer } from '../domain/policy.js';
import { entitiesById } from './entities.js';
import type { RawRecord } from './slice.js';

/**
 * From a stub reference back to the record, for the one viewer it was made for. A reference is an
 * HMAC, so it cannot be decrypted: the references handed out recently are remembered here (per
 * process, bounded), and a reference not remembered (another process made it, or a restart came
 * between) is found by computing the viewer's references for the records they see as stubs.
 * Either way the record is checked again under the policy: a reference that is not (or no longer)
 * a stub to this viewer is answered exactly like one that never existed.
 */
const MAX_REMEMBERED = 200_000;
const remembered = new Map<string, string>();

export function rememberStub(viewer: Pick<Viewer, 'userId'>, stub: string, realId: string): void {
  const key = `${viewer.userId}\0${stub}`;
  if (remembered.has(key)) return;
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, realId);
}

/** Records a scan reads per round trip when a reference is not remembered. */
const SCAN_PAGE = 20_000;

export async function resolveStubReference(db: Db, viewer: Viewer, ref: string): Promise<RawRecord | undefined> {
  const stub = parseStubReference(ref);
  if (!stub) return undefined;
  let realId = remembered.get(`${viewer.userId}\0${stub}`);
  if (!realId) {
    const h = hiddenFilter(viewer, 'n');
    const v = visibleFilter(viewer, 'n');
    let after = '';
    for (;;) {
      const rows = await db.read(cypher(
        `MATCH (n:Entity) WHERE n.id > $after AND NOT ${h.text} AND NOT ${v.text}
         RETURN n.id AS id ORDER BY n.id LIMIT $limit`,
        { ...h.params, ...v.params, after, limit: SCAN_PAGE },
      ));
      const hit = rows.find((r) => stubId(viewer, r.id as string) === stub);
      if (hit) { realId = hit.id as string; break; }
      if (rows.length < SCAN_PAGE) break;
      after = rows[rows.length - 1]!.id as string;
    }
  }
  if (!realId || stubId(viewer, realId) !== stub) return undefined;
  const [raw] = await entitiesById(db, [realId]);
  return raw && decide(viewer, raw as never) === 'stub' ? raw : undefined;
}
