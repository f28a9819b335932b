import { decide, stubId, stubReference, visibleProps, type Access, type AgencyDirectory, type Viewer } from '../domain/policy.js';
import { MARKING_KEYS } from '../domain/model.js';
import { linkStrength, type Grade } from '../domain/grading.js';
import { rememberStub } from './stubs.js';

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
  /** A stub's telephone reference for this viewer (its id, written to be read out). */
  reference?: string;
  contactPhone?: string;
  contactEmail?: string;
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

const INTERNAL = new Set(['search', 'phonetic', 'contentHash', 'point', 'labels', 'createdAt', 'updatedAt', 'archived', 'reportIds', 'reportMarks', 'strength', 'mergedInto', 'type', 'id', 'label']);

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
    const id = stubId(viewer, r.id);
    rememberStub(viewer, id, r.id);
    return {
      id, type: 'Restricted', label: `Intelligence held by ${d.name}`, restricted: true, access, heldBy: d.name, contact: d.desk,
      reference: stubReference(id), contactPhone: d.phone, contactEmail: d.email, props: {},
    };
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
  if (access === 'stub') return { id: stubId(viewer, e.id), source, target, type: 'RESTRICTED', restricted: true, reportCount: 0, props: {} };
  seen?.add(e.id);
  const support = supportFor(viewer, e.props);
  return {
    id: e.id, source, target, type: e.type, restricted: false,
    strength: support.strength, reportCount: support.count,
    props: visibleProps('link', e.type, access, cleanProps(e.props)), markings: markingsOf(e.props),
  };
}

/**
 * Strength and number of supporting reports as this viewer may know them: reports hidden from the
 * viewer neither count nor weigh; stubs count but do not weigh (their grade is not the viewer's to see).
 */
export function supportFor(viewer: Viewer, props: Record<string, unknown>): { strength: number | null; count: number } {
  const marks = props.reportMarks as string[] | undefined;
  if (!marks) {
    // Links written before marks were stored: only their own agency's viewers get the stored figures.
    const ids = (props.reportIds as string[]) ?? [];
    return props.agency === viewer.agency ? { strength: (props.strength as number | null) ?? null, count: ids.length } : { strength: null, count: 0 };
  }
  const grades: (Grade & { sourceId: string | null })[] = [];
  let count = 0;
  for (const raw of marks) {
    let m: { g: string; s: string | null; c: string; a: string; k: string[]; n: boolean };
    try { m = JSON.parse(raw); } catch { continue; }
    const access = decide(viewer, { classification: m.c, agency: m.a, compartments: m.k, nfd: m.n });
    if (access === 'hidden') continue;
    count++;
    if (access === 'full' || access === 'shared') {
      grades.push({ sourceEvaluation: m.g[0] as Grade['sourceEvaluation'], intelAssessment: m.g[1] as Grade['intelAssessment'], sourceId: m.s });
    }
  }
  return { strength: grades.length ? linkStrength(grades) : null, count };
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
