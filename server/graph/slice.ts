import { decide, stubId, visibleProps, type Access, type AgencyDirectory, type Viewer } from '../domain/policy.js';
import { MARKING_KEYS } from '../domain/model.js';

/**
 * The one shape the canvas draws. Raw records (with their markings) go in; what comes out has
 * passed the access policy: full or shared records with the properties the viewer may see,
 * stubs with an opaque id and "held by / contact" only, hidden records removed.
 */
export interface MarkingsView {
  classification: string;
  handling: string;
  handlingConditions: string[];
  handlingNotes?: string;
  agency: string;
  compartments: string[];
  nfd: boolean;
}

export interface GraphNode {
  id: string;
  type: string;
  label: string;
  restricted: boolean;
  access: Access;
  heldBy?: string;
  contact?: string;
  props: Record<string, unknown>;
  markings?: MarkingsView;
  archived?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  restricted: boolean;
  strength?: number | null;
  reportCount: number;
  props: Record<string, unknown>;
  markings?: MarkingsView;
}

export interface GraphSlice {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  /** Visible-or-stub elements left out by a cap (never counts hidden ones). */
  omitted: number;
}

export type RawRecord = Record<string, unknown> & { id: string };
export interface RawEdge { id: string; type: string; source: string; target: string; props: Record<string, unknown> }

const INTERNAL = new Set(['search', 'phonetic', 'contentHash', 'point', 'labels', 'createdAt', 'updatedAt', 'archived', 'reportIds', 'strength', 'mergedInto', 'type', 'id', 'label']);

function markingsOf(r: Record<string, unknown>): MarkingsView {
  return {
    classification: (r.classification as string) ?? 'OFFICIAL',
    handling: (r.handling as string) ?? 'P',
    handlingConditions: (r.handlingConditions as string[]) ?? [],
    handlingNotes: (r.handlingNotes as string) ?? undefined,
    agency: (r.agency as string) ?? '',
    compartments: (r.compartments as string[]) ?? [],
    nfd: !!r.nfd,
  };
}

function cleanProps(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!INTERNAL.has(k) && !(MARKING_KEYS as readonly string[]).includes(k)) out[k] = v;
  return out;
}

/** Collects the real ids a viewer was shown, for the audit trail. */
export type Seen = Set<string>;

export function redactNode(viewer: Viewer, dir: AgencyDirectory, r: RawRecord, seen?: Seen): GraphNode | undefined {
  const access = decide(viewer, r as never);
  if (access === 'hidden') return undefined;
  if (access === 'stub') {
    const d = dir.desk(r.agency as string);
    return { id: stubId(r.id), type: 'Restricted', label: `Intelligence held by ${d.name}`, restricted: true, access, heldBy: d.name, contact: d.desk, props: {} };
  }
  seen?.add(r.id);
  const type = r.type as string;
  return {
    id: r.id, type, label: (r.label as string) ?? r.id, restricted: false, access,
    props: visibleProps('entity', type, access, cleanProps(r)),
    markings: markingsOf(r), archived: !!r.archived,
  };
}

export function redactEdge(viewer: Viewer, e: RawEdge, ids: Map<string, string>, seen?: Seen): GraphEdge | undefined {
  const source = ids.get(e.source);
  const target = ids.get(e.target);
  if (!source || !target) return undefined; // an endpoint is hidden: so is the link
  const access = decide(viewer, e.props as never);
  if (access === 'hidden') return undefined;
  if (access === 'stub') return { id: stubId(e.id), source, target, type: 'RESTRICTED', restricted: true, reportCount: 0, props: {} };
  seen?.add(e.id);
  const reportIds = (e.props.reportIds as string[]) ?? [];
  return {
    id: e.id, source, target, type: e.type, restricted: false,
    strength: (e.props.strength as number | null) ?? null, reportCount: reportIds.length,
    props: visibleProps('link', e.type, access, cleanProps(e.props)), markings: markingsOf(e.props),
  };
}

export function buildSlice(
  viewer: Viewer, dir: AgencyDirectory, rawNodes: RawRecord[], rawEdges: RawEdge[],
  opts: { truncated?: boolean; omitted?: number; seen?: Seen } = {},
): GraphSlice {
  const nodes: GraphNode[] = [];
  const ids = new Map<string, string>();
  for (const r of rawNodes) {
    if (ids.has(r.id)) continue;
    const n = redactNode(viewer, dir, r, opts.seen);
    if (!n) continue;
    ids.set(r.id, n.id);
    nodes.push(n);
  }
  const edges: GraphEdge[] = [];
  const edgeIds = new Set<string>();
  for (const e of rawEdges) {
    const g = redactEdge(viewer, e, ids, opts.seen);
    if (g && !edgeIds.has(g.id)) { edgeIds.add(g.id); edges.push(g); }
  }
  return { nodes, edges, truncated: !!opts.truncated, omitted: opts.omitted ?? 0 };
}
