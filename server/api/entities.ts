import { randomUUID } from 'node:crypto';
import { Arg, Ctx as C, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { run } from '../db/db.js';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import { gradeStrength, type Grade } from '../domain/grading.js';
import { classificationRank } from '../domain/codes.js';
import { decide, type Viewer } from '../domain/policy.js';
import { todayIso, validateEntity, validateLink, validateMarkings, validateProps, type EntityRecord } from '../domain/validate.js';
import { entitiesById, linkById, listEntities, neighbours, sliceOfIds } from '../graph/entities.js';
import { searchEntities } from '../graph/search.js';
import { buildSlice, redactEdge, redactNode, type RawRecord } from '../graph/slice.js';
import { existingEntities, linkId, writeEntities, writeLinks } from '../graph/write.js';
import { requireViewer, type Ctx } from './context.js';
import {
  EntityInput, EntityPage, EntityPatch, GraphNode, GraphSlice, LinkDetail, LinkInput, PropFilter, SearchHit, WriteResult,
} from './types.js';

const MAX_IDS = 500;

@Resolver()
export class EntityResolver {
  @Query(() => GraphNode, { nullable: true, description: 'One entity by id (a stub when restricted; null when unknown or hidden)' })
  async entity(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<GraphNode | undefined> {
    const viewer = requireViewer(ctx);
    await ctx.services.agencies.refresh();
    const [raw] = await entitiesById(ctx.services.db, [id]);
    return raw ? (redactNode(viewer, ctx.services.agencies, raw, ctx.seen) as GraphNode | undefined) : undefined;
  }

  @Query(() => EntityPage, { description: 'Entities of one type the viewer may see, filtered, sorted and cursor-paginated' })
  async entities(
    @Arg('type', () => String) type: string,
    @Arg('where', () => [PropFilter], { nullable: true }) where: PropFilter[] | undefined,
    @Arg('sortBy', () => String, { nullable: true }) sortBy: string | undefined,
    @Arg('descending', () => Boolean, { nullable: true }) descending: boolean | undefined,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived: boolean,
    @C() ctx: Ctx,
  ): Promise<EntityPage> {
    const viewer = requireViewer(ctx);
    if (first < 1 || first > 500) throw invalid('first', 'first must be 1 to 500');
    await ctx.services.agencies.refresh();
    const page = await listEntities(ctx.services.db, viewer, { type, where, sortBy, descending, first, after, includeArchived });
    const items = page.rows.map((r) => redactNode(viewer, ctx.services.agencies, r, ctx.seen)).filter(Boolean) as GraphNode[];
    return { items, totalCount: page.totalCount, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }

  @Query(() => [SearchHit], { description: 'Ranked search across entity types over what the viewer is shown: names and aliases (typo and spelling tolerant), VRMs, numbers, addresses, report text. Restricted stubs are found only by an exact identifier (name with date of birth, VRM, phone number or IMEI, address, OCG reference) and follow every visible match' })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('types', () => [String], { nullable: true }) types: string[] | undefined,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<SearchHit[]> {
    const viewer = requireViewer(ctx);
    if (text.length > 200) throw invalid('text', 'Search text is at most 200 characters');
    if (limit < 1 || limit > 100) throw invalid('limit', 'limit must be 1 to 100');
    await ctx.services.agencies.refresh();
    const rows = await searchEntities(ctx.services.db, viewer, text, types, limit);
    return rows
      .map((r) => ({ entity: redactNode(viewer, ctx.services.agencies, r.record, ctx.seen) as GraphNode, score: r.score }))
      .filter((h) => h.entity);
  }

  @Query(() => GraphSlice, { description: 'These entities and the links among them, for the chart' })
  async graph(@Arg('ids', () => [ID]) ids: string[], @C() ctx: Ctx): Promise<GraphSlice> {
    const viewer = requireViewer(ctx);
    if (ids.length > MAX_IDS) throw new DomainError('LIMIT_EXCEEDED', `At most ${MAX_IDS} ids`, 'ids');
    await ctx.services.agencies.refresh();
    return sliceOfIds(ctx.services.db, viewer, ctx.services.agencies, ids, { maxEdges: ctx.services.config.maxGraphNodes * 4, seen: ctx.seen });
  }

  @Query(() => GraphSlice, { description: 'Direct neighbours of these entities, capped per entity' })
  async neighbours(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<GraphSlice> {
    const viewer = requireViewer(ctx);
    if (ids.length > MAX_IDS) throw new DomainError('LIMIT_EXCEEDED', `At most ${MAX_IDS} ids`, 'ids');
    if (limit < 1 || limit > 1000) throw invalid('limit', 'limit must be 1 to 1000');
    await ctx.services.agencies.refresh();
    const r = await neighbours(ctx.services.db, viewer, ids, limit);
    return buildSlice(viewer, ctx.services.agencies, r.nodes, r.edges, { truncated: r.omitted > 0, omitted: r.omitted, seen: ctx.seen });
  }

  @Query(() => LinkDetail, { nullable: true, description: 'A link with its provenance: why are these two linked, and how well is it supported?' })
  async link(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<LinkDetail | undefined> {
    const viewer = requireViewer(ctx);
    await ctx.services.agencies.refresh();
    const dir = ctx.services.agencies;
    const raw = (await linkById(ctx.services.db, id)) as (Awaited<ReturnType<typeof linkById>> & { a: RawRecord; b: RawRecord }) | undefined;
    if (!raw) return undefined;
    // Nothing is recorded as seen until the link itself is known to be shown: the audit of an
    // unanswered request must read the same whether or not a hidden link was there.
    const a = redactNode(viewer, dir, raw.a);
    const b = redactNode(viewer, dir, raw.b);
    if (!a || !b) return undefined;
    const edge = redactEdge(viewer, raw, new Map([[raw.a.id, a.id], [raw.b.id, b.id]]));
    if (!edge || edge.restricted) return undefined;
    for (const n of [a, b]) if (!n.restricted) ctx.seen.add(n.id);
    ctx.seen.add(edge.id);
    const reports = await entitiesById(ctx.services.db, (raw.props.reportIds as string[]) ?? []);
    const supporting = [];
    let withheld = 0;
    for (const r of reports) {
      const access = decide(viewer, r as never);
      if (access === 'hidden') continue; // not even counted: a count would reveal it
      if (access !== 'full' && access !== 'shared') { withheld++; continue; }
      const node = redactNode(viewer, dir, r, ctx.seen)!;
      const grade = `${r.sourceEvaluation}${r.intelAssessment}`;
      supporting.push({ report: node as GraphNode, grade, strength: gradeStrength(r as unknown as Grade) });
    }
    supporting.sort((x, y) => (y.strength ?? 0) - (x.strength ?? 0));
    return { link: edge, sourceNode: a as GraphNode, targetNode: b as GraphNode, reports: supporting, withheldReports: withheld };
  }

  @Mutation(() => WriteResult)
  async createEntity(@Arg('input', () => EntityInput) input: EntityInput, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const rec = validateEntity(
      { id: input.id, type: input.type, label: input.label, props: input.props ?? {}, markings: input.markings ?? {} },
      { defaultAgency: viewer.agency, newId: () => `${input.type.slice(0, 3).toUpperCase()}-${randomUUID()}` },
    );
    if (rec.markings.agency !== viewer.agency) throw invalid('agency', 'You can only create records owned by your own agency');
    assertWithinAccess(viewer, rec.markings);
    // Reports carry a grading: only those who evaluate and grade may submit them.
    if (rec.type === 'IntelligenceReport') requireViewer(ctx, 'grade');
    const counts = await ctx.services.db.writeTx(async (tx) => {
      const existing = await existingEntities(tx, [rec.id]);
      if (existing.has(rec.id)) throw new DomainError('CONFLICT', `${rec.id} already exists`, 'id');
      return writeEntities(tx, [rec], new Date().toISOString());
    });
    ctx.seen.add(rec.id);
    return { id: rec.id, created: counts.created === 1, changed: true };
  }

  @Mutation(() => WriteResult)
  async updateEntity(@Arg('id', () => ID) id: string, @Arg('patch', () => EntityPatch) patch: EntityPatch, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const [raw] = await entitiesById(ctx.services.db, [id]);
    if (!raw || decide(viewer, raw as never) !== 'full') throw notFound('Entity', id);
    const type = raw.type as string;
    const current = currentRecord(raw);
    const changes = validateProps('entity', type, patch.props ?? {}, true, todayIso());
    const props = { ...current.props, ...changes };
    for (const [k, v] of Object.entries(props)) if (v === null) delete props[k];
    const markings = patch.markings ? validateMarkings({ ...current.markings, ...patch.markings }, { agency: viewer.agency }) : current.markings;
    if (markings.agency !== current.markings.agency) throw invalid('agency', 'Ownership cannot be changed here');
    assertWithinAccess(viewer, markings);
    const rec = validateEntity({ id, type, label: patch.label ?? current.label, props: { ...props }, markings }, {});
    const counts = await ctx.services.db.writeTx(async (tx) => {
      // Clear removed properties explicitly: writeEntities only adds and overwrites.
      const removed = Object.keys(current.props).filter((k) => !(k in rec.props));
      if (removed.length) await run(tx, { text: 'MATCH (n:Entity {id: $id}) SET n += $nulls', params: { id, nulls: Object.fromEntries(removed.map((k) => [k, null])) } });
      return writeEntities(tx, [rec], new Date().toISOString());
    });
    ctx.seen.add(id);
    return { id, created: false, changed: counts.updated === 1 };
  }

  @Mutation(() => WriteResult, { description: 'Archive (never delete) an entity; it leaves lists, search and the chart' })
  async archiveEntity(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const [raw] = await entitiesById(ctx.services.db, [id]);
    if (!raw || decide(viewer, raw as never) !== 'full') throw notFound('Entity', id);
    await ctx.services.db.write({ text: 'MATCH (n:Entity {id: $id}) SET n.archived = true, n.updatedAt = $now', params: { id, now: new Date().toISOString() } });
    ctx.seen.add(id);
    return { id, created: false, changed: !raw.archived };
  }

  @Mutation(() => WriteResult, { description: 'Create or update a link (idempotent on source, type, target), with its supporting reports' })
  async createLink(@Arg('input', () => LinkInput) input: LinkInput, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const rec = validateLink({ ...input, props: input.props ?? {}, markings: input.markings ?? {} }, { defaultAgency: viewer.agency });
    if (rec.markings.agency !== viewer.agency) throw invalid('agency', 'You can only create records owned by your own agency');
    assertWithinAccess(viewer, rec.markings);
    await this.assertCanSee(ctx, [rec.source, rec.target, ...rec.reportIds]);
    const id = linkId(rec.source, rec.type, rec.target);
    // An existing link may only be changed by someone who sees it in full.
    const existing = await linkById(ctx.services.db, id);
    if (existing && decide(viewer, existing.props as never) !== 'full') {
      throw new DomainError('FORBIDDEN', 'This link is held by another agency or under restricted markings: contact its owner to change it');
    }
    const counts = await ctx.services.db.writeTx((tx) => writeLinks(tx, [rec], new Date().toISOString()));
    ctx.seen.add(id);
    return { id, created: counts.created === 1, changed: counts.unchanged === 0 };
  }

  @Mutation(() => WriteResult, { description: 'Add supporting reports to a link' })
  async attachProvenance(@Arg('linkId', () => ID) id: string, @Arg('reportIds', () => [ID]) reportIds: string[], @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const raw = await linkById(ctx.services.db, id);
    if (!raw || decide(viewer, raw.props as never) !== 'full') throw notFound('Link', id);
    await this.assertCanSee(ctx, reportIds);
    const p = raw.props;
    const rec = validateLink({
      source: raw.source, target: raw.target, type: raw.type,
      props: Object.fromEntries(Object.entries(p).filter(([k]) => !['id', 'reportIds', 'reportMarks', 'strength', 'createdAt', 'updatedAt', 'archived', 'contentHash', 'classification', 'agency', 'compartments', 'handling', 'handlingConditions', 'handlingNotes', 'nfd', 'nfdJustification', 'nfdApprover', 'disseminatedTo'].includes(k))),
      reportIds: [...new Set([...((p.reportIds as string[]) ?? []), ...reportIds])],
      markings: currentRecord(p as RawRecord).markings,
    }, {});
    const counts = await ctx.services.db.writeTx((tx) => writeLinks(tx, [rec], new Date().toISOString()));
    ctx.seen.add(id);
    return { id, created: false, changed: counts.updated === 1 };
  }

  @Mutation(() => WriteResult)
  async archiveLink(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const raw = await linkById(ctx.services.db, id);
    if (!raw || decide(viewer, raw.props as never) !== 'full') throw notFound('Link', id);
    await ctx.services.db.write({ text: `MATCH ()-[r:${raw.type} {id: $id}]->() SET r.archived = true, r.updatedAt = $now`, params: { id, now: new Date().toISOString() } });
    ctx.seen.add(id);
    return { id, created: false, changed: !raw.props.archived };
  }

  /** A writer may only connect what they can see in full: unknown and restricted ids read the same. */
  private async assertCanSee(ctx: Ctx, ids: string[]): Promise<void> {
    const found = new Map((await entitiesById(ctx.services.db, ids)).map((r) => [r.id, r]));
    for (const id of ids) {
      const r = found.get(id);
      if (!r || decide(ctx.viewer!, r as never) !== 'full') throw notFound('Entity', id, 'id');
    }
  }
}

/** A record marked beyond the writer's own clearance or compartments would vanish from them: refused. */
function assertWithinAccess(viewer: Viewer, m: EntityRecord['markings']): void {
  if (decide(viewer, m) === 'full') return;
  const field = classificationRank(m.classification) > classificationRank(viewer.clearance) ? 'classification' : 'compartments';
  throw invalid(field, `You cannot mark a record beyond your own access (${field === 'classification' ? `clearance ${viewer.clearance}` : 'compartments'}): you could not read it afterwards`);
}

function currentRecord(raw: RawRecord): EntityRecord {
  const skip = new Set(['id', 'type', 'label', 'search', 'phonetic', 'contentHash', 'createdAt', 'updatedAt', 'archived', 'point', 'reportIds', 'reportMarks', 'strength', 'mergedInto', 'disseminatedTo']);
  const markingKeys = ['classification', 'agency', 'compartments', 'handling', 'handlingConditions', 'handlingNotes', 'nfd', 'nfdJustification', 'nfdApprover'];
  const props: Record<string, unknown> = {};
  const markings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (skip.has(k)) continue;
    if (markingKeys.includes(k)) markings[k] = v;
    else props[k] = v;
  }
  return { id: raw.id, type: raw.type as string, label: raw.label as string, props, markings: markings as unknown as EntityRecord["markings"] };
}
