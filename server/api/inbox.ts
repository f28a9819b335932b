import { randomUUID } from 'node:crypto';
import { Arg, Ctx as C, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { invalid } from '../domain/errors.js';
import { validateDissemination } from '../domain/dissemination.js';
import { can, type Viewer } from '../domain/policy.js';
import { entitiesById } from '../graph/entities.js';
import { disseminationsByIds } from '../graph/dissemination.js';
import {
  acknowledge, answerRequest, createRequest, openRequestCount, ownReferences, refuseRequest, requestForHolder, requestsOf,
  unacknowledgedCount, type RequestRow,
} from '../graph/inbox.js';
import { redactNode, type RawRecord } from '../graph/slice.js';
import {
  alertContent, alertsOf, createWatch, deleteWatch, markAlertsRead, unreadAlertCount, watchesOf, type AlertRow, type WatchRow,
} from '../graph/watches.js';
import { requireViewer, type Ctx } from './context.js';
import { DisseminationInput, DisseminationView, disseminationViews } from './ocg.js';
import { GraphEdge, GraphNode } from './types.js';

/**
 * The inbox: what was disseminated to my agency (and its acknowledgement), requests for information
 * and deconfliction interests in both directions, watches and their alerts. Every record in an
 * answer passes the policy as the reader; an alert holds only what its owner's own answers held.
 */

export enum RequestKindEnum { REQUEST = 'REQUEST', DECONFLICTION = 'DECONFLICTION' }
registerEnumType(RequestKindEnum, { name: 'RequestKind', description: 'REQUEST: ask the holder for the intelligence; DECONFLICTION: record an interest, so the holder can deconflict' });
export enum RequestStatusEnum { OPEN = 'OPEN', ANSWERED = 'ANSWERED', REFUSED = 'REFUSED' }
registerEnumType(RequestStatusEnum, { name: 'RequestStatus' });
export enum RequestDirectionEnum { SENT = 'SENT', RECEIVED = 'RECEIVED' }
registerEnumType(RequestDirectionEnum, { name: 'RequestDirection', description: 'SENT: requests you made; RECEIVED: requests to your agency (roles that disseminate)' });
export enum WatchKindEnum { ENTITY = 'ENTITY', OCG = 'OCG', SEARCH = 'SEARCH', INVESTIGATION = 'INVESTIGATION' }
registerEnumType(WatchKindEnum, { name: 'WatchKind', description: 'ENTITY / OCG: its direct network; SEARCH: a search text; INVESTIGATION: a library or saved investigation run with its defaults' });

@InputType('InformationRequestInput')
class InformationRequestInput {
  @Field(() => RequestKindEnum, { defaultValue: RequestKindEnum.REQUEST }) kind!: RequestKindEnum;
  @Field(() => [ID], { nullable: true, description: 'Stub ids or references you were shown (R-XXXX-...)' }) references?: string[];
  @Field(() => ID, { nullable: true, description: 'A dissemination you received: ask for more' }) disseminationId?: string;
  @Field(() => ID, { nullable: true, description: 'An impact on your area' }) impactId?: string;
  @Field(() => String, { nullable: true, description: 'What you need to know (required for a REQUEST)' }) question?: string;
  @Field(() => String, { description: 'Why: the holder weighs necessity and proportionality' }) purpose!: string;
  @Field(() => String, { nullable: true, description: 'Required for a REQUEST' }) lawfulBasis?: string;
}

@ObjectType('InformationRequest', { simpleResolvers: true, description: 'A request for information or a deconfliction interest, from one agency to the holder' })
class InformationRequestView {
  @Field(() => ID) id!: string;
  @Field(() => RequestKindEnum) kind!: string;
  @Field(() => RequestStatusEnum) status!: string;
  @Field(() => String) requesterAgency!: string;
  @Field(() => String) requesterAgencyName!: string;
  @Field(() => String) requestedBy!: string;
  @Field(() => String) requestedByName!: string;
  @Field(() => String) holderAgency!: string;
  @Field(() => String) holderAgencyName!: string;
  @Field(() => String) holderContact!: string;
  @Field(() => String, { nullable: true }) holderPhone?: string | null;
  @Field(() => String, { nullable: true }) holderEmail?: string | null;
  @Field(() => [String], { description: 'The stub references the request named (to its requester only)' }) references!: string[];
  @Field(() => [GraphNode], { description: 'The records, as you may see them now' }) records!: GraphNode[];
  @Field(() => ID, { nullable: true }) disseminationId?: string | null;
  @Field(() => ID, { nullable: true }) impactId?: string | null;
  @Field(() => String) question!: string;
  @Field(() => String) purpose!: string;
  @Field(() => String, { nullable: true }) lawfulBasis?: string | null;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) answeredAt?: string | null;
  @Field(() => String, { nullable: true }) answeredBy?: string | null;
  @Field(() => String, { nullable: true }) answeredByName?: string | null;
  @Field(() => DisseminationView, { nullable: true, description: 'The answer, when ANSWERED' }) dissemination?: DisseminationView | null;
  @Field(() => String, { nullable: true }) refusalReason?: string | null;
}

@ObjectType('Watch', { simpleResolvers: true })
class WatchView {
  @Field(() => ID) id!: string;
  @Field(() => WatchKindEnum) kind!: string;
  @Field(() => String) target!: string;
  @Field(() => String) label!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) lastAlertAt?: string | null;
}

@ObjectType('Alert', { simpleResolvers: true, description: 'What changed in the answer of one of your watches since you last read its alert' })
class AlertView {
  @Field(() => ID) id!: string;
  @Field(() => ID) watchId!: string;
  @Field(() => WatchKindEnum) watchKind!: string;
  @Field(() => String) watchLabel!: string;
  @Field(() => String) target!: string;
  @Field(() => String) firstAt!: string;
  @Field(() => String) at!: string;
  @Field(() => String) summary!: string;
  @Field(() => [GraphNode], { description: 'Records newly in the answer (stubs say only who holds them)' }) added!: GraphNode[];
  @Field(() => [GraphEdge]) addedLinks!: GraphEdge[];
  @Field(() => [GraphNode]) changed!: GraphNode[];
  @Field(() => [GraphEdge]) changedLinks!: GraphEdge[];
  @Field(() => [ID], { description: 'Ids no longer in the answer' }) removed!: string[];
  @Field(() => Boolean) read!: boolean;
}

@ObjectType('InboxCounts', { simpleResolvers: true })
class InboxCounts {
  @Field(() => Int, { description: 'Disseminations to your agency not yet acknowledged' }) unacknowledged!: number;
  @Field(() => Int, { description: 'Open requests to your agency (roles that disseminate; 0 otherwise)' }) openRequests!: number;
  @Field(() => Int) unreadAlerts!: number;
}

function checkLimit(limit: number, max = 500) {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw invalid('limit', `limit must be 1 to ${max}`);
}

async function requestViews(ctx: Ctx, viewer: Viewer, rows: RequestRow[]): Promise<InformationRequestView[]> {
  const { db, agencies } = ctx.services;
  await agencies.refresh();
  const ents = new Map((await entitiesById(db, [...new Set(rows.flatMap((r) => r.recordIds))])).map((e) => [e.id, e]));
  const answers = new Map<string, DisseminationView>();
  const answerIds = rows.map((r) => r.answerDisseminationId).filter((x): x is string => !!x);
  for (const v of await disseminationViews(ctx, viewer, await disseminationsByIds(db, viewer, answerIds))) answers.set(v.id, v);
  return rows.map((r) => {
    const holder = agencies.desk(r.holderAgency);
    return {
      ...r,
      requesterAgencyName: agencies.desk(r.requesterAgency).name,
      holderAgencyName: holder.name, holderContact: holder.desk, holderPhone: holder.phone ?? null, holderEmail: holder.email ?? null,
      references: ownReferences(viewer, r),
      records: r.recordIds.map((id) => ents.get(id)).filter((e): e is RawRecord => !!e)
        .map((e) => redactNode(viewer, agencies, e, ctx.seen)).filter((n): n is NonNullable<typeof n> => !!n) as GraphNode[],
      dissemination: r.answerDisseminationId ? answers.get(r.answerDisseminationId) ?? null : null,
    };
  });
}

const watchView = (w: WatchRow): WatchView => ({ id: w.id, kind: w.kind, target: w.target, label: w.label, createdAt: w.createdAt, lastAlertAt: w.lastAlertAt ?? null });

function alertView(a: AlertRow): AlertView {
  const c = alertContent(a);
  return {
    id: a.id, watchId: a.watchId, watchKind: a.watchKind, watchLabel: a.watchLabel, target: a.target, firstAt: a.firstAt, at: a.at,
    summary: a.summary, read: a.read,
    added: c.added as GraphNode[], addedLinks: c.addedLinks as GraphEdge[], changed: c.changed as GraphNode[], changedLinks: c.changedLinks as GraphEdge[],
    removed: c.removed,
  };
}

@Resolver()
export class InboxResolver {
  @Mutation(() => DisseminationView, { description: 'Acknowledge receipt of a dissemination to your agency (recorded, audited, shown to the sender)' })
  async acknowledgeDissemination(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<DisseminationView> {
    const viewer = requireViewer(ctx);
    const d = await acknowledge(ctx.services.db, viewer, id, new Date().toISOString());
    return (await disseminationViews(ctx, viewer, [d]))[0]!;
  }

  @Mutation(() => InformationRequestView, { description: 'Ask the holder for more (REQUEST), or record an interest for deconfliction, naming records by the stub references you were shown, a dissemination or an impact' })
  async requestInformation(@Arg('input', () => InformationRequestInput) input: InformationRequestInput, @C() ctx: Ctx): Promise<InformationRequestView> {
    const viewer = requireViewer(ctx);
    const row = await createRequest(ctx.services.db, viewer, { ...input, kind: input.kind ?? 'REQUEST' }, new Date().toISOString());
    return (await requestViews(ctx, viewer, [row]))[0]!;
  }

  @Query(() => [InformationRequestView], { description: 'Requests you made (SENT), or the queue of requests to your agency (RECEIVED: roles that disseminate), newest first' })
  async informationRequests(
    @Arg('direction', () => RequestDirectionEnum) direction: RequestDirectionEnum,
    @Arg('status', () => RequestStatusEnum, { nullable: true }) status: RequestStatusEnum | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<InformationRequestView[]> {
    const viewer = requireViewer(ctx, direction === 'RECEIVED' ? 'disseminate' : 'read');
    checkLimit(limit);
    return requestViews(ctx, viewer, await requestsOf(ctx.services.db, viewer, { direction, status, limit }));
  }

  @Mutation(() => InformationRequestView, { description: 'Answer a request to your agency with a dissemination to the requester (reports default to the request\u2019s)' })
  async answerInformationRequest(
    @Arg('id', () => ID) id: string,
    @Arg('dissemination', () => DisseminationInput) input: DisseminationInput,
    @C() ctx: Ctx,
  ): Promise<InformationRequestView> {
    const viewer = requireViewer(ctx, 'disseminate');
    const request = await requestForHolder(ctx.services.db, viewer, id);
    const reports = (await entitiesById(ctx.services.db, request.recordIds)).filter((r) => r.type === 'IntelligenceReport').map((r) => r.id);
    const fields = validateDissemination({
      ...input,
      recipientAgency: input.recipientAgency || request.requesterAgency,
      reportIds: input.reportIds?.length || input.impactId ? input.reportIds : reports,
    }, viewer.agency);
    const r = await answerRequest(ctx.services.db, viewer, id, fields, `DIS-${randomUUID()}`, new Date().toISOString());
    for (const rid of r.dissemination.recordIds) ctx.seen.add(rid);
    return (await requestViews(ctx, viewer, [r.request]))[0]!;
  }

  @Mutation(() => InformationRequestView, { description: 'Refuse a request to your agency, with the reasons (the requester sees them)' })
  async refuseInformationRequest(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @C() ctx: Ctx): Promise<InformationRequestView> {
    const viewer = requireViewer(ctx, 'disseminate');
    const r = await refuseRequest(ctx.services.db, viewer, id, reason, new Date().toISOString());
    return (await requestViews(ctx, viewer, [r]))[0]!;
  }

  @Mutation(() => WatchView, { description: 'Watch an entity or group (its direct network), a search or an investigation: an alert arrives when its answer for you changes' })
  async watch(
    @Arg('kind', () => WatchKindEnum) kind: WatchKindEnum,
    @Arg('target', () => String) target: string,
    @Arg('label', () => String, { nullable: true }) label: string | undefined,
    @C() ctx: Ctx,
  ): Promise<WatchView> {
    const viewer = requireViewer(ctx, kind === 'INVESTIGATION' ? 'runCypher' : 'read');
    await ctx.services.agencies.refresh();
    return watchView(await createWatch(ctx.services.db, ctx.services.agencies, viewer, { kind, target, label }, new Date().toISOString()));
  }

  @Mutation(() => Boolean, { description: 'Stop watching (its alerts stay)' })
  async unwatch(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<boolean> {
    return deleteWatch(ctx.services.db, requireViewer(ctx), id);
  }

  @Query(() => [WatchView])
  async watches(@C() ctx: Ctx): Promise<WatchView[]> {
    return (await watchesOf(ctx.services.db, requireViewer(ctx))).map(watchView);
  }

  @Query(() => [AlertView], { description: 'Your alerts, newest first' })
  async alerts(
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @C() ctx: Ctx,
  ): Promise<AlertView[]> {
    const viewer = requireViewer(ctx);
    checkLimit(limit);
    return (await alertsOf(ctx.services.db, viewer, { limit, unreadOnly })).map(alertView);
  }

  @Mutation(() => Int, { description: 'Marks these alerts (all when no ids are given) as read; returns how many changed' })
  async markAlertsRead(@Arg('ids', () => [ID], { nullable: true }) ids: string[] | undefined, @C() ctx: Ctx): Promise<number> {
    return markAlertsRead(ctx.services.db, requireViewer(ctx), ids ?? null);
  }

  @Query(() => InboxCounts, { description: 'For the toolbar: unacknowledged disseminations, open requests to your agency, unread alerts' })
  async inboxCounts(@C() ctx: Ctx): Promise<InboxCounts> {
    const viewer = requireViewer(ctx);
    const { db } = ctx.services;
    const [unacknowledged, openRequests, unreadAlerts] = await Promise.all([
      unacknowledgedCount(db, viewer), can(viewer, 'disseminate') ? openRequestCount(db, viewer) : 0, unreadAlertCount(db, viewer),
    ]);
    return { unacknowledged, openRequests, unreadAlerts };
  }
}
