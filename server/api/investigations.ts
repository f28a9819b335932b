import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx as C, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import { ENTITY_TYPE_NAMES, LINK_TYPE_NAMES } from '../domain/model.js';
import { bindParams, freeFormParams, library, usedParams, type LibraryInvestigation, type ParamDef } from '../investigations/library.js';
import { DEFAULT_LIMITS, prepare, RunSlots, runInvestigationQuery, withRunSlot, type Limits, type RunResult } from '../investigations/run.js';
import { ALLOWED_FUNCTIONS, FREE_FORM_PROCEDURES, FREE_FORM_PROPERTY_KEYS } from '../investigations/safety.js';
import {
  approveInvestigation, listInvestigations, saveInvestigation, shareInvestigation, validateDraft, versionsOf, visibleInvestigation,
  type QueryCheck, type SavedInvestigation,
} from '../investigations/store.js';
import { requireViewer, type Ctx } from './context.js';
import { GraphSlice, JSONObject } from './types.js';

/**
 * Saved Cypher investigations: the shared library (cypher/investigations), users' own saved
 * queries with versions, sharing and approval, and bounded, policy-checked execution. Every
 * operation needs the runCypher permission (RESEARCHER, PRINCIPAL_ANALYST); approval needs
 * approveInvestigation. Saving and approving run the same checks as a run; each user may have
 * `MAX_CONCURRENT_QUERIES_PER_USER` runs in progress at once. Runs are audited by the generic audit plugin (query text and parameters
 * hashed, ids shown in full or shared form listed); `ctx.auditDetail` carries the query hash.
 */
@ObjectType({ simpleResolvers: true })
export class InvestigationParam {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'int, float, string, date, bool or list' }) type!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Default value; absent when the parameter is required' }) default?: unknown;
  @Field(() => String, { nullable: true }) description?: string;
}

@ObjectType({ simpleResolvers: true })
export class InvestigationVersionInfo {
  @Field(() => Int) version!: number;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String) cypher!: string;
  @Field(() => [InvestigationParam]) params!: InvestigationParam[];
  @Field(() => String) returns!: string;
  @Field(() => [String]) columns!: string[];
  @Field(() => String) savedBy!: string;
  @Field(() => String) savedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class InvestigationInfo {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'graph or table: how the client shows the result first' }) returns!: string;
  @Field(() => [String], { description: 'Library: scalar columns vouched safe to show. Saved: columns to show in the table' }) columns!: string[];
  @Field(() => [InvestigationParam]) params!: InvestigationParam[];
  @Field(() => String) cypher!: string;
  @Field(() => String, { description: 'library (shipped), own, shared (with you) or approved (into the shared library)' }) source!: string;
  @Field(() => String, { nullable: true }) owner?: string;
  @Field(() => Int) version!: number;
  @Field(() => Boolean) approved!: boolean;
  @Field(() => String, { nullable: true }) approvedBy?: string;
  @Field(() => [String], { nullable: true, description: 'Only shown to the owner' }) sharedWith?: string[];
  @Field(() => String, { nullable: true }) createdAt?: string;
  @Field(() => String, { nullable: true }) updatedAt?: string;
  @Field(() => [InvestigationVersionInfo], { nullable: true, description: 'Version history (from investigation(id) only)' }) versions?: InvestigationVersionInfo[];
}

@ObjectType({ simpleResolvers: true })
export class InvestigationResult {
  @Field(() => [String]) columns!: string[];
  @Field(() => [JSONObject], { description: 'One object per row; graph values are {node}, {edge} or {path} references into graph' }) rows!: Record<string, unknown>[];
  @Field(() => GraphSlice) graph!: GraphSlice;
  @Field(() => Boolean, { description: 'The row cap (or the graph cap) cut the result short' }) truncated!: boolean;
  @Field(() => [String], { description: 'Columns whose values were withheld (library columns not declared safe)' }) withheldColumns!: string[];
  @Field(() => Int) elapsedMs!: number;
  @Field(() => Boolean, { description: 'The query ran confined to the records you may see (free-form and saved queries)' }) guarded!: boolean;
  @Field(() => String, { description: 'sha256 of the query text, as audited' }) queryHash!: string;
}

@ObjectType({ simpleResolvers: true })
export class CypherSchema {
  @Field(() => [String]) labels!: string[];
  @Field(() => [String]) relationshipTypes!: string[];
  @Field(() => [String], { description: 'Property keys free-form queries may use' }) propertyKeys!: string[];
  @Field(() => [String]) functions!: string[];
  @Field(() => [String]) procedures!: string[];
}

@InputType()
export class InvestigationParamInput {
  @Field(() => String) name!: string;
  @Field(() => String) type!: string;
  @Field(() => String, { nullable: true, description: 'Default as written in a header: 2, 0.5, text, 2024-01-31 or today, true, a, b' }) default?: string;
  @Field(() => String, { nullable: true }) description?: string;
}

@InputType()
export class InvestigationInput {
  @Field(() => ID, { nullable: true, description: 'Absent: a new investigation. Present: a new version of your own' }) id?: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String) cypher!: string;
  @Field(() => String, { nullable: true, defaultValue: 'graph' }) returns?: string;
  @Field(() => [String], { nullable: true }) columns?: string[];
  @Field(() => [InvestigationParamInput], { nullable: true }) params?: InvestigationParamInput[];
  @Field(() => Int, { nullable: true, description: 'The version you edited; a newer one on the server is a CONFLICT' }) expectedVersion?: number;
}

const paramsOut = (ps: readonly ParamDef[]): InvestigationParam[] => ps.map((p) => ({ name: p.name, type: p.type, default: p.default, description: p.description }));

function libraryInfo(l: LibraryInvestigation): InvestigationInfo {
  return {
    id: l.id, name: l.name, description: l.description, returns: l.returns, columns: l.columns, params: paramsOut(l.params),
    cypher: l.cypher, source: 'library', version: 1, approved: true,
  };
}

function savedInfo(inv: SavedInvestigation, me: string): InvestigationInfo {
  const own = inv.owner === me;
  return {
    id: inv.id, name: inv.name, description: inv.description, returns: inv.returns, columns: inv.columns, params: paramsOut(inv.params),
    cypher: inv.cypher, source: own ? 'own' : inv.sharedWith.includes(me) ? 'shared' : 'approved', owner: inv.owner,
    version: inv.version, approved: inv.approved, approvedBy: inv.approvedBy ?? undefined, sharedWith: own ? inv.sharedWith : undefined,
    createdAt: inv.createdAt, updatedAt: inv.updatedAt,
  };
}

/** The run limiter of this API instance (its services object), not of the process. */
const slots = new WeakMap<object, RunSlots>();
function slotsOf(ctx: Ctx): RunSlots {
  let s = slots.get(ctx.services);
  if (!s) slots.set(ctx.services, (s = new RunSlots()));
  return s;
}

function limitsFor(ctx: Ctx): Limits {
  const { config } = ctx.services;
  return { ...DEFAULT_LIMITS, timeoutMs: config.queryTimeoutMs, maxGraphNodes: config.maxGraphNodes };
}

function audited(ctx: Ctx, what: string, r: RunResult): InvestigationResult {
  ctx.auditDetail = `${what} cypher=${r.queryHash} guarded=${r.guarded} rows=${r.rows.length} truncated=${r.truncated}`;
  return r;
}

@Resolver()
export class InvestigationResolver {
  @Query(() => [InvestigationInfo], { description: 'The library, your own saved investigations, those shared with you and approved ones' })
  async investigations(@C() ctx: Ctx): Promise<InvestigationInfo[]> {
    const viewer = requireViewer(ctx, 'runCypher');
    const saved = await listInvestigations(ctx.services.db, viewer);
    return [...library().map(libraryInfo), ...saved.map((s) => savedInfo(s, viewer.username))];
  }

  @Query(() => InvestigationInfo, { nullable: true })
  async investigation(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<InvestigationInfo | undefined> {
    const viewer = requireViewer(ctx, 'runCypher');
    const lib = library().find((l) => l.id === id);
    if (lib) return libraryInfo(lib);
    try {
      const inv = await visibleInvestigation(ctx.services.db, viewer, id);
      const versions = await versionsOf(ctx.services.db, id);
      return { ...savedInfo(inv, viewer.username), versions: versions.map((v) => ({ ...v, params: paramsOut(v.params) })) };
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') return undefined;
      throw e;
    }
  }

  @Query(() => InvestigationResult, { description: 'Runs a library or saved investigation with these parameter values' })
  async runInvestigation(
    @Arg('id', () => ID) id: string,
    @Arg('params', () => JSONObject, { nullable: true }) params: Record<string, unknown> | undefined,
    @C() ctx: Ctx,
  ): Promise<InvestigationResult> {
    const viewer = requireViewer(ctx, 'runCypher');
    await ctx.services.agencies.refresh();
    const { db, agencies } = ctx.services;
    const lib = library().find((l) => l.id === id);
    if (lib) {
      const r = await withRunSlot(slotsOf(ctx), viewer, ctx.services.config.maxConcurrentQueriesPerUser, () => runInvestigationQuery(db, viewer, agencies, {
        mode: 'library', cypher: lib.body, params: bindParams(lib.params, params), safeColumns: lib.columns,
      }, { limits: limitsFor(ctx), seen: ctx.seen }));
      return audited(ctx, id, r);
    }
    const inv = await visibleInvestigation(db, viewer, id);
    const r = await withRunSlot(slotsOf(ctx), viewer, ctx.services.config.maxConcurrentQueriesPerUser, () => runInvestigationQuery(db, viewer, agencies, {
      mode: 'freeForm', cypher: inv.cypher, params: bindParams(inv.params, params),
    }, { limits: limitsFor(ctx), seen: ctx.seen }));
    return audited(ctx, `${id}@${inv.version}`, r);
  }

  @Query(() => InvestigationResult, { description: 'Runs a free-form read-only Cypher query, confined to the records you may see' })
  async runCypher(
    @Arg('cypher', () => String) text: string,
    @Arg('params', () => JSONObject, { nullable: true }) params: Record<string, unknown> | undefined,
    @C() ctx: Ctx,
  ): Promise<InvestigationResult> {
    const viewer = requireViewer(ctx, 'runCypher');
    await ctx.services.agencies.refresh();
    const r = await withRunSlot(slotsOf(ctx), viewer, ctx.services.config.maxConcurrentQueriesPerUser, () => runInvestigationQuery(
      ctx.services.db, viewer, ctx.services.agencies, { mode: 'freeForm', cypher: text, params: freeFormParams(params) }, { limits: limitsFor(ctx), seen: ctx.seen },
    ));
    return audited(ctx, 'free-form', r);
  }

  @Query(() => CypherSchema, { description: 'Names for editor completion, from the model (never from the data)' })
  cypherSchema(@C() ctx: Ctx): CypherSchema {
    requireViewer(ctx, 'runCypher');
    return {
      labels: [...ENTITY_TYPE_NAMES, 'Entity'],
      relationshipTypes: [...LINK_TYPE_NAMES],
      propertyKeys: [...FREE_FORM_PROPERTY_KEYS],
      functions: [...ALLOWED_FUNCTIONS],
      procedures: [...FREE_FORM_PROCEDURES],
    };
  }

  @Mutation(() => InvestigationInfo, { description: 'Saves a new investigation, or a new version of your own; the query must pass every check' })
  async saveInvestigation(@Arg('input', () => InvestigationInput) input: InvestigationInput, @C() ctx: Ctx): Promise<InvestigationInfo> {
    const viewer = requireViewer(ctx, 'runCypher');
    const { db } = ctx.services;
    const saved = await saveChecked(ctx, input);
    ctx.seen.add(saved.id);
    const versions = await versionsOf(db, saved.id);
    return { ...savedInfo(saved, viewer.username), versions: versions.map((v) => ({ ...v, params: paramsOut(v.params) })) };
  }

  @Mutation(() => InvestigationInfo, { description: 'Shares your investigation with these colleagues (replaces the list; [] stops sharing)' })
  async shareInvestigation(
    @Arg('id', () => ID) id: string,
    @Arg('usernames', () => [String]) usernames: string[],
    @C() ctx: Ctx,
  ): Promise<InvestigationInfo> {
    const viewer = requireViewer(ctx, 'runCypher');
    const inv = await shareInvestigation(ctx.services.db, viewer, id, usernames);
    ctx.seen.add(id);
    return savedInfo(inv, viewer.username);
  }

  @Mutation(() => InvestigationInfo, { description: 'Approves the current version of an investigation into the shared library (principal analysts)' })
  async approveInvestigation(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<InvestigationInfo> {
    const viewer = requireViewer(ctx, 'approveInvestigation');
    const { db } = ctx.services;
    if (library().some((l) => l.id === id)) throw notFound('Investigation', id);
    const approved = await approveInvestigation(db, viewer, id, queryCheck(ctx));
    ctx.seen.add(id);
    return savedInfo(approved, viewer.username);
  }
}

/** Parameter values for EXPLAIN: defaults where declared (EXPLAIN does not need the others). */
function explainParams(defs: readonly ParamDef[]): Record<string, unknown> {
  const withDefaults = defs.filter((p) => p.default !== undefined);
  return bindParams(withDefaults, {});
}

async function saveChecked(ctx: Ctx, input: InvestigationInput): Promise<SavedInvestigation> {
  const viewer = ctx.viewer!;
  const draft = validateDraft(input);
  const declared = new Set(draft.params.map((p) => p.name));
  const undeclared = [...usedParams(draft.cypher)].filter((p) => !declared.has(p));
  if (undeclared.length) {
    throw invalid('params', `Declare the parameters the query uses: ${undeclared.map((p) => `$${p}`).join(', ')}`);
  }
  return saveInvestigation(ctx.services.db, viewer, input, queryCheck(ctx));
}

/** The checks of a run (parse tree, guard, EXPLAIN), as the one who saves or approves. */
function queryCheck(ctx: Ctx): QueryCheck {
  return async (cypherText, defs) => {
    await prepare(ctx.services.db, ctx.viewer!, { mode: 'freeForm', cypher: cypherText, params: explainParams(defs) }, limitsFor(ctx));
  };
}
