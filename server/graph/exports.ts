import { cypher, type Db } from '../db/db.js';
import { LINK_TYPE_NAMES } from '../domain/model.js';
import { decide, type Markings, type Viewer } from '../domain/policy.js';
import type { ExportItem } from '../domain/exportPolicy.js';
import { linkTypeOfId } from './write.js';

/**
 * The records a chart export would copy, as the exporting viewer is shown them: for each id the
 * chart holds, its markings when the viewer sees it in full or shared; a stub reference counts as a
 * stub (it carries only what the viewer was told of it); every other id (hidden, deleted, never
 * existed, or a stub reference that is not well formed) counts as unavailable, all alike. Only the
 * markings of records the viewer sees take part, so nothing about what the viewer may not know
 * changes the marking, the decision or the audit.
 */
export interface ExportContents { items: ExportItem[]; entities: number; links: number; stubs: number; unavailable: number }

const MARKINGS = '{.classification, .agency, .compartments, .nfd, .disseminatedTo, .handling, .handlingConditions}';
const STUB = /^restricted-[0-9a-z]{16}$/;

const item = (id: string, m: Record<string, unknown>): ExportItem => ({
  id,
  classification: (m.classification as string) ?? 'OFFICIAL',
  compartments: (m.compartments as string[]) ?? [],
  handling: (m.handling as string) ?? 'P',
  handlingConditions: (m.handlingConditions as string[]) ?? [],
  nfd: !!m.nfd,
});

const shown = (a: string) => a === 'full' || a === 'shared';

export async function exportContents(db: Db, viewer: Viewer, entityIds: string[], linkIds: string[]): Promise<ExportContents> {
  const out: ExportContents = { items: [], entities: 0, links: 0, stubs: 0, unavailable: 0 };
  const uniq = (ids: string[]) => [...new Set(ids)];
  const entities = uniq(entityIds);
  const links = uniq(linkIds);
  const plain = entities.filter((id) => !STUB.test(id));
  out.stubs = entities.length - plain.length + links.filter((id) => STUB.test(id)).length;
  const found = new Set<string>();
  if (plain.length) {
    const rows = await db.read(cypher(`UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE NOT coalesce(n.archived, false) RETURN id, n${MARKINGS} AS m`, { ids: plain }));
    for (const r of rows) {
      const id = r.id as string;
      if (!shown(decide(viewer, r.m as Markings))) continue;
      found.add(id);
      out.items.push(item(id, r.m as Record<string, unknown>));
      out.entities++;
    }
  }
  const byType = new Map<string, string[]>();
  for (const id of links) {
    if (STUB.test(id)) continue;
    const type = linkTypeOfId(id);
    if (type && (LINK_TYPE_NAMES as string[]).includes(type)) byType.set(type, [...(byType.get(type) ?? []), id]);
  }
  for (const [type, ids] of byType) {
    // As on the chart (graph/slice.redactEdge): a link is shown when both ends are shown or stubs and the link itself is shown.
    const rows = await db.read(cypher(
      `UNWIND $ids AS id MATCH (a:Entity)-[r:${type} {id: id}]->(b:Entity) WHERE NOT coalesce(a.archived, false) AND NOT coalesce(b.archived, false)
       RETURN id, r${MARKINGS} AS r, a${MARKINGS} AS a, b${MARKINGS} AS b`,
      { ids },
    ));
    for (const row of rows) {
      if (decide(viewer, row.a as Markings) === 'hidden' || decide(viewer, row.b as Markings) === 'hidden') continue;
      if (!shown(decide(viewer, row.r as Markings))) continue;
      const id = row.id as string;
      found.add(id);
      out.items.push(item(id, row.r as Record<string, unknown>));
      out.links++;
    }
  }
  const asked = plain.length + links.filter((id) => !STUB.test(id)).length;
  out.unavailable = asked - found.size;
  out.items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}
