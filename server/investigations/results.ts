import neo4j from 'neo4j-driver';
import { toPlain } from '../db/db.js';
import { isLinkType } from '../domain/model.js';
import { decide, stubId, type Access, type AgencyDirectory, type Viewer } from '../domain/policy.js';
import { buildSlice, redactNode, type GraphSlice, type RawEdge, type RawRecord, type Seen } from '../graph/slice.js';

/**
 * Turns driver records into what a viewer may see. Graph values (nodes, relationships, paths, at
 * any depth in lists and maps) keep their identity, are decided by the policy and redacted exactly
 * as everywhere else (`decide`, `redactNode`, `buildSlice`): a row holding anything the viewer may
 * not know exists is dropped whole (its other values would say "something is here"); restricted
 * records appear as stubs. Nodes that are not graph entities (users, sessions, audit, saved
 * investigations ...) and relationships that are not model links count as hidden.
 * Cells refer to graph elements by their id in the returned slice:
 *   { node: id, type, label } | { edge: id, type, source, target } | { path: { nodes: [ids], edges: [ids] } }
 */
type Shape =
  | { k: 'node'; eid: string }
  | { k: 'rel'; eid: string }
  | { k: 'path'; nodes: string[]; rels: string[] }
  | { k: 'list'; items: Shape[] }
  | { k: 'map'; entries: [string, Shape][] }
  | { k: 'scalar'; v: unknown };

interface NodeValue { labels: string[]; props: Record<string, unknown> }
interface RelValue { type: string; props: Record<string, unknown>; start: string; end: string }

export class ResultCollector {
  readonly nodes = new Map<string, NodeValue>();
  readonly rels = new Map<string, RelValue>();
  readonly rows: Shape[][] = [];

  add(values: unknown[]): void {
    this.rows.push(values.map((v) => this.shape(v)));
  }

  private node(n: { elementId: string; labels: string[]; properties: Record<string, unknown> }): string {
    if (!this.nodes.has(n.elementId)) this.nodes.set(n.elementId, { labels: n.labels, props: n.properties });
    return n.elementId;
  }

  private rel(r: { elementId: string; type: string; properties: Record<string, unknown>; startNodeElementId: string; endNodeElementId: string }): string {
    if (!this.rels.has(r.elementId)) this.rels.set(r.elementId, { type: r.type, props: r.properties, start: r.startNodeElementId, end: r.endNodeElementId });
    return r.elementId;
  }

  private shape(v: unknown): Shape {
    if (neo4j.isNode(v as never)) return { k: 'node', eid: this.node(v as never) };
    if (neo4j.isRelationship(v as never)) return { k: 'rel', eid: this.rel(v as never) };
    if (neo4j.isPath(v as never)) {
      const p = v as { start: never; segments: { relationship: never; end: never }[] };
      const nodes = [this.node(p.start)];
      const rels: string[] = [];
      for (const s of p.segments) { rels.push(this.rel(s.relationship)); nodes.push(this.node(s.end)); }
      return { k: 'path', nodes, rels };
    }
    if (Array.isArray(v)) return { k: 'list', items: v.map((x) => this.shape(x)) };
    if (v && typeof v === 'object' && !neo4j.isInt(v) && Object.getPrototypeOf(v) === Object.prototype) {
      return { k: 'map', entries: Object.entries(v).map(([key, x]) => [key, this.shape(x)]) };
    }
    return { k: 'scalar', v };
  }

  /** Endpoints of relationships whose nodes the query did not return. */
  missingEndpoints(): string[] {
    const out = new Set<string>();
    for (const r of this.rels.values()) for (const e of [r.start, r.end]) if (!this.nodes.has(e)) out.add(e);
    return [...out];
  }

  addEndpoints(rows: { eid: string; labels: string[]; props: Record<string, unknown> }[]): void {
    for (const r of rows) if (!this.nodes.has(r.eid)) this.nodes.set(r.eid, { labels: r.labels, props: r.props });
  }
}

export interface Shaped {
  rows: Record<string, unknown>[];
  graph: GraphSlice;
  withheldColumns: string[];
}

export interface ShapeOptions {
  /** 'all': scalar values pass; otherwise only in these columns (others become null and are listed as withheld). */
  scalars: 'all' | ReadonlySet<string>;
  maxGraphNodes: number;
  truncated: boolean;
  seen?: Seen;
}

export function shapeResult(viewer: Viewer, dir: AgencyDirectory, c: ResultCollector, columns: string[], opts: ShapeOptions): Shaped {
  const rawNodes = new Map<string, RawRecord | undefined>();
  const nodeRaw = (eid: string): RawRecord | undefined => {
    if (rawNodes.has(eid)) return rawNodes.get(eid);
    const n = c.nodes.get(eid);
    const raw = n && n.labels.includes('Entity') && typeof n.props.id === 'string' ? ({ ...(toPlain(n.props) as object), id: n.props.id } as RawRecord) : undefined;
    rawNodes.set(eid, raw);
    return raw;
  };
  const nodeAccess = (eid: string): Access => {
    const raw = nodeRaw(eid);
    return raw ? decide(viewer, raw as never) : 'hidden';
  };
  const rawEdge = (eid: string): RawEdge | undefined => {
    const r = c.rels.get(eid);
    if (!r || !isLinkType(r.type) || typeof r.props.id !== 'string') return undefined;
    const a = nodeRaw(r.start);
    const b = nodeRaw(r.end);
    if (!a || !b) return undefined;
    return { id: r.props.id, type: r.type, source: a.id, target: b.id, props: toPlain(r.props) as Record<string, unknown> };
  };
  const relAccess = (eid: string): Access => {
    const e = rawEdge(eid);
    if (!e) return 'hidden';
    const r = c.rels.get(eid)!;
    if (nodeAccess(r.start) === 'hidden' || nodeAccess(r.end) === 'hidden') return 'hidden';
    return decide(viewer, e.props as never);
  };
  const nodeId = (eid: string) => { const raw = nodeRaw(eid)!; return nodeAccess(eid) === 'stub' ? stubId(viewer, raw.id) : raw.id; };
  const edgeId = (eid: string) => { const e = rawEdge(eid)!; return relAccess(eid) === 'stub' ? stubId(viewer, e.id) : e.id; };

  const hiddenIn = (s: Shape): boolean => {
    switch (s.k) {
      case 'node': return nodeAccess(s.eid) === 'hidden';
      case 'rel': return relAccess(s.eid) === 'hidden';
      case 'path': return s.nodes.some((n) => nodeAccess(n) === 'hidden') || s.rels.some((r) => relAccess(r) === 'hidden');
      case 'list': return s.items.some(hiddenIn);
      case 'map': return s.entries.some(([, x]) => hiddenIn(x));
      default: return false;
    }
  };

  const keptNodes: string[] = [];
  const keptRels: string[] = [];
  const nodeSet = new Set<string>();
  const relSet = new Set<string>();
  const keepNode = (eid: string) => { if (!nodeSet.has(eid)) { nodeSet.add(eid); keptNodes.push(eid); } };
  const keepRel = (eid: string) => {
    if (relSet.has(eid)) return;
    relSet.add(eid);
    keptRels.push(eid);
    const r = c.rels.get(eid)!;
    keepNode(r.start);
    keepNode(r.end);
  };
  const withheld = new Set<string>();

  const cell = (s: Shape, column: string): unknown => {
    switch (s.k) {
      case 'node': {
        keepNode(s.eid);
        const n = redactNode(viewer, dir, nodeRaw(s.eid)!)!;
        return { node: n.id, type: n.type, label: n.label };
      }
      case 'rel': {
        keepRel(s.eid);
        const r = c.rels.get(s.eid)!;
        return { edge: edgeId(s.eid), type: relAccess(s.eid) === 'stub' ? 'RESTRICTED' : r.type, source: nodeId(r.start), target: nodeId(r.end) };
      }
      case 'path':
        s.nodes.forEach(keepNode);
        s.rels.forEach(keepRel);
        return { path: { nodes: s.nodes.map(nodeId), edges: s.rels.map(edgeId) } };
      case 'list': return s.items.map((x) => cell(x, column));
      case 'map': return Object.fromEntries(s.entries.map(([k, x]) => [k, cell(x, column)]));
      case 'scalar': {
        if (opts.scalars === 'all' || opts.scalars.has(column)) return toPlain(s.v);
        if (s.v !== null && s.v !== undefined) withheld.add(column);
        return null;
      }
    }
  };

  const rows: Record<string, unknown>[] = [];
  for (const row of c.rows) {
    if (row.some(hiddenIn)) continue;
    const out: Record<string, unknown> = {};
    columns.forEach((col, i) => { out[col] = cell(row[i]!, col); });
    rows.push(out);
  }

  const cappedNodes = keptNodes.slice(0, opts.maxGraphNodes);
  const omitted = keptNodes.length - cappedNodes.length;
  const inSlice = new Set(cappedNodes);
  const edges = keptRels.filter((eid) => { const r = c.rels.get(eid)!; return inSlice.has(r.start) && inSlice.has(r.end); }).map((eid) => rawEdge(eid)!);
  const graph = buildSlice(viewer, dir, cappedNodes.map((eid) => nodeRaw(eid)!), edges, {
    truncated: opts.truncated || omitted > 0, omitted, seen: opts.seen,
  });
  return { rows, graph, withheldColumns: columns.filter((col) => withheld.has(col)) };
}
