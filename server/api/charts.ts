import { Arg, Ctx as C, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { colleagues, deleteChart, listCharts, openChart, saveChart, shareChart, type ChartSummary } from '../graph/charts.js';
import { requireViewer, type Ctx } from './context.js';
import { GraphSlice } from './types.js';

@ObjectType({ simpleResolvers: true })
export class Colleague {
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A chart saved on the server (ids and layout; contents are read through your access)' })
export class ChartInfo {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) ownerName!: string;
  @Field(() => String) ownerUsername!: string;
  @Field(() => Boolean, { description: 'True for your own charts; false for charts a colleague shared with you' }) mine!: boolean;
  @Field(() => String) savedAt!: string;
  @Field(() => Int, { nullable: true, description: 'Your own charts: entities as you saved them. Opened: what you are shown. A colleague’s chart in the list: null (its saved counts are the owner’s, taken from what the owner may see)' }) nodeCount!: number | null;
  @Field(() => Int, { nullable: true, description: 'Links, counted as nodeCount is' }) edgeCount!: number | null;
  @Field(() => [Colleague], { description: 'Colleagues the chart is shared with (shown to the owner only)' }) sharedWith!: Colleague[];
}

@ObjectType({ simpleResolvers: true })
export class OpenedChart extends ChartInfo {
  @Field(() => String, { description: 'The layout (JSON), cut down to what you may see' }) layout!: string;
  @Field(() => GraphSlice, { description: 'The chart’s entities and links as you may see them today' }) graph!: GraphSlice;
  @Field(() => Int, { nullable: true, description: 'Your own chart: saved entities you may no longer see (left out). A colleague’s chart: null (what it holds that you may not know of is not counted)' }) withheld!: number | null;
}

const info = (c: ChartSummary, me: string): ChartInfo => ({
  id: c.id, name: c.name, ownerName: c.ownerName, ownerUsername: c.ownerUsername, mine: c.ownerId === me,
  savedAt: c.savedAt, nodeCount: c.nodeCount, edgeCount: c.edgeCount, sharedWith: c.ownerId === me ? c.sharedWith : [],
});

/** Saved charts: owned by one analyst, shared with colleagues of the same agency, opened through each one's own access. */
@Resolver()
export class ChartResolver {
  @Query(() => [ChartInfo], { description: 'Your saved charts and those colleagues shared with you, newest first' })
  async charts(@C() ctx: Ctx): Promise<ChartInfo[]> {
    const viewer = requireViewer(ctx);
    return (await listCharts(ctx.services.db, viewer)).map((c) => info(c, viewer.userId));
  }

  @Query(() => OpenedChart, { description: 'Opens a saved chart as you: what you may not see is left out' })
  async chart(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<OpenedChart> {
    const viewer = requireViewer(ctx);
    await ctx.services.agencies.refresh();
    const c = await openChart(ctx.services.db, viewer, ctx.services.agencies, id, { maxEdges: ctx.services.config.maxGraphNodes * 4, seen: ctx.seen });
    ctx.auditDetail = `chart ${id} opened`; // no counts: the trail's readers may not know what the chart holds
    return { ...info(c, viewer.userId), layout: JSON.stringify(c.layout), graph: c.graph, withheld: c.withheld };
  }

  @Query(() => [Colleague], { description: 'Colleagues in your agency you can share a chart with' })
  async colleagues(@C() ctx: Ctx): Promise<Colleague[]> {
    return colleagues(ctx.services.db, requireViewer(ctx));
  }

  @Mutation(() => ChartInfo, { description: 'Saves a chart: a new one, or over one of your own (id)' })
  async saveChart(
    @Arg('name', () => String) name: string,
    @Arg('layout', () => String, { description: 'The layout document (JSON, version 1): entityIds, positions, pinned, hidden, hiddenLinks, filters, timeRange, organise (groups, annotations, styling rules)' }) layout: string,
    @Arg('id', () => ID, { nullable: true }) id: string | undefined,
    @C() ctx: Ctx,
  ): Promise<ChartInfo> {
    const viewer = requireViewer(ctx);
    const c = await saveChart(ctx.services.db, viewer, { id: id ?? undefined, name, layout });
    ctx.auditDetail = `chart ${c.id} saved`;
    return info(c, viewer.userId);
  }

  @Mutation(() => ChartInfo, { description: 'Shares your chart with these colleagues (replacing the list); they see it through their own access' })
  async shareChart(@Arg('id', () => ID) id: string, @Arg('usernames', () => [String]) usernames: string[], @C() ctx: Ctx): Promise<ChartInfo> {
    const viewer = requireViewer(ctx);
    const c = await shareChart(ctx.services.db, viewer, id, usernames);
    ctx.auditDetail = `chart ${id} shared with ${c.sharedWith.map((u) => u.username).join(',') || 'nobody'}`;
    return info(c, viewer.userId);
  }

  @Mutation(() => Boolean, { description: 'Deletes your chart, or removes a chart shared with you from your list' })
  async deleteChart(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<boolean> {
    const viewer = requireViewer(ctx);
    ctx.auditDetail = `chart ${id} deleted`;
    return deleteChart(ctx.services.db, viewer, id);
  }
}
