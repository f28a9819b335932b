import { randomUUID } from 'node:crypto';
import { Arg, Ctx as C, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import { classificationRank } from '../domain/codes.js';
import { gradingChanged } from '../domain/grading.js';
import { decide, type Viewer } from '../domain/policy.js';
import { todayIso, validateEntity, validateLink, validateMarkings, validateProps, type EntityRecord } from '../domain/validate.js';
import { sliceOfIds } from '../graph/entities.js';
import {
  archiveEntityRecord, archiveLinkRecord, assertWriterSees, entityForWriter, linkForWriter, linkHeldByOthers,
  shownEntity, shownEntityPage, shownLinkDetail, shownNeighbours, shownSearch, shownSearchGrouped,
} from '../graph/shown.js';
import { clearEntityProps, linkId, writeEntities, writeLinks } from '../graph/write.js';
import { requireViewer, type Ctx } from './context.js';
import {
  EntityInput, EntityPage, GroupedSearch, EntityPatch, GraphNode, GraphSlice, LinkDetail, LinkInput, PropFilter, SearchHit, WriteResult,
} from './types.js';

const MAX_IDS = 500;

@Resolver()
export class EntityResolver {
  @Query(() => GraphNode, { nullable: true, description: 'One entity by id (a stub when restricted; null when unknown or hidden)' })
  async entity(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<GraphNode | undefined> {
    const viewer = requireViewer(ctx);
    await ctx.services.agencies.refresh();
    return shownEntity(ctx.services.db, viewer, ctx.services.agencies, id, ctx.seen) as Promise<GraphNode | undefined>;
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
    return shownEntityPage(ctx.services.db, viewer, ctx.services.agencies, { type, where, sortBy, descending, first, after, includeArchived }, ctx.seen) as Promise<EntityPage>;
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
    return shownSearch(ctx.services.db, viewer, ctx.services.agencies, text, types, limit, ctx.seen) as Promise<SearchHit[]>;
  }

  @Query(() => GroupedSearch, { description: 'Search as `search`, with the stubs grouped by holding agency (count, desk, references) instead of listed one by one' })
  async searchGrouped(
    @Arg('text', () => String) text: string,
    @Arg('types', () => [String], { nullable: true }) types: string[] | undefined,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<GroupedSearch> {
    const viewer = requireViewer(ctx);
    if (text.length > 200) throw invalid('text', 'Search text is at most 200 characters');
    if (limit < 1 || limit > 100) throw invalid('limit', 'limit must be 1 to 100');
    await ctx.services.agencies.refresh();
    return shownSearchGrouped(ctx.services.db, viewer, ctx.services.agencies, text, types, limit, ctx.seen) as Promise<GroupedSearch>;
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
    return shownNeighbours(ctx.services.db, viewer, ctx.services.agencies, ids, limit, ctx.seen) as Promise<GraphSlice>;
  }

  @Query(() => LinkDetail, { nullable: true, description: 'A link with its provenance: why are these two linked, and how well is it supported?' })
  async link(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<LinkDetail | undefined> {
    const viewer = requireViewer(ctx);
    await ctx.services.agencies.refresh();
    return shownLinkDetail(ctx.services.db, viewer, ctx.services.agencies, id, ctx.seen) as Promise<LinkDetail | undefined>;
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
    const counts = await ctx.services.db.writeTx((tx) => writeEntities(tx, [rec], new Date().toISOString(), { onlyNew: true }));
    ctx.seen.add(rec.id);
    return { id: rec.id, created: counts.created === 1, changed: true };
  }

  @Mutation(() => WriteResult)
  async updateEntity(@Arg('id', () => ID) id: string, @Arg('patch', () => EntityPatch) patch: EntityPatch, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const { record: current } = await entityForWriter(ctx.services.db, viewer, id);
    const type = current.type;
    const changes = validateProps('entity', type, patch.props ?? {}, true, todayIso());
    const props = { ...current.props, ...changes };
    for (const [k, v] of Object.entries(props)) if (v === null) delete props[k];
    const markings = patch.markings ? validateMarkings({ ...current.markings, ...patch.markings }, { agency: viewer.agency }) : current.markings;
    if (markings.agency !== current.markings.agency) throw invalid('agency', 'Ownership cannot be changed here');
    assertWithinAccess(viewer, markings);
    const rec = validateEntity({ id, type, label: patch.label ?? current.label, props: { ...props }, markings }, {});
    // A report's grading (3x5x2: source evaluation, intelligence assessment, handling code) is
    // changed only by those who may grade, as it is set only by them (createEntity).
    if (type === 'IntelligenceReport' && gradingChanged(current, rec)) requireViewer(ctx, 'grade');
    const counts = await ctx.services.db.writeTx(async (tx) => {
      // Clear removed properties explicitly: writeEntities only adds and overwrites.
      await clearEntityProps(tx, id, Object.keys(current.props).filter((k) => !(k in rec.props)));
      return writeEntities(tx, [rec], new Date().toISOString());
    });
    ctx.seen.add(id);
    return { id, created: false, changed: counts.updated === 1 };
  }

  @Mutation(() => WriteResult, { description: 'Archive (never delete) an entity; it leaves lists, search and the chart' })
  async archiveEntity(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const { archived } = await entityForWriter(ctx.services.db, viewer, id);
    await archiveEntityRecord(ctx.services.db, id, new Date().toISOString());
    ctx.seen.add(id);
    return { id, created: false, changed: !archived };
  }

  @Mutation(() => WriteResult, { description: 'Create or update a link (idempotent on source, type, target), with its supporting reports' })
  async createLink(@Arg('input', () => LinkInput) input: LinkInput, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const rec = validateLink({ ...input, props: input.props ?? {}, markings: input.markings ?? {} }, { defaultAgency: viewer.agency });
    if (rec.markings.agency !== viewer.agency) throw invalid('agency', 'You can only create records owned by your own agency');
    assertWithinAccess(viewer, rec.markings);
    await assertWriterSees(ctx.services.db, viewer, [rec.source, rec.target, ...rec.reportIds]);
    const id = linkId(rec.source, rec.type, rec.target);
    // An existing link may only be changed by someone who sees it in full.
    if (await linkHeldByOthers(ctx.services.db, viewer, id)) {
      throw new DomainError('FORBIDDEN', 'This link is held by another agency or under restricted markings: contact its owner to change it');
    }
    const counts = await ctx.services.db.writeTx((tx) => writeLinks(tx, [rec], new Date().toISOString()));
    ctx.seen.add(id);
    return { id, created: counts.created === 1, changed: counts.unchanged === 0 };
  }

  @Mutation(() => WriteResult, { description: 'Add supporting reports to a link' })
  async attachProvenance(@Arg('linkId', () => ID) id: string, @Arg('reportIds', () => [ID]) reportIds: string[], @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const link = await linkForWriter(ctx.services.db, viewer, id);
    await assertWriterSees(ctx.services.db, viewer, reportIds);
    const rec = validateLink({
      source: link.source, target: link.target, type: link.type, props: link.props,
      reportIds: [...new Set([...link.reportIds, ...reportIds])], markings: link.markings,
    }, {});
    const counts = await ctx.services.db.writeTx((tx) => writeLinks(tx, [rec], new Date().toISOString()));
    ctx.seen.add(id);
    return { id, created: false, changed: counts.updated === 1 };
  }

  @Mutation(() => WriteResult)
  async archiveLink(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<WriteResult> {
    const viewer = requireViewer(ctx, 'write');
    const link = await linkForWriter(ctx.services.db, viewer, id);
    await archiveLinkRecord(ctx.services.db, link, new Date().toISOString());
    ctx.seen.add(id);
    return { id, created: false, changed: !link.archived };
  }
}

/** A record marked beyond the writer's own clearance or compartments would vanish from them: refused. */
function assertWithinAccess(viewer: Viewer, m: EntityRecord['markings']): void {
  if (decide(viewer, m) === 'full') return;
  const field = classificationRank(m.classification) > classificationRank(viewer.clearance) ? 'classification' : 'compartments';
  throw invalid(field, `You cannot mark a record beyond your own access (${field === 'classification' ? `clearance ${viewer.clearance}` : 'compartments'}): you could not read it afterwards`);
}

