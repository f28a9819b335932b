import { Arg, Ctx as C, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { brokers, computeMetrics, DEFAULT_LOUVAIN_SEED, type Weighting as MetricWeighting } from '../analysis/metrics.js';
import { DomainError, invalid } from '../domain/errors.js';
import { minimumStrength } from '../domain/grading.js';
import type { AgencyDirectory, Viewer } from '../domain/policy.js';
import {
  duplicateCandidates as findDuplicateCandidates, mergeEntities as mergeInGraph, unmergeEntity as unmergeInGraph,
} from '../graph/resolution.js';
import { buildSlice, redactEdge, redactNode, type GraphEdge as Edge, type GraphNode as Node, type RawEdge, type RawRecord, type Seen } from '../graph/slice.js';
import {
  expand as expandGraph, findPaths, linkTitle, neighbourFilter, neighbourPage as pageNeighbours, pairPaths, pathHops, steinerEdges,
  subNetwork, timeline as timelineOf, traversalFilter, TRAVERSAL_LIMITS, visibleEndpoints, type RawPath,
} from '../graph/traverse.js';
import { requireViewer, type Ctx } from './context.js';
import { GraphNode, GraphSlice, WriteResult } from './types.js';

/** Link analysis: expansion, supernode paging, paths, "connect these", timelines, metrics and entity resolution. */

export enum Weighting { NONE = 'NONE', COUNT_AS_STRENGTH = 'COUNT_AS_STRENGTH', COUNT_AS_DISTANCE = 'COUNT_AS_DISTANCE' }
registerEnumType(Weighting, {
  name: 'Weighting',
  description:
    'How link counts (calls, meetings, sightings) weigh in network metrics. A pair’s weight is the sum of the counts of the links joining it that the viewer sees (a link without a count, with a count of 0, or seen only as a restricted stub counts 1). ' +
    'NONE: every pair is one step. COUNT_AS_STRENGTH: a pair’s length for betweenness and closeness is 1 / weight. COUNT_AS_DISTANCE: its length is the weight. ' +
    'With either weighting, strength is the sum of a node’s weights and eigenvector, PageRank and Louvain read the weight as a strength',
  valuesConfig: {
    NONE: { description: 'Unweighted: every pair of linked entities is one step' },
    COUNT_AS_STRENGTH: { description: 'More calls or meetings bring two entities closer: length = 1 / weight' },
    COUNT_AS_DISTANCE: { description: 'The count is a distance: length = weight' },
  },
});
const METRIC_WEIGHTING: Record<Weighting, MetricWeighting> = {
  [Weighting.NONE]: 'none', [Weighting.COUNT_AS_STRENGTH]: 'strength', [Weighting.COUNT_AS_DISTANCE]: 'distance',
};

/**
 * The weight a link adds to its pair: its count as the viewer sees it. A stub shows no props, so it
 * adds 1 as any link without a count does, and the answer cannot depend on a count the viewer may
 * not see; a count of 0 (a link known without counted contacts) also adds 1, since a weight must be > 0.
 */
const linkWeight = (e: Edge): number => {
  const count = e.restricted ? undefined : e.props.count;
  return typeof count === 'number' && Number.isFinite(count) && count >= 1 ? count : 1;
};

@InputType({ description: 'Limits what an expansion may step onto. Content filters are only met by records the viewer may see.' })
export class ExpandFilter {
  @Field(() => [String], { nullable: true, description: 'Only step onto entities of these types' }) entityTypes?: string[];
  @Field(() => [String], { nullable: true, description: 'Only cross links of these types' }) linkTypes?: string[];
  @Field(() => String, { nullable: true, description: 'Start of a date range (YYYY-MM-DD) on link periods, else their reports’ dates' }) from?: string;
  @Field(() => String, { nullable: true, description: 'End of the date range (YYYY-MM-DD)' }) to?: string;
  @Field(() => String, { nullable: true, description: 'Only links whose evidence strength is at least that of this grade, e.g. 2B' }) minGrade?: string;
  @Field(() => Boolean, { nullable: true, description: 'Leave out records the viewer may only see as a restricted stub' }) excludeRestricted?: boolean;
}

@ObjectType({ simpleResolvers: true })
export class TypeCount {
  @Field(() => String) linkType!: string;
  @Field(() => String) entityType!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One page of an entity’s neighbours, with counts of all of them by link and entity type' })
export class NeighbourPage {
  @Field(() => GraphSlice) slice!: GraphSlice;
  @Field(() => [TypeCount]) counts!: TypeCount[];
  @Field(() => String, { nullable: true }) endCursor?: string;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class GraphPath {
  @Field(() => [ID]) nodeIds!: string[];
  @Field(() => [ID]) edgeIds!: string[];
  @Field(() => Int, { description: 'Number of links' }) length!: number;
  @Field(() => Float, { nullable: true, description: 'Strength of the weakest link; null when a link has no provenance the viewer can see' }) strength?: number | null;
}

@ObjectType({ simpleResolvers: true })
export class PathResult {
  @Field(() => [GraphPath]) paths!: GraphPath[];
  @Field(() => GraphSlice) slice!: GraphSlice;
  @Field(() => Boolean, { description: 'More paths exist than were returned' }) truncated!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class TimelineItem {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'report, event or link' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'Entity type of a report or event; link type of a link' }) type?: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) date?: string | null;
  @Field(() => String, { nullable: true, description: '3x5x2 grade of a report, e.g. 1A' }) grade?: string | null;
  @Field(() => [ID]) entityIds!: string[];
}

@ObjectType({ simpleResolvers: true })
export class NodeMetric {
  @Field(() => ID) id!: string;
  @Field(() => Int) degree!: number;
  @Field(() => Float) degreeCentrality!: number;
  @Field(() => Float, { description: 'Weighted degree: sum of the weights of the entity’s pairs (equals degree when unweighted)' }) strength!: number;
  @Field(() => Float) betweenness!: number;
  @Field(() => Float) closeness!: number;
  @Field(() => Float, { nullable: true }) eigenvector?: number | null;
  @Field(() => Float, { nullable: true }) pagerank?: number | null;
  @Field(() => Int, { nullable: true, description: 'Louvain community, numbered by size (0 = largest), ties by smallest member id' }) community?: number | null;
  @Field(() => Int, { description: 'Connected component, numbered by size (0 = largest), ties by smallest member id' }) component!: number;
}

@ObjectType({ simpleResolvers: true })
export class NetworkMetrics {
  @Field(() => [NodeMetric]) nodes!: NodeMetric[];
  @Field(() => Float, { nullable: true, description: 'Modularity (networkx convention, resolution 1) of the Louvain communities; null without links' }) modularity?: number | null;
  @Field(() => Int, { description: 'Number of Louvain communities (an entity without links is a community of its own)' }) communityCount!: number;
  @Field(() => Int) components!: number;
  @Field(() => [ID], { description: 'Articulation points: entities whose removal splits the network' }) brokers!: string[];
  @Field(() => [ID], { description: 'Links forming a bridge: cutting the link splits the network. Entities joined by several links (of several types, or both ways) are never a bridge' }) bridges!: string[];
}

@ObjectType({ simpleResolvers: true })
export class DuplicateCandidate {
  @Field(() => GraphNode) a!: GraphNode;
  @Field(() => GraphNode) b!: GraphNode;
  @Field(() => Float) score!: number;
  @Field(() => [String]) evidence!: string[];
}

const checkIds = (ids: string[], max: number, field = 'ids', min = 1) => {
  if (ids.length < min) throw invalid(field, `Give at least ${min} id${min > 1 ? 's' : ''}`);
  if (ids.length > max) throw new DomainError('LIMIT_EXCEEDED', `At most ${max} ids`, field);
  return [...new Set(ids)];
};
const checkRange = (field: string, v: number, min: number, max: number) => {
  if (!Number.isInteger(v) || v < min || v > max) throw invalid(field, `${field} must be ${min} to ${max}`);
  return v;
};
const strengthOf = (minGrade: string | undefined | null) => (minGrade ? minimumStrength(minGrade) : undefined);

/**
 * Paths as the viewer may see them: stubs keep their place with an opaque id, a path through
 * anything hidden is dropped, identical-looking paths are shown once.
 */
function pathResult(viewer: Viewer, dir: AgencyDirectory, raw: RawPath[], seen: Seen, truncated: boolean): PathResult {
  const paths: GraphPath[] = [];
  const keys = new Set<string>();
  const nodes: RawRecord[] = [];
  const edges: RawEdge[] = [];
  for (const p of raw) {
    const shown = p.nodes.map((n) => redactNode(viewer, dir, n));
    if (shown.some((n) => !n)) continue;
    const ids = new Map(p.nodes.map((n, i) => [n.id, shown[i]!.id]));
    const links = p.edges.map((e) => redactEdge(viewer, e, ids));
    if (links.some((e) => !e)) continue;
    const nodeIds = (shown as Node[]).map((n) => n.id);
    const edgeIds = (links as Edge[]).map((e) => e.id);
    const key = `${nodeIds.join('|')}#${edgeIds.join('|')}`;
    if (keys.has(key)) continue;
    keys.add(key);
    const known = (links as Edge[]).every((e) => !e.restricted && typeof e.strength === 'number');
    paths.push({ nodeIds, edgeIds, length: edgeIds.length, strength: known ? Math.min(...(links as Edge[]).map((e) => e.strength as number)) : null });
    nodes.push(...p.nodes);
    edges.push(...p.edges);
  }
  paths.sort((a, b) => a.length - b.length || a.nodeIds.join('|').localeCompare(b.nodeIds.join('|')));
  return { paths, slice: buildSlice(viewer, dir, nodes, edges, { seen, truncated }) as GraphSlice, truncated };
}

const byShownId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
@Resolver()
export class AnalysisResolver {
  @Query(() => GraphSlice, { description: 'Entities within 1-3 links of these, filtered and capped; `omitted` counts what the cap left out' })
  async expand(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('hops', () => Int, { defaultValue: 1 }) hops: number,
    @Arg('filter', () => ExpandFilter, { nullable: true }) filter: ExpandFilter | undefined,
    @Arg('limit', () => Int, { defaultValue: 500 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<GraphSlice> {
    const viewer = requireViewer(ctx);
    const seeds = checkIds(ids, TRAVERSAL_LIMITS.seeds);
    checkRange('hops', hops, 1, TRAVERSAL_LIMITS.expandHops);
    checkRange('limit', limit, 1, ctx.services.config.maxGraphNodes);
    const f = traversalFilter(filter);
    await ctx.services.agencies.refresh();
    const r = await expandGraph(ctx.services.db, viewer, seeds, hops, f, limit);
    const slice = buildSlice(viewer, ctx.services.agencies, r.nodes, r.edges, { truncated: r.truncated, omitted: r.omitted, seen: ctx.seen });
    // In the order of the ids the viewer is shown: the order records come from the store follows
    // how they were written, hidden records included.
    slice.nodes.sort(byShownId);
    slice.edges.sort(byShownId);
    return slice as GraphSlice;
  }

  @Query(() => NeighbourPage, { nullable: true, description: 'Neighbours of one (possibly very connected) entity a page at a time, with counts by link and entity type' })
  async neighbourPage(
    @Arg('id', () => ID) id: string,
    @Arg('linkType', () => String, { nullable: true }) linkType: string | undefined,
    @Arg('entityType', () => String, { nullable: true }) entityType: string | undefined,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @C() ctx: Ctx,
  ): Promise<NeighbourPage | undefined> {
    const viewer = requireViewer(ctx);
    checkRange('first', first, 1, TRAVERSAL_LIMITS.page);
    const nf = neighbourFilter(linkType, entityType);
    await ctx.services.agencies.refresh();
    const page = await pageNeighbours(ctx.services.db, viewer, id, nf, first, after ?? undefined);
    if (!page) return undefined;
    const slice = buildSlice(viewer, ctx.services.agencies, page.nodes, page.edges, { seen: ctx.seen }) as GraphSlice;
    return { slice, counts: page.counts, endCursor: page.endCursor, hasNextPage: page.hasNextPage };
  }

  @Query(() => PathResult, { description: 'The k shortest simple paths between two entities over intelligence links (k=1: one shortest path)' })
  async shortestPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 6 }) maxHops: number,
    @Arg('k', () => Int, { defaultValue: 1 }) k: number,
    @Arg('minGrade', () => String, { nullable: true }) minGrade: string | undefined,
    @C() ctx: Ctx,
  ): Promise<PathResult> {
    const viewer = requireViewer(ctx);
    pathHops('maxHops', maxHops);
    checkRange('k', k, 1, TRAVERSAL_LIMITS.k);
    const min = strengthOf(minGrade);
    await visibleEndpoints(ctx.services.db, viewer, [from], 'from');
    await visibleEndpoints(ctx.services.db, viewer, [to], 'to');
    await ctx.services.agencies.refresh();
    const raw = await findPaths(ctx.services.db, viewer, from, to, maxHops, k, min);
    return pathResult(viewer, ctx.services.agencies, raw, ctx.seen, false);
  }

  @Query(() => PathResult, { description: 'Simple paths between two entities, shortest first, up to a limit (truncated when there are more)' })
  async allPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 4 }) maxHops: number,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('minGrade', () => String, { nullable: true }) minGrade: string | undefined,
    @C() ctx: Ctx,
  ): Promise<PathResult> {
    const viewer = requireViewer(ctx);
    pathHops('maxHops', maxHops);
    checkRange('limit', limit, 1, TRAVERSAL_LIMITS.allPaths);
    const min = strengthOf(minGrade);
    await visibleEndpoints(ctx.services.db, viewer, [from], 'from');
    await visibleEndpoints(ctx.services.db, viewer, [to], 'to');
    await ctx.services.agencies.refresh();
    const raw = await findPaths(ctx.services.db, viewer, from, to, maxHops, limit + 1, min);
    const truncated = raw.length > limit;
    return pathResult(viewer, ctx.services.agencies, raw.slice(0, limit), ctx.seen, truncated);
  }

  @Query(() => GraphSlice, { description: '"Connect these": a small sub-network joining the chosen entities (Steiner tree approximation over shortest paths)' })
  async connectEntities(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('maxHops', () => Int, { defaultValue: 4 }) maxHops: number,
    @Arg('minGrade', () => String, { nullable: true }) minGrade: string | undefined,
    @C() ctx: Ctx,
  ): Promise<GraphSlice> {
    const viewer = requireViewer(ctx);
    const terminals = checkIds(ids, TRAVERSAL_LIMITS.connect, 'ids', 2);
    pathHops('maxHops', maxHops);
    const min = strengthOf(minGrade);
    const ends = await visibleEndpoints(ctx.services.db, viewer, terminals);
    await ctx.services.agencies.refresh();
    const dir = ctx.services.agencies;
    const found = (await pairPaths(ctx.services.db, viewer, terminals, maxHops, min)).filter(({ path }) => {
      const shown = new Map<string, string>();
      for (const n of path.nodes) {
        const s = redactNode(viewer, dir, n);
        if (!s) return false;
        shown.set(n.id, s.id);
      }
      return path.edges.every((e) => redactEdge(viewer, e, shown));
    });
    const keep = steinerEdges(terminals, found);
    const nodes = new Map<string, RawRecord>(ends);
    const edges = new Map<string, RawEdge>();
    for (const { path } of found) {
      for (const e of path.edges) {
        if (!keep.has(e.id)) continue;
        edges.set(e.id, e);
        for (const n of path.nodes) if (n.id === e.source || n.id === e.target) nodes.set(n.id, n);
      }
    }
    return buildSlice(viewer, dir, [...nodes.values()], [...edges.values()], { seen: ctx.seen }) as GraphSlice;
  }

  @Query(() => [TimelineItem], { description: 'Reports mentioning, events involving and dated links of these entities, oldest first' })
  async timeline(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('from', () => String, { nullable: true }) from: string | undefined,
    @Arg('to', () => String, { nullable: true }) to: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 500 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<TimelineItem[]> {
    const viewer = requireViewer(ctx);
    const wanted = checkIds(ids, TRAVERSAL_LIMITS.seeds);
    checkRange('limit', limit, 1, TRAVERSAL_LIMITS.timeline);
    const range = traversalFilter({ from, to });
    await ctx.services.agencies.refresh();
    const dir = ctx.services.agencies;
    const rows = await timelineOf(ctx.services.db, viewer, wanted, range.from, range.to, limit);
    const out: TimelineItem[] = [];
    for (const r of rows) {
      let label: string;
      if (r.kind === 'link') {
        const e = r.ends!;
        const edge = redactEdge(viewer, { id: r.item.id, type: r.type, source: e.source, target: e.target, props: r.item }, new Map([[e.source, e.source], [e.target, e.target]]));
        if (!edge || edge.restricted) continue;
        label = `${linkTitle(r.type)}: ${e.sourceLabel} – ${e.targetLabel}`;
      } else {
        const node = redactNode(viewer, dir, r.item);
        if (!node || node.restricted) continue;
        label = node.label;
      }
      ctx.seen.add(r.item.id);
      for (const id of r.entityIds) ctx.seen.add(id);
      out.push({ id: r.item.id, kind: r.kind, type: r.type, label, date: r.date, grade: r.grade, entityIds: r.entityIds });
    }
    return out;
  }

  @Query(() => NetworkMetrics, {
    description: 'Centrality, communities and brokers of the network these entities form (as the viewer may see it). Links joining the same two entities count as one connection; the answer does not depend on the order of the ids',
  })
  async networkMetrics(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('seed', () => Int, { defaultValue: DEFAULT_LOUVAIN_SEED, description: 'Seed of Louvain’s random order: the same seed and network give the same communities' }) seed: number,
    @Arg('weighting', () => Weighting, { defaultValue: Weighting.NONE, description: 'Whether and how link counts weigh (see Weighting)' }) weighting: Weighting,
    @C() ctx: Ctx,
  ): Promise<NetworkMetrics> {
    const viewer = requireViewer(ctx);
    const wanted = checkIds(ids, TRAVERSAL_LIMITS.metricsNodes);
    await ctx.services.agencies.refresh();
    const raw = await subNetwork(ctx.services.db, viewer, wanted);
    const slice = buildSlice(viewer, ctx.services.agencies, raw.nodes, raw.edges, { seen: ctx.seen });
    // In the order of the ids the viewer is shown, not the order records come from the store (which
    // hidden records influence): the metrics do not depend on input order, but the lists follow it.
    slice.nodes.sort(byShownId);
    slice.edges.sort(byShownId);
    const weighted = weighting !== Weighting.NONE;
    const net = {
      nodes: slice.nodes.map((n) => ({ id: n.id })),
      edges: slice.edges.map((e) => ({ source: e.source, target: e.target, ...(weighted ? { weight: linkWeight(e) } : {}) })),
    };
    const m = computeMetrics(net, { seed, weighting: METRIC_WEIGHTING[weighting] });
    const b = brokers(net);
    const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);
    const linksOf = new Map<string, string[]>();
    for (const e of slice.edges) {
      const k = pairKey(e.source, e.target);
      (linksOf.get(k) ?? linksOf.set(k, []).get(k)!).push(e.id);
    }
    return {
      nodes: m.nodes.map((n) => ({
        id: n.id, degree: n.degree ?? 0, degreeCentrality: n.degreeCentrality ?? 0, strength: n.strength ?? n.degree ?? 0, betweenness: n.betweenness ?? 0,
        closeness: n.closeness ?? 0, eigenvector: n.eigenvector ?? null, pagerank: n.pagerank ?? null, community: n.community ?? null, component: n.component,
      })),
      modularity: m.modularity,
      communityCount: m.communityCount ?? 0,
      components: m.components,
      brokers: b.articulationPoints.map((p) => p.id),
      bridges: b.bridges.flatMap((x) => linksOf.get(pairKey(x.source, x.target)) ?? []),
    };
  }

  @Query(() => [DuplicateCandidate], { description: 'Pairs of records that probably describe the same person, best first, with the reasons' })
  async duplicateCandidates(
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('type', () => String, { defaultValue: 'Subject' }) type: string,
    @C() ctx: Ctx,
  ): Promise<DuplicateCandidate[]> {
    const viewer = requireViewer(ctx);
    checkRange('limit', limit, 1, 500);
    await ctx.services.agencies.refresh();
    const dir = ctx.services.agencies;
    const pairs = await findDuplicateCandidates(ctx.services.db, viewer, type, limit);
    const out: DuplicateCandidate[] = [];
    for (const p of pairs) {
      const a = redactNode(viewer, dir, p.a);
      const b = redactNode(viewer, dir, p.b);
      if (!a || !b || a.restricted || b.restricted) continue;
      ctx.seen.add(a.id);
      ctx.seen.add(b.id);
      out.push({ a: a as GraphNode, b: b as GraphNode, score: p.score, evidence: p.evidence });
    }
    return out;
  }

  @Mutation(() => WriteResult, { description: 'Merge a duplicate into the record kept: its links move across with their provenance; undo with unmergeEntity' })
  async mergeEntities(@Arg('keepId', () => ID) keepId: string, @Arg('mergeId', () => ID) mergeId: string, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'merge');
    const rec = await mergeInGraph(ctx.services.db, viewer, keepId, mergeId, new Date().toISOString());
    ctx.seen.add(keepId);
    ctx.seen.add(mergeId);
    ctx.auditDetail = `merge ${rec.id}: ${rec.created.length} links moved, ${rec.combined.length} combined, ${rec.retired.length} retired`;
    return { id: keepId, created: false, changed: true };
  }

  @Mutation(() => WriteResult, { description: 'Undo the latest merge of this (merged) entity exactly: links, provenance and the entity as they were' })
  async unmergeEntity(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'merge');
    const rec = await unmergeInGraph(ctx.services.db, viewer, id, new Date().toISOString());
    ctx.seen.add(rec.keepId);
    ctx.seen.add(id);
    ctx.auditDetail = `unmerge ${rec.id}`;
    return { id, created: false, changed: true };
  }
}
