import type { GapOverlay, GraphWorkspace } from '../workspace/GraphWorkspace.js';
import { Q, type EntityGap, type Requester } from './model.js';

/**
 * The gap overlay: the entities a requirement's questions name, each with its coverage, put on the
 * workspace so the chart rings them. Optionally draws them too ("show the requirement's entities").
 */
export async function loadGapOverlay(api: Requester, requirementId: string, requirementLabel: string): Promise<{ overlay: GapOverlay; gaps: EntityGap[] }> {
  const { gapOverlay } = await api.request<{ gapOverlay: EntityGap[] }>(Q.gapOverlay, { id: requirementId });
  const marks = new Map(gapOverlay.map((g) => [g.entityId, { state: g.state, reason: g.reason, label: g.entity.label }]));
  return { overlay: { requirementId, requirementLabel, marks }, gaps: gapOverlay };
}

/** Entities of the overlay that can be drawn (restricted stubs have no id to fetch by). */
export const drawableIds = (gaps: readonly EntityGap[]): string[] => gaps.filter((g) => !g.entity.restricted).map((g) => g.entityId);

/** Shows the requirement's gaps on the chart, adding its named entities when asked. False when it failed (already notified). */
export async function showRequirementGaps(ws: GraphWorkspace, api: Requester, requirementId: string, requirementLabel: string, addEntities: boolean): Promise<boolean> {
  let loaded: Awaited<ReturnType<typeof loadGapOverlay>>;
  try {
    loaded = await loadGapOverlay(api, requirementId, requirementLabel);
  } catch (e) {
    ws.notify('error', `Gap overlay failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  ws.showGaps(loaded.overlay);
  if (!loaded.gaps.length) {
    ws.notify('info', `“${requirementLabel}” names no subjects, groups, places or areas you may see`);
    return true;
  }
  if (addEntities) await ws.add(drawableIds(loaded.gaps));
  return true;
}

export interface RequirementOption { id: string; label: string }

// The requirements a viewer may choose for the overlay, read once per signed-in viewer and shared
// by the toolbar switch and the legend's picker; forgotten when the board is read again.
const options = new Map<string, Promise<RequirementOption[]>>();

export function requirementOptions(api: Requester, viewerId: string): Promise<RequirementOption[]> {
  let p = options.get(viewerId);
  if (!p) {
    p = api.request<{ requirementBoard: { requirements: { requirement: RequirementOption }[] }[] }>(Q.requirementList).then((r) => {
      const seen = new Set<string>();
      return r.requirementBoard.flatMap((c) => c.requirements.map((x) => x.requirement)).filter((x) => !seen.has(x.id) && !!seen.add(x.id));
    });
    p.catch(() => options.delete(viewerId));
    options.set(viewerId, p);
  }
  return p;
}

export function forgetRequirementOptions(): void {
  options.clear();
}
