import type { GroupedSearch, SearchHit, StubGroup } from './types.js';

/**
 * Search results grouped as `searchGrouped` answers them, from a plain search (a server without
 * the grouped search): visible hits in order, stubs one group per holder, largest first.
 */
export function groupStubs(hits: readonly SearchHit[]): GroupedSearch {
  const visible: SearchHit[] = [];
  const groups = new Map<string, StubGroup>();
  for (const h of hits) {
    if (!h.entity.restricted) {
      visible.push(h);
      continue;
    }
    const key = h.entity.heldBy ?? h.entity.contact ?? 'another agency';
    let g = groups.get(key);
    if (!g) {
      g = { heldBy: key, contact: h.entity.contact ?? '', contactPhone: h.entity.contactPhone ?? null, contactEmail: h.entity.contactEmail ?? null, count: 0, stubs: [] };
      groups.set(key, g);
    }
    g.count++;
    g.stubs.push(h.entity);
  }
  return { hits: visible, heldElsewhere: [...groups.values()].sort((a, b) => b.count - a.count || a.heldBy.localeCompare(b.heldBy)) };
}

/** "Held by West Midlands Police: 7 records". */
export const stubGroupTitle = (g: Pick<StubGroup, 'heldBy' | 'count'>): string =>
  `Held by ${g.heldBy}: ${g.count} record${g.count === 1 ? '' : 's'}`;
