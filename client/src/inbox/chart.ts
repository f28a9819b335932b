import type { GraphWorkspace } from '../workspace/GraphWorkspace.js';
import type { GraphNode } from '../workspace/types.js';
import { chartPlan } from './model.js';

/** Puts records on the chart the way search results go: real ones with their links, stubs as markers. */
export async function openOnChart(ws: GraphWorkspace, nodes: readonly GraphNode[]): Promise<void> {
  const { ids, stubs } = chartPlan(nodes);
  if (stubs.length) ws.addSlice({ nodes: stubs, edges: [] }, stubs.length === 1 ? 'Add restricted marker' : `Add ${stubs.length} restricted markers`);
  if (ids.length) await ws.add(ids);
  else if (stubs.length) ws.select(stubs.map((s) => s.id));
}
