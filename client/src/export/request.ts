import type { Core } from 'cytoscape';
import type { ChartDoc } from '../workspace/chartDoc.js';
import type { ExportDecision } from './marking.js';

export type ExportKind = 'png' | 'svg' | 'pdf' | 'graphml' | 'entities' | 'links';

/** The ids of what a file of this kind will contain, which the server decides the export on. */
export interface ExportContents { entityIds: string[]; linkIds: string[] }

/**
 * Pictures hold what is drawn (visible elements); GraphML the whole chart; the entities CSV every
 * entity; the links CSV every link and, by name, its two ends.
 */
export function exportContents(kind: ExportKind, doc: ChartDoc, cy: Pick<Core, 'nodes' | 'edges'> | null): ExportContents {
  if ((kind === 'png' || kind === 'svg' || kind === 'pdf') && cy) {
    return {
      entityIds: cy.nodes(':visible').map((n) => n.id()).filter((id) => doc.nodes.has(id)),
      linkIds: cy.edges(':visible').map((e) => e.id()).filter((id) => doc.edges.has(id)),
    };
  }
  if (kind === 'entities') return { entityIds: [...doc.nodes.keys()], linkIds: [] };
  if (kind === 'links') {
    const ends = new Set<string>();
    for (const e of doc.edges.values()) { ends.add(e.data.source); ends.add(e.data.target); }
    return { entityIds: [...ends], linkIds: [...doc.edges.keys()] };
  }
  return { entityIds: [...doc.nodes.keys()], linkIds: [...doc.edges.keys()] };
}

const DECISION = 'allowed exportId classification compartments marking handling conditions warnings refusal blockers needsConsent entityCount linkCount stubCount';

export async function requestExport(
  api: { request<T>(q: string, v?: Record<string, unknown>): Promise<T> },
  format: 'PNG' | 'SVG' | 'PDF' | 'GRAPHML' | 'CSV', contents: ExportContents, label: string, consentReference?: string,
): Promise<ExportDecision> {
  if (!contents.entityIds.length) throw new Error('Nothing is shown to export');
  // Variable names matter: `label` is kept in the audit only as a hash; ids are shown to each reader as they may know them.
  const q = `mutation ChartExport($format: ExportFormat!, $entityIds: [ID!]!, $linkIds: [ID!], $label: String, $consentReference: String){
    chartExport(format: $format, entityIds: $entityIds, linkIds: $linkIds, label: $label, consentReference: $consentReference){ ${DECISION} } }`;
  const r = await api.request<{ chartExport: ExportDecision }>(q, { format, ...contents, label, consentReference: consentReference ?? null });
  return r.chartExport;
}
